// The calibration warning in the web app: the story list and /api/stories say when unrelated articles clear
// the story bar (an invented library where every article carries the same boilerplate), and say nothing on
// a library of ordinary unrelated reports.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config.js';
import { ingestIntoLibrary } from '../src/library/ingest.js';
import { createApp } from '../src/server/app.js';
import { unrelatedReports } from './support/calibration-fixtures.js';
import { writeFixtures } from './support/library-fixtures.js';
import { storiesSchemaErrors } from './support/stories-schema.js';
import { testLibraries } from './support/test-library.js';

const NOTICE = 'Stories in this library may join unrelated events';
const libraries = testLibraries('server_calibration');
const apps: Record<'plain' | 'boilerplate', ReturnType<typeof createApp>> = {} as never;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-server-calibration-'));
  for (const kind of ['plain', 'boilerplate'] as const) {
    const files = writeFixtures(
      join(dir, kind),
      unrelatedReports(40, { boilerplate: kind === 'boilerplate' }),
    );
    const store = await libraries.openFresh(kind);
    await ingestIntoLibrary(store, files, { ...DEFAULT_CONFIG }, { worker: false });
    apps[kind] = createApp({ store });
  }
});

describe('calibration warning in the web app', () => {
  it('the story list and the API warn on the boilerplate library, naming what the pairs share', async () => {
    const page = await (await apps.boilerplate.request('/')).text();
    expect(page).toContain(NOTICE);
    expect(page).toMatch(/What they share most: [^<]*(quillmont|marrowby|keanerton)/i);
    const listing = await (await apps.boilerplate.request('/api/stories')).json();
    expect(storiesSchemaErrors(listing)).toEqual([]);
    expect(listing.calibration.state).toBe('too-many');
  });

  it('says nothing on a library of ordinary unrelated reports', async () => {
    const page = await (await apps.plain.request('/')).text();
    expect(page).toContain('<h1>Stories</h1>');
    expect(page).not.toContain(NOTICE);
    const listing = await (await apps.plain.request('/api/stories')).json();
    expect(storiesSchemaErrors(listing)).toEqual([]);
    expect(listing.calibration.state).toBe('ok');
  });
});
