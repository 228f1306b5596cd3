// Atom 1.0 / 0.3.

import { parseFeedDate } from '../text/published-date.js';
import { checkItemCount, type FeedItem, type ParsedFeed } from './feed-model.js';
import { htmlToText, joinNames, textToHtml } from './feed-text.js';
import { absoluteUrl, attr, child, children, htmlOf, inNs, type NsTest, textOf } from './feed-tree.js';
import { innerHtml, textContent, type XmlElement } from './xml.js';

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

export function parseAtom(root: XmlElement): ParsedFeed {
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
