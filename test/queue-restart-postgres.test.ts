// A database restart during ingest through the queue: a worker is stopped by a test hook inside its
// placement transaction (article stored, nothing committed), the PostgreSQL server is restarted (stop -m
// immediate: every connection cut, as in a crash), then the job is let go. Its commit fails, the worker
// says "database unavailable, retrying in Ns: …", the job runs again on a new connection, and the queue
// drains with every article stored once and placed in one story. The cluster is this file's own (the
// shared one serves other test files at the same time, which a restart would break).

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { captureIo } from './support/capture-io.js';
import { findPgBin, type PgCluster, startPgCluster } from './support/pg-cluster.js';
import {
  children,
  drained,
  library,
  startWorker,
  stopAll,
  until,
  withClient,
} from './support/queue-workers.js';
import { syntheticArticles, toJsonl } from './support/synthetic-news.js';

const installed = findPgBin() !== null;
if (!installed) {
  if (process.env.CI) throw new Error('PostgreSQL restart test cannot run: PostgreSQL is not installed');
  console.warn('PostgreSQL restart test skipped: PostgreSQL is not installed');
}

const ARTICLES = syntheticArticles(6, 3, 23);
let cluster: PgCluster | null = null;
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-queue-restart-'));
  if (installed) cluster = await startPgCluster();
}, 300_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!installed)('a database restart during queued ingest', () => {
  it('the worker says the database is unavailable, retries, and the library ends consistent', async () => {
    const server = cluster as PgCluster;
    await withClient(server.url, (c) => c.query('CREATE DATABASE px_restart'));
    const url = new URL(server.url);
    url.pathname = '/px_restart';
    const db = url.toString();
    const input = join(dir, 'news.jsonl');
    writeFileSync(input, toJsonl(ARTICLES));
    const run = captureIo();
    expect(await main(['ingest', '--queue', input, '--db', db], run.io), run.err.join('\n')).toBe(0);

    const hold = mkdtempSync(join(dir, 'hold-'));
    const worker = startWorker(db, { PARALLAX_TEST_HOLD_DIR: hold });
    await until('the worker to hold a job inside its transaction', () => {
      if (worker.proc.exitCode !== null) throw new Error(worker.lines.join('\n'));
      return readdirSync(hold).find((f) => f.startsWith('held-')) ?? null;
    });
    server.restart();
    writeFileSync(join(hold, 'release'), '');
    await until('the worker to report the lost database', () =>
      worker.lines.some((l) => /database unavailable, retrying in \d+s: /.test(l)) ? true : null,
    );
    const counts = await drained(db, [worker]);
    await stopAll([worker]);
    expect(counts.failed).toBe(0);
    const lib = await library(db);
    expect(lib.articles).toBe(ARTICLES.length);
    expect(lib.unplaced).toBe(0);
    expect(lib.orphanStories).toBe(0);
    expect(lib.wrongCounts).toBe(0);
    expect(lib.partition.flat().sort()).toHaveLength(ARTICLES.length);
  }, 900_000);
});
