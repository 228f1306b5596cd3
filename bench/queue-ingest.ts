// `node dist/bench/queue-ingest.js --db postgres://USER:PW@HOST/DB [--articles N] [--concurrency C]
// [--runs sqlite,single,1,2] [--serve-load]`: the first N allsides articles (default 300) ingested by one
// `parallax ingest` process into a SQLite file (`sqlite`, the default backend, as a laptop runs it) and into
// PostgreSQL (`single`, `--jobs 1`), then through the queue by one and by two `parallax worker` processes
// (each --concurrency C, default 16 as `parallax worker`); `--runs` picks which, each PostgreSQL run in a new
// database (the user must be allowed CREATE DATABASE). The acceptance table is
// `--runs sqlite,2 --serve-load`. `--serve-load`: while the workers of the run with the most of them
// ingest, `parallax serve` on that database answers 20 concurrent clients (serve-load.ts) asking in turn
// for the story list and for story pages (200 of the newest stories, sampled again every round since the
// library grows); reports p50/p95/p99, errors and non-2xx answers (a story merged away meanwhile is a 404).
// `--bin PATH` runs another build's bin/parallax.js (to compare two builds back to back on a loaded
// machine). Reports wall time, articles/s, peak memory and CPU per process, and the share of the workers'
// job time spent in the placement transaction (placement runs one at a time across workers, so that share
// bounds what more workers can gain). The corpus is read from ../shared; nothing of it is written into the
// repository.

import { type ChildProcess, spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { queueState } from '../src/queue/state.js';
import { openAsyncStore } from '../src/store/open.js';
import { seededRandom } from '../src/util/random.js';
import { freshDatabase } from './pg-database.js';
import { CONNECTIONS, type Load, load, percentile, startServe, stop } from './serve-load.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const BIN = resolve(ROOT, 'bin/parallax.js');
const CORPUS = resolve(ROOT, '../shared/corpus/allsides/articles.jsonl.gz');

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function firstLines(n: number): Promise<string> {
  const lines: string[] = [];
  const input = createInterface({ input: createReadStream(CORPUS).pipe(createGunzip()) });
  for await (const line of input) {
    if (line.trim() === '') continue;
    lines.push(line);
    if (lines.length >= n) break;
  }
  input.close();
  return `${lines.join('\n')}\n`;
}

interface Run {
  proc: ChildProcess;
  lines: string[];
  /** Peak resident memory in MB (VmHWM, read every half second while it runs), once exited. */
  exited: Promise<number>;
  /** CPU seconds used (user + system, all threads), as last read while it ran. */
  cpu: () => number;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

function parallax(args: string[]): Run {
  const proc = spawn(process.execPath, [flag('--bin') ?? BIN, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  createInterface({ input: proc.stderr as NodeJS.ReadableStream }).on('line', (l) => lines.push(l));
  let peakKb = 0;
  let ticks = 0;
  const watch = setInterval(() => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))?.[1] ?? 0);
      peakKb = Math.max(peakKb, kb);
      // Fields 14 and 15 (utime, stime) after the command name in parentheses.
      const stat = readFileSync(`/proc/${proc.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks = Number(fields[11]) + Number(fields[12]);
    } catch {
      // Exited between two reads.
    }
  }, 500);
  const exited = new Promise<number>((done) =>
    proc.once('exit', () => {
      clearInterval(watch);
      done(Math.round(peakKb / 1024));
    }),
  );
  return { proc, lines, exited, cpu: () => ticks / TICKS };
}

/** Articles and stories the library ends with, read through the store (either backend). */
async function counts(db: string): Promise<string> {
  const store = await openAsyncStore(db);
  try {
    return `${await store.countArticles()} articles, ${await store.countStories()} stories`;
  } finally {
    await store.close();
  }
}

/** Seconds of each load round; the story sample is drawn again between rounds. */
const ROUND_SECONDS = 5;
/** Story pages asked for per round: a sample of the newest stories at that moment. */
const STORY_SAMPLE = 200;

interface ServeLoad {
  list: Load;
  pages: Load;
  rounds: number;
  serveMb: number;
}

/** Response times of several rounds as one Load. */
function merged(name: string, rounds: readonly Load[]): Load {
  const times = rounds.flatMap((r) => r.times).sort((a, b) => a - b);
  const seconds = rounds.length * ROUND_SECONDS;
  return {
    name,
    requests: times.length,
    perSecond: times.length / Math.max(1, seconds),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1) ?? Number.NaN,
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
    times,
  };
}

/**
 * `parallax serve` on the library the workers fill, under CONNECTIONS clients until `drained()`: rounds of
 * ROUND_SECONDS on the story list (newest, biggest, contested in turn), then on story pages.
 */
async function serveWhileIngesting(db: string, drained: () => boolean): Promise<ServeLoad> {
  const server = await startServe(flag('--bin') ?? BIN, db);
  const { origin } = server;
  const random = seededRandom(5);
  const lists: Load[] = [];
  const pages: Load[] = [];
  let peakKb = 0;
  const watch = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // Exited.
    }
  }, 500);
  try {
    const listPaths = ['/', '/?sort=biggest', '/?sort=contested'];
    let l = 0;
    while (!drained()) {
      const newest = (await (await fetch(`${origin}/api/stories?limit=1000`)).json()) as {
        stories: { id: number }[];
      };
      const pool = newest.stories.map((s) => s.id);
      const sample: number[] = [];
      while (sample.length < STORY_SAMPLE && pool.length > 0)
        sample.push(...pool.splice(Math.floor(random() * pool.length), 1));
      lists.push(await load('list', origin, () => listPaths[l++ % listPaths.length] ?? '/', ROUND_SECONDS));
      if (sample.length === 0) continue;
      let k = 0;
      pages.push(await load('pages', origin, () => `/stories/${sample[k++ % sample.length]}`, ROUND_SECONDS));
    }
  } finally {
    clearInterval(watch);
    await stop(server);
  }
  return {
    list: merged('story list (newest, biggest, contested in turn)', lists),
    pages: merged(`story pages (${STORY_SAMPLE} of the newest stories, in turn)`, pages),
    rounds: lists.length,
    serveMb: Math.round(peakKb / 1024),
  };
}

function ms(n: number): string {
  return n < 10 ? n.toFixed(1) : n.toFixed(0);
}

async function main(): Promise<void> {
  const admin = flag('--db');
  if (!admin) throw new Error('give --db postgres://USER:PW@HOST/DB (a user that may CREATE DATABASE)');
  const n = Number(flag('--articles') ?? 300);
  const concurrency = flag('--concurrency') ?? '16';
  const runs = (flag('--runs') ?? 'sqlite,single,1,2').split(',');
  const workerRuns = [1, 2].filter((w) => runs.includes(String(w)));
  const loadOn = process.argv.includes('--serve-load') ? Math.max(...workerRuns) : null;
  let served: ServeLoad | null = null;
  const dir = mkdtempSync(join(tmpdir(), 'parallax-queue-bench-'));
  const input = join(dir, 'articles.jsonl');
  writeFileSync(input, await firstLines(n));
  const rows: string[] = [];
  try {
    if (runs.includes('sqlite')) {
      const db = join(dir, 'library.db');
      const t = performance.now();
      const run = parallax(['ingest', input, '--db', db]);
      const mb = await run.exited;
      const s = (performance.now() - t) / 1000;
      rows.push(
        `| one \`parallax ingest\` into a SQLite file | ${s.toFixed(0)} s | ${(n / s).toFixed(2)} | ${mb} MB | ${run.cpu().toFixed(0)} s | — | 64 | ${await counts(db)} |`,
      );
    }
    if (runs.includes('single')) {
      const db = await freshDatabase(admin, 'queue_bench_single');
      const t = performance.now();
      const run = parallax(['ingest', input, '--db', db, '--jobs', '1']);
      const mb = await run.exited;
      const s = (performance.now() - t) / 1000;
      rows.push(
        `| one \`parallax ingest --jobs 1\` | ${s.toFixed(0)} s | ${(n / s).toFixed(2)} | ${mb} MB | ${run.cpu().toFixed(0)} s | — | 64 | ${await counts(db)} |`,
      );
    }
    for (const workers of workerRuns) {
      const db = await freshDatabase(admin, `queue_bench_w${workers}`);
      const enqueue = parallax(['ingest', '--queue', input, '--db', db]);
      await enqueue.exited;
      const t = performance.now();
      const procs = Array.from({ length: workers }, () =>
        parallax(['worker', '--db', db, '--concurrency', concurrency]),
      );
      let drained = false;
      const serving = workers === loadOn ? serveWhileIngesting(db, () => drained) : null;
      // Awaited once the queue is drained; a server that failed to start is reported then, not as unhandled.
      serving?.catch(() => {});
      for (;;) {
        // Counts only (no job listed): the listing reads every job's payload, which costs the server more
        // than the question is worth twice a second.
        const { counts: c } = await queueState(db, 0);
        if (c.waiting + c.retrying + c.running === 0) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      const s = (performance.now() - t) / 1000;
      drained = true;
      if (serving) served = await serving;
      for (const p of procs) p.proc.kill('SIGTERM');
      const mbs = await Promise.all(procs.map((p) => p.exited));
      let total = 0;
      let placing = 0;
      let jobs = 0;
      let together = 0;
      for (const p of procs)
        for (const line of p.lines) {
          const m = /; (\d+) ms, placement (\d+) ms(?: with (\d+) other jobs?)?\)$/.exec(line);
          if (m) {
            total += Number(m[1]);
            placing += Number(m[2]);
            jobs++;
            together += 1 + Number(m[3] ?? 0);
          }
        }
      // Job time in placement counts each job's wait for its batch and the lock; with several jobs at once
      // it can pass 100 %. Batch: the mean number of jobs placed in one transaction, as a job saw it.
      rows.push(
        `| ${workers} \`parallax worker --concurrency ${concurrency}\` | ${s.toFixed(0)} s | ${(n / s).toFixed(2)} | ${mbs.join(' + ')} MB | ${procs.map((p) => p.cpu().toFixed(0)).join(' + ')} s | ${((100 * placing) / Math.max(1, total)).toFixed(0)} % | ${(together / Math.max(1, jobs)).toFixed(1)} | ${await counts(db)} |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${n} allsides articles, worker runs with --concurrency ${concurrency}\n`);
  console.log('| how | wall | articles/s | peak memory | CPU | job time in placement | batch | result |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) console.log(row);
  if (served) {
    const { list, pages, rounds, serveMb } = served;
    console.log(
      `\n\`parallax serve\` on PostgreSQL while ${loadOn} worker${loadOn === 1 ? '' : 's'} ingested: ${CONNECTIONS} concurrent clients, ${rounds} rounds of ${ROUND_SECONDS} s on each; latencies in ms; serve's peak memory ${serveMb} MB\n`,
    );
    console.log('| pages | requests | per s | p50 | p95 | p99 | max | errors | non-2xx |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of [list, pages])
      console.log(
        `| ${r.name} | ${r.requests} | ${r.perSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.errors} | ${r.non2xx} |`,
      );
  }
}

main().catch((err) => {
  console.error(`queue-ingest: ${(err as Error).message}`);
  process.exit(1);
});
