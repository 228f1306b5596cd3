// Words of a quote, reduced to keys that survive the ways outlets reprint the same utterance: case,
// punctuation, inflection ("negotiations" / "negotiate"), contractions ("We’ll" / "We will") and the
// near-synonyms translators swap ("come to an agreement" / "make an accord"). Quote-specific on purpose:
// inside quote marks the reporting verbs ("say", "tell") are the speaker's own words, so they are kept.

/** Shortest stem a suffix may be stripped down to ("sing" keeps its "ing", "calmly" → "calm"). */
const MIN_STEM_LENGTH = 3;

// Letters and digits; apostrophes and hyphens split words, so "We’ll" → "we" + "ll" (both stop words)
// and "full-blown" → "full" + "blown".
const WORD = /[\p{L}\p{N}]+/gu;

// Function words, auxiliaries, pronouns and the pieces contractions split into ("ll", "s", "t", "re").
// Negations are stop words too: they are frequent in unrelated quotes and would link them.
const STOP_WORDS = new Set(
  (
    'a about above after again against all almost already also although am among an and another any are ' +
    'around as at be became because been before being below between both but by can cannot could d did do ' +
    'does doing don didn doesn done down during each either else even ever every few for from further going ' +
    'gonna had has hasn have haven having he her here hers herself him himself his how however i if in into ' +
    'is isn it its itself just ll let like m many may me might more most much must my myself neither never ' +
    'no nobody none nor not now of off oh ok on once one only or other others our ours ourselves out over own ' +
    'per quite rather re s same shall she should since so some still such t than that the their theirs them ' +
    'themselves then there these they this those though through thus to too toward towards under until up ' +
    'upon us ve very via was wasn we were weren what when where whether which while who whom whose why will ' +
    'with within won would wouldn yes yet you your yours yourself course mr mrs ms dr'
  ).split(' '),
);

// Irregular forms the suffix rules cannot reach; only verbs that occur in quoted speech about events.
const IRREGULAR: Record<string, string> = {
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
};

// Near-synonyms that different translations of one utterance swap. Each line is one group; the first
// word is the group's key. General vocabulary only, chosen from how wire copy and translations of the
// same remark differ:
//   agreement — "come to an agreement" / "make an accord" / "a deal could be made"
//   talk      — "peace talks" / "negotiations" / "dialogue"
//   place     — "the best place" / "the best venue" / "location"
//   calm      — "calmly" / "quietly" / "peacefully"
//   say       — "tell Trump" / "say to Trump"
//   expect    — "I expect him here" / "I'm waiting for him here"
//   main      — "our main ally" / "key ally" / "principal ally"
//   big       — "a large part" / "a big part"
//   begin     — "when the war started" / "when the war began"
//   end       — "end the war" / "stop the war" / "finish the war"
//   want      — "if you want" / "if you wish"
//   help      — "American help" / "American aid" / "assistance"
//   ready     — "ready for talks" / "prepared for talks"
//   think     — "I think" / "I believe"
//   country   — "the country" / "the nation"
//   weapon    — "weapons" / "arms"
//   important — "important" / "significant"
//   fast      — "quickly" / "rapidly" / "fast"
const SYNONYM_GROUPS = [
  'agreement accord deal pact',
  'talk negotiation dialogue',
  'place venue location site',
  'calm quiet peaceful',
  'say tell',
  'expect wait await',
  'main key principal chief primary',
  'big large',
  'begin start',
  'end stop finish',
  'want wish',
  'help aid assistance',
  'ready prepared',
  'think believe',
  'country nation',
  'weapon arms',
  'important significant',
  'fast quick rapid',
];

/** Stem → synonym-group key, built with the same stemmer the quotes go through. */
const SYNONYM_OF = new Map<string, string>();
for (const line of SYNONYM_GROUPS) {
  const [head = '', ...rest] = line.split(' ');
  const key = stem(head);
  for (const word of [head, ...rest]) SYNONYM_OF.set(stem(word), key);
}

/** Lower case without diacritics ("Türkiye" → "turkiye"), so transliterations differing only in accents meet. */
export function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function undouble(s: string): string {
  // "sitting" → "sitt" → "sit", "planned" → "plann" → "plan"; "calling" keeps its "ll" (as "call" does).
  return /([bdgmnprt])\1$/.test(s) ? s.slice(0, -1) : s;
}

/**
 * A light suffix stemmer: enough for "negotiations"/"negotiate", "calmly"/"calm", "agreed"/"agree",
 * "shouting"/"shout" to meet. Not Porter: it only needs to be consistent with itself.
 */
export function stem(lower: string): string {
  const irregular = IRREGULAR[lower];
  if (irregular) return irregular;
  let s = lower;
  if (/^\d/.test(s)) return s;
  if (s.endsWith('ies') && s.length - 3 >= MIN_STEM_LENGTH) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(ss|us|is)$/.test(s) && s.length - 1 >= MIN_STEM_LENGTH) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length - 3 >= MIN_STEM_LENGTH) s = undouble(s.slice(0, -3));
  else if (s.endsWith('ied') && s.length - 3 >= MIN_STEM_LENGTH) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('ed') && s.length - 2 >= MIN_STEM_LENGTH) s = undouble(s.slice(0, -2));
  if (s.endsWith('ly') && s.length - 2 >= MIN_STEM_LENGTH) s = s.slice(0, -2);
  // "negotiation" / "negotiate", "discussion" / "discuss"; the stem must stay long ("nation" keeps its -ion).
  if (s.endsWith('ion') && s.length - 3 >= MIN_STEM_LENGTH + 2) s = s.slice(0, -3);
  if (s.endsWith('e') && s.length - 1 >= MIN_STEM_LENGTH) s = s.slice(0, -1);
  return s;
}

export function isStopWord(lower: string): boolean {
  return STOP_WORDS.has(lower);
}

/** The content words of a text as stems (no synonym mapping), in order, repeats kept. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const lower = fold(match[0]);
    if (lower.length < 2 && !/^\d/.test(lower)) continue;
    if (STOP_WORDS.has(lower)) continue;
    out.push(stem(lower));
  }
  return out;
}

/** A stem's synonym-group key ("accord" → "agreement"), or the stem itself. */
export function synonymKey(stemmed: string): string {
  return SYNONYM_OF.get(stemmed) ?? stemmed;
}

/**
 * The key of one whitespace-delimited word as printed, for word-level alignment: "Agreement," and
 * "agreement" align, "We’ll" and "we'll" align. Punctuation-only words ("—") keep themselves.
 */
export function wordKey(word: string): string {
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
  return parts.some((p) => (p.length >= 2 || /^\d/.test(p)) && !STOP_WORDS.has(p));
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
