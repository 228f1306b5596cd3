// What a process keeps of the clustering state between its placement transactions on PostgreSQL: the
// document count, document frequencies and parsed story profiles, as SQLite's store keeps them
// (sqlite/stories.ts SqliteStoryIndex). Placing one allsides article read them some 11 times over the
// network (document count 4×, frequencies 3.4×, profiles 4.7× per article; 30 % of the placement
// transaction's time on a loaded 2-core machine), and every read returned what the last placement of the
// same process had written.
//
// Why the cache is true when it is used. It is only used inside a placement transaction of this process,
// which holds the library-wide placement lock (placement-lock.ts), and only one such transaction of a
// process runs at a time (`exclusive` below). Right after the lock the transaction moves the clustering
// epoch (migration 5) by one and reads what it was. Every other statement that changes the rows cached —
// any INSERT, DELETE or TRUNCATE of stories, an UPDATE of a story's profile columns, any change of
// feature_df or library_counters, by any process — moves the epoch too (a trigger), unless it runs in a
// placement transaction, which moved it at its start. So:
// - if the epoch read is the one this process left at its last commit, no change was committed since by
//   anyone else, and the cache (committed rows plus this process's own committed writes) is the database;
// - while the transaction runs it holds the epoch's row (its UPDATE locked it), so a change by another
//   transaction cannot commit before this one ends: its trigger waits for the row;
// - if the epoch moved only by other processes' placement transactions, each left a row in
//   clustering_changes saying what it changed (documents and frequency increases, stories written or
//   deleted): the cache applies them in order and drops those stories' profiles (catchUp). Two workers
//   placing in turn would otherwise find the cache stale at every batch;
// - anything else (an epoch with no row: another writer's statement, a savepoint rolled back; a rollback
//   of this process's own transaction) empties the cache, and the next reads go to the database.
// Example: worker A places story 12's third article and commits at epoch 41; a user merges story 12 into
// 9 in the web app (epoch 42); worker A's next batch reads 42 ≠ 41, forgets all it kept and reads story 9
// and 12 afresh.

import type { StoryProfile } from '../../model/story-index.js';

/** Story profiles kept parsed, least recently used evicted first: as SQLite's PROFILE_CACHE_LIMIT. */
export const PROFILE_CACHE_LIMIT = 12_000;
/** Document frequencies kept before the map is emptied and refilled: as SQLite's DF_CACHE_LIMIT. */
export const DF_CACHE_LIMIT = 2_000_000;

export class ClusterCache {
  readonly profiles = new Map<number, StoryProfile>();
  readonly df = new Map<string, number>();
  count: number | null = null;
  /** The epoch the cache is consistent with (left by this process's last placement commit); null: none. */
  epoch: number | null = null;
  private queue: Promise<void> = Promise.resolve();

  invalidate(): void {
    this.profiles.clear();
    this.df.clear();
    this.count = null;
    this.epoch = null;
  }

  /**
   * Waits until no other placement transaction of this process is using the cache; the returned function
   * lets the next one in (called once the transaction's outcome is recorded in the cache).
   */
  async exclusive(): Promise<() => void> {
    let release = () => {};
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const before = this.queue;
    this.queue = before.then(() => mine);
    await before;
    return release;
  }

  /** Evicts the least recently used profiles until `room` more fit. */
  makeRoom(room: number): void {
    for (const id of this.profiles.keys()) {
      if (this.profiles.size + room <= PROFILE_CACHE_LIMIT) break;
      this.profiles.delete(id);
    }
  }
}

/** One row of clustering_changes: what one placement transaction of some process changed. */
export interface ClusterChange {
  documents: number;
  features: string[];
  deltas: number[];
  stories: number[];
}

/**
 * Brings the cache from its epoch to `now` with the changes committed in between, one row per epoch;
 * false (the cache emptied) when a row is missing: a change nobody described.
 */
export function catchUp(cache: ClusterCache, now: number, changes: readonly ClusterChange[]): boolean {
  if (cache.epoch === null || changes.length !== now - cache.epoch) {
    cache.invalidate();
    return false;
  }
  for (const change of changes) {
    if (cache.count !== null) cache.count += change.documents;
    change.features.forEach((feature, i) => {
      const df = cache.df.get(feature);
      if (df !== undefined) cache.df.set(feature, df + (change.deltas[i] ?? 0));
    });
    for (const id of change.stories) cache.profiles.delete(id);
  }
  cache.epoch = now;
  return true;
}

/**
 * Changes kept for processes that are behind: one whose cache is older than this many epochs reads afresh.
 * A worker is a few batches behind at most while workers place in turn; a row holds the features of its
 * batch's articles (some 6 kB each on allsides), so 500 rows of 8-article batches are some 25 MB.
 */
export const CHANGES_KEPT = 500;

/**
 * One transaction's use of the cache: whether it holds the placement lock (and so may use the cache), and
 * the documents it counted and has not written yet (written once before it commits, as SQLite does: a
 * batch's articles share most of their common features).
 */
export class ClusterTransaction {
  armed = false;
  readonly pendingDf = new Map<string, number>();
  pendingDocs = 0;
  /** All this transaction changed (written or not yet), for its row of clustering_changes. */
  readonly changedDf = new Map<string, number>();
  changedDocs = 0;
  readonly changedStories = new Set<number>();
  /** A savepoint rolled back: what it undid is not told apart, so no row is written (the others empty their caches). */
  unlogged = false;

  constructor(readonly cache: ClusterCache) {}

  /** The cache if this transaction may use it. */
  get usable(): ClusterCache | null {
    return this.armed ? this.cache : null;
  }
}
