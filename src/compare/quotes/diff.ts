// Word-level alignment of two printings of a quote: a longest common subsequence over word keys
// (alignKey: case, punctuation and inflection ignored), so "Minsk is our ally," against "It is our key
// ally, so…" shows "key" as the reference's extra word while "Minsk"/"It" stay each side's own words.
import type { DiffPart } from '../../model/report.js';
import { alignKey } from '../../text/words.js';

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
