// Article identity, shared by every backend so that a SQLite and a PostgreSQL store agree on which articles
// are the same. An article with a URL is identified by its canonical URL: the same page reached through a
// newsletter link (utm_*), a social share (fbclid) or with/without "www." is one article, but two different
// paths or two different meaningful query strings are never merged. An article without a URL is identified
// by its text, so re-putting the same pasted file is a no-op.

import { createHash } from 'node:crypto';
import type { Article } from '../model/article.js';
import { parseUrl } from '../util/url.js';

/** Query parameters that only track where a click came from; they never select different content. */
const TRACKING_PARAMS = new Set(['fbclid', 'gclid']);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/**
 * The canonical form of an article URL: lower-case host without "www.", no fragment, no tracking
 * parameters, no trailing slash. http and https are one page (news sites redirect one to the other), so
 * the scheme is normalised to https. The remaining parameters are sorted, since their order never selects
 * another article. A string that does not parse as a URL is kept as it is (trimmed): it can then only
 * match itself, which is the safe side.
 */
export function canonicalUrl(url: string): string {
  const trimmed = url.trim();
  const parsed = parseUrl(trimmed);
  if (!parsed) return trimmed;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return parsed.href;
  // URL already lower-cases the host and drops default ports; the port of a non-default one stays, since a
  // different port can be a different server.
  const host = parsed.host.replace(/^www\./, '');
  const params = [...parsed.searchParams].filter(([name]) => !isTrackingParam(name));
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const path = parsed.pathname.replace(/\/+$/, '');
  return `https://${host}${path}${query}`;
}

/** sha256 (hex) of the text with every run of whitespace made one space and Unicode in NFC. */
export function contentHash(text: string): string {
  const normalised = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}

export interface ArticleIdentity {
  id: string;
  urlKey: string | null;
  contentHash: string;
}

/**
 * The identity of an article. The id is a hash of the identity key rather than the key itself so that it
 * is short, the same length for every article and safe to print or put in a file name; 16 hex digits (64
 * bits) leave collisions out of reach for any realistic number of articles.
 */
export function articleIdentity(article: Pick<Article, 'text' | 'url'>): ArticleIdentity {
  const hash = contentHash(article.text);
  const urlKey = article.url?.trim() ? canonicalUrl(article.url) : null;
  const key = urlKey !== null ? `url ${urlKey}` : `text ${hash}`;
  const id = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
  return { id, urlKey, contentHash: hash };
}
