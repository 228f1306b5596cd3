// Facts: sentences aligned across articles (see align.ts), each with its evidence in every article that
// reports it, and the discrepancies between those reports (numbers, dates, attributions).
import type { AnnotatedArticle } from '../../model/article.js';
import type { Discrepancy, EvidenceSpan, Fact } from '../../model/report.js';
import type { StoryContext } from '../context.js';
import type { Unit } from '../text/units.js';
import { alignStory, type Cluster } from './align.js';
import { factDiscrepancies } from './discrepancies.js';

/** An exclusive (one-article) fact needs at least this many words: "No one was killed." stays, "Read also" goes. */
export const MIN_EXCLUSIVE_WORDS = 3;
/** A unit this much inside quotation marks is a quote, not a reported fact, unless another outlet has it too. */
export const QUOTE_ONLY_SHARE = 0.8;

interface FactWithUnits {
  fact: Fact;
  units: Unit[];
}

/** Whether a lone unit reports something: long enough, not a bare quote. */
function reportsAlone(unit: Unit): boolean {
  return unit.words >= MIN_EXCLUSIVE_WORDS && unit.quoteShare < QUOTE_ONLY_SHARE;
}

/** A unit as evidence: its exact span and text. */
export function evidenceOf(ctx: StoryContext, unit: Unit): EvidenceSpan {
  const article = ctx.articles[unit.article] as AnnotatedArticle;
  return {
    article: unit.articleId,
    start: unit.start,
    end: unit.end,
    text: article.text.slice(unit.start, unit.end),
  };
}

/** The facts with the units behind them (discrepancies read the units' tokens), ordered and numbered. */
function storyFacts(ctx: StoryContext): FactWithUnits[] {
  const alignment = alignStory(ctx);
  const kept = alignment.clusters.filter((c) => c.units.length > 1 || reportsAlone(c.units[0] as Unit));
  const ordered = kept.sort(
    (x, y) =>
      y.units.length - x.units.length || firstPlace(x) - firstPlace(y) || firstOrder(x) - firstOrder(y),
  );
  return ordered.map((cluster, i) => {
    const central = centralUnit(cluster, alignment.similarity);
    const evidence = cluster.units.map((u) => evidenceOf(ctx, u));
    return {
      fact: {
        id: `f${i + 1}`,
        text: (evidence[cluster.units.indexOf(central)] as EvidenceSpan).text.trim(),
        articles: cluster.units.map((u) => u.articleId),
        evidence,
        exclusive: cluster.units.length === 1,
      },
      units: cluster.units,
    };
  });
}

/** The first article (story order) reporting the fact. */
function firstPlace(c: Cluster): number {
  return (c.units[0] as Unit).article;
}

/** The fact's position in that article. */
function firstOrder(c: Cluster): number {
  return (c.units[0] as Unit).order;
}

/** The unit most similar to the rest: the wording the other outlets agree with most. */
function centralUnit(cluster: Cluster, similarity: (a: Unit, b: Unit) => number): Unit {
  let best = cluster.units[0] as Unit;
  let bestScore = -1;
  for (const u of cluster.units) {
    let sum = 0;
    for (const v of cluster.units) if (v !== u) sum += similarity(u, v);
    // Ties (two units) go to the one with less quotation, then the earlier article.
    const score = sum - u.quoteShare * 1e-3;
    if (score > bestScore + 1e-9) {
      best = u;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The same-claim judgement behind each fact, by fact id: every pair of its sentences with the claim
 * model's score (facts/claims.ts) and whether the pair passes on its own (a fact is joined pair by pair,
 * at least half of each merge's cross pairs one claim). For confidence: a fact whose pairs all pass with
 * high scores is surer than one held together by a single pair.
 */
export function factClaimScores(ctx: StoryContext): Map<string, { score: number; same: boolean }[]> {
  const alignment = alignStory(ctx);
  const out = new Map<string, { score: number; same: boolean }[]>();
  for (const { fact, units } of storyFacts(ctx)) {
    const cluster = alignment.clusters[alignment.clusterOf[(units[0] as Unit).index] as number];
    out.set(
      fact.id,
      (cluster?.claimPairs ?? []).map(({ score, same }) => ({ score, same })),
    );
  }
  return out;
}

export function alignFacts(ctx: StoryContext): { facts: Fact[]; discrepancies: Discrepancy[] } {
  const facts = storyFacts(ctx);
  return {
    facts: facts.map((f) => f.fact),
    discrepancies: facts.flatMap((f) => factDiscrepancies(ctx, f.fact, f.units)),
  };
}
