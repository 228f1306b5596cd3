// The gender a given name usually carries, for pronoun links ("Jack Ortiz … he"). compromise's lexicon
// tags about 3,000 given names as male or female and leaves the rest untagged: names it does not know
// ("Wladimir", "Gaetano") and names that are also ordinary words ("Jack", "Mark", "Grant"). For those,
// the English list of gender-detection-from-name (MIT; 32,000 given names with their usual gender,
// https://github.com/DavideViolante/gender-detection-from-name) gives a guess. The list forces unisex
// names ("Casey", "Jamie") to one gender, so pronouns.ts uses the guess only to let a person take a
// pronoun, never to rule them out, and drops it when the text's pronouns say otherwise.
import { createRequire } from 'node:module';
import { FEMALE_NAMES, MALE_NAMES } from './gazetteer.js';
import type { Gender } from './index.js';

const require = createRequire(import.meta.url);
let english: ReadonlyMap<string, string> | null = null;
/** Loaded on first use: 32,000 entries cost ~20 ms, which a run that names nobody need not pay. */
function englishNames(): ReadonlyMap<string, string> {
  english ??= require('gender-detection-from-name/names/en.js') as ReadonlyMap<string, string>;
  return english;
}

/** The usual gender of a lower-case given name, or null when no list has it. */
export function usualGender(lower: string): Gender {
  if (MALE_NAMES.has(lower)) return 'male';
  if (FEMALE_NAMES.has(lower)) return 'female';
  const listed = englishNames().get(lower);
  return listed === 'male' ? 'male' : listed === 'female' ? 'female' : null;
}
