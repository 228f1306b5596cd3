// PostgreSQL failures as the one-line ParallaxError('STORE') the CLI prints, worded like SQLite's
// (sqlite/errors.ts): "<where>: what is wrong; what to do". <where> is the URL without its password, so a
// message can be pasted into an issue. The driver reports the server's SQLSTATE as `code` (28P01 wrong
// password, 3D000 no such database, 42501 permission denied) and a socket failure as a Node error code
// (ECONNREFUSED).

import { ParallaxError } from '../../errors.js';

/** A postgres:// URL as messages show it: the password replaced by "***". */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const LOST_CODES = new Set(['ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03']);

function codeOf(err: unknown): string | null {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : null;
}

function detailOf(err: unknown): string {
  // Node reports a host name that resolves to several addresses (localhost: ::1 and 127.0.0.1) refusing
  // on all of them as an AggregateError with an empty message; its first error says what happened.
  const first = err instanceof AggregateError ? (err.errors[0] as unknown) : undefined;
  const message =
    err instanceof Error && err.message !== ''
      ? err.message
      : first instanceof Error
        ? first.message
        : String(err);
  return message.replace(/\s+/g, ' ').trim();
}

/** Whether the error is the driver's or the server's (as opposed to a bug in our code). */
function fromPostgres(err: unknown): boolean {
  const code = codeOf(err);
  if (code !== null && (/^[0-9A-Z]{5}$/.test(code) || NETWORK_CODES.has(code) || LOST_CODES.has(code)))
    return true;
  // The driver's own connection errors carry no code.
  return (
    err instanceof Error &&
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(err.message)
  );
}

/**
 * Turns whatever a PostgreSQL call threw into a ParallaxError('STORE'). `doing` says what was lost when a
 * write failed. Errors that are not PostgreSQL's pass through unchanged (see sqlite/errors.ts for why).
 */
export function pgStoreError(where: string, err: unknown, doing?: string): unknown {
  if (err instanceof ParallaxError) return err;
  if (!fromPostgres(err)) return err;
  const code = codeOf(err) ?? '';
  const detail = detailOf(err);
  const lost = doing ? `; ${doing}` : '';
  if (NETWORK_CODES.has(code)) {
    return new ParallaxError(
      'STORE',
      `${where}: cannot reach the PostgreSQL server (${detail}); check that it is running and the URL's host and port, or use another --db`,
    );
  }
  if (LOST_CODES.has(code) || code === '' || code.startsWith('08')) {
    return new ParallaxError(
      'STORE',
      `${where}: the connection to the PostgreSQL server was lost (${detail})${lost}; retry when the server is back`,
    );
  }
  switch (code) {
    case '28P01':
    case '28000':
      return new ParallaxError(
        'STORE',
        `${where}: the server refused the login (${detail}); check the user and password in the URL, or use another --db`,
      );
    case '3D000':
      return new ParallaxError(
        'STORE',
        `${where}: the database does not exist (${detail}); create it (createdb) or use another --db`,
      );
    case '42501':
      return new ParallaxError(
        'STORE',
        `${where}: permission denied (${detail})${lost}; grant the user rights on the database, or use another --db`,
      );
    case '53100':
      return new ParallaxError(
        'STORE',
        `${where}: the server's disk is full (${detail})${lost}; free some space and retry`,
      );
    case '40001':
    case '40P01':
      return new ParallaxError(
        'STORE',
        `${where}: the write conflicted with another process (${detail})${lost}; retry`,
      );
    default:
      return new ParallaxError('STORE', `${where}: database error (${detail})${lost}`);
  }
}
