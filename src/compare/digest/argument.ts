// Whether an article argues rather than reports, when nothing marks it (no comment section in its address, no
// "Opinion" label): an article-level score from the signs of an author speaking in their own voice. A report
// attributes ("…, the minister said."), quotes, and describes; a column, a partisan post or an argument piece
// judges as it goes ("a disastrous rollout", "the reckless plan"), addresses the reader, asks, and says what
// should be done — often with no "I" at all.
//
// The signs, each measured outside quotation marks (quotes blanked as text/opinion.ts authorVoice does) on the
// article's text alone, so the measurement and the product compute the same thing:
//  - evaluative: share of sentences holding an evaluative word (material.ts evaluativeWord: the label
//    lexicon, news-prose evaluatives, VADER's strong adjectives and adverbs, AFINN-165's judging adjectives
//    and adverbs, text/evaluative.ts);
//  - attributed: share of sentences with a speech verb ("said", "told", "according to");
//  - quoted: share of the text's characters inside quotation marks;
//  - persons: "I"/"you" words per 100 words; plural: "we"/"our"/"us" per 100 words;
//  - questions: share of sentences that are questions; modals: "should"/"must"/"ought"/"need to" per 100 words.
// ARGUMENT_WEIGHTS is a logistic regression of "marked as opinion" on these signs (classes weighed alike, so
// 0.5 is the balanced point), fitted on a quarter of the allsides articles of 150+ words and 8+ sentences, not
// the blind-check stories: 794 under a comment-section address, a genre marker or an opinion outlet label
// against 8,367 others (which hold unmarked opinion pieces too, so the figures understate the score; the fitting
// script is eval/argument-fit.ts). Fitted on every other article, scored on the rest (dev: 402
// marked, 4,185 others): AUC 0.866; share scoring at or above 0.5: 80.6 % of the marked / 21.2 % of the
// others; 0.7: 62.4 / 13.2; 0.8: 47.3 / 8.3; 0.85: 35.8 / 5.5; 0.9: 25.1 / 3.0. Attribution is the strongest
// sign (a report says who said what), then evaluative words; "I"/"you" alone adds little once they are in.
// (For comparison, text/opinion.ts arguingVoice, the "I"/"you" and question signs, catches 33.2 % / 10.5 %.)
import { authorVoice } from '../../text/opinion.js';
import { evaluativeWord } from './material.js';

export interface ArgumentSigns {
  sentences: number;
  evaluative: number;
  attributed: number;
  quoted: number;
  persons: number;
  plural: number;
  questions: number;
  modals: number;
}

/** Fewer sentences than this say too little for a score. */
export const MIN_SENTENCES = 8;

const SPEECH = /\b(?:said|says|told|tells|according to|stated|announced|added|explained|testified)\b/i;
const PERSON =
  /\b(?:I|I['’](?:m|ve|d|ll)|me|my|My|mine|myself|[Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself|[Yy]ou['’](?:re|ve|d|ll))\b/g;
const PLURAL = /\b(?:[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Oo]ur|[Oo]urs|[Oo]urselves|us)\b/g;
const MODAL = /\b(?:should|shouldn['’]t|must|mustn['’]t|ought to|need to|needs to)\b/gi;

/** The signs of argument of an article's text (see above). */
export function argumentSigns(text: string): ArgumentSigns {
  const voice = authorVoice(text);
  const words = Math.max(voice.match(/\p{L}+/gu)?.length ?? 0, 1);
  const per100 = (re: RegExp) => ((voice.match(re)?.length ?? 0) * 100) / words;
  const textSentences = text.split(/(?<=[.!?]["”’]?)\s+/);
  let sentences = 0;
  let evaluative = 0;
  let attributed = 0;
  let questions = 0;
  for (const s of textSentences) if (SPEECH.test(s)) attributed++;
  for (const s of voice.split(/(?<=[.!?])\s+/)) {
    if ((s.match(/\p{L}+/gu)?.length ?? 0) < 5) continue;
    sentences++;
    if (evaluativeWord(s) !== null) evaluative++;
    if (/\?\s*$/.test(s)) questions++;
  }
  const inside = [...text.matchAll(/“[^”\n]*(?:”|$)|"[^"\n]*(?:"|$)/gm)].reduce((n, m) => n + m[0].length, 0);
  return {
    sentences,
    evaluative: evaluative / Math.max(sentences, 1),
    attributed: attributed / Math.max(textSentences.length, 1),
    quoted: inside / Math.max(text.length, 1),
    persons: per100(PERSON),
    plural: per100(PLURAL),
    questions: questions / Math.max(sentences, 1),
    modals: per100(MODAL),
  };
}

/** Logistic-regression weights of the signs (fitted as said above); `bias` is the intercept. */
export const ARGUMENT_WEIGHTS: Readonly<Record<Exclude<keyof ArgumentSigns, 'sentences'> | 'bias', number>> =
  {
    bias: 0.074,
    evaluative: 4.81,
    attributed: -10.1,
    quoted: -2.83,
    persons: 0.135,
    plural: 0.602,
    questions: 0.772,
    modals: 1.33,
  };

/** The probability-like score (0…1) that the article argues; null below MIN_SENTENCES. */
export function argumentScore(signs: ArgumentSigns): number | null {
  if (signs.sentences < MIN_SENTENCES) return null;
  let z = ARGUMENT_WEIGHTS.bias;
  for (const [key, w] of Object.entries(ARGUMENT_WEIGHTS))
    if (key !== 'bias') z += w * (signs[key as keyof ArgumentSigns] as number);
  return 1 / (1 + Math.exp(-z));
}

/**
 * An article scoring at least this argues: its sentences do not enter the digest. Set for few false alarms
 * (5.5 % of the unmarked articles on dev, many of them unmarked opinion), as a news article set aside costs
 * the digest its sentences.
 */
export const ARGUING_SCORE = 0.85;
/**
 * The only account left of a story, every other outlet set aside, speaks in the digest only when it scores
 * below this: where marked and unmarked articles separate best on dev (Youden's J: 0.3 → 0.592, 0.4 → 0.607,
 * 0.5 → 0.594, 0.6 → 0.568; at 0.4, 86.6 % of the marked and 25.9 % of the others reach it). Alone, the account
 * must read plainly as a report.
 */
export const REPORT_SCORE = 0.4;

const scores = new WeakMap<object, number | null>();

/** The article's argument score, once per article. */
export function articleArgumentScore(article: { text: string }): number | null {
  if (!scores.has(article)) scores.set(article, argumentScore(argumentSigns(article.text)));
  return scores.get(article) ?? null;
}

/** Why an article argues though nothing marks it, or null. */
export function arguingByScore(article: { text: string }): string | null {
  const score = articleArgumentScore(article);
  return score !== null && score >= ARGUING_SCORE ? `argument score ${score.toFixed(2)} (no marker)` : null;
}
