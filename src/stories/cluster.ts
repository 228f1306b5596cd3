// Incremental story clustering: each new article joins the most similar existing story or starts a new one,
// in a single pass, one article at a time. The library is never scanned: candidates come from the index
// (stories sharing the article's most telling features, inside a time window), the most promising of them
// are scored by the cosine between the article's TF-IDF vector and the story's centroid (the sum of its
// articles' normalised vectors, bounded to its strongest features), with evidence from years and days, and
// the best one is joined when it clears a threshold. The work per article is bounded by the constants
// of tuning.ts, not by the size of the library. Files: tuning.ts (the numbers), groups.ts (feature groups),
// scoring.ts (vectors, cosine, years), reasons.ts (why), profiles.ts (profiles from articles, merges).
//
// Weights: term frequency (1 + ln count for words and numbers, √count for names) × kind weight × smoothed
// IDF. Names, content words and numbers/years are three groups, each normalised and compared on its own;
// the score is the groups' weighted mean cosine. Profiles store the IDF-free part of each article's
// normalised vector, so IDF is applied at scoring time with the document frequencies of the library as it
// is now. A profile also caches its centroid's length (StoryNorms), so scoring a story reads only the
// features it shares with the article: one document-frequency lookup per decision for the article's own
// features, and one for the joined story's when its profile is rewritten.

import type { ArticleFeatures, StoryIndex, StoryNorms, StoryProfile } from '../model/story-index.js';
import type { AsyncStoryIndex } from '../store/async-store.js';
import { yearOfDay } from './features.js';
import { type FeatureGroup, groupOf } from './groups.js';
import { addInto, maxDay, minDay, prune } from './profiles.js';
import { type Assignment, type AssignmentReasons, dayDistance, reasonsFor, round } from './reasons.js';
import {
  articleVectors,
  centroidNorms,
  contentWeights,
  dayEvidence,
  GROUP_INDEX,
  groupCounts,
  groupScales,
  idfOf,
  type Probe,
  publishedYearFactor,
  quickScore,
  type Scales,
  type Scored,
  scaleScored,
  similarity,
  storyNorms,
  topYear,
  yearFactor,
} from './scoring.js';
import { type ClusterOptions, settings } from './tuning.js';

export type { FeatureGroup } from './groups.js';
export { mergeProfiles, mergeProfilesIn, profileFromArticles, profileFromArticlesIn } from './profiles.js';
export { type Assignment, type AssignmentReasons, REASON_ITEMS, type SharedFeature } from './reasons.js';
export {
  type ClusterOptions,
  DAY_EVIDENCE,
  GRACE_DAYS,
  GROUP_CONTENT,
  GROUP_WEIGHTS,
  IDF_PRIOR,
  JOIN_THRESHOLD,
  KIND_WEIGHTS,
  LARGE,
  LIMIT_PER_FEATURE,
  MAX_SPAN_DAYS,
  NAME_TF_POWER,
  PROFILE_FEATURES,
  PUBLISHED_YEAR,
  QUERY_FEATURES,
  SCORED_CANDIDATES,
  WINDOW_DAYS,
  YEARS,
  YOUNG,
} from './tuning.js';

/**
 * Group counts of cached story profiles. Profiles are immutable once saved (a join saves a new map), and
 * the same candidates come back for article after article: counting their features again by prefix was
 * 4 % of ingest's main thread on 3,000 allsides articles.
 */
const countsOfProfile = new WeakMap<ReadonlyMap<string, number>, Scales>();

function profileCounts(features: ReadonlyMap<string, number>): Scales {
  let counts = countsOfProfile.get(features);
  if (counts === undefined) {
    counts = groupCounts(features);
    countsOfProfile.set(features, counts);
  }
  return counts;
}

/**
 * The clustering state placement reads and writes: a library's (asynchronous, on either backend) or a
 * synchronous one (the in-memory index of tests and tools). Every call is awaited, so both work.
 */
export type AnyStoryIndex = StoryIndex | AsyncStoryIndex;

/**
 * Assigns one new article to a story: looks up candidates, scores them, joins the best one if it clears the
 * threshold or creates a story, and records the article in the index (document frequencies and the
 * story's pruned profile).
 */
export async function assignArticle(
  index: AnyStoryIndex,
  features: ArticleFeatures,
  options?: ClusterOptions,
): Promise<Assignment> {
  const s = settings(options);
  const own = [...features.features.keys()];
  const n = await index.documentCount();
  const dfs = await index.documentFrequencies(own);
  const idfFor = idfOf(dfs, n, s);
  const { weighted, profile: contribution } = articleVectors(features, dfs, n, s, idfFor);

  // Query with the strongest features that some earlier article carries (an unseen one can match nothing).
  const query = [...weighted]
    .filter(([f]) => (dfs.get(f) ?? 0) > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, s.queryFeatures)
    .map(([f]) => f);
  const ids = query.length
    ? await index.candidateStories(query, features.day, s.windowDays, s.limitPerFeature)
    : [];
  let candidates = ids.length ? await index.profiles(ids) : [];
  const found = candidates.length;

  // Centroid lengths from the profiles' cached norms; a profile saved without them gets them computed
  // here, with one document-frequency lookup for all such profiles' features.
  const lacking = candidates.filter((c) => !c.norms);
  if (lacking.length) {
    const needed = new Set<string>();
    for (const c of lacking) for (const f of c.features.keys()) if (!dfs.has(f)) needed.add(f);
    const more = needed.size ? await index.documentFrequencies([...needed]) : new Map<string, number>();
    for (const [f, df] of dfs) more.set(f, df);
    const lackIdf = idfOf(more, n, s);
    for (const c of lacking) c.norms = storyNorms(c.features, lackIdf, n);
  }

  // The article as scoring reads it: each feature's weight × IDF, and its group.
  const probe = new Map<string, Probe>();
  for (const [f, w] of weighted) probe.set(f, { x: w * idfFor(f), g: GROUP_INDEX[groupOf(f)] });
  const scales = new Map<number, Scales>();
  const articleCounts = groupCounts(weighted);
  const weightsOf = new Map<number, Record<FeatureGroup, number>>();
  for (const c of candidates) {
    const weights = contentWeights(articleCounts, profileCounts(c.features), s);
    weightsOf.set(c.id, weights);
    scales.set(c.id, groupScales(centroidNorms(c.norms as StoryNorms, n, s), weights));
  }

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

  // With a reliable day the article carries no year features (features.ts): its year is its day's.
  const articleYear =
    features.daySource === 'published' && features.day !== null ? yearOfDay(features.day) : topYear(weighted);
  let best: { profile: StoryProfile; score: number; factor: number } | null = null;
  for (const c of candidates) {
    if (features.day !== null && c.firstDay !== null && c.lastDay !== null) {
      const span = Math.max(c.lastDay, features.day) - Math.min(c.firstDay, features.day);
      if (span > s.maxSpanDays) continue;
    }
    const norms = c.norms as StoryNorms;
    // A story of reliably dated articles has no year features, and no year factor: its days are compared
    // with the article's directly (the time window, DAY_EVIDENCE), the same evidence.
    const storyYear = norms.topYear === undefined ? topYear(c.features) : norms.topYear;
    let factor = yearFactor(articleYear, storyYear, weighted, c.features, s);
    factor *= publishedYearFactor(features.day, articleYear, storyYear, weighted, c, s);
    const gap = dayDistance(features.day, c.firstDay, c.lastDay);
    // Further apart in time, less likely the same event.
    if (gap !== null && gap > s.graceDays) factor *= s.graceDays / gap;
    // A reliable day is stronger evidence: other outlets report one event the same day or the next.
    if (features.daySource === 'published') factor *= dayEvidence(gap, s);
    // A story none of whose articles has a day is no window at all: a dated report joined it on content
    // alone from weeks away (an undated opinion piece's story took a dated report 47 days later, where the
    // stories of the report's own week asked it for DAY_EVIDENCE). It gets what the second pass gives
    // such a pair (second-pass.ts pairScore): the floor, as a story five or more days away.
    if (features.daySource === 'published' && c.firstDay === null && s.daylessFloor)
      factor *= s.dayEvidence.floor;
    const score = quickScore(probe, c.features, scales.get(c.id) as Scales) * factor;
    if (!best || score > best.score || (score === best.score && c.id < best.profile.id))
      best = { profile: c, score, factor };
  }
  // The winner again, feature by feature, for the reasons (the parts sum to the score).
  let bestScored: Scored | null = null;
  if (best) {
    const norms = centroidNorms(best.profile.norms as StoryNorms, n, s);
    bestScored = similarity(weighted, best.profile, norms, idfFor, s, weightsOf.get(best.profile.id));
    scaleScored(bestScored, best.factor);
  }

  await index.addDocument(own);
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
    if (rest.length) for (const [f, df] of await index.documentFrequencies(rest)) dfs.set(f, df);
    const afterIdf = idfOf(dfs, n + 1, s);
    const pruned = prune(merged, afterIdf, s.profileFeatures);
    const storyId = await index.saveProfile({
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
  const storyId = await index.saveProfile({
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
 * part (when the story has other articles), and what they share. Synchronous, for a synchronous index (the
 * web server's); explainMembershipIn takes either kind.
 */
export function explainMembership(
  profile: StoryProfile,
  features: ArticleFeatures,
  index: StoryIndex,
  options?: ClusterOptions,
): AssignmentReasons {
  const n = index.documentCount();
  const dfs = index.documentFrequencies(membershipFeatures(profile, features));
  return membershipReasons(profile, features, dfs, n, options);
}

/** explainMembership through any index, synchronous or not. */
export async function explainMembershipIn(
  profile: StoryProfile,
  features: ArticleFeatures,
  index: AnyStoryIndex,
  options?: ClusterOptions,
): Promise<AssignmentReasons> {
  const n = await index.documentCount();
  const dfs = await index.documentFrequencies(membershipFeatures(profile, features));
  return membershipReasons(profile, features, dfs, n, options);
}

/** The features whose document frequencies explaining a membership needs: the article's and the story's. */
function membershipFeatures(profile: StoryProfile, features: ArticleFeatures): string[] {
  return [...new Set([...features.features.keys(), ...profile.features.keys()])];
}

function membershipReasons(
  profile: StoryProfile,
  features: ArticleFeatures,
  dfs: Map<string, number>,
  n: number,
  options?: ClusterOptions,
): AssignmentReasons {
  const s = settings(options);
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
