// Sentence similarity for one story: IDF-weighted cosine over unit keys, and candidate pairs drawn from an
// inverted index instead of all pairs. Weighting by IDF over the story's own sentences is what makes
// "Minsk" and "host" count and "Lukashenko" (in two of every five sentences) count little; the index keeps the
// work near-linear in the number of sentences, so a 400-article story costs about four times a
// 100-article one.
import type { Unit } from './units.js';

/**
 * Weight by key kind: a shared figure or resolved date says a little more than a shared word. Dates stay
 * modest, since outlets disagreeing on a date ("Sept. 26" / "Oct. 2" memo) still report one fact.
 */
export const KEY_KIND_WEIGHT: Record<string, number> = { w: 1, a: 1, n: 1.3, d: 1.3 };
/** A key found in more than this share of the story's units is too common to propose candidates. */
export const FREQUENT_KEY_SHARE = 0.25;
/**
 * …but never below this many times the number of articles: a fact every outlet reports puts its keys in
 * at least that many units.
 */
export const FREQUENT_KEY_MIN_ARTICLES_FACTOR = 1.5;
/** At most this many units are listed under one key; later units can still find the listed ones. */
export const MAX_POSTINGS = 64;
/** A unit probes the postings of at most this many of its keys, the rarest first. */
export const MAX_PROBE_KEYS = 16;
/** Candidates kept per unit after the index pass, best partial scores first. */
export const MAX_CANDIDATES_PER_UNIT = 12;
/** Pairs scoring below this are not kept at all (clustering and the timeline apply their own thresholds). */
export const MIN_KEPT_SCORE = 0.1;

/** A unit's keys as sorted key ids with L2-normalised weights. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

export interface Space {
  keyOf: string[];
  df: Int32Array;
  idf: Float64Array;
  vectors: SparseVector[];
  /** Key ids allowed to propose candidates. */
  candidateKey: Uint8Array;
}

export interface Pair {
  a: number;
  b: number;
  score: number;
  /** Shared content keys (words, actors, numbers), for the minimum-evidence rule. */
  shared: number;
  /** The part of the score that comes from shared dates. */
  fromDates: number;
}

export function buildSpace(units: readonly Unit[], articleCount: number): Space {
  const idOf = new Map<string, number>();
  const keyOf: string[] = [];
  const unitIds: number[][] = units.map((u) =>
    u.keys.map((k) => {
      let id = idOf.get(k);
      if (id === undefined) {
        id = keyOf.length;
        idOf.set(k, id);
        keyOf.push(k);
      }
      return id;
    }),
  );
  const df = new Int32Array(keyOf.length);
  for (const ids of unitIds) for (const id of ids) df[id] = (df[id] ?? 0) + 1;
  const n = Math.max(units.length, 1);
  const idf = new Float64Array(keyOf.length);
  const candidateKey = new Uint8Array(keyOf.length);
  const maxDf = Math.max(FREQUENT_KEY_SHARE * n, FREQUENT_KEY_MIN_ARTICLES_FACTOR * articleCount, 2);
  for (let id = 0; id < keyOf.length; id++) {
    const d = df[id] ?? 1;
    idf[id] = Math.log(1 + n / d);
    candidateKey[id] = d <= maxDf && d > 1 ? 1 : 0;
  }
  const vectors = unitIds.map((ids, u) => {
    const unitWeight = new Map(ids.map((id, i) => [id, (units[u] as Unit).keyWeights[i] ?? 1]));
    const sorted = Int32Array.from(ids).sort();
    const weights = new Float64Array(sorted.length);
    let norm = 0;
    sorted.forEach((id, i) => {
      const kind = KEY_KIND_WEIGHT[(keyOf[id] as string).charAt(0)] ?? 1;
      const w = (idf[id] ?? 0) * kind * (unitWeight.get(id) ?? 1);
      weights[i] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] as number) / norm;
    return { ids: sorted, weights };
  });
  return { keyOf, df, idf, vectors, candidateKey };
}

/**
 * Cosine of two normalised vectors, the number of content keys (not dates) they share, and the part of
 * the cosine that comes from shared dates (the timeline, which groups by date, leaves it out).
 */
export function cosine(
  space: Space,
  a: SparseVector,
  b: SparseVector,
): { score: number; shared: number; fromDates: number } {
  let i = 0;
  let j = 0;
  let score = 0;
  let shared = 0;
  let fromDates = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) {
      const part = (a.weights[i] as number) * (b.weights[j] as number);
      score += part;
      if ((space.keyOf[x] as string).charAt(0) === 'd') fromDates += part;
      else shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return { score, shared, fromDates };
}

/**
 * Indices of the `k` largest scores among `items`, best first, at most one per signature, without
 * sorting them all.
 */
function topK(
  items: readonly number[],
  score: Float64Array,
  signatureOf: readonly string[],
  k: number,
): number[] {
  const best: number[] = [];
  const taken = new Set<string>();
  for (const v of items) {
    const sv = score[v] as number;
    if (best.length === k && sv <= (score[best[k - 1] as number] as number)) continue;
    const signature = signatureOf[v] as string;
    if (taken.has(signature)) continue;
    let at = best.length;
    while (at > 0 && (score[best[at - 1] as number] as number) < sv) at--;
    best.splice(at, 0, v);
    taken.add(signature);
    if (best.length > k) taken.delete(signatureOf[best.pop() as number] as string);
  }
  return best;
}

/**
 * Candidate pairs of units from different articles. Each unit probes the postings of its
 * MAX_PROBE_KEYS rarest non-frequent keys; the units found score a partial dot product, and the best
 * MAX_CANDIDATES_PER_UNIT of them (one per distinct key set, so 80 syndicated copies of one sentence
 * take one slot, not all) are scored in full. Work per unit is bounded by MAX_PROBE_KEYS × MAX_POSTINGS,
 * so the whole pass grows linearly with the number of units.
 */
export function candidatePairs(units: readonly Unit[], space: Space): Pair[] {
  const postings: number[][] = space.keyOf.map(() => []);
  const probes = units.map((u) => {
    const v = space.vectors[u.index] as SparseVector;
    const keys: number[] = [];
    for (let i = 0; i < v.ids.length; i++) if (space.candidateKey[v.ids[i] as number]) keys.push(i);
    keys.sort((x, y) => (space.df[v.ids[x] as number] as number) - (space.df[v.ids[y] as number] as number));
    return keys.slice(0, MAX_PROBE_KEYS);
  });
  // Units with identical key sets (a syndicated sentence printed by many outlets) are paired with the
  // first of them directly, and only that first one is listed in the index: copies would otherwise fill
  // the postings and hide every other sentence.
  const signatureOf = units.map((u) => (space.vectors[u.index] as SparseVector).ids.join(','));
  const firstWith = new Map<string, number>();
  const copies: Pair[] = [];
  units.forEach((u) => {
    const signature = signatureOf[u.index] as string;
    const first = firstWith.get(signature);
    if (first !== undefined) {
      if ((units[first] as Unit).article !== u.article) {
        const v = space.vectors[u.index] as SparseVector;
        copies.push({ a: first, b: u.index, ...cosine(space, v, v) });
      }
      return;
    }
    firstWith.set(signature, u.index);
    for (const id of (space.vectors[u.index] as SparseVector).ids) {
      if (!space.candidateKey[id]) continue;
      const list = postings[id] as number[];
      if (list.length < MAX_POSTINGS) list.push(u.index);
    }
  });
  const articleOf = Int32Array.from(units, (u) => u.article);
  const partial = new Float64Array(units.length);
  const touched: number[] = [];
  const seen = new Set<number>();
  const pairs: Pair[] = copies;
  for (const u of units) {
    const vu = space.vectors[u.index] as SparseVector;
    const own = u.article;
    for (const i of probes[u.index] as number[]) {
      const id = vu.ids[i] as number;
      const w = (vu.weights[i] as number) * (vu.weights[i] as number);
      const list = postings[id] as number[];
      for (let k = 0; k < list.length; k++) {
        const v = list[k] as number;
        if (articleOf[v] === own) continue;
        if (partial[v] === 0) touched.push(v);
        partial[v] = (partial[v] as number) + w;
      }
    }
    for (const v of topK(touched, partial, signatureOf, MAX_CANDIDATES_PER_UNIT)) {
      const a = Math.min(u.index, v);
      const b = Math.max(u.index, v);
      const key = a * units.length + b;
      if (seen.has(key)) continue;
      seen.add(key);
      const found = cosine(space, space.vectors[a] as SparseVector, space.vectors[b] as SparseVector);
      if (found.score >= MIN_KEPT_SCORE) pairs.push({ a, b, ...found });
    }
    for (const v of touched) partial[v] = 0;
    touched.length = 0;
  }
  return pairs;
}
