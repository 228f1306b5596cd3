// Inside the article container, what is not the article: the page furniture publishers put between and
// around the paragraphs. Each rule names a kind of block a reader skips:
//  - share bars, "related"/"recommended" boxes, newsletter and subscription prompts, ads, bylines, tag
//    lists — by their class/id words, when they are a small part of the article;
//  - the standfirst above the body ("dek", "subtitle"), only before the first paragraph: further down the
//    same words name subheadings;
//  - embedded social posts (a <blockquote> quoting a tweet is the tweet's author, not the reporter);
//  - the headline repeated above the body, and photo captions (<figure>, "caption");
//  - lists of other articles' headlines (headline-lists.ts), galleries (more pictures than paragraphs)
//    and boxes whose text is mostly links, as Readability's conditional cleaning does.
import type { Container } from './container.js';
import { dropHeadlineLists } from './headline-lists.js';
import { BLOCK_TAGS, type ElementItem, linkDensity, textOf } from './tree.js';
import { classWeight } from './votes.js';
import {
  CAPTION,
  DEK,
  EMBEDDED_POST,
  FURNITURE,
  hasWord,
  OK_MAYBE_CONTENT,
  UNLIKELY_CONTENT,
} from './words.js';

/** Furniture words drop an element only when it holds at most this share of the article's text. */
const FURNITURE_MAX_SHARE = 0.3;
/** "article-body share-enabled": above this length a content word overrides a furniture word. */
const CONTENT_NAMED_MIN_CHARS = 200;
/** Blocks with this many commas read as prose: conditional cleaning leaves them alone. */
const PROSE_COMMAS = 10;
/** A box (div, section, table) that is not a list is dropped above this link density… */
const BOX_MAX_LINK_DENSITY = 0.2;
/** …or above this one when its class says it is content. */
const CONTENT_BOX_MAX_LINK_DENSITY = 0.5;
/** Share of a box's text in lists above which the box counts as a list. */
const LIST_SHARE = 0.9;
/** A paragraph this long means the body has begun. */
const FIRST_PARAGRAPH_CHARS = 80;
/** A heading is the title repeated when it holds at least this share of the title. */
const TITLE_SHARE = 0.5;

const HEADLINES = new Set(['h1', 'h2', 'h3']);
const CONDITIONAL = new Set(['div', 'section', 'ul', 'ol', 'table', 'form', 'fieldset', 'dl', 'aside']);
/** Links to a post on a social network: an embedded post quotes one, a reporter's quote does not. */
const SOCIAL_POST =
  /(?:twitter\.com|x\.com|instagram\.com|facebook\.com|tiktok\.com)\/.+\/(?:status|p|posts|video)\//i;

export interface FurnitureOptions {
  /** Keep photo captions as paragraphs (Readability's behaviour) instead of dropping them. */
  captions: boolean;
  /** Keep posts embedded from social networks (a tweet quoted in a blockquote). */
  embeddedPosts: boolean;
  /** The headline as the page states it in its metadata (og:title, <title>…). */
  titles: string[];
}

interface Walk {
  options: FurnitureOptions;
  /** Text length of the whole article, to tell a small box from the body itself. */
  total: number;
  titles: string[];
  /** A body paragraph has been passed (document order). */
  bodyBegun: boolean;
}

/**
 * Marks `dropped` on the furniture inside the container, and on the joined siblings that are furniture
 * themselves (an author box after the body); the main element stays.
 */
export function dropFurniture(container: Container, options: FurnitureOptions): void {
  const walk: Walk = {
    options,
    total: container.parts.reduce((n, c) => n + c.chars, 0),
    titles: options.titles.map(normalized).filter((t) => t !== ''),
    bodyBegun: false,
  };
  for (const part of container.parts) {
    if (part === container.main) visitChildren(part, walk);
    // A joined sibling naming itself furniture is an author box or footer whatever else it is called.
    else if (hasWord(part.words, FURNITURE) || hasWord(part.words, UNLIKELY_CONTENT)) part.dropped = true;
    else visit(part, walk);
  }
}

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function visit(el: ElementItem, walk: Walk): void {
  if (isFurniture(el, walk)) {
    el.dropped = true;
    return;
  }
  if (el.inlineChars >= FIRST_PARAGRAPH_CHARS && BLOCK_TAGS.has(el.tag)) walk.bodyBegun = true;
  visitChildren(el, walk);
}

function visitChildren(el: ElementItem, walk: Walk): void {
  dropHeadlineLists(el);
  for (const child of el.children) {
    if (child.kind === 'element' && !child.dropped) visit(child, walk);
  }
}

function isFurniture(el: ElementItem, walk: Walk): boolean {
  const { tag, words } = el;
  const { options } = walk;
  // The headline: an <h1> above the body, or a heading that repeats the page's title.
  if (tag === 'h1' && !walk.bodyBegun) return true;
  if (HEADLINES.has(tag) && isTitle(textOf(el), walk.titles)) return true;
  if (!options.captions && (tag === 'figure' || tag === 'figcaption' || hasWord(words, CAPTION))) return true;
  const small = el.chars <= walk.total * FURNITURE_MAX_SHARE;
  if (small && (tag === 'header' || tag === 'footer' || tag === 'aside')) return true;
  if (small && hasWord(words, FURNITURE)) {
    if (!(hasWord(words, OK_MAYBE_CONTENT) && el.chars > CONTENT_NAMED_MIN_CHARS)) return true;
  }
  if (small && !walk.bodyBegun && hasWord(words, DEK)) return true;
  if (!options.embeddedPosts) {
    if (small && hasWord(words, EMBEDDED_POST)) return true;
    if (tag === 'blockquote' && quotesSocialPost(el)) return true;
  }
  if (CONDITIONAL.has(tag) && el.commas < PROSE_COMMAS) return conditionallyDropped(el);
  return false;
}

/** A heading repeating the page title ("Headline" under a title "Headline | Site"). */
function isTitle(heading: string, titles: string[]): boolean {
  const h = normalized(heading);
  if (h === '') return false;
  return titles.some((t) => h.includes(t) || (t.includes(h) && h.length >= t.length * TITLE_SHARE));
}

function quotesSocialPost(el: ElementItem): boolean {
  let found = false;
  const visitLinks = (e: ElementItem) => {
    for (const c of e.children) {
      if (found || c.kind !== 'element') continue;
      if (c.tag === 'a' && SOCIAL_POST.test(c.dom.getAttribute('href') ?? '')) found = true;
      else visitLinks(c);
    }
  };
  visitLinks(el);
  return found;
}

function listChars(el: ElementItem): number {
  let n = 0;
  for (const c of el.children) {
    if (c.kind !== 'element') continue;
    n += c.tag === 'ul' || c.tag === 'ol' ? c.chars : listChars(c);
  }
  return n;
}

/** Readability's test for boxes with little prose: link-heavy, picture-heavy or form-like. */
function conditionallyDropped(el: ElementItem): boolean {
  const weight = classWeight(el);
  if (weight + (el.score ?? 0) < 0) return true;
  if (el.images > 1 && el.paragraphs / el.images < 0.5) return true;
  // Lists stay here: a list of links is a list of headlines only when its items are links through and
  // through (headline-lists.ts); a list of shop links or sources in a deals or explainer piece is content.
  const isList =
    el.tag === 'ul' || el.tag === 'ol' || (el.chars > 0 && listChars(el) / el.chars > LIST_SHARE);
  if (isList) return false;
  const density = linkDensity(el);
  if (el.chars < 25 && density > 0 && el.headingChars / Math.max(1, el.chars) < 0.9) return true;
  if (weight < 25 && density > BOX_MAX_LINK_DENSITY) return true;
  if (weight >= 25 && density > CONTENT_BOX_MAX_LINK_DENSITY) return true;
  return false;
}
