// The calibration check: does the story similarity still tell unrelated articles apart in this library?
// JOIN_THRESHOLD and SECOND_PASS were tuned on general news (ECB+, a multi-outlet news corpus). A library
// can differ: one narrow beat where every article names the same people, a language the features handle
// badly, a long boilerplate paragraph in every article ("Harbourview Courier is owned by Ilse Marrow and
// Dov Keane..."). Then unrelated articles clear the bar and stories swallow each other, and nothing else
// would say so.
//
// What is measured: pairs of articles published far apart (more than UNRELATED_GAP_DAYS), almost surely
// different events, scored as the second pass scores a pair (second-pass.ts) but on content alone: the
// time factors that would keep them apart are left out, because the question is whether the content
// score alone separates unrelated articles — same-week unrelated articles of the same beat get no time
// penalty. The share of such pairs that clear the join bar is the alarm.
//
// Which pairs: all far-apart pairs among a fixed-size sample of the library, the dated articles whose ids
// sort first. Ids are hashes (store/identity.ts), so the sample is an even pseudo-random one and depends
// only on which articles the library holds, not on the order or the runs they came in. The pairs are
// scored again with the library's statistics of the moment (src/library/calibration.ts: after a batch
// once the library has grown enough, and at the end of every ingest run), so the counters after a run are
// a function of the library's contents alone.
import type { ArticleFeatures, UnrelatedPairCheck } from '../model/story-index.js';
import { featureLabel } from './features.js';
import { GROUPS, groupOf } from './groups.js';
import { articleVectors, contentWeights, GROUP_INDEX, groupCounts, type Vector } from './scoring.js';
import { type ClusterOptions, type Settings, settings } from './tuning.js';

export type { UnrelatedPairCheck } from '../model/story-index.js';

/**
 * Articles in the sample: up to 64·63/2 = 2,016 pairs. On allsides libraries the share of far-apart pairs
 * clearing the bar stayed under 0.5 % in 400 random samples of this size (bench/unrelated-pairs.ts), far
 * enough under ALARM_SHARE; more articles would cost more per measurement (their vectors and the square
 * of pairs) for a spread the alarm does not need.
 */
export const SAMPLE_ARTICLES = 64;

/**
 * Two articles published further apart than this are taken as unrelated. News of one event comes within
 * days (on allsides, title-alike cross-outlet pairs are no more frequent than chance from five days on,
 * see DAY_EVIDENCE); GRACE_DAYS (60) is where the score starts to be discounted for time. A follow-up two
 * months on (a verdict after a trial) does happen, which is why the alarm is a share well above the one
 * measured on general news, not any pair.
 */
export const UNRELATED_GAP_DAYS = 60;

/**
 * The share of far-apart pairs clearing the join bar above which the check warns: well above what general
 * news gives, well below what a library that cannot tell events apart gives. Measured with
 * `npm run build && node dist/bench/unrelated-pairs.js` (each set a library of its own: its document
 * frequencies and the background; the spread is over 400 random samples of SAMPLE_ARTICLES):
 *   allsides, 1,500 articles even over 2012–2020: 0.09 % of 1.08 M pairs (61–120 days 0.40 %, 121–365
 *     0.20 %, over a year 0.05 %); a sample's share: median 0.05 %, 99th percentile 0.36 %, max 0.47 %
 *   allsides, 2,000 consecutive articles (six months of 2017): 0.21 %; median 0.21 %, 99th 0.76 %, max 1.0 %
 *   ECB+, pairs of different topics (unrelated by construction, time left out): 0.02 %; max 0.20 %
 *   allsides, one topic label only (`--beats`, 600 articles each, narrow beats): 0.46 % and 0.73 %
 *     (61–120 days 2.4 % and 3.0 %); a sample's share at most 1.4 % and 2.5 % (1 of 400 over 2 %)
 *   ECB+, same topic but another sub-topic (the same kind of event at another time): 21.6 %
 *   the invented boilerplate library of test/library-calibration.test.ts: 100 % (its plain twin 0.2 %)
 * So 2 %: twice the highest general-news sample, about where a narrow beat's samples end, and far below a
 * library whose articles all look alike.
 */
export const ALARM_SHARE = 0.02;

/**
 * Fewer far-apart pairs than this say nothing either way (a library of a few weeks has none): the
 * check reports that it has not measured yet instead of a share of 0 of 3.
 */
export const MIN_PAIRS = 50;

/** Features reported as most behind the pairs that cleared the bar (what they share). */
const SHARED_REPORTED = 5;

/** One sampled article: its store id (sorted order decides nothing, but keeps results reproducible). */
export interface SampledArticle {
  id: string;
  features: ArticleFeatures;
}

/**
 * Scores every far-apart pair of the sample on content alone with the library's statistics (`dfs` for the
 * sample's features, `n` articles), and counts those at or above the join bar.
 */
export function measureUnrelatedPairs(
  sample: readonly SampledArticle[],
  dfs: ReadonlyMap<string, number>,
  n: number,
  options?: ClusterOptions,
): UnrelatedPairCheck {
  const s = settings(options);
  const bar = s.threshold;
  const items = [...sample]
    .filter((a) => a.features.day !== null)
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const dfMap = dfs instanceof Map ? dfs : new Map(dfs);
  const vectors = items.map((a) => articleVectors(a.features, dfMap as Map<string, number>, n, s).weighted);
  const forms = pairForms(vectors);
  let pairs = 0;
  let clearing = 0;
  let highest = 0;
  const behind = new Map<string, number>();
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const gap = Math.abs((items[i]?.features.day as number) - (items[j]?.features.day as number));
      if (gap <= UNRELATED_GAP_DAYS) continue;
      pairs++;
      const score = quickContentScore(forms[i] as PairForm, forms[j] as PairForm, s);
      if (score > highest) highest = score;
      if (score < bar) continue;
      clearing++;
      // Feature by feature only for the few pairs that clear the bar.
      for (const [f, part] of contentScore(vectors[i] as Vector, vectors[j] as Vector, s).parts)
        behind.set(f, (behind.get(f) ?? 0) + part);
    }
  // One label per word: a name and a content word can read the same ("harbourview").
  const shared = [
    ...new Set(
      [...behind].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([f]) => featureLabel(f)),
    ),
  ].slice(0, SHARED_REPORTED);
  return {
    documents: n,
    articles: items.length,
    pairs,
    clearing,
    bar,
    highest: Math.round(highest * 1000) / 1000,
    shared,
  };
}

/**
 * An article's weighted vector as parallel arrays sorted by an interned feature id, as second-pass.ts
 * keeps them: a pair is then one merge of two sorted lists. Scoring the 2,016 pairs of the sample with Map
 * lookups took about a second on allsides articles (hundreds of features each) on the loaded machine.
 */
interface PairForm {
  ids: Int32Array;
  weights: Float64Array;
  groups: Uint8Array;
  counts: [number, number, number];
}

function pairForms(vectors: readonly Vector[]): PairForm[] {
  const idOf = new Map<string, number>();
  return vectors.map((v) => {
    const entries = [...v].map(([feature, weight]) => {
      let id = idOf.get(feature);
      if (id === undefined) {
        id = idOf.size;
        idOf.set(feature, id);
      }
      return { id, weight, group: GROUP_INDEX[groupOf(feature)] };
    });
    entries.sort((x, y) => x.id - y.id);
    return {
      ids: Int32Array.from(entries, (e) => e.id),
      weights: Float64Array.from(entries, (e) => e.weight),
      groups: Uint8Array.from(entries, (e) => e.group),
      counts: groupCounts(v),
    };
  });
}

/** contentScore's score alone, from the sorted forms. */
function quickContentScore(a: PairForm, b: PairForm, s: Settings): number {
  const weights = contentWeights(a.counts, b.counts, s);
  const total = GROUPS.reduce((sum, g) => sum + weights[g], 0);
  if (total === 0) return 0;
  const dot = [0, 0, 0];
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      const g = a.groups[i] as number;
      dot[g] = (dot[g] as number) + (a.weights[i] as number) * (b.weights[j] as number);
      i++;
      j++;
    }
  }
  let score = 0;
  GROUPS.forEach((g, k) => {
    score += weights[g] * (dot[k] as number);
  });
  return score / total;
}

/**
 * The similarity of two articles as the second pass scores a pair (second-pass.ts pairScore) without its
 * time factors: per group the cosine of their weighted vectors, the groups weighted by the content both
 * have. With each shared feature's part of the score, to say what the pairs that cleared the bar share.
 */
export function contentScore(
  a: Vector,
  b: Vector,
  s = settings(),
): { score: number; parts: Map<string, number> } {
  const weights = contentWeights(groupCounts(a), groupCounts(b), s);
  const total = GROUPS.reduce((sum, g) => sum + weights[g], 0);
  const parts = new Map<string, number>();
  if (total === 0) return { score: 0, parts };
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let score = 0;
  for (const [f, x] of small) {
    const y = large.get(f);
    if (y === undefined) continue;
    const g = groupOf(f);
    const part = (weights[g] * x * y) / total;
    if (part === 0) continue;
    parts.set(f, part);
    score += part;
  }
  return { score, parts };
}

export type CalibrationState = 'ok' | 'too-many' | 'not-yet';

export interface CalibrationStatus {
  state: CalibrationState;
  /** clearing / pairs, or null with no pairs. */
  share: number | null;
  alarm: number;
  check: UnrelatedPairCheck | null;
  /** One line for people: what was measured and what it means. */
  message: string;
}

/** What the check says about the library, from its last measurement (null: never measured). */
export function calibrationStatus(check: UnrelatedPairCheck | null): CalibrationStatus {
  const alarm = ALARM_SHARE;
  if (!check || check.pairs < MIN_PAIRS) {
    const pairs = check?.pairs ?? 0;
    return {
      state: 'not-yet',
      share: check && check.pairs > 0 ? check.clearing / check.pairs : null,
      alarm,
      check,
      message: check
        ? `calibration: not measured yet (${pairs} of the ${MIN_PAIRS} article pairs published over ${UNRELATED_GAP_DAYS} days apart it needs)`
        : 'calibration: not measured yet (the next ingest measures it)',
    };
  }
  const share = check.clearing / check.pairs;
  const figures = `${check.clearing} of ${check.pairs} pairs of articles published over ${UNRELATED_GAP_DAYS} days apart (${percent(share)}) score above the story bar`;
  if (share > alarm)
    return {
      state: 'too-many',
      share,
      alarm,
      check,
      message: `calibration warning: ${figures}, above the ${percent(alarm)} expected of unrelated news; stories in this library may join unrelated events${check.shared.length ? ` (most shared: ${check.shared.join(', ')})` : ''}`,
    };
  return {
    state: 'ok',
    share,
    alarm,
    check,
    message: `calibration: ${figures}; at most ${percent(alarm)} expected`,
  };
}

function percent(x: number): string {
  const p = x * 100;
  return `${p < 10 && p !== Math.round(p) ? p.toFixed(1) : Math.round(p)} %`;
}
