// The library a test works on, on the backend its vitest project names: a SQLite file in a temporary
// folder (project "shared"), or a fresh database on the throw-away PostgreSQL cluster (project
// "postgres", which runs the backend-sensitive files a second time; see vitest.config.ts). A test that
// opens its library through here runs unchanged on both: `--db` takes the file path or the postgres://
// URL alike, and `open()` gives the asynchronous store either way.
//
// Call `testLibraries()` at the top of a test file: it registers the clean-up (stores closed, databases
// dropped, folders removed) after the file's own afterAll hooks.
//
//   const libraries = testLibraries('server');
//   beforeAll(async () => { db = await libraries.fresh(); store = await libraries.open(db); });

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import type { AsyncStore } from '../../src/store/async-store.js';
import { isPostgresUrl } from '../../src/store/open.js';
import { openPgStore } from '../../src/store/postgres/pg-store.js';
import { openSqliteAsyncStore } from '../../src/store/sqlite/async-adapter.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The backend the project's tests put their libraries on. */
    testBackend: 'sqlite' | 'postgres';
  }
}

export type TestBackend = 'sqlite' | 'postgres';

/** The backend of the running project (sqlite unless the project provides postgres). */
export function testBackend(): TestBackend {
  try {
    return inject('testBackend') === 'postgres' ? 'postgres' : 'sqlite';
  } catch {
    return 'sqlite';
  }
}

/** The URL of the PostgreSQL server to create databases on; throws (or, outside CI, says why) without one. */
function adminUrl(): string {
  const url = inject('pgUrl');
  if (url === null || url === undefined) {
    throw new Error(
      `this file runs on PostgreSQL (project "postgres") but there is no server: ${inject('pgMissing')}; run it with --project shared to use SQLite only`,
    );
  }
  return url;
}

/** The migrated library new databases are copied from, or null (see pg-global-setup.ts). */
function pgTemplate(): string | null {
  try {
    return inject('pgTemplate') ?? null;
  } catch {
    return null;
  }
}

let databaseCount = 0;

export interface OpenOptions {
  /** Clock for stored_at (both stores take one). */
  now?: () => Date;
}

export interface TestLibraries {
  backend: TestBackend;
  /** A new, empty library: a file path on SQLite, a postgres:// URL on PostgreSQL. */
  fresh(label?: string): Promise<string>;
  /** Opens `db` (from fresh()) through the asynchronous contract; closed after the file's tests. */
  open(db: string, options?: OpenOptions): Promise<AsyncStore>;
  /** fresh() then open(). */
  openFresh(label?: string, options?: OpenOptions): Promise<AsyncStore>;
}

/** The libraries of one test file; see the header. `prefix` names its folder or databases. */
export function testLibraries(prefix: string): TestLibraries {
  const backend = testBackend();
  const folders: string[] = [];
  const databases: string[] = [];
  const opened: AsyncStore[] = [];
  afterAll(async () => {
    for (const store of opened) {
      // A test may have closed it already.
      try {
        await store.close();
      } catch {}
    }
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    if (databases.length === 0) return;
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    try {
      for (const name of databases) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  });
  const libraries: TestLibraries = {
    backend,
    async fresh(label = 'library') {
      if (backend === 'sqlite') {
        const folder = mkdtempSync(join(tmpdir(), `parallax-${prefix}-`));
        folders.push(folder);
        return join(folder, `${label}.db`);
      }
      const admin = adminUrl();
      const name = `px_${prefix.replace(/\W/g, '_')}_${process.pid}_${++databaseCount}`.toLowerCase();
      const template = pgTemplate();
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        // A copy of the run's migrated template when there is one (pg-global-setup.ts): the same empty
        // library, without migrating each database again.
        await client.query(
          template === null ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${template}`,
        );
      } finally {
        await client.end();
      }
      databases.push(name);
      const url = new URL(admin);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async open(db, options = {}) {
      const store = isPostgresUrl(db) ? await openPgStore(db, options) : openSqliteAsyncStore(db, options);
      opened.push(store);
      return store;
    },
    async openFresh(label, options) {
      return libraries.open(await libraries.fresh(label), options);
    },
  };
  return libraries;
}
