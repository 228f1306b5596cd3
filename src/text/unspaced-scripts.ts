// Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar, Tibetan).
// A length bar counted in space-separated words refuses their articles: a 2,000-character Japanese news
// item is one "word" per sentence. Those texts are measured in characters instead.

/** Letters of the scripts that do not separate words with spaces. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/gu;
const LETTER = /\p{L}/gu;

/**
 * Characters per word in those scripts, for a word-count bar: Japanese and Chinese news prose averages
 * about two characters per word (a common rule of thumb for segmenters' output), so a 30-word bar is
 * about 60 characters.
 */
export const UNSPACED_CHARS_PER_WORD = 2;

/** Whether most letters of the text belong to scripts written without spaces. */
export function isMostlyUnspaced(text: string): boolean {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return false;
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  return unspaced * 2 > letters;
}

/**
 * Words in the text for length bars: space-separated words, or, in a text mostly in an unspaced script,
 * its letters of that script divided by UNSPACED_CHARS_PER_WORD when that is more.
 */
export function approximateWords(text: string, spacedWords: number): number {
  if (!isMostlyUnspaced(text)) return spacedWords;
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  return Math.max(spacedWords, Math.floor(unspaced / UNSPACED_CHARS_PER_WORD));
}
