// The tone of a label an outlet gives an actor. A label is negative when it holds a word that
// delegitimises or condemns ("dictator", "self-proclaimed", "regime", "strongman", "embattled"), positive
// when it holds a word of praise ("hero", "respected", "good guy"), and neutral otherwise: plain offices
// and roles ("Belarusian President", "Kremlin spokesperson", "city bridge engineer") are neutral.
//
// The lists are assembled by hand from the vocabulary of media-bias research on labelling (loaded titles,
// legitimacy markers, evaluative adjectives), kept to words whose tone does not depend on context. A
// negative word wins over a positive one in the same label ("self-proclaimed hero" is negative).
import type { Tone } from '../model/report.js';

/** Words that question legitimacy or condemn: the label takes sides. */
export const NEGATIVE_WORDS = new Set([
  // illegitimate power
  'dictator',
  'dictatorial',
  'dictatorship',
  'strongman',
  'autocrat',
  'autocratic',
  'despot',
  'despotic',
  'tyrant',
  'tyrannical',
  'regime',
  'junta',
  'warlord',
  'usurper',
  'puppet',
  'self-proclaimed',
  'self-styled',
  'so-called',
  'illegitimate',
  'unelected',
  'de facto',
  // condemnation
  'thug',
  'criminal',
  'terrorist',
  'extremist',
  'fanatic',
  'demagogue',
  'propagandist',
  'apologist',
  'crony',
  'henchman',
  'stooge',
  'oligarch',
  'kleptocrat',
  'war criminal',
  'butcher',
  'murderer',
  'corrupt',
  'disgraced',
  'notorious',
  'infamous',
  'discredited',
  'embattled',
  'scandal-hit',
  'scandal-plagued',
  'beleaguered',
  'controversial',
  'divisive',
  'erratic',
  'hardline',
  'hard-line',
  'firebrand',
  'far-right',
  'far-left',
  'ultranationalist',
  'xenophobic',
  'racist',
  'authoritarian',
  'belligerent',
  'aggressor',
  'ousted',
  'convicted',
  'indicted',
  'fugitive',
  'rogue',
  'pariah',
]);

/** Words of praise or endorsement. */
export const POSITIVE_WORDS = new Set([
  'hero',
  'heroic',
  'beloved',
  'respected',
  'admired',
  'renowned',
  'acclaimed',
  'celebrated',
  'legendary',
  'visionary',
  'champion',
  'reformer',
  'reformist',
  'peacemaker',
  'statesman',
  'stateswoman',
  'popular',
  'trusted',
  'distinguished',
  'brilliant',
  'courageous',
  'brave',
  'principled',
  'good guy',
  'wise',
  'esteemed',
  'honest',
  'decent',
  'genius',
  'pioneering',
  'iconic',
]);

function wordsOf(text: string): string[] {
  const lower = text.toLowerCase().replace(/[’']/g, "'");
  const words = lower.split(/[^\p{L}'-]+/u).filter(Boolean);
  // Two-word entries ("good guy", "de facto", "war criminal") are matched as adjacent pairs.
  const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  return [...words, ...pairs];
}

export function toneOf(text: string): { tone: Tone; words: string[] } {
  const words = wordsOf(text);
  const negative = words.filter((w) => NEGATIVE_WORDS.has(w));
  if (negative.length > 0) return { tone: 'negative', words: negative };
  const positive = words.filter((w) => POSITIVE_WORDS.has(w));
  if (positive.length > 0) return { tone: 'positive', words: positive };
  return { tone: 'neutral', words: [] };
}
