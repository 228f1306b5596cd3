// Which element holds the article: the one its paragraphs vote for most (votes.ts), moved up when the
// article is cut in pieces (by ads, by a full-width picture) that each collected votes, then joined by the
// siblings that continue it (siblings.ts). Readability's procedure, on the light tree (no DOM rewriting, no
// re-parsing the page for a retry), with its climbing rules made harder to fool by page wrappers.

import type { ElementItem } from './item.js';
import { elementChildren, withSiblings } from './siblings.js';
import { scoreCandidates } from './votes.js';

/** Runners-up this close to the winner that share an ancestor make that ancestor the container. */
const RUNNER_UP_RATIO = 0.75;
const MIN_RUNNERS_UP = 3;
const TOP_CANDIDATES = 5;
/** A runner-up counts as a block of the same article when it holds this share of the winner's text. */
const CHUNK_MIN_LENGTH_RATIO = 0.25;
/** A runner-up this long compared to the winner is the other half of a split article. */
const SPLIT_MIN_LENGTH_RATIO = 0.5;
/** A runner-up with the winner's class is another body of the same article from this share of its score. */
const SAME_CLASS_RIVAL_RATIO = 0.5;

function commonAncestor(a: ElementItem, b: ElementItem): ElementItem | null {
  for (let p = a.parent; p !== null; p = p.parent) if (isAncestorOf(p, b)) return p;
  return null;
}

function isAncestorOf(a: ElementItem, b: ElementItem): boolean {
  for (let p = b.parent; p !== null; p = p.parent) if (p === a) return true;
  return false;
}

export interface Container {
  /** The element the paragraphs voted for. */
  main: ElementItem;
  /** `main` and the siblings that continue the article, in document order. */
  parts: ElementItem[];
}

/** The element holding the article, and the siblings that continue it; null when nothing scored. */
export function chooseContainer(root: ElementItem): Container | null {
  const final = scoreCandidates(root);
  const top = [...final.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_CANDIDATES)
    .map(([el]) => el);
  const scoreOf = (el: ElementItem) => final.get(el) ?? 0;
  let best = top[0];
  if (best === undefined) return null;

  // Several near-equal winners inside one element (an article cut into blocks by ads): take the element.
  // Only real blocks of text count: the winner's own wrappers score close to it too, and so does a short
  // box with a lucky class name ("content-title").
  const first = best;
  const close = top.filter(
    (c) =>
      c !== first &&
      scoreOf(c) / (scoreOf(first) || 1) >= RUNNER_UP_RATIO &&
      c.chars >= first.chars * CHUNK_MIN_LENGTH_RATIO &&
      !isAncestorOf(c, first) &&
      !isAncestorOf(first, c),
  );
  if (close.length >= MIN_RUNNERS_UP) {
    for (let p = best.parent; p !== null && p !== root; p = p.parent) {
      const ancestor = p;
      if (close.filter((c) => isAncestorOf(ancestor, c)).length >= MIN_RUNNERS_UP) {
        best = p;
        break;
      }
    }
  }
  // An article split in two bodies (text, a full-width picture, more text): a runner-up beside the
  // winner rather than inside or around it, nearly as good and nearly as long — or a second body with the
  // winner's own class. Their common ancestor holds both halves.
  const winner = best;
  const winnerClass = winner.dom.getAttribute('class') ?? '';
  const rival = top.find((c) => {
    if (c === winner || isAncestorOf(c, winner) || isAncestorOf(winner, c)) return false;
    const ratio = scoreOf(c) / (scoreOf(winner) || 1);
    if (winnerClass !== '' && c.dom.getAttribute('class') === winnerClass)
      return ratio >= SAME_CLASS_RIVAL_RATIO;
    return ratio >= RUNNER_UP_RATIO && c.chars >= winner.chars * SPLIT_MIN_LENGTH_RATIO;
  });
  if (rival !== undefined) {
    const common = commonAncestor(best, rival);
    if (common !== null && common !== root) best = common;
  }
  // A parent scoring higher than the winner gathers more of the article (the body's own paragraphs
  // around a nested block of them). Readability climbs on any rise over the step below, which also takes
  // page wrappers far above the article when one step between is a low-scoring "sidebar-layout" div.
  const bestScore = scoreOf(best);
  for (let p = best.parent; p !== null && p !== root; p = p.parent) {
    if (p.score === null) continue;
    const s = scoreOf(p);
    if (s < bestScore / 3) break;
    if (s > bestScore) {
      best = p;
      break;
    }
  }
  // An only child says nothing its parent does not; the parent's siblings may continue the article.
  while (best.parent !== null && best.parent !== root && elementChildren(best.parent).length === 1) {
    best = best.parent;
  }
  return { main: best, parts: withSiblings(best, scoreOf) };
}
