// The web app on a PostgreSQL library, two instances on one database (as two `parallax serve` processes
// behind one load balancer would be): each answers the story list, a story page, search and an outlet page
// from the database, and a write through one (a note, a merge) shows through the other at its next request,
// although the other had those pages cached. Invented articles only (test/support/library-fixtures.ts).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import { createApp } from '../src/server/app.js';
import type { AsyncStore } from '../src/store/async-store.js';
import { openPgStore } from '../src/store/postgres/pg-store.js';
import { ALL_FIXTURES, writeFixtures } from './support/library-fixtures.js';

const adminUrl = inject('pgUrl');
if (adminUrl === null) {
  if (process.env.CI) throw new Error(`PostgreSQL server tests cannot run: ${inject('pgMissing')}`);
  console.warn(`PostgreSQL server tests skipped: ${inject('pgMissing')}`);
}

const databaseName = `px_server_${process.pid}`;
let dir = '';
const stores: AsyncStore[] = [];
let one: ReturnType<typeof createApp>;
let two: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-server-pg-'));
  if (adminUrl === null) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  // Each instance has a store of its own (its own connections), as separate processes would.
  for (let i = 0; i < 2; i++) stores.push(await openPgStore(url.toString()));
  const files = writeFixtures(join(dir, 'news'), ALL_FIXTURES);
  await ingestIntoLibrary(stores[0] as AsyncStore, files, DEFAULT_CONFIG, { worker: false });
  one = createApp({ store: stores[0] as AsyncStore });
  two = createApp({ store: stores[1] as AsyncStore });
});

afterAll(async () => {
  for (const store of stores) await store.close();
  rmSync(dir, { recursive: true, force: true });
  if (adminUrl === null) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await admin.end();
});

type App = ReturnType<typeof createApp>;
async function text(app: App, path: string): Promise<string> {
  const res = await app.request(path);
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return res.text();
}
async function json<T>(app: App, path: string): Promise<T> {
  return JSON.parse(await text(app, path)) as T;
}
async function post(app: App, path: string, body: unknown): Promise<Response> {
  return app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}
/** What differs between two renderings of the same library: when the report was made. */
const undated = (value: unknown) =>
  JSON.parse(JSON.stringify(value), (key, v) => (key === 'generatedAt' ? '(set aside)' : v));

interface Listing {
  stories: { id: number; title: string | null; articles: string[]; articleCount: number }[];
  total: number;
}

describe.skipIf(adminUrl === null)('two app instances on one PostgreSQL library', () => {
  it('answer the story list, story pages, search and outlet pages alike from the database', async () => {
    const listing = await json<Listing>(one, '/api/stories');
    expect(listing.stories).toHaveLength(3);
    expect(await json<Listing>(two, '/api/stories')).toEqual(listing);
    const flood = listing.stories.find((s) => s.articles.includes('flood-1'));
    if (!flood) throw new Error('the fixtures make a flood story');

    for (const app of [one, two]) {
      expect(await text(app, '/')).toContain('Tessaly');
      const page = await text(app, `/stories/${flood.id}`);
      expect(page).toContain('Valley Courier');
      expect(page).toContain('Radio Brannock');
      const search = await text(app, '/search?q=flood');
      expect(search).toContain(`/stories/${flood.id}`);
      expect(await text(app, '/outlets/Valley%20Courier')).toContain('Valley Courier');
    }
    expect(undated(await json(two, `/api/stories/${flood.id}`))).toEqual(
      undated(await json(one, `/api/stories/${flood.id}`)),
    );
    const hits = await json<{ total: number; hits: { id: string; story: number }[] }>(
      two,
      '/api/search?q=flood',
    );
    expect(hits.total).toBeGreaterThan(0);
    expect(hits.hits.every((h) => typeof h.story === 'number')).toBe(true);
    const outlet = await json<{ outlet: { outlet: string; articles: number } }>(
      two,
      '/api/outlets/Valley%20Courier',
    );
    expect(outlet.outlet.articles).toBe(2);
  });

  it('keep pages cached while readers only read, contested listings included', async () => {
    const store = stores[1] as AsyncStore;
    await text(two, '/?sort=contested');
    const before = await store.version();
    // Sorting by contest works out stale contests first; with none stale it writes nothing, and the
    // version every cached page is keyed on stays as it was.
    await text(two, '/?sort=contested');
    await text(two, '/');
    await text(one, '/?sort=contested');
    expect(await store.version()).toBe(before);
  });

  it('show a note written through one instance on the other, whose page was cached', async () => {
    const { stories } = await json<Listing>(one, '/api/stories');
    const chess = stories.find((s) => s.articles.includes('chess-1'));
    if (!chess) throw new Error('the fixtures make a chess story');
    const before = await text(two, `/stories/${chess.id}`);
    // The second request is answered from the cache (the same bytes).
    expect(await text(two, `/stories/${chess.id}`)).toBe(before);
    const note = 'Check the length of the final game against the arbiter sheet';
    expect(before).not.toContain(note);

    const res = await post(one, `/api/stories/${chess.id}/notes`, { text: note });
    expect(res.status).toBe(201);

    expect(await text(two, `/stories/${chess.id}`)).toContain(note);
    const notes = await json<{ notes: { text: string }[] }>(two, `/api/stories/${chess.id}/notes`);
    expect(notes.notes.map((n) => n.text)).toEqual([note]);
    expect(await text(two, '/notes')).toContain(note);
  });

  it('show a merge made through one instance in the other’s cached list, story page and search', async () => {
    const listing = await json<Listing>(two, '/api/stories');
    const flood = listing.stories.find((s) => s.articles.includes('flood-1'));
    const vote = listing.stories.find((s) => s.articles.includes('vote-1'));
    if (!flood || !vote) throw new Error('the fixtures make a flood and a vote story');
    // Instance two caches its list page, its JSON list, the vote story's page and a search.
    const listPage = await text(two, '/');
    expect(await text(two, '/')).toBe(listPage);
    await text(two, `/stories/${vote.id}`);
    const searchBefore = await json<{ hits: { id: string; story: number }[] }>(
      two,
      '/api/search?q=Harbourside',
    );
    expect(searchBefore.hits.some((h) => h.story === vote.id)).toBe(true);

    const res = await post(one, `/api/stories/${flood.id}/merge`, { other: vote.id });
    expect(res.status).toBe(200);

    const after = await json<Listing>(two, '/api/stories');
    expect(after.total).toBe(listing.total - 1);
    expect(after.stories.find((s) => s.id === flood.id)?.articleCount).toBe(
      flood.articleCount + vote.articleCount,
    );
    expect(after.stories.some((s) => s.id === vote.id)).toBe(false);
    expect(await text(two, '/')).not.toBe(listPage);
    expect((await two.request(`/stories/${vote.id}`)).status).toBe(404);
    const merged = await text(two, `/stories/${flood.id}`);
    expect(merged).toContain('Harbourside');
    const searchAfter = await json<{ hits: { id: string; story: number }[] }>(
      two,
      '/api/search?q=Harbourside',
    );
    expect(searchAfter.hits.length).toBe(searchBefore.hits.length);
    expect(searchAfter.hits.every((h) => h.story !== vote.id)).toBe(true);
    expect(searchAfter.hits.some((h) => h.story === flood.id)).toBe(true);
  });
});
