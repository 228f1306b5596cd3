// `npm run eval [-- --split dev|train] [--suite quotes]`: scores the pipeline against the annotated
// dev sets in ../shared/corpus and writes the figures, with date and machine, to eval/RESULTS.md.
// Tune on train; the dev figure is the one nobody tuned on.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineLine } from '../bench/results.js';
import { readPolnear } from './polnear-gold.js';
import { scoreQuotes } from './quotes.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const RESULTS = resolve(ROOT, 'eval/RESULTS.md');
const SUITES = ['quotes'] as const;

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'dev' },
    suite: { type: 'string', multiple: true },
    misses: { type: 'boolean', default: false },
  },
});
const split = values.split as string;
if (split !== 'dev' && split !== 'train') throw new Error(`eval: --split must be dev or train, not ${split}`);
if (!existsSync(CORPUS)) throw new Error(`eval: the shared corpus is missing at ${CORPUS}`);
const suites = values.suite?.length ? values.suite : [...SUITES];

const pct = (x: number) => x.toFixed(3);
const sections: string[] = [];

if (suites.includes('quotes')) {
  const started = Date.now();
  const gold = readPolnear(resolve(CORPUS, `polnear/${split}.jsonl.gz`));
  const s = await scoreQuotes(gold);
  const rows = Object.entries(s.byType)
    .map(([type, t]) => `| ${type} | ${t.total} | ${pct(t.accuracy)} |`)
    .join('\n');
  sections.push(`### PolNeAR ${split}: direct quotes and speakers

${s.articles} articles, ${s.gold} gold quotes, ${s.predicted} predicted (${((Date.now() - started) / 1000).toFixed(1)} s).

| detection precision | recall | F1 | speaker accuracy (${s.speaker.total} matched with a source) |
|---|---|---|---|
| ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${pct(s.speaker.accuracy)} |

| source type | quotes | speaker accuracy |
|---|---|---|
${rows}`);
  console.log(sections[sections.length - 1]);
  if (values.misses)
    for (const m of s.misses)
      console.log(`${m.article}\t${m.source}\t→ ${m.predicted || '(none)'}\t${m.quote}`);
}

const stamp = `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${split}\n\n${machineLine()}\n\n`;
const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
const first = previous.search(/^## /m);
writeFileSync(
  RESULTS,
  `# Evaluation results\n\nNewest first. Written by \`npm run eval\`; see the README's "Measuring quality".\n\n${stamp}${sections.join('\n\n')}\n\n${first >= 0 ? previous.slice(first) : ''}`,
);
