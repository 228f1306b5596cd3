// The words full-text search indexes and looks for, in one place for both backends. SQLite's FTS5 splits
// text with its unicode61 tokenizer (remove_diacritics 2) inside SQLite; the PostgreSQL store indexes the
// words this file gives, so this file follows unicode61 exactly: a word is a run of letters, digits and
// private-use characters; combining diacritics (U+0300–036F) belong to the word and are dropped; letters are lower-cased and
// Latin letters lose their diacritics ("Łódź" → "łodz", "café" → "cafe"), other scripts keep theirs
// ("й", "ά"). test/search-words.test.ts checks the two agree on a sample of scripts and punctuation.
// No stemming on either backend: "repairs" does not find "repair" (write repair* for that).

/** A word of a text, with where it is (UTF-16 offsets), for snippets. */
export interface TextWord {
  word: string;
  start: number;
  end: number;
}

// Only the Combining Diacritical Marks block belongs to a word; other marks (Hebrew points, Devanagari
// vowel signs) split it, as in unicode61.
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{Co}]/u;
const isMark = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x300 && code <= 0x36f;
};
const isTokenChar = (char: string): boolean => isMark(char) || LETTER_OR_DIGIT.test(char);
const LATIN = /\p{Script=Latin}/u;
const MARKS = /\p{M}/gu;

/** One character as indexed: lower case, without a Latin letter's diacritics; '' for a combining mark. */
function fold(char: string): string {
  if (isMark(char)) return '';
  let lower = char.toLowerCase();
  // "İ".toLowerCase() is "i̇" (i + combining dot); unicode61 folds it to a plain "i".
  if ([...lower].length > 1) lower = lower.replace(MARKS, '');
  if (!LATIN.test(lower)) return lower;
  const bare = lower.normalize('NFD').replace(MARKS, '');
  return [...bare].length === 1 ? bare : lower;
}

const foldCache = new Map<string, string>();

function folded(char: string): string {
  if (char.length === 1 && char <= '\u007f') return char.toLowerCase();
  let value = foldCache.get(char);
  if (value === undefined) {
    value = fold(char);
    if (foldCache.size < 50_000) foldCache.set(char, value);
  }
  return value;
}

/** The words of a text with their offsets, in order. */
export function textWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  let word = '';
  let start = -1;
  let offset = 0;
  for (const char of text) {
    if (isTokenChar(char)) {
      if (start < 0) start = offset;
      word += folded(char);
    } else if (start >= 0) {
      if (word !== '') words.push({ word, start, end: offset });
      word = '';
      start = -1;
    }
    offset += char.length;
  }
  if (start >= 0 && word !== '') words.push({ word, start, end: offset });
  return words;
}

/** The words of a text, as the index holds them. */
export function searchWords(text: string): string[] {
  return textWords(text).map((w) => w.word);
}
