// The SQLite schema as an ordered list of migrations. PRAGMA user_version holds the number of migrations
// applied; each migration runs in its own transaction together with the bump of user_version, so a crash or
// a full disk leaves the database at the previous version, never half-migrated. Migrations are append-only:
// a released one is never edited, a change is a new entry at the end.

import type Database from 'better-sqlite3';

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
];

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
