// Which outlets a big story's page compares. Comparing every article of a 280-article story takes the better
// part of a minute and gives a matrix of 58 columns nobody can read; the page compares a handful of outlets
// at a time, each through its one article closest to the story's centre, and lets the reader pick others.
// Small stories are compared whole, as before.
import { distinctVoices } from '../library/voices.js';
import type { AsyncStoreSession } from '../store/async-store.js';
import type { StoryDetail, StoryMember } from '../store/store.js';
import { centrality } from '../text/vectors.js';

/** A story with at most this many distinct articles (near-duplicates aside) is compared whole. */
export const COMPARE_ALL_MAX = 12;
/**
 * Outlets compared by default in a bigger story. Six columns fit the report's 1200 px page without
 * sideways scrolling (a 220 px row head and 164 px per outlet), and keep the first view of the biggest
 * allsides story (288 articles) near 0.3 s of CPU: each further article costs ~40 ms (bench/big-story.ts).
 */
export const DEFAULT_OUTLETS = 6;
/** The most outlets a reader may pick at once (the page's cost grows with each). */
export const MAX_OUTLETS = 16;

export interface OutletChoice {
  /** The outlet's name, or "(no outlet)" and the article's id for an article without one. */
  outlet: string;
  /** Its distinct articles in the story. */
  articles: number;
  /** The article that speaks for it: its most central one. */
  articleId: string;
  title: string | null;
  chosen: boolean;
}

export interface StorySelection {
  /** Whether the story is compared whole (small enough), or through the chosen outlets. */
  whole: boolean;
  /** Every outlet of the story, the chosen ones first in the order chosen, then by articles. */
  outlets: OutletChoice[];
  /** Whether the choice is the default one (the most distinct voices) rather than the reader's. */
  byDefault: boolean;
  /** The story with only the members to compare. */
  story: StoryDetail;
  /** A short key of the choice, for caches ("" when whole). */
  key: string;
}

function outletKey(m: StoryMember): string {
  return m.outlet?.trim() || `(no outlet) ${m.inputId}`;
}

/**
 * The outlets to compare: those requested (unknown names are ignored, at most MAX_OUTLETS), else the
 * DEFAULT_OUTLETS most distinct voices.
 */
export async function selectOutlets(
  store: Pick<AsyncStoreSession, 'articleFeatures'>,
  story: StoryDetail,
  requested: readonly string[],
): Promise<StorySelection> {
  const voices = story.members.filter((m) => m.duplicateOf === null);
  const byOutlet = new Map<string, StoryMember[]>();
  for (const m of voices) {
    const key = outletKey(m);
    byOutlet.set(key, [...(byOutlet.get(key) ?? []), m]);
  }
  if (voices.length <= COMPARE_ALL_MAX) {
    const outlets = [...byOutlet].map(([outlet, ms]) => ({
      outlet,
      articles: ms.length,
      articleId: (ms[0] as StoryMember).articleId,
      title: (ms[0] as StoryMember).title,
      chosen: true,
    }));
    return { whole: true, outlets, byDefault: true, story, key: '' };
  }
  const features = await store.articleFeatures(voices.map((m) => m.articleId));
  const empty = new Map<string, number>();
  const central = centrality(voices.map((m) => features.get(m.articleId)?.features ?? empty));
  const score = new Map(voices.map((m, i) => [m.articleId, central[i] ?? 0]));
  const representative = new Map<string, StoryMember>();
  for (const [outlet, ms] of byOutlet) {
    let best = ms[0] as StoryMember;
    for (const m of ms) if ((score.get(m.articleId) ?? 0) > (score.get(best.articleId) ?? 0)) best = m;
    representative.set(outlet, best);
  }
  const asked = [...new Set(requested.filter((o) => byOutlet.has(o)))].slice(0, MAX_OUTLETS);
  const chosen = asked.length
    ? asked
    : distinctVoices(
        [...representative].map(([key, m]) => ({
          key,
          vector: features.get(m.articleId)?.features ?? empty,
        })),
        DEFAULT_OUTLETS,
      );
  const chosenSet = new Set(chosen);
  const rest = [...byOutlet.keys()]
    .filter((o) => !chosenSet.has(o))
    .sort((a, b) => (byOutlet.get(b)?.length ?? 0) - (byOutlet.get(a)?.length ?? 0) || a.localeCompare(b));
  const outlets = [...chosen, ...rest].map((outlet) => {
    const m = representative.get(outlet) as StoryMember;
    return {
      outlet,
      articles: byOutlet.get(outlet)?.length ?? 0,
      articleId: m.articleId,
      title: m.title,
      chosen: chosenSet.has(outlet),
    };
  });
  const keep = new Set(chosen.map((o) => representative.get(o)?.articleId));
  return {
    whole: false,
    outlets,
    byDefault: asked.length === 0,
    story: { ...story, members: story.members.filter((m) => keep.has(m.articleId)) },
    key: [...chosen].sort().join('\u0001'),
  };
}
