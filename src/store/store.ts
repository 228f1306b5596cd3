// The article store: annotated articles kept across runs so a later "stories" feature can group and compare
// them without fetching or annotating again. This file is the backend-neutral contract; SQLite is the first
// implementation (src/store/sqlite) and a PostgreSQL one is meant to follow, which is why nothing here
// mentions SQL. Every failure of the backend reaches callers as a one-line ParallaxError('STORE').

import type { AnnotatedArticle } from '../model/article.js';

/** An article as the store holds it: the stored id and identity columns next to the article itself. */
export interface StoredArticle {
  /** The store's id: stable across runs because it is derived from the identity key (see identity.ts). */
  id: string;
  /** The canonical URL the identity was taken from, or null for an article without a URL. */
  urlKey: string | null;
  /** sha256 of the whitespace-normalised text; kept for every article so duplicates under two URLs show. */
  contentHash: string;
  /** When the article was first stored (ISO 8601, UTC). */
  storedAt: string;
  /** The article exactly as it was put, annotations included, so a comparison never re-annotates. */
  article: AnnotatedArticle;
}

/** One row of a listing: the indexed columns only, so listing a large store never parses article JSON. */
export interface ArticleSummary {
  id: string;
  urlKey: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  source: string;
  storedAt: string;
}

export interface ListOptions {
  /** Only articles published on or after this day (YYYY-MM-DD); articles without a date are left out. */
  since?: string;
  /** Only articles of this outlet (exact name, as the article carries it). */
  outlet?: string;
  /** At most this many rows (newest first). */
  limit?: number;
}

/** Opening and closing mark of the matched words in a search snippet. */
export const SNIPPET_MARK = { open: '[', close: ']' } as const;

export interface SearchHit {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** A short excerpt of the title or text with the matched words between SNIPPET_MARK.open and .close. */
  snippet: string;
}

export interface PutResult {
  /** Ids of the articles this call stored, in input order. */
  added: string[];
  /** Ids of the articles that were already stored (including repeats within the same call); untouched. */
  existing: string[];
}

export interface Store {
  /**
   * Stores a batch of articles in one transaction: either the whole batch is stored or, when the backend
   * fails part-way (disk full, lock), none of it is, and earlier batches stay. An article whose identity is
   * already stored is left as it is and reported in `existing`.
   */
  putArticles(articles: AnnotatedArticle[]): PutResult;
  getArticle(id: string): StoredArticle | null;
  /** The articles with these ids, in the order asked; ids the store does not hold are left out. */
  getArticles(ids: readonly string[]): StoredArticle[];
  countArticles(): number;
  /** Newest first: by publication day (undated last), then by when they were stored. */
  listArticles(options?: ListOptions): ArticleSummary[];
  /**
   * Full-text search over title and text, best match first. The query uses the backend's query syntax
   * (for SQLite, FTS5: words, "phrases", OR, NOT, prefix*); a malformed query is a ParallaxError('STORE').
   * A blank query matches nothing.
   */
  search(query: string, limit?: number): SearchHit[];
  close(): void;
}
