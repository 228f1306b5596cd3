// Article body of a saved web page. One parse, one light copy of the tree, then:
//   1. the container — the element the article's paragraphs vote for (container.ts);
//   2. the furniture inside it — share bars, related links, ads, captions, embedded posts (furniture.ts);
//   3. the text, block by block (render.ts), less the lines that only frame the article (lines.ts).
// A page where strict pruning leaves too little (a short article in an <aside>, or in a box named
// "sidebar-story") is read again without it, as Readability does.

import { chooseContainer } from './container.js';
import { dropFurniture } from './furniture.js';
import { dropFramingLines } from './lines.js';
import { parseHTML } from './parse-html.js';
import { stripInertMarkup } from './prestrip.js';
import { renderParagraphs } from './render.js';
import { buildTree, type ElementItem, textOf, walkElements } from './tree.js';
import { BYLINE } from './words.js';

/** A strict reading shorter than this is retried without pruning by class names. */
const RETRY_BELOW_CHARS = 500;
/** Bylines are short; a longer "author" block is a biography. */
const MAX_BYLINE_CHARS = 100;

export interface ExtractOptions {
  /** Keep photo captions as paragraphs. Off by default: a caption describes a picture, not the story. */
  captions?: boolean;
  /**
   * Keep posts embedded from social networks. Off by default: a tweet shown in an article is the
   * tweet's author speaking, not the outlet, and its text often repeats the paragraph before it.
   */
  embeddedPosts?: boolean;
}

export interface ExtractedArticle {
  title: string | null;
  /** Paragraphs separated by blank lines; empty when the page has no article. */
  text: string;
  byline: string | null;
  lang: string | null;
}

/**
 * The article of a page (or of a fragment of one: "<p>…</p><p>…</p>" is read as a page's body). The
 * page's address is accepted for callers that have it, but no rule reads it: the heuristics must work on
 * any site, so none is keyed on a domain.
 */
export function extractArticle(html: string, _url?: string, options: ExtractOptions = {}): ExtractedArticle {
  const stripped = stripInertMarkup(html);
  let { document } = parseHTML(stripped);
  // linkedom builds no <html> element around markup without one: its first element stands in.
  if (document.documentElement?.localName !== 'html') {
    document = parseHTML(`<!doctype html><html><body>${stripped}</body></html>`).document;
  }
  return extractFromDocument(document, options);
}

/** The same, on a document parsed already (the caller reads page metadata from it too). */
export function extractFromDocument(document: Document, options: ExtractOptions = {}): ExtractedArticle {
  const html = document.documentElement;
  // linkedom's document.body throws when there is no <html> at all (an empty string).
  if (!html) return { title: null, text: '', byline: null, lang: null };
  const titles = titleCandidates(document);
  const title = titles[0] ?? null;
  const lang = html.getAttribute('lang');
  const body = document.body ?? html;
  let read = readBody(body, true, titles, options);
  if (read.text.length < RETRY_BELOW_CHARS) {
    const lenient = readBody(body, false, titles, options);
    if (lenient.text.length > read.text.length) read = lenient;
  }
  return { title, text: read.text, byline: read.byline, lang };
}

function readBody(
  body: Element,
  strict: boolean,
  titles: string[],
  options: ExtractOptions,
): { text: string; byline: string | null } {
  const root = buildTree(body, { strict });
  const byline = findByline(root);
  const container = chooseContainer(root);
  if (container === null) return { text: '', byline };
  dropFurniture(container, {
    captions: options.captions ?? false,
    embeddedPosts: options.embeddedPosts ?? false,
    titles,
  });
  const paragraphs = dropFramingLines(renderParagraphs(container.parts));
  return { text: paragraphs.join('\n\n'), byline };
}

function findByline(root: ElementItem): string | null {
  let found: string | null = null;
  walkElements(root, (el) => {
    if (found !== null) return false;
    const rel = el.tag === 'a' ? el.dom.getAttribute('rel') : null;
    if (
      (rel === 'author' || BYLINE.test(el.words.join(' '))) &&
      el.chars > 0 &&
      el.chars < MAX_BYLINE_CHARS
    ) {
      found = textOf(el).replace(/\s+/g, ' ').trim() || null;
      return false;
    }
    return undefined;
  });
  return found;
}

/** The ways a page states its headline: for social previews, for search engines, in the browser tab. */
function titleCandidates(document: Document): string[] {
  const texts = [
    document.querySelector('meta[property="og:title"]')?.getAttribute('content'),
    document.querySelector('meta[name="twitter:title"]')?.getAttribute('content'),
    document.querySelector('title')?.textContent,
  ];
  const out: string[] = [];
  for (const text of texts) {
    const title = text?.replace(/\s+/g, ' ').trim();
    if (title) out.push(title);
  }
  return out;
}
