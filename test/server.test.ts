// The web application over a library (groundwork of `parallax serve`): the JSON API and its OpenAPI
// description, the server-rendered pages, escaping of article text, and the server's lifecycle.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import { createApp } from '../src/server/app.js';
import type { OPENAPI } from '../src/server/openapi.js';
import { tokenFor } from '../src/server/serve.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { ALL_FIXTURES, writeFixtures } from './support/library-fixtures.js';
import { reportSchemaErrors } from './support/report-schema.js';
import { storiesSchemaErrors } from './support/stories-schema.js';
import { testLibraries } from './support/test-library.js';

const PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

const libraries = testLibraries('server');
let dir = '';
let db = '';
let store: AsyncStore;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-server-'));
  db = await libraries.fresh();
  const chess = ALL_FIXTURES[3] as (typeof ALL_FIXTURES)[number];
  const hostile = {
    ...chess,
    file: 'hostile.md',
    title: `Varga ${PAYLOAD}`,
    text: `${chess.text}\n\nThe organisers said the closing ceremony drew a record crowd of 900 to the hall.\n\nA reader of the Quenby Open coverage wrote in: ${PAYLOAD}`,
  };
  const files = writeFixtures(join(dir, 'news'), [...ALL_FIXTURES, hostile]);
  store = await libraries.open(db);
  await ingestIntoLibrary(store, files, DEFAULT_CONFIG);
  app = createApp({ store });
});

const get = (path: string) => app.request(path);

describe('JSON API', () => {
  it('answers health, stories, one story and search, in the published shapes', async () => {
    expect(await (await get('/api/health')).json()).toEqual({ ok: true, articles: 8, stories: 3 });
    const listing = (await (await get('/api/stories')).json()) as {
      stories: { id: number; articles: string[] }[];
    };
    expect(storiesSchemaErrors(listing)).toEqual([]);
    expect(listing.stories).toHaveLength(3);
    const chess = listing.stories.find((s) => s.articles.includes('chess-1'));
    const report = await (await get(`/api/stories/${chess?.id}`)).json();
    expect(reportSchemaErrors(report)).toEqual([]);
    const search = (await (await get('/api/search?q=flood%20wall')).json()) as {
      hits: { story: number | null }[];
    };
    expect(search.hits.length).toBeGreaterThan(0);
    expect(search.hits.every((h) => typeof h.story === 'number')).toBe(true);
    expect(
      ((await (await get('/api/stories?limit=1')).json()) as { stories: unknown[] }).stories,
    ).toHaveLength(1);
  });

  it('gives JSON errors with a code and a message', async () => {
    const cases: [string, number, string][] = [
      ['/api/stories/999', 404, 'not-found'],
      ['/api/stories/abc', 400, 'bad-parameter'],
      ['/api/stories?since=yesterday', 400, 'bad-parameter'],
      ['/api/stories?limit=0', 400, 'bad-parameter'],
      ['/api/search', 400, 'bad-parameter'],
      ['/api/search?q=%22open', 400, 'bad-query'],
      ['/api/nothing-here', 404, 'not-found'],
    ];
    for (const [path, status, code] of cases) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, status]);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      expect(body.error.message).not.toMatch(/\n|library\.db/);
    }
  });

  it('describes every route in /api/openapi.json, and every described path answers', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as typeof OPENAPI;
    expect(doc.openapi).toMatch(/^3\./);
    const routes = app.routes
      .filter((r) => r.path.startsWith('/api/') && !r.path.includes('*') && r.path !== '/api/openapi.json')
      .map((r) => r.path.replace(/:(\w+)/g, '{$1}'));
    expect([...new Set(routes)].sort()).toEqual(Object.keys(doc.paths).sort());
    const readable = Object.entries(doc.paths as Record<string, object>).filter(([, ops]) => 'get' in ops);
    const outlet = ((await (await get('/api/outlets')).json()) as { outlets: { outlet: string }[] })
      .outlets[0];
    const actor = ((await (await get('/api/actors')).json()) as { actors: { actor: string }[] }).actors[0];
    expect(outlet && actor).toBeTruthy();
    for (const [path] of readable) {
      const concrete = path
        .replace('{id}', '1')
        .replace('{name}', encodeURIComponent(outlet?.outlet ?? ''))
        .replace('{key}', encodeURIComponent(actor?.actor ?? ''));
      const res = await get(`${concrete}${path === '/api/search' ? '?q=flood' : ''}`);
      expect([path, res.status]).toEqual([path, 200]);
    }
  });
});

describe('writing', () => {
  const post = (
    target: ReturnType<typeof createApp>,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ) =>
    target.request(path, {
      method: 'POST',
      headers: { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('adds an article posted as a JSON record and places it in its story', async () => {
    const article = {
      title: 'Orrin Falls residents return home',
      outlet: 'Coastline Weekly',
      published: '2031-04-04',
      text: 'Residents of Orrin Falls returned to their homes on Thursday as the Tessaly River fell. Mayor Idris Kovalenko said the Weir Street flood wall would be rebuilt and thanked the Brannock County fire service.',
    };
    const res = await post(app, '/api/articles', article);
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      added: { storyId: number; created: boolean; storyArticles: number }[];
    };
    const flood = await store.storyOf(
      (await store.listArticles()).find((a) => a.title?.startsWith('Tessaly River bursts'))?.id ?? '',
    );
    expect(body.added[0]).toMatchObject({ storyId: flood, created: false });
    expect(body.added[0]?.storyArticles).toBeGreaterThan(1);
    expect((await post(app, '/api/articles', article)).status).toBe(200);
    expect((await post(app, '/api/articles', { text: '   ' })).status).toBe(422);
    expect(
      (await post(app, '/api/articles', '{not json', { 'content-type': 'application/json' })).status,
    ).toBe(400);
  });

  it('refuses writes without the token when the server has one, and bodies over the limit', async () => {
    const guarded = createApp({ store, token: 'secret-token' });
    const refused = await post(guarded, '/api/stories/1/merge', { other: 2 });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    expect(
      (await post(guarded, '/api/stories/1/split', { articles: ['x'] }, { authorization: 'Bearer wrong' }))
        .status,
    ).toBe(401);
    // With the token the request reaches the library (which refuses the unknown article).
    expect(
      (
        await post(
          guarded,
          '/api/stories/1/split',
          { articles: ['x'] },
          { authorization: 'Bearer secret-token' },
        )
      ).status,
    ).toBe(400);
    // Reading never needs it.
    expect((await guarded.request('/api/health')).status).toBe(200);
    const huge = await post(app, '/api/articles', 'word '.repeat(600_000));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('too-large');
  });

  it('splits and merges stories through the API', async () => {
    const chessFirst = (await store.listArticles()).find((a) => a.title?.startsWith('Varga wins'));
    const chess = (await store.storyOf(chessFirst?.id ?? '')) ?? -1;
    const split = await post(app, `/api/stories/${chess}/split`, { articles: ['chess-2'] });
    expect(split.status).toBe(200);
    const { to } = (await split.json()) as { to: { id: number; articleCount: number } };
    expect(to.articleCount).toBe(1);
    const merged = await post(app, `/api/stories/${chess}/merge`, { other: to.id });
    expect(merged.status).toBe(200);
    expect(await store.getStory(to.id)).toBeNull();
    expect((await post(app, `/api/stories/${chess}/merge`, { other: 999 })).status).toBe(404);
  });
});

describe('pages', () => {
  it('lists stories, shows a story report and search results, and escapes article text everywhere', async () => {
    for (const path of [
      '/',
      '/search?q=Varga',
      `/stories/${await store.storyOf((await store.listArticles()).find((a) => a.title?.includes('<script>'))?.id ?? '')}`,
    ]) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      const body = await res.text();
      expect(body).not.toContain('<script>window.__pwned');
      expect(body).not.toContain('<img src=x');
    }
    const biggest = await (await get('/?sort=biggest&outlet=Valley%20Courier')).text();
    expect(biggest.indexOf('Tessaly River bursts')).toBeLessThan(biggest.indexOf('Varga wins'));
    expect(biggest).not.toMatch(/Harbourside votes/);
    expect((await get('/?since=nonsense')).status).toBe(400);
    const home = await (await get('/')).text();
    expect(home).toMatch(/Tessaly River bursts its banks at Orrin Falls/);
    const found = await (await get('/search?q=Varga')).text();
    expect(found).toMatch(/<mark>Varga<\/mark>/);
    // The hostile title is shown, as text.
    expect(found).toContain('Varga &lt;script&gt;window.__pwned=1&lt;/script&gt;');
  });

  it('answers unknown paths, traversal attempts and writes with 404, never a file', async () => {
    for (const path of [
      '/nothing',
      '/../../etc/passwd',
      '/stories/..%2F..%2Fetc%2Fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const res = await get(path);
      expect([path, res.status === 404 || res.status === 400]).toEqual([path, true]);
      expect(await res.text()).not.toMatch(/root:/);
    }
    expect((await app.request('/api/stories', { method: 'POST', body: 'x' })).status).toBe(404);
  });
});

describe('parallax serve', () => {
  it('listens on loopback, answers, and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [resolve(import.meta.dirname, '../bin/parallax.js'), 'serve', '--db', db, '--port', '0'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    const url = await new Promise<string>((done, fail) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /serving the library at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
        if (match) done(match[1] as string);
      });
      child.on('exit', () => fail(new Error(`serve exited: ${stderr}`)));
    });
    const health = (await (await fetch(`${url}api/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/SIGTERM: stopping/);
  }, 20_000);
});

describe('the write token', () => {
  it('is needed beyond loopback: PARALLAX_TOKEN when set, else a fresh random one; none on loopback', () => {
    expect(tokenFor('127.0.0.1', undefined)).toEqual({ token: null, generated: false });
    expect(tokenFor('localhost', '')).toEqual({ token: null, generated: false });
    expect(tokenFor('::1', 'given')).toEqual({ token: 'given', generated: false });
    const a = tokenFor('0.0.0.0', undefined);
    const b = tokenFor('192.168.1.20', undefined);
    expect(a.generated).toBe(true);
    expect(a.token).toMatch(/^[\w-]{32}$/);
    expect(b.token).not.toBe(a.token);
    expect(tokenFor('0.0.0.0', ' set ')).toEqual({ token: 'set', generated: false });
  });
});
