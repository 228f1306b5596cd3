// Where a library is opened by what --db (or PARALLAX_DB) names: a postgres:// or postgresql:// URL is a
// PostgreSQL library, anything else a SQLite file. Every command opens it through the asynchronous store.

import type { AsyncStore } from './async-store.js';

/** Whether a --db value names a PostgreSQL library rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(db.trim());
}

/** Opens the library `db` names through the asynchronous contract: PostgreSQL for a URL, else SQLite. */
export async function openAsyncStore(db: string): Promise<AsyncStore> {
  if (isPostgresUrl(db)) {
    const { openPgStore } = await import('./postgres/pg-store.js');
    return openPgStore(db.trim());
  }
  const { openSqliteAsyncStore } = await import('./sqlite/async-adapter.js');
  return openSqliteAsyncStore(db);
}
