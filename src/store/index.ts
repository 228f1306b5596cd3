// The store's public surface: the backend-neutral contracts (synchronous and asynchronous), article
// identity, the SQLite backend, and opening a library by what --db names (a file or a postgres:// URL).

export * from './async-store.js';
export { type ArticleIdentity, articleIdentity, contentHash } from './identity.js';
export { isPostgresUrl, openAsyncStore } from './open.js';
export { openSqliteAsyncStore } from './sqlite/async-adapter.js';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
export * from './store.js';
