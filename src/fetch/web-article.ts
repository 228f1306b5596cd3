// A web page as an article input: fetched politely, decoded by its charset, extracted like a saved page,
// and known by its canonical address (the page's own rel=canonical / og:url / JSON-LD url, resolved against
// where it was fetched from, with tracking parameters removed).

import { htmlArticle } from '../ingest/html.js';
import { Refusal } from '../ingest/refusal.js';
import type { RawArticle } from '../model/article.js';
import { bodyText } from '../text/decode.js';
import { withoutTracking } from '../text/url.js';
import type { Fetcher } from './fetcher.js';
import { FetchError } from './http-client.js';

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

/** The href of <link rel="canonical"> in the page's head, as written. */
function canonicalLink(html: string): string | null {
  const head = html.slice(0, 64 * 1024);
  for (const tag of head.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\brel\s*=\s*["']?canonical\b/i.test(tag)) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = href?.[1] ?? href?.[2] ?? href?.[3];
    if (value) return value.replace(/&amp;/g, '&');
  }
  return null;
}

/** The page at `url` as a RawArticle; throws a FetchError or a Refusal with a one-line reason. */
export async function fetchArticle(fetcher: Fetcher, url: string): Promise<RawArticle> {
  // Tracking parameters change nothing on the page; asking without them keeps the server's logs clean too.
  const res = await fetcher.get(withoutTracking(url));
  const type = res.headers['content-type'] ?? '';
  if (type !== '' && !HTML_TYPES.test(type)) {
    throw new FetchError(url, `not a web page (Content-Type ${type.split(';')[0]})`, false);
  }
  const html = bodyText(res.body, type);
  let raw: RawArticle;
  try {
    raw = htmlArticle(url, html);
  } catch (err) {
    if (err instanceof Refusal) throw new FetchError(url, err.message, false);
    throw err;
  }
  let own: string | null = null;
  try {
    // Page metadata keeps absolute addresses only; a relative rel=canonical ("/news/a") is common.
    const declared = raw.meta.url ?? canonicalLink(html);
    own = declared ? new URL(declared, res.url).href : null;
  } catch {
    own = null;
  }
  // A canonical on another site (syndication partners point at the original) is kept only when it is
  // http(s); the fetched address is the fallback.
  const address = own && /^https?:/.test(own) ? own : res.url;
  return { ...raw, meta: { ...raw.meta, url: withoutTracking(address) } };
}
