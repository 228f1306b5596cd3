// The confidence scale every finding uses: a score in [0, 1] that reads as "how often a finding like this
// one is right" where a measurement exists (the figures are named where each score is set), a level from
// fixed cut-offs, and a reason a reader can check ("named subject of a speech verb", "linked by surname
// only"). Views mark low findings and may hide them; the cut-offs are the same everywhere.
import type { Confidence, ConfidenceLevel } from '../../model/report.js';

/** A finding at or above this score is high confidence. */
export const HIGH_CONFIDENCE = 0.75;
/** …at or above this, medium; below, low (marked uncertain in every view). */
export const MEDIUM_CONFIDENCE = 0.5;

export function levelOf(score: number): ConfidenceLevel {
  if (score >= HIGH_CONFIDENCE) return 'high';
  if (score >= MEDIUM_CONFIDENCE) return 'medium';
  return 'low';
}

/** A confidence from a score (clamped to [0, 1], two decimals) and its reason. */
export function confidence(score: number, reason: string): Confidence {
  const s = Math.round(Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0)) * 100) / 100;
  return { score: s, level: levelOf(s), reason };
}

/** Whether views should mark a finding as uncertain. */
export function isUncertain(c: Confidence | undefined): boolean {
  return c !== undefined && c.level === 'low';
}
