// The asynchronous Store contract: the same operations as Store (store.ts), each returning a Promise, with
// transactions as withTransaction(async tx => …). A PostgreSQL store can only answer asynchronously (the
// server is across a socket), so callers that should work on both backends use this contract; SQLite
// implements it through an adapter over its synchronous store (sqlite/async-adapter.ts), and callers that
// only ever open SQLite keep the synchronous one, which is cheaper per call.
//
// The operations are derived from Store's so the two contracts cannot drift apart: a method added to Store
// appears here, and the adapters fail to compile until they forward it.

import { AsyncLocalStorage } from 'node:async_hooks';
import type { StoryIndex } from '../model/story-index.js';
import type { Store } from './store.js';

/** Every method of T, returning a Promise of what it returned. */
export type Promised<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** The clustering state of an asynchronous store (StoryIndex, one Promise per call). */
export type AsyncStoryIndex = Promised<StoryIndex>;

/** Store's operations, asynchronous; transaction, storyIndex and close are shaped differently below. */
export type AsyncStoreOperations = Promised<Omit<Store, 'transaction' | 'storyIndex' | 'close'>>;

/** The names of AsyncStoreOperations, for adapters that forward each of them. */
export const ASYNC_STORE_OPERATIONS = [
  'version',
  'putArticles',
  'getArticle',
  'knownIds',
  'getArticles',
  'countArticles',
  'listArticles',
  'search',
  'countSearch',
  'duplicateCandidates',
  'recordArticleFeatures',
  'articleFeatures',
  'placeArticle',
  'storyOf',
  'deleteStory',
  'listStories',
  'getStory',
  'getStories',
  'storyArticles',
  'countStories',
  'outlets',
  'outletMonths',
  'outletActors',
  'labelUses',
  'labelUsesByMonth',
  'nameUses',
  'toneCounts',
  'actors',
  'actor',
  'refreshContest',
  'addFeed',
  'listFeeds',
  'removeFeed',
  'recordPoll',
  'seenItems',
  'recordItem',
  'outletDirectory',
  'outletRecord',
  'putOutletRecords',
  'setLeaningScale',
  'clearOutletField',
  'outletOfHost',
  'storyOutletVoices',
  'relabelHostOutlets',
  'calibrationSample',
  'calibration',
  'saveCalibration',
  'addNote',
  'editNote',
  'deleteNote',
  'note',
  'notes',
  'saveSearch',
  'savedSearches',
  'savedSearch',
  'markSearchSeen',
  'removeSavedSearch',
  'storedAfter',
] as const satisfies readonly (keyof AsyncStoreOperations)[];

export const ASYNC_STORY_INDEX_OPERATIONS = [
  'documentCount',
  'documentFrequencies',
  'addDocument',
  'candidateStories',
  'profiles',
  'saveProfile',
] as const satisfies readonly (keyof AsyncStoryIndex)[];

// Compile-time: the lists above name every operation (a missing one makes this an error).
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
const _everyOperation: Exhaustive<keyof AsyncStoreOperations, (typeof ASYNC_STORE_OPERATIONS)[number]> = true;
const _everyIndexOperation: Exhaustive<keyof AsyncStoryIndex, (typeof ASYNC_STORY_INDEX_OPERATIONS)[number]> =
  true;
void _everyOperation;
void _everyIndexOperation;

/** What runs inside a transaction: every operation, on the transaction's connection. */
export interface AsyncStoreSession extends AsyncStoreOperations {
  /** The clustering state, read and written through the same connection (and transaction) as the rest. */
  storyIndex(): AsyncStoryIndex;
  /**
   * Runs `fn` in one write transaction: everything it does through `tx` is committed together, or nothing
   * when it throws (the error is rethrown, as a ParallaxError('STORE') when it came from the backend).
   * Calls on the store itself (not `tx`) while the transaction is open do not see its writes and are not
   * part of it. A nested call (tx.withTransaction) is a savepoint inside the outer transaction.
   */
  withTransaction<T>(fn: (tx: AsyncStoreSession) => Promise<T>): Promise<T>;
}

export type StoreBackend = 'sqlite' | 'postgres';

export interface AsyncStore extends AsyncStoreSession {
  readonly backend: StoreBackend;
  /** Where the library is, as messages name it: a file path, or a postgres:// URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

/** A synchronous StoryIndex seen through the asynchronous contract (the in-memory index, in tests and tools). */
export function promisedStoryIndex(index: StoryIndex): AsyncStoryIndex {
  const target: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of ASYNC_STORY_INDEX_OPERATIONS) {
    const method = index[name] as (...args: unknown[]) => unknown;
    target[name] = async (...args) => method.apply(index, args);
  }
  return target as unknown as AsyncStoryIndex;
}

/**
 * Which store's transaction the running code is inside (each store passes a token of its own). A call on
 * the store itself from inside its own withTransaction callback (`store.x()` where `tx.x()` was meant)
 * would wait on SQLite for the transaction it is part of, for ever, and on PostgreSQL run outside it; both
 * backends refuse it at once instead (refuseInsideOwnTransaction).
 */
const transactionOf = new AsyncLocalStorage<object>();

export function runInTransactionOf<T>(token: object, fn: () => Promise<T>): Promise<T> {
  return transactionOf.run(token, fn);
}

/** Throws when the running code is inside the transaction of the store `token` stands for. */
export function refuseInsideOwnTransaction(token: object): void {
  if (transactionOf.getStore() === token) {
    throw new Error(
      'a store was called inside its own withTransaction callback: call the transaction (tx) the callback was given, not the store',
    );
  }
}
