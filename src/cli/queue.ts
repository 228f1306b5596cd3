// The queue commands: `ingest --queue` (enqueue instead of ingesting), `worker` (do the queued jobs until
// stopped) and `queue` (list the jobs, retry failures). All need the library's PostgreSQL database.

import { ParallaxError } from '../errors.js';
import type { RawArticle } from '../model/article.js';
import { requireQueueDb } from '../queue/queue.js';
import { redactUrl } from '../store/postgres/errors.js';
import type { Invocation } from './args.js';
import type { Io } from './output.js';

/** Articles read before they are enqueued together (one statement per chunk). */
const ENQUEUE_BATCH = 500;
const isUrlInput = (input: string): boolean => /^https?:\/\//i.test(input);
/**
 * Jobs a worker runs at once by default. Its jobs annotate in one thread while earlier ones place, and all
 * that finished meanwhile are placed in one transaction (queue/batch-placer.ts), so more jobs in flight
 * make larger batches. 1,000 allsides articles, one worker, loaded 2-core machine, back to back:
 * --concurrency 1 ≈ 1.7–1.9 articles/s (200-article runs), 4: 4.5/s (batches of 2.1 jobs), 16: 6.3/s
 * (batches of 8.1; 394 MB peak).
 */
const DEFAULT_CONCURRENCY = 16;

export async function enqueueCommand(invocation: Invocation, io: Io): Promise<number> {
  const db = requireQueueDb(invocation.db, 'parallax ingest --queue');
  const where = redactUrl(db);
  const { openPgStore } = await import('../store/postgres/pg-store.js');
  const { openQueue } = await import('../queue/queue.js');
  const { ingest } = await import('../ingest/index.js');
  // Opening the library first migrates it, and refuses a database of a newer Parallax or another program.
  await (await openPgStore(db)).close();
  const queue = await openQueue(db);
  let articles = 0;
  let fetches = 0;
  let refused = 0;
  try {
    const urls = invocation.positionals.filter(isUrlInput);
    const files = invocation.positionals.filter((p) => !isUrlInput(p));
    fetches = await queue.enqueueFetches(
      urls.map((url) => ({
        url,
        allowPrivate: invocation.allowPrivate,
        ignoreRobots: invocation.ignoreRobots,
      })),
    );
    let pending: RawArticle[] = [];
    if (files.length > 0) {
      for await (const item of ingest(files, invocation.config, io.stdin)) {
        if (!item.ok) {
          refused++;
          io.stderr(`parallax: ${item.input}: ${item.reason}`);
          continue;
        }
        pending.push(item.raw);
        if (pending.length >= ENQUEUE_BATCH) {
          articles += await queue.enqueueArticles(pending);
          pending = [];
        }
      }
    }
    articles += await queue.enqueueArticles(pending);
  } finally {
    await queue.close();
  }
  if (invocation.format === 'json') {
    io.stdout(`${JSON.stringify({ db: where, enqueued: { articles, fetches }, refused }, null, 2)}\n`);
  } else {
    const parts = [`${articles} article${articles === 1 ? '' : 's'}`];
    if (fetches > 0) parts.push(`${fetches} address${fetches === 1 ? '' : 'es'} to fetch`);
    const tail = refused > 0 ? `; ${refused} refused` : '';
    io.stderr(`parallax: ${where}: ${parts.join(' and ')} enqueued for "parallax worker"${tail}`);
  }
  return articles + fetches > 0 ? 0 : 1;
}

export async function workerCommand(invocation: Invocation, io: Io): Promise<number> {
  if (invocation.positionals.length > 0)
    throw new ParallaxError(
      'USAGE',
      `worker takes no inputs (got "${invocation.positionals[0]}"); queue them with "parallax ingest --queue"`,
    );
  const db = requireQueueDb(invocation.db, 'parallax worker');
  const { startWorker } = await import('../queue/worker.js');
  const log = (line: string) => io.stderr(`parallax worker: ${line}`);
  const worker = await startWorker(db, {
    concurrency: invocation.concurrency ?? DEFAULT_CONCURRENCY,
    jobs: invocation.jobs,
    config: invocation.config,
    log,
  });
  const stop = (signal: string) => {
    log(`${signal}: finishing the running jobs, then stopping (again to stop at once)`);
    void worker.stop();
    process.once(signal, () => process.exit(130));
  };
  const onInt = () => stop('SIGINT');
  const onTerm = () => stop('SIGTERM');
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);
  try {
    await worker.done;
  } catch (err) {
    // graphile-worker gives up when it cannot record a job's outcome for a while (the database away for
    // long): exit non-zero, so whatever supervises the worker starts it again.
    log(`stopped: ${((err as Error).message ?? String(err)).split('\n')[0]}`);
    return 1;
  } finally {
    process.removeListener('SIGINT', onInt);
    process.removeListener('SIGTERM', onTerm);
  }
  log('stopped');
  return 0;
}

export async function queueCommand(invocation: Invocation, io: Io): Promise<number> {
  const [action = 'list', ...rest] = invocation.positionals;
  const db = requireQueueDb(invocation.db, `parallax queue ${action}`);
  const { queueState, retryFailed } = await import('../queue/state.js');
  if (action === 'retry') {
    const id = rest[0];
    if ((id === undefined) === !invocation.all)
      throw new ParallaxError('USAGE', 'queue retry takes a job id or --all (one of the two)');
    const n = await retryFailed(db, id);
    io.stderr(`parallax: ${redactUrl(db)}: ${n} failed job${n === 1 ? '' : 's'} queued again`);
    return 0;
  }
  if (action !== 'list' || rest.length > 0)
    throw new ParallaxError(
      'USAGE',
      `queue takes "list" or "retry (--all|ID)"; got "${invocation.positionals.join(' ')}"`,
    );
  const state = await queueState(db, invocation.limit ?? 50);
  if (invocation.format === 'json') {
    io.stdout(`${JSON.stringify(state, null, 2)}\n`);
    return 0;
  }
  const { counts } = state;
  io.stdout(
    `${counts.waiting} waiting, ${counts.retrying} waiting to retry, ${counts.running} running, ${counts.failed} failed\n`,
  );
  for (const job of state.jobs) {
    const reason = job.reason ? ` — ${job.reason}` : '';
    const tries = job.attempts > 0 ? ` (attempt ${job.attempts} of ${job.maxAttempts})` : '';
    io.stdout(`${job.id}\t${job.status}\t${job.kind}\t${job.input}${tries}${reason}\n`);
  }
  return 0;
}
