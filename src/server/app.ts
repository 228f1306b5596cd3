// The web application over a library: server-rendered pages that read without JavaScript, and a JSON twin
// of each under /api. Every string from an article goes through the escape-by-default `html` template; the
// only script is the report page's own, allowed by its hash.

import { Hono } from 'hono';
import { ParallaxError } from '../errors.js';
import { requireStory, storyArticles } from '../library/stories.js';
import type { Report } from '../model/report.js';
import { html, join, type SafeHtml } from '../report/escape.js';
import { SNIPPET_MARK, type Store, type StorySummary } from '../store/store.js';
import { OPENAPI } from './openapi.js';

/** Limits a request cannot exceed; see README. */
export const LIMITS = { listing: 1000, search: 200, queryChars: 500 } as const;

/** A page without scripts: nothing runs, nothing is fetched but the page itself. */
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'self'";

class HttpError extends Error {
  constructor(
    readonly status: 400 | 404 | 413 | 503,
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

function listingOf(store: Store, q: { since?: string; outlet?: string; limit?: string }) {
  if (q.since !== undefined && q.since !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(q.since)) {
    throw new HttpError(400, 'bad-parameter', `since must be a day as YYYY-MM-DD; got "${q.since}"`);
  }
  const stories = store.listStories({
    since: q.since || undefined,
    outlet: q.outlet || undefined,
    limit: intParam(q.limit, 'limit', 50, LIMITS.listing),
  });
  const refs = store.storyArticles(stories.map((s) => s.id));
  return stories.map((s) => {
    const mine = refs.get(s.id) ?? [];
    return {
      ...s,
      voices: mine.filter((r) => r.duplicateOf === null).length,
      articles: mine.map((r) => r.inputId),
      articleIds: mine.map((r) => r.articleId),
      duplicates: mine
        .filter((r) => r.duplicateOf !== null)
        .map((r) => ({ articleId: r.articleId, of: r.duplicateOf })),
    };
  });
}

async function storyReport(store: Store, id: number): Promise<Report> {
  let story: ReturnType<typeof requireStory>;
  try {
    story = requireStory(store, id);
  } catch (err) {
    if (err instanceof ParallaxError) throw new HttpError(404, 'not-found', err.message);
    throw err;
  }
  const { compareStory } = await import('../compare/index.js');
  const { buildReport } = await import('../report/index.js');
  return buildReport([compareStory(storyArticles(store, story), String(id))]);
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
}

export function createApp({ store }: AppOptions): Hono {
  const app = new Hono();

  app.onError((err, c) => {
    const status = err instanceof HttpError ? err.status : err instanceof ParallaxError ? 503 : 500;
    const code = err instanceof HttpError ? err.code : err instanceof ParallaxError ? 'store' : 'internal';
    const message = err instanceof HttpError || err instanceof ParallaxError ? err.message : 'internal error';
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

  app.get('/api/health', (c) =>
    c.json({ ok: true, articles: store.countArticles(), stories: store.countStories() }),
  );
  app.get('/api/openapi.json', (c) => c.json(OPENAPI));
  app.get('/api/stories', (c) => c.json({ stories: listingOf(store, c.req.query()) }));
  app.get('/api/stories/:id', async (c) => c.json(await storyReport(store, storyIdParam(c.req.param('id')))));
  app.get('/api/search', (c) => c.json(searchOf(store, c.req.query('q'), c.req.query('limit'))));

  app.get('/', (c) => {
    const stories = store.listStories({ limit: 50 });
    c.header('Content-Security-Policy', PAGE_CSP);
    const list = stories.length
      ? html`<ol class="stories">${stories.map(storyItem)}</ol>`
      : html`<p>The library has no stories yet: add articles with <code>parallax ingest</code>.</p>`;
    return c.html(page('Stories', html`<h1>Stories</h1>${list}`));
  });
  app.get('/stories/:id', async (c) => {
    const report = await storyReport(store, storyIdParam(c.req.param('id')));
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
