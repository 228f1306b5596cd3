// The user's kept work on the web: notes on stories and findings, saved searches with "new since last
// visit". Pages (GET) read; form posts and the API's writes change the library and pass the same guards as
// adding articles (app.ts: same-origin writes, the token; here: the form's token field, JSON-only API
// writes, a body limit).

import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { NoteRecord, SavedSearch } from '../store/store.js';
import { jsonWrites } from './guards.js';
import { asClientError, asHttpError, HttpError } from './http-error.js';
import {
  editNotePage,
  findingLabels,
  newNotePage,
  notesPage,
  type SavedSearchStatus,
  savedSearchesPage,
} from './kept-work-views.js';
import { HTML, JSON_TYPE, LIMITS, type LibraryView, PAGE_CSP } from './library-view.js';
import { jsonBody, storyIdParam, tooLarge } from './params.js';

function idParam(value: string | undefined, what: string): number {
  if (value === undefined || !/^\d{1,15}$/.test(value))
    throw new HttpError(400, 'bad-parameter', `a ${what} id is a whole number; got "${value ?? ''}"`);
  return Number(value);
}

export function keptWorkRoutes(view: LibraryView): Hono {
  const { store, token } = view;
  const app = new Hono();
  const tokenNeeded = token !== null;
  const limit = bodyLimit({ maxSize: LIMITS.bodyBytes, onError: tooLarge(LIMITS.bodyBytes) });
  app.use('/notes/*', limit);
  app.use('/saved', limit);
  app.use('/saved/*', limit);

  /** A form posted from the app's pages; the token, when the server has one, is a form field (as /add). */
  const readForm = async (c: Context) => {
    const form = await c.req.parseBody({ all: true });
    if (token !== null && form.token !== token)
      throw new HttpError(401, 'unauthorized', 'writing needs the token parallax serve printed');
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    const fields = (name: string) =>
      [form[name] ?? []].flat().filter((v): v is string => typeof v === 'string');
    return Object.assign(field, { all: fields });
  };
  /**
   * What a finding of a story says, from the report the page showed (the same outlets): kept with its note
   * to find it again after re-clustering. A finding the report does not have is refused.
   */
  const findingOf = async (storyId: number, anchor: string | null, outlets: readonly string[]) => {
    const summary = await view.summaryOr404(storyId);
    if (anchor === null) return { summary, finding: null };
    const report = await view.reportOf(summary, await view.selectionOf(summary, outlets));
    const story = report.stories[0];
    const label = story ? findingLabels(story).get(anchor) : undefined;
    if (label === undefined)
      throw new HttpError(
        404,
        'not-found',
        `story ${storyId} has no finding "${anchor}" (findings are renumbered when the story changes; reload its page)`,
      );
    return { summary, finding: { anchor, label } };
  };
  const htmlPage = (c: Context, body: string, status: 200 | 201 = 200) => {
    c.header('Content-Security-Policy', PAGE_CSP);
    return c.html(body, status);
  };
  const noteOr404 = async (id: number): Promise<NoteRecord> => {
    const note = await store.note(id);
    if (!note) throw new HttpError(404, 'not-found', `there is no note ${id}`);
    return note;
  };
  const savedOr404 = async (id: number): Promise<SavedSearch> => {
    const saved = await store.savedSearch(id);
    if (!saved) throw new HttpError(404, 'not-found', `there is no saved search ${id}`);
    return saved;
  };
  const titleOf = async (storyId: number) =>
    (await store.listStories({ ids: [storyId], limit: 1 }))[0]?.title ?? null;
  const redirectToNote = (c: Context, note: NoteRecord) =>
    c.redirect(`/stories/${note.storyId}#${note.finding ?? `note-${note.id}`}`, 303);

  /** A saved search run now: its results (up to the search limit) and how many were stored since it was opened. */
  const statusOf = async (saved: SavedSearch): Promise<SavedSearchStatus> => {
    const params = new URLSearchParams(saved.query);
    const q = (params.get('q') ?? '').trim();
    if (q === '') return { ...saved, results: 0, new: 0, error: 'no search words (q) in this search' };
    try {
      // The saved parameters run through the search page's own filters (outlet, since, until, story);
      // "new" is counted among the newest hits, where articles stored since the last visit gather.
      const found = await view.findOf({
        ...Object.fromEntries(params),
        sort: 'newest',
        page: '1',
        limit: String(LIMITS.search),
      });
      const fresh = await store.storedAfter(
        found.hits.map((h) => h.id),
        saved.seenAt,
      );
      return { ...saved, results: found.total, new: fresh.size };
    } catch (err) {
      const error = asHttpError(err);
      // A query this server now refuses is reported on its row; the other searches still run.
      if (error.status === 400) return { ...saved, results: 0, new: 0, error: error.message };
      throw err;
    }
  };
  const statuses = async () => {
    const out: SavedSearchStatus[] = [];
    for (const saved of await store.savedSearches()) out.push(await statusOf(saved));
    return out;
  };

  // Pages.
  app.get('/notes', async (c) => {
    const notes = await store.notes();
    const ids = [...new Set(notes.map((n) => n.storyId))];
    const titles = new Map(
      ids.length ? (await store.listStories({ ids, limit: ids.length })).map((s) => [s.id, s.title]) : [],
    );
    return htmlPage(c, notesPage(notes, titles));
  });
  app.get('/notes/:id/edit', async (c) => {
    const note = await noteOr404(idParam(c.req.param('id'), 'note'));
    return htmlPage(c, editNotePage(note, await titleOf(note.storyId), tokenNeeded));
  });
  app.get('/stories/:id/notes/new', async (c) => {
    const anchor = c.req.query('finding') || null;
    if (anchor !== null && !/^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/.test(anchor))
      throw new HttpError(400, 'bad-parameter', 'finding is a finding\'s anchor, like "fact-f3"');
    const outlets = c.req.queries('outlet') ?? [];
    const { summary, finding } = await findingOf(storyIdParam(c.req.param('id')), anchor, outlets);
    const keep = outlets.map((o): [string, string] => ['outlet', o]);
    return htmlPage(c, newNotePage(summary.id, summary.title, finding, keep, tokenNeeded));
  });
  // Running every saved search takes a while on a big library (see KEPT_WORK_BOUNDS): the answer is kept
  // until the library changes (an ingest, a save, an open — each moves its version).
  app.get('/saved', (c) =>
    view.cachedView(c, HTML, async () => savedSearchesPage(await statuses(), tokenNeeded), PAGE_CSP),
  );

  // Form posts: each answers with a redirect to where the change shows (303: the browser then GETs it).
  app.post('/stories/:id/notes', async (c) => {
    const field = await readForm(c);
    const storyId = storyIdParam(c.req.param('id'));
    const { finding } = await findingOf(storyId, field('finding') || null, field.all('outlet'));
    const note = await asClientError(() =>
      store.addNote(storyId, finding?.anchor ?? null, field('text'), finding?.label ?? null),
    );
    const outlets = field.all('outlet');
    const back = outlets.length ? `?${outlets.map((o) => `outlet=${encodeURIComponent(o)}`).join('&')}` : '';
    return c.redirect(`/stories/${note.storyId}${back}#${note.finding ?? `note-${note.id}`}`, 303);
  });
  app.post('/notes/:id', async (c) => {
    const field = await readForm(c);
    const id = idParam(c.req.param('id'), 'note');
    const note = await asClientError(() => store.editNote(id, field('text')));
    if (!note) throw new HttpError(404, 'not-found', `there is no note ${id}`);
    return redirectToNote(c, note);
  });
  app.post('/notes/:id/delete', async (c) => {
    await readForm(c);
    const note = await noteOr404(idParam(c.req.param('id'), 'note'));
    await store.deleteNote(note.id);
    return c.redirect(`/stories/${note.storyId}#notes`, 303);
  });
  app.post('/saved', async (c) => {
    const field = await readForm(c);
    const query = field('query');
    const name = field('name') || new URLSearchParams(query).get('q') || '';
    const { search } = await asClientError(() => store.saveSearch(name, query));
    return c.redirect(`/saved#saved-${search.id}`, 303);
  });
  app.post('/saved/:id/open', async (c) => {
    await readForm(c);
    const saved = await savedOr404(idParam(c.req.param('id'), 'saved search'));
    await store.markSearchSeen(saved.id);
    return c.redirect(`/search?${saved.query}`, 303);
  });
  app.post('/saved/:id/delete', async (c) => {
    await readForm(c);
    await store.removeSavedSearch((await savedOr404(idParam(c.req.param('id'), 'saved search'))).id);
    return c.redirect('/saved', 303);
  });

  // The API (schema/kept-work.schema.json, openapi.ts). Writes take JSON; DELETE has no body and a
  // cross-site page cannot send one without a preflight this server never grants.
  app.get('/api/notes', async (c) => c.json({ notes: await store.notes() }));
  // A story's notes as it is now (a story merged away keeps none: they moved with their articles).
  app.get('/api/stories/:id/notes', async (c) =>
    c.json({ notes: await store.notes({ storyId: storyIdParam(c.req.param('id')) }) }),
  );
  app.post('/api/stories/:id/notes', jsonWrites, async (c) => {
    const storyId = storyIdParam(c.req.param('id'));
    const body = await jsonBody(c);
    if (typeof body.text !== 'string')
      throw new HttpError(400, 'bad-body', 'text, the note, must be a string');
    if (body.finding !== undefined && body.finding !== null && typeof body.finding !== 'string')
      throw new HttpError(400, 'bad-body', 'finding must be a finding\'s anchor ("fact-f3") or null');
    const anchor = (body.finding as string | null | undefined) || null;
    if (anchor !== null && !/^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/.test(anchor))
      throw new HttpError(
        400,
        'bad-body',
        `"${anchor.slice(0, 40)}" is not a finding's anchor (like "fact-f3")`,
      );
    // The finding as the story's default page shows it (its own outlets when it is compared through some).
    const { finding } = await findingOf(storyId, anchor, []);
    const note = await asClientError(() =>
      store.addNote(storyId, finding?.anchor ?? null, body.text as string, finding?.label ?? null),
    );
    return c.json({ note }, 201);
  });
  app.patch('/api/notes/:id', jsonWrites, async (c) => {
    const id = idParam(c.req.param('id'), 'note');
    const body = await jsonBody(c);
    if (typeof body.text !== 'string')
      throw new HttpError(400, 'bad-body', 'text, the note, must be a string');
    const note = await asClientError(() => store.editNote(id, body.text as string));
    if (!note) throw new HttpError(404, 'not-found', `there is no note ${id}`);
    return c.json({ note });
  });
  app.delete('/api/notes/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'note');
    if (!(await store.deleteNote(id))) throw new HttpError(404, 'not-found', `there is no note ${id}`);
    return c.json({ deleted: true });
  });
  app.get('/api/saved-searches', (c) =>
    view.cachedView(c, JSON_TYPE, async () => JSON.stringify({ savedSearches: await statuses() })),
  );
  app.post('/api/saved-searches', jsonWrites, async (c) => {
    const body = await jsonBody(c);
    if (typeof body.query !== 'string')
      throw new HttpError(
        400,
        'bad-body',
        'query, the search parameters ("q=storm&outlet=…"), must be a string',
      );
    const name = typeof body.name === 'string' ? body.name : (new URLSearchParams(body.query).get('q') ?? '');
    const { search, created } = await asClientError(() => store.saveSearch(name, body.query as string));
    return c.json({ savedSearch: await statusOf(search), created }, created ? 201 : 200);
  });
  app.post('/api/saved-searches/:id/seen', jsonWrites, async (c) => {
    const saved = await savedOr404(idParam(c.req.param('id'), 'saved search'));
    await store.markSearchSeen(saved.id);
    return c.json({ savedSearch: await statusOf(await savedOr404(saved.id)) });
  });
  app.delete('/api/saved-searches/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'saved search');
    if (!(await store.removeSavedSearch(id)))
      throw new HttpError(404, 'not-found', `there is no saved search ${id}`);
    return c.json({ deleted: true });
  });
  return app;
}
