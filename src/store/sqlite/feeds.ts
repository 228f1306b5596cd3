// Feeds on SQLite: the feeds a library follows, their poll state, and the items taken from them.

import type Database from 'better-sqlite3';
import { type FeedDbRow, toFeed } from '../feed-row.js';
import type { FeedItemRecord, FeedPollUpdate, FeedRow } from '../store.js';

export class SqliteFeeds {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      add: db.prepare(`
        INSERT INTO feeds (url, title, site_url, added_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (url) DO NOTHING`),
      byUrl: db.prepare('SELECT * FROM feeds WHERE url = ?'),
      list: db.prepare('SELECT * FROM feeds ORDER BY id'),
      remove: db.prepare('DELETE FROM feeds WHERE id = ?'),
      removeItems: db.prepare('DELETE FROM feed_items WHERE feed_id = ?'),
      polled: db.prepare(`
        UPDATE feeds SET polled_at = @at,
          title = coalesce(@title, title), site_url = coalesce(@siteUrl, site_url),
          etag = CASE WHEN @ok THEN @etag ELSE etag END,
          last_modified = CASE WHEN @ok THEN @lastModified ELSE last_modified END,
          ok_at = CASE WHEN @ok THEN @at ELSE ok_at END,
          status = CASE WHEN @ok THEN 'ok' ELSE 'error' END,
          error = CASE WHEN @ok THEN NULL ELSE @error END,
          failures = CASE WHEN @ok THEN 0 ELSE failures + 1 END,
          items = items + @items
        WHERE id = @id`),
      seenKeys: db
        .prepare(`
        SELECT key FROM feed_items WHERE feed_id = ? AND key IN (SELECT value FROM json_each(?))`)
        .pluck(),
      seenUrls: db
        .prepare(`
        SELECT url FROM feed_items WHERE url IN (SELECT value FROM json_each(?))`)
        .pluck(),
      record: db.prepare(`
        INSERT INTO feed_items (feed_id, key, url, state, reason, seen_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (feed_id, key) DO UPDATE SET state = excluded.state, reason = excluded.reason`),
    };
  }

  addFeed(
    url: string,
    title: string | null,
    siteUrl: string | null,
    now: string,
  ): { feed: FeedRow; created: boolean } {
    const created = this.stmt.add.run(url, title, siteUrl, now).changes > 0;
    return { feed: toFeed(this.stmt.byUrl.get(url) as FeedDbRow), created };
  }

  listFeeds(): FeedRow[] {
    return (this.stmt.list.all() as FeedDbRow[]).map(toFeed);
  }

  removeFeed(id: number): boolean {
    this.stmt.removeItems.run(id);
    return this.stmt.remove.run(id).changes > 0;
  }

  recordPoll(id: number, update: FeedPollUpdate, now: string): void {
    this.stmt.polled.run({
      id,
      at: now,
      ok: update.ok ? 1 : 0,
      title: update.title ?? null,
      siteUrl: update.siteUrl ?? null,
      etag: update.etag ?? null,
      lastModified: update.lastModified ?? null,
      error: update.error ?? null,
      items: update.items ?? 0,
    });
  }

  seenItems(feedId: number, keys: readonly string[], urls: readonly string[]): Set<string> {
    const seen = new Set<string>();
    if (keys.length > 0)
      for (const k of this.stmt.seenKeys.all(feedId, JSON.stringify(keys)) as string[]) seen.add(k);
    if (urls.length > 0)
      for (const u of this.stmt.seenUrls.all(JSON.stringify(urls)) as string[]) seen.add(u);
    return seen;
  }

  recordItem(feedId: number, item: FeedItemRecord, now: string): void {
    this.stmt.record.run(feedId, item.key, item.url, item.state, item.reason ?? null, now);
  }
}
