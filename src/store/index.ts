// The store's public surface: the backend-neutral contract, article identity, and the SQLite backend.

export { type ArticleIdentity, articleIdentity, contentHash } from './identity.js';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
export * from './store.js';
