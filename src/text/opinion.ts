// Opinion pieces, columns, editorials and analyses: articles that argue rather than report. The digest must
// not speak with their voice, and a fact that only they give is an opinion, not a report. Three signs, the
// first found wins:
//  1. a section in the address: a path segment or host label that is a general web convention for comment
//     ("example.com/opinion/2024/…", "/op-ed/", "/columnists/", "opinion.example.com"); "/analysis/" and
//     "/news-analysis/" say analysis;
//  2. a genre marker opening the title or the text ("Opinion: Why the plan fails", "OPINION | …",
//     "Analysis: …", "Op-Ed: …", "Editorial: …") or closing the title ("… | Opinion"), or the word
//     Opinion/Editorial/Commentary in the outlet's label ("The Daily Example - Opinion");
//  3. the text alone reads as an argument: a logistic model over the author's voice outside quotation
//     marks (first and second person, questions, "should"/"must", judging words; against them quotation,
//     attribution, weekdays, names). See "The text-only detector" below; OPINION_PROBABILITY says what its
//     threshold was measured on.
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

// "Opinion: …", "OPINION | …", "Op-Ed — …", "Analysis: …" at the start of a title or the text, also two
// joined by a slash ("ANALYSIS/OPINION: …", which says opinion).
const LEADING_MARKER =
  /^\s*((?:(?:opinion|op-?ed|editorial|column|commentary|viewpoint|perspective|analysis|news analysis)\s*\/\s*)?(?:opinion|op-?ed|editorial|column|commentary|viewpoint|perspective|analysis|news analysis))\s*[:|\-–—]\s*\S/i;
// "… | Opinion", "… - Commentary" at the end of a title.
const TRAILING_MARKER = /[|\-–—]\s*(opinion|op-?ed|editorial|commentary|analysis)\s*$/i;
const OUTLET_MARKER = /\b(opinion|op-?ed|editorials?|commentary|columnists?)\b/i;

/** Explicit stance phrases in the author's voice. */
const STANCE =
  /\b(?:I think|I believe|I'm convinced|I am convinced|in my view|in my opinion|I would argue|I'd argue|I suspect|I fear|to my mind|we must|we should|we need to|let us be clear|let's be clear)\b/i;
// Capitalised forms count too ("My neighbours …", "We must …"), but not "US", the country.
const FIRST_PERSON = /\b(?:I|I'm|I've|I'd|[Mm]y|[Mm]e|[Ww]e|[Ww]e're|[Oo]ur|us)\b/;

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
  return /analysis/i.test(marker) && !/opinion|op-?ed|editorial|column|commentary/i.test(marker)
    ? 'analysis'
    : 'opinion';
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

/** The text alone: the model below (opinionProbability) at OPINION_PROBABILITY, with the signs that weighed most. */
function languageOf(input: OpinionInput): OpinionMark | null {
  const read = opinionProbability(input.text, input.quotes);
  if (!read || read.probability < OPINION_PROBABILITY) return null;
  return {
    kind: 'opinion',
    reason: `reads as opinion (${read.signs.join(', ')}; probability ${read.probability.toFixed(2)})`,
  };
}

/** What marks an article as opinion or analysis outside its language: the address, a title or first-line
 * marker, the outlet's label (signs 1 and 2 above); null when none does. */
export function markedOpinion(input: OpinionInput): OpinionMark | null {
  return sectionOf(input.url) ?? markerOf(input);
}

/** Whether an article is opinion or analysis, and why; null for a report. */
export function opinionOf(input: OpinionInput): OpinionMark | null {
  return markedOpinion(input) ?? languageOf(input);
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

// The text-only detector: how an article reads when nothing in its address, title or outlet says "opinion".
// Columns in the third person and posts of partisan sites argue without "I"; what gives them away is the
// sum of many weak signs in the author's own voice (outside quotation marks), each per 100 of its words or
// per sentence:
//  - the author in person ("I", "my"), speaking for a side ("we", "our") or to the reader ("you");
//  - questions and exclamations ("Who pays for it? Nobody!");
//  - obligation, judgement and denial ("should", "must", "ought to"; the tone lexicon's evaluative words:
//    "shameful", "absurd", "brilliant"; "not", "never");
//  - people in general rather than named ones ("people", "everyone", "liberals", "conservatives").
// And the signs of a report: much of the text inside quotation marks, sentences that attribute ("…, the
// minister said.", "according to") and events placed on a weekday ("on Tuesday") — the strongest weights.
// Capitalised words (names), exclamations, contractions and "I" are in the model too, but once the others
// are known they weigh little or the other way (a report quoting a slogan with "!" outside the quote).
// A logistic model over these (OPINION_WEIGHTS, fitted by eval/opinion-fit.ts on allsides articles
// published before 2019) gives a probability; OPINION_PROBABILITY says where it marks an article.
// Tried and left out (no gain in cross-validation on train): emphasis phrases ("of course", "clearly"), an
// author note after the text ("Jane Roe is a fellow at …"), figures, sentence length, contrast words, a
// dateline, "-ism" words.

export const OPINION_FEATURES = [
  'bias',
  'firstSingular',
  'firstPlural',
  'second',
  'questions',
  'exclamations',
  'modals',
  'evaluative',
  'contractions',
  'quoted',
  'attribution',
  'weekdays',
  'capitals',
  'negations',
  'generic',
] as const;
export type OpinionFeature = (typeof OPINION_FEATURES)[number];

/** Fewer words than this outside quotes: too little of the author's voice to read (a brief, a caption). */
export const OPINION_MIN_WORDS = 150;

const FIRST_SINGULAR = /\b(?:I|I['’](?:m|ve|d|ll)|me|my|My|mine|myself|Myself)\b/g;
// "US" in capitals is the country.
const FIRST_PLURAL = /\b(?:[Ww]e|[Ww]e['’](?:re|ve|d|ll)|us|[Oo]ur|[Oo]urs|[Oo]urselves)\b/g;
const SECOND = /\b(?:[Yy]ou|[Yy]ou['’](?:re|ve|d|ll)|[Yy]our|[Yy]ours|[Yy]ourself|[Yy]ourselves)\b/g;
const MODAL = /\b(?:should|shouldn['’]t|must|mustn['’]t|ought to|needs? to|has to|have to)\b/gi;
// Contractions and negations as whole words of the voice ("don't", "that's", "we're"; "not", "never",
// "isn't").
const CONTRACTION =
  /^(?:\p{L}+n['’]t|(?:it|that|there|what|here|who|he|she|let)['’]s|\p{L}+['’](?:re|ve|ll))$/iu;
const NEGATIONS = new Set(['not', 'no', 'never', 'nothing', 'nobody']);
const UPPER_FIRST = /^\p{Lu}/u;
// Attribution verbs of a report, in the author's voice ("…, the minister said.", "according to the agency").
const ATTRIBUTION =
  /\b(?:said|says|told|according to|announced|confirmed|reported|stated|added|declined to comment|spokesman|spokeswoman|spokesperson)\b/i;
// People in general, and the sides of an argument, rather than named persons.
const GENERIC =
  /\b(?:Americans|people|everyone|everybody|society|our country|the left|the right|liberals|conservatives|progressives)\b/g;
const WEEKDAY = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const LETTER = /\p{L}/u;

/** Letters in a text (as `\p{L}` counts them), ASCII without a regular expression. */
function letterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) count++;
    } else if (LETTER.test(text[i] as string)) count++;
  }
  return count;
}

function rate(count: number, words: number): number {
  return Math.log1p((count * 100) / words);
}

/**
 * The detector's features for a text (see above), or null when it has fewer than OPINION_MIN_WORDS words
 * outside quotation marks. Counts per 100 words are log-scaled (log 1+x): the step from none to one per
 * 100 words says more than the step from five to six.
 */
export function opinionFeatures(
  text: string,
  quotes: readonly { start: number; end: number }[] = [],
): Record<OpinionFeature, number> | null {
  const voice = authorVoice(text, quotes);
  const words = voice.match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? [];
  if (words.length < OPINION_MIN_WORDS) return null;
  const n = words.length;
  const sentences = voice.split(/(?<=[.!?])\s+|\n+/).filter((s) => /\p{L}/u.test(s));
  const count = (re: RegExp) => voice.match(re)?.length ?? 0;
  const share = (test: (s: string) => boolean) =>
    sentences.length ? sentences.filter(test).length / sentences.length : 0;
  // One pass over the words (the features are read for every article of every story).
  let evaluative = 0;
  let contractions = 0;
  let negations = 0;
  let capitals = 0;
  let voiceLetters = 0;
  for (let i = 0; i < n; i++) {
    const w = words[i] as string;
    const lower = w.toLowerCase();
    const apostrophe = lower.includes("'") || lower.includes('’');
    voiceLetters += w.length - (apostrophe ? (w.match(/['’]/g)?.length ?? 0) : 0);
    if (isEvaluativeWord(lower)) evaluative++;
    if (apostrophe && CONTRACTION.test(lower)) contractions++;
    if (NEGATIONS.has(lower) || (apostrophe && /n['’]t$/.test(lower))) negations++;
    if (i > 0) {
      const c = w.charCodeAt(0);
      if (c < 128 ? c >= 65 && c <= 90 : UPPER_FIRST.test(w)) capitals++;
    }
  }
  const all = letterCount(text);
  return {
    bias: 1,
    firstSingular: rate(count(FIRST_SINGULAR), n),
    firstPlural: rate(count(FIRST_PLURAL), n),
    second: rate(count(SECOND), n),
    questions: share((s) => /\?\s*$/.test(s)),
    exclamations: share((s) => /!\s*$/.test(s)),
    modals: rate(count(MODAL), n),
    evaluative: rate(evaluative, n),
    contractions: rate(contractions, n),
    quoted: all ? 1 - voiceLetters / all : 0,
    attribution: share((s) => ATTRIBUTION.test(s)),
    weekdays: share((s) => WEEKDAY.test(s)),
    capitals: capitals / n,
    negations: rate(negations, n),
    generic: rate(count(GENERIC), n),
  };
}

/** Weights of the features (raw values, bias included), from eval/opinion-fit.ts. */
export const OPINION_WEIGHTS: Readonly<Record<OpinionFeature, number>> = {
  bias: -3.5242,
  firstSingular: 0.1374,
  firstPlural: 0.8839,
  second: -0.5447,
  questions: 1.8196,
  exclamations: -0.8319,
  modals: 1.4401,
  evaluative: 1.1338,
  contractions: -1.0926,
  quoted: -1.6143,
  attribution: -7.8037,
  weekdays: -4.4584,
  capitals: 0.269,
  negations: 1.1542,
  generic: 0.4031,
};

/** Each feature's mean over the train articles (eval/opinion-fit.ts): a mark's reason names the features
 * that pushed its probability up most from there. */
const OPINION_MEANS: Readonly<Record<Exclude<OpinionFeature, 'bias'>, number>> = {
  firstSingular: 0.0943,
  firstPlural: 0.1349,
  second: 0.1039,
  questions: 0.0172,
  exclamations: 0.002,
  modals: 0.1589,
  evaluative: 1.2659,
  contractions: 0.3924,
  quoted: 0.1804,
  attribution: 0.2082,
  weekdays: 0.063,
  capitals: 0.1971,
  negations: 0.5412,
  generic: 0.2269,
};

/** How a reason names a feature that raised the probability: as it reads above its mean, and below it. */
const SIGN_WORDS: Readonly<Record<Exclude<OpinionFeature, 'bias'>, readonly [string, string]>> = {
  firstSingular: ['“I” and “my”', 'little “I”'],
  firstPlural: ['“we” and “our”', 'little “we”'],
  second: ['“you”', 'little “you”'],
  questions: ['questions', 'few questions'],
  exclamations: ['exclamations', 'few exclamations'],
  modals: ['“should” and “must”', 'few “should”'],
  evaluative: ['judging words', 'few judging words'],
  contractions: ['contractions', 'few contractions'],
  quoted: ['much quoted', 'little quoted'],
  attribution: ['many attributions', 'few attributions'],
  weekdays: ['weekdays', 'few weekdays'],
  capitals: ['many names', 'few names'],
  negations: ['negations', 'few negations'],
  generic: ['people in general', 'few general terms'],
};

/**
 * Probability at or above which the text alone marks an article as opinion. Precision first: a report
 * wrongly marked loses all its sentences to the digest. Measured 2026-12-07 on allsides train
 * (eval/opinion-fit.ts, 5-fold cross-validated, against the marker labels of eval/opinion-data.ts):
 * 0.5 → precision 0.523, recall 0.127 (455 of 24,411 called); 0.4 → 0.460 / 0.208 (850); 0.3 → 0.405 /
 * 0.342; 0.2 → 0.348 / 0.552. Those labels miss unmarked columns, so 20 train articles called at 0.4 with
 * no marker were drawn at random and read by hand: 13 opinion pieces, 4 analyses (a news analysis, a fact
 * check, a study's summary), 1 printed statement and 2 reports (partisan news posts, at 0.52 and 0.54, so a
 * higher threshold would not have spared them). Counting those, about nine in ten marks are opinion or
 * analysis. 0.4 keeps twice the recall of 0.5 at that cost.
 */
export const OPINION_PROBABILITY = 0.4;

/**
 * Probability at or above which the digest leaves an unmarked article's sentences out. The article is not
 * marked (OPINION_PROBABILITY marks it), but the digest must never speak with an author's voice and can
 * spare a sentence, so the bar is low and the older signs (arguingVoice: "I"/"you", questions) still count
 * beside it: recall first. On allsides train against the marker labels (eval/opinion-data.ts): the older
 * signs alone precision 0.193, recall 0.280 (11.1 % of articles kept out); the model alone at 0.25 0.373 /
 * 0.435 (8.9 %); either of them 0.258 / 0.562 (16.7 %; at 0.3 0.252 / 0.491, at 0.4 0.234 / 0.402). The model
 * alone was tried first: on the blind-check stories it let a column ("A truly awful idea: …", probability
 * under 0.25) and two essays into digests that the older signs had kept them out of.
 */
export const DIGEST_OPINION_PROBABILITY = 0.25;

/**
 * Whether the digest leaves an article's sentences out as reading like opinion, and why; null for a report:
 * the model at DIGEST_OPINION_PROBABILITY (texts of OPINION_MIN_WORDS words and more), or the older signs
 * (arguingVoice, from 50 words: a transcript, a post in the first person, a run of questions).
 */
export function leansToOpinion(input: Pick<OpinionInput, 'text' | 'quotes'>): string | null {
  const read = opinionProbability(input.text, input.quotes);
  if (read && read.probability >= DIGEST_OPINION_PROBABILITY)
    return `reads like opinion (${read.signs.join(', ')}; probability ${read.probability.toFixed(2)})`;
  return arguingVoice(input);
}

/** The model's probability that a text is an opinion piece; null when it is too short to read. */
export function opinionProbability(
  text: string,
  quotes?: readonly { start: number; end: number }[],
): { probability: number; signs: string[] } | null {
  // A story's comparison asks twice per article (opinionOf, then leansToOpinion for the digest), and reading
  // the features costs a few milliseconds: the answer is kept with the article's quote list.
  const kept = quotes ? readCache.get(quotes) : undefined;
  if (kept && kept.text === text) return kept.read;
  const features = opinionFeatures(text, quotes);
  const read = features ? readFeatures(features) : null;
  if (quotes) readCache.set(quotes, { text, read });
  return read;
}

const readCache = new WeakMap<
  readonly { start: number; end: number }[],
  { text: string; read: { probability: number; signs: string[] } | null }
>();

/** The model's probability for features of opinionFeatures, and the (at most three) signs that raised it most. */
export function readFeatures(features: Readonly<Record<OpinionFeature, number>>): {
  probability: number;
  signs: string[];
} {
  let z = 0;
  const pushes: [string, number][] = [];
  for (const f of OPINION_FEATURES) {
    z += OPINION_WEIGHTS[f] * features[f];
    if (f === 'bias') continue;
    const off = features[f] - OPINION_MEANS[f];
    pushes.push([SIGN_WORDS[f][off > 0 ? 0 : 1], OPINION_WEIGHTS[f] * off]);
  }
  const signs = pushes
    .filter(([, push]) => push > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([word]) => word);
  return { probability: 1 / (1 + Math.exp(-z)), signs };
}
