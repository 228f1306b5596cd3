// `npm run bench -- --suite library`: ingest all of ../shared/corpus/allsides into a new library in one run
// (annotate, near-duplicates, clustering, SQLite), then time the read commands on the result. The ingest
// runs in a child process so its peak memory is its own.
//
//   node dist/bench/library.js [--limit N] [--jobs N] [--record]
//
// Without --jobs the ingest starts the annotation workers `parallax ingest` starts by default.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFirstLines } from './corpus-lines.js';
import { machineLine, recordSection } from './results.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/allsides/articles.jsonl.gz');
const BIN = resolve(ROOT, 'bin/parallax.js');
/** Issue 14's scale acceptance: the whole corpus in ≤ 6 min, cost per article at 30,000 ≤ 1.5× at 1,000. */
const TARGETS = { seconds: 360, peakMb: 2048, costRatio: 1.5, queryMs: 20 };
/** Articles per point of the cost curve. */
const STEP = 1000;

interface IngestRun {
  articles: number;
  added: number;
  refused: number;
  newStories: number;
  duplicates: number;
  seconds: number;
  peakMb: number;
  /** Seconds at each multiple of STEP articles seen. */
  marks: number[];
  /** Annotation worker threads, as `parallax ingest` starts them by default on this machine. */
  workers: number;
  /** CPU seconds of the whole process and of its main thread (where cleaning, placement and SQLite run). */
  cpuSeconds: number;
  mainCpuSeconds: number | null;
}

/** CPU seconds of this process's main thread, where Linux tells (/proc); null elsewhere. */
function mainThreadCpu(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function childIngest(db: string, limit: number, jobs: number | null): Promise<IngestRun> {
  const { ingestIntoLibrary } = await import('../src/library/ingest.js');
  const { openSqliteStore } = await import('../src/store/sqlite/sqlite-store.js');
  const { DEFAULT_CONFIG } = await import('../src/config.js');
  const { defaultJobs } = await import('../src/library/annotator.js');
  // The whole corpus goes in as the user would give it: the .jsonl.gz path, streamed by ingest. A limited
  // run gets a file of the first `limit` lines instead.
  let input = CORPUS;
  if (Number.isFinite(limit)) {
    input = `${db}.input.jsonl`;
    await writeFirstLines(CORPUS, limit, input);
  }
  const store = openSqliteStore(db);
  const marks: number[] = [];
  const cpuBefore = process.cpuUsage();
  const mainBefore = mainThreadCpu();
  const started = performance.now();
  let nextMark = STEP;
  const summary = await ingestIntoLibrary(store, [input], DEFAULT_CONFIG, {
    ...(jobs === null ? {} : { jobs }),
    onRefusal: (input, reason) => console.error(`bench: refused ${input}: ${reason}`),
    onProgress: (p) => {
      while (p.seen >= nextMark) {
        marks.push((performance.now() - started) / 1000);
        nextMark += STEP;
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const mainAfter = mainThreadCpu();
  store.close();
  return {
    articles: summary.seen,
    added: summary.added,
    refused: summary.refused,
    newStories: summary.newStories,
    duplicates: summary.duplicates,
    seconds,
    peakMb: process.resourceUsage().maxRSS / 1024,
    marks,
    workers: jobs ?? defaultJobs(),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    mainCpuSeconds: mainBefore === null || mainAfter === null ? null : mainAfter - mainBefore,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median in-process time of a query, after one warm-up run. */
function timeQuery(fn: () => unknown, runs = 15): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Median wall time of the command, process start to exit. */
function timeCli(args: string[], runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const result = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) throw new Error(`parallax ${args.join(' ')} failed: ${result.stderr}`);
    times.push(performance.now() - t);
  }
  return median(times);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    // Without this, --help (or any unknown flag) started the whole 37,554-article run.
    console.log('node --expose-gc dist/bench/library.js [--limit N] [--jobs N] [--record]');
    return;
  }
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Number.POSITIVE_INFINITY;
  const jobsAt = args.indexOf('--jobs');
  const jobs = jobsAt >= 0 ? Math.max(1, Math.floor(Number(args[jobsAt + 1]))) : null;
  const childAt = args.indexOf('--child');
  if (childAt >= 0) {
    process.stdout.write(`${JSON.stringify(await childIngest(args[childAt + 1] as string, limit, jobs))}\n`);
    return;
  }
  if (!existsSync(CORPUS)) {
    console.error(`bench: ${CORPUS} not found; the benchmark needs ../shared/corpus beside the project.`);
    process.exitCode = 1;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-library-'));
  const db = join(dir, 'library.db');
  console.error(`bench: ingesting ${Number.isFinite(limit) ? limit : 'all'} allsides articles into ${db}…`);
  const output = execFileSync(
    process.execPath,
    [
      fileURLToPath(import.meta.url),
      '--child',
      db,
      ...(Number.isFinite(limit) ? ['--limit', String(limit)] : []),
      ...(jobs === null ? [] : ['--jobs', String(jobs)]),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const run = JSON.parse(output.trim().split('\n').pop() as string) as IngestRun;
  const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
  const dbMb = (size(db) + size(`${db}-wal`)) / 2 ** 20;

  const { openSqliteStore } = await import('../src/store/sqlite/sqlite-store.js');
  const store = openSqliteStore(db);
  const stories = store.listStories();
  const sizes = stories.map((s) => s.articleCount).sort((a, b) => b - a);
  const queries = ['election', 'supreme court', '"health care"', 'immigra*'];
  const queryRows = queries.map((q) => ({
    q,
    ms: timeQuery(() => store.search(q, 20)),
    hits: store.search(q, 20).length,
  }));
  const listAll = timeQuery(() => store.listStories(), 5);
  const listPage = timeQuery(() => store.listStories({ limit: 50 }));
  const listJson = timeQuery(() => {
    const page = store.listStories({ limit: 50 });
    return store.storyArticles(page.map((s) => s.id));
  });
  const outlet = stories.flatMap((s) => s.outlets)[0] ?? '';
  const listOutlet = timeQuery(() => store.listStories({ outlet, limit: 50 }));
  store.close();
  const cliStories = timeCli(['stories', '--db', db, '--limit', '50']);
  const cliSearch = timeCli(['search', 'supreme court', '--db', db]);
  const cliVersion = timeCli(['--version']);
  rmSync(dir, { recursive: true, force: true });

  const perArticle = (from: number, to: number) => {
    const a = from === 0 ? 0 : (run.marks[from / STEP - 1] ?? Number.NaN);
    const b = run.marks[to / STEP - 1] ?? Number.NaN;
    return ((b - a) / (to - from)) * 1000;
  };
  const curvePoints = [1000, 2000, 5000, 10000, 20000, 30000, 37000].filter(
    (n) => n <= run.marks.length * STEP,
  );
  const curve = curvePoints.map(
    (n) =>
      `| ${n.toLocaleString('en-US')} | ${(run.marks[n / STEP - 1] ?? 0).toFixed(1)} | ${perArticle(n - STEP, n).toFixed(2)} |`,
  );
  const at1k = perArticle(0, 1000);
  const at30k = perArticle(29000, 30000);
  const ratio = at30k / at1k;
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const maxQuery = Math.max(...queryRows.map((r) => r.ms), listPage, listJson, listOutlet);
  const section = [
    `## Library at scale — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Machine: ${machineLine()}. ` +
      `Command: \`npm run bench -- --suite library${Number.isFinite(limit) ? ` --limit ${limit}` : ''}${jobs === null ? '' : ` --jobs ${jobs}`}\`. ` +
      `All allsides articles (the .jsonl.gz, streamed) ingested into a new SQLite library as \`parallax ingest${jobs === null ? '' : ` --jobs ${jobs}`}\` does${jobs === null ? ' by default' : ''}: clean, annotate (${run.workers} worker thread${run.workers === 1 ? '' : 's'}), near-duplicate check, clustering and the second pass, batched commits.`,
    '',
    `- ${run.articles.toLocaleString('en-US')} articles in **${(run.seconds / 60).toFixed(1)} min** (${(run.articles / run.seconds).toFixed(0)} articles/s; target ≤ ${TARGETS.seconds / 60} min: ${verdict(run.seconds <= TARGETS.seconds)}); ${run.added.toLocaleString('en-US')} stored, ${run.refused} refused.`,
    `- CPU ${run.cpuSeconds.toFixed(0)} s in all${run.mainCpuSeconds === null ? '' : `, ${run.mainCpuSeconds.toFixed(0)} s of it on the main thread (${((run.mainCpuSeconds / run.articles) * 1000).toFixed(1)} ms per article)`}.`,
    `- Peak memory **${run.peakMb.toFixed(0)} MB** (target < ${TARGETS.peakMb} MB: ${verdict(run.peakMb < TARGETS.peakMb)}). Database ${dbMb.toFixed(0)} MB.`,
    `- ${run.newStories.toLocaleString('en-US')} stories (largest ${sizes.slice(0, 5).join(', ')} articles; ${sizes.filter((n) => n === 1).length.toLocaleString('en-US')} single-article), ${run.duplicates.toLocaleString('en-US')} near-duplicates linked.`,
    Number.isFinite(ratio)
      ? `- Cost per article at 30,000: **${at30k.toFixed(2)} ms** against ${at1k.toFixed(2)} ms at 1,000: **×${ratio.toFixed(2)}** (target ≤ ×${TARGETS.costRatio}: ${verdict(ratio <= TARGETS.costRatio)}).`
      : `- Cost per article at 1,000: ${at1k.toFixed(2)} ms (the run was too short for the 30,000 point).`,
    '',
    '| articles seen | elapsed s | ms per article over the last 1,000 |',
    '| ---: | ---: | ---: |',
    ...curve,
    '',
    `Reads on that library (in-process median; target ≤ ${TARGETS.queryMs} ms for stories and search: ${verdict(maxQuery <= TARGETS.queryMs)}):`,
    '',
    '| read | ms |',
    '| --- | ---: |',
    ...queryRows.map((r) => `| search \`${r.q}\` (${r.hits} hits) | ${r.ms.toFixed(1)} |`),
    `| stories, newest 50 | ${listPage.toFixed(1)} |`,
    `| stories, newest 50 with article ids (as --format json) | ${listJson.toFixed(1)} |`,
    `| stories of one outlet, newest 50 | ${listOutlet.toFixed(1)} |`,
    `| stories, all ${stories.length.toLocaleString('en-US')} | ${listAll.toFixed(1)} |`,
    '',
    `Whole commands, process start to exit (median of 5): \`parallax stories --limit 50\` ${cliStories.toFixed(0)} ms, \`parallax search "supreme court"\` ${cliSearch.toFixed(0)} ms; \`parallax --version\` alone takes ${cliVersion.toFixed(0)} ms, which is Node starting.`,
    '',
  ].join('\n');
  console.log(section);
  if (args.includes('--record')) recordSection(section);
}

await main();
