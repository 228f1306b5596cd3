// The bench's pool worker: the annotate stage alone, as the one-thread 'annotate' row runs it after
// cleaning, so the two rows time the same work. The annotated articles are posted back, as ingest's
// worker posts its results (that copy is part of what a pool costs). Ingest's own worker
// (src/library/annotate-worker.ts) also computes each article's story features and near-duplicate keys.
import { parentPort } from 'node:worker_threads';
import type { WorkerRequest } from '../src/library/annotate-worker.js';
import { annotate } from '../src/pipeline/annotate-stage.js';
import { bareContext, runStage } from '../src/pipeline/stage.js';

parentPort?.on('message', (request: WorkerRequest) => {
  const results = request.articles.map(({ article }) => {
    const annotated = runStage(annotate, article, bareContext());
    return 'refused' in annotated
      ? { ok: false, source: article.source, reason: annotated.refused }
      : { ok: true, article: annotated };
  });
  parentPort?.postMessage({ batch: request.batch, results });
});
