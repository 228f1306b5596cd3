// Words, one home for every stage that compares wording: a fast tokenizer with offsets, one light
// stemmer, one stop-word list and one table of news synonyms. Facts, timeline and digest align sentences
// written by different outlets about one event ("extended an invitation to host negotiations" / "offered
// to host talks"); quotes match one utterance reprinted in other words ("come to an agreement" / "make an
// accord"); story clustering counts content terms. All of it stays cheap enough for thousands of sentences
// (no tagger: regular expressions and string rules).

export interface WordToken {
  start: number;
  end: number;
  /** As written, apostrophes normalised to ' ("Lukashenko’s" → "Lukashenko's"). */
  text: string;
  /** Lower case. */
  lower: string;
  /** Stem mapped to its synonym group ("negotiations" → "talk"); '' for stop words and numbers. */
  key: string;
  isNumber: boolean;
}

// A lower-case hyphenated compound ("full-scale", "self-proclaimed") is one word: its halves always come
// together and would otherwise count twice. Other hyphens split: "Russia-Ukraine" must share "ukraine"
// with "Ukraine", and "90-foot" holds the number 90. Then digits with inner separators ("41,500", "5:42",
// "2.5"), and letters with inner apostrophes ("didn’t").
const TOKEN = /\p{L}\p{Ll}*(?:-\p{Ll}+)+|\d+(?:[.,:]\d+)*|\p{L}+(?:['’]\p{L}+)*/gu;

/** Minimum length of a word that can be a content key (drops "s", "t", stray initials). */
const MIN_KEY_LENGTH = 2;

// Function words, auxiliaries, pronouns and courtesy titles: they link any two sentences. Negations are
// stop words too: they are frequent in unrelated sentences and would link them.
const FUNCTION_WORDS =
  'a about above after again against all almost already also although am among an and another any are ' +
  'around as at be became because been before being below between both but by can cannot could did do ' +
  'does doing done down during each either else even ever every few for from further had has have having ' +
  'he her here hers herself him himself his how however i if in into is it its itself just let like many ' +
  'may me might more most much must my myself neither never no nobody none nor not now of off on once one ' +
  'only or other others our ours ourselves out over own per quite rather same shall she should since so ' +
  'some still such than that the their theirs them themselves then there these they this those though ' +
  'through thus to too toward towards under until up upon us very via was we were what when where whether ' +
  'which while who whom whose why will with within would yet you your yours yourself mr mrs ms dr';

// Contractions whole (the tokenizer keeps "didn't" in one piece) and the pieces a split at the apostrophe
// leaves ("We’ll" → "we" + "ll", "didn’t" → "didn" + "t"), plus the fillers of spoken English.
const CONTRACTIONS =
  "don't didn't doesn't isn't wasn't weren't aren't won't wouldn't can't couldn't shouldn't haven't " +
  "hasn't hadn't it's that's there's he's she's they're we're i'm i've we've you're let's " +
  'd ll m re s t ve don didn doesn hasn haven isn wasn weren wouldn oh ok yes course going gonna';

// The verbs and adverbs of news reporting: "said", "according", "reported" tell who spoke, not what
// happened, and would link any two attributed sentences; with them the light verbs and adverbs that
// news prose hangs on any event ("made", "later", "without"). Inside quote marks they are the speaker's
// own words ("I told him…"), so quotes keep them: see isQuoteStopWord.
const REPORTING_WORDS =
  'say says said saying tell told tells stated add added adding according report reported reports ' +
  'reportedly claimed noted asked later earlier recently well really last least less otherwise without ' +
  'get got make made take took go went come came use used';

const STOP_WORDS = new Set(`${FUNCTION_WORDS} ${CONTRACTIONS}`.split(' '));
const REPORTING = new Set(REPORTING_WORDS.split(' '));

/** A stop word outside quotes: function words, contractions and the words of reporting. */
export function isStopWord(lower: string): boolean {
  return STOP_WORDS.has(lower) || REPORTING.has(lower);
}

/** A stop word inside a quote, where the verbs of reporting are the speaker's own and are kept. */
export function isQuoteStopWord(lower: string): boolean {
  return STOP_WORDS.has(lower);
}

// Words that mean the same thing in news copy and in translations of one remark, written as plain words
// and stemmed at load; the first word of a group is its key. Kept small and general: each group is a way
// outlets routinely vary one report or translators one utterance:
//   "14 people were hurt" / "injuring 12"; "peace talks" / "negotiations" / "dialogue";
//   "extended an invitation" / "offered" / "proposal"; "come to an agreement" / "make an accord";
//   "the best place" / "the best venue" (not "site": its stem is "sitting"'s); "calmly" / "quietly";
//   "I expect him" / "I'm waiting for him";
//   "our main ally" / "key ally"; "end the war" / "stop the war"; "American help" / "aid".
const SYNONYM_GROUPS: readonly string[] = [
  'talks negotiations negotiate dialogue',
  'offer invitation invite proposal propose',
  'injured hurt wounded',
  'killed died dead death',
  'collapse crumble fail buckle',
  'remain stay',
  'hospital hospitalized hospitalised',
  'agreement accord deal pact',
  'meeting meet met',
  'start begin began begun',
  'passengers riders',
  'arrested detained custody',
  // "18 states signed onto the lawsuit" / "18 states sued": the stemmer leaves "sued" whole.
  'lawsuit sue sued suing',
  'resigned quit',
  'sanctions embargo',
  'aid assistance help',
  'place venue location',
  'calm quiet peaceful',
  'say tell',
  'expect wait await',
  'main key principal chief primary',
  'big large',
  'end stop finish',
  'want wish',
  'ready prepared',
  'think believe',
  'country nation',
  'weapon arms',
  'important significant',
  'fast quick rapid',
];

// Irregular verbs the suffix rules cannot reach; their base form then goes through the rules like any
// word, so "made" meets "make" and "making".
const IRREGULAR: Readonly<Record<string, string>> = {
  said: 'say',
  told: 'tell',
  made: 'make',
  went: 'go',
  came: 'come',
  took: 'take',
  gave: 'give',
  given: 'give',
  began: 'begin',
  begun: 'begin',
  thought: 'think',
  brought: 'bring',
  sought: 'seek',
  met: 'meet',
  held: 'hold',
  left: 'leave',
  knew: 'know',
  known: 'know',
  spoke: 'speak',
  spoken: 'speak',
  // "won the primary" / "is expected to win the primary": a result against a forecast (facts/claims.ts
  // vetoes the pair) — as a stop word "won" left the result with no verb to compare.
  won: 'win',
};

const VOWEL = /[aeiouy]/;

/**
 * A light suffix stripper, enough to make inflections meet: "invitation"/"invite"/"invited" → "invit",
 * "negotiations"/"negotiate" → "negoti", "injuries"/"injured"/"injuring" → "injur", "calmly" → "calm",
 * "sitting" → "sit". It over-merges a few unrelated words ("party"/"part"), which IDF weighting and the
 * other shared words absorb. Not Porter: it only needs to be consistent with itself.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  w = IRREGULAR[w] ?? w;
  if (w.length <= 3 || /^\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:x|ch|sh|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is|ous)$/.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('ations') || w.endsWith('ation')) {
    const base = w.slice(0, w.lastIndexOf('ation'));
    if (base.length >= 3) return base;
  }
  // "discussion" / "discuss"; the stem must stay long ("nation", "million" keep their -ion).
  if (w.endsWith('ion') && w.length - 3 >= 5) w = w.slice(0, -3);
  if (w.endsWith('ment') && w.length - 4 >= 4) w = w.slice(0, -4);
  // Adverbs: "calmly", "peacefully". Not "family", "supply", "assembly", "daily".
  if (w.endsWith('ly') && w.length - 2 >= 4 && !/[ipb]ly$/.test(w)) w = w.slice(0, -2);
  let stripped = false;
  if (w.endsWith('ied') && w.length - 3 >= 3) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length - 3 >= 3 && VOWEL.test(w.slice(0, -3))) {
    w = w.slice(0, -3);
    stripped = true;
  } else if (w.endsWith('ed') && w.length - 2 >= 3 && VOWEL.test(w.slice(0, -2))) {
    w = w.slice(0, -2);
    stripped = true;
  }
  if (stripped && /([bdfgkmnprt])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ate') && w.length - 3 >= 4) w = w.slice(0, -3);
  else if (stripped && w.endsWith('at') && w.length - 2 >= 4) w = w.slice(0, -2);
  // Every final e, so that "agree" meets "agreed" ("agre") and "employee" meets "employ".
  while (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 4 && !VOWEL.test(w.charAt(w.length - 2))) w = w.slice(0, -1);
  return w;
}

const SYNONYM_OF = new Map<string, string>();
for (const line of SYNONYM_GROUPS) {
  const [head = '', ...rest] = line.split(' ');
  const key = stem(head);
  for (const word of [head, ...rest]) SYNONYM_OF.set(stem(word), key);
}

/** A stem's synonym-group key ("accord" → "agreement"'s stem), or the stem itself. */
export function synonymKey(stemmed: string): string {
  return SYNONYM_OF.get(stemmed) ?? stemmed;
}

const NUMBER_WORDS = new Map<string, number>([
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
  ['hundred', 100],
  ['dozen', 12],
]);

/** The value of a number token ("41,500" → 41500, "eight" → 8), or null. "one" is left out: it is a pronoun too often. */
export function numberValue(lower: string): number | null {
  if (/^\d/.test(lower)) {
    if (lower.includes(':')) return null;
    const n = Number(lower.replace(/,/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  return NUMBER_WORDS.get(lower) ?? null;
}

/** The comparison key of one word: its stem in its synonym group, or '' for a stop word. */
export function wordKey(text: string): string {
  const lower = text.toLowerCase().replace(/’/g, "'");
  if (isStopWord(lower)) return '';
  if (/^\d/.test(lower)) return '';
  const s = stem(lower);
  if (s.length < MIN_KEY_LENGTH || isStopWord(s)) return '';
  return synonymKey(s);
}

/**
 * The words of text[start, end) with offsets into text. `keys` caches word → key for one story: a story
 * repeats its vocabulary, and stemming every token again was a fifth of the alignment's time.
 */
export function tokenizeSpan(
  text: string,
  start: number,
  end: number,
  keys: Map<string, string> = new Map(),
): WordToken[] {
  const out: WordToken[] = [];
  // TOKEN is global and this loop synchronous, so its lastIndex can walk the text in place (no slice).
  TOKEN.lastIndex = start;
  for (let m = TOKEN.exec(text); m !== null && m.index < end; m = TOKEN.exec(text)) {
    const raw = m[0];
    const at = m.index;
    if (at + raw.length > end) break;
    const normal = raw.includes('’') ? raw.replace(/’/g, "'") : raw;
    const lower = normal.toLowerCase();
    const first = raw.charCodeAt(0);
    const isNumber = (first >= 48 && first <= 57) || NUMBER_WORDS.has(lower);
    let key = '';
    if (!isNumber) {
      const known = keys.get(lower);
      if (known === undefined) {
        key = wordKey(lower);
        keys.set(lower, key);
      } else key = known;
    }
    out.push({
      start: at,
      end: at + raw.length,
      text: normal,
      lower,
      key,
      isNumber,
    });
  }
  return out;
}

/** Whether text[a, b) between two tokens holds punctuation that ends a phrase. */
export function phraseBreak(text: string, a: number, b: number): boolean {
  return /[,.;:!?()“”"—–]/.test(text.slice(a, b));
}

/**
 * Words as a reader counts them, for length limits: runs between spaces that hold a letter or a digit.
 * "U.S.-led talks — day 2" is 4 words: the dash is not one, and "U.S.-led" is one. A caller that only
 * compares the count with limits up to `atMost` passes it: counting stops at atMost + 1 words, so a long
 * paragraph costs no more than a short one ("is this line a caption of at most 80 words?").
 *
 * One pass over the characters, with no piece strings: `text.split(/\s+/)` and a regular expression per
 * piece cost the clean stage ~0.4 s per 3,000 allsides articles, a quarter of its paragraph checks.
 * "Space" is exactly what `\s` matches and "letter or digit" exactly `[\p{L}\p{N}]` (test/fast-paths.test.ts
 * compares both on random text).
 */
export function wordCount(text: string, atMost = Number.POSITIVE_INFINITY): number {
  let count = 0;
  /** Whether the current run between spaces already holds a letter or digit (and was counted). */
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      counted = false;
      continue;
    }
    if (counted) continue;
    let word: boolean;
    if (c < 128) word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    else {
      // A surrogate pair is one character ("𝐀" is a letter): test its code point, then step over it.
      const code = text.codePointAt(i) ?? c;
      if (code > 0xffff) i++;
      word = LETTER_OR_DIGIT.test(String.fromCodePoint(code));
    }
    if (word) {
      counted = true;
      if (++count > atMost) return count;
    }
  }
  return count;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Whether a UTF-16 code is one `\s` matches: ASCII space, tab and line breaks, and the Unicode spaces. */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Where a lead sentence starts after its dateline ("PORT CALLOWAY — ", "KYIV, March 5 (Reuters) - ",
 * "GENEVA/OSLO (Reuters) - " for a story filed from two places), or `start` when it has none. Only an all-caps place or a parenthesised agency before a dash counts:
 * "Trump — who …" is no dateline.
 */
export function datelineEnd(text: string, start: number, end: number): number {
  const head = text.slice(start, Math.min(end, start + 80));
  const m = /^\p{Lu}[\p{L}.,'’ ()/-]{1,70}?\s[—–-]{1,2}\s+/u.exec(head);
  if (!m) return start;
  const prefix = m[0];
  const allCapsPlace = /^[\p{Lu}\s.,'’]+(?:[,(]|\s[—–-])/u.test(prefix);
  return allCapsPlace || /\(.+\)/.test(prefix) ? start + prefix.length : start;
}

// Words of a quote as printed: letters and digits; apostrophes and hyphens split words, so "We’ll" →
// "we" + "ll" (both stop words) and "full-blown" → "full" + "blown".
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case without diacritics ("Türkiye" → "turkiye"), so transliterations differing only in accents meet. */
export function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The content words of a quote as stems (no synonym mapping), in order, repeats kept. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const lower = fold(match[0]);
    if (lower.length < 2 && !/^\d/.test(lower)) continue;
    if (isQuoteStopWord(lower)) continue;
    out.push(stem(lower));
  }
  return out;
}

/**
 * The key of one whitespace-delimited word as printed, for word-level alignment: "Agreement," and
 * "agreement" align, "We’ll" and "we'll" align. Punctuation-only words ("—") keep themselves.
 */
export function alignKey(word: string): string {
  const letters = fold(word)
    .replace(/[’‘`´]/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (letters === '') return word;
  return letters.includes("'") ? letters : stem(letters);
}

/** Whether a word as printed carries content (is not a stop word, a contraction or punctuation). */
export function isContentWord(word: string): boolean {
  const parts = fold(word).match(WORD);
  if (!parts) return false;
  return parts.some((p) => (p.length >= 2 || /^\d/.test(p)) && !isQuoteStopWord(p));
}

/**
 * One key for the spellings of a noun ("co-workers"/"coworkers", "protestors"/"protesters",
 * "advisor"/"adviser"), lower-case in, lower-case out. Only endings whose two spellings name one thing:
 * a general "-or" = "-er" would make "minors" "miners".
 */
export function nounSpellingKey(lower: string): string {
  return lower
    .replace(/-/g, '')
    .replace(/stor(s?)$/, 'ster$1')
    .replace(/isor(s?)$/, 'iser$1');
}

/** Two stems that are spellings of one word ("zelensky" / "zelenskyy"): long enough and one edit apart. */
export function spellingVariants(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  // One substitution, insertion or deletion leaves at most one character unmatched on each side.
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}

// An obscenity printed with letters masked, right after a letter: "f***", "s---", "mother-f**ker".
const CENSORED = /\p{L}(?:\*+|-{2,}|_{2,}|#{2,})/u;

/**
 * Whether two printed words are one word censored differently by two outlets ("motherf**ker." /
 * "motherf-----!"): at least one is masked, and the letters printed before its mask begin the other's.
 * A masked word says nothing about the masked letters, so it is no wording difference.
 */
export function sameCensoredWord(a: string, b: string): boolean {
  const ca = CENSORED.exec(a);
  const cb = CENSORED.exec(b);
  if (!ca && !cb) return false;
  const letters = (w: string, m: RegExpExecArray | null) =>
    (m ? w.slice(0, m.index + 1) : w).toLowerCase().replace(/[^\p{L}]/gu, '');
  const x = letters(a, ca);
  const y = letters(b, cb);
  if (x === '' || y === '') return false;
  return ca && cb ? x.startsWith(y) || y.startsWith(x) : ca ? y.startsWith(x) : x.startsWith(y);
}

/**
 * Whether `text` is the word `lower` (given in lower case, ASCII) in any letter case: `text.toLowerCase()
 * === lower`, with the length compared first. Annotators ask this of every token ("the", "who"), and
 * nearly every token differs in length, so most never reach toLowerCase: per-token lower-casing was
 * ~0.15 s per 1,500 allsides articles in descriptors.ts and descriptions.ts alone. Exact because
 * lower-casing only lengthens a string (U+0130 "İ" becomes "i" + U+0307), which an ASCII word never holds.
 */
export function isWordInAnyCase(text: string, lower: string): boolean {
  return text.length === lower.length && text.toLowerCase() === lower;
}
