// Numbers in a sentence with the words they are attached to, so two outlets' figures can be compared
// only when they count the same thing: "sending 12 people to hospitals" and "injured 14 people" share
// "people" (a discrepancy), "19 passengers" and "12 people" share nothing (two different counts).
import type { DateMention } from '../model/article.js';
import { numberValue, phraseBreak, type WordToken } from './words.js';

/** Content words taken on each side of a number or date as its anchors. */
export const ANCHOR_WORDS = 2;

export type NumberKind = 'count' | 'money' | 'percent';

export interface NumberMention {
  start: number;
  end: number;
  /** As written, with its scale and unit ("$18 million", "14", "two"). */
  text: string;
  value: number;
  kind: NumberKind;
  /** The word right after the figure, what it counts ("people" in "14 people"), when there is one. */
  counted: string | null;
  anchors: Set<string>;
}

const SCALE = new Map([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);

/** Content-word keys next to tokens[first..last], stopping at punctuation and at other numbers. */
export function anchorsAround(
  text: string,
  tokens: readonly WordToken[],
  first: number,
  last: number,
  words = ANCHOR_WORDS,
): Set<string> {
  const anchors = new Set<string>();
  let taken = 0;
  for (let i = last + 1; i < tokens.length && taken < words; i++) {
    const t = tokens[i] as WordToken;
    const prev = tokens[i - 1] as WordToken;
    if (phraseBreak(text, prev.end, t.start) || t.isNumber) break;
    if (t.key) {
      anchors.add(t.key);
      taken++;
    }
  }
  taken = 0;
  for (let i = first - 1; i >= 0 && taken < words; i--) {
    const t = tokens[i] as WordToken;
    const next = tokens[i + 1] as WordToken;
    if (phraseBreak(text, t.end, next.start) || t.isNumber) break;
    if (t.key) {
      anchors.add(t.key);
      taken++;
    }
  }
  return anchors;
}

/** Token index range [first, last] covering text[start, end). */
export function tokenRange(
  tokens: readonly WordToken[],
  start: number,
  end: number,
): [number, number] | null {
  let first = -1;
  let last = -1;
  tokens.forEach((t, i) => {
    if (t.start >= start && t.end <= end) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? null : [first, last];
}

/**
 * The counts, sums and percentages of a unit. Left out: numbers inside date expressions, bare years,
 * clock times ("5:42 p.m."), ordinals and numbers glued to letters ("G7").
 */
export function numbersIn(
  text: string,
  tokens: readonly WordToken[],
  dates: readonly DateMention[],
): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as WordToken;
    if (!t.isNumber) continue;
    if (dates.some((d) => t.start >= d.start && t.end <= d.end)) continue;
    let value = numberValue(t.lower);
    if (value === null) continue;
    const after = text.slice(t.end, t.end + 6);
    if (/^(?:\s*[ap]\.?m\b|st\b|nd\b|rd\b|th\b|\p{L})/iu.test(after)) continue;
    if (/[\p{L}\d]/u.test(text.charAt(t.start - 1))) continue;
    if (/^\d{4}$/.test(t.text) && value >= 1800 && value <= 2100) continue;
    let end = t.end;
    let last = i;
    const next = tokens[i + 1];
    const scale = next ? SCALE.get(next.lower) : undefined;
    if (next && scale && /^\s+$/.test(text.slice(t.end, next.start))) {
      value *= scale;
      end = next.end;
      last = i + 1;
    }
    let start = t.start;
    let kind: NumberKind = 'count';
    if (text.charAt(t.start - 1) === '$') {
      kind = 'money';
      start--;
    }
    const following = tokens[last + 1];
    if (text.charAt(end) === '%') {
      kind = 'percent';
      end++;
    } else if (following?.lower === 'percent') {
      kind = 'percent';
    }
    const counted =
      following?.key && !phraseBreak(text, tokens[last]?.end ?? end, following.start) ? following.key : null;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      value,
      kind,
      counted,
      anchors: anchorsAround(text, tokens, i, last),
    });
    i = last;
  }
  return out;
}
