// The web application over a library: server-rendered pages that read without JavaScript, and a JSON twin
// of each under /api. Every string from an article goes through the escape-by-default `html` template; the
// only script is the report page's own, allowed by its hash.

import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { timeout } from 'hono/timeout';
import { DEFAULT_CONFIG } from '../config.js';
import { ParallaxError } from '../errors.js';
import { ingestIntoLibrary } from '../library/ingest.js';
import { mergeStories, requireStory, splitStory, storyListing, storyReport } from '../library/stories.js';
import type { Report } from '../model/report.js';
import { html, join, type SafeHtml } from '../report/escape.js';
import { SNIPPET_MARK, type Store, type StorySummary } from '../store/store.js';
import { OPENAPI } from './openapi.js';

/** Limits a request cannot exceed; see README. */
export const LIMITS = {
  listing: 1000,
  search: 200,
  queryChars: 500,
  /** Largest request body: one article's text or page, well above any real one. */
  bodyBytes: 2 * 1024 * 1024,
  /** A request that has not been answered in this time gets 503 (code "timeout"). */
  requestMs: 30_000,
} as const;

/** A page without scripts: nothing runs, nothing is fetched but the page itself. */
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'self'";

class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 413 | 422 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function intParam(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new HttpError(400, 'bad-parameter', `${name} must be a whole number of at least 1; got "${value}"`);
  }
  return Math.min(Number(value), max);
}

function storyIdParam(value: string): number {
  if (!/^\d+$/.test(value))
    throw new HttpError(400, 'bad-parameter', `a story id is a whole number; got "${value}"`);
  return Number(value);
}

function listingOf(store: Store, q: { since?: string; outlet?: string; limit?: string; sort?: string }) {
  if (q.since !== undefined && q.since !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(q.since)) {
    throw new HttpError(400, 'bad-parameter', `since must be a day as YYYY-MM-DD; got "${q.since}"`);
  }
  const stories = store.listStories({
    since: q.since || undefined,
    outlet: q.outlet || undefined,
    limit: intParam(q.limit, 'limit', 50, LIMITS.listing),
    order: q.sort === 'biggest' ? 'biggest' : 'newest',
  });
  return storyListing(store, stories);
}

async function reportOf(store: Store, id: number): Promise<Report> {
  try {
    return await storyReport(store, requireStory(store, id));
  } catch (err) {
    if (err instanceof ParallaxError && err.code === 'USAGE')
      throw new HttpError(404, 'not-found', err.message);
    throw err;
  }
}

function searchOf(store: Store, q: string | undefined, limit: string | undefined) {
  const query = (q ?? '').trim();
  if (query === '') throw new HttpError(400, 'bad-parameter', 'q, the search query, is missing');
  if (query.length > LIMITS.queryChars) {
    throw new HttpError(400, 'bad-parameter', `q is longer than ${LIMITS.queryChars} characters`);
  }
  let hits: ReturnType<Store['search']>;
  try {
    hits = store.search(query, intParam(limit, 'limit', 20, LIMITS.search));
  } catch (err) {
    if (err instanceof ParallaxError)
      throw new HttpError(400, 'bad-query', err.message.replace(/^[^:]*: /, ''));
    throw err;
  }
  return { query, hits: hits.map((h) => ({ ...h, story: store.storyOf(h.id) })) };
}

function page(title: string, body: SafeHtml): string {
  return `<!doctype html>${html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Parallax</title><link rel="icon" href="data:,"><style>${STYLE}</style></head><body><header><nav aria-label="Site"><a href="/">Stories</a> <form role="search" action="/search" method="get"><label>Search <input name="q" type="search"></label> <button type="submit">Search</button></form></nav></header><main>${body}</main></body></html>`.value}`;
}

/** Plain CSS as a SafeHtml fragment: a constant of this file, never built from input. */
const STYLE = html`body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f}header{background:#f2f2f4;padding:.6rem 1rem}header nav{display:flex;gap:1rem;align-items:center}main{max-width:60rem;margin:0 auto;padding:1rem}ol.stories{list-style:none;padding:0}ol.stories li{border-bottom:1px solid #ddd;padding:.6rem 0}.meta{color:#555;font-size:.9rem}mark{background:#ffe58a}`;

function storyItem(s: StorySummary): SafeHtml {
  const days =
    s.firstPublished === null
      ? 'undated'
      : s.firstPublished === s.lastPublished
        ? s.firstPublished
        : `${s.firstPublished} – ${s.lastPublished}`;
  return html`<li><a href="/stories/${s.id}">${s.title ?? `Story ${s.id}`}</a><div class="meta">${days} · ${s.articleCount} ${s.articleCount === 1 ? 'article' : 'articles'} · ${s.outlets.join(', ') || 'no outlet named'}</div></li>`;
}

/** A snippet with the store's [marks] turned into <mark>, everything else escaped. */
function markedSnippet(snippet: string): SafeHtml {
  const parts = snippet.split(SNIPPET_MARK.open);
  const out: SafeHtml[] = [html`${parts[0] ?? ''}`];
  for (const part of parts.slice(1)) {
    const close = part.indexOf(SNIPPET_MARK.close);
    if (close < 0) out.push(html`${SNIPPET_MARK.open + part}`);
    else out.push(html`<mark>${part.slice(0, close)}</mark>${part.slice(close + 1)}`);
  }
  return join(out);
}

export interface AppOptions {
  store: Store;
  /** When set, writing endpoints need it (Authorization: Bearer …); serve sets it beyond loopback. */
  token?: string | null;
}

/** Reads a JSON body as an object, or answers 400. */
async function jsonBody(c: { req: { json: () => Promise<unknown> } }): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpError(400, 'bad-body', 'the request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'bad-body', 'the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** A user's decision that the library refuses (unknown article, empty split) is the client's mistake. */
function asClientError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ParallaxError && err.code === 'USAGE') {
      const notFound = /^there is no story/.test(err.message);
      throw new HttpError(notFound ? 404 : 400, notFound ? 'not-found' : 'bad-request', err.message);
    }
    throw err;
  }
}

export function createApp({ store, token = null }: AppOptions): Hono {
  const app = new Hono();

  app.onError((err, c) => {
    const known = err instanceof HttpError || err instanceof ParallaxError || err instanceof HTTPException;
    const status =
      err instanceof HttpError
        ? err.status
        : err instanceof HTTPException
          ? 503
          : err instanceof ParallaxError
            ? 503
            : 500;
    const code =
      err instanceof HttpError
        ? err.code
        : err instanceof HTTPException
          ? 'timeout'
          : err instanceof ParallaxError
            ? 'store'
            : 'internal';
    const message = known ? err.message : 'internal error';
    if (status === 500) console.error(`parallax serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err}`);
    if (c.req.path.startsWith('/api/')) return c.json({ error: { code, message } }, status);
    c.header('Content-Security-Policy', PAGE_CSP);
    return c.html(
      page('Error', html`<h1>${status === 404 ? 'Not found' : 'Something went wrong'}</h1><p>${message}</p>`),
      status,
    );
  });
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/'))
      return c.json({ error: { code: 'not-found', message: `no such endpoint: ${c.req.path}` } }, 404);
    c.header('Content-Security-Policy', PAGE_CSP);
    return c.html(page('Not found', html`<h1>Not found</h1><p>Nothing lives at ${c.req.path}.</p>`), 404);
  });
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  app.use(
    '*',
    timeout(
      LIMITS.requestMs,
      () => new HTTPException(503, { message: `no answer within ${LIMITS.requestMs / 1000} s` }),
    ),
  );
  // Writes: a size limit on the body, and the token when the server has one.
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (token !== null) {
      const given =
        c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? c.req.header('x-parallax-token');
      if (given !== token)
        throw new HttpError(
          401,
          'unauthorized',
          'writing needs the token serve printed (Authorization: Bearer …)',
        );
    }
    return next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: LIMITS.bodyBytes,
      onError: () => {
        throw new HttpError(
          413,
          'too-large',
          `the request body is over ${LIMITS.bodyBytes / 1024 / 1024} MB`,
        );
      },
    }),
  );

  app.get('/api/health', (c) =>
    c.json({ ok: true, articles: store.countArticles(), stories: store.countStories() }),
  );
  app.get('/api/openapi.json', (c) => c.json(OPENAPI));
  app.get('/api/stories', (c) => c.json({ stories: listingOf(store, c.req.query()) }));
  app.get('/api/stories/:id', async (c) => c.json(await reportOf(store, storyIdParam(c.req.param('id')))));
  app.get('/api/search', (c) => c.json(searchOf(store, c.req.query('q'), c.req.query('limit'))));

  // Adds one article: a JSON record ({text | html, title, outlet, url, published}) or the raw text, Markdown
  // or HTML page as the body. It is ingested like any input and lands in its story.
  app.post('/api/articles', async (c) => {
    const type = c.req.header('content-type') ?? '';
    const body = type.includes('application/json') ? JSON.stringify(await jsonBody(c)) : await c.req.text();
    if (body.trim() === '') throw new HttpError(400, 'bad-body', 'the request body is empty');
    const refused: string[] = [];
    const summary = await ingestIntoLibrary(store, ['-'], DEFAULT_CONFIG, {
      stdin: Readable.from([body]),
      worker: false,
      onRefusal: (_, reason) => refused.push(reason),
    });
    if (summary.added + summary.existing === 0) {
      throw new HttpError(422, 'not-an-article', refused[0] ?? 'no article in the request body');
    }
    return c.json(
      { added: summary.added, existing: summary.existing, placed: summary.placed, refused },
      summary.added > 0 ? 201 : 200,
    );
  });
  app.post('/api/stories/:id/merge', async (c) => {
    const target = storyIdParam(c.req.param('id'));
    const { other } = await jsonBody(c);
    const otherId = storyIdParam(String(other ?? ''));
    const merged = asClientError(() => mergeStories(store, target, otherId));
    return c.json({ story: { ...merged, members: undefined } });
  });
  app.post('/api/stories/:id/split', async (c) => {
    const id = storyIdParam(c.req.param('id'));
    const { articles } = await jsonBody(c);
    if (!Array.isArray(articles) || !articles.every((a) => typeof a === 'string')) {
      throw new HttpError(400, 'bad-body', 'articles must be a list of article ids');
    }
    const { from, to } = asClientError(() => splitStory(store, id, articles as string[]));
    return c.json({ from: { ...from, members: undefined }, to: { ...to, members: undefined } });
  });

  app.get('/', (c) => {
    const q = c.req.query();
    const order = q.sort === 'biggest' ? 'biggest' : 'newest';
    if (q.since && !/^\d{4}-\d{2}-\d{2}$/.test(q.since)) {
      throw new HttpError(400, 'bad-parameter', `since must be a day as YYYY-MM-DD; got "${q.since}"`);
    }
    const stories = store.listStories({
      limit: 50,
      order,
      since: q.since || undefined,
      outlet: q.outlet || undefined,
    });
    c.header('Content-Security-Policy', PAGE_CSP);
    const filters = html`<form class="filters" method="get" action="/"><label>Since <input type="date" name="since" value="${q.since ?? ''}"></label> <label>Outlet <input name="outlet" value="${q.outlet ?? ''}"></label> <label>Order <select name="sort"><option value="newest"${order === 'newest' ? html` selected` : ''}>newest</option><option value="biggest"${order === 'biggest' ? html` selected` : ''}>biggest</option></select></label> <button type="submit">Show</button></form>`;
    const list = stories.length
      ? html`<ol class="stories">${stories.map(storyItem)}</ol>`
      : q.since || q.outlet
        ? html`<p>No story matches these filters.</p>`
        : html`<p>The library has no stories yet: add articles with <code>parallax ingest</code>.</p>`;
    return c.html(page('Stories', html`<h1>Stories</h1>${filters}${list}`));
  });
  app.get('/stories/:id', async (c) => {
    const report = await reportOf(store, storyIdParam(c.req.param('id')));
    // The report page carries its own CSP (a meta tag allowing its script by hash); the header repeats it.
    const { contentSecurityPolicy, renderHtml } = await import('../report/html/index.js');
    const { CLIENT_SCRIPT } = await import('../report/html/client.js');
    c.header('Content-Security-Policy', contentSecurityPolicy(CLIENT_SCRIPT));
    return c.html(renderHtml(report));
  });
  app.get('/search', (c) => {
    const q = c.req.query('q') ?? '';
    c.header('Content-Security-Policy', PAGE_CSP);
    if (q.trim() === '')
      return c.html(
        page('Search', html`<h1>Search</h1><p>Type words, "a phrase", OR, NOT or prefix* above.</p>`),
      );
    const { hits } = searchOf(store, q, c.req.query('limit'));
    const items = hits.map(
      (h) =>
        html`<li>${h.story === null ? (h.title ?? '(untitled)') : html`<a href="/stories/${h.story}">${h.title ?? '(untitled)'}</a>`}<div class="meta">${h.outlet ?? 'no outlet'} · ${h.published ?? 'undated'}</div><p>${markedSnippet(h.snippet)}</p></li>`,
    );
    return c.html(
      page(
        `Search: ${q}`,
        html`<h1>Search: ${q}</h1>${hits.length ? html`<ol class="stories">${items}</ol>` : html`<p>Nothing matches.</p>`}`,
      ),
    );
  });
  return app;
}
