// An annotation worker that fails on purpose: it prepares batches as the real one does (the compiled
// dist/src/library/prepare.js) and throws, uncaught, on a batch holding an article whose title says
// WORKER-CRASH — the shape of a worker that runs out of memory or trips over a bug.
import { parentPort } from 'node:worker_threads';
import { prepareArticle } from '../../dist/src/library/prepare.js';

parentPort?.on('message', (request) => {
  if (request.articles.some(({ article }) => article.title?.includes('WORKER-CRASH'))) {
    throw new Error('WORKER-CRASH: out of memory\n    at an invented frame');
  }
  const results = request.articles.map(({ article, id }) => prepareArticle(article, id));
  parentPort?.postMessage({ batch: request.batch, results });
});
