// Saved web pages: src/extract finds the article among navigation, teasers and footers and gives its body
// as plain paragraphs; the page's metadata is read from the same parsed document.

import { extractFromDocument } from '../extract/index.js';
import { parseHTML } from '../extract/parse-html.js';
import { stripInertMarkup } from '../extract/prestrip.js';
import type { ArticleMeta, Message, RawArticle } from '../model/article.js';
import { blockText } from '../text/html-blocks.js';
import { approximateWords } from '../text/unspaced-scripts.js';
import { wordCount } from '../text/words.js';
import { pageMeta, readPageFacts } from './page-meta.js';
import { REASONS, Refusal } from './refusal.js';

/** Below these, what the extractor found is a teaser, a cookie notice or an error page, not an article. */
export const MIN_ARTICLE_CHARS = 200;
export const MIN_ARTICLE_WORDS = 30;

export interface PageExtract {
  body: string;
  meta: ArticleMeta;
  messages: Message[];
}

function parseDocument(html: string): Document {
  return parseHTML(html).document;
}

/** Article text and metadata of a whole page; refuses a page without an article. */
export function extractPage(html: string): PageExtract {
  let document: Document;
  try {
    // Scripts, styles and comments go before parsing (JSON-LD stays for the metadata): half the bytes of
    // a typical page, none of its text.
    document = parseDocument(stripInertMarkup(html));
  } catch {
    throw new Refusal('could not parse the HTML');
  }
  const facts = readPageFacts(document);
  let article: ReturnType<typeof extractFromDocument>;
  try {
    // Captions stay: they are the outlet's words about the story, and src/clean drops the credit lines.
    article = extractFromDocument(document, { captions: true });
  } catch {
    throw new Refusal(REASONS.noArticle);
  }
  const body = article.text;
  // A Japanese or Chinese article is measured in characters (text/unspaced-scripts.ts).
  if (body.length < MIN_ARTICLE_CHARS || approximateWords(body, wordCount(body)) < MIN_ARTICLE_WORDS) {
    throw new Refusal(REASONS.noArticle);
  }
  const { meta, messages } = pageMeta(facts, article);
  return { body, meta, messages };
}

/** Plain text of an HTML fragment (an article body kept as HTML in a record), taken whole. */
export function fragmentText(html: string): string {
  const document = parseDocument(`<!doctype html><html><body>${html}</body></html>`);
  return document.body ? blockText(document.body as unknown as Parameters<typeof blockText>[0]) : '';
}

/** Records may hold a whole saved page rather than the article's own markup. */
export function isWholePage(html: string): boolean {
  return /<(?:html|body|head)[\s>]/i.test(html.slice(0, 4096));
}

export function htmlArticle(source: string, html: string): RawArticle {
  const { body, meta, messages } = extractPage(html);
  return { source, format: 'html', body, bodyIsHtml: false, extracted: true, meta, messages };
}
