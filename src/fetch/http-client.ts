// One GET over http(s), with every limit the web asks for: only http and https; no private addresses unless
// allowed (checked on each hop, IP literals included); a time limit on the whole exchange; a byte limit on
// the decompressed body, so a gzip bomb stops at the limit; redirects followed up to a number, loops named;
// conditional requests (ETag, Last-Modified) so an unchanged feed costs a 304; gzip, deflate and brotli.
// Failures are FetchErrors with a one-line reason and whether trying again later could help.

import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { guardedLookup, isPrivateAddress, privateRefusal } from './address-guard.js';
import { FETCH_LIMITS, type FetchLimits, USER_AGENT } from './limits.js';

export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    /** Whether the same request may succeed later (429, 5xx, a dropped connection, a timeout). */
    readonly retryable: boolean,
    readonly status: number | null = null,
    /** What the server asked for in Retry-After, in milliseconds. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(`${url}: ${reason}`);
  }
}

export interface GetOptions {
  allowPrivate?: boolean;
  limits?: Partial<FetchLimits>;
  /** Validators from the previous answer: a 304 then means "unchanged". */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export interface GetResult {
  /** Where the body came from, after redirects. */
  url: string;
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Buffer;
  /** The server answered 304: nothing changed since the validators given. */
  notModified: boolean;
}

/** Retry-After as milliseconds: seconds or an HTTP date. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function decompressor(encoding: string | undefined): Transform | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

function headerMap(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** One request, no redirects followed. */
function once(
  url: URL,
  options: GetOptions,
  limits: FetchLimits,
): Promise<GetResult & { location: string | null }> {
  return new Promise((resolve, reject) => {
    const fail = (
      reason: string,
      retryable: boolean,
      status: number | null = null,
      after: number | null = null,
    ) => reject(new FetchError(url.href, reason, retryable, status, after));
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept: options.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { headers, lookup: guardedLookup(options.allowPrivate === true) as never });
    const timer = setTimeout(() => {
      req.destroy();
      fail(`no complete answer within ${limits.timeoutMs / 1000} s`, true);
    }, limits.timeoutMs);
    const done = () => clearTimeout(timer);
    req.on('error', (err: NodeJS.ErrnoException) => {
      done();
      if (err.code === 'EPRIVATE') return fail(err.message, false);
      const permanent = err.code === 'ENOTFOUND' || err.code === 'ERR_INVALID_URL';
      fail(
        err.code === 'ENOTFOUND'
          ? `${url.hostname} does not resolve`
          : `connection failed (${err.code ?? err.message})`,
        !permanent,
      );
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const resHeaders = headerMap(res);
      // A redirect or a 304 has no body worth reading: where to go next, or "unchanged".
      if (status >= 300 && status < 400) {
        res.resume();
        done();
        const notModified = status === 304;
        return resolve({
          url: url.href,
          status,
          headers: resHeaders,
          body: Buffer.alloc(0),
          notModified,
          location: notModified ? null : (resHeaders.location ?? null),
        });
      }
      if (status === 429 || status >= 500) {
        res.resume();
        done();
        return fail(`the server answered ${status}`, true, status, retryAfterMs(resHeaders['retry-after']));
      }
      if (status < 200 || status >= 300) {
        res.resume();
        done();
        return fail(`the server answered ${status}`, false, status);
      }
      const declared = Number(resHeaders['content-length'] ?? Number.NaN);
      if (declared > limits.maxBytes && !resHeaders['content-encoding']) {
        res.destroy();
        done();
        return fail(`the body is ${declared} bytes, over the ${limits.maxBytes}-byte limit`, false);
      }
      const inflate = decompressor(resHeaders['content-encoding']);
      const stream: Readable = inflate ? res.pipe(inflate) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) {
          res.destroy();
          stream.destroy();
          done();
          fail(
            `the body is over the ${limits.maxBytes}-byte limit${inflate ? ' once decompressed' : ''}`,
            false,
          );
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (err) => {
        done();
        fail(`the body could not be read (${err.message})`, !inflate);
      });
      stream.on('end', () => {
        done();
        resolve({
          url: url.href,
          status,
          headers: resHeaders,
          body: Buffer.concat(chunks),
          notModified: false,
          location: null,
        });
      });
    });
    req.end();
  });
}

/** Parses and checks a URL as the fetcher accepts it: absolute http(s), no credentials. */
export function checkUrl(text: string, allowPrivate = false): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError(text, 'not a valid absolute URL', false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(
      text,
      `only http and https are fetched, not ${url.protocol.replace(':', '')}`,
      false,
    );
  }
  // An address written in the URL never goes through DNS, so it is checked here. The URL parser has
  // already rewritten every spelling to one form: http://0x7f.1/ and http://2130706433/ to 127.0.0.1,
  // http://[::ffff:127.0.0.1]/ to [::ffff:7f00:1].
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) {
    throw new FetchError(text, privateRefusal(`${host} is`), false);
  }
  return url;
}

/** GET with redirects followed (each hop checked like the first). */
export async function httpGet(target: string, options: GetOptions = {}): Promise<GetResult> {
  const limits: FetchLimits = { ...FETCH_LIMITS, ...options.limits };
  const seen = new Set<string>();
  let url = checkUrl(target, options.allowPrivate);
  for (let hop = 0; ; hop++) {
    seen.add(url.href);
    const result = await once(url, options, limits);
    if (result.location === null) {
      const { location: _, ...rest } = result;
      return rest;
    }
    let next: URL;
    try {
      next = checkUrl(new URL(result.location, url).href, options.allowPrivate);
    } catch (err) {
      throw err instanceof FetchError
        ? new FetchError(target, `redirected to ${err.url}: ${err.reason}`, false)
        : err;
    }
    if (seen.has(next.href)) throw new FetchError(target, `redirect loop at ${next.href}`, false);
    if (hop + 1 >= limits.maxRedirects) {
      throw new FetchError(target, `more than ${limits.maxRedirects} redirects`, false);
    }
    url = next;
  }
}
