// The pool of annotation workers behind ingest (src/library/annotator.ts): the library is the same for
// any number of workers, and a worker that fails stops the ingest with one line while every batch
// committed before it stays. Runs the compiled workers, like the built command does.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.js';
import { type Annotator, inProcessAnnotator, workerAnnotator } from '../src/library/annotator.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { syntheticArticles, toJsonl } from './support/synthetic-news.js';
import { testLibraries } from './support/test-library.js';

const WORKER = new URL('../dist/src/library/annotate-worker.js', import.meta.url);
const FAILING = new URL('./support/failing-annotate-worker.mjs', import.meta.url);

let dir = '';
let input = '';
let withCrash = '';
beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error('these tests run the built worker: run "npm run build" first');
  dir = mkdtempSync(join(tmpdir(), 'parallax-pool-'));
  // Three invented events of four articles, placed in stories in the order they are stored.
  const articles = syntheticArticles(12, 4, 21);
  input = join(dir, 'articles.jsonl');
  writeFileSync(input, toJsonl(articles));
  const crashing = articles.map((a, i) => (i === 6 ? { ...a, title: `${a.title} WORKER-CRASH` } : a));
  withCrash = join(dir, 'with-crash.jsonl');
  writeFileSync(withCrash, toJsonl(crashing));
});

const testLibs = testLibraries('pool');
const annotators: Annotator[] = [];
afterEach(async () => {
  await Promise.all(annotators.splice(0).map((a) => a.close()));
});
function fresh(name: string): Promise<AsyncStore> {
  return testLibs.openFresh(name);
}
function pool(jobs: number, workerUrl = WORKER): Annotator {
  const annotator = workerAnnotator({ jobs, workerUrl });
  if (!annotator) throw new Error(`no worker at ${workerUrl}`);
  annotators.push(annotator);
  return annotator;
}

/** Everything ingest stored: each article's annotations and its placement, in the order they were stored. */
async function contents(store: AsyncStore) {
  const ids = (await store.listArticles({ limit: 1000 })).map((a) => a.id);
  const stories = await store.listStories();
  const refs = await store.storyArticles(stories.map((s) => s.id));
  return {
    articles: (await store.getArticles(ids)).map(({ id, article }) => ({ id, article })),
    stories: stories.map((s) => ({ id: s.id, articles: (refs.get(s.id) ?? []).map((r) => r.inputId) })),
  };
}

describe('the annotation pool', () => {
  it('stores the same library with one worker, three workers and no worker', async () => {
    const libraries = [];
    for (const [name, annotator] of [
      ['one', pool(1)],
      ['three', pool(3)],
      ['inline', inProcessAnnotator()],
    ] as const) {
      const store = await fresh(name);
      const summary = await ingestIntoLibrary(store, [input], DEFAULT_CONFIG, { annotator, batchSize: 2 });
      expect(summary.added).toBe(12);
      libraries.push({ placed: summary.placed, contents: await contents(store) });
    }
    expect(libraries[0]?.contents.articles).toHaveLength(12);
    expect(libraries[0]?.contents.articles[0]?.article.entities.length).toBeGreaterThan(0);
    expect(libraries[1]).toEqual(libraries[0]);
    expect(libraries[2]).toEqual(libraries[0]);
  });

  it('stops on a failed worker with one line, keeping the batches committed before it', async () => {
    const store = await fresh('crash');
    const failed = await ingestIntoLibrary(store, [withCrash], DEFAULT_CONFIG, {
      annotator: pool(3, FAILING),
      batchSize: 2,
    }).catch((err: unknown) => err as Error);
    expect(failed).toBeInstanceOf(Error);
    const message = (failed as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(
      /^the annotation worker \d of 3 failed: WORKER-CRASH: out of memory \(batch starting with /,
    );
    expect(message).toContain('6 articles stored before it are kept');
    // Articles 1–6 (three batches of two) came before the batch holding the seventh.
    expect(await store.countArticles()).toBe(6);
    // Ingesting the same input again adds the rest.
    const again = await ingestIntoLibrary(store, [withCrash], DEFAULT_CONFIG, { annotator: pool(1) });
    expect(again).toMatchObject({ added: 6, existing: 6 });
  });

  it('refuses further batches once a worker has failed', async () => {
    const annotator = pool(1, FAILING);
    const crashing = syntheticArticles(1, 1, 5).map((a) => ({
      article: { ...a, title: 'WORKER-CRASH', source: 'invented.jsonl#1' },
      id: 'x',
    }));
    // The article shape is enough for the worker's check; it never reaches the annotator.
    const first = await annotator.prepare(crashing as never).catch((err: unknown) => err as Error);
    expect(first).toBeInstanceOf(Error);
    await expect(annotator.prepare([])).rejects.toThrow(/annotation worker failed/);
  });
});
