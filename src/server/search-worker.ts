// The thread behind searcher.ts: a read-only connection of its own to the library, running the store's
// search statement for each query it is sent. A query that runs past its deadline is abandoned with this
// whole thread (SQLite cannot be interrupted from JavaScript), never with the server's.

import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { type ErrorCode, ParallaxError } from '../errors.js';
import { runSearch, runSearchCount, SearchQueryError, SearchStatements } from '../store/sqlite/search.js';
import type { SearchHit, SearchOptions } from '../store/store.js';

export interface SearchRequest {
  id: number;
  query: string;
  limit: number;
  options: SearchOptions;
  /** Count every hit too (the page's "312 articles"), in the same thread and under the same deadline. */
  count: boolean;
}

export type SearchReply =
  | { id: number; hits: SearchHit[]; total: number | null }
  | { id: number; error: { message: string; reason?: string; code: ErrorCode | null } };

const { path, busyTimeoutMs } = workerData as { path: string; busyTimeoutMs: number };
const db = new Database(path, { readonly: true, fileMustExist: true });
db.pragma(`busy_timeout = ${busyTimeoutMs}`);
const statements = new SearchStatements(db);

parentPort?.on('message', ({ id, query, limit, options, count }: SearchRequest) => {
  let reply: SearchReply;
  try {
    const hits = runSearch(statements, path, query, limit, options);
    // A first page shorter than the limit is the whole result: no second pass over the index.
    const total = !count
      ? null
      : !options.offset && hits.length < limit
        ? hits.length
        : runSearchCount(statements, path, query, options);
    reply = { id, hits, total };
  } catch (err) {
    reply = {
      id,
      error: {
        message: (err as Error).message,
        reason: err instanceof SearchQueryError ? err.reason : undefined,
        code: err instanceof ParallaxError ? err.code : null,
      },
    };
  }
  parentPort?.postMessage(reply);
});
