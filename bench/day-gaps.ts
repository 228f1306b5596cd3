// How strongly publication days tell one event from another, measured on the allsides corpus: among pairs of
// articles from different outlets, how much likelier a near-identical title (the same event, almost surely)
// is at a gap of g days than among pairs four or more days apart. The grace period and decay of
// src/stories/tuning.ts (DAY_EVIDENCE) are read off this table.
//
//   npm run build && node dist/bench/day-gaps.js [path/to/articles.jsonl.gz]
//
// Only titles, outlets and days are read; nothing of the corpus is written anywhere.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { dayOf } from '../src/stories/features.js';
import { tokenizeSpan } from '../src/text/words.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const DEFAULT = resolve(HERE, '../../../shared/corpus/allsides/articles.jsonl.gz');

/** Titles sharing this share of their content words (Jaccard) report one event: "Quake hits port city, 40 dead". */
const NEAR_IDENTICAL = 0.6;
/** Titles with fewer content words than this are too short to call near-identical. */
const MIN_TITLE_WORDS = 4;
/** Gaps shown one by one; the reference is every gap from REFERENCE_FROM days to MAX_GAP. */
const MAX_GAP = 30;
const REFERENCE_FROM = 4;

interface Item {
  outlet: string;
  day: number;
  words: Set<string>;
}

function load(path: string): Item[] {
  const items: Item[] = [];
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { outlet?: string; title?: string; published?: string };
    const day = dayOf(r.published ?? null);
    if (day === null || !r.outlet || !r.title) continue;
    const words = new Set(
      tokenizeSpan(r.title, 0, r.title.length)
        .map((t) => t.key)
        .filter(Boolean),
    );
    if (words.size >= MIN_TITLE_WORDS) items.push({ outlet: r.outlet, day, words });
  }
  return items;
}

function main(): void {
  const items = load(process.argv[2] ?? DEFAULT);
  // All cross-outlet pairs by gap, from day histograms: per gap, Σ over days of n(d)·n(d+g), less the
  // pairs within one outlet.
  const byDay = new Map<number, number>();
  const byOutletDay = new Map<string, number>();
  for (const it of items) {
    byDay.set(it.day, (byDay.get(it.day) ?? 0) + 1);
    const k = `${it.outlet}\u0000${it.day}`;
    byOutletDay.set(k, (byOutletDay.get(k) ?? 0) + 1);
  }
  const all = new Float64Array(MAX_GAP + 1);
  for (const [d, n] of byDay)
    for (let g = 0; g <= MAX_GAP; g++) {
      const m = byDay.get(d + g) ?? 0;
      all[g] = (all[g] as number) + (g === 0 ? (n * (n - 1)) / 2 : n * m);
    }
  for (const [k, n] of byOutletDay) {
    const [outlet, day] = k.split('\u0000') as [string, string];
    for (let g = 0; g <= MAX_GAP; g++) {
      const m = byOutletDay.get(`${outlet}\u0000${Number(day) + g}`) ?? 0;
      all[g] = (all[g] as number) - (g === 0 ? (n * (n - 1)) / 2 : n * m);
    }
  }
  // Near-identical cross-outlet pairs, found through an inverted index of title words.
  const postings = new Map<string, number[]>();
  items.forEach((it, i) => {
    for (const w of it.words) {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  });
  const near = new Float64Array(MAX_GAP + 1);
  items.forEach((a, i) => {
    const shared = new Map<number, number>();
    for (const w of a.words)
      for (const j of postings.get(w) ?? []) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, s] of shared) {
      const b = items[j] as Item;
      if (b.outlet === a.outlet) continue;
      const gap = Math.abs(a.day - b.day);
      if (gap > MAX_GAP) continue;
      if (s / (a.words.size + b.words.size - s) >= NEAR_IDENTICAL) near[gap] = (near[gap] as number) + 1;
    }
  });
  let refNear = 0;
  let refAll = 0;
  for (let g = REFERENCE_FROM; g <= MAX_GAP; g++) {
    refNear += near[g] as number;
    refAll += all[g] as number;
  }
  const reference = refNear / refAll;
  console.log(`${items.length} dated articles with titles of ${MIN_TITLE_WORDS}+ content words`);
  console.log(
    `reference: gaps ${REFERENCE_FROM}–${MAX_GAP} days, ${refNear} near-identical of ${refAll} pairs`,
  );
  console.log('| gap (days) | near-identical pairs | all cross-outlet pairs | over-representation |');
  console.log('| ---: | ---: | ---: | ---: |');
  for (let g = 0; g <= MAX_GAP; g++) {
    const ratio = (near[g] as number) / (all[g] as number) / reference;
    console.log(`| ${g} | ${near[g]} | ${all[g]} | ${ratio.toFixed(2)} |`);
  }
}

main();
