// The one error type of the web app. Every refusal a route or guard makes is an HttpError with a status, a
// stable code (the API's `error.code`) and one line for the reader; anything else that escapes a route is
// turned into one here, so pages and the API word the same failure the same way.

import { HTTPException } from 'hono/http-exception';
import { ParallaxError } from '../errors.js';
import { SearchQueryError } from '../store/sqlite/search.js';

export type HttpStatus = 400 | 401 | 403 | 404 | 413 | 415 | 421 | 422 | 500 | 503;

export class HttpError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What the client is told about any failure. A refused search query is the client's (400); a store that
 * cannot answer (locked, damaged) or the request deadline is the server's (503); anything else is a bug
 * (500, logged) and its details stay on the server.
 */
export function asHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof SearchQueryError) {
    return new HttpError(400, err.code === 'USAGE' ? 'query-too-complex' : 'bad-query', err.reason);
  }
  if (err instanceof HTTPException) return new HttpError(503, 'timeout', err.message);
  if (err instanceof ParallaxError) return new HttpError(503, 'store', err.message);
  return new HttpError(500, 'internal', 'internal error');
}

/** A user's decision the library refuses (unknown story, empty split) is the client's mistake. */
export async function asClientError<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ParallaxError && err.code === 'USAGE') {
      const notFound = /^there is no story/.test(err.message);
      throw new HttpError(notFound ? 404 : 400, notFound ? 'not-found' : 'bad-request', err.message);
    }
    throw err;
  }
}
