// Why an article joined, started or belongs to a story, for `parallax story <id> --why` and the API: the
// score split by feature group, the shared names and words that weighed most, and one sentence for people.
import type { ArticleFeatures, Day, StoryProfile } from '../model/story-index.js';
import { dayString, type FeatureKind, featureKind, featureLabel } from './features.js';
import { type FeatureGroup, GROUPS, groupOf } from './groups.js';
import type { Scored } from './scoring.js';
import type { Settings } from './tuning.js';

/** How many shared names and terms a reason lists. */
export const REASON_ITEMS = 8;

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

export function dayDistance(day: Day | null, first: Day | null, last: Day | null): number | null {
  if (day === null || first === null || last === null) return null;
  if (day < first) return first - day;
  if (day > last) return day - last;
  return 0;
}

export function reasonsFor(
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
  // The factor placement gave a dated article against a story without any day (cluster.ts).
  const dayless =
    decision !== 'member' &&
    s.daylessFloor &&
    features.daySource === 'published' &&
    story !== null &&
    story.firstDay === null
      ? ` (weighed ×${s.dayEvidence.floor}: that story has no dated article)`
      : '';
  let summary: string;
  if (decision === 'created')
    summary = nearest
      ? `New story: the closest story scored ${score}${dayless} (threshold ${round(bar)})${sharing ? `, sharing ${sharing}` : ''}.`
      : 'New story: no existing story shares its names or rarer words in the time window.';
  else
    summary = `Similarity ${score} with the story${dayless} (threshold ${round(bar)})${sharing ? `, sharing ${sharing}` : ''}${when}.`;
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

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
