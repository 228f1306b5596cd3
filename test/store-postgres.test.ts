// The PostgreSQL store: the shared contract suites, then what only a server has — the one-line errors for
// an unreachable server, a wrong password, a missing database and a permission denied; migrations and a
// newer schema refused; and search finding the same articles as SQLite for the same query. Each store gets
// a database of its own on the cluster the global setup started (test/support/pg-global-setup.ts).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { ParallaxError } from '../src/errors.js';
import type { AnnotatedArticle, Entity, EntityKind } from '../src/model/article.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { openAsyncStore } from '../src/store/open.js';
import { PG_SCHEMA_VERSION } from '../src/store/postgres/migrations.js';
import { openPgStore } from '../src/store/postgres/pg-store.js';
import { openSqliteAsyncStore } from '../src/store/sqlite/async-adapter.js';
import type { OutletDirectory } from '../src/store/store.js';
import { type SharedLibrary, storeContract } from './store-contract.js';
import { storyIndexContract } from './story-index-contract.js';
import { makeArticle } from './support/articles.js';
import { freePort } from './support/pg-cluster.js';

const adminUrl = inject('pgUrl');
const missing = inject('pgMissing');

if (adminUrl === null) {
  // Under CI a missing server fails the run, as a missing corpus does: the suite must not turn green by
  // skipping the backend it is about.
  if (process.env.CI) throw new Error(`PostgreSQL tests cannot run: ${missing}; CI must have PostgreSQL`);
  console.warn(`PostgreSQL store tests skipped: ${missing}`);
}

const run = adminUrl !== null;
let counter = 0;
const created: string[] = [];

/** The URL of database `name` on the test server. */
function urlOf(name: string, user?: { name: string; password: string }): string {
  const url = new URL(adminUrl ?? 'postgres://localhost/');
  url.pathname = `/${name}`;
  if (user) {
    url.username = user.name;
    url.password = user.password;
  }
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>, database?: string): Promise<T> {
  const client = new pg.Client({ connectionString: database ? urlOf(database) : (adminUrl ?? '') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty database; dropped after the file's tests. */
async function freshDatabase(): Promise<string> {
  const name = `px_test_${process.pid}_${++counter}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  created.push(name);
  return name;
}

/** The database each store of freshStore() was opened on. */
const databaseOf = new WeakMap<AsyncStore, string>();

async function freshStore(): Promise<AsyncStore> {
  const name = await freshDatabase();
  const store = await openPgStore(urlOf(name));
  databaseOf.set(store, name);
  return store;
}

/** The same database seen by another process, and a job queue's commits next to the library. */
const sharedDatabase: SharedLibrary = {
  again: (store) => openPgStore(urlOf(databaseOf.get(store) as string)),
  commitOutside: (store) =>
    admin(async (c) => {
      // A schema of its own, as graphile-worker keeps its jobs.
      await c.query('CREATE SCHEMA IF NOT EXISTS other_queue');
      await c.query('CREATE TABLE IF NOT EXISTS other_queue.jobs (id serial PRIMARY KEY, done boolean)');
      await c.query('INSERT INTO other_queue.jobs (done) VALUES (false)');
      await c.query('BEGIN');
      await c.query('UPDATE other_queue.jobs SET done = true');
      await c.query('COMMIT');
    }, databaseOf.get(store)),
};

afterAll(async () => {
  if (!run) return;
  await admin(async (c) => {
    for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
});

async function openError(url: string): Promise<ParallaxError> {
  try {
    const store = await openPgStore(url);
    await store.close();
  } catch (err) {
    if (!(err instanceof ParallaxError)) throw err;
    return err;
  }
  throw new Error('expected a ParallaxError');
}

/** An article naming each actor once with its labels ("Name was called L1 and L2."), annotated by hand. */
function labelled(
  id: string,
  outlet: string | null,
  published: string | null,
  actors: { name: string; kind?: EntityKind; labels?: string[] }[],
): AnnotatedArticle {
  let text = '';
  const entities: Entity[] = [];
  actors.forEach((spec, i) => {
    const start = text.length;
    text += spec.name;
    const descriptors: Entity['descriptors'] = [];
    text += ' was called ';
    (spec.labels ?? []).forEach((label, j) => {
      if (j > 0) text += ' and ';
      const at = text.length;
      text += label;
      descriptors.push({ start: at, end: text.length, text: label, via: 'appositive' });
    });
    text += '. ';
    entities.push({
      id: `${id}-e${i}`,
      name: spec.name,
      kind: spec.kind ?? 'person',
      mentions: [{ start, end: start + spec.name.length, text: spec.name }],
      descriptors,
    });
  });
  text += `Filed as ${id}.`;
  return makeArticle({
    id,
    source: `${id}.json`,
    outlet,
    published,
    title: `Report ${id}`,
    url: `https://news.example/${id}`,
    text,
    entities,
  });
}

const STORY_A = [
  labelled('a1', 'Daily Quill', '2033-02-10', [
    { name: 'Velimir Drask', labels: ['dictator'] },
    { name: 'Solvane Party', kind: 'organization', labels: ['ruling party'] },
  ]),
  labelled('a2', 'Evening Lantern', '2033-03-05', [
    { name: 'Velimir Drašk', labels: ['President'] },
    { name: 'Solvane Party', kind: 'organization', labels: ['ruling party'] },
    { name: 'Ilse Varro' },
  ]),
  labelled('a3', 'Daily Quill', '2033-03-20', [{ name: 'Velimir Drask', labels: ['dictator'] }]),
  labelled('a4', null, null, [{ name: 'Velimir Drask', labels: ['strongman'] }]),
];
const STORY_B = [
  labelled('b1', 'Evening Lantern', '2033-04-01', [{ name: 'Marten Olsby', labels: ['harbour master'] }]),
  labelled('b2', 'Daily Quill', '2033-04-02', [{ name: 'Marten Olsby', labels: ['port chief'] }]),
];

/** The same writes on a store, then everything its views and feeds answer, for comparing two backends. */
async function viewsOf(store: AsyncStore): Promise<Record<string, unknown>> {
  for (const story of [STORY_A, STORY_B]) {
    const { added } = await store.putArticles(story);
    const storyId = await store
      .storyIndex()
      .saveProfile({ id: null, size: story.length, firstDay: null, lastDay: null, features: new Map() });
    for (const id of added) {
      await store.placeArticle(id, {
        storyId,
        duplicateOf: null,
        score: 0.5,
        reasons: { by: 'test' },
        placedBy: 'ingest',
      });
    }
  }
  const actors = ['velimir drask', 'solvane party', 'marten olsby', 'ilse varro'];
  const { feed } = await store.addFeed('https://news.example/rss', 'News', 'https://news.example');
  const again = await store.addFeed('https://news.example/rss', null, null);
  await store.recordPoll(feed.id, { ok: true, etag: '"v1"', items: 2 });
  await store.recordPoll(feed.id, { ok: false, error: 'HTTP 503' });
  await store.recordItem(feed.id, { key: 'guid-1', url: 'https://news.example/a1', state: 'ingested' });
  await store.recordItem(feed.id, { key: 'guid-2', url: null, state: 'failed', reason: 'not an article' });
  // Names listed case-blind ("Zebra Daily" between "alpha" and "zeit"), and whose order differs between an
  // ASCII and a Unicode case fold: SQLite's NOCASE folds ASCII only,
  // so "Ézra Post" sorts before "écho" (É is byte C3 89, é is C3 A9); a full fold would put "écho" first.
  // And a host given twice, so the second outlet takes it.
  const blank = {
    hosts: [],
    country: null,
    language: null,
    owner: null,
    leaning: null,
    notes: null,
    sources: {},
  };
  const putOutlets = await store.putOutletRecords([
    { ...blank, name: 'zeit', hosts: ['zeit.example'] },
    { ...blank, name: 'écho', language: 'fr', sources: { language: 'x.yaml' } },
    { ...blank, name: 'Ézra Post' },
    { ...blank, name: 'Zebra Daily' },
    { ...blank, name: 'Alpha', hosts: ['alpha.example', 'zeit.example'] },
    { ...blank, name: 'alpha' },
  ]);
  const views = {
    putOutlets,
    directory: await store.outletDirectory(),
    hostOf: [await store.outletOfHost('www.zeit.example'), await store.outletOfHost('a.b.alpha.example')],
    voices: [...(await store.storyOutletVoices({}))],
    voicesOfTwo: [...(await store.storyOutletVoices({ minOutlets: 2 }))],
    outlets: await store.outlets(),
    quillMonths: await store.outletMonths('Daily Quill'),
    quillActors: await store.outletActors('Daily Quill', 10),
    labelUses: await store.labelUses(actors, 20),
    labelUsesByMonth: await store.labelUsesByMonth(actors, 20),
    nameUses: await store.nameUses(actors),
    tones: await store.toneCounts(),
    quillTones: await store.toneCounts('Daily Quill'),
    actors: await store.actors(10),
    actorsByPrefix: await store.actors(10, 'v'),
    actor: await store.actor('velimir drask'),
    contested: (await store.listStories({ order: 'contested' })).map((s) => [s.title, s.contest, s.outlets]),
    biggest: (await store.listStories({ order: 'biggest', minOutlets: 2 })).map((s) => s.articleCount),
    quillCount: await store.countStories({ outlet: 'Daily Quill', since: '2033-03-01' }),
    refreshed: await store.refreshContest(),
    feedCreated: [again.created, again.feed.id === feed.id],
    feeds: await store.listFeeds(),
    seen: [
      ...(await store.seenItems(
        feed.id,
        ['guid-1', 'guid-3'],
        ['https://news.example/a1', 'https://x.example'],
      )),
    ].sort(),
  };
  const removed = [await store.removeFeed(feed.id), await store.removeFeed(feed.id)];
  return { ...views, removed, feedsAfter: await store.listFeeds() };
}

describe.runIf(run)('PostgreSQL store', () => {
  storeContract('postgres', freshStore, sharedDatabase);
  const indexStores: AsyncStore[] = [];
  afterAll(async () => {
    for (const store of indexStores) await store.close();
  });
  storyIndexContract('postgres', async () => {
    const store = await freshStore();
    indexStores.push(store);
    return store.storyIndex();
  });

  it('answers every library view and feed operation as SQLite does, on the same writes', async () => {
    const now = () => new Date('2034-01-01T00:00:00Z');
    const dir = mkdtempSync(path.join(tmpdir(), 'parallax-pg-views-'));
    const sqlite = openSqliteAsyncStore(path.join(dir, 'views.db'), { now });
    const postgres = await openPgStore(urlOf(await freshDatabase()), { now });
    try {
      const expected = await viewsOf(sqlite);
      expect(await viewsOf(postgres)).toEqual(expected);
      // The scenario is not empty: labels, tones and a contest were found.
      expect(expected.labelUses).not.toEqual([]);
      expect((expected.tones as Record<string, number>).negative).toBeGreaterThan(0);
      expect((expected.directory as OutletDirectory).outlets.map((o) => o.name)).toEqual([
        'Alpha',
        'alpha',
        'Zebra Daily',
        'zeit',
        'Ézra Post',
        'écho',
      ]);
      expect(expected.voices).not.toEqual([]);
    } finally {
      await sqlite.close();
      await postgres.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists by contest without waiting for a story another transaction holds', async () => {
    const name = await freshDatabase();
    const store = await openPgStore(urlOf(name));
    const holder = new pg.Client({ connectionString: urlOf(name) });
    await holder.connect();
    try {
      const [id] = (
        await store.putArticles([makeArticle({ url: 'https://example.com/held', text: 'Held.' })])
      ).added as [string];
      const features = new Map([['t:held', 1]]);
      const story = await store
        .storyIndex()
        .saveProfile({ id: null, size: 1, firstDay: 1, lastDay: 1, features });
      await store.placeArticle(id, {
        storyId: story,
        duplicateOf: null,
        score: null,
        reasons: null,
        placedBy: 'ingest',
      });
      // A worker placing another article in the story holds its row until it commits.
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM stories WHERE id = $1 FOR UPDATE', [story]);
      let released = false;
      const release = setTimeout(() => {
        released = true;
        void holder.query('ROLLBACK');
      }, 10_000);
      const listed = await store.listStories({ order: 'contested' });
      clearTimeout(release);
      expect(released).toBe(false);
      // Listed, its contest not worked out yet.
      expect(listed.map((s) => [s.id, s.contest])).toEqual([[story, null]]);
      await holder.query('ROLLBACK');
      expect((await store.listStories({ order: 'contested' }))[0]?.contest).not.toBeNull();
    } finally {
      await holder.end();
      await store.close();
    }
  });

  it('version() moves when this or another connection writes, on both backends', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parallax-pg-version-'));
    const url = urlOf(await freshDatabase());
    const pairs: [string, () => Promise<AsyncStore>][] = [
      ['sqlite', async () => openSqliteAsyncStore(path.join(dir, 'v.db'))],
      ['postgres', () => openPgStore(url)],
    ];
    try {
      for (const [backend, open] of pairs) {
        const reader = await open();
        const writer = await open();
        try {
          const before = await reader.version();
          await reader.countArticles();
          // A read moves nothing; what matters most on both is that a write is never missed.
          expect(await reader.version(), backend).toBe(before);
          await writer.putArticles([makeArticle({ url: `https://example.com/${backend}`, text: 'New.' })]);
          const afterOther = await reader.version();
          expect(afterOther, backend).not.toBe(before);
          await reader.addFeed('https://example.com/feed', null, null);
          expect(await reader.version(), backend).not.toBe(afterOther);
        } finally {
          await reader.close();
          await writer.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('opening', () => {
    it('an unreachable server is one line naming the URL without its password', async () => {
      const port = await freePort();
      const err = await openError(`postgres://someone:secret@127.0.0.1:${port}/library`);
      expect(err.code).toBe('STORE');
      expect(err.message).toMatch(
        /^postgres:\/\/someone:\*\*\*@127\.0\.0\.1:\d+\/library: cannot reach the PostgreSQL server \(.*ECONNREFUSED.*\); check that it is running/,
      );
      expect(err.message).not.toContain('secret');
      expect(err.message).not.toContain('\n');
      // A name with two addresses (::1 and 127.0.0.1) fails on both at once; still one line with the reason.
      const both = await openError(`postgres://someone@localhost:${port}/library`);
      expect(both.message).toMatch(
        /^postgres:\/\/someone@localhost:\d+\/library: cannot reach the PostgreSQL server \(.*ECONNREFUSED.*\)/,
      );
    });

    it('a wrong password is refused in one line', async () => {
      const url = new URL(adminUrl ?? '');
      url.password = 'not-the-password';
      const err = await openError(url.toString());
      expect(err.code).toBe('STORE');
      expect(err.message).toContain('the server refused the login (password authentication failed');
      expect(err.message).not.toContain('not-the-password');
      expect(err.message).not.toContain('\n');
    });

    it('a missing database is named, with what to do', async () => {
      const err = await openError(urlOf('px_no_such_library'));
      expect(err.code).toBe('STORE');
      expect(err.message).toMatch(
        /: the database does not exist \(database "px_no_such_library" does not exist\); create it/,
      );
    });

    it('a user without rights on the library gets "permission denied", not a stack trace', async () => {
      const name = await freshDatabase();
      await (await openPgStore(urlOf(name))).close();
      const reader = { name: `px_reader_${process.pid}`, password: 'reader-pw' };
      await admin(async (c) => {
        await c.query(`DROP ROLE IF EXISTS ${reader.name}`);
        await c.query(`CREATE ROLE ${reader.name} LOGIN PASSWORD '${reader.password}'`);
      });
      try {
        const err = await openError(urlOf(name, reader));
        expect(err.code).toBe('STORE');
        expect(err.message).toMatch(/: permission denied \(permission denied for table parallax_meta\)/);
        expect(err.message).not.toContain('\n');
      } finally {
        await admin(async (c) => {
          await c.query(`DROP OWNED BY ${reader.name}`);
          await c.query(`DROP ROLE ${reader.name}`);
        }, name);
      }
    });

    it('openAsyncStore picks the backend by what --db names', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'parallax-pg-open-'));
      try {
        const file = await openAsyncStore(path.join(dir, 'lib.db'));
        expect([file.backend, file.location]).toEqual(['sqlite', path.join(dir, 'lib.db')]);
        await file.close();
        const url = urlOf(await freshDatabase());
        const server = await openAsyncStore(`  ${url}`);
        expect(server.backend).toBe('postgres');
        expect(server.location).not.toContain(new URL(url).password);
        await server.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a new database gets the current schema; re-opening keeps the articles and migrates nothing', async () => {
      const name = await freshDatabase();
      const first = await openPgStore(urlOf(name));
      const { added } = await first.putArticles([
        makeArticle({ url: 'https://example.com/a', title: 'Kept' }),
      ]);
      await first.close();
      const version = await admin(
        (c) => c.query("SELECT value FROM parallax_meta WHERE key = 'schema_version'"),
        name,
      );
      expect(version.rows[0]?.value).toBe(String(PG_SCHEMA_VERSION));
      const second = await openPgStore(urlOf(name));
      try {
        expect(await second.countArticles()).toBe(1);
        expect((await second.search('kept')).map((h) => h.id)).toEqual(added);
      } finally {
        await second.close();
      }
    });

    it('two processes opening a new database at once both get it, migrated once', async () => {
      const name = await freshDatabase();
      const stores = await Promise.all([
        openPgStore(urlOf(name)),
        openPgStore(urlOf(name)),
        openPgStore(urlOf(name)),
      ]);
      for (const store of stores) expect(await store.countArticles()).toBe(0);
      await Promise.all(stores.map((s) => s.close()));
    });

    it('a database from a newer Parallax is refused and left as it was', async () => {
      const name = await freshDatabase();
      await (await openPgStore(urlOf(name))).close();
      await admin(
        (c) =>
          c.query(`UPDATE parallax_meta SET value = '${PG_SCHEMA_VERSION + 7}' WHERE key = 'schema_version'`),
        name,
      );
      const err = await openError(urlOf(name));
      expect(err.code).toBe('STORE');
      expect(err.message).toContain(
        `database schema version ${PG_SCHEMA_VERSION + 7} is newer than this Parallax (${PG_SCHEMA_VERSION}); upgrade Parallax or use another --db`,
      );
      const after = await admin(
        (c) => c.query("SELECT value FROM parallax_meta WHERE key = 'schema_version'"),
        name,
      );
      expect(after.rows[0]?.value).toBe(String(PG_SCHEMA_VERSION + 7));
    });

    it('parallax migrate brings a new database to the current schema, then finds nothing to do', async () => {
      const name = await freshDatabase();
      const lines: string[] = [];
      const io = {
        stdout: (s: string) => void lines.push(s),
        stderr: (s: string) => void lines.push(s),
        stdin: process.stdin,
      };
      expect(await main(['migrate', '--db', urlOf(name)], io)).toBe(0);
      expect(await main(['migrate', '--db', urlOf(name)], io)).toBe(0);
      const shown = urlOf(name).replace(/:[^:@/]+@/, ':***@');
      expect(lines).toEqual([
        `${shown}: schema version ${PG_SCHEMA_VERSION} (was 0; ${PG_SCHEMA_VERSION} migration${PG_SCHEMA_VERSION === 1 ? '' : 's'} applied)\n`,
        `${shown}: schema version ${PG_SCHEMA_VERSION}, nothing to migrate\n`,
      ]);
    });

    it("another program's database is refused, its tables untouched", async () => {
      const name = await freshDatabase();
      await admin((c) => c.query('CREATE TABLE invoices (id int)'), name);
      const err = await openError(urlOf(name));
      expect(err.message).toContain('is not a Parallax database (it holds 1 tables of another program)');
      const tables = await admin(
        (c) => c.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"),
        name,
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(['invoices']);
    });
  });

  describe('search, as on SQLite', () => {
    // Made in beforeAll, not while collecting: a run that filters these tests out must leave no folder.
    let dir = '';
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'parallax-pg-search-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const articles = [
      makeArticle({
        title: 'Bridge reopens after repairs',
        text: 'The old bridge over the river reopened on Monday after two years of repairs.',
      }),
      makeArticle({
        title: 'Budget passes',
        text: 'The council passed the budget. A bridge is mentioned in passing.',
      }),
      makeArticle({
        title: 'Zelenskíy visits Łódź',
        text: 'The president met the mayor of the city on Friday.',
      }),
      makeArticle({
        title: 'Flood warning',
        text: 'The river may flood the old town; the mayor called a council meeting.',
      }),
      makeArticle({ title: null, text: 'Repairing the dam: engineers say the repair work will take years.' }),
      makeArticle({
        title: 'Council row',
        text: "The mayor's plan split the council. Critics called it a bridge too far.",
      }),
    ];
    const queries = [
      'bridge',
      'BRIDGE',
      'zelenskiy',
      'lodz',
      '"two years"',
      'repair*',
      'bridge OR flood',
      'council NOT bridge',
      'council AND (mayor OR budget)',
      'title:bridge',
      'text:bridge',
      'NEAR(mayor council, 3)',
      'NEAR(mayor council, 0)',
      'mayor',
      'volcano',
      'mayor s',
    ];

    it('finds the same articles, with the best title match first', async () => {
      const sqlite = openSqliteAsyncStore(path.join(dir, 'search.db'));
      const postgres = await freshStore();
      try {
        await sqlite.putArticles(articles);
        await postgres.putArticles(articles);
        for (const query of queries) {
          const a = await sqlite.search(query, 50);
          const b = await postgres.search(query, 50);
          expect(new Set(b.map((h) => h.id)), query).toEqual(new Set(a.map((h) => h.id)));
          // The rankings are comparable, not identical: where the words are in a title, both put that
          // article first; among texts that each name a word once, bm25 and ts_rank weigh length apart.
          if (!query.startsWith('text:')) expect(b[0]?.id, query).toBe(a[0]?.id);
          expect(await postgres.countSearch(query), query).toBe(a.length);
        }
        const [hit] = await postgres.search('zelenskiy');
        expect(hit?.snippet).toBe('[Zelenskíy] visits Łódź');
      } finally {
        await sqlite.close();
        await postgres.close();
      }
    });

    it('refuses the same queries as SQLite, with the same wording', async () => {
      const sqlite = openSqliteAsyncStore(path.join(dir, 'refuse.db'));
      const postgres = await freshStore();
      try {
        for (const query of [
          '"open',
          'a OR',
          'NOT b',
          '(a',
          'x:y',
          'a.b',
          'a* OR b* OR c* OR d* OR e*',
          'ab*',
        ]) {
          const a = await sqlite.search(query).then(
            () => null,
            (err: Error) => err,
          );
          const b = await postgres.search(query).then(
            () => null,
            (err: Error) => err,
          );
          expect(b, query).toBeInstanceOf(ParallaxError);
          expect(a, query).toBeInstanceOf(ParallaxError);
          expect((b as ParallaxError).code, query).toBe((a as ParallaxError).code);
          expect((b as ParallaxError).message, query).toMatch(/is not valid|allowed|shorter than/);
        }
      } finally {
        await sqlite.close();
        await postgres.close();
      }
    });
  });
});
