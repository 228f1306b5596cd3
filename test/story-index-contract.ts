// Behaviour every StoryIndex must share (the in-memory one and the store's), since clustering decisions
// must not depend on where the state is kept. Through the asynchronous contract, so that the same suite runs
// on PostgreSQL; synchronous indexes are wrapped (promisedStoryIndex, the SQLite adapter).
import { describe, expect, it } from 'vitest';
import type { AsyncStoryIndex } from '../src/store/async-store.js';

const profile = (features: [string, number][], firstDay: number | null, lastDay = firstDay) => ({
  id: null,
  size: 1,
  firstDay,
  lastDay,
  features: new Map(features),
});

export function storyIndexContract(name: string, open: () => Promise<AsyncStoryIndex>): void {
  describe(`StoryIndex contract: ${name}`, () => {
    it('counts documents and document frequencies', async () => {
      const index = await open();
      expect(await index.documentCount()).toBe(0);
      await index.addDocument(['n:a', 't:b']);
      await index.addDocument(['n:a', 'n:a']);
      expect(await index.documentCount()).toBe(2);
      expect([...(await index.documentFrequencies(['n:a', 't:b', 't:unseen']))]).toEqual([
        ['n:a', 2],
        ['t:b', 1],
        ['t:unseen', 0],
      ]);
    });

    it('creates and updates profiles; a feature dropped from a profile no longer finds the story', async () => {
      const index = await open();
      const id = await index.saveProfile(
        profile(
          [
            ['n:a', 1],
            ['t:b', 2],
          ],
          100,
        ),
      );
      const other = await index.saveProfile(profile([['n:c', 1]], 100));
      expect(other).not.toBe(id);
      expect((await index.profiles([other, id])).map((p) => p.id)).toEqual([other, id]);
      expect([...((await index.profiles([id]))[0]?.features ?? [])]).toEqual([
        ['n:a', 1],
        ['t:b', 2],
      ]);
      await index.saveProfile({ id, size: 2, firstDay: 100, lastDay: 103, features: new Map([['t:b', 3]]) });
      expect((await index.profiles([id]))[0]).toMatchObject({ size: 2, firstDay: 100, lastDay: 103 });
      expect(await index.candidateStories(['n:a'], 101, 10, 5)).toEqual([]);
      expect(await index.candidateStories(['t:b'], 101, 10, 5)).toEqual([id]);
      expect(await index.profiles([12345])).toEqual([]);
      const norms = { names: 1.5, terms: 2.25, facts: 0, documents: 7 };
      await index.saveProfile({
        id,
        size: 2,
        firstDay: 100,
        lastDay: 103,
        features: new Map([['t:b', 3]]),
        norms,
      });
      expect((await index.profiles([id]))[0]?.norms).toEqual(norms);
      await index.saveProfile({ id, size: 2, firstDay: 100, lastDay: 103, features: new Map([['t:b', 3]]) });
      expect((await index.profiles([id]))[0]?.norms).toBeUndefined();
    });

    it('finds candidates inside the time window only; undated stories and undated articles always qualify', async () => {
      const index = await open();
      const early = await index.saveProfile(profile([['n:x', 1]], 100));
      const late = await index.saveProfile(profile([['n:x', 1]], 400));
      const undated = await index.saveProfile(profile([['n:x', 1]], null));
      const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
      expect(sorted(await index.candidateStories(['n:x'], 120, 45, 10))).toEqual(sorted([early, undated]));
      expect(sorted(await index.candidateStories(['n:x'], 390, 45, 10))).toEqual(sorted([late, undated]));
      // A story that only starts after the window is out as well.
      expect(sorted(await index.candidateStories(['n:x'], 30, 45, 10))).toEqual(sorted([undated]));
      expect(sorted(await index.candidateStories(['n:x'], null, 45, 10))).toEqual(
        sorted([early, late, undated]),
      );
      expect(await index.candidateStories(['n:nothing'], 120, 45, 10)).toEqual([]);
    });

    it('returns at most limitPerFeature stories per feature, the most recently active first', async () => {
      const index = await open();
      const days = [10, 30, 20, 40];
      const ids: number[] = [];
      for (const d of days) ids.push(await index.saveProfile(profile([['t:common', 1]], d)));
      const found = await index.candidateStories(['t:common'], 40, 100, 2);
      expect(found.sort((a, b) => a - b)).toEqual([ids[1], ids[3]].sort((a, b) => (a ?? 0) - (b ?? 0)));
    });

    it('with `until`, finds the stories around a past day although later ones carry the feature too', async () => {
      // A library not ingested in date order: four stories months later share the feature, and the limit
      // of two per feature must not be spent on them before the stories around day 100 are reached.
      const index = await open();
      const around = [await index.saveProfile(profile([['t:common', 1]], 99))];
      around.push(await index.saveProfile(profile([['t:common', 1]], 101)));
      await index.saveProfile(profile([['t:common', 1]], 90));
      for (const d of [300, 310, 320, 330]) await index.saveProfile(profile([['t:common', 1]], d));
      const found = await index.candidateStories(['t:common'], 100, 3, 2, 103);
      expect(found.sort((a, b) => a - b)).toEqual(around);
    });
  });
}
