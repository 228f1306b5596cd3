// The article-extraction benchmark's metric, shared by bench/extraction.ts (the extractor alone) and
// eval/extraction.ts (the full `annotate` path).
//
// As scrapinghub's evaluate.py defines it: texts are cut into tokens (`\w+`, Unicode: letters, digits and
// underscore, case kept), tokens into overlapping 4-token shingles (a text of fewer than 4 tokens is one
// shorter shingle), and shingles are matched as multisets: tp = Σ min(true, predicted) per shingle,
// fp = the predicted surplus, fn = the true surplus. Each page's tp, fp, fn are divided by their sum, so a
// long article weighs no more than a short one. Precision is the mean of tp / (tp + fp) over the pages with
// a prediction (tp + fp > 0), recall the mean of tp / (tp + fn) over the pages with a true body, both 1 when
// fp = fn = 0; F1 is the harmonic mean of those two means (not the mean of per-page F1s).

const SHINGLE = 4;
const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < last && tokens.length > 0; i++) {
    const key = tokens.slice(i, i + SHINGLE).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function matchShingles(truth: string, predicted: string): Counts {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, trueCount] of t) {
    const predCount = p.get(key) ?? 0;
    tp += Math.min(trueCount, predCount);
    fn += Math.max(0, trueCount - predCount);
  }
  for (const [key, predCount] of p) fp += Math.max(0, predCount - (t.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export function precisionOf({ tp, fp, fn }: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf({ tp, fp, fn }: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export function scoresOf(counts: Counts[]): Scores {
  const precision = mean(counts.filter((c) => c.tp + c.fp > 0).map(precisionOf));
  const recall = mean(counts.filter((c) => c.tp + c.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function pageF1(c: Counts): number {
  const p = precisionOf(c);
  const r = recallOf(c);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}
