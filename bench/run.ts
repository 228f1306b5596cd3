// `npm run bench`: annotation throughput on ../shared/corpus/allsides (37,554 real articles, streamed),
// next to a bare wink-nlp pass (tokens + sentences) over the same texts in the same run, and a wink pass
// with only the steps annotation runs (sentences + POS), and the same annotation spread over a pool of
// worker threads as `parallax ingest` runs it. Each mode runs in its own child process so its peak memory
// (max RSS, all threads) is its own. Results go to bench/RESULTS.md.
//
//   npm run bench                       all articles, then the story-analysis suite and every suite below
//   npm run bench -- --limit 2000       a quick look at annotation only
//   npm run bench -- --jobs 3           worker threads of the pool row (default: one per core)
//   npm run bench -- --suite analyze    the story-analysis suite only
//   npm run bench -- --suite stories    story clustering on ECB+ (bench/ecbplus.ts)
//   npm run bench -- --suite duplicates near-duplicate detection on edited allsides copies
//   npm run bench -- --suite library    ingest all of allsides into a library; read times (add --limit N)
//   npm run bench -- --suite serve      the web app on an allsides library (--db FILE to reuse one)
//   npm run bench -- --suite big-story  the first view of a 278-article story (--db FILE to reuse a library)
//   npm run bench -- --suite extraction article-body extraction against Readability (bench/extraction.ts)
//   npm run bench -- --suite adversarial annotation ms/KB on unusual text shapes at 16/64/256 KB (bench/adversarial.ts)
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { machineLine, recordSection } from './results.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/allsides/articles.jsonl.gz');

const TARGETS = { articlesPerSecond: 200, maxRatio: 3, maxPeakMb: 1024 };

type Mode = 'annotate' | 'annotate-pool' | 'wink' | 'wink-sbd-pos';

interface ModeResult {
  mode: Mode;
  /** Worker threads (the pool row only). */
  jobs?: number;
  articles: number;
  refused: number;
  megabytes: number;
  seconds: number;
  /**
   * CPU time of the pass (user + system). On a machine shared with other work, wall time stretches with
   * the load while CPU time barely does, so the CPU ratio is the one to compare across runs.
   */
  cpuSeconds: number;
  peakMb: number;
}

async function* records(limit: number): AsyncGenerator<{ text: string }> {
  const lines = createInterface({
    input: createReadStream(CORPUS).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    if (n++ >= limit) break;
    yield JSON.parse(line) as { text: string };
  }
}

/**
 * The baseline a user would otherwise write: wink-nlp with its default pipeline over each text, reading
 * tokens and sentences. Annotation's own wink instance (src/nlp/wink.ts) runs only the sentence and POS
 * steps it reads; the baseline keeps wink's defaults, as every earlier run of this bench measured it, and
 * the 'wink-sbd-pos' mode runs the instance annotation uses, so both ratios are on the record.
 */
async function runWink(limit: number, lean: boolean): Promise<Omit<ModeResult, 'peakMb'>> {
  const { default: model } = await import('wink-eng-lite-web-model');
  const { default: winkNLP } = await import('wink-nlp');
  const wink = lean ? (await import('../src/nlp/wink.js')).wink : winkNLP(model);
  const its = wink.its;
  let articles = 0;
  let bytes = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  for await (const record of records(limit)) {
    const doc = wink.readDoc(record.text ?? '');
    doc.tokens().out(its.pos);
    doc.sentences().out(its.span);
    bytes += Buffer.byteLength(record.text ?? '');
    articles++;
  }
  return {
    mode: lean ? 'wink-sbd-pos' : 'wink',
    articles,
    refused: 0,
    megabytes: bytes / 1e6,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: cpuSecondsSince(cpu),
  };
}

/** The pipeline as `parallax annotate` runs it: streamed JSONL ingest, then the article stages in order. */
async function runAnnotate(limit: number): Promise<Omit<ModeResult, 'peakMb'>> {
  const { DEFAULT_CONFIG } = await import('../src/config.js');
  const { ingest } = await import('../src/ingest/index.js');
  const { runStages } = await import('../src/pipeline/index.js');
  let articles = 0;
  let refused = 0;
  let bytes = 0;
  const ctx = { sources: null, usedIds: new Set<string>() };
  const started = performance.now();
  const cpu = process.cpuUsage();
  for await (const item of ingest([CORPUS], DEFAULT_CONFIG, process.stdin, { sources: null })) {
    if (articles + refused >= limit) break;
    if (!item.ok) {
      refused++;
      continue;
    }
    bytes += Buffer.byteLength(item.raw.body);
    if ('refused' in runStages(item.raw, ctx)) refused++;
    else articles++;
  }
  return {
    mode: 'annotate',
    articles,
    refused,
    megabytes: bytes / 1e6,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: cpuSecondsSince(cpu),
  };
}

/**
 * Articles per batch sent to a worker: ingest's DEFAULT_BATCH_SIZE. Not imported from library/ingest.ts,
 * which would load the language models into this thread too (through the story features), ~100 MB that
 * the pool row should not count.
 */
const POOL_BATCH = 64;

/**
 * The 'annotate' row's work spread over the pool `parallax ingest` uses (src/library/annotator.ts): this
 * thread reads and cleans, `jobs` worker threads run the annotate stage on batches of 64
 * (bench/annotate-worker.ts) and post the annotated articles back, as many batches in flight as there
 * are workers. CPU time and peak memory are the whole process's, all threads.
 */
async function runAnnotatePool(limit: number, jobs: number): Promise<Omit<ModeResult, 'peakMb'>> {
  const { DEFAULT_CONFIG } = await import('../src/config.js');
  const { ingest } = await import('../src/ingest/index.js');
  const { cleanedArticles } = await import('../src/pipeline/articles.js');
  const { workerAnnotator } = await import('../src/library/annotator.js');
  const annotator = workerAnnotator({ jobs, workerUrl: new URL('./annotate-worker.js', import.meta.url) });
  if (!annotator) throw new Error('bench: the compiled annotation worker is missing; run "npm run build"');
  let articles = 0;
  let refused = 0;
  let bytes = 0;
  const ctx = { sources: null, usedIds: new Set<string>() };
  async function* limited() {
    let n = 0;
    for await (const item of ingest([CORPUS], DEFAULT_CONFIG, process.stdin, { sources: null })) {
      if (n++ >= limit) return;
      // The same measure as the one-thread row: the bodies as read, before cleaning.
      if (item.ok) bytes += Buffer.byteLength(item.raw.body);
      yield item;
    }
  }
  const inFlight: Promise<void>[] = [];
  let batch: { article: import('../src/model/article.js').Article; id: string }[] = [];
  const send = async () => {
    const sent = annotator.prepare(batch).then((results) => {
      for (const r of results)
        if (r.ok) articles++;
        else refused++;
    });
    batch = [];
    inFlight.push(sent);
    while (inFlight.length > annotator.capacity) await inFlight.shift();
  };
  // The workers load their language models before the clock starts, as the one-thread row loads its
  // own before its clock: one empty batch per worker (each busy worker makes the pool start another).
  await Promise.all(Array.from({ length: jobs }, () => annotator.prepare([])));
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    for await (const event of cleanedArticles(limited(), ctx)) {
      if (!event.ok) {
        refused++;
        continue;
      }
      batch.push({ article: event.article, id: String(articles + refused + batch.length) });
      if (batch.length >= POOL_BATCH) await send();
    }
    if (batch.length > 0) await send();
    await Promise.all(inFlight);
  } finally {
    await annotator.close();
  }
  return {
    mode: 'annotate-pool',
    jobs,
    articles,
    refused,
    megabytes: bytes / 1e6,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: cpuSecondsSince(cpu),
  };
}

/** The 1-minute load average, to two decimals ("2.10": other work on the machine). */
function loadAverage(): string {
  return (loadavg()[0] ?? 0).toFixed(2);
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function child(mode: Mode, limit: number, jobs: number): ModeResult {
  const out = execFileSync(
    process.execPath,
    [fileURLToPath(import.meta.url), '--child', mode, '--limit', String(limit), '--jobs', String(jobs)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as ModeResult;
}

function row(r: ModeResult): string {
  return `| ${r.mode === 'annotate-pool' ? `annotate, ${r.jobs} worker threads` : r.mode} | ${r.articles} | ${r.seconds.toFixed(1)} | ${r.cpuSeconds.toFixed(1)} | ${(r.articles / r.seconds).toFixed(0)} | ${(r.megabytes / r.seconds).toFixed(2)} | ${r.peakMb.toFixed(0)} |`;
}

// ---- analyze: one story, end to end -------------------------------------------------------------

const MINSK = resolve(ROOT, '../shared/corpus/minsk-talks');
const ANALYZE_TARGETS = { samplesSeconds: 1.5, hundredSeconds: 5 };
const STORY_SIZES = [25, 100, 400];

interface AllsidesRecord {
  id: string;
  title: string;
  text: string;
  outlet: string;
  published: string;
  topic: string;
}

/** Articles of one allsides topic in date order: the largest topic gives a long-running story. */
async function storyArticles(count: number): Promise<AllsidesRecord[]> {
  const byTopic = new Map<string, AllsidesRecord[]>();
  for await (const r of records(Number.POSITIVE_INFINITY) as AsyncGenerator<AllsidesRecord>) {
    byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
  }
  const largest = [...byTopic.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return largest.sort((a, b) => a.published.localeCompare(b.published)).slice(0, count);
}

/** Wall time of `parallax analyze` on the five samples, from process start to report written. */
function timeCliOnSamples(): number {
  const out = resolve(ROOT, 'bench/.out');
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    execFileSync(process.execPath, [resolve(ROOT, 'bin/parallax.js'), 'analyze', MINSK, '--out', out], {
      stdio: 'ignore',
    });
    runs.push((performance.now() - started) / 1000);
  }
  return Math.min(...runs);
}

async function runAnalyzeSuite(): Promise<string> {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { DEFAULT_CONFIG } = await import('../src/config.js');
  const { runPipeline } = await import('../src/pipeline/index.js');
  const { compareStory } = await import('../src/compare/index.js');
  const { buildReport, renderReport } = await import('../src/report/index.js');
  const samples = timeCliOnSamples();
  const all = await storyArticles(Math.max(...STORY_SIZES));
  const rows: string[] = [];
  const seconds: number[] = [];
  for (const size of STORY_SIZES) {
    const file = join(mkdtempSync(join(tmpdir(), 'parallax-bench-')), 'story.jsonl');
    writeFileSync(
      file,
      all
        .slice(0, size)
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const started = performance.now();
    const articles = [];
    for await (const e of runPipeline([file], DEFAULT_CONFIG)) if (e.ok) articles.push(e.article);
    const annotated = performance.now();
    const report = buildReport([compareStory(articles)]);
    const compared = performance.now();
    for (const format of ['json', 'html', 'md'] as const) renderReport(report, format);
    const rendered = performance.now();
    seconds.push((rendered - started) / 1000);
    const story = report.stories[0];
    const s = (a: number, b: number) => ((b - a) / 1000).toFixed(2);
    rows.push(
      `| ${articles.length} | ${s(started, rendered)} | ${s(started, annotated)} | ${s(annotated, compared)} | ${s(compared, rendered)} | ${story?.facts.length ?? 0} | ${story?.actors.length ?? 0} |`,
    );
  }
  const [s25 = 0, s100 = 0, s400 = 0] = seconds;
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  return [
    `- \`parallax analyze\` on the five minsk-talks samples: **${samples.toFixed(2)} s** wall, process start to report written (best of 3; target ≤ ${ANALYZE_TARGETS.samplesSeconds} s: ${verdict(samples <= ANALYZE_TARGETS.samplesSeconds)}).`,
    '',
    'One story from the largest allsides topic, articles in date order (in-process: ingest + annotate, compare, render json/html/md):',
    '',
    '| articles | total s | annotate s | compare s | render s | facts | actors |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `- 100 articles: **${s100.toFixed(2)} s** (target ≤ ${ANALYZE_TARGETS.hundredSeconds} s: ${verdict(s100 <= ANALYZE_TARGETS.hundredSeconds)}). Growth: ×${(s100 / s25).toFixed(1)} from 25 to 100 articles and ×${(s400 / s100).toFixed(1)} from 100 to 400 (×4 articles each; quadratic would be ×16).`,
    '',
  ].join('\n');
}

/** Suites that live in their own script; each records its own section in RESULTS.md. */
const SCRIPT_SUITES: Record<string, string> = {
  stories: 'ecbplus.js',
  duplicates: 'near-duplicates.js',
  library: 'library.js',
  serve: 'serve.js',
  'big-story': 'big-story.js',
  extraction: 'extraction.js',
  adversarial: 'adversarial.js',
};

/** Runs a script suite in its own process (its own peak memory), passing on the arguments after the suite. */
function runScriptSuite(name: string, extra: string[]): void {
  const script = resolve(HERE, SCRIPT_SUITES[name] as string);
  execFileSync(process.execPath, ['--expose-gc', script, '--record', ...extra], { stdio: 'inherit' });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const suite = args.includes('--suite') ? args[args.indexOf('--suite') + 1] : undefined;
  if (suite !== undefined && suite in SCRIPT_SUITES) {
    runScriptSuite(
      suite,
      args.filter((a, i) => a !== '--suite' && args[i - 1] !== '--suite'),
    );
    return;
  }
  if (suite === 'analyze') {
    const section = `## Story analysis — ${new Date().toISOString().slice(0, 10)}\n\nMachine: ${machineLine()}.\n\n${await runAnalyzeSuite()}`;
    recordSection(section);
    console.log(section);
    return;
  }
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Number.POSITIVE_INFINITY;
  const jobsAt = args.indexOf('--jobs');
  const jobs = jobsAt >= 0 ? Number(args[jobsAt + 1]) : availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) {
    console.error(`bench: --jobs takes a whole number of at least 1; got "${args[jobsAt + 1]}"`);
    process.exitCode = 2;
    return;
  }
  const childAt = args.indexOf('--child');
  if (childAt >= 0) {
    const mode = args[childAt + 1] as Mode;
    const result =
      mode === 'annotate'
        ? await runAnnotate(limit)
        : mode === 'annotate-pool'
          ? await runAnnotatePool(limit, jobs)
          : await runWink(limit, mode === 'wink-sbd-pos');
    // maxRSS is in kilobytes: the peak resident memory of this process over the whole run.
    process.stdout.write(`${JSON.stringify({ ...result, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
    return;
  }
  if (!existsSync(CORPUS)) {
    console.error(`bench: ${CORPUS} not found; the benchmark needs ../shared/corpus beside the project.`);
    process.exitCode = 1;
    return;
  }
  const loadBefore = loadAverage();
  console.error(`bench: annotating ${Number.isFinite(limit) ? limit : 'all'} allsides articles…`);
  const annotate = child('annotate', limit, jobs);
  console.error(
    `bench: ${annotate.articles} articles in ${annotate.seconds.toFixed(1)} s; now with ${jobs} worker threads…`,
  );
  const pool = child('annotate-pool', limit, jobs);
  console.error(
    `bench: ${pool.articles} articles in ${pool.seconds.toFixed(1)} s; now the bare wink-nlp pass…`,
  );
  const wink = child('wink', limit, jobs);
  console.error('bench: now wink-nlp with only the sentence and POS steps annotation runs…');
  const lean = child('wink-sbd-pos', limit, jobs);
  const perArticle = (r: ModeResult) => r.seconds / r.articles;
  const ratio = perArticle(annotate) / perArticle(wink);
  const leanRatio = perArticle(annotate) / perArticle(lean);
  const cpuRatio = (r: ModeResult) => annotate.cpuSeconds / annotate.articles / (r.cpuSeconds / r.articles);
  const rate = annotate.articles / annotate.seconds;
  const poolRate = pool.articles / pool.seconds;
  const cores = availableParallelism();
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const date = new Date().toISOString().slice(0, 10);
  const machine = machineLine();
  const section = [
    `## Annotation throughput — ${date}`,
    '',
    `Machine: ${machine}. Corpus: allsides, ${annotate.articles} articles streamed from articles.jsonl.gz` +
      `${annotate.refused ? ` (${annotate.refused} refused by ingest)` : ''}. Command: \`npm run bench${Number.isFinite(limit) ? ` -- --limit ${limit}` : ''}\`.`,
    '',
    '| mode | articles | seconds | CPU s | articles/s | MB/s | peak RSS (MB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row(annotate),
    row(pool),
    row(wink),
    row(lean),
    '',
    `- Full annotation costs **${ratio.toFixed(2)}×** the bare wink-nlp pass per article (target ≤ ${TARGETS.maxRatio}×: ${verdict(ratio <= TARGETS.maxRatio)}); in CPU time ${cpuRatio(wink).toFixed(2)}×.`,
    `- Against wink-nlp running only the steps annotation uses (sentences and POS, \`wink-sbd-pos\`; the bare pass runs wink's default pipeline, entities, negation and sentiment included): **${leanRatio.toFixed(2)}×**, in CPU time ${cpuRatio(lean).toFixed(2)}×.`,
    `- The modes run one after the other: when the machine's load changes between them, wall times stretch unevenly and the CPU-time ratios are the ones to trust (load average ${loadBefore} before the run, ${loadAverage()} after).`,
    `- **${rate.toFixed(0)} articles/s** on one thread (target ≥ ${TARGETS.articlesPerSecond}: ${verdict(rate >= TARGETS.articlesPerSecond)}).`,
    `- **${poolRate.toFixed(0)} articles/s** with ${jobs} annotation worker thread${jobs === 1 ? '' : 's'} on ${cores} core${cores === 1 ? '' : 's'}, as \`parallax ingest --jobs ${jobs}\` annotates (target ≥ ${TARGETS.articlesPerSecond}: ${verdict(poolRate >= TARGETS.articlesPerSecond)}); ${(poolRate / rate).toFixed(2)}× the one-thread rate, CPU time per article ${(pool.cpuSeconds / pool.articles / (annotate.cpuSeconds / annotate.articles)).toFixed(2)}×.`,
    `- Peak memory **${annotate.peakMb.toFixed(0)} MB** on one thread, **${pool.peakMb.toFixed(0)} MB** with the pool, all threads (target < ${TARGETS.maxPeakMb} MB: ${verdict(Math.max(annotate.peakMb, pool.peakMb) < TARGETS.maxPeakMb)}).`,
    '',
  ].join('\n');
  recordSection(section);
  console.log(section);
  if (!args.includes('--limit')) {
    const analyzeSection = `## Story analysis — ${date}\n\nMachine: ${machine}.\n\n${await runAnalyzeSuite()}`;
    recordSection(analyzeSection);
    console.log(analyzeSection);
    for (const name of Object.keys(SCRIPT_SUITES)) runScriptSuite(name, []);
  }
}

await main();
