// The thread behind searcher.ts: a read-only connection of its own to the library, running the store's
// search statement for each query it is sent. A query that runs past its deadline is abandoned with this
// whole thread (SQLite cannot be interrupted from JavaScript), never with the server's.

import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { type ErrorCode, ParallaxError } from '../errors.js';
import { prepareSearch, runSearch, SearchQueryError } from '../store/sqlite/search.js';
import type { SearchHit } from '../store/store.js';

export interface SearchRequest {
  id: number;
  query: string;
  limit: number;
}

export type SearchReply =
  | { id: number; hits: SearchHit[] }
  | { id: number; error: { message: string; reason?: string; code: ErrorCode | null } };

const { path, busyTimeoutMs } = workerData as { path: string; busyTimeoutMs: number };
const db = new Database(path, { readonly: true, fileMustExist: true });
db.pragma(`busy_timeout = ${busyTimeoutMs}`);
const statement = prepareSearch(db);

parentPort?.on('message', ({ id, query, limit }: SearchRequest) => {
  let reply: SearchReply;
  try {
    reply = { id, hits: runSearch(statement, path, query, limit) };
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
