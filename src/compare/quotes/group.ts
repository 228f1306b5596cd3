// Clustering the story's quotes into utterances. Candidates come from an inverted index (content key →
// quotes holding it), so only quotes that share a word are ever compared. Quotes are then placed longest
// first: each joins the best existing group it matches — the group's leader (its longest quote) or a
// majority of the group's members — or starts its own. Leaders being the longest quotes makes partial
// quotes attach to the full version, and the leader-or-majority rule stops chaining: "We are going to sit
// down and calmly make an accord" may join the group led by "…We’ll come to an agreement quietly…", but a
// later "a deal could be made" that only resembles the "accord" member stays out.
import type { AnnotatedArticle, Quote } from '../../model/article.js';
import { differentOccasions, type Occasion, occasionOf } from '../../text/occasion.js';
import { contentStems, synonymKey } from '../../text/words.js';
import type { StoryContext } from '../context.js';

/** Fewest content keys two quotes must share to match. */
export const MIN_SHARED = 2;
/** Shared keys as a share of the SHORTER quote's keys, so a fragment inside a long quote scores high. */
export const MIN_OVERLAP = 0.5;
/** A joining quote that does not match the group's leader must match at least this share of its members. */
export const MAJORITY = 0.5;
/**
 * How many sentences apart two fragments of one article's printing may be. One: "…just “half an hour by
 * plane” from Kyiv." followed by "“We can sit down here, …,” Lukashenko stated." is one utterance split
 * over two sentences (another outlet prints both inside one quote).
 */
export const FRAGMENT_SENTENCE_WINDOW = 1;
/** Two quotes of one article sharing this share of the shorter's keys repeat each other, not fragments. */
export const DUPLICATE_OVERLAP = 0.5;
/**
 * A quote with at most this many content keys may join on a single shared key when a fragment in the
 * same sentence (same speaker) is in the group: "the best place for negotiations" … “main ally”.
 */
export const SHORT_FRAGMENT_KEYS = 2;
/**
 * The shared keys must also sit close together in the longer quote: within a run of this many content
 * words per key of the shorter quote (at least SPREAD_MIN_WINDOW). A 200-word speech excerpt holds
 * "talks" and "ready" somewhere; a two-word quote "ready for talks" only matches it where they meet.
 */
export const SPREAD_PER_KEY = 2;
export const SPREAD_MIN_WINDOW = 6;
/** Keys held by more quotes than this are too common to be evidence ("war" in a story about a war). */
export const MAX_POSTING = 200;
/**
 * With only MIN_SHARED keys in common, the shorter quote may have at most this many keys: two words make
 * “violate international refugee law” one utterance with “repeated violations of international
 * conventions” (a lawyer's words and a president's, half of the shorter's keys each); they still make
 * “ready for talks” one with “we are ready for talks at any time”.
 */
export const MAX_KEYS_FOR_TWO_SHARED = 3;

/**
 * Two quotes whose reports name different occasions (text/occasion.ts) are two utterances: by medium
 * ("tweeted" / "told reporters", "told a television programme" / "told reporters at the residence") unless
 * both print the very same words (the same content keys: one text, however each report places it); by
 * weekday only below this share of the shorter quote's keys found in the other, since an outlet may date a
 * remark by its own day. Invented pairs: “There is no new levy,” she told “Morning Report” / “There is no
 * new levy in this budget and no new tax,” she told reporters; “I trust our analysts, but the denial was
 * strong,” he said on Monday / “As I said, I trust our analysts,” he said on Tuesday.
 */
export const OCCASION_OVERLAP = 0.8;

/** Whether two quotes hold the same content keys. */
function sameKeys(a: QuoteRecord, b: QuoteRecord): boolean {
  return a.keys.size === b.keys.size && [...a.keys].every((k) => b.keys.has(k));
}

export interface QuoteRecord {
  index: number;
  article: AnnotatedArticle;
  /** Position of the article in the story, for output order. */
  articleOrder: number;
  quote: Quote;
  actor: string | null;
  /** Content keys after stemming and synonym mapping, in order (repeats kept). */
  sequence: string[];
  /** The same keys as a set. */
  keys: Set<string>;
  /** Keys of names, capitalised inside the quote ("Ann Roe", "Embassy"): what the story is about. */
  nameKeys: Set<string>;
  /** Index of the sentence holding the quote's start, -1 when unknown. */
  sentence: number;
  words: number;
  /** The occasion the report names around the quotation (its sentences, the quotation left out). */
  occasion: Occasion;
}

function sentenceIndex(article: AnnotatedArticle, offset: number): number {
  const sentences = article.sentences;
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (!s) break;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Capitalised words inside a quote, not opening it or a sentence of it: names of people, places and
 * bodies ("… that Ann Roe will be expelled", "… held in the Embassy").
 */
function namesIn(text: string): string[] {
  const names: string[] = [];
  const words = text.split(/\s+/).filter((w) => w !== '');
  for (let i = 1; i < words.length; i++) {
    const word = (words[i] as string).replace(/^[^\p{L}]+/u, '');
    if (/^\p{Lu}/u.test(word) && !/[.!?:]["”’]?$/.test(words[i - 1] as string)) names.push(word);
  }
  return names;
}

/** The text of the sentences holding a quotation, the quotation blanked out: where a report says who, when, how. */
function aroundQuote(article: AnnotatedArticle, quote: Quote): string {
  const first = article.sentences[sentenceIndex(article, quote.start)];
  const last = article.sentences[sentenceIndex(article, Math.max(quote.start, quote.end - 1))];
  const start = Math.min(first?.start ?? quote.start, quote.start);
  const end = Math.max(last?.end ?? quote.end, quote.end);
  return `${article.text.slice(start, quote.start)} … ${article.text.slice(quote.end, end)}`;
}

export function collectQuotes(ctx: StoryContext): QuoteRecord[] {
  const records: QuoteRecord[] = [];
  ctx.articles.forEach((article, articleOrder) => {
    for (const quote of article.quotes) {
      // A scare quote ("the so-called “reform”") is the writer's word, no one's utterance: it forms no
      // quote group.
      if (quote.kind === 'scare') continue;
      const sequence = contentStems(quote.text).map(synonymKey);
      const nameKeys = new Set(contentStems(namesIn(quote.text).join(' ')).map(synonymKey));
      records.push({
        index: records.length,
        article,
        articleOrder,
        quote,
        actor: quote.speaker ? ctx.actorOf(article.id, quote.speaker) : null,
        sequence,
        keys: new Set(sequence),
        nameKeys,
        sentence: sentenceIndex(article, quote.start),
        occasion: occasionOf(aroundQuote(article, quote)),
        words: quote.text.split(/\s+/).filter((w) => w !== '').length,
      });
    }
  });
  return records;
}

/** Shared-key counts of every pair of quotes with at least one key in common, from an inverted index. */
export function sharedCounts(records: readonly QuoteRecord[]): Map<number, Map<number, number>> {
  const postings = new Map<string, number[]>();
  for (const r of records) {
    for (const key of r.keys) {
      const list = postings.get(key);
      if (list) list.push(r.index);
      else postings.set(key, [r.index]);
    }
  }
  const shared = new Map<number, Map<number, number>>();
  const bump = (a: number, b: number) => {
    const row = shared.get(a) ?? new Map<number, number>();
    if (row.size === 0) shared.set(a, row);
    row.set(b, (row.get(b) ?? 0) + 1);
  };
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > MAX_POSTING) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x] as number;
        const b = list[y] as number;
        bump(a, b);
        bump(b, a);
      }
    }
  }
  return shared;
}

/** Most distinct keys of `short` found within one window of `long`'s content words. */
export function closeShared(short: QuoteRecord, long: QuoteRecord): number {
  const window = Math.max(SPREAD_MIN_WINDOW, SPREAD_PER_KEY * short.keys.size);
  const seq = long.sequence;
  const inWindow = new Map<string, number>();
  let best = 0;
  for (let i = 0; i < seq.length; i++) {
    const enter = seq[i] as string;
    if (short.keys.has(enter)) inWindow.set(enter, (inWindow.get(enter) ?? 0) + 1);
    const leave = seq[i - window];
    if (leave !== undefined && short.keys.has(leave)) {
      const n = (inWindow.get(leave) ?? 0) - 1;
      if (n > 0) inWindow.set(leave, n);
      else inWindow.delete(leave);
    }
    if (inWindow.size > best) best = inWindow.size;
  }
  return best;
}

/**
 * Whether two quotes sharing only two keys can still be one utterance (the MAX_KEYS_FOR_TWO_SHARED
 * allowance). Two words are little evidence, and one speaker's different remarks share a story's phrases:
 * - the words must come in the same order: a label “soft targets,” does not print the remark “those targets
 *   were never soft”;
 * - a short quote of two sentences must meet the other in each: “This is not a tax. There is no new levy,”
 *   against “There is no new levy in this budget.” shares one sentence only — two answers of one
 *   interview joined in one outlet's quotation marks, the other outlet quoting another occasion.
 */
export function twoKeysOneUtterance(a: QuoteRecord, b: QuoteRecord): boolean {
  const shared = [...a.keys].filter((k) => b.keys.has(k));
  const rank = (r: QuoteRecord) =>
    shared
      .map((k, i) => [r.sequence.indexOf(k), i] as const)
      .sort((x, y) => x[0] - y[0])
      .map(([, i]) => i)
      .join(',');
  if (rank(a) !== rank(b)) return false;
  for (const [r, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const sentences = r.quote.text.split(/(?<=[.!?])["”’]?\s+(?=["“‘]?\p{Lu})/u);
    // Only a short quote is asked: a long speech excerpt holds a partial quote in one of its sentences.
    if (sentences.length < 2 || r.keys.size > MAX_KEYS_FOR_TWO_SHARED) continue;
    const apart = sentences.some((part) => {
      const keys = contentStems(part).map(synonymKey);
      return keys.length > 0 && !keys.some((k) => other.keys.has(k));
    });
    if (apart) return false;
  }
  return true;
}

function compatibleActors(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

/** The quotes' indexes grouped into utterances, each group's leader (longest quote) first. */
export function clusterQuotes(records: readonly QuoteRecord[]): number[][] {
  const shared = sharedCounts(records);
  const sharedOf = (a: number, b: number) => shared.get(a)?.get(b) ?? 0;
  const rec = (i: number) => records[i] as QuoteRecord;
  const overlap = (a: number, b: number) => {
    const smaller = Math.min(rec(a).keys.size, rec(b).keys.size);
    return smaller === 0 ? 0 : sharedOf(a, b) / smaller;
  };
  const matchCache = new Map<number, boolean>();
  const matches = (a: number, b: number) => {
    const count = sharedOf(a, b);
    if (count < MIN_SHARED || overlap(a, b) < MIN_OVERLAP) return false;
    const shorter = Math.min(rec(a).keys.size, rec(b).keys.size);
    if (count === MIN_SHARED && shorter > MAX_KEYS_FOR_TWO_SHARED) return false;
    if (count === MIN_SHARED && !twoKeysOneUtterance(rec(a), rec(b))) return false;
    const occasions = differentOccasions(rec(a).occasion, rec(b).occasion);
    if (occasions === 'medium' && !sameKeys(rec(a), rec(b))) return false;
    if (occasions === 'day' && overlap(a, b) < OCCASION_OVERLAP) return false;
    // Names alone are no evidence: in a story about Ann Roe, “… that Ann Roe will be expelled” and “Ann
    // Roe is holding the Embassy hostage” share her name and no word of what was said.
    if (
      ![...rec(a).keys].some((k) => rec(b).keys.has(k) && !rec(a).nameKeys.has(k) && !rec(b).nameKeys.has(k))
    )
      return false;
    const id = Math.min(a, b) * records.length + Math.max(a, b);
    let ok = matchCache.get(id);
    if (ok === undefined) {
      const [short, long] = rec(a).keys.size <= rec(b).keys.size ? [rec(a), rec(b)] : [rec(b), rec(a)];
      const close = closeShared(short, long);
      ok = close >= MIN_SHARED && close / short.keys.size >= MIN_OVERLAP;
      matchCache.set(id, ok);
    }
    return ok;
  };

  const groups: number[][] = [];
  const groupOf = new Int32Array(records.length).fill(-1);
  const groupActor: (string | null)[] = [];

  /** Whether `q` may sit in `group` beside the members printed by its own article. */
  const fragmentsFit = (q: number, group: readonly number[], window: number) => {
    const a = rec(q);
    for (const m of group) {
      const b = rec(m);
      if (b.article !== a.article) continue;
      if (a.sentence < 0 || b.sentence < 0 || Math.abs(a.sentence - b.sentence) > window) return false;
      if (a.quote.start < b.quote.end && b.quote.start < a.quote.end) return false;
      if (overlap(q, m) >= DUPLICATE_OVERLAP) return false;
    }
    return true;
  };

  const place = (q: number, g: number) => {
    (groups[g] as number[]).push(q);
    groupOf[q] = g;
    groupActor[g] ??= rec(q).actor;
  };

  // Longest first (most content keys, then most words), so groups are led by full versions.
  const order = records
    .map((r) => r.index)
    .sort((x, y) => {
      const a = rec(x);
      const b = rec(y);
      return (
        b.keys.size - a.keys.size ||
        b.words - a.words ||
        a.articleOrder - b.articleOrder ||
        a.quote.start - b.quote.start
      );
    });

  for (const q of order) {
    const self = rec(q);
    let best = -1;
    let bestScore = -1;
    let bestShared = -1;
    const seen = new Set<number>();
    for (const [other] of shared.get(q) ?? []) {
      const g = groupOf[other] as number;
      if (g < 0 || seen.has(g)) continue;
      seen.add(g);
      const group = groups[g] as number[];
      if (!compatibleActors(groupActor[g] ?? null, self.actor)) continue;
      if (!fragmentsFit(q, group, FRAGMENT_SENTENCE_WINDOW)) continue;
      const others = group.filter((m) => rec(m).article !== self.article);
      if (others.length === 0) continue;
      const matched = others.filter((m) => matches(q, m));
      const leader = group[0] as number;
      const joins = matches(q, leader) || matched.length >= Math.max(1, MAJORITY * others.length);
      if (!joins) continue;
      // Prefer the group holding the closest printing: best overlap, then most shared words.
      let score = 0;
      let count = 0;
      for (const m of matched) {
        const o = overlap(q, m);
        const s = sharedOf(q, m);
        if (o > score || (o === score && s > count)) {
          score = o;
          count = s;
        }
      }
      if (score > bestScore || (score === bestScore && count > bestShared)) {
        best = g;
        bestScore = score;
        bestShared = count;
      }
    }
    if (best >= 0) place(q, best);
    else {
      groups.push([]);
      groupActor.push(null);
      place(q, groups.length - 1);
    }
  }

  // Short fragments that share one word with the group: “main ally” sits in the sentence whose other
  // fragment, "the best place for negotiations", joined Peskov's group, and another outlet's printing of
  // that utterance has "ally". One word is too little evidence on its own, so the same sentence and the
  // same (known) speaker are required too.
  const byArticle = new Map<AnnotatedArticle, number[]>();
  for (const r of records) {
    const list = byArticle.get(r.article);
    if (list) list.push(r.index);
    else byArticle.set(r.article, [r.index]);
  }
  for (const q of order) {
    const self = rec(q);
    const g0 = groupOf[q] as number;
    if ((groups[g0] as number[]).length > 1) continue;
    if (self.keys.size === 0 || self.keys.size > SHORT_FRAGMENT_KEYS || self.actor === null) continue;
    for (const s of byArticle.get(self.article) ?? []) {
      const sibling = rec(s);
      if (s === q || sibling.sentence !== self.sentence) continue;
      if (self.sentence < 0 || sibling.actor !== self.actor) continue;
      const g = groupOf[sibling.index] as number;
      const group = groups[g] as number[];
      if (g === g0 || groupActor[g] !== self.actor) continue;
      const supported = group.some((m) => rec(m).article !== self.article && sharedOf(q, m) >= 1);
      if (!supported || !fragmentsFit(q, group, 0)) continue;
      (groups[g0] as number[]).length = 0;
      place(q, g);
      break;
    }
  }
  return groups.filter((g) => g.length > 0);
}
