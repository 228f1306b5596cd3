// The fetcher against a loopback server that misbehaves in every way the web does: slow answers, huge and
// compressed-bomb bodies, redirect loops, wrong charsets, 429 with Retry-After, robots.txt, pages that are
// not articles, and addresses that must not be reached. Each case ends in a one-line reason, and a good
// page after a bad one still comes through.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../src/fetch/address-guard.js';
import { Fetcher } from '../src/fetch/fetcher.js';
import { checkUrl, FetchError, httpGet, retryAfterMs } from '../src/fetch/http-client.js';
import { fetchArticle } from '../src/fetch/web-article.js';
import { bodyText } from '../src/text/decode.js';
import { type Loopback, listenLoopback } from './support/loopback.js';

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry strike ends | Harbour Gazette</title>
<link rel="canonical" href="/news/ferry-strike-ends?utm_source=feed">
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2033-03-14T09:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry strike ends after nine days</h1>
<p>The strike that halted ferries between Calder Island and the mainland ended on Tuesday after the crews' union accepted a revised offer from the operator.</p>
<p>Services resume on Wednesday morning, the operator said, with extra sailings to clear the backlog of freight that built up at both terminals during the dispute.</p>
<p>Union secretary Maren Holt said the agreement protected rest periods and raised pay by four percent over two years, and thanked islanders for their patience.</p>
</article><footer>© Harbour Gazette</footer></body></html>`;

let hits: Record<string, number> = {};
let server: Loopback;
let origin = '';

function route(req: IncomingMessage, res: ServerResponse) {
  const path = req.url ?? '/';
  hits[path] = (hits[path] ?? 0) + 1;
  const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  switch (path) {
    case '/robots.txt':
      return send(200, 'User-agent: *\nDisallow: /private/\nAllow: /private/open\n', {
        'content-type': 'text/plain',
      });
    case '/article':
      return send(200, ARTICLE, { etag: '"v1"' });
    case '/conditional':
      if (req.headers['if-none-match'] === '"v1"') return send(304, '');
      return send(200, ARTICLE, { etag: '"v1"' });
    case '/slow':
      // Never answers (the connection is closed with the server): the time limit is what ends the wait,
      // however busy the machine.
      return;
    case '/huge':
      res.writeHead(200, { 'content-type': 'text/html' });
      // Streamed without a length, so only counting the bytes can stop it.
      for (let i = 0; i < 64; i++) res.write('x'.repeat(16 * 1024));
      res.end();
      return;
    case '/bomb':
      return send(200, gzipSync(Buffer.alloc(50 * 1024 * 1024, 'a')), { 'content-encoding': 'gzip' });
    case '/gzip':
      return send(200, gzipSync(Buffer.from(ARTICLE)), { 'content-encoding': 'gzip' });
    case '/loop-a':
      return send(302, '', { location: '/loop-b' });
    case '/loop-b':
      return send(302, '', { location: '/loop-a' });
    case '/moved':
      return send(301, '', { location: '/article' });
    case '/latin1':
      // Declared nowhere but in the page, and not UTF-8.
      return send(
        200,
        Buffer.from(
          ARTICLE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace(
            'Calder',
            'Cälder',
          ),
          'latin1',
        ),
        {
          'content-type': 'text/html',
        },
      );
    case '/wrong-charset':
      // The header says latin-1 but the bytes are UTF-8: the bytes win.
      return send(200, ARTICLE.replace('Calder', 'Cälder'), {
        'content-type': 'text/html; charset=iso-8859-1',
      });
    case '/busy':
      if ((hits[path] ?? 0) < 2) return send(429, 'slow down', { 'retry-after': '1' });
      return send(200, ARTICLE);
    case '/down':
      return send(503, 'maintenance');
    case '/private/page':
      return send(200, ARTICLE);
    case '/not-article':
      return send(
        200,
        '<html><body><nav><a href="/a">A</a> <a href="/b">B</a></nav><p>Log in</p></body></html>',
      );
    case '/pdf':
      return send(200, Buffer.from('%PDF-1.4'), { 'content-type': 'application/pdf' });
    case '/missing':
      return send(404, 'not here');
    default:
      return send(404, 'not here');
  }
}

/** A fetcher for the loopback server: private addresses allowed, no pauses, small limits. */
function fetcher(extra: ConstructorParameters<typeof Fetcher>[0] = {}, timeoutMs = 60_000): Fetcher {
  return new Fetcher({
    allowPrivate: true,
    // A generous time limit: a 50 MB gzip bomb takes a while to inflate on a busy machine, and must end on
    // the byte limit, not the clock.
    limits: { timeoutMs, maxBytes: 512 * 1024, hostDelayMs: 0, backoffMs: 10 },
    sleep: async () => {},
    ...extra,
  });
}

beforeAll(async () => {
  server = await listenLoopback(route);
  origin = server.origin;
});
afterAll(() => {
  server?.close();
});

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof FetchError) return err.reason;
    throw err;
  }
  throw new Error('expected a FetchError');
}

describe('fetching pages', () => {
  it('fetches an article page, extracts it and keys it by its canonical address without tracking', async () => {
    const raw = await fetchArticle(fetcher(), `${origin}/article`);
    expect(raw.meta.title).toContain('Ferry strike ends');
    expect(raw.meta.outlet).toBe('Harbour Gazette');
    expect(raw.meta.url).toBe(`${origin}/news/ferry-strike-ends`);
    expect(raw.body).toContain('Calder Island');
    expect(raw.body).not.toContain('Home');
  });

  it('follows a redirect and decompresses gzip', async () => {
    expect((await httpGet(`${origin}/moved`, { allowPrivate: true })).url).toBe(`${origin}/article`);
    expect((await httpGet(`${origin}/gzip`, { allowPrivate: true })).body.toString()).toBe(ARTICLE);
  });

  it('refuses a slow server, a huge body, a gzip bomb and a redirect loop, each with its reason', async () => {
    expect(await reason(fetcher({}, 500).get(`${origin}/slow`))).toMatch(/no complete answer within 0.5 s/);
    const f = fetcher();
    expect(await reason(f.get(`${origin}/huge`))).toMatch(/over the 524288-byte limit/);
    expect(await reason(f.get(`${origin}/bomb`))).toMatch(/over the 524288-byte limit once decompressed/);
    expect(await reason(f.get(`${origin}/loop-a`))).toMatch(/redirect loop/);
    // And the next good page still comes through.
    expect((await f.get(`${origin}/article`)).status).toBe(200);
  });

  it('decodes a page by its own charset, and trusts UTF-8 bytes over a wrong header', async () => {
    const f = fetcher();
    const latin = await f.get(`${origin}/latin1`);
    expect(bodyText(latin.body, latin.headers['content-type'])).toContain('Cälder Island');
    const wrong = await f.get(`${origin}/wrong-charset`);
    expect(bodyText(wrong.body, wrong.headers['content-type'])).toContain('Cälder Island');
  });

  it('retries a 429 after Retry-After, and gives up on a lasting 503 with the status', async () => {
    const waits: number[] = [];
    const f = fetcher({ sleep: async (ms) => void waits.push(ms) });
    hits = {};
    expect((await f.get(`${origin}/busy`)).status).toBe(200);
    expect(waits).toContain(1000);
    expect(await reason(f.get(`${origin}/down`))).toBe('the server answered 503');
    expect(hits['/down']).toBe(3);
  });

  it('leaves a Retry-After longer than the limit for the next poll', async () => {
    const f = fetcher({ limits: { maxRetryAfterMs: 500, hostDelayMs: 0, timeoutMs: 60_000 } });
    hits = {};
    expect(await reason(f.get(`${origin}/busy`))).toMatch(/asks to wait 1 s, left for the next poll/);
  });

  it('honours robots.txt unless told to ignore it', async () => {
    expect(await reason(fetcher().get(`${origin}/private/page`))).toMatch(/robots.txt disallows it/);
    expect((await fetcher({ ignoreRobots: true }).get(`${origin}/private/page`)).status).toBe(200);
  });

  it('makes a conditional request that a 304 answers', async () => {
    const f = fetcher();
    const first = await f.get(`${origin}/conditional`);
    const again = await f.get(`${origin}/conditional`, { etag: first.headers.etag ?? null });
    expect(again.notModified).toBe(true);
    expect(again.body.length).toBe(0);
  });

  it('refuses what is not an article page', async () => {
    const f = fetcher();
    expect(await reason(fetchArticle(f, `${origin}/not-article`))).toMatch(/article/i);
    expect(await reason(fetchArticle(f, `${origin}/pdf`))).toBe(
      'not a web page (Content-Type application/pdf)',
    );
    expect(await reason(fetchArticle(f, `${origin}/missing`))).toBe('the server answered 404');
  });

  it('refuses loopback and private addresses unless allowed, and schemes other than http(s)', async () => {
    expect(await reason(httpGet(`${origin}/article`))).toMatch(
      /127.0.0.1 is a private, loopback or link-local address/,
    );
    expect(await reason(httpGet(`http://localhost:${new URL(origin).port}/article`))).toMatch(
      /localhost resolves to 127.0.0.1/,
    );
    expect(() => checkUrl('file:///etc/passwd')).toThrow(/only http and https/);
    expect(() => checkUrl('ftp://example.org/x')).toThrow(/only http and https/);
    expect(() => checkUrl('not a url')).toThrow(/not a valid absolute URL/);
    for (const ip of [
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '127.0.0.1',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
      '100.64.0.1',
    ]) {
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, true]);
    }
    for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '172.32.0.1']) {
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, false]);
    }
  });
});

describe('Retry-After', () => {
  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2037 07:28:00 GMT', Date.parse('Wed, 21 Oct 2037 07:27:00 GMT'))).toBe(
      60_000,
    );
    expect(retryAfterMs('soon')).toBeNull();
  });
});
