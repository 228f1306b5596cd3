// Spread and blindspots: a story's voices by leaning (or another directory field), and the stories only one
// group covers, in the web app and its API. Outlets and articles are invented.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { directoryFrom } from '../src/outlets/directory.js';
import { blindspotGroup, directoryIndex, storySpread } from '../src/outlets/spread.js';
import { createApp } from '../src/server/app.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { makeArticle } from './support/articles.js';
import { DIRECTORY, HOSTILE } from './support/outlet-directory.js';
import { testLibraries } from './support/test-library.js';

const index = directoryIndex({
  leaningScale: DIRECTORY.leanings,
  outlets: directoryFrom(DIRECTORY, 'mine.yaml', null).outlets,
});

describe('storySpread', () => {
  it('counts voices by group in the scale order, zero groups known, unknown outlets last', () => {
    const spread = storySpread(
      [
        { outlet: 'Daily Quill', voices: 2 },
        { outlet: 'Evening Lantern', voices: 1 },
        { outlet: 'Morning Star Post', voices: 0 },
        { outlet: 'Unlisted Times', voices: 1 },
        { outlet: null, voices: 1 },
      ],
      index,
      'leaning',
    );
    expect(spread.values).toEqual(['left', 'centre', 'right']);
    expect(spread.voices).toBe(5);
    expect(spread.groups).toEqual([
      {
        value: 'left',
        voices: 1,
        outlets: [
          { outlet: 'Evening Lantern', voices: 1 },
          { outlet: 'Morning Star Post', voices: 0 },
        ],
      },
      { value: 'right', voices: 2, outlets: [{ outlet: 'Daily Quill', voices: 2 }] },
      { value: null, voices: 1, outlets: [{ outlet: 'Unlisted Times', voices: 1 }] },
    ]);
    expect(blindspotGroup(spread)).toBeNull();
  });

  it('a blindspot: two outlets with a voice in one group, none in another; copies and unknowns do not count', () => {
    const only = (voices: { outlet: string; voices: number }[], field: 'leaning' | 'country' = 'leaning') =>
      blindspotGroup(storySpread(voices, index, field));
    expect(
      only([
        { outlet: 'Daily Quill', voices: 1 },
        { outlet: 'Ridge Courier', voices: 1 },
        { outlet: 'Unlisted Times', voices: 3 },
        // A left outlet that only ran a copy of a right one's report does not cover it with a voice.
        { outlet: 'Evening Lantern', voices: 0 },
      ]),
    ).toBe('right');
    // One outlet alone is no blindspot: nobody else covered it at all.
    expect(only([{ outlet: 'Daily Quill', voices: 3 }])).toBeNull();
    expect(
      only([
        { outlet: 'Daily Quill', voices: 1 },
        { outlet: 'Harbour Wire', voices: 1 },
      ]),
    ).toBeNull();
    // Another field: Quill and Lantern are both Norwegian.
    expect(
      only(
        [
          { outlet: 'Daily Quill', voices: 1 },
          { outlet: 'Evening Lantern', voices: 1 },
        ],
        'country',
      ),
    ).toBe('NO');
    // A field with a single value in the whole directory has no blindspots.
    const oneLanguage = directoryIndex({
      leaningScale: null,
      outlets: directoryFrom(
        {
          outlets: [
            { name: 'A', language: 'en' },
            { name: 'B', language: 'en' },
          ],
        },
        'x',
        null,
      ).outlets,
    });
    expect(
      blindspotGroup(
        storySpread(
          [
            { outlet: 'A', voices: 1 },
            { outlet: 'B', voices: 1 },
          ],
          oneLanguage,
          'language',
        ),
      ),
    ).toBeNull();
  });
});

const spreadSchema = new Ajv2020.default({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(new URL('../schema/spread.schema.json', import.meta.url), 'utf8')),
);
const schemaErrors = (value: unknown) =>
  spreadSchema(value) ? [] : (spreadSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

const libraries = testLibraries('spread');
let store: AsyncStore;
let app: ReturnType<typeof createApp>;
const stories: Record<string, number> = {};

/** Puts the articles in a story of their own; `copies` names articles that nearly duplicate the first. */
async function story(name: string, outlets: string[], copies: string[] = []): Promise<void> {
  const articles = [...outlets, ...copies].map((outlet, i) =>
    makeArticle({
      id: `${name}-${i}`,
      url: `https://news.example/${name}/${i}`,
      outlet,
      title: `${name} report ${i}`,
      published: `2031-05-${String(10 + i).padStart(2, '0')}`,
      text: `The ${name} council met on Tuesday, report ${i} said.`,
    }),
  );
  const put = await store.putArticles(articles);
  const id = await store.storyIndex().saveProfile({
    id: null,
    size: articles.length,
    firstDay: null,
    lastDay: null,
    features: new Map([[`t:${name}`, 1]]),
  });
  for (const [i, articleId] of put.added.entries()) {
    await store.placeArticle(articleId, {
      storyId: id,
      duplicateOf: i >= outlets.length ? (put.added[0] as string) : null,
      score: null,
      reasons: null,
      placedBy: 'user',
    });
  }
  stories[name] = id;
}

beforeAll(async () => {
  store = await libraries.openFresh();
  await story('ferry', ['Daily Quill', 'Ridge Courier'], ['Evening Lantern']);
  await story('bridge', ['Evening Lantern', 'Morning Star Post', 'Unlisted Times']);
  await story('tunnel', ['Evening Lantern', 'Harbour Wire', 'Daily Quill']);
  await story('quarry', ['Harbour Wire']);
  app = createApp({ store });
});

const doc = async (path: string) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-security-policy'), path).toMatch(/default-src 'none'/);
  return parseHTML(await res.text()).document;
};

describe('leaning order without a scale', () => {
  const unscaled = (outlets: { name: string; leaning: string }[]) =>
    directoryIndex({ leaningScale: null, outlets: directoryFrom({ outlets }, 'x', null).outlets });
  it('puts the usual leaning words left to right, whatever their counts', () => {
    const index = unscaled([
      { name: 'A', leaning: 'right' },
      { name: 'B', leaning: 'right' },
      { name: 'C', leaning: 'Left' },
      { name: 'D', leaning: 'center' },
      { name: 'E', leaning: 'center' },
    ]);
    expect(index.values('leaning')).toEqual(['Left', 'center', 'right']);
  });
  it('orders other words by count', () => {
    const index = unscaled([
      { name: 'A', leaning: 'hawkish' },
      { name: 'B', leaning: 'hawkish' },
      { name: 'C', leaning: 'dovish' },
    ]);
    expect(index.values('leaning')).toEqual(['hawkish', 'dovish']);
  });
});

describe('spread and blindspots in the web app', () => {
  it('without a directory the pages say how to get one; no blindspot is claimed', async () => {
    const blind = await doc('/blindspots');
    expect(blind.querySelector('main')?.textContent).toContain('the outlet directory gives no leaning');
    const page = await doc(`/stories/${stories.ferry}`);
    expect(page.querySelector('.spread-panel')?.textContent).toContain('parallax outlets import --starter');
  });

  it('with a directory: the story page shows voices by leaning, the blindspot page lists one-sided stories', async () => {
    const read = directoryFrom(DIRECTORY, 'mine.yaml', null);
    await store.setLeaningScale(read.leaningScale);
    await store.putOutletRecords(read.outlets);

    const ferry = await doc(`/stories/${stories.ferry}`);
    const panel = ferry.querySelector('.spread-panel');
    expect(panel?.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe(
      'Voices by leaning: left 0, centre 0, right 2',
    );
    expect(panel?.textContent).toContain('blindspot: only right');
    // The Lantern ran a copy: it is listed, with no voice of its own.
    expect(panel?.textContent).toContain('Evening Lantern (copies only)');

    const blind = await doc('/blindspots');
    const titles = [...blind.querySelectorAll('ol.rows .title')].map((a) => a.getAttribute('href'));
    expect(titles.sort()).toEqual(
      [`/stories/${stories.bridge}?by=leaning`, `/stories/${stories.ferry}?by=leaning`].sort(),
    );
    expect(blind.querySelector('.tabs')?.textContent).toBe(
      'all 2 · only left: 1 · only centre: 0 · only right: 1',
    );
    const left = await doc('/blindspots?group=left');
    expect([...left.querySelectorAll('ol.rows .title')].map((a) => a.textContent)).toEqual([
      'bridge report 0',
    ]);
    expect(left.querySelector('[role="status"]')?.textContent).toBe(
      '1–1 of 1 blindspot covered only by left',
    );

    // By country the tunnel (NO, SE, NO) and the ferry (NO, SE, a Norwegian copy) are no blindspots; the
    // bridge (NO, NO, unknown) is.
    const byCountry = await (await app.request('/api/blindspots?by=country')).json();
    expect(schemaErrors(byCountry)).toEqual([]);
    expect(byCountry.stories.map((s: { id: number; only: string }) => [s.id, s.only])).toEqual([
      [stories.bridge, 'NO'],
    ]);
    expect(byCountry.groups).toEqual([
      { value: 'NO', stories: 1 },
      { value: 'SE', stories: 0 },
    ]);
  });

  it('the API gives a story spread; a bad field is a 400 naming the choices', async () => {
    const res = await app.request(`/api/stories/${stories.tunnel}/spread`);
    const body = await res.json();
    expect(schemaErrors(body)).toEqual([]);
    expect(body).toMatchObject({ story: stories.tunnel, field: 'leaning', voices: 3, blindspot: null });
    expect(body.groups.map((g: { value: string; voices: number }) => [g.value, g.voices])).toEqual([
      ['left', 1],
      ['centre', 1],
      ['right', 1],
    ]);
    const bad = await app.request(`/api/stories/${stories.tunnel}/spread?by=colour`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe(
      'by is one of leaning, country, language, owner; got "colour"',
    );
  });

  it('outlet pages show the metadata with its source; hostile metadata is text, never markup', async () => {
    const list = await doc('/outlets');
    expect([...list.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Outlet',
      'Leaning',
      'Country',
      'Owner',
      'Articles',
      'Stories',
      'Published',
    ]);
    const quill = await doc(`/outlets/${encodeURIComponent('Daily Quill')}`);
    const about = quill.querySelector('[aria-labelledby="h-about"]');
    const rows = [...(about?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
      [...tr.children].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['Leaning', 'right', 'Invented Ratings 2031'],
      ['Country', 'NO', 'mine.yaml'],
      ['Owner', HOSTILE, 'mine.yaml'],
      ['Notes', HOSTILE, 'mine.yaml'],
    ]);
    expect(quill.querySelector('main script, main img')).toBeNull();
  });

  it('the story list shows each row’s spread', async () => {
    const list = await doc('/');
    const labels = [...list.querySelectorAll('ol.rows .spread-bar')].map((b) => b.getAttribute('aria-label'));
    expect(labels).toContain('Voices by leaning: left 1, centre 1, right 1');
  });
});
