// The order-free second pass: after a batch is placed one article at a time (immediate, but dependent on
// the order articles came in: an early article that mixed two events pulls the next ones its way), the
// affected neighbourhood is clustered again as a whole, by average linkage over article pairs. Every
// pair is scored once, on the library's current statistics, and merges go most similar first, so the
// result does not depend on the order of arrival. A user's decisions are constraints: the articles a user
// put into one story stay together, and articles a user put into different stories are never joined.
import type { ArticleFeatures } from '../model/story-index.js';
import { type FeatureGroup, GROUPS, groupOf } from './groups.js';
import { articleVectors, contentWeights, dayEvidence, groupCounts, type Vector } from './scoring.js';
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
}

/**
 * An article's weighted vector as parallel arrays sorted by feature id, so that a pair is scored by one
 * merge of two sorted lists. The neighbourhood scores every pair (up to 400 articles, about 80,000 pairs
 * per ingest batch); looking each feature up in the other article's Map took 12.5 s of the 2,000-article
 * allsides ingest's main thread, the merge of sorted arrays a fraction of that (see the commit).
 */
interface PairVector {
  ids: Int32Array;
  weights: Float64Array;
  /** The index in GROUPS of each feature's group. */
  groups: Uint8Array;
  counts: [number, number, number];
  f: ArticleFeatures;
}

function pairVectors(vectors: readonly { v: Vector; f: ArticleFeatures }[]): PairVector[] {
  const idOf = new Map<string, number>();
  const groupIndex = new Map<FeatureGroup, number>(GROUPS.map((g, i) => [g, i]));
  return vectors.map(({ v, f }) => {
    const entries = [...v].map(([feature, weight]) => {
      let id = idOf.get(feature);
      if (id === undefined) {
        id = idOf.size;
        idOf.set(feature, id);
      }
      return { id, weight, group: groupIndex.get(groupOf(feature)) ?? 0 };
    });
    entries.sort((x, y) => x.id - y.id);
    return {
      ids: Int32Array.from(entries, (e) => e.id),
      weights: Float64Array.from(entries, (e) => e.weight),
      groups: Uint8Array.from(entries, (e) => e.group),
      counts: groupCounts(v),
      f,
    };
  });
}

/**
 * Similarity of two articles as the incremental pass scores an article against a story, here between
 * two articles: per group the cosine of their TF-IDF vectors, weighted by the content both have, and the
 * distance in days as evidence.
 */
function pairScore(a: PairVector, b: PairVector, s: Settings): number {
  let factor = 1;
  if (a.f.day !== null && b.f.day !== null) {
    const gap = Math.abs(a.f.day - b.f.day);
    if (gap > s.maxSpanDays) return 0;
    if (gap > s.graceDays) factor *= s.graceDays / gap;
    if (a.f.daySource === 'published' && b.f.daySource === 'published') factor *= dayEvidence(gap, s);
  }
  const weights = contentWeights(a.counts, b.counts, s);
  const total = GROUPS.reduce((sum, g) => sum + weights[g], 0);
  if (total === 0) return 0;
  const cos = [0, 0, 0];
  const ai = a.ids;
  const bi = b.ids;
  let i = 0;
  let j = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i] as number;
    const y = bi[j] as number;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      const g = a.groups[i] as number;
      cos[g] = (cos[g] as number) + (a.weights[i] as number) * (b.weights[j] as number);
      i++;
      j++;
    }
  }
  let score = 0;
  GROUPS.forEach((g, k) => {
    score += weights[g] * (cos[k] as number);
  });
  return (score / total) * factor;
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
): PassGroup[] {
  const s = settings(options);
  // Sorted by id, so that nothing below depends on the order the caller found the articles in.
  const items = [...articles].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const dfMap = dfs instanceof Map ? dfs : new Map(dfs);
  const prepared = pairVectors(
    items.map((a) => ({
      v: articleVectors(a.features, dfMap as Map<string, number>, n, s).weighted,
      f: a.features,
    })),
  );

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
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const ci = clusterOf[i] as number;
      const cj = clusterOf[j] as number;
      if (ci === cj) continue;
      const x = pairScore(prepared[i] as PairVector, prepared[j] as PairVector, s);
      sum[ci * k + cj] = (sum[ci * k + cj] as number) + x;
      sum[cj * k + ci] = (sum[cj * k + ci] as number) + x;
    }
  const alive = new Array<boolean>(k).fill(true);
  const parent = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    let best = s.secondPass;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < k; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < k; j++) {
        if (!alive[j]) continue;
        // A user's different stories never join.
        if (pinnedStory[i] !== null && pinnedStory[j] !== null && pinnedStory[i] !== pinnedStory[j]) continue;
        const avg = (sum[i * k + j] as number) / ((size[i] as number) * (size[j] as number));
        if (avg >= best && !(avg === best && bi >= 0)) {
          best = avg;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    for (let m = 0; m < k; m++) {
      if (!alive[m] || m === bi || m === bj) continue;
      const x = (sum[bi * k + m] as number) + (sum[bj * k + m] as number);
      sum[bi * k + m] = x;
      sum[m * k + bi] = x;
    }
    size[bi] = (size[bi] as number) + (size[bj] as number);
    pinnedStory[bi] = pinnedStory[bi] ?? pinnedStory[bj] ?? null;
    alive[bj] = false;
    parent[bj] = bi;
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
    out.push({ story, articles: members.map((i) => (items[i] as PassArticle).id) });
  }
  return out;
}
