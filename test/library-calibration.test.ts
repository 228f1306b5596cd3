// The calibration check through ingest: an invented library where every article carries the same long
// boilerplate (names, a firm, figures) must raise it; the same reports without the boilerplate must not; and
// the counters are the same whether the library came in one run, in two parts or in another order.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.js';
import { calibrationDue, REMEASURE_ARTICLES, REMEASURE_GROWTH } from '../src/library/calibration.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import type { AsyncStore, AsyncStoryIndex } from '../src/store/async-store.js';
import { calibrationStatus, SAMPLE_ARTICLES } from '../src/stories/calibration.js';
import { unrelatedReports } from './support/calibration-fixtures.js';
import { writeFixtures } from './support/library-fixtures.js';
import { testLibraries } from './support/test-library.js';

const COUNT = 40;
let dir = '';
let plain: string[] = [];
let boilerplate: string[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-calibration-'));
  plain = writeFixtures(join(dir, 'plain'), unrelatedReports(COUNT, { boilerplate: false }));
  boilerplate = writeFixtures(join(dir, 'boilerplate'), unrelatedReports(COUNT, { boilerplate: true }));
});

const testLibs = testLibraries('calibration');
afterEach(() => {});
function fresh(name: string): Promise<AsyncStore> {
  return testLibs.openFresh(name);
}
const config = { ...DEFAULT_CONFIG };

describe('calibration check', () => {
  it('stays quiet on unrelated reports of a library of ordinary news', async () => {
    const store = await fresh('plain');
    await ingestIntoLibrary(store, plain, config, { worker: false });
    const status = calibrationStatus(await store.calibration());
    expect(status.check?.pairs).toBeGreaterThan(200);
    expect(status.state).toBe('ok');
  });

  it('warns when every article carries the same boilerplate, naming what the pairs share', async () => {
    const store = await fresh('boilerplate');
    await ingestIntoLibrary(store, boilerplate, config, { worker: false });
    const status = calibrationStatus(await store.calibration());
    expect(status.state).toBe('too-many');
    expect(status.message).toMatch(/quillmont|marrowby|keanerton/i);
  });

  it('gives the same counters for one run, two parts and the reverse order', async () => {
    const one = await fresh('one');
    await ingestIntoLibrary(one, boilerplate, config, { worker: false });
    const parts = await fresh('parts');
    await ingestIntoLibrary(parts, boilerplate.slice(0, 13), config, { worker: false, batchSize: 5 });
    await ingestIntoLibrary(parts, boilerplate.slice(13), config, { worker: false });
    const reversed = await fresh('reversed');
    await ingestIntoLibrary(reversed, [...boilerplate].reverse(), config, { worker: false, batchSize: 7 });
    const expected = await one.calibration();
    expect(expected?.pairs).toBeGreaterThan(0);
    expect(await parts.calibration()).toEqual(expected);
    expect(await reversed.calibration()).toEqual(expected);
  });

  it('a batch measures again only when the sample is filling or the library grew enough since', async () => {
    const at = (documents: number, last: { documents: number; articles: number } | null) => ({
      storyIndex: () => ({ documentCount: async () => documents }) as unknown as AsyncStoryIndex,
      calibration: async () =>
        last && { ...last, pairs: 100, clearing: 0, bar: 0.22, highest: 0.1, shared: [] as string[] },
      calibrationSample: async () => new Map(),
      saveCalibration: async () => {},
    });
    expect(await calibrationDue(at(10, null))).toBe(true);
    expect(await calibrationDue(at(1000, { documents: 999, articles: SAMPLE_ARTICLES - 1 }))).toBe(true);
    expect(await calibrationDue(at(1000, { documents: 999, articles: SAMPLE_ARTICLES }))).toBe(false);
    // A small library measures again every REMEASURE_ARTICLES, a large one every REMEASURE_GROWTH.
    const small = 1000 + REMEASURE_ARTICLES;
    expect(await calibrationDue(at(small - 1, { documents: 1000, articles: SAMPLE_ARTICLES }))).toBe(false);
    expect(await calibrationDue(at(small, { documents: 1000, articles: SAMPLE_ARTICLES }))).toBe(true);
    const large = Math.ceil(100_000 * (1 + REMEASURE_GROWTH));
    expect(await calibrationDue(at(large - 1, { documents: 100_000, articles: SAMPLE_ARTICLES }))).toBe(
      false,
    );
    expect(await calibrationDue(at(large, { documents: 100_000, articles: SAMPLE_ARTICLES }))).toBe(true);
  });
});
