// A worker thread behind annotator.ts: prepares each batch it is sent and posts the results back.
import { parentPort } from 'node:worker_threads';
import type { Article } from '../model/article.js';
import { type PrepareResult, prepareArticle } from './prepare.js';

export interface WorkerRequest {
  batch: number;
  articles: { article: Article; id: string }[];
}

export interface WorkerResponse {
  batch: number;
  results: PrepareResult[];
}

parentPort?.on('message', (request: WorkerRequest) => {
  const results = request.articles.map(({ article, id }) => prepareArticle(article, id));
  parentPort?.postMessage({ batch: request.batch, results } satisfies WorkerResponse);
});
