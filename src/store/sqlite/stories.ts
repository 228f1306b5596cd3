// Story tables on SQLite: the clustering state behind StoryIndex, article placement, near-duplicate keys and
// the listing columns of each story. Every method is a few indexed statements, so placing an article costs
// the same in a library of a hundred articles or of a hundred thousand; the only statements that grow with
// a story are the user's merge and split (refreshStory).

import type Database from 'better-sqlite3';
import { ParallaxError } from '../../errors.js';
import type { ArticleFeatures, Day, StoryIndex, StoryProfile } from '../../model/story-index.js';
import {
  articleFeaturesFromJson,
  articleFeaturesToJson,
  featureMapFromJson,
  type StoryProfileRow,
  storyProfileFromRow,
} from '../feature-json.js';
import type {
  DuplicateCandidate,
  PlacedBy,
  Placement,
  StoryArticleRef,
  StoryDetail,
  StoryFilter,
  StoryListOptions,
  StoryMember,
  StoryOrder,
  StoryStore,
  StorySummary,
} from '../store.js';
import { centralTitle, retitleAt } from '../story-titles.js';

/**
 * Story profiles kept parsed in memory, least recently used evicted first. Each costs about 12 kB parsed
 * and 0.13 ms of CPU to read back (the latest 3,000 stories of a whole allsides library: 223 features on
 * average), and every article reads the profiles of all its candidates (up to a few hundred): in a
 * library of more stories than the cache holds, misses grew the cost per article with the library. 12,000
 * bound the cache at about 150 MB.
 */
const PROFILE_CACHE_LIMIT = 12_000;
/** Features each story is posted under for candidate lookup (of its up to a few hundred profile features). */
export const POSTED_FEATURES = 80;
/** Document frequencies kept in memory before the cache is emptied and refilled. */
const DF_CACHE_LIMIT = 2_000_000;

/** Characters of the opening text used as a story title when no article has one. */
const UNTITLED_TITLE_CHARS = 90;

type Entries = [string, number][];

function toEntries(map: Map<string, number>): Entries {
  return [...map];
}

interface StoryRow {
  id: number;
  title: string | null;
  first_published: string | null;
  last_published: string | null;
  article_count: number;
  outlets: string;
  updated_at: string;
  contest_splits: number | null;
  contest_labels: number | null;
  contest_shared: number | null;
}

type ListingHead = Pick<StoryRow, 'title' | 'article_count' | 'outlets'>;

/** A story member row as both stores read it (the PostgreSQL store imports it). */
export interface MemberRow {
  id: string;
  input_id: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  duplicate_of: string | null;
  score: number | null;
  reasons: string | null;
  placed_by: PlacedBy;
  placed_at: string;
}

/** A member row as the StoryMember the contract returns (one mapping for both stores). */
export function toMember(m: MemberRow): StoryMember {
  return {
    articleId: m.id,
    inputId: m.input_id ?? m.id,
    outlet: m.outlet,
    title: m.title,
    published: m.published,
    duplicateOf: m.duplicate_of,
    score: m.score,
    reasons: m.reasons === null ? null : (JSON.parse(m.reasons) as unknown),
    placedBy: m.placed_by,
    placedAt: m.placed_at,
  };
}

/** What each listing order sorts on before the newest-first tie-break. */
const ORDER_TERMS: Record<StoryOrder, string> = {
  newest: '',
  biggest: 'article_count DESC, ',
  // The share of shared actors whose tone differs, damped so that one split among one or two shared actors
  // does not outrank a story where outlets disagree about many; then the number of labels.
  contested: 'CAST(contest_splits AS REAL) / (contest_shared + 3) DESC, contest_labels DESC, ',
};

function toSummary(row: StoryRow): StorySummary {
  return {
    id: row.id,
    title: row.title,
    firstPublished: row.first_published,
    lastPublished: row.last_published,
    articleCount: row.article_count,
    outlets: JSON.parse(row.outlets) as string[],
    updatedAt: row.updated_at,
    contest:
      row.contest_splits === null
        ? null
        : { splits: row.contest_splits, labels: row.contest_labels ?? 0, shared: row.contest_shared ?? 0 },
  };
}

/** Abbreviations whose full stop does not end a sentence: initials ("U.S.", "J.") and common titles. */
const ABBREVIATION =
  /(?:\b(?:\p{Lu}\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Capt|Sgt|Prof|Jr|Sr|No|Vol)\.)$/u;

function firstSentence(text: string): string {
  for (const match of text.matchAll(/[.!?]["”’)]?\s+(?=["“‘(]?\p{Lu})/gu)) {
    const end = match.index + match[0].trimEnd().length;
    if (!ABBREVIATION.test(text.slice(0, end))) return text.slice(0, end);
  }
  return text;
}

/** A title for a story whose articles have none: the opening of the text, cut at a word. */
export function untitledTitle(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return null;
  const sentence = firstSentence(flat);
  if (sentence.length <= UNTITLED_TITLE_CHARS) return sentence;
  const cut = sentence.slice(0, UNTITLED_TITLE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function storyStatements(db: Database.Database) {
  return {
    seqOf: db.prepare('SELECT seq FROM articles WHERE id = ?').pluck(),
    // The articles sharing most keys first, then the texts of only those: joined before grouping, the text
    // of every article sharing any key was read (500 articles of a 10,000-article library: 64–74 ms of
    // CPU instead of 109–111 ms, the same rows).
    candidates: db.prepare(`
      SELECT a.id, f.text, sa.story_id AS storyId, m.shared
      FROM (SELECT k.article_seq AS seq, count(*) AS shared FROM duplicate_keys k
            WHERE k.key IN (SELECT value FROM json_each(?))
            GROUP BY k.article_seq ORDER BY shared DESC, k.article_seq LIMIT ?) m
      JOIN articles a ON a.seq = m.seq
      JOIN articles_fts f ON f.rowid = m.seq
      LEFT JOIN story_articles sa ON sa.article_seq = m.seq
      ORDER BY m.shared DESC, m.seq`),
    insertFeatures: db.prepare(
      'INSERT OR REPLACE INTO article_features (article_seq, day, features) VALUES (?, ?, ?)',
    ),
    // All of an article's keys in one statement (about 36 per allsides article): one statement per key was
    // 1.1 s of CPU for the first 3,000 articles.
    insertKeys: db.prepare(
      'INSERT OR IGNORE INTO duplicate_keys (key, article_seq) SELECT value, ? FROM json_each(?)',
    ),
    features: db.prepare(`
      SELECT a.id, f.day, f.features FROM article_features f JOIN articles a ON a.seq = f.article_seq
      WHERE a.id IN (SELECT value FROM json_each(?))`),
    placement: db.prepare('SELECT story_id FROM story_articles WHERE article_seq = ?').pluck(),
    upsertPlacement: db.prepare(`
      INSERT INTO story_articles (article_seq, story_id, duplicate_of, score, reasons, placed_by, placed_at)
      VALUES (@seq, @storyId, @duplicateOf, @score, @reasons, @placedBy, @placedAt)
      ON CONFLICT (article_seq) DO UPDATE SET story_id = excluded.story_id,
        duplicate_of = excluded.duplicate_of, score = excluded.score, reasons = excluded.reasons,
        placed_by = excluded.placed_by, placed_at = excluded.placed_at`),
    articleMeta: db.prepare('SELECT title, outlet, published FROM articles WHERE seq = ?'),
    articleText: db.prepare('SELECT text FROM articles_fts WHERE rowid = ?').pluck(),
    storyRow: db.prepare(`
      SELECT id, title, first_published, last_published, article_count, outlets, updated_at,
        contest_splits, contest_labels, contest_shared
      FROM stories WHERE id = ?`),
    // The columns placement reads back, all before the profile in the row: reading updated_at or the
    // contest columns (storyRow) walks the profile's overflow pages first.
    listingHead: db.prepare('SELECT title, article_count, outlets FROM stories WHERE id = ?'),
    addToListing: db.prepare(`
      UPDATE stories SET article_count = article_count + 1,
        first_published = CASE WHEN @published IS NULL THEN first_published
          ELSE min(coalesce(first_published, @published), @published) END,
        last_published = CASE WHEN @published IS NULL THEN last_published
          ELSE max(coalesce(last_published, @published), @published) END,
        outlets = @outlets, title = coalesce(title, @title), updated_at = @now
      WHERE id = @id`),
    refreshListing: db.prepare(`
      UPDATE stories SET
        article_count = (SELECT count(*) FROM story_articles WHERE story_id = @id),
        first_published = (SELECT min(a.published) FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
          WHERE sa.story_id = @id),
        last_published = (SELECT max(a.published) FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
          WHERE sa.story_id = @id),
        outlets = (SELECT json_group_array(outlet) FROM (SELECT DISTINCT a.outlet FROM story_articles sa
          JOIN articles a ON a.seq = sa.article_seq WHERE sa.story_id = @id AND a.outlet IS NOT NULL ORDER BY 1)),
        title = (SELECT a.title FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
          WHERE sa.story_id = @id AND a.title IS NOT NULL ORDER BY sa.article_seq LIMIT 1),
        updated_at = @now
      WHERE id = @id`),
    firstText: db
      .prepare(`
      SELECT f.text FROM story_articles sa JOIN articles_fts f ON f.rowid = sa.article_seq
      WHERE sa.story_id = ? ORDER BY sa.article_seq LIMIT 1`)
      .pluck(),
    staleContest: db.prepare('UPDATE stories SET contest_splits = NULL WHERE id = ?'),
    setTitle: db.prepare('UPDATE stories SET title = ? WHERE id = ?'),
    titleCandidates: db.prepare(`
      SELECT a.title, a.url_key AS url, a.outlet, f.features
      FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
      LEFT JOIN article_features f ON f.article_seq = sa.article_seq
      WHERE sa.story_id = ? AND sa.duplicate_of IS NULL`),
    deleteStory: db.prepare('DELETE FROM stories WHERE id = ?'),
    membersCount: db.prepare('SELECT count(*) FROM story_articles WHERE story_id = ?').pluck(),
    // input_id is the last column of articles, after the whole annotated document: read from the row it
    // walks the document's overflow pages. articles_refs has it (and the duplicate's id) at hand: the
    // members of 2,000 stories of a 10,000-article library in 35 ms of CPU instead of 58–68 ms. The second
    // pass reads every story of its neighbourhood this way, each batch.
    members: db.prepare(`
      SELECT a.id, (SELECT r.input_id FROM articles r INDEXED BY articles_refs WHERE r.seq = a.seq) AS input_id,
             a.outlet, a.title, a.published,
             d.id AS duplicate_of, sa.score, sa.reasons, sa.placed_by, sa.placed_at
      FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
      LEFT JOIN articles d INDEXED BY articles_refs ON d.seq = sa.duplicate_of
      WHERE sa.story_id = ? ORDER BY a.published IS NULL, a.published, sa.article_seq`),
    countStories: db.prepare('SELECT count(*) FROM stories').pluck(),
    storyArticles: db.prepare(`
      SELECT sa.story_id, a.id, a.input_id, d.id AS duplicate_of
      FROM story_articles sa JOIN articles a INDEXED BY articles_refs ON a.seq = sa.article_seq
      LEFT JOIN articles d INDEXED BY articles_refs ON d.seq = sa.duplicate_of
      WHERE sa.story_id IN (SELECT value FROM json_each(?)) ORDER BY sa.story_id, sa.article_seq`),
  };
}

function indexStatements(db: Database.Database) {
  return {
    count: db.prepare("SELECT value FROM library_counters WHERE name = 'documents'").pluck(),
    bump: db.prepare(`INSERT INTO library_counters (name, value) VALUES ('documents', 1)
      ON CONFLICT (name) DO UPDATE SET value = value + 1`),
    dfs: db.prepare('SELECT feature, df FROM feature_df WHERE feature IN (SELECT value FROM json_each(?))'),
    addDfs: db.prepare(`INSERT INTO feature_df (feature, df) SELECT value, 1 FROM json_each(?) WHERE true
      ON CONFLICT (feature) DO UPDATE SET df = df + 1`),
    addDfCounts:
      db.prepare(`INSERT INTO feature_df (feature, df) SELECT key, value FROM json_each(?) WHERE true
      ON CONFLICT (feature) DO UPDATE SET df = df + excluded.df`),
    bumpBy: db.prepare(`INSERT INTO library_counters (name, value) VALUES ('documents', @by)
      ON CONFLICT (name) DO UPDATE SET value = value + @by`),
    postingsAny: db
      .prepare(`SELECT story_id FROM story_postings WHERE feature = ?
      ORDER BY last_day DESC, story_id DESC LIMIT ?`)
      .pluck(),
    // The stories posted under each feature of a query inside a time window, and those without days, in
    // one statement (one row per feature): a statement per feature and kind was 48 for one article's query.
    postingsWindow: db
      .prepare(`SELECT
        (SELECT json_group_array(story_id) FROM (SELECT story_id FROM story_postings
          WHERE feature = j.value AND last_day >= @since ORDER BY last_day DESC LIMIT @limit)),
        (SELECT json_group_array(story_id) FROM (SELECT story_id FROM story_postings
          WHERE feature = j.value AND last_day IS NULL ORDER BY story_id DESC LIMIT @limit))
      FROM json_each(@features) j`)
      .raw(),
    // The same with an upper bound on the last day (candidateStories' `until`): in a library not ingested
    // in date order the most recently active stories of a common feature lie after the window, and the
    // limit would be spent on them before the window's own stories were reached.
    postingsBetween: db
      .prepare(`SELECT
        (SELECT json_group_array(story_id) FROM (SELECT story_id FROM story_postings
          WHERE feature = j.value AND last_day >= @since AND last_day <= @until
          ORDER BY last_day DESC LIMIT @limit)),
        (SELECT json_group_array(story_id) FROM (SELECT story_id FROM story_postings
          WHERE feature = j.value AND last_day IS NULL ORDER BY story_id DESC LIMIT @limit))
      FROM json_each(@features) j`)
      .raw(),
    profiles: db.prepare(`SELECT id, size, first_day, last_day, profile, norms FROM stories
      WHERE id IN (SELECT value FROM json_each(?))`),
    insertStory:
      db.prepare(`INSERT INTO stories (size, first_day, last_day, profile, norms, created_at, updated_at)
      VALUES (@size, @firstDay, @lastDay, @profile, @norms, @now, @now)`),
    updateStory: db.prepare(`UPDATE stories SET size = @size, first_day = @firstDay, last_day = @lastDay,
      profile = @profile, norms = @norms, updated_at = @now WHERE id = @id`),
    insertPostings: db.prepare(`INSERT OR IGNORE INTO story_postings (feature, story_id, last_day)
      SELECT value, ?, ? FROM json_each(?)`),
    movePostings: db.prepare(
      'UPDATE story_postings SET last_day = ? WHERE story_id = ? AND feature IN (SELECT value FROM json_each(?))',
    ),
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    deletePostings: db.prepare(
      'DELETE FROM story_postings WHERE story_id = ? AND feature IN (SELECT value FROM json_each(?))',
    ),
  };
}

export class SqliteStories implements StoryStore {
  private readonly index: SqliteStoryIndex;
  private readonly stmt: ReturnType<typeof storyStatements>;
  /**
   * Stories an article moved into or out of inside the open transaction, whose listing (counts, days,
   * outlets, title) is recounted once, when the transaction level ends or before anything reads a
   * listing. The second pass moves articles one at a time, and recounting after each move re-read and
   * re-scored every member of both stories for the title: with the pass moving several articles between
   * the same large stories, that was 28 % of ingest's main thread on a whole allsides library (the last
   * 1,000 articles into a library of 36,540: `retitle` 37 s of 132 s sampled).
   */
  private readonly staleListings = new Set<number>();

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {
    this.index = new SqliteStoryIndex(db, now);
    this.stmt = storyStatements(db);
  }

  storyIndex(): StoryIndex {
    return this.index;
  }

  duplicateCandidates(keys: readonly string[], limit: number): DuplicateCandidate[] {
    if (keys.length === 0) return [];
    return this.stmt.candidates.all(JSON.stringify(keys), limit) as DuplicateCandidate[];
  }

  recordArticleFeatures(
    articleId: string,
    features: ArticleFeatures,
    duplicateKeys: readonly string[],
  ): void {
    const seq = this.seq(articleId);
    this.stmt.insertFeatures.run(seq, features.day, articleFeaturesToJson(features));
    if (duplicateKeys.length > 0) this.stmt.insertKeys.run(seq, JSON.stringify(duplicateKeys));
  }

  articleFeatures(articleIds: readonly string[]): Map<string, ArticleFeatures> {
    const rows = this.stmt.features.all(JSON.stringify(articleIds)) as {
      id: string;
      day: Day | null;
      features: string;
    }[];
    return new Map(rows.map((row) => [row.id, articleFeaturesFromJson(row.day, row.features)]));
  }

  placeArticle(articleId: string, placement: Placement): void {
    const seq = this.seq(articleId);
    const previous = this.stmt.placement.get(seq) as number | undefined;
    const duplicateOf = placement.duplicateOf === null ? null : this.seq(placement.duplicateOf);
    const now = this.now().toISOString();
    this.stmt.upsertPlacement.run({
      seq,
      storyId: placement.storyId,
      duplicateOf,
      score: placement.score,
      reasons:
        placement.reasons === undefined || placement.reasons === null
          ? null
          : JSON.stringify(placement.reasons),
      placedBy: placement.placedBy,
      placedAt: now,
    });
    this.stmt.staleContest.run(placement.storyId);
    if (previous !== undefined) this.stmt.staleContest.run(previous);
    if (previous === undefined) {
      this.addToListing(placement.storyId, seq, now);
    } else if (previous !== placement.storyId) {
      this.staleListings.add(previous);
      this.staleListings.add(placement.storyId);
      // Outside a transaction (a user's merge or split made one move at a time) nothing would flush it.
      if (!this.db.inTransaction) this.flushListings();
    }
  }

  /** Recounts the listings of the stories moves changed (see staleListings), lowest id first. */
  flushListings(): void {
    if (this.staleListings.size === 0) return;
    const ids = [...this.staleListings].sort((a, b) => a - b);
    this.staleListings.clear();
    const now = this.now().toISOString();
    for (const id of ids) this.refreshListing(id, now);
  }

  storyOf(articleId: string): number | null {
    const seq = this.stmt.seqOf.get(articleId) as number | undefined;
    if (seq === undefined) return null;
    return (this.stmt.placement.get(seq) as number | undefined) ?? null;
  }

  deleteStory(storyId: number): void {
    const members = this.stmt.membersCount.get(storyId) as number;
    if (members > 0) {
      throw new ParallaxError(
        'STORE',
        `story ${storyId} still has ${members} articles; move them before deleting it`,
      );
    }
    this.stmt.deleteStory.run(storyId);
    this.staleListings.delete(storyId);
    // Only this story's cached profile is stale: the second pass deletes the stories its merges empty after
    // most batches, and dropping every cached profile each time made the next batch parse them all again.
    this.index.forget(storyId);
  }

  /** Called when a transaction rolls back: cached clustering state may hold its undone writes. */
  invalidate(): void {
    this.index.invalidate();
    this.staleListings.clear();
  }

  /**
   * Called as each transaction level begins and before it commits: the documents counted in memory (see
   * SqliteStoryIndex.flushDocuments) and the listings moves left to recount (staleListings) are written,
   * so a nested level's rollback never takes the outer level's.
   */
  flushDocuments(): void {
    this.flushListings();
    this.index.flushDocuments();
  }

  listStories(options: StoryListOptions = {}): StorySummary[] {
    this.flushListings();
    const { where, params } = storyFilterSql(options);
    const rows = this.db
      .prepare(
        `SELECT id, title, first_published, last_published, article_count, outlets, updated_at,
        contest_splits, contest_labels, contest_shared FROM stories ${where}
         ORDER BY ${ORDER_TERMS[options.order ?? 'newest']}last_published IS NULL, last_published DESC, id DESC
         LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: options.limit ?? -1, offset: options.offset ?? 0 }) as StoryRow[];
    return rows.map(toSummary);
  }

  getStory(storyId: number): StoryDetail | null {
    this.flushListings();
    return this.readStory(storyId);
  }

  /** As getStory for each id: a SQLite call costs no round trip, so one prepared lookup per story. */
  getStories(storyIds: readonly number[]): Map<number, StoryDetail> {
    this.flushListings();
    const result = new Map<number, StoryDetail>();
    for (const id of storyIds) {
      if (result.has(id)) continue;
      const story = this.readStory(id);
      if (story) result.set(id, story);
    }
    return result;
  }

  private readStory(storyId: number): StoryDetail | null {
    const row = this.stmt.storyRow.get(storyId) as StoryRow | undefined;
    if (!row) return null;
    const members = (this.stmt.members.all(storyId) as MemberRow[]).map(toMember);
    return { ...toSummary(row), members };
  }

  countStories(filter: StoryFilter = {}): number {
    this.flushListings();
    const { where, params } = storyFilterSql(filter);
    if (where === '') return this.stmt.countStories.get() as number;
    return this.db.prepare(`SELECT count(*) FROM stories ${where}`).pluck().get(params) as number;
  }

  storyArticles(storyIds: readonly number[]): Map<number, StoryArticleRef[]> {
    const result = new Map<number, StoryArticleRef[]>();
    if (storyIds.length === 0) return result;
    for (const id of storyIds) result.set(id, []);
    const rows = this.stmt.storyArticles.all(JSON.stringify(storyIds)) as {
      story_id: number;
      id: string;
      input_id: string | null;
      duplicate_of: string | null;
    }[];
    for (const row of rows) {
      result.get(row.story_id)?.push({
        articleId: row.id,
        inputId: row.input_id ?? row.id,
        duplicateOf: row.duplicate_of,
      });
    }
    return result;
  }

  private seq(articleId: string): number {
    const seq = this.stmt.seqOf.get(articleId) as number | undefined;
    if (seq === undefined) throw new ParallaxError('STORE', `no stored article has the id ${articleId}`);
    return seq;
  }

  /** The cheap update for a new member: counts, days and outlets grow, the title is kept once set. */
  private addToListing(storyId: number, seq: number, now: string): void {
    const meta = this.stmt.articleMeta.get(seq) as
      | { title: string | null; outlet: string | null; published: string | null }
      | undefined;
    const row = this.stmt.listingHead.get(storyId) as ListingHead | undefined;
    if (!meta || !row) throw new ParallaxError('STORE', `story ${storyId} does not exist`);
    const outlets = JSON.parse(row.outlets) as string[];
    if (meta.outlet !== null && !outlets.includes(meta.outlet)) {
      outlets.push(meta.outlet);
      outlets.sort();
    }
    this.stmt.addToListing.run({
      id: storyId,
      published: meta.published,
      outlets: JSON.stringify(outlets),
      // The text is read only for the first article of a story that has no title to give.
      title:
        meta.title ??
        (row.article_count === 0
          ? untitledTitle((this.stmt.articleText.get(seq) as string | undefined) ?? '')
          : null),
      now,
    });
    if (retitleAt(row.article_count + 1)) this.retitle(storyId);
  }

  /** The full recount after a move: only merge and split take this path. */
  private refreshListing(storyId: number, now: string): void {
    // The recount names the story after its first titled article; the title it had is what to keep stable.
    const before = (this.stmt.listingHead.get(storyId) as ListingHead | undefined)?.title ?? null;
    this.stmt.refreshListing.run({ id: storyId, now });
    this.retitle(storyId, before);
    const row = this.stmt.listingHead.get(storyId) as ListingHead | undefined;
    if (row && row.title === null && row.article_count > 0) {
      const text = this.stmt.firstText.get(storyId) as string | undefined;
      if (text !== undefined) this.stmt.setTitle.run(untitledTitle(text), storyId);
    }
  }

  /** Gives the story the headline of its most central report (see story-titles.ts), when that changed. */
  private retitle(storyId: number, current?: string | null): void {
    const row = this.stmt.listingHead.get(storyId) as ListingHead | undefined;
    if (!row) return;
    const held = current === undefined ? row.title : current;
    const rows = this.stmt.titleCandidates.all(storyId) as {
      title: string | null;
      url: string | null;
      outlet: string | null;
      features: string | null;
    }[];
    const title = centralTitle(
      rows.map((r) => ({ ...r, features: r.features === null ? new Map() : featureMapFromJson(r.features) })),
      held,
    );
    if (title !== null && title !== row.title) this.stmt.setTitle.run(title, storyId);
  }
}

/** The clustering state in SQLite: profiles as JSON in `stories`, postings and document frequencies. */
class SqliteStoryIndex implements StoryIndex {
  private readonly stmt: ReturnType<typeof indexStatements>;
  // Clustering reads the same profiles and document frequencies again and again (every candidate's
  // centroid needs the IDF of all its features), and parsing them from SQLite dominated ingest time. These
  // caches mirror committed rows plus this connection's own writes. They are dropped whenever another
  // connection has committed (PRAGMA data_version moves) and when a transaction of ours rolls back.
  private readonly profileCache = new Map<number, StoryProfile>();
  private readonly dfCache = new Map<string, number>();
  private countCache: number | null = null;
  private dataVersion = -1;
  // Inside a transaction, documents added are counted here and written once, when the transaction (or
  // savepoint) ends (flushDocuments): a batch's articles share most of their common features, and one
  // upsert per feature per article was a tenth of ingest's main thread. The caches include them.
  private readonly pendingDf = new Map<string, number>();
  private pendingDocs = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {
    this.stmt = indexStatements(db);
  }

  /** Drops one deleted story's profile from the cache. */
  forget(storyId: number): void {
    this.profileCache.delete(storyId);
  }

  /** Forgets everything cached: after a rollback, the cached values may describe writes that never happened. */
  invalidate(): void {
    this.profileCache.clear();
    this.dfCache.clear();
    this.countCache = null;
    this.pendingDf.clear();
    this.pendingDocs = 0;
  }

  /** Writes the documents counted since the last flush; the store calls it as each transaction level begins and ends. */
  flushDocuments(): void {
    if (this.pendingDocs === 0) return;
    this.stmt.bumpBy.run({ by: this.pendingDocs });
    this.stmt.addDfCounts.run(JSON.stringify(Object.fromEntries(this.pendingDf)));
    this.pendingDf.clear();
    this.pendingDocs = 0;
  }

  private fresh(): void {
    const version = this.stmt.dataVersion.get() as number;
    if (version !== this.dataVersion) {
      this.invalidate();
      this.dataVersion = version;
    }
  }

  documentCount(): number {
    this.fresh();
    this.countCache ??= ((this.stmt.count.get() as number | undefined) ?? 0) + this.pendingDocs;
    return this.countCache;
  }

  documentFrequencies(features: readonly string[]): Map<string, number> {
    this.fresh();
    // Filled in the order asked; a feature not cached gets 0 until the one query for all of them answers.
    const result = new Map<string, number>();
    const missing: string[] = [];
    for (const feature of features) {
      const cached = this.dfCache.get(feature);
      if (cached === undefined) missing.push(feature);
      result.set(feature, cached ?? 0);
    }
    if (missing.length > 0) {
      if (this.dfCache.size + missing.length > DF_CACHE_LIMIT) this.dfCache.clear();
      for (const row of this.stmt.dfs.all(JSON.stringify(missing)) as { feature: string; df: number }[]) {
        result.set(row.feature, row.df);
      }
      for (const feature of missing) {
        const df = (result.get(feature) ?? 0) + (this.pendingDf.get(feature) ?? 0);
        result.set(feature, df);
        this.dfCache.set(feature, df);
      }
    }
    return result;
  }

  addDocument(features: readonly string[]): void {
    this.fresh();
    if (this.countCache !== null) this.countCache++;
    const unique = [...new Set(features)];
    if (this.db.inTransaction) {
      this.pendingDocs++;
      for (const feature of unique) this.pendingDf.set(feature, (this.pendingDf.get(feature) ?? 0) + 1);
    } else {
      this.stmt.bump.run();
      this.stmt.addDfs.run(JSON.stringify(unique));
    }
    for (const feature of unique) {
      const cached = this.dfCache.get(feature);
      if (cached !== undefined) this.dfCache.set(feature, cached + 1);
    }
  }

  candidateStories(
    features: readonly string[],
    day: Day | null,
    windowDays: number,
    limitPerFeature: number,
    until?: Day,
  ): number[] {
    const ids = new Set<number>();
    if (day === null) {
      for (const feature of features)
        for (const id of this.stmt.postingsAny.all(feature, limitPerFeature) as number[]) ids.add(id);
      return [...ids];
    }
    const query = { since: day - windowDays, limit: limitPerFeature, features: JSON.stringify(features) };
    const rows = (
      until === undefined
        ? this.stmt.postingsWindow.all(query)
        : this.stmt.postingsBetween.all({ ...query, until })
    ) as [string, string][];
    for (const [dated, undated] of rows) {
      for (const id of JSON.parse(dated) as number[]) ids.add(id);
      for (const id of JSON.parse(undated) as number[]) ids.add(id);
    }
    // Postings know a story's last day only; a story that starts after the window is out too.
    return this.profiles([...ids])
      .filter((p) => p.firstDay === null || p.firstDay <= day + windowDays)
      .map((p) => p.id);
  }

  profiles(ids: readonly number[]): StoryProfile[] {
    if (ids.length === 0) return [];
    this.fresh();
    const missing = ids.filter((id) => !this.profileCache.has(id));
    if (missing.length > 0) this.loadProfiles(missing);
    const result: StoryProfile[] = [];
    for (const id of ids) {
      const profile = this.profileCache.get(id);
      if (!profile) continue;
      // Used again: to the end of the cache's order, the last to be evicted.
      this.profileCache.delete(id);
      this.profileCache.set(id, profile);
      // A copy of the shell: callers may not change the features map, but may spread and replace fields.
      result.push({ ...profile });
    }
    return result;
  }

  /**
   * The features a story is posted under: its strongest by accumulated weight × IDF (the same smoothed IDF
   * clustering uses, here only to rank). An article finds a story through its own strongest features, so
   * posting the tail of a profile bought little and cost most of the writes.
   */
  private strongest(features: Map<string, number>): string[] {
    if (features.size <= POSTED_FEATURES) return [...features.keys()];
    const n = this.documentCount();
    const dfs = this.documentFrequencies([...features.keys()]);
    return [...features]
      .map(([f, w]) => [f, w * (Math.log((n + 1) / ((dfs.get(f) ?? 0) + 1)) + 1)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, POSTED_FEATURES)
      .map(([f]) => f);
  }

  /**
   * Evicts the least recently used profiles until `room` more fit. Emptying the whole cache instead made
   * every story around the days being ingested be parsed again after each overflow, which in a library of
   * more stories than the cache holds was most batches.
   */
  private makeRoom(room: number): void {
    for (const id of this.profileCache.keys()) {
      if (this.profileCache.size + room <= PROFILE_CACHE_LIMIT) break;
      this.profileCache.delete(id);
    }
  }

  private loadProfiles(ids: readonly number[]): void {
    this.makeRoom(ids.length);
    const rows = this.stmt.profiles.all(JSON.stringify(ids)) as StoryProfileRow[];
    for (const row of rows) this.profileCache.set(row.id, storyProfileFromRow(row));
  }

  saveProfile(profile: Omit<StoryProfile, 'id'> & { id: number | null }): number {
    this.fresh();
    const now = this.now().toISOString();
    const row = {
      size: profile.size,
      firstDay: profile.firstDay,
      lastDay: profile.lastDay,
      profile: JSON.stringify(toEntries(profile.features)),
      norms: profile.norms === undefined ? null : JSON.stringify(profile.norms),
      now,
    };
    let id: number;
    // Postings change only where the profile did: features dropped by pruning go, new ones come, and the
    // story's last day is rewritten on all of them only when it moved. One statement per kind of change,
    // with the features passed as a JSON array, so SQLite does the loop.
    const posted = this.strongest(profile.features);
    if (profile.id === null) {
      id = Number(this.stmt.insertStory.run(row).lastInsertRowid);
    } else {
      id = profile.id;
      const old = this.profiles([id])[0];
      if (old === undefined) throw new ParallaxError('STORE', `story ${id} does not exist`);
      const keep = new Set(posted);
      const dropped = [...old.features.keys()].filter((f) => !keep.has(f));
      if (dropped.length > 0) this.stmt.deletePostings.run(id, JSON.stringify(dropped));
      this.stmt.updateStory.run({ ...row, id });
      if (old.lastDay !== profile.lastDay)
        this.stmt.movePostings.run(profile.lastDay, id, JSON.stringify(posted));
    }
    // Already posted features are skipped by their primary key; new ones come in with the current last day.
    this.stmt.insertPostings.run(id, profile.lastDay, JSON.stringify(posted));
    this.profileCache.delete(id);
    this.makeRoom(1);
    this.profileCache.set(id, { ...profile, id });
    return id;
  }
}

/** The WHERE clause of a story listing and of its count, with its named parameters. */
function storyFilterSql({ since, until, outlet, ids, minOutlets }: StoryFilter): {
  where: string;
  params: Record<string, string | number>;
} {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (minOutlets !== undefined && minOutlets > 1) {
    // outlets holds the story's distinct outlet names as a JSON array (kept on every placement).
    where.push('json_array_length(outlets) >= @minOutlets');
    params.minOutlets = minOutlets;
  }
  if (since !== undefined) {
    where.push('last_published >= @since');
    params.since = since;
  }
  if (until !== undefined) {
    where.push('first_published <= @until');
    params.until = until;
  }
  if (ids !== undefined) {
    where.push('id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(ids);
  }
  if (outlet !== undefined) {
    where.push(`id IN (SELECT sa.story_id FROM articles a JOIN story_articles sa ON sa.article_seq = a.seq
        WHERE a.outlet = @outlet)`);
    params.outlet = outlet;
  }
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}
