// What a library dump holds: every table of the library with the columns that carry information, in an
// order that inserts parents before children (an article before its story placement, a feed before its
// items). Columns one backend derives from others are not dumped but rebuilt by the importing backend:
// PostgreSQL's articles.body and articles.search (the text and its search words), SQLite's articles_fts
// table (the same for FTS5). test/transfer.test.ts compares this list with both schemas, so a table or
// column added to either schema without being added here fails a test instead of being lost in a move.

/** How a column's value is written in a dump: numbers and strings as JSON, `list` as a JSON array of strings. */
export type ColumnKind = 'int' | 'real' | 'text' | 'list';

export interface DumpColumn {
  name: string;
  kind: ColumnKind;
}

export interface DumpTable {
  name: string;
  columns: readonly DumpColumn[];
  /** The columns rows are dumped in order of (a key), so two dumps of the same library are equal. */
  orderBy: readonly string[];
  /** The identity column whose sequence PostgreSQL must move past the imported ids. */
  identity?: string;
}

const int = (name: string): DumpColumn => ({ name, kind: 'int' });
const real = (name: string): DumpColumn => ({ name, kind: 'real' });
const text = (name: string): DumpColumn => ({ name, kind: 'text' });
const list = (name: string): DumpColumn => ({ name, kind: 'list' });

export const DUMP_TABLES: readonly DumpTable[] = [
  {
    name: 'articles',
    columns: [
      int('seq'),
      text('id'),
      text('url_key'),
      text('content_hash'),
      text('outlet'),
      text('title'),
      text('published'),
      text('source'),
      text('stored_at'),
      text('doc'),
      text('input_id'),
    ],
    orderBy: ['seq'],
    identity: 'seq',
  },
  {
    name: 'stories',
    columns: [
      int('id'),
      text('title'),
      int('size'),
      int('first_day'),
      int('last_day'),
      text('first_published'),
      text('last_published'),
      int('article_count'),
      list('outlets'),
      text('profile'),
      text('norms'),
      text('created_at'),
      text('updated_at'),
      int('contest_splits'),
      int('contest_labels'),
      int('contest_shared'),
    ],
    orderBy: ['id'],
    identity: 'id',
  },
  {
    name: 'story_postings',
    columns: [text('feature'), int('story_id'), int('last_day')],
    orderBy: ['feature', 'story_id'],
  },
  { name: 'feature_df', columns: [text('feature'), int('df')], orderBy: ['feature'] },
  { name: 'library_counters', columns: [text('name'), int('value')], orderBy: ['name'] },
  {
    name: 'story_articles',
    columns: [
      int('article_seq'),
      int('story_id'),
      int('duplicate_of'),
      real('score'),
      text('reasons'),
      text('placed_by'),
      text('placed_at'),
    ],
    orderBy: ['article_seq'],
  },
  {
    name: 'article_features',
    columns: [int('article_seq'), int('day'), text('features')],
    orderBy: ['article_seq'],
  },
  { name: 'duplicate_keys', columns: [text('key'), int('article_seq')], orderBy: ['key', 'article_seq'] },
  {
    name: 'actor_labels',
    columns: [int('article_seq'), text('actor'), text('name'), text('kind'), text('label'), text('tone')],
    // No key: every column, so the order does not depend on how a backend happened to lay the rows out.
    orderBy: ['article_seq', 'actor', 'name', 'kind', 'label', 'tone'],
  },
  {
    name: 'actor_outlets',
    columns: [text('actor'), text('outlet'), int('articles'), int('labels')],
    orderBy: ['actor', 'outlet'],
  },
  {
    name: 'actor_totals',
    columns: [text('actor'), text('name'), text('kind'), int('articles'), int('outlets'), int('labels')],
    orderBy: ['actor'],
  },
  {
    name: 'feeds',
    columns: [
      int('id'),
      text('url'),
      text('title'),
      text('site_url'),
      text('etag'),
      text('last_modified'),
      text('added_at'),
      text('polled_at'),
      text('ok_at'),
      text('status'),
      text('error'),
      int('failures'),
      int('items'),
    ],
    orderBy: ['id'],
    identity: 'id',
  },
  {
    name: 'feed_items',
    columns: [int('feed_id'), text('key'), text('url'), text('state'), text('reason'), text('seen_at')],
    orderBy: ['feed_id', 'key'],
  },
  {
    name: 'outlet_directory',
    columns: [
      text('name'),
      text('country'),
      text('language'),
      text('owner'),
      text('leaning'),
      text('notes'),
      text('sources'),
      text('updated_at'),
    ],
    orderBy: ['name'],
  },
  { name: 'outlet_hosts', columns: [text('host'), text('outlet')], orderBy: ['host'] },
  { name: 'library_settings', columns: [text('name'), text('value')], orderBy: ['name'] },
  {
    name: 'story_calibration',
    columns: [int('id'), text('measurement'), text('measured_at')],
    orderBy: ['id'],
  },
  {
    name: 'notes',
    columns: [
      int('id'),
      int('story_id'),
      text('article_id'),
      text('finding'),
      text('finding_label'),
      text('text'),
      text('created_at'),
      text('updated_at'),
    ],
    orderBy: ['id'],
    identity: 'id',
  },
  {
    name: 'saved_searches',
    columns: [int('id'), text('name'), text('query'), text('created_at'), text('seen_at')],
    orderBy: ['id'],
    identity: 'id',
  },
];

/** Columns a backend derives from the dumped ones and rebuilds on import (not dumped). */
export const DERIVED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  articles: ['body', 'search'],
};

/**
 * Tables a backend keeps for itself: the schema version (written by migrations), SQLite's FTS5 index,
 * PostgreSQL's clustering epoch (a counter for its processes' caches, see postgres/migrations.ts) and the
 * library version (a counter for the web app's page caches; an import moves it as any write does).
 */
export const NOT_DUMPED_TABLES: readonly RegExp[] = [
  /^parallax_meta$/,
  /^articles_fts(_.*)?$/,
  /^sqlite_/,
  /^clustering_epoch$/,
  /^clustering_changes$/,
  /^library_version(_pending)?$/,
];

export function dumpTable(name: string): DumpTable | undefined {
  return DUMP_TABLES.find((t) => t.name === name);
}
