// Feed parsing: RSS 2.0 (and 0.91/0.92), RSS 1.0 (RDF, and 0.90), Atom 1.0 (and 0.3) and JSON Feed
// 1.0/1.1, recognised from the body itself because servers label feeds text/html, text/plain or
// application/octet-stream as often as correctly. Pure: no network, no file system, no clock.
//
// Safety comes from ./xml.ts (no entity is ever declared or fetched; size, depth and element limits) and
// from here: at most MAX_ITEMS items, JSON nesting bounded like XML nesting, and only http(s) URLs come
// out, so a "javascript:" link in a hostile feed never reaches a report.
//
// Items are normalised for comparison work, not round-tripped: titles and summaries are plain text with
// whitespace collapsed, dates are ISO 8601 in the publisher's own offset, URLs are absolute.
//
// This file recognises the format and hands the body to its reader: rss2.ts, rss1.ts, atom.ts,
// json-feed.ts. What they share lives in feed-model.ts (the result), feed-tree.ts (finding elements),
// feed-text.ts (text and HTML); feed dates are parsed by src/text/published-date.ts.

import { parseAtom } from './atom.js';
import type { ParsedFeed } from './feed-model.js';
import { NS, validBase } from './feed-tree.js';
import { parseJsonFeed } from './json-feed.js';
import { parseRss1 } from './rss1.js';
import { parseRss2 } from './rss2.js';
import { checkBodySize, FeedError, looksLikeHtml, parseXml } from './xml.js';

export { parseFeedDate } from '../text/published-date.js';
export { type FeedFormat, type FeedItem, MAX_ITEMS, type ParsedFeed } from './feed-model.js';
export { htmlToText } from './feed-text.js';
export { FeedError, type FeedErrorCode, MAX_BODY_BYTES, MAX_DEPTH, MAX_ELEMENTS } from './xml.js';

/**
 * Parses a feed body fetched from feedUrl (the base for relative links). Throws FeedError with a one-line
 * message: "not a feed: the document is HTML", "malformed XML at line 3: …", "feed declares a DOCTYPE
 * with entities; refused", "feed has more than 5000 items; refused", …
 */
export function parseFeed(body: string, feedUrl: string): ParsedFeed {
  checkBodySize(body, 'feed');
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  const start = text.search(/\S/);
  if (start < 0) throw new FeedError('NOT_A_FEED', 'not a feed: the document is empty');
  const first = text[start];
  if (first === '{' || first === '[') return parseJsonFeed(text, feedUrl);
  if (first !== '<') throw new FeedError('NOT_A_FEED', 'not a feed: the document is neither XML nor JSON');
  if (looksLikeHtml(text)) throw new FeedError('NOT_A_FEED', 'not a feed: the document is HTML');

  const root = parseXml(text, { baseUrl: validBase(feedUrl), subject: 'feed' });
  const local = root.local.toLowerCase();
  if (local === 'rss') return parseRss2(root);
  if (local === 'rdf' && (root.ns === NS.rdf || root.ns === null)) return parseRss1(root);
  if (local === 'feed' && (root.ns === NS.atom10 || root.ns === NS.atom03 || root.ns === '')) {
    return parseAtom(root);
  }
  if (local === 'html') throw new FeedError('NOT_A_FEED', 'not a feed: the document is HTML');
  throw new FeedError('NOT_A_FEED', `not a feed: the root element is <${root.name}>`);
}
