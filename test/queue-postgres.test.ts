// Workers on the queue (src/queue/) against a throw-away PostgreSQL cluster:
// - the race test: the same input enqueued twice and drained by 4 worker processes leaves every article
//   stored once and placed in exactly one story, no story without articles, every story's article count
//   true, and the same stories (as sets of articles) as one `parallax ingest` of the input in one process.
//   The input is invented news in events of 6 articles given one event after another, and a test hook
//   holds the first four jobs until all four are about to place, so the 4 workers place articles of the
//   same event at the same moment: placed unserialised, each would find no story yet and start one (the
//   partition would then differ from the single-process one). The placement lock itself is checked
//   apart, as other row locks (the label rows of the people the articles name) happen to serialise these
//   particular articles too;
// - the SIGKILL test: a worker killed while it holds a job inside its placement transaction (a test hook
//   stops it there until a file appears) leaves the job to a new worker, which retries it; the library ends
//   consistent and equal to the single-process one;
// - the queue commands: a library file refused in one line, a refused article failed with its reason and
//   put back by `queue retry`.
// Workers are real processes (bin/parallax.js on the built code). Nothing waits a fixed time: every wait
// polls the database or the worker's output, with deadlines generous enough for a busy 2-core machine.

import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { queueState } from '../src/queue/state.js';
import { lockPlacement } from '../src/store/placement-lock.js';
import { openPgStore } from '../src/store/postgres/pg-store.js';
import { captureIo } from './support/capture-io.js';
import { STORY_FLOOD } from './support/library-fixtures.js';
import { listenLoopback } from './support/loopback.js';
import {
  children,
  drained,
  type Library,
  library,
  startWorker,
  stopAll,
  until,
  withClient,
} from './support/queue-workers.js';
import { syntheticArticles, toJsonl } from './support/synthetic-news.js';

const adminUrl = inject('pgUrl');
if (adminUrl === null) {
  if (process.env.CI) throw new Error(`PostgreSQL queue tests cannot run: ${inject('pgMissing')}`);
  console.warn(`PostgreSQL queue tests skipped: ${inject('pgMissing')}`);
}

const ARTICLES = syntheticArticles(24, 6, 15);

let dir = '';
let input = '';
const databases: string[] = [];

async function admin<T>(fn: (client: pg.Client) => Promise<T>, url = adminUrl ?? ''): Promise<T> {
  return withClient(url, fn);
}

async function freshDatabase(): Promise<string> {
  const name = `px_queue_${process.pid}_${databases.length + 1}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  databases.push(name);
  const url = new URL(adminUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

async function parallax(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const run = captureIo();
  const code = await main(args, run.io);
  return { code, out: run.out.join(''), err: run.err.join('\n') };
}

let reference: Library | null = null;

/** The same input ingested by one process, once per file run. */
async function singleProcess(): Promise<Library> {
  if (reference) return reference;
  const db = await freshDatabase();
  const run = await parallax(['ingest', input, '--db', db, '--jobs', '1']);
  expect(run.code, run.err).toBe(0);
  reference = await library(db);
  return reference;
}

function expectConsistent(lib: Library, ref: Library): void {
  expect(lib.articles).toBe(ARTICLES.length);
  expect(lib.unplaced).toBe(0);
  expect(lib.orphanStories).toBe(0);
  expect(lib.wrongCounts).toBe(0);
  expect(lib.partition).toEqual(ref.partition);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-queue-pg-'));
  input = join(dir, 'news.jsonl');
  writeFileSync(input, toJsonl(ARTICLES));
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  if (adminUrl === null) return;
  await admin(async (c) => {
    for (const name of databases) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
});

describe.skipIf(adminUrl === null)('workers on the PostgreSQL queue', () => {
  it('the queue commands refuse a library file in one line', async () => {
    for (const args of [
      ['worker', '--db', join(dir, 'news.db')],
      ['ingest', '--queue', input, '--db', join(dir, 'news.db')],
      ['queue', 'list', '--db', join(dir, 'news.db')],
    ]) {
      const run = await parallax(args);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/news\.db: the queue needs PostgreSQL: give parallax \w+/);
      expect(run.err.split('\n')).toHaveLength(1);
    }
    expect(existsSync(join(dir, 'news.db'))).toBe(false);
  });

  it('placement waits for another process holding the placement lock until it commits', async () => {
    // The race test below passes also when other row locks happen to serialise two placements (two
    // articles naming the same people update the same label rows); this checks the lock itself.
    const db = await freshDatabase();
    const first = await openPgStore(db);
    const second = await openPgStore(db);
    try {
      let release = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      let secondPlaced = false;
      const advisory = (granted: boolean) =>
        admin(
          async (c) =>
            Number(
              (
                await c.query<{ n: string }>(
                  "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted = $1",
                  [granted],
                )
              ).rows[0]?.n,
            ),
          db,
        );
      const holding = first.withTransaction(async (tx) => {
        await lockPlacement(tx);
        await held;
      });
      await until('the first transaction to hold the lock', async () =>
        (await advisory(true)) > 0 ? true : null,
      );
      const waiting = second.withTransaction(async (tx) => {
        await lockPlacement(tx);
        secondPlaced = true;
      });
      await until('the second transaction to wait for it', async () =>
        (await advisory(false)) > 0 ? true : null,
      );
      expect(secondPlaced).toBe(false);
      release();
      await holding;
      await waiting;
      expect(secondPlaced).toBe(true);
    } finally {
      await first.close();
      await second.close();
    }
  }, 120_000);

  it('4 worker processes on the same input enqueued twice store and place each article once', async () => {
    const db = await freshDatabase();
    for (let i = 0; i < 2; i++) {
      const run = await parallax(['ingest', '--queue', input, '--db', db]);
      expect(run.code, run.err).toBe(0);
      expect(run.err).toContain(`${ARTICLES.length} articles enqueued`);
    }
    expect((await queueState(db)).counts.waiting).toBe(2 * ARTICLES.length);
    // The first four jobs (the first four articles of one event) reach placement together.
    const barrier = mkdtempSync(join(dir, 'barrier-'));
    const env = { PARALLAX_TEST_BARRIER_DIR: barrier, PARALLAX_TEST_BARRIER_COUNT: '4' };
    const workers = [0, 1, 2, 3].map(() => startWorker(db, env));
    const counts = await drained(db, workers);
    await stopAll(workers);
    expect(counts.failed).toBe(0);
    // Every job was done by one of the four (a job done twice would print its id twice).
    const done = workers.flatMap((w) => w.lines.filter((l) => /: job \d+: /.test(l)));
    expect(done).toHaveLength(2 * ARTICLES.length);
    expect(done.filter((l) => l.includes('already stored'))).toHaveLength(ARTICLES.length);
    // More than one worker took part (else this proved nothing about concurrency).
    expect(workers.filter((w) => w.lines.some((l) => /: job \d+: /.test(l))).length).toBeGreaterThan(1);
    expectConsistent(await library(db), await singleProcess());
  }, 900_000);

  it('2 workers running 4 jobs each place their jobs in batches; each article stored and placed once', async () => {
    const db = await freshDatabase();
    for (let i = 0; i < 2; i++) {
      const run = await parallax(['ingest', '--queue', input, '--db', db]);
      expect(run.code, run.err).toBe(0);
    }
    // Four jobs of one worker reach placement together: while the first places alone, the other three wait
    // and go in as one batch (the batching itself is checked step by step in batch-placer.test.ts).
    const barrier = mkdtempSync(join(dir, 'barrier-'));
    const env = { PARALLAX_TEST_BARRIER_DIR: barrier, PARALLAX_TEST_BARRIER_COUNT: '4' };
    const first = startWorker(db, env, 4);
    await until('four jobs of the first worker at placement', () =>
      readdirSync(barrier).length >= 4 ? true : null,
    );
    const second = startWorker(db, {}, 4);
    const workers = [first, second];
    const counts = await drained(db, workers);
    // The queue can drain before the second worker is up; stopped while it loads, it would die of the
    // signal instead of stopping cleanly (its handlers are in place once it says it runs).
    await until('the second worker to start', () =>
      second.lines.some((l) => l.includes('jobs at once')) ? true : null,
    );
    await stopAll(workers);
    expect(counts.failed).toBe(0);
    const done = workers.flatMap((w) => w.lines.filter((l) => /: job \d+: /.test(l)));
    expect(done).toHaveLength(2 * ARTICLES.length);
    expect(done.filter((l) => l.includes('already stored'))).toHaveLength(ARTICLES.length);
    // Some jobs were placed together with others (the log says with how many).
    expect(
      done.some((l) => / with \d+ other jobs?\)$/.test(l)),
      done.join('\n'),
    ).toBe(true);
    expectConsistent(await library(db), await singleProcess());
  }, 900_000);

  it('a worker killed with SIGKILL inside a job leaves it to another worker; the library stays consistent', async () => {
    const db = await freshDatabase();
    const run = await parallax(['ingest', '--queue', input, '--db', db]);
    expect(run.code, run.err).toBe(0);
    const hold = mkdtempSync(join(dir, 'hold-'));
    const doomed = startWorker(db, { PARALLAX_TEST_HOLD_DIR: hold });
    const held = await until('the worker to hold a job', () => {
      if (doomed.proc.exitCode !== null) throw new Error(doomed.lines.join('\n'));
      return readdirSync(hold).find((f) => f.startsWith('held-')) ?? null;
    });
    const jobId = held.slice('held-'.length);
    doomed.proc.kill('SIGKILL');
    await doomed.exited;
    const state = await queueState(db);
    expect(state.jobs.find((j) => j.id === jobId)?.status).toBe('running');
    const next = startWorker(db);
    const counts = await drained(db, [next]);
    await stopAll([next]);
    expect(counts.failed).toBe(0);
    expect(next.lines.join('\n')).toMatch(/jobs of 1 stopped worker handed back for retry/);
    expect(next.lines.some((l) => l.includes(`job ${jobId}: `))).toBe(true);
    expectConsistent(await library(db), await singleProcess());
  }, 900_000);

  it('a queued address is fetched by a worker and its article stored; a missing page fails with its reason', async () => {
    const flood = STORY_FLOOD[0];
    if (!flood) throw new Error('fixture missing');
    const page = `<!doctype html><html><head><title>${flood.title}</title></head><body><article><h1>${flood.title}</h1>${flood.text
      .split('\n\n')
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`;
    const server = await listenLoopback((req, res) => {
      if (req.url === '/news/flood') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
      }
    });
    try {
      const db = await freshDatabase();
      const urls = [`${server.origin}/news/flood`, `${server.origin}/news/gone`];
      const run = await parallax(['ingest', '--queue', ...urls, '--allow-private', '--db', db]);
      expect(run.code, run.err).toBe(0);
      expect(run.err).toContain('0 articles and 2 addresses to fetch enqueued');
      const worker = startWorker(db);
      const counts = await drained(db, [worker]);
      await stopAll([worker]);
      expect(counts).toMatchObject({ failed: 1, waiting: 0, running: 0 });
      const state = await queueState(db);
      expect(state.jobs).toHaveLength(1);
      expect(state.jobs[0]).toMatchObject({ kind: 'fetch', status: 'failed', input: urls[1] });
      expect(state.jobs[0]?.reason).toContain('/news/gone');
      const lib = await library(db);
      expect(lib.articles).toBe(1);
      expect(lib.unplaced).toBe(0);
    } finally {
      server.close();
    }
  }, 600_000);

  it('a refused article fails with its reason and queue retry puts it back', async () => {
    const db = await freshDatabase();
    // Read fine, but nothing is left once cleaning removes the page furniture.
    const tiny = join(dir, 'tiny.txt');
    writeFileSync(tiny, 'Share on Facebook\nSubscribe to our newsletter\nAdvertisement\n');
    const run = await parallax(['ingest', '--queue', tiny, '--db', db]);
    expect(run.code, run.err).toBe(0);
    const worker = startWorker(db);
    const counts = await drained(db, [worker]);
    await stopAll([worker]);
    expect(counts).toMatchObject({ failed: 1, waiting: 0, running: 0 });
    const listed = await parallax(['queue', 'list', '--db', db]);
    expect(listed.out).toMatch(/^0 waiting, 0 waiting to retry, 0 running, 1 failed\n/);
    expect(listed.out).toMatch(
      /\tfailed\tarticle\t.*tiny\.txt \(attempt 1 of 1\) — .*tiny\.txt: no article text left/,
    );
    const retried = await parallax(['queue', 'retry', '--all', '--db', db]);
    expect(retried.err).toContain('1 failed job queued again');
    expect((await queueState(db)).counts).toMatchObject({ waiting: 1, failed: 0 });
    const unknown = await parallax(['queue', 'retry', '999', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('job 999: no failed job has this id');
  }, 600_000);
});
