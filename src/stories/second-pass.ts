// The order-free second pass: after a batch is placed one article at a time (immediate, but dependent on
// the order articles came in: an early article that mixed two events pulls the next ones its way), the
// affected neighbourhood is clustered again as a whole, by average linkage over article pairs. Every
// pair is scored once, on the library's current statistics, and merges go most similar first, so the
// result does not depend on the order of arrival. A user's decisions are constraints: the articles a user
// put into one story stay together, and articles a user put into different stories are never joined.
import type { ArticleFeatures } from '../model/story-index.js';
import { featureKind } from './features.js';
import { GROUP_OF } from './groups.js';
import { dayEvidence, GROUP_INDEX, idf } from './scoring.js';
import { type ClusterOptions, type Settings, settings } from './tuning.js';

export interface PassArticle {
  id: string;
  /** The story the article is in now. */
  story: number;
  features: ArticleFeatures;
  /** In a story a user merged or split: its story is fixed (it stays, and stays apart from other fixed ones). */
  pinned: boolean;
}

export interface PassGroup {
  /** The existing story the group continues, or null for a new story. */
  story: number | null;
  articles: string[];
  /**
   * For each of the group's articles without a day that borrowed one (borrowedDays): the day and the id of
   * the dated article it came from, so that `stories --why` can say which day the pass read.
   */
  borrowed?: Record<string, { day: number; from: string }>;
}

/**
 * What of an article's vector does not depend on the library's statistics: its features as global ids
 * (for indexing a dense array), their term weights (TF × kind weight, before IDF) and groups, sorted by
 * the feature string so that a pair's dot product adds its terms in the same order whatever order the
 * articles arrived in (floating-point sums depend on it). `order` gives, for each feature in the
 * article's own order, its place in the sorted arrays: the group lengths are summed in that order, as
 * articleVectors sums them.
 */
interface Prepared {
  ids: Int32Array;
  tf: Float64Array;
  groups: Uint8Array;
  order: Int32Array;
  counts: [number, number, number];
}

/** Feature strings interned by a PassVectors before it starts afresh (about 60 MB of strings and ids). */
const INTERNED_LIMIT = 1_000_000;

/**
 * The IDF-free part of the neighbourhood's vectors, kept across passes. A library's passes read mostly
 * the same articles batch after batch (a story's neighbours are the next batch's neighbours), and
 * building each article's vector from its feature map again was a third of the pass; IDF changes with
 * every batch, so only the IDF-free part is kept, and IDF is applied per pass. Keyed by the features
 * object: a caller that keeps its articles' features (recluster.ts) gets the cache's benefit.
 */
export class PassVectors {
  private idOf = new Map<string, number>();
  private names: string[] = [];
  private prepared = new WeakMap<ArticleFeatures, Prepared>();
  /** The settings the prepared vectors were weighed with. */
  private weighing: { nameTfPower: number; kindWeights: Settings['kindWeights'] } | null = null;

  /** The feature of a global id. */
  feature(id: number): string {
    return this.names[id] as string;
  }

  /** How many ids have been given out: the size a dense array indexed by id needs. */
  get size(): number {
    return this.names.length;
  }

  // Arrays indexed by id that every pass needs, kept (and grown) rather than allocated and zeroed per pass:
  // with a million ids given out they are 17 MB. `slot` is meaningful only for the current pass's ids.
  private scratch = { idf: new Float64Array(0), slot: new Int32Array(0), stamp: new Int32Array(0) };
  private passes = 0;
  private dots = new Float64Array(0);

  /** The pass's arrays (IDF by id, a slot by id, stamps) and its number for the stamps. */
  arrays(): { idf: Float64Array; slot: Int32Array; stamp: Int32Array; pass: number } {
    const size = this.names.length;
    if (this.scratch.idf.length < size) {
      const grown = Math.max(size, this.scratch.idf.length * 2, 1024);
      this.scratch = {
        idf: new Float64Array(grown),
        slot: new Int32Array(grown),
        stamp: new Int32Array(grown),
      };
    }
    this.passes++;
    return { ...this.scratch, pass: this.passes };
  }

  /** A zeroed array of `length` numbers for the pass's dot products, kept and grown across passes. */
  zeroedDots(length: number): Float64Array {
    if (this.dots.length < length) this.dots = new Float64Array(Math.max(length, this.dots.length * 2));
    else this.dots.fill(0, 0, length);
    return this.dots;
  }

  /**
   * Starts afresh when too many features were interned (ids of earlier prepared vectors are then void), or
   * when the term weights differ from those the prepared vectors were weighed with.
   */
  startPass(s: Settings): void {
    const w = this.weighing;
    const sameWeights =
      w !== null &&
      w.nameTfPower === s.nameTfPower &&
      Object.keys(s.kindWeights).every(
        (k) =>
          w.kindWeights[k as keyof Settings['kindWeights']] ===
          s.kindWeights[k as keyof Settings['kindWeights']],
      );
    this.weighing = { nameTfPower: s.nameTfPower, kindWeights: { ...s.kindWeights } };
    if (this.names.length <= INTERNED_LIMIT && sameWeights) return;
    if (this.names.length <= INTERNED_LIMIT) {
      this.prepared = new WeakMap();
      return;
    }
    this.idOf = new Map();
    this.names = [];
    this.scratch = { idf: new Float64Array(0), slot: new Int32Array(0), stamp: new Int32Array(0) };
    this.prepared = new WeakMap();
  }

  prepare(f: ArticleFeatures, s: Settings): Prepared {
    const cached = this.prepared.get(f);
    if (cached) return cached;
    const entries: { feature: string; id: number; tf: number; group: number; at: number }[] = [];
    for (const [feature, count] of f.features) {
      if (count <= 0) continue;
      const kind = featureKind(feature);
      const tf =
        (GROUP_OF[kind] === 'names' ? count ** s.nameTfPower : 1 + Math.log(count)) * s.kindWeights[kind];
      if (tf <= 0) continue;
      let id = this.idOf.get(feature);
      if (id === undefined) {
        id = this.names.length;
        this.idOf.set(feature, id);
        this.names.push(feature);
      }
      entries.push({ feature, id, tf, group: GROUP_INDEX[GROUP_OF[kind]], at: entries.length });
    }
    const counts: [number, number, number] = [0, 0, 0];
    for (const e of entries) counts[e.group as 0 | 1 | 2]++;
    const sorted = [...entries].sort((x, y) => (x.feature < y.feature ? -1 : x.feature > y.feature ? 1 : 0));
    const order = new Int32Array(entries.length);
    sorted.forEach((e, k) => {
      order[e.at] = k;
    });
    const result: Prepared = {
      ids: Int32Array.from(sorted, (e) => e.id),
      tf: Float64Array.from(sorted, (e) => e.tf),
      groups: Uint8Array.from(sorted, (e) => e.group),
      order,
      counts,
    };
    this.prepared.set(f, result);
    return result;
  }
}

/** An article's weighted vector for one pass: the prepared arrays with IDF applied, each group normalised. */
interface PairVector {
  ids: Int32Array;
  weights: Float64Array;
  groups: Uint8Array;
  /** Each group's weight in the score against any other article lacking nothing (GROUP_CONTENT). */
  counts: [number, number, number];
  f: ArticleFeatures;
}

/** The article's vector as articleVectors (scoring.ts) weighs it, from its prepared arrays. */
function pairVector(p: Prepared, f: ArticleFeatures, idfById: Float64Array): PairVector {
  const weights = new Float64Array(p.tf.length);
  const sq = [0, 0, 0];
  for (let k = 0; k < p.order.length; k++) {
    const at = p.order[k] as number;
    const x = (p.tf[at] as number) * (idfById[p.ids[at] as number] as number);
    weights[at] = x;
    const g = p.groups[at] as number;
    sq[g] = (sq[g] as number) + x * x;
  }
  const lengths = sq.map((v) => Math.sqrt(v) || 1);
  for (let k = 0; k < weights.length; k++)
    weights[k] = (weights[k] as number) / (lengths[p.groups[k] as number] as number);
  return { ids: p.ids, weights, groups: p.groups, counts: p.counts, f };
}

/**
 * Every pair's dot product per group, from the features the two share: `dots[3 * pairIndex(i, j, n) + g]`.
 * Walking each feature's list of articles costs the pairs that share it; walking one article's features
 * for every other article cost every pair times an article's length. A neighbourhood of 400 allsides
 * articles (about 136,000 features, 20,000 distinct) makes 3.7 million shared-feature pairs, where the
 * walk was 27 million lookups (the latest 400 articles of a whole allsides library, at three
 * offsets). Features are taken in the order of their strings and each list in article order, so each
 * pair adds its terms in the same order as the walk did (sorted by feature string, the earlier article's
 * weight first): the same sums to the last bit, whatever order the articles arrived in.
 */
function dotProducts(
  prepared: readonly PairVector[],
  vectors: PassVectors,
  slot: Int32Array,
  distinct: readonly number[],
): Float64Array {
  const n = prepared.length;
  // Slots in the order of the features' strings.
  const byFeature = [...distinct].sort((x, y) => {
    const a = vectors.feature(x);
    const b = vectors.feature(y);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  byFeature.forEach((id, k) => {
    slot[id] = k;
  });
  // Each feature's articles (in article order) and their weights, as one flat list cut at `start`.
  const start = new Int32Array(byFeature.length + 1);
  for (const v of prepared)
    for (const id of v.ids) {
      const next = (slot[id] as number) + 1;
      start[next] = (start[next] as number) + 1;
    }
  for (let k = 0; k < byFeature.length; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const fill = start.slice(0, byFeature.length);
  const total = start[byFeature.length] as number;
  const who = new Int32Array(total);
  const weight = new Float64Array(total);
  const group = new Uint8Array(byFeature.length);
  prepared.forEach((v, i) => {
    for (let m = 0; m < v.ids.length; m++) {
      const k = slot[v.ids[m] as number] as number;
      const at = fill[k] as number;
      fill[k] = at + 1;
      who[at] = i;
      weight[at] = v.weights[m] as number;
      group[k] = v.groups[m] as number;
    }
  });
  const dots = vectors.zeroedDots((3 * n * (n - 1)) / 2);
  for (let k = 0; k < byFeature.length; k++) {
    const from = start[k] as number;
    const to = start[k + 1] as number;
    const g = group[k] as number;
    for (let p = from; p < to; p++) {
      const x = weight[p] as number;
      // The walk skipped the features its first article weighs 0; adding 0 would change nothing anyway.
      if (x === 0) continue;
      const i = who[p] as number;
      const row = pairIndex(i, i + 1, n);
      for (let q = p + 1; q < to; q++) {
        const at = 3 * (row + (who[q] as number) - i - 1) + g;
        dots[at] = (dots[at] as number) + x * (weight[q] as number);
      }
    }
  }
  return dots;
}

/** The place of pair (i, j), i < j, among the n(n−1)/2 pairs of n articles taken row by row. */
function pairIndex(i: number, j: number, n: number): number {
  return (i * (2 * n - i - 1)) / 2 + (j - i - 1);
}

/**
 * Similarity of two articles as the incremental pass scores an article against a story, here between
 * two articles: per group the cosine of their TF-IDF vectors (`dots`, from dotProducts, at `at`),
 * weighted by the content both have, and the distance in days as evidence. `borrowed`: the days undated
 * articles borrowed from their nearest dated neighbours (borrowedDays), with `i` and `j` the two
 * articles' places in it.
 */
function pairScore(
  a: PairVector,
  b: PairVector,
  dots: Float64Array,
  at: number,
  s: Settings,
  borrowed: Borrowed | null = null,
  i = -1,
  j = -1,
): number {
  let factor = 1;
  const borrowedA = borrowed ? (borrowed.days[i] as number) : Number.NaN;
  const borrowedB = borrowed ? (borrowed.days[j] as number) : Number.NaN;
  if (a.f.day !== null && b.f.day !== null) {
    const gap = Math.abs(a.f.day - b.f.day);
    if (gap > s.maxSpanDays) return 0;
    if (gap > s.graceDays) factor *= s.graceDays / gap;
    if (a.f.daySource === 'published' && b.f.daySource === 'published') factor *= dayEvidence(gap, s);
  } else if (a.f.day !== null || b.f.day !== null) {
    const [undated, dated, lentBy] = a.f.day === null ? [borrowedA, b, i] : [borrowedB, a, j];
    const other = a.f.day === null ? j : i;
    // Its own lender is not compared: that would confirm itself.
    const lent =
      borrowed !== null &&
      !Number.isNaN(undated) &&
      borrowed.lender[lentBy] !== other &&
      (dated.f.daySource === 'published' || s.textDays);
    const gap = lent ? Math.abs((dated.f.day as number) - undated) : 0;
    if (lent && gap > s.maxSpanDays) return 0;
    if (lent && gap > s.graceDays) factor *= s.graceDays / gap;
    if (dated.f.daySource === 'published') {
      // One side has a publication date and the other no day at all: the gap is unknown, so the pair gets
      // what a pair five or more days apart gets (DAY_EVIDENCE.floor) and must join on content alone. In
      // the allsides blind check of stories (eval/blind/stories), undated articles were 46 % of the 20
      // largest stories' articles and half of them were off the story's event (dated ones: 28 %): an
      // explainer or a profile without a date joined a dated event on a few shared names. Pairs of two
      // undated articles get no such factor, only their borrowed days (below): ECB+, the tuning set, is
      // mostly undated, and a flat factor on every undated pair cost it (train + validation 0.896 → 0.873
      // at ×0.8, 0.812 at ×0.6).
      // The undated side's borrowed day, when another dated report lent it, against the dated side's day
      // (above: the span cap and the slow decay): an undated piece that reads like the reports of one month
      // does not pair with a report of a year later on the affair's names alone. A day borrowed from a
      // publication date is weighed near it as two dated reports are (DAY_EVIDENCE, never below the
      // floor): with the flat floor alone, the undated reports of one event paired better with each other
      // (no factor) than with the event's dated reports, and formed a story of their own beside it (below).
      let evidence = s.dayEvidence.floor;
      if (lent && s.borrowedEvidence) {
        // A day borrowed from a lender the undated piece barely resembles is a weak guess: it lifts the
        // pair above the floor only in proportion to how sure the borrowing was (BORROWED_SURE). An
        // undated explainer of a movement borrowed the day of one rally report it resembled at 0.30 and
        // then paired in full with the other report of that rally (×1 against ×0.6 for its own lender).
        const sure = borrowed ? (borrowed.sureness[lentBy] as number) : 1;
        evidence = s.dayEvidence.floor + (dayEvidence(gap, s) - s.dayEvidence.floor) * sure;
      }
      factor *= evidence;
    }
    // Against a date line read from the text, the borrowed day gets the span cap and the slow decay above,
    // as a date line gets against a publication date, and no DAY_EVIDENCE nor floor (the weaker day):
    // before, an undated piece that borrowed the day of the charge's report paired on content alone with
    // the date-lined report of the appeal a year later. On ECB+ train + validation (bench/ecbplus.ts
    // --tune, all five orders alike) 0.894 → 0.895.
  } else if (!Number.isNaN(borrowedA) && !Number.isNaN(borrowedB)) {
    // Two undated articles, each dated by the dated report it resembles most: the time cap and the slow
    // decay, and the borrowed days weighed as publication days (DAY_EVIDENCE). Two undated pieces of one
    // affair a fortnight apart ("the inquiry opens", "the inquiry's first witness") each resemble the
    // reports of their own days; a 60-day grace alone let them gather into one story of the affair.
    //
    // Measured with bench/undated-proxy.ts (600 consecutive dated allsides articles, a seeded 30 % stripped
    // of their date, stories compared with the same articles ingested with dates; B³ F1 of the stripped
    // articles): tuned on the window of Jan–Mar 2017 (the default), 0.832 before, 0.836 with DAY_EVIDENCE
    // here alone, 0.883 with it also against dated reports (above); on the window of Feb–Apr 2019
    // (`600 25000`, not tuned on) 0.745 → 0.869, stories made only of stripped articles 24 (85 articles,
    // the largest 13) → 17 (37, the largest 3). ECB+ train + validation: 0.893 either way (few of its
    // documents have a publication date to lend).
    const gap = Math.abs(borrowedA - borrowedB);
    if (gap > s.maxSpanDays) return 0;
    if (gap > s.graceDays) factor *= s.graceDays / gap;
    if (s.borrowedEvidence) factor *= dayEvidence(gap, s);
  }
  return contentScore(a, b, dots, at, s) * factor;
}

/** pairScore without days: the groups' cosines weighted by the content both sides have. */
function contentScore(a: PairVector, b: PairVector, dots: Float64Array, at: number, s: Settings): number {
  // contentWeights (scoring.ts), unrolled: this runs for every pair.
  const w0 = s.groupWeights.names * Math.min(1, Math.min(a.counts[0], b.counts[0]) / s.groupContent.names);
  const w1 = s.groupWeights.terms * Math.min(1, Math.min(a.counts[1], b.counts[1]) / s.groupContent.terms);
  const w2 = s.groupWeights.facts * Math.min(1, Math.min(a.counts[2], b.counts[2]) / s.groupContent.facts);
  const total = 0 + w0 + w1 + w2;
  if (total === 0) return 0;
  const c0 = dots[at] as number;
  const c1 = dots[at + 1] as number;
  const c2 = dots[at + 2] as number;
  const score = 0 + w0 * c0 + w1 * c1 + w2 * c2;
  return score / total;
}

/**
 * A day for each article without one, borrowed from the article with a publication date it resembles
 * most in the neighbourhood (content alone, at least the second pass's bar; NaN when none is that close;
 * ties to the earlier day). An article without a date is still news of some day, and the dated report it
 * is closest to is the best guess of which: two undated pieces of one long affair ("the minister
 * charged", "the minister's appeal a year later") each resemble dated reports of their own month, and
 * those months tell them apart where their shared names cannot. Only publication dates lend: a date
 * line read from the text is weak already (an event's day, a quoted date), and lending it cost ECB+
 * train + validation 0.005 (0.895 → 0.890; 0.888 lending but not weighed against the undated).
 * pairScore weighs a borrowed day as a publication day (the span cap, the slow decay and DAY_EVIDENCE;
 * see there for the measurement), against a date line as a date line, and never compares it with its
 * own lender, which would confirm itself. On ECB+ train + validation (mostly undated, few publication dates)
 * it costs 0.001 (0.896 → 0.895, the same in all five orders).
 */
function borrowedDays(prepared: readonly PairVector[], dots: Float64Array, s: Settings): Borrowed {
  const n = prepared.length;
  const days = new Float64Array(n).fill(Number.NaN);
  const lender = new Int32Array(n).fill(-1);
  const best = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    const a = prepared[i] as PairVector;
    const row = pairIndex(i, i + 1, n);
    for (let j = i + 1; j < n; j++) {
      const b = prepared[j] as PairVector;
      const lendsToA = a.f.day === null && b.f.daySource === 'published' && b.f.day !== null;
      const lendsToB = b.f.day === null && a.f.daySource === 'published' && a.f.day !== null;
      if (!lendsToA && !lendsToB) continue;
      const x = contentScore(a, b, dots, 3 * (row + j - i - 1), s);
      if (x < s.secondPass) continue;
      const [to, from, day] = lendsToA ? [i, j, b.f.day as number] : [j, i, a.f.day as number];
      const held = best[to] as number;
      if (x > held || (x === held && day < (days[to] as number))) {
        best[to] = x;
        days[to] = day;
        lender[to] = from;
      }
    }
  }
  // How sure each borrowing is: 0 at the pass's bar, 1 from `borrowedSure` (see BORROWED_SURE).
  const sureness = new Float64Array(n);
  for (let i = 0; i < n; i++)
    if ((lender[i] as number) >= 0)
      sureness[i] =
        s.borrowedSure > s.secondPass
          ? Math.min(1, ((best[i] as number) - s.secondPass) / (s.borrowedSure - s.secondPass))
          : 1;
  return { days, lender, sureness };
}

/** Days borrowed by undated articles (NaN: none), and the index of the article each came from (−1: none). */
interface Borrowed {
  days: Float64Array;
  lender: Int32Array;
  /** How sure each borrowing is, from 0 (the lender just clears the pass's bar) to 1 (BORROWED_SURE). */
  sureness: Float64Array;
}

/** The earlier of two days, either of which may be NaN (no day). */
function earlier(x: number, y: number): number {
  return Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.min(x, y);
}

/** The later of two days, either of which may be NaN (no day). */
function later(x: number, y: number): number {
  return Number.isNaN(x) ? y : Number.isNaN(y) ? x : Math.max(x, y);
}

/**
 * Clusters the neighbourhood again: average linkage over all pairs, merging while the best pair of
 * clusters averages at least `threshold` (SECOND_PASS), then each resulting group continues the story
 * that holds most of its articles (each story at most once; ties to the lower id). `dfs` and `n` are the
 * library's document frequencies and size.
 */
export function secondPass(
  articles: readonly PassArticle[],
  dfs: ReadonlyMap<string, number>,
  n: number,
  options?: ClusterOptions,
  vectors: PassVectors = new PassVectors(),
): PassGroup[] {
  const s = settings(options);
  // Sorted by id, so that nothing below depends on the order the caller found the articles in.
  const items = [...articles].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  vectors.startPass(s);
  const raw = items.map((a) => vectors.prepare(a.features, s));
  // IDF once per feature of the neighbourhood, as idf() (scoring.ts) computes it, at its id.
  const { idf: idfById, slot, stamp, pass } = vectors.arrays();
  const distinct: number[] = [];
  for (const p of raw)
    for (const id of p.ids)
      if (stamp[id] !== pass) {
        stamp[id] = pass;
        distinct.push(id);
        const feature = vectors.feature(id);
        idfById[id] = idf(feature, dfs.get(feature) ?? 0, n, s);
      }
  const prepared = raw.map((p, i) => pairVector(p, (items[i] as PassArticle).features, idfById));
  const dots = dotProducts(prepared, vectors, slot, distinct);
  const borrowed = s.borrowDays ? borrowedDays(prepared, dots, s) : null;

  // Starting clusters: the pinned articles of one story form one cluster; the rest start alone.
  const clusterOf: number[] = [];
  const pinnedStory: (number | null)[] = [];
  const byPinned = new Map<number, number>();
  items.forEach((a, i) => {
    if (a.pinned) {
      const c = byPinned.get(a.story);
      if (c !== undefined) {
        clusterOf[i] = c;
        return;
      }
      byPinned.set(a.story, pinnedStory.length);
      clusterOf[i] = pinnedStory.length;
      pinnedStory.push(a.story);
    } else {
      clusterOf[i] = pinnedStory.length;
      pinnedStory.push(null);
    }
  });
  const k = pinnedStory.length;
  const size = new Array<number>(k).fill(0);
  for (const c of clusterOf) size[c] = (size[c] as number) + 1;
  // sum[i*k+j]: the sum of pair similarities between clusters i and j.
  const sum = new Float64Array(k * k);
  for (let i = 0; i < items.length; i++) {
    const a = prepared[i] as PairVector;
    const row = pairIndex(i, i + 1, items.length);
    for (let j = i + 1; j < items.length; j++) {
      const ci = clusterOf[i] as number;
      const cj = clusterOf[j] as number;
      if (ci === cj) continue;
      const x = pairScore(a, prepared[j] as PairVector, dots, 3 * (row + j - i - 1), s, borrowed, i, j);
      sum[ci * k + cj] = (sum[ci * k + cj] as number) + x;
      sum[cj * k + ci] = (sum[cj * k + ci] as number) + x;
    }
  }
  const alive = new Array<boolean>(k).fill(true);
  const parent = Array.from({ length: k }, (_, i) => i);
  // Each cluster's first and last day (NaN: none of its articles has a day).
  const firstDay = new Float64Array(k).fill(Number.NaN);
  const lastDay = new Float64Array(k).fill(Number.NaN);
  items.forEach((a, i) => {
    const day = a.features.day;
    if (day === null) return;
    const c = clusterOf[i] as number;
    firstDay[c] = earlier(firstDay[c] as number, day);
    lastDay[c] = later(lastDay[c] as number, day);
  });
  // A user's different stories never join, nor do clusters whose days together span more than
  // maxSpanDays: average linkage would otherwise average a far pair's 0 in and still merge (a story of
  // May 2018 and January 2020 articles was seen in the allsides blind check), where placement refuses
  // such a story outright (cluster.ts).
  const joinable = (i: number, j: number): boolean =>
    (pinnedStory[i] === null || pinnedStory[j] === null || pinnedStory[i] === pinnedStory[j]) &&
    !(
      Math.max(lastDay[i] as number, lastDay[j] as number) -
        Math.min(firstDay[i] as number, firstDay[j] as number) >
      s.maxSpanDays
    );
  const average = (i: number, j: number): number =>
    (sum[i * k + j] as number) / ((size[i] as number) * (size[j] as number));
  // Each row's best partner (the first j > i with the row's highest average), kept up to date across
  // merges: a merge changes only the pairs of the two clusters merged, so most rows keep theirs, where
  // scanning every pair for every merge cost O(k²) each time. The pair merged is the same as that scan's:
  // the highest average, ties to the first i, then the first j.
  const rowBest = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
  const rowPartner = new Int32Array(k).fill(-1);
  const scanRow = (i: number): void => {
    let best = Number.NEGATIVE_INFINITY;
    let partner = -1;
    for (let j = i + 1; j < k; j++) {
      if (!alive[j] || !joinable(i, j)) continue;
      const avg = average(i, j);
      if (avg > best) {
        best = avg;
        partner = j;
      }
    }
    rowBest[i] = best;
    rowPartner[i] = partner;
  };
  for (let i = 0; i < k; i++) scanRow(i);
  for (;;) {
    let best = Number.NEGATIVE_INFINITY;
    let bi = -1;
    for (let i = 0; i < k; i++)
      if (alive[i] && (rowPartner[i] as number) >= 0 && (rowBest[i] as number) > best) {
        best = rowBest[i] as number;
        bi = i;
      }
    if (bi < 0 || best < s.secondPass) break;
    const bj = rowPartner[bi] as number;
    for (let m = 0; m < k; m++) {
      if (!alive[m] || m === bi || m === bj) continue;
      const x = (sum[bi * k + m] as number) + (sum[bj * k + m] as number);
      sum[bi * k + m] = x;
      sum[m * k + bi] = x;
    }
    size[bi] = (size[bi] as number) + (size[bj] as number);
    firstDay[bi] = earlier(firstDay[bi] as number, firstDay[bj] as number);
    lastDay[bi] = later(lastDay[bi] as number, lastDay[bj] as number);
    pinnedStory[bi] = pinnedStory[bi] ?? pinnedStory[bj] ?? null;
    alive[bj] = false;
    parent[bj] = bi;
    rowPartner[bj] = -1;
    scanRow(bi);
    for (let m = 0; m < bj; m++) {
      if (!alive[m] || m === bi) continue;
      const partner = rowPartner[m] as number;
      if (partner === bj || (partner === bi && m < bi)) scanRow(m);
      else if (m < bi && joinable(m, bi)) {
        // Only the pair with bi changed in this row.
        const avg = average(m, bi);
        if (avg > (rowBest[m] as number) || (avg === (rowBest[m] as number) && bi < partner)) {
          rowBest[m] = avg;
          rowPartner[m] = bi;
        }
      }
    }
  }
  const root = (c: number): number => {
    let r = c;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const r = root(clusterOf[i] as number);
    const list = groups.get(r);
    if (list) list.push(i);
    else groups.set(r, [i]);
  });

  // Each group continues a story: a pinned group its user's story; the others, largest first, the story
  // holding most of their articles that no other group took.
  const taken = new Set<number>();
  const out: PassGroup[] = [];
  const ordered = [...groups].sort(
    ([ra, a], [rb, b]) =>
      Number(pinnedStory[rb] !== null) - Number(pinnedStory[ra] !== null) ||
      b.length - a.length ||
      (a[0] as number) - (b[0] as number),
  );
  for (const [r, members] of ordered) {
    let story = pinnedStory[r] ?? null;
    if (story === null) {
      const counts = new Map<number, number>();
      for (const i of members) {
        const st = (items[i] as PassArticle).story;
        if (!taken.has(st)) counts.set(st, (counts.get(st) ?? 0) + 1);
      }
      const best = [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0];
      story = best ? best[0] : null;
    }
    if (story !== null) taken.add(story);
    const group: PassGroup = { story, articles: members.map((i) => (items[i] as PassArticle).id) };
    for (const i of members) {
      const from = borrowed?.lender[i] ?? -1;
      if (from < 0) continue;
      group.borrowed ??= {};
      group.borrowed[(items[i] as PassArticle).id] = {
        day: borrowed?.days[i] as number,
        from: (items[from] as PassArticle).id,
      };
    }
    out.push(group);
  }
  return out;
}
