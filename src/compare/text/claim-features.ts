// Features of a pair of units for the same-claim decision (facts/claims.ts weighs them). Each feature
// answers one question a reader asks of two sentences about one event: how much of each is in the
// other, do their figures, people, dates agree, is one of them denied or only expected. All of them come
// from the units' own tokens and keys, never from the story's IDF, so a two-article story and a
// 200-article story judge one pair alike.
import { type NumberMention, numbersIn } from '../../text/numbers.js';
import { numberValue } from '../../text/words.js';
import type { Unit } from './units.js';

// Negation cues: "did not attend" / "attended", "denied taking" / "took", "no one was hurt" / "one was hurt".
const NEGATION = new Set(
  (
    'not no never none nobody nothing neither nor without deny denies denied denying refuse refused ' +
    'refuses refusing refusal reject rejected rejects decline declined declines declining unable dont ' +
    "don't didn't doesn't isn't wasn't weren't aren't won't wouldn't can't couldn't shouldn't haven't " +
    "hasn't hadn't cannot fail failed fails failing failure"
  ).split(' '),
);
// Modality cues: a report that something will, may or probably won't happen is not a report that it
// happened. "will attend the summit" / "attended the summit"; "may raise rates" / "raised rates";
// "is unlikely to attend" / "will attend"; "is expected to win the primary" / "won the primary".
const MODAL = new Set(
  (
    'will would may might could should shall can must likely unlikely expected expects expect ' +
    'plan plans planned planning intend intends intended hope hopes hoped possibly perhaps probably ' +
    'considering consider considers proposed propose proposes threatened threaten threatens ' +
    "seek seeks sought aim aims if unless wants want wanted 'll " +
    // Forecasts before a vote or a game: "is poised to win" / "is favored to win" / "won" (not "projected": "AP projected that she had 1,990 delegates" reports a count).
    'poised favored favoured predicted'
  ).split(' '),
);
// Hedging and doubt that flips the claim toward its opposite: "unlikely", "doubt", "won't".
const DOUBT = new Set("unlikely doubt doubts doubtful improbable won't wouldn't".split(' '));

// Overlap is measured as containment (the larger of the two shares of one side found in the other), not
// as Jaccard: a fact keeps extra detail per outlet, so "The bridge gave way on Monday." inside "A 90-foot
// section of the bridge gave way on Monday during the evening commute." is no mark against the pair.
// Fitting on MRPC train without the symmetric and length features (Jaccard, Dice, length gaps, unmatched
// counts, smaller shares) cost almost nothing: 5-fold accuracy 0.746 with them, 0.744 without.
export const CLAIM_FEATURES = [
  'bias',
  'contentShare',
  'wordShare',
  'bigramShare',
  'trigramShare',
  'orderedShare',
  'prefixShare',
  'numberConflict',
  'numberExtra',
  'numberSame',
  'numberUnmatched',
  'numberBothUnmatched',
  'anchoredConflict',
  'actorExtra',
  'actorDisjoint',
  'capitalExtra',
  'dateConflict',
  'negationGap',
  'modalGap',
  'doubtGap',
  'negationScoped',
  'modalScoped',
  'doubtScoped',
] as const;

export type ClaimFeature = (typeof CLAIM_FEATURES)[number];

export interface Cues {
  lower: string[];
  content: Set<string>;
  numbers: Set<string>;
  actors: Set<string>;
  capitals: Set<string>;
  dates: Set<string>;
  negated: number;
  modal: number;
  doubt: number;
  /** Content keys in order of appearance, for the ordered-share feature. */
  sequence: string[];
  /** Values of the figures outside dates ("2.09 percent" → 2.09, "three" → 3). */
  values: number[];
  /** Figures with the words they are anchored to ("rose 49 points"). */
  figures: NumberMention[];
  /** Lower-case words, word pairs and triples, as sets (built once per unit, compared per pair). */
  words: Set<string>;
  bigrams: Set<string>;
  trigrams: Set<string>;
  /** The content keys' first five letters (after "w:"), for prefixShare. */
  prefixes: Set<string>;
  /** Cues right before each content key: "did not attend" → attend: negated. */
  scoped: Map<string, number>;
}

const cache = new WeakMap<Unit, Cues>();

/** Bits of scopedCues. */
export const NEGATED = 1;
export const MODAL_CUE = 2;
export const DOUBTED = 4;
/** The word itself is a past form ("attended", "met"): a report of what happened. */
export const PAST = 8;
const IRREGULAR_PAST = new Set(
  'met went came took gave held left made said told began won lost sold bought paid fell rose hit cut put set led ran saw spoke wrote'.split(
    ' ',
  ),
);
/**
 * Whether the word at i negates. "No question"/"no doubt" affirm what follows: "There is no question that the
 * council approved the plan" reports the approval, and read as a negation it hid the conflict with "The
 * council never approved the plan" (both sides negated, so no gap).
 */
function negates(words: readonly string[], i: number): boolean {
  const w = words[i] as string;
  if (w === 'no' && AFFIRMING_AFTER_NO.has(words[i + 1] ?? '')) return false;
  return NEGATION.has(w) || w.endsWith("n't");
}
const AFFIRMING_AFTER_NO = new Set(['question', 'doubt']);

/** A cue governs the content words at most this many tokens after it ("will not be able to attend"). */
export const CUE_REACH = 2;

/**
 * For each content key, which cues come within CUE_REACH tokens before one of its occurrences: "is unlikely
 * to attend" marks attend as doubted, "did not attend" as negated, "will attend" as modal. Sentence-wide
 * flags would mark "The minister, who did not comment, attended" as a denial of attending.
 */
function scopedCues(u: Unit): Map<string, number> {
  const out = new Map<string, number>();
  let bits = 0;
  let age = 0;
  const words = u.tokens.map((t) => t.lower);
  for (const [i, t] of u.tokens.entries()) {
    const w = t.lower;
    let cue = 0;
    if (negates(words, i)) cue |= NEGATED;
    if (MODAL.has(w)) cue |= MODAL_CUE;
    if (DOUBT.has(w)) cue |= DOUBTED;
    if (cue) {
      bits |= cue;
      age = 0;
      if (!t.key) continue;
    }
    if (!t.key) continue;
    if (++age > CUE_REACH) bits = 0;
    const past = /^\p{Ll}{3,}ed$/u.test(t.text) || IRREGULAR_PAST.has(t.text) ? PAST : 0;
    out.set(t.key, (out.get(t.key) ?? 0) | bits | past);
  }
  return out;
}

/** Some content key both units hold carries the cue in one and not in the other. */
function scopedGap(a: Map<string, number>, b: Map<string, number>, bit: number): number {
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y !== undefined && (x & bit) !== (y & bit)) return 1;
  }
  return 0;
}

/**
 * A shared word is expected in one unit and reported done in the other: "will attend" / "attended",
 * "may raise" / "raised". Both sides future ("will attend" / "plans to attend") is no gap.
 */
function modalPastGap(a: Map<string, number>, b: Map<string, number>): number {
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y === undefined) continue;
    const expected = (v: number) => (v & MODAL_CUE) !== 0 && (v & PAST) === 0;
    const done = (v: number) => (v & PAST) !== 0 && (v & MODAL_CUE) === 0;
    if ((expected(x) && done(y)) || (expected(y) && done(x))) return 1;
  }
  return 0;
}

/** The cues of one unit (cached), for rules over the model (facts/claims.ts). */
export function claimCues(u: Unit, text: string): Cues {
  let found = cache.get(u);
  if (found) return found;
  const content = new Set<string>();
  const numbers = new Set<string>();
  const actors = new Set<string>();
  const dates = new Set<string>();
  for (const k of u.keys) {
    const kind = k.charAt(0);
    if (kind === 'w') content.add(k);
    else if (kind === 'n') numbers.add(k);
    else if (kind === 'a') actors.add(k);
    else if (kind === 'd') dates.add(k);
  }
  const lower = u.tokens.map((t) => t.lower);
  // Capitalised words after the first token: names the annotator may not have resolved to an actor.
  const capitals = new Set<string>();
  u.tokens.forEach((t, i) => {
    if (i > 0 && /^\p{Lu}/u.test(t.text) && t.key) capitals.add(t.key);
  });
  let negated = 0;
  let modal = 0;
  let doubt = 0;
  for (const [i, w] of lower.entries()) {
    if (negates(lower, i)) negated++;
    if (MODAL.has(w)) modal++;
    if (DOUBT.has(w)) doubt++;
  }
  const sequence = u.tokens.filter((t) => t.key).map((t) => t.key);
  const values: number[] = [];
  for (const t of u.tokens) {
    if (u.dates.some((d) => t.start >= d.start && t.end <= d.end)) continue;
    const v = numberValue(t.lower);
    if (v !== null) values.push(v);
  }
  found = {
    lower,
    content,
    numbers,
    actors,
    capitals,
    dates,
    negated,
    modal,
    doubt,
    sequence,
    values,
    figures: numbersIn(text, u.tokens, u.dates),
    scoped: scopedCues(u),
    words: new Set(lower),
    bigrams: ngrams(lower, 2),
    trigrams: ngrams(lower, 3),
    prefixes: new Set([...content].map((k) => k.slice(0, 7))),
  };
  cache.set(u, found);
  return found;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

function ngrams(words: readonly string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = n; i <= words.length; i++) {
    let gram = words[i - n] as string;
    for (let k = i - n + 1; k < i; k++) gram += ` ${words[k]}`;
    out.add(gram);
  }
  return out;
}

/** The larger share of one side found in the other: 1 when one side holds all of the other. */
function containment(a: Set<string>, b: Set<string>): number {
  const shared = overlap(a, b);
  return Math.max(a.size ? shared / a.size : 0, b.size ? shared / b.size : 0);
}

/**
 * Share of the smaller side's content keys meeting a key of the other side on their first five letters:
 * stems the suffix rules leave apart ("acquisition" / "acquire") still meet.
 */
function prefixShare(a: Cues, b: Cues): number {
  const [small, large] = a.content.size <= b.content.size ? [a, b] : [b, a];
  if (small.content.size === 0) return 0;
  let n = 0;
  for (const k of small.content) if (large.prefixes.has(k.slice(0, 7))) n++;
  return n / small.content.size;
}

/** Longest common subsequence of two key sequences, over the shorter one's length. */
function orderedShare(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const prev = new Int32Array(b.length + 1);
  const cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      cur[j] =
        a[i - 1] === b[j - 1]
          ? (prev[j - 1] as number) + 1
          : Math.max(prev[j] as number, cur[j - 1] as number);
    prev.set(cur);
  }
  return (prev[b.length] as number) / Math.min(a.length, b.length);
}

/** Both sides mention such items and some are not on the other side: 1, else 0. */
function conflict(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const shared = overlap(a, b);
  return shared < a.size || shared < b.size ? 1 : 0;
}

/**
 * Figures of `a` with no equal in `b`, allowing rounding: "$114.3 million" meets "$114 million", "2.09"
 * does not meet "1.14".
 */
function unmatchedValues(a: readonly number[], b: readonly number[]): number {
  let n = 0;
  for (const x of a)
    if (
      !b.some(
        (y) =>
          Math.abs(x - y) <= 0.01 * Math.max(Math.abs(x), Math.abs(y)) || Math.round(x) === Math.round(y),
      )
    )
      n++;
  return n;
}

const close = (x: number, y: number) =>
  Math.abs(x - y) <= 0.01 * Math.max(Math.abs(x), Math.abs(y)) || Math.round(x) === Math.round(y);

/** Two figures that could be the same quantity: same kind, a shared anchor word, no different counted word. */
function comparable(x: NumberMention, y: NumberMention): boolean {
  if (x.kind !== y.kind) return false;
  if (x.counted && y.counted && x.counted !== y.counted) return false;
  for (const w of x.anchors) if (y.anchors.has(w)) return true;
  return false;
}

/**
 * A figure on each side, anchored to the same words, with different values and no equal on the other side:
 * "rose 49 points" / "added 28 points", "injured 14 people" / "12 people were hurt".
 */
export function anchoredConflict(a: readonly NumberMention[], b: readonly NumberMention[]): boolean {
  const lonely = (x: NumberMention, other: readonly NumberMention[]) =>
    !other.some((y) => x.kind === y.kind && close(x.value, y.value));
  for (const x of a) {
    if (!lonely(x, b)) continue;
    for (const y of b) if (lonely(y, a) && comparable(x, y)) return true;
  }
  return false;
}

/** The feature vector of a pair of units, in CLAIM_FEATURES order. */
export function claimFeatures(x: Unit, y: Unit, textOf: (u: Unit) => string): number[] {
  const a = claimCues(x, textOf(x));
  const b = claimCues(y, textOf(y));
  const extra = (p: Set<string>, q: Set<string>) => p.size + q.size - 2 * overlap(p, q);
  const flag = (p: number, q: number) => (p > 0 !== q > 0 ? 1 : 0);
  const unmatchedA = unmatchedValues(a.values, b.values);
  const unmatchedB = unmatchedValues(b.values, a.values);
  const features: Record<ClaimFeature, number> = {
    bias: 1,
    contentShare: containment(a.content, b.content),
    wordShare: containment(a.words, b.words),
    bigramShare: containment(a.bigrams, b.bigrams),
    trigramShare: containment(a.trigrams, b.trigrams),
    orderedShare: orderedShare(a.sequence, b.sequence),
    prefixShare: prefixShare(a, b),
    numberConflict: conflict(a.numbers, b.numbers),
    numberExtra: Math.log1p(extra(a.numbers, b.numbers)),
    numberSame: a.numbers.size > 0 && b.numbers.size > 0 && extra(a.numbers, b.numbers) === 0 ? 1 : 0,
    numberUnmatched: (unmatchedA + unmatchedB) / (a.values.length + b.values.length || 1),
    numberBothUnmatched: unmatchedA > 0 && unmatchedB > 0 ? 1 : 0,
    anchoredConflict: anchoredConflict(a.figures, b.figures) ? 1 : 0,
    actorExtra: Math.log1p(extra(a.actors, b.actors)),
    // Both name someone and nobody in common: "Senator Brooks introduced the bill" / "Senator Velez …".
    actorDisjoint: a.actors.size > 0 && b.actors.size > 0 && overlap(a.actors, b.actors) === 0 ? 1 : 0,
    capitalExtra: Math.log1p(extra(a.capitals, b.capitals)),
    dateConflict: conflict(a.dates, b.dates),
    negationGap: flag(a.negated, b.negated),
    modalGap: flag(a.modal, b.modal),
    doubtGap: flag(a.doubt, b.doubt),
    // Only when the other side has no negation at all: "had no comment" / "did not comment" is no gap.
    negationScoped: a.negated > 0 !== b.negated > 0 ? scopedGap(a.scoped, b.scoped, NEGATED) : 0,
    modalScoped: modalPastGap(a.scoped, b.scoped),
    doubtScoped: scopedGap(a.scoped, b.scoped, DOUBTED),
  };
  return CLAIM_FEATURES.map((f) => features[f]);
}
