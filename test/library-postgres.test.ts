// The library commands on a PostgreSQL library give what they give on a library file: the same invented
// articles ingested through `parallax ingest` into SQLite and into PostgreSQL list the same stories, the
// same story report, the same --why explanations and the same search hits; a merge and a split then
// leave both libraries alike again. Only what the clock or the location writes (timestamps, the --db
// path) is set aside before comparing.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openLibrary } from '../src/api/library.js';
import { main } from '../src/cli/main.js';
import { captureIo } from './support/capture-io.js';
import { ALL_FIXTURES, FLOOD_REPRINT, writeFixtures } from './support/library-fixtures.js';

const adminUrl = inject('pgUrl');
if (adminUrl === null) {
  if (process.env.CI) throw new Error(`PostgreSQL library tests cannot run: ${inject('pgMissing')}`);
  console.warn(`PostgreSQL library tests skipped: ${inject('pgMissing')}`);
}

/** Runs a command in-process; fails the test with its error lines when it does not exit 0. */
async function parallax(args: string[]): Promise<string> {
  const run = captureIo();
  const code = await main(args[0] === 'ingest' ? [...args, '--jobs', '1'] : args, run.io);
  if (code !== 0) throw new Error(`parallax ${args.join(' ')} exited ${code}: ${run.err.join('\n')}`);
  return run.out.join('');
}

/** Timestamps differ from run to run; everything else must be the same on both backends. */
function comparable(json: string): unknown {
  return JSON.parse(json, (key, value) =>
    ['updatedAt', 'placedAt', 'storedAt', 'generatedAt', 'db'].includes(key) ? '(set aside)' : value,
  );
}

let dir = '';
const databases: string[] = [];
let pgUrl = '';
let apiUrl = '';
let file = '';

/** A new database on the test server, dropped after the file's tests. */
async function freshDatabase(): Promise<string> {
  const name = `px_library_${process.pid}_${databases.length + 1}`;
  const client = new pg.Client({ connectionString: adminUrl ?? '' });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  databases.push(name);
  const url = new URL(adminUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-library-pg-'));
  writeFixtures(join(dir, 'news'), ALL_FIXTURES);
  writeFixtures(join(dir, 'more'), [FLOOD_REPRINT]);
  file = join(dir, 'library.db');
  if (adminUrl === null) return;
  pgUrl = await freshDatabase();
  apiUrl = await freshDatabase();
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (adminUrl === null) return;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  for (const name of databases) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
});

/** The same command on both libraries, outputs made comparable. */
async function both(args: string[]): Promise<{ sqlite: unknown; postgres: unknown }> {
  const sqlite = comparable(await parallax([...args, '--db', file]));
  const postgres = comparable(await parallax([...args, '--db', pgUrl]));
  return { sqlite, postgres };
}

describe.skipIf(adminUrl === null)('a library on PostgreSQL through the commands', () => {
  it('ingests, lists, reports, explains and searches as a library file does', async () => {
    for (const input of [join(dir, 'news'), join(dir, 'more')]) {
      const ingest = await both(['ingest', input, '--format', 'json']);
      expect(ingest.postgres).toEqual(ingest.sqlite);
    }
    const stories = await both(['stories', '--format', 'json']);
    expect(stories.postgres).toEqual(stories.sqlite);
    const listed = (stories.sqlite as { stories: { id: number; articleCount: number }[] }).stories;
    // The invented articles make stories of several articles, with a near-duplicate among them.
    expect(listed.filter((s) => s.articleCount > 1).length).toBeGreaterThanOrEqual(2);
    for (const { id } of listed) {
      const report = await both(['story', String(id), '--format', 'json']);
      expect(report.postgres).toEqual(report.sqlite);
      const why = await both(['story', String(id), '--why', '--format', 'json']);
      expect(why.postgres).toEqual(why.sqlite);
    }
    // The same hits with the same stories and total. Ranking is comparable rather than identical
    // (bm25 against ts_rank), and snippets are cut differently (FTS5's snippet() against the store's own
    // cut), so hits are compared as a set without their snippets.
    const search = await both(['search', 'flood', '--format', 'json']);
    type Hits = { hits: { id: string; snippet?: string }[]; total: number };
    const hitSet = (r: unknown) => {
      const { hits, total } = r as Hits;
      return { total, hits: hits.map(({ snippet, ...h }) => h).sort((x, y) => x.id.localeCompare(y.id)) };
    };
    expect((search.sqlite as Hits).hits.length).toBeGreaterThan(0);
    expect(hitSet(search.postgres)).toEqual(hitSet(search.sqlite));
  });

  it('merges and splits alike, and ingesting again adds nothing on either', async () => {
    const listed = (
      (await both(['stories', '--format', 'json'])).sqlite as {
        stories: { id: number; articleIds: string[] }[];
      }
    ).stories;
    const [a, b] = listed;
    if (!a || !b) throw new Error('the fixtures make at least two stories');
    await parallax(['story', 'merge', String(a.id), String(b.id), '--db', file]);
    await parallax(['story', 'merge', String(a.id), String(b.id), '--db', pgUrl]);
    const moved = b.articleIds[0] as string;
    await parallax(['story', 'split', String(a.id), '--articles', moved, '--db', file]);
    await parallax(['story', 'split', String(a.id), '--articles', moved, '--db', pgUrl]);
    const after = await both(['stories', '--format', 'json']);
    expect(after.postgres).toEqual(after.sqlite);
    const again = await both(['ingest', join(dir, 'news'), '--format', 'json']);
    expect(again.postgres).toEqual(again.sqlite);
    expect((again.sqlite as { added: number }).added).toBe(0);
  });

  it('keeps the outlet directory alike', async () => {
    await parallax(['outlets', 'set', 'Harbour Gazette', 'hosts', 'gazette.example', '--db', file]);
    await parallax(['outlets', 'set', 'Harbour Gazette', 'hosts', 'gazette.example', '--db', pgUrl]);
    const run = async (db: string) =>
      comparable(
        (await parallax(['outlets', 'list', '--format', 'json', '--db', db])).replace(
          /set by hand on \d{4}-\d\d-\d\d/g,
          'set by hand',
        ),
      );
    expect(await run(pgUrl)).toEqual(await run(file));
  });

  it('opens a PostgreSQL library through the API (openLibrary) as it opens a file', async () => {
    const libraries = [await openLibrary(join(dir, 'api.db')), await openLibrary(apiUrl)];
    try {
      const articles = ALL_FIXTURES.map(({ file: id, outlet, published, title, text }) => ({
        id,
        outlet,
        published,
        title,
        text,
      }));
      const results = [];
      for (const library of libraries) {
        const summary = await library.ingest(articles, { worker: false });
        const stories = await library.stories();
        const first = stories[0];
        if (!first) throw new Error('the fixtures make stories');
        results.push(
          comparable(
            JSON.stringify({
              summary,
              stories,
              why: await library.why(first.id),
              report: await library.story(first.id),
            }),
          ),
        );
      }
      expect(results[1]).toEqual(results[0]);
      expect(libraries[1]?.path).not.toContain('parallax-test');
    } finally {
      for (const library of libraries) await library.close();
    }
  });
});
