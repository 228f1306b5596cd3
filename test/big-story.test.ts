// Big stories stay readable: the web app compares the most distinct voices of a story of many outlets (or
// the reader's choice), lists its members on a page of their own, pages the story list with totals and
// filters it to stories of two or more outlets; the HTML report folds what a 50-outlet story would spread
// over screens. All articles are invented for this test.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import { mergeStoriesIn, splitStoryIn } from '../src/library/stories.js';
import { cosine, distinctVoices } from '../src/library/voices.js';
import type { Report } from '../src/model/report.js';
import { renderHtml } from '../src/report/html/index.js';
import { createApp } from '../src/server/app.js';
import { COMPARE_ALL_MAX, DEFAULT_OUTLETS } from '../src/server/story-selection.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { manyOutletReport } from './fixtures/report/many-outlets.js';
import { reportSchemaErrors } from './support/report-schema.js';
import { testLibraries } from './support/test-library.js';

const v = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('distinctVoices', () => {
  it('opens with the most central voice, then takes the least similar, near-copies last', () => {
    const voices = [
      { key: 'wire', vector: v({ dam: 3, spill: 3, pellbrook: 2, crews: 1 }) },
      { key: 'wire-copy', vector: v({ dam: 3, spill: 3, pellbrook: 2, crews: 1.1 }) },
      { key: 'angle', vector: v({ dam: 1, insurers: 3, premiums: 3 }) },
      { key: 'local', vector: v({ spill: 1, pellbrook: 2, school: 3, closed: 2 }) },
    ];
    expect(cosine(voices[0]?.vector ?? new Map(), voices[1]?.vector ?? new Map())).toBeGreaterThan(0.99);
    const chosen = distinctVoices(voices, 4);
    // The wire report and its copy are the centre; either may open, the other comes last.
    expect(chosen.slice(0, 1)).toEqual([expect.stringMatching(/^wire/)]);
    expect(chosen.slice(1, 3).sort()).toEqual(['angle', 'local']);
    expect(chosen[3]).toMatch(/^wire/);
    expect(distinctVoices(voices, 2)).toHaveLength(2);
    expect(distinctVoices([], 3)).toEqual([]);
  });
});

// Sixteen outlets report the spill at the invented Pellbrook dam, each with an angle of its own.
const ANGLES = [
  'Insurers said premiums along the valley would rise next year.',
  'Teachers moved the Pellbrook primary school to the church hall.',
  'Anglers reported dead trout below the weir for three miles.',
  'The regional rail line closed its Pellbrook halt until Monday.',
  'Farmers on the east bank lost most of their winter barley.',
  'A council auditor asked why the spillway survey was delayed.',
  'Volunteers from the rowing club ferried pensioners to dry ground.',
  'The water company apologised and promised bottled water for all.',
  'Geologists blamed a cracked culvert in the northern embankment.',
  'Shopkeepers on Mill Lane swept mud from their floors at dawn.',
  'The hospital postponed routine surgery to free its staff.',
  'A brass band cancelled its summer concert in the valley park.',
  'Cyclists found the towpath washed away near the old lock.',
  'Bird wardens counted herons nesting on the flooded meadows.',
  'The bishop opened the cathedral crypt to store furniture.',
  'Students at the agricultural college tested soil for silt.',
];
const OUTLETS = ANGLES.map((_, i) => `Outlet ${String.fromCharCode(65 + i)} Gazette`);

function spillArticle(i: number): { file: string; body: string } {
  const outlet = OUTLETS[i] as string;
  const body = {
    id: `spill-${i}`,
    outlet,
    title: `Pellbrook dam spill: ${(ANGLES[i] as string).split(' ').slice(0, 5).join(' ')}`,
    published: `2031-05-${String(10 + (i % 3)).padStart(2, '0')}`,
    text: `Water spilled over the Pellbrook dam on Saturday after a week of rain, the Harlow Valley water company said.\n\n${ANGLES[i]} Engineer Mara Voss said the dam itself was sound.\n\n${ANGLES[(i + 5) % ANGLES.length]}`,
  };
  return { file: `spill-${i}.json`, body: JSON.stringify(body) };
}

const SOLO = {
  id: 'solo',
  outlet: 'Outlet Z Courier',
  title: 'Quarry owner fined over dust at Tarrant Hill',
  published: '2031-03-01',
  text: 'Magistrates fined the owner of the Tarrant Hill quarry on Friday for letting dust drift over the village.\n\nResidents had complained for two years.',
};

const libraries = testLibraries('big_story');
let store: AsyncStore;
let app: ReturnType<typeof createApp>;
let bigId: number;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-big-'));
  const files = ANGLES.map((_, i) => {
    const { file, body } = spillArticle(i);
    writeFileSync(join(dir, file), body);
    return join(dir, file);
  });
  writeFileSync(join(dir, 'solo.json'), JSON.stringify(SOLO));
  files.push(join(dir, 'solo.json'));
  store = await libraries.openFresh();
  await ingestIntoLibrary(store, files, DEFAULT_CONFIG);
  // One story of all sixteen, whatever clustering made of them (this test is about showing it).
  const spill = (await store.listArticles()).filter((a) => a.title?.startsWith('Pellbrook'));
  const spillStories = [
    ...new Set(await Promise.all(spill.map(async (a) => (await store.storyOf(a.id)) as number))),
  ];
  bigId = spillStories[0] as number;
  for (const other of spillStories.slice(1)) await mergeStoriesIn(store, bigId, other);
  // The quarry story stands alone, even if clustering a library this small put it with the spill.
  const solo = (await store.listArticles()).find((a) => a.title === SOLO.title)?.id as string;
  if ((await store.storyOf(solo)) === bigId) await splitStoryIn(store, bigId, [solo]);
  app = createApp({ store });
}, 120_000);

function doc(body: string) {
  return parseHTML(body).document;
}

describe('a story of many outlets in the web app', () => {
  it('compares the most distinct voices by default and says so', async () => {
    expect(ANGLES.length).toBeGreaterThan(COMPARE_ALL_MAX);
    const res = await app.request(`/stories/${bigId}`);
    expect(res.status).toBe(200);
    const page = doc(await res.text());
    const panel = page.querySelector('.choose')?.textContent ?? '';
    expect(panel).toContain(`Comparing ${DEFAULT_OUTLETS} of 16 outlets`);
    expect(panel).toContain('most distinct voices');
    // Only the chosen outlets' articles are compared and rendered.
    expect(page.querySelectorAll('.outlet-card')).toHaveLength(DEFAULT_OUTLETS);
    const checked = [...page.querySelectorAll('.choose input[name="outlet"]')].filter((i) =>
      i.hasAttribute('checked'),
    );
    expect(checked).toHaveLength(DEFAULT_OUTLETS);
    // The members are on their own page, linked from here.
    expect(page.querySelector(`a[href="/stories/${bigId}/articles"]`)).not.toBeNull();
    expect(page.querySelector('form[action$="/split"]')).toBeNull();
  });

  it('compares the outlets the reader chose, ignoring unknown names', async () => {
    const q = new URLSearchParams();
    for (const o of [OUTLETS[2], OUTLETS[9], 'No Such Outlet']) q.append('outlet', o as string);
    const page = doc(await (await app.request(`/stories/${bigId}?${q}`)).text());
    expect(page.querySelector('.choose')?.textContent).toContain('Comparing 2 of 16 outlets');
    expect([...page.querySelectorAll('.outlet-card .name')].map((n) => n.textContent?.trim()).sort()).toEqual(
      [OUTLETS[2], OUTLETS[9]].sort(),
    );
    expect(page.querySelector(`.choose a[href="/stories/${bigId}"]`)?.textContent).toContain(
      'most distinct voices',
    );
    const api = (await (await app.request(`/api/stories/${bigId}?${q}`)).json()) as Report;
    expect(reportSchemaErrors(api)).toEqual([]);
    expect(api.stories[0]?.articles.map((a) => a.outlet).sort()).toEqual([OUTLETS[2], OUTLETS[9]].sort());
  });

  it('lists every member, why it is there and the split form on the story’s articles page', async () => {
    const res = await app.request(`/stories/${bigId}/articles`);
    expect(res.status).toBe(200);
    const page = doc(await res.text());
    expect(page.querySelectorAll('input[name="articles"]')).toHaveLength(16);
    expect(page.querySelector(`form[action="/stories/${bigId}/split"]`)).not.toBeNull();
    expect((await app.request('/stories/99999/articles')).status).toBe(404);
  });
});

describe('the story list in pages', () => {
  it('pages /api/stories with the total, and filters to stories of two or more outlets', async () => {
    const all = (await (await app.request('/api/stories')).json()) as { total: number; stories: unknown[] };
    expect(all.total).toBe(all.stories.length);
    expect(all.total).toBeGreaterThanOrEqual(2);
    const first = (await (await app.request('/api/stories?limit=1')).json()) as {
      total: number;
      limit: number;
      stories: { id: number }[];
    };
    expect(first).toMatchObject({ total: all.total, limit: 1 });
    const second = (await (await app.request('/api/stories?limit=1&page=2')).json()) as {
      offset: number;
      stories: { id: number }[];
    };
    expect(second.offset).toBe(1);
    expect(second.stories[0]?.id).not.toBe(first.stories[0]?.id);
    const shared = (await (await app.request('/api/stories?min_outlets=2')).json()) as {
      total: number;
      stories: { outlets: string[] }[];
    };
    expect(shared.total).toBeLessThan(all.total);
    expect(shared.stories.length).toBe(shared.total);
    for (const s of shared.stories) expect(s.outlets.length).toBeGreaterThanOrEqual(2);
    expect((await app.request('/api/stories?page=0')).status).toBe(400);
  });

  it('shows the range, the total and links to the next page on the story list page', async () => {
    const total = await store.countStories();
    const page = doc(await (await app.request('/?limit=1')).text());
    // The page size of the page is fixed (50): a two-story library fits on one page.
    expect(page.querySelector('[role="status"]')?.textContent).toBe(`Stories 1–${total} of ${total}`);
    expect(page.querySelector('.pager')).toBeNull();
    const shared = doc(await (await app.request('/?min_outlets=2')).text());
    expect(shared.querySelector('input[name="min_outlets"]')?.hasAttribute('checked')).toBe(true);
    expect(shared.querySelector('[role="status"]')?.textContent).toMatch(/covered by 2\+ outlets$/);
    expect(shared.body.textContent).not.toContain(SOLO.title);
    const beyond = doc(await (await app.request('/?page=9')).text());
    expect(beyond.querySelector('main')?.textContent).toContain('No stories on page 9');
  });
});

// ── The HTML report of a story of many outlets ─────────────────────────────────────────────────────────

describe('the HTML report of a story of many outlets', () => {
  const report: Report = manyOutletReport(50, 30);
  const page = doc(renderHtml(report));

  it('folds the outlet cards and filter chips beyond the first few behind "more"', () => {
    const cards = page.querySelectorAll('.outlet-card');
    expect(cards).toHaveLength(50);
    expect(page.querySelectorAll('.hero > .wrap > .outlet-cards .outlet-card')).toHaveLength(12);
    expect(page.querySelector('.more-cards summary')?.textContent).toBe('38 more articles');
    expect(page.querySelectorAll('.filter > [data-filter]')).toHaveLength(10);
    expect(page.querySelector('.more-chips summary')?.textContent).toBe('+40 more');
    expect(page.querySelectorAll('.more-chips [data-filter]')).toHaveLength(40);
  });

  it('shows the top actors and the rest behind "more"', () => {
    const tables = page.querySelectorAll('table.actors');
    expect(tables[0]?.querySelectorAll('tbody tr')).toHaveLength(12);
    expect(page.querySelector('#s0-actors .more-rows summary')?.textContent).toBe('18 more labelled actors');
    expect(tables[1]?.querySelectorAll('tbody tr')).toHaveLength(18);
  });

  it('gives every outlet column a minimum width, so the matrix scrolls rather than breaking words', () => {
    const style = page.querySelector('table.actors')?.getAttribute('style') ?? '';
    const width = Number(/min-width:(\d+)px/.exec(style)?.[1]);
    expect(width).toBeGreaterThanOrEqual(50 * 120);
    const css = page.querySelector('style')?.textContent ?? '';
    expect(css).toMatch(/\.matrix th, \.matrix td \{[^}]*overflow-wrap: break-word/);
    expect(css).not.toMatch(/\.matrix th, \.matrix td \{[^}]*anywhere/);
  });
});
