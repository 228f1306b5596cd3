// Finding things in a parsed feed document. Elements are matched by namespace and lower-cased local name,
// never by prefix, since a feed may bind any prefix to a namespace (or forget to bind "dc:").

import { clean } from './feed-text.js';
import { decodeEntities, innerHtml, textContent, type XmlElement } from './xml.js';

export const NS = {
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
export const RSS_CORE_NS = new Set<string | null>([
  '',
  NS.rss1,
  NS.rss090,
  'http://backend.userland.com/rss2',
  'http://blogs.law.harvard.edu/tech/rss',
]);

export type NsTest = (ns: string | null, prefix: string) => boolean;

export const rssCore: NsTest = (ns) => RSS_CORE_NS.has(ns);
// An undeclared "dc:" or "content:" prefix (a common slip) still means the well-known module.
export const dc: NsTest = (ns, prefix) => ns === NS.dc || (ns === null && prefix.toLowerCase() === 'dc');
export const contentModule: NsTest = (ns, prefix) =>
  ns === NS.content || (ns === null && prefix.toLowerCase() === 'content');
export const inNs =
  (uri: string | null): NsTest =>
  (ns) =>
    ns === uri;

export function children(parent: XmlElement, local: string, test: NsTest): XmlElement[] {
  const found: XmlElement[] = [];
  for (const c of parent.children) {
    if (typeof c !== 'string' && c.local.toLowerCase() === local && test(c.ns, c.prefix)) found.push(c);
  }
  return found;
}

export function child(parent: XmlElement, local: string, test: NsTest): XmlElement | null {
  for (const c of parent.children) {
    if (typeof c !== 'string' && c.local.toLowerCase() === local && test(c.ns, c.prefix)) return c;
  }
  return null;
}

export function attr(element: XmlElement, local: string, test: NsTest = (ns) => ns === ''): string | null {
  for (const a of element.attrs) if (a.local === local && test(a.ns, a.prefix)) return a.value;
  return null;
}

/** Text content of an element, cleaned; null when the element is absent or empty. */
export function textOf(element: XmlElement | null): string | null {
  return element ? clean(textContent(element)) : null;
}

/**
 * The HTML carried by an element: its text when the HTML was escaped or in CDATA (the normal case), or
 * its children written back out when a feed put bare XHTML inside it.
 */
export function htmlOf(element: XmlElement | null): string | null {
  if (!element) return null;
  const html = element.children.some((c) => typeof c !== 'string')
    ? innerHtml(element)
    : textContent(element);
  const t = html.trim();
  return t === '' ? null : t;
}

/** An absolute http(s) URL, resolved against base; null for anything else ("javascript:", "mailto:", junk). */
export function absoluteUrl(ref: string | null | undefined, base: string | null): string | null {
  const t = ref?.trim();
  if (!t) return null;
  try {
    const url = base ? new URL(t, base) : new URL(t);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * RSS titles are plain text by the spec, but feeds double-escape them ("Q&amp;amp;A" arrives as "Q&amp;A")
 * or write entities the XML layer already resolved once, so references are decoded a second time.
 */
export function rssTitle(element: XmlElement | null): string | null {
  const t = textOf(element);
  return t === null ? null : clean(decodeEntities(t));
}

/**
 * The URL in an RSS element's <link> (RSS 2.0 and 1.0 alike), absolute. A <link> in the RSS namespace
 * carries the URL as text; <atom:link href="…" rel="self"> is another namespace and is skipped.
 */
export function rssLinkOf(element: XmlElement | null): string | null {
  const link = element ? child(element, 'link', rssCore) : null;
  return link ? absoluteUrl(textContent(link), link.base) : null;
}

/** The feed's own address as a base for relative links; null when it is not an absolute URL. */
export function validBase(url: string): string | null {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}
