// What a parsed feed is, whatever its format: the items and the few channel facts Parallax keeps, and
// the item-count limit every format checks.

import { FeedError } from './xml.js';

/** Most items accepted in one feed. Feeds carry 10–100; an archive feed of thousands is refused, not cut. */
export const MAX_ITEMS = 5_000;

export type FeedFormat = 'rss2' | 'rss1' | 'atom' | 'json';

export interface FeedItem {
  /** The feed's own identifier: RSS <guid>, RDF rdf:about, Atom <id>, JSON id. */
  guid: string | null;
  /** Absolute http(s) URL of the item's page. */
  url: string | null;
  title: string | null;
  /** ISO 8601 in the publisher's offset: "2025-03-05T10:00:00-05:00"; "2025-03-05" when only a date is given. */
  published: string | null;
  author: string | null;
  /** Plain text. */
  summary: string | null;
  /** HTML as the feed gave it (not sanitised). */
  contentHtml: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  siteUrl: string | null;
  items: FeedItem[];
}

export function checkItemCount(count: number): void {
  if (count > MAX_ITEMS)
    throw new FeedError('REFUSED', `feed has more than ${MAX_ITEMS} items (${count}); refused`);
}
