// `node dist/eval/opinion-fit.js [--l2 0.001] [--drop a,b]`: fits the text-only opinion model
// (OPINION_WEIGHTS in src/text/opinion.ts) on the TRAIN part of the allsides opinion set
// (eval/opinion-data.ts: articles published before 2019), never on dev. Prints each feature's mean for the
// marked and the unmarked articles, 5-fold cross-validated precision and recall at several probabilities,
// and the weights and means to paste.
import { parseArgs } from 'node:util';
import { OPINION_FEATURES } from '../src/text/opinion.js';
import { fitLogistic, predictLogistic } from './logistic.js';
import { opinionExamples } from './opinion-data.js';

const { values } = parseArgs({
  options: {
    l2: { type: 'string', default: '0.001' },
    folds: { type: 'string', default: '5' },
    drop: { type: 'string', default: '' },
  },
});
const l2 = Number(values.l2);
const folds = Number(values.folds);
const dropped = new Set(values.drop.split(',').filter(Boolean));
const started = Date.now();
const examples = opinionExamples('train').filter((e) => e.features !== null);
const xs = examples.map((e) =>
  OPINION_FEATURES.map((f) => (dropped.has(f) ? 0 : (e.features?.[f] as number))),
);
const ys = examples.map((e) => e.opinion);
const positives = ys.filter(Boolean).length;
console.log(
  `${examples.length} train articles with enough text, ${positives} marked opinion (${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
console.log('feature: mean marked / unmarked');
for (const [j, f] of OPINION_FEATURES.entries()) {
  const mean = (want: boolean) => {
    const col = xs.filter((_, i) => ys[i] === want).map((x) => x[j] as number);
    return col.reduce((s, v) => s + v, 0) / col.length;
  };
  console.log(`  ${f}: ${mean(true).toFixed(3)} / ${mean(false).toFixed(3)}`);
}

const probs = new Array<number>(xs.length).fill(0);
for (let f = 0; f < folds; f++) {
  const { weights } = fitLogistic(
    xs.filter((_, i) => i % folds !== f),
    ys.filter((_, i) => i % folds !== f),
    l2,
    1500,
  );
  xs.forEach((x, i) => {
    if (i % folds === f) probs[i] = predictLogistic(weights, x);
  });
}
console.log('cross-validated on train: probability → precision / recall / F1 (marked)');
for (const t of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
  const tp = probs.filter((p, i) => p >= t && ys[i]).length;
  const called = probs.filter((p) => p >= t).length;
  const precision = called ? tp / called : 0;
  const recall = tp / positives;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  console.log(`  ${t}: ${precision.toFixed(3)} / ${recall.toFixed(3)} / ${f1.toFixed(3)} (${called} called)`);
}
const { weights } = fitLogistic(xs, ys, l2, 1500);
console.log('means (all train articles; the reason a mark gives reads contributions against them):');
for (const [j, name] of OPINION_FEATURES.entries())
  if (j > 0)
    console.log(`  ${name}: ${(xs.reduce((t, x) => t + (x[j] as number), 0) / xs.length).toFixed(4)},`);
console.log('weights:');
for (const [j, name] of OPINION_FEATURES.entries())
  console.log(`  ${name}: ${(weights[j] as number).toFixed(4)},`);
