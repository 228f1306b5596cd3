// Where a library is opened by what --db (or PARALLAX_DB) names: a postgres:// or postgresql:// URL is a
// PostgreSQL library, anything else a SQLite file. Until the callers are asynchronous (issue 15), only
// the commands that take the asynchronous store accept a URL; the others refuse it with requirePostgresFree.

import { ParallaxError } from '../errors.js';
import type { AsyncStore } from './async-store.js';
import { redactUrl } from './postgres/errors.js';

/** Whether a --db value names a PostgreSQL library rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(db.trim());
}

/** The commands that work on a PostgreSQL library so far, as a refusal names them. */
export const POSTGRES_COMMANDS = [
  'migrate',
  'ingest',
  'stories',
  'story',
  'search',
  'outlets',
  'export',
  'import',
  'copy',
] as const;

/**
 * Refuses a PostgreSQL URL where only a SQLite file works yet, with one line naming what does work.
 * Example: `parallax stories --db postgres://team@db/news` → "… stories cannot use a PostgreSQL library
 * yet; …".
 */
export function requireSqlitePath(db: string, what: string): void {
  if (!isPostgresUrl(db)) return;
  throw new ParallaxError(
    'STORE',
    `${redactUrl(db.trim())}: ${what} cannot use a PostgreSQL library yet; with a postgres:// URL only ${POSTGRES_COMMANDS.map((c) => `"parallax ${c}"`).join(', ')} work so far — use a library file with --db FILE`,
  );
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
