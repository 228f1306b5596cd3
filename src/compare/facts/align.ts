// Alignment: units (sentences) of different articles clustered into facts. Pairs come from the inverted
// index (text/similarity.ts); they are merged best-first, like average-link clustering, with two guards:
// a fact holds at most one unit per article, and a merge must keep the average similarity between the
// two groups high. Single-link would chain "Lukashenko offered to host talks" → "Peskov said Minsk is
// the best place for talks" → "Peskov said Ukraine's law bars talks" into one fact; the average link
// between the first and the last two stays low and stops it.
import { mentionsContribution } from '../../text/credits.js';
import type { StoryContext } from '../context.js';
import {
  buildSpace,
  candidatePairs,
  cosine,
  type Pair,
  type Space,
  type SparseVector,
} from '../text/similarity.js';
import { buildUnits, type Unit } from '../text/units.js';
import { type ClaimDecision, judgeClaim, statementWords } from './claims.js';

/** A pair must score this much (IDF-weighted cosine) to be merged. */
export const PAIR_THRESHOLD = 0.2;
/** …and share at least this many content keys: one rare shared word is a coincidence, not a fact. */
export const MIN_SHARED_KEYS = 3;
/** A pair scoring this much has the same keys on both sides (cosine of normalised vectors ≈ 1). */
export const SAME_KEYS_SCORE = 0.999;
/** Average similarity between two groups being merged (centroid dot product) must reach this. */
export const LINK_THRESHOLD = 0.2;
/**
 * Share of the sentence pairs across two groups being merged that must be the same claim (facts/claims.ts).
 * A fact is joined pair by pair, and clauses let a pair meet on part of each sentence, so without it
 * "factories hired 40,000 workers in March, leaving the rate at 6.4 percent" → "the rate stays high at
 * 6.4 percent" → "the treasury expects the rate to close the year at 6.4 percent" chain into one fact.
 * Half, not all: "The collapse injured 14 people when a section … dropped" and "A section … gave way at
 * about 5:40 p.m. Monday" meet only through the third outlet's lede, and that is the same collapse.
 * Measured on the blind-check stories (eval/blind, verdicts carried): see /work/notes/claim3.md.
 */
export const CLAIM_LINK_SHARE = 0.5;
/** Above this many conflicts a merge resolves them in one pass instead of most-decisive-first. */
export const MAX_SEQUENTIAL_CONFLICTS = 8;

export interface Cluster {
  /** Units, at most one per article, in story article order. */
  units: Unit[];
  /**
   * The same-claim judgement of every pair of its units (i < j index into `units`): the score is the
   * claim model's (facts/claims.ts; the larger of sentence and best clause pair), for confidence.
   */
  claimPairs: {
    i: number;
    j: number;
    score: number;
    same: boolean;
    vetoed: boolean;
    /** Whether units[i] / units[j] say more than the claim this pair shares (ClaimDecision.detail). */
    detail: { a: boolean; b: boolean };
  }[];
}

export interface Alignment {
  units: Unit[];
  space: Space;
  clusters: Cluster[];
  /** Cluster index of each unit. */
  clusterOf: Int32Array;
  similarity(a: Unit, b: Unit): number;
  /** Similarity, the number of content keys (not dates) two units share, and the dates' part of the score. */
  compare(a: Unit, b: Unit): { score: number; shared: number; fromDates: number };
  /** The candidate pairs each unit was found in (from the index, so a bounded number per unit). */
  neighbours: Pair[][];
}

const cache = new WeakMap<StoryContext, Alignment>();

/** The story's alignment, computed once per context (facts, timeline and digest all read it). */
export function alignStory(ctx: StoryContext): Alignment {
  let found = cache.get(ctx);
  if (!found) {
    found = computeAlignment(ctx);
    cache.set(ctx, found);
  }
  return found;
}

export interface Group {
  /** Member unit index by article index: at most one unit per article. */
  byArticle: Map<number, number>;
  /** Sum of member vectors (each L2-normalised): the dot of two sums over |A||B| is the average link. */
  sum: Map<number, number>;
}

function addInto(sum: Map<number, number>, v: SparseVector, sign = 1): void {
  for (let i = 0; i < v.ids.length; i++) {
    const id = v.ids[i] as number;
    const next = (sum.get(id) ?? 0) + sign * (v.weights[i] as number);
    if (Math.abs(next) < 1e-12) sum.delete(id);
    else sum.set(id, next);
  }
}

function dotSums(a: Map<number, number>, b: Map<number, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [id, w] of small) {
    const x = large.get(id);
    if (x !== undefined) dot += w * x;
  }
  return dot;
}

function dotVector(sum: Map<number, number>, v: SparseVector): number {
  let dot = 0;
  for (let i = 0; i < v.ids.length; i++) dot += (sum.get(v.ids[i] as number) ?? 0) * (v.weights[i] as number);
  return dot;
}

/**
 * For each article held by both groups, which unit stays: the one closer to the units sure to stay.
 * Those start as the members of neither side's conflicts, and each decided conflict adds its winner,
 * most decisive first. Comparing against the whole merged group instead would let a challenger's own
 * partner vote for it: "Tell Trump that I expect him here with Putin and Zelensky" in two outlets would
 * push "Lukashenko offered to host Russia-Ukraine peace talks" out of the invitation fact.
 */
function resolveConflicts(
  conflicts: readonly number[],
  a: Group,
  b: Group,
  space: Space,
): { fromA: number[]; fromB: number[] } {
  if (conflicts.length === 0) return { fromA: [], fromB: [] };
  const vectorOf = (u: number) => space.vectors[u] as SparseVector;
  const basis = new Map(a.sum);
  for (const [id, w] of b.sum) basis.set(id, (basis.get(id) ?? 0) + w);
  let size = a.byArticle.size + b.byArticle.size;
  const open = conflicts.map((x) => ({ ua: a.byArticle.get(x) as number, ub: b.byArticle.get(x) as number }));
  for (const c of open) {
    addInto(basis, vectorOf(c.ua), -1);
    addInto(basis, vectorOf(c.ub), -1);
    size -= 2;
  }
  const fromA: number[] = [];
  const fromB: number[] = [];
  const sequential = open.length <= MAX_SEQUENTIAL_CONFLICTS;
  while (open.length > 0) {
    let pick = 0;
    let margin = 0;
    open.forEach((c, i) => {
      const m = dotVector(basis, vectorOf(c.ua)) - dotVector(basis, vectorOf(c.ub));
      if (i === 0 || Math.abs(m) > Math.abs(margin)) {
        pick = i;
        margin = m;
      }
    });
    const decided = sequential ? open.splice(pick, 1) : open.splice(0, open.length);
    for (const c of decided) {
      const m = sequential ? margin : dotVector(basis, vectorOf(c.ua)) - dotVector(basis, vectorOf(c.ub));
      const keepA = size > 0 ? m >= 0 : true;
      (keepA ? fromB : fromA).push(keepA ? c.ub : c.ua);
      addInto(basis, vectorOf(keepA ? c.ua : c.ub));
      size++;
    }
  }
  return { fromA, fromB };
}

function computeAlignment(ctx: StoryContext): Alignment {
  const units = buildUnits(ctx, { splitClauses: true });
  const space = buildSpace(units, ctx.articles.length);
  const vectorOf = (u: number) => space.vectors[u] as SparseVector;
  const candidates = candidatePairs(units, space);
  const neighbours: Pair[][] = units.map(() => []);
  for (const p of candidates) {
    neighbours[p.a]?.push(p);
    neighbours[p.b]?.push(p);
  }
  // Identical key sets merge whatever their size: "No one was killed." and "Nobody was killed." agree.
  const textOf = (u: Unit) => (ctx.articles[u.article] as { text: string }).text;
  // …and the pair must state one claim (facts/claims.ts): sharing a topic's words is not enough.
  // Pair decisions, asked once: candidates first, then cross pairs of groups being merged.
  const decisions = new Map<number, ClaimDecision>();
  const sameKeys = new Set<number>();
  const decide = (x: number, y: number): ClaimDecision => {
    const key = x < y ? x * units.length + y : y * units.length + x;
    let found = decisions.get(key);
    if (!found) {
      found = judgeClaim(units[x] as Unit, units[y] as Unit, textOf, { sameKeys: sameKeys.has(key) });
      decisions.set(key, found);
    }
    return found;
  };
  const pairs = candidates
    .filter((p) => {
      if (isFragment(units[p.a] as Unit, textOf) || isFragment(units[p.b] as Unit, textOf)) return false;
      if (p.score < PAIR_THRESHOLD || (p.shared < MIN_SHARED_KEYS && p.score < SAME_KEYS_SCORE)) return false;
      if (
        p.score < SAME_KEYS_SCORE &&
        (statesNoClaim(units[p.a] as Unit, textOf) || statesNoClaim(units[p.b] as Unit, textOf))
      )
        return false;
      if (p.score >= SAME_KEYS_SCORE) sameKeys.add(Math.min(p.a, p.b) * units.length + Math.max(p.a, p.b));
      return decide(p.a, p.b).same;
    })
    .sort(byScore);
  const groups: Group[] = units.map((u) => {
    const sum = new Map<number, number>();
    addInto(sum, vectorOf(u.index));
    return { byArticle: new Map([[u.article, u.index]]), sum };
  });
  const groupOf = units.map((u) => u.index);

  for (const p of pairs) {
    const ga = groupOf[p.a] as number;
    const gb = groupOf[p.b] as number;
    if (ga === gb) continue;
    const a = groups[ga] as Group;
    const b = groups[gb] as Group;
    // Two groups that both hold a unit of some article: per article one unit stays (resolveConflicts) and
    // the other goes back to being a group of its own ("keep the best-matching one"). Refusing such
    // merges instead would let "He said he believes that Belarus is the natural meeting point for Trump,
    // Zelensky and Putin", once joined to two ledes, lock its outlet out of the five-outlet invitation.
    const [small, large] = a.byArticle.size <= b.byArticle.size ? [a, b] : [b, a];
    const conflicts: number[] = [];
    for (const x of small.byArticle.keys()) if (large.byArticle.has(x)) conflicts.push(x);
    const { fromA, fromB } = resolveConflicts(conflicts, a, b, space);
    if (fromA.includes(p.a) || fromB.includes(p.b)) continue;
    // Average link between what stays of each group: (A − dA)·(B − dB) / (|A'||B'|), from the sums.
    let dot = dotSums(a.sum, b.sum);
    for (const d of fromA) dot -= dotVector(b.sum, vectorOf(d));
    for (const d of fromB) dot -= dotVector(a.sum, vectorOf(d));
    for (const x of fromA) for (const y of fromB) dot += cosine(space, vectorOf(x), vectorOf(y)).score;
    const sizeA = a.byArticle.size - fromA.length;
    const sizeB = b.byArticle.size - fromB.length;
    if (dot / (sizeA * sizeB) < LINK_THRESHOLD) continue;
    if (claimLink(a, b, fromA, fromB, decide) < CLAIM_LINK_SHARE) continue;
    if (claimCore(a, b, fromA, fromB, decide) === null) continue;
    for (const [group, list] of [
      [a, fromA],
      [b, fromB],
    ] as const) {
      for (const d of list) {
        group.byArticle.delete((units[d] as Unit).article);
        addInto(group.sum, vectorOf(d), -1);
        const sum = new Map<number, number>();
        addInto(sum, vectorOf(d));
        groupOf[d] = groups.length;
        groups.push({ byArticle: new Map([[(units[d] as Unit).article, d]]), sum });
      }
    }
    // Merge the smaller group into the larger one.
    const [into, from, intoIndex] = sizeA >= sizeB ? [a, b, ga] : [b, a, gb];
    for (const [id, w] of from.sum) into.sum.set(id, (into.sum.get(id) ?? 0) + w);
    for (const [x, m] of from.byArticle) {
      into.byArticle.set(x, m);
      groupOf[m] = intoIndex;
    }
    from.byArticle = new Map();
    from.sum = new Map();
  }
  const clusters: Cluster[] = [];
  const clusterOf = new Int32Array(units.length).fill(-1);
  for (const g of groups) {
    if (g.byArticle.size === 0) continue;
    const members = [...g.byArticle.values()]
      .map((m) => units[m] as Unit)
      .sort((x, y) => x.article - y.article);
    for (const m of members) clusterOf[m.index] = clusters.length;
    const claimPairs: Cluster['claimPairs'] = [];
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const d = decide((members[i] as Unit).index, (members[j] as Unit).index);
        claimPairs.push({ i, j, score: d.score, same: d.same, vetoed: d.veto !== null, detail: d.detail });
      }
    clusters.push({ units: members, claimPairs });
  }
  return {
    units,
    space,
    clusters,
    clusterOf,
    similarity: (a, b) => cosine(space, vectorOf(a.index), vectorOf(b.index)).score,
    compare: (a, b) => cosine(space, vectorOf(a.index), vectorOf(b.index)),
    neighbours,
  };
}

/**
 * A unit that opens lower-case or with punctuation is a piece of a sentence cut in the wrong place
 * (", Rep. Ann Ross (D-Fla.)", "to the governor's seat.", "and the voters' anger over…"): it states no
 * claim of its own, so it joins no fact. On the blind-check stories 8 of the 10 shared facts holding one
 * were judged not one claim.
 */
export function isFragment(u: Unit, textOf: (u: Unit) => string): boolean {
  return /^[\p{Ll},;:.)\]\-–—]/u.test(textOf(u).charAt(u.start));
}

/**
 * A short unit (at most SHORT_LINE_WORDS words) must say this many content words outside names, titles and
 * verbs of speech to state a claim. Only short ones: on MRPC dev, applying it to every sentence cost one
 * pair in a thousand (a long sentence made mostly of names).
 */
export const SHORT_LINE_WORDS = 8;
export const MIN_CLAIM_WORDS = 2;

/**
 * A unit that is not a news sentence joins no fact, though it may stay an exclusive: a wire credit line
 * ("The Wire Service contributed to this report."); a sentence cut inside a party-state tag ("…, chairman
 * Tom Hale, R-S."); a transcript's question ("MODERATOR: Is the tax a mistake?") or short reply
 * ("CANDIDATE ANN ROSS: No."); a line saying almost nothing outside its
 * names ("Reyes had tweeted.", "“Several,” Reyes replied."); the newsroom's own steps, which are each
 * outlet's own event however alike they read ("Hale has not replied to several emails from the Ledger." /
 * "The Courier reached out to the agency on Monday to ask whether …"); and a line leading into a
 * quotation or list that follows it ("The campaign released a statement by its spokesman:"), which
 * says only that something was said. Two such lines with the very same words (SAME_KEYS_SCORE) still
 * meet: "No one was hurt." / "No one was hurt.".
 */
export function statesNoClaim(u: Unit, textOf: (u: Unit) => string): boolean {
  const text = textOf(u).slice(u.start, u.end).trim();
  if (mentionsContribution(text)) return true;
  if (NEWSROOM_STEP.test(text)) return true;
  if (/:$/.test(text)) return true;
  if (/\b[RDI]-[A-Z]\.$/.test(text)) return true;
  if (/^[\p{Lu}][\p{Lu} .'’-]+:\s/u.test(text) && (u.words < 6 || /\?$/.test(text))) return true;
  return u.words <= SHORT_LINE_WORDS && statementWords(u, textOf(u)).size < MIN_CLAIM_WORDS;
}

// "… has not replied to several emails", "The Courier reached out to …", "… could not be reached".
const NEWSROOM_STEP =
  /\b(?:(?:respond|responded|reply|replied|return|returned) to (?:a |an |multiple |several |repeated )?(?:request|requests|inquiry|inquiries|message|messages|email|emails|call|calls)|reached out to|could not be reached|couldn[’']t be reached)\b/i;

/** Share of the cross pairs of what stays of two groups that are the same claim. */
export function claimLink(
  a: Group,
  b: Group,
  fromA: readonly number[],
  fromB: readonly number[],
  decide: (x: number, y: number) => ClaimDecision,
): number {
  const left = [...a.byArticle.values()].filter((u) => !fromA.includes(u));
  const right = [...b.byArticle.values()].filter((u) => !fromB.includes(u));
  let same = 0;
  for (const x of left) for (const y of right) if (decide(x, y).same) same++;
  return same / (left.length * right.length || 1);
}

/**
 * The core of two groups being merged: a member of what stays of them that is the same claim as every
 * other member, or null when none is. A fact is the claim of its core sentence and every member must
 * state it; half the cross pairs agreeing (claimLink) is not enough on its own, because a member joined
 * through one neighbour may say something else of the same people: "Ann Ross is considered the
 * front-runner", "Ann Ross is facing off against Tom Hale" and "Ann Ross won the primary" pass pair by
 * pair through the middle one, and no sentence among them is the same claim as both others. The core
 * need not be linked directly to the other side's core only: the harbor-style lede that meets two others
 * holds them together as their centre. Ties go to the member with the highest sum of scores.
 */
export function claimCore(
  a: Group,
  b: Group,
  fromA: readonly number[],
  fromB: readonly number[],
  decide: (x: number, y: number) => ClaimDecision,
): number | null {
  const members = [
    ...[...a.byArticle.values()].filter((u) => !fromA.includes(u)),
    ...[...b.byArticle.values()].filter((u) => !fromB.includes(u)),
  ];
  let core: number | null = null;
  let coreScore = -1;
  for (const c of members) {
    let sum = 0;
    let all = true;
    for (const m of members) {
      if (m === c) continue;
      const d = decide(c, m);
      if (!d.same) {
        all = false;
        break;
      }
      sum += d.score;
    }
    if (all && sum > coreScore) {
      core = c;
      coreScore = sum;
    }
  }
  return core;
}

function byScore(x: Pair, y: Pair): number {
  return y.score - x.score || x.a - y.a || x.b - y.b;
}
