// The per-process clustering cache of the PostgreSQL store (src/store/postgres/cluster-cache.ts): inside a
// placement transaction, document counts, frequencies and story profiles come from memory, and stay true
// because every change by anyone else moves the clustering epoch. Two stores on one database stand for two
// processes. Each check that the cache is refreshed is paired with one showing it is really used (a change
// made with the epoch held still, as no real writer can, is not seen), so the refresh checks cannot pass
// merely because nothing is cached.

import type pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { mergeStoriesIn } from '../src/library/stories.js';
import type { AsyncStore, AsyncStoreSession, AsyncStoryIndex } from '../src/store/async-store.js';
import { lockPlacement } from '../src/store/placement-lock.js';
import { openPgStore } from '../src/store/postgres/pg-store.js';
import { storyIndexContract } from './story-index-contract.js';
import { withClient } from './support/queue-workers.js';

const adminUrl = inject('pgUrl');
if (adminUrl === null) {
  if (process.env.CI) throw new Error(`PostgreSQL cache tests cannot run: ${inject('pgMissing')}`);
  console.warn(`PostgreSQL cache tests skipped: ${inject('pgMissing')}`);
}

const databases: string[] = [];
const stores: AsyncStore[] = [];

async function freshDatabase(): Promise<string> {
  const name = `px_cache_${process.pid}_${databases.length + 1}`;
  await withClient(adminUrl ?? '', (c) => c.query(`CREATE DATABASE ${name}`));
  databases.push(name);
  const url = new URL(adminUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

async function open(db: string): Promise<AsyncStore> {
  const store = await openPgStore(db);
  stores.push(store);
  return store;
}

/** A placement transaction: the lock first, as ingest takes it. */
function placing<T>(store: AsyncStore, fn: (tx: AsyncStoreSession) => Promise<T>): Promise<T> {
  return store.withTransaction(async (tx) => {
    await lockPlacement(tx);
    return fn(tx);
  });
}

const profileOf = async (store: AsyncStore, id: number) =>
  placing(store, async (tx) => [...((await tx.storyIndex().profiles([id]))[0]?.features.keys() ?? [])]);

/** The document count and the frequency of one feature, as a placement transaction of `store` sees them. */
const frequencies = (store: AsyncStore, feature = 'w:dam') =>
  placing(store, async (tx) => {
    const index = tx.storyIndex();
    return { n: await index.documentCount(), df: (await index.documentFrequencies([feature])).get(feature) };
  });

/** A change to a story's profile as another program would make it: SQL, not through a store. */
function setProfile(db: string, id: number, feature: string, epochHeld: boolean) {
  return withClient(db, async (c: pg.Client) => {
    await c.query('BEGIN');
    // Held: the trigger leaves the epoch alone, as only a placement transaction that moved it may.
    if (epochHeld) await c.query("SET LOCAL parallax.epoch_held = 'on'");
    await c.query('UPDATE stories SET profile = $1 WHERE id = $2', [JSON.stringify([[feature, 1]]), id]);
    await c.query('COMMIT');
  });
}

const newStory = (features: string[], day = 100) => ({
  id: null,
  size: 1,
  firstDay: day,
  lastDay: day,
  features: new Map(features.map((f) => [f, 1])),
});

afterAll(async () => {
  for (const store of stores) await store.close();
  if (adminUrl === null) return;
  await withClient(adminUrl, async (c) => {
    for (const name of databases) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
});

/** The store's story index with every call in a placement transaction of its own: the cached path. */
function placementIndex(store: AsyncStore): AsyncStoryIndex {
  type Call = (...args: unknown[]) => Promise<unknown>;
  const via =
    (op: keyof AsyncStoryIndex) =>
    (...args: unknown[]) =>
      placing(store, (tx) => (tx.storyIndex()[op] as Call)(...args));
  return {
    documentCount: via('documentCount'),
    documentFrequencies: via('documentFrequencies'),
    addDocument: via('addDocument'),
    candidateStories: via('candidateStories'),
    profiles: via('profiles'),
    saveProfile: via('saveProfile'),
  } as AsyncStoryIndex;
}

describe.skipIf(adminUrl === null)('the clustering cache of a PostgreSQL store', () => {
  // The contract every story index keeps, on the cached path (each call a placement transaction).
  storyIndexContract('postgres, cached in placement transactions', async () =>
    placementIndex(await open(await freshDatabase())),
  );

  it('reads a profile again after another process changed it, and only then', async () => {
    const db = await freshDatabase();
    const a = await open(db);
    const id = await placing(a, (tx) => tx.storyIndex().saveProfile(newStory(['w:harbor'])));
    expect(await profileOf(a, id)).toEqual(['w:harbor']);
    // Unannounced (epoch held still): A keeps what it cached — the cache is used.
    await setProfile(db, id, 'w:bridge', true);
    expect(await profileOf(a, id)).toEqual(['w:harbor']);
    // Announced, as every real writer's statement is (the trigger moves the epoch): A reads it again.
    await setProfile(db, id, 'w:ferry', false);
    expect(await profileOf(a, id)).toEqual(['w:ferry']);
  });

  it('sees another store merge stories, and a document added outside placement', async () => {
    const db = await freshDatabase();
    const a = await open(db);
    const b = await open(db);
    const [x, y] = await placing(a, async (tx) => {
      const index = tx.storyIndex();
      return [await index.saveProfile(newStory(['w:dam'])), await index.saveProfile(newStory(['w:flood']))];
    });
    expect(await profileOf(a, x)).toEqual(['w:dam']);
    expect(await profileOf(a, y)).toEqual(['w:flood']);
    await mergeStoriesIn(b, x, y);
    expect((await profileOf(a, x)).sort()).toEqual(['w:dam', 'w:flood']);
    expect(await profileOf(a, y)).toEqual([]);

    expect(await frequencies(a)).toEqual({ n: 0, df: 0 });
    await b.storyIndex().addDocument(['w:dam']);
    expect(await frequencies(a)).toEqual({ n: 1, df: 1 });
  });

  it("catches up with another process's placements from their change rows, without reading all again", async () => {
    const db = await freshDatabase();
    const a = await open(db);
    const b = await open(db);
    const x = await placing(a, (tx) => tx.storyIndex().saveProfile(newStory(['w:harbor'])));
    expect(await frequencies(a)).toEqual({ n: 0, df: 0 });
    expect(await profileOf(a, x)).toEqual(['w:harbor']);
    // Unannounced, so only a full reload would show it.
    await setProfile(db, x, 'w:bridge', true);
    const y = await placing(b, async (tx) => {
      await tx.storyIndex().addDocument(['w:dam', 'w:lake']);
      return tx.storyIndex().saveProfile(newStory(['w:flood']));
    });
    // B's documents and story are seen by A …
    expect(await frequencies(a)).toEqual({ n: 1, df: 1 });
    expect(await profileOf(a, y)).toEqual(['w:flood']);
    // … from B's change row: story x, which B did not touch, is still the one A cached.
    expect(await profileOf(a, x)).toEqual(['w:harbor']);
    // B rewrites x: A drops it and reads it again.
    await placing(b, (tx) => tx.storyIndex().saveProfile({ ...newStory(['w:ferry']), id: x }));
    expect(await profileOf(a, x)).toEqual(['w:ferry']);
  });

  it('counts documents in the transaction, writes them at its commit, and forgets them at a rollback', async () => {
    const db = await freshDatabase();
    const a = await open(db);
    const seen = await placing(a, async (tx) => {
      const index = tx.storyIndex();
      await index.addDocument(['w:dam', 'w:river']);
      await index.addDocument(['w:dam']);
      return { n: await index.documentCount(), df: await index.documentFrequencies(['w:dam', 'w:river']) };
    });
    expect(seen).toEqual({
      n: 2,
      df: new Map([
        ['w:dam', 2],
        ['w:river', 1],
      ]),
    });
    const rows = await withClient(db, async (c) => ({
      docs: (await c.query("SELECT value FROM library_counters WHERE name = 'documents'")).rows[0]?.value,
      df: (await c.query('SELECT feature, df FROM feature_df ORDER BY feature')).rows,
    }));
    expect(rows).toEqual({
      docs: '2',
      df: [
        { feature: 'w:dam', df: 2 },
        { feature: 'w:river', df: 1 },
      ],
    });
    await expect(
      placing(a, async (tx) => {
        await tx.storyIndex().addDocument(['w:dam', 'w:lake']);
        expect(await tx.storyIndex().documentCount()).toBe(3);
        throw new Error('batch failed');
      }),
    ).rejects.toThrow('batch failed');
    const after = await placing(a, async (tx) => {
      const index = tx.storyIndex();
      return { n: await index.documentCount(), df: await index.documentFrequencies(['w:dam', 'w:lake']) };
    });
    expect(after).toEqual({
      n: 2,
      df: new Map([
        ['w:dam', 2],
        ['w:lake', 0],
      ]),
    });
  });
});
