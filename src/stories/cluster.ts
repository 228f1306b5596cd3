// Incremental story clustering: each new article joins the most similar existing story or starts a new one,
// in a single pass, one article at a time. The library is never scanned: candidates come from the index
// (stories sharing the article's most telling features, inside a time window), each candidate is scored by
// the cosine between the article's TF-IDF vector and the story's centroid (the sum of its articles'
// normalised vectors, bounded to its strongest features), and the best one is joined when it clears a
// threshold. The work per article is bounded by the constants below, not by the size of the library.
//
// Weights: term frequency (1 + ln count for words and numbers, √count for names) × kind weight × smoothed
// IDF. Names, content words and numbers/years are three groups, each normalised and compared on its own;
// the score is the groups' weighted mean cosine. Profiles store the IDF-free part of each article's
// normalised vector, so IDF is applied at scoring time with the document frequencies of the library as it
// is now, and stays right as the library grows.

import { dayString, type FeatureKind, featureKind, featureLabel } from './features.js';
import type { ArticleFeatures, Day, StoryIndex, StoryProfile } from './story-index.js';

/**
 * Similarity an article needs with a story's centroid to join it. Tuned on the ECB+ train and validation
 * topics (bench/ecbplus.ts --tune): 0.24 is the best of 0.20–0.36; at 0.20 precision drops by ~0.04, at
 * 0.28 recall by ~0.04.
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
 * (tolls, magnitudes, the year) are the next best tell. On ECB+ train + validation, names 1 / facts 0.6
 * beat names 0.5 or 1.5 and facts 0.15 or 0.3 by 0.005–0.015 B³ F1.
 */
export const GROUP_WEIGHTS: Readonly<Record<FeatureGroup, number>> = {
  names: 1,
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
 * and rare words come first). Doubling this and LIMIT_PER_FEATURE found no better story on ECB+.
 */
export const QUERY_FEATURES = 24;

/**
 * Stories returned per query feature, the most recently active first. With QUERY_FEATURES this caps the
 * stories scored per article (24 × 8 = 192 at most, far fewer in practice as features share stories).
 */
export const LIMIT_PER_FEATURE = 8;

/**
 * Features a story profile keeps, by weight × IDF. Enough to hold a story's names, numbers and distinctive
 * words (120 and 250 score the same on ECB+), small enough to keep scoring and storage flat.
 */
export const PROFILE_FEATURES = 250;

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
function idf(df: number, n: number): number {
  return Math.log((n + 1) / (df + 1)) + 1;
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
    weighted.set(f, tf * idf(dfs.get(f) ?? 0, n));
  }
  const lengths = groupNorms(weighted, (_, w) => w);
  for (const [f, w] of weighted) weighted.set(f, w / lengths[groupOf(f)]);
  for (const [f, w] of raw) raw.set(f, w / lengths[groupOf(f)]);
  return { weighted, profile: raw };
}

/** IDF of each feature, computed once per decision. */
type Idf = (feature: string) => number;

function idfOf(dfs: ReadonlyMap<string, number>, n: number): Idf {
  const cache = new Map<string, number>();
  return (f) => {
    let w = cache.get(f);
    if (w === undefined) {
      w = idf(dfs.get(f) ?? 0, n);
      cache.set(f, w);
    }
    return w;
  };
}

interface Scored {
  score: number;
  parts: Map<string, number>;
}

/**
 * Similarity of the article with the story's centroid: per group (names, terms, facts), the cosine of the
 * article's vector and the centroid's (IDF applied to the profile), then the groups' weighted mean. Each
 * shared feature's part is kept, for reasons; the parts sum to the score.
 */
function cosine(article: Vector, story: StoryProfile, idfFor: Idf, s: Settings): Scored {
  const lengths = groupNorms(story.features, (f, w) => w * idfFor(f));
  const total = GROUPS.reduce((sum, g) => sum + s.groupWeights[g], 0) || 1;
  let score = 0;
  const parts = new Map<string, number>();
  for (const [f, w] of article) {
    const c = story.features.get(f);
    if (c === undefined) continue;
    const g = groupOf(f);
    const part = (s.groupWeights[g] * w * c * idfFor(f)) / lengths[g] / total;
    parts.set(f, part);
    score += part;
  }
  return { score, parts };
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
      ? `New story: the closest story scored ${score} (threshold ${s.threshold})${sharing ? `, sharing ${sharing}` : ''}.`
      : 'New story: no existing story shares its names or rarer words in the time window.';
  else
    summary = `Similarity ${score} with the story (threshold ${s.threshold})${sharing ? `, sharing ${sharing}` : ''}${when}.`;
  return {
    decision,
    score,
    threshold: s.threshold,
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
  const ownDfs = index.documentFrequencies(own);
  const { weighted, profile: contribution } = articleVectors(features, ownDfs, n, s);

  // Query with the strongest features that some earlier article carries (an unseen one can match nothing).
  const query = [...weighted]
    .filter(([f]) => (ownDfs.get(f) ?? 0) > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, s.queryFeatures)
    .map(([f]) => f);
  const ids = query.length
    ? index.candidateStories(query, features.day, s.windowDays, s.limitPerFeature)
    : [];
  const candidates = index.profiles(ids);

  // IDF for every feature the candidates' centroids hold, in one lookup.
  const needed = new Set<string>();
  for (const c of candidates) for (const f of c.features.keys()) if (!ownDfs.has(f)) needed.add(f);
  const dfs = needed.size ? index.documentFrequencies([...needed]) : new Map<string, number>();
  for (const [f, df] of ownDfs) dfs.set(f, df);
  const idfFor = idfOf(dfs, n);

  let best: { profile: StoryProfile; scored: Scored } | null = null;
  for (const c of candidates) {
    const scored = cosine(weighted, c, idfFor, s);
    const gap = dayDistance(features.day, c.firstDay, c.lastDay);
    if (gap !== null && gap > s.graceDays) {
      // Further apart in time, less likely the same event: parts shrink with the score so they still sum to it.
      const factor = s.graceDays / gap;
      scored.score *= factor;
      for (const [f, part] of scored.parts) scored.parts.set(f, part * factor);
    }
    if (
      !best ||
      scored.score > best.scored.score ||
      (scored.score === best.scored.score && c.id < best.profile.id)
    )
      best = { profile: c, scored };
  }

  index.addDocument(own);
  for (const f of own) dfs.set(f, (dfs.get(f) ?? 0) + 1);
  const afterIdf = idfOf(dfs, n + 1);

  if (best && best.scored.score >= s.threshold) {
    const story = best.profile;
    const merged = new Map(story.features);
    addInto(merged, contribution);
    const storyId = index.saveProfile({
      id: story.id,
      size: story.size + 1,
      firstDay: minDay(story.firstDay, features.day),
      lastDay: maxDay(story.lastDay, features.day),
      features: prune(merged, afterIdf, s.profileFeatures),
    });
    return {
      storyId,
      created: false,
      score: best.scored.score,
      reasons: reasonsFor('joined', best.scored, s, features, story, candidates.length, null),
    };
  }

  const storyId = index.saveProfile({
    id: null,
    size: 1,
    firstDay: features.day,
    lastDay: features.day,
    features: prune(contribution, afterIdf, s.profileFeatures),
  });
  const nearest = best ? { storyId: best.profile.id, score: round(best.scored.score) } : null;
  return {
    storyId,
    created: true,
    score: best?.scored.score ?? 0,
    reasons: reasonsFor(
      'created',
      best?.scored ?? null,
      s,
      features,
      best?.profile ?? null,
      candidates.length,
      nearest,
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
  const scored = cosine(weighted, others, idfOf(dfs, n), s);
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
  return {
    id,
    size: articles.length,
    firstDay,
    lastDay,
    features: prune(features, idfOf(dfs, n), s.profileFeatures),
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
  return {
    id: a.id,
    size: a.size + b.size,
    firstDay: minDay(a.firstDay, b.firstDay),
    lastDay: maxDay(a.lastDay, b.lastDay),
    features: prune(features, idfOf(dfs, n), s.profileFeatures),
  };
}
