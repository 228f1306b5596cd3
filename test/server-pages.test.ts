// The web app's pages and their JSON twins beyond the basics of server.test.ts: story list filters and the
// most-contested order, outlet and actor pages, the merge/split forms and their cross-site guard, the add
// page (paste and upload), content security policies, and the story page cache.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import { createApp, LIMITS } from '../src/server/app.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { ALL_FIXTURES, writeFixtures } from './support/library-fixtures.js';
import { listenLoopback } from './support/loopback.js';
import { testLibraries } from './support/test-library.js';

type App = ReturnType<typeof createApp>;

const libraries = testLibraries('pages');

/** A fresh library of the fixture stories (flood, chess, election) in its own folder. */
async function library(): Promise<AsyncStore> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-pages-'));
  const files = writeFixtures(join(dir, 'news'), ALL_FIXTURES);
  const store = await libraries.openFresh();
  await ingestIntoLibrary(store, files, DEFAULT_CONFIG);
  return store;
}

/** The story holding the article whose title starts with `title`. */
async function storyOf(store: AsyncStore, title: string): Promise<number> {
  const article = (await store.listArticles()).find((a) => a.title?.startsWith(title));
  const id = await store.storyOf(article?.id ?? '');
  if (id === null) throw new Error(`no story holds "${title}"`);
  return id;
}

async function articleId(store: AsyncStore, title: string): Promise<string> {
  const id = (await store.listArticles()).find((a) => a.title?.startsWith(title))?.id;
  if (id === undefined) throw new Error(`no article "${title}"`);
  return id;
}

const FLOOD_TITLE = 'Tessaly River bursts its banks at Orrin Falls';
const CHESS_TITLE = 'Varga wins the Quenby Open';
const VOTE_TITLE = 'Harbourside votes to leave the Meridian transit authority';

/** The headers a browser sends with a form posted from the app's own page. */
const SAME_SITE = { origin: 'http://localhost', host: 'localhost' };

function postForm(
  app: App,
  path: string,
  form: URLSearchParams,
  headers: Record<string, string> = SAME_SITE,
) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: form.toString(),
  });
}

/** The text between the first `<main` and `</main>`: a page without its stylesheet and site bar. */
function main(body: string): string {
  const start = body.indexOf('<main');
  return start < 0 ? '' : body.slice(start, body.indexOf('</main>', start));
}

/** Titles of the story rows of a story list page, in order. */
function rowTitles(body: string): string[] {
  return [...body.matchAll(/<a class="title" href="\/stories\/\d+">([^<]*)<\/a>/g)].map((m) => m[1] ?? '');
}

const FLOOD_FOLLOW_UP = {
  title: 'Weir Street flood wall to be rebuilt, Kovalenko says',
  outlet: 'Coastline Weekly',
  published: '2031-04-04',
  text: `Mayor Idris Kovalenko said on Thursday that the Weir Street flood wall at Orrin Falls would be rebuilt before the autumn rains, as the Tessaly River fell back below its banks.

The Brannock County fire service said its crews had rescued 41 people by boat during the Tessaly flood. The regional engineer, Petra Lindqvist, began her inspection of the Tessaly defences in the lower town.

"The people of Orrin Falls deserve a wall that holds," Kovalenko said.`,
};

describe('reading: story list, outlets and actors', () => {
  let store: AsyncStore;
  let app: App;
  const get = (path: string) => app.request(path);
  beforeAll(async () => {
    store = await library();
    app = createApp({ store });
  });

  it('orders the story list by contest and says what is contested', async () => {
    const res = await get('/?sort=contested');
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('<option value="contested" selected>most contested</option>');
    expect(body).toContain('Most contested first');
    // The flood story is the only one where two outlets label the same actor (the mayor).
    expect(rowTitles(body)[0]).toBe(FLOOD_TITLE);
    expect(body).toContain('1 shared actor, 1 label');
    expect(body).toContain('no actor labelled by two outlets');
    // The newest order says nothing about contest.
    const newest = await (await get('/')).text();
    expect(newest).not.toContain('shared actor');
    expect(newest).not.toContain('Most contested first');
    expect(rowTitles(newest)[0]).toBe(VOTE_TITLE);
  });

  it('refuses a bad order or day with a 400 page', async () => {
    for (const path of [
      '/?sort=bogus',
      '/?since=2031-4-1',
      '/?until=tomorrow',
      '/?until=2031-04-02x',
      '/?since=2032-13-45',
      '/?until=2031-02-31',
    ]) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    }
    expect(await (await get('/?sort=bogus')).text()).toContain('Sort is one of newest, biggest, contested');
    expect((await get('/api/stories?since=2031-00-10')).status).toBe(400);
    expect(await (await get('/?until=tomorrow')).text()).toContain('Until must be a day as YYYY-MM-DD');
  });

  it('filters the story list by days and by words', async () => {
    const until = await (await get('/?until=2031-12-31')).text();
    expect(rowTitles(until).sort()).toEqual(
      [FLOOD_TITLE, 'Varga wins the Quenby Open after a marathon final game'].sort(),
    );
    expect(until).toContain('name="until" value="2031-12-31"');
    const since = await (await get('/?since=2032-01-01')).text();
    expect(rowTitles(since)).toEqual([VOTE_TITLE]);
    // "referendum" is only in the election story; "Okonkwo" only in the chess story.
    expect(rowTitles(await (await get('/?text=referendum')).text())).toEqual([VOTE_TITLE]);
    const chess = await (await get('/?text=Okonkwo')).text();
    expect(rowTitles(chess)).toHaveLength(1);
    expect(rowTitles(chess)[0]).toMatch(/^Varga wins/);
    expect(chess).toContain('name="text" value="Okonkwo"');
    // Words and days together.
    expect(rowTitles(await (await get('/?text=Kovalenko&since=2032-01-01')).text())).toEqual([]);
    const none = await (await get('/?text=zeppelin')).text();
    expect(rowTitles(none)).toEqual([]);
    expect(none).toContain('No story matches these filters.');
    expect(none).not.toContain('The library has no stories yet');
  });

  it('lists the outlets in the filter and links each row to its outlets', async () => {
    const body = await (await get('/')).text();
    const select = /<select name="outlet">([\s\S]*?)<\/select>/.exec(body)?.[1] ?? '';
    const options = [...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    expect(options).toEqual(['', 'Northern Ledger', 'Radio Brannock', 'Valley Courier', 'Board and Clock']);
    expect(body).toContain('<a href="/outlets/Northern%20Ledger">Northern Ledger</a>');
    expect(body).toContain('<a href="/outlets/Board%20and%20Clock">Board and Clock</a>');
    // The chess row names exactly its two outlets.
    const chessRow = body.split('<li>').find((row) => row.includes('Varga wins')) ?? '';
    expect([...chessRow.matchAll(/href="\/outlets\/([^"]+)"/g)].map((m) => m[1])).toEqual([
      'Board%20and%20Clock',
      'Valley%20Courier',
    ]);
    const courier = await (await get('/?outlet=Board%20and%20Clock')).text();
    expect(courier).toContain('<option value="Board and Clock" selected>');
    expect(rowTitles(courier)).toHaveLength(1);
  });

  it('gives the same filters and the contest in /api/stories', async () => {
    const contested = (await (await get('/api/stories?sort=contested')).json()) as {
      stories: { title: string; contest: { splits: number; labels: number; shared: number } | null }[];
    };
    expect(contested.stories).toHaveLength(3);
    for (const s of contested.stories) {
      expect(s.contest).toEqual({
        splits: expect.any(Number),
        labels: expect.any(Number),
        shared: expect.any(Number),
      });
    }
    expect(contested.stories[0]?.title).toBe(FLOOD_TITLE);
    expect(contested.stories[0]?.contest?.shared).toBe(1);
    const filtered = (await (await get('/api/stories?until=2031-12-31&text=Varga')).json()) as {
      stories: { title: string; articles: string[] }[];
    };
    expect(filtered.stories.map((s) => s.articles.sort())).toEqual([['chess-1', 'chess-2']]);
    const empty = (await (await get('/api/stories?until=2031-12-31&text=referendum')).json()) as {
      stories: unknown[];
    };
    expect(empty.stories).toEqual([]);
    const bad = await get('/api/stories?sort=bogus');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad-parameter');
  });

  it('answers /api/outlets and an outlet profile, and 404 for an unknown outlet', async () => {
    const { outlets } = (await (await get('/api/outlets')).json()) as {
      outlets: { outlet: string; articles: number; stories: number }[];
    };
    expect(outlets.map((o) => o.outlet).sort()).toEqual(
      ['Board and Clock', 'Northern Ledger', 'Radio Brannock', 'Valley Courier'].sort(),
    );
    expect(outlets.find((o) => o.outlet === 'Board and Clock')).toMatchObject({ articles: 1, stories: 1 });
    const res = await get('/api/outlets/Northern%20Ledger');
    expect(res.status).toBe(200);
    const profile = (await res.json()) as {
      outlet: { outlet: string; articles: number };
      months: { month: string; articles: number }[];
      tones: { outlet: Record<string, number>; library: Record<string, number> };
      actors: { actor: string; own: unknown[]; others: unknown[] }[];
      coverage: { stories: { id: number }[]; widely: number; omitted: number; articles: number };
    };
    expect(profile.outlet).toMatchObject({ outlet: 'Northern Ledger', articles: 2 });
    expect(profile.months).toEqual([
      { month: '2031-04', articles: 1 },
      { month: '2032-09', articles: 1 },
    ]);
    for (const counts of [profile.tones.outlet, profile.tones.library]) {
      expect(Object.keys(counts).sort()).toEqual(['negative', 'neutral', 'positive']);
    }
    const sum = (c: Record<string, number>) => Object.values(c).reduce((n, v) => n + v, 0);
    expect(sum(profile.tones.library)).toBeGreaterThanOrEqual(sum(profile.tones.outlet));
    expect(profile.actors.map((a) => a.actor)).toContain('idris kovalenko');
    // Both its stories are shared with another outlet: the flood and the election.
    expect(profile.coverage.stories.map((s) => s.id).sort()).toEqual(
      [await storyOf(store, FLOOD_TITLE), await storyOf(store, VOTE_TITLE)].sort(),
    );
    expect(profile.coverage.articles).toBe(2);
    expect(profile.coverage.omitted).toBeLessThanOrEqual(profile.coverage.widely);
    const unknown = await get('/api/outlets/Nowhere%20Gazette');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: 'not-found',
      message: expect.stringContaining('Nowhere Gazette'),
    });
  });

  it('answers /api/actors, by prefix, one actor, and 404 for an unknown one', async () => {
    const { actors } = (await (await get('/api/actors')).json()) as {
      actors: { actor: string; name: string; kind: string; outlets: number }[];
    };
    expect(actors.map((a) => a.actor)).toEqual(expect.arrayContaining(['idris kovalenko']));
    expect(actors.find((a) => a.actor === 'idris kovalenko')).toMatchObject({
      name: 'Idris Kovalenko',
      kind: 'person',
      outlets: 3,
    });
    const prefixed = (await (await get('/api/actors?prefix=IDRIS')).json()) as {
      actors: { actor: string }[];
    };
    expect(prefixed.actors.map((a) => a.actor)).toEqual(['idris kovalenko']);
    const none = (await (await get('/api/actors?prefix=zzz')).json()) as { actors: unknown[] };
    expect(none.actors).toEqual([]);
    const one = await get('/api/actors/idris%20kovalenko');
    expect(one.status).toBe(200);
    const record = (await one.json()) as {
      actor: { name: string };
      keys: string[];
      outlets: { outlet: string | null; labels: { label: string }[] }[];
      months: { month: string }[];
    };
    expect(record.actor.name).toBe('Idris Kovalenko');
    expect(record.keys).toEqual(['idris kovalenko', 'kovalenko']);
    expect(record.outlets.map((o) => o.outlet).sort()).toEqual(
      ['Northern Ledger', 'Radio Brannock', 'Valley Courier'].sort(),
    );
    expect(record.months.map((m) => m.month)).toEqual(['2031-04']);
    // The key is matched as a key: case does not matter.
    expect((await get('/api/actors/Idris%20Kovalenko')).status).toBe(200);
    const unknown = await get('/api/actors/nobody%20at%20all');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not-found');
  });

  it('explains a story in /api/stories/:id/why, with 404 and 400 for bad ids', async () => {
    const flood = await storyOf(store, FLOOD_TITLE);
    const res = await get(`/api/stories/${flood}/why`);
    expect(res.status).toBe(200);
    const why = (await res.json()) as {
      story: { id: number; articleCount: number; members?: unknown };
      members: { articleId: string; inputId: string; placement: { decision?: string } | null }[];
    };
    expect(why.story).toMatchObject({ id: flood, articleCount: 3 });
    expect(why.story.members).toBeUndefined();
    expect(why.members.map((m) => m.inputId).sort()).toEqual(['flood-1', 'flood-2', 'flood-3']);
    for (const m of why.members)
      expect(m.placement).toEqual(expect.objectContaining({ decision: expect.any(String) }));
    expect(why.members.map((m) => m.placement?.decision).sort()).toEqual(['created', 'joined', 'joined']);
    const missing = await get('/api/stories/999/why');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not-found');
    const bad = await get('/api/stories/abc/why');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad-parameter');
  });

  it('shows the outlets table', async () => {
    const res = await get('/outlets');
    expect(res.status).toBe(200);
    const body = main(await res.text());
    expect(body).toMatch(
      /<th scope="col"><a class="sort" href="\/outlets\?sort=outlet&amp;dir=asc">Outlet<\/a><\/th>/,
    );
    const rows = [
      ...body.matchAll(/<tr><td><a href="\/outlets\/([^"]+)">([^<]+)<\/a><\/td><td>(\d+)<\/td>/g),
    ];
    expect(rows.map((r) => [r[2], r[3]])).toEqual([
      ['Northern Ledger', '2'],
      ['Radio Brannock', '2'],
      ['Valley Courier', '2'],
      ['Board and Clock', '1'],
    ]);
    expect(rows.map((r) => decodeURIComponent(r[1] ?? ''))).toEqual(rows.map((r) => r[2]));
  });

  it('shows an outlet profile with a bar per month from its first to its last, tones and coverage', async () => {
    const res = await get('/outlets/Northern%20Ledger');
    expect(res.status).toBe(200);
    const body = main(await res.text());
    expect(body).toContain('<h1>Northern Ledger</h1>');
    const svg = /<svg[\s\S]*?<\/svg>/.exec(body)?.[0] ?? '';
    expect(svg).toContain(
      '<title id="chart-months-t">Articles by Northern Ledger per month</title><desc id="chart-months-d">18 months from 2031-04 to 2032-09',
    );
    const bars = [
      ...svg.matchAll(/<rect [^>]*height="([\d.]+)"><title>([\d-]+): (\d+) articles?<\/title><\/rect>/g),
    ];
    // April 2031 to September 2032 inclusive: 18 months, every one drawn.
    expect(bars).toHaveLength(18);
    expect(bars[0]?.[2]).toBe('2031-04');
    expect(bars.at(-1)?.[2]).toBe('2032-09');
    expect(bars.map((b) => b[2])).toContain('2031-12');
    expect(bars.map((b) => b[2])).toContain('2032-01');
    const heights = bars.map((b) => Number(b[1]));
    expect(heights[0]).toBeGreaterThan(0);
    expect(heights.at(-1)).toBeGreaterThan(0);
    expect(heights.slice(1, -1).every((h) => h === 0)).toBe(true);
    expect(bars.slice(1, -1).every((b) => b[3] === '0')).toBe(true);
    // Tone, for the outlet and the whole library, in words: counts and of how many; a handful of labels
    // gets no percentages ("negative 0%" of a few labels says more than the data does).
    expect(body).toContain('Tone of its labels');
    const outletTone = /<p>Northern Ledger: <span class="share">[\s\S]*?<\/p>/.exec(body)?.[0] ?? '';
    expect(outletTone).toMatch(/⊖ negative \d+ · ○ neutral \d+ · ⊕ positive \d+ — of (\d+) labels/);
    expect(Number(/— of (\d+) labels/.exec(outletTone)?.[1])).toBeLessThan(20);
    expect(outletTone).not.toContain('%)');
    expect(body).toMatch(/<p>Whole library: <span class="share">[\s\S]*?○ neutral \d+/);
    expect(body).toContain('Exclusives and omissions');
    expect(body).toContain(`<a href="/stories/${await storyOf(store, VOTE_TITLE)}">${VOTE_TITLE}</a>`);
    expect(body).toContain('<a href="/actors/idris%20kovalenko">Idris Kovalenko</a>');
    expect(body).toContain('<a href="/?outlet=Northern%20Ledger">its stories</a>');
    // An outlet of one month draws one bar.
    const courier = await (await get('/outlets/Valley%20Courier')).text();
    expect([...courier.matchAll(/<rect /g)]).toHaveLength(1);
  });

  it('shows the actor index, filtered by prefix, and an actor page', async () => {
    const index = main(await (await get('/actors')).text());
    expect(index).toContain('<a href="/actors/idris%20kovalenko">Idris Kovalenko</a>');
    expect(index).toContain('<a href="/actors/amara%20okonkwo-reyes">Amara Okonkwo-Reyes</a>');
    const prefixed = main(await (await get('/actors?prefix=Amara')).text());
    expect(prefixed).toContain('Amara Okonkwo-Reyes');
    expect(prefixed).not.toContain('Idris Kovalenko');
    expect(prefixed).toContain('name="prefix" value="Amara"');
    expect(main(await (await get('/actors?prefix=zzz')).text())).toContain(
      'No labelled person or organization with that name.',
    );
    const res = await get('/actors/idris%20kovalenko');
    expect(res.status).toBe(200);
    const page = main(await res.text());
    expect(page).toContain('<h1>Idris Kovalenko</h1>');
    expect(page).toContain('person · named in 3 articles by 3 outlets.');
    expect(page).toContain('Articles that give only the surname “kovalenko” count too.');
    expect(page).toContain('<a href="/outlets/Radio%20Brannock">Radio Brannock</a>');
    expect(page).toContain('<th scope="row">2031-04</th>');
  });

  it('answers an unknown outlet or actor page with a 404 page', async () => {
    for (const path of ['/outlets/Nowhere%20Gazette', '/actors/nobody%20at%20all']) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      expect(main(await res.text())).toContain('<h1>Not found</h1>');
    }
  });

  it('sends a Content-Security-Policy on every page; scripts only from the app itself or by hash', async () => {
    const flood = await storyOf(store, FLOOD_TITLE);
    const pages = [
      '/',
      '/?sort=contested',
      '/outlets',
      '/outlets/Northern%20Ledger',
      '/actors',
      '/actors/idris%20kovalenko',
      '/add',
      '/search?q=flood',
      '/nothing-here',
    ];
    for (const path of pages) {
      const res = await get(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect([path, csp]).toEqual([path, expect.stringContaining("default-src 'none'")]);
      // No inline script: only the app's own script files (the keyboard shortcuts).
      expect([path, /script-src 'self'(;|$)/.test(csp)]).toEqual([path, true]);
      expect([path, /unsafe-inline'[^;]*;[^;]*script|script-src[^;]*unsafe/.test(csp)]).toEqual([
        path,
        false,
      ]);
      expect(csp).toContain("form-action 'self'");
      const body = await res.text();
      expect([path, body.match(/<script\b[^>]*>/g)]).toEqual([
        path,
        ['<script src="/assets/shortcuts.js" defer>'],
      ]);
    }
    const story = await get(`/stories/${flood}`);
    expect(story.status).toBe(200);
    const csp = story.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+' 'self';/);
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('merge and split forms', () => {
  it('merges a story into another and shows the notice on the merged story', async () => {
    const store = await library();
    const app = createApp({ store });
    const a = await storyOf(store, FLOOD_TITLE);
    const b = await storyOf(store, CHESS_TITLE);
    const res = await postForm(app, `/stories/${a}/merge`, new URLSearchParams({ other: String(b) }));
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toBe(`/stories/${a}?merged=${b}`);
    expect(await store.getStory(b)).toBeNull();
    expect((await store.getStory(a))?.articleCount).toBe(5);
    expect(await store.countStories()).toBe(2);
    const shown = await app.request(location);
    expect(shown.status).toBe(200);
    const body = await shown.text();
    expect(body).toContain(`<p class="notice" role="status">Story ${b} was merged into this one.</p>`);
    expect(body).toContain('Okonkwo-Reyes loses Quenby title');
    // Without the query the notice is gone.
    expect(await (await app.request(`/stories/${a}`)).text()).not.toContain('was merged into this one');
    expect((await app.request(`/stories/${b}`)).status).toBe(404);
  });

  it('refuses a merge with itself, with an unknown story, or with a bad id', async () => {
    const store = await library();
    const app = createApp({ store });
    const a = await storyOf(store, FLOOD_TITLE);
    const cases: [string, number][] = [
      [String(a), 400],
      ['999', 404],
      ['two', 400],
      ['', 400],
    ];
    for (const [other, status] of cases) {
      const res = await postForm(app, `/stories/${a}/merge`, new URLSearchParams({ other }));
      expect([other, res.status]).toEqual([other, status]);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
    }
    // A form body over the API's limit is refused before it is read.
    const huge = await postForm(
      app,
      `/stories/${a}/merge`,
      new URLSearchParams({ other: '2', pad: 'x'.repeat(LIMITS.bodyBytes) }),
    );
    expect(huge.status).toBe(413);
    expect(await store.countStories()).toBe(3);
    expect((await store.getStory(a))?.articleCount).toBe(3);
  });

  it('splits chosen articles into a new story and shows where they came from', async () => {
    const store = await library();
    const app = createApp({ store });
    const a = await storyOf(store, FLOOD_TITLE);
    const moving = await articleId(store, 'Kovalenko calls for inquiry');
    const res = await postForm(app, `/stories/${a}/split`, new URLSearchParams({ articles: moving }));
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    const match = /^\/stories\/(\d+)\?split=(\d+)$/.exec(location);
    expect(match?.[2]).toBe(String(a));
    const to = Number(match?.[1]);
    expect(to).not.toBe(a);
    expect((await store.getStory(to))?.members.map((m) => m.articleId)).toEqual([moving]);
    expect((await store.getStory(a))?.articleCount).toBe(2);
    expect(await store.storyOf(moving)).toBe(to);
    const body = await (await app.request(location)).text();
    expect(body).toContain(`These articles were split off story ${a} into this new story.`);
    expect(body).toContain(`put here by you (split from story ${a})`);
  });

  it('splits several articles chosen at once', async () => {
    const store = await library();
    const app = createApp({ store });
    const a = await storyOf(store, FLOOD_TITLE);
    const form = new URLSearchParams();
    form.append('articles', await articleId(store, 'Kovalenko calls for inquiry'));
    form.append('articles', 'flood-2');
    const res = await postForm(app, `/stories/${a}/split`, form);
    expect(res.status).toBe(303);
    const to = Number(/^\/stories\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
    expect((await store.getStory(to))?.articleCount).toBe(2);
    expect((await store.getStory(a))?.members.map((m) => m.inputId)).toEqual(['flood-1']);
  });

  it('refuses a split of no article, of an unknown article, or of every article, with a 400 page', async () => {
    const store = await library();
    const app = createApp({ store });
    const a = await storyOf(store, FLOOD_TITLE);
    const none = await postForm(app, `/stories/${a}/split`, new URLSearchParams());
    expect(none.status).toBe(400);
    expect(none.headers.get('content-type')).toMatch(/text\/html/);
    expect(await none.text()).toContain('Choose at least one article to split off');
    const unknown = await postForm(app, `/stories/${a}/split`, new URLSearchParams({ articles: 'nope' }));
    expect(unknown.status).toBe(400);
    const all = new URLSearchParams();
    for (const id of ['flood-1', 'flood-2', 'flood-3']) all.append('articles', id);
    expect((await postForm(app, `/stories/${a}/split`, all)).status).toBe(400);
    expect(await store.countStories()).toBe(3);
    expect((await store.getStory(a))?.articleCount).toBe(3);
  });

  it('refuses a form posted from another site, by Origin or by Sec-Fetch-Site', async () => {
    const store = await library();
    const app = createApp({ store });
    const a = await storyOf(store, FLOOD_TITLE);
    const b = await storyOf(store, CHESS_TITLE);
    const before = (await store.getStory(a))?.updatedAt;
    const attempts: [string, URLSearchParams, Record<string, string>][] = [
      [
        `/stories/${a}/merge`,
        new URLSearchParams({ other: String(b) }),
        { origin: 'https://evil.example', host: 'localhost' },
      ],
      [`/stories/${a}/merge`, new URLSearchParams({ other: String(b) }), { 'sec-fetch-site': 'cross-site' }],
      [
        `/stories/${a}/merge`,
        new URLSearchParams({ other: String(b) }),
        { origin: 'null', 'sec-fetch-site': 'cross-site' },
      ],
      [
        `/stories/${a}/merge`,
        new URLSearchParams({ other: String(b) }),
        { origin: 'http://localhost.evil.example', host: 'localhost' },
      ],
      [
        `/stories/${a}/split`,
        new URLSearchParams({ articles: 'flood-3' }),
        { origin: 'https://evil.example', host: 'localhost' },
      ],
      [
        `/stories/${a}/split`,
        new URLSearchParams({ articles: 'flood-3' }),
        { 'sec-fetch-site': 'cross-site' },
      ],
    ];
    for (const [path, form, headers] of attempts) {
      const res = await postForm(app, path, form, headers);
      expect([path, headers, res.status]).toEqual([path, headers, 403]);
      expect(await res.text()).toContain('A page from another site cannot write to this library');
    }
    expect(await store.countStories()).toBe(3);
    expect(await store.getStory(b)).not.toBeNull();
    expect((await store.getStory(a))?.articleCount).toBe(3);
    expect((await store.getStory(a))?.updatedAt).toBe(before);
    // The same post from the app's own page goes through.
    const same = await postForm(app, `/stories/${a}/merge`, new URLSearchParams({ other: String(b) }), {
      'sec-fetch-site': 'same-origin',
    });
    expect(same.status).toBe(303);
  });

  it('needs the token in the form when the server has one', async () => {
    const store = await library();
    const app = createApp({ store, token: 't0k' });
    const a = await storyOf(store, FLOOD_TITLE);
    const b = await storyOf(store, CHESS_TITLE);
    const page = await (await app.request(`/stories/${a}`)).text();
    expect(page).toContain('name="token" type="password"');
    const without = await postForm(app, `/stories/${a}/merge`, new URLSearchParams({ other: String(b) }));
    expect(without.status).toBe(401);
    const wrong = await postForm(
      app,
      `/stories/${a}/merge`,
      new URLSearchParams({ other: String(b), token: 'nope' }),
    );
    expect(wrong.status).toBe(401);
    // A bearer header is for the API; a form carries the token as a field.
    const header = await postForm(app, `/stories/${a}/merge`, new URLSearchParams({ other: String(b) }), {
      ...SAME_SITE,
      authorization: 'Bearer t0k',
    });
    expect(header.status).toBe(401);
    const splitWithout = await postForm(
      app,
      `/stories/${a}/split`,
      new URLSearchParams({ articles: 'flood-3' }),
    );
    expect(splitWithout.status).toBe(401);
    expect(await store.countStories()).toBe(3);
    const ok = await postForm(
      app,
      `/stories/${a}/merge`,
      new URLSearchParams({ other: String(b), token: 't0k' }),
    );
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/stories/${a}?merged=${b}`);
    expect(await store.getStory(b)).toBeNull();
    // Without a token on the server, the story page asks for none.
    expect(await (await createApp({ store }).request(`/stories/${a}`)).text()).not.toContain('name="token"');
  });
});

describe('the add page', () => {
  it('shows the paste and upload forms, with a token field only when the server has a token', async () => {
    const store = await library();
    const open = await createApp({ store }).request('/add');
    expect(open.status).toBe(200);
    const body = main(await open.text());
    expect(body).toContain('<form class="stack" method="post" action="/add">');
    expect(body).toContain('<form class="stack" method="post" action="/add" enctype="multipart/form-data">');
    expect(body).toContain('<textarea name="text" required>');
    expect(body).toContain('<input name="files" type="file" multiple required>');
    expect(body).not.toContain('name="token"');
    const guarded = main(await (await createApp({ store, token: 't0k' }).request('/add')).text());
    expect([...guarded.matchAll(/<input name="token" type="password"/g)]).toHaveLength(3);
    expect(body).toContain('<input name="fetch" type="url" required');
  });

  it('adds a pasted article to its story and says so', async () => {
    const store = await library();
    const app = createApp({ store });
    const flood = await storyOf(store, FLOOD_TITLE);
    const res = await postForm(app, '/add', new URLSearchParams({ ...FLOOD_FOLLOW_UP, url: '' }));
    expect(res.status).toBe(201);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const body = await res.text();
    const notice = /<div class="notice" role="status">([\s\S]*?)<\/div>/.exec(body)?.[1] ?? '';
    expect(notice).toContain('Added 1 article:');
    // The story's title is whatever its most central report's headline is now (story-titles.ts).
    const storyTitle = (await store.listStories({ ids: [flood] }))[0]?.title;
    expect(notice).toContain(
      `<strong>${FLOOD_FOLLOW_UP.title}</strong> joined <a href="/stories/${flood}">${storyTitle}</a> (4 articles).`,
    );
    expect(notice).not.toContain('Refused');
    const added = (await store.listArticles()).find((a) => a.title === FLOOD_FOLLOW_UP.title);
    expect(added).toMatchObject({ outlet: 'Coastline Weekly', published: '2031-04-04' });
    expect(await store.storyOf(added?.id ?? '')).toBe(flood);
    // The same article again is already there.
    const again = await postForm(app, '/add', new URLSearchParams(FLOOD_FOLLOW_UP));
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('1 article was already in the library.');
    expect((await store.getStory(flood))?.articleCount).toBe(4);
  });

  it('refuses a post with neither text nor files', async () => {
    const store = await library();
    const app = createApp({ store });
    for (const form of [
      new URLSearchParams({ text: '', title: 'Nothing' }),
      new URLSearchParams({ text: '   \n ' }),
    ]) {
      const res = await postForm(app, '/add', form);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Give an article address, its text, or files to upload');
    }
    // An empty file input (a browser sends a nameless empty file) is no file.
    const empty = new FormData();
    empty.append('files', new File([], ''));
    const res = await app.request('/add', { method: 'POST', headers: SAME_SITE, body: empty });
    expect(res.status).toBe(400);
    expect(await store.countArticles()).toBe(7);
  });

  it('adds uploaded files and names a refused one by its own name', async () => {
    const store = await library();
    const app = createApp({ store });
    const markdown = `---\ntitle: "Quenby plans a bigger hall for next year's Open"\noutlet: "Board and Clock"\npublished: 2031-04-05\n---\n\nThe organisers of the Quenby Open said on Friday that next year's tournament would move to a bigger hall after a record crowd watched Oskar Varga beat Amara Okonkwo-Reyes in the final.\n\nThe Quenby town hall held 400 spectators for the six-hour game.\n`;
    const form = new FormData();
    form.append('files', new File([markdown], 'note.md', { type: 'text/markdown' }));
    form.append('files', new File(['{"title": "broken", '], 'bad.json', { type: 'application/json' }));
    const res = await app.request('/add', { method: 'POST', headers: SAME_SITE, body: form });
    expect(res.status).toBe(201);
    const body = await res.text();
    const notice = /<div class="notice" role="status">([\s\S]*?)<\/div>/.exec(body)?.[1] ?? '';
    expect(notice).toContain('Added 1 article:');
    expect(notice).toContain('<strong>Quenby plans a bigger hall for next year&#39;s Open</strong>');
    const refused = /<p>Refused:<\/p><ul>([\s\S]*?)<\/ul>/.exec(notice)?.[1] ?? '';
    const items = [...refused.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1] ?? '');
    expect(items).toHaveLength(1);
    expect(items[0]).toContain('bad.json');
    expect(items[0]).not.toMatch(/parallax-upload-|2-bad\.json|\/tmp\/|[\\/]/);
    expect(await store.countArticles()).toBe(8);
    expect((await store.listArticles()).some((a) => a.title?.startsWith('Quenby plans a bigger hall'))).toBe(
      true,
    );
  });

  it('refuses an upload over the limit with 413', async () => {
    const store = await library();
    const app = createApp({ store });
    const res = await app.request('/add', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...SAME_SITE },
      body: `text=${'a'.repeat(LIMITS.uploadBytes + 1024)}`,
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('The request body is over 20 MB');
    expect(await store.countArticles()).toBe(7);
  });

  it('refuses a cross-site paste and a paste without the token the server asks for', async () => {
    const store = await library();
    const form = new URLSearchParams(FLOOD_FOLLOW_UP);
    const crossSite = await postForm(createApp({ store }), '/add', form, {
      origin: 'https://evil.example',
      host: 'localhost',
    });
    expect(crossSite.status).toBe(403);
    const guarded = createApp({ store, token: 't0k' });
    expect((await postForm(guarded, '/add', form)).status).toBe(401);
    expect(await store.countArticles()).toBe(7);
    form.set('token', 't0k');
    expect((await postForm(guarded, '/add', form)).status).toBe(201);
    expect(await store.countArticles()).toBe(8);
  });
});

describe('adding an article by its address', () => {
  it('fetches the page (form and API), places it in its story, and refuses a private address unless allowed', async () => {
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${FLOOD_FOLLOW_UP.title}</title>
<meta property="og:site_name" content="${FLOOD_FOLLOW_UP.outlet}"><meta property="article:published_time" content="${FLOOD_FOLLOW_UP.published}T10:00:00Z"></head>
<body><article><h1>${FLOOD_FOLLOW_UP.title}</h1>${FLOOD_FOLLOW_UP.text
      .split('\n\n')
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`;
    const server = await listenLoopback((req, res) => {
      res.writeHead(req.url === '/robots.txt' ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.url === '/robots.txt' ? '' : page);
    });
    const { origin } = server;
    try {
      const store = await library();
      const flood = await storyOf(store, FLOOD_TITLE);
      const strict = createApp({ store });
      const refused = await postForm(strict, '/add', new URLSearchParams({ fetch: `${origin}/a` }));
      expect(await refused.text()).toMatch(/private, loopback or link-local address/);
      const app = createApp({ store, fetching: { allowPrivate: true, ignoreRobots: false } });
      const res = await postForm(
        app,
        '/add',
        new URLSearchParams({ fetch: `${origin}/flood-wall?utm_source=x` }),
      );
      expect(res.status).toBe(201);
      expect(await res.text()).toContain(
        `<strong>${FLOOD_FOLLOW_UP.title}</strong> joined <a href="/stories/${flood}">`,
      );
      const added = (await store.listArticles()).find((a) => a.title === FLOOD_FOLLOW_UP.title);
      expect(added?.urlKey).toContain('/flood-wall');
      expect(added?.urlKey).not.toContain('utm_source');
      const api = await app.request('/api/articles', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fetch: `${origin}/flood-wall` }),
      });
      expect(api.status).toBe(200);
      expect(((await api.json()) as { existing: number }).existing).toBe(1);
    } finally {
      server.close();
    }
  });
});

describe('the story page cache', () => {
  it('serves the same page while the story is unchanged, and a new one once an article joins it', async () => {
    const store = await library();
    const app = createApp({ store });
    const flood = await storyOf(store, FLOOD_TITLE);
    const first = await (await app.request(`/stories/${flood}`)).text();
    // A fresh rendering would carry a later "generated" time.
    await new Promise((done) => setTimeout(done, 15));
    const second = await (await app.request(`/stories/${flood}`)).text();
    expect(second).toBe(first);
    expect(first).not.toContain(FLOOD_FOLLOW_UP.title);
    const added = await app.request('/api/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(FLOOD_FOLLOW_UP),
    });
    expect(added.status).toBe(201);
    const { added: placed } = (await added.json()) as { added: { storyId: number }[] };
    expect(placed[0]?.storyId).toBe(flood);
    const third = await (await app.request(`/stories/${flood}`)).text();
    expect(third).not.toBe(first);
    expect(third).toContain(FLOOD_FOLLOW_UP.title);
    expect(third).toContain('Coastline Weekly');
    // The JSON twin follows the same story.
    const report = (await (await app.request(`/api/stories/${flood}`)).json()) as {
      stories: { articles: { title: string | null }[] }[];
    };
    expect(report.stories[0]?.articles.map((a) => a.title)).toContain(FLOOD_FOLLOW_UP.title);
  });

  it('does not serve a page cached before a merge for the merged story', async () => {
    const store = await library();
    const app = createApp({ store });
    const a = await storyOf(store, FLOOD_TITLE);
    const b = await storyOf(store, VOTE_TITLE);
    const before = await (await app.request(`/stories/${a}`)).text();
    expect(before).not.toContain('Harbourside');
    const merged = await postForm(app, `/stories/${a}/merge`, new URLSearchParams({ other: String(b) }));
    expect(merged.status).toBe(303);
    const after = await (await app.request(`/stories/${a}`)).text();
    expect(after).toContain('Meridian transit authority weighs response');
  });
});
