// The commands that were file-only until issue 15 on a PostgreSQL library: feeds add/list/export/remove,
// watch --once (against a loopback site of invented pages), notes and stories --blindspots, run in-process
// as a user would run them with --db postgres://… .

import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { captureIo } from './support/capture-io.js';
import { type Loopback, listenLoopback } from './support/loopback.js';

const adminUrl = inject('pgUrl');
if (adminUrl === null) {
  if (process.env.CI) throw new Error(`PostgreSQL feed tests cannot run: ${inject('pgMissing')}`);
  console.warn(`PostgreSQL feed tests skipped: ${inject('pgMissing')}`);
}

function page(title: string, outlet: string, published: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="${outlet}"><meta property="article:published_time" content="${published}"></head>
<body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

const FERRY_1 = page('Korvik ferry suspended after engine fault', 'Fjord Courier', '2035-06-02T08:00:00Z', [
  'The Korvik island ferry was suspended on Monday after an engine fault left the MV Selka drifting for two hours outside Brannvik harbour.',
  'The operator, Nordvik Lines, said all 84 passengers were brought ashore by a tug and that no one was hurt.',
  'Harbour master Ingrid Solheim said the Selka would stay in dock until inspectors from the maritime authority had examined the engine.',
]);
const FERRY_2 = page(
  'Islanders stranded as Korvik ferry stays in dock',
  'Coast Daily',
  '2035-06-03T09:00:00Z',
  [
    'Residents of Korvik island were stranded on Tuesday as the MV Selka stayed in dock at Brannvik for a second day after Monday’s engine fault.',
    'Nordvik Lines said a replacement vessel would run twice a day from Thursday, and that maritime authority inspectors were examining the engine.',
    'Harbour master Ingrid Solheim said the tug crew that towed the Selka ashore had acted quickly and that all 84 passengers were safe.',
  ],
);

let site: Loopback;
const databaseName = `px_feeds_${process.pid}`;
let url = '';

function route(req: IncomingMessage, res: ServerResponse) {
  const send = (status: number, body: string, type = 'text/html; charset=utf-8', headers = {}) => {
    res.writeHead(status, { 'Content-Type': type, ...headers });
    res.end(body);
  };
  switch (req.url) {
    case '/robots.txt':
      return send(200, 'User-agent: *\nAllow: /\n', 'text/plain');
    case '/feed.xml': {
      if (req.headers['if-none-match'] === '"v1"') return send(304, '');
      const items = ['ferry-1', 'ferry-2']
        .map(
          (id) =>
            `<item><guid isPermaLink="false">${id}</guid><title>${id}</title><link>${site.origin}/news/${id}</link></item>`,
        )
        .join('');
      return send(
        200,
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Fjord Courier</title><link>${site.origin}/</link>${items}</channel></rss>`,
        'application/rss+xml',
        { ETag: '"v1"' },
      );
    }
    case '/news/ferry-1':
      return send(200, FERRY_1);
    case '/news/ferry-2':
      return send(200, FERRY_2);
    default:
      return send(404, 'not found', 'text/plain');
  }
}

async function parallax(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const run = captureIo();
  const code = await main([...args, '--db', url], run.io);
  return { code, out: run.out.join(''), err: run.err.join('\n') };
}

beforeAll(async () => {
  site = await listenLoopback(route);
  if (adminUrl === null) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${databaseName}`;
  url = u.toString();
});

afterAll(async () => {
  await site.close();
  if (adminUrl === null) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await admin.end();
});

describe.skipIf(adminUrl === null)('feeds, watch, notes and blindspots on PostgreSQL', () => {
  it('follows a feed, ingests its items once, and lists, exports and removes it', async () => {
    expect((await parallax(['feeds', 'add', `${site.origin}/feed.xml`, '--allow-private'])).code).toBe(0);
    const first = await parallax(['watch', '--once', '--allow-private', '--jobs', '1']);
    expect(first.code, first.err).toBe(0);
    expect(first.err).toMatch(/1 feed, 0 unchanged, 2 new items, 2 added/);
    // Nothing new: the feed answers 304 to the validator the first poll kept.
    const second = await parallax(['watch', '--once', '--allow-private', '--jobs', '1']);
    expect(second.err).toMatch(/1 feed, 1 unchanged, 0 new items, 0 added/);

    const listed = JSON.parse((await parallax(['feeds', 'list', '--format', 'json'])).out) as {
      feeds: { url: string; items: number; status: string }[];
    };
    expect(listed.feeds).toEqual([
      expect.objectContaining({ url: `${site.origin}/feed.xml`, items: 2, status: 'ok' }),
    ]);
    expect((await parallax(['feeds', 'export'])).out).toContain(`xmlUrl="${site.origin}/feed.xml"`);
    const stories = JSON.parse((await parallax(['stories', '--format', 'json'])).out) as {
      stories: { articleCount: number }[];
    };
    expect(stories.stories.reduce((n, s) => n + s.articleCount, 0)).toBe(2);

    expect((await parallax(['feeds', 'remove', `${site.origin}/feed.xml`])).code).toBe(0);
    expect((await parallax(['feeds', 'list', '--format', 'json'])).out).toContain('"feeds": []');
  });

  it('reads notes and blindspots from the database', async () => {
    const none = await parallax(['notes']);
    expect(none.code).toBe(0);
    expect(none.err).toMatch(/no notes/);
    const blind = await parallax(['stories', '--blindspots', '--format', 'json']);
    expect(blind.code, blind.err).toBe(0);
    expect(JSON.parse(blind.out)).toMatchObject({ field: 'leaning' });
  });
});
