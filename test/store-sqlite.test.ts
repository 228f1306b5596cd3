// The SQLite store: the shared contract, then what only a file on disk has — migrations, refusing files it
// must not touch, locks, a full disk, and persistence across opens.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ParallaxError } from '../src/errors.js';
import { type AsyncStore, promisedStoryIndex } from '../src/store/async-store.js';
import { contentHash } from '../src/store/identity.js';
import { openSqliteAsyncStore } from '../src/store/sqlite/async-adapter.js';
import {
  APPLICATION_ID,
  MIGRATIONS,
  type Migration,
  SCHEMA_VERSION,
} from '../src/store/sqlite/migrations.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { untitledTitle } from '../src/store/sqlite/stories.js';
import { SNIPPET_MARK, type Store } from '../src/store/store.js';
import { MemoryStoryIndex } from '../src/stories/memory-index.js';
import { canonicalUrl } from '../src/text/url.js';
import { storeContract } from './store-contract.js';
import { storyIndexContract } from './story-index-contract.js';
import { makeArticle } from './support/articles.js';

const dir = mkdtempSync(path.join(tmpdir(), 'parallax-store-'));
let counter = 0;
const tempDb = (): string => path.join(dir, `db-${++counter}.sqlite`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The file each store of the contract was opened on. */
const fileOf = new WeakMap<AsyncStore, string>();
storeContract(
  'sqlite',
  async () => {
    const file = tempDb();
    const store = openSqliteAsyncStore(file);
    fileOf.set(store, file);
    return store;
  },
  {
    again: async (store) => openSqliteAsyncStore(fileOf.get(store) as string),
    // Another program's table in the same file, written by a connection of its own.
    commitOutside: async (store) => {
      const db = new Database(fileOf.get(store) as string);
      try {
        db.exec('CREATE TABLE IF NOT EXISTS other_program (n INTEGER)');
        db.prepare('INSERT INTO other_program VALUES (1)').run();
      } finally {
        db.close();
      }
    },
  },
);
const indexStores: AsyncStore[] = [];
afterAll(async () => {
  for (const store of indexStores) await store.close();
});
storyIndexContract('sqlite', async () => {
  const store = openSqliteAsyncStore(tempDb());
  indexStores.push(store);
  return store.storyIndex();
});
storyIndexContract('memory', async () => promisedStoryIndex(new MemoryStoryIndex()));

/** The error a call throws; fails the test when it throws nothing or something other than a ParallaxError. */
function errorOf(fn: () => unknown): ParallaxError {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof ParallaxError)) throw err;
    return err;
  }
  throw new Error('expected a ParallaxError');
}

describe('SQLite store', () => {
  const opened: { close(): void }[] = [];
  const track = <T extends { close(): void }>(handle: T): T => {
    opened.push(handle);
    return handle;
  };
  afterEach(() => {
    for (const handle of opened.splice(0).reverse()) handle.close();
  });

  describe('canonical URLs', () => {
    it.each([
      ['https://www.Example.COM/a/b/', 'https://example.com/a/b'],
      ['http://example.com/a/b#comments', 'https://example.com/a/b'],
      ['https://example.com/a?utm_source=rss&utm_Medium=feed&fbclid=x&gclid=y', 'https://example.com/a'],
      ['https://example.com/a?b=2&a=1&utm_campaign=z', 'https://example.com/a?a=1&b=2'],
      ['https://example.com/', 'https://example.com'],
      ['www.example.com/a', 'https://example.com/a'],
      ['  https://example.com/a  ', 'https://example.com/a'],
      ['not a url', 'not a url'],
    ])('%s → %s', (url, expected) => {
      expect(canonicalUrl(url)).toBe(expected);
    });

    // Each pair must stay two articles.
    it.each([
      ['https://example.com/a', 'https://example.com/b', 'another path'],
      ['https://example.com/Story', 'https://example.com/story', 'paths are case-sensitive'],
      ['https://example.com/a?id=1', 'https://example.com/a?id=2', 'a meaningful parameter'],
      ['https://example.com/a?id=1', 'https://example.com/a', 'a parameter against none'],
      ['https://news.example.com/a', 'https://example.com/a', 'a subdomain other than www'],
      ['https://example.com:8080/a', 'https://example.com/a', 'another port'],
      ['https://example.com/a/b', 'https://example.com/a', 'a parent path'],
      ['https://example.com/a?utm=1', 'https://example.com/a', '"utm" alone is not utm_*'],
    ])('%s and %s stay apart (%s)', (a, b) => {
      expect(canonicalUrl(a)).not.toBe(canonicalUrl(b));
    });

    it('content hashes ignore whitespace differences but not wording', () => {
      expect(contentHash('a  b\n\nc ')).toBe(contentHash('a b c'));
      expect(contentHash('a b c')).not.toBe(contentHash('a b d'));
    });
  });

  it('a prefix search ranks and marks the same hits as the word, cut by the limit', () => {
    // The snippets of a prefix query come from a second scan of the matches (search.ts): it must keep
    // exactly the ranked rows, in rank order.
    const store = track(openSqliteStore(tempDb()));
    const { added } = store.putArticles([
      makeArticle({
        title: 'Harbour news',
        text: 'Boats came in. The harbour was calm; harbourside cafes opened.',
      }),
      makeArticle({ title: 'Harbour closes', text: 'The harbour closed for the storm.' }),
      makeArticle({ title: 'Weather', text: 'Rain all week.' }),
    ]);
    const word = store.search('harbour', 10);
    const prefix = store.search('harb*', 10);
    expect(prefix.map((h) => h.id)).toEqual(word.map((h) => h.id));
    expect(new Set(prefix.map((h) => h.id))).toEqual(new Set([added[0], added[1]]));
    const { open, close } = SNIPPET_MARK;
    for (const hit of prefix) expect(hit.snippet.toLowerCase()).toContain(`${open}harbour${close}`);
    expect(store.search('harb*', 1).map((h) => h.id)).toEqual([prefix[0]?.id]);
  });

  describe('migrations', () => {
    it('a new file is created at the current schema version, in WAL mode', () => {
      const file = tempDb();
      track(openSqliteStore(file)).close();
      const raw = track(new Database(file, { readonly: true }));
      expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const names = raw
        .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')")
        .pluck()
        .all();
      expect(names).toEqual(
        expect.arrayContaining([
          'articles',
          'articles_fts',
          'articles_content_hash',
          'articles_published',
          'articles_outlet_published',
        ]),
      );
    });

    it('an empty (0-byte) file is taken as a new database', () => {
      const file = tempDb();
      writeFileSync(file, '');
      const store = track(openSqliteStore(file));
      expect(store.countArticles()).toBe(0);
    });

    it('re-opening a current database runs no migration and keeps its articles', () => {
      const file = tempDb();
      const first = openSqliteStore(file);
      const { added } = first.putArticles([makeArticle({ url: 'https://example.com/a', title: 'Kept' })]);
      first.close();
      const second = track(openSqliteStore(file));
      expect(second.countArticles()).toBe(1);
      expect(second.getArticle(added[0] as string)?.article.title).toBe('Kept');
      expect(second.search('kept').map((h) => h.id)).toEqual(added);
      // Idempotent across runs too.
      expect(second.putArticles([makeArticle({ url: 'https://example.com/a/' })]).existing).toEqual(added);
    });

    it('a version-1 database is migrated on open: its articles keep their ids and gain their input ids', () => {
      const file = tempDb();
      const raw = new Database(file);
      raw.transaction(() => {
        (MIGRATIONS[0] as Migration).up(raw);
        raw.pragma('user_version = 1');
      })();
      const doc = makeArticle({
        id: 'old-1',
        url: 'https://example.com/old',
        text: 'Stored by version one.',
      });
      raw
        .prepare(
          `INSERT INTO articles (id, url_key, content_hash, outlet, title, published, source, stored_at, doc)
           VALUES ('abc', 'https://example.com/old', 'h', NULL, NULL, NULL, 'x', '2025-01-01T00:00:00Z', ?)`,
        )
        .run(JSON.stringify(doc));
      raw.close();
      const store = track(openSqliteStore(file));
      expect(store.getArticle('abc')?.article.id).toBe('old-1');
      const check = new Database(file, { readonly: true });
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(check.prepare("SELECT input_id FROM articles WHERE id = 'abc'").pluck().get()).toBe('old-1');
      check.close();
      expect(store.countStories()).toBe(0);
    });

    it('a database from a newer Parallax is refused and left byte-for-byte as it was', () => {
      const file = tempDb();
      track(openSqliteStore(file)).close();
      const raw = new Database(file);
      raw.pragma(`user_version = ${SCHEMA_VERSION + 7}`);
      raw.close();
      const bytes = readFileSync(file);
      const mtime = statSync(file).mtimeMs;
      const siblings = readdirSync(dir).sort();

      const err = errorOf(() => openSqliteStore(file));
      expect(err.code).toBe('STORE');
      expect(err.message).toBe(
        `${file}: database schema version ${SCHEMA_VERSION + 7} is newer than this Parallax (${SCHEMA_VERSION}); upgrade Parallax or use another --db`,
      );
      expect(readFileSync(file).equals(bytes)).toBe(true);
      expect(statSync(file).mtimeMs).toBe(mtime);
      expect(readdirSync(dir).sort()).toEqual(siblings); // no -wal/-shm left behind either
    });

    it("another program's SQLite database is refused, not migrated", () => {
      const file = tempDb();
      const raw = new Database(file);
      raw.exec('CREATE TABLE notes (body TEXT)');
      raw.close();
      const bytes = readFileSync(file);
      const err = errorOf(() => openSqliteStore(file));
      expect(err.message).toBe(
        `${file}: is not a Parallax database (it is the SQLite database of another program); move it aside or use another --db`,
      );
      expect(readFileSync(file).equals(bytes)).toBe(true);
    });
  });

  describe('bad files', () => {
    it.each([
      ['garbage bytes', Buffer.from('this is not a database, just some text\n'.repeat(200))],
      ['a file shorter than a header', Buffer.from('SQLite format 3')],
    ])('%s: "is not a Parallax database"', (_, content) => {
      const file = tempDb();
      writeFileSync(file, content);
      const err = errorOf(() => openSqliteStore(file));
      expect(err.code).toBe('STORE');
      expect(err.message).toBe(
        `${file}: is not a Parallax database (file is not a database); move it aside or use another --db`,
      );
      expect(readFileSync(file).equals(content)).toBe(true);
    });

    it('a SQLite header over damaged pages: "the database is damaged"', () => {
      const file = tempDb();
      track(openSqliteStore(file)).close();
      const bytes = readFileSync(file);
      // Keep the 100-byte header (so our own check passes) and scramble the rest of page 1.
      bytes.fill(0xa5, 100, 4096);
      writeFileSync(file, bytes);
      const err = errorOf(() => openSqliteStore(file));
      expect(err.code).toBe('STORE');
      expect(err.message).toBe(
        `${file}: the database is damaged (database disk image is malformed); move it aside or restore a backup, or use another --db`,
      );
      expect(err.message).not.toContain('\n');
    });

    it('a folder that does not exist is a STORE error', () => {
      const file = path.join(dir, 'no-such-folder', 'x.sqlite');
      const err = errorOf(() => openSqliteStore(file));
      expect(err.code).toBe('STORE');
      expect(err.message).toBe(
        `${file}: cannot open the database (its folder does not exist); create the folder or use another --db`,
      );
    });
  });

  describe('locks', () => {
    it('a write while another process holds an exclusive lock: "is locked by another process"', () => {
      const file = tempDb();
      const setup = openSqliteStore(file);
      setup.putArticles([makeArticle({ text: 'before' })]);
      setup.close();

      const other = track(new Database(file));
      other.exec('BEGIN EXCLUSIVE');
      // WAL lets readers through an exclusive write lock, so opening and reading still work...
      const store = track(openSqliteStore(file, { busyTimeoutMs: 50 }));
      expect(store.countArticles()).toBe(1);
      // ...and the write is what is refused.
      const err = errorOf(() => store.putArticles([makeArticle({ text: 'during' })]));
      expect(err.code).toBe('STORE');
      expect(err.message).toMatch(new RegExp(`^${escapeRegExp(file)}: is locked by another process; `));
      expect(err.message).toContain('the batch of 1 article was not stored');

      other.exec('ROLLBACK');
      expect(store.putArticles([makeArticle({ text: 'after' })]).added).toHaveLength(1);
      expect(store.countArticles()).toBe(2);
    });

    it('opening a new database that another process has locked: "is locked by another process"', () => {
      const file = tempDb();
      const other = track(new Database(file));
      other.exec('BEGIN EXCLUSIVE; CREATE TABLE t (x);');
      const err = errorOf(() => openSqliteStore(file, { busyTimeoutMs: 50 }));
      expect(err.code).toBe('STORE');
      expect(err.message).toMatch(new RegExp(`^${escapeRegExp(file)}: is locked by another process; `));
    });
  });

  describe('a full disk', () => {
    it('the failing batch rolls back whole; earlier batches stay', () => {
      const file = tempDb();
      const body = (i: number) =>
        `Article ${i}. ${'Lorem ipsum dolor sit amet, words words words. '.repeat(200)}`;
      // The empty library's schema takes 53 pages of 4 KB (212 KB): room for two small articles, not 30 big.
      let store: Store = openSqliteStore(file, { maxSizeBytes: 240 * 1024 });
      const first = store.putArticles([
        makeArticle({ text: 'small one' }),
        makeArticle({ text: 'small two' }),
      ]);
      expect(first.added).toHaveLength(2);

      const big = Array.from({ length: 30 }, (_, i) => makeArticle({ text: body(i), title: `Big ${i}` }));
      const err = errorOf(() => store.putArticles(big));
      expect(err.code).toBe('STORE');
      expect(err.message).toBe(
        `${file}: the disk is full or the database reached its size limit (database or disk is full); the batch of 30 articles was not stored (earlier batches are kept); free some space and retry`,
      );
      expect(store.countArticles()).toBe(2);
      expect(store.search('lorem')).toEqual([]);
      // The store stays usable for batches that fit.
      expect(store.putArticles([makeArticle({ text: 'small three' })]).added).toHaveLength(1);
      store.close();

      store = track(openSqliteStore(file));
      expect(store.countArticles()).toBe(3);
      expect(store.putArticles(big).added).toHaveLength(30);
    });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('document counts inside transactions', () => {
  // The story index counts documents in memory inside a transaction and writes them as each level ends.
  it('are stored when the transaction commits, read back by a new connection', () => {
    const file = tempDb();
    const store = openSqliteStore(file);
    store.transaction(() => {
      store.storyIndex().addDocument(['t:flood', 't:dam']);
      store.storyIndex().addDocument(['t:flood']);
      // Read inside the transaction: the counts include what is not written yet.
      expect(store.storyIndex().documentCount()).toBe(2);
      expect(Object.fromEntries(store.storyIndex().documentFrequencies(['t:flood', 't:dam', 't:x']))).toEqual(
        {
          't:flood': 2,
          't:dam': 1,
          't:x': 0,
        },
      );
    });
    store.close();
    const again = openSqliteStore(file);
    expect(again.storyIndex().documentCount()).toBe(2);
    expect(again.storyIndex().documentFrequencies(['t:flood']).get('t:flood')).toBe(2);
    again.close();
  });

  it('are dropped with a nested transaction that fails, and the outer one keeps its own', () => {
    const file = tempDb();
    const store = openSqliteStore(file);
    store.transaction(() => {
      store.storyIndex().addDocument(['t:flood']);
      expect(() =>
        store.transaction(() => {
          store.storyIndex().addDocument(['t:flood', 't:dam']);
          throw new Error('the nested batch fails');
        }),
      ).toThrow();
      store.storyIndex().addDocument(['t:dam']);
    });
    store.close();
    const again = openSqliteStore(file);
    expect(again.storyIndex().documentCount()).toBe(2);
    expect(Object.fromEntries(again.storyIndex().documentFrequencies(['t:flood', 't:dam']))).toEqual({
      't:flood': 1,
      't:dam': 1,
    });
    again.close();
  });

  it('are not stored by a transaction that rolls back', () => {
    const file = tempDb();
    const store = openSqliteStore(file);
    expect(() =>
      store.transaction(() => {
        store.storyIndex().addDocument(['t:flood']);
        throw new Error('the batch fails');
      }),
    ).toThrow();
    expect(store.storyIndex().documentCount()).toBe(0);
    expect(store.storyIndex().documentFrequencies(['t:flood']).get('t:flood')).toBe(0);
    store.close();
  });
});

describe('untitled stories', () => {
  it('take the first sentence of the opening text, not stopping at initials or titles', () => {
    expect(untitledTitle('The U.S. Senate met. Then it adjourned.')).toBe('The U.S. Senate met.');
    expect(untitledTitle('Talks with Dr. Ames ended “early.” A second round follows.')).toBe(
      'Talks with Dr. Ames ended “early.”',
    );
    expect(untitledTitle(`${'word '.repeat(40)}end.`)).toMatch(/^word( word)+…$/);
    expect(untitledTitle('   ')).toBeNull();
  });
});

describe('story listings after moves inside a transaction', () => {
  // A move inside a transaction leaves both stories' listings to be recounted once (stories.ts
  // staleListings): before anything reads them, and before the transaction commits.
  const setUp = (file: string) => {
    const store = openSqliteStore(file);
    const { added } = store.putArticles([
      makeArticle({ title: 'Dam opens', outlet: 'Alpha', published: '2030-01-02', text: 'The dam opened.' }),
      makeArticle({ title: 'Dam opening', outlet: 'Beta', published: '2030-01-03', text: 'A dam opened.' }),
      makeArticle({ title: 'Harbour', outlet: 'Gamma', published: '2030-01-09', text: 'Boats came in.' }),
    ]);
    const [a, b, c] = added as [string, string, string];
    const index = store.storyIndex();
    const profile = { size: 1, firstDay: 1, lastDay: 1, features: new Map([['t:dam', 1]]) };
    const one = index.saveProfile({ id: null, ...profile });
    const two = index.saveProfile({ id: null, ...profile });
    const place = (id: string, storyId: number) =>
      store.placeArticle(id, { storyId, duplicateOf: null, score: null, reasons: null, placedBy: 'ingest' });
    place(a, one);
    place(b, one);
    place(c, two);
    return { store, a, b, c, one, two, place };
  };

  it('are recounted when read inside the transaction and written by its commit', () => {
    const file = tempDb();
    const { store, b, one, two, place } = setUp(file);
    store.transaction(() => {
      place(b, two);
      expect(store.getStory(two)).toMatchObject({ articleCount: 2, outlets: ['Beta', 'Gamma'] });
    });
    store.transaction(() => place(b, one));
    store.close();
    // Nothing read the second move's listings before the commit: the commit wrote them.
    const again = openSqliteStore(file);
    expect(again.getStory(one)).toMatchObject({
      articleCount: 2,
      outlets: ['Alpha', 'Beta'],
      firstPublished: '2030-01-02',
      lastPublished: '2030-01-03',
    });
    expect(again.getStory(two)).toMatchObject({ articleCount: 1, outlets: ['Gamma'] });
    again.close();
  });

  it('are dropped with a transaction that rolls back, and a move outside one is recounted at once', () => {
    const file = tempDb();
    const { store, a, b, one, two, place } = setUp(file);
    expect(() =>
      store.transaction(() => {
        place(a, two);
        throw new Error('the batch fails');
      }),
    ).toThrow();
    expect(store.getStory(one)).toMatchObject({ articleCount: 2 });
    place(b, two);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT article_count FROM stories WHERE id = ?').pluck().get(two)).toBe(2);
    raw.close();
    store.close();
  });

  it('are written by the commit of an asynchronous transaction, with the documents it counted', async () => {
    const file = tempDb();
    const { store, b, two } = setUp(file);
    store.close();
    const async = openSqliteAsyncStore(file);
    await async.withTransaction(async (tx) => {
      await tx.placeArticle(b, {
        storyId: two,
        duplicateOf: null,
        score: null,
        reasons: null,
        placedBy: 'ingest',
      });
      await tx.storyIndex().addDocument(['t:dam']);
    });
    await async.close();
    const again = openSqliteStore(file);
    expect(again.getStory(two)).toMatchObject({ articleCount: 2 });
    expect(again.storyIndex().documentFrequencies(['t:dam']).get('t:dam')).toBe(1);
    again.close();
  });
});
