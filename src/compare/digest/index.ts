// Digest: a short neutral account of the story, every sentence taken verbatim from an article and citing
// every article that reports the same fact. The best-corroborated facts come first; each fact offers the
// sentence of its evidence that reads best on its own: no negative label ("Belarusian dictator …"), no
// quotation if avoidable, no dangling "He said …", not a fragment or a wall of text.
import type { AnnotatedArticle } from '../../model/article.js';
import type { DigestSentence, EvidenceSpan, Fact } from '../../model/report.js';
import { weekdaysNamed } from '../../text/calendar-words.js';
import { authorVoice } from '../../text/opinion.js';
import { danglingStart } from '../../text/sentence-openers.js';
import { datelineEnd, tokenizeSpan, wordCount } from '../../text/words.js';
import { spanKey, unitIndex } from '../confidence/claim-score.js';
import type { StoryContext } from '../context.js';
import { type Alignment, alignStory, SAME_KEYS_SCORE } from '../facts/align.js';
import { judgeClaim } from '../facts/claims.js';
import { SHARED_CLAIM_LINK } from '../facts/index.js';
import type { Unit } from '../text/units.js';
import {
  backReference,
  comparedSubject,
  continuesQuotation,
  definiteLeadIn,
  definiteReference,
  definiteSpeaker,
  definiteSubject,
  demonstrativeReference,
  notDigestMaterial,
  resolvedIn,
  sentencePointers,
  surnamesAlone,
} from './material.js';

/** How many sentences the digest aims for. */
export const MIN_SENTENCES = 5;
export const MAX_SENTENCES = 8;
/** Sentence length limits, in words. */
export const MIN_WORDS = 8;
export const MAX_WORDS = 60;
/** Length that reads best; candidates lose a little for every word away from it. */
export const IDEAL_WORDS = 25;
/** Two digest sentences sharing this share of their content words say the same thing twice. */
export const REDUNDANT_OVERLAP = 0.5;

// A speech tag with a bare pronoun at the end: "Most of the injuries were fractures …, she said."
const DANGLING_TAG = /[,”"]\s+(?:he|she|they)\s+(?:said|added|says|told \w+)\.$/i;
// …or inside it, with no one speaking before it: "Two earlier plans reached a council vote, he argued on Monday, and …".
const PRONOUN_SPEAKER =
  /,\s+(?:he|she|they)\s+(?:said|says|added|argued|argues|told|wrote|noted|insisted)\b/i;
const SPEECH_BEFORE = /\b(?:said|says|told|added|argued|argues|wrote|noted|insisted|according to)\b/i;

/** A pronoun speaker whose sentence names no one speaking before the tag. */
export function pronounSpeaker(text: string): boolean {
  const m = PRONOUN_SPEAKER.exec(text);
  return m !== null && !SPEECH_BEFORE.test(text.slice(0, m.index));
}
/** A sentence more than this share inside quotation marks is someone's words, not the digest's. */
const MAX_QUOTE_SHARE = 0.5;
// A digest sentence cites another article of its fact only when that article's own sentence states the
// same claim as the sentence taken, by the aligner's own pair decision (facts/claims.ts: the claim model at
// its threshold, with its vetoes and count conflicts), not merely by being in the fact: a fact is joined
// pair by pair, so it may hold "The council approved the budget.", "The council voted 7-2 on the budget."
// and "The vote was the closest in years.", and the first does not say what the third does. On the blind
// check a fact's weakest link below 0.5 was correctly cited 18 times in 43 (confidence/digest.ts).
/** Candidates per fact whose citations are worked out: the best-reading few, not every outlet's sentence. */
const CITE_CANDIDATES = 3;

interface Candidate {
  fact: Fact;
  span: EvidenceSpan;
  /** The articles the sentence cites: its own, and those whose sentence of the fact states its claim. */
  cites: string[];
  score: number;
  /** Whether the sentence quotes anyone. */
  quotes: boolean;
  keys: Set<string>;
  /** Mean relative position of the fact's evidence in its articles (0 = lead). */
  position: number;
  /** Surnames the sentence uses alone that its article introduced earlier by a fuller name ("Doe said …"). */
  surnames: string[];
  /** Nouns of mid-sentence "the X" that point back into its article ("… of the convoy …"): material.ts sentencePointers. */
  definites: string[];
}

function overlaps(spans: readonly { start: number; end: number }[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && s.end > start);
}

/** The article sentence holding [start, end) — a fact's evidence may be a clause of a longer sentence. */
function sentenceOf(article: AnnotatedArticle, start: number, end: number): { start: number; end: number } {
  const s = article.sentences.find((x) => x.start <= start && x.end >= end);
  return s ?? { start, end };
}

function quoted(article: AnnotatedArticle, start: number, end: number): { share: number; any: boolean } {
  let inside = 0;
  for (const q of article.quotes) {
    const a = Math.max(start, q.start);
    const b = Math.min(end, q.end);
    if (b > a) inside += b - a;
  }
  const text = article.text.slice(start, end);
  return { share: inside / Math.max(end - start, 1), any: inside > 0 || /["“”]/.test(text) };
}

/**
 * Quotation marks or parentheses that open and never close (or the reverse): a piece of a longer quote, or
 * a sentence cut inside an abbreviation ("Y.) to object to the request …" after "(R-N.").
 */
function unbalancedQuotes(text: string): boolean {
  const open = text.match(/“/g)?.length ?? 0;
  const close = text.match(/”/g)?.length ?? 0;
  const straight = text.match(/"/g)?.length ?? 0;
  const parens = (text.match(/\(/g)?.length ?? 0) - (text.match(/\)/g)?.length ?? 0);
  return open !== close || straight % 2 === 1 || parens !== 0;
}

/** The text of the sentence's paragraph before it. */
function paragraphBefore(article: AnnotatedArticle, start: number): string {
  const paragraph = article.paragraphs.find((p) => p.start <= start && p.end > start);
  return article.text.slice(paragraph?.start ?? start, start);
}

function contentKeys(text: string): Set<string> {
  return new Set(
    tokenizeSpan(text, 0, text.length)
      .map((t) => t.key)
      .filter(Boolean),
  );
}

// A dateline with the wire or network tag and no dash: "Springfield, Illinois (XYZ) The mayor said …". The
// dashed forms ("CITY (AP) — …") are text/words.ts datelineEnd's; a party tag ("(R-Ohio)") has a hyphen and
// is not a network.
const TAGGED_DATELINE =
  /^\p{Lu}[\p{L}.'’ ]{1,30}(?:,\s*\p{Lu}[\p{L}.'’ ]{1,30})?\s\((?:\p{Lu}[\p{Lu}&.]{1,9}|Reuters|Bloomberg)\)\s+(?=\p{Lu})/u;

/** Where the sentence starts after a dateline with a network tag, or `start` when there is none. */
export function taggedDatelineEnd(text: string, start: number): number {
  const m = TAGGED_DATELINE.exec(text.slice(start, start + 90));
  return m ? start + m[0].length : start;
}

/**
 * People the sentence [start, end) names by one word only ("… have endorsed Kestrel."), whom the article
 * introduced earlier by a fuller mention ("Rep. Jack Kestrel"): the annotator's person entities, so a place
 * or an institution is never taken for a surname.
 */
export function peopleBySurname(article: AnnotatedArticle, start: number, end: number): string[] {
  const out: string[] = [];
  for (const e of article.entities) {
    if (e.kind !== 'person') continue;
    const inside = e.mentions.filter((m) => m.start >= start && m.end <= end);
    if (inside.length === 0 || inside.some((m) => /\s/.test(m.text.trim()))) continue;
    const fuller = e.mentions.some((m) => m.end <= start && /\s/.test(m.text.trim()));
    const word = inside[0]?.text.trim().replace(/['’]s$/, '');
    if (fuller && word && /^\p{Lu}[\p{L}'’-]+$/u.test(word)) out.push(word);
  }
  return out;
}

/**
 * A pronoun in the sentence [start, end) that the annotator resolved to a person the sentence does not name
 * before it ("The Chamber has run ads on his behalf."): alone in the digest, "his" is nobody. Pronouns
 * inside quotations are the speaker's and are left alone.
 */
export function pronounBeforeName(article: AnnotatedArticle, start: number, end: number): boolean {
  const quoted = (at: number) => article.quotes.some((q) => q.start <= at && q.end > at);
  return article.entities.some((e) =>
    (e.references ?? []).some(
      (r) =>
        r.via === 'pronoun' &&
        r.start >= start &&
        r.end <= end &&
        !quoted(r.start) &&
        !e.mentions.some((m) => m.start >= start && m.start < r.start),
    ),
  );
}

/** The evidence sentence of one article that reads best on its own, or null if none may be used. */
function candidateFor(
  ctx: StoryContext,
  evidence: EvidenceSpan,
  strict: boolean,
  opinion: ReadonlySet<string>,
): { span: EvidenceSpan; score: number; quotes: boolean; surnames: string[]; definites: string[] } | null {
  const article = ctx.byId.get(evidence.article);
  // An opinion piece's sentence would give the digest its author's voice.
  if (!article || opinion.has(article.id)) return null;
  const sentence = sentenceOf(article, evidence.start, evidence.end);
  const start = taggedDatelineEnd(article.text, datelineEnd(article.text, sentence.start, sentence.end));
  let end = sentence.end;
  while (end > start && /\s/.test(article.text.charAt(end - 1))) end--;
  const text = article.text.slice(start, end);
  if (overlaps(ctx.negativeSpans(article.id), start, end)) return null;
  const headings = article.paragraphs.filter((p) => p.kind === 'heading');
  if (overlaps(headings, start, end)) return null;
  const words = wordCount(text);
  if (words < MIN_WORDS || words > MAX_WORDS) return null;
  if (!/^[\p{Lu}\d"“]/u.test(text) || !/[.!?]["”’]?$/.test(text)) return null;
  if (unbalancedQuotes(text) || continuesQuotation(paragraphBefore(article, start))) return null;
  const inside = article.quotes
    .filter((x) => x.start < end && x.end > start)
    .map((x) => ({ start: Math.max(x.start, start) - start, end: Math.min(x.end, end) - start }));
  const voice = authorVoice(text, inside);
  if (notDigestMaterial(text, voice) !== null) return null;
  const q = quoted(article, start, end);
  // A pronoun or connective with nothing before it never stands, even as the lead ("He then added: …").
  if (danglingStart(text) || DANGLING_TAG.test(text) || pronounSpeaker(text)) return null;
  if (pronounBeforeName(article, start, end)) return null;
  // "…, sued them over the delay": "them" is whoever the article's sentence before named.
  const pointers = sentencePointers(voice, article.text.slice(0, start));
  if (pointers.unplacedPlural) return null;
  if (strict && q.share > MAX_QUOTE_SHARE) return null;
  const score = -(q.any ? 0.5 : 0) - q.share - Math.abs(words - IDEAL_WORDS) / 100;
  const surnames = [
    ...new Set([
      ...surnamesAlone(text, article.text.slice(0, start)),
      ...peopleBySurname(article, start, end),
    ]),
  ];
  return {
    span: { article: article.id, start, end, text },
    score,
    quotes: q.any,
    surnames,
    definites: pointers.definites,
  };
}

function best(
  ctx: StoryContext,
  fact: Fact,
  strict: boolean,
  opinion: ReadonlySet<string>,
  position = positionOf(ctx, fact),
): Candidate | null {
  const found: {
    evidence: EvidenceSpan;
    span: EvidenceSpan;
    score: number;
    quotes: boolean;
    surnames: string[];
    definites: string[];
  }[] = [];
  for (const e of fact.evidence) {
    const c = candidateFor(ctx, e, strict, opinion);
    if (c) found.push({ evidence: e, ...c });
  }
  found.sort((a, b) => b.score - a.score);
  // Of the best-reading few, the one whose claim the most outlets state: it can cite them all.
  let chosen: Candidate | null = null;
  for (const c of found.slice(0, CITE_CANDIDATES)) {
    const cites = citing(ctx, fact, c.evidence, opinion);
    if (chosen && cites.length <= chosen.cites.length) continue;
    chosen = {
      fact,
      span: c.span,
      score: c.score,
      quotes: c.quotes,
      cites,
      keys: new Set(),
      position,
      surnames: c.surnames,
      definites: c.definites,
    };
  }
  if (chosen) chosen.keys = contentKeys(chosen.span.text);
  return chosen;
}

const unitsByContext = new WeakMap<StoryContext, { alignment: Alignment; bySpan: Map<string, Unit> }>();

function unitsOf(ctx: StoryContext): { alignment: Alignment; bySpan: Map<string, Unit> } {
  let found = unitsByContext.get(ctx);
  if (!found) {
    const alignment = alignStory(ctx);
    found = { alignment, bySpan: unitIndex(alignment) };
    unitsByContext.set(ctx, found);
  }
  return found;
}

/**
 * The articles of the fact a sentence taken from `taken` may cite, in the fact's order: its own, and each
 * other (not opinion) article whose evidence states the same claim.
 */
export function citing(
  ctx: StoryContext,
  fact: Fact,
  taken: EvidenceSpan,
  opinion: ReadonlySet<string> = new Set(),
): string[] {
  const { alignment, bySpan } = unitsOf(ctx);
  const own = bySpan.get(spanKey(taken.article, taken.start, taken.end));
  const textOf = (u: Unit) => (ctx.articles[u.article] as AnnotatedArticle).text;
  return fact.articles.filter((id, i) => {
    if (id === taken.article) return true;
    if (opinion.has(id) || !own) return false;
    const e = fact.evidence[i];
    const other = e ? bySpan.get(spanKey(e.article, e.start, e.end)) : undefined;
    if (!other) return false;
    // Someone's words and the outlet's own report are different statements even about one matter: "“We
    // will win,” she said." does not corroborate "The party won the seat." (nor the reverse).
    if (own.quoteShare > MAX_QUOTE_SHARE !== other.quoteShare > MAX_QUOTE_SHARE) return false;
    if (otherDays(textOf(own).slice(own.start, own.end), textOf(other).slice(other.start, other.end)))
      return false;
    const said = sharedSaid(ctx, own, other);
    if (said.shared < MIN_CITE_SAID || said.shared < MIN_CITE_SHARE * said.fewer) return false;
    if (alignment.similarity(own, other) >= SAME_KEYS_SCORE) return true;
    const claim = judgeClaim(own, other, textOf);
    // A fact shown as related coverage (facts/index.ts: a big story, a weak link) asserts no shared claim:
    // a sentence of it cites another outlet only at the bar a shared fact's links meet.
    return claim.same && (!fact.related || claim.score >= SHARED_CLAIM_LINK);
  });
}

/**
 * Both sentences name a weekday and none the same: "Counties must certify their results by Tuesday." does
 * not say what "With a Friday deadline for counties to certify their results, …" says, however many words
 * they share. The same day twice, or a day in one only ("The court ruled on Monday." / "The court ruled."),
 * cites. (The fact may still hold both: the day is then the discrepancy check's to show.)
 */
export function otherDays(a: string, b: string): boolean {
  const da = weekdaysNamed(a);
  const db = weekdaysNamed(b);
  return da.size > 0 && db.size > 0 && ![...da].some((d) => db.has(d));
}

/**
 * A cited sentence shares at least this many words with the sentence taken beyond the names of actors: a
 * short sentence made of the same names ("Both parties are coalitions.", "The judge is a favourite.") can
 * score high against a long one that holds them, yet it says nothing the long one says.
 */
export const MIN_CITE_SAID = 2;
/**
 * …and at least this share of the words the shorter of the two says: two sentences of one claim say mostly
 * the same, while a long sentence about a race and another about one of its candidates share a few words
 * ("primary", "seat", "Tuesday") and little else. On MRPC train (3,668 pairs; content words outside stop words
 * and capitalised words, /tmp script), 0.35 keeps 95.0 % of the same-claim pairs and drops 19.5 % of the
 * others (0.3: 96.7 % / 14.0 %; 0.4: 94.3 % / 21.7 %; 0.5: 91.0 % / 30.5 %). 0.4 loses the example story's
 * three accounts of the collapse ("gave way … sending 12 people to hospitals" / "The collapse injured 14 people
 * when a section … dropped"), which share little beyond the event.
 */
export const MIN_CITE_SHARE = 0.35;

/**
 * Content words two units share outside actor names and the phrases describing them: what both say about
 * the actors, not who they are. "Ann Ross, a pediatric surgeon, won the primary." and "Ann Ross, a
 * pediatric surgeon, is running as an outsider." share a name and her description, and nothing said.
 */
function sharedSaid(ctx: StoryContext, a: Unit, b: Unit): { shared: number; fewer: number } {
  const said = (u: Unit) => {
    const article = ctx.articles[u.article] as AnnotatedArticle;
    const described = article.entities.flatMap((e) => e.descriptors);
    const outside = (t: { start: number; end: number }) =>
      !u.actorMentions.some((m) => t.start < m.end && t.end > m.start) &&
      !described.some((d) => t.start < d.end && t.end > d.start);
    return new Set(u.tokens.filter((t) => t.key && outside(t)).map((t) => t.key));
  };
  const sa = said(a);
  const sb = said(b);
  let n = 0;
  for (const k of sa) if (sb.has(k)) n++;
  return { shared: n, fewer: Math.min(sa.size, sb.size) };
}

/** Mean relative position of the fact's evidence (0 = first sentence of the article, 1 = last). */
function positionOf(ctx: StoryContext, fact: Fact): number {
  let sum = 0;
  for (const e of fact.evidence) {
    const article = ctx.byId.get(e.article);
    sum += article ? e.start / Math.max(article.text.length, 1) : 1;
  }
  return sum / Math.max(fact.evidence.length, 1);
}

function redundant(c: Candidate, chosen: readonly Candidate[]): boolean {
  return chosen.some((x) => {
    if (x.fact.id === c.fact.id) return true;
    let shared = 0;
    for (const k of c.keys) if (x.keys.has(k)) shared++;
    return shared / Math.max(Math.min(c.keys.size, x.keys.size), 1) >= REDUNDANT_OVERLAP;
  });
}

function byCorroboration(a: { fact: Fact; position: number }, b: { fact: Fact; position: number }): number {
  return b.fact.articles.length - a.fact.articles.length || a.position - b.position;
}

/** Chosen sentences: the most outlets stating the sentence's own claim first, then by where they stand. */
function byCitations(a: Candidate, b: Candidate): number {
  return b.cites.length - a.cites.length || a.position - b.position;
}

/**
 * Whether a sentence's references find what they point at in the digest before it or the story's title:
 * a back-referring subject ("The new projection …"), a "this/these X" anywhere in the outlet's voice
 * ("after this ruling"), a definite common-noun subject ("The policy was …": which policy?).
 */
function stands(c: Candidate, earlier: readonly Candidate[], title: string, ctx: StoryContext): boolean {
  const text = c.span.text;
  // The title is often the story's best sentence, which the digest may take too: it does not resolve itself.
  const before = [sameSentence(title, text) ? '' : title, ...earlier.map((x) => x.span.text)];
  for (const noun of [
    backReference(text),
    demonstrativeReference(authorVoice(text)),
    definiteReference(authorVoice(text)),
    definiteSpeaker(authorVoice(text)),
    definiteSubject(text),
    definiteLeadIn(text),
    comparedSubject(text),
  ])
    if (noun !== null && !resolvedIn(noun, before)) return false;
  if (!c.definites.every((noun) => resolvedIn(noun, before))) return false;
  return c.surnames.every((name) => named(name, before) || widelyNamed(ctx, name));
}

/** Whether the title is the sentence itself, whole or cut ("The heart of the plan is …"). */
function sameSentence(title: string, text: string): boolean {
  const t = title.replace(/…$/, '').trim();
  return t.length > 0 && (text.includes(t) || t.includes(text.trim()));
}

/** Whether a surname is printed in one of the sentences (as a word, capitalised). */
function named(surname: string, sentences: readonly string[]): boolean {
  const word = new RegExp(`\\b${surname}\\b`, 'u');
  return sentences.some((s) => word.test(s));
}

/**
 * A surname more than half of a story of three or more articles print in their headline or lead (the first
 * two sentences): the story is about that person, and a reader of its digest knows whom "Doe" means. A
 * candidate that three of twenty articles mention is not known that way, nor is one of five victims whom
 * every article lists further down ("Doe was a sales assistant." passed when any mention counted); in a
 * story of two articles every name of a shared fact is in both, so it says nothing.
 */
export function widelyNamed(ctx: StoryContext, surname: string): boolean {
  if (ctx.articles.length < 3) return false;
  let known = namedByContext.get(ctx);
  if (!known) {
    known = new Map();
    namedByContext.set(ctx, known);
  }
  let wide = known.get(surname);
  if (wide === undefined) {
    // Counted once per story and name: stands() asks again for every candidate and every digest order.
    const word = new RegExp(`\\b${surname}\\b`, 'u');
    wide =
      ctx.articles.filter((a) => word.test(a.title ?? '') || word.test(lead(a))).length * 2 >
      ctx.articles.length;
    known.set(surname, wide);
  }
  return wide;
}

const namedByContext = new WeakMap<StoryContext, Map<string, boolean>>();

/** An article's lead: its first two sentences. */
function lead(article: AnnotatedArticle): string {
  const end = article.sentences[1]?.end ?? article.sentences[0]?.end ?? 0;
  return article.text.slice(0, end);
}

/** The latest day's news is taken from the first this many sentences of that day's articles. */
export const LATEST_LEAD_SENTENCES = 3;

/** The day an article was published (YYYY-MM-DD), or null when it is not known. */
function dayOf(article: AnnotatedArticle | undefined): string | null {
  return article?.published ? article.published.slice(0, 10) : null;
}

/**
 * The latest day's news when the digest has none of it: the articles published on the story's last day, when
 * others came out earlier, may report what those could not yet ("The council approved the plan." while the
 * rest report calls for a vote). Two outlets reporting it the same day are as likely as one ("The candidate
 * ended her bid." in two reports of that Friday, the rest from the week before). Its best sentence — of the
 * facts only that day's articles report, the most widely reported first, then the earliest in its article —
 * not redundant and standing alone; null when the digest already holds one of those facts, or every article
 * is of one day.
 */
function latestDevelopment(
  ctx: StoryContext,
  facts: readonly Fact[],
  chosen: readonly Candidate[],
  opinion: ReadonlySet<string>,
  title: string,
): Candidate | null {
  const days = ctx.articles
    .filter((a) => !opinion.has(a.id))
    .map((a) => ({ id: a.id, day: dayOf(a) }))
    .filter((a): a is { id: string; day: string } => a.day !== null);
  const last = days.reduce<string | null>((m, a) => (m === null || a.day > m ? a.day : m), null);
  if (last === null || days.every((a) => a.day === last)) return null;
  const newest = new Set(days.filter((a) => a.day === last).map((a) => a.id));
  // News of that day only: facts no earlier article reports. That day's articles retell the week too, and a
  // digest citing them for the week's news still lacks theirs.
  const own = facts
    .filter((fact) => fact.articles.every((id) => newest.has(id)))
    .map((fact) => ({
      fact,
      at: Math.min(
        ...fact.evidence.map((e) => e.start / Math.max(ctx.byId.get(e.article)?.text.length ?? 1, 1)),
      ),
    }))
    .sort((x, y) => y.fact.articles.length - x.fact.articles.length || x.at - y.at);
  if (chosen.some((c) => own.some((x) => x.fact === c.fact))) return null;
  // A report puts its news in its lead; what comes further down an article that only one day has is as
  // likely an aside or the author's comment ("The other county isn't much better.") as the development.
  const inLead = (fact: Fact) =>
    fact.evidence.some((e) => {
      const article = ctx.byId.get(e.article);
      const leadEnd = article?.sentences[LATEST_LEAD_SENTENCES - 1]?.end ?? article?.text.length ?? 0;
      return newest.has(e.article) && e.start < leadEnd;
    });
  for (const { fact } of own.filter((x) => inLead(x.fact))) {
    const c = best(ctx, fact, true, opinion);
    // Not held to the word-overlap test of redundancy: the day's news is told in the week's words ("The
    // council approved the plan." after "The council delayed a vote on the plan."), and the aligner has
    // already judged it another claim.
    if (c && stands(c, chosen, title, ctx)) return c;
  }
  return null;
}

/**
 * The day a digest sentence's news was first reported: the earliest publication day of the articles it
 * cites ('' when none is known, which sorts first).
 */
function firstReported(ctx: StoryContext, c: Candidate): string {
  const days = c.cites.map((id) => dayOf(ctx.byId.get(id))).filter((d): d is string => d !== null);
  return days.sort()[0] ?? '';
}

/**
 * Whether the articles the digest may draw on come from one outlet while the story has others, all left out
 * as opinion or argument. The digest then has no second account to check a sentence against, and the
 * account left is likely of the same kind as the rest of its story: a column answered by a column, a
 * partisan post beside an editorial. An empty digest is better than one written in an author's voice.
 */
export function oneAccountLeft(ctx: StoryContext, opinion: ReadonlySet<string>): boolean {
  const outletOf = (a: AnnotatedArticle) => a.outlet ?? a.id;
  const all = new Set(ctx.articles.map(outletOf));
  const left = new Set(ctx.articles.filter((a) => !opinion.has(a.id)).map(outletOf));
  return all.size > 1 && left.size === 1;
}

/**
 * Why a story has no digest, for the reader: an empty section with no reason read as a fault. `opinion` is
 * the set the digest left out (marked opinion and text that leans to it).
 */
export function digestWithheld(ctx: StoryContext, opinion: ReadonlySet<string>): string {
  const reports = ctx.articles.filter((a) => !opinion.has(a.id));
  if (reports.length === 0)
    return 'Every article reads as opinion or argument, and the digest speaks only from reports.';
  if (oneAccountLeft(ctx, opinion)) {
    const outlet = reports[0]?.outlet ?? 'one outlet';
    return `Only the reporting of ${outlet} is left beside opinion and argument, and the digest needs a second account to check its sentences against.`;
  }
  return 'The reports share too little that reads on its own as a neutral account.';
}

/**
 * @param opinion ids of the story's opinion and analysis articles: their sentences never enter the digest
 *   and they are not cited for its facts.
 * @param title the story's title, shown above the digest: "the policy" stands when the title names it.
 */
export function buildDigest(
  ctx: StoryContext,
  facts: readonly Fact[],
  opinion: ReadonlySet<string> = new Set(),
  title = '',
): DigestSentence[] {
  if (oneAccountLeft(ctx, opinion)) return [];
  // Shared facts, most corroborated first, then by where the articles put them. Candidates are worked
  // out only as needed: a 400-article story has thousands of shared facts and the digest wants eight.
  const shared = facts
    .filter((f) => f.articles.length > 1)
    .map((fact) => ({ fact, position: positionOf(ctx, fact) }))
    .sort(byCorroboration);
  const memo = new Map<Fact, Candidate | null>();
  const strictOf = (x: { fact: Fact; position: number }) => {
    if (!memo.has(x.fact)) memo.set(x.fact, best(ctx, x.fact, true, opinion, x.position));
    return memo.get(x.fact) ?? null;
  };
  const chosen: Candidate[] = [];
  // The lead sentence is the best-corroborated fact whatever its wording (a quote if it must), so the
  // digest opens with what most outlets agree on.
  const top = shared.filter((x) => x.fact.articles.length === shared[0]?.fact.articles.length);
  const lead =
    top.map(strictOf).find((c) => c !== null && stands(c, [], title, ctx)) ??
    top
      .map((x) => best(ctx, x.fact, false, opinion, x.position))
      .find((c) => c !== null && stands(c, [], title, ctx));
  if (lead) chosen.push(lead);
  // Then level by level of corroboration, sentences without quotation before those with.
  for (const level of new Set(shared.map((x) => x.fact.articles.length))) {
    const inLevel = shared.filter((x) => x.fact.articles.length === level);
    for (const quoting of [false, true]) {
      for (const x of inLevel) {
        if (chosen.length >= MAX_SENTENCES) break;
        const c = strictOf(x);
        if (
          c &&
          c.quotes === quoting &&
          !chosen.includes(c) &&
          !redundant(c, chosen) &&
          stands(c, chosen, title, ctx)
        )
          chosen.push(c);
      }
    }
  }
  if (chosen.length < MIN_SENTENCES) {
    // Too few shared facts: add single-outlet facts, earliest in their article first, taking articles in
    // turn so no one outlet's account fills the digest.
    const queues = ctx.articles
      .map((a) =>
        facts
          .filter((f) => f.articles.length === 1 && f.articles[0] === a.id)
          .map((f) => best(ctx, f, true, opinion))
          .filter((c): c is Candidate => c !== null)
          .sort((x, y) => Number(x.quotes) - Number(y.quotes) || x.position - y.position),
      )
      .filter((q) => q.length > 0);
    while (chosen.length < MIN_SENTENCES && queues.some((q) => q.length > 0)) {
      for (const q of queues) {
        if (chosen.length >= MIN_SENTENCES) break;
        let next = q.shift();
        while (next && (redundant(next, chosen) || !stands(next, chosen, title, ctx))) next = q.shift();
        if (next) chosen.push(next);
      }
    }
  }
  const latest = latestDevelopment(ctx, facts, chosen, opinion, title);
  if (latest) {
    if (chosen.length >= MAX_SENTENCES) chosen.pop();
    chosen.push(latest);
  }
  const [first, ...rest] = chosen;
  // After the lead, a story told over several days reads in the order its news came out — calls for a vote
  // before the vote — and within a day, the most corroborated first. A story of one day keeps that order.
  const reported = new Map(rest.map((c) => [c, firstReported(ctx, c)]));
  const byTime = (a: Candidate, b: Candidate) => {
    const da = reported.get(a) ?? '';
    const db = reported.get(b) ?? '';
    return da < db ? -1 : da > db ? 1 : byCitations(a, b);
  };
  // Reordering may put a back-referring sentence before the one that held its antecedent: drop it then. The
  // order of time is kept only when it loses no more sentences than the order of corroboration.
  const standing = (order: Candidate[]) => {
    const kept: Candidate[] = [];
    for (const c of first ? [first, ...order] : []) if (stands(c, kept, title, ctx)) kept.push(c);
    return kept;
  };
  const inTime = standing([...rest].sort(byTime));
  const byCorroborationOrder = standing([...rest].sort(byCitations));
  const ordered = inTime.length >= byCorroborationOrder.length ? inTime : byCorroborationOrder;
  return ordered.map((c) => ({
    text: c.span.text,
    articles: c.cites,
    evidence: [c.span],
  }));
}
