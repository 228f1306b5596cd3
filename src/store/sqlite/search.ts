// Full-text search over the library (FTS5): the query's complexity bound, the statement, and its errors.
// Shared by the store's own search() and by serve's search worker, which runs the same statement on a
// read-only connection of its own so that a slow query cannot hold up the server's other requests.
//
// Why a bound: SQLite cannot be interrupted from JavaScript, and FTS5 expands a prefix into every indexed
// word that starts with it. On a library of all of allsides (37,554 articles, 390 MB of index), measured
// on a loaded two-core machine with this file's statement:
//   a*                                        3.5 s       st*                           0.45 s
//   s* OR t*                                 10.7 s       sta* OR pre* OR con* OR gov*  1.1 s
//   a* OR b* OR … OR z* (26 prefixes)        52 s         16 common words OR-ed         3.3 s
// So a prefix needs at least three letters, a query at most four prefixes and sixteen words; what is left
// is bounded by the caller's deadline (serve's search worker).

import type Database from 'better-sqlite3';
import { ParallaxError } from '../../errors.js';
import { type SearchHit, SNIPPET_MARK } from '../store.js';
import { storeError } from './errors.js';

/** Words of context in a search snippet. */
const SNIPPET_TOKENS = 16;

/** What one search query may ask for; see the measurements above. */
export const SEARCH_BOUNDS = {
  /** Characters of the query. */
  chars: 500,
  /** Words, counting each word of a "phrase" and of a prefix. */
  words: 16,
  /** Prefix searches (word*). */
  prefixes: 4,
  /** Letters or digits before a prefix's star. */
  prefixChars: 3,
  /** AND, OR, NOT and NEAR. */
  operators: 15,
} as const;

/**
 * A search query refused for its shape: too complex (the bound above) or not valid FTS5. `reason` is the
 * message without the library's path, for answers that should not name the file (the web API).
 */
export class SearchQueryError extends ParallaxError {
  constructor(
    readonly reason: string,
    path: string | null,
    code: 'USAGE' | 'STORE' = 'USAGE',
  ) {
    super(code, path === null ? reason : `${path}: ${reason}`);
  }
}

const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);
/** FTS5's query tokens: a "string" ("" inside is a quote), a bareword, or one punctuation character. */
const TOKEN = /"(?:[^"]|"")*"?|[\w\u0080-\u{10ffff}]+|\s+|[\s\S]/gu;
/** What unicode61 makes a word of: a run of letters and digits. */
const WORD = /[\p{L}\p{N}]+/gu;

function refuse(query: string, what: string): never {
  throw new SearchQueryError(
    `search query ${JSON.stringify(query.length > 60 ? `${query.slice(0, 60)}…` : query)} ${what}`,
    null,
  );
}

/**
 * Refuses a query above SEARCH_BOUNDS with one line naming the bound, before SQLite sees it. Malformed
 * syntax is left to FTS5, whose message is more precise than a second parser's would be.
 * Example: `ab* OR cd*` is refused (a prefix needs 3 letters); `stat* OR "flood wall"` passes.
 */
export function checkSearchQuery(query: string): void {
  if (query.length > SEARCH_BOUNDS.chars)
    refuse(query, `is ${query.length} characters long; at most ${SEARCH_BOUNDS.chars} are allowed`);
  let words = 0;
  let prefixes = 0;
  let operators = 0;
  let previous = '';
  for (const [token] of query.matchAll(TOKEN)) {
    if (/^\s+$/.test(token)) continue;
    if (token === '*') {
      prefixes++;
      const last = previous.match(WORD)?.at(-1) ?? '';
      if ([...last].length < SEARCH_BOUNDS.prefixChars) {
        refuse(
          query,
          `has a prefix search (${last || '""'}*) shorter than ${SEARCH_BOUNDS.prefixChars} letters; write at least ${SEARCH_BOUNDS.prefixChars} before the *`,
        );
      }
    } else if (OPERATORS.has(token)) {
      operators++;
    } else {
      words += token.match(WORD)?.length ?? 0;
    }
    previous = token;
  }
  if (prefixes > SEARCH_BOUNDS.prefixes)
    refuse(query, `has ${prefixes} prefix searches (word*); at most ${SEARCH_BOUNDS.prefixes} are allowed`);
  if (operators > SEARCH_BOUNDS.operators) {
    refuse(
      query,
      `has ${operators} operators (AND, OR, NOT, NEAR); at most ${SEARCH_BOUNDS.operators} are allowed`,
    );
  }
  if (words > SEARCH_BOUNDS.words)
    refuse(query, `has ${words} words; at most ${SEARCH_BOUNDS.words} are allowed`);
}

/**
 * The search statement on a connection. Title matches weigh more: a headline word says what the article is
 * about. The hits are ranked first and only those kept get a snippet: SQLite computes every result column
 * before sorting, so one statement made a snippet for each of the thousands of articles a common word
 * matches. On the whole allsides library (37,554 articles) that took the CPU time of `election` from 46 to
 * 9.5 ms and of `supreme court` from 26 to 9 ms, the same hits in the same order. CROSS JOIN keeps the
 * planner from matching the query over the whole index a second time: each kept hit is looked up by rowid.
 */
export function prepareSearch(db: Database.Database): Database.Statement {
  return db.prepare(`
      WITH top AS (
        SELECT rowid AS seq, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts
        WHERE articles_fts MATCH @query ORDER BY score, rowid LIMIT @limit)
      SELECT a.id, a.title, a.outlet, a.published,
             snippet(articles_fts, -1, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet
      FROM top CROSS JOIN articles_fts ON articles_fts.rowid = top.seq CROSS JOIN articles a ON a.seq = top.seq
      WHERE articles_fts MATCH @query
      ORDER BY top.score, top.seq`);
}

/** Counts a query's hits: how many a listing cut by its limit leaves out. */
export function prepareSearchCount(db: Database.Database): Database.Statement {
  return db
    .prepare(`SELECT count(*) FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
      WHERE articles_fts MATCH @query`)
    .pluck();
}

/** Checks the query and runs the statement; every failure is a one-line ParallaxError naming the library. */
export function runSearch(
  statement: Database.Statement,
  path: string,
  query: string,
  limit: number,
): SearchHit[] {
  if (query.trim() === '') return [];
  return guarded(
    path,
    query,
    () => statement.all({ query, limit, open: SNIPPET_MARK.open, close: SNIPPET_MARK.close }) as SearchHit[],
  );
}

/** The number of hits of a query, under the same bound and errors as runSearch. */
export function runSearchCount(statement: Database.Statement, path: string, query: string): number {
  if (query.trim() === '') return 0;
  return guarded(path, query, () => statement.get({ query }) as number);
}

function guarded<T>(path: string, query: string, run: () => T): T {
  checkSearchQuery(query);
  try {
    return run();
  } catch (err) {
    // The statement is prepared and the schema fixed, so a plain SQLITE_ERROR here comes from the query
    // text: FTS5 syntax ("fts5: syntax error near …"), an unknown column filter ("no such column: x").
    if ((err as { code?: unknown }).code === 'SQLITE_ERROR') {
      const why = (err as Error).message.replace(/^fts5: /, '');
      throw new SearchQueryError(
        `search query ${JSON.stringify(query)} is not valid (${why}); put words in "double quotes" to search for them as written`,
        path,
        'STORE',
      );
    }
    throw storeError(path, err);
  }
}
