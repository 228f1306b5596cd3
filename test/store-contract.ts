// Behaviour every Store backend must share, through the asynchronous contract (async-store.ts). A backend's
// test file calls storeContract() with a function that opens a fresh, empty store (SQLite through its
// adapter, PostgreSQL directly); what only one backend has (files, locks, servers) is tested next to it.

import { afterEach, describe, expect, it } from 'vitest';
import { ParallaxError } from '../src/errors.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { KEPT_WORK_BOUNDS } from '../src/store/kept-work.js';
import { SNIPPET_MARK } from '../src/store/store.js';
import { annotateText, makeArticle } from './support/articles.js';

async function storeErrorOf(fn: () => Promise<unknown>): Promise<ParallaxError> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ParallaxError);
    return err as ParallaxError;
  }
  throw new Error('expected a ParallaxError');
}

/** What the version tests need beyond a fresh store: the same library seen by another process. */
export interface SharedLibrary {
  /** Another connection to the library `store` was opened on (as another process would open it). */
  again(store: AsyncStore): Promise<AsyncStore>;
  /**
   * Commits, through a connection of its own, a write outside the library into the same database: a job
   * queue's bookkeeping, another program's table in the same file.
   */
  commitOutside(store: AsyncStore): Promise<void>;
}

export function storeContract(name: string, open: () => Promise<AsyncStore>, shared: SharedLibrary): void {
  describe(`Store contract: ${name}`, () => {
    const opened: AsyncStore[] = [];
    const fresh = async (): Promise<AsyncStore> => {
      const store = await open();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    it('stores a batch and gives back each article exactly as it was put', async () => {
      const store = await fresh();
      const a = makeArticle({
        url: 'https://example.com/news/a',
        title: 'Council votes',
        outlet: 'Example',
        published: '2025-03-05',
        text: 'The council voted on Tuesday. “We are done,” the mayor said.',
        entities: [
          {
            id: 'e1',
            name: 'the mayor',
            kind: 'person',
            mentions: [{ start: 50, end: 59, text: 'the mayor' }],
            descriptors: [],
          },
        ],
        quotes: [{ start: 30, end: 43, text: '“We are done,”', speaker: 'e1', speakerText: 'the mayor' }],
        dates: [{ start: 22, end: 29, text: 'Tuesday', value: null }],
      });
      const b = makeArticle({ text: 'A pasted article with no URL.', source: 'b.txt' });
      const result = await store.putArticles([a, b]);
      expect(result.added).toHaveLength(2);
      expect(result.existing).toEqual([]);
      expect(await store.countArticles()).toBe(2);

      const [idA, idB] = result.added as [string, string];
      const gotA = await store.getArticle(idA);
      expect(gotA?.article).toEqual(a);
      expect(gotA?.id).toBe(idA);
      expect(gotA?.urlKey).toBe('https://example.com/news/a');
      expect(gotA?.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(gotA?.storedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const gotB = await store.getArticle(idB);
      expect(gotB?.article).toEqual(b);
      expect(gotB?.urlKey).toBeNull();
      expect(await store.getArticle('no-such-id')).toBeNull();
    });

    it('an article with a NUL character in its title and text comes back exactly', async () => {
      const store = await fresh();
      const a = makeArticle({ title: 'Odd\u0000title', text: 'Text with a stray \u0000 byte in it.' });
      const { added } = await store.putArticles([a]);
      expect((await store.getArticle(added[0] as string))?.article).toEqual(a);
      expect(await store.search('stray')).toHaveLength(1);
    });

    it('re-putting the same articles changes nothing and reports them as existing', async () => {
      const store = await fresh();
      const a = makeArticle({ url: 'https://example.com/a', text: 'First version.' });
      const b = makeArticle({ text: 'No URL here.' });
      const first = await store.putArticles([a, b]);
      const before = await store.getArticles(first.added);

      // Same URL with different text (a later edit) and the same text with other whitespace: both are
      // the articles already stored, and the stored copies stay as they were.
      const again = await store.putArticles([
        { ...a, text: 'Edited version.' },
        { ...b, text: '  No   URL\nhere. ' },
      ]);
      expect(again.added).toEqual([]);
      expect(again.existing).toEqual(first.added);
      expect(await store.countArticles()).toBe(2);
      expect(await store.getArticles(first.added)).toEqual(before);
    });

    it('a repeat within one batch is stored once', async () => {
      const store = await fresh();
      const a = makeArticle({ url: 'https://example.com/a' });
      const result = await store.putArticles([a, { ...a, url: 'https://www.example.com/a/?utm_source=x' }]);
      expect(result.added).toHaveLength(1);
      expect(result.existing).toEqual(result.added);
      expect(await store.countArticles()).toBe(1);
    });

    it('an empty batch is a no-op', async () => {
      const store = await fresh();
      expect(await store.putArticles([])).toEqual({ added: [], existing: [] });
      expect(await store.countArticles()).toBe(0);
    });

    it('tracking variants of a URL are one article; other URLs and texts are not merged', async () => {
      const store = await fresh();
      const put = (url: string | null, text = 'Same text everywhere.') =>
        store.putArticles([makeArticle({ url, text })]);
      const base = await put('https://www.example.com/world/story-1?utm_source=rss#top');
      expect(base.added).toHaveLength(1);
      expect((await put('http://example.com/world/story-1/?fbclid=abc')).existing).toEqual(base.added);
      // Same text under another URL, or with no URL, is a different article (syndicated copies are what a
      // comparison is about); a different path is a different article.
      expect((await put('https://example.com/world/story-2')).added).toHaveLength(1);
      expect((await put(null)).added).toHaveLength(1);
      expect((await put(null, 'Other text.')).added).toHaveLength(1);
      expect(await store.countArticles()).toBe(4);
    });

    it('getArticles keeps the order asked and leaves out unknown ids', async () => {
      const store = await fresh();
      const { added } = await store.putArticles([
        makeArticle({ text: 'one' }),
        makeArticle({ text: 'two' }),
        makeArticle({ text: 'three' }),
      ]);
      const [one, two, three] = added as [string, string, string];
      const got = await store.getArticles([three, 'missing', one, two]);
      expect(got.map((s) => s.article.text)).toEqual(['three', 'one', 'two']);
      expect(await store.getArticles([])).toEqual([]);
    });

    it('lists newest first, filtered by day and outlet, with a limit', async () => {
      const store = await fresh();
      await store.putArticles([
        makeArticle({ text: 'a', title: 'A', outlet: 'Alpha', published: '2025-03-01' }),
        makeArticle({ text: 'b', title: 'B', outlet: 'Beta', published: '2025-03-05' }),
        makeArticle({ text: 'c', title: 'C', outlet: 'Alpha', published: null }),
        makeArticle({ text: 'd', title: 'D', outlet: 'Alpha', published: '2025-03-03' }),
      ]);
      expect((await store.listArticles()).map((s) => s.title)).toEqual(['B', 'D', 'A', 'C']);
      expect((await store.listArticles({ since: '2025-03-03' })).map((s) => s.title)).toEqual(['B', 'D']);
      expect((await store.listArticles({ outlet: 'Alpha' })).map((s) => s.title)).toEqual(['D', 'A', 'C']);
      expect((await store.listArticles({ outlet: 'Alpha', limit: 1 })).map((s) => s.title)).toEqual(['D']);
      const [first] = await store.listArticles({ limit: 1 });
      expect(first).toMatchObject({
        title: 'B',
        outlet: 'Beta',
        published: '2025-03-05',
        source: 'input.txt',
      });
      expect((await storeErrorOf(() => store.listArticles({ since: 'March' }))).code).toBe('USAGE');
      expect((await storeErrorOf(() => store.listArticles({ limit: 0 }))).code).toBe('USAGE');
    });

    it('searches title and text, best match first, with the matched words marked in a snippet', async () => {
      const store = await fresh();
      const { added } = await store.putArticles([
        makeArticle({
          title: 'Bridge reopens after repairs',
          outlet: 'Alpha',
          published: '2025-03-05',
          text: 'The old bridge over the river reopened on Monday after two years of repairs.',
        }),
        makeArticle({
          title: 'Budget passes',
          outlet: 'Beta',
          text: 'The council passed the budget. A bridge is mentioned only in passing here.',
        }),
        makeArticle({ title: 'Weather', text: 'Rain all week.' }),
      ]);
      const hits = await store.search('bridge', 10);
      expect(hits.map((h) => h.id)).toEqual([added[0], added[1]]);
      expect(hits[0]).toMatchObject({
        title: 'Bridge reopens after repairs',
        outlet: 'Alpha',
        published: '2025-03-05',
      });
      const { open, close } = SNIPPET_MARK;
      expect(hits[0]?.snippet).toContain(`${open}Bridge${close}`);
      expect(hits[1]?.snippet).toContain(`${open}bridge${close}`);
      expect(await store.search('bridge', 1)).toHaveLength(1);
      expect((await store.search('"two years"')).map((h) => h.id)).toEqual([added[0]]);
      expect((await store.search('repair*')).map((h) => h.id)).toEqual([added[0]]);
      expect(await store.search('volcano')).toEqual([]);
      expect(await store.search('   ')).toEqual([]);
    });

    it('narrows a search by outlet, days and story, orders it by day, pages it and counts it the same', async () => {
      const store = await fresh();
      const { added } = await store.putArticles([
        makeArticle({
          url: 'https://example.com/f1',
          title: 'Flood wall',
          outlet: 'Alpha',
          published: '2030-01-02',
          text: 'The flood wall held.',
        }),
        makeArticle({
          url: 'https://example.com/f2',
          title: 'Flood again',
          outlet: 'Beta',
          published: '2030-01-09',
          text: 'The flood came back.',
        }),
        makeArticle({
          url: 'https://example.com/f3',
          title: 'Flood aid',
          outlet: 'Alpha',
          published: '2030-02-01',
          text: 'Aid after the flood.',
        }),
        makeArticle({
          url: 'https://example.com/f4',
          title: 'Flood memories',
          outlet: 'Alpha',
          published: null,
          text: 'An undated flood piece.',
        }),
      ]);
      const [f1, f2, f3, f4] = added as [string, string, string, string];
      const ids = async (options: Parameters<AsyncStore['search']>[2], limit = 10) =>
        (await store.search('flood', limit, options)).map((h) => h.id);
      expect(await ids({ order: 'newest' })).toEqual([f3, f2, f1, f4]);
      expect(await ids({ order: 'oldest' })).toEqual([f1, f2, f3, f4]);
      expect(await ids({ outlet: 'Alpha', order: 'oldest' })).toEqual([f1, f3, f4]);
      expect(await ids({ since: '2030-01-02', until: '2030-01-31', order: 'oldest' })).toEqual([f1, f2]);
      expect(await ids({ order: 'newest', offset: 1 }, 2)).toEqual([f2, f1]);
      expect(await store.countSearch('flood', { outlet: 'Alpha' })).toBe(3);
      expect(await store.countSearch('flood', { since: '2030-01-03' })).toBe(2);
      expect(await store.countSearch('flood', { outlet: 'Nobody' })).toBe(0);
      const story = await store
        .storyIndex()
        .saveProfile({ id: null, size: 2, firstDay: null, lastDay: null, features: new Map() });
      for (const id of [f2, f4])
        await store.placeArticle(id, {
          storyId: story,
          duplicateOf: null,
          score: null,
          reasons: null,
          placedBy: 'ingest',
        });
      expect(await ids({ story, order: 'oldest' })).toEqual([f2, f4]);
      expect(await store.countSearch('flood', { story })).toBe(2);
      // Relevance with a filter keeps the filter; a later page of the plain ranked search is the rest.
      expect(await ids({ outlet: 'Beta' })).toEqual([f2]);
      expect([...(await ids({}, 2)), ...(await ids({ offset: 2 }, 2))].sort()).toEqual(
        [f1, f2, f3, f4].sort(),
      );
      for (const bad of [{ since: '2030-02-30' }, { story: 0 }, { offset: -1 }, { order: 'best' as never }]) {
        const err = await storeErrorOf(() => store.search('flood', 10, bad));
        expect(err.code).toBe('USAGE');
        expect((await storeErrorOf(() => store.countSearch('flood', bad))).code).toBe('USAGE');
      }
    });

    it('a malformed query is a one-line STORE error, not a crash', async () => {
      const store = await fresh();
      await store.putArticles([makeArticle({ text: 'Something to search.' })]);
      for (const query of ['"unterminated', 'AND', 'NEAR(a', 'nosuchcolumn:word', "don't"]) {
        const err = await storeErrorOf(() => store.search(query));
        expect(err.code).toBe('STORE');
        expect(err.message).toContain('is not valid');
        expect(err.message).not.toContain('\n');
      }
      // The store is still usable afterwards.
      expect(await store.search('something')).toHaveLength(1);
    });

    it('a transaction that throws stores nothing: no article, no story, no clustering state', async () => {
      const store = await fresh();
      const a = makeArticle({ id: 'a', url: 'https://example.com/kept', text: 'Kept article.' });
      await store.withTransaction(async (tx) => {
        await tx.putArticles([a]);
        const storyId = await tx
          .storyIndex()
          .saveProfile({ id: null, size: 1, firstDay: 1, lastDay: 1, features: new Map([['t:kept', 1]]) });
        await tx.placeArticle((await tx.listArticles())[0]?.id ?? '', {
          storyId,
          duplicateOf: null,
          score: null,
          reasons: null,
          placedBy: 'ingest',
        });
      });
      await expect(
        store.withTransaction(async (tx) => {
          await tx.putArticles([
            makeArticle({ id: 'b', url: 'https://example.com/lost', text: 'Lost article.' }),
          ]);
          await tx.storyIndex().addDocument(['t:lost']);
          await tx
            .storyIndex()
            .saveProfile({ id: null, size: 1, firstDay: 1, lastDay: 1, features: new Map([['t:lost', 1]]) });
          // Nested: a savepoint that commits into the outer transaction, and is undone with it.
          await tx.withTransaction(async (inner) => inner.storyIndex().addDocument(['t:lost']));
          throw new Error('interrupted');
        }),
      ).rejects.toThrow('interrupted');
      expect(await store.countArticles()).toBe(1);
      expect(await store.countStories()).toBe(1);
      expect((await store.storyIndex().documentFrequencies(['t:lost'])).get('t:lost')).toBe(0);
    });

    it('a nested transaction that throws undoes only its own writes; the outer one goes on', async () => {
      const store = await fresh();
      await store.withTransaction(async (tx) => {
        await tx.putArticles([makeArticle({ url: 'https://example.com/outer', text: 'Outer.' })]);
        await expect(
          tx.withTransaction(async (inner) => {
            await inner.putArticles([makeArticle({ url: 'https://example.com/inner', text: 'Inner.' })]);
            throw new Error('inner failed');
          }),
        ).rejects.toThrow('inner failed');
        expect(await tx.countArticles()).toBe(1);
      });
      expect((await store.listArticles()).map((a) => a.urlKey)).toEqual(['https://example.com/outer']);
    });

    it('keeps its version through reads, transactions that write nothing and commits outside the library', async () => {
      const store = await fresh();
      await store.putArticles([makeArticle({ url: 'https://example.com/kept', text: 'Kept.' })]);
      const before = await store.version();
      await store.countArticles();
      await store.listStories();
      // A transaction that only reads, and an empty one (a worker's turn that found nothing to place).
      await store.withTransaction(async (tx) => {
        await tx.countArticles();
      });
      await store.withTransaction(async () => {});
      // Pages cached at this version stay while a job queue in the same database takes and finishes jobs.
      await shared.commitOutside(store);
      expect(await store.version()).toBe(before);
      const other = await shared.again(store);
      opened.push(other);
      expect(await other.version()).toBe(await other.version());
    });

    it('moves its version, for every connection, with articles, placement, user edits and deletes', async () => {
      const store = await fresh();
      const other = await shared.again(store);
      opened.push(other);
      const seen = [await other.version()];
      const moved = async (what: string) => {
        const now = await other.version();
        expect(seen, what).not.toContain(now);
        // The writer's own version moved too.
        expect(await store.version(), what).not.toBe(seen[seen.length - 1]);
        seen.push(now);
      };
      const { added } = await store.putArticles([
        makeArticle({ url: 'https://example.com/v1', text: 'One.' }),
        makeArticle({ url: 'https://example.com/v2', text: 'Two.' }),
      ]);
      const [a, b] = added as [string, string];
      await moved('articles stored');
      const profile = { id: null, size: 1, firstDay: 1, lastDay: 1, features: new Map([['t:v', 1]]) };
      const s1 = await store.storyIndex().saveProfile(profile);
      const s2 = await store.storyIndex().saveProfile(profile);
      await moved('stories made');
      // Placement by a worker, in a transaction as placement runs.
      await store.withTransaction(async (tx) => {
        await tx.placeArticle(a, {
          storyId: s1,
          duplicateOf: null,
          score: 0.5,
          reasons: null,
          placedBy: 'ingest',
        });
        await tx.placeArticle(b, {
          storyId: s1,
          duplicateOf: null,
          score: 0.5,
          reasons: null,
          placedBy: 'ingest',
        });
      });
      await moved('placement committed');
      // Working out the placed story's stale contest (a contested listing does first) shows nothing new:
      // every reader of this version gets the same contest, and pages cached at it stay.
      const placed = await store.version();
      expect((await store.listStories({ order: 'contested' })).map((s) => s.id)).toContain(s1);
      expect(await store.version()).toBe(placed);
      expect(await other.version()).toBe(seen[seen.length - 1]);
      // A user's move of one article to another story, then a note on it.
      await store.placeArticle(b, {
        storyId: s2,
        duplicateOf: null,
        score: null,
        reasons: null,
        placedBy: 'user',
      });
      await moved('article moved by a user');
      const note = await store.addNote(s2, null, 'Check the figures.');
      await moved('note added');
      await store.editNote(note.id, 'Checked.');
      await moved('note edited');
      await store.placeArticle(b, {
        storyId: s1,
        duplicateOf: null,
        score: null,
        reasons: null,
        placedBy: 'user',
      });
      await store.deleteNote(note.id);
      await store.deleteStory(s2);
      await moved('story deleted');
      // A rolled-back transaction leaves nothing, but this store's version never comes back to a number a
      // later commit could reach with other contents.
      const beforeRollback = await store.version();
      await expect(
        store.withTransaction(async (tx) => {
          await tx.addNote(s1, null, 'Undone.');
          throw new Error('rolled back');
        }),
      ).rejects.toThrow();
      await store.addNote(s1, null, 'Kept.');
      expect(await store.version()).not.toBe(beforeRollback);
    });

    it('a call on the store while a transaction is open never sees its uncommitted writes', async () => {
      const store = await fresh();
      // Another caller (started outside the transaction's callback) counts while the transaction is open:
      // on SQLite it waits for the transaction to end, on PostgreSQL it reads what is committed; either
      // way the article that is rolled back is never counted.
      let written = () => {};
      const during = new Promise<void>((resolve) => {
        written = resolve;
      }).then(() => store.countArticles());
      await expect(
        store.withTransaction(async (tx) => {
          await tx.putArticles([makeArticle({ url: 'https://example.com/pending', text: 'Pending.' })]);
          written();
          await new Promise((resolve) => setTimeout(resolve, 20));
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await during).toBe(0);
      expect(await store.countArticles()).toBe(0);
    });

    it('calling the store itself inside its own transaction is refused at once, not left waiting', async () => {
      const store = await fresh();
      await store.withTransaction(async (tx) => {
        await tx.putArticles([makeArticle({ url: 'https://example.com/kept', text: 'Kept.' })]);
        await expect(store.countArticles()).rejects.toThrow(/inside its own withTransaction/);
        await expect(store.withTransaction(async () => 1)).rejects.toThrow(/inside its own withTransaction/);
      });
      expect(await store.countArticles()).toBe(1);
    });

    it('placing articles keeps the story listing: count, days, outlets, title; moving recounts both stories', async () => {
      const store = await fresh();
      const put = await store.putArticles([
        makeArticle({
          id: 'a',
          url: 'https://example.com/1',
          title: 'First',
          outlet: 'Beta',
          published: '2030-01-02',
          text: 'One.',
        }),
        makeArticle({
          id: 'b',
          url: 'https://example.com/2',
          title: null,
          outlet: 'Alpha',
          published: '2030-01-05',
          text: 'Two.',
        }),
        makeArticle({
          id: 'c',
          url: 'https://example.com/3',
          title: null,
          outlet: null,
          published: null,
          text: 'An untitled opening sentence. More.',
        }),
      ]);
      const [a, b, c] = put.added as [string, string, string];
      const index = store.storyIndex();
      const s1 = await index.saveProfile({
        id: null,
        size: 2,
        firstDay: null,
        lastDay: null,
        features: new Map(),
      });
      const s2 = await index.saveProfile({
        id: null,
        size: 1,
        firstDay: null,
        lastDay: null,
        features: new Map(),
      });
      const place = (id: string, storyId: number, duplicateOf: string | null = null) =>
        store.placeArticle(id, {
          storyId,
          duplicateOf,
          score: 0.5,
          reasons: { why: id },
          placedBy: 'ingest',
        });
      await place(a, s1);
      await place(b, s1, a);
      await place(c, s2);
      expect(await store.getStory(s1)).toMatchObject({
        title: 'First',
        firstPublished: '2030-01-02',
        lastPublished: '2030-01-05',
        articleCount: 2,
        outlets: ['Alpha', 'Beta'],
      });
      expect((await store.getStory(s1))?.members.map((m) => [m.inputId, m.duplicateOf, m.reasons])).toEqual([
        ['a', null, { why: a }],
        ['b', a, { why: b }],
      ]);
      expect((await store.getStory(s2))?.title).toBe('An untitled opening sentence.');
      expect(await store.storyOf(c)).toBe(s2);
      expect((await store.storyArticles([s1])).get(s1)?.map((r) => r.inputId)).toEqual(['a', 'b']);
      // Several stories in one call: each as getStory reads it, in the order asked, unknown ids left out.
      const both = await store.getStories([s2, 999_999, s1, s2]);
      expect([...both.keys()]).toEqual([s2, s1]);
      expect(both.get(s1)).toEqual(await store.getStory(s1));
      expect(both.get(s2)).toEqual(await store.getStory(s2));
      expect((await store.getStories([])).size).toBe(0);

      await store.placeArticle(a, {
        storyId: s2,
        duplicateOf: null,
        score: null,
        reasons: null,
        placedBy: 'user',
      });
      expect(await store.getStory(s1)).toMatchObject({ articleCount: 1, outlets: ['Alpha'], title: 'Two.' });
      expect(await store.getStory(s2)).toMatchObject({
        articleCount: 2,
        title: 'First',
        firstPublished: '2030-01-02',
      });
      expect((await store.listStories({ outlet: 'Beta' })).map((s) => s.id)).toEqual([s2]);
      await expect(store.deleteStory(s1)).rejects.toThrow(/still has 1 articles/);
      await store.placeArticle(b, {
        storyId: s2,
        duplicateOf: a,
        score: null,
        reasons: null,
        placedBy: 'user',
      });
      // A story left without articles still comes back, with no members.
      expect((await store.getStories([s1])).get(s1)).toMatchObject({ articleCount: 0, members: [] });
      await store.deleteStory(s1);
      expect(await store.getStory(s1)).toBeNull();
      expect(await store.countStories()).toBe(1);
    });

    it('records features and duplicate keys, and finds earlier articles by shared keys', async () => {
      const store = await fresh();
      const put = await store.putArticles([
        makeArticle({ id: 'a', url: 'https://example.com/1', text: 'Alpha text.' }),
        makeArticle({ id: 'b', url: 'https://example.com/2', text: 'Beta text.' }),
      ]);
      const [a, b] = put.added as [string, string];
      await store.recordArticleFeatures(
        a,
        { day: 7, daySource: 'published', features: new Map([['t:x', 2]]) },
        ['k1', 'k2'],
      );
      await store.recordArticleFeatures(b, { day: null, features: new Map([['t:y', 1]]) }, ['k2']);
      expect((await store.duplicateCandidates(['k1', 'k2'], 5)).map((c) => [c.id, c.text])).toEqual([
        [a, 'Alpha text.'],
        [b, 'Beta text.'],
      ]);
      expect(await store.duplicateCandidates(['zz'], 5)).toEqual([]);
      const features = await store.articleFeatures([a, b, 'unknown']);
      // Where the day came from is kept with it; an article without one reads back without.
      expect(features.get(a)).toEqual({ day: 7, daySource: 'published', features: new Map([['t:x', 2]]) });
      expect(features.get(b)?.daySource).toBeUndefined();
      expect(features.get(b)?.day).toBeNull();
      expect(features.has('unknown')).toBe(false);
      expect(await store.knownIds([a, 'unknown'])).toEqual(new Set([a]));
    });

    it('keeps an outlet directory: fields with their sources, merges, hosts by parent domain, the scale', async () => {
      const store = await fresh();
      const blank = { hosts: [], country: null, language: null, owner: null, leaning: null, notes: null };
      expect(await store.outletDirectory()).toEqual({ leaningScale: null, outlets: [] });
      await store.setLeaningScale(['left', 'centre', 'right']);
      expect(
        await store.putOutletRecords([
          {
            ...blank,
            name: 'Evening Lantern',
            hosts: ['lantern.example', 'news.other.example'],
            leaning: 'left',
            country: 'NO',
            sources: { name: 'a.yaml', hosts: 'a.yaml', leaning: 'ratings 2030', country: 'a.yaml' },
          },
          {
            ...blank,
            name: 'Daily Quill',
            owner: 'Quill Group',
            sources: { name: 'a.yaml', owner: 'register' },
          },
        ]),
      ).toEqual({ added: 2, updated: 0 });
      // An update replaces the fields it has and keeps the rest with their sources; a host moves to it.
      expect(
        await store.putOutletRecords([
          {
            ...blank,
            name: 'Daily Quill',
            hosts: ['news.other.example'],
            leaning: 'right',
            sources: { hosts: 'b.yaml', leaning: 'b.yaml' },
          },
        ]),
      ).toEqual({ added: 0, updated: 1 });
      expect(await store.outletRecord('Daily Quill')).toEqual({
        ...blank,
        name: 'Daily Quill',
        hosts: ['news.other.example'],
        owner: 'Quill Group',
        leaning: 'right',
        sources: { name: 'a.yaml', owner: 'register', hosts: 'b.yaml', leaning: 'b.yaml' },
      });
      expect((await store.outletRecord('Evening Lantern'))?.hosts).toEqual(['lantern.example']);
      expect(await store.outletOfHost('lantern.example')).toBe('Evening Lantern');
      expect(await store.outletOfHost('www.sport.lantern.example')).toBe('Evening Lantern');
      // The nearest listed domain wins: news.other.example is the Quill's, other.example nobody's.
      expect(await store.outletOfHost('live.news.other.example')).toBe('Daily Quill');
      expect(await store.outletOfHost('other.example')).toBeNull();
      expect(await store.outletOfHost('notlantern.example')).toBeNull();
      expect(await store.clearOutletField('Evening Lantern', 'country')).toBe(true);
      expect(await store.clearOutletField('Evening Lantern', 'hosts')).toBe(true);
      expect(await store.clearOutletField('Nobody', 'owner')).toBe(false);
      expect(await store.outletRecord('Evening Lantern')).toEqual({
        ...blank,
        name: 'Evening Lantern',
        leaning: 'left',
        sources: { name: 'a.yaml', leaning: 'ratings 2030' },
      });
      expect(await store.outletOfHost('lantern.example')).toBeNull();
      const directory = await store.outletDirectory();
      expect(directory.leaningScale).toEqual(['left', 'centre', 'right']);
      expect(directory.outlets.map((o) => o.name)).toEqual(['Daily Quill', 'Evening Lantern']);
      await store.setLeaningScale(null);
      expect((await store.outletDirectory()).leaningScale).toBeNull();
    });

    it('counts the voices of each outlet in a story: near-duplicates count once', async () => {
      const store = await fresh();
      const put = await store.putArticles([
        makeArticle({ id: 'a', url: 'https://a.example/1', outlet: 'Alpha', text: 'One.' }),
        makeArticle({ id: 'b', url: 'https://a.example/2', outlet: 'Alpha', text: 'Two.' }),
        makeArticle({ id: 'c', url: 'https://b.example/1', outlet: 'Beta', text: 'One, copied.' }),
        makeArticle({ id: 'd', url: 'https://c.example/1', outlet: 'Gamma', text: 'Elsewhere.' }),
      ]);
      const [a, b, c, d] = put.added as [string, string, string, string];
      const profile = (feature: string) =>
        store.storyIndex().saveProfile({
          id: null,
          size: 1,
          firstDay: null,
          lastDay: null,
          features: new Map([[feature, 1]]),
        });
      const one = await profile('t:one');
      const two = await profile('t:two');
      const place = (id: string, storyId: number, duplicateOf: string | null) =>
        store.placeArticle(id, { storyId, duplicateOf, score: null, reasons: null, placedBy: 'user' });
      await place(a, one, null);
      await place(b, one, null);
      await place(c, one, a);
      await place(d, two, null);
      const sorted = (m: Map<number, { outlet: string | null; voices: number }[]>, id: number) =>
        [...(m.get(id) ?? [])].sort((x, y) => String(x.outlet).localeCompare(String(y.outlet)));
      const byIds = await store.storyOutletVoices({ ids: [one, two] });
      expect(sorted(byIds, one)).toEqual([
        { outlet: 'Alpha', voices: 2 },
        { outlet: 'Beta', voices: 0 },
      ]);
      expect(sorted(byIds, two)).toEqual([{ outlet: 'Gamma', voices: 1 }]);
      const multi = await store.storyOutletVoices({ minOutlets: 2 });
      expect([...multi.keys()]).toEqual([one]);
    });

    it('renames articles whose outlet is a bare host once the directory names it, with what counts outlets', async () => {
      const store = await fresh();
      const body = (n: number) =>
        `Mayor Idris Kovalenko said on Tuesday that the quarry levy would rise by ${n} percent next year.`;
      const put = await store.putArticles([
        annotateText(body(3), 'named', { outlet: 'Valley Courier', url: 'https://valleycourier.example/a' }),
        annotateText(body(4), 'bare', {
          outlet: 'valleycourier.example',
          url: 'https://valleycourier.example/b',
        }),
        annotateText(body(5), 'www', {
          outlet: 'www.valleycourier.example',
          url: 'https://valleycourier.example/c',
        }),
        annotateText(body(6), 'other', { outlet: 'unknown.example', url: 'https://unknown.example/d' }),
        annotateText(body(7), 'listed', { outlet: 'listed.example', url: 'https://listed.example/e' }),
      ]);
      const [named, bare, www, other] = put.added as [string, string, string, string, string];
      const story = await store.storyIndex().saveProfile({
        id: null,
        size: 1,
        firstDay: null,
        lastDay: null,
        features: new Map([['t:levy', 1]]),
      });
      for (const id of put.added)
        await store.placeArticle(id, {
          storyId: story,
          duplicateOf: null,
          score: null,
          reasons: null,
          placedBy: 'user',
        });
      await store.putOutletRecords([
        {
          name: 'Valley Courier',
          hosts: ['valleycourier.example'],
          country: null,
          language: null,
          owner: null,
          leaning: 'left',
          notes: null,
          sources: {},
        },
        // An outlet whose directory name is a host: its articles keep that name.
        {
          name: 'listed.example',
          hosts: ['listed.example'],
          country: null,
          language: null,
          owner: null,
          leaning: null,
          notes: null,
          sources: {},
        },
      ]);
      const kovalenko = async () => (await store.actors(10)).find((a) => a.name.includes('Kovalenko'));
      const before = await kovalenko();
      const [listedBefore] = await store.listStories({ ids: [story], limit: 1 });
      expect(listedBefore?.outlets).toEqual([
        'Valley Courier',
        'listed.example',
        'unknown.example',
        'valleycourier.example',
        'www.valleycourier.example',
      ]);

      // updatedAt has millisecond resolution: on a fast run the relabel could stamp the same millisecond.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const result = await store.relabelHostOutlets();
      expect(result).toEqual({
        renamed: [
          { from: 'valleycourier.example', to: 'Valley Courier', articles: 1 },
          { from: 'www.valleycourier.example', to: 'Valley Courier', articles: 1 },
        ],
        articles: 2,
        stories: 1,
      });
      expect((await store.getArticle(bare))?.article.outlet).toBe('Valley Courier');
      expect((await store.getArticle(www))?.article.outlet).toBe('Valley Courier');
      expect((await store.getArticle(named))?.article.outlet).toBe('Valley Courier');
      expect((await store.getArticle(other))?.article.outlet).toBe('unknown.example');
      const [listed] = await store.listStories({ ids: [story], limit: 1 });
      expect(listed?.outlets).toEqual(['Valley Courier', 'listed.example', 'unknown.example']);
      expect(listed?.updatedAt).not.toBe(listedBefore?.updatedAt);
      expect((await store.outlets()).find((o) => o.outlet === 'Valley Courier')?.articles).toBe(3);
      expect((await store.listArticles({ outlet: 'valleycourier.example' })).length).toBe(0);
      const voices = (await store.storyOutletVoices({ ids: [story] })).get(story) ?? [];
      expect(voices.find((v) => v.outlet === 'Valley Courier')?.voices).toBe(3);
      // The actor named by all five articles now has three outlets, not five.
      expect(before?.outlets).toBe(5);
      expect((await kovalenko())?.outlets).toBe(3);
      expect((await store.outletActors('Valley Courier', 5))[0]?.articles).toBe(3);
      // Idempotent: nothing left to rename.
      expect(await store.relabelHostOutlets()).toEqual({ renamed: [], articles: 0, stories: 0 });
    });

    it('counts actors the same whether articles are stored in one batch or one at a time', async () => {
      // Outlets repeat, one article has none, one actor was named before the batch: every count an
      // article's own write would leave (articles, outlets, labels per actor and per outlet).
      const texts: [string, string | undefined][] = [
        [
          'Harbour commissioner Lena Osterberg said on Monday that the ferry fares would rise.',
          'Coast Ledger',
        ],
        ['Lena Osterberg, the harbour commissioner, defended the fare rise on Tuesday.', 'Coast Ledger'],
        ['Union leader Marco Vidal said the ferry crews would strike if the fares rose.', undefined],
        ['Harbour commissioner Lena Osterberg and union leader Marco Vidal met on Wednesday.', 'Bay Herald'],
        ['Marco Vidal, a union leader, said on Thursday that the strike was off.', 'Bay Herald'],
        ['Lena Osterberg said the fares would stay as they are until spring.', undefined],
      ];
      const articles = () =>
        texts.map(([text, outlet], i) =>
          // Without an address too: its host would stand in for the outlet.
          annotateText(
            text,
            `batch-${i}`,
            outlet ? { outlet, url: `https://news${i}.example/ferry-${i}` } : {},
          ),
        );
      const earlier = annotateText('Union leader Marco Vidal said the talks would go on.', 'earlier', {
        outlet: 'Bay Herald',
        url: 'https://earlier.example/talks',
      });
      const together = await fresh();
      const oneByOne = await fresh();
      await together.putArticles([earlier]);
      await oneByOne.putArticles([earlier]);
      await together.putArticles(articles());
      for (const article of articles()) await oneByOne.putArticles([article]);
      const actors = await together.actors(50);
      // Counted as one article at a time counts: the outlets named (an article without one adds none).
      const named = (part: string) => actors.find((a) => a.name.includes(part));
      expect(named('Osterberg')).toMatchObject({ articles: 4, outlets: 2 });
      expect(named('Vidal')).toMatchObject({ articles: 4, outlets: 1 });
      expect(actors).toEqual(await oneByOne.actors(50));
      for (const outlet of ['Coast Ledger', 'Bay Herald'])
        expect(await together.outletActors(outlet, 50)).toEqual(await oneByOne.outletActors(outlet, 50));
      for (const actor of actors)
        expect(await together.actor(actor.actor)).toEqual(await oneByOne.actor(actor.actor));
    });

    it('calibration: the sample is the dated articles in id order, up to the limit; the latest check is kept', async () => {
      const store = await fresh();
      const put = await store.putArticles(
        ['a', 'b', 'c', 'd'].map((id) =>
          makeArticle({ id, url: `https://example.com/${id}`, text: `Text ${id}.` }),
        ),
      );
      const [a, b, c] = put.added as [string, string, string, string];
      await store.recordArticleFeatures(
        a,
        { day: 7, daySource: 'published', features: new Map([['t:x', 2]]) },
        [],
      );
      await store.recordArticleFeatures(b, { day: 300, features: new Map([['t:y', 1]]) }, []);
      // Undated: never in the sample. The fourth article has no features at all.
      await store.recordArticleFeatures(c, { day: null, features: new Map([['t:z', 1]]) }, []);
      const dated = [a, b].sort();
      expect([...(await store.calibrationSample(10)).keys()]).toEqual(dated);
      expect([...(await store.calibrationSample(1)).keys()]).toEqual(dated.slice(0, 1));
      expect((await store.calibrationSample(10)).get(a)).toEqual({
        day: 7,
        daySource: 'published',
        features: new Map([['t:x', 2]]),
      });
      expect((await store.calibrationSample(0)).size).toBe(0);

      expect(await store.calibration()).toBeNull();
      const check = {
        documents: 2,
        articles: 2,
        pairs: 1,
        clearing: 0,
        bar: 0.22,
        highest: 0.05,
        shared: [],
      };
      await store.withTransaction((tx) => tx.saveCalibration(check));
      expect(await store.calibration()).toEqual(check);
      const later = { ...check, documents: 3, clearing: 1, highest: 0.31, shared: ['x'] };
      await store.saveCalibration(later);
      expect(await store.calibration()).toEqual(later);
    });

    it('keeps notes on a story and its findings; a note follows its article to another story', async () => {
      const store = await fresh();
      const put = await store.putArticles(
        ['n1', 'n2', 'n3'].map((id) =>
          makeArticle({ id, url: `https://example.com/${id}`, title: `T ${id}`, text: `Text ${id}.` }),
        ),
      );
      const [a, b, c] = put.added as [string, string, string];
      const index = store.storyIndex();
      const profile = { id: null, size: 1, firstDay: null, lastDay: null, features: new Map() };
      const s1 = await index.saveProfile(profile);
      const s2 = await index.saveProfile(profile);
      const place = (id: string, storyId: number) =>
        store.placeArticle(id, {
          storyId,
          duplicateOf: null,
          score: null,
          reasons: null,
          placedBy: 'ingest',
        });
      await place(a, s1);
      await place(b, s1);
      await place(c, s2);

      const onStory = await store.addNote(s1, null, '  Check the mayor’s figures <b>first</b>.  ');
      expect(onStory).toMatchObject({
        storyId: s1,
        finding: null,
        text: 'Check the mayor’s figures <b>first</b>.',
      });
      expect(onStory.createdAt).toBe(onStory.updatedAt);
      const onFact = await store.addNote(
        s1,
        'fact-f3',
        'Only one outlet has this.',
        '  The council\n  voted. ',
      );
      expect(onFact.findingLabel).toBe('The council voted.');
      expect(onStory.findingLabel).toBeNull();
      const unlabelled = await store.addNote(s2, null, 'No finding, no label.', 'ignored');
      expect(unlabelled.findingLabel).toBeNull();
      const clipped = await store.addNote(s2, 'actor-a1', 'Long label.', 'é'.repeat(600));
      expect(clipped.findingLabel).toBe('é'.repeat(500));
      await store.deleteNote(unlabelled.id);
      await store.deleteNote(clipped.id);
      const onOther = await store.addNote(s2, 's0-q-q1', 'Quote 💬 to verify');
      expect((await store.notes({ storyId: s1 })).map((n) => n.id)).toEqual([onStory.id, onFact.id]);
      expect((await store.notes()).map((n) => n.id)).toEqual([onStory.id, onFact.id, onOther.id]);
      expect(await store.note(onFact.id)).toEqual(onFact);

      const edited = await store.editNote(onFact.id, 'Two outlets now.');
      expect(edited).toMatchObject({ id: onFact.id, text: 'Two outlets now.', finding: 'fact-f3' });
      expect(await store.editNote(9999, 'x')).toBeNull();

      // Re-clustering moves the story's first article (the notes' anchor) to s2: its notes go with it.
      await store.placeArticle(a, {
        storyId: s2,
        duplicateOf: null,
        score: null,
        reasons: null,
        placedBy: 'user',
      });
      expect((await store.notes({ storyId: s2 })).map((n) => n.id)).toEqual([
        onStory.id,
        onFact.id,
        onOther.id,
      ]);
      expect(await store.notes({ storyId: s1 })).toEqual([]);

      expect(await store.deleteNote(onOther.id)).toBe(true);
      expect(await store.deleteNote(onOther.id)).toBe(false);
      expect(await store.note(onOther.id)).toBeNull();

      // Refusals: one line each, nothing stored.
      expect((await storeErrorOf(() => store.addNote(s1, null, '   '))).message).toMatch(/needs some text/);
      const long = 'x'.repeat(KEPT_WORK_BOUNDS.noteChars + 1);
      expect((await storeErrorOf(() => store.addNote(s1, null, long))).message).toBe(
        `a note holds at most ${KEPT_WORK_BOUNDS.noteChars} characters; this one has ${KEPT_WORK_BOUNDS.noteChars + 1}`,
      );
      expect(await store.addNote(s1, null, '🙂'.repeat(KEPT_WORK_BOUNDS.noteChars))).toMatchObject({
        storyId: s1,
      });
      expect((await storeErrorOf(() => store.addNote(s1, '"><script>', 'x'))).message).toMatch(
        /is not a finding's anchor/,
      );
      const missing = await storeErrorOf(() => store.addNote(424242, null, 'x'));
      expect([missing.code, missing.message]).toEqual(['USAGE', 'there is no story 424242 to add a note to']);
      expect((await storeErrorOf(() => store.editNote(onFact.id, ''))).message).toMatch(/needs some text/);
      expect((await store.notes()).length).toBe(3);
    });

    it('keeps saved searches: one per query, by name, seen marks, removal, and which articles are newer', async () => {
      const store = await fresh();
      const first = await store.saveSearch(' Storm  damage ', '?q=storm&outlet=Example');
      expect(first.created).toBe(true);
      expect(first.search).toMatchObject({ name: 'Storm damage', query: 'q=storm&outlet=Example' });
      expect(first.search.seenAt).toBe(first.search.createdAt);
      const again = await store.saveSearch('Other name', 'q=storm&outlet=Example');
      expect(again).toEqual({ search: first.search, created: false });
      const zed = (await store.saveSearch('zebra', 'q=zebra')).search;
      const upper = (await store.saveSearch('Zebra', 'q=Zebra')).search;
      expect((await store.savedSearches()).map((s) => s.name)).toEqual(['Storm damage', 'Zebra', 'zebra']);
      expect(await store.savedSearch(zed.id)).toEqual(zed);
      expect(await store.savedSearch(9999)).toBeNull();

      expect(await store.markSearchSeen(zed.id)).toBe(true);
      expect(((await store.savedSearch(zed.id)) as { seenAt: string }).seenAt >= zed.seenAt).toBe(true);
      expect(await store.markSearchSeen(9999)).toBe(false);
      expect(await store.removeSavedSearch(upper.id)).toBe(true);
      expect(await store.removeSavedSearch(upper.id)).toBe(false);
      expect((await store.savedSearches()).map((s) => s.id)).toEqual([first.search.id, zed.id]);

      expect((await storeErrorOf(() => store.saveSearch('x', '  '))).message).toMatch(
        /needs its search parameters/,
      );
      expect((await storeErrorOf(() => store.saveSearch(' ', 'q=x'))).message).toMatch(/needs a name/);
      const longName = 'n'.repeat(KEPT_WORK_BOUNDS.searchNameChars + 1);
      expect((await storeErrorOf(() => store.saveSearch(longName, 'q=x'))).message).toMatch(
        /at most 200 characters/,
      );
      for (let i = (await store.savedSearches()).length; i < KEPT_WORK_BOUNDS.savedSearches; i++) {
        await store.saveSearch(`s${i}`, `q=s${i}`);
      }
      const full = await storeErrorOf(() => store.saveSearch('one more', 'q=more'));
      expect(full.message).toContain(`already keeps ${KEPT_WORK_BOUNDS.savedSearches} saved searches`);
      // The same query as a kept one is still answered when the library is full.
      expect((await store.saveSearch('again', 'q=zebra')).created).toBe(false);

      const put = await store.putArticles([
        makeArticle({ id: 'o1', url: 'https://example.com/o1', text: 'Old.' }),
        makeArticle({ id: 'o2', url: 'https://example.com/o2', text: 'New.' }),
      ]);
      const [o1, o2] = put.added as [string, string];
      const storedAt = ((await store.getArticle(o1)) as { storedAt: string }).storedAt;
      expect(await store.storedAfter([o1, o2, 'nope'], '1970-01-01T00:00:00.000Z')).toEqual(
        new Set([o1, o2]),
      );
      expect(await store.storedAfter([o1, o2], storedAt)).toEqual(new Set());
      expect(await store.storedAfter([], storedAt)).toEqual(new Set());
    });
  });
}
