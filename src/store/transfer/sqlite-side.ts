// The SQLite end of a move: rows read in the dump's order from a library file (one read transaction, so the
// dump is one moment of the library), or written into an empty one in a single transaction.

import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ParallaxError } from '../../errors.js';
import type { AnnotatedArticle } from '../../model/article.js';
import { storeError } from '../sqlite/errors.js';
import { SCHEMA_VERSION } from '../sqlite/migrations.js';
import { openSqliteStore } from '../sqlite/sqlite-store.js';
import type { LibrarySource, LibraryTarget } from './sides.js';
import type { DumpTable } from './tables.js';

function fromSqlite(table: DumpTable, row: unknown[]): unknown[] {
  return table.columns.map((column, i) => {
    const value = row[i] ?? null;
    return column.kind === 'list' && typeof value === 'string' ? JSON.parse(value) : value;
  });
}

function toSqlite(table: DumpTable, row: readonly unknown[]): unknown[] {
  return table.columns.map((column, i) => {
    const value = row[i] ?? null;
    return column.kind === 'list' && value !== null ? JSON.stringify(value) : value;
  });
}

/** Opens a library file to dump: it must exist (export never creates one), migrated like any open. */
export function openSqliteSource(path: string): LibrarySource {
  if (!existsSync(path)) {
    throw new ParallaxError(
      'STORE',
      `${path}: no library there; name one with --db FILE or --db postgres://…`,
    );
  }
  openSqliteStore(path).close();
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.exec('BEGIN');
  return {
    backend: 'sqlite',
    schema: SCHEMA_VERSION,
    location: path,
    async *rows(table) {
      const columns = table.columns.map((c) => c.name).join(', ');
      const statement = db
        .prepare(`SELECT ${columns} FROM ${table.name} ORDER BY ${table.orderBy.join(', ')}`)
        .raw();
      try {
        for (const row of statement.iterate() as Iterable<unknown[]>) yield fromSqlite(table, row);
      } catch (err) {
        throw storeError(path, err, 'the dump was not finished');
      }
    },
    async close() {
      if (db.inTransaction) db.exec('COMMIT');
      db.close();
    },
  };
}

/**
 * Opens (creating and migrating it when needed) a library file to fill from a dump. Everything goes in one
 * transaction, so a dump that turns out damaged halfway leaves the file as empty as it was.
 */
export function openSqliteTarget(path: string): LibraryTarget {
  openSqliteStore(path).close();
  const db = new Database(path, { fileMustExist: true });
  db.pragma('foreign_keys = ON');
  const statements = new Map<string, Database.Statement>();
  const insertText = db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
  const guard = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      throw storeError(path, err, 'nothing was imported');
    }
  };
  return {
    backend: 'sqlite',
    location: path,
    async nonEmptyTables(tables) {
      return tables
        .filter((t) => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${t.name})`).pluck().get() === 1)
        .map((t) => t.name);
    },
    async begin() {
      guard(() => db.exec('BEGIN IMMEDIATE'));
    },
    async insert(table, rows) {
      guard(() => {
        let statement = statements.get(table.name);
        if (statement === undefined) {
          const names = table.columns.map((c) => c.name);
          statement = db.prepare(
            `INSERT INTO ${table.name} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
          );
          statements.set(table.name, statement);
        }
        for (const row of rows) {
          statement.run(toSqlite(table, row));
          if (table.name === 'articles') {
            // The search index: the same words the store indexes when it stores an article (its title and text).
            const [seq, , , , , title, , , , doc] = row as [number, ...unknown[]];
            const article = JSON.parse(doc as string) as AnnotatedArticle;
            insertText.run(seq, (title as string | null) ?? '', article.text);
          }
        }
      });
    },
    async commit() {
      guard(() => db.exec('COMMIT'));
    },
    async rollback() {
      if (db.inTransaction) db.exec('ROLLBACK');
    },
    async close() {
      db.close();
    },
  };
}
