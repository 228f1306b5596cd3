// Lists of other articles' headlines inside the body: "More great stories" and a list of links, "You may
// also like…" and three linked paragraphs. Each item is a link (or mostly one), and the list often has a
// short label before it. Nothing in the markup says "related"; the shape does. A sentence with a link in
// it, or a list of facts with a source link in one item, is not touched: items must be links through and
// through, or follow such a label.
import { BLOCK_TAGS, type ElementItem, linkDensity, textOf } from './tree.js';

/** An unlabelled run of this many linked items is a list of headlines. */
const MIN_RUN = 3;
/** Link share of an item in an unlabelled run: the item is the link. */
const RUN_ITEM_LINK_DENSITY = 0.9;
/** Link share of an item after a "more stories" label: the headline is linked, a teaser may follow. */
const LABELLED_ITEM_LINK_DENSITY = 0.3;
/** Headlines and teasers are short. */
const MAX_ITEM_CHARS = 250;
const MAX_LABEL_CHARS = 60;

const LIST_TAGS = new Set(['ul', 'ol']);
const RELATED_LABEL =
  /^(?:more|related|recommended|popular|trending|most (?:read|popular|viewed|shared)|top stories|latest|you (?:may|might) (?:also )?like|read (?:more|next|also)|next article|see also|also read|further reading|editor'?s picks|don'?t miss|topics|tags|categories|explore)\b/i;

function isItem(el: ElementItem, minDensity: number): boolean {
  return el.chars > 0 && el.chars <= MAX_ITEM_CHARS && el.links > 0 && linkDensity(el) >= minDensity;
}

/** A list all of whose items are items in this sense. */
function isLinkList(el: ElementItem, minDensity: number, minItems: number): boolean {
  if (!LIST_TAGS.has(el.tag)) return false;
  const items = el.children.filter((c): c is ElementItem => c.kind === 'element' && c.tag === 'li');
  return items.length >= minItems && items.every((li) => isItem(li, minDensity));
}

function isLabel(el: ElementItem): boolean {
  if (el.chars === 0 || el.chars > MAX_LABEL_CHARS || linkDensity(el) > 0.5) return false;
  const label = textOf(el).replace(/\s+/g, ' ').trim();
  return RELATED_LABEL.test(label) && !/[.!?]$/.test(label);
}

/**
 * The block children of `parent` in order, null standing for anything else that breaks a list: text
 * between them or an inline element (three links inside one sentence are not a list).
 */
function blockSequence(parent: ElementItem): (ElementItem | null)[] {
  const out: (ElementItem | null)[] = [];
  for (const c of parent.children) {
    if (c.kind === 'text') {
      if (c.chars > 0) out.push(null);
    } else if (!c.dropped) {
      out.push(BLOCK_TAGS.has(c.tag) ? c : null);
    }
  }
  return out;
}

/** Marks `dropped` on the headline lists among `parent`'s children, and on their labels. */
export function dropHeadlineLists(parent: ElementItem): void {
  if (!parent.hasBlockChild) return;
  const children = blockSequence(parent);
  const itemAt = (k: number, density: number) => {
    const c = children[k];
    return c !== null && c !== undefined && (isItem(c, density) || isLinkList(c, density, 1));
  };
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child === null || child === undefined) continue;
    if (isLabel(child)) {
      // Everything linked after the label, up to the first block that is not an item.
      let j = i + 1;
      for (; j < children.length && itemAt(j, LABELLED_ITEM_LINK_DENSITY); j++) {
        (children[j] as ElementItem).dropped = true;
      }
      if (j > i + 1) child.dropped = true;
      continue;
    }
    if (isLinkList(child, RUN_ITEM_LINK_DENSITY, MIN_RUN)) {
      child.dropped = true;
      continue;
    }
    let j = i;
    while (j < children.length && itemAt(j, RUN_ITEM_LINK_DENSITY) && !LIST_TAGS.has(children[j]?.tag ?? ''))
      j++;
    if (j - i >= MIN_RUN) {
      for (let k = i; k < j; k++) (children[k] as ElementItem).dropped = true;
      i = j - 1;
    }
  }
}
