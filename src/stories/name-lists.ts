// Long lists of names with nothing between them are page furniture, not content: a sign-up form's country
// dropdown ("Choose your country Albania Algeria Andorra Angola …") or a section index that one outlet
// prints under every article. Extracted as text, such a list gives every article of that outlet the same
// few hundred place names, and on them unrelated articles of the outlet look like one story (the issue-14
// blind check: ten pieces of one magazine on ten subjects joined on a country list, its small islands and
// republics the strongest shared features). Prose never runs that many capitalised words without a comma,
// a full stop or a lower-case word other than a connector, so the run is recognised inside the article
// alone: no outlet statistics, no dependence on which articles came before (order-free).

/** Lower-case words that may stand inside a list of names ("Bosnia and Herzegovina", "Isle of Man"). */
const CONNECTORS: ReadonlySet<string> = new Set([
  'and',
  'of',
  'the',
  'de',
  'da',
  'du',
  'des',
  'la',
  'le',
  '&',
]);

/**
 * Capitalised words in a row that make a list. The dropdown above runs to about 300; a headline in title
 * case is 5–15 words, and a run of names in prose ends at its first comma or verb: "President Ana Varga
 * of Estlund Met Prime Minister …" is not written. 30 leaves a wide margin on both sides.
 */
export const LIST_WORDS = 30;

/** A word of a list: capitalised (or a number in a name, "Saint Kitts"), no punctuation after it. */
const WORD = /[^\s]+/gu;

/**
 * The character ranges [start, end) of the article's name lists: maximal runs of at least LIST_WORDS
 * capitalised words, connectors and commas allowed inside; a word ending in . ; : ! ? (not an
 * abbreviation's full stop) or a closing quote ends the run after it, as do a lower-case word and a
 * paragraph break.
 */
export function nameListSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let runStart = -1;
  let runEnd = -1;
  let words = 0;
  const close = () => {
    if (words >= LIST_WORDS) spans.push([runStart, runEnd]);
    runStart = -1;
    words = 0;
  };
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    const start = m.index ?? 0;
    // A paragraph break ends a list: a form's list is one line of extracted text.
    if (runStart >= 0 && /\n/.test(text.slice(runEnd, start))) close();
    // Brackets around a word of a name stay inside ("Virgin Islands (British)").
    const bare = w.replace(/^[([]+/u, '').replace(/[,.;:!?”’"')\]]+$/u, '');
    const capital = /^[\p{Lu}\p{N}]/u.test(bare) || (words > 0 && CONNECTORS.has(bare));
    if (!capital || bare.length === 0) {
      close();
      continue;
    }
    if (runStart < 0) runStart = start;
    runEnd = start + w.indexOf(bare) + bare.length;
    words++;
    // A comma stays inside a list ("Korea, Republic of"), and so does an abbreviation's full stop ("U.S.
    // Virgin Islands"); a sentence's end, a colon or a closing quote ends it.
    const tail = w.slice(w.indexOf(bare) + bare.length).replace(/[)\]]/gu, '');
    const abbreviation = tail === '.' && (bare.length <= 3 || bare.includes('.'));
    if (tail !== '' && tail !== ',' && !abbreviation) close();
  }
  close();
  return spans;
}

/** The text with its name lists blanked out (same length, so offsets still hold), and the lists. */
export function withoutNameLists(text: string): { text: string; spans: [number, number][] } {
  const spans = nameListSpans(text);
  if (spans.length === 0) return { text, spans };
  let out = '';
  let at = 0;
  for (const [s, e] of spans) {
    out += text.slice(at, s) + ' '.repeat(e - s);
    at = e;
  }
  return { text: out + text.slice(at), spans };
}

/** Whether a character offset lies in one of the spans (sorted, non-overlapping). */
export function inSpans(offset: number, spans: readonly [number, number][]): boolean {
  for (const [s, e] of spans) {
    if (offset < s) return false;
    if (offset < e) return true;
  }
  return false;
}
