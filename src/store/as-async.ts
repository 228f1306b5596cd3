// Library code is written once, against the asynchronous contract (async-store.ts), and still takes the
// synchronous SQLite store its older callers hold (the web server keeps one open for its whole life). Such a
// store is seen through the SQLite adapter, the same adapter object every time, so what library code keeps
// per store (the second pass's cache, keyed by the store it was given) survives from one call to the next.

import type { AsyncStore } from './async-store.js';
import { sqliteAsyncStore } from './sqlite/async-adapter.js';
import type { SqliteStoreHandle } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

const adapters = new WeakMap<Store, AsyncStore>();

/** Whether `store` already speaks the asynchronous contract. */
export function isAsyncStore(store: Store | AsyncStore): store is AsyncStore {
  return 'withTransaction' in store;
}

/**
 * The asynchronous view of `store`: itself when it already is one, else the (one) adapter over the
 * synchronous SQLite store. Closing the view closes the store, so callers that did not open it never do.
 */
export function asAsyncStore(store: Store | AsyncStore): AsyncStore {
  if (isAsyncStore(store)) return store;
  let adapter = adapters.get(store);
  if (adapter === undefined) {
    if (typeof (store as Partial<SqliteStoreHandle>).openTransaction !== 'function')
      throw new TypeError(
        'a synchronous store must be the SQLite store (openSqliteStore) to be used asynchronously',
      );
    adapter = sqliteAsyncStore(store as SqliteStoreHandle, 'library');
    adapters.set(store, adapter);
  }
  return adapter;
}
