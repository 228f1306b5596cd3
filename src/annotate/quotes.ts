// Direct quotes and who said them. Quote spans come from quotation marks (curly, straight, guillemets);
// a paragraph that ends inside an open quote continues into the next paragraph when that one opens
// with a quote mark (the US convention for long quotes). The speaker is found in this order:
//  1. after the closing mark: “…,” Lukashenko said / “…,” said Peskov / “…,” he added
//  2. the nearest speech verb before the opening mark in the same sentence, and its subject:
//     "Lukashenko praised …, calling his efforts “a brilliant idea”" (a participle takes the sentence's
//     subject), "criticism calling it a “sham”" (a noun subject that is no person → no speaker)
//  3. the subject of the sentence ("He directly addressed Trump: “…”"), a possessive as a last resort
//  4. a quote in a heading takes the speaker of the body quote it repeats.
// Pronouns resolve to the last person who was the subject of a clause before them.
import type { Quote, Span } from '../model/article.js';
import type { ResolvedReference } from './descriptors.js';
import type { Gender, NameMention } from './entities/index.js';
import { isParticiple, isSpeechVerb } from './entities/speech-verbs.js';
import type { Token, TokenLayer } from './tokens.js';

/** Quoted names ("the Telegram channel “Pool Pervogo”") are at most this many words. */
const MAX_NAME_WORDS = 4;

const OPENERS: Record<string, string> = { '“': '”', '«': '»', '„': '“' };
const QUOTE_CHARS = /["“”«»„]/g;

interface Subject {
  /** Token index where the subject starts and one past its end. */
  firstToken: number;
  endToken: number;
  entity: string | null;
  text: string;
}

/** Find quotation spans (inner text, without the marks) over the whole article text. */
export function findQuoteSpans(text: string, paragraphs: readonly Span[]): Span[] {
  const spans: Span[] = [];
  let open: { at: number; closer: string } | null = null;
  /** Offset of the quote mark that re-opens a quote continued from the previous paragraph. */
  let reopening = -1;
  // Every quote mark, found in one pass: searching from each paragraph's start would run on to the next
  // mark, and in a text of thousands of paragraphs without one, to the end of the text every time.
  const marks = [...text.matchAll(QUOTE_CHARS)].map((m) => m.index ?? 0);
  let k = 0;
  for (const [pi, p] of paragraphs.entries()) {
    while (k < marks.length && (marks[k] ?? 0) < p.start) k++;
    for (; k < marks.length && (marks[k] ?? 0) < p.end; k++) {
      const i = marks[k] ?? 0;
      if (i === reopening) continue;
      const ch = text.charAt(i);
      if (open) {
        if (ch === open.closer) {
          spans.push({ start: open.at, end: i });
          open = null;
        }
        continue;
      }
      const closer = OPENERS[ch];
      if (closer) open = { at: i + 1, closer };
      else if (ch === '"' && opensStraight(text, i)) open = { at: i + 1, closer: '"' };
    }
    // An open quote runs on only if the next paragraph opens with a quote mark; otherwise it was a stray.
    const next = paragraphs[pi + 1];
    if (open && next && /^["“«„]/.test(text.charAt(next.start))) reopening = next.start;
    else open = null;
  }
  return spans
    .map(trimSpan(text))
    .filter((s) => s.end > s.start && !isQuotedName(text.slice(s.start, s.end)));
}

/** A straight quote opens when it follows a space or an opening bracket and precedes a word. */
function opensStraight(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : (text[i - 1] ?? ' ');
  const after = text[i + 1] ?? ' ';
  return /[\s([{—–-]/.test(before) || (i > 0 && /\S/.test(after) && !/[\p{L}\d]/u.test(before));
}

function trimSpan(text: string) {
  return (s: Span): Span => {
    let { start, end } = s;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    return { start, end };
  };
}

/** “Pool Pervogo,” — a quoted name, not someone's words: few words, all capitalised, no sentence. */
function isQuotedName(inner: string): boolean {
  const words = inner
    .replace(/[,.;:]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  return words.length > 1 && words.length <= MAX_NAME_WORDS && words.every((w) => /^\p{Lu}/u.test(w));
}

/** The speaker found for a quote; null = the words belong to no person ("critics calling it a “sham”");
 * undefined = nothing in the sentence says who spoke. */
type Attribution = Subject | null | undefined;

export function findQuotes(
  layer: TokenLayer,
  paragraphs: readonly (Span & { kind: string })[],
  mentions: readonly NameMention[],
  references: readonly ResolvedReference[],
  isPerson: (entity: string) => boolean,
  genderOf: (entity: string) => Gender,
): Quote[] {
  const spans = findQuoteSpans(layer.text, paragraphs);
  // Spans and paragraphs are in text order and do not overlap: every lookup is a binary search, so an
  // article with thousands of quote marks costs no more per quote than one with ten.
  const inQuote = (offset: number) => {
    const s = spans[lastAtOrBefore(spans, offset, (x) => x.start)];
    return s !== undefined && offset >= s.start && offset < s.end;
  };
  const subjects = collectSubjects(layer, mentions, references, isPerson, genderOf, inQuote);
  const tokenAt = tokenIndexer(layer);
  const paragraphOf = (offset: number) => {
    const i = lastAtOrBefore(paragraphs, offset, (p) => p.start);
    const p = paragraphs[i];
    return p && offset <= p.end ? i : -1;
  };
  const quotes: Quote[] = [];
  let previous: { paragraph: number; endParagraph: number; speaker: Subject | null } | null = null;
  for (const s of spans) {
    let speaker = attribute(layer, s, subjects, tokenAt, inQuote);
    const paragraph = paragraphOf(s.start);
    // US convention: “A,” Harlan said. “B.” — a later quote in the same paragraph, or a paragraph that
    // opens with a quote right after an attributed one, keeps the speaker until someone else is named.
    if (
      speaker === undefined &&
      previous &&
      (previous.endParagraph === paragraph || previous.endParagraph === paragraph - 1)
    ) {
      const opensParagraph = paragraphs[paragraph] && s.start <= (paragraphs[paragraph]?.start ?? 0) + 1;
      if (previous.endParagraph === paragraph || opensParagraph) speaker = previous.speaker;
    }
    quotes.push({
      start: s.start,
      end: s.end,
      text: layer.text.slice(s.start, s.end),
      speaker: speaker?.entity ?? null,
      speakerText: speaker?.text ?? null,
    });
    previous = { paragraph, endParagraph: paragraphOf(s.end), speaker: speaker ?? null };
  }
  attributeHeadingQuotes(paragraphs, quotes);
  return quotes;
}

/** Index of the last item whose key is ≤ `value` in items sorted by key, or -1. */
function lastAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid] as T) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first item whose key is ≥ `value` in items sorted by key (items.length if none). */
function firstAtOrAfter<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  return lastAtOrBefore(items, value - 1, key) + 1;
}

/** Token indexes where some subject ends, computed once per subject list. */
const subjectEndsCache = new WeakMap<readonly Subject[], Set<number>>();
function endsOf(subjects: readonly Subject[]): Set<number> {
  let ends = subjectEndsCache.get(subjects);
  if (!ends) {
    ends = new Set(subjects.map((s) => s.endToken));
    subjectEndsCache.set(subjects, ends);
  }
  return ends;
}

function tokenIndexer(layer: TokenLayer): (offset: number) => number {
  const starts = layer.tokens.map((t) => t.start);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

interface SubjectCandidate extends Subject {
  possessive: boolean;
  pronoun: 'he' | 'she' | null;
}

/** Person mentions, resolved descriptions and he/she, outside quotes, in token order. */
function collectSubjects(
  layer: TokenLayer,
  mentions: readonly NameMention[],
  references: readonly ResolvedReference[],
  isPerson: (entity: string) => boolean,
  genderOf: (entity: string) => Gender,
  inQuote: (offset: number) => boolean,
): SubjectCandidate[] {
  const subjects: SubjectCandidate[] = [];
  for (const m of mentions) {
    if (isPerson(m.entity) && !inQuote(m.start)) {
      subjects.push({
        firstToken: m.titleFirst,
        endToken: m.endToken,
        entity: m.entity,
        text: m.text,
        possessive: m.possessive,
        pronoun: null,
      });
    }
  }
  for (const r of references) {
    if (!inQuote(r.start))
      subjects.push({
        ...r,
        possessive: /^[’']s?$/.test(layer.tokens[r.endToken]?.text ?? ''),
        pronoun: null,
      });
  }
  for (const [i, t] of layer.tokens.entries()) {
    const lower = t.text.toLowerCase();
    if ((lower === 'he' || lower === 'she') && !inQuote(t.start)) {
      subjects.push({
        firstToken: i,
        endToken: i + 1,
        entity: null,
        text: t.text,
        possessive: false,
        pronoun: lower,
      });
    }
  }
  subjects.sort((a, b) => a.firstToken - b.firstToken);
  // Resolve pronouns left to right: he/she is the last person of a compatible gender who was the subject
  // of a clause before it ("Luis Ortega, the bus driver, said … “…,” he said").
  // The most recent such subject of each gender: a pronoun only ever needs the latest one of its gender.
  const latest = new Map<Gender, string>();
  for (const s of subjects) {
    if (s.pronoun) {
      const wanted = s.pronoun === 'he' ? 'male' : 'female';
      // A person of the pronoun's gender first; one whose gender nothing states only after that.
      s.entity = latest.get(wanted) ?? latest.get(null) ?? null;
    } else if (s.entity && !s.possessive && (isClauseSubject(layer, s) || latest.size === 0)) {
      latest.set(genderOf(s.entity), s.entity);
    }
  }
  return subjects.filter((s) => s.entity !== null);
}

/** A speech verb used as a verb: "address" in "Trump's March 4 address" is a noun. */
function speaks(token: Token): boolean {
  return token.pos === 'VERB' && isSpeechVerb(token.text);
}

/** A speech verb within `window` tokens from `from`, with only adverbs before it ("then said"). */
function speechVerbWithin(layer: TokenLayer, from: number, window: number): boolean {
  for (let t = from; t < Math.min(from + window, layer.tokens.length); t++) {
    const token = layer.tokens[t];
    if (!token) return false;
    if (speaks(token)) return true;
    if (token.pos !== 'ADV') return false;
  }
  return false;
}

/** Tokens an appositive may span: "Luis Ortega, the bus driver whom passengers have hailed as a hero, said". */
const MAX_APPOSITIVE_SKIP = 20;

/** A subject is followed by a verb, possibly after an adverb or an appositive ("Lukashenko then said"). */
function isClauseSubject(layer: TokenLayer, s: Subject): boolean {
  const { tokens } = layer;
  let t = s.endToken;
  const sentence = tokens[s.firstToken]?.sentence;
  if (tokens[t]?.text === ',') {
    let close = t + 1;
    while (
      close < t + MAX_APPOSITIVE_SKIP &&
      tokens[close] &&
      tokens[close]?.sentence === sentence &&
      tokens[close]?.text !== ','
    )
      close++;
    if (tokens[close]?.text !== ',') return false;
    t = close + 1;
  }
  for (const end = t + 3; t < Math.min(end, tokens.length); t++) {
    const token = tokens[t];
    if (!token) return false;
    if (token.pos === 'VERB' || token.pos === 'AUX') return true;
    if (token.pos !== 'ADV') return false;
  }
  return false;
}

function attribute(
  layer: TokenLayer,
  quote: Span,
  subjects: readonly SubjectCandidate[],
  tokenAt: (offset: number) => number,
  inQuote: (offset: number) => boolean,
): Attribution {
  const { tokens, text } = layer;
  const openToken = tokenAt(quote.start);
  const closeToken = tokenAt(quote.end);
  const sentence = tokens[openToken]?.sentence ?? -1;
  const closeSentence = tokens[closeToken]?.sentence ?? sentence;

  // 1. Right after the closing mark (past its punctuation): "Lukashenko said", "he added", "said Peskov".
  // A quote that ends its sentence with a full stop is not attributed by the next sentence.
  const endsSentence = /\.\s*$/.test(text.slice(quote.start, quote.end));
  let t0 = closeToken + 1;
  while (tokens[t0]?.pos === 'PUNCT' && t0 <= closeToken + 2) t0++;
  const next = tokens[t0];
  const sameFrame =
    next && (next.sentence === closeSentence || (!endsSentence && next.sentence === closeSentence + 1));
  const byFirstToken = (s: Subject) => s.firstToken;
  const subjectEnds = endsOf(subjects);
  if (next && sameFrame && !inQuote(next.start)) {
    let subjectHere: SubjectCandidate | undefined;
    for (let i = firstAtOrAfter(subjects, t0, byFirstToken); subjects[i]?.firstToken === t0; i++) {
      if (!subjects[i]?.possessive) {
        subjectHere = subjects[i];
        break;
      }
    }
    if (subjectHere && speechVerbWithin(layer, subjectHere.endToken, 2)) return subjectHere;
    if (speaks(next)) {
      const after = subjects[firstAtOrAfter(subjects, t0 + 1, byFirstToken)];
      if (after && after.firstToken <= t0 + 3) return after;
    }
  }

  // 2. The nearest speech verb before the opening mark, in the same sentence and outside quotes.
  // Subjects are sorted by first token and a sentence's tokens are contiguous: the ones in this sentence
  // before the quote are one slice.
  const sentenceStart = layer.sentences[sentence]?.firstToken ?? openToken;
  const inSentence = subjects.slice(
    firstAtOrAfter(subjects, sentenceStart, byFirstToken),
    firstAtOrAfter(subjects, openToken, byFirstToken),
  );
  for (let t = openToken - 1; t >= 0; t--) {
    const token = tokens[t];
    if (!token || token.sentence !== sentence) break;
    if (inQuote(token.start) || !speaks(token)) continue;
    if (isParticiple(token.text)) {
      const previous = tokens[t - 1];
      // "criticism calling it a “sham”": the participle's subject is the noun before it.
      if (previous && (previous.pos === 'NOUN' || previous.pos === 'PROPN') && !subjectEnds.has(t))
        return null;
      return inSentence.find((s) => !s.possessive && isClauseSubject(layer, s)) ?? null;
    }
    // "critics called it a “sham”", "A statement from Reyes's office said the mayor “…”": a common noun
    // right before the verb is its subject, and it names no one.
    const previous = tokens[t - 1];
    if (previous?.pos === 'NOUN' && !subjectEnds.has(t)) return null;
    return [...inSentence].reverse().find((s) => s.endToken <= t && !s.possessive) ?? null;
  }

  // 3. The sentence's subject; a possessive ("Trump’s address … included “both sides”") last.
  return (
    inSentence.find((s) => !s.possessive && isClauseSubject(layer, s)) ??
    inSentence.find((s) => !s.possessive) ??
    inSentence.find((s) => s.possessive)
  );
}

const contentWords = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\d]+/u)
      .filter((w) => w.length > 3),
  );

/**
 * Heading quotes matched against the body's quotes, at most. A news article has a title and a few
 * subheadings; comparing every heading quote with every body quote is quadratic when a text is made of
 * thousands of short quoted lines (each one a "heading").
 */
const MAX_HEADING_QUOTES = 50;

/** Headlines repeat a body quote: give a heading quote the speaker of the body quote it shares words with. */
function attributeHeadingQuotes(paragraphs: readonly (Span & { kind: string })[], quotes: Quote[]): void {
  const inHeading = (q: Quote) => {
    const p = paragraphs[lastAtOrBefore(paragraphs, q.start, (x) => x.start)];
    return p !== undefined && p.kind === 'heading' && q.end <= p.end;
  };
  const headingQuotes = quotes.filter((q) => !q.speaker && inHeading(q)).slice(0, MAX_HEADING_QUOTES);
  if (headingQuotes.length === 0) return;
  const sources = quotes
    .filter((q) => q.speaker && !inHeading(q))
    .map((quote) => ({ quote, words: contentWords(quote.text) }));
  for (const q of headingQuotes) {
    const words = contentWords(q.text);
    let best: { quote: Quote; shared: number } | null = null;
    for (const other of sources) {
      const shared = [...other.words].filter((w) => words.has(w)).length;
      if (shared >= 2 && (!best || shared > best.shared)) best = { quote: other.quote, shared };
    }
    if (best) {
      q.speaker = best.quote.speaker;
      q.speakerText = best.quote.speakerText;
    }
  }
}
