// A story is named after its most central report, not its first article, and keeps the name while it grows
// unless another report is clearly more central. Invented articles only.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storyTitle } from '../src/compare/title.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import { mergeStoriesIn, requireStoryIn, storyReportIn } from '../src/library/stories.js';
import { centralTitle, retitleAt, TITLE_KEEP_MARGIN } from '../src/store/story-titles.js';
import { asksRatherThanReports } from '../src/text/headline-shape.js';
import { annotateText } from './support/articles.js';
import { testLibraries } from './support/test-library.js';

const v = (entries: Record<string, number>) => new Map(Object.entries(entries));
const report = (title: string | null, features: Record<string, number>, url: string | null = null) => ({
  title,
  url,
  outlet: 'Outlet A Gazette',
  features: v(features),
});

describe('storyTitle (a report without a library title)', () => {
  const fact = (text: string, articles: string[]) => ({ id: text, text, articles, evidence: [] });
  it('skips the wording of a fact that leans on the sentence before it', () => {
    const facts = [
      fact('Also, he kept the inspection report from the board.', ['a', 'b', 'c']),
      fact('Water spilled over the Pellbrook dam on Saturday after a week of rain.', ['a', 'b']),
    ];
    expect(storyTitle([], facts)).toBe(
      'Water spilled over the Pellbrook dam on Saturday after a week of rain.',
    );
  });
  it("keeps a fact the digest would not voice: a title needs no digest's neutrality", () => {
    const facts = [
      fact('The mayor has offered to host talks on the dam that could involve the water company.', [
        'a',
        'b',
        'c',
      ]),
      fact('Water spilled over the Pellbrook dam on Saturday after a week of rain.', ['a', 'b']),
    ];
    expect(storyTitle([], facts)).toMatch(/^The mayor has offered to host talks/);
  });
});

describe('storyTitle with a fact too long for a title', () => {
  const long =
    'A section of the Pellbrook dam’s spillway wall gave way at about 5:40 p.m. Saturday, sending water across the valley road and leaving two farms cut off from the town for the night.';
  const titled = (id: string, title: string) => annotateText('The dam is old.', id, { title });
  it('takes the headline of a report on the same matter rather than cutting the sentence', () => {
    const facts = [{ id: 'f', text: long, articles: ['a', 'b', 'c'], evidence: [] }];
    const articles = [
      titled('a', 'Should the valley rebuild the Pellbrook dam wall?'),
      titled('b', 'Pellbrook dam spillway wall gives way, cutting off two farms'),
      titled('c', 'Valley council meets on Monday'),
    ];
    expect(storyTitle(articles, facts)).toBe('Pellbrook dam spillway wall gives way, cutting off two farms');
    // Never an opinion piece's headline; without a fitting headline the sentence is cut.
    expect(storyTitle(articles, facts, new Set(['b']))).toMatch(/^A section of the Pellbrook dam’s .*…$/);
  });
});

describe('centralTitle', () => {
  const core = { dam: 3, spill: 3, pellbrook: 2 };
  it('takes the headline of the most central report, never an opinion piece', () => {
    const candidates = [
      report('Opinion: the dam was always going to fail', { ...core, fail: 1 }),
      report('Pellbrook dam spills after a week of rain', core),
      report('Trout die below the weir', { spill: 1, trout: 3, weir: 3 }),
      report('Dam spill column', core, 'https://news.example/opinion/2031/05/dam-spill'),
    ];
    expect(centralTitle(candidates, null)).toBe('Pellbrook dam spills after a week of rain');
  });

  it('keeps the current title within the margin, and moves it when another report is clearly more central', () => {
    const near = [
      report('Pellbrook dam spills', { ...core, rain: 1 }),
      report('Water tops the Pellbrook dam', { ...core, rain: 0.2 }),
      report('Valley wakes to a flooded meadow', { ...core, meadow: 2 }),
    ];
    expect(centralTitle(near, 'Water tops the Pellbrook dam')).toBe('Water tops the Pellbrook dam');
    expect(centralTitle(near, 'Valley wakes to a flooded meadow')).toBe('Valley wakes to a flooded meadow');
    const moved = [
      report('Trout die below the weir', { trout: 3, weir: 3 }),
      ...Array.from({ length: 4 }, (_, i) => report(`Dam report ${i}`, { ...core, [`w${i}`]: 0.5 })),
    ];
    expect(TITLE_KEEP_MARGIN).toBeGreaterThan(0);
    expect(centralTitle(moved, 'Trout die below the weir')).toMatch(/^Dam report/);
  });

  it('names a story after a report, not a headline that asks or explains, unless no report has one', () => {
    const candidates = [
      report('Why the Pellbrook dam gave way', { ...core, rain: 1 }),
      report('Should the valley rebuild the dam?', core),
      report('Farmers count losses below the weir', { spill: 1, farm: 3 }),
    ];
    // The explainer is the most central, and the story already carries it: a report still takes over.
    expect(centralTitle(candidates, 'Why the Pellbrook dam gave way')).toBe(
      'Farmers count losses below the weir',
    );
    expect(centralTitle(candidates.slice(0, 2), null)).toBe('Why the Pellbrook dam gave way');
    expect(asksRatherThanReports('WHO says the outbreak is slowing')).toBe(false);
    expect(asksRatherThanReports('Dam sale: is this the end of the valley’s farms?')).toBe(true);
    expect(asksRatherThanReports('How the valley lost its water')).toBe(true);
    expect(asksRatherThanReports('Howard Lee wins the county seat')).toBe(false);
  });

  it('keeps what the story has when no report has a headline', () => {
    expect(centralTitle([report(null, core), report('Opinion: no', core)], 'Opening words…')).toBeNull();
  });

  it('looks again at 2, 4, 8, … articles', () => {
    expect([1, 2, 3, 4, 5, 8, 12, 16].filter(retitleAt)).toEqual([2, 4, 8, 16]);
  });
});

describe('story titles in a library', () => {
  const libraries = testLibraries('titles');

  it('names a story that opened with a column after its most central report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-titles-'));
    const articles = [
      {
        id: 'column',
        outlet: 'Outlet B Review',
        title: 'Opinion: Pellbrook deserved better than this dam',
        published: '2031-05-10',
        text: 'Water spilled over the Pellbrook dam on Saturday, and I think the valley deserved better.\n\nWe were told the dam was sound.',
      },
      {
        id: 'report-1',
        outlet: 'Outlet C Gazette',
        title: 'Water spills over the Pellbrook dam after a week of rain',
        published: '2031-05-10',
        text: 'Water spilled over the Pellbrook dam on Saturday after a week of rain, the Harlow Valley water company said.\n\nEngineer Mara Voss said the dam itself was sound.',
      },
      {
        id: 'report-2',
        outlet: 'Outlet D Herald',
        title: 'Harlow Valley water company says Pellbrook dam is sound',
        published: '2031-05-11',
        text: 'The Harlow Valley water company said the Pellbrook dam was sound after water spilled over it on Saturday.\n\nEngineer Mara Voss inspected the spillway.',
      },
    ];
    const files = articles.map((a) => {
      const file = join(dir, `${a.id}.json`);
      writeFileSync(file, JSON.stringify(a));
      return file;
    });
    const store = await libraries.openFresh();
    await ingestIntoLibrary(store, files, DEFAULT_CONFIG);
    const articleIds = (await store.listArticles()).map((a) => a.id);
    const ids = [
      ...new Set(await Promise.all(articleIds.map(async (id) => (await store.storyOf(id)) as number))),
    ];
    const story = ids[0] as number;
    for (const other of ids.slice(1)) await mergeStoriesIn(store, story, other);
    const title = (await store.listStories({ ids: [story] }))[0]?.title;
    expect(title).not.toMatch(/^Opinion/);
    expect([articles[1]?.title, articles[2]?.title]).toContain(title);
    // The story's report is headed as the list names it.
    const report = await storyReportIn(store, await requireStoryIn(store, story));
    expect(report.stories[0]?.title).toBe(title);
  }, 60_000);
});
