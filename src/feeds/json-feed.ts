// JSON Feed 1.0 / 1.1 (https://www.jsonfeed.org/version/1.1/).

import { parseFeedDate } from '../text/published-date.js';
import { checkItemCount, type FeedItem, type ParsedFeed } from './feed-model.js';
import { clean, joinNames, textToHtml } from './feed-text.js';
import { absoluteUrl, validBase } from './feed-tree.js';
import { FeedError, MAX_DEPTH } from './xml.js';

/** Deepest {…}/[…] nesting, counted outside strings, so a hostile "[[[[…" is refused like deep XML. */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

function str(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? clean(value) : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function jsonAuthors(item: Record<string, unknown>): string | null {
  const list = Array.isArray(item.authors) ? item.authors : []; // 1.1
  const names = list.map((a) => str(record(a)?.name));
  return joinNames(names) ?? str(record(item.author)?.name); // 1.0
}

export function parseJsonFeed(text: string, feedUrl: string): ParsedFeed {
  if (jsonDepth(text) > MAX_DEPTH) {
    throw new FeedError('REFUSED', `feed nests JSON deeper than ${MAX_DEPTH} levels; refused`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new FeedError('MALFORMED', `malformed JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const feed = record(data);
  const version = feed ? str(feed.version) : null;
  if (!feed || !version || !/^https?:\/\/(?:www\.)?jsonfeed\.org\/version\//i.test(version)) {
    throw new FeedError('NOT_A_FEED', 'not a feed: JSON without a jsonfeed.org version');
  }
  const rawItems = Array.isArray(feed.items) ? feed.items : [];
  checkItemCount(rawItems.length);
  const base = validBase(feedUrl);
  const items: FeedItem[] = [];
  for (const raw of rawItems) {
    const item = record(raw);
    if (!item) continue;
    const contentHtml = typeof item.content_html === 'string' ? item.content_html.trim() || null : null;
    items.push({
      guid: str(item.id),
      url: absoluteUrl(str(item.url), base) ?? absoluteUrl(str(item.external_url), base),
      title: str(item.title),
      published: parseFeedDate(str(item.date_published) ?? str(item.date_modified)),
      author: jsonAuthors(item) ?? jsonAuthors(feed),
      summary: str(item.summary),
      contentHtml:
        contentHtml ?? textToHtml(typeof item.content_text === 'string' ? item.content_text : null),
    });
  }
  return {
    format: 'json',
    title: str(feed.title),
    siteUrl: absoluteUrl(str(feed.home_page_url), base),
    items,
  };
}
