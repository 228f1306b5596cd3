// `parallax serve`: the web application on a local port. Binds 127.0.0.1 unless told otherwise, says where
// it listens, and on SIGINT/SIGTERM stops taking requests, finishes those under way and closes the library.

import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { asAsyncStore } from '../store/as-async.js';
import type { AsyncStore } from '../store/async-store.js';
import type { Store } from '../store/store.js';
import { serverAnnotator } from './annotation.js';
import { createApp } from './app.js';
import { allowedHostNames } from './guards.js';
import { LIMITS } from './library-view.js';
import { inProcessSearcher, workerSearcher } from './searcher.js';

export interface ServeOptions {
  /** The library: a PostgreSQL store (several serve instances may share its database) or a SQLite one. */
  store: AsyncStore | Store;
  /** Needed by writing endpoints when set; see tokenFor. */
  token: string | null;
  /** How article addresses added through the app are fetched. */
  fetching?: { allowPrivate: boolean; ignoreRobots: boolean };
  host: string;
  port: number;
  log: (line: string) => void;
  /**
   * The library's file (SQLite only): searches then run in worker threads on connections of their own,
   * with a deadline. On PostgreSQL searches go through the store (the database server runs them).
   */
  dbPath?: string;
  /** The library's PostgreSQL URL: the web app then shows its ingest queue at /queue. */
  queueUrl?: string;
  /** Host names requests may name besides the loopback names and `host` (--allowed-host). */
  allowedHosts?: readonly string[];
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Headers and body of one request must arrive within this time; a slow client cannot hold a socket. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Whether a bind address only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The token writes need: PARALLAX_TOKEN when set; otherwise none on loopback (only this machine's users
 * can connect) and a fresh random one beyond it, which serve prints.
 */
export function tokenFor(
  host: string,
  fromEnv: string | undefined,
): { token: string | null; generated: boolean } {
  if (fromEnv?.trim()) return { token: fromEnv.trim(), generated: false };
  if (isLoopback(host)) return { token: null, generated: false };
  return { token: randomBytes(24).toString('base64url'), generated: true };
}

/** How long after it starts listening the server loads what story pages need (see startServer). */
const WARM_AFTER_MS = 300;

export function startServer({
  store,
  token,
  fetching,
  host,
  port,
  log,
  dbPath,
  queueUrl,
  allowedHosts = [],
}: ServeOptions): Promise<RunningServer> {
  const names = allowedHostNames(host, allowedHosts);
  const searcher =
    (dbPath
      ? workerSearcher({ path: dbPath, deadlineMs: LIMITS.searchMs, threads: LIMITS.searchThreads })
      : null) ?? inProcessSearcher(asAsyncStore(store), LIMITS.searchMs);
  const annotator = serverAnnotator();
  const app = createApp({
    store,
    token,
    fetching,
    allowedHosts: names,
    searcher,
    annotator,
    queue: queueUrl ?? null,
  });
  const release = async () => {
    await Promise.allSettled([searcher.close(), annotator.close()]);
  };
  // The comparison and the report renderer load on the first story shown: about 0.9 s of CPU on a 2-core
  // machine, which the first reader of a big story would otherwise wait for. They load once the server
  // listens, when nobody is waiting yet.
  let warm: NodeJS.Timeout | null = null;
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      warm = setTimeout(() => {
        void Promise.all([import('../compare/index.js'), import('../report/html/index.js')]).catch(() => {});
      }, WARM_AFTER_MS);
      warm.unref();
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const url = `http://${shown}:${info.port}/`;
      log(`parallax: serving the library at ${url} (Ctrl-C to stop)`);
      if (!isLoopback(host)) {
        log(
          `parallax: answering requests addressed to ${[...names].join(', ')}; name others with --allowed-host`,
        );
      }
      resolve({
        url,
        close: () =>
          new Promise<void>((done) => {
            if (warm) clearTimeout(warm);
            server.close(() => {
              release().then(done, done);
            });
            // Idle keep-alive sockets would hold close() open; requests under way still finish.
            (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
          }),
      });
    });
    (server as unknown as { requestTimeout: number }).requestTimeout = REQUEST_TIMEOUT_MS;
    server.on('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? 'the port is in use; choose another with --port' : err.message;
      void release();
      reject(new Error(`cannot listen on ${host}:${port} (${why})`));
    });
  });
}
