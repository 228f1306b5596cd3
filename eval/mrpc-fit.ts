// `node dist/eval/mrpc-fit.js [--folds 5]`: fits the same-claim weights (src/compare/facts/claims.ts) on
// the TRAIN part of the MRPC split (eval/mrpc-data.ts), never on dev. Each pair is featurised as the
// aligner sees it (eval/mrpc-units.ts). Prints cross-validated accuracy/F1 on train and the weights to paste.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CLAIM_FEATURES } from '../src/compare/text/claim-features.js';
import { fitLogistic, predictLogistic as predict } from './logistic.js';
import { binaryScores, type MrpcPair, mrpcSplit, readMrpc } from './mrpc-data.js';
import { pairUnits } from './mrpc-units.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '5' },
    l2: { type: 'string', default: '0.001' },
    misses: { type: 'boolean', default: false },
    drop: { type: 'string', default: '' },
  },
});

const started = Date.now();
const pairs = mrpcSplit(readMrpc(resolve(ROOT, '../shared/corpus/mrpc/train.tsv.gz')), 'train');
const gateOf = new Map<MrpcPair, boolean>();
const xs: number[][] = [];
const ys: boolean[] = [];
const kept: MrpcPair[] = [];
let missing = 0;
for (const p of pairs) {
  const u = await pairUnits(p);
  if (!u) {
    missing++;
    continue;
  }
  xs.push(u.features);
  ys.push(p.same);
  kept.push(p);
  gateOf.set(p, u.gate);
}
console.log(
  `${xs.length} pairs featurised (${missing} without two units) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
const folds = Number(values.folds);
// --drop a,b: fit without those features (their weight is 0), to see what they are worth.
const dropped = new Set(
  (values.drop as string)
    .split(',')
    .filter(Boolean)
    .map((n) => CLAIM_FEATURES.indexOf(n as never)),
);
for (const x of xs) for (const j of dropped) x[j] = 0;
const l2 = Number(values.l2);
const probs = new Array(xs.length).fill(0);
for (let f = 0; f < folds; f++) {
  const trainX = xs.filter((_, i) => i % folds !== f);
  const trainY = ys.filter((_, i) => i % folds !== f);
  const { weights } = fitLogistic(trainX, trainY, l2);
  xs.forEach((x, i) => {
    if (i % folds === f) probs[i] = predict(weights, x);
  });
}
for (const t of [0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
  const s = binaryScores(
    ys,
    probs.map((p) => p >= t),
  );
  console.log(
    `cv threshold ${t}: accuracy ${s.accuracy.toFixed(3)} F1 ${s.f1.toFixed(3)} called same ${s.positiveRate.toFixed(3)}`,
  );
}
if (values.misses)
  kept.forEach((p, i) => {
    if (probs[i] >= 0.5 !== p.same)
      console.log(`${p.line}\t${p.same ? 1 : 0}\t${probs[i].toFixed(2)}\t${p.a}\t${p.b}`);
  });
const gate = kept.map((p) => gateOf.get(p) === true);
const col = (name: string) => CLAIM_FEATURES.indexOf(name as never);
const report = (label: string, said: boolean[]) => {
  const s = binaryScores(ys, said);
  console.log(
    `${label}: accuracy ${s.accuracy.toFixed(3)} F1 ${s.f1.toFixed(3)} called same ${s.positiveRate.toFixed(3)}`,
  );
};
report('similarity gate of align.ts alone', gate);
const vetoes = ['negationScoped', 'modalScoped', 'doubtScoped'];
for (const name of vetoes) {
  const fired = xs.map((x, i) => gate[i] && (x[col(name)] as number) > 0);
  const negative = fired.filter((f, i) => f && !ys[i]).length;
  console.log(
    `veto ${name}: fires on ${fired.filter(Boolean).length} gated pairs, ${negative} of them not the same claim`,
  );
}
const vetoed = xs.map((x) => vetoes.some((name) => (x[col(name)] as number) > 0));
for (const t of [0.1, 0.15, 0.2, 0.3, 0.4, 0.5])
  report(
    `gate, no veto, cross-validated P >= ${t}`,
    gate.map((g, i) => g && !vetoed[i] && probs[i] >= t),
  );
const { weights } = fitLogistic(xs, ys, l2);
console.log('weights:');
for (const [j, name] of CLAIM_FEATURES.entries())
  console.log(`  ${name}: ${(weights[j] as number).toFixed(4)},`);
