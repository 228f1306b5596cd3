// The library end to end through its API: ingest into a SQLite file, stories, near-duplicates, the user's
// merge and split surviving later ingests, explanations, and a story's comparison report.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareStory } from '../src/compare/index.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import {
  explainStoryIn,
  mergeStoriesIn,
  requireStoryIn,
  splitStoryIn,
  storyArticlesIn,
} from '../src/library/stories.js';
import { buildReport } from '../src/report/index.js';
import type { AsyncStore } from '../src/store/async-store.js';
import {
  FLOOD_REPRINT,
  LATER_FLOOD,
  STORY_CHESS,
  STORY_ELECTION,
  STORY_FLOOD,
  writeFixtures,
} from './support/library-fixtures.js';
import { reportSchemaErrors } from './support/report-schema.js';
import { testLibraries } from './support/test-library.js';

let dir = '';
let first: string[] = [];
let second: string[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-library-'));
  first = writeFixtures(join(dir, 'first'), [...STORY_FLOOD, ...STORY_CHESS, ...STORY_ELECTION]);
  second = writeFixtures(join(dir, 'second'), [FLOOD_REPRINT, LATER_FLOOD]);
});

const libraries = testLibraries('library');
function fresh(name: string): Promise<AsyncStore> {
  return libraries.openFresh(name);
}

/** The input ids of each story, as sorted lists, sorted: compares groupings regardless of story ids. */
async function grouping(store: AsyncStore): Promise<string[][]> {
  const stories = await store.listStories();
  const refs = await store.storyArticles(stories.map((s) => s.id));
  return stories
    .map((s) => (refs.get(s.id) ?? []).map((r) => r.inputId).sort())
    .sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}

const ids = (files: readonly { file: string }[]) => files.map((f) => f.file.replace(/\.md$/, '')).sort();

describe('ingest', () => {
  it('groups articles into their stories and re-ingesting changes nothing', async () => {
    const store = await fresh('groups');
    const summary = await ingestIntoLibrary(store, first, DEFAULT_CONFIG);
    expect(summary.added).toBe(7);
    expect(summary.newStories).toBe(3);
    expect(await grouping(store)).toEqual([ids(STORY_CHESS), ids(STORY_FLOOD), ids(STORY_ELECTION)]);

    const again = await ingestIntoLibrary(store, first, DEFAULT_CONFIG);
    expect(again).toMatchObject({ added: 0, existing: 7, newStories: 0 });
    expect(await store.countArticles()).toBe(7);
    expect(await store.countStories()).toBe(3);
  });

  it('keeps the listing columns of a story: title, days, outlets and count', async () => {
    const store = await fresh('listing');
    await ingestIntoLibrary(store, first, DEFAULT_CONFIG);
    const flood = (await store.listStories()).find(
      (s) =>
        s.articleCount === 3 && s.outlets.includes('Radio Brannock') && s.firstPublished === '2031-04-02',
    );
    expect(flood).toMatchObject({
      title: 'Tessaly River bursts its banks at Orrin Falls',
      firstPublished: '2031-04-02',
      lastPublished: '2031-04-03',
      outlets: ['Northern Ledger', 'Radio Brannock', 'Valley Courier'],
    });
    expect((await store.listStories({ since: '2032-01-01' })).map((s) => s.title)).toEqual([
      'Harbourside votes to leave the Meridian transit authority',
    ]);
    expect(await store.listStories({ outlet: 'Board and Clock' })).toHaveLength(1);
    expect(await store.listStories({ limit: 2 })).toHaveLength(2);
  });

  it('links a reprint to its original as one voice and starts a new story for the same kind of event a year later', async () => {
    const store = await fresh('duplicates');
    await ingestIntoLibrary(store, first, DEFAULT_CONFIG);
    const summary = await ingestIntoLibrary(store, second, DEFAULT_CONFIG);
    expect(summary).toMatchObject({ added: 2, duplicates: 1, newStories: 1 });
    const reprint = summary.placed.find((p) => p.inputId === 'flood-1-reprint');
    const original = (await store.listArticles()).find((a) => a.source.endsWith('flood-1.md'));
    expect(reprint?.duplicateOf).toBe(original?.id);
    const floodStory = await store.getStory(reprint?.storyId ?? -1);
    expect(floodStory?.members.map((m) => m.inputId).sort()).toEqual(
      [...ids(STORY_FLOOD), 'flood-1-reprint'].sort(),
    );
    // The comparison reads one article per voice.
    const library = store;
    expect(
      (await storyArticlesIn(library, await requireStoryIn(library, reprint?.storyId ?? -1)))
        .map((a) => a.id)
        .sort(),
    ).toEqual(ids(STORY_FLOOD));
    const later = summary.placed.find((p) => p.inputId === 'flood-2032');
    expect(later?.created).toBe(true);
  });

  it('explains each placement with shared names and the score against the threshold', async () => {
    const store = await fresh('why');
    const summary = await ingestIntoLibrary(store, first, DEFAULT_CONFIG);
    const storyId = summary.placed.find((p) => p.inputId === 'flood-2')?.storyId ?? -1;
    const { members } = await explainStoryIn(store, storyId);
    const joined = members.find((m) => m.inputId === 'flood-2');
    const placement = joined?.placement as {
      decision: string;
      score: number;
      threshold: number;
      sharedNames: { label: string }[];
    };
    expect(placement.decision).toBe('joined');
    expect(placement.score).toBeGreaterThanOrEqual(placement.threshold);
    expect(placement.sharedNames.map((n) => n.label.toLowerCase()).join(' ')).toMatch(
      /kovalenko|tessaly|orrin/,
    );
    expect(members.find((m) => m.inputId === 'flood-1')?.placement).toMatchObject({ decision: 'created' });
    expect(joined?.now?.score).toBeGreaterThan(0);
  });

  it('writes a valid comparison report for a stored story without annotating again', async () => {
    const store = await fresh('report');
    const summary = await ingestIntoLibrary(store, first, DEFAULT_CONFIG);
    const storyId = summary.placed.find((p) => p.inputId === 'chess-1')?.storyId ?? -1;
    const library = store;
    const story = await requireStoryIn(library, storyId);
    const report = buildReport([compareStory(await storyArticlesIn(library, story), String(storyId))]);
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.stories[0]?.articles.map((a) => a.outlet).sort()).toEqual([
      'Board and Clock',
      'Valley Courier',
    ]);
  });
});

describe('user decisions', () => {
  it('a merge and a split survive later ingests', async () => {
    const store = await fresh('decisions');
    const summary = await ingestIntoLibrary(store, first, DEFAULT_CONFIG);
    const storyOf = (inputId: string) => summary.placed.find((p) => p.inputId === inputId)?.storyId ?? -1;
    const chess = storyOf('chess-1');
    const vote = storyOf('vote-1');
    const flood = storyOf('flood-1');

    const library = store;
    const merged = await mergeStoriesIn(library, chess, vote);
    expect(merged.articleCount).toBe(4);
    expect(await store.getStory(vote)).toBeNull();

    const { to } = await splitStoryIn(library, flood, ['flood-3']);
    expect(to.members.map((m) => m.inputId)).toEqual(['flood-3']);
    expect((await store.getStory(flood))?.articleCount).toBe(2);

    await ingestIntoLibrary(store, second, DEFAULT_CONFIG);
    expect(await store.storyOf(summary.placed.find((p) => p.inputId === 'vote-2')?.articleId ?? '')).toBe(
      chess,
    );
    expect(await store.storyOf(summary.placed.find((p) => p.inputId === 'flood-3')?.articleId ?? '')).toBe(
      to.id,
    );
    const why = (await explainStoryIn(library, to.id)).members[0];
    expect(why).toMatchObject({ placedBy: 'user', placement: { decision: 'split', fromStory: flood } });
  });

  it('a split survives the second pass over its story when a later article of the same event arrives', async () => {
    const store = await fresh('split-recluster');
    const summary = await ingestIntoLibrary(store, first, DEFAULT_CONFIG);
    const flood = summary.placed.find((p) => p.inputId === 'flood-1')?.storyId ?? -1;
    const { to } = await splitStoryIn(store, flood, ['flood-3']);
    // A fourth report of the same flood, the same days: it touches the flood stories, and the second pass
    // re-clusters them; the user's split holds.
    const later = writeFixtures(join(dir, 'flood-4'), [
      {
        file: 'flood-4.md',
        outlet: 'Board and Clock',
        published: '2031-04-03',
        title: 'Orrin Falls shelters stay open as the Tessaly recedes',
        text: `The sports hall shelter at Orrin Falls stayed open on Wednesday as the Tessaly River slowly receded from the lower town.

Mayor Idris Kovalenko thanked the Brannock County fire service, whose boat crews worked through the night on Weir Street. Around 300 homes were flooded, the town said.

Kovalenko said questions about the Weir Street flood wall would have to be answered once the Tessaly was back within its banks.`,
      },
    ]);
    await ingestIntoLibrary(store, later, DEFAULT_CONFIG);
    const flood3 = summary.placed.find((p) => p.inputId === 'flood-3')?.articleId ?? '';
    expect(await store.storyOf(flood3)).toBe(to.id);
    expect((await store.getStory(to.id))?.members.map((m) => m.inputId)).toEqual(['flood-3']);
  });

  it('gives the same stories whether the input comes in one run, in two parts or in another order', async () => {
    const groupsOf = async (name: string, runs: string[][]) => {
      const store = await fresh(name);
      for (const files of runs) await ingestIntoLibrary(store, files, DEFAULT_CONFIG);
      return await grouping(store);
    };
    const one = await groupsOf('order-one', [first]);
    expect(await groupsOf('order-two', [first.slice(0, 3), first.slice(3)])).toEqual(one);
    expect(await groupsOf('order-reversed', [[...first].reverse()])).toEqual(one);
    expect(
      await groupsOf('order-interleaved', [
        first.filter((_, i) => i % 2 === 1),
        first.filter((_, i) => i % 2 === 0),
      ]),
    ).toEqual(one);
  });

  it('refuses a split that would empty the story and one naming an article from elsewhere', async () => {
    const store = await fresh('refusals');
    const summary = await ingestIntoLibrary(store, first, DEFAULT_CONFIG);
    const chess = summary.placed.find((p) => p.inputId === 'chess-1')?.storyId ?? -1;
    const library = store;
    await expect(splitStoryIn(library, chess, ['chess-1', 'chess-2'])).rejects.toThrow(/leave it empty/);
    await expect(splitStoryIn(library, chess, ['flood-1'])).rejects.toThrow(/not in story/);
    await expect(mergeStoriesIn(library, chess, 999)).rejects.toThrow(/no story 999/);
    expect((await store.getStory(chess))?.articleCount).toBe(2);
  });
});
