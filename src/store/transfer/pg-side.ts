// The PostgreSQL end of a move. Reading: one REPEATABLE READ transaction (the dump is one moment of the
// library while writers go on) and a server-side cursor per table, fetched a page at a time, so memory is
// bounded by a page, not by the library. Writing: one transaction on one connection, multi-row INSERTs,
// then each identity moved past the imported ids so new articles, stories and feeds get fresh ones.

import pg from 'pg';
import type { AnnotatedArticle } from '../../model/article.js';
import { pgStoreError, redactUrl } from '../postgres/errors.js';
import { PG_SCHEMA_VERSION } from '../postgres/migrations.js';
import { openPgStore, searchVector } from '../postgres/pg-store.js';
import type { LibrarySource, LibraryTarget } from './sides.js';
import { DUMP_TABLES, type DumpTable } from './tables.js';

/** Rows per FETCH and per INSERT: a page of articles is a few MB of documents at most. */
const PAGE = 200;

const quoteKey = (column: string, kind: string) =>
  // Text keys in byte order (SQLite's), NULLs first as SQLite puts them, so both backends dump alike.
  kind === 'text' ? `${column} COLLATE "C" NULLS FIRST` : `${column} NULLS FIRST`;

function orderBy(table: DumpTable): string {
  return table.orderBy
    .map((name) => quoteKey(name, table.columns.find((c) => c.name === name)?.kind ?? 'int'))
    .join(', ');
}

function fromPg(table: DumpTable, row: unknown[]): unknown[] {
  return table.columns.map((column, i) => {
    const value = row[i] ?? null;
    // bigint columns (library_counters.value) come back as strings.
    return column.kind === 'int' && typeof value === 'string' ? Number(value) : value;
  });
}

/** PostgreSQL text cannot hold U+0000 (see postgres/runner.ts); documents keep it escaped in their JSON. */
function withoutNul(value: unknown): unknown {
  if (typeof value === 'string')
    return value.includes('\u0000') ? value.replaceAll('\u0000', '\ufffd') : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  return value;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'parallax' });
  try {
    await client.connect();
  } catch (err) {
    throw pgStoreError(redactUrl(url), err);
  }
  client.on('error', () => {});
  return client;
}

export async function openPgSource(url: string): Promise<LibrarySource> {
  const location = redactUrl(url);
  // Opening the store checks the database is a library of this version (or migrates it).
  await (await openPgStore(url)).close();
  const client = await connect(url);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  return {
    backend: 'postgres',
    schema: PG_SCHEMA_VERSION,
    location,
    async *rows(table) {
      const columns = table.columns.map((c) => c.name).join(', ');
      try {
        await client.query(
          `DECLARE dump_rows NO SCROLL CURSOR FOR SELECT ${columns} FROM ${table.name} ORDER BY ${orderBy(table)}`,
        );
        for (;;) {
          const page = await client.query<unknown[]>({
            text: `FETCH ${PAGE} FROM dump_rows`,
            rowMode: 'array',
          });
          for (const row of page.rows) yield fromPg(table, row);
          if (page.rows.length < PAGE) break;
        }
        await client.query('CLOSE dump_rows');
      } catch (err) {
        throw pgStoreError(location, err, 'the dump was not finished');
      }
    },
    async close() {
      await client.query('COMMIT').catch(() => {});
      await client.end();
    },
  };
}

export async function openPgTarget(url: string): Promise<LibraryTarget> {
  const location = redactUrl(url);
  await (await openPgStore(url)).close();
  const client = await connect(url);
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw pgStoreError(location, err, 'nothing was imported');
    }
  };
  return {
    backend: 'postgres',
    location,
    async nonEmptyTables(tables) {
      const found: string[] = [];
      for (const t of tables) {
        const r = await guard(() =>
          client.query<{ e: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${t.name}) AS e`),
        );
        if (r.rows[0]?.e) found.push(t.name);
      }
      return found;
    },
    async begin() {
      await guard(() => client.query('BEGIN'));
    },
    async insert(table, rows) {
      if (rows.length === 0) return;
      const names = table.columns.map((c) => c.name);
      const values: unknown[] = [];
      const tuples: string[] = [];
      const articles = table.name === 'articles';
      const width = names.length + (articles ? 2 : 0);
      for (const row of rows) {
        const at = values.length;
        values.push(...row.map(withoutNul));
        if (articles) {
          // The derived columns the store writes with every article: its text (for snippets) and search words.
          const article = JSON.parse(row[9] as string) as AnnotatedArticle;
          values.push(
            withoutNul(article.text),
            searchVector((row[5] as string | null) ?? null, article.text),
          );
        }
        tuples.push(
          `(${Array.from({ length: width }, (_, i) => `$${at + i + 1}${articles && i === width - 1 ? '::tsvector' : ''}`).join(', ')})`,
        );
      }
      const columns = articles ? [...names, 'body', 'search'] : names;
      await guard(() =>
        client.query(
          `INSERT INTO ${table.name} (${columns.join(', ')}) ${table.identity ? 'OVERRIDING SYSTEM VALUE ' : ''}VALUES ${tuples.join(', ')}`,
          values,
        ),
      );
    },
    async commit() {
      await guard(async () => {
        for (const table of DUMP_TABLES.filter((t) => t.identity !== undefined)) {
          await client.query(
            `SELECT setval(pg_get_serial_sequence('${table.name}', '${table.identity}'),
               coalesce((SELECT max(${table.identity}) FROM ${table.name}), 1),
               (SELECT count(*) > 0 FROM ${table.name}))`,
          );
        }
        await client.query('COMMIT');
      });
    },
    async rollback() {
      await client.query('ROLLBACK').catch(() => {});
    },
    async close() {
      await client.end();
    },
  };
}
