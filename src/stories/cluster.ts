// Incremental story clustering: each new article joins the most similar existing story or starts a new one,
// in a single pass, one article at a time. The library is never scanned: candidates come from the index
// (stories sharing the article's most telling features, inside a time window), the most promising of them
// are scored by the cosine between the article's TF-IDF vector and the story's centroid (the sum of its
// articles' normalised vectors, bounded to its strongest features), with evidence from years and days, and
// the best one is joined when it clears a threshold. The work per article is bounded by the constants
// below, not by the size of the library.
//
// Weights: term frequency (1 + ln count for words and numbers, √count for names) × kind weight × smoothed
// IDF. Names, content words and numbers/years are three groups, each normalised and compared on its own;
// the score is the groups' weighted mean cosine. Profiles store the IDF-free part of each article's
// normalised vector, so IDF is applied at scoring time with the document frequencies of the library as it
// is now. A profile also caches its centroid's length (StoryNorms), so scoring a story reads only the
// features it shares with the article: one document-frequency lookup per decision for the article's own
// features, and one for the joined story's when its profile is rewritten.

import type { ArticleFeatures, Day, StoryIndex, StoryNorms, StoryProfile } from '../model/story-index.js';
import { dayString, type FeatureKind, featureKind, featureLabel } from './features.js';

/**
 * Similarity an article needs with a story's centroid to join it. Tuned on the ECB+ train and validation
 * topics (bench/ecbplus.ts --tune, mean B³ F1 over file order and two shuffles): 0.24 scores 0.892, 0.23
 * and 0.25 0.891 and 0.890, 0.28 0.88 (recall drops by ~0.03).
 */
export const JOIN_THRESHOLD = 0.24;

/**
 * Weight of each feature kind before IDF, inside its group (see GROUP_WEIGHTS): persons above organisation
 * and place names (a person is what an event happened to; places recur across a region's news); numbers
 * below years, because counts recur by chance while a year dates the event. Set by judgement, not tuned:
 * on ECB+ moving all names from 1 to 2 changed B³ F1 by under 0.01.
 */
export const KIND_WEIGHTS: Readonly<Record<FeatureKind, number>> = {
  person: 1.6,
  name: 1.4,
  term: 1,
  number: 0.7,
  year: 1,
};

/**
 * Weight of each group's cosine in the score. Comparing names on their own keeps two events of one kind
 * apart (their many shared content words would otherwise swamp the few names), and numbers and years
 * (tolls, magnitudes, the year) are the next best tell. On ECB+ train + validation names 0.7 scores 0.892,
 * names 1 0.889, facts 1 0.889 (facts 0.15 or 0.3 lost 0.005–0.015 in an earlier tuning).
 */
export const GROUP_WEIGHTS: Readonly<Record<FeatureGroup, number>> = {
  names: 0.7,
  terms: 1,
  facts: 0.6,
};

/**
 * A name's weight grows with its mentions as count^NAME_TF_POWER (content words grow as 1 + ln count). The
 * person an article is about is named again and again; one named in passing ("the team's second such
 * arrest, after X's") must not weigh nearly as much.
 */
export const NAME_TF_POWER = 0.5;

/**
 * Stories whose days lie further than this from the article's day are not candidates: a second event of
 * the same kind a year later must not join. News of one event comes within days, but follow-ups (charges,
 * a verdict) and weak day signals (a date line read from the text) reach weeks further: on ECB+ a 45-day
 * window lost 0.01 B³ F1 against 120 days, and 120, 180 and 365 scored the same.
 */
export const WINDOW_DAYS = 120;

/**
 * Within this many days of a story an article is scored on content alone; further away (up to WINDOW_DAYS)
 * its score is scaled by GRACE_DAYS / distance, so a report 120 days after a story needs twice the
 * similarity. Shorter grace periods (7–30 days) split real stories on ECB+.
 */
export const GRACE_DAYS = 60;

/**
 * Features of the article used to look up candidate stories: its strongest ones by TF-IDF weight (names
 * and rare words come first). Doubling this and LIMIT_PER_FEATURE found no better story on ECB+, nor did
 * 16 × 4 find a worse one; on allsides (37k articles) 24 × 8 returns ~90 candidates per article.
 */
export const QUERY_FEATURES = 24;

/**
 * Stories returned per query feature, the most recently active first. With QUERY_FEATURES this caps the
 * candidates per article (24 × 8 = 192 at most, far fewer in practice as features share stories).
 */
export const LIMIT_PER_FEATURE = 8;

/**
 * Features a story profile keeps, by weight × IDF. Enough to hold a story's names, numbers and distinctive
 * words (120 and 250 score the same on ECB+), small enough to keep scoring and storage flat.
 */
export const PROFILE_FEATURES = 250;

/**
 * Candidates scored in full: all candidates are ranked by the part of the score the query features alone
 * give (24 lookups each), and only the best this many are scored over all shared features. On ECB+ 10, 20
 * and all give the same clusters; on allsides it takes the clustering step from ~16 ms to ~1.6 ms per
 * article at 30k articles, with the cached centroid lengths.
 */
export const SCORED_CANDIDATES = 20;

/**
 * A background the IDF starts from, so that the first decisions of a young library are not made on
 * meaningless document frequencies (with 5 articles, a word in 2 of them looks common): IDF is computed as
 * if the library held `docs` more articles, in which every feature occurs at rate `share`. Its effect fades
 * as the library grows past `docs`. On ECB+ train + validation: none 0.875, {50, 0.05} 0.879, {200, 0.05}
 * 0.881, {500, 0.05} 0.877–0.881 (before the other settings here).
 */
export const IDF_PRIOR: Readonly<{ docs: number; share: number }> = { docs: 200, share: 0.05 };

/**
 * A story of `size` articles or fewer needs `extra` more similarity to be joined: one article is a noisy
 * centroid, and a wrong second article (the same kind of event, another time) drags the story toward both
 * events for good. On ECB+ train + validation {1, 0.04} gained 0.005 (precision +0.02 in shuffled orders);
 * 0.08 or size 2 lost as much.
 */
export const YOUNG: Readonly<{ size: number; extra: number }> = { size: 1, extra: 0.04 };

/**
 * Years as evidence, a factor on the score: the article's most prominent year is the story's (×agree), or
 * neither's most prominent year occurs in the other at all (×conflict: the same kind of event, another
 * year). Within ECB+ topics, pairs whose top years agree are 18 times likelier the same event, pairs that
 * conflict 3 times likelier different ones. On train + validation {1.15, 0.75} gained 0.007 (0.881 → 0.888),
 * {1.3, 0.6} nothing. Within a news library's time window most articles share the year: it rarely fires.
 */
export const YEARS: Readonly<{ agree: number; conflict: number }> = { agree: 1.15, conflict: 0.75 };

/**
 * Publication years as evidence, a factor on the score: the article's publication year is neither the
 * story's most prominent year nor mentioned in it at all (×article), or the article's most prominent year is
 * neither year the story's articles were published in, and it mentions neither (×story). Catches the same
 * kind of event years apart when one side is dated and the other only names its year. On ECB+ train +
 * validation {0.6, 0.85} scores 0.899 (from 0.892; P +0.015–0.02, R unchanged), {0.6–0.7, 0.85–0.9} the
 * same, {0.6, 1} 0.897, {1, 0.8} 0.892, {0.6, 0.75} 0.895.
 */
export const PUBLISHED_YEAR: Readonly<{ article: number; story: number }> = { article: 0.6, story: 0.85 };

/**
 * The longest a story may last, first to last publication day. Without a cap, broad running topics chain
 * article by article into stories spanning years (on allsides, one of 374 articles from 2018 to 2020): each
 * new article is within the time window of the story's latest one. Real follow-ups within five months
 * stay together; later ones start a new story, which the user can merge. ECB+ is mostly undated and
 * unaffected.
 */
export const MAX_SPAN_DAYS = 150;

/**
 * A large story's centroid is broad (its strongest features are the topic's common words and names), so
 * joining it takes more than joining a small one: above `size` articles the bar rises by `extra` for each
 * doubling. ECB+ events stay below 32 documents; on allsides this keeps running topics from absorbing
 * hundreds of unrelated articles.
 */
export const LARGE: Readonly<{ size: number; extra: number }> = { size: 32, extra: 0.04 };

/** How many shared names and terms a reason lists. */
export const REASON_ITEMS = 8;

export interface ClusterOptions {
  threshold?: number;
  kindWeights?: Partial<Record<FeatureKind, number>>;
  groupWeights?: Partial<Record<FeatureGroup, number>>;
  nameTfPower?: number;
  graceDays?: number;
  windowDays?: number;
  queryFeatures?: number;
  limitPerFeature?: number;
  profileFeatures?: number;
  scoredCandidates?: number;
  idfPrior?: { docs: number; share: number };
  young?: { size: number; extra: number };
  years?: { agree: number; conflict: number };
  publishedYear?: { article: number; story: number };
  maxSpanDays?: number;
  large?: { size: number; extra: number };
}

interface Settings {
  threshold: number;
  kindWeights: Record<FeatureKind, number>;
  groupWeights: Record<FeatureGroup, number>;
  nameTfPower: number;
  graceDays: number;
  windowDays: number;
  queryFeatures: number;
  limitPerFeature: number;
  profileFeatures: number;
  scoredCandidates: number;
  idfPrior: { docs: number; share: number };
  young: { size: number; extra: number };
  years: { agree: number; conflict: number };
  publishedYear: { article: number; story: number };
  maxSpanDays: number;
  large: { size: number; extra: number };
}

function settings(options: ClusterOptions = {}): Settings {
  return {
    threshold: options.threshold ?? JOIN_THRESHOLD,
    kindWeights: { ...KIND_WEIGHTS, ...options.kindWeights },
    groupWeights: { ...GROUP_WEIGHTS, ...options.groupWeights },
    nameTfPower: options.nameTfPower ?? NAME_TF_POWER,
    graceDays: options.graceDays ?? GRACE_DAYS,
    windowDays: options.windowDays ?? WINDOW_DAYS,
    queryFeatures: options.queryFeatures ?? QUERY_FEATURES,
    limitPerFeature: options.limitPerFeature ?? LIMIT_PER_FEATURE,
    profileFeatures: options.profileFeatures ?? PROFILE_FEATURES,
    scoredCandidates: options.scoredCandidates ?? SCORED_CANDIDATES,
    idfPrior: options.idfPrior ?? IDF_PRIOR,
    young: options.young ?? YOUNG,
    years: options.years ?? YEARS,
    publishedYear: options.publishedYear ?? PUBLISHED_YEAR,
    maxSpanDays: options.maxSpanDays ?? MAX_SPAN_DAYS,
    large: options.large ?? LARGE,
  };
}

export interface SharedFeature {
  /** The feature as a user reads it: a surname, a place or organisation name, a word stem, a number. */
  label: string;
  kind: FeatureKind;
  /** This feature's part of the similarity score (the parts of all shared features sum to the score). */
  contribution: number;
}

/** Why an article is in a story: JSON-serialisable, for `parallax story <id> --why` and the API. */
export interface AssignmentReasons {
  decision: 'joined' | 'created' | 'member';
  /** Similarity with the story's centroid (cosine, 0–1); for a created story, with the best candidate. */
  score: number;
  threshold: number;
  /** The score split by group: names, content words, numbers and years (they sum to `score`). */
  groups: Record<FeatureGroup, number>;
  /** Shared names (persons, organisations, places) that contributed most, strongest first. */
  sharedNames: SharedFeature[];
  /** Shared words, numbers and years that contributed most, strongest first. */
  sharedTerms: SharedFeature[];
  /** Article day (YYYY-MM-DD) when known. */
  articleDay: string | null;
  /** The story's first and last days before this article, when known. */
  storyDays: { first: string; last: string } | null;
  /** Days between the article and the nearest day of the story; null when either is unknown. */
  dayDistance: number | null;
  /** Stories scored (the candidates the index returned). */
  candidates: number;
  /** For a created story: the best candidate that was not close enough, if any. */
  nearest: { storyId: number; score: number } | null;
  /** One sentence for people. */
  summary: string;
}

export interface Assignment {
  storyId: number;
  created: boolean;
  score: number;
  reasons: AssignmentReasons;
}

type Vector = Map<string, number>;

/** Smoothed IDF: ln((N + 1) / (df + 1)) + 1. Unseen features get the largest weight; none reaches zero. */
function idf(df: number, n: number, s: Settings): number {
  const prior = s.idfPrior;
  return Math.log((n + 1 + prior.docs) / (df + 1 + prior.docs * prior.share)) + 1;
}

/** The three parts of a vector, each normalised on its own and compared on its own (see GROUP_WEIGHTS). */
export type FeatureGroup = 'names' | 'terms' | 'facts';

const GROUP_OF: Readonly<Record<FeatureKind, FeatureGroup>> = {
  person: 'names',
  name: 'names',
  term: 'terms',
  number: 'facts',
  year: 'facts',
};

const GROUPS: readonly FeatureGroup[] = ['names', 'terms', 'facts'];

const groupOf = (f: string): FeatureGroup => GROUP_OF[featureKind(f)];

function groupNorms(v: Vector, weightOf: (f: string, w: number) => number): Record<FeatureGroup, number> {
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
 */
function articleVectors(
  features: ArticleFeatures,
  dfs: Map<string, number>,
  n: number,
  s: Settings,
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
    weighted.set(f, tf * idf(dfs.get(f) ?? 0, n, s));
  }
  const lengths = groupNorms(weighted, (_, w) => w);
  for (const [f, w] of weighted) weighted.set(f, w / lengths[groupOf(f)]);
  for (const [f, w] of raw) raw.set(f, w / lengths[groupOf(f)]);
  return { weighted, profile: raw };
}

/** IDF of each feature, computed once per decision. */
type Idf = (feature: string) => number;

function idfOf(dfs: ReadonlyMap<string, number>, n: number, s: Settings): Idf {
  const cache = new Map<string, number>();
  return (f) => {
    let w = cache.get(f);
    if (w === undefined) {
      w = idf(dfs.get(f) ?? 0, n, s);
      cache.set(f, w);
    }
    return w;
  };
}

interface Scored {
  score: number;
  parts: Map<string, number>;
}

/** What a profile caches for scoring (see StoryNorms), with the IDF of a library of `documents` articles. */
function storyNorms(features: Vector, idfFor: Idf, documents: number): StoryNorms {
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
function centroidNorms(norms: StoryNorms, n: number, s: Settings): Record<FeatureGroup, number> {
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
function similarity(
  article: Vector,
  story: StoryProfile,
  norms: Record<FeatureGroup, number>,
  idfFor: Idf,
  s: Settings,
): Scored & { groups: Record<FeatureGroup, number> } {
  const total = GROUPS.reduce((sum, g) => sum + s.groupWeights[g], 0) || 1;
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
    const part = (s.groupWeights[g] * raw) / total;
    parts.set(f, part);
    score += part;
  }
  return { score, parts, groups };
}

/** An article feature as scoring reads it: weight × IDF, and the group's index in GROUPS. */
interface Probe {
  x: number;
  g: 0 | 1 | 2;
}

/** Per group (in GROUPS order), what a dot product with the story is divided by, group weight included. */
type Scales = [number, number, number];

const GROUP_INDEX: Readonly<Record<FeatureGroup, 0 | 1 | 2>> = { names: 0, terms: 1, facts: 2 };

function groupScales(norms: Record<FeatureGroup, number>, s: Settings): Scales {
  const total = GROUPS.reduce((sum, g) => sum + s.groupWeights[g], 0) || 1;
  const scale = (g: FeatureGroup) => ((norms[g] || 1) * total) / s.groupWeights[g];
  return [scale('names'), scale('terms'), scale('facts')];
}

/** The score of `similarity` without its parts: the hot loop, over the smaller of the two vectors. */
function quickScore(probe: ReadonlyMap<string, Probe>, story: Vector, scale: Scales): number {
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

function scaleScored(scored: Scored, factor: number): void {
  if (factor === 1) return;
  scored.score *= factor;
  for (const [f, part] of scored.parts) scored.parts.set(f, part * factor);
}

/** The year feature with the largest weight (ties: the first met), or null. */
function topYear(v: Vector): string | null {
  let best: string | null = null;
  let weight = 0;
  for (const [f, w] of v)
    if (f.startsWith(YEAR_PREFIX) && w > weight) {
      best = f;
      weight = w;
    }
  return best;
}

const YEAR_PREFIX = 'y:';

/**
 * Years as evidence: the article's most prominent year is the story's (×agree), or neither's prominent
 * year appears in the other at all (×conflict); otherwise (or when either has no year) 1.
 */
function yearFactor(
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

/** The year feature of a day ("y:2013"). */
const yearOfDay = (day: Day): string => `${YEAR_PREFIX}${dayString(day).slice(0, 4)}`;

/**
 * Publication years as evidence (see PUBLISHED_YEAR): the article's publication year against the story's
 * years, and the article's most prominent year against the story's publication years; otherwise 1.
 */
function publishedYearFactor(
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

function dayDistance(day: Day | null, first: Day | null, last: Day | null): number | null {
  if (day === null || first === null || last === null) return null;
  if (day < first) return first - day;
  if (day > last) return day - last;
  return 0;
}

function reasonsFor(
  decision: AssignmentReasons['decision'],
  scored: Scored | null,
  s: Settings,
  features: ArticleFeatures,
  story: StoryProfile | null,
  candidates: number,
  nearest: AssignmentReasons['nearest'],
  /** The similarity this story asked for (the threshold, raised for a one-article or a large story). */
  bar: number = s.threshold,
): AssignmentReasons {
  const shared = [...(scored?.parts ?? new Map<string, number>())]
    .sort((a, b) => b[1] - a[1])
    .map(([f, contribution]) => ({
      label: featureLabel(f),
      kind: featureKind(f),
      contribution: round(contribution),
    }));
  const groups = { names: 0, terms: 0, facts: 0 };
  for (const [f, part] of scored?.parts ?? []) groups[groupOf(f)] += part;
  for (const g of GROUPS) groups[g] = round(groups[g]);
  const isName = (x: SharedFeature) => x.kind === 'person' || x.kind === 'name';
  const sharedNames = shared.filter(isName).slice(0, REASON_ITEMS);
  const sharedTerms = shared.filter((x) => !isName(x)).slice(0, REASON_ITEMS);
  const distance = story ? dayDistance(features.day, story.firstDay, story.lastDay) : null;
  const score = round(scored?.score ?? 0);
  const storyDays =
    story && story.firstDay !== null && story.lastDay !== null
      ? { first: dayString(story.firstDay), last: dayString(story.lastDay) }
      : null;
  const names = sharedNames.map((x) => x.label).slice(0, 4);
  const words = sharedTerms.map((x) => x.label).slice(0, 4);
  const sharing = [
    names.length ? `names ${names.join(', ')}` : '',
    words.length ? `words ${words.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const when = distance === null ? '' : `, ${distance} day${distance === 1 ? '' : 's'} from the story`;
  let summary: string;
  if (decision === 'created')
    summary = nearest
      ? `New story: the closest story scored ${score} (threshold ${round(bar)})${sharing ? `, sharing ${sharing}` : ''}.`
      : 'New story: no existing story shares its names or rarer words in the time window.';
  else
    summary = `Similarity ${score} with the story (threshold ${round(bar)})${sharing ? `, sharing ${sharing}` : ''}${when}.`;
  return {
    decision,
    score,
    threshold: round(bar),
    groups,
    sharedNames,
    sharedTerms,
    articleDay: features.day === null ? null : dayString(features.day),
    storyDays,
    dayDistance: distance,
    candidates,
    nearest,
    summary,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Keeps the profile's strongest features, by weight × current IDF. */
function prune(features: Vector, idfFor: Idf, keep: number): Vector {
  if (features.size <= keep) return features;
  const ranked = [...features].map(([f, w]) => [f, w, w * idfFor(f)] as const);
  ranked.sort((a, b) => b[2] - a[2]);
  return new Map(ranked.slice(0, keep).map(([f, w]) => [f, w]));
}

function addInto(into: Vector, v: Vector): void {
  for (const [f, w] of v) into.set(f, (into.get(f) ?? 0) + w);
}

function minDay(a: Day | null, b: Day | null): Day | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function maxDay(a: Day | null, b: Day | null): Day | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/**
 * Assigns one new article to a story: looks up candidates, scores them, joins the best one if it clears the
 * threshold or creates a story, and records the article in the index (document frequencies and the
 * story's pruned profile).
 */
export function assignArticle(
  index: StoryIndex,
  features: ArticleFeatures,
  options?: ClusterOptions,
): Assignment {
  const s = settings(options);
  const own = [...features.features.keys()];
  const n = index.documentCount();
  const dfs = index.documentFrequencies(own);
  const { weighted, profile: contribution } = articleVectors(features, dfs, n, s);
  const idfFor = idfOf(dfs, n, s);

  // Query with the strongest features that some earlier article carries (an unseen one can match nothing).
  const query = [...weighted]
    .filter(([f]) => (dfs.get(f) ?? 0) > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, s.queryFeatures)
    .map(([f]) => f);
  const ids = query.length
    ? index.candidateStories(query, features.day, s.windowDays, s.limitPerFeature)
    : [];
  let candidates = index.profiles(ids);
  const found = candidates.length;

  // Centroid lengths from the profiles' cached norms; a profile saved without them gets them computed
  // here, with one document-frequency lookup for all such profiles' features.
  const lacking = candidates.filter((c) => !c.norms);
  if (lacking.length) {
    const needed = new Set<string>();
    for (const c of lacking) for (const f of c.features.keys()) if (!dfs.has(f)) needed.add(f);
    const more = needed.size ? index.documentFrequencies([...needed]) : new Map<string, number>();
    for (const [f, df] of dfs) more.set(f, df);
    const lackIdf = idfOf(more, n, s);
    for (const c of lacking) c.norms = storyNorms(c.features, lackIdf, n);
  }

  // The article as scoring reads it: each feature's weight × IDF, and its group.
  const probe = new Map<string, Probe>();
  for (const [f, w] of weighted) probe.set(f, { x: w * idfFor(f), g: GROUP_INDEX[groupOf(f)] });
  const scales = new Map<number, Scales>();
  for (const c of candidates) scales.set(c.id, groupScales(centroidNorms(c.norms as StoryNorms, n, s), s));

  // With many candidates, only the most promising are scored in full: ranked by the part of the score the
  // query features alone give. A story holding only one or two of them (a common place, a common word)
  // rarely wins.
  if (candidates.length > s.scoredCandidates) {
    const asked = query.map((f) => [f, probe.get(f) as Probe] as const);
    const ranked = candidates.map((c) => {
      const scale = scales.get(c.id) as Scales;
      let partial = 0;
      for (const [f, p] of asked) {
        const y = c.features.get(f);
        if (y !== undefined) partial += (p.x * y) / scale[p.g];
      }
      return { c, partial };
    });
    ranked.sort((x, y) => y.partial - x.partial || x.c.id - y.c.id);
    candidates = ranked.slice(0, s.scoredCandidates).map((r) => r.c);
  }

  const articleYear = topYear(weighted);
  let best: { profile: StoryProfile; score: number; factor: number } | null = null;
  for (const c of candidates) {
    if (features.day !== null && c.firstDay !== null && c.lastDay !== null) {
      const span = Math.max(c.lastDay, features.day) - Math.min(c.firstDay, features.day);
      if (span > s.maxSpanDays) continue;
    }
    const norms = c.norms as StoryNorms;
    const storyYear = norms.topYear === undefined ? topYear(c.features) : norms.topYear;
    let factor = yearFactor(articleYear, storyYear, weighted, c.features, s);
    factor *= publishedYearFactor(features.day, articleYear, storyYear, weighted, c, s);
    const gap = dayDistance(features.day, c.firstDay, c.lastDay);
    // Further apart in time, less likely the same event.
    if (gap !== null && gap > s.graceDays) factor *= s.graceDays / gap;
    const score = quickScore(probe, c.features, scales.get(c.id) as Scales) * factor;
    if (!best || score > best.score || (score === best.score && c.id < best.profile.id))
      best = { profile: c, score, factor };
  }
  // The winner again, feature by feature, for the reasons (the parts sum to the score).
  let bestScored: Scored | null = null;
  if (best) {
    const norms = centroidNorms(best.profile.norms as StoryNorms, n, s);
    bestScored = similarity(weighted, best.profile, norms, idfFor, s);
    scaleScored(bestScored, best.factor);
  }

  index.addDocument(own);
  for (const f of own) dfs.set(f, (dfs.get(f) ?? 0) + 1);

  const bar = (p: StoryProfile) =>
    s.threshold +
    (p.size <= s.young.size ? s.young.extra : 0) +
    (p.size > s.large.size ? s.large.extra * Math.log2(p.size / s.large.size) : 0);
  if (best && bestScored && best.score >= bar(best.profile)) {
    const story = best.profile;
    const merged = new Map(story.features);
    addInto(merged, contribution);
    // IDF after this article, for pruning and the cached norms: one lookup for the story's other features.
    const rest = [...story.features.keys()].filter((f) => !dfs.has(f));
    if (rest.length) for (const [f, df] of index.documentFrequencies(rest)) dfs.set(f, df);
    const afterIdf = idfOf(dfs, n + 1, s);
    const pruned = prune(merged, afterIdf, s.profileFeatures);
    const storyId = index.saveProfile({
      id: story.id,
      size: story.size + 1,
      firstDay: minDay(story.firstDay, features.day),
      lastDay: maxDay(story.lastDay, features.day),
      features: pruned,
      norms: storyNorms(pruned, afterIdf, n + 1),
    });
    return {
      storyId,
      created: false,
      score: best.score,
      reasons: reasonsFor('joined', bestScored, s, features, story, found, null, bar(story)),
    };
  }

  const afterIdf = idfOf(dfs, n + 1, s);
  const pruned = prune(contribution, afterIdf, s.profileFeatures);
  const storyId = index.saveProfile({
    id: null,
    size: 1,
    firstDay: features.day,
    lastDay: features.day,
    features: pruned,
    norms: storyNorms(pruned, afterIdf, n + 1),
  });
  const nearest = best ? { storyId: best.profile.id, score: round(best.score) } : null;
  return {
    storyId,
    created: true,
    score: best?.score ?? 0,
    reasons: reasonsFor(
      'created',
      bestScored,
      s,
      features,
      best?.profile ?? null,
      found,
      nearest,
      best ? bar(best.profile) : s.threshold,
    ),
  };
}

/**
 * Why an article already in a story belongs there: its similarity with the story's centroid without its own
 * part (when the story has other articles), and what they share.
 */
export function explainMembership(
  profile: StoryProfile,
  features: ArticleFeatures,
  index: StoryIndex,
  options?: ClusterOptions,
): AssignmentReasons {
  const s = settings(options);
  const n = index.documentCount();
  const dfs = index.documentFrequencies([
    ...new Set([...features.features.keys(), ...profile.features.keys()]),
  ]);
  const { weighted, profile: own } = articleVectors(features, dfs, n, s);
  let others = profile;
  if (profile.size > 1) {
    const rest = new Map<string, number>();
    for (const [f, w] of profile.features) {
      const left = w - (own.get(f) ?? 0);
      if (left > 1e-9) rest.set(f, left);
    }
    others = { ...profile, size: profile.size - 1, features: rest };
  }
  const idfFor = idfOf(dfs, n, s);
  const scored = similarity(weighted, others, storyNorms(others.features, idfFor, n), idfFor, s);
  return reasonsFor('member', scored, s, features, profile, 1, null);
}

/**
 * A story profile recomputed from its articles' features (after a user splits a story, or to rebuild one
 * from stored articles), with the index's current document frequencies.
 */
export function profileFromArticles(
  articles: readonly ArticleFeatures[],
  index: StoryIndex,
  id: number | null = null,
  options?: ClusterOptions,
): Omit<StoryProfile, 'id'> & { id: number | null } {
  const s = settings(options);
  const n = index.documentCount();
  const all = new Set<string>();
  for (const a of articles) for (const f of a.features.keys()) all.add(f);
  const dfs = index.documentFrequencies([...all]);
  const features = new Map<string, number>();
  let firstDay: Day | null = null;
  let lastDay: Day | null = null;
  for (const a of articles) {
    addInto(features, articleVectors(a, dfs, n, s).profile);
    firstDay = minDay(firstDay, a.day);
    lastDay = maxDay(lastDay, a.day);
  }
  const idfFor = idfOf(dfs, n, s);
  const pruned = prune(features, idfFor, s.profileFeatures);
  return {
    id,
    size: articles.length,
    firstDay,
    lastDay,
    features: pruned,
    norms: storyNorms(pruned, idfFor, n),
  };
}

/**
 * Two stories as one (a user merge): profiles add up, days span both, and the result keeps `a`'s id. With
 * an index, pruning ranks features by current IDF; without one, by accumulated weight alone.
 */
export function mergeProfiles(
  a: StoryProfile,
  b: StoryProfile,
  index?: StoryIndex,
  options?: ClusterOptions,
): StoryProfile {
  const s = settings(options);
  const features = new Map(a.features);
  addInto(features, b.features);
  const n = index?.documentCount() ?? 0;
  const dfs = index ? index.documentFrequencies([...features.keys()]) : new Map<string, number>();
  const idfFor = idfOf(dfs, n, s);
  const pruned = prune(features, idfFor, s.profileFeatures);
  return {
    id: a.id,
    size: a.size + b.size,
    firstDay: minDay(a.firstDay, b.firstDay),
    lastDay: maxDay(a.lastDay, b.lastDay),
    features: pruned,
    // Without an index there is no IDF to apply: leave the norms to be computed when the story is scored.
    ...(index ? { norms: storyNorms(pruned, idfFor, n) } : {}),
  };
}
