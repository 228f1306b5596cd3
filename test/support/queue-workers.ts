// Worker processes for the queue's tests: `parallax worker` on the built code with its output kept, waits
// that poll (never a fixed sleep), and what a library holds, read straight from its PostgreSQL tables.

import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';
import { expect } from 'vitest';
import { queueState } from '../../src/queue/state.js';

const BIN = resolve(import.meta.dirname, '../../bin/parallax.js');
/** Deadline of a whole drain on a loaded machine: each worker process loads the language models. */
export const DRAIN_MS = 600_000;

export const children: ChildProcess[] = [];

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface Worker {
  proc: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

export function startWorker(db: string, env: Record<string, string> = {}, concurrency = 1): Worker {
  const proc = spawn(process.execPath, [BIN, 'worker', '--db', db, '--concurrency', String(concurrency)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(proc);
  const lines: string[] = [];
  let rest = '';
  proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    lines.push(...parts);
  });
  const exited = new Promise<number | null>((done) => proc.once('exit', (code) => done(code)));
  return { proc, lines, exited };
}

export async function until<T>(
  what: string,
  check: () => Promise<T | null> | T | null,
  ms = DRAIN_MS,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Until nothing waits, retries or runs; the queue's final counts. */
export async function drained(db: string, workers: Worker[]) {
  return until('the queue to drain', async () => {
    for (const w of workers)
      if (w.proc.exitCode !== null) throw new Error(`a worker exited early:\n${w.lines.join('\n')}`);
    const { counts } = await queueState(db);
    return counts.waiting + counts.retrying + counts.running === 0 ? counts : null;
  });
}

export async function stopAll(workers: Worker[]): Promise<void> {
  for (const w of workers) w.proc.kill('SIGTERM');
  for (const w of workers) expect(await w.exited, w.lines.join('\n')).toBe(0);
}

export interface Library {
  articles: number;
  /** Stories as sorted lists of article ids, sorted. */
  partition: string[][];
  unplaced: number;
  orphanStories: number;
  wrongCounts: number;
}

export async function library(db: string): Promise<Library> {
  return withClient(db, async (c) => {
    const n = async (sql: string) => Number((await c.query<{ n: string }>(sql)).rows[0]?.n);
    const groups = await c.query<{ ids: string[] }>(
      `SELECT array_agg(a.id ORDER BY a.id) AS ids FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
       GROUP BY sa.story_id`,
    );
    return {
      articles: await n('SELECT count(*) AS n FROM articles'),
      partition: groups.rows.map((r) => r.ids).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? '')),
      unplaced: await n(
        'SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_seq = a.seq)',
      ),
      orphanStories: await n(
        'SELECT count(*) AS n FROM stories s WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.story_id = s.id)',
      ),
      wrongCounts: await n(
        'SELECT count(*) AS n FROM stories s WHERE s.article_count <> (SELECT count(*) FROM story_articles sa WHERE sa.story_id = s.id)',
      ),
    };
  });
}
