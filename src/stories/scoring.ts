// Scoring an article against a story: TF-IDF vectors per feature group, the centroid's cached lengths,
// the cosine and its cheap form for ranking candidates, and years as evidence (see cluster.ts).
import type { ArticleFeatures, Day, StoryNorms, StoryProfile } from '../model/story-index.js';
import { featureKind, yearOfDay } from './features.js';
import { type FeatureGroup, GROUP_OF, GROUPS, groupOf } from './groups.js';
import type { Settings } from './tuning.js';

export type Vector = Map<string, number>;

/**
 * IDF over the library blended with the background (background.ts): ln((N + W + 1) / (df + W·share + 1)),
 * where the background counts as W = idfPrior.docs articles in which the feature occurs at its reference
 * share (idfPrior.share for a feature the reference lacks or without the table). The background fades as
 * the library outgrows W. No floor is added: a feature in nearly every article weighs nearly nothing.
 */
export function idf(feature: string, df: number, n: number, s: Settings): number {
  const prior = s.idfPrior;
  const share = (s.background ? s.background.get(feature) : undefined) ?? prior.share;
  return Math.log((n + 1 + prior.docs) / (df + 1 + prior.docs * share)) + s.idfFloor;
}

export function groupNorms(
  v: Vector,
  weightOf: (f: string, w: number) => number,
): Record<FeatureGroup, number> {
  const sq = { names: 0, terms: 0, facts: 0 };
  for (const [f, w] of v) {
    const x = weightOf(f, w);
    sq[groupOf(f)] += x * x;
  }
  return {
    names: Math.sqrt(sq.names) || 1,
    terms: Math.sqrt(sq.terms) || 1,
    facts: Math.sqrt(sq.facts) || 1,
  };
}

/**
 * The article's vector in two parts: `weighted` (TF-IDF × kind weight, each group L2-normalised) for
 * scoring, and `profile` (the same without IDF, on the same scale) for adding to a story's profile.
 * `idfFor`, when given, must be idfOf(dfs, n, s): its cached values are then used and kept for the caller.
 */
export function articleVectors(
  features: ArticleFeatures,
  dfs: Map<string, number>,
  n: number,
  s: Settings,
  idfFor?: Idf,
): { weighted: Vector; profile: Vector } {
  const raw = new Map<string, number>();
  const weighted = new Map<string, number>();
  for (const [f, count] of features.features) {
    if (count <= 0) continue;
    const kind = featureKind(f);
    const tf =
      (GROUP_OF[kind] === 'names' ? count ** s.nameTfPower : 1 + Math.log(count)) * s.kindWeights[kind];
    if (tf <= 0) continue;
    raw.set(f, tf);
    weighted.set(f, tf * (idfFor ? idfFor(f) : idf(f, dfs.get(f) ?? 0, n, s)));
  }
  const lengths = groupNorms(weighted, (_, w) => w);
  for (const [f, w] of weighted) weighted.set(f, w / lengths[groupOf(f)]);
  for (const [f, w] of raw) raw.set(f, w / lengths[groupOf(f)]);
  return { weighted, profile: raw };
}

/** IDF of each feature, computed once per decision. */
export type Idf = (feature: string) => number;

export function idfOf(dfs: ReadonlyMap<string, number>, n: number, s: Settings): Idf {
  const cache = new Map<string, number>();
  return (f) => {
    let w = cache.get(f);
    if (w === undefined) {
      w = idf(f, dfs.get(f) ?? 0, n, s);
      cache.set(f, w);
    }
    return w;
  };
}

export interface Scored {
  score: number;
  parts: Map<string, number>;
}

/** What a profile caches for scoring (see StoryNorms), with the IDF of a library of `documents` articles. */
export function storyNorms(features: Vector, idfFor: Idf, documents: number): StoryNorms {
  type Sums = [number, number, number];
  const sums: Record<FeatureGroup, Sums> = { names: [0, 0, 0], terms: [0, 0, 0], facts: [0, 0, 0] };
  for (const [f, w] of features) {
    const x = idfFor(f);
    const g = sums[groupOf(f)];
    g[0] += w * w * x * x;
    g[1] += w * w * x;
    g[2] += w * w;
  }
  const pair = (g: Sums): [number, number] => [g[1], g[2]];
  return {
    names: Math.sqrt(sums.names[0]),
    terms: Math.sqrt(sums.terms[0]),
    facts: Math.sqrt(sums.facts[0]),
    documents,
    shift: { names: pair(sums.names), terms: pair(sums.terms), facts: pair(sums.facts) },
    topYear: topYear(features),
  };
}

/**
 * The centroid's length per group in a library of `n` articles, from norms cached at `norms.documents`.
 * Every IDF has grown by about the same δ since (exactly so for the features whose document frequency has
 * not moved, which is most of an idle story's), and Σ (w·(idf+δ))² expands into the cached sums.
 */
export function centroidNorms(norms: StoryNorms, n: number, s: Settings): Record<FeatureGroup, number> {
  const shift = norms.shift;
  if (!shift || n === norms.documents) return norms;
  const delta = Math.log((n + 1 + s.idfPrior.docs) / (norms.documents + 1 + s.idfPrior.docs));
  const at = (length: number, [lin, w2]: readonly [number, number]) =>
    Math.sqrt(Math.max(0, length * length + 2 * delta * lin + delta * delta * w2));
  return {
    names: at(norms.names, shift.names),
    terms: at(norms.terms, shift.terms),
    facts: at(norms.facts, shift.facts),
  };
}

/**
 * Similarity of the article with the story: per group (names, terms, facts), the cosine of the article's
 * vector and the story's centroid (IDF applied to the profile; the centroid's length from its norms), then
 * the groups' weighted mean. Only shared features are visited: `idfFor` needs only the article's
 * features. Each shared feature's part is kept, for reasons; the parts sum to the score.
 */
export function similarity(
  article: Vector,
  story: StoryProfile,
  norms: Record<FeatureGroup, number>,
  idfFor: Idf,
  s: Settings,
  weights: Record<FeatureGroup, number> = contentWeights(
    groupCounts(article),
    groupCounts(story.features),
    s,
  ),
): Scored & { groups: Record<FeatureGroup, number> } {
  const total = GROUPS.reduce((sum, g) => sum + weights[g], 0) || 1;
  const scale = { names: norms.names || 1, terms: norms.terms || 1, facts: norms.facts || 1 };
  const groups = { names: 0, terms: 0, facts: 0 };
  let score = 0;
  const parts = new Map<string, number>();
  const small = article.size <= story.features.size;
  const iter = small ? article : story.features;
  const other = small ? story.features : article;
  for (const [f, x] of iter) {
    const y = other.get(f);
    if (y === undefined) continue;
    const g = groupOf(f);
    const raw = (x * y * idfFor(f)) / scale[g];
    groups[g] += raw;
    const part = (weights[g] * raw) / total;
    parts.set(f, part);
    score += part;
  }
  return { score, parts, groups };
}

/** An article feature as scoring reads it: weight × IDF, and the group's index in GROUPS. */
export interface Probe {
  x: number;
  g: 0 | 1 | 2;
}

/** Per group (in GROUPS order), what a dot product with the story is divided by, group weight included. */
export type Scales = [number, number, number];

export const GROUP_INDEX: Readonly<Record<FeatureGroup, 0 | 1 | 2>> = { names: 0, terms: 1, facts: 2 };

export function groupScales(
  norms: Record<FeatureGroup, number>,
  weights: Record<FeatureGroup, number>,
): Scales {
  const total = GROUPS.reduce((sum, g) => sum + weights[g], 0) || 1;
  const scale = (g: FeatureGroup) =>
    weights[g] > 0 ? ((norms[g] || 1) * total) / weights[g] : Number.POSITIVE_INFINITY;
  return [scale('names'), scale('terms'), scale('facts')];
}

/** How many features of each group a vector holds, in GROUPS order. */
export function groupCounts(v: ReadonlyMap<string, number>): Scales {
  const counts: Scales = [0, 0, 0];
  for (const f of v.keys()) counts[GROUP_INDEX[groupOf(f)]]++;
  return counts;
}

/**
 * Each group's weight for one comparison: its GROUP_WEIGHTS share, scaled down when the side with fewer
 * features in the group has fewer than GROUP_CONTENT of them. One number or one name alone makes a cosine
 * of 1 as easily as a dozen (two reports that only share "2031" are not alike by a third of the score),
 * so a group counts in full only with enough content to tell events apart; an empty group counts nothing.
 */
export function contentWeights(article: Scales, story: Scales, s: Settings): Record<FeatureGroup, number> {
  const weight = (g: FeatureGroup) => {
    const i = GROUP_INDEX[g];
    const content = Math.min(article[i], story[i]);
    return s.groupWeights[g] * Math.min(1, content / s.groupContent[g]);
  };
  return { names: weight('names'), terms: weight('terms'), facts: weight('facts') };
}

/** The score of `similarity` without its parts: the hot loop, over the smaller of the two vectors. */
export function quickScore(probe: ReadonlyMap<string, Probe>, story: Vector, scale: Scales): number {
  let score = 0;
  if (probe.size <= story.size) {
    for (const [f, p] of probe) {
      const y = story.get(f);
      if (y !== undefined) score += (p.x * y) / scale[p.g];
    }
  } else {
    for (const [f, y] of story) {
      const p = probe.get(f);
      if (p !== undefined) score += (p.x * y) / scale[p.g];
    }
  }
  return score;
}

export function scaleScored(scored: Scored, factor: number): void {
  if (factor === 1) return;
  scored.score *= factor;
  for (const [f, part] of scored.parts) scored.parts.set(f, part * factor);
}

/** The year feature with the largest weight (ties: the first met), or null. */
export function topYear(v: Vector): string | null {
  let best: string | null = null;
  let weight = 0;
  for (const [f, w] of v)
    if (f.startsWith(YEAR_PREFIX) && w > weight) {
      best = f;
      weight = w;
    }
  return best;
}

export const YEAR_PREFIX = 'y:';

/**
 * Years as evidence: the article's most prominent year is the story's (×agree), or neither's prominent
 * year appears in the other at all (×conflict); otherwise (or when either has no year) 1.
 */
export function yearFactor(
  articleYear: string | null,
  storyYear: string | null,
  article: Vector,
  story: Vector,
  s: Settings,
): number {
  if (articleYear === null || storyYear === null) return 1;
  if (storyYear === articleYear) return s.years.agree;
  if (!story.has(articleYear) && !article.has(storyYear)) return s.years.conflict;
  return 1;
}

/**
 * Publication years as evidence (see PUBLISHED_YEAR): the article's publication year against the story's
 * years, and the article's most prominent year against the story's publication years; otherwise 1.
 */
export function publishedYearFactor(
  articleDay: Day | null,
  articleYear: string | null,
  storyYear: string | null,
  article: Vector,
  story: StoryProfile,
  s: Settings,
): number {
  let factor = 1;
  if (articleDay !== null && storyYear !== null) {
    const year = yearOfDay(articleDay);
    if (year !== storyYear && !story.features.has(year)) factor *= s.publishedYear.article;
  }
  if (articleYear !== null && story.firstDay !== null && story.lastDay !== null) {
    const first = yearOfDay(story.firstDay);
    const last = yearOfDay(story.lastDay);
    if (articleYear !== first && articleYear !== last && !article.has(first) && !article.has(last))
      factor *= s.publishedYear.story;
  }
  return factor;
}

/**
 * Days as evidence, a factor on the score when the article's day is reliable (its publication date): 1
 * within DAY_EVIDENCE.graceDays of the story's days, then falling as exp(−rate·(days − grace)), but not
 * below the floor. See DAY_EVIDENCE for the measurement behind it.
 */
export function dayEvidence(gap: number | null, s: Settings): number {
  const { graceDays, rate, floor } = s.dayEvidence;
  if (gap === null || gap <= graceDays) return 1;
  return Math.max(floor, Math.exp(-rate * (gap - graceDays)));
}
