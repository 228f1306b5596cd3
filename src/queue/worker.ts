// `parallax worker`: takes jobs from the queue in the library's PostgreSQL database and does them, several
// at a time, until stopped. An article job is what `parallax ingest` does for one article (clean, skip if
// stored, annotate, place in a story, in ingest.ts): annotation runs in parallel, placement one batch at a
// time across all workers (store/placement-lock.ts). A retried job is harmless: an article already stored
// (same canonical URL or content hash) is not stored or placed again.

import { EventEmitter } from 'node:events';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type JobHelpers, makeWorkerUtils, type Runner, run, type Task } from 'graphile-worker';
import pg from 'pg';
import type { Config } from '../config.js';
import { ParallaxError } from '../errors.js';
import type { IngestItem } from '../ingest/index.js';
import { type Annotator, defaultJobs, inProcessAnnotator, workerAnnotator } from '../library/annotator.js';
import { type IngestHooks, ingestIntoLibrary } from '../library/ingest.js';
import type { RawArticle } from '../model/article.js';
import type { AsyncStore } from '../store/async-store.js';
import { redactUrl } from '../store/postgres/errors.js';
import { openPgStore } from '../store/postgres/pg-store.js';
import { BatchPlacer } from './batch-placer.js';
import { articlePayload, fetchPayload, MAX_ATTEMPTS, QUEUE_SCHEMA, RefusedJob, TASKS } from './jobs.js';
import { holdLiveness, releaseDeadWorkers } from './liveness.js';
import { lineLogger } from './log.js';

/** How often a worker looks for jobs of dead workers (liveness.ts) and, without notifications, new jobs. */
const SWEEP_MS = 5000;
const POLL_MS = 2000;

export interface WorkerOptions {
  /** Jobs at once in this process. */
  concurrency: number;
  /** Annotation threads; default: one job at a time annotates in this thread, more use min(concurrency, cores−1). */
  jobs?: number | null;
  config: Config;
  /** One line per finished, refused or failed job, and the queue's warnings. */
  log: (line: string) => void;
}

export interface WorkerRun {
  /** Finishes the running jobs (or, past graphile-worker's grace period, hands them back) and closes. */
  stop(): Promise<void>;
  /** Settles when the worker has stopped. */
  readonly done: Promise<void>;
}

export async function startWorker(db: string, options: WorkerOptions): Promise<WorkerRun> {
  const where = redactUrl(db);
  // The library first: a database of a newer Parallax or of another program is refused before any job runs.
  const store = await openPgStore(db);
  const annotator: Annotator =
    options.concurrency === 1 && (options.jobs ?? null) === null
      ? inProcessAnnotator()
      : (workerAnnotator({ jobs: options.jobs ?? Math.min(options.concurrency, defaultJobs()) }) ??
        inProcessAnnotator());
  const pool = new pg.Pool({ connectionString: db, max: options.concurrency + 2 });
  // An idle connection the server dropped (a restart) must not end the process; the next query reconnects.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const utils = await makeWorkerUtils({
    pgPool: pool,
    schema: QUEUE_SCHEMA,
    logger: lineLogger(options.log),
  });
  await utils.migrate();
  // The articles of this process's jobs that finish annotating while a batch places go in as the next batch.
  const placer = new BatchPlacer(store);

  const taskList: Record<string, Task> = {
    [TASKS.article]: (payload, helpers) =>
      guarded(helpers, options.log, () => articleJob(store, annotator, placer, payload, helpers, options)),
    [TASKS.fetch]: (payload, helpers) => guarded(helpers, options.log, () => fetchJob(payload, helpers)),
  };
  const events = new EventEmitter();
  let poolId: string | null = null;
  const liveness: Promise<{ release(): Promise<void> } | null>[] = [];
  events.on('pool:create', ({ workerPool }: { workerPool: { id: string } }) => {
    poolId = workerPool.id;
    liveness.push(
      holdLiveness(db, workerPool.id).catch((err: Error) => {
        // Without it a killed worker's jobs wait for graphile-worker's four hours; the work itself is fine.
        options.log(`liveness lock not taken (${err.message}); jobs of this worker, if it dies, wait longer`);
        return null;
      }),
    );
  });
  const runner: Runner = await run({
    pgPool: pool,
    schema: QUEUE_SCHEMA,
    concurrency: options.concurrency,
    noHandleSignals: true,
    pollInterval: POLL_MS,
    logger: lineLogger(options.log),
    events,
    taskList,
    // The jobs of one placement batch end together: their completions go to the database as one statement
    // (one commit) instead of one each. Delay 0 gathers what completes in the same turn of the event loop,
    // so no job stays locked longer than that.
    preset: { worker: { completeJobBatchDelay: 0 } },
  });
  const sweep = async () => {
    try {
      const dead = await releaseDeadWorkers(pool, utils, poolId);
      if (dead.length > 0)
        options.log(
          `jobs of ${dead.length} stopped worker${dead.length === 1 ? '' : 's'} handed back for retry`,
        );
    } catch {
      // The database is away: the jobs' own retries say so; the next sweep tries again.
    }
  };
  await sweep();
  const sweeping = setInterval(() => void sweep(), SWEEP_MS);
  options.log(
    `worker on ${where}: ${options.concurrency} job${options.concurrency === 1 ? '' : 's'} at once`,
  );

  let stopping: Promise<void> | null = null;
  const done = runner.promise.finally(async () => {
    clearInterval(sweeping);
    for (const held of liveness) await (await held.catch(() => null))?.release();
    await utils.release();
    await pool.end().catch(() => {});
    await annotator.close();
    await store.close();
  });
  return {
    done,
    stop() {
      stopping ??= runner.stop().then(() => done);
      return stopping;
    },
  };
}

/**
 * A job's outcome as one line; a refused job is failed for good (its reason kept in the queue), a lost
 * database is said plainly with the wait before the next attempt.
 */
async function guarded(helpers: JobHelpers, log: (line: string) => void, work: () => Promise<string>) {
  const { job } = helpers;
  try {
    log(`job ${job.id}: ${await work()}`);
  } catch (err) {
    const reason = ((err as Error).message ?? String(err)).split('\n')[0] ?? '';
    if (err instanceof RefusedJob) {
      // attempts was counted when the job was taken: no attempt is left, and the reason is kept.
      await helpers.query(`UPDATE ${QUEUE_SCHEMA}._private_jobs SET max_attempts = attempts WHERE id = $1`, [
        job.id,
      ]);
      log(`job ${job.id} refused: ${reason}`);
    } else if (job.attempts >= job.max_attempts) {
      log(`job ${job.id} failed after ${job.attempts} attempts: ${reason}`);
    } else {
      const wait = Math.round(Math.exp(Math.min(job.attempts, 10)));
      log(
        databaseUnavailable(err)
          ? `database unavailable, retrying in ${wait}s: ${reason}`
          : `job ${job.id} failed (attempt ${job.attempts} of ${job.max_attempts}), retrying in ${wait}s: ${reason}`,
      );
    }
    throw err;
  }
}

function databaseUnavailable(err: unknown): boolean {
  if (err instanceof ParallaxError)
    return /cannot reach the PostgreSQL server|connection to the PostgreSQL server was lost/.test(
      err.message,
    );
  const code = (err as { code?: unknown }).code;
  return (
    (typeof code === 'string' && /^(08|57P0)|^ECONN|^EPIPE/.test(code)) ||
    /Connection terminated/i.test((err as Error).message ?? '')
  );
}

async function articleJob(
  store: AsyncStore,
  annotator: Annotator,
  placer: BatchPlacer,
  payload: unknown,
  helpers: JobHelpers,
  options: WorkerOptions,
): Promise<string> {
  const { raw } = articlePayload(payload);
  let refusal: string | null = null;
  // How long the job took, and how much of it was the placement transaction (waiting for the placement
  // lock included): with several workers, placement is the part that does not run in parallel.
  const started = performance.now();
  let placing = 0;
  let placingFrom = 0;
  let together = 1;
  const test = testHooks(helpers);
  const hooks: IngestHooks = {
    async beforeTransaction() {
      await test?.beforeTransaction?.();
      placingFrom = performance.now();
    },
    async beforeCommit() {
      placing += performance.now() - placingFrom;
      await test?.beforeCommit?.();
    },
  };
  const summary = await ingestIntoLibrary(store, [], options.config, {
    extra: once({ ok: true, raw }),
    annotator,
    batchSize: 1,
    // The calibration check is measured when the library has grown enough (inside the batches); measuring
    // it again after every single-article job would cost more than the job.
    measureAtEnd: false,
    onRefusal: (input, reason) => {
      refusal = `${input}: ${reason}`;
    },
    hooks,
    placer: async (prepared, batchHooks) => {
      const placed = await placer.submit(prepared, batchHooks);
      together = placed.together;
      return placed;
    },
  });
  if (refusal !== null) throw new RefusedJob(refusal);
  const placed = summary.placed[0];
  if (!placed) return `${raw.source}: already stored`;
  const how = placed.duplicateOf
    ? `near-duplicate of ${placed.duplicateOf}`
    : placed.created
      ? 'new story'
      : 'joined';
  const batch = together === 1 ? '' : ` with ${together - 1} other job${together === 2 ? '' : 's'}`;
  const ms = `${Math.round(performance.now() - started)} ms, placement ${Math.round(placing)} ms${batch}`;
  return `${raw.source}: stored as ${placed.articleId}, story ${placed.storyId} (${how}; ${ms})`;
}

async function fetchJob(payload: unknown, helpers: JobHelpers): Promise<string> {
  const job = fetchPayload(payload);
  const { Fetcher } = await import('../fetch/fetcher.js');
  const { FetchError } = await import('../fetch/http-client.js');
  const { fetchArticle } = await import('../fetch/web-article.js');
  const fetcher = new Fetcher({ allowPrivate: job.allowPrivate, ignoreRobots: job.ignoreRobots });
  let raw: RawArticle;
  try {
    raw = await fetchArticle(fetcher, job.url);
  } catch (err) {
    // A 404, robots.txt or a page that is not an article fails for good; a 503 or a timeout is retried.
    if (err instanceof FetchError && !err.retryable) throw new RefusedJob(`${job.url}: ${err.reason}`);
    if (err instanceof FetchError) throw new Error(`${job.url}: ${err.reason}`, { cause: err });
    throw err;
  }
  if (job.facts) {
    // The feed's facts where the page has none (as `watch` without --queue does).
    const meta = { ...raw.meta };
    meta.title ??= job.facts.title ?? null;
    meta.published ??= job.facts.published ?? null;
    meta.author ??= job.facts.author ?? null;
    meta.outlet ??= job.facts.outlet ?? null;
    raw = { ...raw, meta };
  }
  await helpers.addJob(TASKS.article, { raw }, { maxAttempts: MAX_ATTEMPTS });
  return `${job.url}: fetched, article job enqueued`;
}

async function* once(item: IngestItem): AsyncGenerator<IngestItem> {
  yield item;
}

/**
 * For the tests only, two environment variables stop jobs at fixed points:
 * - PARALLAX_TEST_HOLD_DIR: a job stops inside its placement transaction (the article stored, the
 *   placement lock held, nothing committed), writes `held-<job id>` there and waits until a file `release`
 *   appears, so a test can kill the process at that exact point;
 * - PARALLAX_TEST_BARRIER_DIR with PARALLAX_TEST_BARRIER_COUNT=N: a job about to place writes
 *   `at-<job id>` there and waits until N such files exist, so N jobs reach placement at the same moment
 *   (in N workers, or in one worker running N jobs at once, which then places them in one batch after the
 *   first).
 */
let barrierPassed: Promise<void> | null = null;

function testHooks(helpers: JobHelpers): IngestHooks | undefined {
  const hold = process.env.PARALLAX_TEST_HOLD_DIR;
  const barrier = process.env.PARALLAX_TEST_BARRIER_DIR;
  const count = Number(process.env.PARALLAX_TEST_BARRIER_COUNT ?? 0);
  if (!hold && !barrier) return undefined;
  const waitFor = async (ready: () => boolean) => {
    while (!ready()) await delay(50);
  };
  return {
    beforeTransaction: barrier
      ? async () => {
          writeFileSync(join(barrier, `at-${helpers.job.id}`), `${process.pid}\n`);
          // One wait for all of this process's jobs: they go on in the same turn of the event loop, so
          // that they reach the batch placer together.
          barrierPassed ??= waitFor(
            () => readdirSync(barrier).filter((f) => f.startsWith('at-')).length >= count,
          );
          await barrierPassed;
        }
      : undefined,
    beforeCommit: hold
      ? async () => {
          writeFileSync(join(hold, `held-${helpers.job.id}`), `${process.pid}\n`);
          await waitFor(() => existsSync(join(hold, 'release')));
        }
      : undefined,
  };
}
