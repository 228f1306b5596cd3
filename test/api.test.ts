// The library API (src/index.ts) on invented articles: the same pipeline and refusals as the CLI, a report
// true to its schema, and the library operations on a temporary file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ArticleInput,
  analyze,
  annotate,
  type Library,
  openLibrary,
  ParallaxError,
  type Refusal,
} from '../src/index.js';
import { reportSchemaErrors, reportSpanErrors } from './support/report-schema.js';
import { testLibraries } from './support/test-library.js';

const BRIDGE: ArticleInput[] = [
  {
    id: 'daily-1',
    outlet: 'Bayline Daily',
    title: 'Harbor bridge to reopen Monday',
    published: '2031-04-02',
    text:
      'Mayor Lena Ortiz said on Tuesday that the Harbor Bridge will reopen on Monday after six weeks of repairs. ' +
      '"The bridge is safe, and the inspectors agree," Ortiz said. Repairs cost 4 million dollars.',
  },
  {
    id: 'ledger-1',
    outlet: 'Calloway Ledger',
    title: 'Embattled mayor promises bridge reopening',
    published: '2031-04-02',
    html:
      '<p>The embattled mayor, Lena Ortiz, promised on Tuesday that the Harbor Bridge would reopen on Monday.</p>' +
      '<p>"The bridge is safe," Ortiz said. Repairs cost 5 million dollars, according to the city engineer.</p>',
  },
];

function collect(): { refusals: Refusal[]; onRefusal: (r: Refusal) => void } {
  const refusals: Refusal[] = [];
  return { refusals, onRefusal: (r) => refusals.push(r) };
}

describe('analyze', () => {
  it('compares the articles as one story, with a report true to the schema', async () => {
    const report = await analyze(BRIDGE, { now: new Date('2031-04-03T00:00:00Z') });
    expect(report.generatedAt).toBe('2031-04-03T00:00:00.000Z');
    expect(report.stories).toHaveLength(1);
    const story = report.stories[0];
    expect(story?.articles.map((a) => a.id)).toEqual(['daily-1', 'ledger-1']);
    expect(story?.actors.map((a) => a.name)).toContain('Lena Ortiz');
    expect(story?.discrepancies.some((d) => d.kind === 'number')).toBe(true);
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(reportSpanErrors(report)).toEqual([]);
  });

  it('reports each unusable article and compares the rest', async () => {
    const { refusals, onRefusal } = collect();
    const bad = [
      BRIDGE[0],
      { id: 'no-body', title: 'Only a title' },
      'not an article',
      { id: 'numeric-text', text: 42 },
      BRIDGE[1],
    ] as unknown as ArticleInput[];
    const report = await analyze(bad, { onRefusal });
    expect(report.stories[0]?.articles.map((a) => a.id)).toEqual(['daily-1', 'ledger-1']);
    expect(refusals).toEqual([
      { input: 'articles#1', reason: 'article has no "text" or "html"' },
      { input: 'articles#2', reason: 'an article must be an object with "text" or "html"' },
      { input: 'articles#3', reason: '"text" must be a string' },
    ]);
  });

  it('without onRefusal, a refusal is a process warning', async () => {
    const warnings: Error[] = [];
    const listener = (w: Error) => warnings.push(w);
    process.on('warning', listener);
    try {
      await analyze([BRIDGE[0] as ArticleInput, { id: 'empty', text: '   ' }]);
      // Warnings are emitted on the next tick.
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', listener);
    }
    const ours = warnings.filter((w) => (w as { code?: string }).code === 'PARALLAX_REFUSED');
    expect(ours.map((w) => w.message)).toEqual(['articles#1: article has no "text" or "html"']);
  });

  it('gives a report without a story when no article came through', async () => {
    const { refusals, onRefusal } = collect();
    const report = await analyze([{ id: 'x' }], { onRefusal });
    expect(report.stories).toEqual([]);
    expect(refusals).toHaveLength(1);
    expect(reportSchemaErrors(report)).toEqual([]);
  });

  it('takes an async iterable, and refuses an article over maxInputBytes', async () => {
    async function* rows() {
      yield* BRIDGE;
      yield { id: 'huge', text: 'word '.repeat(400) };
    }
    const { refusals, onRefusal } = collect();
    const report = await analyze(rows(), { onRefusal, maxInputBytes: 1000 });
    expect(report.stories[0]?.articles).toHaveLength(2);
    expect(refusals).toEqual([
      { input: 'articles#2', reason: 'article is 2 KB, over the 1000 bytes limit (maxInputBytes)' },
    ]);
  });

  it('rejects more than maxArticles with a LIMIT error naming the library', async () => {
    const many = Array.from({ length: 4 }, (_, i) => ({ id: `a${i}`, text: `Article ${i} says little.` }));
    const error = await analyze(many, { maxArticles: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParallaxError);
    expect((error as ParallaxError).code).toBe('LIMIT');
    expect((error as Error).message).toMatch(/more than 3 articles.*parallax ingest.*maxArticles/);
    // Exactly at the limit is fine.
    const report = await analyze(many.slice(0, 3), { maxArticles: 3 });
    expect(report.stories[0]?.articles).toHaveLength(3);
  });

  it('throws a TypeError when given something that is not a list of articles', async () => {
    await expect(analyze('text' as unknown as ArticleInput[])).rejects.toThrow(TypeError);
    await expect(analyze({ id: 'a', text: 'x' } as unknown as ArticleInput[])).rejects.toThrow(TypeError);
  });
});

describe('annotate', () => {
  it('annotates each article in input order and leaves out the unusable ones', async () => {
    const { refusals, onRefusal } = collect();
    const annotated = await annotate(
      [BRIDGE[1] as ArticleInput, { id: 'bad', html: '' }, BRIDGE[0] as ArticleInput],
      {
        onRefusal,
      },
    );
    expect(annotated.map((a) => a.id)).toEqual(['ledger-1', 'daily-1']);
    const ledger = annotated[0];
    expect(ledger?.outlet).toBe('Calloway Ledger');
    expect(ledger?.text).toContain('The embattled mayor');
    expect(ledger?.entities.map((e) => e.name)).toContain('Lena Ortiz');
    expect(ledger?.quotes[0]?.text).toContain('The bridge is safe');
    expect(refusals.map((r) => r.input)).toEqual(['articles#1']);
  });
});

describe('openLibrary', () => {
  const libraries = testLibraries('api');
  let dir = '';
  let library: Library;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-api-'));
    library = await openLibrary(await libraries.fresh('news'));
  });
  afterAll(() => library.close());

  const OTHER: ArticleInput = {
    id: 'wire-9',
    outlet: 'Coastal Wire',
    published: '2031-05-20',
    text:
      'The Varn county fair opened on Saturday with a record 12,000 visitors, organiser Pia Holm said. ' +
      'Holm said the fair would add a second weekend next year.',
  };

  it('ingests articles into stories, lists them, reports and explains one, and searches', async () => {
    const { refusals, onRefusal } = collect();
    const summary = await library.ingest([...BRIDGE, OTHER, { id: 'bad' }], { onRefusal, worker: false });
    expect(summary).toMatchObject({ seen: 4, added: 3, refused: 1, newStories: 2 });
    expect(refusals).toEqual([{ input: 'articles#3', reason: 'article has no "text" or "html"' }]);

    const again = await library.ingest(BRIDGE, { worker: false });
    expect(again).toMatchObject({ added: 0, existing: 2 });

    const stories = await library.stories();
    expect(stories).toHaveLength(2);
    const bridge = stories.find((s) => s.articles.includes('daily-1'));
    expect(bridge?.articles.sort()).toEqual(['daily-1', 'ledger-1']);

    const report = await library.story(bridge?.id ?? -1);
    expect(report.stories[0]?.actors.map((a) => a.name)).toContain('Lena Ortiz');
    expect(reportSchemaErrors(report)).toEqual([]);

    const why = await library.why(bridge?.id ?? -1);
    expect(why.members.map((m) => m.inputId).sort()).toEqual(['daily-1', 'ledger-1']);

    const hits = await library.search('fair');
    expect(hits.map((h) => h.title ?? h.id)).toHaveLength(1);
    expect(hits[0]?.story).not.toBe(bridge?.id);
  });

  it('splits and merges stories', async () => {
    const bridge = (await library.stories()).find((s) => s.articles.includes('daily-1'));
    const id = bridge?.id ?? -1;
    const { from, to } = await library.split(id, ['ledger-1']);
    expect(from.articleCount).toBe(1);
    expect(to.members.map((m) => m.inputId)).toEqual(['ledger-1']);
    const merged = await library.merge(id, to.id);
    expect(merged.articleCount).toBe(2);
    await expect(library.story(to.id)).rejects.toThrow(/there is no story/);
  });

  it('refuses work after close, and a missing file with mustExist', async () => {
    const other = await openLibrary(await libraries.fresh('other'));
    await other.close();
    await expect(other.stories()).rejects.toThrow(/closed/);
    await expect(openLibrary(join(dir, 'missing.db'), { mustExist: true })).rejects.toThrow(
      /no library there/,
    );
  });
});
