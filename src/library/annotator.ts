// Runs prepareArticle over batches, in a worker thread when the compiled worker is available, otherwise in
// this thread. Ingest on a two-core machine spends about as long annotating as writing and clustering, so
// with the worker the two overlap: the worker annotates batch n+1 while the main thread commits batch n.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../model/article.js';
import type { WorkerRequest } from './annotate-worker.js';
import type { PrepareResult } from './prepare.js';

export interface Annotator {
  prepare(articles: { article: Article; id: string }[]): Promise<PrepareResult[]>;
  close(): Promise<void>;
}

export function inProcessAnnotator(): Annotator {
  return {
    async prepare(articles) {
      // Loaded on first use: the language models cost memory and a second to load.
      const { prepareArticle } = await import('./prepare.js');
      return articles.map(({ article, id }) => prepareArticle(article, id));
    },
    close: async () => {},
  };
}

/**
 * A worker-thread annotator, or null when there is no compiled worker next to this module (running from
 * TypeScript sources, as the unit tests do): the caller then annotates in its own thread.
 */
export function workerAnnotator(): Annotator | null {
  const url = new URL('./annotate-worker.js', import.meta.url);
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return null;
  const worker = new Worker(url);
  // The worker must not keep the process alive on its own once ingest is done or has failed.
  worker.unref();
  const waiting = new Map<number, { resolve: (r: PrepareResult[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failed: Error | null = null;
  const failAll = (err: Error) => {
    failed = err;
    for (const { reject } of waiting.values()) reject(err);
    waiting.clear();
  };
  worker.on('message', (message: { batch: number; results: PrepareResult[] }) => {
    const entry = waiting.get(message.batch);
    waiting.delete(message.batch);
    entry?.resolve(message.results);
  });
  worker.on('error', (err) => failAll(new Error(`the annotation worker failed: ${err.message}`)));
  worker.on('exit', (code) => {
    if (waiting.size > 0) failAll(new Error(`the annotation worker stopped (exit code ${code})`));
  });
  return {
    prepare(articles) {
      if (failed) return Promise.reject(failed);
      const batch = next++;
      return new Promise((resolve, reject) => {
        waiting.set(batch, { resolve, reject });
        worker.postMessage({ batch, articles } satisfies WorkerRequest);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
