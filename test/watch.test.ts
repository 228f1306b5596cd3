// Following feeds end to end against a loopback site: a normal feed whose articles land in their stories,
// next to feeds that are slow, malformed, hostile (XXE, billion laughs), redirect in a loop, or answer 429;
// items that robots.txt disallows, that are not articles, or that repeat under a tracking parameter. Every
// failure is a one-line reason on the feed or item; the good items still come through; a second poll with
// nothing new makes conditional requests only and ingests nothing. The CLI's feeds and watch commands run
// as a user would run them, and watch keeps running until SIGTERM.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.js';
import { Fetcher } from '../src/fetch/fetcher.js';
import { pollFeeds, pollLine } from '../src/library/feeds.js';
import { type Loopback, listenLoopback } from './support/loopback.js';
import { testLibraries } from './support/test-library.js';

const BIN = resolve(import.meta.dirname, '../bin/parallax.js');

function page(title: string, outlet: string, published: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="${outlet}"><meta property="article:published_time" content="${published}"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

const DAM_1 = page(
  'Velden dam spillway opened as reservoir rises',
  'Riverside Post',
  '2034-02-10T08:00:00Z',
  [
    'Engineers opened the spillway of the Velden dam on Monday as the reservoir rose to its highest level in twelve years after a week of heavy rain across the Oster valley.',
    'The regional water authority said the controlled release would raise the Oster river by about a metre downstream, and asked residents of Lindholm to move cars away from the riverbank.',
    'Authority director Petra Salo said the dam itself was sound and that inspections would continue every six hours until the inflow eased.',
  ],
);
const DAM_2 = page(
  'Lindholm braces for higher Oster river after Velden release',
  'Valley Wire',
  '2034-02-10T15:00:00Z',
  [
    'Residents of Lindholm moved cars and sandbagged doorways on Monday after the water authority opened the Velden dam spillway to relieve the swollen reservoir.',
    'Petra Salo, who directs the regional water authority, said the Oster river would rise by roughly a metre and that the dam was structurally sound.',
    'Heavy rain over the Oster valley for a week pushed the reservoir to its highest level in twelve years, forecasters said.',
  ],
);
const DAM_3 = page(
  'Oster river peaks below flood defences at Lindholm',
  'Riverside Post',
  '2034-02-11T09:00:00Z',
  [
    'The Oster river peaked just below the flood defences at Lindholm on Tuesday, a day after the Velden dam spillway was opened to ease the full reservoir.',
    'Water authority director Petra Salo said the release would be reduced from Wednesday as the inflow eased, and thanked residents who moved their cars from the riverbank.',
    'No homes were flooded, the authority said, though two riverside footpaths remain closed.',
  ],
);

function rss(origin: string, items: { guid?: string; link: string; title: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Riverside Post</title><link>${origin}/</link>
${items.map((i) => `<item>${i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ''}<title>${i.title}</title><link>${i.link}</link><pubDate>Mon, 10 Feb 2034 08:00:00 GMT</pubDate></item>`).join('\n')}
</channel></rss>`;
}

interface Hit {
  path: string;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
}

let hits: Hit[] = [];
let server: Loopback;
let origin = '';

function route(req: IncomingMessage, res: ServerResponse) {
  const path = req.url ?? '/';
  hits.push({
    path,
    ifNoneMatch: req.headers['if-none-match'],
    ifModifiedSince: req.headers['if-modified-since'],
  });
  const send = (
    status: number,
    body: string,
    type = 'text/html; charset=utf-8',
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': type, ...headers });
    res.end(body);
  };
  const feed = (body: string, etag: string) => {
    if (req.headers['if-none-match'] === etag) return send(304, '');
    send(200, body, 'application/rss+xml', { etag, 'last-modified': 'Mon, 10 Feb 2034 16:00:00 GMT' });
  };
  switch (path) {
    case '/robots.txt':
      return send(200, 'User-agent: *\nDisallow: /members/\n', 'text/plain');
    case '/feed.xml':
      return feed(
        rss(origin, [
          { guid: 'dam-1', link: `${origin}/news/dam-1`, title: 'Velden dam spillway opened' },
          { link: `${origin}/news/dam-2?utm_source=rss`, title: 'Lindholm braces' },
          // The same page again under tracking parameters, without a GUID: one article.
          { link: `${origin}/news/dam-2?utm_source=rss&utm_medium=feed`, title: 'Lindholm braces (again)' },
          { guid: 'members', link: `${origin}/members/dam-analysis`, title: 'Members only' },
          { guid: 'gallery', link: `${origin}/gallery`, title: 'Photo gallery' },
          { guid: 'gone', link: `${origin}/news/gone`, title: 'Removed' },
        ]),
        '"feed-v1"',
      );
    case '/second.xml':
      return feed(
        rss(origin, [{ guid: 'dam-3', link: `${origin}/news/dam-3`, title: 'Oster peaks' }]),
        '"second-v1"',
      );
    case '/news/dam-1':
      return send(200, DAM_1);
    case '/news/dam-2':
      return send(200, DAM_2);
    case '/news/dam-3':
      return send(200, DAM_3);
    case '/members/dam-analysis':
      return send(200, DAM_1);
    case '/gallery':
      return send(200, '<html><body><nav><a href="/">Home</a></nav><img src="x.jpg" alt=""></body></html>');
    case '/slow.xml':
      // Never answers: only the fetcher's time limit ends the wait, however busy the machine is (an answer
      // sent after a fixed delay raced the limit on a loaded machine).
      return;
    case '/malformed.xml':
      return send(
        200,
        '<?xml version="1.0"?><rss><channel><title>Broken</title><item><title>x</item></channel></rss>',
        'application/rss+xml',
      );
    case '/xxe.xml':
      return send(
        200,
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>',
        'application/rss+xml',
      );
    case '/laughs.xml': {
      const defs = [
        '<!ENTITY l0 "ha">',
        ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`),
      ];
      return send(
        200,
        `<?xml version="1.0"?><!DOCTYPE rss [${defs.join('')}]><rss><channel><title>&l9;</title></channel></rss>`,
        'application/rss+xml',
      );
    }
    case '/loop.xml':
      return send(302, '', 'text/plain', { location: '/loop.xml?again' });
    case '/loop.xml?again':
      return send(302, '', 'text/plain', { location: '/loop.xml' });
    case '/busy.xml':
      return send(429, 'later', 'text/plain', { 'retry-after': '3600' });
    default:
      return send(404, 'not here');
  }
}

const libraries = testLibraries('watch');
let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-watch-'));
  server = await listenLoopback(route);
  origin = server.origin;
});
afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const fetcher = () =>
  new Fetcher({
    allowPrivate: true,
    // Long enough for a good feed on a loaded machine; the slow feed never answers, so it still fails.
    limits: { timeoutMs: 3_000, hostDelayMs: 0, backoffMs: 1 },
    sleep: async () => {},
  });

describe('polling feeds', () => {
  it('ingests the good items into their stories, records every failure, and a second poll only asks "changed?"', async () => {
    const store = await libraries.openFresh('poll');
    try {
      for (const path of [
        '/feed.xml',
        '/second.xml',
        '/slow.xml',
        '/malformed.xml',
        '/xxe.xml',
        '/laughs.xml',
        '/loop.xml',
        '/busy.xml',
      ]) {
        await store.addFeed(`${origin}${path}`, null, null);
      }
      const problems: string[] = [];
      hits = [];
      const first = await pollFeeds(store, {
        fetcher: fetcher(),
        config: DEFAULT_CONFIG,
        worker: false,
        onProblem: (input, reason) => problems.push(`${input}: ${reason}`),
      });
      // dam-1, dam-2 (once) and dam-3 came through and form one story.
      expect(first.added).toBe(3);
      const stories = await store.listStories();
      expect(stories).toHaveLength(1);
      expect(stories[0]?.outlets).toEqual(['Riverside Post', 'Valley Wire']);
      expect(hits.filter((h) => h.path.startsWith('/news/dam-2')).length).toBe(1);

      const byUrl = new Map((await store.listFeeds()).map((f) => [new URL(f.url).pathname, f]));
      expect(byUrl.get('/feed.xml')).toMatchObject({
        status: 'ok',
        title: 'Riverside Post',
        items: 2,
        etag: '"feed-v1"',
      });
      expect(byUrl.get('/slow.xml')).toMatchObject({ status: 'error', failures: 1 });
      expect(byUrl.get('/slow.xml')?.error).toMatch(/no complete answer within 3 s/);
      expect(byUrl.get('/malformed.xml')?.error).toMatch(/malformed XML/);
      expect(byUrl.get('/xxe.xml')?.error).toMatch(/DOCTYPE/);
      expect(byUrl.get('/laughs.xml')?.error).toMatch(/DOCTYPE/);
      expect(byUrl.get('/loop.xml')?.error).toMatch(/redirect loop/);
      expect(byUrl.get('/busy.xml')?.error).toMatch(/429.*left for the next poll/);
      expect(
        problems.some((p) => p.includes('/members/dam-analysis') && /robots.txt disallows/.test(p)),
      ).toBe(true);
      expect(problems.some((p) => p.includes('/gallery'))).toBe(true);
      expect(problems.some((p) => p.includes('/news/gone') && /404/.test(p))).toBe(true);
      expect(pollLine(first, new Date('2034-02-11T10:00:00Z'))).toMatch(
        /^parallax: poll at 10:00:00: 8 feeds, 0 unchanged, 6 new items, 3 added \(2 joined stories, 1 new\), 6 failing: /,
      );

      hits = [];
      const second = await pollFeeds(store, { fetcher: fetcher(), config: DEFAULT_CONFIG, worker: false });
      expect(second.added).toBe(0);
      const good = hits.filter((h) => h.path === '/feed.xml' || h.path === '/second.xml');
      expect(good).toHaveLength(2);
      expect(good.every((h) => h.ifNoneMatch !== undefined && h.ifModifiedSince !== undefined)).toBe(true);
      // Nothing but the feeds was asked for: no article page, no failed item tried again.
      expect(
        hits.filter(
          (h) => h.path.startsWith('/news/') || h.path.startsWith('/members/') || h.path === '/gallery',
        ),
      ).toEqual([]);
      expect(second.feeds.filter((f) => f.status === 'unchanged')).toHaveLength(2);
      expect((await store.listFeeds()).find((f) => f.url.endsWith('/slow.xml'))?.failures).toBe(2);
    } finally {
      await store.close();
    }
  });
});

describe('parallax feeds and watch', () => {
  // Asynchronous: the loopback server lives in this process, so a blocking spawn would starve it.
  const run = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
      });
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
      });
      child.on('exit', (status) => done({ status, stdout, stderr }));
    });

  it('adds feeds (URL and OPML), lists them with their state, exports OPML, and watch --once ingests', async () => {
    const db = await libraries.fresh('cli');
    const opml = join(dir, 'feeds.opml');
    writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body><outline text="News"><outline type="rss" text="Second" xmlUrl="${origin}/second.xml"/></outline></body></opml>`,
    );
    expect(
      (await run(['feeds', 'add', `${origin}/feed.xml`, opml, '--allow-private', '--db', db])).status,
    ).toBe(0);
    const refused = await run(['feeds', 'add', 'file:///etc/passwd', '--db', db]);
    expect(refused.stderr).toMatch(/neither an http\(s\) feed URL nor an OPML file/);
    const watch = await run(['watch', '--once', '--allow-private', '--db', db]);
    expect(watch.status).toBe(0);
    expect(watch.stderr).toMatch(
      /parallax: poll at \d\d:\d\d:\d\d: 2 feeds, 0 unchanged, 6 new items, 3 added/,
    );
    const list = await run(['feeds', 'list', '--db', db]);
    expect(list.stdout).toContain(`<${origin}/feed.xml>`);
    expect(list.stdout).toMatch(/2 items · ok, last at/);
    const exported = await run(['feeds', 'export', '--db', db]);
    expect(exported.stdout).toContain(`xmlUrl="${origin}/second.xml"`);
    const stories = JSON.parse((await run(['stories', '--db', db, '--format', 'json'])).stdout) as {
      stories: unknown[];
    };
    expect(stories.stories).toHaveLength(1);
    // An article URL given to ingest: already stored through the feed, so nothing changes.
    const again = await run(['ingest', `${origin}/news/dam-1?utm_campaign=x`, '--allow-private', '--db', db]);
    expect(again.stderr).toMatch(/nothing new/);
  });

  it('ingests article URLs, refusing with a reason those that fail, and still takes the rest', async () => {
    const db = await libraries.fresh('urls');
    const result = await run([
      'ingest',
      `${origin}/news/dam-1`,
      `${origin}/gallery`,
      `${origin}/members/dam-analysis`,
      `${origin}/news/dam-2`,
      '--allow-private',
      '--db',
      db,
    ]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/\/members\/dam-analysis: robots.txt disallows it/);
    expect(result.stderr).toMatch(/\/gallery: /);
    expect(result.stderr).toMatch(/2 new articles, 1 new story, 1 joined existing stories/);
    const bare = await run(['ingest', `${origin}/news/dam-3`, '--db', db]);
    expect(bare.stderr).toMatch(/private, loopback or link-local address \(--allow-private permits it\)/);
  });

  it('watch without --allow-private refuses the loopback feed with a reason and keeps running until SIGTERM', async () => {
    const db = await libraries.fresh('keep');
    expect(
      (
        await run([
          'feeds',
          'add',
          `${origin}/feed.xml`,
          `${origin}/malformed.xml`,
          '--allow-private',
          '--db',
          db,
        ])
      ).status,
    ).toBe(0);
    const child = spawn(process.execPath, [BIN, 'watch', '--every', '1m', '--db', db], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no poll line: ${err}`)), 30_000);
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        if (/poll at/.test(err)) {
          clearTimeout(timer);
          done();
        }
      });
    });
    expect(err).toMatch(/127.0.0.1 is a private, loopback or link-local address/);
    expect(err).toMatch(/2 failing/);
    // Still running after the poll, waiting for the next one.
    await new Promise((r) => setTimeout(r, 300));
    expect(child.exitCode).toBeNull();
    const code = await new Promise<number | null>((done) => {
      child.on('exit', (c) => done(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(err).toMatch(/SIGTERM: stopping/);
    const list = await run(['feeds', 'list', '--db', db, '--format', 'json']);
    const feeds = (JSON.parse(list.stdout) as { feeds: { status: string; error: string }[] }).feeds;
    expect(feeds.every((f) => f.status === 'error' && /private, loopback/.test(f.error))).toBe(true);
  });
});
