// Direct quotes and who said them. Quote spans come from quotation marks (curly, straight, guillemets);
// a paragraph that ends inside an open quote continues into the next paragraph when that one opens
// with a quote mark (the US convention for long quotes); an open curly quote also closes on a straight
// mark (“…," Lee said). A quoted name or title of a work (“Talk of the Valley”) in a sentence where no one
// speaks, and a quoted handle, number or date from an embedded post, are no quotes.
// The speaker is the subject of the speech verb,
// found by grammar (wink-nlp POS tags), in this order:
//  1. after the closing mark: “…,” Olsen said / “…,” Maria K. Olsen, the mayor's adviser, said /
//     “…,” campaign manager Tom Reyes told / “…,” she has said / “…,” said a spokeswoman for the
//     airline, Jane Roe / “….” Olsen said.
//  2. a scare quote (a few quoted words, no speech verb: the so-called “reform”) gets kind 'scare' and
//     no speaker
//  3. the nearest speech verb before the opening mark in the same sentence that has a subject of its
//     own: "Price called Dorsey a “liar”" (Price), "Lukashenko praised …, calling his efforts “a
//     brilliant idea”" (a participle takes the clause's subject), "criticism calling it a “sham”" (no
//     speaker); "According to the ministry, “…”"
//  4. the subject of the sentence ("He directly addressed Trump: “…”"), a possessive as a last resort
//  5. a quote that opens a paragraph after one ending in a colon ("Lind continued:"), or that continues
//     a quote by someone found, takes that speaker
//  6. a quote in a heading takes the speaker of the body quote it repeats.
// A subject that names no person is kept as written with no entity ("a spokeswoman for the hotel
// chain", "the company"). Pronouns resolve to the last person who was the subject of a clause before
// them, inverted attributions included ("says economist Ann Lee").
import type { Quote, Span, SpeakerRoute } from '../model/article.js';
import type { ResolvedReference } from './descriptors.js';
import { isPluralCommonNoun, NEWS_PERSON_NOUNS, ROLE_NOUNS } from './entities/gazetteer.js';
import type { Gender, NameMention } from './entities/index.js';
import { isParticiple, isPhrasalSpeechVerb, isSpeechVerb } from './entities/speech-verbs.js';
import type { Token, TokenLayer } from './tokens.js';

/** Quoted names ("the Telegram channel “Pool Pervogo”") are at most this many words. */
const MAX_NAME_WORDS = 4;
/** Quoted titles of works (“Talk of the Valley”) are at most this many words. */
const MAX_TITLE_WORDS = 8;

const OPENERS: Record<string, string> = { '“': '”', '«': '»', '„': '“' };
const QUOTE_CHARS = /["“”«»„]/g;

interface Subject {
  /** Token index where the subject starts and one past its end. */
  firstToken: number;
  endToken: number;
  entity: string | null;
  text: string;
  /** Set when the speaker is the sentence's subject, found with no speech verb (step 4 above). */
  bySubject?: true;
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
        // Writers mix marks (“We will win," Lee said): any closing mark or a straight one ends a quote.
        if (ch === open.closer || ch === '"' || ch === '”' || ch === '»') {
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
  return spans.map(trimSpan(text)).filter((s) => {
    const inner = text.slice(s.start, s.end);
    // A markup attribute's value (author="…") is no one's words either.
    const attribute = /=\s*$/.test(text.slice(Math.max(0, s.start - 3), s.start - 1));
    return s.end > s.start && !attribute && !isEmbedMetadata(inner) && !isQuotedName(inner);
  });
}

/** Quoted fields of an embedded post's markup — a bare handle, number or date (“@newsdesk”,
 * “1448038800”, “March 4, 2016”) — are no one's words. */
function isEmbedMetadata(inner: string): boolean {
  const bare = inner.replace(/[,.;:]+$/, '').trim();
  return (
    !/\p{L}/u.test(bare) ||
    /^@\w+$/.test(bare) ||
    /^\p{Lu}\p{Ll}+\.? \d{1,2},? \d{4}$/u.test(bare) ||
    /^\d{4}-\d{2}-\d{2}$/.test(bare)
  );
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

/** Lower-case words a title or name may hold between its capitalised ones ("Meet the Press"). */
const TITLE_GLUE = new Set(
  'a an the of and or for to in on at with by from as is are vs nor but not &'.split(' '),
);

/** “Pool Pervogo,” — a quoted name, not someone's words: two to four words, all capitalised. */
function isQuotedName(inner: string): boolean {
  const words = inner
    .replace(/[,.;:]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  return words.length > 1 && words.length <= MAX_NAME_WORDS && words.every((w) => /^\p{Lu}/u.test(w));
}

/** “Meet the Press.”, “Sanity.” — a quoted title of a work or a single capitalised word: a few words,
 * the first and last capitalised, the rest capitalised or short glue words. */
function isQuotedTitle(inner: string): boolean {
  // "“Nooooo!”", "“Blacklisted?”" are cries and questions, not names.
  if (/[!?]\W*$/.test(inner)) return false;
  const words = inner
    .replace(/[,.;:]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > MAX_TITLE_WORDS) return false;
  const capital = (w: string) => /^[\p{Lu}\d]/u.test(w);
  return (
    capital(words[0] ?? '') &&
    capital(words[words.length - 1] ?? '') &&
    words.every((w) => capital(w) || TITLE_GLUE.has(w))
  );
}

/** A quoted title after a possessive or a preposition names a show or a work even where someone speaks:
 * "she said on “Morning Hour.”", "on the network’s “Day Desk,”", "a star of “Harbor Lights”". */
function namesWork(layer: TokenLayer, openToken: number): boolean {
  const before = layer.tokens[openToken - 2];
  if (!before || before.sentence !== layer.tokens[openToken]?.sentence) return false;
  return /^[’']s?$/.test(before.text) || (before.pos === 'ADP' && /^(on|in|of|for|from)$/i.test(before.text));
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
  const tokenAt = tokenIndexer(layer);
  const first = collectSubjects(layer, mentions, references, isPerson, genderOf, inQuote);
  const firstPass = attributeSpans(layer, spans, paragraphs, first, tokenAt, inQuote);
  // The discourse state is updated by every attribution: a person words were just attributed to is who
  // "he" or "she" means next, whatever the clause around the name ("In a statement on Monday, Rep. Okello
  // Dunn reacted to the ruling, saying: “…” ¶ “…,” he added" — Dunn, whose gender nothing states, not a
  // man named paragraphs before; "Dunn" opens no paragraph and "reacted" says nothing). The speakers
  // found by the first pass mark where someone spoke; the pronouns are resolved again with them, and
  // the quotes attributed again only when some pronoun now stands for someone else.
  const spoken = new Set(firstPass.spokenAt);
  if (spoken.size === 0) return firstPass.quotes;
  const second = collectSubjects(layer, mentions, references, isPerson, genderOf, inQuote, spoken);
  const changed = second.length !== first.length || second.some((s, i) => s.entity !== first[i]?.entity);
  return changed
    ? attributeSpans(layer, spans, paragraphs, second, tokenAt, inQuote).quotes
    : firstPass.quotes;
}

/** The quotes of `spans` with their speakers found among `subjects`, and the first tokens of the named
 * people they were attributed to by a speech verb. */
function attributeSpans(
  layer: TokenLayer,
  spans: readonly Span[],
  paragraphs: readonly (Span & { kind: string })[],
  subjects: readonly SubjectCandidate[],
  tokenAt: (offset: number) => number,
  inQuote: (offset: number) => boolean,
): { quotes: Quote[]; spokenAt: number[] } {
  const spokenAt: number[] = [];
  const paragraphOf = (offset: number) => {
    const i = lastAtOrBefore(paragraphs, offset, (p) => p.start);
    const p = paragraphs[i];
    return p && offset <= p.end ? i : -1;
  };
  const quotes: Quote[] = [];
  let previous: {
    paragraph: number;
    endParagraph: number;
    speaker: Subject | null;
    via: string | null;
  } | null = null;
  let previousRoute: SpeakerRoute | undefined;
  for (const s of spans) {
    // A quoted title in a sentence where no one speaks is a name, not a quote ("she watched “Meet the
    // Press”"); where someone speaks it may be their words ("Lee said it was “Too Late”").
    // Headlines are themselves in title case, so a quote in one is judged as speech.
    const openToken = tokenAt(s.start);
    if (
      paragraphs[paragraphOf(s.start)]?.kind !== 'heading' &&
      isQuotedTitle(layer.text.slice(s.start, s.end)) &&
      (namesWork(layer, openToken) ||
        !sentenceSpeaks(layer, layer.tokens[openToken]?.sentence ?? -1, inQuote))
    )
      continue;
    const attributed = attribute(layer, s, subjects, tokenAt, inQuote);
    const found =
      attributed && attributed !== 'scare' ? withPartner(layer, attributed, subjects) : attributed;
    if (found && found !== 'scare' && found.entity !== null && !found.bySubject)
      spokenAt.push(found.firstToken);
    if (found === 'scare') {
      // "According to his doctor, the senator is in “remarkably good” health": no one speaks in the
      // sentence, but the few words are the doctor's, not the writer's distancing; the record stays.
      const via = reportedVia(layer, s, tokenAt, inQuote, null);
      quotes.push({
        start: s.start,
        end: s.end,
        text: layer.text.slice(s.start, s.end),
        speaker: null,
        speakerText: null,
        kind: 'scare',
        ...(via ? { via } : {}),
      });
      continue;
    }
    let speaker = found;
    let by: SpeakerRoute['by'] | undefined = found
      ? found.bySubject
        ? 'sentence-subject'
        : 'speech-verb'
      : undefined;
    let inherited: string | null = null;
    const paragraph = paragraphOf(s.start);
    const opensParagraph =
      paragraphs[paragraph] !== undefined && s.start <= (paragraphs[paragraph]?.start ?? 0) + 1;
    // "“…”" ¶ "– Ann Lee, Ohio.": a quote paragraph signed off by the line below it.
    if (speaker === undefined && opensParagraph) {
      const signer = signOff(layer, paragraphs, paragraphOf(s.end), subjects, tokenAt);
      if (signer) [speaker, by] = [signer, 'sign-off'];
    }
    // "Ann Lee, the party's spokeswoman, said in a statement. “…”": a quote opening a sentence right after
    // a bare attribution in its paragraph is what that attribution introduces.
    if (speaker === undefined && !opensParagraph && opensSentence(layer, openToken)) {
      const intro = bareAttributionBefore(layer, openToken, subjects);
      if (intro) [speaker, by] = [intro, 'colon-intro'];
    }
    // "Cruz continued:" ¶ "“…”": a paragraph that opens with a quote after one that ends in a colon is
    // introduced by that paragraph's last sentence.
    const before = paragraphs[paragraph - 1];
    if (
      speaker === undefined &&
      opensParagraph &&
      before &&
      /:\s*$/.test(layer.text.slice(before.start, before.end))
    ) {
      const last = tokenAt(Math.max(before.start, before.end - 1));
      const from = layer.sentences[layer.tokens[last]?.sentence ?? -1]?.firstToken ?? last;
      speaker = attributeBefore(layer, from, last + 1, subjects, inQuote);
      if (speaker) by = 'colon-intro';
    }
    // US convention: “A,” Harlan said. “B.” — a later quote in the same paragraph, or a paragraph that
    // opens with a quote right after an attributed one, keeps the speaker until someone else is named.
    if (
      speaker === undefined &&
      previous &&
      (previous.endParagraph === paragraph || previous.endParagraph === paragraph - 1)
    ) {
      if (previous.endParagraph === paragraph || opensParagraph) {
        speaker = previous.speaker;
        inherited = previous.via;
      }
      if (speaker) by = 'continuation';
    }
    // "Ann Lee is upbeat about the bill. ¶ “It will pass.”": a quote standing as a sentence of its own,
    // with no attribution, is the words of the person the text is about — the last subject of a clause
    // in its paragraph or the one before.
    if (speaker === undefined && opensSentence(layer, openToken)) {
      speaker = topicBefore(subjects, openToken, (t) => paragraphOf(layer.tokens[t]?.start ?? -1), paragraph);
      if (speaker) by = 'topic';
    }
    const route: SpeakerRoute | undefined = speaker && by ? routeOf(by, speaker, previousRoute) : undefined;
    const via: string | null = reportedVia(layer, s, tokenAt, inQuote, speaker?.text ?? null) ?? inherited;
    quotes.push({
      start: s.start,
      end: s.end,
      text: layer.text.slice(s.start, s.end),
      speaker: speaker?.entity ?? null,
      speakerText: speaker?.text ?? null,
      ...(route ? { speakerRoute: route } : {}),
      ...(via ? { via } : {}),
    });
    previous = { paragraph, endParagraph: paragraphOf(s.end), speaker: speaker ?? null, via };
    previousRoute = route;
  }
  shareCoordinatedSpeaker(layer.text, quotes);
  attributeHeadingQuotes(paragraphs, quotes);
  return { quotes, spokenAt };
}

/** What may stand between two quotes listed as one complement: “A” and “B”, “A,” “B”, “A” or “B”. */
const COORDINATED_GAP = /^[”"][ \t]*,?[ \t]*(?:(?:and|or)[ \t]+)?[“"]$/;

/**
 * "Taxes are “a quiet killer” and “a drag on every family,” Tom Hale, the former mayor, proclaimed.": quotes
 * coordinated into one complement share the attribution that follows the last of them. Step 1 finds the
 * speaker after the closing mark of the last quote only; the earlier ones, with no verb next to them,
 * would otherwise have none. Walked from the end, so a list of three takes the speaker back to its first.
 * (Before the list the speech verb already reaches every quote: "Hale called it “A” and “B”".)
 */
function shareCoordinatedSpeaker(text: string, quotes: Quote[]): void {
  for (let i = quotes.length - 2; i >= 0; i--) {
    const q = quotes[i];
    const next = quotes[i + 1];
    if (!q || !next || q.speakerText !== null || next.speakerText === null) continue;
    if (next.speakerRoute?.by !== 'speech-verb' || next.start < q.end) continue;
    if (!COORDINATED_GAP.test(text.slice(q.end, next.start).replace(/^,/, ''))) continue;
    q.speaker = next.speaker;
    q.speakerText = next.speakerText;
    q.speakerRoute = next.speakerRoute;
    delete q.kind;
    if (next.via) q.via = next.via;
  }
}

/**
 * A named speaker joined to another named person by "and" speaks with them: "Mark Roe and Jon Lee:
 * “…”", "Two analysts, Ann Lee and Tom Hale, found that …". The quote keeps one entity, the one the
 * grammar found, and its words as written name both ("Mark Roe and Jon Lee").
 */
function withPartner(layer: TokenLayer, found: Subject, subjects: readonly SubjectCandidate[]): Subject {
  const { tokens } = layer;
  const named = (s: SubjectCandidate) =>
    s.form === 'name' && s.entity !== null && s.entity !== found.entity && !s.possessive;
  if (found.entity === null || ('form' in found && (found as SubjectCandidate).form !== 'name')) return found;
  const joined = (first: number, end: number): Subject => ({
    ...found,
    text: layer.text.slice(tokens[first]?.start ?? 0, tokens[end - 1]?.end ?? 0),
  });
  if (/^and$/i.test(tokens[found.endToken]?.text ?? '')) {
    const i = firstAtOrAfter(subjects, found.endToken + 1, (s) => s.firstToken);
    const partner = subjects[i];
    if (partner && partner.firstToken === found.endToken + 1 && named(partner))
      return joined(found.firstToken, partner.endToken);
  }
  const and = found.firstToken - 1;
  if (/^and$/i.test(tokens[and]?.text ?? '')) {
    const i = lastAtOrBefore(subjects, and - 1, (s) => s.firstToken);
    const partner = subjects[i];
    const opener = partner ? tokens[partner.firstToken - 1] : undefined;
    // The pair opens its phrase ("Roe and Lee said", "two analysts, Roe and Lee, found"); not "Hale met
    // Roe and Lee said …", where Lee opens a clause of her own.
    const opens =
      !opener || opener.sentence !== tokens[and]?.sentence || /^[,:;(—–"“”«»„-]$/.test(opener.text);
    if (partner && partner.endToken === and && named(partner) && opens)
      return joined(partner.firstToken, found.endToken);
  }
  return found;
}

/** Tokens walked back over to the paragraph's start, looking for an earlier quote. */
const MAX_PARAGRAPH_LOOKBACK = 80;

/**
 * The speaker of a sentence that ends in a speech verb and a short tail right before the quote at
 * `openToken`, in the same paragraph and with no quote of its own: "Ann Lee, the party's spokeswoman, said
 * in a statement. “…”". Not "Lee said Hale was right." (the verb reports a clause, and is followed by it).
 */
function bareAttributionBefore(
  layer: TokenLayer,
  openToken: number,
  subjects: readonly SubjectCandidate[],
): Subject | undefined {
  const { tokens } = layer;
  const stop = openToken - 1 - (/^["“«„]$/.test(tokens[openToken - 1]?.text ?? '') ? 1 : 0);
  if (!/^[.:]$/.test(tokens[stop]?.text ?? '')) return undefined;
  if (layer.text.slice(tokens[stop]?.end ?? 0, tokens[openToken]?.start ?? 0).includes('\n'))
    return undefined;
  // "Sen. Ann Lee (R-Tex.), a …, tweeted a warning.": over a split at an abbreviation's full stop.
  const from = clauseStart(layer, tokens[stop]?.sentence ?? -1) ?? stop;
  for (let v = stop - 1; v >= from && v >= stop - MAX_PREPOSITIONAL_TAIL - 2; v--) {
    const token = tokens[v];
    if (!token || /^["“”«»„]$/.test(token.text)) return undefined;
    if (!speaksAt(layer, v) || isParticiple(token.text) || !endsAfterShortTail(tokens, v)) continue;
    // No quote earlier in the paragraph: "“A,” he said. “B.”" is one speaker going on (a continuation).
    for (let q = v - 1; q >= 0 && q > v - MAX_PARAGRAPH_LOOKBACK; q--) {
      if (/^["“”«»„]$/.test(tokens[q]?.text ?? '')) return undefined;
      if (layer.text.slice(tokens[q]?.end ?? 0, tokens[q + 1]?.start ?? 0).includes('\n')) break;
    }
    const inSentence = subjects.slice(
      firstAtOrAfter(subjects, from, (s) => s.firstToken),
      firstAtOrAfter(subjects, v, (s) => s.firstToken),
    );
    return subjectBefore(layer, v, from, inSentence);
  }
  return undefined;
}

/** Words a sign-off line may put before its name: a dash, then titles ("– Sen. Ann Lee"). */
const MAX_SIGN_OFF_LEAD = 4;

/**
 * The person who signs off a quote paragraph: the next paragraph opens with a dash and a name ("“…”" ¶
 * "– Ann Lee, Ohio." / "-President Tom Hale, writing after the vote."), as digests of quotes and
 * fact-checks print them. Only when the quote's paragraph ends with the quote: words after it are the
 * paragraph's own attribution.
 */
function signOff(
  layer: TokenLayer,
  paragraphs: readonly Span[],
  quoteParagraph: number,
  subjects: readonly SubjectCandidate[],
  tokenAt: (offset: number) => number,
): Subject | undefined {
  const own = paragraphs[quoteParagraph];
  const next = paragraphs[quoteParagraph + 1];
  if (!own || !next) return undefined;
  if (!/["”»]$/.test(layer.text.slice(own.start, own.end).trimEnd())) return undefined;
  const dash = /^\s*[-–—]\s*\p{Lu}/u.exec(layer.text.slice(next.start, next.end));
  if (!dash) return undefined;
  const first = tokenAt(next.start + dash[0].length - 1);
  const signer = subjects[firstAtOrAfter(subjects, first, (s) => s.firstToken)];
  return signer &&
    signer.form === 'name' &&
    signer.firstToken - first <= MAX_SIGN_OFF_LEAD &&
    (layer.tokens[signer.firstToken]?.start ?? Number.POSITIVE_INFINITY) < next.end
    ? signer
    : undefined;
}

/** How a quote's speaker was found (Quote.speakerRoute), for the report's confidence: the path that set
 * it, and the words that name them — a continued quote keeps the form of the quote it continues. */
function routeOf(by: SpeakerRoute['by'], speaker: Subject, previous: SpeakerRoute | undefined): SpeakerRoute {
  if (by === 'continuation') return { by, form: previous?.form ?? 'phrase' };
  const form =
    speaker.entity === null ? 'phrase' : 'form' in speaker ? (speaker as SubjectCandidate).form : 'name';
  return { by, form };
}

function withBySubject(subject: Subject | undefined): Subject | undefined {
  return subject ? { ...subject, bySubject: true } : subject;
}

/**
 * The record the quote's words are known through, as written, when its sentence names one besides the
 * speaker: "“…,” Lee said, according to a pool report" → "a pool report"; "“…,” said Ann Roe, reports
 * the Daily Ledger" → "the Daily Ledger"; "According to the Ledger, Lee praised the “…”" → "the Ledger".
 * Looks only at the quote's sentence, up to a reach from each mark: constant work per quote.
 */
function reportedVia(
  layer: TokenLayer,
  quote: Span,
  tokenAt: (offset: number) => number,
  inQuote: (offset: number) => boolean,
  speakerText: string | null,
): string | null {
  const { tokens } = layer;
  const openToken = tokenAt(quote.start);
  const closeToken = tokenAt(quote.end);
  const found = (subject: Subject | undefined) =>
    subject && subject.text !== speakerText && !speakerText?.includes(subject.text) ? subject.text : null;
  // After the quote: its attribution's sentence, up to the next quote mark or paragraph.
  const sentence = tokens[closeToken + 1]?.sentence;
  for (let t = closeToken + 1; t < closeToken + MAX_ATTRIBUTION_REACH; t++) {
    const token = tokens[t];
    if (!token || token.sentence !== sentence) break;
    if (/^["“”«»„]$/.test(token.text)) {
      // A few quoted words inside the sentence are passed over ("as it was the country’s “closest
      // partner”, the agency reported").
      const close = inQuote(tokens[t + 1]?.start ?? -1) ? shortQuoteEnd(layer, t + 1, inQuote) : -1;
      if (close < 0) break;
      t = close;
      continue;
    }
    if (layer.text.slice(tokens[t - 1]?.end ?? token.start, token.start).includes('\n')) break;
    const word = token.text.toLowerCase();
    if (word === 'according' && tokens[t + 1]?.text.toLowerCase() === 'to')
      return found(phraseAfter(layer, t + 1));
    // ", reports the Daily Ledger": an inverted reporting verb after a comma.
    if (/^report(s|ed)$/.test(word) && tokens[t - 1]?.text === ',' && t > closeToken + 2)
      return found(phraseAfter(layer, t));
    // "Roe agreed that it was “the best place”, the agency reported.": a reporting verb closing the
    // sentence after its subject, when someone else is the speaker.
    if (/^report(s|ed)$/.test(word) && token.pos === 'VERB' && endsAfterShortTail(tokens, t))
      return found(subjectBefore(layer, t, closeToken + 1, []));
  }
  // Before the quote: "According to the Ledger, Lee praised …".
  const first = layer.sentences[tokens[openToken]?.sentence ?? -1]?.firstToken ?? openToken;
  // "In a Ledger poll released Monday, 40 percent of voters said the plan was “…”": a survey that opens
  // the sentence is what its respondents' words are known through.
  if (tokens[first]?.text.toLowerCase() === 'in' && first < openToken) {
    const record = phraseAfter(layer, first);
    const head = record ? tokens[record.endToken - 1]?.text : undefined;
    if (record && record.endToken < openToken && SURVEY_NOUN.test(head ?? '')) {
      let c = record.endToken;
      while (c < Math.min(openToken, record.endToken + MAX_SURVEY_TAIL) && tokens[c]?.text !== ',') c++;
      if (tokens[c]?.text === ',' && c < openToken) return found(record);
    }
  }
  for (let t = Math.max(first, openToken - MAX_ATTRIBUTION_REACH); t < openToken - 1; t++) {
    if (tokens[t]?.text.toLowerCase() === 'according' && tokens[t + 1]?.text.toLowerCase() === 'to')
      return found(phraseAfter(layer, t + 1));
  }
  return null;
}

/** Records of what many people answered (own list, general English): "In a new poll, most said …". */
const SURVEY_NOUN = /^(poll|survey|study|census|questionnaire)s?$/i;
/** Words a fronted survey phrase may go on with before its comma: "poll | released on Monday by the
 * Ledger," (6). */
const MAX_SURVEY_TAIL = 8;

/** Whether the sentence ends within a short tail with no other verb after token `v` ("… reported on
 * Monday."), or goes on only with a participle clause of the same speaker ("… Roe said Tuesday in
 * Paris, noting …"). */
function endsAfterShortTail(tokens: readonly Token[], v: number): boolean {
  const sentence = tokens[v]?.sentence;
  for (let t = v + 1; t <= v + MAX_PREPOSITIONAL_TAIL + 1; t++) {
    const token = tokens[t];
    if (!token || token.sentence !== sentence || /^[.!?]$/.test(token.text)) return true;
    if (token.text === ',' && isParticipleWord(tokens[t + 1]?.text ?? '')) return true;
    if (token.pos === 'VERB' || token.pos === 'AUX' || /^["“”«»„,;:]$/.test(token.text)) return false;
    // "…, she said in a long address to the party members.": past a few words, only prepositional
    // phrases may go on.
    if (t > v + MAX_CLOSING_TAIL && !/^(ADP|DET|ADJ|NOUN|PROPN|NUM)$/.test(token.pos)) return false;
  }
  return false;
}

/** The noun phrase right after token `v` ("according to | a pool report released Monday" → "a pool
 * report"), or undefined when none starts there. */
function phraseAfter(layer: TokenLayer, v: number): Subject | undefined {
  const { tokens } = layer;
  const sentence = tokens[v]?.sentence;
  let end = v + 1;
  // "according to an Associated Press account": a capitalised participle inside the phrase.
  while (
    end < v + 1 + MAX_PHRASE_TOKENS &&
    tokens[end]?.sentence === sentence &&
    (isPhraseWord(tokens[end]) || isModifierParticiple(tokens, end))
  )
    end++;
  while (end > v + 1 && !isHead(tokens[end - 1])) end--;
  return end > v + 1 ? phrase(layer, v + 1, end) : undefined;
}

/** Subjects looked at, walking back from a quote, for the person the text is about. */
const MAX_TOPIC_LOOKBACK = 12;

/** The person last the subject of a narrative clause before token `to`, in paragraph `paragraph` or the
 * one before it. */
function topicBefore(
  subjects: readonly SubjectCandidate[],
  to: number,
  paragraphOfToken: (t: number) => number,
  paragraph: number,
): Subject | undefined {
  const last = lastAtOrBefore(subjects, to - 1, (s) => s.firstToken);
  for (let i = last; i >= Math.max(0, last - MAX_TOPIC_LOOKBACK); i--) {
    const s = subjects[i];
    if (!s || paragraphOfToken(s.firstToken) < paragraph - 1) return undefined;
    if (s.topic) return s;
  }
  return undefined;
}

/** Whether the quote's opening mark opens its sentence. */
function opensSentence(layer: TokenLayer, openToken: number): boolean {
  const mark = layer.tokens[openToken - 1];
  const first = layer.tokens[openToken];
  const start = layer.sentences[first?.sentence ?? -1]?.firstToken;
  return start === openToken || (start === openToken - 1 && /^["“«„]$/.test(mark?.text ?? ''));
}

/** Sentences merged back at most, over splits at an abbreviation's full stop. */
const MAX_MERGED_SENTENCES = 2;

/**
 * The first token of a sentence, merged with the one before when the splitter cut it at an
 * abbreviation's full stop: "Sen. Ann Lee (D-Mo.), who backs Hale, said …" is split after "(D-Mo.)",
 * and the rest opens with a comma or a lower-case word.
 */
function clauseStart(layer: TokenLayer, sentence: number): number | undefined {
  let s = sentence;
  for (let k = 0; k < MAX_MERGED_SENTENCES && s > 0; k++) {
    const first = layer.tokens[layer.sentences[s]?.firstToken ?? -1];
    if (!first || !/^(\p{Ll}|[,;)])/u.test(first.text)) break;
    s--;
  }
  return layer.sentences[s]?.firstToken;
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
  /** What words name the person here (see SpeakerRoute). */
  form: 'name' | 'description' | 'pronoun';
  possessive: boolean;
  pronoun: 'he' | 'she' | null;
  /** The person is the subject of a clause of the narrative (not of a reported one): who the text is
   * about at this point. */
  topic?: boolean;
}

/** Person mentions, resolved descriptions and he/she, outside quotes, in token order. */
function collectSubjects(
  layer: TokenLayer,
  mentions: readonly NameMention[],
  references: readonly ResolvedReference[],
  isPerson: (entity: string) => boolean,
  statedGender: (entity: string) => Gender,
  inQuote: (offset: number) => boolean,
  spoken: ReadonlySet<number> = new Set(),
): SubjectCandidate[] {
  const subjects: SubjectCandidate[] = [];
  for (const m of mentions) {
    if (isPerson(m.entity) && !inQuote(m.start)) {
      subjects.push({
        firstToken: m.titleFirst,
        endToken: m.endToken,
        entity: m.entity,
        text: m.text,
        form: 'name',
        possessive: m.possessive && !contractsHas(layer, m.endToken),
        pronoun: null,
      });
    }
  }
  for (const r of references) {
    if (!inQuote(r.start))
      subjects.push({
        ...r,
        form: 'description',
        possessive: /^[’']s?$/.test(layer.tokens[r.endToken]?.text ?? ''),
        pronoun: null,
      });
  }
  for (const [i, t] of layer.tokens.entries()) {
    // Only a two- or three-letter token can be "he" or "she": the rest skip the lower-cased copy.
    const lower = t.text.length === 2 || t.text.length === 3 ? t.text.toLowerCase() : '';
    if ((lower === 'he' || lower === 'she') && !inQuote(t.start)) {
      subjects.push({
        firstToken: i,
        endToken: i + 1,
        entity: null,
        text: t.text,
        form: 'pronoun',
        possessive: false,
        pronoun: lower,
      });
    }
  }
  subjects.sort((a, b) => a.firstToken - b.firstToken);
  // Resolve pronouns left to right: he/she is the last person of a compatible gender who was the subject
  // of a clause before it ("Luis Ortega, the bus driver, said … “…,” he said").
  // The most recent such subject of each gender: a pronoun only ever needs the latest one of its gender.
  // Each remembers where it was last a subject: "she" takes the more recent of the last woman and the
  // last person of unknown gender ("Ann Lee, an economist, said … “…,” she added" after an earlier
  // "Mrs. Roe" — Lee, whose gender nothing states, was attributed last).
  const latest = new Map<Gender, { entity: string; at: number; spoke: boolean; opens: boolean }>();
  // The last person of each known gender named anywhere (object or subject): "To professor Ann Lee, the
  // plan looked doomed. ¶ “…,” she said" — Lee was never a subject, and the last woman who was one is
  // paragraphs back.
  const mentioned = new Map<Gender, { entity: string; at: number }>();
  // Genders learnt from the pronouns that stood for a person of unknown gender (see below).
  const inferred = new Map<string, Gender>();
  const genderOf = (entity: string): Gender => inferred.get(entity) ?? statedGender(entity);
  const paragraphOfToken = paragraphCounter(layer);
  for (const s of subjects) {
    if (s.pronoun) {
      const gender = s.pronoun === 'he' ? 'male' : 'female';
      let wanted = latest.get(gender);
      const named = mentioned.get(gender);
      const here = paragraphOfToken(s.firstToken);
      // Not when another person is the subject of the mention's own sentence ("Sen. Kerrin Lind is
      // drawing contrasts with Hale. ¶ “…,” he said" is Lind's).
      const sentenceOf = (t: number) => layer.tokens[t]?.sentence ?? -1;
      const subjectBeside = [...latest.values()].some(
        (l) => named !== undefined && l.entity !== named.entity && sentenceOf(l.at) === sentenceOf(named.at),
      );
      if (
        named &&
        !subjectBeside &&
        (!wanted || (wanted.at < named.at && paragraphOfToken(wanted.at) < here - 1)) &&
        paragraphOfToken(named.at) >= here - 1
      ) {
        wanted = { entity: named.entity, at: named.at, spoke: false, opens: false };
        latest.set(gender, wanted);
      }
      const unknown = latest.get(null);
      // The unknown one wins over an earlier one of the right gender only when words were attributed to
      // it or it opens its paragraph as the topic ("Councilwoman Ann Ford met Tom Bell. Bell left. “…,”
      // she said" is Ford's; "Sen. Tom Hale spoke. ¶ Sen. Kerrin Lind is drawing contrasts. ¶ “…,” he
      // said" is Lind's). Measured on PolNeAR train: pronoun accuracy 0.671 → 0.674; letting every more
      // recent unknown one win lowered it to 0.665.
      // Also when it is the subject in the pronoun's own paragraph and the one of the right gender was
      // last a subject in an earlier paragraph ("Tom Hale argued. ¶ Okafor gave money; indeed, he said …").
      // And when it is the subject of the pronoun's own sentence and the one of the right gender was last a
      // subject in an earlier sentence ("Sen. Reed said he had not read the plan" — Reed, whose gender
      // nothing states, not the last man named two sentences back).
      const nearer =
        unknown !== undefined &&
        wanted !== undefined &&
        ((paragraphOfToken(unknown.at) === here && paragraphOfToken(wanted.at) < here) ||
          (sentenceOf(unknown.at) === sentenceOf(s.firstToken) &&
            sentenceOf(wanted.at) < sentenceOf(s.firstToken)));
      const pick =
        wanted && (!(unknown?.spoke || unknown?.opens || nearer) || wanted.at > (unknown?.at ?? -1))
          ? wanted
          : unknown;
      // No subject of that gender or of unknown gender yet: the last person of unknown gender named in
      // this paragraph or the one before, as object or in a long aside ("A quote came from student Dee
      // Vance. “…,” she said"; "Pia Novak, 19, from Marlow County, disagrees. “…,” he says").
      const lastNamed = mentioned.get(null);
      const fallback =
        !pick && lastNamed && paragraphOfToken(lastNamed.at) >= here - 1
          ? { entity: lastNamed.entity, at: lastNamed.at, spoke: false, opens: false }
          : undefined;
      if (fallback) latest.set(null, fallback);
      s.entity = (pick ?? fallback)?.entity ?? null;
      // The pronoun is itself the subject: it keeps its person the latest one.
      // A pronoun resolved to the person of unknown gender as the subject of a clause another person
      // of this sentence reports ("Ayres said …. But Greenberg noted … and said she can recover. “…,” he
      // said"): that person is talked about, not the one speaking now, so it neither moves ahead as the
      // latest subject nor takes the pronoun's gender. The reporter's own "he" ("Lee noted that he'd
      // demur") still does.
      const reported = pick !== undefined && isClauseSubject(layer, s) && isReportedSubject(layer, s);
      const aboutAnother =
        reported &&
        pick === unknown &&
        [...latest.values()].some(
          (l) =>
            l.entity !== pick.entity && l.at < s.firstToken && sentenceOf(l.at) === sentenceOf(s.firstToken),
        );
      if (pick && isClauseSubject(layer, s) && !aboutAnother) {
        pick.at = s.firstToken;
        s.topic = !reported;
        // "Walz took a softer line. She said she would rather elect Ann Lee. “…,” she said": once "she"
        // stands for a person whose gender nothing stated, that person is the latest woman too — the
        // woman named after her as an object does not take over the next "she".
        if (pick === unknown && s.entity) {
          inferred.set(s.entity, gender);
          latest.set(gender, { ...pick });
        }
      }
    } else if (s.entity && !s.possessive && !s.pronoun)
      mentioned.set(genderOf(s.entity), { entity: s.entity, at: s.firstToken });
    // A person words were attributed to (see findQuotes) is a speaking subject wherever the name stands,
    // unless another person is the subject of that sentence ("Lee was asked by moderator Tom Hale whether
    // …“…” ¶ But he stumbled" — Lee, not the asker).
    const spokeHere =
      !s.pronoun &&
      spoken.has(s.firstToken) &&
      !(
        isObjectOfPreposition(layer, s) &&
        [...latest.values()].some(
          (l) =>
            l.entity !== s.entity && layer.tokens[l.at]?.sentence === layer.tokens[s.firstToken]?.sentence,
        )
      );
    if (
      !s.pronoun &&
      s.entity &&
      (spokeHere ||
        (!s.possessive && (isClauseSubject(layer, s) || latest.size === 0) && !isReportedSubject(layer, s)))
    ) {
      s.topic = true;
      latest.set(genderOf(s.entity), {
        entity: s.entity,
        at: s.firstToken,
        spoke: spokeHere || isSpeakingSubject(layer, s),
        opens: opensParagraph(layer, s.firstToken),
      });
    }
  }
  return subjects.filter((s) => s.entity !== null);
}

/** Tokens from a speech verb to the subject of a clause it reports: "Lee said on Tuesday that Roe was
 * ready while Hale is not". */
const MAX_REPORTED_REACH = 20;

/** The subject of a clause reported by another's speech verb: in "Dana Roe said Tom Hale was ready.
 * “…,” she said", Hale is what Roe talked about, not who speaks next; "she" stays Roe. */
function isReportedSubject(layer: TokenLayer, s: Subject): boolean {
  if (afterComplementizer(layer, s.firstToken)) return true;
  if (opensMainClause(layer, s.firstToken)) return false;
  const sentence = layer.tokens[s.firstToken]?.sentence;
  for (let b = s.firstToken - 1; b >= Math.max(0, s.firstToken - MAX_REPORTED_REACH); b--) {
    const verb = layer.tokens[b];
    if (!verb || verb.sentence !== sentence) return false;
    // A participle after an auxiliary is finite ("Hale’s been arguing that Roe …", "Lee is saying").
    if (speaks(verb) && (!isParticiple(verb.text) || layer.tokens[b - 1]?.pos === 'AUX')) {
      if (hasSubjectBefore(layer, b)) return true;
      // "Lee, in Ohio, said Tuesday that Roe …": the verb's subject sits before an aside; only a name
      // right after the verb, titles aside, is its inverted subject ("says economist Ann Lee").
      for (let u = b + 1; u < s.firstToken; u++) if (!isPhraseWord(layer.tokens[u])) return true;
      // "The firm's lawyer, Al Marsh, said Tom Dunlow was …": a name with a verb of its own opens the
      // clause the verb reports, whatever stands before the verb.
      return ownVerbFollows(layer, s);
    }
  }
  return false;
}

/** Whether the subject at `first` opens the main clause after a fronted subordinate clause: "When Dorn
 * pointed out that Vance calls it “care for all,” Lee seized upon the phrase" — Lee is no subject of the
 * clause "calls" reports, though that verb and its subject stand a few words before. */
function opensMainClause(layer: TokenLayer, first: number): boolean {
  const { tokens } = layer;
  let b = first - 1;
  while (/^["“”«»„]$/.test(tokens[b]?.text ?? '')) b--;
  if (tokens[b]?.text !== ',') return false;
  const opener = tokens[layer.sentences[tokens[first]?.sentence ?? -1]?.firstToken ?? -1];
  return opener !== undefined && SUBORDINATOR.test(opener.text);
}

/**
 * The speech verb whose reported clause the subject at `first` opens, the clause following it straight
 * on ("Lee said Hale …", "Lee said on Monday that Hale …"), or -1. Stricter than isReportedSubject: a
 * subject after "while", "though" or ", and" opens a clause of its own ("Roe said …, while Hale said that
 * the “stakes …”" — the fragment is Hale's).
 */
function reportingVerb(layer: TokenLayer, first: number, floor: number): number {
  const { tokens } = layer;
  let b = first - 1;
  if (/^that$/i.test(tokens[b]?.text ?? '')) {
    b--;
    // "said in her first address that …": a prepositional adjunct before "that".
    let a = b;
    while (a > floor && a > b - MAX_ADJUNCT_WORDS && isPhraseWord(tokens[a]) && tokens[a]?.pos !== 'ADP') a--;
    const verb = tokens[a - 1];
    if (a < b && tokens[a]?.pos === 'ADP' && verb && speaks(verb)) b = a - 1;
  }
  while (b > floor && tokens[b]?.pos === 'ADV') b--;
  b = beforeTimeAdjunctStart(tokens, b, floor);
  const verb = tokens[b];
  if (b < floor || !verb || verb.sentence !== tokens[first]?.sentence || !speaks(verb)) return -1;
  return isParticiple(verb.text) && tokens[b - 1]?.pos !== 'AUX' ? -1 : b;
}

/** Clauses walked up from a quoted fragment's clause to the speech verb reporting it. */
const MAX_REPORT_DEPTH = 3;

/**
 * The person whose speech verb reports the clause that holds a quoted fragment, walking up through
 * clauses that "that" opens after a verb of thinking or wanting: "Lee said she expected that voters will
 * say “no”" → Lee, not "voters"; "Lee said in her address that the manifesto should reaffirm its “close
 * ties”" → Lee. The outermost reporter named as a person wins; none leaves the fragment's own subject.
 */
function fragmentReporter(
  layer: TokenLayer,
  subject: Subject,
  floor: number,
  persons: readonly SubjectCandidate[],
): Subject | undefined {
  let current = subject;
  let found: Subject | undefined;
  for (let depth = 0; depth < MAX_REPORT_DEPTH; depth++) {
    const outer = reportingVerb(layer, current.firstToken, floor);
    const verb = outer >= 0 ? outer : thatClauseVerb(layer, current.firstToken, floor);
    if (verb < 0) break;
    const next = subjectBefore(layer, verb, floor, persons);
    if (!next) break;
    // A reporter named only by a description counts too ("Critics say he once proposed to “…” the law" →
    // critics), but not a passive's subject ("The worry was underscored when Lee lamented the “…”"), nor
    // a definite singular description, which names someone already met ("The veteran senator said he
    // rarely campaigns for “…”": "he" is the senator, resolved to a name).
    if (outer >= 0 && (next.entity || newReferent(layer, next)) && !isPassive(layer, outer)) found = next;
    current = next;
  }
  return found;
}

/** Whether a subject phrase naming no known person introduces someone new rather than pointing back to
 * someone named before: "critics", "some analysts", "a spokesman", "the party's lawyers" — not a pronoun
 * nor "the senator". */
function newReferent(layer: TokenLayer, s: Subject): boolean {
  const first = layer.tokens[s.firstToken];
  if (!first || first.pos === 'PRON') return false;
  const head = layer.tokens[s.endToken - 1]?.text.toLowerCase() ?? '';
  return !/^(the|this|that)$/i.test(first.text) || isPluralCommonNoun(head);
}

/** The verb before "that" opening the clause of the subject at `first` ("she expected that voters …"), or -1. */
function thatClauseVerb(layer: TokenLayer, first: number, floor: number): number {
  const { tokens } = layer;
  let b = first - 1;
  if (!/^that$/i.test(tokens[b]?.text ?? '')) return -1;
  b--;
  while (b > floor && tokens[b]?.pos === 'ADV') b--;
  const verb = tokens[b];
  return b >= floor && verb?.pos === 'VERB' && verb.sentence === tokens[first]?.sentence ? b : -1;
}

/** Words of an adjunct between a speech verb and "that": "said in her first address that". */
const MAX_ADJUNCT_WORDS = 6;

/** The token before a time adjunct ending at `e` ("said on Monday | that"), or `e`. */
function beforeTimeAdjunctStart(tokens: readonly Token[], e: number, floor: number): number {
  if (!TIME_NOUN.test(tokens[e]?.text ?? '')) return e;
  let b = e - 1;
  while (b > floor && b >= e - 2 && TIME_OPENER.test(tokens[b]?.text ?? '')) b--;
  return b;
}

/** Words of a subject's own phrase walked back over to a complementizer: "that its reporter Dan Roe". */
const MAX_COMPLEMENT_LEAD = 4;

/**
 * Whether the subject at `first` opens a clause after "that" or "whether" — a clause someone reports,
 * argues or doubts, whatever the verb or noun before it: "Hale has been making the case that Tim Roe is
 * not ready", "Hale pointed out that its reporter Dan Roe had written it". The person is talked about, not
 * who he/she is next. "That" as a determiner ("that reporter said") stands right before a noun: only a
 * "that" right before the name, a determiner or a possessive counts.
 */
function afterComplementizer(layer: TokenLayer, first: number): boolean {
  const { tokens } = layer;
  let b = first - 1;
  while (
    b >= first - MAX_COMPLEMENT_LEAD &&
    tokens[b] !== undefined &&
    !/^(that|whether)$/i.test(tokens[b]?.text ?? '') &&
    (tokens[b]?.pos === 'DET' ||
      tokens[b]?.pos === 'ADJ' ||
      tokens[b]?.pos === 'NOUN' ||
      POSSESSIVE.test(tokens[b]?.text ?? '') ||
      /^[’']s?$/.test(tokens[b]?.text ?? ''))
  )
    b--;
  const word = tokens[b];
  if (!word || !/^(that|whether)$/i.test(word.text) || word.sentence !== tokens[first]?.sentence)
    return false;
  const after = tokens[b + 1];
  return b + 1 === first || after?.pos === 'DET' || POSSESSIVE.test(after?.text ?? '');
}

/** The paragraph number of a token, counted once over the tokens (a newline between two tokens starts
 * a paragraph), for tokens asked in increasing order or not. */
function paragraphCounter(layer: TokenLayer): (t: number) => number {
  const numbers = new Int32Array(layer.tokens.length);
  let n = 0;
  // The next newline at or after the previous token's end, found once per newline, not per token.
  let newline = layer.text.indexOf('\n');
  for (let t = 1; t < layer.tokens.length; t++) {
    const before = layer.tokens[t - 1];
    const token = layer.tokens[t];
    if (!before || !token) continue;
    if (newline >= 0 && newline < before.end) newline = layer.text.indexOf('\n', before.end);
    if (newline >= 0 && newline < token.start) n++;
    numbers[t] = n;
  }
  return (t) => numbers[t] ?? 0;
}

/** Whether a token is the first of its paragraph: the topic subject of a paragraph ("Ann Lee is drawing
 * contrasts with her rivals. ¶ He said …" — the paragraph before named someone else). */
function opensParagraph(layer: TokenLayer, t: number): boolean {
  const token = layer.tokens[t];
  const before = layer.tokens[t - 1];
  return token !== undefined && (!before || layer.text.slice(before.end, token.start).includes('\n'));
}

/** A speech verb used as a verb: "address" in "Trump's March 4 address" is a noun. */
function speaks(token: Token, next?: Token): boolean {
  // "will continue to be": an aspect verb before "to" says nothing.
  if (next && next.text.toLowerCase() === 'to' && /^continu/i.test(token.text)) return false;
  return token.pos === 'VERB' && isSpeechVerb(token.text);
}

/** A speech verb at token `t`, or a phrasal one ending its phrase: "“…,” Lee went on.", "Roe shot back,
 * “…”", "Hale pointed out that …" — but not "went on to win" or "shot back into the lead", where the
 * particle leads on to other words. */
/** Possessive determiners that make the speech-verb word after them a noun ("his comment", "their
 * claims"). Not "her", which is as often an object ("heard her say"). */
const NOUN_POSSESSIVE = /^(his|their|its|our|my|your)$/i;

function speaksAt(layer: TokenLayer, t: number): boolean {
  const token = layer.tokens[t];
  if (!token) return false;
  // "Ana Ruiz put out a note saying his comment “is out of line”": after a possessive the word is the
  // noun the tagger took for a verb; the quote is Ruiz's, not the note's.
  if (NOUN_POSSESSIVE.test(layer.tokens[t - 1]?.text ?? '')) return false;
  if (speaks(token, layer.tokens[t + 1])) return true;
  const particle = layer.tokens[t + 1];
  if (!particle || particle.sentence !== token.sentence) return false;
  // The tagger reads "shot" in "Pell shot back." as a noun; after a name or pronoun it is the verb.
  const before = layer.tokens[t - 1]?.pos;
  if (token.pos === 'NOUN' && before !== 'PROPN' && before !== 'PRON') return false;
  if (!isPhrasalSpeechVerb(token.text, particle.text)) return false;
  // "Roe fired back forcefully: “…”": adverbs of manner after the particle.
  let a = t + 2;
  while (a < t + 4 && layer.tokens[a]?.pos === 'ADV' && /ly$/i.test(layer.tokens[a]?.text ?? '')) a++;
  const after = layer.tokens[a];
  // "“…,” Pell shot back with a laugh.": a manner phrase after the particle.
  return !after || after.sentence !== token.sentence || /^([,.:;!?"“”«»„—–-]|that|with)$/i.test(after.text);
}

/** Tokens an appositive may span: "Luis Ortega, the bus driver whom passengers have hailed as a hero, said". */
const MAX_APPOSITIVE_SKIP = 20;

/** A subject is followed by a verb, possibly after an adverb or an appositive ("Lukashenko then said"). */
function isClauseSubject(layer: TokenLayer, s: Subject): boolean {
  return clauseVerb(layer, s) >= 0;
}

/** Words of a place or body after a name: "of New York", "from the Bronx". */
const MAX_PLACE_WORDS = 5;

/** A subject that a speech verb attributes words to: "Lee said", "says economist Ann Lee". */
function isSpeakingSubject(layer: TokenLayer, s: Subject): boolean {
  return speaksAt(layer, clauseVerb(layer, s));
}

/** The token index of the verb whose subject `s` is, or -1: "Lee then said", "Lee, 70, told", and
 * inverted "says economist Ann Lee", "said a spokeswoman for the airline, Jane Roe". */
function clauseVerb(layer: TokenLayer, s: Subject): number {
  const { tokens } = layer;
  if (isObjectOfPreposition(layer, s)) return -1;
  // Inverted: the speech verb before the name (past title words, a phrase and its comma).
  for (let b = s.firstToken - 1; b >= Math.max(0, s.firstToken - MAX_PHRASE_TOKENS); b--) {
    const token = tokens[b];
    if (!token || token.sentence !== tokens[s.firstToken]?.sentence) break;
    if (speaksAt(layer, b)) {
      // "Hale played the gracious victor, thanking treasurer Tom Adair and …": a participle's name is its
      // object; an inverted attribution has a finite verb ("said chairman Tom Adair").
      if (hasSubjectBefore(layer, b) || (isParticiple(token.text) && tokens[b - 1]?.pos !== 'AUX')) break;
      // "…, said Tom Dunlow was …": the name is the subject of the reported clause, not inverted.
      if (ownVerbFollows(layer, s)) break;
      return b;
    }
    if (!isPhraseWord(token) && token.text !== ',') break;
  }
  let t = s.endToken;
  const sentence = tokens[s.firstToken]?.sentence;
  // "Rep. Ann Lee (D-Ohio) reacted, saying": a bracketed party or place belongs to the name.
  if (tokens[t]?.text === '(') {
    for (let c = t + 1; c < t + MAX_BRACKET_TOKENS && tokens[c]; c++)
      if (tokens[c]?.text === ')') {
        t = c + 1;
        break;
      }
  }
  // "Rep. Ann Lee of Ohio, a party whip, said": a place or body after "of/from" belongs to the name.
  if (/^(of|from)$/i.test(tokens[t]?.text ?? '')) {
    let u = t + 1;
    while (u < t + MAX_PLACE_WORDS && (tokens[u]?.pos === 'PROPN' || tokens[u]?.pos === 'DET')) u++;
    if (u > t + 1 && tokens[u - 1]?.pos === 'PROPN') t = u;
  }
  // "Tom Hale on Thursday stepped up his attacks": a time adjunct before the verb.
  t = afterTimeAdjunct(tokens, t);
  // "his wife, Jane Hale, called for …": the name is itself the aside of the subject, and the verb
  // follows its closing comma.
  if (
    tokens[t]?.text === ',' &&
    tokens[s.firstToken - 1]?.text === ',' &&
    (tokens[t + 1]?.pos === 'VERB' || (tokens[t + 1]?.pos === 'ADV' && tokens[t + 2]?.pos === 'VERB'))
  )
    t++;
  // "campaign chairman Karl Pudlow — the senator's former aide — offered …": an aside between dashes.
  if (isDash(tokens[t])) {
    let close = t + 1;
    while (close < t + MAX_APPOSITIVE_SKIP && tokens[close]?.sentence === sentence && !isDash(tokens[close]))
      close++;
    if (isDash(tokens[close]) && /^(VERB|AUX|ADV)$/.test(tokens[close + 1]?.pos ?? '')) t = close + 1;
  }
  if (tokens[t]?.text === ',') {
    const opened = t;
    let close = t + 1;
    for (;;) {
      while (
        close < t + MAX_APPOSITIVE_SKIP &&
        tokens[close] &&
        tokens[close]?.sentence === sentence &&
        tokens[close]?.text !== ','
      )
        close++;
      if (tokens[close]?.text !== ',') return -1;
      // "Ann Lee, founder of the institute, party member since 1960 and long-time delegate from Ohio,
      // endorsed Hale, saying …": an aside of several comma-separated parts; the verb follows the last.
      // A bare "-ing" participle after the aside opens a participle phrase, not the subject's verb ("Hale
      // thanked rivals Ann Lee and Tom Adair, who are tied in the runoff, prompting jeers" — Adair
      // is no subject); "Lee, the mayor, speaking at a rally, said" goes on to "said".
      const verbNext =
        /^(VERB|AUX|ADV)$/.test(tokens[close + 1]?.pos ?? '') && !bareIngParticiple(tokens, close + 1);
      if (verbNext || close + 1 - opened >= MAX_ASIDE_TOKENS) break;
      t = close;
      close = t + 1;
    }
    t = close + 1;
  }
  let verb = -1;
  for (const end = t + 3; t < Math.min(end, tokens.length); t++) {
    const token = tokens[t];
    if (!token) return verb;
    if (token.pos === 'VERB' || token.pos === 'AUX') {
      verb = t;
      // "Lee has said": the auxiliary's main verb, when one follows, is the clause's verb.
      if (token.pos === 'VERB') return verb;
      continue;
    }
    if (adjectiveReadVerb(layer, t)) return t;
    // "Lee himself seemed to know", "Lee’s been arguing" ('s for "has").
    if (token.pos !== 'ADV' && !REFLEXIVE.test(token.text) && !(t === s.endToken && contractsHas(layer, t)))
      return verb;
  }
  return verb;
}

/**
 * A past tense right after a name that the tagger read as an adjective, with an object or particle
 * after it: "Hale referenced a report …", "Lee shrugged off the question" (the name is the subject).
 */
function adjectiveReadVerb(layer: TokenLayer, t: number): boolean {
  const { tokens } = layer;
  const token = tokens[t];
  return (
    token?.pos === 'ADJ' &&
    /ed$/i.test(token.text) &&
    tokens[t - 1]?.pos === 'PROPN' &&
    /^(DET|PRON|ADP|NUM)$/.test(tokens[t + 1]?.pos ?? '')
  );
}

const REFLEXIVE = /^(himself|herself|themselves|itself)$/i;

/** Whether a finite verb of the name's own follows it, adverbs and an opening quotation mark aside ("Tom
 * Dunlow was", "Lee then said", "she “stayed …”"): such a name opens a clause and is no inverted subject
 * of a verb before it ("said Lee."). */
function ownVerbFollows(layer: TokenLayer, s: Subject): boolean {
  const { tokens } = layer;
  let t = s.endToken;
  if (/^["“«„]$/.test(tokens[t]?.text ?? '')) t++;
  while (tokens[t]?.pos === 'ADV' && t < s.endToken + 2) t++;
  const verb = tokens[t];
  return (
    verb !== undefined &&
    verb.sentence === tokens[s.firstToken]?.sentence &&
    (verb.pos === 'AUX' || verb.pos === 'VERB') &&
    /^\p{Ll}/u.test(verb.text) &&
    !/ing$/i.test(verb.text)
  );
}

/** An "-ing" verb with no auxiliary before it: "prompting" in "…, prompting jeers", not "is drawing". */
function bareIngParticiple(tokens: readonly Token[], t: number): boolean {
  const token = tokens[t];
  return token?.pos === 'VERB' && /\p{Ll}ing$/u.test(token.text) && tokens[t - 1]?.pos !== 'AUX';
}

/** Whether the "’s" at token `t` is "has", not a possessive: "Lee’s been arguing", "Lee’s got a plan" —
 * no possessed noun is ever "been" or "got". */
function contractsHas(layer: TokenLayer, t: number): boolean {
  return (
    /^[’']s$/i.test(layer.tokens[t]?.text ?? '') &&
    /^(been|got|gotten)$/i.test(layer.tokens[t + 1]?.text ?? '')
  );
}

/** "he said Ryan": a verb with its own subject right before it is no inverted attribution of the name
 * after it. */
function hasSubjectBefore(layer: TokenLayer, verb: number): boolean {
  let b = verb - 1;
  // An inverted attribution never has an auxiliary ("“…,” said Roe", never "did not mention Roe"): the
  // auxiliary's subject stands before it, maybe past an aside ("Hale, who spoke, did not mention Roe").
  // Nor after "and/but": the verb shares the clause subject ("Lee argued …, but suggested Hale went too
  // far" — Hale is what Lee talked about).
  // Nor after "to": an infinitive's subject is the clause's ("Lee took the call, though merely to tell
  // Tom Hale that he …" — Hale is whom she told).
  const previous = layer.tokens[b];
  if (
    previous?.pos === 'AUX' ||
    previous?.pos === 'CCONJ' ||
    (previous?.pos === 'PART' && /^(not|n[’']t|to)$/i.test(previous.text))
  )
    return true;
  while (isVerbFiller(layer.tokens[b])) b--;
  if (contractsHas(layer, b)) b--;
  const before = layer.tokens[b];
  if (before?.text === ',' && closesRelativeAside(layer, b)) return true;
  return (
    before !== undefined &&
    before.sentence === layer.tokens[verb]?.sentence &&
    (before.pos === 'PRON' || before.pos === 'PROPN' || before.pos === 'NOUN')
  );
}

/** Whether the comma at `c` closes a relative clause set off after a noun ("Hale, who has a big lead,
 * mocked Lee for …"): the verb after it has its subject before the aside, and the name after the verb is
 * its object, no inverted speaker ("“…,” said Lee" has a quote mark, not a comma, before the verb). */
function closesRelativeAside(layer: TokenLayer, c: number): boolean {
  const { tokens } = layer;
  const sentence = tokens[c]?.sentence;
  for (let b = c - 1; b > c - MAX_APPOSITIVE_SKIP && b > 0; b--) {
    const token = tokens[b];
    if (!token || token.sentence !== sentence || /^["“”«»„]$/.test(token.text)) return false;
    if (token.text === ',')
      return (
        /^(who|whose|which)$/i.test(tokens[b + 1]?.text ?? '') &&
        /^(PROPN|NOUN)$/.test(tokens[b - 1]?.pos ?? '')
      );
  }
  return false;
}

/** Names joined in one phrase after a preposition: "congratulations to rivals Ann Lee and Tom Hale". */
const MAX_OBJECT_TOKENS = 8;

/** A name inside a prepositional phrase ("… to rivals Ann Lee and Tom Hale, who are …") is no clause
 * subject: walk back over names, title nouns and "and" to the word that governs them. */
function isObjectOfPreposition(layer: TokenLayer, s: Subject): boolean {
  const { tokens } = layer;
  for (let b = s.firstToken - 1; b >= Math.max(0, s.firstToken - MAX_OBJECT_TOKENS); b--) {
    const token = tokens[b];
    if (!token || token.sentence !== tokens[s.firstToken]?.sentence) return false;
    if (token.pos === 'ADP') return !/^(according)$/i.test(tokens[b - 1]?.text ?? '');
    if (token.pos !== 'PROPN' && token.pos !== 'NOUN' && token.text.toLowerCase() !== 'and') return false;
  }
  return false;
}

/** Tokens an attribution may sit from its quote: "“…,” Maria K. Olsen, the mayor's adviser on housing, said". */
const MAX_ATTRIBUTION_REACH = 25;
/** Words a descriptive speaker may run to: "a spokeswoman for the regional hotel chain". */
const MAX_PHRASE_TOKENS = 12;

/** Tokens that may stand between a subject and its verb: "she has said", "Olsen then told", "did not say". */
const isVerbFiller = (t: Token | undefined) =>
  t !== undefined && (t.pos === 'ADV' || t.pos === 'AUX' || t.pos === 'PART') && !/^[’']s$/.test(t.text);

/** Words a noun phrase is made of, its head last: "a spokeswoman for the airline", "the company's lawyers". */
const NP_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'PRON']);
const NP_LINKS = new Set(['of', 'for', 'at', 'from', 'with', 'on', 'to']);
const isPhraseWord = (t: Token | undefined) =>
  t !== undefined &&
  (NP_POS.has(t.pos) ||
    /^[’']s?$/.test(t.text) ||
    t.text === '-' ||
    (t.pos === 'ADP' && NP_LINKS.has(t.text.toLowerCase())) ||
    (t.pos === 'CCONJ' && t.text.toLowerCase() === 'and'));
/** A phrase's head: a noun, a name or a pronoun ("officials", "the ministry", "they"). */
const isHead = (t: Token | undefined) =>
  t !== undefined &&
  (t.pos === 'NOUN' ||
    t.pos === 'PROPN' ||
    (t.pos === 'PRON' && !/^(it|this|that|which|who)$/i.test(t.text)));
const POSSESSIVE = /^(his|her|their|its|our|my|your)$/i;
/** Pronouns that open a relative clause after a noun phrase. */
const RELATIVE = /^(who|whom|whose|which|that)$/i;

/** An adjective standing for a person after a determiner and ending its phrase: "said the 52-year-old.",
 * "the elder said" — the tagger reads "52-year-old" as an adjective with no noun after it. */
function isNominalAdjective(layer: TokenLayer, t: number): boolean {
  const { tokens } = layer;
  const token = tokens[t];
  const next = tokens[t + 1];
  // "said the camp chief known as Sam": the tagger reads a head noun after a noun as an adjective too.
  return (
    token?.pos === 'ADJ' &&
    (tokens[t - 1]?.pos === 'DET' || tokens[t - 1]?.pos === 'NOUN') &&
    (next === undefined || !(next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ'))
  );
}
/** Nouns of time are adjuncts, not speakers: "Trump on Tuesday said". */
const TIME_NOUN =
  /^(today|yesterday|tonight|week|weekend|month|year|day|morning|afternoon|evening|night|time|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)s?$/i;

/** Words that open a time adjunct before its noun of time: "on Thursday", "late Monday", "this week". */
const TIME_OPENER = /^(on|in|at|late|early|earlier|last|this|next|the)$/i;

/** The token after a time adjunct starting at `t` ("Hale on Thursday stepped up …", "Lee last week
 * said"), or `t` when none starts there. At most three words: constant work. */
function afterTimeAdjunct(tokens: readonly Token[], t: number): number {
  let u = t;
  while (u < t + 2 && TIME_OPENER.test(tokens[u]?.text ?? '')) u++;
  return TIME_NOUN.test(tokens[u]?.text ?? '') && tokens[u]?.sentence === tokens[t]?.sentence ? u + 1 : t;
}

/** Where a time adjunct ending right before `e` starts ("Hale on Thursday | said"), or `e`. */
function beforeTimeAdjunct(tokens: readonly Token[], e: number, floor: number): number {
  if (e - 1 < floor || !TIME_NOUN.test(tokens[e - 1]?.text ?? '')) return e;
  // "the Global Times said": a capitalised noun of time after a name word ends that name.
  if (inName(tokens, e - 1) && !WEEKDAY_OR_MONTH.test(tokens[e - 1]?.text ?? '')) return e;
  let b = e - 1;
  while (b - 1 >= Math.max(floor, e - 3) && TIME_OPENER.test(tokens[b - 1]?.text ?? '')) b--;
  // Only when a phrase's head stands before it: "the vote on Monday said" is no subject.
  return b > floor && isHead(tokens[b - 1]) && !TIME_NOUN.test(tokens[b - 1]?.text ?? '') ? b : e;
}

const WEEKDAY_OR_MONTH =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december)$/i;

/** A capitalised word right after a name word goes on with the name whatever its tag: "the Global
 * Times", "The Miami Herald" (Herald read as a verb). */
function inName(tokens: readonly Token[], i: number): boolean {
  return /^\p{Lu}/u.test(tokens[i]?.text ?? '') && tokens[i - 1]?.pos === 'PROPN';
}

/** Written messages through which their author speaks (own list, general English): "issued a statement
 * saying", "sent a letter urging", and a campaign's own advertising ("released a radio ad calling it …"). */
const MESSAGE_NOUN =
  /^(statement|letter|release|email|e-mail|memo|message|post|tweet|note|ad|advert|advertisement|commercial)s?$/i;

function phrase(layer: TokenLayer, first: number, end: number): Subject {
  const { tokens, text } = layer;
  return {
    firstToken: first,
    endToken: end,
    entity: null,
    text: text.slice(tokens[first]?.start ?? 0, tokens[end - 1]?.end ?? 0),
  };
}

/** Where a subject must end for the verb at `v`: before adverbs and auxiliaries ("she has said") and an
 * appositive or aside between commas ("Olsen, 70, told"; "Maria K. Olsen, the mayor's adviser, said"). */
/** Tokens a bracket after a name may hold: "(D-Ohio)", "(R-N.Y.)". */
const MAX_BRACKET_TOKENS = 8;

/**
 * A word capitalised inside its sentence, not after an opening quote, bracket, colon or dash: a name's
 * capital, whatever the tagger made of the word. '"It is late," Will wrote' — "Will" read as an
 * auxiliary is the surname of the Tom Will the article named; "Lee will say" keeps its auxiliary.
 */
function capitalisedInSentence(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const before = tokens[i - 1];
  if (!t || !before || before.sentence !== t.sentence || !/^\p{Lu}/u.test(t.text)) return false;
  if (/^[“‘(:—–]$/.test(before.text)) return false;
  // A straight quote opens when a space stands before it and none after it.
  return !(before.text === '"' && before.end === t.start && (tokens[i - 2]?.end ?? -1) < before.start);
}

/** A filler between a subject and its verb (see isVerbFiller), unless its capital makes it a name. */
const fillerAt = (tokens: readonly Token[], i: number) =>
  isVerbFiller(tokens[i]) &&
  !capitalisedInSentence(tokens, i) &&
  // "…; most said": a quantifier the tagger reads as an adverb is the subject, not a filler.
  !(GROUP_QUANTIFIER.test(tokens[i]?.text ?? '') && standsForGroup(tokens, i + 1, 0));

function subjectEndBefore(layer: TokenLayer, v: number, floor: number): number {
  const { tokens } = layer;
  let e = v;
  while (e - 1 >= floor && fillerAt(tokens, e - 1)) e--;
  // "Lee on Thursday stepped up …": a time adjunct between subject and verb.
  e = beforeTimeAdjunct(tokens, e, floor);
  while (e - 1 >= floor && fillerAt(tokens, e - 1)) e--;
  // "Sen. Ann Lee (D-Ohio) said": a bracketed party or place belongs to the name before it.
  if (tokens[e - 1]?.text === ')') {
    for (let c = e - 2; c >= Math.max(floor, e - MAX_BRACKET_TOKENS); c--)
      if (tokens[c]?.text === '(') {
        e = c;
        break;
      }
  }
  if (tokens[e - 1]?.text === ',') {
    for (let c = e - 2; c >= Math.max(floor, e - MAX_APPOSITIVE_SKIP); c--) {
      if (tokens[c]?.text === ',') return bracketStart(layer, c, floor);
    }
  }
  return e;
}

/** Where a bracket closing right before `e` opens ("Sen. Ann Lee (D-Ohio), who …"), else `e`. */
function bracketStart(layer: TokenLayer, e: number, floor: number): number {
  if (layer.tokens[e - 1]?.text !== ')') return e;
  for (let c = e - 2; c >= Math.max(floor, e - MAX_BRACKET_TOKENS); c--)
    if (layer.tokens[c]?.text === '(') return c;
  return e;
}

/**
 * The subject of the speech verb at token `v`, found in tokens from `floor`: a person mention ending
 * where the subject must end; else the noun phrase there, as written and with no entity ("a spokeswoman
 * for the hotel chain", "the ministry", "party officials", "they").
 */
function subjectBefore(
  layer: TokenLayer,
  v: number,
  floor: number,
  persons: readonly SubjectCandidate[],
  nested = false,
): Subject | undefined {
  const { tokens } = layer;
  const head = asideHead(layer, v, floor, persons);
  if (head) return head;
  const e = subjectEndBefore(layer, v, floor);
  // "The mayor met a farmer who said the drought was “…”", "Hale met union leaders who told him, “…”": a
  // relative pronoun right before the verb stands for the phrase it follows, not for the sentence's subject.
  // Not a written message ("the firm released a statement that said …": its author speaks through it).
  if (!nested && e === v && RELATIVE.test(tokens[e - 1]?.text ?? '') && isHead(tokens[e - 2])) {
    const antecedent = subjectBefore(layer, e - 1, floor, persons, true);
    if (antecedent && relativeSpeaker(tokens, e - 1, antecedent)) return antecedent;
  }
  // "a party aide who would talk only unnamed about the plans said", "another source
  // speaking to the Harbour News said": the subject is the phrase the relative or participle clause
  // modifies, not the clause's last words.
  const modified = nested ? -1 : modifyingClause(layer, e, floor);
  if (modified >= 0) {
    const subject = subjectBefore(layer, modified, floor, persons, true);
    // An adjective's phrase is part of the description as written ("an official familiar with Hale’s
    // plans"); a relative or participle clause is not ("a party aide who would talk only unnamed").
    if (
      subject &&
      subject.entity === null &&
      subject.endToken === modified &&
      tokens[modified]?.pos === 'ADJ'
    )
      return phrase(layer, subject.firstToken, e);
    if (subject) return subject;
  }
  // Only mentions starting within a phrase's reach of `e` can end there: a binary search, not a scan.
  const near = persons.slice(
    firstAtOrAfter(persons, Math.max(floor, e - MAX_PHRASE_TOKENS), (s) => s.firstToken),
    firstAtOrAfter(persons, e, (s) => s.firstToken),
  );
  // "a spokesman for Ann Lee said", "a spokeswoman for the mayoral candidate Ann Lee called": a name
  // governed by a preposition, past the title words before it, is not the subject.
  // "Tom Hale of the Harbour Times wrote": a name after "of" that follows a person's name is where that
  // person works, not who speaks (the paper's name is sometimes typed as a person).
  const ofPerson = (s: Subject) => {
    let b = s.firstToken - 1;
    if (tokens[b]?.pos === 'DET') b--;
    return tokens[b]?.text.toLowerCase() === 'of' && persons.some((p) => p.endToken === b && !p.possessive);
  };
  const governed = (s: Subject) => governedName(layer, s.firstToken, floor) || ofPerson(s);
  const person = near.find((s) => s.endToken === e && !s.possessive && !governed(s));
  if (person) return person;
  // The same with the workplace typed as an organisation, so no subject at all ("George Zolnik of The Harbour
  // Nation wrote"): a capitalised run ending at the verb, "of" before it, a person before that.
  let runStart = e;
  while (runStart > floor && /^\p{Lu}/u.test(tokens[runStart - 1]?.text ?? '')) runStart--;
  if (runStart < e && tokens[runStart - 1]?.text.toLowerCase() === 'of') {
    const worker = persons.find((p) => p.endToken === runStart - 1 && !p.possessive);
    if (worker && !near.some((s) => s.endToken === e)) return worker;
  }
  const place = near.find((s) => s.endToken === e && ofPerson(s));
  if (place) {
    const of = tokens[place.firstToken - 1]?.pos === 'DET' ? place.firstToken - 2 : place.firstToken - 1;
    const owner = persons.find((p) => p.endToken === of && !p.possessive);
    if (owner) return owner;
  }
  // "Tina Marsh of Dayton, Ohio says": a town and its state after "of/from" belong to the name before them.
  const resident = placeOwner(layer, e, floor, persons);
  if (resident) return resident;
  // An aside with commas of its own ("Dean Roe, a salesman from Sumter, Ohio, says"): a person ending at
  // an earlier comma within the aside's reach.
  if (tokens[e]?.text === ',') {
    for (let c = e - 1; c >= Math.max(floor, v - MAX_APPOSITIVE_SKIP); c--) {
      if (tokens[c]?.text !== ',') continue;
      const earlier = persons.slice(
        firstAtOrAfter(persons, Math.max(floor, c - MAX_PHRASE_TOKENS), (s) => s.firstToken),
        firstAtOrAfter(persons, c, (s) => s.firstToken),
      );
      const named = earlier.find((s) => s.endToken === c && !s.possessive);
      if (named) return named;
    }
  }
  // The subject is no person but the aside names one: "A spokesman, Tom Hale, said" (the name in
  // apposition), "The memo, written by engineer Ann Lee, said" (its author).
  const aside = asidePerson(layer, e, v, persons);
  if (aside) return aside;
  const nameEnd = inName(tokens, e - 1);
  // "Another tweeted, “…”", "One wrote": a pronoun-like number or determiner standing for its noun.
  const standsForNoun =
    (/^(one|another)$/i.test(tokens[e - 1]?.text ?? '') && tokens[e - 1]?.pos !== 'PRON') ||
    standsForGroup(tokens, e, floor);
  if (
    !(
      isHead(tokens[e - 1]) ||
      isNominalAdjective(layer, e - 1) ||
      nameEnd ||
      standsForNoun ||
      numberedName(tokens, e - 1)
    ) ||
    (TIME_NOUN.test(tokens[e - 1]?.text ?? '') && !nameEnd)
  )
    return undefined;
  let first = e - 1;
  // Walking back, a determiner opens the phrase and a pronoun other than a possessive belongs to another
  // clause: "the rule that you can't whistle" gives "you", not "the rule that you".
  // A determiner after "of/for/at" opens only the inner phrase: "a spokeswoman for the hotel chain".
  // "In" joins a common noun or number to what follows ("a woman in the crowd told", "four in 10 voters
  // say", "a footnote in the report makes"); after a name it opens an adjunct (below).
  const inLink = (i: number) =>
    /^in$/i.test(tokens[i]?.text ?? '') &&
    tokens[i]?.pos === 'ADP' &&
    (tokens[i - 1]?.pos === 'NOUN' || tokens[i - 1]?.pos === 'NUM');
  const opens = (i: number) => {
    const t = tokens[i];
    if (!t) return true;
    if (t.pos === 'PRON') return !POSSESSIVE.test(t.text);
    const before = tokens[i - 1];
    return (
      t.pos === 'DET' && !(before?.pos === 'ADP' && NP_LINKS.has(before.text.toLowerCase())) && !inLink(i - 1)
    );
  };
  while (
    first - 1 >= floor &&
    first > e - MAX_PHRASE_TOKENS &&
    !opens(first) &&
    (isPhraseWord(tokens[first - 1]) ||
      inLink(first - 1) ||
      inName(tokens, first - 1) ||
      isModifierParticiple(tokens, first - 1)) &&
    !(tokens[first - 1]?.pos === 'PRON' && !POSSESSIVE.test(tokens[first - 1]?.text ?? ''))
  )
    first--;
  while (first < e - 1 && tokens[first]?.pos === 'ADP') first++;
  // "Tom Hale in his opening speech called the plan …", "Lee at a rally on Monday said": a prepositional
  // adjunct between a named subject and its verb; the phrase is the adjunct's, the name the subject. Not
  // a name that is itself an object ("voters who met Tom Hale in the square said").
  const adjunct = tokens[first - 1];
  if (adjunct?.pos === 'ADP' && !NP_LINKS.has(adjunct.text.toLowerCase())) {
    const named = persons.find(
      (s) =>
        s.endToken === first - 1 && !s.possessive && !governed(s) && !objectPosition(layer, s.firstToken),
    );
    if (named) return named;
  }
  // A person named inside the phrase is the speaker when the name heads it ("campaign manager Tom
  // Reyes"), not when it follows a preposition ("a spokesman for Tom Reyes" speaks for him).
  const inside = near.find(
    (s) =>
      s.firstToken >= first && s.endToken === e && !s.possessive && !afterLink(layer, first, s.firstToken),
  );
  if (inside) return inside;
  // "Ann Arno, president and chief of the Harbour Restaurant Association stated, “…”": an appositive whose
  // closing comma is missing; the name opening the sentence before its comma is the subject.
  // Not a parenthetical attribution inside the quoted sentence: "Lee, a senior aide said, “is quite
  // confident”" (the quote goes on in lower case with Lee as its subject).
  if (tokens[first - 1]?.text === ',' && !beforeFragment(layer, v)) {
    const opener = persons.find(
      (s) => s.endToken === first - 1 && !s.possessive && !s.pronoun && opensClause(layer, s.firstToken),
    );
    if (opener) return opener;
  }
  return phrase(layer, first, e);
}

/** Things that carry words of their own, written on them (own list, general English): "a sign that read",
 * "a hat that says", "a headline that said". Not a message its author speaks through (MESSAGE_NOUN). */
const INSCRIBED_NOUN =
  /^(sign|banner|placard|poster|billboard|hat|cap|shirt|t-shirt|headline|sticker|button|plaque)s?$/i;

/**
 * Whether the relative pronoun at `r` ("who", "that", "which"), the subject of a speech verb right after
 * it, gives the words to `antecedent`, the phrase before it: a person ("Tom Hale, who said"); after "who",
 * any phrase, which "who" makes a person ("a farmer who said", "someone who conceded"); after "that" or
 * "which", a phrase headed by a person noun ("union leaders that told him") or by a thing with words
 * written on it ("a headline that said"). Not a document or a message ("the resolution which said", "a
 * video that said", "a statement that said"): its author, named elsewhere in the sentence, speaks through it.
 */
function relativeSpeaker(tokens: readonly Token[], r: number, antecedent: Subject): boolean {
  if (antecedent.entity !== null || /^(who|whom)$/i.test(tokens[r]?.text ?? '')) return true;
  const head = (tokens[r - 1]?.text ?? '').toLowerCase();
  const singular = head.replace(/s$/, '');
  return (
    INSCRIBED_NOUN.test(head) ||
    ROLE_NOUNS.has(head) ||
    ROLE_NOUNS.has(singular) ||
    NEWS_PERSON_NOUNS.has(head) ||
    NEWS_PERSON_NOUNS.has(singular)
  );
}

/** Quantifiers that stand for the group just named when they open a clause: "Most voters were uneasy;
 * most said they were “…”", "many warned", "some insist". (The tagger reads "most" as an adverb, "few" as
 * an adjective: no noun head follows.) */
const GROUP_QUANTIFIER = /^(most|many|some|few|several|both|all|others)$/i;

/** Modifiers a quantifier or proportion may open with: "About three in 10", "nearly all", "more than
 * half". */
const GROUP_MODIFIER = /^(about|around|nearly|almost|roughly|only|just|over|under|than|more|fewer|less)$/i;

/**
 * Whether tokens ending at `e` are a quantifier or a proportion standing for a group as the clause's
 * subject: "most said …", "About three in 10 said they were “angry”", "six of 10 say". It must open its
 * clause (sentence start, after a semicolon, colon, comma, dash or "and/but"), so that an object ("the
 * plan won over most") is not taken for a subject.
 */
function standsForGroup(tokens: readonly Token[], e: number, floor: number): boolean {
  const last = tokens[e - 1];
  if (!last) return false;
  let first = e - 1;
  if (last.pos === 'NUM') {
    // "three in 10", "six of 10", "two out of three".
    const link = tokens[e - 2]?.text.toLowerCase() ?? '';
    if (!/^(in|of)$/.test(link) || tokens[e - 3]?.pos !== 'NUM') return false;
    first = tokens[e - 4]?.text.toLowerCase() === 'out' && link === 'of' ? e - 4 : e - 3;
    if (tokens[first]?.pos !== 'NUM' && tokens[first - 1]?.pos === 'NUM') first--;
  } else if (!GROUP_QUANTIFIER.test(last.text) || last.pos === 'NOUN' || last.pos === 'PROPN') return false;
  while (first > floor && GROUP_MODIFIER.test(tokens[first - 1]?.text ?? '')) first--;
  const before = tokens[first - 1];
  return (
    first === floor ||
    !before ||
    before.sentence !== tokens[first]?.sentence ||
    /^[;:,—–-]$/.test(before.text) ||
    (before.pos === 'CCONJ' && /^(and|but)$/i.test(before.text))
  );
}

/** The person named before "of/from Town, State" ending at `e` ("Tina Marsh of Dayton, Ohio"), or undefined. */
function placeOwner(
  layer: TokenLayer,
  e: number,
  floor: number,
  persons: readonly SubjectCandidate[],
): Subject | undefined {
  const { tokens } = layer;
  const nameWords = (end: number) => {
    let b = end;
    while (b > floor && end - b < MAX_PLACE_WORDS && tokens[b - 1]?.pos === 'PROPN') b--;
    return b;
  };
  const state = nameWords(e);
  if (state === e || tokens[state - 1]?.text !== ',') return undefined;
  const town = nameWords(state - 1);
  if (town === state - 1 || !/^(of|from)$/i.test(tokens[town - 1]?.text ?? '')) return undefined;
  return persons.find((p) => p.endToken === town - 1 && !p.possessive && !p.pronoun);
}

/** Whether the speech verb at `v` is followed (past a comma) by a quote opening in lower case. */
function beforeFragment(layer: TokenLayer, v: number): boolean {
  const { tokens } = layer;
  let t = v + 1;
  while (t < v + 3 && /^[,:]$/.test(tokens[t]?.text ?? '')) t++;
  return /^["“«„]$/.test(tokens[t]?.text ?? '') && /^\p{Ll}/u.test(tokens[t + 1]?.text ?? '');
}

/**
 * Where a relative clause ("who spoke …", "whom voters …") or a participle clause ("speaking to …",
 * "briefed on …") that runs up to token `e` starts, when it follows a noun phrase's head; -1 when none
 * does. Walks back at most MAX_ASIDE_TOKENS tokens, never past punctuation, a conjunction or a
 * subordinator (another clause); the farthest such start counts ("an official who met voters who …"). Not "that",
 * which as often opens a reported clause.
 */
function modifyingClause(layer: TokenLayer, e: number, floor: number): number {
  const { tokens } = layer;
  let found = -1;
  const word = (t: Token | undefined) => t !== undefined && /[\p{L}\p{N}]/u.test(t.text);
  // "… oil fields seized by the rebels - said": a subject cut off by a dash is an aside's end.
  // A word after a possessive ends a phrase whatever the tagger made of it ("Hale’s thinking").
  const ends = isPhraseWord(tokens[e - 1]) || /^[’']s?$/.test(tokens[e - 2]?.text ?? '');
  if (!ends || !word(tokens[e - 1]) || !word(tokens[e])) return found;
  let verbAfter = false;
  for (let t = e - 1; t > floor && t >= e - MAX_ASIDE_TOKENS; t--) {
    const token = tokens[t];
    if (!word(token)) break;
    // Another clause starts at a mark, a conjunction or a subordinator ("a voter wanted a selfie and
    // Lee said", "the hall jeered as he told them").
    if (
      !token ||
      token.pos === 'PUNCT' ||
      token.pos === 'CCONJ' ||
      /^that$/i.test(token.text) ||
      SUBORDINATOR.test(token.text)
    )
      break;
    const previous = tokens[t - 1];
    const afterHead = previous !== undefined && (previous.pos === 'NOUN' || previous.pos === 'PROPN');
    // A participle in lower case ("Sen. Ted Cruz": "Ted" is no participle), "-ed" only with its agent
    // ("a letter obtained by the paper"; "a woman asked for" is a finite verb).
    // Also "-ed" with a time adjunct that runs to the verb ("a campaign ad released Thursday accuses …",
    // "a report published last week says").
    const participle =
      token.pos === 'VERB' &&
      /^\p{Ll}/u.test(token.text) &&
      (/ing$/i.test(token.text) ||
        (/ed$/i.test(token.text) &&
          (/^by$/i.test(tokens[t + 1]?.text ?? '') || (t + 1 < e && afterTimeAdjunct(tokens, t + 1) === e))));
    // "a candidate who promised “…”": a relative pronoun right before the verb is its own subject there,
    // inside the relative clause; only a clause ending before the verb modifies its subject.
    if (/^(who|whom)$/i.test(token.text) && afterHead && t < e - 1) found = t;
    // A reduced clause has no finite verb of its own after the participle ("a reporter tweeted at Hale
    // pointing out how the plan was coming from a man who promised …" is no clause about Hale).
    else if (participle && afterHead && t < e - 1 && !verbAfter) found = t;
    // "an official familiar with Hale’s plans said", "an aide close to the mayor said": an adjective
    // and its preposition after the head modify it like a reduced clause.
    else if (
      token.pos === 'ADJ' &&
      afterHead &&
      t < e - 1 &&
      !verbAfter &&
      tokens[t + 1]?.pos === 'ADP' &&
      !NOT_POSTMODIFIER_LINK.test(tokens[t + 1]?.text ?? '')
    )
      found = t;
    // A word after a possessive is a noun, whatever the tagger says ("Hale’s thinking").
    if (
      (token.pos === 'VERB' || token.pos === 'AUX') &&
      /^\p{Ll}/u.test(token.text) &&
      !/^[’']s?$/.test(previous?.text ?? '')
    )
      verbAfter = true;
  }
  return found;
}

/** Whether token `t` opens its sentence, or follows only a quote's closing mark and its comma. */
function opensClause(layer: TokenLayer, t: number): boolean {
  const { tokens } = layer;
  const sentenceStart = layer.sentences[tokens[t]?.sentence ?? -1]?.firstToken;
  if (sentenceStart === t) return true;
  return (
    /^["”»]$/.test(tokens[t - 1]?.text ?? '') ||
    (tokens[t - 1]?.text === ',' && /^["”»]$/.test(tokens[t - 2]?.text ?? ''))
  );
}

/** Tokens a long aside between a named subject and its verb may span: "Tom Hale, who lost to Ann Lee in
 * the 1994 runoff and whose plans for the harbour differed from the mayor's, described …" runs to
 * 24; the longest such aside read in PolNeAR train misses ran to 31. */
const MAX_ASIDE_TOKENS = 40;

const isDash = (t: Token | undefined) => t !== undefined && /^(--?|—|–)$/.test(t.text);

/**
 * The person who opens the clause of the verb at `v` when an aside stands between them: "Tom Hale, a
 * spokesman for House Speaker Ann Lee, said", "Peter Marsh, a contestant …, who went on to work alongside
 * Lee, said", "A former candidate -- Tom Hale, who lost to Lee -- said", "Tom Hale, 41, of Akron, Pa.,
 * who answered the survey, said". The aside closes with a comma or dash right before the verb (adverbs and
 * auxiliaries aside) and opens with one right after the name; only title and description words (or a
 * clause-opening comma) stand between the clause start and the name. A name inside the aside is what
 * the aside is about, never the subject.
 */
function asideHead(
  layer: TokenLayer,
  v: number,
  floor: number,
  persons: readonly SubjectCandidate[],
): SubjectCandidate | undefined {
  const { tokens } = layer;
  let close = v;
  while (close - 1 >= floor && isVerbFiller(tokens[close - 1])) close--;
  if (!(tokens[close - 1]?.text === ',' || isDash(tokens[close - 1]))) return undefined;
  const lowest = Math.max(floor, close - MAX_ASIDE_TOKENS);
  for (
    let i = firstAtOrAfter(persons, lowest, (s) => s.firstToken);
    (persons[i]?.endToken ?? close) < close - 1;
    i++
  ) {
    const p = persons[i];
    if (!p || p.possessive) continue;
    // The aside opens right after the name (past a bracketed party or state: "Sen. Ann Lee (R-Ohio),").
    let after = p.endToken;
    if (tokens[after]?.text === '(') {
      while (after < p.endToken + MAX_BRACKET_TOKENS && tokens[after] && tokens[after]?.text !== ')') after++;
      after++;
    }
    if (!(tokens[after]?.text === ',' || isDash(tokens[after])) || after >= close - 1) continue;
    // Only title and description words before the name, back to the clause start or a comma.
    let b = p.firstToken - 1;
    while (b >= floor && (NP_POS.has(tokens[b]?.pos ?? '') || isDash(tokens[b])) && tokens[b]?.pos !== 'PRON')
      b--;
    if (b < floor || tokens[b]?.text === ',') return p;
    // The first person of the reach decides: a later one sits inside the first one's aside.
    return undefined;
  }
  return undefined;
}

/** A name right after a verb or a preposition is its object: "met Tom Hale in the square". */
function objectPosition(layer: TokenLayer, first: number): boolean {
  const before = layer.tokens[first - 1];
  return (
    before !== undefined &&
    before.sentence === layer.tokens[first]?.sentence &&
    (before.pos === 'VERB' || before.pos === 'ADP' || before.pos === 'AUX')
  );
}

/** Title words walked back over from a name to the preposition that may govern it. */
const MAX_GOVERNED_TITLE = 5;

/**
 * Whether the name at token `first` is governed by a preposition of a noun phrase, past determiners and
 * title words: "a spokesman for Ann Lee", "a spokeswoman for the mayoral candidate Ann Lee". Not the "of"
 * inside a capitalised title ("Secretary of State Ann Lee said").
 */
function governedName(layer: TokenLayer, first: number, floor: number): boolean {
  const { tokens } = layer;
  for (let b = first - 1; b >= Math.max(floor, first - 1 - MAX_GOVERNED_TITLE); b--) {
    const token = tokens[b];
    if (!token) return false;
    if (token.pos === 'ADP') {
      if (!NP_LINKS.has(token.text.toLowerCase())) return false;
      return !(token.text.toLowerCase() === 'of' && /^\p{Lu}/u.test(tokens[b - 1]?.text ?? ''));
    }
    if (!(token.pos === 'DET' || token.pos === 'ADJ' || token.pos === 'NOUN' || token.pos === 'PROPN'))
      return false;
  }
  return false;
}

/** The noun phrase between "with" and the participle at `t` ("…, with the team of the retired governor
 * | saying"), when "with" follows a comma; else undefined. */
function absolutePhraseBefore(layer: TokenLayer, t: number, from: number): Subject | undefined {
  const { tokens } = layer;
  let first = t;
  while (
    first - 1 > from &&
    first > t - MAX_PHRASE_TOKENS &&
    isPhraseWord(tokens[first - 1]) &&
    tokens[first - 1]?.text.toLowerCase() !== 'with'
  )
    first--;
  const opener = tokens[first - 1];
  if (first === t || opener?.text.toLowerCase() !== 'with' || tokens[first - 2]?.text !== ',')
    return undefined;
  while (first < t && tokens[first]?.pos === 'ADP') first++;
  return isHead(tokens[t - 1]) && first < t ? phrase(layer, first, t) : undefined;
}

/** Words of an adverbial prepositional phrase before a participle: "at one point", "in a long statement". */
const MAX_ADVERBIAL_WORDS = 4;

/** Whether the noun at `n` ends a prepositional phrase set off after a comma (or opening the sentence):
 * "…, at one stage calling the governor a “fraud”" — the point is not who calls; the clause subject is. */
function adverbialPhraseEnd(layer: TokenLayer, n: number, from: number): boolean {
  const { tokens } = layer;
  for (let b = n - 1; b >= Math.max(from, n - MAX_ADVERBIAL_WORDS); b--) {
    const token = tokens[b];
    if (token?.pos === 'ADP') return b === from || tokens[b - 1]?.text === ',';
    if (!token || !/^(DET|NUM|ADJ|NOUN)$/.test(token.pos)) return false;
  }
  return false;
}

/** Whether a preposition of a noun phrase stands in tokens [from, to): "a spokesman for …". */
function afterLink(layer: TokenLayer, from: number, to: number): boolean {
  for (let t = from; t < to; t++) {
    const token = layer.tokens[t];
    if (token?.pos === 'ADP' && NP_LINKS.has(token.text.toLowerCase())) return true;
  }
  return false;
}

/** "The ad claims “…”": a speech verb in -s or -ed that the tagger read as a noun, right after a noun
 * phrase's head and right before the words (a quote mark, a colon, "that"). */
function nounReadVerb(layer: TokenLayer, t: number): boolean {
  const { tokens } = layer;
  const token = tokens[t];
  if (token?.pos !== 'NOUN' || !/(s|ed)$/i.test(token.text) || !isSpeechVerb(token.text)) return false;
  const after = tokens[t + 1]?.text ?? '';
  return (isHead(tokens[t - 1]) || numberedName(tokens, t - 1)) && /^(["“«„:,]|that)$/i.test(after);
}

/** A name ending in its number, a numbered document or part of one: "Article 33", "Section 12", "Rule 7".
 * It can be the subject of what it states ("Article 33 affirms: “…”"), though its last word is no noun. */
function numberedName(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  return tokens[i]?.pos === 'NUM' && before?.pos === 'PROPN' && /^\p{Lu}/u.test(before.text);
}

/** Words of an addressee's noun phrase walked back over: "emailed his loyal supporters". */
const MAX_ADDRESSEE_WORDS = 4;

/** Whether the noun at `n` ends the object of a speech verb — the people spoken to, not a speaker:
 * "The senator emailed supporters saying …", "Lee told the crowd, urging …" — so a participle after it
 * shares the clause's subject. ("The plan drew criticism calling it a “sham”": "drew" is no speech verb,
 * and the criticism speaks.) */
function addresseeOfSpeech(layer: TokenLayer, n: number, from: number): boolean {
  const { tokens } = layer;
  for (let b = n - 1; b >= Math.max(from, n - MAX_ADDRESSEE_WORDS); b--) {
    const token = tokens[b];
    if (!token) return false;
    if (token.pos === 'VERB') return isSpeechVerb(token.text);
    // "sent an email to donors stating …": the people a message goes to.
    if (token.text.toLowerCase() === 'to') return MESSAGE_NOUN.test(tokens[b - 1]?.text ?? '');
    if (!(token.pos === 'DET' || token.pos === 'ADJ' || token.pos === 'NOUN' || POSSESSIVE.test(token.text)))
      return false;
  }
  return false;
}

/** Whether a phrase found after a verb is its object, not an inverted subject: "Rolf, who puts his
 * court bills “well past a million,” described the strain as “crushing”" — an inverted subject
 * ends the sentence or an aside; "as", "to" or a quote after it continue the verb's object ("that" may
 * open a relative clause about an inverted subject: "said one seller at a stall that offers …"). */
function objectFollows(layer: TokenLayer, phrase: Subject): boolean {
  return /^(as|to|["“«„])$/i.test(layer.tokens[phrase.endToken]?.text ?? '');
}

/** Words that open a reduced clause before a participle: "when asked", "as noted", "if pressed". */
const SUBORDINATOR = /^(when|if|as|while|once|unless|though|although|before|after|until)$/i;

/** Words that open a subordinate clause whose comma hands over to the main clause ("When …, the crowd …");
 * not "as", whose clause may itself attribute ("As Lee said, …"). */
const SUBORDINATE_OPENER = /^(when|if|while|once|after|before|because|since|although|though|until|unless)$/i;

/** Words that open an adverbial clause before the main clause: "When told …, Hale said", "Because …". */
const FRONTED_OPENER =
  /^(when|if|as|while|once|unless|though|although|before|after|until|because|since|where|despite)$/i;

/**
 * The comma closing an adverbial clause or phrase that opens the clause at `from` ("As part of the talks
 * with Lee, Hale cited a report that “…”", "When told Roe was leaving, Hale paused and said …",
 * "Standing in for Roe at a rally where Lee spoke, Hale took aim at “…”"), or -1. A name before it is
 * inside that clause; the main clause's subject comes after it.
 */
function frontedClauseEnd(layer: TokenLayer, from: number, to: number): number {
  const { tokens } = layer;
  const first = tokens[from];
  if (!first || /^according$/i.test(first.text)) return -1;
  const opens =
    first.pos === 'ADP' ||
    first.pos === 'SCONJ' ||
    FRONTED_OPENER.test(first.text) ||
    // A participle opening the sentence, which the tagger may read as a name ("Standing in for …"); a
    // name word ("Sterling Hayes said") has a capitalised word after it.
    ((first.pos === 'VERB' || first.pos === 'PROPN') &&
      /(ing|ed)$/i.test(first.text) &&
      /^\p{Ll}/u.test(tokens[from + 1]?.text ?? ''));
  if (!opens) return -1;
  for (let t = from + 1; t < to; t++) {
    const token = tokens[t];
    if (!token || /^["“”«»„]$/.test(token.text)) return -1;
    // "As Lee put it, Hale is “…”", "As Lee said, …": an "as" clause that attributes is no adverbial
    // aside ("When told Roe was leaving, …" is).
    if (/^as$/i.test(first.text) && (speaksAt(layer, t) || /^puts?$/i.test(token.text))) return -1;
    if (token.text === ',') return t;
  }
  return -1;
}

/** `candidates` with those after a fronted adverbial clause first (see `frontedClauseEnd`), for the
 * search for a clause's subject: "When told Okafor was leaving, Brandt paused and said …" → Brandt. */
function mainClauseFirst<T extends Subject>(
  layer: TokenLayer,
  candidates: readonly T[],
  from: number,
  to: number,
): T[] {
  const end = frontedClauseEnd(layer, from, to);
  if (end < 0) return [...candidates];
  return [...candidates.filter((s) => s.firstToken > end), ...candidates.filter((s) => s.firstToken < end)];
}

/** "to say": a speech verb at `t` after the infinitive marker. */
/** Whether the verb at `t` follows "and" or "but", adverbs and auxiliaries aside ("but later said"). */
function afterConjunction(layer: TokenLayer, t: number): boolean {
  let b = t - 1;
  while (b > t - 4 && isVerbFiller(layer.tokens[b])) b--;
  return /^(and|but)$/i.test(layer.tokens[b]?.text ?? '') && layer.tokens[b]?.pos === 'CCONJ';
}

function isInfinitive(layer: TokenLayer, t: number): boolean {
  const before = layer.tokens[t - 1];
  return before?.text.toLowerCase() === 'to' && before.pos === 'PART';
}

/** Whether the subject `s` opens an absolute phrase: it follows "with", a dash, "and" or a comma — not
 * a verb or another preposition, whose object it would be ("told Hale saying", "for Hale saying"). */
function opensAbsolute(layer: TokenLayer, s: Subject): boolean {
  const before = layer.tokens[s.firstToken - 1];
  if (!before || before.sentence !== layer.tokens[s.firstToken]?.sentence) return false;
  return /^(with|and|,)$/i.test(before.text) || isDash(before);
}

/** The speech verb of "…, Roe said, adding" (adverbs aside: "Roe said later, adding") before the comma
 * ahead of the participle at `t`, or -1. */
function speechVerbBeforeComma(layer: TokenLayer, t: number, from: number): number {
  const { tokens } = layer;
  if (tokens[t - 1]?.text !== ',') return -1;
  let v = t - 2;
  while (v > from && tokens[v]?.pos === 'ADV') v--;
  return v > from && speaksAt(layer, v) && !isParticiple(tokens[v]?.text ?? '') ? v : -1;
}

/** The subject of the finite verb nearest before a participle: "…, when party activists interrupted the
 * speech, shouting “…”" — the activists shout. */
function nearestVerbSubject(
  layer: TokenLayer,
  from: number,
  participle: number,
  persons: readonly SubjectCandidate[],
): Subject | undefined {
  for (let u = participle - 1; u > from; u--) {
    // "Lee urged women to vote for Hale, saying …": an infinitive has no subject of its own; nor is a
    // name word the tagger read as a verb ("the text of the Clean Water Act, arguing" — "Act").
    // Nor a gerund after a preposition ("On Friday, the council took the step of criticizing the police,
    // accusing officers of “…”": the council's words; "criticizing" has no subject before it).
    if (
      layer.tokens[u]?.pos === 'VERB' &&
      layer.tokens[u - 1]?.text.toLowerCase() !== 'to' &&
      !(layer.tokens[u - 1]?.pos === 'ADP' && /ing$/i.test(layer.tokens[u]?.text ?? '')) &&
      !inName(layer.tokens, u)
    )
      return subjectBefore(layer, u, from, persons);
  }
  return undefined;
}

/** The noun phrase that opens a sentence as its subject, for a participle with no person to lean on:
 * "The billionaire businessman began by …, saying that heroin is “cheaper than candy.”" */
function sentenceSubject(layer: TokenLayer, from: number, to: number): Subject | undefined {
  const { tokens } = layer;
  for (let v = from + 1; v < to; v++) {
    const token = tokens[v];
    if (token?.pos === 'VERB' || token?.pos === 'AUX') {
      const subject = subjectBefore(layer, v, from, []);
      return subject && subject.firstToken === from ? subject : undefined;
    }
  }
  return undefined;
}

/** Sentences an "it" that speaks looks back for the body or document it stands for. */
const MAX_IT_LOOKBACK = 4;

/**
 * "it" as the subject of the speech verb at `v` ("“…,” it said", "It added, “…”", "what it calls “…”"):
 * the body or document the text was last about, as written where it was named — the subject of the
 * nearest sentence before it, in the same or the previous paragraph, that is a singular noun phrase naming
 * no person ("The firm put out a release on Monday. “…” ¶ It added, “…”" → "The firm"; "The memo from the
 * panel was released on Friday. “…,” it said" → "The memo from the panel"). A person as that subject ("Lee
 * signed the complaint. It adds: …"), a plural or nothing within reach leaves it unresolved: it may
 * stand for something no sentence opens with.
 */
function itSubject(
  layer: TokenLayer,
  v: number,
  floor: number,
  persons: readonly SubjectCandidate[],
  inQuote: (offset: number) => boolean,
): Subject | undefined {
  const { tokens } = layer;
  const e = subjectEndBefore(layer, v, floor);
  const it = tokens[e - 1];
  if (e - 1 < floor || !it || it.pos !== 'PRON' || !/^it$/i.test(it.text)) return undefined;
  const paragraphOf = paragraphCounter(layer);
  const paragraph = paragraphOf(e - 1);
  for (let s = it.sentence; s >= Math.max(0, it.sentence - MAX_IT_LOOKBACK); s--) {
    const first = layer.sentences[s]?.firstToken;
    if (first === undefined || paragraphOf(first) < paragraph - 1) return undefined;
    const to = s === it.sentence ? e - 1 : (layer.sentences[s + 1]?.firstToken ?? e - 1);
    // A sentence that opens with a quote opens with its attribution after it ("“…,” the email read."):
    // the quoted words are someone's, not the narrative.
    let from = first;
    while (from < to && (inQuote(tokens[from]?.start ?? 0) || tokens[from]?.pos === 'PUNCT')) from++;
    if (from >= to) continue;
    const subject = sentenceSubject(layer, from, to);
    if (!subject) continue;
    const head = tokens[subject.endToken - 1];
    if (!head) continue;
    // The same "it" again ("It added …. It went on"): look further back.
    if (subject.endToken - subject.firstToken === 1 && /^it$/i.test(head.text)) continue;
    const lower = head.text.toLowerCase();
    const person =
      head.pos === 'PRON' ||
      persons.some((p) => p.endToken === subject.endToken && !p.possessive) ||
      ROLE_NOUNS.has(lower) ||
      NEWS_PERSON_NOUNS.has(lower) ||
      // "Two Americans were killed": a plural, unless it ends a name ("The New York Times").
      (isPluralCommonNoun(lower) &&
        !(/^\p{Lu}/u.test(head.text) && tokens[subject.endToken - 2]?.pos === 'PROPN'));
    if (person || !(head.pos === 'NOUN' || head.pos === 'PROPN') || TIME_NOUN.test(head.text))
      return undefined;
    return { firstToken: e - 1, endToken: e, entity: null, text: subject.text };
  }
  return undefined;
}

/** The last person named between the commas of an aside at tokens [comma, v). */
function asidePerson(
  layer: TokenLayer,
  comma: number,
  v: number,
  persons: readonly SubjectCandidate[],
): SubjectCandidate | undefined {
  if (layer.tokens[comma]?.text !== ',') return undefined;
  // "…, who has endorsed Tom Hale, said": a relative clause names whom its subject met or backed.
  if (/^(who|whom|whose|which|that)$/i.test(layer.tokens[comma + 1]?.text ?? '')) return undefined;
  let found: SubjectCandidate | undefined;
  for (
    let i = firstAtOrAfter(persons, comma + 1, (s) => s.firstToken);
    (persons[i]?.firstToken ?? v) < v;
    i++
  ) {
    const p = persons[i];
    if (p && !p.possessive && !p.pronoun && p.endToken < v && !linkedInAside(layer, comma + 1, p.firstToken))
      found = p;
  }
  return found;
}

/** Whether a preposition other than "by" governs the name at `first` within an aside opening at `from`:
 * "Dan Andes, a spokesman for Speaker Ann Lee, said" (Lee is whom he speaks for), "Others, angry at
 * the delay before the Lee video, shouted" — not "The memo, written by engineer Ann Lee,
 * said" (its author) nor "A spokesman, Tom Hale, said" (the name in apposition). */
function linkedInAside(layer: TokenLayer, from: number, first: number): boolean {
  for (let t = first - 1; t >= from; t--) {
    const token = layer.tokens[t];
    if (token?.pos === 'ADP') return token.text.toLowerCase() !== 'by';
  }
  return false;
}

/**
 * The subject after an inverted speech verb at `v`: "said a spokeswoman for the airline, Jane Roe",
 * "says economist Ann Lee". A person named in the phrase (or in the appositive after it) is the speaker.
 */
function subjectAfter(
  layer: TokenLayer,
  v: number,
  persons: readonly SubjectCandidate[],
  byFirstToken: (s: Subject) => number,
): Subject | undefined {
  const { tokens } = layer;
  const sentence = tokens[v]?.sentence;
  let t = v + 1;
  while (isVerbFiller(tokens[t]) && tokens[t]?.pos === 'ADV') t++;
  const start = t;
  // "said to the crowd": a phrase after a preposition is no subject.
  if (tokens[start]?.pos === 'ADP') return undefined;
  let end = t;
  // The tagger reads some names as verbs ("said Mayor Don Ward", "said Josh Ward"): a capitalised word
  // after a name word goes on with the name, and one before a name word opens it.
  const capital = (i: number) => /^\p{Lu}/u.test(tokens[i]?.text ?? '');
  // "said Concord resident Ann Lee": a capitalised word opening the phrase before a noun is a name too.
  // "“…,” said Weld, who added …": a surname that is also a verb or common word, alone, when the name
  // layer has read it as a person there.
  const named = persons[firstAtOrAfter(persons, start, byFirstToken)];
  const namedEnd = named?.firstToken === start && named.form === 'name' ? named.endToken : start;
  const goesOnName = (i: number) =>
    i < namedEnd ||
    (capital(i) &&
      (i > start
        ? tokens[i - 1]?.pos === 'PROPN'
        : (tokens[i + 1]?.pos === 'PROPN' && capital(i + 1)) || tokens[i + 1]?.pos === 'NOUN'));
  while (
    end < start + MAX_PHRASE_TOKENS &&
    tokens[end]?.sentence === sentence &&
    (isPhraseWord(tokens[end]) || goesOnName(end) || (end > start && isModifierParticiple(tokens, end))) &&
    // "said a party analyst who has worked for a rival": a relative pronoun opens a clause about the
    // phrase, not more of it.
    !(end > start && RELATIVE.test(tokens[end]?.text ?? '')) &&
    // "Another said he prayed with his “whole soul”": a personal pronoun is a whole phrase; what follows
    // is its clause ("hoped" read as an adjective), not more of it.
    !(end > start && tokens[start]?.pos === 'PRON' && !POSSESSIVE.test(tokens[start]?.text ?? ''))
  )
    end++;
  // "wrote the authors of the “Harbour Plan,” giving …", "said one Republican involved in the talks":
  // a phrase cut short by a quoted title or a modifier ends at its last head.
  const endsPhrase = (e: number) =>
    isHead(tokens[e - 1]) || goesOnName(e - 1) || isNominalAdjective(layer, e - 1);
  // Not past a possessive: "to slam Hale’s “revolution”" — Hale's revolution is the object, not Hale.
  while (
    end > start + 1 &&
    !endsPhrase(end) &&
    /^(DET|ADP|ADJ|VERB)$/.test(tokens[end - 1]?.pos ?? '') &&
    !/^(one|another)$/i.test(tokens[end - 1]?.text ?? '')
  )
    end--;
  // "said one Republican involved in the talks", "said an official familiar with the plan": a reduced
  // relative after the head belongs to the description.
  if (endsPhrase(end)) end = postmodifierEnd(layer, end, start + MAX_PHRASE_TOKENS + MAX_POSTMODIFIER_TOKENS);
  if (
    end === start ||
    !(
      isHead(tokens[end - 1]) ||
      goesOnName(end - 1) ||
      isNominalAdjective(layer, end - 1) ||
      // "“…,” read one." / "said another": a pronoun-like number or determiner standing for its noun.
      (end - 1 === start && /^(one|another)$/i.test(tokens[start]?.text ?? ''))
    )
  )
    return undefined;
  // The person who heads the phrase ("said economist Ann Lee", "said Ann Lee, an economist"), or a name
  // in apposition right after it ("…, Jane Roe"); a name the phrase only modifies or governs by a
  // preposition is not the speaker ("said a senior Lee adviser", "said a spokesman for Ann Lee").
  // Not a relative clause after the comma, whose words name others ("said a retired clerk, who said he
  // quit on friendly terms": "he" is the clerk himself, or someone else, never a name in apposition).
  const apposition = tokens[end]?.text === ',' && !RELATIVE.test(tokens[end + 1]?.text ?? '');
  const limit = apposition ? end + 5 : end;
  // In apposition or heading the phrase ("said Ohio delegate Ann Lee": not "Ohio", even when a name
  // list reads it as a person) first, else opening it ("said Ann Lee of Ohio").
  let opening: SubjectCandidate | undefined;
  for (let i = firstAtOrAfter(persons, start, byFirstToken); (persons[i]?.firstToken ?? limit) < limit; i++) {
    const p = persons[i];
    if (!p || p.possessive || p.endToken > limit) continue;
    // A he/she after the comma opens a clause of its own ("said an aide, he added"): no apposition.
    if (p.firstToken > end && p.form === 'pronoun') continue;
    if (p.firstToken > end || (p.endToken === end && !afterLink(layer, start, p.firstToken))) return p;
    // Not a name that only modifies the noun after it ("said Ohio delegate Tom Hale" when "Tom Hale"
    // is no known person: the phrase, not "Ohio").
    if (p.firstToken === start && !(p.endToken < end && /^(NOUN|PROPN)$/.test(tokens[p.endToken]?.pos ?? '')))
      opening ??= p;
  }
  return opening ?? phrase(layer, start, end);
}

/** A past participle or adjective modifying a noun from inside its phrase, whatever the tagger made of
 * it: "the printed campaign card", "one unaligned party strategist" (read as verbs). */
function isModifierParticiple(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return (
    t?.pos === 'VERB' &&
    /(ed|en)$/i.test(t.text) &&
    /^(DET|NUM|ADJ)$/.test(tokens[i - 1]?.pos ?? '') &&
    /^(NOUN|PROPN|ADJ)$/.test(tokens[i + 1]?.pos ?? '')
  );
}

/** Words a reduced relative after a description's head may add: "involved in the planning of the
 * convention" (7). */
const MAX_POSTMODIFIER_TOKENS = 8;

/** Prepositions that do not open a description's reduced relative: "known as Sal" names, "better than"
 * compares. */
const NOT_POSTMODIFIER_LINK = /^(as|than|like|by)$/i;

/** The end of a reduced relative after a description's head ending at `end` ("one Republican | involved in
 * the planning", "an official | familiar with the talks", "a source | close to the family"), or `end`
 * when none follows: a participle or adjective, a preposition, then a noun phrase ending on its head. */
function postmodifierEnd(layer: TokenLayer, end: number, limit: number): number {
  const { tokens } = layer;
  const isModifier = (t: Token | undefined) =>
    t !== undefined && (t.pos === 'ADJ' || (t.pos === 'VERB' && /(ed|en)$/i.test(t.text)));
  // "one official involved | in …": the phrase may already end on the modifier, read as a noun.
  const m =
    isModifier(tokens[end - 1]) && isHead(tokens[end - 2]) && tokens[end]?.pos === 'ADP' ? end - 1 : end;
  const modifier = tokens[m];
  const link = tokens[m + 1];
  // After a noun only: "he prayed with his “…”" is a pronoun and its clause.
  if (
    !/^(NOUN|PROPN)$/.test(tokens[m - 1]?.pos ?? '') ||
    !modifier ||
    !isModifier(modifier) ||
    link?.pos !== 'ADP' ||
    NOT_POSTMODIFIER_LINK.test(link.text) ||
    link.sentence !== modifier.sentence
  )
    return end;
  let e = m + 2;
  let lastHead = -1;
  while (e < limit && tokens[e]?.sentence === modifier.sentence && isPhraseWord(tokens[e])) {
    if (isHead(tokens[e]) && !POSSESSIVE.test(tokens[e]?.text ?? '')) lastHead = e;
    e++;
  }
  return lastHead > m + 1 ? lastHead + 1 : end;
}

/** The subject after a speech verb at `v` read as inverted ("…, but said Tom Hale"), unless a verb of its
 * own follows it: "The paper obtained a tape and said she “stayed in the middle”" — "she" opens the
 * reported clause; the verb shares the subject before "and". */
function invertedSubject(
  layer: TokenLayer,
  v: number,
  persons: readonly SubjectCandidate[],
): Subject | undefined {
  const after = subjectAfter(layer, v, persons, (s: Subject) => s.firstToken);
  return after && !ownVerbFollows(layer, after) ? after : undefined;
}

/** "According to the ministry, “…”": the phrase after "according to" before the quote; "As Lee puts it, …"
 * the subject of "as … put it". */
function accordingTo(
  layer: TokenLayer,
  from: number,
  to: number,
  persons: readonly SubjectCandidate[],
  byFirstToken: (s: Subject) => number,
): Subject | undefined {
  const { tokens } = layer;
  for (let t = to - 2; t >= from; t--) {
    if (tokens[t]?.text.toLowerCase() === 'according' && tokens[t + 1]?.text.toLowerCase() === 'to')
      return subjectAfter(layer, t + 1, persons, byFirstToken);
    // "As Ruth Lee puts it, Hale is trying to make them “…”": the clause of "as … put it" names whose
    // wording the sentence gives.
    if (
      /^puts?$/i.test(tokens[t]?.text ?? '') &&
      tokens[t + 1]?.text.toLowerCase() === 'it' &&
      /^as$/i.test(tokens[from]?.text ?? '') &&
      t > from + 1
    )
      return subjectBefore(layer, t, from + 1, persons);
  }
  return undefined;
}

/** Tokens a bare attribution sentence may have after its verb: "Olsen said on Tuesday." */
const MAX_BARE_TAIL = 6;

/** A sentence from `from` that is a subject, a speech verb and a short tail with no other verb. */
function isBareAttribution(layer: TokenLayer, from: number): boolean {
  const { tokens } = layer;
  const sentence = tokens[from]?.sentence;
  let t = from;
  while (tokens[t]?.sentence === sentence && !isSpeechVerb(tokens[t]?.text ?? '')) {
    // A capitalised word the tagger read as a verb is part of a name ("Watch Group president Tom Roe").
    const capitalised = /^\p{Lu}/u.test(tokens[t]?.text ?? '') && tokens[t]?.pos === 'VERB';
    if (!isPhraseWord(tokens[t]) && !isVerbFiller(tokens[t]) && tokens[t]?.text !== ',' && !capitalised)
      return false;
    t++;
  }
  if (tokens[t]?.sentence !== sentence || t === from) return false;
  // "Hale's exit was first reported by …" is passive: no one speaks.
  for (let u = from; u < t; u++)
    if (/^(is|was|were|are|been|be|being)$/i.test(tokens[u]?.text ?? '')) return false;
  // "Lee also praised the plan." has an object: a sentence of its own, not the quote's attribution.
  const after = tokens[t + 1];
  if (
    after !== undefined &&
    after.sentence === sentence &&
    (after.pos === 'DET' || after.pos === 'NOUN' || after.pos === 'ADJ') &&
    !TIME_NOUN.test(after.text)
  )
    return false;
  let tail = 0;
  for (let u = t + 1; tokens[u]?.sentence === sentence; u++) {
    // "Lee asked, turning the question into a game.": a participle clause after a comma says how.
    if (tokens[u]?.text === ',' && isParticipleWord(tokens[u + 1]?.text ?? '')) return true;
    if (tokens[u]?.pos === 'VERB' || ++tail > MAX_BARE_TAIL) return false;
  }
  return true;
}

const isParticipleWord = (word: string) => /^\p{Ll}+ing$/u.test(word);

/** Quoted words this short with no speech verb around them are the writer's, not someone's words. */
const MAX_SCARE_WORDS = 4;

/**
 * A scare quote or a quoted title: a few words, no sentence punctuation inside, inside a sentence that
 * has no speech verb outside quotes ("the so-called “reform”", "what he calls a “fix”" is not one:
 * "calls" is a speech verb and the phrase is attributed).
 */
function isScareQuote(
  layer: TokenLayer,
  quote: Span,
  openToken: number,
  inQuote: (offset: number) => boolean,
): boolean {
  const { tokens, text } = layer;
  const inner = text.slice(quote.start, quote.end);
  if (/[.!?,;:]$/.test(inner) || inner.split(/\s+/).length > MAX_SCARE_WORDS) return false;
  const before = tokens[openToken - 1];
  if (before && /^so-called$/i.test(before.text)) return true;
  if (verdictVerb(layer, openToken, 0) >= 0) return false;
  // A quote that opens its sentence or follows a colon stands for speech ("She said: “No.”").
  if (!before || before.sentence !== tokens[openToken]?.sentence || /^[:—–-]$/.test(before.text))
    return false;
  const sentence = tokens[openToken]?.sentence ?? -1;
  return layer.sentences[sentence] !== undefined && !sentenceSpeaks(layer, sentence, inQuote);
}

const PERCEIVING =
  /^(see|sees|saw|seen|seeing|view|views|viewed|viewing|regard|regards|regarded|regarding)$/i;

/** Object words between a verdict verb and its "as": "portrayed | the mayor's new plan | as". */
const MAX_VERDICT_OBJECT = 8;

/**
 * The verb whose verdict a quote after "as" gives, or -1: "the union rejected the offer as “an insult”",
 * "ads portray the senator as a “career politician”" — the verb's subject characterises its object in
 * the quoted words, whether or not the verb is one of speech. Only a verb followed by its object and "as"
 * right before the quote (an article between them).
 */
function verdictVerb(layer: TokenLayer, openToken: number, floor: number): number {
  const { tokens } = layer;
  let b = openToken - 1;
  if (/^["“«„]$/.test(tokens[b]?.text ?? '')) b--;
  if (/^(a|an|the)$/i.test(tokens[b]?.text ?? '')) b--;
  if (!/^as$/i.test(tokens[b]?.text ?? '') || /^(such|so|as|well)$/i.test(tokens[b - 1]?.text ?? ''))
    return -1;
  const sentence = tokens[openToken]?.sentence;
  for (let v = b - 1; v >= Math.max(floor, b - 1 - MAX_VERDICT_OBJECT); v--) {
    const token = tokens[v];
    if (!token || token.sentence !== sentence) return -1;
    // Not an infinitive ("for critics to portray him as …"): its subject is no word before it. Nor a verb
    // of perceiving ("even if observers see him as “…”"): a belief, often someone else's words quoted.
    if (token.pos === 'VERB')
      return v < b - 1 &&
        !isPassive(layer, v) &&
        !/^to$/i.test(tokens[v - 1]?.text ?? '') &&
        !PERCEIVING.test(token.text)
        ? v
        : -1;
    if (!/^(DET|ADJ|NOUN|PROPN|PRON|NUM|PART)$/.test(token.pos)) return -1;
  }
  return -1;
}

/** A verb after a form of "be" ("was told", "will be addressed"), adverbs aside. A present participle
 * there is progressive, not passive: "Backers of the mayor are warning of “dark days”" has a subject
 * who speaks. */
function isPassive(layer: TokenLayer, v: number): boolean {
  return !isParticipleWord(layer.tokens[v]?.text ?? '') && afterBe(layer, v);
}

/** A form of "be" (or "get") before the verb at `v`, adverbs aside. */
function afterBe(layer: TokenLayer, v: number): boolean {
  let b = v - 1;
  while (layer.tokens[b]?.pos === 'ADV') b--;
  return /^(be|been|being|is|are|was|were|get|got|gets|’s|'s|’re|'re)$/i.test(layer.tokens[b]?.text ?? '');
}

/** Words between a passive speech verb and the quote it names: "called “…”", "labeled as a “…”". */
const MAX_PASSIVE_LEAD = 3;

/**
 * The "by" of a speech verb's agent named after the quote at `openToken`, `t` being the first word after
 * it, or -1: "The plan has been called “a mirage” by economist Ann Lee", "often labeled as a “fishing trip”
 * by critics", "“extremely careless” – as described by Ann Lee".
 */
function passiveAgentBy(layer: TokenLayer, t: number, openToken: number): number {
  const { tokens } = layer;
  // "– as described by X", ", as noted by X", a few words of the quote's clause before it aside.
  for (let u = t; u <= t + MAX_PREPOSITIONAL_TAIL && tokens[u]?.sentence === tokens[t]?.sentence; u++) {
    const token = tokens[u];
    if (!token || token.pos === 'VERB' || token.pos === 'AUX' || /^["“”«»„]$/.test(token.text)) break;
    if (
      /^as$/i.test(token.text) &&
      (u === t || isDash(tokens[u - 1]) || tokens[u - 1]?.text === ',') &&
      /ed$/i.test(tokens[u + 1]?.text ?? '') &&
      isSpeechVerb(tokens[u + 1]?.text ?? '') &&
      /^by$/i.test(tokens[u + 2]?.text ?? '')
    )
      return u + 2;
  }
  if (!/^by$/i.test(tokens[t]?.text ?? '')) return -1;
  for (let b = openToken - 2; b >= openToken - 1 - MAX_PASSIVE_LEAD && b >= 0; b--) {
    const token = tokens[b];
    if (!token || token.sentence !== tokens[openToken]?.sentence) return -1;
    if (/ed$/i.test(token.text) && isSpeechVerb(token.text) && token.pos === 'VERB') return t;
    if (!/^(as|a|an|the)$/i.test(token.text)) return -1;
  }
  return -1;
}

/** Whether a speech verb outside quotes stands in the sentence before token `to`. */
function speaksBefore(
  layer: TokenLayer,
  sentence: number,
  to: number,
  inQuote: (offset: number) => boolean,
): boolean {
  const first = layer.sentences[sentence]?.firstToken;
  if (first === undefined) return false;
  for (let t = first; t < to; t++) {
    const token = layer.tokens[t];
    if (token && !inQuote(token.start) && speaks(token)) return true;
  }
  return false;
}

/** Whether a speech verb outside quotes stands in the sentence. */
function sentenceSpeaks(layer: TokenLayer, sentence: number, inQuote: (offset: number) => boolean): boolean {
  const { tokens } = layer;
  const first = layer.sentences[sentence]?.firstToken;
  if (first === undefined) return false;
  for (let t = first; t < tokens.length && tokens[t]?.sentence === sentence; t++) {
    const token = tokens[t];
    if (token && !inQuote(token.start) && speaks(token)) return true;
  }
  return false;
}

/** The attribution, or 'scare' when the quote is the writer's own distancing rather than speech. */
function attribute(
  layer: TokenLayer,
  quote: Span,
  subjects: readonly SubjectCandidate[],
  tokenAt: (offset: number) => number,
  inQuote: (offset: number) => boolean,
): Attribution | 'scare' {
  const { tokens, text } = layer;
  const openToken = tokenAt(quote.start);
  // The closing mark, past spaces the span was trimmed of ("… like, 'Oh, no,' " Lee said").
  let mark = quote.end;
  while (/\s/.test(text[mark] ?? '')) mark++;
  const closeToken = tokenAt(mark);
  const sentence = tokens[openToken]?.sentence ?? -1;
  const closeSentence = tokens[closeToken]?.sentence ?? sentence;
  const byFirstToken = (s: Subject) => s.firstToken;

  // 1. After the closing mark (past its punctuation): "Lukashenko said", "he has said", "said Peskov",
  // "Maria K. Olsen, the mayor's adviser, said", "campaign manager Tom Reyes told", "the company said".
  // A quote that ends its sentence with a full stop is attributed by the next sentence only when that
  // goes straight on with the attribution in lower case ("“We will win.” said Roe" is rare; "“…” he said").
  const endsSentence = /[.!?]\s*$/.test(text.slice(quote.start, quote.end));
  // "“Why wait?” Tom Hale told the radio station on Monday.": a question or exclamation mark ends the
  // quote, not the sentence around it (the splitter cuts there), so the next sentence of the paragraph
  // may hold its attribution whatever follows the verb; the subject must still open it.
  // Not when a speech verb before the quote introduces it with a colon or comma: "Lee, annoyed,
  // replied: “Why does it matter now?” Her rivals quoted it for weeks." — the next sentence is other
  // people's words about it.
  const introduced = [openToken - 1, openToken - 2].some((t) => /^[:,]$/.test(tokens[t]?.text ?? ''));
  const exclaims =
    /[!?]\s*$/.test(text.slice(quote.start, quote.end)) &&
    !(introduced && speaksBefore(layer, sentence, openToken, inQuote));
  let t0 = closeToken + 1;
  // A stray second closing mark (“…”,” Lee said) is skipped like the comma; an opening one starts the
  // next quote.
  while (tokens[t0]?.pos === 'PUNCT' && t0 <= closeToken + 2 && !/^["“«„]$/.test(tokens[t0]?.text ?? ''))
    t0++;
  const next = tokens[t0];
  const continues = next !== undefined && /^\p{Ll}/u.test(next.text);
  const frame =
    next &&
    (next.sentence === closeSentence ||
      ((!endsSentence || continues || exclaims) && next.sentence === closeSentence + 1))
      ? next.sentence
      : -1;
  // "“We will win.” Olsen said." — a short next sentence that is only the attribution belongs to the quote.
  // Not when the quote's own sentence already has its speech verb ("She added that the plan “…”").
  const shortNext =
    next !== undefined &&
    next.sentence === closeSentence + 1 &&
    !text.slice(mark, next.start).includes('\n') &&
    isBareAttribution(layer, t0) &&
    !speaksBefore(layer, sentence, openToken, inQuote);
  // "“…,” Rep. Ann Lee (D-Ohio.) said.": the splitter may end a sentence at an abbreviation's full stop;
  // a sentence that opens in lower case goes on with the one before.
  const misSplit = (sentence: number) =>
    /^\p{Ll}/u.test(tokens[layer.sentences[sentence]?.firstToken ?? -1]?.text ?? '');
  const inFrame = (token: Token) =>
    token.sentence === frame ||
    (frame >= 0 && token.sentence === frame + 1 && misSplit(frame + 1)) ||
    (shortNext && token.sentence === next?.sentence);
  // The attribution is in the quote's paragraph: a paragraph after it starts other words.
  const sameParagraph = next !== undefined && !text.slice(mark, next.start).includes('\n');
  // "After Lee said weaker pupils might do better at “smaller schools,” Hale said: “…”", "Even as Hale
  // claimed that “…,” an aide to Roe said the cases differ": a quote inside the clause that a speech verb
  // earlier in its sentence reports is that verb's speaker's words, when the attribution after the quote
  // opens a clause of its own that goes on past its verb (a colon, a reported clause). One that closes the
  // sentence ("Lee said it was “dead,” the paper reported.") is still the record the words come from.
  // "When Hale later said he would “protect every family,” the crowd applauded.": a quote closing a
  // subordinate clause that opens the sentence; the main clause after it is no attribution of it.
  const quoteStart = clauseStart(layer, sentence) ?? openToken;
  const closesSubordinate =
    SUBORDINATE_OPENER.test(tokens[quoteStart]?.text ?? '') &&
    !tokens.slice(quoteStart, openToken).some((t) => t.text === ',') &&
    [closeToken - 1, closeToken + 1].some((t) => tokens[t]?.text === ',');
  const reporterBefore = (subject: Subject, v: number): Attribution => {
    if (
      (endsAfterShortTail(tokens, v) && !closesSubordinate) ||
      !speaksBefore(layer, sentence, openToken, inQuote)
    )
      return undefined;
    const fragment = /^\p{Ll}/u.test(text.slice(quote.start, quote.end).trimStart());
    const earlier = attributeBefore(
      layer,
      clauseStart(layer, sentence) ?? openToken,
      openToken,
      subjects,
      inQuote,
      fragment,
    );
    return earlier?.entity && earlier.entity !== subject.entity ? earlier : undefined;
  };
  if (next && sameParagraph && (frame >= 0 || shortNext) && !inQuote(next.start)) {
    let v = t0;
    while (isVerbFiller(tokens[v]) && tokens[v]?.pos === 'ADV') v++;
    // "“…,” according to the watchdog group.": the source named after the quote.
    if (/^according$/i.test(tokens[v]?.text ?? '') && /^to$/i.test(tokens[v + 1]?.text ?? '')) {
      const source = subjectAfter(layer, v + 1, subjects, byFirstToken);
      if (source) return source;
    }
    const by = passiveAgentBy(layer, v, openToken);
    if (by >= 0) {
      const agent = subjectAfter(layer, by, subjects, byFirstToken);
      if (agent) return agent;
    }
    // "“…,” referring to the plan": a participle after the quote is no inverted attribution.
    if (
      (speaksAt(layer, v) && !isParticiple(tokens[v]?.text ?? '')) ||
      invertsQuoteObject(layer, v) ||
      readInverted(layer, v)
    ) {
      const after = subjectAfter(layer, v, subjects, byFirstToken);
      if (after && !objectFollows(layer, after)) return after;
    } else {
      for (v = t0 + 1; v < t0 + MAX_ATTRIBUTION_REACH; v++) {
        const token = tokens[v];
        if (!token || !inFrame(token) || inQuote(token.start)) break;
        // A mark that opens the next quote ends the attribution; the marks of a quoted name inside an
        // aside do not ("“…,” delegate Bill Ames, wearing “Vote Lee” pins, said").
        if (/^["“”«»„]$/.test(token.text)) {
          const inner = tokens[v + 1];
          if (!inner) break;
          if (inQuote(inner.start)) {
            // "“…” while backers held off to learn how a “tough season” went, he said.": a few quoted words
            // inside the attribution's sentence are passed over; a longer quote starts other words.
            const close = shortQuoteEnd(layer, v + 1, inQuote);
            if (close < 0) break;
            v = close;
          }
          continue;
        }
        if (!isAttributionVerb(layer, v) && !takesQuoteAsObject(layer, v)) continue;
        // "Lee saying she was “encouraged” and Hale calling it a “great meeting”": a participle after the
        // quote opens an absolute phrase of its own, whose words follow it.
        if (isParticiple(token.text) && !afterBe(layer, v)) break;
        const subject = subjectBefore(layer, v, t0, subjects) ?? itSubject(layer, v, t0, subjects, inQuote);
        // The subject opens the attribution, titles and possessors aside ("campaign manager Tom Reyes
        // told", "his friend Tom Reyes told", "the union's Tom Reyes told", "another friend, Tom Reyes
        // told").
        const lead = subject ? subject.firstToken : -1;
        // "the race “is a dead heat,” as Hale said on the radio": an "as" clause of attribution.
        const from = /^as$/i.test(tokens[t0]?.text ?? '') && lead > t0 ? t0 + 1 : t0;
        // Not after a conjunction opening a clause of its own: "Roe accuses Lee of “leading from behind”
        // and Hale says he is “losing”" — Hale's verb is no attribution of the quote before "and"; nor
        // after a preposition or participle ("“glow in the dark,” for …"): titles open with a noun.
        if (
          subject &&
          lead >= t0 &&
          layer.tokens.slice(from, lead).every(isLeadWord) &&
          !(
            lead > from &&
            /^(CCONJ|ADP|SYM|VERB)$/.test(tokens[from]?.pos ?? '') &&
            !/^\p{Lu}/u.test(tokens[from]?.text ?? '')
          )
        )
          return reporterBefore(subject, v) ?? subject;
        // "Lee “did well with older voters” in the primary, said professor Tom Hale": an inverted verb
        // after the rest of the sentence.
        if (layer.tokens[v - 1]?.text === ',' && !isParticiple(token.text)) {
          const after = subjectAfter(layer, v, subjects, byFirstToken);
          if (after && !objectFollows(layer, after)) return after;
        }
        // "“There is calm now,” and gifts began to come in again, Okafor said.": an attribution closing
        // the sentence after a comma covers the whole sentence, the quote in it too.
        // Not when the quote's own clause already has its speech verb ("Roe agreed that it was “the best
        // place”, the agency reported": the agency reports Roe's words).
        if (
          subject &&
          closesSentence(layer, subject, v) &&
          !speaksBefore(layer, sentence, openToken, inQuote)
        )
          return subject;
        // "“…” that would respond to the group, counsel Ann Lee wrote": a verb with no subject belongs to
        // a clause inside the sentence; the attribution may come later.
        if (!subject) continue;
        break;
      }
    }
  }

  // "“…” Ann Lee, the analyst who founded the survey tweeted on Wednesday.": a name right after the quote
  // whose aside runs on to the speech verb without the comma that should close it; also after a quote
  // that ends its sentence, as a bare attribution would.
  if (next && sameParagraph && !inQuote(next.start) && (frame >= 0 || next.sentence === closeSentence + 1)) {
    const open = nameBeforeOpenAside(layer, t0, subjects, inQuote);
    if (open) return open;
  }

  // "Tom Hale’s claim that the mayor “founded the gang”": the person whose act of speech the quote
  // completes, nearer the quote than any speech verb.
  const owner = speechNounOwner(layer, openToken, subjects);
  if (owner) return owner;

  if (isScareQuote(layer, quote, openToken, inQuote)) return 'scare';

  // 2. The nearest speech verb before the opening mark, in the same sentence and outside quotes.
  // Subjects are sorted by first token and a sentence's tokens are contiguous: the ones in this sentence
  // before the quote are one slice.
  const sentenceStart = clauseStart(layer, sentence) ?? openToken;
  // "Lee said Hale urged the staff to stay “firmly united.”": a fragment of words (opening in lower
  // case) inside a clause someone reports is that reporter's paraphrase, quoting words of it.
  const fragment = /^\p{Ll}/u.test(text.slice(quote.start, quote.end).trimStart());
  const before = attributeBefore(layer, sentenceStart, openToken, subjects, inQuote, fragment);
  if (before !== undefined) return before;

  // 3. The sentence's subject; a possessive ("Trump’s address … included “both sides”") last.
  const inSentence = subjects.slice(
    firstAtOrAfter(subjects, sentenceStart, byFirstToken),
    firstAtOrAfter(subjects, openToken, byFirstToken),
  );
  const subjectPerson = mainClauseFirst(layer, inSentence, sentenceStart, openToken).find(
    (s) => !s.possessive && isClauseSubject(layer, s),
  );
  if (subjectPerson) return { ...subjectPerson, bySubject: true };
  // "Hale’s letter makes the case: “…”", "Hale aides were thrilled with the editorial, entitled “…”": a
  // subject phrase that names no person but has a name inside it is the sentence's subject, not that name.
  // (Any subject phrase that names no person — "The agency declined to detail the “…”" — gained 12 and lost
  // 10 on PolNeAR train, mostly headline digests "HEADLINE - Ann Lee: “…”"; this narrower rule 3 and 0.)
  const opener = sentenceSubject(layer, sentenceStart, openToken);
  // Not past a name right before the colon that opens the quote ("The timing of Hale’s surge does not
  // surprise pollster Ann Lee: “…”" — she is who goes on to speak).
  const introducer = inSentence.some(
    (s) => !s.possessive && s.endToken >= openToken - 2 && tokens[s.endToken]?.text === ':',
  );
  if (
    opener &&
    opener.entity === null &&
    !introducer &&
    inSentence.some((s) => s.firstToken >= opener.firstToken && s.endToken <= opener.endToken)
  )
    return withBySubject(opener);
  const person = inSentence.find((s) => !s.possessive) ?? inSentence.find((s) => s.possessive);
  // "The bar association completed its review of Lee’s record and deemed her “well qualified”", "As Lee
  // spoke, the lobby was whipping members against “…”": a name only as a possessor, or only inside a
  // fronted clause, is no subject; the main clause's own subject acting in its own voice is.
  const fronted = frontedClauseEnd(layer, sentenceStart, openToken);
  const aside =
    person !== undefined &&
    (person.possessive || person.endToken <= fronted) &&
    inSentence.every((s) => s.possessive || s.endToken <= fronted);
  const main = aside ? mainClauseSubject(layer, sentenceStart, openToken) : undefined;
  if (
    main &&
    main.entity === null &&
    !inSentence.some((s) => s.firstToken >= main.firstToken && s.endToken <= main.endToken)
  )
    return withBySubject(main);
  if (person) return { ...person, bySubject: true };
  // "The dockers' union was firm in its reply: “…”": a colon hands the quote to the sentence's subject
  // even when that is no person (the phrase is the speakerText).
  if (tokens[openToken - 1]?.text === ':' || tokens[openToken - 2]?.text === ':')
    return withBySubject(sentenceSubject(layer, sentenceStart, openToken));
  if (inSentence.length === 0) return withBySubject(mainClauseSubject(layer, sentenceStart, openToken));
  return undefined;
}

/**
 * The subject phrase of the main clause between `from` and `to` when that clause has an agent acting in
 * its own voice, past a fronted adverbial clause and a relative aside set off by commas: "On Monday, the
 * agency found “…”", "The lawsuit, which was filed on Monday, alleged that the city “…”" — the phrase as
 * written, whether or not it names a person. Not a pronoun ("There is still “…”"), nor a clause whose
 * verb is a modal, a copula or a passive: "Voters can expect her to bring “…”", "The delay was “…”",
 * "Theft is defined as a person who “…”" say nothing of who speaks.
 */
function mainClauseSubject(layer: TokenLayer, from: number, to: number): Subject | undefined {
  const { tokens } = layer;
  const fronted = frontedClauseEnd(layer, from, to);
  const start = fronted >= 0 ? fronted + 1 : from;
  if (tokens[start]?.pos === 'PRON' || /^there$/i.test(tokens[start]?.text ?? '')) return undefined;
  for (let v = start + 1; v < to; v++) {
    const token = tokens[v];
    const aside = token?.text === ',' && /^(who|whose|which)$/i.test(tokens[v + 1]?.text ?? '');
    if (!aside && token?.pos !== 'VERB' && token?.pos !== 'AUX') continue;
    const subject = subjectBefore(layer, v, start, []);
    if (!subject || subject.firstToken !== start) return undefined;
    let verb = v;
    if (aside) {
      verb = v + 2;
      while (verb < to && tokens[verb]?.text !== ',') verb++;
      verb++;
    }
    while (tokens[verb]?.pos === 'ADV') verb++;
    return ownVoiceVerb(layer, verb) && !opensOtherClause(layer, verb + 1, to) ? subject : undefined;
  }
  return undefined;
}

/** Whether a subordinate clause, or one joined after a comma by "and"/"but", opens between `from` and
 * `to`: "Those plans helped her, and though the group is “…”" — the quote is in that clause, whose
 * subject is not the first clause's. */
function opensOtherClause(layer: TokenLayer, from: number, to: number): boolean {
  const { tokens } = layer;
  for (let t = from; t < to; t++) {
    const word = tokens[t]?.text ?? '';
    if (SUBORDINATE_OPENER.test(word) && tokens[t]?.pos === 'SCONJ') return true;
    if (tokens[t - 1]?.text === ',' && /^(and|but)$/i.test(word)) return true;
  }
  return false;
}

/** Forms of "be" and modal verbs, which make a clause say what is, could or must be rather than what its
 * subject did. */
const COPULA_OR_MODAL =
  /^(be|been|being|is|are|was|were|am|’s|'s|’re|'re|can|could|may|might|must|shall|should|will|would|ca|wo)$/i;

/** Whether the verb at `v` is one its subject does in its own voice: "found", "has argued", "was that"
 * ("The answer was that “…”" states the subject's content). */
function ownVoiceVerb(layer: TokenLayer, v: number): boolean {
  const { tokens } = layer;
  const verb = tokens[v];
  if (!verb) return false;
  if (COPULA_OR_MODAL.test(verb.text)) return /^that$/i.test(tokens[v + 1]?.text ?? '') && verb.pos === 'AUX';
  // "The lawsuit, which …, alleged that": a past form the tagger read as an adjective before its clause.
  const pastBeforeClause =
    verb.pos === 'ADJ' && /ed$/i.test(verb.text) && /^(that|the|a|an)$/i.test(tokens[v + 1]?.text ?? '');
  // "has argued" and "have been arguing" are its subject's acts; "have been startled" is done to it.
  if (/^(has|have|had)$/i.test(verb.text))
    return !/^been$/i.test(tokens[v + 1]?.text ?? '') || isParticipleWord(tokens[v + 2]?.text ?? '');
  return verb.pos === 'VERB' || pastBeforeClause;
}

/** Tokens from the comma after a name to the speech verb past an aside left open: "Ann Lee, the analyst
 * who founded the survey tweeted". */
const MAX_OPEN_ASIDE = 14;

/**
 * The person named at `t0` when an aside after the name, opened by a comma and never closed, runs on to
 * a speech verb: "Ann Lee, the analyst who founded the survey tweeted", "Tom Ruiz, who chairs the fund
 * said in a statement". The aside opens with a determiner or a relative pronoun; a comma closing it
 * leaves the sentence to the usual subject search, and the relative pronoun's own verb ("Lee, who said
 * …") is the aside's, not the attribution.
 */
function nameBeforeOpenAside(
  layer: TokenLayer,
  t0: number,
  subjects: readonly SubjectCandidate[],
  inQuote: (offset: number) => boolean,
): Subject | undefined {
  const { tokens } = layer;
  const name = subjects.find((s) => s.firstToken === t0 && s.form === 'name' && !s.possessive);
  if (!name || tokens[name.endToken]?.text !== ',') return undefined;
  const opener = tokens[name.endToken + 1];
  if (!opener || !(RELATIVE.test(opener.text) || opener.pos === 'DET')) return undefined;
  const sentence = tokens[t0]?.sentence;
  for (let v = name.endToken + 3; v <= name.endToken + MAX_OPEN_ASIDE; v++) {
    const token = tokens[v];
    if (!token || token.sentence !== sentence || inQuote(token.start) || /^["“”«»„,;:]$/.test(token.text))
      return undefined;
    if (isAttributionVerb(layer, v) && !isParticiple(token.text) && isHead(tokens[v - 1])) return name;
  }
  return undefined;
}

/**
 * Nouns naming an act of speech, the nominalisations of the speech verbs (speech-verbs.ts, VerbNet's
 * say/complain/advise/judgment classes) plus "comment", "remark", "words" and "slogan": "Hale’s claim that
 * …", "Lee’s call for a “…”", "Roe’s controversial pledge to be “…”".
 */
const SPEECH_NOUN =
  /^(claims?|remarks?|comments?|calls?|statements?|promises?|pledges?|vows?|warnings?|assertions?|contentions?|insistence|arguments?|suggestions?|words|accusations?|charges?|slogans?|catchphrases?|phrases?|quips?|boasts?|demands?|pleas?|denials?|admissions?|retorts?|answers?|responses?|replies|reply|predictions?|descriptions?|characteri[sz]ations?|complaints?|criticisms?|declarations?|announcements?)$/i;
/** Tokens from a speech noun to the quote it leads to: "Hale’s claim that President Ann Lee “…”". */
const MAX_SPEECH_NOUN_REACH = 10;

/**
 * The named owner of a speech noun the quote at `openToken` completes, when no speech verb, quote or
 * clause break stands between them: "Hale’s claim that the mayor “founded the gang”", "Lee’s clarion call
 * for a “new deal”". The possessor is the speaker; a possessive pronoun ("his claim") is left to the
 * other steps.
 */
function speechNounOwner(
  layer: TokenLayer,
  openToken: number,
  subjects: readonly SubjectCandidate[],
): Subject | undefined {
  const { tokens } = layer;
  const sentence = tokens[openToken]?.sentence;
  for (let t = openToken - 2; t >= 0 && t >= openToken - 1 - MAX_SPEECH_NOUN_REACH; t--) {
    const token = tokens[t];
    if (!token || token.sentence !== sentence || /^["“”«»„;:]$/.test(token.text)) return undefined;
    if (speaksAt(layer, t)) return undefined;
    if (token.pos !== 'NOUN' || !SPEECH_NOUN.test(token.text)) continue;
    // The quote completes the noun: "claim that …", "call for a …", "pledge to be …", "assertion of a …".
    // Not the noun as the subject or object of other words ("Hale’s remarks “were hurtful”", "Lee called
    // Hale’s remarks “childish”", "Lee denounced Hale’s remarks as “cruel”").
    const link = tokens[t + 1]?.text.toLowerCase() ?? '';
    if (!/^(that|for|to|of)$/.test(link)) return undefined;
    if (link !== 'that')
      for (let u = t + 2; u < openToken - 1; u++)
        if (/^(VERB|AUX)$/.test(tokens[u]?.pos ?? '') && !(link === 'to' && u === t + 2)) return undefined;
    // "Hale’s controversial pledge", "Lee’s stock answer": up to two modifiers after the possessor.
    let k = t - 1;
    while (
      k >= t - 2 &&
      /^(ADJ|NOUN|PROPN)$/.test(tokens[k]?.pos ?? '') &&
      !/^[’']s?$/.test(tokens[k]?.text ?? '')
    )
      k--;
    if (!/^[’']s?$/.test(tokens[k]?.text ?? '')) return undefined;
    const i = lastAtOrBefore(subjects, k - 1, (s) => s.firstToken);
    const owner = subjects[i];
    return owner?.possessive && owner.endToken === k && owner.form === 'name' ? owner : undefined;
  }
  return undefined;
}

/** Words of a quoted phrase passed over inside an attribution's sentence. */
const MAX_INNER_QUOTE_TOKENS = 6;

/** The token of the closing mark of a short quote whose words start at `first` in the same sentence, or
 * -1 when it runs longer or past its sentence. */
function shortQuoteEnd(layer: TokenLayer, first: number, inQuote: (offset: number) => boolean): number {
  const { tokens } = layer;
  const sentence = tokens[first]?.sentence;
  for (let u = first; u < first + MAX_INNER_QUOTE_TOKENS; u++) {
    const token = tokens[u];
    if (!token || token.sentence !== sentence) return -1;
    if (!inQuote(token.start)) return /^["“”«»„]$/.test(token.text) ? u : -1;
  }
  return -1;
}

/** "“…” Oliver barked.", "“…” Lee beamed.": a past-tense verb that ends its sentence right after its
 * subject has the quote before it as its only complement, whatever the verb; a verb with an object or
 * any other words after it ("“…” Lee left the room.") is narrative. */
function takesQuoteAsObject(layer: TokenLayer, v: number): boolean {
  const { tokens } = layer;
  const token = tokens[v];
  if (token?.pos !== 'VERB' || !/ed$/i.test(token.text)) return false;
  const next = tokens[v + 1];
  return (
    next !== undefined &&
    next.sentence === token.sentence &&
    (/^[.!]$/.test(next.text) || startsNewClause(tokens, v + 1)) &&
    isHead(tokens[v - 1])
  );
}

/** "“…,” Pell barked and a guard walked her out.", "“…,” Lee fumed as he left.": a conjunction after the
 * verb opening a clause with a subject of its own, so the verb took no object. */
function startsNewClause(tokens: readonly Token[], c: number): boolean {
  const conj = tokens[c];
  if (!conj || !/^(and|as|while|before|after|then)$/i.test(conj.text)) return false;
  const subject = tokens[c + 1];
  return (
    subject !== undefined &&
    subject.sentence === conj.sentence &&
    (subject.pos === 'DET' ||
      subject.pos === 'PROPN' ||
      (subject.pos === 'PRON' && !POSSESSIVE.test(subject.text)))
  );
}

/** "“…,” reacted Lee.": right after a quote, a past-tense verb and a capitalised name that ends the
 * sentence is an inverted attribution whatever the verb (the quote is its only complement). So is one
 * whose name goes on with an aside, a place or a bracket ("“…!” beamed Tom Hale of Dayton, who …",
 * "“…,” grinned Ann Lee, 70."): a name then a comma is no object of the verb. */
function invertsQuoteObject(layer: TokenLayer, v: number): boolean {
  const { tokens } = layer;
  const token = tokens[v];
  if (token?.pos !== 'VERB' || !/ed$/i.test(token.text)) return false;
  let t = v + 1;
  while (t < v + 4 && tokens[t]?.pos === 'PROPN') t++;
  const after = tokens[t];
  return (
    t > v + 1 &&
    after?.sentence === token.sentence &&
    (/^[.!,(]$/.test(after.text) || (after.text === 'of' && tokens[t + 1]?.pos === 'PROPN'))
  );
}

/**
 * "read" that gives a written thing's words, ending the attribution after a quote: "“…,” the email
 * read." / "“…” read one." / "the suit reads." (VerbNet leaves "read" out of the speech verbs: in news
 * it mostly means reading; only with the quote as its object and nothing after it does it attribute.)
 */
function readsQuote(layer: TokenLayer, v: number): boolean {
  const { tokens } = layer;
  if (!/^reads?$/i.test(tokens[v]?.text ?? '')) return false;
  const next = tokens[v + 1];
  return !next || next.sentence !== tokens[v]?.sentence || /^[.!;]$/.test(next.text);
}

/** "“…” read one." / "“…,” read the sign.": an inverted "read" whose written subject ends the sentence,
 * a place or date after it included ("“…,” reads a Tuesday editorial in the Valley Ledger."); the phrase
 * opens with no preposition ("“…,” read in a loud voice" names no one). */
function readInverted(layer: TokenLayer, v: number): boolean {
  const { tokens } = layer;
  if (!/^reads?$/i.test(tokens[v]?.text ?? '')) return false;
  if (tokens[v + 1]?.pos === 'ADP') return false;
  let t = v + 1;
  while (
    t < v + 1 + MAX_PHRASE_TOKENS + MAX_POSTMODIFIER_TOKENS &&
    (isPhraseWord(tokens[t]) || tokens[t]?.pos === 'ADP') &&
    tokens[t]?.sentence === tokens[v]?.sentence
  )
    t++;
  const after = tokens[t];
  return t > v + 1 && (!after || after.sentence !== tokens[v]?.sentence || /^[.!;]$/.test(after.text));
}

/** Title words before the name of a sentence-final attribution: "…, former party chair Ann Lee said." */
const MAX_CLOSING_TITLE = 4;

/** Tokens after a sentence-final attribution's verb: "…, Okafor said in an interview." */
const MAX_CLOSING_TAIL = 4;

/** Tokens a closing attribution's tail may run to when past MAX_CLOSING_TAIL it is only prepositional
 * phrases: "…, she said in a long address to the party members." (8). */
const MAX_PREPOSITIONAL_TAIL = 9;

/** Whether `subject` and its verb at `v` close their sentence after a comma: "…, Okafor said.", "…, a
 * spokeswoman said." — then at most a short tail with no other verb. Measured on PolNeAR train: speaker
 * accuracy 0.823 → 0.826 (descriptions 0.575 → 0.583). */
function closesSentence(layer: TokenLayer, subject: Subject, v: number): boolean {
  const { tokens } = layer;
  // "…, Republican candidate Ben Roe said.": title words between the comma and the name.
  let b = subject.firstToken - 1;
  while (
    b > subject.firstToken - 1 - MAX_CLOSING_TITLE &&
    /^(NOUN|PROPN|ADJ|DET)$/.test(tokens[b]?.pos ?? '')
  )
    b--;
  // "“Fair” and “honest,” Tom Hale said.": the comma inside a quote's closing mark.
  const comma =
    tokens[b]?.text === ',' || (/^[”"»]$/.test(tokens[b]?.text ?? '') && tokens[b - 1]?.text === ',');
  if (!comma) return false;
  return endsAfterShortTail(tokens, v);
}

/** Words that may stand before the subject in an attribution after a quote: titles and descriptions
 * ("campaign manager"), possessors ("his friend", "the union's"), and the comma of an unclosed
 * appositive ("another friend, Tom Reyes told"). Other pronouns belong to another clause. */
const isLeadWord = (t: Token) =>
  (NP_POS.has(t.pos) && (t.pos !== 'PRON' || POSSESSIVE.test(t.text))) ||
  // Joined subjects: "“…,” state party leader Ann Roe and House Speaker Tim Hale said".
  (t.pos === 'CCONJ' && t.text.toLowerCase() === 'and') ||
  // A capitalised word the tagger read as a verb is part of a name ("Watch Group president Tom Roe").
  (/^\p{Lu}/u.test(t.text) && t.pos === 'VERB') ||
  /^[’']s?$/.test(t.text) ||
  t.text === ',' ||
  // Titles that name what the person speaks for: "“…,” Pay for $15 recruiting director Ann Roe told",
  // "“…,” a spokeswoman for the airline, Jane Roe, said".
  (t.pos === 'ADP' && NP_LINKS.has(t.text.toLowerCase())) ||
  t.pos === 'SYM' ||
  (t.pos === 'VERB' && /ing$/i.test(t.text));

/**
 * A speech verb in an attribution after a quote. Right after a quote the tagger often reads "notes",
 * "quips" as nouns ("“…,” Lee notes.") and a capitalised "Tweeted" after an aside as a name ("“…” Lee,
 * the group's head, Tweeted on Friday"): a speech-verb word after a head, or in -ed after the aside's
 * comma, is the verb.
 */
function isAttributionVerb(layer: TokenLayer, v: number): boolean {
  const token = layer.tokens[v];
  if (!token) return false;
  if (speaksAt(layer, v)) return true;
  if (readsQuote(layer, v)) return isHead(layer.tokens[v - 1]) || layer.tokens[v - 1]?.text === 'it';
  if (!isSpeechVerb(token.text)) return false;
  const before = layer.tokens[v - 1];
  // "“…” Lee fumed on Tuesday.": after a name, a speech verb in -ed the tagger read as an adjective.
  if (token.pos === 'ADJ') return before?.pos === 'PROPN' && /ed$/i.test(token.text);
  // "trial counsel Ann Lee wrote", "Board General Counsel Ann Lee wrote": a noun or a name word before a
  // name is a title, not a verb.
  const after = layer.tokens[v + 1]?.pos;
  if ((token.pos === 'NOUN' || token.pos === 'PROPN') && (after === 'PROPN' || after === 'NOUN'))
    return false;
  // "the Islamic State - said": a capitalised name word right after another ends a name.
  if (token.pos === 'PROPN' && before?.pos === 'PROPN' && /^\p{Lu}/u.test(token.text)) return false;
  return isHead(before) || (before?.text === ',' && /ed$/i.test(token.text));
}

/** The speaker named by a speech verb in tokens [from, to) before a quote: "Cruz said: “…”", "critics
 * called it a “sham”", "According to the ministry, “…”". */
function attributeBefore(
  layer: TokenLayer,
  from: number,
  to: number,
  subjects: readonly SubjectCandidate[],
  inQuote: (offset: number) => boolean,
  fragment = false,
): Attribution {
  const { tokens } = layer;
  const byFirstToken = (s: Subject) => s.firstToken;
  const subjectEnds = endsOf(subjects);
  const inSentence = subjects.slice(
    firstAtOrAfter(subjects, from, byFirstToken),
    firstAtOrAfter(subjects, to, byFirstToken),
  );
  let nearest = -1;
  const verdict = verdictVerb(layer, to, from);
  for (let t = to - 1; t >= from; t--) {
    const token = tokens[t];
    if (!token) break;
    // "Roe shot back angrily: “…”": a phrasal speech verb too.
    if (inQuote(token.start) || !(speaksAt(layer, t) || nounReadVerb(layer, t) || t === verdict)) continue;
    // "the gaps will be closed by “…”": a passive speech verb names no speaker before it; its agent
    // after "by" does ("Hale was asked by host Ann Roe, who backs him, “…”").
    if (isPassive(layer, t)) {
      if (tokens[t + 1]?.text.toLowerCase() === 'by') {
        const agent = subjectAfter(layer, t + 1, inSentence, byFirstToken);
        if (agent) return agent;
      }
      continue;
    }

    // "Lee’s campaign is already boasting of “a win”": a participle after "be" is the clause's own verb, with
    // its own subject before it; only a participle that opens a clause ("…, saying") shares another's.
    if (isParticiple(token.text) && !afterBe(layer, t)) {
      const previous = tokens[t - 1];
      // "…, with the team of the retired governor saying Hale was “no true conservative”": a phrase
      // opening an absolute phrase after "with" is its participle's subject (a name there is, below).
      const withPhrase = absolutePhraseBefore(layer, t, from);
      if (withPhrase && !inSentence.some((s) => s.endToken === t)) return withPhrase;
      // "criticism calling it a “sham”": the participle's subject is the noun before it. Not a noun of
      // time ("released it on Wednesday saying"), nor a written message whose author speaks through it
      // ("The union issued a statement saying …": the union's words).
      // "Tina Marsh held up a sign saying “…”": a thing with words written on it gives its own words.
      if (previous?.pos === 'NOUN' && INSCRIBED_NOUN.test(previous.text) && !subjectEnds.has(t)) {
        const inscribed = subjectBefore(layer, t, from, inSentence);
        if (inscribed?.entity === null) return inscribed;
      }
      if (
        previous &&
        (previous.pos === 'NOUN' || previous.pos === 'PROPN') &&
        !subjectEnds.has(t) &&
        !TIME_NOUN.test(previous.text) &&
        !MESSAGE_NOUN.test(previous.text) &&
        !addresseeOfSpeech(layer, t - 1, from) &&
        !adverbialPhraseEnd(layer, t - 1, from)
      )
        return null;
      // "…, with Sen. Tom Hale calling it a “blank cheque”", "– Lee saying she was “encouraged” and Hale
      // calling it a “great meeting”": a name right before the participle, opening an absolute phrase
      // (after "with", a dash, "and" or a comma), is its subject — not the name of the clause before.
      // An adverb may stand between ("with Hale reportedly yelling: “…”").
      let named = t;
      while (named > from && tokens[named - 1]?.pos === 'ADV') named--;
      const absolute = inSentence.find(
        (s) => s.endToken === named && !s.possessive && opensAbsolute(layer, s),
      );
      if (absolute) return absolute;

      // "Ryan and Hale will meet next week, Roe said, adding, “…”": a participle right after a speech verb
      // and its comma adds to what that verb's subject said, whoever opens the sentence.
      const said = speechVerbBeforeComma(layer, t, from);
      const sayer = said >= 0 ? subjectBefore(layer, said, from, inSentence) : undefined;
      if (sayer?.entity) return sayer;
      // "Lee said the report “was not good.” Adding, “…”": a participle opening its own sentence goes on
      // from the sentence before; its speaker is found as a continuation's, not here.
      if (t === layer.sentences[token.sentence]?.firstToken && inSentence.length === 0) return undefined;
      // Not a name governed inside the subject phrase ("A spokesman for mayoral candidate Ann Lee called a
      // report suggesting …": the spokesman's words), unless it opens the participle's own absolute phrase.
      // (A participle after a clause someone reports — "Roe said Lee quieted the room, telling …" — stays
      // with the nearer clause's subject: the sentences read on PolNeAR train go both ways.)
      const person = mainClauseFirst(layer, inSentence, from, t).find(
        (s) =>
          !s.possessive &&
          // The participle's subject stands before it: "…, saying she's experienced “on paper”" — "she"
          // opens the clause the participle reports.
          s.endToken <= t &&
          isClauseSubject(layer, s) &&
          (s.endToken === t || !governedName(layer, s.firstToken, from)),
      );
      return (
        person ??
        nearestVerbSubject(layer, from, t, inSentence) ??
        // "Hale shot back on the radio, saying he's “…”" with "shot" read as a noun: the name that
        // opens the sentence.
        inSentence.find((s) => s.firstToken === from && !s.possessive && s.endToken < t) ??
        sentenceSubject(layer, from, t) ??
        null
      );
    }
    // "Roe went on the radio to call Pell “a liar”": an infinitive has no subject of its own (the word
    // before "to" is no speaker); it shares the clause's. So has a reduced clause ("…, who told the
    // senators when asked last month: “…”" — the senators were not asked by themselves).
    if (
      (tokens[t - 1]?.text.toLowerCase() === 'to' && tokens[t - 1]?.pos === 'PART') ||
      SUBORDINATOR.test(tokens[t - 1]?.text ?? '')
    ) {
      if (nearest < 0) nearest = t;
      continue;
    }
    // "Ann Lee has said", "critics called it a “sham”", "the ministry said in a statement: “…”".
    const subject = subjectBefore(layer, t, from, inSentence) ?? itSubject(layer, t, from, subjects, inQuote);
    if (subject && fragment) {
      const reporter = fragmentReporter(layer, subject, from, inSentence);
      if (reporter) return reporter;
    }
    if (subject) return subject;
    // A verb with no subject of its own is inside another's clause ("Hale says he'd take the rival aside and
    // tell him “enough of this”"): an earlier speech verb may own the quote.
    if (nearest < 0) nearest = t;
  }
  // "The puzzle of Nora, says historian Carl Dunmore, is that she was “…”": a speech verb set between
  // commas inside the clause is a parenthetical attribution; its subject is the name after it, not a name
  // in the clause around it.
  const parenthetical =
    nearest >= 0 && tokens[nearest - 1]?.text === ',' && !isParticiple(tokens[nearest]?.text ?? '')
      ? subjectAfter(layer, nearest, inSentence, byFirstToken)
      : undefined;
  if (parenthetical && tokens[parenthetical.endToken]?.text === ',') return parenthetical;
  // "Lee used to back Tom Hale, but now said …": the verb shares the clause subject before it.
  if (nearest >= 0)
    return (
      mainClauseFirst(layer, inSentence, from, nearest).find(
        (s) => s.endToken <= nearest && !s.possessive && isClauseSubject(layer, s),
      ) ??
      [...inSentence].reverse().find((s) => s.endToken <= nearest && !s.possessive) ??
      invertedSubject(layer, nearest, inSentence) ??
      // "The email went on to say, “…”", "The union went on to call it a “disgrace”": an infinitive's
      // clause subject that names no person is still who speaks, as written. So is the subject a verb
      // joined by "and"/"but" shares ("A spokesman for the firm declined to comment but said in a
      // statement that “…”").
      (isInfinitive(layer, nearest) || afterConjunction(layer, nearest)
        ? sentenceSubject(layer, from, nearest)
        : undefined) ??
      // "When asked about the deal, Lukashenko took Hale’s side: “…”": a reduced clause's verb names no
      // one; the sentence's own subject may still (step 3).
      undefined
    );
  return accordingTo(layer, from, to, inSentence, byFirstToken);
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
      if (best.quote.speakerRoute) q.speakerRoute = { by: 'heading', form: best.quote.speakerRoute.form };
    }
  }
}
