// After an ingest batch has placed its articles one at a time, the order-free second pass
// (src/stories/second-pass.ts) over the affected neighbourhood: the stories the batch touched and the stories
// their profiles find as candidates in the time window and around their first and last days (for a story
// without days, the stories sharing its rarest features and those around the days of the dated ones among
// them: undatedNeighbours). Articles move to the group the pass puts them in;
// a near-duplicate follows its original; the articles of a story a user merged or split are constraints
// the pass never breaks (they stay together, apart from the user's other stories), and are never moved. Each move is recorded as the article's placement, so `stories --why` says why.
import type { ArticleFeatures, StoryProfile } from '../model/story-index.js';
import type { AsyncStoreSession, AsyncStoryIndex } from '../store/async-store.js';
import type { StoryDetail, StoryMember } from '../store/store.js';
import { profileFromArticlesIn } from '../stories/cluster.js';
import { dayString } from '../stories/features.js';
import { idfOf } from '../stories/scoring.js';
import { type PassArticle, PassVectors, secondPass } from '../stories/second-pass.js';
import { type ClusterOptions, settings } from '../stories/tuning.js';

/**
 * The most articles one pass reads: its cost grows with the square of the neighbourhood (the cube for the
 * linkage loop), and a batch touching a very large story would otherwise re-read all of it each time.
 * Touched stories come first, then their candidates, smallest first, until the cap. On 300 consecutive
 * allsides articles (bench/order-check.ts) a cap of 160 left 8 % of articles in other stories when the
 * input came in two parts and 29 % when shuffled (a batch of 64 fills most of it, leaving its
 * neighbours out); 400 gave identical stories in all three.
 */
export const NEIGHBOURHOOD_ARTICLES = 400;

/** Features of a story's profile used to find its neighbours, as assignArticle queries with an article's. */
const NEIGHBOUR_QUERY = 12;

/**
 * A story none of whose articles has a day finds no time window: its profile's query returns, per
 * feature, the most recently active stories, which in a library holding months of news are this week's
 * stories under the cycle's common names, not the dated reports of its own event. An undated piece on a
 * court ruling read in a library of a year ("the court", "the ruling", "the governor") met only the latest
 * stories naming the court. So an undated story also looks its neighbours up by its rarest features (a
 * feature that few stories carry returns them all, whatever their days), takes the days of the dated
 * stories that share most of those features as anchors, and adds the stories around those days:
 *
 * - UNDATED_QUERY features, the profile's strongest by weight × IDF (the rare names of the event first);
 * - UNDATED_ANCHORS dated stories of those found, the most shared weight first, and the stories around
 *   each one's last day (AROUND_DAYS);
 * - at most UNDATED_NEIGHBOURS stories in all, the most shared weight first: the explicit bound that keeps
 *   an undated story from filling the neighbourhood (NEIGHBOURHOOD_ARTICLES still caps the whole pass).
 */
export const UNDATED_QUERY = 24;
export const UNDATED_ANCHORS = 2;
export const UNDATED_NEIGHBOURS = 24;

/**
 * Days on either side of a day within which stories count as "around" it: a dated story's first and last
 * days, and an undated story's anchors. The time window's own query returns, per feature, the most
 * recently active stories within WINDOW_DAYS, which in a library not filled in date order (an archive, a
 * corpus) are the stories up to four months later, not the other reports of the same days; the stories
 * around a day are asked for on their own. Three days: on allsides, cross-outlet reports with
 * near-identical titles are 188× over-represented on the same day, 6× at two days, about 1× from five days
 * on (tuning.ts DAY_EVIDENCE). Per feature at most the clustering's limit (LIMIT_PER_FEATURE).
 */
export const AROUND_DAYS = 3;

/**
 * Articles whose parsed features a library keeps between passes. Consecutive batches re-read much of the
 * same neighbourhood (a story's neighbours stay its neighbours), and each read parsed every article's
 * features from JSON again. About 14 kB each parsed (2,000 articles of a whole allsides library, 317
 * features on average), plus some 5 kB of prepared vector: 4,000 (ten neighbourhoods) cost some 80 MB.
 */
const CACHED_ARTICLES = 4_000;

interface PassCache {
  /** Parsed features by article id, least recently used first. */
  features: Map<string, ArticleFeatures>;
  vectors: PassVectors;
}

/**
 * By library: the store object the caller keeps for the library (not a transaction's session, which is
 * new for every batch).
 */
const caches = new WeakMap<object, PassCache>();

/**
 * Forgets what the passes kept for this library: called when a batch rolled back, since an article it
 * had added may come back later with other features under the same id.
 */
export function forgetPassCache(library: object): void {
  caches.delete(library);
}

function cacheOf(library: object): PassCache {
  let cache = caches.get(library);
  if (!cache) {
    cache = { features: new Map(), vectors: new PassVectors() };
    caches.set(library, cache);
  }
  return cache;
}

/** The features of these articles, from the cache or read from the store. */
async function cachedFeatures(
  store: AsyncStoreSession,
  cache: PassCache,
  ids: readonly string[],
): Promise<Map<string, ArticleFeatures>> {
  const { features } = cache;
  const result = new Map<string, ArticleFeatures>();
  const missing: string[] = [];
  for (const id of ids) {
    const f = features.get(id);
    if (f === undefined) missing.push(id);
    else {
      // Used again: the last to be evicted.
      features.delete(id);
      features.set(id, f);
      result.set(id, f);
    }
  }
  if (missing.length > 0)
    for (const [id, f] of await store.articleFeatures(missing)) {
      features.set(id, f);
      result.set(id, f);
    }
  for (const id of features.keys()) {
    if (features.size <= CACHED_ARTICLES) break;
    features.delete(id);
  }
  return result;
}

export interface ReclusterSummary {
  /** Articles moved to another story. */
  moved: number;
  /** Stories created by splits, and emptied by merges (deleted). */
  created: number;
  removed: number;
  /**
   * The story each article the pass moved is in now, near-duplicates that followed their original
   * included: the caller learns where its batch's articles went without asking the store article by
   * article (a round trip each on PostgreSQL).
   */
  movedTo: Map<string, number>;
}

/**
 * The second pass over the neighbourhood of the `touched` stories, through `store` (the batch's
 * transaction). `library` keys what passes keep between batches: the store the caller holds.
 */
export async function reclusterNeighbourhood(
  store: AsyncStoreSession,
  touched: ReadonlySet<number>,
  options?: ClusterOptions,
  library: object = store,
): Promise<ReclusterSummary> {
  const s = settings(options);
  const summary: ReclusterSummary = { moved: 0, created: 0, removed: 0, movedTo: new Map() };
  if (touched.size === 0) return summary;
  const index = store.storyIndex();

  // The neighbourhood: touched stories, then their candidates.
  const ids = [...touched].sort((a, b) => a - b);
  const neighbours = new Set<number>();
  const touchedProfiles = await index.profiles(ids);
  for (const profile of touchedProfiles) {
    const query = [...profile.features]
      .sort((a, b) => b[1] - a[1])
      .slice(0, NEIGHBOUR_QUERY)
      .map(([f]) => f);
    for (const id of await index.candidateStories(query, profile.lastDay, s.windowDays, s.limitPerFeature))
      if (!touched.has(id)) neighbours.add(id);
    // Around the story's days (AROUND_DAYS), or for a story without days, by its rarest features.
    const more =
      profile.lastDay === null
        ? await undatedNeighbours(index, profile, options)
        : [
            ...(await storiesAround(index, query, profile.firstDay ?? profile.lastDay, s.limitPerFeature)),
            ...(profile.firstDay === profile.lastDay
              ? []
              : await storiesAround(index, query, profile.lastDay, s.limitPerFeature)),
          ];
    for (const id of more) if (!touched.has(id)) neighbours.add(id);
  }
  // The neighbours' sizes, read in one call (profiles leaves out a story without one: size 0).
  const sizeOf = new Map((await index.profiles([...neighbours])).map((p) => [p.id, p.size]));
  const others = [...neighbours].map((id) => ({ id, size: sizeOf.get(id) ?? 0 }));
  others.sort((a, b) => a.size - b.size || a.id - b.id);
  // Every story of the neighbourhood with its members in one read: one by one, a neighbourhood of 20
  // stories cost 20 round trips on PostgreSQL.
  const order = [...ids, ...others.map((o) => o.id)];
  const stories = await store.getStories(order);
  const members = new Map<number, StoryMember[]>();
  let count = 0;
  for (const id of order) {
    const story = stories.get(id);
    if (!story) continue;
    const voices = story.members.filter((m) => m.duplicateOf === null).length;
    if (count + voices > NEIGHBOURHOOD_ARTICLES && members.size > 0) continue;
    members.set(id, story.members);
    count += voices;
  }
  if (members.size === 0) return summary;

  const all = [...members.values()].flat();
  const cache = cacheOf(library);
  const features = await cachedFeatures(
    store,
    cache,
    all.filter((m) => m.duplicateOf === null).map((m) => m.articleId),
  );
  // A user's decision fixes whole stories: the story a user merged into or split articles into, and the
  // story a split came from (its remaining articles were kept apart from the split-off ones on purpose).
  const fixed = new Set<number>();
  for (const [story, list] of members)
    for (const m of list)
      if (m.placedBy === 'user') {
        fixed.add(story);
        const from = (m.reasons as { decision?: string; fromStory?: unknown } | null) ?? null;
        if (from?.decision === 'split' && typeof from.fromStory === 'number') fixed.add(from.fromStory);
      }
  const items: PassArticle[] = [];
  for (const [story, list] of members)
    for (const m of list) {
      const f = features.get(m.articleId);
      if (m.duplicateOf === null && f)
        items.push({ id: m.articleId, story, features: f, pinned: fixed.has(story) });
    }
  const featureSet = new Set<string>();
  for (const it of items) for (const f of it.features.features.keys()) featureSet.add(f);
  const dfs = await index.documentFrequencies([...featureSet]);
  const groups = secondPass(items, dfs, await index.documentCount(), options, cache.vectors);

  const storyOf = new Map(items.map((it) => [it.id, it.story]));
  const memberById = new Map(all.map((m) => [m.articleId, m]));
  const changed = new Set<number>();
  const finalMembers = new Map<number, string[]>();
  for (const group of groups) {
    const moving = group.articles.filter((id) => storyOf.get(id) !== group.story);
    let target = group.story;
    if (target === null) {
      // A new story for a split-off group: its profile is written below with its members.
      target = await index.saveProfile(
        await profileFromArticlesIn(
          group.articles.map((id) => features.get(id) as ArticleFeatures),
          index,
        ),
      );
      summary.created++;
    }
    finalMembers.set(target, group.articles);
    if (moving.length === 0) continue;
    changed.add(target);
    for (const id of moving) {
      const from = storyOf.get(id) as number;
      changed.add(from);
      const reasons = {
        decision: 'reclustered',
        fromStory: from,
        summary: `moved from story ${from} by the second pass: closer on average to the articles here (average linkage over all article pairs of the neighbourhood, bar ${s.secondPass})${borrowedNote(group.borrowed?.[id])}`,
      };
      await store.placeArticle(id, {
        storyId: target,
        duplicateOf: null,
        score: null,
        reasons,
        placedBy: 'ingest',
      });
      summary.moved++;
      summary.movedTo.set(id, target);
      // Its near-duplicates follow it, as one voice.
      for (const m of all)
        if (m.duplicateOf === id) {
          const member = memberById.get(m.articleId) as StoryMember;
          await store.placeArticle(m.articleId, {
            storyId: target,
            duplicateOf: id,
            score: member.score,
            reasons: member.reasons,
            placedBy: member.placedBy,
          });
          summary.movedTo.set(m.articleId, target);
        }
    }
  }
  // Rebuild the profiles of the stories that changed; delete those left empty (read together: nothing
  // below moves an article, so whether a story has members left is known before the loop).
  const emptied = [...changed].filter((id) => (finalMembers.get(id)?.length ?? 0) === 0);
  const left = emptied.length > 0 ? await store.getStories(emptied) : new Map<number, StoryDetail>();
  for (const id of changed) {
    const voices = finalMembers.get(id);
    if (!voices || voices.length === 0) {
      if ((left.get(id)?.members.length ?? 0) === 0) {
        await store.deleteStory(id);
        summary.removed++;
      }
      continue;
    }
    await index.saveProfile(
      await profileFromArticlesIn(
        voices.map((v) => features.get(v) as ArticleFeatures),
        index,
        id,
      ),
    );
  }
  return summary;
}

/** The stories posted under these features whose last day lies within AROUND_DAYS of `day`. */
function storiesAround(
  index: AsyncStoryIndex,
  query: readonly string[],
  day: number,
  limitPerFeature: number,
): Promise<number[]> {
  return index.candidateStories(query, day, AROUND_DAYS, limitPerFeature, day + AROUND_DAYS);
}

/**
 * The neighbours of a story without days beyond its profile's query (see UNDATED_QUERY): stories sharing its
 * rarest features whatever their days, and the stories around the days of the dated ones among them that
 * share most, at most UNDATED_NEIGHBOURS, the most shared weight first (ties to the lower id).
 */
export async function undatedNeighbours(
  index: AsyncStoryIndex,
  profile: StoryProfile,
  options?: ClusterOptions,
): Promise<number[]> {
  const s = settings(options);
  const n = await index.documentCount();
  const dfs = await index.documentFrequencies([...profile.features.keys()]);
  const idfFor = idfOf(dfs, n, s);
  const ranked = [...profile.features]
    .filter(([f]) => (dfs.get(f) ?? 0) > 0)
    .map(([f, w]) => [f, w * idfFor(f)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, UNDATED_QUERY);
  if (ranked.length === 0) return [];
  const query = ranked.map(([f]) => f);
  const shared = (p: StoryProfile): number => {
    let x = 0;
    for (const [f, w] of ranked) if (p.features.has(f)) x += w;
    return x;
  };
  const byShare = (list: StoryProfile[]) =>
    list
      .filter((p) => p.id !== profile.id)
      .map((p) => ({ p, share: shared(p) }))
      .sort((a, b) => b.share - a.share || a.p.id - b.p.id);
  const found = byShare(
    await index.profiles(await index.candidateStories(query, null, s.windowDays, s.limitPerFeature)),
  );
  const ids = new Set(found.map((x) => x.p.id));
  const anchors = found.filter((x) => x.p.lastDay !== null).slice(0, UNDATED_ANCHORS);
  for (const { p } of anchors)
    for (const id of await storiesAround(index, query, p.lastDay as number, s.limitPerFeature)) ids.add(id);
  return byShare(await index.profiles([...ids]))
    .slice(0, UNDATED_NEIGHBOURS)
    .map((x) => x.p.id);
}

/**
 * What `--why` adds for an article without a day that the pass dated by its nearest dated neighbour
 * (second-pass.ts borrowedDays): the day read and where it came from.
 */
function borrowedNote(borrowed: { day: number; from: string } | undefined): string {
  if (!borrowed) return '';
  return `; it has no date, and the pass read it as of ${dayString(borrowed.day)}, the day of the dated article it is most like (${borrowed.from}), and weighed its distance in days from the other articles as a publication date's, the less so the less it is like that article (from a date read from an article's text, as such a date's)`;
}
