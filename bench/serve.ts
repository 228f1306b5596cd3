// `npm run bench -- --suite serve [--db FILE|URL]`: the web app over a library holding all of allsides, in a
// file or a PostgreSQL database (a postgres:// URL). Measures the server's start (process spawn to the first
// answered request), the story list and story pages under 20 concurrent clients on loopback (autocannon;
// every response's latency is kept, so the percentiles are exact), the same load against a bare node:http
// server returning a page of the same size from memory (what any Node server costs at best, for the ratio),
// the first, uncached view of a sample of stories, and the server's memory over a five-minute mixed run.
// Without --db the library is built first (about 8 minutes).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPostgresUrl } from '../src/store/open.js';
import { seededRandom } from '../src/util/random.js';
import { machineLine, recordSection } from './results.js';
import {
  CONNECTIONS,
  type Load,
  load,
  percentile,
  startServe as startServeWith,
  stop,
} from './serve-load.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const BIN = resolve(ROOT, 'bin/parallax.js');
const CORPUS = resolve(ROOT, '../shared/corpus/allsides/articles.jsonl.gz');

const TARGETS = { startMs: 1000, p95Ms: 50 };
const LOAD_SECONDS = Number(process.env.PARALLAX_BENCH_LOAD_SECONDS ?? 20);
const MEMORY_SECONDS = Number(process.env.PARALLAX_BENCH_MEMORY_SECONDS ?? 300);
/** Stories whose pages the load runs over (all viewed once before, so the numbers are for a warm server). */
const STORY_SAMPLE = 200;

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** GET with gzip accepted, returning the bytes as sent (Node's fetch would decompress them). */
function rawGet(url: string): Promise<Buffer> {
  return new Promise((done, fail) => {
    httpGet(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        res.statusCode === 200 ? done(Buffer.concat(chunks)) : fail(new Error(`${url}: ${res.statusCode}`)),
      );
    }).on('error', fail);
  });
}

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

function ms(n: number): string {
  return n < 10 ? n.toFixed(1) : n.toFixed(0);
}

const startServe = (db: string) => startServeWith(BIN, db);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const record = args.includes('--record');
  const dbAt = args.indexOf('--db');
  const given = dbAt >= 0 ? (args[dbAt + 1] ?? '') : '';
  let db = isPostgresUrl(given) ? given : given && resolve(given);
  let built: string | null = null;
  if (!db) {
    if (!existsSync(CORPUS)) throw new Error(`${CORPUS} not found; the benchmark needs ../shared/corpus`);
    built = mkdtempSync(join(tmpdir(), 'parallax-bench-serve-'));
    db = join(built, 'library.db');
    console.error(`bench: building a library of all allsides articles in ${db} (about 8 minutes)…`);
    execFileSync(process.execPath, [BIN, 'ingest', CORPUS, '--db', db], { stdio: 'inherit' });
  }

  // Start: five cold starts, median and worst.
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = await startServe(db);
    starts.push(s.startMs);
    await stop(s);
  }
  starts.sort((a, b) => a - b);

  const server = await startServe(db);
  const { origin } = server;
  const pid = server.child.pid ?? 0;
  const health = await json<{ articles: number; stories: number }>(`${origin}/api/health`);
  const random = seededRandom(5);
  const newest = await json<{ stories: { id: number; articleCount: number }[] }>(
    `${origin}/api/stories?limit=1000`,
  );
  const biggest = await json<{ stories: { id: number; articleCount: number }[] }>(
    `${origin}/api/stories?sort=biggest&limit=20`,
  );
  // What readers open: a uniform sample of the 1,000 newest stories. The 20 biggest (hundreds of articles,
  // pages of several MB) are measured on their own, since a few of them would dominate any percentile.
  const big = biggest.stories.slice(0, 20);
  const pool = newest.stories.filter((s) => !big.some((b) => b.id === s.id));
  const sample: typeof pool = [];
  while (sample.length < STORY_SAMPLE && pool.length > 0) {
    sample.push(...pool.splice(Math.floor(random() * pool.length), 1));
  }
  const sizes = sample.map((s) => s.articleCount).sort((a, b) => a - b);
  const bigSizes = big.map((s) => s.articleCount).sort((a, b) => a - b);

  /** First views: every story once, one at a time; then the bytes a browser receives for each. */
  const firstViews = async (stories: readonly { id: number }[]) => {
    const times: number[] = [];
    for (const s of stories) {
      const t = performance.now();
      await rawGet(`${origin}/stories/${s.id}`);
      times.push(performance.now() - t);
    }
    const sent: { id: number; bytes: number }[] = [];
    for (const s of stories)
      sent.push({ id: s.id, bytes: (await rawGet(`${origin}/stories/${s.id}`)).length });
    return { times: times.sort((a, b) => a - b), sent: sent.sort((a, b) => a.bytes - b.bytes) };
  };
  const { times: cold, sent } = await firstViews(sample);
  const { times: bigCold, sent: bigSent } = await firstViews(big);
  const medianPage = await rawGet(`${origin}/stories/${sent[Math.floor(sent.length / 2)]?.id ?? 1}`);

  // First (uncached) view of each list order.
  const listCold: number[] = [];
  for (const path of ['/?sort=newest&first=1', '/?sort=biggest&first=1', '/?sort=contested&first=1']) {
    const t = performance.now();
    await rawGet(`${origin}${path}`);
    listCold.push(performance.now() - t);
  }

  let k = 0;
  const storyPath = () => `/stories/${sample[k++ % sample.length]?.id ?? 1}`;
  const listPaths = ['/', '/?sort=biggest', '/?sort=contested'];
  let l = 0;
  const listPath = () => listPaths[l++ % listPaths.length] ?? '/';
  console.error('bench: story list under load…');
  const list = await load('story list (newest, biggest, contested in turn)', origin, listPath, LOAD_SECONDS);
  console.error('bench: story pages under load…');
  const pages = await load(
    `story pages (${sample.length} of the 1,000 newest, in turn)`,
    origin,
    storyPath,
    LOAD_SECONDS,
  );
  let b = 0;
  const bigPath = () => `/stories/${big[b++ % big.length]?.id ?? 1}`;
  console.error('bench: the biggest story pages under load…');
  const bigPages = await load(
    `story pages (the ${big.length} biggest, in turn)`,
    origin,
    bigPath,
    LOAD_SECONDS,
  );

  // Navigation (issue 16): searches narrowed by outlet and days and reordered, the outlet and actor tables
  // sorted by a column, a later page of the 2+ outlets list, and actor pages with their labels-by-month
  // chart. Each path is viewed once first (its uncached time kept), so the load measures a warm server.
  const outlets = (await json<{ outlets: { outlet: string }[] }>(`${origin}/api/outlets`)).outlets.slice(
    0,
    10,
  );
  const words = ['election', 'senate', 'vaccine', 'border', 'impeachment', 'tariff', 'climate', 'court'];
  const actorKeys = (await json<{ actors: { actor: string }[] }>(`${origin}/api/actors`)).actors
    .slice(0, 10)
    .map((a) => a.actor);
  const navPaths: string[] = [];
  words.forEach((word, i) => {
    const outlet = encodeURIComponent(outlets[i % outlets.length]?.outlet ?? '');
    navPaths.push(
      `/search?q=${word}&outlet=${outlet}&sort=newest`,
      `/search?q=${word}&since=2019-01-01&until=2019-12-31&sort=oldest&page=2`,
    );
  });
  navPaths.push(
    '/outlets?sort=outlet&dir=asc',
    '/outlets?sort=leaning&dir=asc',
    '/outlets?sort=published&dir=desc',
    '/actors?sort=name&dir=asc',
    '/actors?sort=articles&dir=desc',
    '/?min_outlets=2&page=2',
    '/?min_outlets=2&page=5&sort=biggest',
    ...actorKeys.map((key) => `/actors/${encodeURIComponent(key)}`),
  );
  const navCold: number[] = [];
  for (const path of navPaths) {
    const t = performance.now();
    await rawGet(`${origin}${path}`);
    navCold.push(performance.now() - t);
  }
  navCold.sort((a, b) => a - b);
  let v = 0;
  const navPath = () => navPaths[v++ % navPaths.length] ?? '/';
  console.error('bench: navigation pages under load…');
  const nav = await load(
    `navigation (${navPaths.length} pages: filtered searches, sorted tables, list pages, actor charts)`,
    origin,
    navPath,
    LOAD_SECONDS,
  );

  // Baseline: a bare node:http server sending the median story page's compressed bytes from memory.
  const body = medianPage;
  const bare = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-encoding': 'gzip',
      'content-length': body.length,
    });
    res.end(body);
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()));
  const bareOrigin = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  console.error('bench: bare node:http under load…');
  const baseline = await load(
    'bare node:http, the median page from memory',
    bareOrigin,
    () => '/',
    LOAD_SECONDS,
  );
  bare.close();

  // Memory over a long mixed run: lists with filters, warm and new story pages, search, outlets, actors.
  const wide = newest.stories.map((s) => s.id);
  let m = 0;
  const mixed = () => {
    const i = m++;
    switch (i % 8) {
      case 0:
        return listPath();
      case 1:
        return `/?outlet=${encodeURIComponent(outlets[i % outlets.length]?.outlet ?? '')}`;
      case 2:
        return `/search?q=${words[i % words.length]}`;
      case 3:
        return `/?text=${words[(i >> 3) % words.length]}`;
      case 4:
        return `/stories/${wide[(i * 7919) % wide.length] ?? 1}`;
      case 5:
        return i % 16 === 5 ? '/actors' : navPath();
      default:
        return storyPath();
    }
  };
  const rss: { at: number; mb: number }[] = [];
  const sampler = setInterval(() => rss.push({ at: rss.length * 5, mb: rssMb(pid) }), 5000);
  console.error(`bench: mixed load for ${MEMORY_SECONDS} s, memory sampled every 5 s…`);
  const long = await load(
    'mixed (lists, filters, search, 1,000 stories, actors, navigation)',
    origin,
    mixed,
    MEMORY_SECONDS,
  );
  clearInterval(sampler);
  await stop(server);
  if (built) rmSync(built, { recursive: true, force: true });

  const third = Math.max(1, Math.floor(rss.length / 3));
  const avg = (xs: { mb: number }[]) => xs.reduce((n, x) => n + x.mb, 0) / Math.max(1, xs.length);
  const middle = avg(rss.slice(third, 2 * third));
  const last = avg(rss.slice(2 * third));
  const peak = Math.max(...rss.map((r) => r.mb));
  const drift = rss.length >= 3 ? (last - middle) / middle : Number.NaN;

  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const row = (r: Load) =>
    `| ${r.name} | ${r.requests} | ${r.perSecond.toFixed(0)} | ${ms(r.p50)} | **${ms(r.p95)}** | ${ms(r.p99)} | ${ms(r.max)} | ${r.errors + r.non2xx} |`;
  const section = [
    `## Web app (\`parallax serve\`) — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Machine: ${machineLine()}. Library: ${health.articles} articles in ${health.stories} stories${built ? ' (all of allsides, built by this run)' : ''}, ${isPostgresUrl(db) ? 'on PostgreSQL' : 'in a SQLite file'}. ${CONNECTIONS} concurrent connections from autocannon in the bench process, on loopback; latencies are every response's, in ms.`,
    '',
    `- Server start (spawn to first answered request), 5 runs: median **${ms(percentile(starts, 50))} ms**, worst ${ms(starts.at(-1) ?? 0)} ms (target < ${TARGETS.startMs} ms: ${verdict((starts.at(-1) ?? Infinity) < TARGETS.startMs)}).`,
    `- First view of a story page (its comparison computed, rendered, compressed, then kept), ${sample.length} of the 1,000 newest stories, ${sizes[0]}–${sizes.at(-1)} articles (median ${percentile(sizes, 50)}): median ${ms(percentile(cold, 50))} ms, p95 ${ms(percentile(cold, 95))} ms, worst ${ms(cold.at(-1) ?? 0)} ms; pages as sent (gzip) median ${(medianPage.length / 1024).toFixed(0)} kB, largest ${((sent.at(-1)?.bytes ?? 0) / 1024).toFixed(0)} kB.`,
    `- The ${big.length} biggest stories (${bigSizes[0]}–${bigSizes.at(-1)} articles): first view median ${ms(percentile(bigCold, 50))} ms, worst ${ms(bigCold.at(-1) ?? 0)} ms; pages as sent median ${((bigSent[Math.floor(bigSent.length / 2)]?.bytes ?? 0) / 1024 / 1024).toFixed(1)} MB, largest ${((bigSent.at(-1)?.bytes ?? 0) / 1024 / 1024).toFixed(1)} MB.`,
    `- First view of each list order (newest, biggest, contested), uncached: ${listCold.map(ms).join(', ')} ms.`,
    '',
    '| load | requests | req/s | p50 | p95 | p99 | max | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row(list),
    row(pages),
    row(bigPages),
    row(nav),
    row(baseline),
    row(long),
    '',
    `- Story list p95 ${ms(list.p95)} ms, story page p95 ${ms(pages.p95)} ms (target < ${TARGETS.p95Ms} ms: ${verdict(list.p95 < TARGETS.p95Ms && pages.p95 < TARGETS.p95Ms)}); the biggest stories' pages p95 ${ms(bigPages.p95)} ms. Against a bare node:http server sending the median page's bytes: story pages ×${(pages.p95 / baseline.p95).toFixed(1)} its p95 and ${(pages.perSecond / baseline.perSecond).toFixed(2)} of its requests/s.`,
    `- Navigation pages (${navPaths.length}): first view median ${ms(percentile(navCold, 50))} ms, worst ${ms(navCold.at(-1) ?? 0)} ms; under load p95 ${ms(nav.p95)} ms (target < ${TARGETS.p95Ms} ms: ${verdict(nav.p95 < TARGETS.p95Ms)}).`,
    `- Memory over the ${MEMORY_SECONDS} s mixed run (server RSS every 5 s): ${ms(rss[0]?.mb ?? 0)} MB at 5 s, middle third ${ms(middle)} MB, last third ${ms(last)} MB (${drift >= 0 ? '+' : ''}${(drift * 100).toFixed(1)}%), peak ${ms(peak)} MB. Caches are bounded (64 MB of compressed story pages, 16 MB of other pages, 64 MB of report JSON).`,
    '',
  ].join('\n');
  console.log(section);
  if (record) recordSection(section);
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
