// What the queue holds, for `parallax queue` and the web app's queue page: jobs waiting (with those that
// failed before and wait for their next attempt), running (locked by a worker), and failed (out of
// attempts), each failure with its reason; and retrying failed jobs. Read from graphile-worker's public
// `jobs` view in the parallax_queue schema.

import pg from 'pg';
import { ParallaxError } from '../errors.js';
import { pgStoreError, redactUrl } from '../store/postgres/errors.js';
import { MAX_ATTEMPTS, QUEUE_SCHEMA, TASKS } from './jobs.js';

export type JobKind = 'fetch' | 'article' | 'other';
export type JobStatus = 'waiting' | 'retrying' | 'running' | 'failed';

export interface QueuedJob {
  id: string;
  kind: JobKind;
  status: JobStatus;
  /** The URL of a fetch job, the source (file#record or URL) of an article job. */
  input: string;
  attempts: number;
  maxAttempts: number;
  /** The last failure's first line (retrying and failed jobs). */
  reason: string | null;
  /** When it runs next (waiting, retrying), or when a worker took it (running). */
  at: string;
  createdAt: string;
}

export interface QueueState {
  counts: Record<JobStatus, number>;
  /** Running, then failed, then retrying, then waiting; at most `limit` jobs. */
  jobs: QueuedJob[];
}

/** A database the caller holds (a pool the server keeps) or a postgres:// URL opened for this call. */
export type QueueDb = pg.Pool | string;

async function withDb<T>(db: QueueDb, doing: string, fn: (q: pg.Pool | pg.Client) => Promise<T>): Promise<T> {
  const where = typeof db === 'string' ? redactUrl(db) : 'the queue';
  const client = typeof db === 'string' ? new pg.Client({ connectionString: db }) : null;
  try {
    if (client) await client.connect();
    return await fn(client ?? (db as pg.Pool));
  } catch (err) {
    // No queue yet (no job was ever enqueued into this database): an empty queue.
    if ((err as { code?: string }).code === '42P01') throw new NoQueue();
    throw pgStoreError(where, err, doing);
  } finally {
    await client?.end().catch(() => {});
  }
}

class NoQueue extends Error {}

const KINDS: Record<string, JobKind> = { [TASKS.fetch]: 'fetch', [TASKS.article]: 'article' };

const STATUS_SQL = `CASE
  WHEN locked_by IS NOT NULL THEN 'running'
  WHEN attempts >= max_attempts THEN 'failed'
  WHEN last_error IS NOT NULL AND attempts > 0 THEN 'retrying'
  ELSE 'waiting' END`;

export async function queueState(db: QueueDb, limit = 100): Promise<QueueState> {
  const counts: Record<JobStatus, number> = { waiting: 0, retrying: 0, running: 0, failed: 0 };
  try {
    return await withDb(db, 'the queue could not be read', async (q) => {
      const grouped = await q.query<{ status: JobStatus; n: string }>(
        `SELECT ${STATUS_SQL} AS status, count(*) AS n FROM ${QUEUE_SCHEMA}.jobs GROUP BY 1`,
      );
      for (const row of grouped.rows) counts[row.status] = Number(row.n);
      const listed = await q.query<{
        id: string;
        task_identifier: string;
        status: JobStatus;
        input: string | null;
        attempts: number;
        max_attempts: number;
        last_error: string | null;
        at: Date;
        created_at: Date;
      }>(
        `SELECT id::text, task_identifier, ${STATUS_SQL} AS status,
           (SELECT coalesce(p.payload->>'url', p.payload->'raw'->>'source')
              FROM ${QUEUE_SCHEMA}._private_jobs p WHERE p.id = jobs.id) AS input,
           attempts, max_attempts, last_error, coalesce(locked_at, run_at) AS at, created_at
         FROM ${QUEUE_SCHEMA}.jobs
         ORDER BY CASE ${STATUS_SQL} WHEN 'running' THEN 0 WHEN 'failed' THEN 1 WHEN 'retrying' THEN 2 ELSE 3 END, id
         LIMIT $1`,
        [limit],
      );
      return {
        counts,
        jobs: listed.rows.map((r) => ({
          id: r.id,
          kind: KINDS[r.task_identifier] ?? 'other',
          status: r.status,
          input: r.input ?? '',
          attempts: r.attempts,
          maxAttempts: r.max_attempts,
          reason: r.last_error === null ? null : (r.last_error.split('\n')[0] ?? ''),
          at: r.at.toISOString(),
          createdAt: r.created_at.toISOString(),
        })),
      };
    });
  } catch (err) {
    if (err instanceof NoQueue) return { counts, jobs: [] };
    throw err;
  }
}

/**
 * Puts failed jobs back to run now with fresh attempts: one by id, or every failed job. Returns how many;
 * an id that names no failed job is refused in one line.
 */
export async function retryFailed(db: QueueDb, id?: string): Promise<number> {
  if (id !== undefined && !/^\d+$/.test(id))
    throw new ParallaxError('USAGE', `job "${id}": a job id is a number, as "parallax queue list" shows it`);
  try {
    return await withDb(db, 'no job was retried', async (q) => {
      // The job's own columns through graphile-worker's reschedule function, as WorkerUtils.rescheduleJobs
      // does: locked jobs are left alone.
      const failed = await q.query<{ id: string }>(
        `SELECT id::text FROM ${QUEUE_SCHEMA}.jobs
         WHERE locked_by IS NULL AND attempts >= max_attempts ${id === undefined ? '' : 'AND id = $1'}`,
        id === undefined ? [] : [id],
      );
      if (id !== undefined && failed.rows.length === 0)
        throw new ParallaxError(
          'USAGE',
          `job ${id}: no failed job has this id; "parallax queue list" shows them`,
        );
      if (failed.rows.length === 0) return 0;
      const done = await q.query(
        `SELECT * FROM ${QUEUE_SCHEMA}.reschedule_jobs($1::bigint[], run_at := now(), attempts := 0, max_attempts := $2)`,
        [failed.rows.map((r) => r.id), MAX_ATTEMPTS],
      );
      return done.rowCount ?? 0;
    });
  } catch (err) {
    if (err instanceof NoQueue) {
      if (id !== undefined)
        throw new ParallaxError('USAGE', `job ${id}: no failed job has this id; the queue is empty`);
      return 0;
    }
    throw err;
  }
}
