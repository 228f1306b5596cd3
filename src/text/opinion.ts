// Opinion pieces, columns, editorials and analyses: articles that argue rather than report. The digest must
// not speak with their voice, and a fact that only they give is an opinion, not a report. Three signs, the
// first found wins:
//  1. a section in the address: a path segment or host label that is a general web convention for comment
//     ("example.com/opinion/2024/…", "/op-ed/", "/columnists/", "opinion.example.com"); "/analysis/" and
//     "/news-analysis/" say analysis;
//  2. a genre marker opening the title or the text ("Opinion: Why the plan fails", "OPINION | …",
//     "Analysis: …", "Op-Ed: …", "Editorial: …") or closing the title ("… | Opinion"), or the word
//     Opinion/Editorial/Commentary in the outlet's label ("The Daily Example - Opinion");
//  3. argument in the author's own voice: many sentences outside quotation marks that hold a first-person
//     word ("I", "my", "we", "our") together with an evaluative word of the tone lexicon ("I find this
//     disgraceful", "our leaders failed us"), plus at least one explicit stance phrase ("I think", "in my
//     view", "we must"). OPINION_SENTENCES says what the threshold was measured on.
import type { OpinionMark } from '../model/report.js';
import { isEvaluativeWord } from './tone.js';

export type { OpinionMark };

type OpinionKind = OpinionMark['kind'];

export interface OpinionInput {
  url: string | null;
  title: string | null;
  outlet: string | null;
  text: string;
  /** Quoted spans of the text: words inside them are someone else's voice. */
  quotes?: readonly { start: number; end: number }[];
}

/**
 * Path segments and host labels that name a comment section. Not "blog"/"blogs": newsrooms run news blogs
 * (a live politics or wire blog). Of 1,809 allsides articles under a blog segment or host, 1,352 come from
 * outlets labelled news and 1 from an outlet labelled opinion.
 */
const OPINION_SEGMENTS = new Set([
  'opinion',
  'opinions',
  'commentary',
  'commentaries',
  'editorial',
  'editorials',
  'column',
  'columns',
  'columnist',
  'columnists',
  'op-ed',
  'op-eds',
  'oped',
  'opeds',
  'viewpoint',
  'viewpoints',
  'perspective',
  'perspectives',
  'letters',
  'letters-to-the-editor',
]);
const ANALYSIS_SEGMENTS = new Set(['analysis', 'news-analysis']);

// "Opinion: …", "OPINION | …", "Op-Ed — …", "Analysis: …" at the start of a title or the text.
const LEADING_MARKER =
  /^\s*(opinion|op-?ed|editorial|column|commentary|viewpoint|perspective|analysis|news analysis)\s*[:|\-–—]\s*\S/i;
// "… | Opinion", "… - Commentary" at the end of a title.
const TRAILING_MARKER = /[|\-–—]\s*(opinion|op-?ed|editorial|commentary|analysis)\s*$/i;
const OUTLET_MARKER = /\b(opinion|op-?ed|editorials?|commentary|columnists?)\b/i;

/** Explicit stance phrases in the author's voice. */
const STANCE =
  /\b(?:I think|I believe|I'm convinced|I am convinced|in my view|in my opinion|I would argue|I'd argue|I suspect|I fear|to my mind|we must|we should|we need to|let us be clear|let's be clear)\b/i;
// Capitalised forms count too ("My neighbours …", "We must …"), but not "US", the country.
const FIRST_PERSON = /\b(?:I|I'm|I've|I'd|[Mm]y|[Mm]e|[Ww]e|[Ww]e're|[Oo]ur|us)\b/;

/**
 * Author-voice sentences with a first-person word and an evaluative word that make an article an argument:
 * at least OPINION_SENTENCES of them, making at least OPINION_SHARE of its sentences, and a stance phrase.
 * Measured on 301 allsides articles of outlets labelled opinion or editorial against a 15 % sample (1,959)
 * of those labelled news (none of the blind-check stories; quotations removed, articles of 150+ words, with
 * a stance phrase): 5 and 0.3 catch 14 of 301 opinion pieces and 4 of 1,959 news articles; 3 and 0.1 catch
 * 33 and 38; 8 and 0.15, 24 and 15. The language sign is weak (most opinion pieces argue without "I"), so
 * it is set for few false alarms; the address and the markers carry most of the detection.
 */
export const OPINION_SENTENCES = 5;
export const OPINION_SHARE = 0.3;

function sectionOf(url: string | null): OpinionMark | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const labels = parsed.hostname.toLowerCase().split('.').slice(0, -2);
  const segments = parsed.pathname.toLowerCase().split('/').filter(Boolean).slice(0, -1);
  for (const s of [...labels, ...segments]) {
    if (OPINION_SEGMENTS.has(s)) return { kind: 'opinion', reason: `address section “${s}”` };
    if (ANALYSIS_SEGMENTS.has(s)) return { kind: 'analysis', reason: `address section “${s}”` };
  }
  return null;
}

function kindOf(marker: string): OpinionKind {
  return /analysis/i.test(marker) ? 'analysis' : 'opinion';
}

function markerOf(input: OpinionInput): OpinionMark | null {
  const title = input.title ?? '';
  const lead = LEADING_MARKER.exec(title) ?? TRAILING_MARKER.exec(title);
  if (lead?.[1]) return { kind: kindOf(lead[1]), reason: `title marker “${lead[1]}”` };
  const first = LEADING_MARKER.exec(input.text.slice(0, 200));
  if (first?.[1]) return { kind: kindOf(first[1]), reason: `first-line marker “${first[1]}”` };
  const outlet = OUTLET_MARKER.exec(input.outlet ?? '');
  if (outlet?.[1]) return { kind: 'opinion', reason: `outlet label “${outlet[1]}”` };
  return null;
}

/** The text with quoted spans and quotation-marked passages blanked (same length, offsets kept). */
export function authorVoice(text: string, quotes: readonly { start: number; end: number }[] = []): string {
  let out = text;
  for (const q of quotes) {
    out = out.slice(0, q.start) + ' '.repeat(Math.max(q.end - q.start, 0)) + out.slice(q.end);
  }
  // A quotation runs to its closing mark or the end of the paragraph (a quote continued in the next
  // paragraph reopens there).
  return out.replace(/“[^”\n]*(?:”|$)|"[^"\n]*(?:"|$)/gm, (m) => ' '.repeat(m.length));
}

/** Whether a sentence, in the author's voice, argues in the first person ("I think the ruling is wrong."). */
export function firstPersonStance(voice: string): boolean {
  return STANCE.test(voice);
}

function wordsOf(sentence: string): string[] {
  return sentence.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
}

/** Whether an author-voice sentence judges in the first person: "I", "we", "our"… with an evaluative word. */
export function firstPersonEvaluative(voice: string): boolean {
  return FIRST_PERSON.test(voice) && wordsOf(voice).some(isEvaluativeWord);
}

function languageOf(input: OpinionInput): OpinionMark | null {
  const voice = authorVoice(input.text, input.quotes);
  const sentences = voice.split(/(?<=[.!?])\s+/).filter((s) => /\p{L}/u.test(s));
  if (sentences.length === 0) return null;
  const arguing = sentences.filter(firstPersonEvaluative).length;
  const share = arguing / sentences.length;
  if (arguing < OPINION_SENTENCES || share < OPINION_SHARE || !STANCE.test(voice)) return null;
  return {
    kind: 'opinion',
    reason: `first-person evaluative language in ${arguing} of ${sentences.length} sentences outside quotes`,
  };
}

/** Whether an article is opinion or analysis, and why; null for a report. */
export function opinionOf(input: OpinionInput): OpinionMark | null {
  return sectionOf(input.url) ?? markerOf(input) ?? languageOf(input);
}

// Signs of an author arguing or addressing the reader, in the voice outside quotation marks: first-person
// singular ("I", "my", "me") and second person ("you", "your"), and questions. News rarely has them outside
// quotes; columns, partisan posts and a speech printed without quotation marks do. Measured over all allsides
// articles of 150+ words but the blind-check stories (/tmp script; 2,132 under a comment-section address or
// an opinion outlet label, 35,224 others — which hold unmarked opinion pieces too). Per 100 words of the
// author's voice: first person singular ≥ 1.5 (3+ words): 8.2 % of the marked against 1.8 % of the others;
// second person ≥ 1.0: 8.0 % / 2.7 %; the two together ≥ 1.0 (4+ words): 23.0 % / 6.7 % (≥ 0.8: 27.9 % /
// 8.6 %; ≥ 1.5: 15.8 % / 3.9 %). Questions ≥ 8 % of the author's sentences (2+): 19.6 % / 7.7 %. Persons ≥ 1.0
// or questions ≥ 10 %: 32.1 % / 10.6 %. No sign separates well, so an article showing one is not marked as
// opinion in the report; the digest, which must never speak with an author's voice and may leave a sentence
// out, does not take its sentences.
/** First- and second-person singular words per 100 words of the author's voice (with at least PERSON_MIN_WORDS). */
export const PERSON_PER_100 = 1.0;
export const PERSON_MIN_WORDS = 4;
/** Share of the author's sentences that are questions (with at least two). */
export const QUESTION_SHARE = 0.1;

const PERSON =
  /\b(?:I|I['’](?:m|ve|d|ll)|me|my|My|mine|myself|[Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself|[Yy]ou['’](?:re|ve|d|ll))\b/g;

/**
 * Whether an article speaks to the reader or argues in its author's own voice (see above), and how it
 * showed; null when it reads as a report.
 */
export function arguingVoice(input: Pick<OpinionInput, 'text' | 'quotes'>): string | null {
  const voice = authorVoice(input.text, input.quotes);
  const words = voice.match(/\p{L}+/gu)?.length ?? 0;
  if (words < 50) return null;
  const persons = voice.match(PERSON)?.length ?? 0;
  const per100 = (persons * 100) / words;
  if (persons >= PERSON_MIN_WORDS && per100 >= PERSON_PER_100)
    return `“I” or “you” ${per100.toFixed(1)} times per 100 words outside quotes`;
  const sentences = voice.split(/(?<=[.!?])\s+/).filter((x) => /\p{L}/u.test(x));
  const questions = sentences.filter((x) => /\?\s*$/.test(x)).length;
  if (questions >= 2 && questions >= QUESTION_SHARE * sentences.length)
    return `${questions} of ${sentences.length} sentences outside quotes are questions`;
  return null;
}
