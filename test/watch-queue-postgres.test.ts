// `parallax watch --queue` on a PostgreSQL library: a poll puts each new feed item's page on the queue as a
// fetch job carrying what the feed said of it, stores nothing itself, and takes no item twice; a worker
// fetches the page and stores the article with the feed's facts where the page has none (here: the page
// gives no date, the feed item does). A library file is refused in one line.

import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { queueState } from '../src/queue/state.js';
import { captureIo } from './support/capture-io.js';
import { type Loopback, listenLoopback } from './support/loopback.js';
import { children, drained, startWorker, stopAll, withClient } from './support/queue-workers.js';

const adminUrl = inject('pgUrl');
if (adminUrl === null) {
  if (process.env.CI) throw new Error(`PostgreSQL watch tests cannot run: ${inject('pgMissing')}`);
  console.warn(`PostgreSQL watch tests skipped: ${inject('pgMissing')}`);
}

// Invented news; the page has no date: it comes from the feed item.
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lantern festival moved to the old quay</title></head>
<body><article><h1>Lantern festival moved to the old quay</h1>
<p>The Brannvik lantern festival will be held on the old quay this year, after storm damage closed the town square for repairs until the autumn.</p>
<p>Organiser Maren Dahl said the quay could hold about 3,000 visitors and that the parade of paper boats would start from the fish market at nine.</p>
<p>The council said extra buses would run from the station and that parking near the harbour would be closed for the evening.</p>
</article></body></html>`;

let site: Loopback;
let dir = '';
const databaseName = `px_watchq_${process.pid}`;
let url = '';

function route(req: IncomingMessage, res: ServerResponse) {
  const send = (status: number, body: string, type = 'text/html; charset=utf-8') => {
    res.writeHead(status, { 'Content-Type': type });
    res.end(body);
  };
  if (req.url === '/robots.txt') return send(200, 'User-agent: *\nAllow: /\n', 'text/plain');
  if (req.url === '/feed.xml')
    return send(
      200,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Brannvik Tidende</title><link>${site.origin}/</link>
<item><guid isPermaLink="false">lantern</guid><title>Lantern festival moved</title><link>${site.origin}/news/lantern</link><pubDate>Tue, 05 Jun 2035 07:30:00 GMT</pubDate></item>
</channel></rss>`,
      'application/rss+xml',
    );
  if (req.url === '/news/lantern') return send(200, PAGE);
  return send(404, 'not found', 'text/plain');
}

async function parallax(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const run = captureIo();
  const code = await main(args, run.io);
  return { code, out: run.out.join(''), err: run.err.join('\n') };
}

beforeAll(async () => {
  if (adminUrl === null) return;
  dir = mkdtempSync(join(tmpdir(), 'parallax-watchq-'));
  site = await listenLoopback(route);
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${databaseName}`));
  const u = new URL(adminUrl);
  u.pathname = `/${databaseName}`;
  url = u.toString();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (adminUrl === null) return;
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
});

describe.skipIf(adminUrl === null)('watch --queue', () => {
  it('refuses a library file in one line', async () => {
    const run = await parallax(['watch', '--once', '--queue', '--db', join(dir, 'news.db')]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(
      /news\.db: the queue needs PostgreSQL: give parallax watch --queue --db postgres:/,
    );
    expect(run.err.split('\n')).toHaveLength(1);
  });

  it('queues the new items for the workers, once, and the worker stores them with the feed facts', async () => {
    const add = await parallax(['feeds', 'add', `${site.origin}/feed.xml`, '--allow-private', '--db', url]);
    expect(add.code, add.err).toBe(0);
    const first = await parallax(['watch', '--once', '--queue', '--allow-private', '--db', url]);
    expect(first.code, first.err).toBe(0);
    expect(first.err).toMatch(/1 new item, 1 queued for "parallax worker"/);
    const state = await queueState(url);
    expect(state.counts.waiting).toBe(1);
    expect(state.jobs[0]).toMatchObject({ kind: 'fetch', input: `${site.origin}/news/lantern` });
    // Nothing stored by the poll itself.
    const count = () =>
      withClient(url, async (c) => Number((await c.query('SELECT count(*) AS n FROM articles')).rows[0]?.n));
    expect(await count()).toBe(0);
    // The item is taken: the next poll queues nothing.
    const second = await parallax(['watch', '--once', '--queue', '--allow-private', '--db', url]);
    expect(second.err).toMatch(/0 new items, 0 queued/);
    expect((await queueState(url)).counts.waiting).toBe(1);

    const worker = startWorker(url);
    const counts = await drained(url, [worker]);
    await stopAll([worker]);
    expect(counts.failed).toBe(0);
    const rows = await withClient(
      url,
      async (c) => (await c.query('SELECT outlet, published, title FROM articles')).rows,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: 'Lantern festival moved to the old quay' });
    expect(rows[0]?.published).toMatch(/^2035-06-05/);
  }, 600_000);
});
