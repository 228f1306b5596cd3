// Runs prepareArticle over batches, in a pool of worker threads when the compiled worker is available,
// otherwise in this thread. The workers annotate batch n+1 (and more, one batch per worker) while the main
// thread commits batch n. Each batch's results
// come back on its own promise, and ingest commits them in the order it sent them, so what is stored is
// the same for any number of workers.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../model/article.js';
import type { WorkerRequest, WorkerResponse } from './annotate-worker.js';
import type { PrepareResult } from './prepare.js';

export interface Annotator {
  prepare(articles: { article: Article; id: string }[]): Promise<PrepareResult[]>;
  close(): Promise<void>;
  /** Batches it annotates at once: a caller that keeps this many waiting keeps every worker busy. */
  readonly capacity: number;
}

export function inProcessAnnotator(): Annotator {
  return {
    async prepare(articles) {
      // Loaded on first use: the language models cost memory and a second to load.
      const { prepareArticle } = await import('./prepare.js');
      return articles.map(({ article, id }) => prepareArticle(article, id));
    },
    close: async () => {},
    capacity: 1,
  };
}

/**
 * Worker threads by default: one per core less one, at least one. The main thread (clean, place, the
 * second pass, SQLite) is the bottleneck of a library ingest: all 37,554 allsides articles on a quiet
 * two-core machine took 16.6 min with one worker and 17.5 min with two, the main thread busy 720 s and
 * 783 s, and the second worker's models raised the peak from 2,045 MB to 2,393 MB (`npm run bench --
 * --suite library [--jobs N]`, bench/RESULTS.md). The workers wait when the main thread falls behind
 * (ingest keeps only as many batches annotating as there are workers).
 */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism() - 1);
}

export interface WorkerAnnotatorOptions {
  /** Worker threads at most (default: defaultJobs()); each loads its own language models (~150 MB). */
  jobs?: number;
  /** The worker script; tests point it at the compiled one, or at one that fails on purpose. */
  workerUrl?: URL;
}

interface Job {
  request: WorkerRequest;
  resolve: (results: PrepareResult[]) => void;
  reject: (err: Error) => void;
}

interface Lane {
  worker: Worker;
  /** The job this worker is annotating, or null when it is idle. */
  job: Job | null;
  number: number;
}

/**
 * A pool of worker-thread annotators, or null when there is no compiled worker next to this module
 * (running from TypeScript sources, as the unit tests do): the caller then annotates in its own thread.
 * Workers start only when there is a batch for them (a one-article ingest loads the models once), and
 * each takes the next waiting batch when it is done. If a worker fails, its batch and every batch still
 * waiting are rejected with one line saying so, later batches are refused, and the batches other
 * workers are annotating still complete: the caller keeps whatever it committed.
 */
export function workerAnnotator(options: WorkerAnnotatorOptions = {}): Annotator | null {
  const url = options.workerUrl ?? new URL('./annotate-worker.js', import.meta.url);
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return null;
  const jobs = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
  const lanes: Lane[] = [];
  const queue: Job[] = [];
  let next = 0;
  let failed: Error | null = null;
  let closing = false;

  const fail = (lane: Lane, reason: string) => {
    if (closing) return;
    const where = jobs > 1 ? ` ${lane.number} of ${jobs}` : '';
    const first = lane.job?.request.articles[0]?.article.source;
    const err = new Error(
      `the annotation worker${where} ${reason}${first ? ` (batch starting with ${first})` : ''}`,
    );
    failed ??= err;
    lane.job?.reject(err);
    lane.job = null;
    for (const job of queue.splice(0)) job.reject(failed);
    lanes.splice(lanes.indexOf(lane), 1);
  };

  const startLane = (): Lane => {
    const worker = new Worker(url);
    // The workers must not keep the process alive on their own once ingest is done or has failed.
    worker.unref();
    const lane: Lane = { worker, job: null, number: lanes.length + 1 };
    worker.on('message', (message: WorkerResponse) => {
      const job = lane.job;
      lane.job = null;
      if (job && job.request.batch === message.batch) job.resolve(message.results);
      dispatch();
    });
    // A worker's message can span lines (a stack); the reason keeps its first line.
    worker.on('error', (err) => fail(lane, `failed: ${firstLine(err.message)}`));
    worker.on('exit', (code) => {
      if (lane.job || lanes.includes(lane)) fail(lane, `stopped (exit code ${code})`);
    });
    lanes.push(lane);
    return lane;
  };

  const dispatch = () => {
    while (queue.length > 0 && !failed) {
      const lane = lanes.find((l) => l.job === null) ?? (lanes.length < jobs ? startLane() : null);
      if (!lane) return;
      const job = queue.shift() as Job;
      lane.job = job;
      lane.worker.postMessage(job.request);
    }
  };

  return {
    capacity: jobs,
    prepare(articles) {
      if (failed) return Promise.reject(failed);
      const batch = next++;
      return new Promise((resolve, reject) => {
        queue.push({ request: { batch, articles }, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closing = true;
      await Promise.all(lanes.splice(0).map((lane) => lane.worker.terminate()));
    },
  };
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0]?.trim() || 'unknown error';
}
