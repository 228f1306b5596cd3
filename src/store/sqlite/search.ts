// Full-text search over the library (FTS5): the statement and its errors.
// Shared by the store's own search() and by serve's search worker, which runs the same statement on a
// read-only connection of its own so that a slow query cannot hold up the server's other requests.
//
// The bound on queries (search-query.ts) is shared with the PostgreSQL store.

import type Database from 'better-sqlite3';
import { checkSearchQuery, SearchQueryError } from '../search-query.js';
import { type SearchHit, SNIPPET_MARK } from '../store.js';
import { storeError } from './errors.js';

/** Words of context in a search snippet. */
const SNIPPET_TOKENS = 16;

export { checkSearchQuery, SEARCH_BOUNDS, SearchQueryError } from '../search-query.js';

/**
 * The search statement on a connection. Title matches weigh more: a headline word says what the article is
 * about. The hits are ranked first and only those kept get a snippet: SQLite computes every result column
 * before sorting, so one statement made a snippet for each of the thousands of articles a common word
 * matches. On the whole allsides library (37,554 articles) that took the CPU time of `election` from 46 to
 * 9.5 ms and of `supreme court` from 26 to 9 ms, the same hits in the same order. The snippets come from
 * one more scan of the matches that keeps only the ranked rows (`+rowid` is a filter, not a lookup):
 * looking each kept hit up by rowid made FTS5 expand a prefix query again for each one, so `immigra*`
 * (every word starting so, 6,340 articles) cost 43 ms and `im*` 319 ms, where one scan costs 15 and 60
 * ms, the same hits in the same order (CPU time, median of 9, on a loaded machine; one-word queries are
 * unchanged).
 */
export function prepareSearch(db: Database.Database): Database.Statement {
  return db.prepare(`
      WITH top AS MATERIALIZED (
        SELECT rowid AS seq, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts
        WHERE articles_fts MATCH @query ORDER BY score, rowid LIMIT @limit),
      snips AS MATERIALIZED (
        SELECT rowid AS seq, snippet(articles_fts, -1, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet
        FROM articles_fts WHERE articles_fts MATCH @query AND +rowid IN (SELECT seq FROM top))
      SELECT a.id, a.title, a.outlet, a.published, snips.snippet
      FROM top CROSS JOIN snips ON snips.seq = top.seq CROSS JOIN articles a ON a.seq = top.seq
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
  return guarded(path, query, () => {
    const hits = statement.all({
      query,
      limit,
      open: SNIPPET_MARK.open,
      close: SNIPPET_MARK.close,
    }) as SearchHit[];
    // The ranked statement leaves the query unparsed when the index has nothing to read (a new, empty
    // library takes `"open` without a word): a plain count always parses it, so the malformed query gets
    // the same error on any library. It runs only when nothing matched, so it is cheap.
    if (hits.length === 0)
      statement.database.prepare('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').get(query);
    return hits;
  });
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
