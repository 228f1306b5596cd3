// The SQLite store behind the asynchronous contract (async-store.ts), for code that must work on either
// backend. Every call runs the synchronous store at once and hands back a settled Promise, so the cost over
// the synchronous store is one Promise per call. SQLite has one connection per store, so a transaction
// opened by withTransaction is the connection's: calls on the store itself (not the transaction's `tx`)
// wait until it ends, as they would wait for their own pooled connection on PostgreSQL, instead of
// slipping into it.

import {
  ASYNC_STORE_OPERATIONS,
  ASYNC_STORY_INDEX_OPERATIONS,
  type AsyncStore,
  type AsyncStoreOperations,
  type AsyncStoreSession,
  type AsyncStoryIndex,
  refuseInsideOwnTransaction,
  runInTransactionOf,
} from '../async-store.js';
import { openSqliteStore, type SqliteStoreHandle, type SqliteStoreOptions } from './sqlite-store.js';

type Call = (name: string, args: unknown[]) => Promise<unknown>;

/** An object with every asynchronous operation, each forwarded through `call`. */
function forward<T>(names: readonly string[], call: Call): T {
  const target: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of names) target[name] = (...args) => call(name, args);
  return target as T;
}

export function openSqliteAsyncStore(path: string, options: SqliteStoreOptions = {}): AsyncStore {
  return sqliteAsyncStore(openSqliteStore(path, options), path);
}

/** The asynchronous view of an open SQLite store; closing it closes the store. */
export function sqliteAsyncStore(store: SqliteStoreHandle, path: string): AsyncStore {
  /** Settles when the open transaction ends; null while none is open. */
  let gate: Promise<void> | null = null;
  /** Marks code running inside this store's transaction (see refuseInsideOwnTransaction). */
  const token = {};

  const direct = <T>(run: () => T): Promise<T> => {
    try {
      return Promise.resolve(run());
    } catch (err) {
      return Promise.reject(err);
    }
  };
  const outside = async <T>(run: () => T): Promise<T> => {
    refuseInsideOwnTransaction(token);
    while (gate !== null) await gate;
    return run();
  };
  const invoke = (name: string, args: unknown[]) => () =>
    (store as unknown as Record<string, (...a: unknown[]) => unknown>)[name]?.(...args);
  const index = store.storyIndex() as unknown as Record<string, (...a: unknown[]) => unknown>;
  const invokeIndex = (name: string, args: unknown[]) => () => index[name]?.(...args);

  const session = (inTransaction: boolean): AsyncStoreSession => {
    const wrap = inTransaction ? direct : outside;
    const operations = forward<AsyncStoreOperations>(ASYNC_STORE_OPERATIONS, (name, args) =>
      wrap(invoke(name, args)),
    );
    const storyIndex = forward<AsyncStoryIndex>(ASYNC_STORY_INDEX_OPERATIONS, (name, args) =>
      wrap(invokeIndex(name, args)),
    );
    const self: AsyncStoreSession = {
      ...operations,
      storyIndex: () => storyIndex,
      withTransaction: async <T>(fn: (tx: AsyncStoreSession) => Promise<T>): Promise<T> => {
        if (inTransaction) return run(fn, self);
        refuseInsideOwnTransaction(token);
        while (gate !== null) await gate;
        let release = () => {};
        gate = new Promise<void>((resolve) => {
          release = resolve;
        });
        try {
          return await runInTransactionOf(token, () => run(fn, session(true)));
        } finally {
          gate = null;
          release();
        }
      },
    };
    return self;
  };

  const run = async <T>(fn: (tx: AsyncStoreSession) => Promise<T>, tx: AsyncStoreSession): Promise<T> => {
    const transaction = store.openTransaction();
    let result: T;
    try {
      result = await fn(tx);
    } catch (err) {
      throw transaction.rollback(err);
    }
    transaction.commit();
    return result;
  };

  return {
    ...session(false),
    backend: 'sqlite',
    location: path,
    close: () => outside(() => store.close()),
  };
}
