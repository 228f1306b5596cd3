// The web application over a library: server-rendered pages that read without JavaScript (page-routes.ts),
// a JSON twin of each under /api (api-routes.ts), and the writes (write-routes.ts). This file puts them
// together behind the guards every request passes (guards.ts) and words every failure through one error
// type (http-error.ts). Every string from an article goes through the escape-by-default `html` template.

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { timeout } from 'hono/timeout';
import type { Annotator } from '../library/annotator.js';
import type { QueueDb } from '../queue/state.js';
import { asAsyncStore } from '../store/as-async.js';
import type { AsyncStore } from '../store/async-store.js';
import type { Store } from '../store/store.js';
import { serverAnnotator } from './annotation.js';
import { apiRoutes } from './api-routes.js';
import { errorPage, notFoundPage } from './error-page.js';
import { allowedHostNames, hostGuard, isWrite, noFraming, sameOriginWrites } from './guards.js';
import { asHttpError, HttpError } from './http-error.js';
import { keptWorkRoutes } from './kept-work-routes.js';
import { LIMITS, libraryView, PAGE_CSP } from './library-view.js';
import { pageRoutes } from './page-routes.js';
import { tooLarge } from './params.js';
import { queueRoutes } from './queue-routes.js';
import { inProcessSearcher, type Searcher } from './searcher.js';
import { shortcutRoutes } from './shortcuts.js';
import { writeRoutes } from './write-routes.js';

export { LIMITS } from './library-view.js';

export interface AppOptions {
  /**
   * The library: a PostgreSQL store, or a SQLite one (the synchronous store is seen through the adapter).
   * Several apps (in several processes) may share one database: every cache is keyed on what is read from
   * the library per request, so a write through one is seen through the others at their next request.
   */
  store: AsyncStore | Store;
  /** When set, writing endpoints need it (Authorization: Bearer …); serve sets it beyond loopback. */
  token?: string | null;
  /** How article addresses given to /add and /api/articles are fetched (serve's --allow-private, --ignore-robots). */
  fetching?: { allowPrivate: boolean; ignoreRobots: boolean };
  /** Host names (without port) requests may name; by default the loopback names (guards.ts). */
  allowedHosts?: ReadonlySet<string>;
  /** How searches run; by default on this thread (serve runs them in worker threads with a deadline). */
  searcher?: Searcher;
  /** How added articles are annotated; by default a worker thread when the compiled one exists. */
  annotator?: Annotator;
  /** The library's PostgreSQL URL (or a pool on it), for the queue page; null on a library file. */
  queue?: QueueDb | null;
}

export function createApp({
  store: given,
  token = null,
  fetching,
  allowedHosts = allowedHostNames(undefined),
  searcher,
  annotator = serverAnnotator(),
  queue = null,
}: AppOptions): Hono {
  const store = asAsyncStore(given);
  searcher ??= inProcessSearcher(store);
  const view = libraryView({ store, token, searcher, annotator, fetching });
  const app = new Hono();

  app.onError((err, c) => {
    const error = asHttpError(err);
    if (error.status === 500)
      console.error(`parallax serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err}`);
    if (c.req.path.startsWith('/api/'))
      return c.json({ error: { code: error.code, message: error.message } }, error.status);
    c.header('Content-Security-Policy', PAGE_CSP);
    return c.html(errorPage(error, c.req.path), error.status);
  });
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/'))
      return c.json({ error: { code: 'not-found', message: `no such endpoint: ${c.req.path}` } }, 404);
    c.header('Content-Security-Policy', PAGE_CSP);
    return c.html(notFoundPage(c.req.path), 404);
  });

  // Headers every answer carries, refusals included.
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });
  app.use('*', noFraming);
  app.use('*', hostGuard(allowedHosts));
  // Answers not stored compressed already (the cached pages are) are compressed for clients that take gzip.
  app.use('*', compress({ encoding: 'gzip' }));
  app.use(
    '*',
    timeout(
      LIMITS.requestMs,
      () => new HTTPException(503, { message: `no answer within ${LIMITS.requestMs / 1000} s` }),
    ),
  );
  // Writes: from this server's own pages or from a client that is not a browser page, never another site.
  app.use('*', sameOriginWrites);
  // API writes: the token when the server has one and a size limit on the body (write-routes.ts takes JSON only).
  app.use('/api/*', async (c, next) => {
    if (token !== null && isWrite(c.req.method)) {
      const given =
        c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? c.req.header('x-parallax-token');
      if (given !== token)
        throw new HttpError(
          401,
          'unauthorized',
          'writing needs the token serve printed (Authorization: Bearer …)',
        );
    }
    return next();
  });
  app.use('/api/*', bodyLimit({ maxSize: LIMITS.bodyBytes, onError: tooLarge(LIMITS.bodyBytes) }));
  // Form posts carry a body too: the same limit as the API (uploads through /add have their own).
  app.use('/stories/*', bodyLimit({ maxSize: LIMITS.bodyBytes, onError: tooLarge(LIMITS.bodyBytes) }));

  app.route('/', apiRoutes(view));
  app.route('/', writeRoutes(view));
  app.route('/', keptWorkRoutes(view));
  app.route('/', queueRoutes(queue, token));
  app.route('/', pageRoutes(view));
  app.route('/', shortcutRoutes());
  return app;
}
