// `npm run bench -- --suite big-story`: how long the web app takes to show a big story the first time.
// The mark: the first view of a 278-article story within 500 ms. Measured in-process (the app's own
// request handler, no network), on a library of allsides articles:
//
//   node dist/bench/big-story.js [--db FILE] [--limit N]
//
// With --db, the library's biggest story is measured as it is. Without it, the first N (default 2,000)
// allsides articles are ingested into a new library, and its biggest stories are merged into one until it
// holds at least 278 articles: a story of that size, built from real coverage, whatever clustering made of
// this slice. Times are printed, not recorded: the machine this runs on is often shared.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFirstLines } from './corpus-lines.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/allsides/articles.jsonl.gz');
const TARGET_ARTICLES = 278;
const TARGET_MS = 500;

function argValue(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function buildLibrary(db: string, limit: number): Promise<void> {
  const { ingestIntoLibrary } = await import('../src/library/ingest.js');
  const { openSqliteStore } = await import('../src/store/sqlite/sqlite-store.js');
  const { DEFAULT_CONFIG } = await import('../src/config.js');
  const { mergeStoriesIn } = await import('../src/library/stories.js');
  const { asAsyncStore } = await import('../src/store/as-async.js');
  const input = `${db}.input.jsonl`;
  const count = await writeFirstLines(CORPUS, limit, input);
  const store = openSqliteStore(db);
  const started = performance.now();
  await ingestIntoLibrary(store, [input], DEFAULT_CONFIG);
  console.log(`built: ${count} articles in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const [target, ...others] = store.listStories({ order: 'biggest', limit: 200 });
  if (!target) throw new Error('the library holds no story');
  let size = target.articleCount;
  for (const other of others) {
    if (size >= TARGET_ARTICLES) break;
    size = (await mergeStoriesIn(asAsyncStore(store), target.id, other.id)).articleCount;
  }
  store.close();
}

async function timed(app: { request: (path: string) => Response | Promise<Response> }, path: string) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const res = await app.request(path);
  const body = await res.text();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  // CPU time next to wall time: on a shared machine the wall time is mostly waiting for a core.
  return { ms, cpuMs: (used.user + used.system) / 1000, bytes: Buffer.byteLength(body) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const given = argValue(args, '--db');
  const limit = Number(argValue(args, '--limit') ?? 2000);
  const dir = given ? null : mkdtempSync(join(tmpdir(), 'parallax-big-story-'));
  const db = given ?? join(dir as string, 'library.db');
  if (!given) await buildLibrary(db, limit);

  const { openSqliteStore } = await import('../src/store/sqlite/sqlite-store.js');
  const { createApp } = await import('../src/server/app.js');
  const store = openSqliteStore(db);
  const app = createApp({ store });
  const [big, ...rest] = store.listStories({ order: 'biggest', limit: 6 });
  if (!big) throw new Error('the library holds no story');
  const line = (what: string, r: { ms: number; cpuMs: number; bytes: number }) =>
    console.log(
      `${what.padEnd(58)} ${r.ms.toFixed(0).padStart(6)} ms wall ${r.cpuMs.toFixed(0).padStart(6)} ms CPU  ${(r.bytes / 1024).toFixed(0)} KB`,
    );
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (2 cores)`,
  );
  console.log(`biggest story: ${big.articleCount} articles, ${big.outlets.length} outlets`);

  // `parallax serve` loads the comparison and the renderer once it listens (serve.ts); so does this, timed.
  const t = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all([import('../src/compare/index.js'), import('../src/report/html/index.js')]);
  const used = process.cpuUsage(cpu);
  line('loading the comparison and renderer (serve: after it listens)', {
    ms: performance.now() - t,
    cpuMs: (used.user + used.system) / 1000,
    bytes: 0,
  });
  line('first view of the biggest story', await timed(app, `/stories/${big.id}`));
  line('second view (cached page)', await timed(app, `/stories/${big.id}`));
  // Once any story has been shown, a first view is the outlet choice and the comparison of the chosen few.
  const others = store
    .getStory(big.id)
    ?.members.map((m) => m.outlet)
    .filter((o): o is string => o !== null);
  const picked = [...new Set(others)].slice(-8);
  const q = new URLSearchParams(picked.map((o) => ['outlet', o]));
  line("first view with 8 outlets of the reader's choosing", await timed(app, `/stories/${big.id}?${q}`));
  for (const s of rest) {
    line(`first view of a story of ${s.articleCount} articles`, await timed(app, `/stories/${s.id}`));
  }
  line('the members page of the biggest story', await timed(app, `/stories/${big.id}/articles`));
  line('story list', await timed(app, '/'));
  line('story list, stories covered by 2+ outlets', await timed(app, '/?min_outlets=2'));
  line('story list, page 3', await timed(app, '/?page=3'));
  console.log(`target: a first view within ${TARGET_MS} ms`);
  store.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
