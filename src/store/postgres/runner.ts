// How the PostgreSQL store talks to the server: a pool of connections for calls outside a transaction, one
// checked-out connection for everything inside one. Statements are prepared by name (a hash of their text):
// measured against the unprepared form on a loaded 2-core machine, 3,000 one-row lookups took 1.1–1.9 s
// prepared and 1.3–1.9 s unprepared with `pg`, and 0.6–3.0 s with postgres.js (which prepares implicitly),
// so prepared `pg` is as fast as the alternative while sharing the driver the job queues use.

import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResultRow } from 'pg';

export interface Runner {
  /** Runs one statement and returns its rows. */
  rows<R extends QueryResultRow>(text: string, values?: readonly unknown[]): Promise<R[]>;
  /** Runs `fn` atomically: in a transaction of its own, or as part of the one this runner is in. */
  atomic<T>(fn: (runner: Runner) => Promise<T>): Promise<T>;
  readonly inTransaction: boolean;
  /**
   * Inside a transaction: the articles it stored (by id), with their seq and whether it placed them since.
   * A seq never changes, and an article stored by an uncommitted transaction cannot be placed by another
   * (its row is invisible there), so placing one of these needs neither the id lookup nor the read of a
   * previous placement: two round trips per article of a batch.
   */
  readonly stored?: Map<string, StoredHere>;
}

export interface StoredHere {
  seq: number;
  placed: boolean;
}

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `px_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (names.size < 10_000) names.set(text, name);
  }
  return name;
}

/**
 * PostgreSQL text cannot hold U+0000, which SQLite stores without complaint: a page extracted with a stray
 * NUL ("Title\u0000") would fail its whole batch. Column copies (titles, texts for snippets, labels) get
 * U+FFFD instead; the article itself is kept as JSON, where NUL is escaped, and comes back exactly.
 */
function withoutNul(value: unknown): unknown {
  if (typeof value === 'string')
    return value.includes('\u0000') ? value.replaceAll('\u0000', '\ufffd') : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  return value;
}

async function run<R extends QueryResultRow>(
  target: Pool | PoolClient,
  text: string,
  values: readonly unknown[] = [],
): Promise<R[]> {
  const result = await target.query<R>({ name: statementName(text), text, values: values.map(withoutNul) });
  return result.rows;
}

export class ClientRunner implements Runner {
  readonly inTransaction = true;
  readonly stored = new Map<string, StoredHere>();
  constructor(readonly client: PoolClient) {}
  rows<R extends QueryResultRow>(text: string, values?: readonly unknown[]): Promise<R[]> {
    return run<R>(this.client, text, values);
  }
  atomic<T>(fn: (runner: Runner) => Promise<T>): Promise<T> {
    // Inside a transaction an error aborts the whole of it anyway, so there is nothing to add.
    return fn(this);
  }
}

export class PoolRunner implements Runner {
  readonly inTransaction = false;
  constructor(private readonly pool: Pool) {}
  rows<R extends QueryResultRow>(text: string, values?: readonly unknown[]): Promise<R[]> {
    return run<R>(this.pool, text, values);
  }
  async atomic<T>(fn: (runner: Runner) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, (client) => fn(new ClientRunner(client)));
  }
}

/** BEGIN … COMMIT on a pooled connection; ROLLBACK and rethrow when `fn` fails. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch {
      // A connection that cannot even roll back is not given back to the pool.
      broken = true;
    }
    throw err;
  } finally {
    client.release(broken);
  }
}
