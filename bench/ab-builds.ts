// Two builds of parallax side by side on the same input, alternating runs, for speed work that must not
// change any output: `parallax annotate` on the first N allsides articles and `parallax analyze` on the
// five minsk-talks samples, each run by both builds in turn (base, new, base, new, …) so that the load of
// a shared machine falls on both alike. Prints wall and CPU seconds of every run (CPU: the whole child
// process, all threads, from process start to exit) and whether the outputs are byte-identical (the
// report's generation time aside). Not a suite of `npm run bench`: it needs a second build.
//
//   node dist/bench/ab-builds.js --base ../base-checkout [--articles 2000] [--runs 3] [--only annotate|analyze]
//
// The base is a checkout of the commit to compare with, built (`npm run build`), node_modules beside it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFirstLines } from './corpus-lines.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/allsides/articles.jsonl.gz');
const MINSK = resolve(ROOT, '../shared/corpus/minsk-talks');

/** Preloaded into each child: prints its CPU time (all threads) on the way out, on standard error. */
const CPU_PROBE = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeSync(2, '\\nCPU_SECONDS ' + (u.user + u.system) / 1e6 + '\\n'); });",
)}`;

interface Run {
  build: 'base' | 'new';
  wall: number;
  cpu: number;
  out: string;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function run(build: 'base' | 'new', root: string, args: string[], outFile: string): Run {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', CPU_PROBE, join(root, 'bin/parallax.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const wall = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`${build}: exit ${child.status}: ${child.stderr.slice(-500)}`);
  const cpu = Number(/CPU_SECONDS ([\d.]+)/.exec(child.stderr)?.[1] ?? Number.NaN);
  const out = outFile === '-' ? child.stdout : readFileSync(outFile, 'utf8');
  // The report says when it was made; nothing else may differ.
  return { build, wall, cpu, out: out.replace(/"generatedAt": "[^"]*"/g, '"generatedAt": ""') };
}

function summary(label: string, runs: Run[]): void {
  const of = (b: 'base' | 'new') => runs.filter((r) => r.build === b);
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2
      ? (s[(s.length - 1) / 2] as number)
      : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
  };
  for (const r of runs)
    console.log(`${label}\t${r.build}\twall ${r.wall.toFixed(2)} s\tCPU ${r.cpu.toFixed(2)} s`);
  const [bw, nw] = [median(of('base').map((r) => r.wall)), median(of('new').map((r) => r.wall))];
  const [bc, nc] = [median(of('base').map((r) => r.cpu)), median(of('new').map((r) => r.cpu))];
  const identical = runs.every((r) => r.out === runs[0]?.out);
  console.log(
    `${label}: medians base → new: wall ${bw.toFixed(2)} → ${nw.toFixed(2)} s (×${(nw / bw).toFixed(2)}), CPU ${bc.toFixed(2)} → ${nc.toFixed(2)} s (×${(nc / bc).toFixed(2)}); outputs ${identical ? 'identical' : 'DIFFER'}`,
  );
  if (!identical) process.exitCode = 1;
}

async function main(): Promise<void> {
  const baseArg = option('--base');
  if (!baseArg || !existsSync(join(resolve(baseArg), 'bin/parallax.js'))) {
    console.error('ab-builds: --base DIR must name a built checkout (bin/parallax.js and dist/ inside)');
    process.exitCode = 2;
    return;
  }
  const base = resolve(baseArg);
  const articles = Number(option('--articles') ?? 2000);
  const runs = Number(option('--runs') ?? 3);
  const only = option('--only');
  const work = join(tmpdir(), `parallax-ab-${process.pid}`);
  mkdirSync(work, { recursive: true });
  try {
    if (only !== 'analyze') {
      const sample = join(work, 'sample.jsonl');
      const n = await writeFirstLines(CORPUS, articles, sample);
      const results: Run[] = [];
      for (let i = 0; i < runs; i++)
        for (const [build, root] of [
          ['base', base],
          ['new', ROOT],
        ] as const)
          results.push(run(build, root, ['annotate', sample], '-'));
      summary(`annotate ${n} allsides articles`, results);
    }
    if (only !== 'annotate') {
      const results: Run[] = [];
      for (let i = 0; i < runs; i++)
        for (const [build, root] of [
          ['base', base],
          ['new', ROOT],
        ] as const) {
          const out = join(work, `analyze-${build}`);
          results.push(run(build, root, ['analyze', MINSK, '--out', out], join(out, 'report.json')));
        }
      summary('analyze minsk-talks', results);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
