// MRPC pairs (../shared/corpus/mrpc/train.tsv.gz) and the fixed split this project tunes and reports on:
// the corpus's test pairs are held out by the corpus itself, so "dev" is 20 % of the train file, drawn by
// pair with seededRandom(MRPC_SEED) once; "train" is the other 80 %, the only part tuned on (features,
// weights, thresholds, --misses). The split depends only on the file's line order and the seed.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { seededRandom } from '../src/util/random.js';

export const MRPC_SEED = 13;
/** Share of the train file held out as dev. */
export const MRPC_DEV_SHARE = 0.2;

export interface MrpcPair {
  /** Line number in the file (1 = first pair after the header): ids only ever name pairs by this. */
  line: number;
  same: boolean;
  a: string;
  b: string;
}

export function readMrpc(file: string): MrpcPair[] {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split(/\r?\n/);
  const pairs: MrpcPair[] = [];
  lines.slice(1).forEach((row, i) => {
    if (!row.trim()) return;
    const cells = row.split('\t');
    if (cells.length < 5) {
      console.error(`mrpc: line ${i + 2} has ${cells.length} fields, not 5; skipped`);
      return;
    }
    pairs.push({ line: i + 1, same: cells[0] === '1', a: cells[3] as string, b: cells[4] as string });
  });
  return pairs;
}

/** The dev (held-out) or train (tuning) part of the pairs: a seeded shuffle, the first 20 % being dev. */
export function mrpcSplit(pairs: readonly MrpcPair[], split: 'dev' | 'train'): MrpcPair[] {
  const random = seededRandom(MRPC_SEED);
  const order = pairs.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const devCount = Math.ceil(pairs.length * MRPC_DEV_SHARE);
  const chosen = split === 'dev' ? order.slice(0, devCount) : order.slice(devCount);
  return chosen.sort((x, y) => x - y).map((i) => pairs[i] as MrpcPair);
}

/** Lower-cased word set, for the word-overlap baseline. */
export function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}

export interface BinaryScores {
  pairs: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of pairs called the same claim. */
  positiveRate: number;
}

export function binaryScores(gold: readonly boolean[], said: readonly boolean[]): BinaryScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  gold.forEach((g, i) => {
    const s = said[i] as boolean;
    if (g === s) right++;
    if (s && g) tp++;
    else if (s) fp++;
    else if (g) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    pairs: gold.length,
    accuracy: gold.length ? right / gold.length : 0,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    positiveRate: gold.length ? (tp + fp) / gold.length : 0,
  };
}
