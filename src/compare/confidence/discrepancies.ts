// Confidence of discrepancies: by kind, from the blind check's judgements where there are any
// (eval/blind/judged-final.json: spelling 4 of 4 genuine, wording 2 of 3, number 0 of 1, date 0 of 1,
// none of title or attribution), and by how the sides were matched — the same-claim score of the two
// sentences for a figure or a date, the merge of the actor for a spelling or a title, the speaker of the
// quote group for a wording.
import type { Actor, Discrepancy, Fact, QuoteGroup } from '../../model/report.js';
import type { StoryContext } from '../context.js';
import { alignStory } from '../facts/align.js';
import type { Unit } from '../text/units.js';
import { claimScore, spanKey, unitIndex } from './claim-score.js';
import { confidence } from './scale.js';

/** Base and ceiling of a figure or date conflict: one noun and anchor in common is evidence, not proof
 * ("12 people injured" / "14 people hurt" may count at two times); the sentences' same-claim score adds the
 * rest. The harbor-bridge pair (same-claim score 0.11) stays medium. */
const NUMBER_BASE = 0.5;
const DATE_BASE = 0.45;
const CLAIM_WEIGHT = 0.4;
const SPELLING_SCORE = 0.9;
/** A merge scored below this links the spellings' person by less than the names themselves. */
const WEAK_MERGE = 0.8;
const TITLE_CEILING = 0.6;
const WORDING_CEILING = 0.67;
const ATTRIBUTION_SCORE = 0.5;

export function discrepancyConfidences(
  ctx: StoryContext,
  discrepancies: readonly Discrepancy[],
  found: { actors: readonly Actor[]; quotes: readonly QuoteGroup[]; facts: readonly Fact[] },
): void {
  const actors = new Map(found.actors.map((a) => [a.id, a]));
  const groups = new Map(found.quotes.map((q) => [q.id, q]));
  let units: Map<string, Unit> | null = null;
  for (const d of discrepancies) {
    switch (d.kind) {
      case 'number':
      case 'date': {
        units ??= unitIndex(alignStory(ctx));
        const p = sidesClaimScore(ctx, d, units);
        const base = d.kind === 'number' ? NUMBER_BASE : DATE_BASE;
        d.confidence = confidence(
          base + CLAIM_WEIGHT * p,
          `${d.kind === 'number' ? 'figures for one count' : 'dates anchored to the same words'}; the sentences' same-claim score ${p.toFixed(2)}`,
        );
        break;
      }
      case 'spelling': {
        // A spelling variant always comes with a merge of two spellings; only a weaker link than that (a
        // bare surname, another kind of name) makes it less sure that the two names are one person.
        const merge = actors.get(d.subject)?.confidence;
        d.confidence =
          merge && merge.score < WEAK_MERGE
            ? confidence(merge.score, `a small in-word edit, but the actor's merge is ${merge.reason}`)
            : confidence(SPELLING_SCORE, 'a small in-word edit of one name between outlets');
        break;
      }
      case 'title': {
        const actor = actors.get(d.subject);
        const values = new Set(d.values.map((v) => v.value));
        const weakest = Math.min(
          ...(actor?.labels ?? []).filter((l) => values.has(l.text)).map((l) => l.confidence?.score ?? 1),
          actor?.confidence?.score ?? 1,
        );
        d.confidence = confidence(
          Math.min(TITLE_CEILING, weakest),
          'different offices, which may be of different times; no blind-check figure',
        );
        break;
      }
      case 'wording': {
        const speaker = groups.get(d.subject)?.confidence;
        d.confidence = confidence(
          Math.min(WORDING_CEILING, speaker?.score ?? WORDING_CEILING),
          `one utterance printed differently; speaker: ${speaker?.reason ?? 'unknown'}`,
        );
        break;
      }
      case 'attribution':
        d.confidence = confidence(
          ATTRIBUTION_SCORE,
          'different sources credited for one fact; no blind-check figure',
        );
        break;
    }
  }
}

/** The lowest same-claim score between evidence sentences of different articles (1 when none pair up). */
function sidesClaimScore(ctx: StoryContext, d: Discrepancy, units: ReadonlyMap<string, Unit>): number {
  const alignment = alignStory(ctx);
  const sides = (d.evidence ?? [])
    .map((e) => units.get(spanKey(e.article, e.start, e.end)))
    .filter((u): u is Unit => u !== undefined);
  let lowest = 1;
  for (const [i, a] of sides.entries())
    for (const b of sides.slice(i + 1))
      if (a.article !== b.article) lowest = Math.min(lowest, claimScore(ctx, alignment, a, b).probability);
  return lowest;
}
