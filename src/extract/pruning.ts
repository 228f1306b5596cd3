// What the light tree leaves out, decided element by element while it is built (tree.ts):
//  - never text, on any page: scripts, forms, media, navigation, dialogs, hidden elements;
//  - a hover card: a picture and a handful of links inside a sentence, shown on mouse-over only;
//  - in strict mode, page furniture by tag (<aside>, <header>, <footer>), by ARIA role, or by class/id
//    words ("sidebar", "comments", "related"), unless the element names itself content ("article-header")
//    or holds many paragraphs of prose (a page wrapper called "page-ad-margins").
import type { ElementItem } from './item.js';
import { DISCUSSION, hasWord, OK_MAYBE_CONTENT, UNLIKELY_CONTENT } from './words.js';

/** Never article text, whatever the page. */
export const NEVER_TEXT = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'source',
  'track',
  'map',
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'dialog',
  'nav',
  'menu',
]);

/**
 * Page furniture by tag, left out in strict mode only (some pages wrap their whole body in <header>): an
 * article's <header> holds its headline, standfirst and byline, its <footer> tags and share buttons.
 */
export const UNLIKELY_TAGS = new Set(['aside', 'footer', 'header']);

/** ARIA roles of page furniture. */
export const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
  'banner',
  'contentinfo',
  'search',
  'toolbar',
  'tooltip',
]);

const INLINE_BOXES = new Set(['span', 'a', 'em', 'strong', 'b', 'i', 'small']);
/** Links in a hover card: the person's page and a few of their stories. */
const HOVER_CARD_LINKS = 3;
const HOVER_CARD_MAX_CHARS = 600;
/** Text of the card outside its links ("MORE", separators). */
const HOVER_CARD_OWN_CHARS = 20;

/** Paragraphs that make a furniture-named element a page wrapper. */
const PROSE_WRAPPER_PARAGRAPHS = 8;
const PROSE_WRAPPER_LINK_DENSITY = 0.3;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/**
 * Class names that hide an element on every screen ("hidden", "sr-only" text for screen readers), unlike
 * "hidden-xs" or "d-none d-md-block", which hide it on some screens only.
 */
const HIDDEN_CLASS =
  /(?:^|\s)(?:hidden|hide|is-hidden|invisible|sr-only|visually-hidden|screen-reader-text|screenreader-only)(?=\s|$)/i;

export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const cls = el.getAttribute('class');
  if (cls !== null && HIDDEN_CLASS.test(cls) && !/\b(?:d|display)-\w*-(?:block|flex|inline)/.test(cls))
    return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** Class, id, role or tag name page furniture (strict mode), and nothing says the element is content. */
export function isUnlikelyByName(dom: Element, tag: string, words: readonly string[]): boolean {
  const role = dom.getAttribute('role');
  if (role !== null && UNLIKELY_ROLES.has(role)) return true;
  if (UNLIKELY_TAGS.has(tag)) return true;
  return (
    hasWord(words, UNLIKELY_CONTENT) &&
    !hasWord(words, OK_MAYBE_CONTENT) &&
    dom.getAttribute('itemprop') !== 'articleBody'
  );
}

/**
 * A picture and a handful of links inside a line of text: a hover card ("Jane Doe [photo] Latest stories
 * by Jane Doe: …") the page shows on mouse-over only. Left in, its links would also make the paragraph
 * around it look like a list of links.
 */
export function isHoverCard(el: ElementItem): boolean {
  return (
    INLINE_BOXES.has(el.tag) &&
    el.images > 0 &&
    el.links >= HOVER_CARD_LINKS &&
    el.chars <= HOVER_CARD_MAX_CHARS &&
    el.chars - el.linkChars <= HOVER_CARD_OWN_CHARS
  );
}

/**
 * A page wrapper that happens to carry a furniture word ("page-ad-margins", "has-sidebar"): it holds many
 * paragraphs of prose, which no ad, menu or sidebar does. Comment threads do, so they never qualify.
 */
export function isProseWrapper(el: ElementItem): boolean {
  return (
    el.paragraphs >= PROSE_WRAPPER_PARAGRAPHS &&
    el.linkChars < el.chars * PROSE_WRAPPER_LINK_DENSITY &&
    !hasWord(el.words, DISCUSSION)
  );
}
