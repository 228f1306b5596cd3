// `npm run bench -- --suite adversarial`: annotation cost per kilobyte on unusual but plausible text
// shapes (repeated URLs, quote-heavy text, dotted abbreviations, one huge line…) at 16, 64 and 256 KB.
// Each case is a plain-text file run through the pipeline `parallax annotate` uses (ingest → clean →
// annotate), in its own child process with a time limit, so a shape that is still slow cannot stop the
// suite. Linear work costs the same per kilobyte at every size: the ratio 256 KB / 16 KB should be ~1.
//
//   node dist/bench/adversarial.js [--record] [--only SHAPE,…] [--sizes 16,64,256] [--timeout S] [--huge MB]
//
// --huge MB adds one extra case: a single line of MB megabytes with no punctuation (the issue's 19 MB
// one-line article), reporting its time and peak memory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, SHAPES } from './adversarial-shapes.js';
import { machineLine, recordSection } from './results.js';

const TARGETS = { maxRatio: 2, maxSeconds256: 5 };
const DEFAULT_SIZES_KB = [16, 64, 256];
const DEFAULT_TIMEOUT_S = 60;

// ---- one case, in a child process --------------------------------------------------------------------

interface CaseResult {
  ms: number;
  peakMb: number;
  sentences: number;
  messages: string[];
}

async function runCase(file: string): Promise<CaseResult> {
  const { DEFAULT_CONFIG } = await import('../src/config.js');
  const { runPipeline } = await import('../src/pipeline/index.js');
  // Warm the models and the JIT on 16 KB of news-like text, so the smallest size is not charged for them.
  const warm = `${file}.warm.txt`;
  writeFileSync(warm, generate('news-like', 16 * 1024));
  for await (const _ of runPipeline([warm], DEFAULT_CONFIG)) void _;
  rmSync(warm);
  const started = performance.now();
  let sentences = 0;
  let messages: string[] = [];
  for await (const event of runPipeline([file], DEFAULT_CONFIG)) {
    if (event.ok) {
      sentences += event.article.sentences.length;
      messages = event.article.messages.map((m) => m.code);
    } else messages.push(`refused: ${event.reason}`);
  }
  return {
    ms: performance.now() - started,
    peakMb: process.resourceUsage().maxRSS / 1024,
    sentences,
    messages,
  };
}

type Outcome = CaseResult | { timedOut: true } | { failed: string };

function childCase(file: string, timeoutS: number): Outcome {
  try {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--case', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutS * 1000,
      killSignal: 'SIGKILL',
      maxBuffer: 1 << 20,
    });
    return JSON.parse(out.trim().split('\n').pop() ?? '{}') as CaseResult;
  } catch (error) {
    const e = error as { signal?: string; stderr?: string; message: string };
    if (e.signal === 'SIGKILL') return { timedOut: true };
    return { failed: (e.stderr || e.message).trim().split('\n').slice(-1)[0] ?? 'failed' };
  }
}

// ---- the suite ----------------------------------------------------------------------------------------

function arg(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

function cell(o: Outcome, kb: number, timeoutS: number): string {
  if ('timedOut' in o) return `> ${((timeoutS * 1000) / kb).toFixed(0)} (timeout)`;
  if ('failed' in o) return 'failed';
  return (o.ms / kb).toFixed(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const caseFile = arg(args, '--case');
  if (caseFile) {
    process.stdout.write(`${JSON.stringify(await runCase(caseFile))}\n`);
    return;
  }
  const sizes = (arg(args, '--sizes') ?? DEFAULT_SIZES_KB.join(',')).split(',').map(Number);
  const timeoutS = Number(arg(args, '--timeout') ?? DEFAULT_TIMEOUT_S);
  const only = arg(args, '--only')?.split(',');
  const hugeMb = Number(arg(args, '--huge') ?? 0);
  const shapes = Object.keys(SHAPES).filter((s) => !only || only.includes(s));
  const dir = mkdtempSync(join(tmpdir(), 'parallax-adversarial-'));
  const rows: string[] = [];
  const misses: string[] = [];
  let worstRatio = { shape: '', ratio: 0 };
  let slowest = { shape: '', seconds: 0 };
  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  try {
    for (const shape of shapes) {
      const perKb = new Map<number, Outcome>();
      for (const kb of sizes) {
        const file = join(dir, `${shape}-${kb}.txt`);
        writeFileSync(file, generate(shape, kb * 1024));
        const outcome = childCase(file, timeoutS);
        perKb.set(kb, outcome);
        console.error(`adversarial: ${shape} ${kb} KB: ${cell(outcome, kb, timeoutS)} ms/KB`);
      }
      const first = perKb.get(smallest);
      const last = perKb.get(largest);
      let ratio = Number.NaN;
      if (first && last && 'ms' in first && 'ms' in last) {
        ratio = last.ms / largest / (first.ms / smallest);
        if (ratio > worstRatio.ratio) worstRatio = { shape, ratio };
        if (last.ms / 1000 > slowest.seconds) slowest = { shape, seconds: last.ms / 1000 };
      }
      const lastMs = last && 'ms' in last ? last.ms : Number.POSITIVE_INFINITY;
      if (!(ratio <= TARGETS.maxRatio) || lastMs / 1000 > TARGETS.maxSeconds256) misses.push(shape);
      const notes = last && 'messages' in last ? last.messages.filter((m) => m !== 'date-unresolved') : [];
      rows.push(
        `| ${shape} | ${sizes.map((kb) => cell(perKb.get(kb) as Outcome, kb, timeoutS)).join(' | ')} | ${Number.isNaN(ratio) ? '—' : ratio.toFixed(2)} | ${lastMs === Number.POSITIVE_INFINITY ? '—' : (lastMs / 1000).toFixed(2)} | ${notes.join(', ')} |`,
      );
    }
    let huge = '';
    if (hugeMb > 0) {
      const file = join(dir, 'huge.txt');
      writeFileSync(file, generate('one-line-no-punctuation', hugeMb * 2 ** 20));
      const o = childCase(file, timeoutS * 10);
      huge =
        'ms' in o
          ? `- One line of ${hugeMb} MB, no punctuation: **${(o.ms / 1000).toFixed(1)} s**, peak RSS **${o.peakMb.toFixed(0)} MB** (messages: ${o.messages.join(', ') || 'none'}).`
          : `- One line of ${hugeMb} MB, no punctuation: ${'timedOut' in o ? `over ${timeoutS * 10} s` : o.failed}.`;
    }
    const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
    const section = [
      `## Adversarial text shapes — ${new Date().toISOString().slice(0, 10)}`,
      '',
      `Machine: ${machineLine()}. Command: \`npm run bench -- --suite adversarial${args.length ? ` ${args.filter((a) => a !== '--record').join(' ')}` : ''}\`. Each case is one plain-text article through ingest → clean → annotate in its own process (models warmed first; time limit ${timeoutS} s). Cells are ms per KB.`,
      '',
      `| shape | ${sizes.map((kb) => `${kb} KB`).join(' | ')} | ratio ${largest}/${smallest} | ${largest} KB s | messages |`,
      `| --- | ${sizes.map(() => '---:').join(' | ')} | ---: | ---: | --- |`,
      ...rows,
      '',
      `- Worst per-KB growth: **${worstRatio.shape} ×${worstRatio.ratio.toFixed(2)}** (target ≤ ×${TARGETS.maxRatio}: ${verdict(worstRatio.ratio <= TARGETS.maxRatio)}).`,
      `- Slowest ${largest} KB article: **${slowest.shape} ${slowest.seconds.toFixed(2)} s** (target ≤ ${TARGETS.maxSeconds256} s: ${verdict(slowest.seconds <= TARGETS.maxSeconds256)}).`,
      misses.length ? `- Shapes missing a target: ${misses.join(', ')}.` : '- Every shape met both targets.',
      ...(huge ? [huge] : []),
      '',
    ].join('\n');
    if (args.includes('--record')) recordSection(section);
    console.log(section);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
