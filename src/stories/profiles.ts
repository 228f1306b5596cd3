// Story profiles built from articles rather than by clustering one article at a time: a profile rebuilt
// after a user splits a story, two stories merged by a user, and the pruning every profile goes through.
import type { ArticleFeatures, Day, StoryIndex, StoryProfile } from '../model/story-index.js';
import type { AsyncStoryIndex } from '../store/async-store.js';
import { articleVectors, type Idf, idfOf, storyNorms, type Vector } from './scoring.js';
import { type ClusterOptions, settings } from './tuning.js';

/** Keeps the profile's strongest features, by weight × current IDF. */
export function prune(features: Vector, idfFor: Idf, keep: number): Vector {
  if (features.size <= keep) return features;
  const ranked = [...features].map(([f, w]) => [f, w, w * idfFor(f)] as const);
  ranked.sort((a, b) => b[2] - a[2]);
  return new Map(ranked.slice(0, keep).map(([f, w]) => [f, w]));
}

export function addInto(into: Vector, v: Vector): void {
  for (const [f, w] of v) into.set(f, (into.get(f) ?? 0) + w);
}

export function minDay(a: Day | null, b: Day | null): Day | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

export function maxDay(a: Day | null, b: Day | null): Day | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/**
 * A story profile recomputed from its articles' features (after a user splits a story, or to rebuild one
 * from stored articles), with the index's current document frequencies. Synchronous, for a synchronous
 * index (the web server's); profileFromArticlesIn takes either kind.
 */
export function profileFromArticles(
  articles: readonly ArticleFeatures[],
  index: StoryIndex,
  id: number | null = null,
  options?: ClusterOptions,
): Omit<StoryProfile, 'id'> & { id: number | null } {
  const n = index.documentCount();
  return profileWith(articles, index.documentFrequencies(featuresOf(articles)), n, id, options);
}

/** profileFromArticles through any index, synchronous or not. */
export async function profileFromArticlesIn(
  articles: readonly ArticleFeatures[],
  index: StoryIndex | AsyncStoryIndex,
  id: number | null = null,
  options?: ClusterOptions,
): Promise<Omit<StoryProfile, 'id'> & { id: number | null }> {
  const n = await index.documentCount();
  return profileWith(articles, await index.documentFrequencies(featuresOf(articles)), n, id, options);
}

function featuresOf(articles: readonly ArticleFeatures[]): string[] {
  const all = new Set<string>();
  for (const a of articles) for (const f of a.features.keys()) all.add(f);
  return [...all];
}

function profileWith(
  articles: readonly ArticleFeatures[],
  dfs: Map<string, number>,
  n: number,
  id: number | null,
  options?: ClusterOptions,
): Omit<StoryProfile, 'id'> & { id: number | null } {
  const s = settings(options);
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
  const features = mergedFeatures(a, b);
  if (!index) return mergedWith(a, b, features, null, options);
  const n = index.documentCount();
  return mergedWith(a, b, features, { n, dfs: index.documentFrequencies([...features.keys()]) }, options);
}

/** mergeProfiles through any index, synchronous or not. */
export async function mergeProfilesIn(
  a: StoryProfile,
  b: StoryProfile,
  index: StoryIndex | AsyncStoryIndex,
  options?: ClusterOptions,
): Promise<StoryProfile> {
  const features = mergedFeatures(a, b);
  const n = await index.documentCount();
  const dfs = await index.documentFrequencies([...features.keys()]);
  return mergedWith(a, b, features, { n, dfs }, options);
}

function mergedFeatures(a: StoryProfile, b: StoryProfile): Map<string, number> {
  const features = new Map(a.features);
  addInto(features, b.features);
  return features;
}

function mergedWith(
  a: StoryProfile,
  b: StoryProfile,
  features: Map<string, number>,
  stats: { n: number; dfs: Map<string, number> } | null,
  options?: ClusterOptions,
): StoryProfile {
  const s = settings(options);
  const n = stats?.n ?? 0;
  const idfFor = idfOf(stats?.dfs ?? new Map<string, number>(), n, s);
  const pruned = prune(features, idfFor, s.profileFeatures);
  return {
    id: a.id,
    size: a.size + b.size,
    firstDay: minDay(a.firstDay, b.firstDay),
    lastDay: maxDay(a.lastDay, b.lastDay),
    features: pruned,
    // Without an index there is no IDF to apply: leave the norms to be computed when the story is scored.
    ...(stats ? { norms: storyNorms(pruned, idfFor, n) } : {}),
  };
}
