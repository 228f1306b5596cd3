// The SQLite schema as an ordered list of migrations. PRAGMA user_version holds the number of migrations
// applied; each migration runs in its own transaction together with the bump of user_version, so a crash or
// a full disk leaves the database at the previous version, never half-migrated. Migrations are append-only:
// a released one is never edited, a change is a new entry at the end.

import type Database from 'better-sqlite3';
import type { AnnotatedArticle } from '../../model/article.js';
import { articleActorLabels } from '../../text/article-labels.js';
import { canonicalUrl } from '../../text/url.js';

/** Marks the file as a Parallax database (PRAGMA application_id), so another program's SQLite file is told
 * apart from an empty one. "PRLX" in ASCII. */
export const APPLICATION_ID = 0x50524c58;

export interface Migration {
  /** What the migration does, for the record. */
  description: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    description: 'articles with identity and listing columns, full-text index over title and text',
    up(db) {
      db.exec(`
        -- seq is the rowid that the full-text table shares; id is the stable public id (see identity.ts).
        CREATE TABLE articles (
          seq          INTEGER PRIMARY KEY,
          id           TEXT NOT NULL UNIQUE,
          url_key      TEXT UNIQUE,
          content_hash TEXT NOT NULL,
          outlet       TEXT,
          title        TEXT,
          published    TEXT,
          source       TEXT NOT NULL,
          stored_at    TEXT NOT NULL,
          doc          TEXT NOT NULL
        ) STRICT;
        CREATE INDEX articles_content_hash ON articles (content_hash);
        CREATE INDEX articles_published ON articles (published, stored_at);
        CREATE INDEX articles_outlet_published ON articles (outlet, published, stored_at);
        -- The text lives only inside the JSON document, so the full-text table keeps its own copy (a plain
        -- FTS5 table, not external-content): snippet() needs the text, and articles are never updated, so
        -- the copy cannot drift. Diacritics are folded so "Zelenskiy" finds "Zelenskíy".
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
          title, text,
          tokenize = 'unicode61 remove_diacritics 2'
        );
      `);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    },
  },
  {
    description: 'stories: clustering state, article placement, near-duplicate keys',
    up(db) {
      db.exec(`
        -- The input's own id (Article.id) as a column, so a story listing names its articles without parsing
        -- their documents.
        ALTER TABLE articles ADD COLUMN input_id TEXT;
        UPDATE articles SET input_id = json_extract(doc, '$.id');
        -- A story and its clustering profile (feature → weight, JSON) plus the columns a listing shows, kept
        -- up to date on every placement so listing never aggregates over articles. Days are days since
        -- 1970-01-01, published days are YYYY-MM-DD.
        CREATE TABLE stories (
          id              INTEGER PRIMARY KEY,
          title           TEXT,
          size            INTEGER NOT NULL,
          first_day       INTEGER,
          last_day        INTEGER,
          first_published TEXT,
          last_published  TEXT,
          article_count   INTEGER NOT NULL DEFAULT 0,
          outlets         TEXT NOT NULL DEFAULT '[]',
          profile         TEXT NOT NULL,
          created_at      TEXT NOT NULL,
          updated_at      TEXT NOT NULL
        ) STRICT;
        CREATE INDEX stories_last ON stories (last_published, id);
        -- Which stories hold a feature, for candidate lookup; last_day is the story's, copied here so a
        -- time window is answered from this index alone.
        CREATE TABLE story_postings (
          feature  TEXT NOT NULL,
          story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
          last_day INTEGER,
          PRIMARY KEY (feature, story_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX story_postings_day ON story_postings (feature, last_day);
        CREATE INDEX story_postings_story ON story_postings (story_id);
        -- Document frequencies of clustering features over the articles counted (near-duplicates are not).
        CREATE TABLE feature_df (
          feature TEXT PRIMARY KEY,
          df      INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE library_counters (
          name  TEXT PRIMARY KEY,
          value INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        -- Each stored article's place: its story, the earlier article it nearly duplicates, why it was put
        -- there, and whether a user put it there (user decisions are never undone by ingest).
        CREATE TABLE story_articles (
          article_seq  INTEGER PRIMARY KEY REFERENCES articles (seq),
          story_id     INTEGER NOT NULL REFERENCES stories (id),
          duplicate_of INTEGER REFERENCES articles (seq),
          score        REAL,
          reasons      TEXT,
          placed_by    TEXT NOT NULL CHECK (placed_by IN ('ingest', 'user')),
          placed_at    TEXT NOT NULL
        ) STRICT;
        CREATE INDEX story_articles_story ON story_articles (story_id);
        -- Clustering features of each article, kept so a split or merge can rebuild profiles.
        CREATE TABLE article_features (
          article_seq INTEGER PRIMARY KEY REFERENCES articles (seq),
          day         INTEGER,
          features    TEXT NOT NULL
        ) STRICT;
        CREATE TABLE duplicate_keys (
          key         TEXT NOT NULL,
          article_seq INTEGER NOT NULL REFERENCES articles (seq),
          PRIMARY KEY (key, article_seq)
        ) STRICT, WITHOUT ROWID;
      `);
    },
  },
  {
    description: 'story centroid norms cached with the profile; postings without the per-story index',
    up(db) {
      db.exec(`
        -- The lengths of a story's centroid per feature group, written by clustering with the profile (JSON).
        ALTER TABLE stories ADD COLUMN norms TEXT;
        -- Stories are now posted under their strongest features only, and a story's postings are found by
        -- (feature, story) keys, so the index by story alone cost writes and served nothing.
        DROP INDEX IF EXISTS story_postings_story;
      `);
    },
  },
  {
    description: 'covering indexes for story listings',
    up(db) {
      db.exec(`
        -- Listing columns sit after the large profile and document columns in their rows, so reading them
        -- walked every row's overflow pages; these indexes answer listings without touching the rows.
        CREATE INDEX stories_listing ON stories
          (last_published, id, title, first_published, article_count, outlets, updated_at);
        DROP INDEX IF EXISTS stories_last;
        CREATE INDEX articles_refs ON articles (seq, id, input_id);
      `);
    },
  },
  {
    description: 'actor labels per article; how contested each story is',
    up(db) {
      db.exec(`
        -- Each article's people and organizations with the labels it gives them (one row per actor without a
        -- label, one per distinct label), so outlet and actor pages aggregate small rows, not documents.
        CREATE TABLE actor_labels (
          article_seq INTEGER NOT NULL REFERENCES articles (seq),
          actor       TEXT NOT NULL,
          name        TEXT NOT NULL,
          kind        TEXT NOT NULL,
          label       TEXT,
          tone        TEXT
        ) STRICT;
        CREATE INDEX actor_labels_actor ON actor_labels (actor, article_seq);
        CREATE INDEX actor_labels_article ON actor_labels (article_seq);
        CREATE INDEX actor_labels_tone ON actor_labels (tone);
        -- How differently the outlets of a story label its shared actors (see labelContest); NULL in
        -- contest_splits means "to be worked out again", set whenever the story's articles change.
        ALTER TABLE stories ADD COLUMN contest_splits INTEGER;
        ALTER TABLE stories ADD COLUMN contest_labels INTEGER;
        ALTER TABLE stories ADD COLUMN contest_shared INTEGER;
        CREATE INDEX stories_contest ON stories (contest_splits, contest_labels, last_published, id);
      `);
      const insert = db.prepare(
        'INSERT INTO actor_labels (article_seq, actor, name, kind, label, tone) VALUES (?, ?, ?, ?, ?, ?)',
      );
      // In pages: a connection cannot write while it iterates, and a page bounds the documents held at once.
      const page = db.prepare('SELECT seq, doc FROM articles WHERE seq > ? ORDER BY seq LIMIT 500');
      for (let after = 0; ; ) {
        const rows = page.all(after) as { seq: number; doc: string }[];
        if (rows.length === 0) break;
        for (const row of rows) {
          for (const l of articleActorLabels(JSON.parse(row.doc) as AnnotatedArticle)) {
            insert.run(row.seq, l.actor, l.name, l.kind, l.label, l.tone);
          }
        }
        after = rows.at(-1)?.seq ?? after;
      }
    },
  },
  {
    description: 'actor totals per outlet and per library, kept up to date as articles arrive',
    up(db) {
      db.exec(`
        -- Aggregates of actor_labels that pages would otherwise compute over every row: how many articles of
        -- each outlet name an actor (and how many labels they give it), and the library-wide totals, with
        -- an index in the order the actor index lists them. Outlet '' stands for articles without one.
        CREATE TABLE actor_outlets (
          actor    TEXT NOT NULL,
          outlet   TEXT NOT NULL,
          articles INTEGER NOT NULL,
          labels   INTEGER NOT NULL,
          PRIMARY KEY (actor, outlet)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE actor_totals (
          actor    TEXT PRIMARY KEY,
          name     TEXT NOT NULL,
          kind     TEXT NOT NULL,
          articles INTEGER NOT NULL,
          outlets  INTEGER NOT NULL,
          labels   INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX actor_totals_rank ON actor_totals (outlets DESC, articles DESC, actor) WHERE labels > 0;
        INSERT INTO actor_outlets (actor, outlet, articles, labels)
          SELECT l.actor, coalesce(a.outlet, ''), count(DISTINCT l.article_seq), count(l.label)
          FROM actor_labels l JOIN articles a ON a.seq = l.article_seq GROUP BY l.actor, coalesce(a.outlet, '');
        INSERT INTO actor_totals (actor, name, kind, articles, outlets, labels)
          SELECT t.actor, n.name, n.kind, t.articles, t.outlets, t.labels
          FROM (SELECT actor, sum(articles) AS articles, sum(outlet <> '') AS outlets, sum(labels) AS labels
                FROM actor_outlets GROUP BY actor) t
          JOIN (SELECT actor, min(name) AS name, max(kind) AS kind FROM actor_labels GROUP BY actor) n
            ON n.actor = t.actor;
      `);
    },
  },
  {
    description: 'feeds a library follows, and the items already taken from each',
    up(db) {
      db.exec(`
        -- A followed feed with what the last poll learnt: validators for conditional requests, and an error
        -- state a user can see (status, the last error, consecutive failures).
        CREATE TABLE feeds (
          id            INTEGER PRIMARY KEY,
          url           TEXT NOT NULL UNIQUE,
          title         TEXT,
          site_url      TEXT,
          etag          TEXT,
          last_modified TEXT,
          added_at      TEXT NOT NULL,
          polled_at     TEXT,
          ok_at         TEXT,
          status        TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'ok', 'error')),
          error         TEXT,
          failures      INTEGER NOT NULL DEFAULT 0,
          items         INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        -- Items taken from a feed, by GUID or, without one, by canonical URL: a later poll skips them.
        -- state: ingested, or failed for good (not an article, disallowed); items that failed for now are
        -- not recorded, so the next poll tries them again.
        CREATE TABLE feed_items (
          feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
          key     TEXT NOT NULL,
          url     TEXT,
          state   TEXT NOT NULL CHECK (state IN ('ingested', 'failed')),
          reason  TEXT,
          seen_at TEXT NOT NULL,
          PRIMARY KEY (feed_id, key)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX feed_items_url ON feed_items (url);
      `);
    },
  },
  {
    description: 'URL keys of articles and feed items in the one canonical form (text/url.ts)',
    up(db) {
      // Feeds used to key items by a lighter form (scheme, "www." and trailing slash kept) and the store
      // stripped fewer tracking parameters, so the same link could be two articles. The keys are rewritten
      // in place; ids stay, so stories and saved links keep pointing at the same articles. Where two stored
      // rows now share a key (the duplicate this fixes), the later keeps its old key: OR IGNORE.
      db.function('parallax_canonical_url', { deterministic: true }, (url: unknown) =>
        typeof url === 'string' ? canonicalUrl(url) : url,
      );
      db.exec(`
        UPDATE OR IGNORE articles SET url_key = parallax_canonical_url(url_key)
          WHERE url_key IS NOT NULL AND url_key <> parallax_canonical_url(url_key);
        UPDATE OR IGNORE feed_items SET url = parallax_canonical_url(url)
          WHERE url IS NOT NULL AND url <> parallax_canonical_url(url);
        UPDATE OR IGNORE feed_items SET key = 'url:' || parallax_canonical_url(substr(key, 5))
          WHERE key LIKE 'url:%' AND key <> 'url:' || parallax_canonical_url(substr(key, 5));
      `);
    },
  },
  {
    description: 'outlet directory: metadata per outlet with the source of each field, hosts, leaning scale',
    up(db) {
      db.exec(`
        -- One row per outlet a directory describes; name is the outlet as articles carry it (articles.outlet).
        -- sources: JSON object field -> where that field's value came from, for every field that has one.
        CREATE TABLE IF NOT EXISTS outlet_directory (
          name       TEXT PRIMARY KEY,
          country    TEXT,
          language   TEXT,
          owner      TEXT,
          leaning    TEXT,
          notes      TEXT,
          sources    TEXT NOT NULL DEFAULT '{}',
          updated_at TEXT NOT NULL
        ) STRICT;
        -- A host names one outlet; lookups try the host, then each parent domain ("money.cnn.com", "cnn.com").
        CREATE TABLE IF NOT EXISTS outlet_hosts (
          host   TEXT PRIMARY KEY,
          outlet TEXT NOT NULL REFERENCES outlet_directory (name) ON DELETE CASCADE
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS outlet_hosts_outlet ON outlet_hosts (outlet);
        -- Settings of the library as a whole (the leaning scale, as a JSON array).
        CREATE TABLE IF NOT EXISTS library_settings (
          name  TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT, WITHOUT ROWID;
      `);
    },
  },
  {
    description: 'the calibration check: its latest measurement of unrelated article pairs',
    up(db) {
      db.exec(`
        -- One row: the latest measurement (JSON, see UnrelatedPairCheck in model/story-index.ts), replaced
        -- after every ingest batch.
        CREATE TABLE IF NOT EXISTS story_calibration (
          id          INTEGER PRIMARY KEY CHECK (id = 1),
          measurement TEXT NOT NULL,
          measured_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    description: 'story postings by story again, for deleting a story',
    up(db) {
      // Deleting a story cascades to its postings, and without this index SQLite scanned every posting to
      // find them: 62 ms per deleted story in a library of 3,000 articles (214,000 postings), growing with
      // the library. The order-free second pass deletes the stories its merges empty after most batches.
      db.exec('CREATE INDEX IF NOT EXISTS story_postings_story ON story_postings (story_id)');
    },
  },
  {
    description: 'kept work: notes on stories and findings, saved searches',
    up(db) {
      db.exec(`
        -- A note on a story (finding NULL) or on one finding of it (its anchor on the story page, "fact-f3").
        -- article_id: a member of the story when the note was written; the note follows that article to
        -- whichever story holds it after re-clustering, and falls back to story_id when it holds none.
        CREATE TABLE IF NOT EXISTS notes (
          id         INTEGER PRIMARY KEY,
          story_id   INTEGER NOT NULL,
          article_id TEXT,
          finding    TEXT,
          -- What the finding said (a fact's wording, an actor's name): finding ids are renumbered by
          -- re-clustering, so the page re-finds a note's finding by this.
          finding_label TEXT,
          text       TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX IF NOT EXISTS notes_article ON notes (article_id);
        CREATE INDEX IF NOT EXISTS notes_story ON notes (story_id);
        -- A saved search: its URL parameters ("q=storm&outlet=Example") and when the user last opened it.
        CREATE TABLE IF NOT EXISTS saved_searches (
          id         INTEGER PRIMARY KEY,
          name       TEXT NOT NULL,
          query      TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          seen_at    TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    description: 'the library version: a counter every change to what a page shows moves (page caches)',
    // The web app keeps rendered pages while the library is unchanged (Store.version). PRAGMA data_version,
    // used before, moves at any other connection's commit, whatever it wrote; this counter moves only with
    // the rows pages show, as PostgreSQL's library_version does (postgres/migrations.ts, migration 6).
    // Row triggers, as SQLite has no statement triggers: a few per placed article (its row, its story's
    // row, its membership), not on the tables always written together with those (clustering's index:
    // postings, document frequencies, counters, article features, duplicate keys; actor labels and totals,
    // written with their article) — those rows change thousands of times per batch and no page reads
    // them alone. The FTS index is virtual (no triggers) and follows articles. Example: a worker's lock
    // table written by another program in the same file leaves the version, and the cached story list.
    up(db) {
      db.exec(`
        CREATE TABLE IF NOT EXISTS library_version (
          id    INTEGER PRIMARY KEY CHECK (id = 1),
          value INTEGER NOT NULL
        ) STRICT;
        INSERT OR IGNORE INTO library_version VALUES (1, 0);
      `);
      for (const table of LIBRARY_VERSION_TABLES)
        for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
          // Working out a story's stale contest (its contest columns alone) does not count, as on
          // PostgreSQL: every reader of that version gets the same contest.
          const on = table === 'stories' && event === 'UPDATE' ? `UPDATE OF ${STORY_SHOWN_COLUMNS}` : event;
          db.exec(`
            CREATE TRIGGER IF NOT EXISTS ${table}_library_version_${event.toLowerCase()} AFTER ${on} ON ${table}
            BEGIN UPDATE library_version SET value = value + 1 WHERE id = 1; END;
          `);
        }
    },
  },
];

/** The columns of stories whose update moves the library version: all but the contest (migration 13). */
const STORY_SHOWN_COLUMNS =
  'title, size, first_day, last_day, first_published, last_published, article_count, outlets, profile, norms, created_at, updated_at';

/** The tables whose changes move the library version (migration 13). */
const LIBRARY_VERSION_TABLES = [
  'articles',
  'stories',
  'story_articles',
  'feeds',
  'feed_items',
  'outlet_directory',
  'outlet_hosts',
  'library_settings',
  'story_calibration',
  'notes',
  'saved_searches',
] as const;

/** The schema version this code writes: the number of migrations it knows. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Applies the migrations the database does not have yet. Each one takes the write lock first (BEGIN
 * IMMEDIATE) and re-reads the version inside it, so two processes opening a new database at once do not
 * both run the same migration.
 */
export function migrate(db: Database.Database): void {
  for (let index = 0; index < MIGRATIONS.length; index++) {
    const migration = MIGRATIONS[index] as Migration;
    const target = index + 1;
    if (userVersion(db) >= target) continue;
    db.transaction(() => {
      if (userVersion(db) >= target) return;
      migration.up(db);
      db.pragma(`user_version = ${target}`);
    }).immediate();
  }
}

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
