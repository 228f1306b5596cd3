// Name words shared by annotation, story features and actor merging. They live on the ground floor so that a
// process that only places articles in stories (ingest's main thread, with annotation in worker threads)
// does not load the annotator's lexicons and NLP models to split a name into words: importing
// src/stories/features.ts cost 120 MB and about 2 s through the entities module.

/** Generational suffixes follow the surname: "Walter Pruitt Jr." is a Pruitt. */
export const NAME_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

// Titles written short before a name, with a full stop: "Sen. Ann Lee", "Gov. Bo Hale", and their plurals
// before two names ("Sens. Ann Lee and Bo Hale", "Drs. Ann Lee and Bo Hale", "Messrs. Lee and Hale").
const TITLE_ABBREVIATIONS = new Set(
  'mr mrs ms messrs mmes dr prof rev fr sen rep gov lt gen col maj capt sgt cmdr adm supt'.split(' '),
);

/**
 * Whether a word (without its full stop) is a title written short before a name, singular or plural: "Sen",
 * "Sens", "Govs", "Drs". A sentence does not end after one ("Two hopefuls, Sens. Ann Lee and Bo Hale, …").
 */
export function isTitleAbbreviation(word: string): boolean {
  const lower = word.toLowerCase();
  return (
    TITLE_ABBREVIATIONS.has(lower) || (lower.endsWith('s') && TITLE_ABBREVIATIONS.has(lower.slice(0, -1)))
  );
}

/** Whether a word (without its full stop) is a singular title written short: "Rev", "Sen"; not "Sens". */
export function isSingularTitleAbbreviation(word: string): boolean {
  return TITLE_ABBREVIATIONS.has(word.toLowerCase());
}

/** The words of a name, lower case, without a generational suffix. */
export function nameWords(name: string): string[] {
  const words = name.toLowerCase().split(/\s+/).filter(Boolean);
  while (words.length > 1 && NAME_SUFFIXES.has(words[words.length - 1] ?? '')) words.pop();
  return words;
}

/** Two spellings of one surname: Zelensky/Zelenskyy, Nawfal/Naufal — one edit apart, same first letter. */
export function similarNames(a: string, b: string): boolean {
  if (a === b) return true;
  if (a[0] !== b[0] || Math.min(a.length, b.length) < 5) return false;
  return editDistance(a, b) <= (Math.min(a.length, b.length) >= 9 ? 2 : 1);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
