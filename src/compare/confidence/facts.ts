// Confidence of facts: a shared fact is as sure as its weakest link — the unit whose best same-claim
// score with any other unit of the fact is lowest holds the fact together least ("will attend the summit"
// joined to "is expected at the summit" at 0.2 while two outlets agree word for word). An exclusive fact is
// less sure when another outlet has a sentence close to it that the aligner kept apart: it may be the same
// report in other words.
import type { Fact } from '../../model/report.js';
import type { StoryContext } from '../context.js';
import { alignStory, MIN_SHARED_KEYS, PAIR_THRESHOLD } from '../facts/align.js';
import { MANY_ARTICLES } from '../facts/index.js';
import type { Unit } from '../text/units.js';
import { claimScore, spanKey, unitIndex } from './claim-score.js';
import { confidence } from './scale.js';

/** Other units a unit is compared with, at most: a 100-outlet fact would cost 10,000 model calls. */
export const MAX_LINKS_PER_UNIT = 8;

/**
 * Share of shared facts judged one claim on the blind check, by the weakest link's same-claim score: the
 * score a fact gets in a story of fewer than MANY_ARTICLES articles. Measured 2026-12-06 on the merged code
 * (facts built around a core claim) with `node dist/eval/blind-reports.js --out /tmp/blind-m`, matched to
 * eval/blind/judged-merged6.json by span (96 judged shared facts of the 17 stories under 8 articles):
 * weakest link ≥ 0.9: 28 of 29; 0.7–0.9: 30 of 33; 0.5–0.7: 14 of 22; 0.3–0.5: 6 of 12; below 0.3: none
 * (kept at 0.2, 33 of 167 in the first measurement). The bins are in-sample: the same judgements.
 * A five-outlet fact of a small story whose weakest link is 0.68 was "low" (0.43) under the bins below, which
 * the three big stories dominated.
 */
export const WEAKEST_LINK_BINS: readonly { from: number; share: number }[] = [
  { from: 0.9, share: 0.96 },
  { from: 0.7, share: 0.9 },
  { from: 0.5, share: 0.64 },
  { from: 0.3, share: 0.5 },
  { from: 0, share: 0.2 },
];

/**
 * The same in a story of MANY_ARTICLES or more, where a fact below SHARED_CLAIM_LINK is shown as related
 * coverage. Measured before that tier existed, on judged-now.json (243 judged shared facts, the three
 * stories of 17–23 articles holding most): ≥ 0.9: 45 of 47; 0.7–0.9: 46 of 70; 0.5–0.7: 32 of 75; 0.3–0.5:
 * 17 of 49; below 0.3: 0 of 2 (kept at 0.2).
 */
export const WEAKEST_LINK_BINS_MANY: readonly { from: number; share: number }[] = [
  { from: 0.9, share: 0.96 },
  { from: 0.7, share: 0.66 },
  { from: 0.5, share: 0.43 },
  { from: 0.3, share: 0.35 },
  { from: 0, share: 0.2 },
];

/** An exclusive with a sentence in another outlet scoring this much may be the same report, reworded. */
export const NEAR_TWIN_PROBABILITY = 0.5;
/** Score of an exclusive fact with no near twin, and with one (no blind-check figure: exclusives are not judged). */
export const EXCLUSIVE_SCORE = 0.8;
export const EXCLUSIVE_WITH_TWIN_SCORE = 0.55;

export interface FactLinks {
  /** The weakest link's same-claim probability (1 for an exclusive fact). */
  weakest: number;
  outlets: number;
}

function binned(p: number, bins: readonly { from: number; share: number }[]): number {
  return (bins.find((b) => p >= b.from) ?? bins.at(-1))?.share ?? 0;
}

/** Confidence of every fact, and the weakest links behind them (discrepancies and the digest read them). */
export function factConfidences(ctx: StoryContext, facts: Fact[]): Map<string, FactLinks> {
  const alignment = alignStory(ctx);
  const index = unitIndex(alignment);
  const links = new Map<string, FactLinks>();
  for (const fact of facts) {
    const units = fact.evidence
      .map((e) => index.get(spanKey(e.article, e.start, e.end)))
      .filter((u): u is Unit => u !== undefined);
    const outlets = new Set(fact.articles.map((a) => ctx.byId.get(a)?.outlet ?? a)).size;
    if (fact.articles.length < 2 || units.length < 2) {
      const unit = units[0];
      const twin = unit ? nearTwin(ctx, unit) : null;
      fact.confidence =
        twin === null
          ? confidence(EXCLUSIVE_SCORE, 'only one outlet reports it; no close sentence elsewhere')
          : confidence(
              EXCLUSIVE_WITH_TWIN_SCORE,
              `only one outlet reports it, but another has a close sentence (same-claim score ${twin.toFixed(2)})`,
            );
      links.set(fact.id, { weakest: 1, outlets: 1 });
      continue;
    }
    let weakest = 1;
    for (const u of units) {
      let best = 0;
      for (const v of units.filter((x) => x !== u).slice(0, MAX_LINKS_PER_UNIT)) {
        const s = claimScore(ctx, alignment, u, v);
        if (s.veto === null) best = Math.max(best, s.probability);
      }
      weakest = Math.min(weakest, best);
    }
    links.set(fact.id, { weakest, outlets });
    fact.confidence = confidence(
      binned(weakest, ctx.articles.length >= MANY_ARTICLES ? WEAKEST_LINK_BINS_MANY : WEAKEST_LINK_BINS),
      `weakest same-claim link ${weakest.toFixed(2)} among ${units.length} sentences of ${outlets} ${outlets === 1 ? 'outlet' : 'outlets'}${fact.related ? '; shown as related coverage, not as a shared fact' : ''}`,
    );
  }
  return links;
}

/** The best same-claim score of a unit with a candidate sentence of another article, if it reaches the bar. */
function nearTwin(ctx: StoryContext, unit: Unit): number | null {
  const alignment = alignStory(ctx);
  let best: number | null = null;
  for (const p of alignment.neighbours[unit.index] ?? []) {
    const other = alignment.units[p.a === unit.index ? p.b : p.a];
    // Only pairs the aligner itself put to the model: the rest share too little to be one report.
    if (!other || other.article === unit.article || p.score < PAIR_THRESHOLD || p.shared < MIN_SHARED_KEYS)
      continue;
    const s = claimScore(ctx, alignment, unit, other);
    if (s.veto === null && s.probability >= NEAR_TWIN_PROBABILITY && (best === null || s.probability > best))
      best = s.probability;
  }
  return best;
}
