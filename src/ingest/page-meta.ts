// Metadata of a saved web page. Publishers state it several times over (JSON-LD for search engines,
// OpenGraph for social previews, older meta tags, the page itself); for each field the candidates are
// gathered from the most to the least deliberate statement and the first usable one wins.
import type { ArticleMeta, Message } from '../model/article.js';
import { dateFromUrl, normalizePublished } from '../text/published-date.js';
import { authorString, cleanString, unparsedDate } from './meta.js';

type Json = Record<string, unknown>;

export interface ReaderMeta {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  lang?: string | null;
  publishedTime?: string | null;
}

interface Candidates {
  title: (string | null)[];
  outlet: (string | null)[];
  url: (string | null)[];
  published: (string | null)[];
  author: (string | null)[];
  language: (string | null)[];
}

/** Everything the page states about itself, read from the parsed document before extraction prunes it. */
export interface PageFacts {
  jsonLd: Json | null;
  graph: Map<string, Json>;
  metas: Map<string, string>;
  canonical: string | null;
  htmlLang: string | null;
  timeDatetime: string | null;
  documentTitle: string | null;
}

const ARTICLE_TYPES = /(?:Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)$/;

function types(node: Json): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flattenJsonLd(value: unknown, out: Json[]): void {
  if (Array.isArray(value)) {
    for (const item of value) flattenJsonLd(item, out);
    return;
  }
  if (!isObject(value)) return;
  out.push(value);
  if (value['@graph'] !== undefined) flattenJsonLd(value['@graph'], out);
  // WebPage nodes often wrap the article as their main entity.
  if (value.mainEntity !== undefined) flattenJsonLd(value.mainEntity, out);
}

function readJsonLd(document: Document): { article: Json | null; graph: Map<string, Json> } {
  const nodes: Json[] = [];
  for (const script of Array.from(document.querySelectorAll('script'))) {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (type !== 'application/ld+json') continue;
    const source = (script.textContent ?? '')
      .replace(/^\s*(?:<!--|<!\[CDATA\[)/, '')
      .replace(/(?:-->|\]\]>)\s*$/, '');
    try {
      flattenJsonLd(JSON.parse(source), nodes);
    } catch {
      // Broken JSON-LD is common and harmless: the other metadata still applies.
    }
  }
  const graph = new Map<string, Json>();
  for (const node of nodes) {
    if (typeof node['@id'] === 'string') graph.set(node['@id'], { ...graph.get(node['@id']), ...node });
  }
  const article = nodes.find((node) => types(node).some((t) => ARTICLE_TYPES.test(t))) ?? null;
  return { article, graph };
}

export function readPageFacts(document: Document): PageFacts {
  const metas = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const key = meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop');
    const httpEquiv = meta.getAttribute('http-equiv');
    const content = cleanString(meta.getAttribute('content'));
    if (!content) continue;
    for (const k of [key, httpEquiv ? `http-equiv:${httpEquiv}` : null]) {
      if (k && !metas.has(k.toLowerCase())) metas.set(k.toLowerCase(), content);
    }
  }
  let canonical: string | null = null;
  for (const link of Array.from(document.querySelectorAll('link'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) {
      canonical = cleanString(link.getAttribute('href'));
      if (canonical) break;
    }
  }
  // A <time> inside the article is about the article; elsewhere it may date a sidebar teaser.
  const time =
    document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]') ?? null;
  const { article, graph } = readJsonLd(document);
  return {
    jsonLd: article,
    graph,
    metas,
    canonical,
    htmlLang: cleanString(document.documentElement?.getAttribute('lang')),
    timeDatetime: cleanString(time?.getAttribute('datetime')),
    documentTitle: cleanString(document.querySelector('title')?.textContent),
  };
}

/** JSON-LD values may be inline objects or `{"@id": ...}` references to another node of the graph. */
function resolve(value: unknown, graph: Map<string, Json>): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, graph));
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
    return graph.get(value['@id']) ?? value;
  }
  return value;
}

function nameOf(value: unknown): string | null {
  if (isObject(value)) return cleanString(value.name);
  return cleanString(value);
}

function urlOf(value: unknown): string | null {
  if (isObject(value)) return cleanString(value['@id'] ?? value.url);
  return cleanString(value);
}

function notUrl(value: string | null): string | null {
  return value && !/^https?:\/\//i.test(value) ? value : null;
}

function stripBy(byline: string | null | undefined): string | null {
  return cleanString(byline?.replace(/^\s*by\s+/i, ''));
}

function localeToLanguage(locale: string | null | undefined): string | null {
  return cleanString(locale?.replace(/_/g, '-'));
}

function absoluteHttp(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' • '];

/** "Headline | Site Name" → "Headline", only when the part cut off really is the site's name. */
export function stripSiteName(title: string, site: string | null | undefined): string {
  if (!site) return title;
  const siteLower = site.toLowerCase();
  for (const sep of SEPARATORS) {
    const at = title.lastIndexOf(sep);
    if (
      at > 0 &&
      title
        .slice(at + sep.length)
        .trim()
        .toLowerCase() === siteLower
    ) {
      return title.slice(0, at).trim();
    }
    const first = title.indexOf(sep);
    if (first > 0 && title.slice(0, first).trim().toLowerCase() === siteLower) {
      return title.slice(first + sep.length).trim();
    }
  }
  return title;
}

export function pageMeta(
  facts: PageFacts,
  reader: ReaderMeta | null,
): { meta: ArticleMeta; messages: Message[] } {
  const ld = facts.jsonLd ?? {};
  const g = facts.graph;
  const m = (key: string) => facts.metas.get(key) ?? null;
  const c: Candidates = {
    title: [nameOf(ld.headline), nameOf(ld.name), m('og:title'), m('twitter:title'), m('title')],
    outlet: [nameOf(resolve(ld.publisher, g)), m('og:site_name'), m('application-name')],
    url: [
      urlOf(ld.url),
      urlOf(resolve(ld.mainEntityOfPage, g)),
      m('og:url'),
      m('twitter:url'),
      facts.canonical,
    ],
    published: [
      cleanString(ld.datePublished),
      m('article:published_time'),
      m('og:published_time'),
      m('date'),
      m('pubdate'),
      m('publishdate'),
      m('publish-date'),
      m('parsely-pub-date'),
      m('sailthru.date'),
      m('dc.date'),
      m('dc.date.issued'),
      m('dcterms.date'),
      m('citation_publication_date'),
      m('datepublished'),
    ],
    author: [
      authorString(resolve(ld.author, g)),
      m('author'),
      notUrl(m('article:author')),
      m('parsely-author'),
      m('sailthru.author'),
      m('dc.creator'),
      m('citation_author'),
    ],
    language: [
      nameOf(ld.inLanguage),
      m('http-equiv:content-language'),
      m('dc.language'),
      facts.htmlLang,
      localeToLanguage(m('og:locale')),
    ],
  };
  c.title.push(cleanString(reader?.title), facts.documentTitle);
  c.outlet.push(cleanString(reader?.siteName));
  c.author.push(stripBy(reader?.byline));
  c.language.push(cleanString(reader?.lang));
  c.published.push(cleanString(reader?.publishedTime));

  const messages: Message[] = [];
  const url = c.url.map(absoluteHttp).find((u) => u !== null) ?? null;
  let published: string | null = null;
  for (const raw of c.published) {
    published = raw ? normalizePublished(raw) : null;
    if (published) break;
  }
  // The URL path is the publisher's own filing date; it is trusted over a loose <time> element, which on
  // many pages dates a teaser or a comment rather than the article.
  if (!published) published = c.url.map((u) => (u ? dateFromUrl(u) : null)).find((d) => d) ?? null;
  if (!published && facts.timeDatetime) published = normalizePublished(facts.timeDatetime);
  if (!published) {
    const raw = [...c.published, facts.timeDatetime].find((d) => d);
    if (raw) messages.push(unparsedDate(raw, 'page metadata'));
  }
  const outlet = c.outlet.find((v) => v) ?? null;
  const title = c.title.find((v) => v) ?? null;
  return {
    meta: {
      title: title ? stripSiteName(title, outlet) : null,
      outlet,
      url,
      published,
      author: c.author.find((v) => v) ?? null,
      language: c.language.find((v) => v) ?? null,
    },
    messages,
  };
}
