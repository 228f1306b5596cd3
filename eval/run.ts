// `npm run eval [-- --split dev|train] [--suite quotes|persons|extraction|labels|mrpc|opinion]… [--misses]`: scores the pipeline against the annotated
// dev sets in ../shared/corpus and writes the figures, with date and machine, to eval/RESULTS.md.
// Tune on train; the dev figure is the one nobody tuned on.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadPages } from '../bench/extraction-pages.js';
import { machineLine } from '../bench/results.js';
import { DIGEST_OPINION_PROBABILITY, OPINION_PROBABILITY } from '../src/text/opinion.js';
import type { CorefScores } from './coref-metrics.js';
import { readEcbplus } from './ecbplus-gold.js';
import { scoreExtraction } from './extraction.js';
import { readJudged, scoreLabels } from './labels.js';
import { scoreMrpc } from './mrpc.js';
import { BASELINE_PER_100, scoreOpinion } from './opinion.js';
import { MENTION_CLASSES, scorePersons } from './persons.js';
import { readPolnear } from './polnear-gold.js';
import { scoreQuotes } from './quotes.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const RESULTS = resolve(ROOT, 'eval/RESULTS.md');
const SUITES = ['quotes', 'persons', 'extraction', 'labels', 'mrpc', 'opinion'] as const;

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
// Reading dev errors is tuning on dev: errors are listed for the train split only. (The extraction pages
// have no split: with --split train they are all listed.)
if (values.misses && split !== 'train') {
  console.error('eval: --misses lists errors to tune on, so it goes with --split train only');
  process.exit(2);
}
const suites = values.suite?.length ? values.suite : [...SUITES];
for (const s of suites)
  if (!(SUITES as readonly string[]).includes(s))
    throw new Error(`eval: unknown suite ${s}; the suites are ${SUITES.join(', ')}`);

const pct = (x: number) => x.toFixed(3);
/** Rows of a route table, most quotes first: "| speech-verb/name | 2920 | 2835 | 0.971 |". */
const routeRows = (table: Record<string, { right: number; total: number; accuracy: number }>) =>
  Object.entries(table)
    .sort((a, b) => b[1].total - a[1].total)
    .map(([route, t]) => `| ${route} | ${t.total} | ${t.right} | ${pct(t.accuracy)} |`)
    .join('\n');
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
${rows}

By how the speaker was found (the route the report's quote-speaker confidence reads; the figures of
src/compare/confidence/speakers.ts come from these two tables on the train split):

| route | quotes | right | speaker accuracy |
|---|---|---|---|
${routeRows(s.byRoute)}

| found by | quotes | right | speaker accuracy |
|---|---|---|---|
${routeRows(s.byFinder)}`);
  console.log(sections[sections.length - 1]);
  if (values.misses)
    for (const m of s.misses)
      console.log(`${m.article}\t${m.source}\t→ ${m.predicted || '(none)'}\t${m.quote}`);
}

if (suites.includes('persons')) {
  const started = Date.now();
  const s = await scorePersons(readEcbplus(resolve(CORPUS, 'ecbplus'), split));
  const detection = MENTION_CLASSES.map((c) => {
    const d = s.detection[c];
    return `| ${c} | ${d.gold} | ${d.predicted} | ${pct(d.precision)} | ${pct(d.recall)} | ${pct(d.f1)} |`;
  }).join('\n');
  const scores = (who: string, c: CorefScores) =>
    `${who} | ${pct(c.muc.f1)} | ${pct(c.b3.precision)} | ${pct(c.b3.recall)} | ${pct(c.b3.f1)} | ${pct(c.ceafe.f1)} | ${pct(c.conll)}`;
  const coref = s.coref
    .flatMap((r) => [
      `| ${r.mentions} | ${scores('Parallax', r.system)} |`,
      `| | ${scores('same head', r.baseline)} |`,
    ])
    .join('\n');
  sections.push(`### ECB+ ${split}: people and entities

${s.topics} topics, ${s.documents} documents (${s.refused} refused by cleaning), each topic analysed as one story; ${s.actorMentions} actor mentions, ${s.unmapped} not placeable in the document's text (${((Date.now() - started) / 1000).toFixed(1)} s).

Mention detection, \`eval\` sentences, a predicted span counted as the gold span that ends on its head word ("police officer" for ECB+'s "police [officer]", "women" for "two [women]"; precision is a lower bound: ECB+ marks event participants only):

| class | gold | predicted | precision | recall | F1 |
|---|---|---|---|---|---|
${detection}

Person detection on exact spans only (ECB+'s courtesy-title and possessive conventions allowed): P ${pct(s.exactPersonDetection.precision)}, R ${pct(s.exactPersonDetection.recall)}, F1 ${pct(s.exactPersonDetection.f1)}. Coreference below matches spans by the head-word rule; the same-head baseline is handed the gold spans themselves either way.

Coreference within topics, across documents (${s.goldPersons} gold person mentions, ${s.detectedPersons} detected; an undetected mention is its own cluster):

| gold mentions | clusters | MUC F1 | B³ P | B³ R | B³ F1 | CEAF-e F1 | CoNLL F1 |
|---|---|---|---|---|---|---|---|
${coref}

Wrong merges: ${s.wrongMerges.count} of ${s.wrongMerges.of} actors holding gold person mentions hold two or more gold people (${s.wrongMerges.viaUnlinked} of them only through a gold mention the corpus links to nothing). Split persons: ${s.splitPersons.count} of ${s.splitPersons.of} gold people with 2+ detected mentions are spread over 2+ actors.

By the merge's weakest link (what the report's actor-merge confidence reads):

| weakest link | actors | wrong merges |
|---|---|---|
${Object.entries(s.mergeByLink)
  .sort((a, b) => b[1].actors - a[1].actors)
  .map(([link, m]) => `| ${link} | ${m.actors} | ${m.wrong} |`)
  .join('\n')}

Person B³ F1 with singletons if every detected mention were linked as gold links it (undetected ones alone): ${pct(s.detectionCeiling)}; the same-head baseline given only those detected mentions (the rest alone): ${pct(s.sameHeadOnDetected)}.

Where person B³ recall (with singletons) is lost, by the form of the mention left out of its chain's actor:

| form | cause | B³ recall lost |
|---|---|---|
${s.recallLoss
  .filter((l) => l.loss >= 0.001)
  .map((l) => `| ${l.form} | ${l.cause} | ${l.loss.toFixed(3)} |`)
  .join('\n')}`);
  console.log(sections[sections.length - 1]);
  // Examples name the corpus's people: shown only with --misses, which only the train split allows.
  if (values.misses) console.log(['', ...s.wrongMerges.examples, ...s.splitPersons.examples].join('\n'));
  if (values.misses) for (const m of s.misses) console.log(m);
}

if (suites.includes('extraction')) {
  // The pages have no train/dev split: every run scores all of them (nothing is tuned on this suite).
  const started = Date.now();
  const s = await scoreExtraction(loadPages(resolve(CORPUS, 'extraction')));
  const rows = s.rows
    .map((r) => `| ${r.name} | ${pct(r.scores.precision)} | ${pct(r.scores.recall)} | ${pct(r.scores.f1)} |`)
    .join('\n');
  sections.push(`### Extraction pages: article text through \`annotate\`

${s.pages} news pages (all of them; no split), ${s.refused} refused; shingle metric of the article-extraction benchmark (${((Date.now() - started) / 1000).toFixed(1)} s).

| text | precision | recall | F1 |
|---|---|---|---|
${rows}

${s.misses.length} pages lose F1 through \`annotate\` against the extractor alone (\`--misses\` lists them with what cleaning removed).`);
  console.log(sections[sections.length - 1]);
  if (values.misses) for (const m of s.misses) console.log(m);
}

if (suites.includes('labels')) {
  const started = Date.now();
  const judged = readJudged().filter((j) => j.split === split);
  const s = await scoreLabels(judged);
  const tones = Object.entries(s.tone.byJudged)
    .map(([tone, t]) => `| ${tone} | ${t.total} | ${t.right} |`)
    .join('\n');
  sections.push(`### Hand-judged labels ${split}: acceptability and tone

${s.judged} labels judged by hand (eval/labels-judged.json) from multi-outlet allsides stories, their articles annotated again (${((Date.now() - started) / 1000).toFixed(1)} s).

| output at judged spans | acceptable | acceptability | judged unacceptable | still output | acceptable lost | changed span | tone accuracy (${s.tone.total}) |
|---|---|---|---|---|---|---|---|
| ${s.output} | ${s.acceptable} | ${pct(s.acceptability)} | ${s.unacceptable} | ${s.remaining} | ${s.lost} | ${s.changed} | ${pct(s.tone.accuracy)} |

| judged tone | labels | system agrees |
|---|---|---|
${tones}

By how the label attaches to the name (what the report's label confidence reads):

| attached as | output at judged spans | acceptable |
|---|---|---|
${Object.entries(s.byVia)
  .map(
    ([via, v]) =>
      `| ${via} | ${v.output} | ${v.acceptable} (${pct(v.output ? v.acceptable / v.output : 0)}) |`,
  )
  .join('\n')}`);
  console.log(sections[sections.length - 1]);
  if (values.misses) for (const m of s.misses) console.log(m);
}

if (suites.includes('mrpc')) {
  const s = await scoreMrpc(resolve(CORPUS, 'mrpc/train.tsv.gz'), split as 'dev' | 'train');
  const row = (who: string, x: typeof s.system) =>
    `| ${who} | ${pct(x.accuracy)} | ${pct(x.precision)} | ${pct(x.recall)} | ${pct(x.f1)} | ${pct(x.positiveRate)} |`;
  sections.push(`### MRPC ${split}: same claim through \`analyze()\`

${s.system.pairs} sentence pairs of the ${split === 'dev' ? 'held-out 20 %' : 'tuning 80 %'} of MRPC train (eval/mrpc-data.ts: seeded split by pair), each analysed as a two-outlet story; "same claim" when a fact's evidence holds both and neither outlet adds detail (${s.seconds.toFixed(1)} s). The baseline calls a pair the same when the Jaccard overlap of its word sets reaches ${s.baseline.threshold.toFixed(2)} (best accuracy on the tuning part).

| decision | accuracy | precision | recall | F1 | called same |
|---|---|---|---|---|---|
${row('Parallax facts', s.system)}
${row('word overlap', s.baseline)}`);
  console.log(sections[sections.length - 1]);
  if (values.misses) for (const m of s.misses) console.log(m);
}

if (suites.includes('opinion')) {
  const s = scoreOpinion(split as 'dev' | 'train');
  const row = (who: string, x: (typeof s.rows)['detector']) =>
    `| ${who} | ${x.called} | ${pct(x.precision)} | ${pct(x.recall)} | ${pct(x.f1)} |`;
  sections.push(`### Allsides ${split}: opinion pieces from the text alone

${s.articles} articles published ${split === 'dev' ? 'in 2019 or later' : 'before 2019'} (${s.readable} with 150+ words outside quotes), ${s.opinion} of them opinion by a marker: a comment section in the address, an opinion outlet label or a genre marker opening the text (eval/opinion-data.ts). The detectors see the text only (${s.seconds.toFixed(1)} s). The labels miss unmarked columns and partisan posts, so precision is a lower bound.

| detector | called opinion | precision | recall | F1 |
|---|---|---|---|---|
${row(`Parallax language sign (opinion probability ≥ ${OPINION_PROBABILITY})`, s.rows.language)}
${row('Parallax opinionOf on the text (first-line marker, else the language sign)', s.rows.detector)}
${row(`digest-only bar (leansToOpinion: opinion probability ≥ ${DIGEST_OPINION_PROBABILITY}, or "I"/"you" or questions)`, s.rows.digest)}
${row(`baseline: "I"/"me"/"my" ≥ ${BASELINE_PER_100} per 100 words outside quotes`, s.rows.baseline)}`);
  console.log(sections[sections.length - 1]);
  for (const t of s.sweep)
    console.log(
      `baseline at ${t.threshold} per 100 words: P ${pct(t.precision)} R ${pct(t.recall)} F1 ${pct(t.f1)} (${t.called} called)`,
    );
  if (values.misses)
    for (const m of s.misses) console.log(`${m.id}\t${m.outlet}\t${m.reason}\t${m.title}\t${m.opening}`);
}

const stamp = `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${split}\n\n${machineLine()}\n\n`;
const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
const first = previous.search(/^## /m);
writeFileSync(
  RESULTS,
  `# Evaluation results\n\nNewest first. Written by \`npm run eval\`; see the README's "Quality and speed".\n\n${stamp}${sections.join('\n\n')}\n\n${first >= 0 ? previous.slice(first) : ''}`,
);
