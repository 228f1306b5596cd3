// The jobs Parallax puts on its queue (graphile-worker, in the library's own PostgreSQL database, schema
// parallax_queue so it never mixes with another program's graphile_worker jobs). Two kinds:
// - fetch: one web address; the worker fetches the page and enqueues an article job for what it found;
// - article: one article as read from an input (a file's record or a fetched page); the worker cleans,
//   annotates and places it, the work `parallax ingest` does for each article.
// Payloads are plain JSON, so a job is readable in the database and the same input enqueued twice is two
// jobs: the second finds its article already stored (same canonical URL or content hash) and stores nothing.

import type { RawArticle } from '../model/article.js';

export const QUEUE_SCHEMA = 'parallax_queue';

export const TASKS = { fetch: 'parallax_fetch', article: 'parallax_article' } as const;

/**
 * Attempts before a job counts as failed. A lost database connection or a worker that died is retried
 * (graphile-worker waits e^attempts seconds: 3 s, 7 s, 20 s, 55 s between the five); an article Parallax
 * refuses (too short, not an article) is failed at once, as retrying cannot change the answer.
 */
export const MAX_ATTEMPTS = 5;

export interface FetchPayload {
  url: string;
  allowPrivate?: boolean;
  ignoreRobots?: boolean;
  /**
   * What a feed said of the item (`watch --queue`), used where the page says nothing: a page without a
   * byline or date keeps the feed item's.
   */
  facts?: PageFacts;
}

/** A feed item's title, date, author and its feed's name (the outlet), each a string or null. */
export interface PageFacts {
  title?: string | null;
  published?: string | null;
  author?: string | null;
  outlet?: string | null;
}

const FACTS = ['title', 'published', 'author', 'outlet'] as const;

export interface ArticlePayload {
  raw: RawArticle;
}

/** A payload as stored, checked before use: a job written by hand or by another version is refused. */
export function fetchPayload(payload: unknown): FetchPayload {
  const p = payload as Partial<FetchPayload> | null;
  if (typeof p?.url !== 'string' || !/^https?:\/\//i.test(p.url))
    throw new RefusedJob('a fetch job needs {"url": "http(s)://…"}');
  const facts: PageFacts = {};
  if (p.facts !== undefined) {
    const given = p.facts as Record<string, unknown> | null;
    if (typeof given !== 'object' || given === null)
      throw new RefusedJob('a fetch job\'s "facts" must be an object of strings');
    for (const key of FACTS) {
      const value = given[key];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') throw new RefusedJob(`a fetch job's facts.${key} must be a string`);
      facts[key] = value;
    }
  }
  return {
    url: p.url,
    allowPrivate: p.allowPrivate === true,
    ignoreRobots: p.ignoreRobots === true,
    ...(Object.keys(facts).length > 0 ? { facts } : {}),
  };
}

export function articlePayload(payload: unknown): ArticlePayload {
  const raw = (payload as Partial<ArticlePayload> | null)?.raw;
  if (
    typeof raw !== 'object' ||
    raw === null ||
    typeof raw.source !== 'string' ||
    typeof raw.body !== 'string' ||
    typeof raw.format !== 'string' ||
    typeof raw.meta !== 'object' ||
    raw.meta === null
  )
    throw new RefusedJob('an article job needs {"raw": {source, format, body, bodyIsHtml, meta, messages}}');
  return { raw: { ...raw, messages: Array.isArray(raw.messages) ? raw.messages : [] } };
}

/** A job whose input can never succeed: failed at once with this reason, not retried. */
export class RefusedJob extends Error {}
