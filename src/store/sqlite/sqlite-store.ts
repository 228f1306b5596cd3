// The SQLite store (better-sqlite3, synchronous). One file holds everything; WAL mode lets a reader (a
// report being rendered) run while another process stores articles. Every SQLite failure leaves here as a
// one-line ParallaxError('STORE') naming the file, never as a stack trace.

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ParallaxError } from '../../errors.js';
import { describeError } from '../../ingest/refusal.js';
import type { AnnotatedArticle } from '../../model/article.js';
import type { ArticleFeatures, StoryIndex, UnrelatedPairCheck } from '../../model/story-index.js';
import { isCalendarDay } from '../../text/calendar-day.js';
import { articleIdentity } from '../identity.js';
import type {
  ActorSummary,
  ArticleSummary,
  DuplicateCandidate,
  FeedItemRecord,
  FeedPollUpdate,
  FeedRow,
  LabelUse,
  ListOptions,
  NameUse,
  NoteRecord,
  OutletDirectory,
  OutletField,
  OutletRecord,
  OutletRelabel,
  OutletSummary,
  OutletVoices,
  Placement,
  PutResult,
  SavedSearch,
  SearchHit,
  SearchOptions,
  Store,
  StoredArticle,
  StoryArticleRef,
  StoryDetail,
  StoryFilter,
  StoryListOptions,
  StorySummary,
  ToneCounts,
} from '../store.js';
import { SqliteCalibration } from './calibration.js';
import { notADatabase, storeError } from './errors.js';
import { SqliteFeeds } from './feeds.js';
import { SqliteKeptWork } from './kept-work.js';
import { APPLICATION_ID, migrate, SCHEMA_VERSION, userVersion } from './migrations.js';
import { SqliteOutlets } from './outlets.js';
import { runSearch, runSearchCount, SearchStatements } from './search.js';
import { SqliteStories } from './stories.js';
import { SqliteViews } from './views.js';

export interface SqliteStoreOptions {
  /** How long to wait for another process's lock before giving up with "is locked by another process". */
  busyTimeoutMs?: number;
  /** Refuse to grow the file past this size (SQLITE_FULL, reported like a full disk). No limit by default. */
  maxSizeBytes?: number;
  /** Clock for stored_at; tests pass a fixed one. */
  now?: () => Date;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;
const DEFAULT_SEARCH_LIMIT = 20;

interface ArticleRow {
  id: string;
  url_key: string | null;
  content_hash: string;
  stored_at: string;
  doc: string;
}

interface SummaryRow {
  id: string;
  url_key: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  source: string;
  stored_at: string;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Looks at the file's 100-byte SQLite header before SQLite opens it for writing: a file that is not SQLite,
 * another program's database, or a schema newer than this code is refused without SQLite touching the file
 * (opening a WAL database read-write would create -wal/-shm files next to it and checkpoint on close).
 * The header can lag behind a WAL that was never checkpointed, so the same checks run again through SQLite
 * after opening, still before any write.
 */
function checkHeader(path: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return; // a new database
    throw new ParallaxError('STORE', `${path}: cannot read the database (${describeError(err)})`);
  }
  if (size === 0) return; // SQLite treats an empty file as an empty database
  const header = Buffer.alloc(100);
  let read = 0;
  try {
    const fd = openSync(path, 'r');
    try {
      read = readSync(fd, header, 0, header.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw new ParallaxError('STORE', `${path}: cannot read the database (${describeError(err)})`);
  }
  if (read < header.length || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) throw notADatabase(path);
  checkVersion(path, header.readUInt32BE(60), header.readUInt32BE(68), null);
}

/** `tables` is null when only the header was read (the header cannot tell whether the file has tables). */
function checkVersion(path: string, version: number, applicationId: number, tables: number | null): void {
  if (applicationId !== 0 && applicationId !== APPLICATION_ID) {
    throw notADatabase(path, 'it is the SQLite database of another program');
  }
  // A Parallax database gets its application_id in the same transaction as its first tables, so tables
  // without the id belong to someone else.
  if (applicationId === 0 && tables !== null && tables > 0) {
    throw notADatabase(path, 'it is the SQLite database of another program');
  }
  if (version > SCHEMA_VERSION) {
    throw new ParallaxError(
      'STORE',
      `${path}: database schema version ${version} is newer than this Parallax (${SCHEMA_VERSION}); upgrade Parallax or use another --db`,
    );
  }
}

function openDatabase(path: string, options: SqliteStoreOptions): Database.Database {
  if (path !== ':memory:' && path !== '') checkHeader(path);
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (err) {
    // better-sqlite3 checks the folder itself and throws a plain TypeError for a missing one.
    const mapped = storeError(path, err);
    if (mapped instanceof ParallaxError) throw mapped;
    const why = /directory does not exist/i.test(describeError(err))
      ? 'its folder does not exist'
      : describeError(err);
    throw new ParallaxError(
      'STORE',
      `${path}: cannot open the database (${why}); create the folder or use another --db`,
    );
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
    // Reads only, before the first write (journal_mode=WAL rewrites the header).
    const version = userVersion(db);
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
    checkVersion(path, version, applicationId, tables);

    db.pragma('journal_mode = WAL');
    // NORMAL is safe with WAL (no corruption on power loss; at most the last commits are lost) and avoids
    // an fsync per batch.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // 64 MB of page cache (the default is 2 MB): clustering reads postings and document frequencies all
    // over their indexes, and a library of tens of thousands of articles outgrows 2 MB at once.
    db.pragma('cache_size = -65536');
    // Statement journals (an upsert over many rows inside a batch's transaction keeps the pages it changes
    // until it completes) and sorts in memory rather than in temporary files: one ingest batch of 64
    // allsides articles into a 10,000-article library wrote 108 MB, 63 MB of it to temporary files
    // (55,000 write calls; 45 MB and 23,000 with this). Each such journal lives for one statement.
    db.pragma('temp_store = MEMORY');
    if (options.maxSizeBytes !== undefined) {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxSizeBytes / pageSize))}`);
    }
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw storeError(path, err);
  }
}

/** A transaction left open across awaits (SqliteStore.openTransaction). */
export interface OpenTransaction {
  commit(): void;
  /** Rolls back and returns the error to throw (worded as a STORE error at the outermost level). */
  rollback(err: unknown): unknown;
}

/** The SQLite store, with what the asynchronous adapter needs besides the Store contract. */
export interface SqliteStoreHandle extends Store {
  openTransaction(): OpenTransaction;
}

export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStoreHandle {
  const db = openDatabase(path, options);
  return new SqliteStore(db, path, options.now ?? (() => new Date()));
}

class SqliteStore implements SqliteStoreHandle {
  private readonly insertArticle: Database.Statement;
  private readonly insertText: Database.Statement;
  private readonly selectOne: Database.Statement;
  private readonly selectMany: Database.Statement;
  private readonly selectCount: Database.Statement;
  private readonly selectStoredId: Database.Statement;
  private readonly selectLibraryVersion: Database.Statement;
  private readonly selectKnown: Database.Statement;
  private readonly searchStatements: SearchStatements;
  private readonly stories: SqliteStories;
  private readonly calibrationRows: SqliteCalibration;
  private readonly views: SqliteViews;
  private readonly feeds: SqliteFeeds;
  private readonly outletDirectoryRows: SqliteOutlets;
  private readonly keptWork: SqliteKeptWork;
  /**
   * Transactions rolled back: part of the version. Inside a transaction the library version counts its
   * writes at once, and a rollback takes it back to a number a later commit will reach again: what was
   * worked out from the undone writes must not be taken for that commit's.
   */
  private rollbacks = 0;
  /** How many transaction() calls are open, so errors inside one are worded once, by the outermost. */
  private depth = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private readonly now: () => Date,
  ) {
    // Prepared once: a failure while preparing is a bug in this file, and preparing up front keeps it from
    // being mistaken for a malformed search query in search().
    this.insertArticle = db.prepare(`
      INSERT INTO articles (id, url_key, content_hash, outlet, title, published, source, stored_at, doc, input_id)
      VALUES (@id, @urlKey, @contentHash, @outlet, @title, @published, @source, @storedAt, @doc, @inputId)
      ON CONFLICT DO NOTHING`);
    this.stories = new SqliteStories(db, now);
    this.calibrationRows = new SqliteCalibration(db, now, (ids) => this.stories.articleFeatures(ids));
    this.views = new SqliteViews(db, () => this.version());
    this.feeds = new SqliteFeeds(db);
    this.outletDirectoryRows = new SqliteOutlets(db, now);
    this.keptWork = new SqliteKeptWork(db, now);
    this.insertText = db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
    const columns = 'id, url_key, content_hash, stored_at, doc';
    this.selectOne = db.prepare(`SELECT ${columns} FROM articles WHERE id = ?`);
    // One statement for any number of ids: the ids travel as a JSON array, so there is no limit on bound
    // variables to chunk around.
    this.selectMany = db.prepare(
      `SELECT ${columns} FROM articles WHERE id IN (SELECT value FROM json_each(?))`,
    );
    this.selectCount = db.prepare('SELECT count(*) FROM articles').pluck();
    // An article already stored is found by its id, or by its URL key when it was stored before the
    // canonical form last changed (migration 8 rewrote the key, the id stays as it was).
    this.selectStoredId = db
      .prepare('SELECT id FROM articles WHERE id = @id OR url_key = @urlKey ORDER BY id = @id DESC LIMIT 1')
      .pluck();
    // data_version moves when another connection commits; total_changes() counts this one's own writes.
    this.selectLibraryVersion = db.prepare('SELECT value FROM library_version WHERE id = 1').pluck();
    this.selectKnown = db
      .prepare('SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))')
      .pluck();
    this.searchStatements = new SearchStatements(db);
  }

  putArticles(articles: AnnotatedArticle[]): PutResult {
    const added: string[] = [];
    const existing: string[] = [];
    if (articles.length === 0) return { added, existing };
    // Identities and JSON are computed before the transaction so the write lock is held only for the inserts.
    const storedAt = this.now().toISOString();
    const rows = articles.map((article) => {
      const identity = articleIdentity(article);
      return {
        ...identity,
        // `?? null`: JSON records from older runs may lack a field, and SQLite cannot bind undefined.
        outlet: article.outlet ?? null,
        title: article.title ?? null,
        published: article.published ?? null,
        source: article.source,
        storedAt,
        doc: JSON.stringify(article),
        inputId: article.id,
        text: article.text,
        article,
      };
    });
    const noun = articles.length === 1 ? 'article' : 'articles';
    this.guard(`the batch of ${articles.length} ${noun} was not stored (earlier batches are kept)`, () => {
      const insert = () => {
        for (const row of rows) {
          const { text, article, ...columns } = row;
          const result = this.insertArticle.run(columns);
          if (result.changes === 0) {
            existing.push((this.selectStoredId.get(row) as string | undefined) ?? row.id);
            continue;
          }
          this.insertText.run(result.lastInsertRowid, row.title ?? '', text);
          this.views.recordLabels(Number(result.lastInsertRowid), article);
          added.push(row.id);
        }
      };
      // Inside the caller's transaction (ingest stores and places each batch in one) the caller's rollback
      // undoes a failed batch, so no savepoint is opened: under one, the same writes cost about three times
      // the CPU (the actor-label rows of the first 3,000 allsides articles, 64 articles per transaction:
      // 7.8 s in a savepoint, 2.6 s without), as SQLite keeps the pages each statement changes for a
      // rollback to the savepoint. Outside one, IMMEDIATE takes the write lock at the start, so a lock held
      // elsewhere fails the batch before any work rather than after half of it.
      if (this.db.inTransaction) insert();
      else this.db.transaction(insert).immediate();
    });
    return { added, existing };
  }

  getArticle(id: string): StoredArticle | null {
    const row = this.guard(undefined, () => this.selectOne.get(id) as ArticleRow | undefined);
    return row ? toStored(row) : null;
  }

  knownIds(ids: readonly string[]): Set<string> {
    if (ids.length === 0) return new Set();
    const found = this.guard(undefined, () => this.selectKnown.all(JSON.stringify(ids)) as string[]);
    return new Set(found);
  }

  getArticles(ids: readonly string[]): StoredArticle[] {
    if (ids.length === 0) return [];
    const rows = this.guard(undefined, () => this.selectMany.all(JSON.stringify(ids)) as ArticleRow[]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const found: StoredArticle[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (row) found.push(toStored(row));
    }
    return found;
  }

  countArticles(): number {
    return this.guard(undefined, () => this.selectCount.get() as number);
  }

  listArticles(options: ListOptions = {}): ArticleSummary[] {
    const { since, outlet, limit } = options;
    if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since)) {
      throw new ParallaxError('USAGE', `since must be a day as YYYY-MM-DD; got "${since}"`);
    }
    checkLimit(limit);
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (since !== undefined) {
      where.push('published >= @since');
      params.since = since;
    }
    if (outlet !== undefined) {
      where.push('outlet = @outlet');
      params.outlet = outlet;
    }
    params.limit = limit ?? -1; // -1: no limit
    const sql = `
      SELECT id, url_key, outlet, title, published, source, stored_at FROM articles
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY published IS NULL, published DESC, stored_at DESC, seq DESC
      LIMIT @limit`;
    const rows = this.guard(undefined, () => this.db.prepare(sql).all(params) as SummaryRow[]);
    return rows.map((row) => ({
      id: row.id,
      urlKey: row.url_key,
      outlet: row.outlet,
      title: row.title,
      published: row.published,
      source: row.source,
      storedAt: row.stored_at,
    }));
  }

  search(query: string, limit = DEFAULT_SEARCH_LIMIT, options: SearchOptions = {}): SearchHit[] {
    checkLimit(limit);
    return runSearch(this.searchStatements, this.path, query, limit, options);
  }

  countSearch(query: string, options: SearchOptions = {}): number {
    return runSearchCount(this.searchStatements, this.path, query, options);
  }

  transaction<T>(fn: () => T): T {
    // IMMEDIATE: the write lock is taken up front, so a lock held elsewhere fails before any work is done.
    // Inside an open transaction better-sqlite3 makes this a savepoint, which is what nesting should mean.
    const outermost = this.depth === 0;
    this.depth++;
    try {
      // Documents the story index counted in memory belong to the level they were counted in: written
      // before a nested level starts (its rollback must not take them) and before each level ends.
      this.stories.flushDocuments();
      const body = () => {
        const result = fn();
        this.stories.flushDocuments();
        return result;
      };
      const run = () =>
        this.db.inTransaction ? this.db.transaction(body)() : this.db.transaction(body).immediate();
      // Only the outermost call words the failure: it knows the whole batch was rolled back.
      try {
        return run();
      } catch (err) {
        this.stories.invalidate();
        // The library version went back with the rollback: the version moves on by this instead.
        this.rollbacks++;
        if (!outermost) throw err;
        throw storeError(this.path, err, 'nothing of this batch was stored (earlier batches are kept)');
      }
    } finally {
      this.depth--;
    }
  }

  /**
   * A write transaction that stays open across awaits, for the asynchronous adapter (async-adapter.ts):
   * begin, then commit or roll back. Nested, it is a savepoint. Same locking and wording as transaction().
   */
  openTransaction(): OpenTransaction {
    // Outside any transaction: BEGIN IMMEDIATE (the write lock up front); inside one: a savepoint.
    const topLevel = !this.db.inTransaction;
    const savepoint = `parallax_async_${this.depth}`;
    const lost = 'nothing of this batch was stored (earlier batches are kept)';
    try {
      // As transaction() does: what the story index kept in memory belongs to the level it came from.
      this.stories.flushDocuments();
      this.db.exec(topLevel ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`);
    } catch (err) {
      throw storeError(this.path, err, lost);
    }
    this.depth++;
    let done = false;
    const finish = () => {
      if (done) throw new Error('the transaction was already finished');
      done = true;
      this.depth--;
    };
    const undone = () => {
      this.stories.invalidate();
      // The library version went back with the rollback: the version moves on by this instead.
      this.rollbacks++;
    };
    return {
      commit: () => {
        finish();
        try {
          this.stories.flushDocuments();
          this.db.exec(topLevel ? 'COMMIT' : `RELEASE ${savepoint}`);
        } catch (err) {
          if (topLevel && this.db.inTransaction) this.db.exec('ROLLBACK');
          undone();
          throw storeError(this.path, err, lost);
        }
      },
      rollback: (err: unknown) => {
        finish();
        if (this.db.inTransaction) {
          this.db.exec(topLevel ? 'ROLLBACK' : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
        }
        undone();
        // Only the outermost words the failure: it knows the whole batch was rolled back.
        return topLevel ? storeError(this.path, err, lost) : err;
      },
    };
  }

  storyIndex(): StoryIndex {
    return this.stories.storyIndex();
  }

  duplicateCandidates(keys: readonly string[], limit: number): DuplicateCandidate[] {
    return this.guard(undefined, () => this.stories.duplicateCandidates(keys, limit));
  }

  recordArticleFeatures(
    articleId: string,
    features: ArticleFeatures,
    duplicateKeys: readonly string[],
  ): void {
    this.guard(undefined, () => this.stories.recordArticleFeatures(articleId, features, duplicateKeys));
  }

  articleFeatures(articleIds: readonly string[]): Map<string, ArticleFeatures> {
    return this.guard(undefined, () => this.stories.articleFeatures(articleIds));
  }

  calibrationSample(limit: number): Map<string, ArticleFeatures> {
    return this.guard(undefined, () => this.calibrationRows.calibrationSample(limit));
  }

  calibration(): UnrelatedPairCheck | null {
    return this.guard(undefined, () => this.calibrationRows.calibration());
  }

  saveCalibration(check: UnrelatedPairCheck): void {
    this.guard(undefined, () => this.calibrationRows.saveCalibration(check));
  }

  placeArticle(articleId: string, placement: Placement): void {
    this.guard(undefined, () => this.stories.placeArticle(articleId, placement));
  }

  storyOf(articleId: string): number | null {
    return this.guard(undefined, () => this.stories.storyOf(articleId));
  }

  deleteStory(storyId: number): void {
    this.guard(undefined, () => this.stories.deleteStory(storyId));
  }

  listStories(options: StoryListOptions = {}): StorySummary[] {
    checkFilter(options);
    // A contested listing sorts on the contest of every story, so the ones changed since are worked out first.
    if (options.order === 'contested') while (this.refreshContest() > 0);
    checkLimit(options.limit);
    return this.guard(undefined, () => this.stories.listStories(options));
  }

  getStory(storyId: number): StoryDetail | null {
    return this.guard(undefined, () => this.stories.getStory(storyId));
  }

  getStories(storyIds: readonly number[]): Map<number, StoryDetail> {
    return this.guard(undefined, () => this.stories.getStories(storyIds));
  }

  storyArticles(storyIds: readonly number[]): Map<number, StoryArticleRef[]> {
    return this.guard(undefined, () => this.stories.storyArticles(storyIds));
  }

  countStories(filter: StoryFilter = {}): number {
    checkFilter(filter);
    return this.guard(undefined, () => this.stories.countStories(filter));
  }

  outlets(): OutletSummary[] {
    return this.guard(undefined, () => this.views.outlets());
  }

  outletMonths(outlet: string): { month: string; articles: number }[] {
    return this.guard(undefined, () => this.views.outletMonths(outlet));
  }

  outletActors(outlet: string, limit: number): ActorSummary[] {
    return this.guard(undefined, () => this.views.outletActors(outlet, limit));
  }

  labelUses(actors: readonly string[], limit: number): LabelUse[] {
    return this.guard(undefined, () => this.views.labelUses(actors, limit));
  }

  labelUsesByMonth(actors: readonly string[], limit: number): (LabelUse & { month: string | null })[] {
    return this.guard(undefined, () => this.views.labelUsesByMonth(actors, limit));
  }

  nameUses(actors: readonly string[]): NameUse[] {
    return this.guard(undefined, () => this.views.nameUses(actors));
  }

  toneCounts(outlet?: string): ToneCounts {
    return this.guard(undefined, () => this.views.toneCounts(outlet));
  }

  actors(limit: number, prefix?: string): ActorSummary[] {
    return this.guard(undefined, () => this.views.actors(limit, prefix));
  }

  actor(key: string): ActorSummary | null {
    return this.guard(undefined, () => this.views.actor(key));
  }

  refreshContest(): number {
    // Inside the caller's transaction (after each ingest batch), without a savepoint of its own: see putArticles.
    if (this.db.inTransaction) return this.guard(undefined, () => this.views.refreshContest());
    return this.transaction(() => this.views.refreshContest());
  }

  addFeed(url: string, title: string | null, siteUrl: string | null): { feed: FeedRow; created: boolean } {
    return this.guard('the feed was not added', () =>
      this.feeds.addFeed(url, title, siteUrl, this.now().toISOString()),
    );
  }

  listFeeds(): FeedRow[] {
    return this.guard(undefined, () => this.feeds.listFeeds());
  }

  removeFeed(id: number): boolean {
    return this.guard(undefined, () => this.db.transaction(() => this.feeds.removeFeed(id))());
  }

  recordPoll(feedId: number, update: FeedPollUpdate): void {
    this.guard(undefined, () => this.feeds.recordPoll(feedId, update, this.now().toISOString()));
  }

  seenItems(feedId: number, keys: readonly string[], urls: readonly string[]): Set<string> {
    return this.guard(undefined, () => this.feeds.seenItems(feedId, keys, urls));
  }

  recordItem(feedId: number, item: FeedItemRecord): void {
    this.guard(undefined, () => this.feeds.recordItem(feedId, item, this.now().toISOString()));
  }

  outletDirectory(): OutletDirectory {
    return this.guard(undefined, () => this.outletDirectoryRows.directory());
  }

  outletRecord(name: string): OutletRecord | null {
    return this.guard(undefined, () => this.outletDirectoryRows.record(name));
  }

  putOutletRecords(records: readonly OutletRecord[]): { added: number; updated: number } {
    return this.guard('the outlet directory was not changed', () =>
      this.write(() => this.outletDirectoryRows.put(records)),
    );
  }

  setLeaningScale(scale: readonly string[] | null): void {
    this.guard('the leaning scale was not changed', () => this.outletDirectoryRows.setLeaningScale(scale));
  }

  clearOutletField(name: string, field: OutletField | 'hosts'): boolean {
    return this.guard('the outlet directory was not changed', () =>
      this.write(() => this.outletDirectoryRows.clearField(name, field)),
    );
  }

  relabelHostOutlets(): OutletRelabel {
    return this.guard('no article was renamed', () => this.write(() => this.outletDirectoryRows.relabel()));
  }

  outletOfHost(host: string): string | null {
    return this.guard(undefined, () => this.outletDirectoryRows.outletOfHost(host));
  }

  storyOutletVoices(options: { ids?: readonly number[]; minOutlets?: number }): Map<number, OutletVoices[]> {
    return this.guard(undefined, () => this.outletDirectoryRows.storyVoices(options));
  }

  addNote(storyId: number, finding: string | null, text: string, findingLabel?: string | null): NoteRecord {
    return this.guard('the note was not added', () =>
      this.write(() => this.keptWork.addNote(storyId, finding, text, findingLabel)),
    );
  }

  editNote(id: number, text: string): NoteRecord | null {
    return this.guard('the note was not changed', () => this.keptWork.editNote(id, text));
  }

  deleteNote(id: number): boolean {
    return this.guard('the note was not deleted', () => this.keptWork.deleteNote(id));
  }

  note(id: number): NoteRecord | null {
    return this.guard(undefined, () => this.keptWork.note(id));
  }

  notes(options?: { storyId?: number }): NoteRecord[] {
    return this.guard(undefined, () => this.keptWork.notes(options));
  }

  saveSearch(name: string, query: string): { search: SavedSearch; created: boolean } {
    return this.guard('the search was not saved', () =>
      this.write(() => this.keptWork.saveSearch(name, query)),
    );
  }

  savedSearches(): SavedSearch[] {
    return this.guard(undefined, () => this.keptWork.savedSearches());
  }

  savedSearch(id: number): SavedSearch | null {
    return this.guard(undefined, () => this.keptWork.savedSearch(id));
  }

  markSearchSeen(id: number): boolean {
    return this.guard(undefined, () => this.keptWork.markSearchSeen(id));
  }

  removeSavedSearch(id: number): boolean {
    return this.guard('the saved search was not removed', () => this.keptWork.removeSavedSearch(id));
  }

  storedAfter(ids: readonly string[], since: string): Set<string> {
    return this.guard(undefined, () => this.keptWork.storedAfter(ids, since));
  }

  /**
   * The library version (migration 13: moved by every change to a row a page shows, by any connection;
   * inside a transaction, by its own writes at once) and this connection's rollbacks.
   */
  version(): string {
    return this.guard(undefined, () => `${this.selectLibraryVersion.get() as number}:${this.rollbacks}`);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** One write transaction of its own, or a savepoint inside the caller's. */
  private write<T>(fn: () => T): T {
    return this.db.inTransaction ? this.db.transaction(fn)() : this.db.transaction(fn).immediate();
  }

  private guard<T>(doing: string | undefined, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      // Inside transaction() the error travels up unmapped, so the message says the whole batch was lost.
      if (this.depth > 0) throw err;
      throw storeError(this.path, err, doing);
    }
  }
}

function checkFilter({ since, until }: StoryFilter): void {
  if (since !== undefined && !isCalendarDay(since)) {
    throw new ParallaxError('USAGE', `since must be a day as YYYY-MM-DD; got "${since}"`);
  }
  if (until !== undefined && !isCalendarDay(until)) {
    throw new ParallaxError('USAGE', `until must be a day as YYYY-MM-DD; got "${until}"`);
  }
}

function checkLimit(limit: number | undefined): void {
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new ParallaxError('USAGE', `limit must be a whole number of at least 1; got ${limit}`);
  }
}

function toStored(row: ArticleRow): StoredArticle {
  return {
    id: row.id,
    urlKey: row.url_key,
    contentHash: row.content_hash,
    storedAt: row.stored_at,
    article: JSON.parse(row.doc) as AnnotatedArticle,
  };
}
