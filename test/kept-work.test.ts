// Keeping work in the web app (no browser): notes beside findings and on the story, the notes page, saved
// searches with "new since last visit", their API (checked against schema/kept-work.schema.json), the
// write guards, and hostile notes and search names shown as text. Articles are the invented fixtures.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import Database from 'better-sqlite3';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import { createApp } from '../src/server/app.js';
import { describeFinding } from '../src/server/kept-work-views.js';
import { OPENAPI } from '../src/server/openapi.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { KEPT_WORK_BOUNDS } from '../src/store/kept-work.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { makeArticle } from './support/articles.js';
import { ALL_FIXTURES, LATER_FLOOD, writeFixtures } from './support/library-fixtures.js';
import { testLibraries } from './support/test-library.js';

const PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">"\'$&';

const schema = JSON.parse(readFileSync(new URL('../schema/kept-work.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
ajv.addSchema(schema);
const schemaErrors = (ref: string, value: unknown) => {
  const validate = ajv.getSchema(`${schema.$id}#/$defs/${ref}`);
  if (!validate) throw new Error(`no $defs/${ref}`);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

let dir = '';
const libraries = testLibraries('kept');
let db = '';
let store: AsyncStore;
let app: ReturnType<typeof createApp>;
let flood = 0;

/** A form post from the app's own page (the browser says same-origin). */
const post = (path: string, fields: Record<string, string>, a = app) =>
  a.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams(fields).toString(),
  });
const api = (path: string, method: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const doc = async (path: string) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-security-policy'), path).toMatch(/default-src 'none'/);
  const text = await res.text();
  return { document: parseHTML(text).document, text };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-kept-'));
  const files = writeFixtures(join(dir, 'news'), ALL_FIXTURES);
  db = await libraries.fresh();
  store = await libraries.open(db);
  await ingestIntoLibrary(store, files, DEFAULT_CONFIG);
  const article = (await store.listArticles()).find((a) => a.title?.startsWith('Tessaly River bursts'));
  flood = (await store.storyOf(article?.id ?? '')) as number;
  app = createApp({ store });
}, 120_000);

describe('notes in the web app', () => {
  it('a note on a finding shows beside it and in the story’s notes; the notes page links back', async () => {
    const { document } = await doc(`/stories/${flood}`);
    const fact = document.querySelector('tr[id^="fact-"]')?.id ?? '';
    expect(fact).toMatch(/^fact-f\d+$/);
    const add = document.querySelector(`#${fact} a.add-note`)?.getAttribute('href');
    expect(add).toBe(`/stories/${flood}/notes/new?finding=${fact}`);
    const form = (await doc(add as string)).document.querySelector('form[method="post"]');
    expect(form?.getAttribute('action')).toBe(`/stories/${flood}/notes`);
    expect(form?.querySelector('input[name="finding"]')?.getAttribute('value')).toBe(fact);

    const res = await post(`/stories/${flood}/notes`, {
      text: 'Ask the council for the 312 figure.',
      finding: fact,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/stories/${flood}#${fact}`);
    const after = (await doc(`/stories/${flood}`)).document;
    expect(after.querySelector(`#${fact} .kept-note`)?.textContent).toContain(
      'Ask the council for the 312 figure.',
    );
    const panel = after.querySelector('#notes');
    expect(panel?.querySelector('h2 .count')?.textContent).toBe('1');
    expect(panel?.querySelector(`a[href="#${fact}"]`)).not.toBeNull();

    const notes = (await doc('/notes')).document;
    const back = [...notes.querySelectorAll('.notes-list a')].map((a) => a.getAttribute('href'));
    expect(back).toContain(`/stories/${flood}#${fact}`);
  });

  it('a note whose finding is gone stays on the story, marked; edit and delete by form', async () => {
    const gone = await store.addNote(flood, 'fact-f999', 'About a fact re-clustering took away.');
    const story = await store.addNote(flood, null, 'Whole-story note.');
    // Re-clustering renumbered the findings: a note's own anchor now names another fact, or none, and the
    // fact it was written on is found by what it says.
    const page = (await doc(`/stories/${flood}`)).document;
    const [firstFact, secondFact] = [...page.querySelectorAll('tr[id^="fact-"]')].map((r) => r.id);
    const report = (await (await app.request(`/api/stories/${flood}`)).json()) as {
      stories: { facts: { id: string; text: string }[] }[];
    };
    const said = (anchor: string) =>
      report.stories[0]?.facts.find((f) => `fact-${f.id}` === anchor)?.text ?? '';
    const moved = await store.addNote(
      flood,
      'fact-f998',
      'Written on the first fact.',
      said(firstFact as string),
    );
    const stale = await store.addNote(
      flood,
      secondFact as string,
      'Written on a fact that is gone.',
      'A fact no outlet states.',
    );
    const { document } = await doc(`/stories/${flood}`);
    expect(document.querySelector(`#${firstFact} .kept-note[href="#note-${moved.id}"]`)).not.toBeNull();
    expect(document.querySelector(`#note-${moved.id} a[href="#${firstFact}"]`)).not.toBeNull();
    expect(document.querySelector(`#${secondFact} .kept-note[href="#note-${stale.id}"]`)).toBeNull();
    expect(document.querySelector(`#note-${stale.id}`)?.textContent).toContain(
      'finding no longer in this story (was fact',
    );
    expect(document.querySelector(`#note-${stale.id}`)?.textContent).toContain('“A fact no outlet states.”');
    await store.deleteNote(moved.id);
    await store.deleteNote(stale.id);
    const item = document.querySelector(`#note-${gone.id}`);
    expect(item?.textContent).toContain('finding no longer in this story');
    expect(item?.textContent).toContain('About a fact re-clustering took away.');
    expect(document.querySelector(`#note-${story.id}`)?.textContent).toContain('on the story');

    const edit = (await doc(`/notes/${story.id}/edit`)).document;
    expect(edit.querySelector('textarea')?.textContent).toBe('Whole-story note.');
    const saved = await post(`/notes/${story.id}`, { text: 'Edited note.' });
    expect([saved.status, saved.headers.get('location')]).toEqual([
      303,
      `/stories/${flood}#note-${story.id}`,
    ]);
    expect((await store.note(story.id))?.text).toBe('Edited note.');
    const deleted = await post(`/notes/${gone.id}/delete`, {});
    expect([deleted.status, deleted.headers.get('location')]).toEqual([303, `/stories/${flood}#notes`]);
    expect(await store.note(gone.id)).toBeNull();

    // Refusals are one line, on an error page.
    const empty = await post(`/stories/${flood}/notes`, { text: '  ' });
    expect(empty.status).toBe(400);
    // The HTML error page capitalises the reason's first word.
    expect(await empty.text()).toContain('A note needs some text; it is empty');
    const long = await post(`/stories/${flood}/notes`, { text: 'x'.repeat(4001) });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('A note holds at most 4000 characters; this one has 4001');
    const unknown = await post(`/stories/${flood}/notes`, { text: 'x', finding: 'fact-f999' });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain(`Story ${flood} has no finding &quot;fact-f999&quot;`);
    const missing = await post('/stories/99999/notes', { text: 'x' });
    expect(missing.status).toBe(404);
    expect((await app.request('/notes/99999/edit')).status).toBe(404);
  });

  it('writes go through the guards: another site is refused; with a token the form needs it', async () => {
    const before = (await store.notes()).length;
    const cross = await app.request(`/stories/${flood}/notes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      body: 'text=pwned',
    });
    expect(cross.status).toBe(403);
    const guarded = createApp({ store, token: 'sesame' });
    expect((await post(`/stories/${flood}/notes`, { text: 'no token' }, guarded)).status).toBe(401);
    expect((await post('/saved', { query: 'q=x', name: 'x' }, guarded)).status).toBe(401);
    const withToken = await post(`/stories/${flood}/notes`, { text: 'with token', token: 'sesame' }, guarded);
    expect(withToken.status).toBe(303);
    // The guarded app's forms carry the token field.
    const page = parseHTML(await (await guarded.request(`/stories/${flood}`)).text()).document;
    expect(page.querySelector('#notes form input[name="token"]')).not.toBeNull();
    expect((await store.notes()).length).toBe(before + 1);
    const apiCross = await guarded.request(`/api/stories/${flood}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x' }),
    });
    expect(apiCross.status).toBe(401);
  });

  it('hostile notes and saved-search names are shown as text and run nothing', async () => {
    const note = await store.addNote(flood, null, PAYLOAD);
    const { text, document } = await doc(`/stories/${flood}`);
    expect(text).not.toContain('<script>window.__pwned');
    expect(text).not.toContain('<img src=x');
    expect(document.querySelector(`#note-${note.id} .note-text`)?.textContent).toBe(PAYLOAD);
    const list = await doc('/notes');
    expect(list.text).not.toContain('<script>window.__pwned');
    const edit = await doc(`/notes/${note.id}/edit`);
    // (linkedom leaves a textarea's character references undecoded; the browser test reads its value.)
    expect(edit.text).not.toContain('<script>window.__pwned');
    expect(edit.text).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');

    const saved = await post('/saved', {
      query: `q=${encodeURIComponent(PAYLOAD)}&outlet=%22%3E%3Cb%3E`,
      name: PAYLOAD,
    });
    expect(saved.status).toBe(303);
    const page = await doc('/saved');
    expect(page.text).not.toContain('<script>window.__pwned');
    expect(page.text).not.toContain('<img src=x');
    expect(page.document.querySelector('.saved-list button')?.textContent).toBe(PAYLOAD);
    // Its query is one the search refuses or finds nothing for; either way the row says so and the page works.
    expect(page.document.querySelectorAll('.saved-list tbody tr').length).toBeGreaterThan(0);
    const search = await doc(
      `/search?q=${encodeURIComponent('"window pwned"')}&outlet=${encodeURIComponent(PAYLOAD)}`,
    );
    expect(search.text).not.toContain('<img src=x');
    expect(
      search.document.querySelector('form.save-search input[name="query"]')?.getAttribute('value'),
    ).toContain('outlet=');
    for (const s of await store.savedSearches()) await store.removeSavedSearch(s.id);
    await store.deleteNote(note.id);
  });
});

describe('parallax notes', () => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main([...args, '--db', db], {
      stdout: (c) => out.push(c),
      stderr: (l) => err.push(l),
      stdin: process.stdin,
    });
    return { code, out: out.join(''), err: err.join('\n') };
  };

  it('lists the notes as text and exports them as the API’s JSON', async () => {
    const note = await store.addNote(flood, 'fact-f1', 'CLI note\nsecond line');
    const json = await run(['notes', '--format', 'json']);
    expect(json.code, json.err).toBe(0);
    const parsed = JSON.parse(json.out) as { notes: { id: number }[] };
    expect(schemaErrors('noteList', parsed)).toEqual([]);
    expect(parsed.notes.map((n) => n.id)).toContain(note.id);
    const text = await run(['notes', String(flood)]);
    expect(text.out).toContain(`#${note.id} · story ${flood}`);
    expect(text.out).toContain('on fact-f1');
    expect(text.out).toContain('  CLI note\n  second line\n');
    const none = await run(['notes', '99999']);
    expect([none.code, none.out, none.err]).toEqual([
      0,
      '',
      expect.stringContaining('no notes on story 99999'),
    ]);
    const bad = await run(['notes', 'twelve']);
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('notes takes at most one story id')]);
    await store.deleteNote(note.id);
  });
});

// SQLite only: the table is filled past the contract with raw SQL on the library file.
describe.skipIf(libraries.backend === 'postgres')('bounds (SQLite only: filled with raw SQL)', () => {
  it('a library keeps at most 10,000 notes; the next one is refused in one line', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parallax-kept-bound-')), 'library.db');
    const small = openSqliteStore(path);
    try {
      const put = small.putArticles([makeArticle({ id: 'b1', url: 'https://example.com/b1', text: 'One.' })]);
      const storyId = small.storyIndex().saveProfile({
        id: null,
        size: 1,
        firstDay: null,
        lastDay: null,
        features: new Map(),
      });
      small.placeArticle(put.added[0] as string, {
        storyId,
        duplicateOf: null,
        score: null,
        reasons: null,
        placedBy: 'user',
      });
      // Filled past the contract (one INSERT each through the store would take a while on PostgreSQL).
      const raw = new Database(path);
      const insert = raw.prepare(
        `INSERT INTO notes (story_id, text, created_at, updated_at) VALUES (?, ?, '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z')`,
      );
      raw.transaction(() => {
        for (let i = 1; i < KEPT_WORK_BOUNDS.notes; i++) insert.run(storyId, `note ${i}`);
      })();
      raw.close();
      expect(small.addNote(storyId, null, 'the last one that fits').text).toBe('the last one that fits');
      expect(() => small.addNote(storyId, null, 'one too many')).toThrow(
        'the library already holds 10000 notes, the most it keeps; delete some to add more',
      );
    } finally {
      small.close();
    }
  });
});

describe('finding names', () => {
  it('says what kind of finding an anchor is', () => {
    expect(['fact-f3', 'actor-a1', 's0-q-q2', 's0-d4', 's1-fact-f3', 'odd'].map(describeFinding)).toEqual([
      'fact f3',
      'actor a1',
      'quote q2',
      'discrepancy d4',
      'fact f3 (story 2)',
      'odd',
    ]);
  });
});

describe('saved searches', () => {
  it('save from the search page, see new results after an ingest, open it to mark them seen', async () => {
    const search = (await doc('/search?q=Tessaly&page=2')).document;
    const form = search.querySelector('form.save-search');
    expect(form?.getAttribute('action')).toBe('/saved');
    const query = form?.querySelector('input[name="query"]')?.getAttribute('value') ?? '';
    expect(query).toBe('q=Tessaly');
    const res = await post('/saved', { query, name: 'Tessaly floods' });
    expect(res.status).toBe(303);
    const id = (await store.savedSearches()).find((s) => s.query === 'q=Tessaly')?.id as number;
    expect(res.headers.get('location')).toBe(`/saved#saved-${id}`);
    const row = async () => (await doc('/saved')).document.querySelector(`#saved-${id}`);
    expect((await row())?.querySelector('.new-badge')?.textContent).toBe('0 new');
    const results = Number((await row())?.querySelector('.num')?.textContent);
    expect(results).toBeGreaterThan(0);

    await ingestIntoLibrary(store, writeFixtures(join(dir, 'later'), [LATER_FLOOD]), DEFAULT_CONFIG);
    expect((await row())?.querySelector('.new-badge')?.textContent).toBe('1 new');
    expect(Number((await row())?.querySelector('.num')?.textContent)).toBe(results + 1);

    const open = await post(`/saved/${id}/open`, {});
    expect([open.status, open.headers.get('location')]).toEqual([303, '/search?q=Tessaly']);
    expect((await row())?.querySelector('.new-badge')?.textContent).toBe('0 new');

    const removed = await post(`/saved/${id}/delete`, {});
    expect(removed.status).toBe(303);
    expect(await store.savedSearch(id)).toBeNull();
  });

  it('filters in the saved parameters narrow the count (outlet)', async () => {
    const { search } = await store.saveSearch('Courier only', 'q=Tessaly&outlet=Valley+Courier');
    const all = (await store.saveSearch('All', 'q=Tessaly')).search;
    const body = (await (await api('/api/saved-searches', 'GET')).json()) as {
      savedSearches: { id: number; results: number }[];
    };
    const count = (id: number) => body.savedSearches.find((s) => s.id === id)?.results ?? -1;
    expect(count(search.id)).toBeGreaterThan(0);
    expect(count(search.id)).toBeLessThan(count(all.id));
    await store.removeSavedSearch(search.id);
    await store.removeSavedSearch(all.id);
  });
});

describe('the kept-work API', () => {
  it('notes: add, read, list by story, edit, delete; answers match the schema', async () => {
    const added = await api(`/api/stories/${flood}/notes`, 'POST', { text: 'API note', finding: 'fact-f1' });
    expect(added.status).toBe(201);
    const { note } = (await added.json()) as { note: { id: number; findingLabel: string } };
    expect(note.findingLabel.length).toBeGreaterThan(10);
    expect(schemaErrors('noteAnswer', { note })).toEqual([]);
    const all = (await (await api('/api/notes', 'GET')).json()) as { notes: { id: number }[] };
    expect(schemaErrors('noteList', all)).toEqual([]);
    expect(all.notes.map((n) => n.id)).toContain(note.id);
    const list = (await (await api(`/api/stories/${flood}/notes`, 'GET')).json()) as {
      notes: { id: number }[];
    };
    expect(schemaErrors('noteList', list)).toEqual([]);
    expect(list.notes.map((n) => n.id)).toContain(note.id);
    const edited = await api(`/api/notes/${note.id}`, 'PATCH', { text: 'API note, edited' });
    expect(((await edited.json()) as { note: { text: string } }).note.text).toBe('API note, edited');
    expect((await api(`/api/notes/${note.id}`, 'DELETE')).status).toBe(200);
    expect(await store.note(note.id)).toBeNull();
    expect((await api(`/api/notes/${note.id}`, 'DELETE')).status).toBe(404);

    const bad = await api(`/api/stories/${flood}/notes`, 'POST', { text: 'x', finding: '<b>' });
    expect(bad.status).toBe(400);
    expect(
      (await api(`/api/stories/${flood}/notes`, 'POST', { text: 'x', finding: 'fact-f999' })).status,
    ).toBe(404);
    const error = await bad.json();
    expect(schemaErrors('error', error)).toEqual([]);
    // API writes take JSON only.
    const plain = await app.request(`/api/stories/${flood}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"text":"x"}',
    });
    expect(plain.status).toBe(415);
  });

  it('saved searches: save (once per query), list with counts, mark seen, remove; schema', async () => {
    const first = await api('/api/saved-searches', 'POST', { name: 'Chess', query: 'q=chess' });
    expect(first.status).toBe(201);
    const body = (await first.json()) as { savedSearch: { id: number }; created: boolean };
    expect(schemaErrors('savedSearchAnswer', body)).toEqual([]);
    const again = await api('/api/saved-searches', 'POST', { name: 'Chess again', query: 'q=chess' });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { created: boolean }).created).toBe(false);
    const list = await (await api('/api/saved-searches', 'GET')).json();
    expect(schemaErrors('savedSearchList', list)).toEqual([]);
    const seen = await app.request(`/api/saved-searches/${body.savedSearch.id}/seen`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(schemaErrors('savedSearchAnswer', await seen.json())).toEqual([]);
    expect((await api(`/api/saved-searches/${body.savedSearch.id}`, 'DELETE')).status).toBe(200);
    expect((await api(`/api/saved-searches/${body.savedSearch.id}`, 'DELETE')).status).toBe(404);
    const empty = await api('/api/saved-searches', 'POST', { name: 'x', query: '' });
    expect(empty.status).toBe(400);
  });

  it('the OpenAPI description names every kept-work endpoint', () => {
    const paths = Object.keys((OPENAPI as { paths: Record<string, unknown> }).paths);
    for (const path of [
      '/api/notes',
      '/api/notes/{id}',
      '/api/stories/{id}/notes',
      '/api/saved-searches',
      '/api/saved-searches/{id}',
      '/api/saved-searches/{id}/seen',
    ])
      expect(paths).toContain(path);
  });
});
