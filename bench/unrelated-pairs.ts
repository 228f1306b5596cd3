// The calibration check's reference figures (src/stories/calibration.ts): on news the story similarity was
// tuned for, how many pairs of unrelated articles clear the join bar on content alone, and how much the
// library's estimate (all far-apart pairs among 64 sampled articles) varies from one library to another.
// ALARM_SHARE is set from these.
//
//   npm run build && node dist/bench/unrelated-pairs.js [allsides articles] [block articles]
//   npm run build && node dist/bench/unrelated-pairs.js --beats TOPIC…   (one topic label each, 600 articles)
//
// Sets: (1) an even sample of the dated allsides articles over all their years; (2) a block of consecutive
// allsides articles by date (a library of a few months); (3) ECB+, where articles of different topics are
// unrelated by construction (its days are mostly missing). Each set is a library of its own: document
// frequencies from its articles and the background, as the library would have them. Counts only.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { recordArticle } from '../src/ingest/records.js';
import type { ArticleFeatures } from '../src/model/story-index.js';
import { runStages } from '../src/pipeline/index.js';
import {
  ALARM_SHARE,
  contentScore,
  MIN_PAIRS,
  SAMPLE_ARTICLES,
  UNRELATED_GAP_DAYS,
} from '../src/stories/calibration.js';
import { articleFeatures } from '../src/stories/features.js';
import { articleVectors, type Vector } from '../src/stories/scoring.js';
import { settings } from '../src/stories/tuning.js';
import { seededRandom } from '../src/util/random.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ALLSIDES = resolve(HERE, '../../../shared/corpus/allsides/articles.jsonl.gz');
const ECBPLUS = resolve(HERE, '../../../shared/corpus/ecbplus');
/** Random 64-article samples drawn per set for the spread of the library's estimate. */
const DRAWS = 400;

interface Item {
  features: ArticleFeatures;
  /** A label that is different for unrelated articles (ECB+ topic), or null to use days. */
  group: string | null;
}

function featuresOf(records: Record<string, unknown>[], source: string): ArticleFeatures[] {
  const ctx = { sources: null, usedIds: new Set<string>() };
  const out: ArticleFeatures[] = [];
  records.forEach((r, i) => {
    const made = recordArticle(
      { id: r.id, title: r.title, text: r.text, url: r.url, published: r.published },
      `${source}#${i + 1}`,
    );
    if (!made.ok) return;
    const result = runStages(made.raw, ctx);
    if ('refused' in result) return;
    out.push(articleFeatures(result));
  });
  return out;
}

function vectorsOf(items: readonly Item[]): Vector[] {
  const s = settings();
  const df = new Map<string, number>();
  for (const it of items) for (const f of it.features.features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  return items.map((it) => articleVectors(it.features, df, items.length, s).weighted);
}

/** Unrelated: in different groups when groups are given, else published more than the gap apart. */
function unrelated(a: Item, b: Item): boolean {
  if (a.group !== null && b.group !== null) return a.group !== b.group;
  if (a.features.day === null || b.features.day === null) return false;
  return Math.abs(a.features.day - b.features.day) > UNRELATED_GAP_DAYS;
}

function report(name: string, items: Item[]): void {
  const s = settings();
  const bar = s.threshold;
  const vectors = vectorsOf(items);
  const started = performance.now();
  // Every unrelated pair's score, kept as a matrix row by row (upper triangle) for the draws below.
  const score = new Map<number, number>();
  const key = (i: number, j: number) => (i < j ? i * items.length + j : j * items.length + i);
  let pairs = 0;
  let clearing = 0;
  let half = 0;
  const bands = new Map<string, [number, number]>();
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i] as Item;
      const b = items[j] as Item;
      if (!unrelated(a, b)) continue;
      const x = contentScore(vectors[i] as Vector, vectors[j] as Vector, s).score;
      score.set(key(i, j), x);
      pairs++;
      if (x >= bar) clearing++;
      if (x >= bar / 2) half++;
      if (a.group === null && a.features.day !== null && b.features.day !== null) {
        const gap = Math.abs(a.features.day - b.features.day);
        const band = gap <= 120 ? '61–120 d' : gap <= 365 ? '121–365 d' : '> 365 d';
        const t = bands.get(band) ?? [0, 0];
        t[0]++;
        if (x >= bar) t[1]++;
        bands.set(band, t);
      }
    }
  const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
  console.log(`\n## ${name}: ${items.length} articles, ${pairs} unrelated pairs`);
  console.log(
    `- clearing the join bar ${bar} on content alone: ${clearing} (${pct(clearing / pairs)}); at half the bar: ${pct(half / pairs)} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  for (const [band, [n, c]] of [...bands].sort())
    console.log(`- ${band}: ${c} of ${n} (${pct(c / Math.max(1, n))})`);

  // The library's estimate: all unrelated pairs among SAMPLE_ARTICLES random articles.
  const random = seededRandom(20241206);
  const shares: number[] = [];
  let tooFew = 0;
  for (let d = 0; d < DRAWS; d++) {
    const idx = items.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    const pick = idx.slice(0, SAMPLE_ARTICLES);
    let p = 0;
    let c = 0;
    for (let x = 0; x < pick.length; x++)
      for (let y = x + 1; y < pick.length; y++) {
        const v = score.get(key(pick[x] as number, pick[y] as number));
        if (v === undefined) continue;
        p++;
        if (v >= bar) c++;
      }
    if (p < MIN_PAIRS) tooFew++;
    else shares.push(c / p);
  }
  shares.sort((a, b) => a - b);
  const q = (f: number) => shares[Math.min(shares.length - 1, Math.floor(f * shares.length))] ?? 0;
  const over = shares.filter((x) => x > ALARM_SHARE).length;
  console.log(
    `- the library's estimate (${SAMPLE_ARTICLES} random articles, ${DRAWS} draws, ${tooFew} with < ${MIN_PAIRS} pairs): median ${pct(q(0.5))}, 95th ${pct(q(0.95))}, 99th ${pct(q(0.99))}, max ${pct(shares[shares.length - 1] ?? 0)}; over the alarm ${pct(ALARM_SHARE)}: ${over} of ${shares.length}`,
  );
}

function allsides(evenCount: number, blockCount: number): void {
  const records = gunzipSync(readFileSync(ALLSIDES))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((r) => typeof r.published === 'string' && /^\d{4}-\d\d-\d\d/.test(r.published))
    .sort((a, b) => ((a.published as string) < (b.published as string) ? -1 : 1));
  const dayOf = (r: Record<string, unknown> | undefined) => String(r?.published ?? '').slice(0, 10);
  const step = Math.max(1, Math.floor(records.length / evenCount));
  const even = records.filter((_, i) => i % step === 0).slice(0, evenCount);
  const from = Math.floor(records.length / 2);
  const block = records.slice(from, from + blockCount);
  const t0 = performance.now();
  const evenItems = featuresOf(even, 'allsides-even').map((features) => ({ features, group: null }));
  console.error(`annotated ${even.length} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  report(`allsides, an even sample over ${dayOf(even[0])} – ${dayOf(even[even.length - 1])}`, evenItems);
  const blockItems = featuresOf(block, 'allsides-block').map((features) => ({ features, group: null }));
  report(`allsides, consecutive articles ${dayOf(block[0])} – ${dayOf(block[block.length - 1])}`, blockItems);
}

function ecbplus(): void {
  const docs = gunzipSync(readFileSync(join(ECBPLUS, 'documents.jsonl.gz')))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map(
      (l) =>
        JSON.parse(l) as { id: string; topic: string; subtopic: string; url: string | null; text: string },
    );
  const items: Item[] = [];
  const subs: string[] = [];
  const ctx = { sources: null, usedIds: new Set<string>() };
  docs.forEach((d, i) => {
    const made = recordArticle({ id: d.id, text: d.text, url: d.url }, `documents.jsonl#${i + 1}`);
    if (!made.ok) return;
    const result = runStages(made.raw, ctx);
    if ('refused' in result) return;
    items.push({ features: articleFeatures(result), group: String(d.topic) });
    subs.push(d.subtopic);
  });
  report('ECB+, pairs of different topics (time left out)', items);
  // Same topic, other sub-topic: the same kind of event at another time (the narrow-beat case).
  const bySub = items.map((it, i) => ({ it, sub: subs[i] }));
  const s = settings();
  const vectors = vectorsOf(items);
  let pairs = 0;
  let clearing = 0;
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const a = bySub[i];
      const b = bySub[j];
      if (!a || !b || a.it.group !== b.it.group || a.sub === b.sub) continue;
      pairs++;
      if (contentScore(vectors[i] as Vector, vectors[j] as Vector, s).score >= s.threshold) clearing++;
    }
  console.log(
    `- same topic, other sub-topic (same kind of event, another time): ${clearing} of ${pairs} clear the bar (${((100 * clearing) / pairs).toFixed(2)} %)`,
  );
}

/**
 * A narrow beat: the articles of one of the corpus's topic labels only (an even sample over its years), a
 * library of one subject where the same people and places recur.
 */
function narrowBeats(topics: readonly string[], count: number): void {
  const records = gunzipSync(readFileSync(ALLSIDES))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((r) => typeof r.published === 'string' && /^\d{4}-\d\d-\d\d/.test(r.published))
    .sort((a, b) => ((a.published as string) < (b.published as string) ? -1 : 1));
  for (const topic of topics) {
    const inTopic = records.filter((r) => r.topic === topic);
    const step = Math.max(1, Math.floor(inTopic.length / count));
    const picked = inTopic.filter((_, i) => i % step === 0).slice(0, count);
    const items = featuresOf(picked, `allsides-${topic}`).map((features) => ({ features, group: null }));
    report(`allsides, one topic label only (a narrow beat, ${inTopic.length} articles in the corpus)`, items);
  }
}

const args = process.argv.slice(2);
if (args[0] === '--beats') narrowBeats(args.slice(1), 600);
else {
  allsides(Number(args[0] ?? 1500), Number(args[1] ?? 2000));
  ecbplus();
}
