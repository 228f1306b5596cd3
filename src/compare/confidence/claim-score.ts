// The one place confidence reads the same-claim model (facts/claims.ts): the probability that two units
// state one claim, with the aligner's own shortcut — units with the same content keys ("No one was
// killed." / "Nobody was killed.") are one claim whatever the model says.
import type { AnnotatedArticle } from '../../model/article.js';
import type { StoryContext } from '../context.js';
import type { Alignment } from '../facts/align.js';
import { SAME_KEYS_SCORE } from '../facts/align.js';
import { judgeClaim } from '../facts/claims.js';
import type { Unit } from '../text/units.js';

export interface ClaimScore {
  probability: number;
  /** Why the pair is not one claim whatever the probability (negation, doubt, modality), or null. */
  veto: string | null;
}

export function claimScore(ctx: StoryContext, alignment: Alignment, a: Unit, b: Unit): ClaimScore {
  if (alignment.similarity(a, b) >= SAME_KEYS_SCORE) return { probability: 1, veto: null };
  const textOf = (u: Unit) => (ctx.articles[u.article] as AnnotatedArticle).text;
  // The decision's score: the larger of the whole sentences' probability and their best clause pair's, so
  // two sentences the aligner joined on one shared clause are as sure as that clause.
  const { score, veto } = judgeClaim(a, b, textOf);
  return { probability: score, veto };
}

/** Units by their span, to find the units behind a report's evidence ("article id:start:end"). */
export function unitIndex(alignment: Alignment): Map<string, Unit> {
  return new Map(alignment.units.map((u) => [spanKey(u.articleId, u.start, u.end), u]));
}

export const spanKey = (article: string, start: number, end: number) => `${article}:${start}:${end}`;
