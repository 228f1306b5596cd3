// Facts: sentences aligned across articles (see align.ts), each with its evidence in every article that
// reports it, and the discrepancies between those reports (numbers, dates, attributions).
import type { AnnotatedArticle } from '../../model/article.js';
import type { Discrepancy, EvidenceSpan, Fact } from '../../model/report.js';
import { danglingStart } from '../../text/sentence-openers.js';
import type { StoryContext } from '../context.js';
import { CLAIM_FEATURES, claimFeatures } from '../text/claim-features.js';
import type { Unit } from '../text/units.js';
import { type Alignment, alignStory, type Cluster, SAME_KEYS_SCORE } from './align.js';
import { factDiscrepancies } from './discrepancies.js';

const BOTH_UNMATCHED = CLAIM_FEATURES.indexOf('numberBothUnmatched');

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
 * …or when at least CORROBORATING_OUTLETS outlets state it in a group of sentences held together by links of
 * at least CORROBORATED_LINK (strongCore; a link where each side gives a figure the other lacks does not count). The 0.9 bar was set before shared facts had to report one event
 * (text/predicates.ts, WordNet verb senses): with that rule, three outlets whose sentences each meet another
 * at 0.7 rarely share only a topic, while the central claim of a large story is told by many outlets in their
 * own words and seldom reaches 0.9 ("The minister dismissed the harbour chief late Friday" / "…was let go
 * Friday evening, a week before his pension was due"). Measured 2026-12-07 on the related coverage of the five
 * stories of 8–15 articles of a library of allsides 2018-03 (fct16's tuning library, never a blind-check
 * set; read by eval/blind/RULES.md by the fct17 helper, not recorded): weakest link 0.7–0.9 with 3+ outlets, 16 of 17
 * one claim; with 2 outlets, 14 of 20; 0.6–0.7 (any outlets), 12 of 21. So two outlets still need 0.9.
 */
export const CORROBORATED_LINK = 0.7;
export const CORROBORATING_OUTLETS = 3;

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
  /** The cluster shown as the fact (a part of the aligner's cluster when a large story split it). */
  cluster: Cluster;
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
  const keep = (c: Cluster) =>
    c.units.length > 1
      ? c.units.some((u) => states(ctx, u))
      : states(ctx, c.units[0] as Unit) && (c.units[0] as Unit).quoteShare < QUOTE_ONLY_SHARE;
  const kept = alignment.clusters.filter(keep);
  // In a story of many articles a fact is shared only at the bars above; else its best-linked sentences
  // may still be one (sharedCore), and the rest of it is related coverage.
  const tiered =
    ctx.articles.length >= MANY_ARTICLES
      ? kept.flatMap((c) => sharedTier(ctx, c, alignment).filter((t) => keep(t.cluster)))
      : kept.map((cluster) => ({ cluster, related: false }));
  // Worked out once per cluster, not in every comparison (a 400-article story has thousands of clusters).
  const quotation = new Set(tiered.filter((t) => quoteOnly(t.cluster)).map((t) => t.cluster));
  const ordered = tiered.sort(
    ({ cluster: x }, { cluster: y }) =>
      Number(quotation.has(x)) - Number(quotation.has(y)) ||
      y.units.length - x.units.length ||
      firstPlace(x) - firstPlace(y) ||
      firstOrder(x) - firstOrder(y),
  );
  return ordered.map(({ cluster, related }, i) => {
    const central = centralUnit(cluster, alignment.similarity, (u) =>
      danglingStart(evidenceOf(ctx, u).text.trim()),
    );
    const evidence = cluster.units.map((u) => evidenceOf(ctx, u));
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
      cluster,
    };
  });
}

/** The same-claim score a fact's link counts: a vetoed pair 0, the very same words 1, else the model's. */
function linkScore(p: Cluster['claimPairs'][number], cluster: Cluster, alignment: Alignment): number {
  if (p.vetoed) return 0;
  return alignment.similarity(cluster.units[p.i] as Unit, cluster.units[p.j] as Unit) >= SAME_KEYS_SCORE
    ? 1
    : p.score;
}

/** The cluster of some of a cluster's units (indices into its units), with their pairs re-indexed. */
function subCluster(cluster: Cluster, keep: readonly number[]): Cluster {
  const at = new Map(keep.map((k, n) => [k, n]));
  return {
    units: keep.map((k) => cluster.units[k] as Unit),
    claimPairs: cluster.claimPairs.flatMap((p) => {
      const i = at.get(p.i);
      const j = at.get(p.j);
      return i === undefined || j === undefined ? [] : [{ ...p, i, j }];
    }),
  };
}

/**
 * The largest group of a cluster's units (indices) held together by links of at least `bar`: the
 * connected part of the graph of such links with the most units (ties: the earliest), or none when no
 * link reaches the bar. Every member states the claim of another member at the bar, and two groups that
 * meet only through a weaker link are two claims: a speaker's remark printed by seven outlets and his post
 * the next day quoting part of it, printed by two, meet at 0.6 and are two facts, not one of nine.
 */
export function strongCore(
  cluster: Cluster,
  alignment: Alignment,
  bar: number,
  counts: (p: Cluster['claimPairs'][number]) => boolean = () => true,
): number[] {
  const parent = cluster.units.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (const p of cluster.claimPairs)
    if (counts(p) && linkScore(p, cluster, alignment) >= bar) parent[root(p.i)] = root(p.j);
  const parts = new Map<number, number[]>();
  cluster.units.forEach((_, i) => {
    const r = root(i);
    parts.set(r, [...(parts.get(r) ?? []), i]);
  });
  let best: number[] = [];
  for (const part of parts.values()) if (part.length > best.length) best = part;
  return best.length >= 2 ? best : [];
}

/**
 * How a fact of a story of many articles is shown. Shared when its weakest link reaches SHARED_CLAIM_LINK,
 * or when CORROBORATING_OUTLETS outlets link at CORROBORATED_LINK. Otherwise its best-linked sentences may
 * still be one claim: the largest group held together at either bar (strongCore) is shown as the shared fact,
 * and the sentences left out are tiered again (related coverage, another shared group, or an exclusive when
 * one is left). A ten-outlet fact with one
 * stray sentence ("The agency reviews the new letters" nine times and "The agency's head wrote to the council")
 * was wholly related coverage; now the nine are a shared fact and the stray one stands apart.
 */
function sharedTier(
  ctx: StoryContext,
  cluster: Cluster,
  alignment: Alignment,
): { cluster: Cluster; related: boolean }[] {
  if (cluster.units.length < 2 || weakestLink(cluster, alignment) >= SHARED_CLAIM_LINK)
    return [{ cluster, related: false }];
  const outlets = (c: Cluster) =>
    new Set(c.units.map((u) => (ctx.articles[u.article] as AnnotatedArticle).outlet ?? u.articleId)).size;
  const all = cluster.units.map((_, i) => i);
  let core: number[] | null = null;
  // Below the sure bar, two sentences each giving a figure the other lacks do not corroborate each other:
  // "The ferry to island 14 was delayed 6 hours" / "The ferry to island 12 was delayed 4 hours" are one
  // template about different ferries, and two polls of one race read alike too.
  const textOf = (u: Unit) => (ctx.articles[u.article] as AnnotatedArticle).text;
  const figuresAgree = (p: Cluster['claimPairs'][number]) =>
    claimFeatures(cluster.units[p.i] as Unit, cluster.units[p.j] as Unit, textOf)[BOTH_UNMATCHED] === 0;
  const corroborated = strongCore(cluster, alignment, CORROBORATED_LINK, figuresAgree);
  if (corroborated.length >= 2 && outlets(subCluster(cluster, corroborated)) >= CORROBORATING_OUTLETS)
    core = corroborated;
  else {
    const sure = strongCore(cluster, alignment, SHARED_CLAIM_LINK);
    if (sure.length >= 2) core = sure;
  }
  if (core === null) return [{ cluster, related: true }];
  if (core.length === cluster.units.length) return [{ cluster, related: false }];
  const inCore = new Set(core);
  const rest = subCluster(
    cluster,
    all.filter((i) => !inCore.has(i)),
  );
  // What is left may hold a claim of its own (the post quoting part of the remark, printed twice).
  return [{ cluster: subCluster(cluster, core), related: false }, ...sharedTier(ctx, rest, alignment)];
}

/**
 * The weakest link of a fact: for each sentence, its best same-claim score with another sentence of the
 * fact (a vetoed pair counts 0, the very same words 1); the lowest of those. The same measure as the
 * fact's confidence (confidence/facts.ts), over every pair rather than at most 8 per sentence.
 */
export function weakestLink(cluster: Cluster, alignment: Alignment): number {
  const best = cluster.units.map(() => 0);
  cluster.claimPairs.forEach((p) => {
    const score = linkScore(p, cluster, alignment);
    best[p.i] = Math.max(best[p.i] as number, score);
    best[p.j] = Math.max(best[p.j] as number, score);
  });
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
  const out = new Map<string, { score: number; same: boolean }[]>();
  for (const { fact, cluster } of storyFacts(ctx)) {
    out.set(
      fact.id,
      cluster.claimPairs.map(({ score, same }) => ({ score, same })),
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
