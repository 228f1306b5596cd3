// SQLite failures as the one-line ParallaxError('STORE') the CLI prints: "<path>: what is wrong; what to do".
// better-sqlite3 reports the extended result code as a string ("SQLITE_IOERR_WRITE"), so the primary code
// is its first two words.

import { ParallaxError } from '../../errors.js';

/** A file that is not a Parallax database, worded the same whether SQLite or our own header check finds it. */
export function notADatabase(path: string, why = 'file is not a database'): ParallaxError {
  return new ParallaxError(
    'STORE',
    `${path}: is not a Parallax database (${why}); move it aside or use another --db`,
  );
}

function sqliteCode(err: unknown): string | null {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  return code.split('_').slice(0, 2).join('_');
}

/**
 * Turns whatever a SQLite call threw into a ParallaxError('STORE'). `doing` says what was under way when a
 * write failed ("the batch of 12 articles was not stored"), so the user knows what was lost and what was not.
 * Errors that are not SQLite's (a bug in our code) are passed through unchanged: hiding them as a store
 * problem would send the user to look at the wrong thing.
 */
export function storeError(path: string, err: unknown, doing?: string): unknown {
  if (err instanceof ParallaxError) return err;
  const code = sqliteCode(err);
  if (code === null) return err;
  const detail = (err as Error).message;
  const lost = doing ? `; ${doing}` : '';
  switch (code) {
    case 'SQLITE_NOTADB':
      return notADatabase(path);
    case 'SQLITE_CORRUPT':
      return new ParallaxError(
        'STORE',
        `${path}: the database is damaged (${detail}); move it aside or restore a backup, or use another --db`,
      );
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new ParallaxError(
        'STORE',
        `${path}: is locked by another process${lost}; wait for it to finish and retry, or use another --db`,
      );
    case 'SQLITE_FULL':
      return new ParallaxError(
        'STORE',
        `${path}: the disk is full or the database reached its size limit (${detail})${lost}; free some space and retry`,
      );
    case 'SQLITE_READONLY':
      return new ParallaxError(
        'STORE',
        `${path}: cannot write to the database (${detail})${lost}; check its permissions or use another --db`,
      );
    case 'SQLITE_CANTOPEN':
      return new ParallaxError(
        'STORE',
        `${path}: cannot open the database (${detail}); check that its folder exists and is writable, or use another --db`,
      );
    case 'SQLITE_IOERR':
      return new ParallaxError(
        'STORE',
        `${path}: reading or writing the database failed (${detail})${lost}; check the disk and retry`,
      );
    default:
      return new ParallaxError('STORE', `${path}: database error (${detail})${lost}`);
  }
}
