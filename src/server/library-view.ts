// What the routes share: the library, its rendered pages and reports kept while unchanged, searches with a
// deadline, and the lookups that answer 404 for what the library does not hold.

import { gunzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { ParallaxError } from '../errors.js';
import type { Fetcher } from '../fetch/fetcher.js';
import type { Annotator } from '../library/annotator.js';
import { calibrationViewOf } from '../library/calibration.js';
import { actorRecord, outletProfile, StoryFactsCache } from '../library/profiles.js';
import { requireStoryIn, storyListingIn, storyReportIn } from '../library/stories.js';
import type { Report } from '../model/report.js';
import type { AsyncStore } from '../store/async-store.js';
import { checkSearchQuery } from '../store/sqlite/search.js';
import type { SearchOptions, StorySummary } from '../store/store.js';
import { actorKey } from '../text/article-labels.js';
import { HttpError } from './http-error.js';
import { pageResponse, SingleFlight, SizedCache, type StoredPage, storePage } from './page-cache.js';
import { dayParam, intParam, orderParam, searchOrderParam } from './params.js';
import type { Searcher } from './searcher.js';
import { spreadViews } from './spread-views.js';
import { type StorySelection, selectOutlets } from './story-selection.js';

/** Limits a request cannot exceed; see README. */
export const LIMITS = {
  listing: 1000,
  search: 200,
  /** Pages of the story listing a request may ask for (page × limit rows are skipped first). */
  listingPages: 100_000,
  /** Pages of search results a request may ask for (page × limit hits are skipped first). */
  searchPages: 500,
  /** Search hits whose stories a story list filtered by words shows. */
  textFilterHits: 200,
  /** Largest upload through the add page (several files at once). */
  uploadBytes: 20 * 1024 * 1024,
  /** Rendered story pages kept in memory, in compressed bytes. */
  pageCacheBytes: 64 * 1024 * 1024,
  /** Other rendered pages and JSON answers kept until the library changes, in compressed bytes. */
  viewCacheBytes: 16 * 1024 * 1024,
  /** ... and at most this many of them (a unique query each), whatever their size. */
  viewCacheEntries: 20_000,
  /** Reports kept in memory, in compressed bytes of their JSON. */
  reportCacheBytes: 64 * 1024 * 1024,
  /** Outlet choices of story pages kept in memory (each holds its story's member list: 0.45 MB of JSON for the 288 members of the biggest allsides story). */
  selections: 100,
  /** Rows of the actor index. */
  actors: 200,
  /** Largest request body: one article's text or page, well above any real one. */
  bodyBytes: 2 * 1024 * 1024,
  /** A request that has not been answered in this time gets 503 (code "timeout"). */
  requestMs: 30_000,
  /** A search not answered in this time gets 503 (code "timeout"); its thread is abandoned. */
  searchMs: 10_000,
  /** Searches that run at once, each in a thread of its own (serve). */
  searchThreads: 2,
} as const;

export const HTML = 'text/html; charset=UTF-8';
export const JSON_TYPE = 'application/json';

/**
 * A page's CSP: no inline script; the one script file it may load is the app's own keyboard shortcuts
 * (shortcuts.ts, same origin); nothing else is fetched but the page itself.
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'self'";

/** The story page's CSP: it hashes the page script, so it is worked out once. */
let storyCspValue: string | null = null;
export async function storyCsp(): Promise<string> {
  if (storyCspValue === null) {
    const { contentSecurityPolicy } = await import('../report/html/index.js');
    const { CLIENT_SCRIPT } = await import('../report/html/client.js');
    storyCspValue = contentSecurityPolicy(CLIENT_SCRIPT, 'self', true);
  }
  return storyCspValue;
}

export interface ViewOptions {
  store: AsyncStore;
  token: string | null;
  searcher: Searcher;
  annotator: Annotator;
  fetching?: { allowPrivate: boolean; ignoreRobots: boolean };
}

export type LibraryView = ReturnType<typeof libraryView>;

/** A story number in a filter (`story`): a whole number of at least 1. */
function storyNumber(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value)))
    throw new HttpError(400, 'bad-parameter', `story must be a story number; got "${value}"`);
  return Number(value);
}

export function libraryView({ store, token, searcher, annotator, fetching }: ViewOptions) {
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
  const views = new SizedCache<StoredPage>(LIMITS.viewCacheBytes, LIMITS.viewCacheEntries);
  // Reports are kept as their compressed JSON (the API's answer); a page rendering one parses it again.
  const reports = new SizedCache<StoredPage>(LIMITS.reportCacheBytes);
  const storyFacts = new StoryFactsCache();
  // Pages being rendered, by their cache key: requests for one while it renders wait for it.
  const rendering = new SingleFlight<StoredPage>();

  /**
   * A GET page or JSON answer, kept until the library changes. The library's version is read on every
   * request (one cheap query: SQLite's data_version, PostgreSQL's snapshot), so a write by another process
   * or another serve instance on the same database is seen at the next request, with nothing to notify.
   * What was rendered is kept only when the version did not move while it rendered: a merge by another
   * instance committed mid-render could otherwise leave a page of the old library under the new version's
   * key, for good. A render that writes itself (a contested listing works out stale contests first) is
   * therefore not kept the first time; the next request renders without writing, and that one is kept.
   */
  const cachedView = async (
    c: Context,
    contentType: string,
    render: () => Promise<string> | string,
    csp?: string,
  ) => {
    const address = c.req.url;
    const before = await store.version();
    const key = `${address}@${before}`;
    const stored =
      views.get(key) ??
      (await rendering.once(key, async () => {
        const page = storePage(await render(), contentType);
        if ((await store.version()) === before) views.set(key, page, page.gz.byteLength);
        return page;
      }));
    return pageResponse(
      stored,
      c.req.header('accept-encoding'),
      csp === undefined ? {} : { 'Content-Security-Policy': csp },
    );
  };

  const storyOr404 = async (id: number) => {
    try {
      return await requireStoryIn(store, id);
    } catch (err) {
      if (err instanceof ParallaxError && err.code === 'USAGE')
        throw new HttpError(404, 'not-found', err.message);
      throw err;
    }
  };
  /**
   * A story's listing row (cheap: no members), whose last update keys everything cached about it. Read on
   * every request, so a story changed by another instance (a merge, a split, a new article) is seen at once.
   */
  const summaryOr404 = async (id: number) => {
    const summary = (await store.listStories({ ids: [id], limit: 1 }))[0];
    if (!summary) await storyOr404(id);
    return summary as StorySummary;
  };
  /**
   * Which stored story page each address showed at the current library version (see page-routes.ts's
   * storyPage). Only the newest version's addresses are kept: an older one is never asked for again.
   */
  let storyPagesVersion = '';
  const storyPageKeys = new Map<string, string>();
  const storyPageAt = (address: string, version: string) =>
    version === storyPagesVersion ? storyPageKeys.get(address) : undefined;
  const rememberStoryPage = (address: string, version: string, key: string) => {
    if (version !== storyPagesVersion) {
      storyPageKeys.clear();
      storyPagesVersion = version;
    }
    // Bounded like the view cache: one entry per address asked for (a story and its outlet choice).
    if (storyPageKeys.size >= LIMITS.viewCacheEntries) storyPageKeys.clear();
    storyPageKeys.set(address, key);
  };
  /** A story's cache key: its last update, and which outlets are compared when not all are. */
  const cacheKey = (s: StorySummary, selection?: StorySelection) =>
    `${s.id}@${s.updatedAt}@${s.articleCount}${selection?.key ? `#${selection.key}` : ''}`;
  /** The outlets a story's page compares: those asked for, else the most distinct voices. */
  // Kept per story version and request: working it out reads every member's features (~30 ms of CPU for 288).
  const selections = new Map<string, StorySelection>();
  const selectionOf = async (summary: StorySummary, requested: readonly string[]) => {
    const key = `${cacheKey(summary)}?${requested.join('\u0001')}`;
    let known = selections.get(key);
    if (!known) {
      known = await selectOutlets(store, await storyOr404(summary.id), requested);
      if (selections.size >= LIMITS.selections) selections.clear();
      selections.set(key, known);
    }
    return known;
  };
  /** Works a story's report out and keeps its JSON, compressed, while the story is unchanged. */
  const computeReport = async (summary: StorySummary, selection?: StorySelection) => {
    const report = await storyReportIn(store, selection?.story ?? (await storyOr404(summary.id)));
    const stored = storePage(JSON.stringify(report), JSON_TYPE);
    reports.set(cacheKey(summary, selection), stored, stored.gz.byteLength);
    return { report, stored };
  };
  /** The report's JSON as stored: sent as it is to a client that accepts gzip (2.5 MB → ~250 KB). */
  const reportJson = async (summary: StorySummary, selection?: StorySelection) =>
    reports.get(cacheKey(summary, selection)) ?? (await computeReport(summary, selection)).stored;
  const reportOf = async (summary: StorySummary, selection?: StorySelection): Promise<Report> => {
    const stored = reports.get(cacheKey(summary, selection));
    return stored
      ? (JSON.parse(gunzipSync(stored.gz).toString('utf8')) as Report)
      : (await computeReport(summary, selection)).report;
  };
  const reportFor = async (id: number) => reportOf(await summaryOr404(id));
  const outletOf = async (name: string) => {
    const profile = await outletProfile(store, name, storyFacts, reportFor);
    if (!profile)
      throw new HttpError(404, 'not-found', `no article of the library is from an outlet named "${name}"`);
    return profile;
  };
  const actorOf = async (key: string) => {
    const record = await actorRecord(store, actorKey(key));
    if (!record)
      throw new HttpError(404, 'not-found', `no article of the library labels an actor named "${key}"`);
    return record;
  };

  /** Search hits with the story each article is in. */
  const withStories = async <H extends { id: string }>(hits: readonly H[]) =>
    Promise.all(hits.map(async (h) => ({ ...h, story: await store.storyOf(h.id) })));

  /** A search's hits with their stories; the query is checked here so a refusal costs no thread. */
  const searchOf = async (q: string | undefined, limit: string | undefined) => {
    const query = (q ?? '').trim();
    if (query === '') throw new HttpError(400, 'bad-parameter', 'q, the search query, is missing');
    checkSearchQuery(query);
    const hits = await searcher.search(query, intParam(limit, 'limit', 20, LIMITS.search));
    return { query, hits: await withStories(hits) };
  };

  /**
   * A page of a filtered, ordered search with the number of all its hits: the search page and
   * /api/search. Example: `?q=flood&outlet=Example+News&since=2025-03-01&sort=newest&page=2`.
   */
  const findOf = async (q: Record<string, string | undefined>) => {
    const query = (q.q ?? '').trim();
    if (query === '') throw new HttpError(400, 'bad-parameter', 'q, the search query, is missing');
    checkSearchQuery(query);
    const limit = intParam(q.limit, 'limit', 20, LIMITS.search);
    const page = intParam(q.page, 'page', 1, LIMITS.searchPages);
    const filters = {
      outlet: q.outlet || undefined,
      since: dayParam(q.since, 'since'),
      until: dayParam(q.until, 'until'),
      story: q.story ? storyNumber(q.story) : undefined,
    };
    if (filters.since && filters.until && filters.since > filters.until)
      throw new HttpError(400, 'bad-parameter', `since (${filters.since}) is after until (${filters.until})`);
    const order = searchOrderParam(q.sort);
    const offset = (page - 1) * limit;
    const options: SearchOptions = { ...filters, order, offset };
    const { hits, total } = await searcher.find(query, limit, options, true);
    return {
      query,
      filters,
      order,
      total: total ?? hits.length,
      offset,
      limit,
      page,
      hits: await withStories(hits),
    };
  };

  /** Stories whose articles match a text query: the stories of the best full-text hits. */
  const storiesMatching = async (text: string): Promise<number[]> => {
    const { hits } = await searchOf(text, String(LIMITS.textFilterHits));
    return [...new Set(hits.map((h) => h.story).filter((s): s is number => s !== null))];
  };

  /** One page of the story listing, with how many stories match in all. */
  const listingOf = async (q: {
    since?: string;
    until?: string;
    outlet?: string;
    text?: string;
    limit?: string;
    sort?: string;
    page?: string;
    min_outlets?: string;
  }) => {
    const text = (q.text ?? '').trim();
    const since = dayParam(q.since, 'since');
    const until = dayParam(q.until, 'until');
    const limit = intParam(q.limit, 'limit', 50, LIMITS.listing);
    const page = intParam(q.page, 'page', 1, LIMITS.listingPages);
    const minOutlets = intParam(q.min_outlets, 'min_outlets', 1, LIMITS.listing);
    const order = orderParam(q.sort);
    const ids = text ? await storiesMatching(text) : undefined;
    const filter = { since, until, outlet: q.outlet || undefined, ids, minOutlets };
    const offset = (page - 1) * limit;
    const stories = await store.listStories({ ...filter, limit, offset, order });
    const total = offset === 0 && stories.length < limit ? stories.length : await store.countStories(filter);
    // The calibration check rides with every listing: the story list shows its warning.
    const calibration = calibrationViewOf(await store.calibration());
    return { stories: await storyListingIn(store, stories), total, limit, offset, page, calibration };
  };

  return {
    store,
    token,
    spreads: spreadViews(store),
    annotator,
    fetcherFor,
    pages,
    rendering,
    storyPageAt,
    rememberStoryPage,
    cachedView,
    storyOr404,
    summaryOr404,
    cacheKey,
    selectionOf,
    reportJson,
    reportOf,
    outletOf,
    actorOf,
    searchOf,
    findOf,
    listingOf,
  };
}
