// The web app's queue page (/queue, /api/queue): on a library file it says the queue needs PostgreSQL; on a
// PostgreSQL library it shows a failed job with its reason, and retrying it (form or API, with the token
// when the server has one) puts it back to wait for a worker. The worker is a real process on the built
// code, as in queue-postgres.test.ts; nothing waits a fixed time.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { queueState } from '../src/queue/state.js';
import { createApp } from '../src/server/app.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { openPgStore } from '../src/store/postgres/pg-store.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { captureIo } from './support/capture-io.js';
import { mainText } from './support/page-text.js';
import { children, drained, startWorker, stopAll, withClient } from './support/queue-workers.js';

const adminUrl = inject('pgUrl');
if (adminUrl === null) {
  if (process.env.CI) throw new Error(`PostgreSQL queue page tests cannot run: ${inject('pgMissing')}`);
  console.warn(`PostgreSQL queue page tests skipped: ${inject('pgMissing')}`);
}

let dir = '';
const databaseName = `px_queue_page_${process.pid}`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-queue-page-'));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  if (adminUrl !== null)
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
});

const validQueue = new Ajv2020.default({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(new URL('../schema/queue.schema.json', import.meta.url), 'utf8')),
);

describe('the queue page on a library file', () => {
  it('says the queue needs a PostgreSQL library; the API answers an empty queue that says why', async () => {
    const store = openSqliteStore(join(dir, 'laptop.db'));
    try {
      const app = createApp({ store });
      const page = await app.request('/queue');
      expect(page.status).toBe(200);
      expect(mainText(await page.text())).toMatch(
        /This library is a file: the queue exists on a PostgreSQL library/,
      );
      const api = await app.request('/api/queue');
      expect(api.status).toBe(200);
      const empty = await api.json();
      expect(validQueue(empty), JSON.stringify(validQueue.errors)).toBe(true);
      expect(empty).toMatchObject({
        available: false,
        reason: expect.stringContaining('PostgreSQL'),
        counts: { waiting: 0, retrying: 0, running: 0, failed: 0 },
        jobs: [],
      });
      const retry = await app.request('/queue/retry', {
        method: 'POST',
        body: new URLSearchParams({ all: '1' }),
      });
      expect(retry.status).toBe(404);
    } finally {
      store.close();
    }
  });
});

describe.skipIf(adminUrl === null)('the queue page on a PostgreSQL library', () => {
  it('shows a failed job with its reason and retries it through the form and the API', async () => {
    await withClient(adminUrl ?? '', (c) => c.query(`CREATE DATABASE ${databaseName}`));
    const url = new URL(adminUrl ?? '');
    url.pathname = `/${databaseName}`;
    const db = url.toString();
    // Read fine, but nothing is left once cleaning removes the page furniture: refused, failed at once.
    const tiny = join(dir, 'furniture.txt');
    writeFileSync(tiny, 'Share on Facebook\nSubscribe to our newsletter\nAdvertisement\n');
    const run = captureIo();
    expect(await main(['ingest', '--queue', tiny, '--db', db], run.io), run.err.join('\n')).toBe(0);
    const worker = startWorker(db);
    expect(await drained(db, [worker])).toMatchObject({ failed: 1, waiting: 0, running: 0 });
    await stopAll([worker]);

    const store = await openPgStore(db);
    try {
      const app = createApp({ store: store as AsyncStore, queue: db, token: 'sesame' });
      const page = await app.request('/queue');
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-store');
      const text = mainText(await page.text());
      expect(text).toContain('0 waiting, 0 waiting to retry, 0 running, 1 failed');
      expect(text).toMatch(/article failed .*furniture\.txt 1 of 1 .*no article text left/);
      expect(text).toContain('Retry every failed job');

      const api = (await (await app.request('/api/queue')).json()) as Awaited<
        ReturnType<typeof queueState>
      > & { available: boolean };
      expect(validQueue(api), JSON.stringify(validQueue.errors)).toBe(true);
      expect(api.available).toBe(true);
      expect(api.counts.failed).toBe(1);
      const failedId = api.jobs[0]?.id ?? '';

      // The form needs the token; without it nothing moves.
      const refused = await app.request('/queue/retry', {
        method: 'POST',
        body: new URLSearchParams({ id: failedId }),
      });
      expect(refused.status).toBe(401);
      expect((await queueState(db)).counts.failed).toBe(1);
      const done = await app.request('/queue/retry', {
        method: 'POST',
        body: new URLSearchParams({ id: failedId, token: 'sesame' }),
      });
      expect(done.status).toBe(303);
      expect(done.headers.get('location')).toBe('/queue?retried=1');
      expect((await queueState(db)).counts).toMatchObject({ waiting: 1, failed: 0 });
      expect(mainText(await (await app.request('/queue?retried=1')).text())).toContain(
        '1 failed job put back to run',
      );

      // Fail it again, then retry every failed job through the API.
      const again = startWorker(db);
      expect(await drained(db, [again])).toMatchObject({ failed: 1 });
      await stopAll([again]);
      const unknown = await app.request('/api/queue/retry', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer sesame' },
        body: JSON.stringify({ id: '999' }),
      });
      expect(unknown.status).toBe(400);
      expect(await unknown.json()).toMatchObject({ error: { message: expect.stringContaining('job 999') } });
      const all = await app.request('/api/queue/retry', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer sesame' },
        body: JSON.stringify({ all: true }),
      });
      expect(all.status).toBe(200);
      expect(await all.json()).toEqual({ retried: 1 });
      expect((await queueState(db)).counts).toMatchObject({ waiting: 1, failed: 0 });
    } finally {
      await store.close();
    }
  }, 600_000);
});
