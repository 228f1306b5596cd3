// The PostgreSQL schema as an ordered list of migrations, as on SQLite (sqlite/migrations.ts): append-only,
// each applied in its own transaction together with the version it brings the database to, so a failure
// leaves the previous version. The version lives in parallax_meta (PostgreSQL has no user_version), which
// also marks the database as Parallax's. Migration 1 is the whole schema of SQLite version 8; later changes
// are new entries on both backends.
//
// Text that is sorted or compared as on SQLite (days, outlets, actors) is COLLATE "C": SQLite compares
// strings byte by byte, and a server whose default collation is en_US would order "Zeit" and "al" the
// other way round.

import type { PoolClient } from 'pg';

export interface PgMigration {
  description: string;
  sql: string;
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    description: 'the library as of SQLite schema 8: articles with a search vector, stories, views, feeds',
    sql: `
      CREATE TABLE articles (
        seq          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id           text NOT NULL UNIQUE,
        url_key      text UNIQUE,
        content_hash text NOT NULL,
        outlet       text COLLATE "C",
        title        text,
        published    text COLLATE "C",
        source       text NOT NULL,
        stored_at    text COLLATE "C" NOT NULL,
        doc          text NOT NULL,
        input_id     text,
        body         text NOT NULL,
        -- The words of search-words.ts: title words with weight A, text words with weight D.
        search       tsvector NOT NULL
      );
      CREATE INDEX articles_content_hash ON articles (content_hash);
      CREATE INDEX articles_published ON articles (published, stored_at);
      CREATE INDEX articles_outlet_published ON articles (outlet, published, stored_at);
      CREATE INDEX articles_search ON articles USING gin (search);
      CREATE TABLE stories (
        id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        title           text,
        size            integer NOT NULL,
        first_day       integer,
        last_day        integer,
        first_published text COLLATE "C",
        last_published  text COLLATE "C",
        article_count   integer NOT NULL DEFAULT 0,
        outlets         text[] COLLATE "C" NOT NULL DEFAULT '{}',
        profile         text NOT NULL,
        norms           text,
        created_at      text NOT NULL,
        updated_at      text NOT NULL,
        contest_splits  integer,
        contest_labels  integer,
        contest_shared  integer
      );
      CREATE INDEX stories_listing ON stories (last_published, id);
      CREATE INDEX stories_contest ON stories (contest_splits, contest_labels, last_published, id);
      CREATE TABLE story_postings (
        feature  text COLLATE "C" NOT NULL,
        story_id integer NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        last_day integer,
        PRIMARY KEY (feature, story_id)
      );
      CREATE INDEX story_postings_day ON story_postings (feature, last_day);
      CREATE TABLE feature_df (
        feature text COLLATE "C" PRIMARY KEY,
        df      integer NOT NULL
      );
      CREATE TABLE library_counters (
        name  text PRIMARY KEY,
        value bigint NOT NULL
      );
      CREATE TABLE story_articles (
        article_seq  integer PRIMARY KEY REFERENCES articles (seq),
        story_id     integer NOT NULL REFERENCES stories (id),
        duplicate_of integer REFERENCES articles (seq),
        score        double precision,
        reasons      text,
        placed_by    text NOT NULL CHECK (placed_by IN ('ingest', 'user')),
        placed_at    text NOT NULL
      );
      CREATE INDEX story_articles_story ON story_articles (story_id);
      CREATE TABLE article_features (
        article_seq integer PRIMARY KEY REFERENCES articles (seq),
        day         integer,
        features    text NOT NULL
      );
      CREATE TABLE duplicate_keys (
        key         text COLLATE "C" NOT NULL,
        article_seq integer NOT NULL REFERENCES articles (seq),
        PRIMARY KEY (key, article_seq)
      );
      CREATE TABLE actor_labels (
        article_seq integer NOT NULL REFERENCES articles (seq),
        actor       text COLLATE "C" NOT NULL,
        name        text COLLATE "C" NOT NULL,
        kind        text COLLATE "C" NOT NULL,
        label       text COLLATE "C",
        tone        text
      );
      CREATE INDEX actor_labels_actor ON actor_labels (actor, article_seq);
      CREATE INDEX actor_labels_article ON actor_labels (article_seq);
      CREATE INDEX actor_labels_tone ON actor_labels (tone);
      CREATE TABLE actor_outlets (
        actor    text COLLATE "C" NOT NULL,
        outlet   text COLLATE "C" NOT NULL,
        articles integer NOT NULL,
        labels   integer NOT NULL,
        PRIMARY KEY (actor, outlet)
      );
      CREATE TABLE actor_totals (
        actor    text COLLATE "C" PRIMARY KEY,
        name     text NOT NULL,
        kind     text NOT NULL,
        articles integer NOT NULL,
        outlets  integer NOT NULL,
        labels   integer NOT NULL
      );
      CREATE INDEX actor_totals_rank ON actor_totals (outlets DESC, articles DESC, actor) WHERE labels > 0;
      CREATE TABLE feeds (
        id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        url           text NOT NULL UNIQUE,
        title         text,
        site_url      text,
        etag          text,
        last_modified text,
        added_at      text NOT NULL,
        polled_at     text,
        ok_at         text,
        status        text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'ok', 'error')),
        error         text,
        failures      integer NOT NULL DEFAULT 0,
        items         integer NOT NULL DEFAULT 0
      );
      CREATE TABLE feed_items (
        feed_id integer NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        key     text NOT NULL,
        url     text,
        state   text NOT NULL CHECK (state IN ('ingested', 'failed')),
        reason  text,
        seen_at text NOT NULL,
        PRIMARY KEY (feed_id, key)
      );
      CREATE INDEX feed_items_url ON feed_items (url);
    `,
  },
  {
    description: 'outlet directory (SQLite migration 9) and the calibration check (SQLite migration 10)',
    sql: `
      -- One row per outlet a directory describes; name is the outlet as articles carry it (articles.outlet).
      -- sources: JSON object field -> where that field's value came from, kept as text like SQLite's.
      CREATE TABLE outlet_directory (
        name       text COLLATE "C" PRIMARY KEY,
        country    text,
        language   text,
        owner      text,
        leaning    text,
        notes      text,
        sources    text NOT NULL DEFAULT '{}',
        updated_at text NOT NULL
      );
      -- A host names one outlet; lookups try the host, then each parent domain ("money.cnn.com", "cnn.com").
      CREATE TABLE outlet_hosts (
        host   text COLLATE "C" PRIMARY KEY,
        outlet text COLLATE "C" NOT NULL REFERENCES outlet_directory (name) ON DELETE CASCADE
      );
      CREATE INDEX outlet_hosts_outlet ON outlet_hosts (outlet);
      -- Settings of the library as a whole (the leaning scale, as a JSON array).
      CREATE TABLE library_settings (
        name  text PRIMARY KEY,
        value text NOT NULL
      );
      -- One row: the latest calibration measurement (JSON, see UnrelatedPairCheck in model/story-index.ts).
      CREATE TABLE story_calibration (
        id          integer PRIMARY KEY CHECK (id = 1),
        measurement text NOT NULL,
        measured_at text NOT NULL
      );
    `,
  },
  {
    description: 'story postings by story (SQLite migration 11), for deleting a story',
    // A deleted story cascades to its postings; without this index each delete scans every posting (the
    // second pass deletes the stories its merges empty after most batches).
    sql: 'CREATE INDEX IF NOT EXISTS story_postings_story ON story_postings (story_id);',
  },
  {
    description: 'kept work: notes on stories and findings, saved searches (SQLite migration 12)',
    sql: `
      -- A note on a story (finding NULL) or on one finding of it; it follows article_id (a member of the
      -- story when written) to whichever story holds it now, else stays on story_id.
      CREATE TABLE notes (
        id         integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        story_id   integer NOT NULL,
        article_id text,
        finding    text,
        finding_label text,
        text       text NOT NULL,
        created_at text NOT NULL,
        updated_at text NOT NULL
      );
      CREATE INDEX notes_article ON notes (article_id);
      CREATE INDEX notes_story ON notes (story_id);
      -- A saved search: its URL parameters and when the user last opened it.
      CREATE TABLE saved_searches (
        id         integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        name       text NOT NULL,
        query      text NOT NULL UNIQUE,
        created_at text NOT NULL,
        seen_at    text NOT NULL
      );
    `,
  },
  {
    description:
      'the clustering epoch: a counter every change to clustering state moves (per-process caches)',
    // A placement transaction (placement-lock.ts) keeps document counts, document frequencies and story
    // profiles in memory between transactions of its process, as SQLite's store does (cluster-cache.ts).
    // They stay true only while no other process changed those rows: every statement that changes them
    // moves this counter, except inside a placement transaction, which moved it once at its start and
    // holds its row until it commits (parallax.epoch_held). Example: a user merges two stories in the web
    // app while a worker is idle; the merge's UPDATE of stories moves the epoch, so the worker's next
    // placement sees a number it did not write and reads the profiles again.
    sql: `
      CREATE TABLE clustering_epoch (
        id    integer PRIMARY KEY CHECK (id = 1),
        value bigint NOT NULL
      );
      INSERT INTO clustering_epoch VALUES (1, 0);
      -- What each placement transaction changed, by the epoch it committed: the documents it added, each
      -- feature's document-frequency increase, the stories it wrote or deleted. A process whose cache is a
      -- few epochs behind applies these instead of forgetting everything (two workers placing in turn
      -- would otherwise find the cache stale every time). A change without a row here (another writer's
      -- statement, which moves the epoch through the trigger) leaves a gap, and the cache is emptied.
      CREATE TABLE clustering_changes (
        epoch     bigint PRIMARY KEY,
        documents integer NOT NULL,
        features  text[] NOT NULL,
        deltas    integer[] NOT NULL,
        stories   integer[] NOT NULL
      );
      CREATE FUNCTION parallax_clustering_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(current_setting('parallax.epoch_held', true), '') <> 'on' THEN
          UPDATE clustering_epoch SET value = value + 1 WHERE id = 1;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER stories_clustering AFTER INSERT OR DELETE OR TRUNCATE ON stories
        FOR EACH STATEMENT EXECUTE FUNCTION parallax_clustering_changed();
      CREATE TRIGGER stories_clustering_update AFTER UPDATE OF size, first_day, last_day, profile, norms
        ON stories FOR EACH STATEMENT EXECUTE FUNCTION parallax_clustering_changed();
      CREATE TRIGGER feature_df_clustering AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON feature_df
        FOR EACH STATEMENT EXECUTE FUNCTION parallax_clustering_changed();
      CREATE TRIGGER library_counters_clustering AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON library_counters
        FOR EACH STATEMENT EXECUTE FUNCTION parallax_clustering_changed();
    `,
  },
  {
    description:
      'the library version: a counter every commit that changes the library moves (page caches; SQLite migration 13)',
    // The web app keeps rendered pages while the library is unchanged. The server's snapshot, which it
    // used before, moves at every commit in the cluster: a job queue taking or finishing a job, a worker's
    // transaction that only took a lock. With workers ingesting, no page stayed cached for a second.
    // This counter moves once per transaction that changed any library table (a statement trigger on
    // each notes it; tables created by later migrations need the same trigger), and only at its commit:
    // the row is updated by a deferred trigger, so it is locked for the commit alone, not for the whole
    // of a placement transaction that other writers (a note saved in the web app) would wait behind.
    // Example: a worker places three articles and commits, the version goes 41 → 42; graphile-worker then
    // marks their jobs done, and the version stays 42, so the story list rendered at 42 is kept.
    // A statement that changed no row still counts (statement triggers fire for it): writers skip those
    // where it matters (refreshContest with nothing stale writes nothing). Working out stale contests
    // (an UPDATE of the contest columns alone) does not count at all: a contest is worked out from what
    // the story held at that version, the same for every reader, and counting it moved the version at
    // every contested listing while workers placed (each placement leaves its story's contest stale).
    sql: `
      CREATE TABLE library_version (
        id    integer PRIMARY KEY CHECK (id = 1),
        value bigint NOT NULL
      );
      INSERT INTO library_version VALUES (1, 0);
      -- One row per transaction that changed the library, from its first change to its commit: the
      -- insert queues the deferred trigger that moves the version, and the row is gone again at commit.
      CREATE TABLE library_version_pending (txid xid8 PRIMARY KEY);
      CREATE FUNCTION parallax_library_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(current_setting('parallax.library_changed', true), '') <> 'on' THEN
          PERFORM set_config('parallax.library_changed', 'on', true);
          INSERT INTO library_version_pending VALUES (pg_current_xact_id());
        END IF;
        RETURN NULL;
      END $$;
      CREATE FUNCTION parallax_library_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE library_version SET value = value + 1 WHERE id = 1;
        DELETE FROM library_version_pending WHERE txid = NEW.txid;
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER library_version_at_commit AFTER INSERT ON library_version_pending
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION parallax_library_commit();
      DO $$
      DECLARE t text;
      BEGIN
        FOR t IN
          SELECT table_name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
            AND table_name NOT IN ('parallax_meta', 'clustering_epoch', 'clustering_changes',
                                   'library_version', 'library_version_pending', 'stories')
        LOOP
          EXECUTE format(
            'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
             FOR EACH STATEMENT EXECUTE FUNCTION parallax_library_changed()',
            t || '_library_version', t);
        END LOOP;
      END $$;
      CREATE TRIGGER stories_library_version AFTER INSERT OR DELETE OR TRUNCATE ON stories
        FOR EACH STATEMENT EXECUTE FUNCTION parallax_library_changed();
      CREATE TRIGGER stories_library_version_update AFTER UPDATE OF title, size, first_day, last_day,
          first_published, last_published, article_count, outlets, profile, norms, created_at, updated_at
        ON stories FOR EACH STATEMENT EXECUTE FUNCTION parallax_library_changed();
    `,
  },
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

/** Marks the database as a Parallax library (parallax_meta's 'application' row). */
export const PG_APPLICATION = 'parallax';

/** An arbitrary constant: the advisory lock two processes opening a new library at once queue on. */
const MIGRATION_LOCK = 0x50524c58;

/** What the database holds before any migration: Parallax's version, or another program's tables. */
export async function readSchemaState(
  client: PoolClient,
): Promise<{ version: number; application: string | null; foreignTables: number }> {
  const meta = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('parallax_meta') IS NOT NULL AS exists`,
  );
  if (!meta.rows[0]?.exists) {
    const tables = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    return { version: 0, application: null, foreignTables: tables.rows[0]?.n ?? 0 };
  }
  const rows = await client.query<{ key: string; value: string }>('SELECT key, value FROM parallax_meta');
  const get = (key: string) => rows.rows.find((r) => r.key === key)?.value ?? null;
  return { version: Number(get('schema_version') ?? 0), application: get('application'), foreignTables: 0 };
}

/**
 * Applies the migrations the database lacks, each in its own transaction, under an advisory lock and
 * re-reading the version inside it, so that two processes opening a new library at once do not both run one.
 */
export async function migratePg(client: PoolClient): Promise<number> {
  let applied = 0;
  // The lock is taken before BEGIN, not inside the transaction: a transaction that waited for it would
  // still see "no parallax_meta" (the server caches that a name is absent until the next transaction
  // starts), and create the table a second time.
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    for (let index = 0; index < PG_MIGRATIONS.length; index++) {
      const target = index + 1;
      await client.query('BEGIN');
      try {
        const { version } = await readSchemaState(client);
        if (version < target) {
          if (version === 0) {
            await client.query('CREATE TABLE parallax_meta (key text PRIMARY KEY, value text NOT NULL)');
            await client.query(
              `INSERT INTO parallax_meta VALUES ('application', $1), ('schema_version', '0')`,
              [PG_APPLICATION],
            );
          }
          await client.query((PG_MIGRATIONS[index] as PgMigration).sql);
          await client.query(`UPDATE parallax_meta SET value = $1 WHERE key = 'schema_version'`, [
            String(target),
          ]);
          applied++;
        }
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
  }
  return applied;
}
