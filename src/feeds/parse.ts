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

import { parseFeedDate } from '../text/published-date.js';
import {
  checkBodySize,
  decodeEntities,
  escapeXml,
  FeedError,
  innerHtml,
  looksLikeHtml,
  MAX_DEPTH,
  parseXml,
  textContent,
  type XmlElement,
} from './xml.js';

export { FeedError, type FeedErrorCode, MAX_BODY_BYTES, MAX_DEPTH, MAX_ELEMENTS } from './xml.js';

/** Most items accepted in one feed. Feeds carry 10–100; an archive feed of thousands is refused, not cut. */
export const MAX_ITEMS = 5_000;

const NS = {
  atom10: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
} as const;

// Namespaces under which the plain RSS element names live: none for RSS 2.0 (and two namespaces that early
// RSS 2.0 feeds declared as default), the RSS 1.0 and 0.90 ones for RDF feeds.
const RSS_CORE_NS = new Set<string | null>([
  '',
  NS.rss1,
  NS.rss090,
  'http://backend.userland.com/rss2',
  'http://blogs.law.harvard.edu/tech/rss',
]);

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

function validBase(url: string): string | null {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Tree helpers. Elements are matched by namespace and lower-cased local name, never by prefix.

type NsTest = (ns: string | null, prefix: string) => boolean;

const rssCore: NsTest = (ns) => RSS_CORE_NS.has(ns);
// An undeclared "dc:" or "content:" prefix (a common slip) still means the well-known module.
const dc: NsTest = (ns, prefix) => ns === NS.dc || (ns === null && prefix.toLowerCase() === 'dc');
const contentModule: NsTest = (ns, prefix) =>
  ns === NS.content || (ns === null && prefix.toLowerCase() === 'content');
const inNs =
  (uri: string | null): NsTest =>
  (ns) =>
    ns === uri;

function children(parent: XmlElement, local: string, test: NsTest): XmlElement[] {
  const found: XmlElement[] = [];
  for (const c of parent.children) {
    if (typeof c !== 'string' && c.local.toLowerCase() === local && test(c.ns, c.prefix)) found.push(c);
  }
  return found;
}

function child(parent: XmlElement, local: string, test: NsTest): XmlElement | null {
  for (const c of parent.children) {
    if (typeof c !== 'string' && c.local.toLowerCase() === local && test(c.ns, c.prefix)) return c;
  }
  return null;
}

function attr(element: XmlElement, local: string, test: NsTest = (ns) => ns === ''): string | null {
  for (const a of element.attrs) if (a.local === local && test(a.ns, a.prefix)) return a.value;
  return null;
}

/** Whitespace collapsed and trimmed; null when nothing is left. "  Breaking:\n  news " → "Breaking: news". */
function clean(text: string | null | undefined): string | null {
  if (text == null) return null;
  // Only runs that are not already a single space are replaced: "a b c" costs nothing.
  const t = text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
  return t === '' ? null : t;
}

/** Text content of an element, cleaned; null when the element is absent or empty. */
function textOf(element: XmlElement | null): string | null {
  return element ? clean(textContent(element)) : null;
}

/**
 * The HTML carried by an element: its text when the HTML was escaped or in CDATA (the normal case), or
 * its children written back out when a feed put bare XHTML inside it.
 */
function htmlOf(element: XmlElement | null): string | null {
  if (!element) return null;
  const html = element.children.some((c) => typeof c !== 'string')
    ? innerHtml(element)
    : textContent(element);
  const t = html.trim();
  return t === '' ? null : t;
}

/** An absolute http(s) URL, resolved against base; null for anything else ("javascript:", "mailto:", junk). */
function absoluteUrl(ref: string | null | undefined, base: string | null): string | null {
  const t = ref?.trim();
  if (!t) return null;
  try {
    const url = base ? new URL(t, base) : new URL(t);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Text conversion.

// Inline elements vanish without a trace ("a<b>b</b>c" → "abc"); every other tag separates words.
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);
const HTML_TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>/y;

/**
 * Plain text from an HTML fragment: tags dropped, script/style/comments removed, references decoded,
 * whitespace collapsed. "<p>Hello&nbsp;<b>world</b></p><p>Bye</p>" → "Hello world Bye". A "<" that does
 * not start a tag stays ("3 < 5"). A linear scan, not a regex over the whole string, so a hostile
 * description cannot make it backtrack.
 */
export function htmlToText(html: string | null): string | null {
  if (html == null) return null;
  if (!html.includes('<')) return clean(decodeEntities(html));
  let lower: string | null = null;
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    HTML_TAG.lastIndex = lt;
    const m = HTML_TAG.exec(html);
    if (!m) {
      out.push('<');
      i = lt + 1;
      continue;
    }
    const name = (m[2] ?? '').toLowerCase();
    i = lt + m[0].length;
    if (m[1] === '' && (name === 'script' || name === 'style')) {
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${name}`, i);
      const end = close < 0 ? -1 : lower.indexOf('>', close);
      i = end < 0 ? html.length : end + 1;
      out.push(' ');
      continue;
    }
    out.push(INLINE_TAGS.has(name) ? '' : ' ');
  }
  return clean(decodeEntities(out.join('')));
}

/** Plain text as HTML: escaped, one <p> per blank-line-separated paragraph. */
function textToHtml(text: string | null): string | null {
  const t = text?.trim();
  if (!t) return null;
  return t
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeXml(p.trim())}</p>`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// RSS 2.0 / 0.9x.

function checkItemCount(count: number): void {
  if (count > MAX_ITEMS)
    throw new FeedError('REFUSED', `feed has more than ${MAX_ITEMS} items (${count}); refused`);
}

/** "jane@example.com (Jane Doe)" → "Jane Doe"; "Jane Doe <jane@example.com>" → "Jane Doe"; else as is. */
function personName(text: string | null): string | null {
  if (!text) return null;
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  if (paren?.[1]) return clean(paren[1]);
  const angle = /^(.+?)\s*<[^>]*@[^>]*>$/.exec(text);
  if (angle?.[1]) return clean(angle[1].replace(/^"(.*)"$/, '$1'));
  return text;
}

function joinNames(names: (string | null)[]): string | null {
  const kept = [...new Set(names.filter((n): n is string => n !== null))];
  return kept.length ? kept.join(', ') : null;
}

/**
 * RSS titles are plain text by the spec, but feeds double-escape them ("Q&amp;amp;A" arrives as "Q&amp;A")
 * or write entities the XML layer already resolved once, so references are decoded a second time.
 */
function rssTitle(element: XmlElement | null): string | null {
  const t = textOf(element);
  return t === null ? null : clean(decodeEntities(t));
}

function parseRss2(root: XmlElement): ParsedFeed {
  const channel = child(root, 'channel', rssCore);
  // Items belong in <channel>, but some generators close the channel first and list them under <rss>.
  const itemElements = [
    ...(channel ? children(channel, 'item', rssCore) : []),
    ...children(root, 'item', rssCore),
  ];
  if (!channel && itemElements.length === 0) {
    throw new FeedError('NOT_A_FEED', 'not a feed: <rss> has no <channel>');
  }
  checkItemCount(itemElements.length);
  const linkOf = (el: XmlElement | null): string | null => {
    // <link> in the RSS namespace carries a URL as text; <atom:link href="…" rel="self"> is skipped by the test.
    const link = el ? child(el, 'link', rssCore) : null;
    return link ? absoluteUrl(textContent(link), link.base) : null;
  };
  return {
    format: 'rss2',
    title: rssTitle(channel ? child(channel, 'title', rssCore) : null),
    siteUrl: linkOf(channel),
    items: itemElements.map((item): FeedItem => {
      const guidElement = child(item, 'guid', rssCore);
      const guid = textOf(guidElement);
      let url = linkOf(item);
      // isPermaLink defaults to true: then the guid is the item's URL when there is no <link>.
      if (
        url === null &&
        guidElement &&
        guid &&
        attr(guidElement, 'isPermaLink')?.trim().toLowerCase() !== 'false'
      ) {
        url = absoluteUrl(guid, guidElement.base);
      }
      const description = child(item, 'description', rssCore);
      return {
        guid,
        url,
        title: rssTitle(child(item, 'title', rssCore)),
        published: parseFeedDate(textOf(child(item, 'pubdate', rssCore)) ?? textOf(child(item, 'date', dc))),
        author:
          joinNames(children(item, 'creator', dc).map(textOf)) ??
          personName(textOf(child(item, 'author', rssCore))),
        summary: htmlToText(htmlOf(description)),
        contentHtml: htmlOf(child(item, 'encoded', contentModule)),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// RSS 1.0 / 0.90 (RDF): items are siblings of <channel> under <rdf:RDF>, identified by rdf:about.

function parseRss1(root: XmlElement): ParsedFeed {
  const channel = child(root, 'channel', rssCore);
  const itemElements = children(root, 'item', rssCore);
  if (!channel && itemElements.length === 0) {
    throw new FeedError('NOT_A_FEED', 'not a feed: RDF document without an RSS channel');
  }
  checkItemCount(itemElements.length);
  const rdfAttr: (ns: string | null, prefix: string) => boolean = (ns, prefix) =>
    ns === NS.rdf || (ns === null && prefix === 'rdf');
  const linkOf = (el: XmlElement | null): string | null => {
    const link = el ? child(el, 'link', rssCore) : null;
    return link ? absoluteUrl(textContent(link), link.base) : null;
  };
  return {
    format: 'rss1',
    title: rssTitle(channel ? child(channel, 'title', rssCore) : null),
    siteUrl: linkOf(channel),
    items: itemElements.map((item): FeedItem => {
      const about = clean(attr(item, 'about', rdfAttr));
      return {
        guid: about,
        url: linkOf(item) ?? absoluteUrl(about, item.base),
        title: rssTitle(child(item, 'title', rssCore)),
        published: parseFeedDate(textOf(child(item, 'date', dc))),
        author: joinNames(children(item, 'creator', dc).map(textOf)),
        summary: htmlToText(htmlOf(child(item, 'description', rssCore))),
        contentHtml: htmlOf(child(item, 'encoded', contentModule)),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Atom 1.0 / 0.3.

const ALTERNATE_RELS = new Set(['alternate', 'http://www.iana.org/assignments/relation/alternate']);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * The page an entry or feed points to: a <link> with rel="alternate" or no rel, preferring type text/html,
 * then no type, then any other type (an alternate audio/mpeg or application/json link), first in document
 * order among equals. Resolved against the link's own base, which includes every xml:base above it.
 */
function atomAlternate(parent: XmlElement, ns: NsTest): string | null {
  let best: { rank: number; url: string } | null = null;
  for (const link of children(parent, 'link', ns)) {
    const rel = (attr(link, 'rel') ?? 'alternate').trim().toLowerCase();
    if (!ALTERNATE_RELS.has(rel)) continue;
    const url = absoluteUrl(attr(link, 'href'), link.base);
    if (!url) continue;
    const type = attr(link, 'type')?.trim().toLowerCase();
    const rank = type === undefined || type === '' ? 1 : HTML_TYPES.has(type) ? 0 : 2;
    if (!best || rank < best.rank) best = { rank, url };
  }
  return best ? best.url : null;
}

/** Atom text constructs (title, summary) as plain text: type="text" (default), "html" or "xhtml". */
function atomText(element: XmlElement | null): string | null {
  if (!element) return null;
  const type = (attr(element, 'type') ?? 'text').trim().toLowerCase();
  if (type === 'html' || type === 'text/html') return htmlToText(textContent(element));
  return textOf(element);
}

/** Atom <content> as HTML; null for out-of-line (src="…") or non-text media. */
function atomContent(element: XmlElement | null): string | null {
  if (!element || attr(element, 'src') !== null) return null;
  const type = (attr(element, 'type') ?? 'text').trim().toLowerCase();
  if (type === 'html' || type === 'text/html') return htmlOf(element);
  if (type === 'xhtml' || type === 'application/xhtml+xml') {
    // The content is wrapped in one <div xmlns="http://www.w3.org/1999/xhtml">, which is not part of it.
    const elements = element.children.filter((c): c is XmlElement => typeof c !== 'string');
    const wrapper = elements.length === 1 && elements[0]?.local === 'div' ? elements[0] : null;
    const html = innerHtml(wrapper ?? element).trim();
    return html === '' ? null : html;
  }
  if (type === 'text' || type.startsWith('text/')) return textToHtml(textContent(element));
  return null;
}

function parseAtom(root: XmlElement): ParsedFeed {
  const atom = inNs(root.ns);
  const entries = children(root, 'entry', atom);
  checkItemCount(entries.length);
  const authorsOf = (el: XmlElement): string | null =>
    joinNames(
      children(el, 'author', atom).map(
        (a) => textOf(child(a, 'name', atom)) ?? textOf(child(a, 'email', atom)),
      ),
    );
  // Entries without an author inherit the feed's (RFC 4287 §4.2.1).
  const feedAuthor = authorsOf(root);
  return {
    format: 'atom',
    title: atomText(child(root, 'title', atom)),
    siteUrl: atomAlternate(root, atom),
    items: entries.map((entry): FeedItem => {
      const dateText =
        textOf(child(entry, 'published', atom)) ??
        textOf(child(entry, 'updated', atom)) ??
        textOf(child(entry, 'issued', atom)) ?? // Atom 0.3
        textOf(child(entry, 'modified', atom));
      return {
        guid: textOf(child(entry, 'id', atom)),
        url: atomAlternate(entry, atom),
        title: atomText(child(entry, 'title', atom)),
        published: parseFeedDate(dateText),
        author: authorsOf(entry) ?? feedAuthor,
        summary: atomText(child(entry, 'summary', atom)),
        contentHtml: atomContent(child(entry, 'content', atom)),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// JSON Feed 1.0 / 1.1 (https://www.jsonfeed.org/version/1.1/).

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

function parseJsonFeed(text: string, feedUrl: string): ParsedFeed {
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
