// One canonical URL everywhere: the function itself, a link with tracking parameters that arrives once
// through a feed and once through `ingest` (one article, not two), and a library stored before the
// canonical form changed, whose articles re-ingested are still "nothing new" (migration 8).

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.js';
import { Fetcher } from '../src/fetch/fetcher.js';
import { pollFeeds } from '../src/library/feeds.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import { articleIdentity } from '../src/store/identity.js';
import { MIGRATIONS } from '../src/store/sqlite/migrations.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { canonicalUrl, withoutTracking } from '../src/text/url.js';
import { type Loopback, listenLoopback } from './support/loopback.js';
import { testLibraries } from './support/test-library.js';

describe('canonicalUrl and withoutTracking', () => {
  it('gives one identity for every spelling of one article', () => {
    const one = canonicalUrl('https://news.example/a/b?id=4');
    for (const spelling of [
      'http://news.example/a/b?id=4',
      'https://www.News.Example/a/b/?id=4',
      'https://news.example/a/b?utm_source=x&id=4&utm_medium=y&fbclid=z#top',
      'https://news.example/a/b?id=4&ocid=rss&smid=share&mc_cid=1&_hsenc=2&gclid=3',
      ' https://news.example/a/b?id=4 ',
    ]) {
      expect([spelling, canonicalUrl(spelling)]).toEqual([spelling, one]);
    }
    expect(canonicalUrl('https://news.example/a?b=2&a=1')).toBe('https://news.example/a?a=1&b=2');
    expect(canonicalUrl('https://news.example/a?id=5')).not.toBe(one);
    expect(canonicalUrl('https://news.example:8443/a/b?id=4')).not.toBe(one);
    expect(canonicalUrl('not a url')).toBe('not a url');
  });

  it('removes tracking and the fragment from an address to fetch, leaving the rest as written', () => {
    expect(withoutTracking('https://News.example/a?id=4&utm_source=x&utm_medium=y&fbclid=z#top')).toBe(
      'https://news.example/a?id=4',
    );
    expect(withoutTracking('https://news.example/a?gclid=1')).toBe('https://news.example/a');
    expect(withoutTracking('http://www.news.example/a/?q=a%20b&ocid=rss&z=1')).toBe(
      'http://www.news.example/a/?q=a%20b&z=1',
    );
    expect(withoutTracking('https://news.example/a?utm%5Fsource=x')).toBe('https://news.example/a');
  });
});

const PARAGRAPHS = [
  'The strike that halted ferries between Calder Island and the mainland ended on Tuesday after the crews union accepted a revised offer from the operator.',
  'Services resume on Wednesday morning, the operator said, with extra sailings to clear the backlog of freight that built up at both terminals during the dispute.',
  'Union secretary Maren Holt said the agreement protected rest periods and raised pay by four percent over two years, and thanked islanders for their patience.',
];
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry strike ends</title>
<meta property="og:site_name" content="Harbour Gazette"><meta property="article:published_time" content="2033-03-14T09:00:00Z"></head>
<body><article><h1>Ferry strike ends</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

let server: Loopback;
let origin = '';
let dir = '';

function route(req: IncomingMessage, res: ServerResponse) {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/feed.xml') {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    // No GUID: the item is known by its link, which carries parameters the store once kept (ocid).
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>
<item><title>Ferry strike ends</title><link>${origin}/news/ferry?ocid=rss&amp;utm_source=feed</link></item>
</channel></rss>`);
    return;
  }
  if (path === '/news/ferry') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
    return;
  }
  res.writeHead(404).end();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-url-'));
  server = await listenLoopback(route);
  origin = server.origin;
});
afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function articleFile(name: string, url: string): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    `---\ntitle: Ferry strike ends\noutlet: Harbour Gazette\nurl: ${url}\n---\n\n${PARAGRAPHS.join('\n\n')}\n`,
  );
  return file;
}

const libraries = testLibraries('url');

describe('one article however its link arrives', () => {
  it('a file naming the link with other tracking parameters, then the feed item: one article', async () => {
    const store = await libraries.openFresh('both');
    try {
      const file = articleFile('ferry.md', `${origin}/news/ferry/?smid=share&utm_campaign=x#comments`);
      const first = await ingestIntoLibrary(store, [file], DEFAULT_CONFIG, { worker: false });
      expect([first.added, first.existing]).toEqual([1, 0]);
      await store.addFeed(`${origin}/feed.xml`, null, null);
      const fetcher = new Fetcher({ allowPrivate: true, limits: { hostDelayMs: 0 }, sleep: async () => {} });
      const poll = await pollFeeds(store, { fetcher, config: DEFAULT_CONFIG, worker: false });
      expect(poll.feeds.map((f) => [f.status, f.error, f.newItems])).toEqual([['ok', null, 1]]);
      expect([poll.added, poll.existing]).toEqual([0, 1]);
      expect(await store.countArticles()).toBe(1);
    } finally {
      await store.close();
    }
  });
});

// SQLite only: the previous release's library is made with raw SQL on the file.
describe.skipIf(libraries.backend === 'postgres')(
  'a library stored under the previous canonical form (SQLite only)',
  () => {
    it('migration 8 rewrites the URL keys in place: re-ingesting is nothing new, and the id stays', async () => {
      const path = join(dir, 'old.db');
      const url = 'https://news.example/ferry?ocid=rss&id=7';
      const file = articleFile('old.md', url);
      const store = openSqliteStore(path);
      let oldId = '';
      try {
        expect((await ingestIntoLibrary(store, [file], DEFAULT_CONFIG, { worker: false })).added).toBe(1);
      } finally {
        store.close();
      }
      // Make it look as the previous release left it: the store kept "ocid", feeds keyed by the light form.
      const raw = new Database(path);
      try {
        const oldKey = 'https://news.example/ferry?id=7&ocid=rss';
        oldId = createHash('sha256').update(`url ${oldKey}`, 'utf8').digest('hex').slice(0, 16);
        raw.prepare('UPDATE articles SET url_key = ?, id = ?').run(oldKey, oldId);
        const feed = raw
          .prepare(
            "INSERT INTO feeds (url, added_at) VALUES ('https://news.example/feed.xml', '2033-01-01') RETURNING id",
          )
          .pluck()
          .get() as number;
        raw
          .prepare(
            "INSERT INTO feed_items (feed_id, key, url, state, seen_at) VALUES (?, 'url:http://www.news.example/b/', 'http://www.news.example/b/', 'ingested', '2033-01-01')",
          )
          .run(feed);
        // Back to before the URL-key migration (later migrations create their tables only when missing).
        raw.pragma(`user_version = ${MIGRATIONS.findIndex((m) => m.description.startsWith('URL keys'))}`);
      } finally {
        raw.close();
      }
      expect(articleIdentity({ url, text: '' }).id).not.toBe(oldId); // the identity did change

      const reopened = openSqliteStore(path);
      try {
        const again = await ingestIntoLibrary(reopened, [file], DEFAULT_CONFIG, { worker: false });
        expect([again.added, again.existing]).toEqual([0, 1]);
        expect(reopened.countArticles()).toBe(1);
        expect(reopened.getArticle(oldId)?.urlKey).toBe('https://news.example/ferry?id=7');
      } finally {
        reopened.close();
      }
      const check = new Database(path, { readonly: true });
      try {
        expect(check.prepare('SELECT key, url FROM feed_items').get()).toEqual({
          key: 'url:https://news.example/b',
          url: 'https://news.example/b',
        });
      } finally {
        check.close();
      }
    });
  },
);
