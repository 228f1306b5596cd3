// The worker's group placement (src/queue/batch-placer.ts), with a stand-in for placeBatch that the test
// releases by hand: jobs arriving while a batch places go in together as the next one; each job gets its
// own articles' placements; a job repeating an article in the batch waits for the next; a failing batch
// is placed again job by job so only the culprit's job fails.

import { describe, expect, it } from 'vitest';
import type { PlacedBatch } from '../src/library/ingest.js';
import type { PreparedArticle } from '../src/library/prepare.js';
import { BatchPlacer } from '../src/queue/batch-placer.js';
import type { AsyncStore } from '../src/store/async-store.js';

function prepared(id: string): PreparedArticle {
  return { id, article: { id, source: `${id}.txt` }, features: {}, keys: [] } as unknown as PreparedArticle;
}

interface Call {
  ids: string[];
  finish: () => void;
  fail: (err: Error) => void;
}

/** A placeBatch that records each call and settles it when the test says; stored ids are remembered. */
function standIn() {
  const calls: Call[] = [];
  const stored = new Set<string>();
  const place = (_store: AsyncStore, batch: readonly PreparedArticle[]): Promise<PlacedBatch> =>
    new Promise((resolve, reject) => {
      const ids = batch.map((p) => p.id);
      calls.push({
        ids,
        finish: () => {
          const fresh = ids.filter((id) => !stored.has(id));
          for (const id of fresh) stored.add(id);
          resolve({
            placed: fresh.map((id, i) => ({
              articleId: id,
              inputId: id,
              storyId: i + 1,
              duplicateOf: null,
              created: true,
            })),
            existing: ids.length - fresh.length,
            newStories: fresh.length,
            duplicates: 0,
          });
        },
        fail: reject,
      });
    });
  return { calls, place };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('BatchPlacer', () => {
  it('places the jobs that arrive while a batch places as the next batch, each job getting its own article', async () => {
    const { calls, place } = standIn();
    const placer = new BatchPlacer({} as AsyncStore, place);
    const first = placer.submit([prepared('a')]);
    await tick();
    expect(calls.map((c) => c.ids)).toEqual([['a']]);
    const later = ['b', 'c', 'd'].map((id) => placer.submit([prepared(id)]));
    await tick();
    // Nothing else starts while the first batch holds the placement.
    expect(calls).toHaveLength(1);
    calls[0]?.finish();
    expect(await first).toMatchObject({ together: 1, placed: [{ articleId: 'a' }], existing: 0 });
    await tick();
    expect(calls.map((c) => c.ids)).toEqual([['a'], ['b', 'c', 'd']]);
    calls[1]?.finish();
    const results = await Promise.all(later);
    expect(results.map((r) => r.placed.map((p) => p.articleId))).toEqual([['b'], ['c'], ['d']]);
    expect(results.every((r) => r.together === 3 && r.existing === 0)).toBe(true);
  });

  it('holds a job repeating an article of the batch for the next batch, where it finds it stored', async () => {
    const { calls, place } = standIn();
    const placer = new BatchPlacer({} as AsyncStore, place);
    const blocker = placer.submit([prepared('x')]);
    await tick();
    const one = placer.submit([prepared('a')]);
    const again = placer.submit([prepared('a')]);
    const other = placer.submit([prepared('b')]);
    calls[0]?.finish();
    await blocker;
    await tick();
    expect(calls[1]?.ids).toEqual(['a', 'b']);
    calls[1]?.finish();
    expect((await one).placed).toHaveLength(1);
    expect((await other).placed).toHaveLength(1);
    await tick();
    expect(calls[2]?.ids).toEqual(['a']);
    calls[2]?.finish();
    expect(await again).toMatchObject({ placed: [], existing: 1 });
  });

  it('places a failed batch again job by job: only the job whose article fails is failed', async () => {
    const { calls, place } = standIn();
    const placer = new BatchPlacer({} as AsyncStore, place);
    const blocker = placer.submit([prepared('x')]);
    await tick();
    const jobs = ['a', 'bad', 'c'].map((id) => placer.submit([prepared(id)]));
    const outcomes = Promise.allSettled(jobs);
    calls[0]?.finish();
    await blocker;
    await tick();
    calls[1]?.fail(new Error('bad: cannot be placed'));
    for (const id of ['a', 'bad', 'c']) {
      await tick();
      const call = calls[calls.length - 1] as Call;
      expect(call.ids).toEqual([id]);
      if (id === 'bad') call.fail(new Error('bad: cannot be placed'));
      else call.finish();
    }
    const settled = await outcomes;
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason.message).toBe('bad: cannot be placed');
  });
});
