// Facts: sentences aligned across articles (see align.ts), each with its evidence in every article that
// reports it, and the discrepancies between those reports (numbers, dates, attributions).
import type { AnnotatedArticle } from '../../model/article.js';
import type { Discrepancy, EvidenceSpan, Fact } from '../../model/report.js';
import { danglingStart } from '../../text/sentence-openers.js';
import type { StoryContext } from '../context.js';
import type { Unit } from '../text/units.js';
import { type Alignment, alignStory, type Cluster, SAME_KEYS_SCORE } from './align.js';
import { factDiscrepancies } from './discrepancies.js';

/** An exclusive (one-article) fact needs at least this many words: "No one was killed." stays, "Read also" goes. */
export const MIN_EXCLUSIVE_WORDS = 3;
/**
 * In a story of at least MANY_ARTICLES articles, a fact of two or more articles is shown as a SHARED fact
 * only when each of its sentences states the claim of another at least SHARED_CLAIM_LINK surely (the
 * weakest link: for each sentence its best same-claim score with another of the fact, the lowest of
 * those); below it the fact is shown as RELATED COVERAGE (Fact.related) — the outlets write about one
 * point, but the report does not claim they say the same thing.
 *
 * Why only in stories of many articles: the pair model is fitted on sentence pairs drawn from one news
 * cluster (MRPC), where two in three candidate pairs state one claim. In a story of twenty articles most
 * candidate pairs share a person and a few words but say different things ("Ann Ross is considered the
 * front-runner" / "Ann Ross sailed to a win"; two statements of one senator), so the same probability
 * means much less there. Measured on the 20 blind-check stories (eval/blind, facts5 run, judged by
 * RULES.md): with no such bar, shared facts one claim 61 of 130 in the three stories of 17–23 articles,
 * 79 of 98 in the stories of 2–6 articles. The bar is where the report's confidence turns "high"
 * (confidence/facts.ts WEAKEST_LINK_BINS_MANY, calibrated earlier on judged-now.json: weakest link ≥ 0.9, 45
 * of 47 one claim), not a value searched for on this check.
 */
export const MANY_ARTICLES = 8;
export const SHARED_CLAIM_LINK = 0.9;

/**
 * A unit this much inside quotation marks is a quote, not a reported fact, unless another outlet has it too.
 * Printed by several outlets it stays a fact (they all report that it was said; MRPC dev drops 0.723 →
 * 0.711 without them), but it comes after the reported facts: the sentences of one quoted post came apart
 * into several "facts" that headed a fresh nine-outlet matrix as its most shared.
 */
export const QUOTE_ONLY_SHARE = 0.8;

/** Whether every unit of the cluster is quotation. */
function quoteOnly(cluster: Cluster): boolean {
  return cluster.units.every((u) => u.quoteShare >= QUOTE_ONLY_SHARE);
}

interface FactWithUnits {
  fact: Fact;
  units: Unit[];
}

/** A question ends the unit: "Will the inquiry go on?" asks, it reports nothing (closing quote marks allowed). */
const QUESTION_END = /\?\s*["'”’)]*\s*$/u;

/**
 * Whether a unit states something: three words or more ("WOW!" and "Thanks!" do not) and no question. An
 * embedded post printed without quotation marks by four outlets made "WOW!" and "Will the inquiry go on?"
 * the most shared facts of a fresh nine-outlet story.
 */
function states(ctx: StoryContext, unit: Unit): boolean {
  if (unit.words < MIN_EXCLUSIVE_WORDS) return false;
  const article = ctx.articles[unit.article] as AnnotatedArticle;
  return !QUESTION_END.test(article.text.slice(unit.start, unit.end));
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
  // A lone unit must state something on its own and not be a bare quote; a shared one needs one outlet's
  // unit that states something.
  const kept = alignment.clusters.filter((c) =>
    c.units.length > 1
      ? c.units.some((u) => states(ctx, u))
      : states(ctx, c.units[0] as Unit) && (c.units[0] as Unit).quoteShare < QUOTE_ONLY_SHARE,
  );
  // Worked out once per cluster, not in every comparison (a 400-article story has thousands of clusters).
  const quotation = new Set(kept.filter(quoteOnly));
  const ordered = kept.sort(
    (x, y) =>
      Number(quotation.has(x)) - Number(quotation.has(y)) ||
      y.units.length - x.units.length ||
      firstPlace(x) - firstPlace(y) ||
      firstOrder(x) - firstOrder(y),
  );
  return ordered.map((cluster, i) => {
    const central = centralUnit(cluster, alignment.similarity, (u) =>
      danglingStart(evidenceOf(ctx, u).text.trim()),
    );
    const evidence = cluster.units.map((u) => evidenceOf(ctx, u));
    const related =
      ctx.articles.length >= MANY_ARTICLES &&
      cluster.units.length > 1 &&
      weakestLink(cluster, alignment) < SHARED_CLAIM_LINK;
    const detailed = extraDetailArticles(cluster);
    return {
      fact: {
        id: `f${i + 1}`,
        text: (evidence[cluster.units.indexOf(central)] as EvidenceSpan).text.trim(),
        articles: cluster.units.map((u) => u.articleId),
        evidence,
        exclusive: cluster.units.length === 1,
        ...(related ? { related: true } : {}),
        ...(detailed.length > 0 ? { extraDetail: detailed } : {}),
      },
      units: cluster.units,
    };
  });
}

/**
 * The weakest link of a fact: for each sentence, its best same-claim score with another sentence of the
 * fact (a vetoed pair counts 0, the very same words 1); the lowest of those. The same measure as the
 * fact's confidence (confidence/facts.ts), over every pair rather than at most 8 per sentence.
 */
export function weakestLink(cluster: Cluster, alignment: Alignment): number {
  const best = cluster.units.map(() => 0);
  for (const p of cluster.claimPairs) {
    const a = cluster.units[p.i] as Unit;
    const b = cluster.units[p.j] as Unit;
    const score = p.vetoed ? 0 : alignment.similarity(a, b) >= SAME_KEYS_SCORE ? 1 : p.score;
    best[p.i] = Math.max(best[p.i] as number, score);
    best[p.j] = Math.max(best[p.j] as number, score);
  }
  return Math.min(...best);
}

/**
 * The articles of a fact whose sentence states its claim with extra detail: next to another sentence of
 * the fact that it is one claim with, it says more (facts/claims.ts PLAIN_PROBABILITY: it meets that one
 * only through one of its clauses, or holds a clause that one lacks) — "The firm's shares rose 4 percent,
 * after it reported a record profit and raised its dividend" next to "The firm's shares rose 4 percent".
 * Partial overlap is one fact with more said by one outlet, not two unrelated facts; MRPC, which labels
 * such pairs as different content, is scored on it (eval/mrpc.ts).
 */
export function extraDetailArticles(cluster: Cluster): string[] {
  const adds = new Set<number>();
  for (const p of cluster.claimPairs) {
    if (!p.same) continue;
    if (p.detail.a) adds.add(p.i);
    if (p.detail.b) adds.add(p.j);
  }
  return cluster.units.flatMap((u, i) => (adds.has(i) ? [u.articleId] : []));
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
function centralUnit(
  cluster: Cluster,
  similarity: (a: Unit, b: Unit) => number,
  dangling: (u: Unit) => boolean,
): Unit {
  let best = cluster.units[0] as Unit;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const u of cluster.units) {
    let sum = 0;
    for (const v of cluster.units) if (v !== u) sum += similarity(u, v);
    // The sentence a fact is shown by must stand alone: "He said that 29 people were taken to hospital"
    // headed a fact of four outlets whose other sentences name the speaker. Such a sentence is chosen
    // only when every sentence of the fact opens so.
    // Ties (two units) go to the one with less quotation, then the earlier article.
    const score = sum - u.quoteShare * 1e-3 - (dangling(u) ? cluster.units.length : 0);
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
  const discrepancies: Discrepancy[] = [];
  for (const f of facts) {
    const found = factDiscrepancies(ctx, f.fact, f.units);
    // Two counts of one event ("injured 14" / "sent 12 to hospital") are joined on purpose, below the
    // model's bar, so that the reader sees the conflict: such a fact stays shared, with its discrepancy.
    if (f.fact.related && found.some((d) => d.kind === 'number' || d.kind === 'date')) delete f.fact.related;
    discrepancies.push(...found);
  }
  return { facts: facts.map((f) => f.fact), discrepancies };
}
