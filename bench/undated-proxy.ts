// Undated articles on real news, measured against the same news with dates: consecutive dated allsides
// articles (by publication day) are ingested into a new library as they are, and into another with the
// date taken off a seeded random share of them (their `published` and their address, which often carries
// the day). The dated library is the reference: how far the stories of the second agree with it, over all
// articles and over the stripped ones (B³ of each article's story against its story in the dated run),
// and how large the stories made only of stripped articles grow. Nothing here is gold: it measures what
// losing the date costs, the part of story grouping that undated articles depend on.
//
//   npm run build && node dist/bench/undated-proxy.js [count] [first index] [share stripped] [seed]
//
// The articles are written to a temporary file outside the repository and removed afterwards. Annotations
// are kept under the OS temp folder (by store id, which differs for a stripped article), so that a change
// to story grouping re-runs in seconds; features are computed afresh from them every run.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DEFAULT_CONFIG } from '../src/config.js';
import { type Annotator, workerAnnotator } from '../src/library/annotator.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import type { PreparedArticle, PrepareResult } from '../src/library/prepare.js';
import type { AnnotatedArticle } from '../src/model/article.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { articleFeatures } from '../src/stories/features.js';
import { seededRandom } from '../src/util/random.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CORPUS = resolve(HERE, '../../../shared/corpus/allsides/articles.jsonl.gz');
const CACHE = join(tmpdir(), 'parallax-undated-proxy.json.gz');

type Cached = { article: AnnotatedArticle; keys: string[] };

function readCache(): Map<string, Cached> {
  if (!existsSync(CACHE)) return new Map();
  return new Map(Object.entries(JSON.parse(gunzipSync(readFileSync(CACHE)).toString('utf8'))));
}

/** The worker annotator, answering from the cache what it annotated before (features recomputed). */
function cachingAnnotator(cache: Map<string, Cached>): Annotator {
  const inner = workerAnnotator() as Annotator;
  return {
    capacity: inner.capacity,
    close: () => inner.close(),
    async prepare(articles) {
      const missing = articles.filter((a) => !cache.has(a.id));
      if (missing.length)
        for (const r of await inner.prepare(missing))
          if (r.ok) cache.set(r.prepared.id, { article: r.prepared.article, keys: r.prepared.keys });
      return articles.flatMap(({ id, article }): PrepareResult[] => {
        const c = cache.get(id);
        if (!c) return [{ ok: false, source: article.source, reason: 'not annotated' }];
        const prepared: PreparedArticle = { ...c, id, features: articleFeatures(c.article) };
        return [{ ok: true, prepared }];
      });
    },
  };
}

interface Record {
  id: string;
  published?: string | null;
  url?: string | null;
  [key: string]: unknown;
}

/** Each article's story, as the list of its members (by the input record's id). */
async function library(
  dir: string,
  name: string,
  records: readonly Record[],
  cache: Map<string, Cached>,
): Promise<Map<string, string[]>> {
  const store = openSqliteStore(join(dir, `${name}.db`));
  const file = join(dir, `${name}.jsonl`);
  writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const started = performance.now();
  const annotator = cachingAnnotator(cache);
  await ingestIntoLibrary(store, [file], { ...DEFAULT_CONFIG }, { annotator });
  await annotator.close();
  const seconds = (performance.now() - started) / 1000;
  const stories = store.listStories({});
  const storyOf = new Map<string, string[]>();
  for (const s of stories) {
    const members = store.getStory(s.id)?.members.map((m) => m.inputId) ?? [];
    for (const m of members) storyOf.set(m, members);
  }
  const sizes = stories.map((s) => store.getStory(s.id)?.members.length ?? 0);
  console.log(
    `${name}: ${stories.length} stories, largest ${Math.max(...sizes)}, ${sizes.filter((n) => n === 1).length} single articles, ${seconds.toFixed(1)} s`,
  );
  store.close();
  return storyOf;
}

/** B³ precision and recall of `run` against `reference`, averaged over `items`. */
function bcubed(
  run: Map<string, string[]>,
  reference: Map<string, string[]>,
  items: readonly string[],
): { p: number; r: number; f1: number } {
  let p = 0;
  let r = 0;
  for (const id of items) {
    const mine = new Set(run.get(id) ?? [id]);
    const theirs = new Set(reference.get(id) ?? [id]);
    let both = 0;
    for (const m of mine) if (theirs.has(m)) both++;
    p += both / mine.size;
    r += both / theirs.size;
  }
  p /= items.length || 1;
  r /= items.length || 1;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 600);
  const all = gunzipSync(readFileSync(CORPUS))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record)
    .filter((r) => r.published)
    .sort((x, y) =>
      (x.published as string) < (y.published as string)
        ? -1
        : (x.published as string) > (y.published as string)
          ? 1
          : x.id < y.id
            ? -1
            : 1,
    );
  const from = Number(process.argv[3] ?? Math.floor(all.length / 2));
  const share = Number(process.argv[4] ?? 0.3);
  const random = seededRandom(Number(process.argv[5] ?? 23));
  const dated = all.slice(from, from + count);
  const stripped = new Set<string>();
  const undated = dated.map((r) => {
    if (random() >= share) return r;
    stripped.add(r.id);
    const { published: _p, url: _u, ...rest } = r;
    return rest as Record;
  });
  console.log(
    `${dated.length} allsides articles published ${dated[0]?.published} to ${dated[dated.length - 1]?.published}; ${stripped.size} stripped of their date (seeded)`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'parallax-undated-'));
  try {
    const cache = readCache();
    const before = cache.size;
    const reference = await library(dir, 'dated', dated, cache);
    const run = await library(dir, 'stripped', undated, cache);
    if (cache.size > before) writeFileSync(CACHE, gzipSync(JSON.stringify(Object.fromEntries(cache))));
    const ids = dated.map((r) => r.id);
    const fmt = (x: number) => x.toFixed(3);
    for (const [label, items] of [
      ['all articles', ids],
      ['stripped articles', ids.filter((id) => stripped.has(id))],
      ['dated articles', ids.filter((id) => !stripped.has(id))],
    ] as const) {
      const s = bcubed(run, reference, items);
      console.log(`${label}: B³ P ${fmt(s.p)} R ${fmt(s.r)} F1 ${fmt(s.f1)} against the dated library`);
    }
    // Stories of two or more articles, all stripped: the undated blobs.
    const seen = new Set<string[]>();
    const blobs: number[] = [];
    for (const members of run.values()) {
      if (seen.has(members)) continue;
      seen.add(members);
      if (members.length > 1 && members.every((m) => stripped.has(m))) blobs.push(members.length);
    }
    blobs.sort((a, b) => b - a);
    if (process.argv.includes('--show')) {
      // The larger blobs, article by article: the day it lost and its story in the dated library.
      const byId = new Map(dated.map((r) => [r.id, r]));
      const refIds = new Map<string[], number>();
      for (const members of [...seen].filter((m) => m.length > 2 && m.every((x) => stripped.has(x)))) {
        console.log('--');
        for (const m of members) {
          const ref = reference.get(m) ?? [m];
          if (!refIds.has(ref)) refIds.set(ref, refIds.size);
          const r = byId.get(m);
          console.log(`${r?.published} dated-story ${refIds.get(ref)} (${ref.length}) ${r?.title}`);
        }
      }
    }
    if (process.argv.includes('--misplaced')) {
      // Stripped articles whose story differs from the dated run's: their true day, and the true days of
      // the articles they were put with (to the console only).
      const byId = new Map(dated.map((r) => [r.id, r]));
      const dayOfId = (id: string) => Date.parse(String(byId.get(id)?.published)) / 86_400_000;
      for (const id of ids.filter((x) => stripped.has(x))) {
        const mine = run.get(id) ?? [id];
        const theirs = new Set(reference.get(id) ?? [id]);
        if (mine.length === theirs.size && mine.every((m) => theirs.has(m))) continue;
        const gaps = mine.filter((m) => m !== id).map((m) => Math.round(dayOfId(m) - dayOfId(id)));
        const shared = mine.filter((m) => theirs.has(m)).length;
        console.log(
          `${byId.get(id)?.published} run ${mine.length} ref ${theirs.size} shared ${shared} gaps [${gaps.join(' ')}] ${byId.get(id)?.title}`,
        );
      }
    }
    console.log(
      `stories of only stripped articles: ${blobs.length} (${blobs.reduce((x, y) => x + y, 0)} articles; largest ${blobs.slice(0, 5).join(', ') || '-'})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
