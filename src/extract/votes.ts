// Every paragraph votes for the elements above it, as in Readability: a paragraph of 300 characters
// with four commas is worth more than a 30-character teaser; its parent gets the whole vote, its
// grandparent half, elders less. An element's class or id moves its score ("article-body" up, "sidebar"
// down) before any vote, and its link text discounts it after (a list of headlines is all links).
import { BLOCK_TAGS, type ElementItem, linkDensity, walkElements } from './tree.js';
import { hasWord, NEGATIVE, POSITIVE } from './words.js';

/** A paragraph shorter than this casts no vote (bylines, labels, "Read more"). */
const MIN_PARAGRAPH_CHARS = 25;
/** Ancestors a paragraph votes for: parent, grandparent and three more. */
const VOTE_LEVELS = 5;
/** Points per 100 characters of a paragraph, up to this many. */
const MAX_LENGTH_POINTS = 3;
/** Class/id naming content or furniture moves a container by this much. */
const CLASS_WEIGHT = 25;
/** Extra weight for a container marked up as the article body (schema.org `itemprop="articleBody"`). */
const ARTICLE_BODY_WEIGHT = 50;
const NON_VOTING = new Set(['li', 'dd', 'dt', 'ul', 'ol', 'dl', 'table', 'tbody', 'thead', 'tr']);

const TAG_WEIGHT: Record<string, number> = {
  div: 5,
  article: 5,
  section: 0,
  pre: 3,
  td: 3,
  blockquote: 3,
  address: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  dd: -3,
  dt: -3,
  li: -3,
  form: -3,
  h1: -5,
  h2: -5,
  h3: -5,
  h4: -5,
  h5: -5,
  h6: -5,
  th: -5,
};

export function classWeight(el: ElementItem): number {
  let weight = 0;
  if (hasWord(el.words, NEGATIVE)) weight -= CLASS_WEIGHT;
  if (hasWord(el.words, POSITIVE)) weight += CLASS_WEIGHT;
  if (el.dom.getAttribute('itemprop') === 'articleBody') weight += ARTICLE_BODY_WEIGHT;
  return weight;
}

function initialScore(el: ElementItem): number {
  return (TAG_WEIGHT[el.tag] ?? 0) + classWeight(el);
}

/** A paragraph's vote: one point, one per comma, one per 100 characters (up to three). */
function paragraphVote(chars: number, commas: number): number {
  return 1 + commas + Math.min(Math.floor(chars / 100), MAX_LENGTH_POINTS);
}

/**
 * Votes of every paragraph. A block with no block inside is a paragraph and votes from its parent up; a
 * block mixing text and blocks (text between <br>s next to <div>s) votes with its own text from itself up.
 */
function castVotes(root: ElementItem, candidates: ElementItem[]): void {
  walkElements(root, (el) => {
    // Only blocks vote: inline text is part of its block's paragraph. List items do not: a list of
    // headlines is not an article (list items in a real article sit next to paragraphs that vote).
    if (el.inlineChars < MIN_PARAGRAPH_CHARS || !BLOCK_TAGS.has(el.tag) || NON_VOTING.has(el.tag)) return;
    const vote = paragraphVote(el.inlineChars, el.inlineCommas);
    let ancestor: ElementItem | null = el.hasBlockChild || el.parent === null ? el : el.parent;
    for (let level = 0; ancestor !== null && level < VOTE_LEVELS; level++) {
      if (ancestor.score === null) {
        ancestor.score = initialScore(ancestor);
        candidates.push(ancestor);
      }
      ancestor.score += vote / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      ancestor = ancestor.parent;
    }
    return undefined;
  });
}

/** Every voted-for element with its score discounted by its link text. */
export function scoreCandidates(root: ElementItem): Map<ElementItem, number> {
  const candidates: ElementItem[] = [];
  castVotes(root, candidates);
  const scores = new Map<ElementItem, number>();
  for (const c of candidates) scores.set(c, (c.score ?? 0) * (1 - linkDensity(c)));
  return scores;
}
