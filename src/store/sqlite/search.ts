// Full-text search over the library (FTS5): the statement and its errors.
// Shared by the store's own search() and by serve's search worker, which runs the same statement on a
// read-only connection of its own so that a slow query cannot hold up the server's other requests.
//
// The bound on queries (search-query.ts) is shared with the PostgreSQL store.

import type Database from 'better-sqlite3';
import { checkSearchOptions, checkSearchQuery, narrowsSearch, SearchQueryError } from '../search-query.js';
import { type SearchHit, type SearchOptions, type SearchOrder, SNIPPET_MARK } from '../store.js';
import { storeError } from './errors.js';

/** Words of context in a search snippet. */
const SNIPPET_TOKENS = 16;

export {
  checkSearchOptions,
  checkSearchQuery,
  SEARCH_BOUNDS,
  SearchQueryError,
} from '../search-query.js';

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

/**
 * The filters of a narrowed search, each one off when its parameter is null. They sit inside the ranked
 * CTE, so LIMIT keeps the best hits among the articles that pass (filtering after the cut would leave a
 * page short). `published` is YYYY-MM-DD, so days compare as strings.
 */
const FILTERS = `(@outlet IS NULL OR a.outlet = @outlet)
        AND (@since IS NULL OR a.published >= @since)
        AND (@until IS NULL OR a.published <= @until)
        AND (@story IS NULL OR a.seq IN (SELECT article_seq FROM story_articles WHERE story_id = @story))`;

/** Each order's sort, inside the CTE (on its columns) and outside (on the kept hits); undated last. */
const ORDER_SQL: Record<SearchOrder, { inner: string; outer: string }> = {
  relevance: { inner: 'score, seq', outer: 'top.score, top.seq' },
  newest: {
    inner: 'a.published IS NULL, a.published DESC, seq DESC',
    outer: 'top.published IS NULL, top.published DESC, top.seq DESC',
  },
  oldest: {
    inner: 'a.published IS NULL, a.published, seq',
    outer: 'top.published IS NULL, top.published, top.seq',
  },
};

/** A filtered or re-ordered search: as prepareSearch's, with the filters and the order inside the CTE. */
function prepareFilteredSearch(db: Database.Database, order: SearchOrder): Database.Statement {
  const sql = ORDER_SQL[order];
  return db.prepare(`
      WITH top AS (
        SELECT articles_fts.rowid AS seq, bm25(articles_fts, 4.0, 1.0) AS score, a.published AS published
        FROM articles_fts CROSS JOIN articles a ON a.seq = articles_fts.rowid
        WHERE articles_fts MATCH @query AND ${FILTERS}
        ORDER BY ${sql.inner} LIMIT @limit OFFSET @offset)
      SELECT a.id, a.title, a.outlet, a.published,
             snippet(articles_fts, -1, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet
      FROM top CROSS JOIN articles_fts ON articles_fts.rowid = top.seq CROSS JOIN articles a ON a.seq = top.seq
      WHERE articles_fts MATCH @query
      ORDER BY ${sql.outer}`);
}

/** Counts a narrowed search's hits. */
function prepareFilteredCount(db: Database.Database): Database.Statement {
  return db
    .prepare(`SELECT count(*) FROM articles_fts CROSS JOIN articles a ON a.seq = articles_fts.rowid
      WHERE articles_fts MATCH @query AND ${FILTERS}`)
    .pluck();
}

/**
 * A connection's search statements, each prepared when first used: the plain ranked search (the common
 * case, measured above) and, for filters or another order, one statement per order.
 */
export class SearchStatements {
  private readonly ranked: Database.Statement;
  private readonly count: Database.Statement;
  private readonly filtered = new Map<SearchOrder, Database.Statement>();
  private filteredCount: Database.Statement | null = null;

  constructor(readonly db: Database.Database) {
    this.ranked = prepareSearch(db);
    this.count = prepareSearchCount(db);
  }

  /** The statement for these options; `filtered` says it takes the filter and offset parameters. */
  hits(options: SearchOptions): { statement: Database.Statement; filtered: boolean } {
    const order = options.order ?? 'relevance';
    if (order === 'relevance' && !narrowsSearch(options) && !options.offset)
      return { statement: this.ranked, filtered: false };
    let statement = this.filtered.get(order);
    if (!statement) {
      statement = prepareFilteredSearch(this.db, order);
      this.filtered.set(order, statement);
    }
    return { statement, filtered: true };
  }

  counter(options: SearchOptions): Database.Statement {
    if (!narrowsSearch(options)) return this.count;
    this.filteredCount ??= prepareFilteredCount(this.db);
    return this.filteredCount;
  }
}

function filterParams(options: SearchOptions) {
  return {
    outlet: options.outlet ?? null,
    since: options.since ?? null,
    until: options.until ?? null,
    story: options.story ?? null,
  };
}

/** Checks the query and runs the statement; every failure is a one-line ParallaxError naming the library. */
export function runSearch(
  statements: SearchStatements,
  path: string,
  query: string,
  limit: number,
  options: SearchOptions = {},
): SearchHit[] {
  checkSearchOptions(options);
  if (query.trim() === '') return [];
  return guarded(path, query, () => {
    const { statement, filtered } = statements.hits(options);
    const params = { query, limit, open: SNIPPET_MARK.open, close: SNIPPET_MARK.close };
    const hits = (
      filtered
        ? statement.all({ ...params, ...filterParams(options), offset: options.offset ?? 0 })
        : statement.all(params)
    ) as SearchHit[];
    // The ranked statement leaves the query unparsed when the index has nothing to read (a new, empty
    // library takes `"open` without a word): a plain count always parses it, so the malformed query gets
    // the same error on any library. It runs only when nothing matched, so it is cheap.
    if (hits.length === 0)
      statements.db.prepare('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').get(query);
    return hits;
  });
}

/** The number of hits of a query, under the same bound, filters and errors as runSearch. */
export function runSearchCount(
  statements: SearchStatements,
  path: string,
  query: string,
  options: SearchOptions = {},
): number {
  checkSearchOptions(options);
  if (query.trim() === '') return 0;
  return guarded(path, query, () =>
    narrowsSearch(options)
      ? (statements.counter(options).get({ query, ...filterParams(options) }) as number)
      : (statements.counter(options).get({ query }) as number),
  );
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
