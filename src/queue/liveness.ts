// A worker killed with SIGKILL (or whose machine died) leaves its jobs locked: graphile-worker frees such
// jobs only after four hours. So each worker process holds a session-level advisory lock named after its
// worker pool for as long as it lives; the server drops the lock the moment the process's connection
// closes, as it does when the process dies. Every worker sweeps now and then: a pool that locks jobs but
// whose advisory lock is free is dead, and its jobs are unlocked for another worker to retry (measured with
// bench/queue-choice.ts: the job ran again 0.5 s after the kill, against four hours by default).
//
// A pool's lock is taken just after the pool starts, so a job it fetched in that moment could look
// orphaned: only jobs locked for longer than LIVENESS_GRACE_SECONDS are swept. Being wrong would cost a
// second run of the job, never a wrong library: jobs are idempotent and placement is serialised.

import type { WorkerUtils } from 'graphile-worker';
import pg from 'pg';
import { QUEUE_SCHEMA } from './jobs.js';

/** The first key of the advisory locks: "PXWK" read as ASCII, the second is hashtext(pool id). */
const LIVENESS_CLASS = 0x50584b57 | 0;
/** A job locked for less than this is never swept (its pool may not hold its lock yet). */
export const LIVENESS_GRACE_SECONDS = 10;
/** How often a lost liveness connection is tried again. */
const RETAKE_MS = 2000;

/**
 * Holds this pool's liveness lock on a connection of its own until release(). When that connection is
 * lost (the database restarted) the lock is taken again on a new one, every RETAKE_MS until it works.
 */
export async function holdLiveness(db: string, poolId: string): Promise<{ release(): Promise<void> }> {
  let released = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const take = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: db, application_name: `parallax worker ${poolId}` });
    // A lost connection is reported by the worker's other connections; this one is just taken again.
    next.on('error', () => {});
    next.on('end', () => {
      if (!released && client === next) again();
    });
    client = next;
    await next.connect();
    await next.query('SELECT pg_advisory_lock($1, hashtext($2))', [LIVENESS_CLASS, poolId]);
  };
  const again = () => {
    if (released || retry !== null) return;
    retry = setTimeout(() => {
      retry = null;
      take().catch(() => again());
    }, RETAKE_MS);
  };
  await take();
  return {
    async release() {
      released = true;
      if (retry !== null) clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}

/** Unlocks the jobs of pools whose process is gone; returns those pools' ids. */
export async function releaseDeadWorkers(
  pool: pg.Pool,
  utils: WorkerUtils,
  ownPoolId: string | null,
): Promise<string[]> {
  const { rows } = await pool.query<{ locked_by: string }>(
    `SELECT DISTINCT locked_by FROM ${QUEUE_SCHEMA}.jobs
     WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1)`,
    [LIVENESS_GRACE_SECONDS],
  );
  const dead: string[] = [];
  for (const { locked_by: poolId } of rows) {
    if (poolId === ownPoolId) continue;
    const client = await pool.connect();
    try {
      const { rows: got } = await client.query<{ free: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS free',
        [LIVENESS_CLASS, poolId],
      );
      if (got[0]?.free) {
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LIVENESS_CLASS, poolId]);
        dead.push(poolId);
      }
    } finally {
      client.release();
    }
  }
  if (dead.length > 0) await utils.forceUnlockWorkers(dead);
  return dead;
}
