// Article identity, shared by every backend so that a SQLite and a PostgreSQL store agree on which articles
// are the same. An article with a URL is identified by its canonical URL (text/url.ts, the one form feeds
// and fetching use too): the same page reached through a newsletter link (utm_*), a social share (fbclid)
// or with/without "www." is one article, but two different paths or two different meaningful query strings
// are never merged. An article without a URL is identified by its text, so re-putting the same pasted file
// is a no-op.

import { createHash } from 'node:crypto';
import type { Article } from '../model/article.js';
import { canonicalUrl } from '../text/url.js';

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
