// The web app against what a web page can do to a server on this machine (DNS rebinding, cross-site writes,
// framing), the search query bound, compression, and the memory the page cache really holds.
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import { createApp } from '../src/server/app.js';
import { allowedHostNames, hostName } from '../src/server/guards.js';
import { entryOverhead, SizedCache, storePage } from '../src/server/page-cache.js';
import { type RunningServer, startServer } from '../src/server/serve.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { checkSearchQuery, SEARCH_BOUNDS, SearchQueryError } from '../src/store/sqlite/search.js';
import { ALL_FIXTURES, writeFixtures } from './support/library-fixtures.js';
import { testLibraries } from './support/test-library.js';

/** The measured attack: 26 OR-ed one-letter prefixes (52 s on a library of 37,554 articles). */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz'
  .split('')
  .map((l) => `${l}*`)
  .join(' OR ');

const libraries = testLibraries('guards');
let store: AsyncStore;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-guards-'));
  store = await libraries.openFresh();
  await ingestIntoLibrary(store, writeFixtures(join(dir, 'news'), ALL_FIXTURES), DEFAULT_CONFIG);
  app = createApp({ store });
});

const ARTICLE = {
  title: 'Weir Street flood wall inspected',
  outlet: 'Coastline Weekly',
  text: 'The regional engineer inspected the Weir Street flood wall at Orrin Falls on Friday and said it held.',
};

function post(path: string, body: string, headers: Record<string, string>) {
  return app.request(path, { method: 'POST', headers, body });
}

async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describe('search query bound', () => {
  it('refuses queries above each bound with one line naming it, and passes ordinary ones', () => {
    const refused: [string, RegExp][] = [
      [ALPHABET, /26 prefix|prefix search \(a\*\) shorter than 3/],
      ['ab* OR flood', /prefix search \(ab\*\) shorter than 3 letters/],
      ['"flood w"*', /prefix search \(w\*\) shorter than 3/],
      ['floo* OR wal* OR riv* OR bri* OR cou*', /5 prefix searches \(word\*\); at most 4/],
      [Array.from({ length: 17 }, (_, i) => `word${i}`).join(' '), /17 words; at most 16/],
      [`"${Array.from({ length: 17 }, (_, i) => `w${i}`).join(' ')}"`, /17 words; at most 16/],
      ['x'.repeat(SEARCH_BOUNDS.chars + 1), /501 characters long; at most 500/],
      [Array.from({ length: 9 }, () => 'a AND NOT b').join(' OR '), /operators .*at most 15/],
    ];
    for (const [query, reason] of refused) {
      let error: unknown = null;
      try {
        checkSearchQuery(query);
      } catch (err) {
        error = err;
      }
      expect(error, query).toBeInstanceOf(SearchQueryError);
      expect((error as Error).message).toMatch(reason);
      expect((error as Error).message).not.toContain('\n');
    }
    for (const query of [
      'flood wall',
      '"flood wall" OR levee',
      'stat* OR flo*',
      'NEAR(flood wall, 5)',
      'title:flood',
    ]) {
      expect(() => checkSearchQuery(query), query).not.toThrow();
    }
  });

  it('is the store search bound too (the CLI), before the backend runs the query', async () => {
    await expect(store.search(ALPHABET)).rejects.toThrow(SearchQueryError);
    await expect(store.search(ALPHABET)).rejects.toThrow(/prefix/);
    expect((await store.search('flood wall')).length).toBeGreaterThan(0);
  });

  it('answers 400 naming the bound on /api/search, /search and the story list filter', async () => {
    const q = encodeURIComponent(ALPHABET);
    const api = await app.request(`/api/search?q=${q}`);
    expect(api.status).toBe(400);
    const body = (await api.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('query-too-complex');
    expect(body.error.message).toMatch(/prefix search \(a\*\) shorter than 3 letters/);
    for (const path of [`/search?q=${q}`, `/?text=${q}`, `/api/stories?text=${q}`]) {
      const res = await app.request(path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(await res.text()).toMatch(/shorter than 3 letters/);
    }
  });
});

describe('writes from another site', () => {
  it('refuses API writes that are not JSON, whatever the charset says, and stores nothing', async () => {
    const before = await store.countArticles();
    for (const type of [
      'text/plain',
      'text/plain; charset=application/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json-patch+json',
      'application/json; charset=latin1',
    ]) {
      const res = await post('/api/articles', JSON.stringify(ARTICLE), { 'content-type': type });
      expect([type, res.status]).toEqual([type, 415]);
      expect(await errorCode(res)).toBe('unsupported-media-type');
    }
    const merge = await post('/api/stories/1/merge', JSON.stringify({ other: 2 }), {
      'content-type': 'text/plain',
    });
    expect(merge.status).toBe(415);
    expect(await store.countArticles()).toBe(before);
    expect(await store.countStories()).toBe(3);
  });

  it('refuses a write a browser says comes from another origin, even with a JSON type', async () => {
    const before = await store.countArticles();
    const json = { 'content-type': 'application/json' };
    const browsers: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'http://localhost:3000', host: 'localhost:8017' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of browsers) {
      const res = await post('/api/articles', JSON.stringify(ARTICLE), { ...json, ...headers });
      expect([headers, res.status]).toEqual([headers, 403]);
      expect(await errorCode(res)).toBe('cross-site');
    }
    expect(await store.countArticles()).toBe(before);
    // The app's own page (whose no-referrer policy makes the browser send Origin: null), and a client that is
    // not a browser (no Origin), may write.
    const ownForm = await post('/api/articles', JSON.stringify(ARTICLE), {
      ...json,
      origin: 'null',
      'sec-fetch-site': 'same-origin',
    });
    expect(ownForm.status).toBe(201);
    const other = { ...ARTICLE, text: `${ARTICLE.text} The council will meet on Monday to hear the report.` };
    expect((await post('/api/articles', JSON.stringify(other), json)).status).toBe(201);
    const third = { ...ARTICLE, text: `${ARTICLE.text} Residents were told the road would reopen.` };
    const own = await post('/api/articles', JSON.stringify(third), {
      ...json,
      origin: 'http://localhost',
      'sec-fetch-site': 'same-origin',
    });
    expect(own.status).toBe(201);
    expect(await store.countArticles()).toBe(before + 3);
  });
});

describe('host names', () => {
  it('answers only the configured names, whatever the port', async () => {
    for (const host of ['localhost:8017', '127.0.0.1', '[::1]:8017', 'LOCALHOST']) {
      const res = await app.request('/api/health', { headers: { host } });
      expect([host, res.status]).toEqual([host, 200]);
    }
    for (const host of ['evil.example', 'evil.example:8017', 'localhost.evil.example', '127.0.0.1.nip.io']) {
      const res = await app.request('/api/health', { headers: { host } });
      expect([host, res.status]).toEqual([host, 421]);
      expect(await errorCode(res)).toBe('bad-host');
      const page = await app.request('/', { headers: { host } });
      expect(page.status).toBe(421);
    }
    const named = createApp({ store, allowedHosts: allowedHostNames('0.0.0.0', ['news.example.lan']) });
    expect((await named.request('/api/health', { headers: { host: 'news.example.lan:80' } })).status).toBe(
      200,
    );
    expect((await named.request('/api/health', { headers: { host: '0.0.0.0' } })).status).toBe(421);
  });

  it('reads names as the Host header writes them', () => {
    expect(hostName('[::1]:8017')).toBe('[::1]');
    expect(hostName('Example.LAN:80')).toBe('example.lan');
    expect([...allowedHostNames('::1', ['a.lan, b.lan'.split(', ')].flat())]).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      'a.lan',
      'b.lan',
    ]);
  });
});

describe('a real loopback server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ store, token: null, host: '127.0.0.1', port: 0, log: () => {} });
  });
  afterAll(() => server.close());

  /**
   * Sends a raw request and resolves with the status line. The socket is not half-closed after the request
   * (`Connection: close` ends it): Node's HTTP server drops a request whose client already sent FIN, so an
   * answer that awaits the store (a PostgreSQL round trip) would be lost, e.g. /api/health counting rows.
   */
  function raw(request: string): Promise<string> {
    const { hostname, port } = new URL(server.url);
    return new Promise((done, fail) => {
      const socket = connect(Number(port), hostname, () => socket.write(request));
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk.toString('latin1');
      });
      socket.on('end', () => done(answer.split('\r\n')[0] ?? ''));
      socket.on('error', fail);
    });
  }

  it('refuses a request with two Host headers and one naming another host', async () => {
    const { host } = new URL(server.url);
    expect(await raw(`GET /api/health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)).toMatch(
      / 200 /,
    );
    expect(
      await raw(
        `GET /api/health HTTP/1.1\r\nHost: ${host}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
      ),
    ).toMatch(/ 400 /);
    expect(await raw(`GET /api/health HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`)).toMatch(
      / 421 /,
    );
  });

  it('forbids framing on every answer: pages, JSON, errors, refusals', async () => {
    for (const path of [
      '/',
      '/api/health',
      '/api/stories/1',
      '/stories/1',
      '/nothing',
      '/api/stories/abc',
      '/add',
    ]) {
      const res = await fetch(new URL(path, server.url));
      expect([path, res.headers.get('x-frame-options')]).toEqual([path, 'DENY']);
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      await res.arrayBuffer();
    }
  });
});

describe('compression', () => {
  it('sends story JSON and other answers gzip-compressed to a client that accepts it', async () => {
    const id = (await store.listStories({ limit: 1 }))[0]?.id;
    for (const path of [`/api/stories/${id}`, `/api/stories/${id}/why`, '/api/openapi.json']) {
      const zipped = await app.request(path, { headers: { 'accept-encoding': 'gzip, br' } });
      expect([path, zipped.headers.get('content-encoding')]).toEqual([path, 'gzip']);
      const json = JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8'));
      const plain = await app.request(path);
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(json).toEqual(await plain.json());
    }
  });
});

describe('page cache memory', () => {
  it('keeps each compressed page in a buffer of its own size, not zlib’s 16 KB chunk', () => {
    const page = storePage('{"hits":[]}', 'application/json');
    expect(page.gz.byteLength).toBeLessThan(100);
    expect(page.gz.buffer.byteLength).toBe(page.gz.byteLength);
  });

  it('counts what each entry retains and bounds the number of entries', () => {
    const cache = new SizedCache<ReturnType<typeof storePage>>(1024 * 1024, 50);
    let retained = 0;
    for (let i = 0; i < 40; i++) {
      const key = `http://localhost/api/search?q=word${i}@7`;
      const page = storePage(`{"query":"word${i}","hits":[]}`, 'application/json');
      cache.set(key, page, page.gz.byteLength);
      retained += page.gz.buffer.byteLength + entryOverhead(key);
    }
    expect(cache.size).toBe(retained);
    for (let i = 40; i < 100; i++) {
      const page = storePage(`{"query":"word${i}"}`, 'application/json');
      cache.set(`q${i}`, page, page.gz.byteLength);
    }
    expect(cache.count).toBe(50);
    // A byte bound far below the entries' own size: the oldest go first.
    const small = new SizedCache<string>(2000);
    for (let i = 0; i < 100; i++) small.set(`k${i}`, 'v', 10);
    expect(small.size).toBeLessThanOrEqual(2000);
    expect(small.count).toBe(Math.floor(2000 / (10 + entryOverhead('k10'))));
  });
});
