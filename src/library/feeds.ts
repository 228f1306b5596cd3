// Following feeds: one poll fetches every feed (conditionally, so an unchanged one costs a 304), takes the
// items not seen before (by GUID, else by canonical URL, across all feeds for URLs), fetches each item's
// page, and ingests the pages into their stories in one run. Each feed's outcome is recorded, so a failing
// feed shows its error to the user while the others carry on; an item that failed for good (not an
// article, disallowed by robots.txt) is not tried again, one that failed for now is.

import type { Config } from '../config.js';
import { type FeedItem, parseFeed } from '../feeds/parse.js';
import type { Fetcher } from '../fetch/fetcher.js';
import { FetchError } from '../fetch/http-client.js';
import { fetchArticle } from '../fetch/web-article.js';
import type { IngestItem } from '../ingest/index.js';
import type { RawArticle } from '../model/article.js';
import { asAsyncStore } from '../store/as-async.js';
import type { AsyncStore, AsyncStoreSession } from '../store/async-store.js';
import type { FeedRow, Store } from '../store/store.js';
import { bodyText } from '../text/decode.js';
import { canonicalUrl, withoutTracking } from '../text/url.js';
import { ingestIntoLibrary } from './ingest.js';

/** Items taken from one feed in one poll; the rest wait for the next poll. */
export const MAX_ITEMS_PER_POLL = 100;
/** Feeds fetched at once (requests to one host still go one at a time). */
const FEED_CONCURRENCY = 4;
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5';

export interface FeedOutcome {
  feed: FeedRow;
  status: 'unchanged' | 'ok' | 'error';
  error: string | null;
  /** Items not seen before. */
  newItems: number;
  /** Of those, ingested (or already stored under another address). */
  ingested: number;
  /** Of those, failed for good. */
  failed: number;
  /** Of those, left for the next poll (a page that did not answer). */
  deferred: number;
  /** Validators of this poll's answer; kept only when no item was left for the next poll. */
  validators: { etag: string | null; lastModified: string | null };
}

export interface PollSummary {
  feeds: FeedOutcome[];
  /** Pages put on the queue: only with watch --queue (nothing is added then). */
  queued?: number;
  added: number;
  existing: number;
  newStories: number;
  duplicates: number;
  refused: number;
}

export interface PollOptions {
  fetcher: Fetcher;
  config: Config;
  /** A one-line reason for each item or feed that failed. */
  onProblem?: (input: string, reason: string) => void;
  worker?: boolean;
  /** Annotation threads at most (watch --jobs; default one per core less one). */
  jobs?: number;
  /**
   * `watch --queue`: the new items' pages are handed to this (the queue's fetch jobs) instead of being
   * fetched and ingested here; an item counts as taken once handed over, and what becomes of its page (stored,
   * refused, retried) is the queue's to say (`parallax queue`).
   */
  enqueue?: (pages: QueuedPage[]) => Promise<void>;
}

/** An item's page for the queue: its address and what the feed said of it. */
export interface QueuedPage {
  url: string;
  facts: { title: string | null; published: string | null; author: string | null; outlet: string | null };
}

/** The key an item is remembered by: its GUID, else its canonical address. */
export function itemKey(item: FeedItem): string | null {
  if (item.guid?.trim()) return `guid:${item.guid.trim()}`;
  return item.url ? `url:${canonicalUrl(item.url)}` : null;
}

/** What the feed knew about an item fills what the page did not say. */
function withFeedFacts(raw: RawArticle, item: FeedItem, feed: FeedRow): RawArticle {
  const meta = { ...raw.meta };
  meta.title ??= item.title ?? null;
  meta.published ??= item.published ?? null;
  meta.author ??= item.author ?? null;
  meta.outlet ??= feed.title ?? null;
  return { ...raw, meta };
}

interface Planned {
  feed: FeedRow;
  item: FeedItem;
  key: string;
  /** Where to fetch the item's page: its link less tracking parameters. */
  url: string | null;
  /** The article identity of that link, which items across feeds are compared by. */
  urlKey: string | null;
}

/** Records each feed polled without error, with the items taken from it (ingested or queued). */
async function recordPolls(store: AsyncStoreSession, outcomes: Map<number, FeedOutcome>): Promise<void> {
  for (const outcome of outcomes.values()) {
    if (outcome.status !== 'ok') continue;
    await store.recordPoll(outcome.feed.id, {
      ok: true,
      title: outcome.feed.title,
      siteUrl: outcome.feed.siteUrl,
      // With items left for later, a 304 next time would hide them: the old validators stay.
      ...(outcome.deferred > 0
        ? { etag: outcome.feed.etag, lastModified: outcome.feed.lastModified }
        : outcome.validators),
      items: outcome.ingested,
    });
  }
}

/** An item without an address can be neither fetched nor queued: it fails for good, with the reason. */
async function recordNoAddress(
  store: AsyncStoreSession,
  p: Planned,
  outcome: FeedOutcome | undefined,
): Promise<void> {
  if (outcome) outcome.failed++;
  await store.recordItem(p.feed.id, {
    key: p.key,
    url: null,
    state: 'failed',
    reason: 'the item has no address',
  });
}

async function pollOne(
  store: AsyncStoreSession,
  feed: FeedRow,
  options: PollOptions,
): Promise<{ outcome: FeedOutcome; planned: Planned[] }> {
  const outcome: FeedOutcome = {
    feed,
    status: 'ok',
    error: null,
    newItems: 0,
    ingested: 0,
    failed: 0,
    deferred: 0,
    validators: { etag: feed.etag, lastModified: feed.lastModified },
  };
  const fail = async (reason: string) => {
    outcome.status = 'error';
    outcome.error = reason;
    await store.recordPoll(feed.id, { ok: false, error: reason });
    options.onProblem?.(feed.url, reason);
    return { outcome, planned: [] };
  };
  let res: Awaited<ReturnType<Fetcher['get']>>;
  try {
    res = await options.fetcher.get(feed.url, {
      etag: feed.etag,
      lastModified: feed.lastModified,
      accept: FEED_ACCEPT,
    });
  } catch (err) {
    return await fail(err instanceof FetchError ? err.reason : (err as Error).message);
  }
  const validators = { etag: res.headers.etag ?? null, lastModified: res.headers['last-modified'] ?? null };
  if (res.notModified) {
    outcome.status = 'unchanged';
    await store.recordPoll(feed.id, { ok: true, etag: feed.etag, lastModified: feed.lastModified });
    return { outcome, planned: [] };
  }
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(bodyText(res.body, res.headers['content-type']), res.url);
  } catch (err) {
    return await fail((err as Error).message);
  }
  const seenNow = new Set<string>();
  const candidates: Planned[] = [];
  for (const item of parsed.items) {
    const key = itemKey(item);
    if (key === null || seenNow.has(key)) continue;
    seenNow.add(key);
    candidates.push({
      feed,
      item,
      key,
      url: item.url ? withoutTracking(item.url) : null,
      urlKey: item.url ? canonicalUrl(item.url) : null,
    });
  }
  const seen = await store.seenItems(
    feed.id,
    candidates.map((c) => c.key),
    candidates.flatMap((c) => (c.urlKey ? [c.urlKey] : [])),
  );
  const fresh = candidates.filter((c) => !seen.has(c.key) && !(c.urlKey && seen.has(c.urlKey)));
  const planned = fresh.slice(0, MAX_ITEMS_PER_POLL);
  outcome.newItems = planned.length;
  // The feed's title and validators are recorded once its items are dealt with (see pollFeeds).
  outcome.feed = { ...feed, title: parsed.title ?? feed.title, siteUrl: parsed.siteUrl ?? feed.siteUrl };
  outcome.validators = validators;
  return { outcome, planned };
}

/** Runs `task` over `items` with at most `limit` at once, keeping the order of results. */
async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

/** One poll of every feed the library follows: a library file's store, or any asynchronous one (PostgreSQL). */
export async function pollFeeds(library: Store | AsyncStore, options: PollOptions): Promise<PollSummary> {
  const store = asAsyncStore(library);
  const feeds = await store.listFeeds();
  const polled = await inBatches(feeds, FEED_CONCURRENCY, (feed) => pollOne(store, feed, options));
  const outcomes = new Map(polled.map((p) => [p.outcome.feed.id, p.outcome]));
  const planned = polled.flatMap((p) => p.planned);
  if (options.enqueue) return enqueuePlanned(store, planned, outcomes, options.enqueue);

  // Fetch the items' pages; the ones that fail for good are recorded now, the ones that fail for now are not.
  const bySource = new Map<string, Planned>();
  const pages = await inBatches(planned, FEED_CONCURRENCY, async (p): Promise<IngestItem | null> => {
    const outcome = outcomes.get(p.feed.id);
    if (!p.url) {
      await recordNoAddress(store, p, outcome);
      return null;
    }
    try {
      const raw = withFeedFacts(await fetchArticle(options.fetcher, p.url), p.item, p.feed);
      bySource.set(raw.source, p);
      return { ok: true, raw };
    } catch (err) {
      const reason = err instanceof FetchError ? err.reason : (err as Error).message;
      options.onProblem?.(p.url, reason);
      if (err instanceof FetchError && err.retryable) {
        if (outcome) outcome.deferred++;
        return null;
      }
      if (outcome) outcome.failed++;
      await store.recordItem(p.feed.id, { key: p.key, url: p.urlKey, state: 'failed', reason });
      return null;
    }
  });

  const refusedSources = new Set<string>();
  async function* fetched(): AsyncGenerator<IngestItem> {
    for (const page of pages) if (page) yield page;
  }
  const summary = await ingestIntoLibrary(store, [], options.config, {
    extra: fetched(),
    worker: options.worker,
    jobs: options.jobs,
    onRefusal: (input, reason) => {
      refusedSources.add(input);
      options.onProblem?.(input, reason);
    },
  });
  for (const [source, p] of bySource) {
    const outcome = outcomes.get(p.feed.id);
    const refused = refusedSources.has(source);
    await store.recordItem(p.feed.id, {
      key: p.key,
      url: p.urlKey,
      state: refused ? 'failed' : 'ingested',
      reason: refused ? 'not an article' : null,
    });
    if (!outcome) continue;
    if (refused) outcome.failed++;
    else outcome.ingested++;
  }
  await recordPolls(store, outcomes);
  return {
    feeds: [...outcomes.values()],
    added: summary.added,
    existing: summary.existing,
    newStories: summary.newStories,
    duplicates: summary.duplicates,
    refused: summary.refused,
  };
}

/** watch --queue: the planned items' pages go on the queue; each item is recorded as taken. */
async function enqueuePlanned(
  store: AsyncStoreSession,
  planned: Planned[],
  outcomes: Map<number, FeedOutcome>,
  enqueue: (pages: QueuedPage[]) => Promise<void>,
): Promise<PollSummary> {
  const pages: QueuedPage[] = [];
  for (const p of planned)
    if (p.url)
      pages.push({
        url: p.url,
        facts: {
          title: p.item.title ?? null,
          published: p.item.published ?? null,
          author: p.item.author ?? null,
          outlet: p.feed.title ?? null,
        },
      });
  // Queued before anything is recorded: a poll that fails here takes the same items again next time.
  if (pages.length > 0) await enqueue(pages);
  for (const p of planned) {
    const outcome = outcomes.get(p.feed.id);
    if (!p.url) {
      await recordNoAddress(store, p, outcome);
      continue;
    }
    // "ingested" is the item's state for "taken, do not take again"; the queue keeps its page's fate.
    await store.recordItem(p.feed.id, { key: p.key, url: p.urlKey, state: 'ingested', reason: null });
    if (outcome) outcome.ingested++;
  }
  await recordPolls(store, outcomes);
  return {
    feeds: [...outcomes.values()],
    queued: pages.length,
    added: 0,
    existing: 0,
    newStories: 0,
    duplicates: 0,
    refused: 0,
  };
}

/** One line for a poll: what changed, and which feeds are failing. */
export function pollLine(summary: PollSummary, at: Date): string {
  const f = summary.feeds;
  const unchanged = f.filter((o) => o.status === 'unchanged').length;
  const failing = f.filter((o) => o.status === 'error');
  const items = f.reduce((n, o) => n + o.newItems, 0);
  const deferred = f.reduce((n, o) => n + o.deferred, 0);
  const joined = summary.added - summary.newStories - summary.duplicates;
  const parts = [
    `${f.length} feed${f.length === 1 ? '' : 's'}`,
    `${unchanged} unchanged`,
    `${items} new item${items === 1 ? '' : 's'}`,
    summary.queued !== undefined
      ? `${summary.queued} queued for "parallax worker"`
      : `${summary.added} added (${joined} joined stories, ${summary.newStories} new)`,
  ];
  if (summary.existing > 0) parts.push(`${summary.existing} already stored`);
  if (deferred > 0) parts.push(`${deferred} left for the next poll`);
  if (failing.length > 0)
    parts.push(`${failing.length} failing: ${failing.map((o) => o.feed.url).join(', ')}`);
  return `parallax: poll at ${at.toISOString().slice(11, 19)}: ${parts.join(', ')}`;
}
