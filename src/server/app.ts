// The web application over a library: server-rendered pages that read without JavaScript (src/server/pages.ts),
// and a JSON twin of each under /api. Every string from an article goes through the escape-by-default `html`
// template; the only script is the story page's own, allowed by its hash.

import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { timeout } from 'hono/timeout';
import { ParallaxError } from '../errors.js';
import type { Fetcher } from '../fetch/fetcher.js';
import { actorRecord, outletProfile, StoryFactsCache } from '../library/profiles.js';
import {
  explainStory,
  mergeStories,
  requireStory,
  splitStory,
  storyListing,
  storyReport,
} from '../library/stories.js';
import type { Report } from '../model/report.js';
import { html } from '../report/escape.js';
import { STORY_ORDERS, type Store, type StoryOrder, type StorySummary } from '../store/store.js';
import { actorKey } from '../text/article-labels.js';
import { isCalendarDay } from '../text/calendar-day.js';
import { addArticles } from './add-articles.js';
import { OPENAPI } from './openapi.js';
import { pageResponse, SizedCache, type StoredPage, storePage } from './page-cache.js';
import {
  APP_STYLE,
  actorPage,
  actorsPage,
  addedPage,
  addPage,
  type ListFilters,
  outletPage,
  outletsPage,
  page,
  searchPage,
  siteBar,
  storyListPage,
  storyMembership,
} from './pages.js';

/** Limits a request cannot exceed; see README. */
export const LIMITS = {
  listing: 1000,
  search: 200,
  queryChars: 500,
  /** Search hits whose stories a story list filtered by words shows. */
  textFilterHits: 200,
  /** Largest upload through the add page (several files at once). */
  uploadBytes: 20 * 1024 * 1024,
  /** Rendered story pages kept in memory, in compressed bytes. */
  pageCacheBytes: 64 * 1024 * 1024,
  /** Other rendered pages and JSON answers kept until the library changes, in compressed bytes. */
  viewCacheBytes: 16 * 1024 * 1024,
  /** Reports kept in memory, in bytes of their JSON. */
  reportCacheBytes: 64 * 1024 * 1024,
  /** Rows of the actor index. */
  actors: 200,
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
    readonly status: 400 | 401 | 403 | 404 | 413 | 422 | 503,
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

function dayParam(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isCalendarDay(value))
    throw new HttpError(400, 'bad-parameter', `${name} must be a day as YYYY-MM-DD; got "${value}"`);
  return value;
}

function orderParam(value: string | undefined): StoryOrder {
  if (value === undefined || value === '') return 'newest';
  if (!(STORY_ORDERS as readonly string[]).includes(value)) {
    throw new HttpError(400, 'bad-parameter', `sort is one of ${STORY_ORDERS.join(', ')}; got "${value}"`);
  }
  return value as StoryOrder;
}

/** Stories whose articles match a text query: the stories of the best full-text hits. */
function storiesMatching(store: Store, text: string): number[] {
  const { hits } = searchOf(store, text, String(LIMITS.textFilterHits));
  return [...new Set(hits.map((h) => h.story).filter((s): s is number => s !== null))];
}

function listingOf(
  store: Store,
  q: { since?: string; until?: string; outlet?: string; text?: string; limit?: string; sort?: string },
) {
  const text = (q.text ?? '').trim();
  const stories = store.listStories({
    since: dayParam(q.since, 'since'),
    until: dayParam(q.until, 'until'),
    outlet: q.outlet || undefined,
    ids: text ? storiesMatching(store, text) : undefined,
    limit: intParam(q.limit, 'limit', 50, LIMITS.listing),
    order: orderParam(q.sort),
  });
  return storyListing(store, stories);
}

function tooLarge(bytes: number) {
  return (): never => {
    throw new HttpError(413, 'too-large', `the request body is over ${bytes / 1024 / 1024} MB`);
  };
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

export interface AppOptions {
  store: Store;
  /** When set, writing endpoints need it (Authorization: Bearer …); serve sets it beyond loopback. */
  token?: string | null;
  /** How article addresses given to /add and /api/articles are fetched (serve's --allow-private, --ignore-robots). */
  fetching?: { allowPrivate: boolean; ignoreRobots: boolean };
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

const UTF8 = new TextEncoder();

/** The story page's CSP: it hashes the page script, so it is worked out once. */
let storyCspValue: string | null = null;
async function storyCsp(): Promise<string> {
  if (storyCspValue === null) {
    const { contentSecurityPolicy } = await import('../report/html/index.js');
    const { CLIENT_SCRIPT } = await import('../report/html/client.js');
    storyCspValue = contentSecurityPolicy(CLIENT_SCRIPT, 'self');
  }
  return storyCspValue;
}

export function createApp({ store, token = null, fetching }: AppOptions): Hono {
  const app = new Hono();
  // One fetcher for the app's life, so its per-host queue and robots.txt memory span requests.
  let fetcher: Fetcher | null = null;
  const fetcherFor = async () => {
    if (!fetcher) {
      const { Fetcher } = await import('../fetch/fetcher.js');
      fetcher = new Fetcher({ allowPrivate: fetching?.allowPrivate, ignoreRobots: fetching?.ignoreRobots });
    }
    return fetcher;
  };
  // Story pages by the story's last update; other pages by their address and the library's version.
  const pages = new SizedCache<StoredPage>(LIMITS.pageCacheBytes);
  const views = new SizedCache<StoredPage>(LIMITS.viewCacheBytes);
  /**
   * A GET page or JSON answer, kept until the library changes. The key is taken after rendering too, since
   * rendering may write (a contested listing works out stale contests first).
   */
  const cachedView = async (
    c: Context,
    contentType: string,
    render: () => Promise<string> | string,
    csp?: string,
  ) => {
    const address = c.req.url;
    let stored = views.get(`${address}@${store.version()}`);
    if (!stored) {
      stored = storePage(await render(), contentType);
      views.set(`${address}@${store.version()}`, stored, stored.gz.byteLength);
    }
    return pageResponse(
      stored,
      c.req.header('accept-encoding'),
      csp === undefined ? {} : { 'Content-Security-Policy': csp },
    );
  };
  const HTML = 'text/html; charset=UTF-8';
  const JSON_TYPE = 'application/json';
  // Reports are kept as their JSON bytes only (the API's answer); a page rendering one parses it again.
  const reports = new SizedCache<Uint8Array<ArrayBuffer>>(LIMITS.reportCacheBytes);
  const storyFacts = new StoryFactsCache();

  const storyOr404 = (id: number) => {
    try {
      return requireStory(store, id);
    } catch (err) {
      if (err instanceof ParallaxError && err.code === 'USAGE')
        throw new HttpError(404, 'not-found', err.message);
      throw err;
    }
  };
  /** A story's listing row (cheap: no members), whose last update keys everything cached about it. */
  const summaryOr404 = (id: number) => {
    const summary = store.listStories({ ids: [id], limit: 1 })[0];
    if (!summary) storyOr404(id);
    return summary as StorySummary;
  };
  const cacheKey = (s: StorySummary) => `${s.id}@${s.updatedAt}@${s.articleCount}`;
  /** Works a story's report out and keeps its JSON bytes while the story is unchanged. */
  const computeReport = async (summary: StorySummary) => {
    const report = await storyReport(store, storyOr404(summary.id));
    const json = UTF8.encode(JSON.stringify(report));
    reports.set(cacheKey(summary), json, json.byteLength);
    return { report, json };
  };
  const reportJson = async (summary: StorySummary) =>
    reports.get(cacheKey(summary)) ?? (await computeReport(summary)).json;
  const reportOf = async (summary: StorySummary): Promise<Report> => {
    const json = reports.get(cacheKey(summary));
    return json
      ? (JSON.parse(new TextDecoder().decode(json)) as Report)
      : (await computeReport(summary)).report;
  };
  const reportFor = async (id: number) => reportOf(summaryOr404(id));
  const outletOf = async (name: string) => {
    const profile = await outletProfile(store, name, storyFacts, reportFor);
    if (!profile)
      throw new HttpError(404, 'not-found', `no article of the library is from an outlet named "${name}"`);
    return profile;
  };
  const actorOf = (key: string) => {
    const record = actorRecord(store, actorKey(key));
    if (!record)
      throw new HttpError(404, 'not-found', `no article of the library labels an actor named "${key}"`);
    return record;
  };

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
      onError: tooLarge(LIMITS.bodyBytes),
    }),
  );

  // Form posts carry a body too: the same limit as the API (uploads through /add have their own).
  app.use('/stories/*', bodyLimit({ maxSize: LIMITS.bodyBytes, onError: tooLarge(LIMITS.bodyBytes) }));

  app.get('/api/health', (c) =>
    c.json({ ok: true, articles: store.countArticles(), stories: store.countStories() }),
  );
  app.get('/api/openapi.json', (c) => c.json(OPENAPI));
  app.get('/api/stories', (c) =>
    cachedView(c, JSON_TYPE, () => JSON.stringify({ stories: listingOf(store, c.req.query()) })),
  );
  app.get('/api/stories/:id', async (c) => {
    const json = await reportJson(summaryOr404(storyIdParam(c.req.param('id'))));
    return c.body(json, 200, { 'Content-Type': 'application/json' });
  });
  app.get('/api/stories/:id/why', (c) => {
    const id = storyIdParam(c.req.param('id'));
    storyOr404(id);
    const { story, members } = explainStory(store, id);
    return c.json({ story: { ...story, members: undefined }, members });
  });
  app.get('/api/outlets', (c) => c.json({ outlets: store.outlets() }));
  app.get('/api/outlets/:name', (c) =>
    cachedView(c, JSON_TYPE, async () => JSON.stringify(await outletOf(c.req.param('name')))),
  );
  app.get('/api/actors', (c) => {
    const prefix = actorKey(c.req.query('prefix') ?? '');
    return c.json({ actors: store.actors(LIMITS.actors, prefix || undefined) });
  });
  app.get('/api/actors/:key', (c) =>
    cachedView(c, JSON_TYPE, () => JSON.stringify(actorOf(c.req.param('key')))),
  );
  app.get('/api/search', (c) => c.json(searchOf(store, c.req.query('q'), c.req.query('limit'))));

  // Adds one article: a JSON record ({text | html, title, outlet, url, published}) or the raw text, Markdown
  // or HTML page as the body. It is ingested like any input and lands in its story.
  app.post('/api/articles', async (c) => {
    const type = c.req.header('content-type') ?? '';
    const json = type.includes('application/json') ? await jsonBody(c) : null;
    // {"fetch": "https://…"} asks for the page at that address; any other JSON is an article record.
    if (json && typeof json.fetch === 'string') {
      const result = await addArticles(store, { urls: [json.fetch], fetcher: await fetcherFor() });
      if (result.added.length + result.existing === 0) {
        throw new HttpError(422, 'not-an-article', result.refused[0] ?? 'no article at that address');
      }
      return c.json(result, result.added.length > 0 ? 201 : 200);
    }
    const body = json ? JSON.stringify(json) : await c.req.text();
    if (body.trim() === '') throw new HttpError(400, 'bad-body', 'the request body is empty');
    const result = await addArticles(store, { raw: body });
    if (result.added.length + result.existing === 0) {
      throw new HttpError(422, 'not-an-article', result.refused[0] ?? 'no article in the request body');
    }
    return c.json(result, result.added.length > 0 ? 201 : 200);
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

  // Pages. Forms post to the same paths as pages; a browser's cross-site post is refused by its Origin.
  const pageHeaders = (c: Context, csp = PAGE_CSP) => {
    c.header('Content-Security-Policy', csp);
  };
  const sameOrigin = (c: Context) => {
    const origin = c.req.header('origin');
    if (origin === undefined || origin === 'null') return c.req.header('sec-fetch-site') !== 'cross-site';
    try {
      return new URL(origin).host === c.req.header('host');
    } catch {
      return false;
    }
  };
  /** Reads a form after checking where it comes from, so a cross-site post is refused before its body is read. */
  const readForm = async (c: Context) => {
    if (!sameOrigin(c))
      throw new HttpError(403, 'cross-site', 'a form from another site cannot write to this library');
    const form = await c.req.parseBody({ all: true });
    if (token !== null && form.token !== token)
      throw new HttpError(401, 'unauthorized', 'writing needs the token parallax serve printed');
    return form;
  };

  app.get('/', (c) =>
    cachedView(
      c,
      HTML,
      () => {
        const q = c.req.query();
        const filters: ListFilters = {
          since: dayParam(q.since, 'since') ?? '',
          until: dayParam(q.until, 'until') ?? '',
          outlet: q.outlet ?? '',
          text: (q.text ?? '').trim(),
          order: orderParam(q.sort),
        };
        const stories = listingOf(store, { ...q, limit: '50' });
        return storyListPage(stories, filters, store.outlets());
      },
      PAGE_CSP,
    ),
  );

  const storyPage = async (c: Context, notice: string | null) => {
    const summary = summaryOr404(storyIdParam(c.req.param('id') ?? ''));
    const key = cacheKey(summary);
    let stored = notice === null ? pages.get(key) : undefined;
    if (stored === undefined) {
      const report = await reportOf(summary);
      const { story, members } = explainStory(store, summary.id);
      const { renderHtml } = await import('../report/html/index.js');
      stored = storePage(
        renderHtml(report, {
          top: siteBar(),
          bottom: storyMembership(story, members, token !== null, notice),
          formAction: 'self',
          style: APP_STYLE,
          embedData: false,
        }),
        HTML,
      );
      if (notice === null) pages.set(key, stored, stored.gz.byteLength);
    }
    // The report page carries its own CSP (a meta tag allowing its script by hash); the header repeats it.
    return pageResponse(stored, c.req.header('accept-encoding'), {
      'Content-Security-Policy': await storyCsp(),
    });
  };
  app.get('/stories/:id', (c) => {
    const merged = c.req.query('merged');
    const split = c.req.query('split');
    const notice =
      merged && /^\d+$/.test(merged)
        ? `Story ${merged} was merged into this one.`
        : split && /^\d+$/.test(split)
          ? `These articles were split off story ${split} into this new story.`
          : null;
    return storyPage(c, notice);
  });
  app.post('/stories/:id/merge', async (c) => {
    const form = await readForm(c);
    const target = storyIdParam(c.req.param('id'));
    const other = storyIdParam(String(form.other ?? '').trim());
    asClientError(() => mergeStories(store, target, other));
    return c.redirect(`/stories/${target}?merged=${other}`, 303);
  });
  app.post('/stories/:id/split', async (c) => {
    const form = await readForm(c);
    const id = storyIdParam(c.req.param('id'));
    const chosen = form.articles;
    const articles = (Array.isArray(chosen) ? chosen : chosen === undefined ? [] : [chosen]).map(String);
    if (articles.length === 0)
      throw new HttpError(400, 'bad-request', 'choose at least one article to split off');
    const { to } = asClientError(() => splitStory(store, id, articles));
    return c.redirect(`/stories/${to.id}?split=${id}`, 303);
  });

  app.get('/search', (c) => {
    const q = c.req.query('q') ?? '';
    return cachedView(
      c,
      HTML,
      () =>
        q.trim() === '' ? searchPage('', null) : searchPage(q, searchOf(store, q, c.req.query('limit')).hits),
      PAGE_CSP,
    );
  });
  app.get('/outlets', (c) => cachedView(c, HTML, () => outletsPage(store.outlets()), PAGE_CSP));
  app.get('/outlets/:name', (c) =>
    cachedView(c, HTML, async () => outletPage(await outletOf(c.req.param('name'))), PAGE_CSP),
  );
  app.get('/actors', (c) => {
    const prefix = actorKey(c.req.query('prefix') ?? '');
    return cachedView(
      c,
      HTML,
      () => actorsPage(store.actors(LIMITS.actors, prefix || undefined), c.req.query('prefix') ?? ''),
      PAGE_CSP,
    );
  });
  app.get('/actors/:key', (c) => cachedView(c, HTML, () => actorPage(actorOf(c.req.param('key'))), PAGE_CSP));

  app.get('/add', (c) => {
    pageHeaders(c);
    return c.html(addPage(token !== null));
  });
  app.post(
    '/add',
    bodyLimit({ maxSize: LIMITS.uploadBytes, onError: tooLarge(LIMITS.uploadBytes) }),
    async (c) => {
      const form = await readForm(c);
      const files = [form.files].flat().filter((f): f is File => f instanceof File && f.size > 0);
      const text = typeof form.text === 'string' ? form.text : '';
      const field = (name: string) => {
        const v = form[name];
        return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
      };
      const address = field('fetch');
      if (files.length === 0 && text.trim() === '' && !address) {
        throw new HttpError(400, 'bad-body', 'give an article address, its text, or files to upload');
      }
      const result = await addArticles(store, {
        urls: address ? [address] : [],
        fetcher: address ? await fetcherFor() : undefined,
        files,
        pasted:
          text.trim() === ''
            ? null
            : {
                text,
                title: field('title'),
                outlet: field('outlet'),
                url: field('url'),
                published: field('published'),
              },
      });
      pageHeaders(c);
      return c.html(
        addedPage(result.added, result.existing, result.refused, token !== null),
        result.added.length ? 201 : 200,
      );
    },
  );
  return app;
}
