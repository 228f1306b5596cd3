// `node dist/eval/argument-fit.js`: fits the weights of src/compare/digest/argument.ts (ARGUMENT_WEIGHTS) and
// prints them with the dev figures quoted there. Every fourth allsides article of 150+ words with 8+
// sentences outside quotes, the blind-check stories left out; label: marked as opinion by text/opinion.ts
// opinionOf (address section, genre marker, outlet label). A class-balanced logistic regression on the
// z-scored signs, by gradient descent, fitted on the even rows and scored on the odd ones (AUC and the shares
// at or above each bar, marked / others), then the weights on the signs' own scale. Prints; writes nothing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ArgumentSigns, argumentSigns } from '../src/compare/digest/argument.js';
import { opinionOf } from '../src/text/opinion.js';
import { readAllsides } from './labels-corpus.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const KEYS = ['evaluative', 'attributed', 'quoted', 'persons', 'plural', 'questions', 'modals'] as const;

interface Row {
  y: number;
  signs: ArgumentSigns;
}

function rows(): Row[] {
  const stories = JSON.parse(readFileSync(resolve(ROOT, 'eval/blind/stories.json'), 'utf8')) as {
    stories: { articles: string[] }[];
  };
  const blind = new Set(stories.stories.flatMap((s) => s.articles));
  const out: Row[] = [];
  let i = 0;
  for (const a of readAllsides(resolve(ROOT, '../shared/corpus/allsides/articles.jsonl.gz'))) {
    if (blind.has(a.id) || i++ % 4 !== 0) continue;
    if ((a.text.match(/\p{L}+/gu)?.length ?? 0) < 150) continue;
    const signs = argumentSigns(a.text);
    if (signs.sentences < 8) continue;
    const record = a as unknown as Record<string, string | undefined>;
    const marked = opinionOf({
      url: record.url ?? null,
      title: record.title ?? null,
      outlet: record.outlet ?? null,
      text: a.text,
    });
    out.push({ y: marked ? 1 : 0, signs });
  }
  return out;
}

function main(): void {
  const data = rows();
  const x = data.map((r) => KEYS.map((k) => r.signs[k]));
  const mean = KEYS.map((_, j) => x.reduce((s, v) => s + (v[j] as number), 0) / x.length);
  const sd = KEYS.map(
    (_, j) =>
      Math.sqrt(x.reduce((s, v) => s + ((v[j] as number) - (mean[j] as number)) ** 2, 0) / x.length) || 1,
  );
  const z = x.map((v) => v.map((value, j) => (value - (mean[j] as number)) / (sd[j] as number)));
  const train = data.map((_, i) => i).filter((i) => i % 2 === 0);
  const dev = data.map((_, i) => i).filter((i) => i % 2 === 1);
  const positives = train.filter((i) => data[i]?.y === 1).length;
  const negatives = train.length - positives;
  let w = KEYS.map(() => 0);
  let b = 0;
  const zOf = (i: number) => z[i] as number[];
  const score = (i: number) =>
    1 / (1 + Math.exp(-(b + w.reduce((s, wj, j) => s + wj * (zOf(i)[j] as number), 0))));
  for (let step = 0; step < 3000; step++) {
    const gw = KEYS.map(() => 0);
    let gb = 0;
    for (const i of train) {
      const y = data[i]?.y ?? 0;
      const e = (score(i) - y) * (y ? 0.5 / positives : 0.5 / negatives);
      gb += e;
      for (let j = 0; j < KEYS.length; j++) gw[j] = (gw[j] as number) + e * (zOf(i)[j] as number);
    }
    b -= gb;
    w = w.map((wj, j) => wj - ((gw[j] as number) + 0.001 * wj));
  }
  const raw: Record<string, number> = {};
  KEYS.forEach((k, j) => {
    raw[k] = (w[j] as number) / (sd[j] as number);
  });
  raw.bias =
    b - KEYS.reduce((s, _, j) => s + ((w[j] as number) * (mean[j] as number)) / (sd[j] as number), 0);
  console.log('weights', JSON.stringify(raw));
  const marked = dev.filter((i) => data[i]?.y === 1).map(score);
  const others = dev.filter((i) => data[i]?.y === 0).map(score);
  const auc =
    marked.reduce((s, m) => s + others.filter((o) => o < m).length / others.length, 0) / marked.length;
  console.log(`dev: ${marked.length} marked, ${others.length} others, AUC ${auc.toFixed(3)}`);
  for (const bar of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9]) {
    const a = marked.filter((s) => s >= bar).length / marked.length;
    const o = others.filter((s) => s >= bar).length / others.length;
    console.log(
      `  ≥ ${bar}: ${(a * 100).toFixed(1)} % / ${(o * 100).toFixed(1)} % (Youden ${(a - o).toFixed(3)})`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
