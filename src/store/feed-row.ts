// A feed as both backends keep it: the feeds table's columns (the same names in SQLite and PostgreSQL,
// items counted by the query) and the FeedRow the store contract returns.
import type { FeedRow } from './store.js';

export interface FeedDbRow {
  id: number;
  url: string;
  title: string | null;
  site_url: string | null;
  etag: string | null;
  last_modified: string | null;
  added_at: string;
  polled_at: string | null;
  ok_at: string | null;
  status: FeedRow['status'];
  error: string | null;
  failures: number;
  items: number;
}

export function toFeed(r: FeedDbRow): FeedRow {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    siteUrl: r.site_url,
    etag: r.etag,
    lastModified: r.last_modified,
    addedAt: r.added_at,
    polledAt: r.polled_at,
    okAt: r.ok_at,
    status: r.status,
    error: r.error,
    failures: r.failures,
    items: r.items,
  };
}
