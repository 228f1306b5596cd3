// What every request must satisfy before a route sees it, against attacks a web page can make on a server
// that listens on this machine:
// - DNS rebinding: a page on evil.example re-points its own name at 127.0.0.1, and its scripts then talk to
//   this server as a "same-origin" site. Only requests naming this server by a configured name (Host) are
//   answered, so evil.example:8017 is refused before any route runs.
// - Cross-site writes: a page may post a form or a fetch() with a "simple" content type (text/plain) to any
//   address without the browser asking first. Every write must come from this server's own pages (Origin,
//   Sec-Fetch-Site), and the API's writes must be JSON, which a cross-site page cannot send without the
//   browser's preflight, which this server never grants.
// - Framing (clickjacking): no page may be shown inside another site's frame.

import type { Context, MiddlewareHandler } from 'hono';
import { HttpError } from './http-error.js';

/** Names a loopback server answers to when no other is configured. */
export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

/**
 * The host names (without port) requests may name: the loopback names, the address serve binds to, and
 * those given with --allowed-host. A wildcard bind address (0.0.0.0, ::) names no one and is left out.
 */
export function allowedHostNames(bindHost: string | undefined, extra: readonly string[] = []): Set<string> {
  const names = new Set<string>(LOOPBACK_NAMES);
  for (const name of [bindHost, ...extra]) {
    if (!name) continue;
    const bare = name.trim().toLowerCase();
    if (bare === '' || bare === '0.0.0.0' || bare === '::' || bare === '[::]') continue;
    names.add(bare.includes(':') && !bare.startsWith('[') ? `[${bare}]` : bare);
  }
  return names;
}

/** The name part of a Host header value ("localhost:8017" → "localhost", "[::1]:80" → "[::1]"), lower case. */
export function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.replace(/:\d*$/, '');
}

interface NodeBindings {
  incoming?: { rawHeaders?: string[] };
}

/** The Host the client sent; a request with two is refused (servers and proxies may each read another). */
function requestHost(c: Context): string {
  const raw = (c.env as NodeBindings | undefined)?.incoming?.rawHeaders;
  if (raw) {
    let count = 0;
    for (let i = 0; i < raw.length; i += 2) if (raw[i]?.toLowerCase() === 'host') count++;
    if (count > 1) throw new HttpError(400, 'bad-host', 'the request has more than one Host header');
  }
  return c.req.header('host') ?? new URL(c.req.url).host;
}

/** Refuses a request naming a host this server was not configured to answer as (421 Misdirected Request). */
export function hostGuard(allowed: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    const host = requestHost(c);
    if (!allowed.has(hostName(host))) {
      throw new HttpError(
        421,
        'bad-host',
        `this server does not answer to the name "${hostName(host)}"; start it with --allowed-host ${hostName(host) || 'NAME'} to allow it`,
      );
    }
    await next();
  };
}

/** A policy that forbids being framed, for responses that carry no policy of their own (JSON, errors). */
const NO_FRAMING_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Forbids framing on every response: CSP frame-ancestors (added to the page's own policy) and X-Frame-Options. */
export const noFraming: MiddlewareHandler = async (c, next) => {
  await next();
  const csp = c.res.headers.get('Content-Security-Policy');
  if (csp === null) c.res.headers.set('Content-Security-Policy', NO_FRAMING_CSP);
  else if (!/frame-ancestors/.test(csp))
    c.res.headers.set('Content-Security-Policy', `${csp}; frame-ancestors 'none'`);
  c.res.headers.set('X-Frame-Options', 'DENY');
};

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isWrite(method: string): boolean {
  return WRITES.has(method.toUpperCase());
}

/**
 * Whether a write comes from this server's own pages. A browser names the page's origin (Origin) and says
 * whether it is the same origin (Sec-Fetch-Site); a client that sends neither (curl, a script) is not a
 * browser page and is judged by the token alone. "same-site" is refused: another port of localhost is
 * same-site but a different program. The Host was checked against the allowed names before.
 */
export function sameOrigin(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  // The app's pages say Referrer-Policy: no-referrer, under which a browser sends "Origin: null" with their
  // own form posts; Sec-Fetch-Site still tells them apart from a sandboxed frame's (cross-site).
  if (origin === 'null') return site === 'same-origin';
  try {
    // Through URL both sides drop a default port: Origin "http://localhost" is Host "localhost:80".
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    return new URL(origin).host === new URL(`http://${host}`).host;
  } catch {
    return false;
  }
}

/** Refuses a write from another site before its body is read. */
export const sameOriginWrites: MiddlewareHandler = async (c, next) => {
  if (isWrite(c.req.method) && !sameOrigin(c))
    throw new HttpError(403, 'cross-site', 'a page from another site cannot write to this library');
  await next();
};

/**
 * Refuses an API write whose body is not declared JSON: the media type must be exactly application/json
 * ("text/plain; charset=application/json" is text/plain), and a charset, if given, UTF-8.
 */
export const jsonWrites: MiddlewareHandler = async (c, next) => {
  if (isWrite(c.req.method)) {
    const type = c.req.header('content-type') ?? '';
    const [essence = '', ...params] = type.split(';').map((p) => p.trim().toLowerCase());
    const charset = params
      .find((p) => p.startsWith('charset='))
      ?.slice('charset='.length)
      .replace(/"/g, '');
    if (essence !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
      throw new HttpError(
        415,
        'unsupported-media-type',
        `writes to the API take a JSON body with Content-Type: application/json; got "${type || 'none'}"`,
      );
    }
  }
  await next();
};
