// `node dist/bench/queue-ingest.js --db postgres://USER:PW@HOST/DB [--articles N] [--concurrency C]
// [--runs single,1,2]`: the first N allsides articles (default 300) ingested into PostgreSQL by one
// `parallax ingest` process, then through the queue by one and by two `parallax worker` processes (each
// --concurrency C, default 1; `--runs` picks which of the three; in a new database each; the user must be
// allowed CREATE DATABASE). `--bin PATH` runs another build's bin/parallax.js (to compare two builds back
// to back on a loaded machine). Reports wall time, articles/s, peak memory per process, and the share
// of the workers' job time spent in the placement transaction (placement runs one at a time across
// workers, so that share bounds what more workers can gain). The corpus is read from ../shared; nothing of
// it is written into the repository.

import { type ChildProcess, spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { queueState } from '../src/queue/state.js';
import { freshDatabase } from './pg-database.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const BIN = resolve(ROOT, 'bin/parallax.js');
const CORPUS = resolve(ROOT, '../shared/corpus/allsides/articles.jsonl.gz');

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function firstLines(n: number): Promise<string> {
  const lines: string[] = [];
  const input = createInterface({ input: createReadStream(CORPUS).pipe(createGunzip()) });
  for await (const line of input) {
    if (line.trim() === '') continue;
    lines.push(line);
    if (lines.length >= n) break;
  }
  input.close();
  return `${lines.join('\n')}\n`;
}

interface Run {
  proc: ChildProcess;
  lines: string[];
  /** Peak resident memory in MB (VmHWM, read every half second while it runs), once exited. */
  exited: Promise<number>;
  /** CPU seconds used (user + system, all threads), as last read while it ran. */
  cpu: () => number;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

function parallax(args: string[]): Run {
  const proc = spawn(process.execPath, [flag('--bin') ?? BIN, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  createInterface({ input: proc.stderr as NodeJS.ReadableStream }).on('line', (l) => lines.push(l));
  let peakKb = 0;
  let ticks = 0;
  const watch = setInterval(() => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))?.[1] ?? 0);
      peakKb = Math.max(peakKb, kb);
      // Fields 14 and 15 (utime, stime) after the command name in parentheses.
      const stat = readFileSync(`/proc/${proc.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks = Number(fields[11]) + Number(fields[12]);
    } catch {
      // Exited between two reads.
    }
  }, 500);
  const exited = new Promise<number>((done) =>
    proc.once('exit', () => {
      clearInterval(watch);
      done(Math.round(peakKb / 1024));
    }),
  );
  return { proc, lines, exited, cpu: () => ticks / TICKS };
}

async function counts(db: string): Promise<string> {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  const n = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n);
  const articles = await n('SELECT count(*) AS n FROM articles');
  const stories = await n('SELECT count(*) AS n FROM stories WHERE article_count > 0');
  await client.end();
  return `${articles} articles, ${stories} stories`;
}

async function main(): Promise<void> {
  const admin = flag('--db');
  if (!admin) throw new Error('give --db postgres://USER:PW@HOST/DB (a user that may CREATE DATABASE)');
  const n = Number(flag('--articles') ?? 300);
  const concurrency = flag('--concurrency') ?? '1';
  const runs = (flag('--runs') ?? 'single,1,2').split(',');
  const dir = mkdtempSync(join(tmpdir(), 'parallax-queue-bench-'));
  const input = join(dir, 'articles.jsonl');
  writeFileSync(input, await firstLines(n));
  const rows: string[] = [];
  try {
    if (runs.includes('single')) {
      const db = await freshDatabase(admin, 'queue_bench_single');
      const t = performance.now();
      const run = parallax(['ingest', input, '--db', db, '--jobs', '1']);
      const mb = await run.exited;
      const s = (performance.now() - t) / 1000;
      rows.push(
        `| one \`parallax ingest --jobs 1\` | ${s.toFixed(0)} s | ${(n / s).toFixed(2)} | ${mb} MB | ${run.cpu().toFixed(0)} s | — | 64 | ${await counts(db)} |`,
      );
    }
    for (const workers of [1, 2]) {
      if (!runs.includes(String(workers))) continue;
      const db = await freshDatabase(admin, `queue_bench_w${workers}`);
      const enqueue = parallax(['ingest', '--queue', input, '--db', db]);
      await enqueue.exited;
      const t = performance.now();
      const procs = Array.from({ length: workers }, () =>
        parallax(['worker', '--db', db, '--concurrency', concurrency]),
      );
      for (;;) {
        const { counts: c } = await queueState(db);
        if (c.waiting + c.retrying + c.running === 0) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      const s = (performance.now() - t) / 1000;
      for (const p of procs) p.proc.kill('SIGTERM');
      const mbs = await Promise.all(procs.map((p) => p.exited));
      let total = 0;
      let placing = 0;
      let jobs = 0;
      let together = 0;
      for (const p of procs)
        for (const line of p.lines) {
          const m = /; (\d+) ms, placement (\d+) ms(?: with (\d+) other jobs?)?\)$/.exec(line);
          if (m) {
            total += Number(m[1]);
            placing += Number(m[2]);
            jobs++;
            together += 1 + Number(m[3] ?? 0);
          }
        }
      // Job time in placement counts each job's wait for its batch and the lock; with several jobs at once
      // it can pass 100 %. Batch: the mean number of jobs placed in one transaction, as a job saw it.
      rows.push(
        `| ${workers} \`parallax worker --concurrency ${concurrency}\` | ${s.toFixed(0)} s | ${(n / s).toFixed(2)} | ${mbs.join(' + ')} MB | ${procs.map((p) => p.cpu().toFixed(0)).join(' + ')} s | ${((100 * placing) / Math.max(1, total)).toFixed(0)} % | ${(together / Math.max(1, jobs)).toFixed(1)} | ${await counts(db)} |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${n} allsides articles into PostgreSQL\n`);
  console.log('| how | wall | articles/s | peak memory | CPU | job time in placement | batch | result |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) console.log(row);
}

main().catch((err) => {
  console.error(`queue-ingest: ${(err as Error).message}`);
  process.exit(1);
});
