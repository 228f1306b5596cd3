// The PostgreSQL store (driver: `pg`, see runner.ts for why), behind the asynchronous contract
// (async-store.ts). Opening checks the server, the login and the schema before anything else, so that
// each of "unreachable", "wrong password", "no such database", "permission denied", "another program's
// database" and "a newer Parallax's schema" is one line naming the URL (errors.ts), then applies the
// migrations this code has and the database lacks.

import pg from 'pg';
import { ParallaxError } from '../../errors.js';
import type { AnnotatedArticle } from '../../model/article.js';
import { isCalendarDay } from '../../text/calendar-day.js';
import {
  type AsyncStore,
  type AsyncStoreSession,
  type AsyncStoryIndex,
  refuseInsideOwnTransaction,
  runInTransactionOf,
} from '../async-store.js';
import { articleIdentity } from '../identity.js';
import { PLACEMENT_LOCK_KEY, registerPlacementLocker } from '../placement-lock.js';
import { checkSearchOptions, checkSearchQuery } from '../search-query.js';
import { searchWords } from '../search-words.js';
import type {
  ArticleSummary,
  ListOptions,
  PutResult,
  SearchHit,
  SearchOptions,
  StoredArticle,
  StoryFilter,
} from '../store.js';
import * as calibration from './calibration.js';
import { ClusterCache, type ClusterChange, ClusterTransaction, catchUp } from './cluster-cache.js';
import { pgStoreError, redactUrl } from './errors.js';
import * as keptWork from './kept-work.js';
import { migratePg, PG_APPLICATION, PG_SCHEMA_VERSION, readSchemaState } from './migrations.js';
import * as outlets from './outlets.js';
import { ClientRunner, PoolRunner, type Runner } from './runner.js';
import { SEARCH_ORDER_SQL, searchFilterSql, snippet, toTsquery } from './search.js';
import * as stories from './stories.js';
import * as views from './views.js';

export interface PgStoreOptions {
  /** Connections kept open at most (default 4: a CLI process does one thing at a time). */
  maxConnections?: number;
  /** Clock for stored_at; tests pass a fixed one. */
  now?: () => Date;
  /** Told the schema version found and the one the library is at after opening (`parallax migrate`). */
  onSchema?: (found: number, now: number) => void;
}

const DEFAULT_SEARCH_LIMIT = 20;
/** Longest word put in the search index: PostgreSQL refuses a lexeme of 2 kB or more, and no word is that long. */
const MAX_INDEXED_WORD = 500;
/** PostgreSQL keeps word positions up to 16,383; later words are indexed at that position (still found). */
const MAX_POSITION = 16_383;

/**
 * Where the text's words start: FTS5 keeps title and text apart, so "Council row" + "The mayor's plan…"
 * must not match NEAR(mayor council) or the phrase "row the" across the two. The gap is wider than any
 * NEAR distance search.ts accepts; a title's words past it share its last position.
 */
const TEXT_START = 1_001;

/**
 * The search vector of an article as a tsvector literal: its title's words (weight A), then its text's
 * (weight D) from TEXT_START on.
 */
export function searchVector(title: string | null, text: string): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  const add = (words: string[], weight: string) => {
    for (const word of words) {
      position = weight === 'A' ? Math.min(position + 1, TEXT_START - 200) : position + 1;
      if (word.length > MAX_INDEXED_WORD) continue;
      const list = positions.get(word) ?? [];
      if (list.length < 256) list.push(`${Math.min(position, MAX_POSITION)}${weight}`);
      positions.set(word, list);
    }
  };
  add(searchWords(title ?? ''), 'A');
  position = TEXT_START - 1;
  add(searchWords(text), 'D');
  return [...positions]
    .map(([word, at]) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}':${at.join(',')}`)
    .join(' ');
}

/** Opens (creating its tables when needed) the library in the PostgreSQL database the URL names. */
export async function openPgStore(url: string, options: PgStoreOptions = {}): Promise<AsyncStore> {
  const location = redactUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 4,
    // A server that does not answer at all (a firewall dropping packets) is reported, not waited on forever.
    connectionTimeoutMillis: 30_000,
    application_name: 'parallax',
  });
  // An idle connection the server drops (restart) must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      const state = await readSchemaState(client);
      if (state.application === null && state.foreignTables > 0) {
        throw new ParallaxError(
          'STORE',
          `${location}: is not a Parallax database (it holds ${state.foreignTables} tables of another program); use an empty database or another --db`,
        );
      }
      if (state.application !== null && state.application !== PG_APPLICATION) {
        throw new ParallaxError(
          'STORE',
          `${location}: is not a Parallax database (it belongs to ${state.application}); use another --db`,
        );
      }
      if (state.version > PG_SCHEMA_VERSION) {
        throw new ParallaxError(
          'STORE',
          `${location}: database schema version ${state.version} is newer than this Parallax (${PG_SCHEMA_VERSION}); upgrade Parallax or use another --db`,
        );
      }
      if (state.version < PG_SCHEMA_VERSION) await migratePg(client);
      options.onSchema?.(state.version, PG_SCHEMA_VERSION);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => {});
    throw pgStoreError(location, err, 'the library was not opened');
  }
  return new PgStore(pool, location, options.now ?? (() => new Date())).handle();
}

/** State shared by the store and its transactions. */
interface Shared {
  pool: pg.Pool;
  location: string;
  now: () => Date;
  /** Clustering state kept between this process's placement transactions (cluster-cache.ts). */
  cluster: ClusterCache;
}

class PgStore {
  private readonly shared: Shared;
  private closed = false;

  constructor(pool: pg.Pool, location: string, now: () => Date) {
    this.shared = { pool, location, now, cluster: new ClusterCache() };
  }

  handle(): AsyncStore {
    const session = new PgSession(this.shared, new PoolRunner(this.shared.pool), () => this.check());
    return Object.assign(session.api(), {
      backend: 'postgres' as const,
      location: this.shared.location,
      close: async () => {
        if (this.closed) return;
        this.closed = true;
        await this.shared.pool.end();
      },
    });
  }

  private check(): void {
    if (this.closed) throw new ParallaxError('STORE', `${this.shared.location}: the library was closed`);
  }
}

/** The operations on one runner: the pool (each call on its own), or one transaction's connection. */
class PgSession {
  private depth = 0;

  constructor(
    private readonly shared: Shared,
    private readonly runner: Runner,
    private readonly check: () => void,
    /** The transaction's use of the clustering cache; null outside a transaction. */
    private readonly cluster: ClusterTransaction | null = null,
  ) {}

  /** Runs an operation; outside a transaction a backend failure becomes a one-line STORE error. */
  private async op<T>(doing: string | undefined, fn: (db: Runner) => Promise<T>): Promise<T> {
    this.check();
    if (!this.runner.inTransaction) refuseInsideOwnTransaction(this.shared);
    try {
      return await fn(this.runner);
    } catch (err) {
      if (this.runner.inTransaction) throw err;
      throw pgStoreError(this.shared.location, err, doing);
    }
  }

  private stamp(): string {
    return this.shared.now().toISOString();
  }

  api(): AsyncStoreSession {
    const read =
      <A extends unknown[], T>(fn: (db: Runner, ...args: A) => Promise<T>) =>
      (...args: A) =>
        this.op(undefined, (db) => fn(db, ...args));
    const write =
      <A extends unknown[], T>(fn: (db: Runner, ...args: A) => Promise<T>, doing?: string) =>
      (...args: A) =>
        this.op(doing, (db) => db.atomic((tx) => fn(tx, ...args)));
    const index = stories.pgStoryIndex(
      () => this.runner,
      this.shared.now,
      () => this.cluster,
    );
    // The index's writes are atomic on their own (stories.ts), so they are not wrapped again.
    const ownAtomic =
      <A extends unknown[], T>(fn: (...args: A) => Promise<T>) =>
      (...args: A) =>
        this.op(undefined, () => fn(...args));
    const storyIndex: AsyncStoryIndex = {
      documentCount: read(() => index.documentCount()),
      documentFrequencies: read((_db, features) => index.documentFrequencies(features)),
      addDocument: ownAtomic(index.addDocument),
      candidateStories: read((_db, f, day, window, limit, until) =>
        index.candidateStories(f, day, window, limit, until),
      ),
      profiles: read((_db, ids) => index.profiles(ids)),
      saveProfile: ownAtomic(index.saveProfile),
    };
    return {
      version: () => this.version(),
      putArticles: (articles) => this.putArticles(articles),
      getArticle: read(async (db, id) => (await getArticles(db, [id]))[0] ?? null),
      knownIds: read(async (db, ids) => {
        if (ids.length === 0) return new Set<string>();
        const rows = await db.rows<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1::text[])', [
          ids,
        ]);
        return new Set(rows.map((r) => r.id));
      }),
      getArticles: read(getArticles),
      countArticles: read(async (db) => {
        const [row] = await db.rows<{ n: number }>('SELECT count(*)::int AS n FROM articles');
        return row?.n ?? 0;
      }),
      listArticles: async (options) => {
        checkListOptions(options);
        return this.op(undefined, (db) => listArticles(db, options ?? {}));
      },
      search: async (query, limit = DEFAULT_SEARCH_LIMIT, options = {}) => {
        checkLimit(limit);
        return this.search(query, limit, options);
      },
      countSearch: (query, options = {}) => this.countSearch(query, options),
      duplicateCandidates: read(stories.duplicateCandidates),
      recordArticleFeatures: write(stories.recordArticleFeatures),
      articleFeatures: read(stories.articleFeatures),
      placeArticle: write((db, id, placement) => stories.placeArticle(db, id, placement, this.stamp())),
      storyOf: read(stories.storyOf),
      deleteStory: write(async (db, storyId) => {
        await stories.deleteStory(db, storyId);
        this.cluster?.usable?.profiles.delete(storyId);
        if (this.cluster?.armed) this.cluster.changedStories.add(storyId);
      }),
      listStories: async (options = {}) => {
        checkFilter(options);
        checkLimit(options.limit);
        if (options.order === 'contested') {
          // A refresh with nothing stale writes nothing (refreshContest), so the library version stays:
          // otherwise no page of the web app would stay cached while one reader sorted by contest.
          while ((await this.op(undefined, (db) => db.atomic(views.refreshContest))) > 0);
        }
        return this.op(undefined, (db) => stories.listStories(db, options));
      },
      getStory: read(stories.getStory),
      getStories: read(stories.getStories),
      storyArticles: read(stories.storyArticles),
      countStories: async (filter = {}) => {
        checkFilter(filter);
        return this.op(undefined, (db) => stories.countStories(db, filter));
      },
      outlets: read(views.outlets),
      outletMonths: read(views.outletMonths),
      outletActors: read(views.outletActors),
      labelUses: read(views.labelUses),
      labelUsesByMonth: read(views.labelUsesByMonth),
      nameUses: read(views.nameUses),
      toneCounts: read(views.toneCounts),
      actors: read(views.actors),
      actor: read(views.actor),
      refreshContest: write(views.refreshContest),
      addFeed: write(
        (db, url, title, siteUrl) => views.addFeed(db, url, title, siteUrl, this.stamp()),
        'the feed was not added',
      ),
      listFeeds: read(views.listFeeds),
      removeFeed: write(views.removeFeed),
      recordPoll: write((db, id, update) => views.recordPoll(db, id, update, this.stamp())),
      seenItems: read(views.seenItems),
      recordItem: write((db, id, item) => views.recordItem(db, id, item, this.stamp())),
      outletDirectory: read(outlets.outletDirectory),
      outletRecord: read(outlets.outletRecord),
      putOutletRecords: write(
        (db, records) => outlets.putOutletRecords(db, records, this.stamp()),
        'the outlet directory was not changed',
      ),
      setLeaningScale: write(outlets.setLeaningScale, 'the leaning scale was not changed'),
      clearOutletField: write(
        (db, name, field) => outlets.clearOutletField(db, name, field, this.stamp()),
        'the outlet directory was not changed',
      ),
      outletOfHost: read(outlets.outletOfHost),
      storyOutletVoices: read(outlets.storyOutletVoices),
      relabelHostOutlets: write(
        (db) => outlets.relabelHostOutlets(db, this.stamp()),
        'no article was renamed',
      ),
      calibrationSample: read(calibration.calibrationSample),
      calibration: read(calibration.calibration),
      saveCalibration: write((db, check) => calibration.saveCalibration(db, check, this.stamp())),
      addNote: write(
        (db, storyId, finding, text, label) =>
          keptWork.addNote(db, storyId, finding, text, label, this.stamp()),
        'the note was not added',
      ),
      editNote: write(
        (db, id, text) => keptWork.editNote(db, id, text, this.stamp()),
        'the note was not changed',
      ),
      deleteNote: write(keptWork.deleteNote, 'the note was not deleted'),
      note: read(keptWork.note),
      notes: read(keptWork.notes),
      saveSearch: write(
        (db, name, query) => keptWork.saveSearch(db, name, query, this.stamp()),
        'the search was not saved',
      ),
      savedSearches: read(keptWork.savedSearches),
      savedSearch: read(keptWork.savedSearch),
      markSearchSeen: write((db, id) => keptWork.markSearchSeen(db, id, this.stamp())),
      removeSavedSearch: write(keptWork.removeSavedSearch, 'the saved search was not removed'),
      storedAfter: read(keptWork.storedAfter),
      storyIndex: () => storyIndex,
      withTransaction: (fn) => this.withTransaction(fn),
    };
  }

  /**
   * What a page read before is still true while this is the same: the library version, which every
   * committed transaction that changed a library table moved by one, whichever process committed it
   * (migration 6). Commits that leave the library as it was (a job queue's bookkeeping, a transaction
   * that only took a lock) leave it too. Inside a transaction its own changes count once it commits.
   */
  private async version(): Promise<string> {
    const [row] = await this.op(undefined, (db) =>
      db.rows<{ v: string }>('SELECT value::text AS v FROM library_version WHERE id = 1'),
    );
    return row?.v ?? '';
  }

  private async withTransaction<T>(fn: (tx: AsyncStoreSession) => Promise<T>): Promise<T> {
    this.check();
    const lost = 'nothing of this batch was stored (earlier batches are kept)';
    if (this.runner instanceof ClientRunner) {
      // Nested: a savepoint in the outer transaction.
      const name = `parallax_${++this.depth}`;
      // Documents counted so far belong to the outer level: written before it, a rollback keeps them.
      if (this.cluster?.armed) await stories.flushDocuments(this.runner, this.cluster);
      await this.runner.client.query(`SAVEPOINT ${name}`);
      try {
        const result = await fn(this.api());
        await this.runner.client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (err) {
        await this.runner.client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => {});
        // What the savepoint stored or placed is undone: the rest of the transaction looks articles up.
        this.runner.stored.clear();
        if (this.cluster) {
          // The cache may hold the undone writes; the rest of the transaction reads the database again.
          this.cluster.pendingDf.clear();
          this.cluster.pendingDocs = 0;
          this.cluster.unlogged = true;
          const epoch = this.shared.cluster.epoch;
          this.shared.cluster.invalidate();
          this.shared.cluster.epoch = epoch;
        }
        throw err;
      } finally {
        this.depth--;
      }
    }
    refuseInsideOwnTransaction(this.shared);
    let client: pg.PoolClient;
    try {
      client = await this.shared.pool.connect();
    } catch (err) {
      throw pgStoreError(this.shared.location, err, lost);
    }
    let broken = false;
    // The server going away while the connection is checked out (a restart mid-transaction) is reported
    // by the query under way; unheard, the client's 'error' event would end the process.
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    const cache = this.shared.cluster;
    const cluster = new ClusterTransaction(cache);
    // Set while this transaction holds the process's turn at the clustering cache.
    let leave: (() => void) | null = null;
    let epoch = 0;
    try {
      await client.query('BEGIN');
      const runner = new ClientRunner(client);
      const tx = new PgSession(this.shared, runner, this.check, cluster).api();
      // Placement across processes waits for this transaction's lock (placement-lock.ts); then the
      // clustering epoch tells whether what this process cached is still the database (cluster-cache.ts).
      registerPlacementLocker(tx, async () => {
        if (leave !== null) return;
        leave = await cache.exclusive();
        await runner.rows('SELECT pg_advisory_xact_lock($1)', [PLACEMENT_LOCK_KEY.toString()]);
        // A statement of its own: one that took the lock would read with a snapshot from before it waited.
        const [row] = await runner.rows<{ before: string }>(
          `UPDATE clustering_epoch SET value = value + 1 WHERE id = 1
           RETURNING value - 1 AS before, set_config('parallax.epoch_held', 'on', true) AS held`,
        );
        const before = Number(row?.before ?? -1);
        if (cache.epoch !== null && cache.epoch !== before) {
          // Another process placed since: its changes, if it described them all (cluster-cache.ts).
          const changes = await runner.rows<ClusterChange>(
            `SELECT documents, features, deltas, stories FROM clustering_changes
             WHERE epoch > $1 AND epoch <= $2 ORDER BY epoch`,
            [cache.epoch, before],
          );
          catchUp(cache, before, changes);
        }
        if (cache.epoch !== before) cache.invalidate();
        epoch = before + 1;
        cluster.armed = true;
      });
      const result = await runInTransactionOf(this.shared, () => fn(tx));
      if (cluster.armed) await stories.commitClustering(runner, cluster, epoch);
      await client.query('COMMIT');
      if (cluster.armed) cache.epoch = epoch;
      return result;
    } catch (err) {
      if (leave !== null) cache.invalidate();
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw pgStoreError(this.shared.location, err, lost);
    } finally {
      (leave as (() => void) | null)?.();
      client.removeListener('error', onError);
      client.release(broken);
    }
  }

  private async putArticles(articles: AnnotatedArticle[]): Promise<PutResult> {
    const added: string[] = [];
    const existing: string[] = [];
    if (articles.length === 0) return { added, existing };
    const storedAt = this.stamp();
    const rows = articles.map((article) => ({ article, identity: articleIdentity(article) }));
    const noun = articles.length === 1 ? 'article' : 'articles';
    await this.op(`the batch of ${articles.length} ${noun} was not stored (earlier batches are kept)`, (db) =>
      db.atomic(async (tx) => {
        // One INSERT for the whole batch (one round trip, not one per article). Rows go in input order,
        // so seq grows as the per-article inserts made it grow; a row whose identity is already there,
        // stored before or earlier in this batch, is skipped by DO NOTHING and looked up below.
        const inserted = await tx.rows<{ seq: number; id: string }>(
          `INSERT INTO articles (id, url_key, content_hash, outlet, title, published, source, stored_at, doc,
               input_id, body, search)
             SELECT id, url_key, content_hash, outlet, title, published, source, $8, doc, input_id, body,
                    search::tsvector
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                         $9::text[], $10::text[], $11::text[], $12::text[])
                  WITH ORDINALITY AS t (id, url_key, content_hash, outlet, title, published, source, doc, input_id,
                                        body, search, n)
             ORDER BY n
             ON CONFLICT DO NOTHING RETURNING seq, id`,
          [
            rows.map((r) => r.identity.id),
            rows.map((r) => r.identity.urlKey),
            rows.map((r) => r.identity.contentHash),
            rows.map((r) => r.article.outlet ?? null),
            rows.map((r) => r.article.title ?? null),
            rows.map((r) => r.article.published ?? null),
            rows.map((r) => r.article.source),
            storedAt,
            rows.map((r) => JSON.stringify(r.article)),
            rows.map((r) => r.article.id),
            rows.map((r) => r.article.text),
            rows.map((r) => searchVector(r.article.title ?? null, r.article.text)),
          ],
        );
        const seqOf = new Map(inserted.map((r) => [r.id, r.seq]));
        const labelled: { seq: number; article: AnnotatedArticle }[] = [];
        for (const { article, identity } of rows) {
          const seq = seqOf.get(identity.id);
          // An id inserted once: a second article under the same id in this batch is a repeat.
          seqOf.delete(identity.id);
          if (seq === undefined) {
            const [found] = await tx.rows<{ id: string }>(
              'SELECT id FROM articles WHERE id = $1 OR url_key = $2 ORDER BY id = $1 DESC LIMIT 1',
              [identity.id, identity.urlKey],
            );
            existing.push(found?.id ?? identity.id);
            continue;
          }
          tx.stored?.set(identity.id, { seq, placed: false });
          labelled.push({ seq, article });
          added.push(identity.id);
        }
        // The batch's actor labels in three statements, whatever its size.
        await views.recordLabels(tx, labelled);
      }),
    );
    return { added, existing };
  }

  private async search(query: string, limit: number, options: SearchOptions): Promise<SearchHit[]> {
    checkSearchOptions(options);
    if (query.trim() === '') return [];
    checkSearchQuery(query);
    const tsquery = toTsquery(query, this.shared.location);
    if (tsquery === null) return [];
    const where = searchFilterSql(options, [tsquery, limit, options.offset ?? 0]);
    const rows = await this.op(undefined, (db) =>
      db.rows<{
        id: string;
        title: string | null;
        outlet: string | null;
        published: string | null;
        body: string;
      }>(
        `SELECT id, title, outlet, published, body FROM articles
         WHERE search @@ $1::tsquery${where.sql}
         ORDER BY ${SEARCH_ORDER_SQL[options.order ?? 'relevance']}
         LIMIT $2 OFFSET $3`,
        where.params,
      ),
    );
    return rows.map(({ body, ...hit }) => ({ ...hit, snippet: snippet(query, hit.title ?? '', body) }));
  }

  private async countSearch(query: string, options: SearchOptions): Promise<number> {
    checkSearchOptions(options);
    if (query.trim() === '') return 0;
    checkSearchQuery(query);
    const tsquery = toTsquery(query, this.shared.location);
    if (tsquery === null) return 0;
    const where = searchFilterSql(options, [tsquery]);
    const [row] = await this.op(undefined, (db) =>
      db.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM articles WHERE search @@ $1::tsquery${where.sql}`,
        where.params,
      ),
    );
    return row?.n ?? 0;
  }
}

interface ArticleRow {
  id: string;
  url_key: string | null;
  content_hash: string;
  stored_at: string;
  doc: string;
}

async function getArticles(db: Runner, ids: readonly string[]): Promise<StoredArticle[]> {
  if (ids.length === 0) return [];
  const rows = await db.rows<ArticleRow>(
    'SELECT id, url_key, content_hash, stored_at, doc FROM articles WHERE id = ANY($1::text[])',
    [ids],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const found: StoredArticle[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) {
      found.push({
        id: row.id,
        urlKey: row.url_key,
        contentHash: row.content_hash,
        storedAt: row.stored_at,
        article: JSON.parse(row.doc) as AnnotatedArticle,
      });
    }
  }
  return found;
}

async function listArticles(db: Runner, { since, outlet, limit }: ListOptions): Promise<ArticleSummary[]> {
  const rows = await db.rows<{
    id: string;
    url_key: string | null;
    outlet: string | null;
    title: string | null;
    published: string | null;
    source: string;
    stored_at: string;
  }>(
    `SELECT id, url_key, outlet, title, published, source, stored_at FROM articles
     WHERE ($1::text IS NULL OR published >= $1) AND ($2::text IS NULL OR outlet = $2)
     ORDER BY published IS NULL, published DESC, stored_at DESC, seq DESC
     LIMIT $3`,
    [since ?? null, outlet ?? null, limit ?? null],
  );
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

function checkListOptions(options: ListOptions | undefined): void {
  const since = options?.since;
  if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since)) {
    throw new ParallaxError('USAGE', `since must be a day as YYYY-MM-DD; got "${since}"`);
  }
  checkLimit(options?.limit);
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
