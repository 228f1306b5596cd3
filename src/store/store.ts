// The article store: annotated articles kept across runs so a later "stories" feature can group and compare
// them without fetching or annotating again. This file is the backend-neutral contract; SQLite is the first
// implementation (src/store/sqlite) and a PostgreSQL one is meant to follow, which is why nothing here
// mentions SQL. Every failure of the backend reaches callers as a one-line ParallaxError('STORE').

import type { AnnotatedArticle } from '../model/article.js';
import type { Tone } from '../model/report.js';
import type { ArticleFeatures, StoryIndex, UnrelatedPairCheck } from '../model/story-index.js';
import type { LabelContest } from '../text/article-labels.js';

/** An article as the store holds it: the stored id and identity columns next to the article itself. */
export interface StoredArticle {
  /** The store's id: stable across runs because it is derived from the identity key (see identity.ts). */
  id: string;
  /** The canonical URL the identity was taken from, or null for an article without a URL. */
  urlKey: string | null;
  /** sha256 of the whitespace-normalised text; kept for every article so duplicates under two URLs show. */
  contentHash: string;
  /** When the article was first stored (ISO 8601, UTC). */
  storedAt: string;
  /** The article exactly as it was put, annotations included, so a comparison never re-annotates. */
  article: AnnotatedArticle;
}

/** One row of a listing: the indexed columns only, so listing a large store never parses article JSON. */
export interface ArticleSummary {
  id: string;
  urlKey: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  source: string;
  storedAt: string;
}

export interface ListOptions {
  /** Only articles published on or after this day (YYYY-MM-DD); articles without a date are left out. */
  since?: string;
  /** Only articles of this outlet (exact name, as the article carries it). */
  outlet?: string;
  /** At most this many rows (newest first). */
  limit?: number;
}

/** Opening and closing mark of the matched words in a search snippet. */
export const SNIPPET_MARK = { open: '[', close: ']' } as const;

export interface SearchHit {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** A short excerpt of the title or text with the matched words between SNIPPET_MARK.open and .close. */
  snippet: string;
}

/** How search hits are ordered: best match first (default), or by publication day, undated last. */
export const SEARCH_ORDERS = ['relevance', 'newest', 'oldest'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

/**
 * What narrows a search and how its hits are ordered; the count of a search takes the same filters.
 * Example: `{ outlet: 'Example News', since: '2025-03-01', until: '2025-03-31', order: 'newest' }`.
 */
export interface SearchOptions {
  /** Articles of this outlet (exact name). */
  outlet?: string;
  /** Articles published on or after this day (YYYY-MM-DD); undated articles are left out. */
  since?: string;
  /** Articles published on or before this day (YYYY-MM-DD); undated articles are left out. */
  until?: string;
  /** Articles of this story. */
  story?: number;
  order?: SearchOrder;
  /** Hits to skip first (a later page of the results). */
  offset?: number;
}

export interface PutResult {
  /** Ids of the articles this call stored, in input order. */
  added: string[];
  /** Ids of the articles that were already stored (including repeats within the same call); untouched. */
  existing: string[];
}

/** One row of a story listing, from columns kept up to date on every placement. */
export interface StorySummary {
  id: number;
  /**
   * The headline of its most central non-opinion article (looked for again at 2, 4, 8, … articles and after
   * a merge or split, and kept unless another is clearly more central; see story-titles.ts), or the
   * opening of its first article's text when none has a headline.
   */
  title: string | null;
  /** Earliest and latest publication day of its articles (YYYY-MM-DD), null when none is dated. */
  firstPublished: string | null;
  lastPublished: string | null;
  /** All its articles, near-duplicates included. */
  articleCount: number;
  /** Distinct outlets of its articles, sorted. */
  outlets: string[];
  updatedAt: string;
  /**
   * How differently its outlets label the actors they share; null while not yet worked out (it is after
   * every ingest batch and before a "contested" listing).
   */
  contest: LabelContest | null;
}

export type PlacedBy = 'ingest' | 'user';

/** One article of a story, with why it is there. */
export interface StoryMember {
  /** The store's id. */
  articleId: string;
  /** The input's own id (Article.id), as the report contract names articles. */
  inputId: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  /** Store id of the earlier article this one nearly duplicates; it then counts as that article's voice. */
  duplicateOf: string | null;
  /** Similarity when ingest placed it; null for the article that started the story or a user's placement. */
  score: number | null;
  /** The explanation recorded when it was placed (JSON, shape owned by src/stories). */
  reasons: unknown;
  placedBy: PlacedBy;
  placedAt: string;
}

/** An article of a story as a listing names it. */
export interface StoryArticleRef {
  articleId: string;
  inputId: string;
  duplicateOf: string | null;
}

export interface StoryDetail extends StorySummary {
  members: StoryMember[];
}

/** The filters of a story listing, which a count of the listing takes too. */
export type StoryFilter = Pick<StoryListOptions, 'since' | 'until' | 'outlet' | 'ids' | 'minOutlets'>;

export interface StoryListOptions {
  /** Stories with an article published on or after this day (YYYY-MM-DD). */
  since?: string;
  /** Stories with an article from this outlet (exact name). */
  outlet?: string;
  /** Stories with an article published on or before this day (YYYY-MM-DD). */
  until?: string;
  /** Only these stories (for example those a text search found). */
  ids?: readonly number[];
  /** Stories covered by at least this many distinct outlets (2: the ones there is something to compare). */
  minOutlets?: number;
  limit?: number;
  /** Rows of the listing to skip first (a page of a long listing). */
  offset?: number;
  /**
   * newest (default): latest publication first; biggest: most articles first; contested: the largest
   * share of shared actors labelled in differing tones (splits / (shared + 3)), then most labels.
   */
  order?: StoryOrder;
}

export const STORY_ORDERS = ['newest', 'biggest', 'contested'] as const;
export type StoryOrder = (typeof STORY_ORDERS)[number];

/** An outlet of the library. */
export interface OutletSummary {
  outlet: string;
  articles: number;
  stories: number;
  firstPublished: string | null;
  lastPublished: string | null;
}

/** A person or organization as the library's articles name it. */
export interface ActorSummary {
  /** The key across the library (see actorKey). */
  actor: string;
  /** One of the names it goes by. */
  name: string;
  kind: string;
  /** Articles naming it. */
  articles: number;
  /** Outlets naming it. */
  outlets: number;
}

/** How often one outlet gave an actor one label (grouped by wording, ignoring case). */
export interface LabelUse {
  actor: string;
  name: string;
  label: string;
  tone: Tone;
  outlet: string | null;
  articles: number;
  /** First and last publication day of those articles. */
  first: string | null;
  last: string | null;
}

/** The names an outlet used for an actor, per month of publication (labels left out). */
export interface NameUse {
  actor: string;
  name: string;
  outlet: string | null;
  month: string | null;
  articles: number;
}

export type ToneCounts = Record<Tone, number>;

/** Views across the whole library, read from per-article rows kept next to each stored article. */
export interface LibraryViews {
  /** Every outlet, most articles first. */
  outlets(): OutletSummary[];
  /** Articles of the outlet per month (YYYY-MM) of publication; undated ones are left out. */
  outletMonths(outlet: string): { month: string; articles: number }[];
  /** The actors the outlet names most among those it labels at least once. */
  outletActors(outlet: string, limit: number): ActorSummary[];
  /** The labels of these actors by every outlet, most used first, at most `limit` rows. */
  labelUses(actors: readonly string[], limit: number): LabelUse[];
  /** The same, per month (YYYY-MM) of publication: how the labels changed over time. */
  labelUsesByMonth(actors: readonly string[], limit: number): (LabelUse & { month: string | null })[];
  /** The names each outlet used for these actors, month by month. */
  nameUses(actors: readonly string[]): NameUse[];
  /** Labels by tone, of one outlet or of the whole library. */
  toneCounts(outlet?: string): ToneCounts;
  /** Actors named by the most outlets (labelled at least once), optionally those whose key starts with `prefix`. */
  actors(limit: number, prefix?: string): ActorSummary[];
  actor(key: string): ActorSummary | null;
  /**
   * Works out the contest of stories whose articles changed (up to a few thousand per call; a write).
   * Returns how many it did.
   */
  refreshContest(): number;
}

export interface Placement {
  storyId: number;
  duplicateOf: string | null;
  score: number | null;
  reasons: unknown;
  placedBy: PlacedBy;
}

/** A candidate earlier article for near-duplicate verification. */
export interface DuplicateCandidate {
  id: string;
  text: string;
  /** Its story, when it has been placed. */
  storyId: number | null;
}

/**
 * The story operations of a library. They run inside Store.transaction so that an article, its features,
 * its duplicate keys, its placement and the clustering state it changed are committed together or not at
 * all: a crash between two batches leaves every stored article placed.
 */
export interface StoryStore {
  /** The clustering state, read and written through the same connection (and transaction) as the rest. */
  storyIndex(): StoryIndex;
  /** Earlier articles sharing a near-duplicate key, most shared keys first, at most `limit`. */
  duplicateCandidates(keys: readonly string[], limit: number): DuplicateCandidate[];
  /** Records the article's clustering features and duplicate keys (after putArticles stored it). */
  recordArticleFeatures(articleId: string, features: ArticleFeatures, duplicateKeys: readonly string[]): void;
  /** The recorded features of these articles (those without any are left out). */
  articleFeatures(articleIds: readonly string[]): Map<string, ArticleFeatures>;
  /** Puts an article in a story (or moves it there) and refreshes the listing columns of both stories. */
  placeArticle(articleId: string, placement: Placement): void;
  /** The story an article is in, or null. */
  storyOf(articleId: string): number | null;
  /** Deletes a story that no longer has articles (after a merge). */
  deleteStory(storyId: number): void;
  listStories(options?: StoryListOptions): StorySummary[];
  getStory(storyId: number): StoryDetail | null;
  /**
   * These stories with their members, as getStory gives each, in one query (one round trip on PostgreSQL,
   * where reading a neighbourhood of 20 stories one by one cost 20), keyed in the order of `storyIds`;
   * ids of no story are left out.
   */
  getStories(storyIds: readonly number[]): Map<number, StoryDetail>;
  /** The articles of each of these stories, oldest placement first, in one query. */
  storyArticles(storyIds: readonly number[]): Map<number, StoryArticleRef[]>;
  /** Stories in the library, or those a listing with these filters would show (without its limit). */
  countStories(filter?: StoryFilter): number;
}

/** A feed the library follows, with what its last poll learnt. */
export interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  siteUrl: string | null;
  /** Validators of the last answer, sent back so an unchanged feed costs a 304. */
  etag: string | null;
  lastModified: string | null;
  addedAt: string;
  polledAt: string | null;
  okAt: string | null;
  /** new: never polled; ok: the last poll worked; error: it failed (see error, failures). */
  status: 'new' | 'ok' | 'error';
  error: string | null;
  /** Polls in a row that failed. */
  failures: number;
  /** Items ingested from it so far. */
  items: number;
}

export interface FeedPollUpdate {
  ok: boolean;
  title?: string | null;
  siteUrl?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  error?: string | null;
  /** Items ingested by this poll. */
  items?: number;
}

/** An item taken from a feed: done (ingested) or failed for good, never to be tried again. */
export interface FeedItemRecord {
  /** The GUID, or the canonical URL when the item has none. */
  key: string;
  url: string | null;
  state: 'ingested' | 'failed';
  reason?: string | null;
}

/** The feeds a library follows (`parallax feeds`, `parallax watch`). */
export interface FeedStore {
  /** Adds a feed by URL; an existing one is returned unchanged with created false. */
  addFeed(url: string, title: string | null, siteUrl: string | null): { feed: FeedRow; created: boolean };
  listFeeds(): FeedRow[];
  removeFeed(id: number): boolean;
  recordPoll(feedId: number, update: FeedPollUpdate): void;
  /** Which of these item keys (of this feed) and canonical URLs (of any feed) were taken before. */
  seenItems(feedId: number, keys: readonly string[], urls: readonly string[]): Set<string>;
  recordItem(feedId: number, item: FeedItemRecord): void;
}

/** The metadata fields of an outlet a directory may give, beside its name and hosts. */
export const OUTLET_FIELDS = ['country', 'language', 'owner', 'leaning', 'notes'] as const;
export type OutletField = (typeof OUTLET_FIELDS)[number];
/** Fields whose source a directory records: the metadata fields, the name and the hosts. */
export type SourcedField = OutletField | 'name' | 'hosts';

/** One outlet of the library's outlet directory (src/outlets/directory.ts reads and writes the file form). */
export interface OutletRecord {
  /** The name articles carry in their outlet field (exact, as stored). */
  name: string;
  /** Hosts whose articles are this outlet's when they carry only a URL ("cnn.com" also covers "money.cnn.com"). */
  hosts: string[];
  /** ISO 3166 code or a country's name, as the directory's author writes it. */
  country: string | null;
  /** BCP 47 code ("en", "pt-BR"). */
  language: string | null;
  owner: string | null;
  /** A value of the directory's leaning scale (OutletDirectory.leaningScale) when it has one. */
  leaning: string | null;
  notes: string | null;
  /** Where each field came from ("AllSides rating in Article-Bias-Prediction, Apache-2.0"), by field. */
  sources: Partial<Record<SourcedField, string>>;
}

export interface OutletDirectory {
  /** The leaning values in the user's order (left to right, say); null: any value goes, no order. */
  leaningScale: string[] | null;
  outlets: OutletRecord[];
}

/** How many articles, counting near-duplicates once, an outlet gave a story. */
export interface OutletVoices {
  outlet: string | null;
  voices: number;
}

/**
 * The outlet directory of a library (`parallax outlets`): metadata per outlet with the source of every
 * field, the hosts that name an outlet for articles carrying only a URL, and the leaning scale.
 */
export interface OutletDirectoryStore {
  outletDirectory(): OutletDirectory;
  outletRecord(name: string): OutletRecord | null;
  /**
   * Adds or updates outlets in one transaction. A record replaces the fields it has (a non-null value, or
   * hosts when it lists any); the others keep their stored value and source. A host already given to
   * another outlet moves to this one. Returns how many outlets were new and how many were updated.
   */
  putOutletRecords(records: readonly OutletRecord[]): { added: number; updated: number };
  /** Replaces the leaning scale (null: none). */
  setLeaningScale(scale: readonly string[] | null): void;
  /** Clears one field of an outlet (its source goes with it); false when the outlet is not in the directory. */
  clearOutletField(name: string, field: OutletField | 'hosts'): boolean;
  /** The outlet a host stands for: its own entry or that of the nearest parent domain listed; else null. */
  outletOfHost(host: string): string | null;
  /**
   * Per story, its outlets with how many voices each gave it: articles that are not a near-duplicate of an
   * earlier one. `ids`: these stories; otherwise every story with at least `minOutlets` outlets (default 1).
   */
  storyOutletVoices(options: { ids?: readonly number[]; minOutlets?: number }): Map<number, OutletVoices[]>;
  /**
   * Renames, in one transaction, the stored articles whose outlet is still a bare host ("themoscowtimes.com",
   * taken when the article came with only its URL) that the directory now names (outletOfHost), with what
   * counts outlets: each touched story's outlet list (its page is rendered again) and the actor totals per
   * outlet. A host the directory lists as an outlet name itself is left alone. Running it again changes
   * nothing.
   */
  relabelHostOutlets(): OutletRelabel;
}

/** What relabelHostOutlets renamed: each host with the outlet it now is, and how much that touched. */
export interface OutletRelabel {
  renamed: { from: string; to: string; articles: number }[];
  articles: number;
  stories: number;
}

/**
 * What the calibration check (src/stories/calibration.ts) keeps in a library: where its sample comes from
 * and its latest measurement. Separate from StoryStore so a backend adds it as one small piece.
 */
export interface CalibrationStore {
  /**
   * The recorded features of the `limit` articles with a day whose ids sort first (plain string order).
   * Ids are hashes of the article's identity (identity.ts), so this is an even pseudo-random sample that
   * depends only on which articles the library holds, never on the order they came in.
   */
  calibrationSample(limit: number): Map<string, ArticleFeatures>;
  /** The latest calibration measurement, or null before the first. */
  calibration(): UnrelatedPairCheck | null;
  /** Replaces the latest calibration measurement (inside the caller's transaction, like the rest). */
  saveCalibration(check: UnrelatedPairCheck): void;
}

/**
 * A note a user keeps on a story or on one finding of it (a fact, an actor, a quote, a discrepancy: the
 * anchor its permalink uses, "fact-f3"). A note follows its story through re-clustering: it remembers an
 * article of the story it was written on and belongs to whichever story holds that article now.
 */
export interface NoteRecord {
  id: number;
  /** The story the note is on now: the story of its article, else the one it was written on. */
  storyId: number;
  /** The finding's anchor on the story page ("fact-f3", "actor-a1", "s0-q-q2", "s0-d0"); null: the story. */
  finding: string | null;
  /**
   * What the finding said when the note was written (a fact's wording, an actor's name, a quote): finding
   * ids are numbered per report and may point at another finding after re-clustering, so the page finds
   * the note's finding by this and marks the note when no finding says it any more. Null on story notes.
   */
  findingLabel: string | null;
  text: string;
  createdAt: string;
  updatedAt: string;
}

/** A search kept by the user: its URL parameters (as in /search?…) and when its results were last seen. */
export interface SavedSearch {
  id: number;
  name: string;
  /** The search's URL parameters without the "?" ("q=storm&outlet=Example"). */
  query: string;
  createdAt: string;
  /** When the user last opened it: results stored after this are new. */
  seenAt: string;
}

/**
 * The user's kept work in a library: notes on stories and findings, saved searches. Bounds and their
 * one-line refusals (ParallaxError('USAGE')) are in kept-work.ts, shared by the backends.
 */
export interface KeptWorkStore {
  /**
   * Adds a note on a story (finding null) or a finding of it, with what the finding says (findingLabel,
   * kept to re-find it); a story that does not exist is refused.
   */
  addNote(storyId: number, finding: string | null, text: string, findingLabel?: string | null): NoteRecord;
  /** Replaces a note's text; null when there is no such note. */
  editNote(id: number, text: string): NoteRecord | null;
  deleteNote(id: number): boolean;
  note(id: number): NoteRecord | null;
  /** Notes, oldest first: all of them, or those on one story (as it is now). */
  notes(options?: { storyId?: number }): NoteRecord[];
  /** Keeps a search; the same parameters saved before are returned as they were, with created false. */
  saveSearch(name: string, query: string): { search: SavedSearch; created: boolean };
  /** Saved searches, by name (then id). */
  savedSearches(): SavedSearch[];
  savedSearch(id: number): SavedSearch | null;
  /** Marks a saved search opened now: its results so far are no longer new. False when there is none. */
  markSearchSeen(id: number): boolean;
  removeSavedSearch(id: number): boolean;
  /** Which of these articles were stored after `since` (an ISO time, as storedAt): "new since last visit". */
  storedAfter(ids: readonly string[], since: string): Set<string>;
}

export interface Store
  extends StoryStore,
    LibraryViews,
    FeedStore,
    OutletDirectoryStore,
    CalibrationStore,
    KeptWorkStore {
  /**
   * Changes whenever the library does, through this connection or another process: what a page read
   * before is still true while it is the same. Commits that change nothing a page shows (a job queue's
   * bookkeeping in the same database, a transaction that wrote nothing) leave it as it was, so pages stay
   * cached while workers take and finish jobs.
   */
  version(): string;
  /**
   * Runs `fn` in one write transaction: all of its writes are committed together, or none when it throws
   * (the error is rethrown, as a ParallaxError('STORE') when it came from the backend). Nested calls join
   * the outer transaction.
   */
  transaction<T>(fn: () => T): T;
  /**
   * Stores a batch of articles in one transaction: either the whole batch is stored or, when the backend
   * fails part-way (disk full, lock), none of it is, and earlier batches stay. An article whose identity is
   * already stored is left as it is and reported in `existing`. Inside a caller's transaction it is part of
   * that transaction: the caller's rollback undoes a failure part-way (SQLite opens no savepoint there).
   */
  putArticles(articles: AnnotatedArticle[]): PutResult;
  getArticle(id: string): StoredArticle | null;
  /** Which of these ids the store holds, without reading the articles. */
  knownIds(ids: readonly string[]): Set<string>;
  /** The articles with these ids, in the order asked; ids the store does not hold are left out. */
  getArticles(ids: readonly string[]): StoredArticle[];
  countArticles(): number;
  /** Newest first: by publication day (undated last), then by when they were stored. */
  listArticles(options?: ListOptions): ArticleSummary[];
  /**
   * Full-text search over title and text, best match first. The query uses the backend's query syntax
   * (for SQLite, FTS5: words, "phrases", OR, NOT, prefix*); a malformed query is a ParallaxError('STORE').
   * A blank query matches nothing.
   */
  search(query: string, limit?: number, options?: SearchOptions): SearchHit[];
  /** How many articles `search` would find without a limit ("… and 37 more"), under the same filters. */
  countSearch(query: string, options?: SearchOptions): number;
  close(): void;
}
