// Order independence of the library's stories on real news: a few hundred consecutive allsides articles
// ingested in one run, in two parts and in a shuffled order, each into a new library; reports the share
// of articles whose story (as the set of its articles) differs from the one-run library.
//
//   npm run build && node dist/bench/order-check.js [count] [first article index]
//
// The articles are written to a temporary file outside the repository and removed afterwards.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DEFAULT_CONFIG } from '../src/config.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { seededRandom } from '../src/util/random.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CORPUS = resolve(HERE, '../../../shared/corpus/allsides/articles.jsonl.gz');

async function library(dir: string, name: string, parts: string[][]): Promise<Map<string, string>> {
  const store = openSqliteStore(join(dir, `${name}.db`));
  for (const [i, lines] of parts.entries())
    writeFileSync(join(dir, `${name}-${i}.jsonl`), `${lines.join('\n')}\n`);
  const started = performance.now();
  for (let i = 0; i < parts.length; i++)
    await ingestIntoLibrary(store, [join(dir, `${name}-${i}.jsonl`)], { ...DEFAULT_CONFIG });
  const seconds = (performance.now() - started) / 1000;
  const stories = store.listStories({});
  const byArticle = new Map<string, string>();
  for (const s of stories) {
    const members = store.getStory(s.id)?.members.map((m) => m.inputId) ?? [];
    const key = [...members].sort().join(',');
    for (const m of members) byArticle.set(m, key);
  }
  console.log(`${name}: ${stories.length} stories, ${seconds.toFixed(1)} s`);
  store.close();
  return byArticle;
}

function differing(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...a.keys()].filter((id) => a.get(id) !== b.get(id));
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 300);
  const all = gunzipSync(readFileSync(CORPUS))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => ({ line: l, published: (JSON.parse(l) as { published?: string }).published ?? '' }))
    .filter((r) => r.published)
    .sort((x, y) => (x.published < y.published ? -1 : x.published > y.published ? 1 : 0));
  const from = Number(process.argv[3] ?? Math.floor(all.length / 2));
  const lines = all.slice(from, from + count).map((r) => r.line);
  const dir = mkdtempSync(join(tmpdir(), 'parallax-order-'));
  try {
    const random = seededRandom(11);
    const shuffled = [...lines];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
    }
    const one = await library(dir, 'one-run', [lines]);
    const half = Math.floor(lines.length / 3);
    const two = await library(dir, 'two-parts', [lines.slice(0, half), lines.slice(half)]);
    const other = await library(dir, 'shuffled', [shuffled]);
    for (const [name, run] of [
      ['two parts', two],
      ['shuffled', other],
    ] as const) {
      const diff = differing(one, run);
      console.log(
        `${name}: ${diff.length} of ${one.size} articles (${((100 * diff.length) / one.size).toFixed(1)} %) in a story that differs from the one-run library`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
