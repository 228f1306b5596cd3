// Direct quotes and their speakers on PolNeAR, scored as the shared corpus's README defines it: a
// predicted quote matches a gold one when their lower-cased word sets have Jaccard ≥ 0.5 or when it lies
// inside the gold quote (a piece of a long quote); a matched quote's speaker is right when the gold key
// (see polnear-gold.ts) is among the words of the predicted speaker. Scare quotes (kind 'scare') count as
// detected quote spans like any other: PolNeAR's quote segments include quoted words inside a paraphrase,
// and a scare quote that matches an attributed gold quote is scored as having no speaker.
import type { AnnotatedArticle, Quote } from '../src/model/article.js';
import { annotateRecords } from './annotate.js';
import { type GoldQuote, goldQuotes, type PolnearArticle, type SourceType } from './polnear-gold.js';

export interface QuoteScores {
  articles: number;
  gold: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
  /** Speaker accuracy over matched gold quotes that have a source, overall and by source type. */
  speaker: { right: number; total: number; accuracy: number };
  byType: Record<SourceType, { right: number; total: number; accuracy: number }>;
  /**
   * Speaker accuracy by how the speaker was found (Quote.speakerRoute, "speech-verb/name"; "none" when no
   * speaker was found): the figures the report's quote-speaker confidence is set from
   * (src/compare/confidence/speakers.ts).
   */
  byRoute: Record<string, { right: number; total: number; accuracy: number }>;
  /** The same by what found the speaker alone (SpeakerRoute.by, "speech-verb"; "none"): the group figure a
   * route measured on too few quotes takes (BY_ACCURACY in src/compare/confidence/speakers.ts). */
  byFinder: Record<string, { right: number; total: number; accuracy: number }>;
  /** A few wrong speakers, for reading: gold source, predicted speaker words, the quote's start. */
  misses: { article: string; source: string; predicted: string; quote: string }[];
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}

const squash = (text: string) =>
  text
    .replace(/[\s“”"«»]+/g, ' ')
    .trim()
    .toLowerCase();

function matches(pred: Quote, gold: GoldQuote): boolean {
  if (jaccard(wordSet(pred.text), wordSet(gold.text)) >= 0.5) return true;
  const inner = squash(pred.text);
  return inner.length > 0 && squash(gold.text).includes(inner);
}

/** The speaker's name and words as written, and the record the words are known through ("Lee said,
 * according to a pool report"): PolNeAR makes the outer record the source of such a nested attribution
 * (source "a pool report"), so naming it is naming the gold source. */
function speakerWords(article: AnnotatedArticle, quote: Quote): string {
  const entity = quote.speaker ? article.entities.find((e) => e.id === quote.speaker) : undefined;
  return [entity?.name, quote.speakerText, quote.via].filter(Boolean).join(' ');
}

/**
 * Whether a gold key is among the predicted speaker's words, both split the same way: the key
 * "garcia-lind" or "o’hare" was looked up whole in words split at hyphens and apostrophes, so
 * "Ines Garcia-Lind" never matched it.
 */
export function keyIn(key: string, saidWords: ReadonlySet<string>): boolean {
  const parts = wordSet(key);
  if (parts.size === 0) return false;
  for (const part of parts) if (!saidWords.has(part)) return false;
  return true;
}

/** "speech-verb/name", "continuation/pronoun", …; "none" for a quote with no speaker found. */
export function routeName(quote: Quote | undefined): string {
  const r = quote?.speakerRoute;
  return r ? `${r.by}/${r.form}` : 'none';
}

const ratio = (right: number, total: number) => (total ? right / total : 0);

export async function scoreQuotes(gold: readonly PolnearArticle[]): Promise<QuoteScores> {
  const annotated = await annotateRecords(
    gold.map((a) => {
      const newline = a.text.indexOf('\n');
      return {
        id: a.id,
        title: newline > 0 ? a.text.slice(0, newline).trim() : a.title,
        text: newline > 0 ? a.text.slice(newline + 1) : a.text,
        outlet: a.outlet,
        published: a.published,
      };
    }),
  );
  let goldCount = 0;
  let predicted = 0;
  let predictedMatched = 0;
  let goldMatched = 0;
  const speaker = { right: 0, total: 0, accuracy: 0 };
  const byType = Object.fromEntries(
    (['name', 'pronoun', 'description', 'organisation'] as const).map((t) => [
      t,
      { right: 0, total: 0, accuracy: 0 },
    ]),
  ) as QuoteScores['byType'];
  const misses: QuoteScores['misses'] = [];
  const byRoute: QuoteScores['byRoute'] = {};
  const byFinder: QuoteScores['byFinder'] = {};
  for (const article of gold) {
    const golds = goldQuotes(article);
    const result = annotated.get(article.id);
    const preds = result?.quotes ?? [];
    goldCount += golds.length;
    predicted += preds.length;
    for (const p of preds) if (golds.some((g) => matches(p, g))) predictedMatched++;
    for (const g of golds) {
      const hits = preds.filter((p) => matches(p, g));
      if (hits.length === 0) continue;
      goldMatched++;
      if (!g.key || !g.sourceType || !result) continue;
      const said = hits.map((p) => speakerWords(result, p)).join(' ');
      const saidWords = wordSet(said);
      const right = g.keys.some((k) => keyIn(k, saidWords));
      speaker.total++;
      byType[g.sourceType].total++;
      const route = routeName(hits[0]);
      byRoute[route] ??= { right: 0, total: 0, accuracy: 0 };
      byRoute[route].total++;
      const finder = hits[0]?.speakerRoute?.by ?? 'none';
      byFinder[finder] ??= { right: 0, total: 0, accuracy: 0 };
      byFinder[finder].total++;
      if (right) {
        speaker.right++;
        byType[g.sourceType].right++;
        byRoute[route].right++;
        byFinder[finder].right++;
      } else if (misses.length < 400)
        misses.push({
          article: article.id,
          source: g.source ?? '',
          predicted: said,
          quote: g.text.slice(0, 60),
        });
    }
  }
  speaker.accuracy = ratio(speaker.right, speaker.total);
  for (const t of [...Object.values(byType), ...Object.values(byRoute), ...Object.values(byFinder)])
    t.accuracy = ratio(t.right, t.total);
  const precision = ratio(predictedMatched, predicted);
  const recall = ratio(goldMatched, goldCount);
  return {
    articles: gold.length,
    gold: goldCount,
    predicted,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    speaker,
    byType,
    byRoute,
    byFinder,
    misses,
  };
}
