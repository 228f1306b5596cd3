// Full-text search for the web app, with a deadline. SQLite runs synchronously and cannot be interrupted
// from JavaScript, so a query run on the server's own thread holds every other request until it ends (26
// OR-ed one-letter prefixes took 52 s on a library of 37,554 articles). serve runs searches in worker
// threads with read-only connections of their own: the server keeps answering while one runs, and a search
// past its deadline is answered with 503 and its thread abandoned (it ends when SQLite returns).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ParallaxError } from '../errors.js';
import type { AsyncStoreSession } from '../store/async-store.js';
import { SearchQueryError } from '../store/sqlite/search.js';
import type { SearchHit, SearchOptions } from '../store/store.js';
import { HttpError } from './http-error.js';
import type { SearchReply, SearchRequest } from './search-worker.js';

/** One page of a search's hits and, when asked for, how many there are in all. */
export interface FoundHits {
  hits: SearchHit[];
  total: number | null;
}

export interface Searcher {
  /** `deadlineMs` overrides the searcher's own deadline for this search. */
  search(query: string, limit: number, deadlineMs?: number): Promise<SearchHit[]>;
  /** A filtered, ordered page of hits, and with `count` the number of all hits, under one deadline. */
  find(query: string, limit: number, options: SearchOptions, count: boolean): Promise<FoundHits>;
  close(): Promise<void>;
}

/**
 * Searches through the store itself: PostgreSQL (the query runs in the database server, so the app keeps
 * answering meanwhile), and SQLite libraries without a file (tests, :memory:) or runs from sources. With
 * `deadlineMs`, a search not answered in time gets 503 as in the worker threads; on PostgreSQL the query
 * still runs to its end on its connection (a pool of 4 per serve instance), so one slow query cannot hold
 * the page waiting, though four at once hold every other read of that instance until they end.
 */
export function inProcessSearcher(
  store: Pick<AsyncStoreSession, 'search' | 'countSearch'>,
  deadlineMs?: number,
): Searcher {
  const within = <T>(work: Promise<T>, ms = deadlineMs): Promise<T> => {
    if (ms === undefined) return work;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new HttpError(
              503,
              'timeout',
              `the search took longer than ${ms / 1000} s; use fewer OR-ed words or longer prefixes`,
            ),
          ),
        ms,
      );
    });
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  };
  return {
    search: (query, limit, ms) => within(store.search(query, limit), ms ?? deadlineMs),
    find: (query, limit, options, count) =>
      within(
        (async () => {
          const hits = await store.search(query, limit, options);
          const total = !count
            ? null
            : !options.offset && hits.length < limit
              ? hits.length
              : await store.countSearch(query, options);
          return { hits, total };
        })(),
      ),
    close: async () => {},
  };
}

export interface WorkerSearcherOptions {
  /** The library file. */
  path: string;
  /** A search not answered within this time gets 503 (code "timeout"). */
  deadlineMs: number;
  /** Searches that may run at once; more wait their turn (their wait counts toward the deadline). */
  threads: number;
  /** Abandoned threads (still inside SQLite) allowed before new searches are refused with 503. */
  maxAbandoned?: number;
  /** The compiled worker; by default the one next to this module. */
  workerUrl?: URL;
}

interface Pending {
  request: SearchRequest;
  resolve: (found: FoundHits) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

interface Lane {
  worker: Worker;
  busy: Pending | null;
}

function replyError(error: Extract<SearchReply, { error: unknown }>['error']): Error {
  if (error.reason !== undefined)
    return new SearchQueryError(error.reason, null, error.code === 'USAGE' ? 'USAGE' : 'STORE');
  if (error.code !== null) return new ParallaxError(error.code, error.message);
  return new Error(error.message);
}

/**
 * Searches in worker threads, or null when there is no compiled worker next to this module (running from
 * TypeScript sources): the caller then searches in its own thread.
 */
export function workerSearcher(options: WorkerSearcherOptions): Searcher | null {
  const url = options.workerUrl ?? new URL('./search-worker.js', import.meta.url);
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return null;
  const maxAbandoned = options.maxAbandoned ?? 2;
  const lanes: Lane[] = [];
  const queue: Pending[] = [];
  let abandoned = 0;
  let nextId = 0;
  let closed = false;

  const startLane = (): Lane => {
    const worker = new Worker(url, { workerData: { path: options.path, busyTimeoutMs: 5000 } });
    worker.unref();
    const lane: Lane = { worker, busy: null };
    worker.on('message', (reply: SearchReply) => {
      const pending = lane.busy;
      if (!pending || pending.request.id !== reply.id) return;
      lane.busy = null;
      clearTimeout(pending.timer);
      if ('hits' in reply) pending.resolve({ hits: reply.hits, total: reply.total });
      else pending.reject(replyError(reply.error));
      pump();
    });
    const fail = (why: string) => {
      const index = lanes.indexOf(lane);
      if (index >= 0) lanes.splice(index, 1);
      if (lane.busy) {
        clearTimeout(lane.busy.timer);
        lane.busy.reject(new ParallaxError('STORE', `the search thread stopped (${why})`));
        lane.busy = null;
      }
      pump();
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    lanes.push(lane);
    return lane;
  };

  /** Hands waiting searches to idle threads, starting threads up to the limit. */
  const pump = () => {
    while (queue.length > 0 && !closed) {
      const lane =
        lanes.find((l) => l.busy === null) ?? (lanes.length < options.threads ? startLane() : null);
      if (!lane) return;
      const pending = queue.shift() as Pending;
      lane.busy = pending;
      lane.worker.postMessage(pending.request);
    }
  };

  /** Gives up on a search: out of the queue, or its thread terminated and replaced on demand. */
  const expire = (pending: Pending, deadlineMs: number) => {
    const waiting = queue.indexOf(pending);
    if (waiting >= 0) queue.splice(waiting, 1);
    const lane = lanes.find((l) => l.busy === pending);
    if (lane) {
      lanes.splice(lanes.indexOf(lane), 1);
      lane.busy = null;
      lane.worker.removeAllListeners('exit');
      abandoned++;
      // terminate() resolves once SQLite has returned and the thread has ended.
      lane.worker.terminate().finally(() => {
        abandoned--;
        pump();
      });
    }
    pending.reject(
      new HttpError(
        503,
        'timeout',
        `the search took longer than ${deadlineMs / 1000} s; use fewer OR-ed words or longer prefixes`,
      ),
    );
    pump();
  };

  const find = (
    query: string,
    limit: number,
    searchOptions: SearchOptions,
    count: boolean,
    deadlineMs = options.deadlineMs,
  ): Promise<FoundHits> => {
    if (closed) return Promise.reject(new HttpError(503, 'closing', 'the server is stopping'));
    if (abandoned >= maxAbandoned) {
      return Promise.reject(
        new HttpError(
          503,
          'busy',
          'earlier searches that ran out of time are still running; try again later',
        ),
      );
    }
    return new Promise<FoundHits>((resolve, reject) => {
      const pending: Pending = {
        request: { id: nextId++, query, limit, options: searchOptions, count },
        resolve,
        reject,
        timer: setTimeout(() => expire(pending, deadlineMs), deadlineMs),
      };
      pending.timer.unref();
      queue.push(pending);
      pump();
    });
  };

  return {
    search: async (query, limit, deadlineMs) => (await find(query, limit, {}, false, deadlineMs)).hits,
    find: (query, limit, searchOptions, count) => find(query, limit, searchOptions, count),
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) {
        clearTimeout(pending.timer);
        pending.reject(new HttpError(503, 'closing', 'the server is stopping'));
      }
      await Promise.all(
        lanes.splice(0).map((lane) => {
          lane.worker.removeAllListeners('exit');
          if (lane.busy) {
            clearTimeout(lane.busy.timer);
            lane.busy.reject(new HttpError(503, 'closing', 'the server is stopping'));
            lane.busy = null;
          }
          return lane.worker.terminate();
        }),
      );
    },
  };
}
