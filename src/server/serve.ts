// `parallax serve`: the web application on a local port. Binds 127.0.0.1 unless told otherwise, says where
// it listens, and on SIGINT/SIGTERM stops taking requests, finishes those under way and closes the library.

import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';

export interface ServeOptions {
  store: Store;
  /** Needed by writing endpoints when set; see tokenFor. */
  token: string | null;
  /** How article addresses added through the app are fetched. */
  fetching?: { allowPrivate: boolean; ignoreRobots: boolean };
  host: string;
  port: number;
  log: (line: string) => void;
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

export function startServer({
  store,
  token,
  fetching,
  host,
  port,
  log,
}: ServeOptions): Promise<RunningServer> {
  const app = createApp({ store, token, fetching });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const url = `http://${shown}:${info.port}/`;
      log(`parallax: serving the library at ${url} (Ctrl-C to stop)`);
      resolve({
        url,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Idle keep-alive sockets would hold close() open; requests under way still finish.
            (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
          }),
      });
    });
    (server as unknown as { requestTimeout: number }).requestTimeout = REQUEST_TIMEOUT_MS;
    server.on('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? 'the port is in use; choose another with --port' : err.message;
      reject(new Error(`cannot listen on ${host}:${port} (${why})`));
    });
  });
}
