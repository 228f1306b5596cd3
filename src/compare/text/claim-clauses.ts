// Clauses of a unit: the claims one sentence makes, each its own small unit, so two sentences that share
// one claim and add different detail meet on that claim. "A section of the Oldham Road bridge gave way at
// about 6 p.m. Friday, leaving two cars in the canal" and "Four people were hurt when a section of the
// bridge gave way shortly after 6 p.m. Friday" report one collapse; as whole sentences half of each is
// detail the other lacks, as clauses "a section of the … bridge gave way … 6 p.m. Friday" is on both sides.
// A clause ends at a comma, semicolon, colon, dash or bracket, or before a word that opens a clause of its
// own ("when", "after", "because", "which", …); pieces holding too few content words ("city officials
// said", "on Friday") stay with the clause before them.
import type { WordToken } from '../../text/words.js';
import type { Unit } from './units.js';

/** Words that open a subordinate clause: "…injured four people | when a section dropped". */
const OPENERS = new Set(
  'when while after before because although though whereas which who whom whose where until since'.split(' '),
);
/** Punctuation between two tokens that ends a clause. */
const BREAK = /[,;:()\u2013\u2014]|\s-\s/;
/** A clause needs this many content words to be a claim of its own ("dropping two cars into the canal"). */
export const MIN_CLAUSE_CONTENT = 3;
/**
 * A unit cut into more clauses than this is compared as a whole only: it is a list or a run-on
 * (a sidebar of headlines), not a sentence, and 8 × 8 clause pairs bound the work per sentence pair.
 */
export const MAX_CLAUSES = 8;

const cache = new WeakMap<Unit, Unit[]>();

function contentCount(tokens: readonly WordToken[]): number {
  let n = 0;
  for (const t of tokens) if (t.key) n++;
  return n;
}

/** Token index ranges of the clauses, short pieces merged into the clause before (or after, if first). */
function clauseRanges(tokens: readonly WordToken[], text: string): [number, number][] {
  const cuts: number[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1] as WordToken;
    const t = tokens[i] as WordToken;
    if (BREAK.test(text.slice(prev.end, t.start)) || OPENERS.has(t.lower)) cuts.push(i);
  }
  const pieces: [number, number][] = [];
  let from = 0;
  for (const cut of [...cuts, tokens.length]) {
    if (cut > from) pieces.push([from, cut]);
    from = cut;
  }
  // A dateline ("WESTBURY —", "LONDON (Wire) —") places the story; it is no part of the first claim.
  const head = pieces[0];
  if (head && pieces.length > 1 && tokens.slice(head[0], head[1]).every((t) => !/\p{Ll}/u.test(t.text)))
    pieces.shift();
  const merged: [number, number][] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && contentCount(tokens.slice(piece[0], piece[1])) < MIN_CLAUSE_CONTENT) last[1] = piece[1];
    else merged.push([...piece]);
  }
  const first = merged[0];
  const second = merged[1];
  if (first && second && contentCount(tokens.slice(first[0], first[1])) < MIN_CLAUSE_CONTENT) {
    merged.splice(0, 2, [first[0], second[1]]);
  }
  return merged;
}

/** The unit restricted to tokens [from, to): its own words, numbers, dates and actors as keys. */
function subUnit(u: Unit, from: number, to: number): Unit {
  const tokens = u.tokens.slice(from, to);
  const start = (tokens[0] as WordToken).start;
  const end = (tokens[tokens.length - 1] as WordToken).end;
  const inside = (s: { start: number; end: number }) => s.start >= start && s.end <= end;
  const dates = u.dates.filter(inside);
  const keys = new Set<string>();
  for (const m of u.actorMentions) if (inside(m)) keys.add(m.key);
  for (const d of dates) keys.add(`d:${d.value}`);
  const inDate = (t: WordToken) => dates.some((d) => t.start >= d.start && t.end <= d.end);
  for (const t of tokens) {
    if (inDate(t)) continue;
    if (t.key) keys.add(`w:${t.key}`);
    if (t.isNumber && /^\d/.test(t.text)) keys.add(`n:${t.text.replace(/,/g, '')}`);
  }
  return {
    ...u,
    start,
    end,
    tokens,
    keys: [...keys],
    keyWeights: [...keys].map(() => 1),
    dates,
    actorMentions: u.actorMentions.filter(inside),
    words: tokens.length,
  };
}

/**
 * The unit's clauses as units of their own (cached per unit); a unit that is one clause gives [] (the
 * sentence itself already is the claim).
 */
export function claimClauses(u: Unit, text: string): Unit[] {
  let found = cache.get(u);
  if (found) return found;
  const ranges = clauseRanges(u.tokens, text);
  found = ranges.length < 2 || ranges.length > MAX_CLAUSES ? [] : ranges.map(([a, b]) => subUnit(u, a, b));
  cache.set(u, found);
  return found;
}
