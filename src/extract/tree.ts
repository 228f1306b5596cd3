// The page's DOM is copied once into a light tree that carries what every later step asks for — text
// length, link text length, commas, class/id words — summed bottom-up in the same walk. Asking a DOM for
// textContent at every level instead walks each subtree again and again (quadratic on deep pages), and the
// copy lets later steps drop nodes by flag without touching the DOM.
//
// Nodes that can never be article text are left out of the copy (pruning.ts says which).
import { BLOCK_ELEMENTS } from '../text/html-blocks.js';
import type { ElementItem } from './item.js';
import {
  isHidden,
  isHoverCard,
  isProseWrapper,
  isUnlikelyByName,
  NEVER_TEXT,
  UNLIKELY_ROLES,
  UNLIKELY_TAGS,
} from './pruning.js';
import { classWords } from './words.js';

export type { ElementItem, Item, TextItem } from './item.js';

/** The ingest renderer's block elements, plus those the extractor also treats as boundaries. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  ...BLOCK_ELEMENTS,
  'form',
  'hr',
  'menu',
  'pre',
  'td',
  'th',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const COMMAS = /[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]/g;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

function collapsedLength(text: string): number {
  const collapsed = text.replace(/\s+/g, ' ');
  let n = collapsed.length;
  if (n > 0 && collapsed.charCodeAt(0) === 32) n--;
  if (n > 0 && collapsed.length > 1 && collapsed.charCodeAt(collapsed.length - 1) === 32) n--;
  return n;
}

function countCommas(text: string): number {
  COMMAS.lastIndex = 0;
  let n = 0;
  while (COMMAS.exec(text) !== null) n++;
  return n;
}

export interface TreeOptions {
  /** Leave out elements whose class, id, role or tag names page furniture. */
  strict: boolean;
}

/** Copies `root` (normally <body>) into an item tree; `root` itself is always kept. */
export function buildTree(root: Element, options: TreeOptions): ElementItem {
  const words = new Map<string, readonly string[]>();
  const built = buildElement(root, null, options, words, true);
  return built ?? emptyElement(root);
}

function emptyElement(dom: Element): ElementItem {
  return {
    kind: 'element',
    tag: dom.localName ?? 'div',
    dom,
    parent: null,
    children: [],
    words: [],
    chars: 0,
    linkChars: 0,
    commas: 0,
    inlineChars: 0,
    inlineCommas: 0,
    hasBlockChild: false,
    paragraphs: 0,
    images: 0,
    listItems: 0,
    links: 0,
    headingChars: 0,
    score: null,
    dropped: false,
  };
}

function buildElement(
  dom: Element,
  parent: ElementItem | null,
  options: TreeOptions,
  cache: Map<string, readonly string[]>,
  isRoot: boolean,
  insideTable = false,
): ElementItem | null {
  const tag = (dom.localName ?? '').toLowerCase();
  if (!isRoot) {
    if (NEVER_TEXT.has(tag) || isHidden(dom)) return null;
  }
  const key = `${dom.getAttribute('class') ?? ''} ${dom.getAttribute('id') ?? ''}`;
  let w = cache.get(key);
  if (w === undefined) {
    w = classWords(key);
    cache.set(key, w);
  }
  // Role and tag are known now; a class word is checked once the subtree is built and its size known.
  const unlikely = !isRoot && options.strict && tag !== 'a' && !insideTable && isUnlikelyByName(dom, tag, w);
  if (unlikely && (UNLIKELY_TAGS.has(tag) || UNLIKELY_ROLES.has(dom.getAttribute('role') ?? ''))) {
    return null;
  }
  const item = emptyElement(dom);
  item.tag = tag;
  item.parent = parent;
  item.words = w;
  if (tag === 'img') item.images = 1;
  else if (tag === 'li') item.listItems = 1;
  const inTable = insideTable || tag === 'table';
  for (let child = dom.firstChild; child !== null; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === TEXT_NODE || type === CDATA_NODE) {
      const text = child.nodeValue ?? '';
      const chars = collapsedLength(text);
      item.children.push({ kind: 'text', text, chars });
      if (chars > 0) {
        const commas = countCommas(text);
        item.chars += chars;
        item.commas += commas;
        item.inlineChars += chars;
        item.inlineCommas += commas;
      }
    } else if (type === ELEMENT_NODE) {
      const sub = buildElement(child as Element, item, options, cache, false, inTable);
      if (sub === null) continue;
      item.children.push(sub);
      item.chars += sub.chars;
      item.linkChars += sub.linkChars;
      item.commas += sub.commas;
      item.paragraphs += sub.paragraphs;
      item.images += sub.images;
      item.listItems += sub.listItems;
      item.links += sub.links;
      item.headingChars += sub.headingChars;
      if (BLOCK_TAGS.has(sub.tag)) {
        item.hasBlockChild = true;
      } else {
        item.inlineChars += sub.inlineChars;
        item.inlineCommas += sub.inlineCommas;
      }
    }
  }
  if (tag === 'a') {
    item.linkChars = item.chars;
    item.links++;
  }
  if (!isRoot && isHoverCard(item)) return null;
  if (unlikely && !isProseWrapper(item)) return null;
  // A <div> holding only text is a paragraph too (many templates never use <p>).
  if (tag === 'p' || (tag === 'div' && !item.hasBlockChild && item.inlineChars > 0)) item.paragraphs++;
  if (HEADINGS.has(tag)) item.headingChars = item.chars;
  return item;
}

export function linkDensity(el: ElementItem): number {
  return el.chars > 0 ? el.linkChars / el.chars : 0;
}

/** The raw text of a subtree (whitespace as in the page). */
export function textOf(el: ElementItem): string {
  let out = '';
  const visit = (e: ElementItem) => {
    for (const c of e.children) {
      if (c.kind === 'text') out += c.text;
      else visit(c);
    }
  };
  visit(el);
  return out;
}

/** Depth-first walk over elements; `visit` returning false skips the element's subtree. */
export function walkElements(root: ElementItem, visit: (el: ElementItem) => boolean | undefined): void {
  if (visit(root) === false) return;
  for (const child of root.children) if (child.kind === 'element') walkElements(child, visit);
}
