// Navigation in the web app: the story list's page links, search with outlet/day/story filters, its count,
// order and pages (page and API), sorted outlet and actor tables, and the charts' axes, captions and table
// fallbacks — with hostile outlet and actor names reaching sorted tables and chart labels as text.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../src/model/article.js';
import { createApp } from '../src/server/app.js';
import { dayRange, monthRange, niceMax, periodTicks, shareBar, topRows } from '../src/server/charts.js';
import { pageNumbers, pager } from '../src/server/pager.js';
import { type SortColumn, sortParam, sortRows } from '../src/server/sortable.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { makeArticle } from './support/articles.js';
import { testLibraries } from './support/test-library.js';

const HOSTILE_OUTLET = 'Evil <img src=x onerror="window.__pwned=1"> Post';
const HOSTILE_ACTOR = 'Varo <script>window.__pwned=2</script>';

/** An article naming `actor` with a label: "Name was called label. The flood …". */
function article(
  n: number,
  outlet: string,
  published: string | null,
  actor = 'Ilse Marrow',
  label = 'mayor',
) {
  const name = actor;
  const text = `${name} was called ${label}. The flood wall at Orrin Falls held, report ${n}.`;
  const entity: Entity = {
    id: `e${n}`,
    name,
    kind: 'person',
    mentions: [{ start: 0, end: name.length, text: name }],
    descriptors: [
      { start: name.length + 12, end: name.length + 12 + label.length, text: label, via: 'appositive' },
    ],
  };
  return makeArticle({
    id: `a${n}`,
    source: `a${n}.json`,
    url: `https://news.example/${n}`,
    title: `Flood report ${n} from ${outlet}`,
    outlet,
    published,
    text,
    entities: [entity],
  });
}

const libraries = testLibraries('navigation');
let store: AsyncStore;
let app: ReturnType<typeof createApp>;
let storyId = 0;
const doc = (body: string) => parseHTML(body).document;
const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: await res.text(), csp: res.headers.get('content-security-policy') };
};

beforeAll(async () => {
  store = await libraries.openFresh();
  const { added } = await store.putArticles([
    article(1, 'Alpha Times', '2030-01-02'),
    article(2, 'Alpha Times', '2030-01-04'),
    article(3, 'Beta Daily', '2030-01-03'),
    article(4, HOSTILE_OUTLET, '2030-01-05', HOSTILE_ACTOR, 'critic'),
    article(5, 'Beta Daily', null),
    article(6, 'Gamma Wire', '2030-03-10', 'Ilse Marrow', 'leader'),
  ]);
  const index = store.storyIndex();
  storyId = await index.saveProfile({
    id: null,
    size: 4,
    firstDay: null,
    lastDay: null,
    features: new Map(),
  });
  const other = await index.saveProfile({
    id: null,
    size: 2,
    firstDay: null,
    lastDay: null,
    features: new Map(),
  });
  for (const [i, id] of added.entries()) {
    await store.placeArticle(id, {
      storyId: i < 4 ? storyId : other,
      duplicateOf: null,
      score: null,
      reasons: null,
      placedBy: 'ingest',
    });
  }
  app = createApp({ store });
});

describe('page links', () => {
  it('links the first, last and nearby pages, a single missing page written out', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(6, 675)).toEqual([1, null, 4, 5, 6, 7, 8, null, 675]);
    expect(pageNumbers(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageNumbers(1, 10)).toEqual([1, 2, 3, null, 10]);
    const drawn = pager(9, 4, (p) => `/?page=${p}`, 'Pages');
    const beyond = parseHTML(`<body>${typeof drawn === 'string' ? drawn : drawn.value}</body>`).document;
    expect(beyond.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/?page=4');
    expect(beyond.querySelector('a[rel="next"]')).toBeNull();
    expect(pager(1, 1, (p) => `/?page=${p}`, 'Pages')).toBe('');
  });

  it('pages the story list with its total, numbered links and the 2+ outlets filter kept', async () => {
    const first = doc((await get('/?limit=1&min_outlets=2')).body);
    expect(first.querySelector('[role="status"]')?.textContent).toBe(
      'Stories 1–2 of 2 covered by 2+ outlets',
    );
  });
});

describe('search filters', () => {
  const count = async (query: string) => {
    const page = await get(`/search?${query}`);
    expect([query, page.status]).toEqual([query, 200]);
    const text = doc(page.body).querySelector('.search-count strong')?.textContent ?? '';
    return Number(text.replace(/,/g, ''));
  };
  const titles = async (query: string) =>
    [...doc((await get(`/search?${query}`)).body).querySelectorAll('ol.rows .title')].map((a) =>
      (a.textContent ?? '').replace(/^Flood report (\d+).*$/, '$1'),
    );

  it('counts the hits and narrows them by outlet, days and story', async () => {
    expect(await count('q=flood')).toBe(6);
    expect(await count('q=flood&outlet=Alpha+Times')).toBe(2);
    expect(await count('q=flood&since=2030-01-03&until=2030-01-05')).toBe(3);
    expect(await count(`q=flood&story=${storyId}`)).toBe(4);
    expect(await count(`q=flood&story=${storyId}&outlet=Beta+Daily`)).toBe(1);
  });

  it('orders by day, undated last, and pages with every filter kept in the links', async () => {
    expect(await titles('q=flood&sort=newest')).toEqual(['6', '4', '2', '3', '1', '5']);
    expect(await titles('q=flood&sort=oldest')).toEqual(['1', '3', '2', '4', '6', '5']);
    const second = doc((await get('/search?q=flood&outlet=Alpha+Times&sort=oldest&limit=1&page=2')).body);
    expect(second.querySelector('.search-count')?.textContent).toContain('2–2, oldest first');
    const prev = second.querySelector('.pager a[rel="prev"]')?.getAttribute('href') ?? '';
    expect(new URL(prev, 'http://x').searchParams.get('outlet')).toBe('Alpha Times');
    expect(new URL(prev, 'http://x').searchParams.get('sort')).toBe('oldest');
    // The form shows what was asked.
    expect(second.querySelector('select[name="outlet"] option[selected]')?.textContent).toBe('Alpha Times');
    expect(second.querySelector('select[name="sort"] option[selected]')?.getAttribute('value')).toBe(
      'oldest',
    );
  });

  it('refuses a bad sort, day, range or story with a 400 page naming it', async () => {
    for (const [query, says] of [
      ['q=flood&sort=best', 'sort is one of relevance, newest, oldest'],
      ['q=flood&since=2030-02-30', 'since must be a day'],
      ['q=flood&since=2030-02-01&until=2030-01-01', 'is after until'],
      ['q=flood&story=first', 'story must be a story number'],
    ] as const) {
      const page = await get(`/search?${query}`);
      expect([query, page.status]).toEqual([query, 400]);
      // HTML error pages capitalise the reason's first word; the API keeps it as written.
      expect(page.body.toLowerCase()).toContain(says.toLowerCase());
      expect(page.csp).toMatch(/default-src 'none'/);
    }
  });

  it('answers the same filters on /api/search in the published shape', async () => {
    const schema = new Ajv2020.default({ allErrors: true, strict: false }).compile(
      JSON.parse(readFileSync(new URL('../schema/search.schema.json', import.meta.url), 'utf8')),
    );
    const res = await app.request('/api/search?q=flood&outlet=Alpha+Times&sort=newest&limit=1');
    const body = (await res.json()) as { total: number; hits: { outlet: string }[]; sort: string };
    expect(schema(body) ? [] : schema.errors).toEqual([]);
    expect(body).toMatchObject({ total: 2, sort: 'newest', offset: 0, limit: 1 });
    expect(body.hits.map((h) => h.outlet)).toEqual(['Alpha Times']);
    const bad = await app.request('/api/search?q=flood&sort=best');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad-parameter');
    const openapi = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get: { parameters: { name: string }[] } }>;
    };
    expect(openapi.paths['/api/search']?.get.parameters.map((p) => p.name)).toEqual([
      'q',
      'limit',
      'page',
      'outlet',
      'since',
      'until',
      'story',
      'sort',
    ]);
  });
});

describe('sorted tables', () => {
  const cells = (body: string, column: number) =>
    [...doc(body).querySelectorAll('table.sortable tbody tr')].map(
      (tr) => tr.querySelectorAll('td')[column]?.textContent ?? '',
    );

  it('sorts rows by a column, rows without a value last either way, ties in the given order', () => {
    const columns: SortColumn<{ n: number | null; s: string }>[] = [
      { key: 'n', label: 'N', first: 'desc', value: (r) => r.n },
      { key: 's', label: 'S', first: 'asc', value: (r) => r.s },
    ];
    const rows = [
      { n: 2, s: 'b' },
      { n: null, s: 'a' },
      { n: 10, s: 'B' },
      { n: 2, s: 'c' },
    ];
    expect(sortRows(rows, columns, { key: 'n', dir: 'asc' }).map((r) => r.n)).toEqual([2, 2, 10, null]);
    expect(sortRows(rows, columns, { key: 'n', dir: 'desc' }).map((r) => r.s)).toEqual(['B', 'b', 'c', 'a']);
    expect(sortParam(columns, 'n', undefined, { key: 's', dir: 'asc' })).toEqual({ key: 'n', dir: 'desc' });
    expect(() => sortParam(columns, 'x', undefined, { key: 's', dir: 'asc' })).toThrow(/sort is one of n, s/);
    expect(() => sortParam(columns, 'n', 'up', { key: 's', dir: 'asc' })).toThrow(/dir is asc or desc/);
  });

  it('sorts the outlet table by each column through links that show the current sort', async () => {
    expect(cells((await get('/outlets?sort=outlet&dir=asc')).body, 0)).toEqual([
      'Alpha Times',
      'Beta Daily',
      HOSTILE_OUTLET,
      'Gamma Wire',
    ]);
    expect(cells((await get('/outlets?sort=articles&dir=asc')).body, 1)).toEqual(['1', '1', '2', '2']);
    const page = doc((await get('/outlets?sort=published&dir=desc')).body);
    expect(cells(page.documentElement.outerHTML, 0)[0]).toBe('Gamma Wire');
    const current = page.querySelector('th[aria-sort]');
    expect(current?.getAttribute('aria-sort')).toBe('descending');
    expect(current?.querySelector('a')?.getAttribute('href')).toBe('/outlets?sort=published&dir=asc');
    for (const query of ['sort=size', 'sort=articles&dir=up']) {
      const refused = await get(`/outlets?${query}`);
      expect([query, refused.status]).toEqual([query, 400]);
      expect(refused.body).toMatch(/sort is one of outlet, leaning|dir is asc or desc/i);
    }
  });

  it('sorts the actor table and keeps the name filter in its header links', async () => {
    const names = cells((await get('/actors?sort=name&dir=asc')).body, 0);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(names).toContain('Ilse Marrow');
    const filtered = doc((await get('/actors?prefix=ilse&sort=articles&dir=desc')).body);
    const link = filtered.querySelector('th a.sort')?.getAttribute('href') ?? '';
    expect(new URL(link, 'http://x').searchParams.get('prefix')).toBe('ilse');
    expect(filtered.querySelector('input[name="sort"]')?.getAttribute('value')).toBe('articles');
    expect((await get('/actors?sort=fame')).status).toBe(400);
  });
});

describe('charts', () => {
  it('fills periods, rounds the top tick and labels years on long runs of months', () => {
    expect(dayRange(['2030-02-27', '2030-03-02'])).toEqual([
      '2030-02-27',
      '2030-02-28',
      '2030-03-01',
      '2030-03-02',
    ]);
    expect(monthRange(['2030-11', '2031-02'])).toEqual(['2030-11', '2030-12', '2031-01', '2031-02']);
    expect([niceMax(0), niceMax(7), niceMax(18), niceMax(58), niceMax(101)]).toEqual([1, 10, 20, 100, 200]);
    const ticks = periodTicks(monthRange(['2013-01', '2020-07']));
    expect(ticks.map((t) => t.text)).toEqual([
      '2013',
      '2014',
      '2015',
      '2016',
      '2017',
      '2018',
      '2019',
      '2020',
    ]);
    const many = Array.from({ length: 20 }, (_, i) => ({ name: `O${i}`, counts: [[i]] }));
    const rows = topRows(many);
    expect(rows.drawn).toHaveLength(12);
    expect(rows.rest).toEqual({ name: '8 other outlets', counts: [[0 + 1 + 2 + 3 + 4 + 5 + 6 + 7]] });
  });

  it("draws a story's articles by day per outlet with axes, a caption and the numbers as a table", async () => {
    const page = await get(`/stories/${storyId}`);
    expect(page.status).toBe(200);
    const figure = doc(page.body)
      .querySelector('#h-coverage-days')
      ?.parentElement?.querySelector('figure.chart');
    const svg = figure?.querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.querySelector('title')?.textContent).toBe('Articles of this story by day and outlet');
    expect(svg?.querySelector('desc')?.textContent).toContain(
      '4 articles by 3 outlets over 4 days, 2030-01-02 to 2030-01-05',
    );
    expect([...(svg?.querySelectorAll('text.axis-title') ?? [])].map((t) => t.textContent)).toContain(
      'Day of publication',
    );
    expect(figure?.querySelector('figcaption')?.textContent).toContain(
      'near-copies of another article included',
    );
    const table = [...(figure?.querySelectorAll('details table tbody tr') ?? [])].map((tr) => tr.textContent);
    expect(table).toContain('Alpha Times22030-01-02: 1; 2030-01-04: 1');
    // The hostile outlet is a row name and a bar title, as text.
    expect(svg?.textContent).toContain('Evil <img');
    expect(page.body).not.toContain('<img src=x');
  });

  it("draws an actor's labels by month per outlet, split by tone", async () => {
    const page = await get('/actors/ilse%20marrow');
    expect(page.status).toBe(200);
    const svg = doc(page.body).querySelector('figure.chart svg');
    expect(svg?.querySelector('title')?.textContent).toBe('Labels given to Ilse Marrow, by month and outlet');
    expect(svg?.querySelector('desc')?.textContent).toContain('over 3 months, 2030-01 to 2030-03');
    expect([...(svg?.querySelectorAll('g.cell > title') ?? [])].map((t) => t.textContent)).toEqual([
      'Alpha Times, 2030-01: 2 label uses (2 neutral)',
      'Beta Daily, 2030-01: 1 label use (1 neutral)',
      'Gamma Wire, 2030-03: 1 label use (1 neutral)',
    ]);
  });

  it('keeps hostile outlet and actor names as text in sorted tables, search and charts', async () => {
    const actorKeyPath = `/actors/${encodeURIComponent((await store.actors(50)).find((a) => a.name.includes('Varo'))?.actor ?? '')}`;
    for (const path of [
      '/outlets?sort=outlet&dir=desc',
      '/actors?sort=name&dir=desc',
      '/search?q=flood&sort=newest',
      `/search?q=flood&outlet=${encodeURIComponent(HOSTILE_OUTLET)}`,
      `/stories/${storyId}`,
      actorKeyPath,
      `/outlets/${encodeURIComponent(HOSTILE_OUTLET)}`,
    ]) {
      const page = await get(path);
      expect([path, page.status]).toEqual([path, 200]);
      expect(page.body).not.toContain('<img src=x');
      expect(page.body).not.toContain('<script>window.__pwned');
      // No element made of a name: no <img> anywhere, and no script but the story page's own.
      const dom = doc(page.body);
      expect([path, dom.querySelectorAll('img').length]).toEqual([path, 0]);
      for (const script of dom.querySelectorAll('script'))
        expect(script.textContent).not.toContain('__pwned');
    }
  });
});

describe('share bars', () => {
  const parts = (neg: number, neu: number) => [
    { label: 'negative', value: neg, className: 'neg' },
    { label: 'neutral', value: neu, className: 'neu' },
  ];
  it('give counts of how many, and percentages only from 20 items on', () => {
    expect(shareBar(parts(0, 3), 'labels').value).toContain('negative 0 · neutral 3 — of 3 labels');
    expect(shareBar(parts(5, 15), 'labels').value).toContain(
      'negative 5 (25%) · neutral 15 (75%) — of 20 labels',
    );
    expect(shareBar(parts(0, 0)).value).toContain('none');
  });
});
