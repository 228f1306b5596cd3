// Word-level helpers shared by facts, timeline and digest: a fast tokenizer with offsets, a light stemmer,
// stop words and a few groups of news synonyms. Alignment compares sentences written by different
// outlets about one event, so the goal is that "extended an invitation to host negotiations" and
// "offered to host talks" end up sharing keys, while staying cheap enough for thousands of sentences
// (no tagger: a regular expression and string rules).

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

// Function words plus the verbs and adverbs of news reporting: "said", "according", "reported" tell who
// spoke, not what happened, and would otherwise link any two attributed sentences.
const STOP_WORDS = new Set(
  (
    'a about above after again against all almost already also although am among an and another any are ' +
    'around as at be became because been before being below between both but by can cannot could did do ' +
    'does doing done down during each either else even ever every few for from further had has have having ' +
    'he her here hers herself him himself his how however i if in into is it its itself just last least less ' +
    'let like many may me might more most much must my myself neither no nobody none nor not now of off on ' +
    'once one only or other others otherwise our ours ourselves out over own per quite rather same shall she ' +
    'should since so some still such than that the their theirs them themselves then there these they this ' +
    'those though through thus to too toward towards under until up upon us very via was we were what when ' +
    'where whether which while who whom whose why will with within without would yet you your yours ' +
    'yourself mr mrs ms dr say says said saying tell told tells stated add added adding ' +
    'according report reported reports reportedly claimed noted asked also later ' +
    'earlier recently well really already get got make made take took go went come came use used ' +
    "don't didn't doesn't isn't wasn't weren't aren't won't wouldn't can't couldn't shouldn't haven't " +
    "hasn't hadn't it's that's there's he's she's they're we're i'm i've we've you're let's"
  ).split(' '),
);

// Words that mean the same thing in news copy, written as plain words and stemmed at load. Kept small and
// generic: each group is a way outlets routinely vary one report ("14 people were hurt" / "injuring 12";
// "peace talks" / "peace negotiations"; "extended an invitation" / "offered" / "proposal").
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['talks', 'negotiations', 'negotiate'],
  ['offer', 'invitation', 'invite', 'proposal', 'propose'],
  ['injured', 'hurt', 'wounded'],
  ['killed', 'died', 'dead', 'death'],
  ['collapse', 'crumble', 'fail', 'buckle'],
  ['remain', 'stay'],
  ['hospital', 'hospitalized', 'hospitalised'],
  ['agreement', 'accord', 'deal'],
  ['meeting', 'meet', 'met'],
  ['start', 'begin', 'began', 'begun'],
  ['passengers', 'riders'],
  ['arrested', 'detained', 'custody'],
  ['resigned', 'quit'],
  ['sanctions', 'embargo'],
  ['aid', 'assistance'],
];

const VOWEL = /[aeiouy]/;

/**
 * A light suffix stripper, enough to make inflections meet: "invitation"/"invite"/"invited" → "invit",
 * "negotiations"/"negotiate" → "negoti", "injuries"/"injured"/"injuring" → "injur". It over-merges a few
 * unrelated words ("party"/"part"), which IDF weighting and the other shared words absorb.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:x|ch|sh|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is|ous)$/.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('ations') || w.endsWith('ation')) {
    const base = w.slice(0, w.lastIndexOf('ation'));
    if (base.length >= 3) return base;
  }
  if (w.endsWith('ment') && w.length - 4 >= 4) w = w.slice(0, -4);
  let stripped = false;
  if (w.endsWith('ing') && w.length - 3 >= 3 && VOWEL.test(w.slice(0, -3))) {
    w = w.slice(0, -3);
    stripped = true;
  } else if (w.endsWith('ed') && w.length - 2 >= 3 && VOWEL.test(w.slice(0, -2))) {
    w = w.slice(0, -2);
    stripped = true;
  }
  if (stripped && /([bdfgkmnprt])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ate') && w.length - 3 >= 4) w = w.slice(0, -3);
  else if (stripped && w.endsWith('at') && w.length - 2 >= 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 4 && !VOWEL.test(w.charAt(w.length - 2))) w = w.slice(0, -1);
  return w;
}

const SYNONYM_OF = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const head = stem(group[0] as string);
  for (const word of group) SYNONYM_OF.set(stem(word), head);
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
  if (STOP_WORDS.has(lower)) return '';
  if (/^\d/.test(lower)) return '';
  const s = stem(lower);
  if (s.length < MIN_KEY_LENGTH || STOP_WORDS.has(s)) return '';
  return SYNONYM_OF.get(s) ?? s;
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

/** Words in text[start, end) (letters or digits runs), for length limits. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;
}

/**
 * Where a lead sentence starts after its dateline ("PORT CALLOWAY — ", "KYIV, March 5 (Reuters) - "),
 * or `start` when it has none. Only an all-caps place or a parenthesised agency before a dash counts:
 * "Trump — who …" is no dateline.
 */
export function datelineEnd(text: string, start: number, end: number): number {
  const head = text.slice(start, Math.min(end, start + 80));
  const m = /^\p{Lu}[\p{L}.,'’ ()-]{1,70}?\s[—–-]{1,2}\s+/u.exec(head);
  if (!m) return start;
  const prefix = m[0];
  const allCapsPlace = /^[\p{Lu}\s.,'’]+(?:[,(]|\s[—–-])/u.test(prefix);
  return allCapsPlace || /\(.+\)/.test(prefix) ? start + prefix.length : start;
}
