// `npm run bench -- --suite extraction`: article-body extraction on ../shared/corpus/extraction (121 real
// news pages with hand-made article bodies, from scrapinghub's article-extraction-benchmark). Scores, in the
// same run, Readability as a user would call it (linkedom DOM, Readability, the article's text with block
// newlines — what src/ingest/html.ts did before src/extract) and Parallax's extractor (src/extract).
//
//   node dist/bench/extraction.js [--record] [--pages] [--dump DIR] [--only ID]
//
// --pages prints every page's F1 for both; --dump writes each page's extracted text and ground truth to DIR
// to read the differences; --only limits the run to the pages whose id starts with ID.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type ExtractOptions, extractArticle } from '../src/extract/index.js';
import { blockText } from '../src/text/html-blocks.js';
import {
  type Counts,
  matchShingles,
  pageF1,
  precisionOf,
  recallOf,
  type Scores,
  scoresOf,
} from './extraction-metric.js';
import { loadPages, type Page } from './extraction-pages.js';
import { machineLine, recordSection } from './results.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/extraction');
const TARGETS = { f1: 0.96, pagesPerSecond: 50 };
/** Reference scores given for this benchmark (other runs, other machines), for the reader of RESULTS.md. */
const REFERENCE = { readabilityJs: 0.947, trafilatura: 0.958 };
/** Timed passes over the corpus after one warm-up pass; the fastest counts (least disturbed by the machine). */
const TIMED_PASSES = 3;

// ---- the two extractors -----------------------------------------------------------------------------

/** Readability as src/ingest/html.ts used it: linkedom, the article node, text with block newlines. */
function readabilityText(html: string): string {
  try {
    const { document } = parseHTML(html);
    const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
    if (!article?.content) return '';
    return blockText(article.content as unknown as Parameters<typeof blockText>[0]);
  } catch {
    return '';
  }
}

function parallaxText(html: string, url: string): string {
  return extractArticle(html, url).text;
}

/** The two settings src/extract offers besides its default, scored for the reader (not timed). */
const VARIANTS: { name: string; options: ExtractOptions }[] = [
  { name: 'Parallax, captions kept (as `extractPage` runs it)', options: { captions: true } },
  { name: 'Parallax, embedded posts kept', options: { embeddedPosts: true } },
];

interface Run {
  name: string;
  texts: string[];
  seconds: number;
  scores: Scores;
  counts: Counts[];
}

function run(name: string, pages: Page[], extract: (html: string, url: string) => string, timed = true): Run {
  const texts = pages.map((p) => extract(p.html, p.url));
  // The pass above warmed the JIT up; NaN marks an untimed run.
  let seconds = timed ? Number.POSITIVE_INFINITY : Number.NaN;
  for (let pass = 0; timed && pass < TIMED_PASSES; pass++) {
    const started = performance.now();
    for (const p of pages) extract(p.html, p.url);
    seconds = Math.min(seconds, (performance.now() - started) / 1000);
  }
  const counts = pages.map((p, i) => matchShingles(p.truth, texts[i] ?? ''));
  return { name, texts, seconds, scores: scoresOf(counts), counts };
}

function row(r: Run, pages: number): string {
  const s = r.scores;
  const rate = Number.isNaN(r.seconds) ? '–' : (pages / r.seconds).toFixed(0);
  return `| ${r.name} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | **${s.f1.toFixed(3)}** | ${rate} |`;
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const pages = loadPages(CORPUS, option('--only'));
  if (pages.length === 0) {
    console.error(`bench: no pages in ${CORPUS}; the benchmark needs ../shared/corpus beside the project.`);
    process.exitCode = 1;
    return;
  }
  console.error(`bench: ${pages.length} pages; Readability…`);
  const readability = run('Readability (linkedom)', pages, readabilityText);
  console.error('bench: Parallax…');
  const parallax = run('Parallax (src/extract)', pages, parallaxText);
  const variants = VARIANTS.map((v) =>
    run(v.name, pages, (html, url) => extractArticle(html, url, v.options).text, false),
  );

  const dump = option('--dump');
  if (dump !== undefined) {
    mkdirSync(dump, { recursive: true });
    pages.forEach((p, i) => {
      writeFileSync(join(dump, `${p.id.slice(0, 8)}.truth.txt`), `${p.url}\n\n${p.truth}\n`);
      writeFileSync(join(dump, `${p.id.slice(0, 8)}.parallax.txt`), `${parallax.texts[i]}\n`);
      writeFileSync(join(dump, `${p.id.slice(0, 8)}.readability.txt`), `${readability.texts[i]}\n`);
    });
  }
  if (args.includes('--pages')) {
    const lines = pages.map((p, i) => {
      const a = readability.counts[i] ?? { tp: 0, fp: 0, fn: 0 };
      const b = parallax.counts[i] ?? { tp: 0, fp: 0, fn: 0 };
      const f = (c: Counts) =>
        `P ${precisionOf(c).toFixed(2)} R ${recallOf(c).toFixed(2)} F ${pageF1(c).toFixed(3)}`;
      return {
        delta: pageF1(b) - pageF1(a),
        f1: pageF1(b),
        text: `${p.id.slice(0, 8)} ${f(a)} | ${f(b)} ${p.url}`,
      };
    });
    for (const l of lines.sort((x, y) => x.f1 - y.f1))
      console.log(`${l.delta.toFixed(3).padStart(7)} ${l.text}`);
  }

  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const rate = pages.length / parallax.seconds;
  const costRatio = parallax.seconds / readability.seconds;
  const better = parallax.counts.filter((c, i) => pageF1(c) > pageF1(readability.counts[i] ?? c) + 0.005);
  const worse = parallax.counts.filter((c, i) => pageF1(c) < pageF1(readability.counts[i] ?? c) - 0.005);
  const section = [
    `## Article extraction — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Machine: ${machineLine()}. Corpus: ${pages.length} news pages of scrapinghub's article-extraction-benchmark` +
      ' (../shared/corpus/extraction). Command: `npm run build && node dist/bench/extraction.js --record`.',
    '',
    'Metric as the benchmark’s evaluate.py: 4-token shingles of `\\w+` tokens matched as multisets, tp/fp/fn' +
      ' normalised per page; mean precision and mean recall over pages, F1 of the two means. Speed: one' +
      ` process, HTML string in, text out, fastest of ${TIMED_PASSES} passes after a warm-up.`,
    '',
    '| extractor | precision | recall | F1 | pages/s |',
    '| --- | ---: | ---: | ---: | ---: |',
    row(readability, pages.length),
    row(parallax, pages.length),
    ...variants.map((v) => row(v, pages.length)),
    '',
    `- Parallax F1 **${parallax.scores.f1.toFixed(3)}** (target ≥ ${TARGETS.f1}: ${verdict(parallax.scores.f1 >= TARGETS.f1)}); Readability in the same run ${readability.scores.f1.toFixed(3)} (reference figures: Readability.js ${REFERENCE.readabilityJs}, trafilatura ${REFERENCE.trafilatura}).`,
    `- Per page: better than Readability on ${better.length}, worse on ${worse.length} (F1 ± 0.005), equal on the rest.`,
    `- **${rate.toFixed(0)} pages/s** (target ≥ ${TARGETS.pagesPerSecond}: ${verdict(rate >= TARGETS.pagesPerSecond)}); **${costRatio.toFixed(2)}×** Readability's time per page (${(1 / costRatio).toFixed(1)}× as fast).`,
    '- Variants (scored, not timed): `extractPage` keeps figure captions, which the ground truth leaves out; the ground truth keeps the text of embedded tweets, which Parallax drops by default.',
    '',
  ].join('\n');
  console.log(section);
  if (args.includes('--record')) recordSection(section);
}

main();
