// One request must never hold the others: `parallax serve` (the built command, on a loopback port) keeps
// answering /api/health while a slow search or the annotation of a large article is under way, and a
// search past its deadline is answered with 503 while its thread is abandoned. The tests assert the order
// of answers, not how long anything takes.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../src/server/http-error.js';
import { inProcessSearcher, type Searcher, workerSearcher } from '../src/server/searcher.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { seededRandom } from '../src/util/random.js';
import { syntheticArticles } from './support/synthetic-news.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/parallax.js');
const WORKER = new URL('../dist/src/server/search-worker.js', import.meta.url);

/** Sixteen words each article repeats, and four prefix families of 20,000 words each. */
const COMMON = Array.from({ length: 16 }, (_, i) => `common${String.fromCharCode(97 + i)}`);
const FAMILIES = ['pre', 'pro', 'par', 'per'];
/**
 * Within every bound (4 prefixes of 3 letters, 16 words) and still slow: each prefix expands to thousands
 * of words. About 1 s over 6,000 articles on a loaded two-core machine, against ~1 ms for /api/health.
 */
const SLOW = [...FAMILIES.map((f) => `${f}*`), ...COMMON.slice(0, 12)].join(' OR ');

/** A library of invented articles written straight into the tables the search reads. */
function syntheticLibrary(path: string, count: number): void {
  openSqliteStore(path).close();
  const db = new Database(path);
  const random = seededRandom(11);
  const article = db.prepare(
    `INSERT INTO articles (seq, id, content_hash, source, stored_at, doc, title)
     VALUES (?, ?, ?, 'synthetic', '2031-01-01T00:00:00Z', '{}', ?)`,
  );
  const text = db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const words: string[] = [];
      for (let w = 0; w < 200; w++) {
        words.push(
          random() < 0.3
            ? (COMMON[Math.floor(random() * COMMON.length)] as string)
            : `${FAMILIES[Math.floor(random() * FAMILIES.length)]}${Math.floor(random() * 20_000)}`,
        );
      }
      article.run(i, `synthetic-${i}`, `hash-${i}`, `Article ${i}`);
      text.run(i, `Article ${i}`, words.join(' '));
    }
  })();
  db.close();
}

interface Serve {
  url: string;
  child: ChildProcess;
}

function startServe(db: string): Promise<Serve> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /serving the library at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
      if (match) done({ url: match[1] as string, child });
    });
    child.on('exit', () => fail(new Error(`serve exited: ${stderr}`)));
  });
}

/**
 * Starts `slow`, gives the server a moment to be inside it, then asks for /api/health: whether health was
 * answered while `slow` was still unanswered. On a server that runs `slow` on its own thread, health waits.
 */
async function healthWhileRunning(url: string, slow: () => Promise<Response>) {
  let slowAnswered = false;
  const running = slow().then((res) => {
    slowAnswered = true;
    return res;
  });
  await new Promise((r) => setTimeout(r, 100));
  const health = await fetch(`${url}api/health`);
  const healthFirst = !slowAnswered;
  expect(health.status).toBe(200);
  return { healthFirst, slow: await running };
}

let dir = '';
let db = '';
let serve: Serve | null = null;
beforeAll(async () => {
  if (!existsSync(WORKER)) throw new Error('these tests run the built command: run "npm run build" first');
  dir = mkdtempSync(join(tmpdir(), 'parallax-responsive-'));
  db = join(dir, 'library.db');
  syntheticLibrary(db, 6000);
  serve = await startServe(db);
}, 120_000);
afterAll(async () => {
  if (!serve) {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return;
  }
  const { child } = serve;
  child.removeAllListeners('exit');
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  child.kill('SIGTERM');
  // Stopping also ends the search and annotation threads.
  expect(await exited).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

describe('parallax serve under a slow request', () => {
  it('answers /api/health while a slow search runs', async () => {
    const url = serve?.url as string;
    const { healthFirst, slow } = await healthWhileRunning(url, () =>
      fetch(`${url}api/search?q=${encodeURIComponent(SLOW)}`),
    );
    expect(healthFirst).toBe(true);
    // Answered in the end: its hits, or (on a very slow machine) the search deadline's 503.
    if (slow.status === 200) {
      expect(((await slow.json()) as { hits: unknown[] }).hits).toHaveLength(20);
    } else {
      expect(slow.status).toBe(503);
      expect(((await slow.json()) as { error: { code: string } }).error.code).toBe('timeout');
    }
  });

  it('answers /api/health while a large article is annotated', async () => {
    const url = serve?.url as string;
    const text = syntheticArticles(300)
      .map((a) => a.text)
      .join('\n\n');
    expect(text.length).toBeGreaterThan(100_000);
    const add = (article: object) =>
      fetch(`${url}api/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(article),
      });
    // A short article first, so the language models are loaded (loading them reads files, which lets other
    // requests through even on a server that annotates on its own thread).
    const [first] = syntheticArticles(1, 1, 99);
    expect((await add({ ...first, id: undefined })).status).toBe(201);
    const { healthFirst, slow } = await healthWhileRunning(url, () =>
      add({ title: 'A long invented chronicle', outlet: 'Test Desk', text }),
    );
    expect(healthFirst).toBe(true);
    expect(slow.status).toBe(201);
  });
});

describe('the search deadline', () => {
  let searcher: Searcher;
  beforeAll(() => {
    searcher = workerSearcher({
      path: db,
      deadlineMs: 60_000,
      threads: 1,
      maxAbandoned: 1,
      workerUrl: WORKER,
    }) as Searcher;
  });
  afterAll(() => searcher.close());

  it('runs filtered, ordered, paged searches and their count in the thread, as the store does', async () => {
    const store = openSqliteStore(db);
    try {
      const found = await searcher.find('commona', 5, { offset: 5, order: 'oldest' }, true);
      expect(found.total).toBe(store.countSearch('commona'));
      expect(found.hits.map((h) => h.id)).toEqual(
        store.search('commona', 5, { offset: 5, order: 'oldest' }).map((h) => h.id),
      );
      expect(await searcher.find('commona', 5, { outlet: 'Nobody' }, true)).toEqual({ hits: [], total: 0 });
      const refused = await searcher
        .find('commona', 5, { since: '2031-02-30' }, true)
        .catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'USAGE' });
    } finally {
      store.close();
    }
  });

  it('answers 503 past the deadline, refuses more while the abandoned thread runs, then searches again', async () => {
    expect(await searcher.search('commona', 5)).toHaveLength(5);
    const late = await searcher.search(SLOW, 20, 1).catch((err: unknown) => err);
    expect(late).toBeInstanceOf(HttpError);
    expect(late).toMatchObject({ status: 503, code: 'timeout' });
    // The abandoned thread is still inside SQLite: one is the limit, so the next search is refused at once.
    const busy = await searcher.search('commona', 5).catch((err: unknown) => err);
    expect(busy).toMatchObject({ status: 503, code: 'busy' });
    // Once it has ended, a fresh thread answers.
    let hits: unknown = null;
    while (!Array.isArray(hits)) {
      hits = await searcher.search('commona', 5).catch((err: unknown) => {
        expect(err).toMatchObject({ code: 'busy' });
        return new Promise((r) => setTimeout(() => r(null), 100));
      });
    }
    expect(hits).toHaveLength(5);
  });
});

describe('the search deadline on the store (PostgreSQL)', () => {
  it('answers 503 when the store has not answered by the deadline, and hits when it has', async () => {
    // A store whose search never answers until told to: the deadline decides, not how fast anything is.
    let answer: (hits: []) => void = () => {};
    const pending = new Promise<[]>((r) => {
      answer = r;
    });
    const stuck = inProcessSearcher({ search: () => pending, countSearch: async () => 0 }, 20);
    const late = await stuck.find('flood', 5, {}, true).catch((err: unknown) => err);
    expect(late).toBeInstanceOf(HttpError);
    expect((late as HttpError).status).toBe(503);
    expect((late as HttpError).code).toBe('timeout');
    answer([]);
    const quick = inProcessSearcher({ search: async () => [], countSearch: async () => 0 }, 60_000);
    expect(await quick.find('flood', 5, {}, true)).toEqual({ hits: [], total: 0 });
    expect(await quick.search('flood', 5)).toEqual([]);
  });
});
