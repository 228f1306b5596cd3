// The contract between story clustering (src/stories/cluster.ts) and whatever keeps its state: an in-memory
// index for benchmarks and tests (memory-index.ts) and the store (src/store/sqlite) for real libraries.
// Clustering never scans the library: it asks for the stories that share a few of the new article's
// features inside a time window, scores those, and writes back one story's profile. That is what keeps
// the cost of adding an article independent of the size of the library.

/** Days since 1970-01-01 (UTC); publication days are compared as whole days. */
export type Day = number;

/**
 * What clustering knows about one article. Features are opaque strings with a kind prefix chosen by
 * features.ts (for example a name or a content term); the weight is the feature's raw count or strength in
 * this article, before any corpus statistics (document frequency) are applied.
 */
export interface ArticleFeatures {
  day: Day | null;
  /**
   * Where `day` comes from: 'published' — the article's publication date, given by its record, its page's
   * metadata or its URL (reliable); 'text' — a full date at the top of the text, a date line (weaker: it
   * may be the date of the event, or of an update). Absent for features stored before it was recorded, or
   * when there is no day.
   */
  daySource?: DaySource;
  features: Map<string, number>;
}

export type DaySource = 'published' | 'text';

/** A story as clustering sees it: a bounded summary of its articles, never the articles themselves. */
export interface StoryProfile {
  id: number;
  /** Number of articles counted in the profile (near-duplicates are counted once). */
  size: number;
  firstDay: Day | null;
  lastDay: Day | null;
  /** Feature → accumulated weight over the story's articles, pruned to a bounded number of features. */
  features: Map<string, number>;
  /**
   * Optional: values clustering derives from `features` when it saves a profile, so that scoring a story
   * needs only the features it shares with an article (no IDF lookup for the rest). Persist it with the
   * profile as an opaque JSON value; when it is absent (rows written before it existed), clustering
   * computes it again from the features.
   */
  norms?: StoryNorms;
}

/** What clustering caches with a profile (see StoryProfile.norms). Plain JSON: numbers, strings, null. */
export interface StoryNorms {
  /** The centroid's length in each feature group, IDF applied as in a library of `documents` articles. */
  names: number;
  terms: number;
  facts: number;
  /** documentCount() when the norms were computed. */
  documents: number;
  /**
   * Per group [Σ w²·idf, Σ w²] over the profile's features (w: profile weight), so that the lengths can
   * follow the library's growth without a lookup: every IDF grows by about the same amount as it does.
   */
  shift?: { names: [number, number]; terms: [number, number]; facts: [number, number] };
  /** The profile's year feature with the largest weight ("y:2031"), or null for none. */
  topYear?: string | null;
}

export interface StoryIndex {
  /** Number of articles added with addDocument. */
  documentCount(): number;
  /** For each feature, how many added articles carry it (0 for an unseen feature). */
  documentFrequencies(features: readonly string[]): Map<string, number>;
  /** Records one more article carrying these features (document frequencies). */
  addDocument(features: readonly string[]): void;
  /**
   * Ids of the stories whose profile holds any of these features (a backend may index only each profile's
   * strongest features, as the SQLite store does) and whose days come within `windowDays`
   * of `day` (stories without days always qualify; with `day` null every story qualifies). For each feature
   * at most `limitPerFeature` stories, the most recently active first. Duplicates removed. With `until`
   * (and a day), only dated stories whose last day is at most `until`: the stories around a day of the
   * past, in a library that holds later stories under the same features.
   */
  candidateStories(
    features: readonly string[],
    day: Day | null,
    windowDays: number,
    limitPerFeature: number,
    until?: Day,
  ): number[];
  profiles(ids: readonly number[]): StoryProfile[];
  /** Stores a profile; `id` null creates a new story and returns its id. */
  saveProfile(profile: Omit<StoryProfile, 'id'> & { id: number | null }): number;
}

/**
 * The calibration check's last measurement (src/stories/calibration.ts): how many pairs of articles
 * published far apart, in an order-free sample of the library, score above the join bar on content alone.
 * Plain JSON; a store keeps the latest one.
 */
export interface UnrelatedPairCheck {
  /** documentCount() when measured. */
  documents: number;
  /** Dated articles in the sample. */
  articles: number;
  /** Pairs of them published more than UNRELATED_GAP_DAYS apart, all scored. */
  pairs: number;
  /** Of those, the pairs scoring at or above `bar`. */
  clearing: number;
  /** The join bar they were compared with (JOIN_THRESHOLD). */
  bar: number;
  /** The highest score among the pairs. */
  highest: number;
  /** Features (without their kind prefix) most behind the pairs that cleared the bar, strongest first. */
  shared: string[];
}
