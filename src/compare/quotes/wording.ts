// Wording discrepancies: one utterance printed with different words. Two printings differ materially when,
// over the part of the utterance both cover, their word alignment replaces a content word (no synonym
// mapping here — "reach an agreement" / "make an accord" is exactly what a reader should see; "our ally" /
// "main ally" / "key ally": at the word before the shared "ally" the printings disagree), or inserts a
// short run holding one ("our ally" / "our key ally"). A long one-sided run is an elision, not a
// rewording. A low share of content words in common no longer counts on its own: it held "E.U." / "EU",
// and different lines of one speaker, as rewordings.
// Printings that are exact word sequences inside another printing (a partial quote) are never flagged,
// and printings that cover different parts of the utterance ("half an hour by plane" / "We can sit down
// here…") are not compared at all.
//
// Only printings of ONE utterance are compared: a quote group can hold several lines of one speaker, or
// lines of two speakers, that share topic words. Two printings are one utterance when they share at
// least ONE_UTTERANCE_SHARE of the shorter one's words in order (a content word among them) and are not
// credited to two different speakers. And a difference is only one of words: case, punctuation,
// hyphens ("long-term" / "long term"), abbreviations ("E.U." / "EU", "CEO" / "chief executive officer"),
// contractions ("don't" / "do not") and an obscenity's mask ("f***" / "f---") are how an outlet prints the
// same words.

import type { EvidenceSpan } from '../../model/report.js';
import { align, MAX_DIFF_WORDS, splitWords } from '../../text/word-diff.js';
import {
  alignKey,
  contentStems,
  isContentWord,
  sameCensoredWord,
  spellingVariants,
  synonymKey,
} from '../../text/words.js';
import { MIN_OVERLAP } from './group.js';

/** Longest one-sided run inside the aligned part that still counts as an inserted word, not an elision. */
export const MAX_INSERTION_WORDS = 3;
/** Words shown each side of a difference in the discrepancy note. */
export const NOTE_CONTEXT_WORDS = 4;
/**
 * Beyond this many distinct printings, each is compared with the fullest one only (pairwise LCS is
 * quadratic in printings as well as in words).
 */
export const MAX_PAIRWISE_WORDINGS = 40;

/**
 * Share of the shorter printing's words the two must hold in the same order to be one utterance.
 * "Minsk is our ally" / "It is our key ally" share 3 of 4; a two-word fragment "main ally" shares 1 of 2
 * with "…our ally"; two different lines of one speaker on one topic ("We will cut taxes for families" /
 * "Families deserve a tax cut now") share far fewer in order.
 */
export const ONE_UTTERANCE_SHARE = 0.5;
/** Share of the shorter printing's content words the two must hold in order, once it has a few. */
export const ONE_UTTERANCE_CONTENT = 0.6;
/** Content words a printing needs before ONE_UTTERANCE_CONTENT applies ("main ally" has two). */
export const ONE_UTTERANCE_MIN_CONTENT = 3;

/** Words that mark an editor's cut or insertion inside a quote. */
const EDITORIAL = /…|\.\.\.|^[[(]|[\])][.,;:]?$/;

export interface Printing {
  /** The text as first printed. */
  text: string;
  /** Article ids that printed exactly these words. */
  articles: string[];
  /** Where each article printed it (when the caller gave positions). */
  evidence: EvidenceSpan[];
  /** The speakers the printings are credited to (actor ids; empty when unknown). */
  speakers: Set<string>;
}

/** One printing as the caller gives it. */
export interface PrintingInput {
  article: string;
  text: string;
  start?: number;
  end?: number;
  /** Actor id of the speaker, when known. */
  speaker?: string | null;
}

interface Wording extends Printing {
  words: string[];
  keys: string[];
  synonyms: Set<string>;
  /** Index of the first word found to differ from another printing, for the note. */
  focus: number;
}

function overlapOfShorter(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n / small.size;
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return needle.length === 0;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const sameWord = (a: string, b: string) => a === b || spellingVariants(a, b);

const CONTRACTIONS: readonly [RegExp, string][] = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\bcannot\b/g, 'can not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'ll\b/g, ' will'],
  [/'ve\b/g, ' have'],
  [/'m\b/g, ' am'],
  [/'d\b/g, ' would'],
];

/** A run of printed words as bare letters, contractions spelled out: "E.U." = "EU", "don't" = "do not". */
function squashed(words: readonly string[]): string {
  let text = words
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
  for (const [from, to] of CONTRACTIONS) text = text.replace(from, to);
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

/** "CEO" for "chief executive officer", "DOD" for "Department of Defense". */
function initials(words: readonly string[]): string {
  return words.map((w) => squashed([w]).charAt(0)).join('');
}

/** Whether two runs of printed words are the same words printed differently. */
export function samePrintedWords(a: readonly string[], b: readonly string[]): boolean {
  const x = squashed(a);
  const y = squashed(b);
  if (x === y) return x !== '' || (a.length === 0 && b.length === 0);
  if (a.length === 1 && b.length >= 2 && x.length >= 2 && x === initials(b)) return true;
  if (b.length === 1 && a.length >= 2 && y.length >= 2 && y === initials(a)) return true;
  return (
    a.length === 1 &&
    b.length === 1 &&
    (shortened(a[0] ?? '', y) || shortened(b[0] ?? '', x) || sameCensoredWord(a[0] ?? '', b[0] ?? ''))
  );
}

/** "Sen." for "Senator", "Dept." for "Department": a dotted short form whose letters run in order in the word. */
function shortened(printed: string, full: string): boolean {
  if (!/\p{L}\.\W*$/u.test(printed)) return false;
  const letters = squashed([printed]);
  if (letters.length < 2 || letters.length >= full.length || letters[0] !== full[0]) return false;
  let i = 0;
  for (const c of full) if (c === letters[i]) i++;
  return i === letters.length;
}

/** Ends of two runs that are the same words printed differently (at most MAX_INSERTION_WORDS + 1 each). */
function sameEnds(a: readonly string[], b: readonly string[], at: 'start' | 'end'): boolean {
  const most = MAX_INSERTION_WORDS + 1;
  for (let k = 1; k <= Math.min(most, a.length); k++) {
    for (let l = 1; l <= Math.min(most, b.length); l++) {
      const x = at === 'end' ? a.slice(-k) : a.slice(0, k);
      const y = at === 'end' ? b.slice(-l) : b.slice(0, l);
      if (samePrintedWords(x, y)) return true;
    }
  }
  return false;
}

/** Words an outlet starts or stops a quoted fragment at. */
const CUT_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'to',
  'of',
  'in',
  'on',
  'for',
  'with',
  'at',
  'by',
  'as',
  'that',
]);
const isCutWord = (word: string | undefined) => CUT_WORDS.has(squashed([word ?? '']));

/**
 * Whether two printings are one utterance: enough of the shorter's words in order, a content word among
 * them, and, when the shorter has ONE_UTTERANCE_MIN_CONTENT content words or more, ONE_UTTERANCE_CONTENT
 * of them in that order too — function words alone ("to the … of the") join unrelated lines.
 */
function oneUtterance(a: Wording, b: Wording): boolean {
  if (a.words.length > MAX_DIFF_WORDS || b.words.length > MAX_DIFF_WORDS) return false;
  const same = align(a.keys, b.keys).filter((s) => s.op === 'same') as { a: number; b: number }[];
  const [short, side] = a.words.length <= b.words.length ? [a, 'a' as const] : [b, 'b' as const];
  if (short.words.length === 0 || same.length / short.words.length < ONE_UTTERANCE_SHARE) return false;
  // The shared words must sit together in the longer printing too: "heart of the city" is not found in
  // "…the voices of residents … the fight for the heart of this city" by picking "of", "the" and
  // "city" from three places.
  const other = side === 'a' ? 'b' : 'a';
  const first = same[0]?.[other] ?? 0;
  const last = same.at(-1)?.[other] ?? 0;
  if (last - first + 1 > short.words.length + 2 * MAX_INSERTION_WORDS) return false;
  const sharedContent = same.filter((s) => isContentWord(short.words[s[side]] ?? '')).length;
  if (sharedContent === 0) return false;
  const content = short.words.filter((w) => isContentWord(w)).length;
  return content < ONE_UTTERANCE_MIN_CONTENT || sharedContent / content >= ONE_UTTERANCE_CONTENT;
}

const FIRST_PERSON = new Set([
  'i',
  "i'm",
  "i've",
  "i'll",
  "i'd",
  'me',
  'my',
  'mine',
  'we',
  "we're",
  "we've",
  "we'll",
  'us',
  'our',
  'ours',
]);
const SECOND_PERSON = new Set(['you', "you're", "you've", "you'll", "you'd", 'your', 'yours']);

/** The grammatical persons a printing speaks in: 1 (I, we, our…), 2 (you, your…). */
function personsOf(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const w of words) {
    // Printed words keep their punctuation ("“You", "me,").
    const lower = w
      .toLowerCase()
      .replace(/’/g, "'")
      .replace(/[^\p{L}']/gu, '');
    if (FIRST_PERSON.has(lower)) out.add(1);
    if (SECOND_PERSON.has(lower)) out.add(2);
  }
  return out;
}

/**
 * A line and the reply to it: one speaks only to "you", the other only as "I"/"we" ("You cannot cut the
 * school budget." / "I cut the school budget and the road budget."). One utterance keeps its persons;
 * printings without a pronoun say nothing.
 */
function exchange(a: readonly string[], b: readonly string[]): boolean {
  const [pa, pb] = [personsOf(a), personsOf(b)];
  return pa.size > 0 && pb.size > 0 && ![...pa].some((p) => pb.has(p));
}

/**
 * Two printings are one speaker's words only when both are credited, to the same speaker, and a question
 * is never one utterance with a statement. A printing credited to nobody may be another person's line
 * grouped with it by shared words, and a question put to someone is not their words: a host's "Can you
 * cut the budget for rural schools?" beside the guest's "I will not cut the budget for rural schools" is
 * not one line worded two ways. (A piece of a line credited in its sentence's other quote counts as
 * credited: quotes/index.ts sentenceSpeaker.)
 */
function differentSpeakers(a: Wording, b: Wording): boolean {
  if (a.text.includes('?') !== b.text.includes('?')) return true;
  if (exchange(a.words, b.words)) return true;
  if (a.speakers.size === 0 || b.speakers.size === 0) return true;
  return ![...a.speakers].some((s) => b.speakers.has(s));
}

/**
 * Where two printings differ materially: a word index in each, or null when they word it alike. Only a
 * content word replaced or inserted at one place of the word alignment counts; a plain share of content
 * words in common would also count "E.U." / "EU" and a shortened quote as different words.
 */
function difference(a: Wording, b: Wording): [number, number] | null {
  if (a.words.length > MAX_DIFF_WORDS || b.words.length > MAX_DIFF_WORDS) return null;
  return substitution(a, b);
}

/** A content word replaced or inserted where the word alignment of two printings has a gap. */
function substitution(a: Wording, b: Wording): [number, number] | null {
  const steps = align(a.keys, b.keys);
  const firstSame = steps.findIndex((s) => s.op === 'same');
  if (firstSame < 0) return null;
  // Walk the gaps between aligned words; a gap is the removed (a-only) and added (b-only) words there.
  let gapA: number[] = [];
  let gapB: number[] = [];
  const content = (w: Wording, i: number) => isContentWord(w.words[i] ?? '');
  /** Judge the gap before `anchor` (the aligned word closing it; none for the tail). */
  const judge = (position: 'lead' | 'inner' | 'tail', anchor?: { a: number; b: number }) => {
    // An outlet that marks its cut ("sit down … and come to an agreement") or its own insertion
    // ("contact their [counterparts]") is not misquoting.
    if (
      gapA.some((i) => EDITORIAL.test(a.words[i] ?? '')) ||
      gapB.some((j) => EDITORIAL.test(b.words[j] ?? ''))
    ) {
      return null;
    }
    const wordsA = gapA.map((i) => a.words[i] ?? '');
    const wordsB = gapB.map((j) => b.words[j] ?? '');
    // The same words printed differently: "E.U." / "EU", "long-term" / "long term", "don't" / "do not".
    if (position === 'inner' && samePrintedWords(wordsA, wordsB)) return null;
    if (position === 'lead' && gapA.length > 0 && gapB.length > 0 && sameEnds(wordsA, wordsB, 'end'))
      return null;
    // A comma, semicolon or colon right before the shared part closes a list item or an aside there:
    // "incited hatred" against "inciting anger, fear, hatred" shares the list's last item, and "anger,
    // fear," are other items, not words put in or for another ("we will, as ever, hold" / "we will hold"
    // leaves an aside out).
    const closes = (w: string | undefined) => /[,;:]$/.test(w ?? '');
    if (position === 'lead' && (closes(wordsA.at(-1)) || closes(wordsB.at(-1)))) return null;
    if (
      position === 'inner' &&
      (gapA.length === 0 || gapB.length === 0) &&
      closes([...wordsA, ...wordsB].at(-1))
    )
      return null;
    if (position === 'tail' && gapA.length > 0 && gapB.length > 0 && sameEnds(wordsA, wordsB, 'start'))
      return null;
    if (gapA.length > 0 && gapB.length > 0) {
      // Both printings have words here. At the edges only the words next to the aligned part are
      // comparable (beyond them each printing may simply quote more); inside, the whole run is.
      const ai = position === 'lead' ? gapA.slice(-1) : position === 'tail' ? gapA.slice(0, 1) : gapA;
      const bi = position === 'lead' ? gapB.slice(-1) : position === 'tail' ? gapB.slice(0, 1) : gapB;
      // At an edge, an article, conjunction or preposition next to the shared words is where one printing
      // starts or stops its quote ("the harbour plan" / "costly harbour plan"), not one word put for
      // another; a possessive is the speaker's word ("our ally" / "main ally").
      if (
        position !== 'inner' &&
        [...ai.map((i) => a.words[i]), ...bi.map((j) => b.words[j])].some(isCutWord)
      ) {
        return null;
      }
      const unmatched = (w: Wording, mine: number[], other: number[], key: (i: number) => string) =>
        mine.some((i) => content(w, i) && !other.some((j) => sameWord(w.keys[i] ?? '', key(j))));
      if (unmatched(a, ai, bi, (j) => b.keys[j] ?? '') || unmatched(b, bi, ai, (i) => a.keys[i] ?? '')) {
        return [ai[0] ?? 0, bi[0] ?? 0] as [number, number];
      }
    } else if (position === 'inner' && anchor) {
      // One printing has extra words inside the shared part: a short run with a content word was added.
      if (gapA.length > 0 && gapA.length <= MAX_INSERTION_WORDS && gapA.some((i) => content(a, i))) {
        return [gapA[0] ?? 0, anchor.b] as [number, number];
      }
      if (gapB.length > 0 && gapB.length <= MAX_INSERTION_WORDS && gapB.some((j) => content(b, j))) {
        return [anchor.a, gapB[0] ?? 0] as [number, number];
      }
    }
    return null;
  };
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (!step) continue;
    if (step.op === 'removed') gapA.push(step.a);
    else if (step.op === 'added') gapB.push(step.b);
    else {
      const found = judge(i === firstSame ? 'lead' : 'inner', step);
      if (found) return found;
      gapA = [];
      gapB = [];
    }
  }
  return judge('tail');
}

function snippet(w: Wording): string {
  const from = Math.max(0, w.focus - NOTE_CONTEXT_WORDS);
  const to = Math.min(w.words.length, w.focus + NOTE_CONTEXT_WORDS + 1);
  const text = w.words.slice(from, to).join(' ');
  return `${from > 0 ? '…' : ''}${text}${to < w.words.length ? '…' : ''}`;
}

/**
 * The printings of one quote group that word it differently, with a note, or null when they agree.
 * `printings` holds each variant (article, text); `label` names an article for the note (its outlet).
 */
export function wordingDifferences(
  printings: readonly PrintingInput[],
  label: (articleId: string) => string,
): { values: Printing[]; snippets: string[] } | null {
  const byKeys = new Map<string, Wording>();
  const spanOf = (p: PrintingInput): EvidenceSpan[] =>
    p.start !== undefined && p.end !== undefined
      ? [{ article: p.article, start: p.start, end: p.end, text: p.text }]
      : [];
  for (const p of printings) {
    const words = splitWords(p.text);
    const keys = words.map(alignKey);
    const id = keys.join(' ');
    const known = byKeys.get(id);
    if (known) {
      if (!known.articles.includes(p.article)) {
        known.articles.push(p.article);
        known.evidence.push(...spanOf(p));
      }
      if (p.speaker) known.speakers.add(p.speaker);
      continue;
    }
    const stems = contentStems(p.text);
    byKeys.set(id, {
      text: p.text,
      articles: [p.article],
      evidence: spanOf(p),
      speakers: new Set(p.speaker ? [p.speaker] : []),
      words,
      keys,
      synonyms: new Set(stems.map(synonymKey)),
      focus: -1,
    });
  }
  const all = [...byKeys.values()];
  // A printing whose words all appear, in one run, inside another printing is a partial quote.
  const wordings = all.filter((w) => !all.some((o) => o !== w && containsRun(o.keys, w.keys)));
  const flagged = new Set<Wording>();
  let fullest = wordings[0];
  for (const w of wordings) if (fullest && w.words.length > fullest.words.length) fullest = w;
  for (let x = 0; x < wordings.length; x++) {
    for (let y = x + 1; y < wordings.length; y++) {
      const a = wordings[x] as Wording;
      const b = wordings[y] as Wording;
      if (wordings.length > MAX_PAIRWISE_WORDINGS && a !== fullest && b !== fullest) continue;
      // Only one article between them: fragments of one printing, not two outlets disagreeing.
      if (a.articles.length === 1 && b.articles.length === 1 && a.articles[0] === b.articles[0]) continue;
      // Printings of different parts of the utterance are not comparable.
      if (overlapOfShorter(a.synonyms, b.synonyms) < MIN_OVERLAP) continue;
      if (differentSpeakers(a, b) || !oneUtterance(a, b)) continue;
      const where = difference(a, b);
      if (!where) continue;
      if (a.focus < 0) a.focus = where[0];
      if (b.focus < 0) b.focus = where[1];
      flagged.add(a);
      flagged.add(b);
    }
  }
  if (flagged.size < 2) return null;
  const values = wordings.filter((w) => flagged.has(w));
  return {
    values: values.map((w) => ({
      text: w.text,
      articles: w.articles,
      evidence: w.evidence,
      speakers: w.speakers,
    })),
    snippets: values.map((w) => `“${snippet(w)}” (${w.articles.map(label).join(', ')})`),
  };
}
