// Word-level differences between texts, for every view that puts two wordings next to each other.
// wordDiff aligns two printings of one quote in order: a longest common subsequence over word keys
// (alignKey: case, punctuation and inflection ignored), so "Minsk is our ally," against "It is our key
// ally, so…" shows "key" as the reference's extra word while "Minsk"/"It" stay each side's own words.
// distinctWords compares several outlets' sentences about one fact, order ignored, and finds what each
// has that the others lack ("12 injured" / "14 injured").
import type { DiffPart } from '../model/report.js';
import { alignKey, fold, numberValue, spellingVariants, stem, wordKey } from './words.js';

/** Longest quote (in words) that is diffed; the LCS table is quadratic, so beyond this there is no diff. */
export const MAX_DIFF_WORDS = 400;

export type Step =
  | { op: 'same'; a: number; b: number }
  | { op: 'removed'; a: number }
  | { op: 'added'; b: number };

/** Whitespace-delimited words as printed; these are what DiffPart texts are made of. */
export function splitWords(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/**
 * Align `b` against `a` (both key sequences): 'same' pairs an index of each, 'removed' is a word only in
 * `a`, 'added' a word only in `b`. Steps come in reading order of both sequences.
 */
export function align(a: readonly string[], b: readonly string[]): Step[] {
  const n = a.length;
  const m = b.length;
  // lcs[i * (m + 1) + j] = LCS length of a[i..] and b[j..]; filled from the end so the walk goes forward.
  const width = m + 1;
  const lcs = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      steps.push({ op: 'same', a: i, b: j });
      i++;
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)) {
      steps.push({ op: 'removed', a: i });
      i++;
    } else {
      steps.push({ op: 'added', b: j });
      j++;
    }
  }
  for (; i < n; i++) steps.push({ op: 'removed', a: i });
  for (; j < m; j++) steps.push({ op: 'added', b: j });
  return steps;
}

/**
 * The diff of `variant` against `reference` as DiffParts (runs of one op joined by spaces). Its 'same' and
 * 'added' parts, joined with spaces, give the variant's words in order; 'removed' parts hold the
 * reference's words the variant lacks. Undefined when either side is longer than MAX_DIFF_WORDS.
 */
export function wordDiff(reference: string, variant: string): DiffPart[] | undefined {
  const refWords = splitWords(reference);
  const varWords = splitWords(variant);
  if (refWords.length > MAX_DIFF_WORDS || varWords.length > MAX_DIFF_WORDS) return undefined;
  const steps = align(refWords.map(alignKey), varWords.map(alignKey));
  const parts: DiffPart[] = [];
  for (const step of steps) {
    // 'same' shows the variant's own spelling of the word: the variant's text must be reproducible.
    const word = step.op === 'removed' ? refWords[step.a] : varWords[step.b];
    if (word === undefined) continue;
    const last = parts[parts.length - 1];
    if (last && last.op === step.op) last.text += ` ${word}`;
    else parts.push({ op: step.op, text: word });
  }
  return parts;
}

// ── Words one text has that the others lack ────────────────────────────────────────────────────────────

/** A word's place in its text, [start, end), punctuation around it left out. */
export interface WordRange {
  start: number;
  end: number;
}

/** A marked run of words; `changed` when it is a figure, a negation or a name another text spells otherwise. */
export interface MarkedRange extends WordRange {
  changed: boolean;
}

// Negations are function words, but they turn "will attend" into "will not attend": a reader comparing two
// sentences must see them. Contractions ending in n't ("didn't") are negations too (see isNegation).
const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'none', 'nobody', 'nothing', 'neither', 'cannot']);

function isNegation(lower: string): boolean {
  return NEGATIONS.has(lower) || /n['’]t$/.test(lower);
}

interface WordClass {
  /** What the word is matched by (comparisonKey). */
  key: string;
  /** What it offers the other texts: both its keys. */
  offers: readonly string[];
  /** Whether a difference in this word is worth showing: content words, numbers and negations. */
  telling: boolean;
  /** A number or a negation: shown when a minority of the other texts share it (see distinctWords). */
  contested: boolean;
}

interface KeyedWord extends WordRange, WordClass {}

/**
 * The keys of a printed word: `exact` is its spelling with case, accents, surrounding punctuation, a
 * possessive's "'s" and the dots of an abbreviation dropped ("Vargas's" → "vargas", "E.U." → "eu"); `stem`
 * also ignores inflection (alignKey: "injuries" and "injured" meet). A number has one key, its value
 * ("fourteen" meets "14", "12,000" meets "12000"). The two carry prefixes so they never meet each other.
 */
export function comparisonKeys(word: string): { exact: string; stem: string } {
  let core = fold(word);
  // Most words are plain letters or digits, for which the clean-up below changes nothing and alignKey is
  // the stem: skipping the Unicode expressions made keying a story's words about twice as fast.
  const plain = PLAIN.test(core);
  if (!plain) {
    core = core
      .replace(/[’‘`´]/g, "'")
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
      .replace(/(?<=\p{L})\.(?=\p{L})/gu, '')
      .replace(/'s$/, '');
  }
  const value = numberValue(core);
  if (value !== null) return { exact: `#${value}`, stem: `#${value}` };
  return { exact: `=${core}`, stem: `~${plain ? stem(core) : alignKey(core)}` };
}

const PLAIN = /^[a-z]+$/;

/**
 * The key a word is matched by. A capitalised word is a name more often than not, and a name's spellings
 * must stay apart ("Varga" / "Vargas", which the stemmer would join), so it needs its exact spelling in
 * another text; a lower-case word only its stem. Every word offers both keys to the others, so "Injuries"
 * at the start of one sentence still meets "injuries" in another.
 */
export function comparisonKey(word: string): string {
  const keys = comparisonKeys(word);
  return /^\p{Lu}/u.test(word) ? keys.exact : keys.stem;
}

// Classes of words already seen, bounded. A story repeats its vocabulary, and classifying a word (fold,
// stem, stop-word checks) costs microseconds: with the cache distinctWords takes about 2.5 µs a word
// instead of 10 (invented two-sentence pair, repeated; measured on the 2-core development machine).
const CLASS_CACHE = new Map<string, WordClass>();
const CLASS_CACHE_MAX = 50_000;

function classify(word: string): WordClass {
  let known = CLASS_CACHE.get(word);
  if (known === undefined) {
    const lower = word.toLowerCase();
    const contested = numberValue(lower) !== null || isNegation(lower);
    const keys = comparisonKeys(word);
    known = {
      key: comparisonKey(word),
      offers: keys.exact === keys.stem ? [keys.exact] : [keys.exact, keys.stem],
      // wordKey is '' for function words and for the verbs of reporting ("said", "told"): in a sentence
      // about a fact they tell who spoke, and every outlet words that differently.
      telling: contested || wordKey(word) !== '',
      contested,
    };
    if (CLASS_CACHE.size >= CLASS_CACHE_MAX) CLASS_CACHE.clear();
    CLASS_CACHE.set(word, known);
  }
  return known;
}

// A whitespace-delimited word without the punctuation printed against it: the highlight covers "injured",
// not "injured,".
const WORD_CORE = /[\p{L}\p{N}](?:\S*[\p{L}\p{N}])?/u;

function keyedWords(text: string): KeyedWord[] {
  const out: KeyedWord[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const core = WORD_CORE.exec(m[0]);
    if (core === null) continue;
    const start = m.index + core.index;
    out.push({ start, end: start + core[0].length, ...classify(core[0]) });
  }
  return out;
}

/** A capitalised word, matched by its exact spelling. */
function isName(w: KeyedWord): boolean {
  return w.key.startsWith('=') && w.key === w.offers[0];
}

/**
 * For each of several texts (one outlet's sentence each), the words it has that the others lack: its
 * telling words (content words, numbers, negations) whose key no other text holds, and its numbers and
 * negations that fewer than half of the other texts hold. Adjacent marked words come back as one range
 * ("crowded city bus"); figures, negations and names another text spells one letter apart ("Novack" /
 * "Novak") are flagged `changed` and kept apart from their neighbours, for a view to stress them.
 *
 * Order is ignored on purpose: outlets rephrase, and "Officials said 12 were hurt" against "12 were hurt,
 * officials said" differs in nothing a reader should look at, where an ordered diff (wordDiff) would mark
 * "officials said" on one side. Words are marked only when no other text has them, or five paraphrases
 * of one fact would be marked nearly all over. Figures and negations are where outlets contradict each
 * other, and a figure can be split between them: with "12 injured" in three texts and "14 injured" in two,
 * the 14s are marked (each backed by one of four others), the 12s are not (two of four); "did not attend"
 * in two texts against "attended" in three marks the "not"s. With two texts it is simply the words the
 * other text lacks. A text alone has nothing to differ from.
 */
export function distinctWords(texts: readonly string[]): MarkedRange[][] {
  const words = texts.map(keyedWords);
  // How many texts offer each key (a text counts once however often it repeats the word).
  const holders = new Map<string, number>();
  for (const ws of words) {
    for (const key of new Set(ws.flatMap((w) => w.offers))) holders.set(key, (holders.get(key) ?? 0) + 1);
  }
  // The names as spelled (exact keys of capitalised words) and how many texts print each, to tell a name
  // one text spells otherwise ("Novack" / "Novak"). Only marked names are looked up, against the story's
  // few distinct names, so a panel of many rows stays linear in its words.
  const names = new Map<string, number>();
  const ownNames = words.map((ws) => new Set(ws.filter(isName).map((w) => w.key.slice(1))));
  for (const own of ownNames) for (const name of own) names.set(name, (names.get(name) ?? 0) + 1);
  const respelt = (w: KeyedWord, i: number): boolean => {
    if (!isName(w)) return false;
    const own = w.key.slice(1);
    const mine = ownNames[i];
    for (const [other, count] of names) {
      if (other === own || !spellingVariants(own, other)) continue;
      if (count - (mine?.has(other) ? 1 : 0) > 0) return true;
    }
    return false;
  };
  const others = texts.length - 1;
  return words.map((ws, i) => {
    if (others === 0) return [];
    const text = texts[i] ?? '';
    const out: MarkedRange[] = [];
    for (const w of ws) {
      const backing = (holders.get(w.key) ?? 1) - 1;
      if (!w.telling || (w.contested ? backing * 2 >= others : backing > 0)) continue;
      const changed = w.contested || respelt(w, i);
      const last = out[out.length - 1];
      if (last && last.changed === changed && /^[ \t\u00a0]+$/.test(text.slice(last.end, w.start)))
        last.end = w.end;
      else out.push({ start: w.start, end: w.end, changed });
    }
    return out;
  });
}
