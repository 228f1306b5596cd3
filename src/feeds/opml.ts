// OPML subscription lists: the format feed readers import and export. Reading takes every <outline> that
// has an xmlUrl, at any depth, because readers nest feeds in folders ("News" > "Europe" > feed); the
// folders themselves are not kept. Writing produces a flat OPML 2.0 list. Parsing goes through the same
// safe XML reader as feeds (no entities, bounded size and depth).

import { FeedError, looksLikeHtml, MAX_BODY_BYTES, parseXml, textContent, type XmlElement } from './xml.js';

/** Most feeds read from one OPML file; a reader export has tens to a few hundred. */
export const MAX_OPML_FEEDS = 10_000;
/** Largest OPML file read from disk: the XML reader's own limit (10 MB; 10,000 outlines of ~300 bytes are
 * 3 MB). Reading stops there, so "feeds add /dev/zero" (or a huge file given by mistake) does not read on
 * until memory runs out. */
export const MAX_OPML_FILE_BYTES = MAX_BODY_BYTES;

export interface OpmlFeed {
  /** The feed's URL exactly as written in the file (http or https; "feed://" is read as http). */
  url: string;
  title: string | null;
  siteUrl: string | null;
}

export interface OpmlDocument {
  title: string | null;
  feeds: OpmlFeed[];
}

/**
 * Trimmed; null when empty. Inner whitespace is kept: the XML reader already turned literal newlines in
 * attribute values into spaces, so what remains was written as a reference ("&#9;") on purpose.
 */
function trimmed(text: string | null | undefined): string | null {
  const t = text?.trim();
  return t ? t : null;
}

/** An attribute by name, ignoring case: exports write "xmlUrl", "xmlurl" and "XMLURL" alike. */
function attr(element: XmlElement, name: string): string | null {
  const lower = name.toLowerCase();
  for (const a of element.attrs) if (a.name.toLowerCase() === lower) return a.value;
  return null;
}

/**
 * A URL kept as written when it is absolute http(s); anything else ("javascript:…", a relative path) is
 * dropped, so nothing read from a stranger's OPML file becomes a dangerous link in a report.
 */
function httpUrl(raw: string | null): string | null {
  const t = raw?.trim();
  if (!t) return null;
  try {
    const url = new URL(t);
    return url.protocol === 'http:' || url.protocol === 'https:' ? t : null;
  } catch {
    return null;
  }
}

/** A subscription URL: "feed://example.com/rss" and "feed:https://example.com/rss" (an old browser convention) become http(s). */
function feedUrl(raw: string | null): string | null {
  const t = raw?.trim() ?? '';
  if (/^feed:\/\//i.test(t)) return httpUrl(`http://${t.slice(7)}`);
  if (/^feed:https?:/i.test(t)) return httpUrl(t.slice(5));
  return httpUrl(t);
}

/** Parses an OPML document. Throws FeedError with a one-line message ("not an OPML document: …"). */
export function parseOpml(body: string): OpmlDocument {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  if (!text.trimStart().startsWith('<')) {
    throw new FeedError('NOT_A_FEED', 'not an OPML document: the document is not XML');
  }
  const root = looksLikeHtml(text) ? null : parseXml(text, { subject: 'OPML document' });
  if (!root || root.local.toLowerCase() === 'html') {
    throw new FeedError('NOT_A_FEED', 'not an OPML document: the document is HTML');
  }
  if (root.local.toLowerCase() !== 'opml') {
    throw new FeedError('NOT_A_FEED', `not an OPML document: the root element is <${root.name}>`);
  }
  const elements = (parent: XmlElement, local: string) =>
    parent.children.filter((c): c is XmlElement => typeof c !== 'string' && c.local.toLowerCase() === local);
  const head = elements(root, 'head')[0];
  const titleElement = head ? elements(head, 'title')[0] : undefined;

  const feeds: OpmlFeed[] = [];
  // Depth-first, in document order; nesting is bounded by the XML reader's MAX_DEPTH.
  const visit = (parent: XmlElement): void => {
    for (const outline of elements(parent, 'outline')) {
      const url = feedUrl(attr(outline, 'xmlUrl'));
      if (url) {
        if (feeds.length >= MAX_OPML_FEEDS) {
          throw new FeedError('REFUSED', `OPML document lists more than ${MAX_OPML_FEEDS} feeds; refused`);
        }
        const text = trimmed(attr(outline, 'text'));
        feeds.push({
          url,
          // OPML 2.0 requires text; writers (this one included) fill it with the URL when there is no
          // title, so a text equal to the URL is not a title.
          title: trimmed(attr(outline, 'title')) ?? (text !== null && text !== url ? text : null),
          siteUrl: httpUrl(attr(outline, 'htmlUrl')),
        });
      }
      visit(outline);
    }
  };
  for (const body of elements(root, 'body')) visit(body);
  return { title: titleElement ? trimmed(textContent(titleElement).replace(/\s+/g, ' ')) : null, feeds };
}

// XML 1.0 cannot carry most C0 controls, U+FFFE/U+FFFF or lone surrogates at all, even as references:
// everything outside its Char production is dropped. With the u flag a lone surrogate is one code point.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Escapes an attribute value. Tabs and newlines become references because a parser turns literal ones
 * into spaces: 'Tom & Jerry <b>"news"</b>' → "Tom &amp; Jerry &lt;b&gt;&quot;news&quot;&lt;/b&gt;".
 */
function escapeAttr(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c] ?? c);
}

function escapeText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/**
 * An OPML 2.0 document listing the feeds in order. Each outline has type="rss", text (the title, or the
 * URL when there is none, since OPML 2.0 requires text), title when known, xmlUrl and htmlUrl when known.
 */
export function writeOpml(
  title: string | null,
  feeds: readonly { url: string; title?: string | null; siteUrl?: string | null }[],
): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', '  <head>'];
  if (title !== null) lines.push(`    <title>${escapeText(title)}</title>`);
  lines.push('  </head>', '  <body>');
  for (const feed of feeds) {
    let outline = `    <outline type="rss" text="${escapeAttr(feed.title ?? feed.url)}"`;
    if (feed.title != null) outline += ` title="${escapeAttr(feed.title)}"`;
    outline += ` xmlUrl="${escapeAttr(feed.url)}"`;
    if (feed.siteUrl != null) outline += ` htmlUrl="${escapeAttr(feed.siteUrl)}"`;
    lines.push(`${outline}/>`);
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
