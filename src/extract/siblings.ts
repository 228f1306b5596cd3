// The winner's siblings that continue the article: a lead paragraph outside the body <div>, the body's
// second half after a full-width picture (often a <div> of the same class), a closing line. A sibling made
// of links is a teaser list whatever its score.
import { type ElementItem, linkDensity, textOf, walkElements } from './tree.js';

/** A sibling joins when its own score reaches this share of the winner's (and at least the floor). */
const SIBLING_SHARE = 0.2;
const SIBLING_FLOOR = 10;
/** A sibling with the winner's class gains this share of the winner's score. */
const SAME_CLASS_BONUS = 0.2;
/** A sibling paragraph joins when it is this long with few links, or short and ends a sentence. */
const SIBLING_PARAGRAPH_CHARS = 80;
const SIBLING_MAX_LINK_DENSITY = 0.25;
/** A sibling box that is mostly links is a list of teasers, whatever its score. */
const SIBLING_MAX_BOX_LINK_DENSITY = 0.5;

/** The best score of the element or of any element inside it: an article split over sibling wrappers. */
function bestInside(el: ElementItem, scoreOf: (el: ElementItem) => number): number {
  let best = Number.NEGATIVE_INFINITY;
  walkElements(el, (e) => {
    if (e.score !== null) best = Math.max(best, scoreOf(e));
    return undefined;
  });
  return best;
}

export function elementChildren(el: ElementItem): ElementItem[] {
  return el.children.filter((c): c is ElementItem => c.kind === 'element');
}

export function withSiblings(best: ElementItem, scoreOf: (el: ElementItem) => number): ElementItem[] {
  const parent = best.parent;
  if (parent === null) return [best];
  const bestScore = scoreOf(best);
  const threshold = Math.max(SIBLING_FLOOR, bestScore * SIBLING_SHARE);
  const bestClass = best.dom.getAttribute('class') ?? '';
  const kept: ElementItem[] = [];
  for (const sibling of elementChildren(parent)) {
    if (sibling === best) {
      kept.push(sibling);
      continue;
    }
    // A sibling of the same class is the article continued after a picture or an ad: it joins on the
    // paragraphs it holds at any depth. Other siblings join on their own score.
    const sameClass = bestClass !== '' && (sibling.dom.getAttribute('class') ?? '') === bestClass;
    const score = sameClass
      ? bestInside(sibling, scoreOf) + bestScore * SAME_CLASS_BONUS
      : sibling.score === null
        ? Number.NEGATIVE_INFINITY
        : scoreOf(sibling);
    if (score >= threshold && linkDensity(sibling) < SIBLING_MAX_BOX_LINK_DENSITY) {
      kept.push(sibling);
      continue;
    }
    if (isParagraphLike(sibling)) {
      const density = linkDensity(sibling);
      if (sibling.chars > SIBLING_PARAGRAPH_CHARS && density < SIBLING_MAX_LINK_DENSITY) kept.push(sibling);
      else if (
        sibling.chars > 0 &&
        density === 0 &&
        /\.( |$)/.test(textOf(sibling).replace(/\s+/g, ' ').trim())
      )
        kept.push(sibling);
    }
  }
  return kept;
}

/** A <p>, a <div> holding only text, or a <div> wrapping a single <p> (a paragraph in a styling box). */
function isParagraphLike(el: ElementItem): boolean {
  if (el.tag === 'p') return true;
  if (el.tag !== 'div') return false;
  if (!el.hasBlockChild) return true;
  const children = elementChildren(el);
  return children.length === 1 && children[0]?.tag === 'p' && el.inlineChars === 0;
}
