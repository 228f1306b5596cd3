// Behaviour every Store backend must share, through the asynchronous contract (async-store.ts). A backend's
// test file calls storeContract() with a function that opens a fresh, empty store (SQLite through its
// adapter, PostgreSQL directly); what only one backend has (files, locks, servers) is tested next to it.

import { afterEach, describe, expect, it } from 'vitest';
import { ParallaxError } from '../src/errors.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { SNIPPET_MARK } from '../src/store/store.js';
import { makeArticle } from './support/articles.js';

async function storeErrorOf(fn: () => Promise<unknown>): Promise<ParallaxError> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ParallaxError);
    return err as ParallaxError;
  }
  throw new Error('expected a ParallaxError');
}

export function storeContract(name: string, open: () => Promise<AsyncStore>): void {
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
  });
}
