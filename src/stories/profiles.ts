// Story profiles built from articles rather than by clustering one article at a time: a profile rebuilt
// after a user splits a story, two stories merged by a user, and the pruning every profile goes through.
import type { ArticleFeatures, Day, StoryIndex, StoryProfile } from '../model/story-index.js';
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
