// parallax migrate: brings a library to the schema of this Parallax and says where it stands. Opening a
// library migrates it anyway; this command does only that, so a team's server can be upgraded once, by
// the one who runs it, before workers and web servers of the new version start. It takes a SQLite file or
// a postgres:// URL.

import { existsSync } from 'node:fs';
import { ParallaxError } from '../errors.js';
import { isPostgresUrl } from '../store/open.js';
import type { Invocation } from './args.js';
import { DEFAULT_DB } from './library.js';
import type { Io } from './output.js';

function describe(where: string, found: number, now: number): string {
  if (found === now) return `${where}: schema version ${now}, nothing to migrate`;
  const applied = now - found;
  return `${where}: schema version ${now} (was ${found}; ${applied} ${applied === 1 ? 'migration' : 'migrations'} applied)`;
}

export async function migrateCommand(invocation: Invocation, io: Io): Promise<number> {
  if (invocation.positionals.length > 0) {
    throw new ParallaxError('USAGE', `migrate takes no inputs; got "${invocation.positionals[0]}"`);
  }
  const db = invocation.db ?? DEFAULT_DB;
  if (isPostgresUrl(db)) {
    const { openPgStore } = await import('../store/postgres/pg-store.js');
    let schema = { found: 0, now: 0 };
    const store = await openPgStore(db.trim(), {
      onSchema: (found, now) => {
        schema = { found, now };
      },
    });
    await store.close();
    io.stdout(`${describe(store.location, schema.found, schema.now)}\n`);
    return 0;
  }
  if (!existsSync(db)) {
    throw new ParallaxError('STORE', `${db}: no library there; name one with --db FILE or --db postgres://…`);
  }
  const Database = (await import('better-sqlite3')).default;
  const { SCHEMA_VERSION } = await import('../store/sqlite/migrations.js');
  const { openSqliteStore } = await import('../store/sqlite/sqlite-store.js');
  // The version before: read without writing, so that a file the store then refuses is left untouched.
  let found = 0;
  try {
    const raw = new Database(db, { readonly: true, fileMustExist: true });
    try {
      found = raw.pragma('user_version', { simple: true }) as number;
    } finally {
      raw.close();
    }
  } catch {
    // Not a database: openSqliteStore says so in its own words.
  }
  openSqliteStore(db).close();
  io.stdout(`${describe(db, found, SCHEMA_VERSION)}\n`);
  return 0;
}
