// How an article's clustering features are kept as JSON, the same for every backend: a list of
// [feature, count] entries. Where the article's day comes from rides in it as a leading entry whose
// feature is empty (no real feature has an empty prefix), so the table needs no column of its own and
// rows written before it existed read back with no source.
import type { ArticleFeatures, Day, DaySource, StoryNorms, StoryProfile } from '../model/story-index.js';

const DAY_SOURCE_KEY = '';
const DAY_SOURCES: readonly DaySource[] = ['published', 'text'];

/** A JSON list of [feature, count] entries as a map. */
export function featureMapFromJson(json: string): Map<string, number> {
  return new Map(JSON.parse(json) as [string, number][]);
}

/** The stored JSON of an article's features, with where its day comes from. */
export function articleFeaturesToJson(features: ArticleFeatures): string {
  const entries: [string, number][] = [...features.features];
  if (features.daySource) entries.unshift([DAY_SOURCE_KEY, DAY_SOURCES.indexOf(features.daySource)]);
  return JSON.stringify(entries);
}

/** An article's features read back from its day column and stored JSON. */
export function articleFeaturesFromJson(day: Day | null, json: string): ArticleFeatures {
  const features = featureMapFromJson(json);
  const source = DAY_SOURCES[features.get(DAY_SOURCE_KEY) ?? -1];
  features.delete(DAY_SOURCE_KEY);
  const read: ArticleFeatures = { day, features };
  if (source && day !== null) read.daySource = source;
  return read;
}

/** A story's clustering row as both backends store it (the profile and norms as JSON text). */
export interface StoryProfileRow {
  id: number;
  size: number;
  first_day: Day | null;
  last_day: Day | null;
  profile: string;
  norms: string | null;
}

/** A story's profile read back from its row. */
export function storyProfileFromRow(row: StoryProfileRow): StoryProfile {
  return {
    id: row.id,
    size: row.size,
    firstDay: row.first_day,
    lastDay: row.last_day,
    features: featureMapFromJson(row.profile),
    ...(row.norms === null ? {} : { norms: JSON.parse(row.norms) as StoryNorms }),
  };
}
