// The library commands as a user runs them: ingest, stories, story (report, --why, merge, split), search;
// and the library's promises under failure: a SIGKILL during a large ingest leaves a consistent database
// that the same command completes, and damaged, locked, newer or full databases give one clear line.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { ingestIntoLibrary } from '../../src/library/ingest.js';
import { isPostgresUrl } from '../../src/store/open.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { unrelatedReports } from '../support/calibration-fixtures.js';
import { ALL_FIXTURES, FLOOD_REPRINT, writeFixtures } from '../support/library-fixtures.js';
import { reportSchemaErrors } from '../support/report-schema.js';
import { storiesSchemaErrors } from '../support/stories-schema.js';
import { syntheticArticles, toJsonl } from '../support/synthetic-news.js';
import { testLibraries } from '../support/test-library.js';

const BIN = resolve(import.meta.dirname, '../../bin/parallax.js');
/** These tests assert what the library holds, not how fast it got there: a loaded machine may be slow. */
const NO_DEADLINE = 0;

const libraries = testLibraries('library_cli');
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-library-cli-'));
  writeFixtures(join(dir, 'news'), ALL_FIXTURES);
  writeFixtures(join(dir, 'more'), [FLOOD_REPRINT]);
});

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, PARALLAX_DB: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The first column of the first row of `sql` on a library file or a PostgreSQL library. */
async function oneValue(library: string, sql: string): Promise<number | string> {
  if (isPostgresUrl(library)) {
    const client = new pg.Client({ connectionString: library });
    await client.connect();
    try {
      const value = Object.values((await client.query(sql)).rows[0] ?? {})[0];
      return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as number | string);
    } finally {
      await client.end();
    }
  }
  const db = new Database(library, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number | string;
  } finally {
    db.close();
  }
}

/** Every invariant a committed batch must leave behind, on either backend; returns the problems found. */
async function inconsistencies(library: string): Promise<string[]> {
  const postgres = isPostgresUrl(library);
  const problems: string[] = [];
  const one = (sql: string) => oneValue(library, sql);
  if (!postgres && (await one('PRAGMA integrity_check')) !== 'ok') problems.push('integrity_check failed');
  const unplaced = await one(
    'SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_seq = a.seq)',
  );
  if (unplaced !== 0) problems.push(`${unplaced} articles without a story`);
  const noFeatures = await one(
    'SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_features f WHERE f.article_seq = a.seq)',
  );
  if (noFeatures !== 0) problems.push(`${noFeatures} articles without features`);
  const badCounts = await one(
    `SELECT count(*) FROM stories s WHERE article_count != (SELECT count(*) FROM story_articles sa WHERE sa.story_id = s.id)`,
  );
  if (badCounts !== 0) problems.push(`${badCounts} stories with a wrong article count`);
  const empty = await one(
    'SELECT count(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.story_id = s.id)',
  );
  if (empty !== 0) problems.push(`${empty} stories without articles`);
  const voices = await one('SELECT count(*) FROM story_articles WHERE duplicate_of IS NULL');
  const documents = await one(
    "SELECT coalesce((SELECT value FROM library_counters WHERE name = 'documents'), 0)",
  );
  if (voices !== documents) problems.push(`document count ${documents} but ${voices} voices placed`);
  // PostgreSQL keeps each article's search words in its own row (a NOT NULL column).
  if (!postgres) {
    const text = await one('SELECT count(*) FROM articles_fts');
    const articles = await one('SELECT count(*) FROM articles');
    if (text !== articles) problems.push(`${articles} articles but ${text} full-text rows`);
  }
  return problems;
}

describe('library commands', { timeout: NO_DEADLINE }, () => {
  it('stories says when unrelated articles clear the story bar (the calibration check)', async () => {
    const db = await libraries.fresh('boilerplate');
    const files = writeFixtures(join(dir, 'boilerplate'), unrelatedReports(40, { boilerplate: true }));
    const store = await libraries.open(db);
    try {
      await ingestIntoLibrary(store, files, { ...DEFAULT_CONFIG }, { worker: false });
    } finally {
      await store.close();
    }
    const text = run(['stories', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /\ncalibration warning: \d+ of \d+ pairs of articles published over 60 days apart \([\d.]+ %\) score above the story bar/,
    );
    const json = JSON.parse(run(['stories', '--db', db, '--format', 'json']).stdout);
    expect(storiesSchemaErrors(json)).toEqual([]);
    expect(json.calibration.state).toBe('too-many');
    expect(json.calibration.measurement.pairs).toBeGreaterThan(200);
  });

  it('ingest, stories, story --why, story report, search, merge and split', async () => {
    const db = await libraries.fresh('cli');
    const first = run(['ingest', 'news', '--db', db]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/7 new articles, 3 new stories, 4 joined existing stories/);
    expect(first.stdout).toBe('');
    const again = run(['ingest', 'news', '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/nothing new; 7 articles already stored, unchanged/);

    // PARALLAX_DB names the library when --db is not given.
    const listed = run(['stories', '--format', 'json'], { PARALLAX_DB: db });
    expect(listed.code).toBe(0);
    expect(storiesSchemaErrors(JSON.parse(listed.stdout))).toEqual([]);
    // Seven articles: too few pairs far enough apart for the calibration check to say anything yet.
    expect(JSON.parse(listed.stdout).calibration).toMatchObject({ state: 'not-yet' });
    const { stories } = JSON.parse(listed.stdout) as {
      stories: { id: number; articles: string[]; outlets: string[] }[];
    };
    expect(stories.map((s) => s.articles.sort())).toEqual([
      ['vote-1', 'vote-2'],
      ['flood-1', 'flood-2', 'flood-3'],
      ['chess-1', 'chess-2'],
    ]);
    const text = run(['stories', '--db', db, '--outlet', 'Board and Clock']);
    expect(text.stdout).toMatch(/Varga wins the Quenby Open/);
    expect(text.stdout).not.toMatch(/Tessaly/);

    const flood = stories[1]?.id;
    const chess = stories[2]?.id;
    const vote = stories[0]?.id;
    const why = run(['story', String(flood), '--why', '--db', db]);
    expect(why.code).toBe(0);
    expect(why.stdout).toMatch(/flood-1 .*\n\s+started the story/);
    expect(why.stdout).toMatch(
      /flood-2 .*\n\s+Similarity 0\.\d+ with the story \(threshold 0\.\d+\), sharing names/,
    );

    const report = run(['story', String(flood), '--db', db, '--format', 'json']);
    expect(report.code).toBe(0);
    expect(reportSchemaErrors(JSON.parse(report.stdout))).toEqual([]);
    const files = run(['story', String(chess), '--db', db, '--out', join(dir, 'chess-report')]);
    expect(files.code).toBe(0);
    expect(readFileSync(join(dir, 'chess-report', 'index.html'), 'utf8')).toMatch(/Quenby/);

    const search = run(['search', 'flood wall', '--db', db]);
    expect(search.code).toBe(0);
    expect(search.stdout).toMatch(new RegExp(`\\[flood\\] \\[wall\\].*|story ${flood}`));
    expect(run(['search', '"unbalanced', '--db', db])).toMatchObject({ code: 1 });

    expect(run(['story', 'merge', String(chess), String(vote), '--db', db]).stderr).toMatch(
      new RegExp(`merged story ${vote} into story ${chess}; it now has 4 articles`),
    );
    const split = run(['story', 'split', String(flood), '--articles', 'flood-3', '--db', db]);
    expect(split.stderr).toMatch(/moved 1 article from story \d+ into new story \d+; story \d+ keeps 2/);
    expect(run(['ingest', 'more', '--db', db]).stderr).toMatch(
      /1 new article, 0 new stories, 0 joined existing stories, 1 near-duplicate linked/,
    );
    const after = JSON.parse(run(['stories', '--db', db, '--format', 'json']).stdout) as {
      stories: { articles: string[]; voices: number }[];
    };
    expect(after.stories.map((s) => s.articles.sort().join(' ')).sort()).toEqual([
      'chess-1 chess-2 vote-1 vote-2',
      'flood-1 flood-1-reprint flood-2',
      'flood-3',
    ]);
    expect(after.stories.find((s) => s.articles.includes('flood-1-reprint'))?.voices).toBe(2);
    expect(await inconsistencies(db)).toEqual([]);
  });

  it('misuse and missing libraries get one line each', async () => {
    const missing = join(dir, 'nowhere.db');
    expect(run(['stories', '--db', missing])).toMatchObject({
      code: 1,
      stderr: `parallax: ${missing}: no library there; add articles with "parallax ingest <inputs…>" or name one with --db\n`,
    });
    expect(run(['story', 'x', '--db', missing]).stderr).toMatch(/a story id is a whole number/);
    expect(run(['stories', '--since', 'yesterday']).code).toBe(2);
    const db = await libraries.fresh('small');
    run(['ingest', 'news', '--db', db]);
    expect(run(['story', '999', '--db', db])).toMatchObject({
      code: 2,
      stderr: 'parallax: there is no story 999; "parallax stories" lists them\n',
    });
    expect(run(['story', 'split', '1', '--db', db]).stderr).toMatch(/needs --articles/);
  });

  // SQLite only: a damaged file, a newer file and a file lock (PostgreSQL's own are in store-postgres.test.ts).
  it.skipIf(libraries.backend === 'postgres')(
    'refuses a file that is not a database, a newer schema and a locked library without changing them (SQLite only)',
    async () => {
      const junk = join(dir, 'junk.db');
      writeFileSync(
        junk,
        'these are not the bytes of a database, just some text that is long enough'.repeat(3),
      );
      expect(run(['ingest', 'news', '--db', junk])).toMatchObject({
        code: 1,
        stderr: `parallax: ${junk}: is not a Parallax database (file is not a database); move it aside or use another --db\n`,
      });
      expect(readFileSync(junk, 'utf8')).toMatch(/^these are not/);

      const newer = join(dir, 'newer.db');
      const db = new Database(newer);
      db.pragma('application_id = 1347570776');
      db.pragma('user_version = 99');
      db.close();
      expect(run(['stories', '--db', newer]).stderr).toMatch(
        /database schema version 99 is newer than this Parallax/,
      );

      const locked = join(dir, 'locked.db');
      run(['ingest', 'news', '--db', locked]);
      const holder = new Database(locked);
      holder.exec('BEGIN EXCLUSIVE');
      try {
        // The library's busy timeout bounds the wait for the lock; the test sets no deadline of its own.
        const result = spawnSync(process.execPath, [BIN, 'ingest', 'more', '--db', locked], {
          encoding: 'utf8',
          cwd: dir,
          env: { ...process.env },
        });
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/is locked by another process/);
      } finally {
        holder.exec('ROLLBACK');
        holder.close();
      }
      expect(await inconsistencies(locked)).toEqual([]);
    },
  );
});

describe('failure during ingest', { timeout: NO_DEADLINE }, () => {
  // SQLite only: the size limit is SQLite's max_page_count on the file.
  it.skipIf(libraries.backend === 'postgres')(
    'a full disk stops ingest with one line, keeps the batches stored, and a later run completes them (SQLite only)',
    async () => {
      const file = join(dir, 'full.db');
      const input = join(dir, 'full.jsonl');
      writeFileSync(input, toJsonl(syntheticArticles(120)));
      let store = openSqliteStore(file, { maxSizeBytes: 400 * 1024 });
      const refusals: string[] = [];
      await expect(
        ingestIntoLibrary(store, [input], DEFAULT_CONFIG, {
          batchSize: 20,
          onRefusal: (_, r) => refusals.push(r),
        }),
      ).rejects.toThrow(
        /the disk is full or the database reached its size limit .*nothing of this batch was stored \(earlier batches are kept\)/,
      );
      const kept = store.countArticles();
      expect(kept).toBeGreaterThan(0);
      expect(kept % 20).toBe(0);
      store.close();
      expect(await inconsistencies(file)).toEqual([]);
      store = openSqliteStore(file);
      const rest = await ingestIntoLibrary(store, [input], DEFAULT_CONFIG, { batchSize: 20 });
      expect(rest.existing).toBe(kept);
      expect(store.countArticles()).toBe(120);
      store.close();
      expect(await inconsistencies(file)).toEqual([]);
    },
  );

  it('SIGKILL in the middle of a large ingest leaves a consistent library; the same command completes it without duplicates', async () => {
    const file = await libraries.fresh('killed');
    const input = join(dir, 'large.jsonl');
    const total = 600;
    writeFileSync(input, toJsonl(syntheticArticles(total)));
    const counts: number[] = [];
    for (const wait of [1, 2]) {
      const child = spawn(process.execPath, [BIN, 'ingest', input, '--db', file], { stdio: 'ignore' });
      let exited = false;
      const exit = new Promise((done) => child.on('exit', done)).then(() => {
        exited = true;
      });
      // Kill once some batches are committed, at a moment the test does not choose precisely.
      const before = counts.at(-1) ?? 0;
      for (;;) {
        let n = 0;
        try {
          n = Number(await oneValue(file, 'SELECT count(*) FROM articles'));
        } catch {
          // not created yet, or locked for a moment
        }
        if (n >= before + 64 * wait) {
          child.kill('SIGKILL');
          break;
        }
        if (exited)
          throw new Error(`ingest stopped before storing ${before + 64 * wait} articles (it stored ${n})`);
        await new Promise((r) => setTimeout(r, 20));
      }
      await exit;
      expect(await inconsistencies(file)).toEqual([]);
      counts.push(Number(await oneValue(file, 'SELECT count(*) FROM articles')));
    }
    expect(counts[0]).toBeLessThan(total);
    const finish = run(['ingest', input, '--db', file]);
    expect(finish.code).toBe(0);
    expect(finish.stderr).toMatch(
      new RegExp(`${total - (counts[1] ?? 0)} new articles.*${counts[1]} already stored`),
    );
    expect(Number(await oneValue(file, 'SELECT count(*) FROM articles'))).toBe(total);
    expect(Number(await oneValue(file, 'SELECT count(DISTINCT input_id) FROM articles'))).toBe(total);
    expect(await inconsistencies(file)).toEqual([]);
  });
});
