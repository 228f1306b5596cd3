// `npm run bench`: annotation throughput on ../shared/corpus/allsides (37,554 real articles, streamed),
// next to a bare wink-nlp pass (tokens + sentences) over the same texts in the same run. Each mode runs
// in its own child process so its peak memory (max RSS) is its own. Results go to bench/RESULTS.md.
//
//   npm run bench                 all articles
//   npm run bench -- --limit 2000 a quick look
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/allsides/articles.jsonl.gz');
const RESULTS = resolve(ROOT, 'bench/RESULTS.md');

const TARGETS = { articlesPerSecond: 200, maxRatio: 3, maxPeakMb: 1024 };

interface ModeResult {
  mode: 'annotate' | 'wink';
  articles: number;
  refused: number;
  megabytes: number;
  seconds: number;
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

/** The baseline a user would otherwise write: wink-nlp over each text, reading tokens and sentences. */
async function runWink(limit: number): Promise<Omit<ModeResult, 'peakMb'>> {
  const { its, wink } = await import('../src/nlp/wink.js');
  let articles = 0;
  let bytes = 0;
  const started = performance.now();
  for await (const record of records(limit)) {
    const doc = wink.readDoc(record.text ?? '');
    doc.tokens().out(its.pos);
    doc.sentences().out(its.span);
    bytes += Buffer.byteLength(record.text ?? '');
    articles++;
  }
  return {
    mode: 'wink',
    articles,
    refused: 0,
    megabytes: bytes / 1e6,
    seconds: (performance.now() - started) / 1000,
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
  };
}

function child(mode: ModeResult['mode'], limit: number): ModeResult {
  const out = execFileSync(
    process.execPath,
    [fileURLToPath(import.meta.url), '--child', mode, '--limit', String(limit)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as ModeResult;
}

function row(r: ModeResult): string {
  return `| ${r.mode} | ${r.articles} | ${r.seconds.toFixed(1)} | ${(r.articles / r.seconds).toFixed(0)} | ${(r.megabytes / r.seconds).toFixed(2)} | ${r.peakMb.toFixed(0)} |`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Number.POSITIVE_INFINITY;
  const childAt = args.indexOf('--child');
  if (childAt >= 0) {
    const mode = args[childAt + 1] as ModeResult['mode'];
    const result = mode === 'wink' ? await runWink(limit) : await runAnnotate(limit);
    // maxRSS is in kilobytes: the peak resident memory of this process over the whole run.
    process.stdout.write(`${JSON.stringify({ ...result, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
    return;
  }
  if (!existsSync(CORPUS)) {
    console.error(`bench: ${CORPUS} not found; the benchmark needs ../shared/corpus beside the project.`);
    process.exitCode = 1;
    return;
  }
  console.error(`bench: annotating ${Number.isFinite(limit) ? limit : 'all'} allsides articles…`);
  const annotate = child('annotate', limit);
  console.error(
    `bench: ${annotate.articles} articles in ${annotate.seconds.toFixed(1)} s; now the bare wink-nlp pass…`,
  );
  const wink = child('wink', limit);
  const perArticle = (r: ModeResult) => r.seconds / r.articles;
  const ratio = perArticle(annotate) / perArticle(wink);
  const rate = annotate.articles / annotate.seconds;
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const section = [
    `## Annotation throughput — ${date}`,
    '',
    `Machine: ${machine}. Corpus: allsides, ${annotate.articles} articles streamed from articles.jsonl.gz` +
      `${annotate.refused ? ` (${annotate.refused} refused by ingest)` : ''}. Command: \`npm run bench${Number.isFinite(limit) ? ` -- --limit ${limit}` : ''}\`.`,
    '',
    '| mode | articles | seconds | articles/s | MB/s | peak RSS (MB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row(annotate),
    row(wink),
    '',
    `- Full annotation costs **${ratio.toFixed(2)}×** the bare wink-nlp pass per article (target ≤ ${TARGETS.maxRatio}×: ${verdict(ratio <= TARGETS.maxRatio)}).`,
    `- **${rate.toFixed(0)} articles/s** in one process (target ≥ ${TARGETS.articlesPerSecond}: ${verdict(rate >= TARGETS.articlesPerSecond)}).`,
    `- Peak memory **${annotate.peakMb.toFixed(0)} MB** (target < ${TARGETS.maxPeakMb} MB: ${verdict(annotate.peakMb < TARGETS.maxPeakMb)}).`,
    '',
  ].join('\n');
  const previous = existsSync(RESULTS)
    ? readFileSync(RESULTS, 'utf8').replace(/^# Benchmark results\n+/, '')
    : '';
  writeFileSync(
    RESULTS,
    `# Benchmark results\n\nNewest first. Each section is one \`npm run bench\`.\n\n${section}\n${previous.replace(/^Newest first\.[^\n]*\n+/, '')}`,
  );
  console.log(section);
}

await main();
