// `node dist/eval/mrpc-detail.js [--split train] [--dump file.json]`: how the extra-detail rule decides
// MRPC's "same content". analyze() puts a pair into one fact and marks the outlets whose sentence adds
// detail (Fact.extraDetail); MRPC's "same" is a fact of both with no such outlet (eval/mrpc.ts). This
// script scores that rule next to the fact-only rule, and replays the detail measure from each pair's
// claim decision (facts/claims.ts: the words a side holds outside the clause that met, absent from the
// other side) at other minimum counts, with the calls by path (whole sentences, clauses, count rule).
// Tuning looks at train only; dev is for the final figure. --dump writes the per-pair measures (line
// numbers and numbers only, no text) for further replays.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyze } from '../src/api/analyze.js';
import { isFragment, MIN_SHARED_KEYS, PAIR_THRESHOLD, SAME_KEYS_SCORE } from '../src/compare/facts/align.js';
import {
  type ClauseGap,
  clauseGaps,
  judgeClaim,
  LARGE_DETAIL_SHARE,
  MIN_DETAIL_SHARE,
  MIN_DETAIL_WORDS,
  PLAIN_PROBABILITY,
  SAME_CLAIM_THRESHOLD,
} from '../src/compare/facts/claims.js';
import { storyContext } from '../src/compare/index.js';
import { buildSpace, cosine, type SparseVector } from '../src/compare/text/similarity.js';
import { buildUnits, type Unit } from '../src/compare/text/units.js';
import { annotateRecords } from './annotate.js';
import { binaryScores, type MrpcPair, mrpcSplit, readMrpc } from './mrpc-data.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const { values } = parseArgs({
  options: { split: { type: 'string', default: 'train' }, dump: { type: 'string', default: '' } },
});
const split = values.split === 'dev' ? 'dev' : 'train';

/** One pair as analyze() and the claim model saw it. */
export interface DetailSeen {
  line: number;
  gold: boolean;
  /** analyze(): a fact (not related coverage) holds both articles; and how many of them add detail. */
  joined: boolean;
  detailed: number;
  /** The best gated unit pair's decision: probabilities, path and detail words of each side. */
  probability: number;
  clauseProbability: number;
  path: 'same keys' | 'sentence' | 'clause' | 'count' | 'none';
  detailA: number;
  detailB: number;
  /** The best pair's decision found neither side adding detail. */
  plain: boolean;
  /** Word keys each whole sentence holds that the other lacks. */
  onlyA: number;
  onlyB: number;
  /** Word keys of each whole sentence. */
  wordsA: number;
  wordsB: number;
  /** Each side's clauses (all of them, the one that met included) against the other side. */
  gapsA: ClauseGap[];
  gapsB: ClauseGap[];
}

const records = (p: MrpcPair) => [
  { id: 'first', title: '', text: p.a, outlet: 'Outlet One' },
  { id: 'second', title: '', text: p.b, outlet: 'Outlet Two' },
];

function wordsOnly(x: Unit, y: Unit): number {
  let n = 0;
  for (const k of x.keys) if (k.startsWith('w:') && !y.keys.includes(k)) n++;
  return n;
}

async function seenOf(p: MrpcPair): Promise<DetailSeen> {
  const report = await analyze(records(p), { onRefusal: () => {}, now: new Date(0) });
  const facts = (report.stories[0]?.facts ?? []).filter(
    (f) => f.related !== true && new Set(f.evidence.map((e) => e.article)).size >= 2,
  );
  const seen: DetailSeen = {
    line: p.line,
    gold: p.same,
    joined: facts.length > 0,
    detailed: Math.min(...facts.map((f) => f.extraDetail?.length ?? 0), 2),
    probability: 0,
    clauseProbability: 0,
    path: 'none',
    detailA: 0,
    detailB: 0,
    plain: false,
    onlyA: 0,
    onlyB: 0,
    wordsA: 0,
    wordsB: 0,
    gapsA: [],
    gapsB: [],
  };
  const m = await annotateRecords(records(p));
  const first = m.get('first');
  const second = m.get('second');
  if (!first || !second) return seen;
  const { ctx } = storyContext([first, second]);
  const units = buildUnits(ctx, { splitClauses: true });
  const space = buildSpace(units, 2);
  const textOf = (u: Unit) => (ctx.articles[u.article] as { text: string }).text;
  let best = -1;
  for (const x of units)
    for (const y of units) {
      if (x.article !== 0 || y.article !== 1 || isFragment(x, textOf) || isFragment(y, textOf)) continue;
      const c = cosine(space, space.vectors[x.index] as SparseVector, space.vectors[y.index] as SparseVector);
      if (c.score < PAIR_THRESHOLD || (c.shared < MIN_SHARED_KEYS && c.score < SAME_KEYS_SCORE)) continue;
      const sameKeys = c.score >= SAME_KEYS_SCORE;
      const d = judgeClaim(x, y, textOf, { sameKeys });
      const rank = (d.same ? 2 : 0) + d.score;
      if (rank <= best) continue;
      best = rank;
      seen.probability = d.probability;
      seen.clauseProbability = d.clauseProbability;
      seen.path = !d.same
        ? 'none'
        : sameKeys
          ? 'same keys'
          : d.probability >= SAME_CLAIM_THRESHOLD
            ? 'sentence'
            : d.clauseProbability >= SAME_CLAIM_THRESHOLD
              ? 'clause'
              : 'count';
      seen.detailA = d.detailWords.a;
      seen.detailB = d.detailWords.b;
      seen.plain = d.same && !d.detail.a && !d.detail.b;
      seen.onlyA = wordsOnly(x, y);
      seen.onlyB = wordsOnly(y, x);
      seen.wordsA = x.keys.filter((k) => k.startsWith('w:')).length;
      seen.wordsB = y.keys.filter((k) => k.startsWith('w:')).length;
      seen.gapsA = clauseGaps(x, y, textOf(x));
      seen.gapsB = clauseGaps(y, x, textOf(y));
    }
  return seen;
}

const pairs = mrpcSplit(readMrpc(resolve(ROOT, '../shared/corpus/mrpc/train.tsv.gz')), split);
const seen: DetailSeen[] = [];
for (const p of pairs) seen.push(await seenOf(p));
if (values.dump) writeFileSync(values.dump, JSON.stringify(seen));
const gold = seen.map((s) => s.gold);
const line = (label: string, calls: boolean[]) => {
  const s = binaryScores(gold, calls);
  console.log(`${label}\t${s.accuracy.toFixed(3)}\t${s.f1.toFixed(3)}\t${s.positiveRate.toFixed(3)}`);
};
console.log(`MRPC ${split}: decision\taccuracy\tF1\tcalled same`);
line(
  'analyze(): a fact holds both',
  seen.map((s) => s.joined),
);
line(
  'analyze(): …and neither adds detail',
  seen.map((s) => s.joined && s.detailed === 0),
);
/** A side adds detail: a clause with at least k content words the other lacks, at least share s of its words. */
const adds = (gaps: readonly ClauseGap[], k: number, share: number) =>
  gaps.some((g) => g.words > 0 && g.absent >= k && g.absent >= share * g.words);
/** The largest mostly-new clause of a side (its new words), as facts/claims.ts detailWords reads it. */
const most = (gaps: readonly ClauseGap[], share: number) =>
  Math.max(0, ...gaps.filter((g) => g.words > 0 && g.absent >= share * g.words).map((g) => g.absent));
/**
 * The rule of facts/claims.ts at other settings: through clauses is detail; as wholes below `plain` a new
 * clause of k+ words, at any probability (when `large`) a new clause as long as the other sentence.
 */
const replay = (plain: number, k: number, share: number, large: boolean) =>
  seen.map((s) => {
    if (s.path === 'same keys' || s.path === 'count') return true;
    if (s.path !== 'sentence') return false;
    if (s.probability < plain && (adds(s.gapsA, k, share) || adds(s.gapsB, k, share))) return false;
    const big = (gaps: readonly ClauseGap[], otherWords: number) =>
      most(gaps, share) >= Math.max(k, LARGE_DETAIL_SHARE * otherWords);
    return !(large && (big(s.gapsA, s.wordsB) || big(s.gapsB, s.wordsA)));
  });
const agree = replay(PLAIN_PROBABILITY, MIN_DETAIL_WORDS, MIN_DETAIL_SHARE, true).filter(
  (x, i) => x === (seen[i]?.joined && seen[i]?.detailed === 0),
);
console.log(`replay agrees with analyze() on ${agree.length} of ${seen.length}`);
for (const large of [true, false])
  for (const plain of [0.4, 0.5, 0.55, 0.6, 0.65, 0.7])
    for (const k of [1, 2, 3])
      for (const share of [0.5, 0.7])
        line(
          `replay: detail below ${plain} at ${k}+ words, ${share}+ of a clause${large ? ', large clauses' : ''}`,
          replay(plain, k, share, large),
        );
console.log('path\tpairs\tshare gold same\tcalled plain\tshare gold same among plain');
for (const path of ['same keys', 'sentence', 'clause', 'count', 'none'] as const) {
  const on = seen.filter((s) => s.path === path);
  const plain = on.filter((s) => s.plain);
  const share = (xs: DetailSeen[]) =>
    (xs.length ? xs.filter((s) => s.gold).length / xs.length : 0).toFixed(3);
  console.log(`${path}\t${on.length}\t${share(on)}\t${plain.length}\t${share(plain)}`);
}
