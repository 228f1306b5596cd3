// Bare years chrono does not read: "in 2014 and 2015", "since 2020", "the 2022 invasion", "by 1999".
// A four-digit number is a year only with evidence in front of it, because news is full of numbers:
// "2014 people" is a count, "In 2014 people voted" a year.
import type { Span } from '../../model/article.js';
import { extendOverModifiers } from './modifiers.js';

/** A four-digit year in range 1800–2100, as a whole word ("1990s" and "20145" do not match). */
const YEAR = /\b(?:1[89]\d\d|20\d\d|2100)\b/g;

/**
 * Evidence before the year (run on the text up to it, or up to its modifiers):
 * prepositions ("since 2020", "the summer of 2022", "c. 1900"), determiners and possessives
 * ("the 2022 invasion", "Britain's 2016 referendum"), "year" ("the year 2000") and seasons
 * ("summer 2022"; the season itself is not a date and stays outside the span).
 */
const TRIGGER_BEFORE =
  /(?:\b(?:in|since|by|until|till|from|of|before|after|during|through|throughout|circa|between|the|this|that|its|their|his|her|our|year|spring|summer|autumn|fall|winter)\s+|['’]s\s+|\bca?\.\s*)$/i;

/**
 * A year continuing a list or range after an accepted year: "2014 and 2015", "2014, 2015 and 2016",
 * "2014–2015", "from 2014 to 2016". Group 1 is the previous year, group 2 the separator.
 */
const CONTINUES_AFTER_YEAR =
  /(?<!\d)(\d{4})(\s*(?:[-–—/]|,\s*(?:and\s+|or\s+)?|(?:and|or|to|through|until|till|&)\s+)\s*)$/i;

/** "2014-15", "2014/15": a two-digit continuation, only right after a dash or slash. */
const TWO_DIGIT_CONTINUATION = /^(\s*[-–—/]\s*)(\d{2})\b/;

/** "2014–2015" standing alone is a range of years even without a preposition ("2014–2015 season"). */
const RANGE_AFTER = /^\s*[-–—]\s*(\d{4}|\d{2})\b/;

/** A character right before the digits that makes them part of something else: "$2014", "12,2014", "555-2014". */
const NUMBER_CHAR_BEFORE = /[\d$€£¥#.,/:+\-–—]$/;

/** Right after the digits: "2014.5", "2014,500", "2014%", "2014 per cent" — not a year. */
const NUMBER_AFTER = /^(?:[.,:/]?\d|\s*(?:%|per\s?cent\b|percent\b))/i;

/** A range or a two-digit continuation spans at most this many years; "2014-03" is not 2014–2103. */
const MAX_RANGE_YEARS = 50;

/** Enough text before a year for the longest trigger or modifier. */
const LOOKBACK = 40;

export interface YearCandidate extends Span {
  year: number;
}

/**
 * Whether [start, end) overlaps any of `spans`, by binary search: the spans sorted by start, with the
 * largest end seen so far, answer in log time (a text of 20,000 dates has as many chrono spans, and
 * testing each year against all of them was quadratic).
 */
export function overlapTest(spans: readonly Span[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const [i, s] of sorted.entries()) maxEnd.push(Math.max(s.end, maxEnd[i - 1] ?? 0));
  return (start, end) => {
    // The last span starting before `end`; any overlapping span is at or before it.
    let lo = 0;
    let hi = sorted.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.start ?? 0) < end) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && (maxEnd[last] ?? 0) > start;
  };
}

/**
 * Bare years in `text` outside the `taken` spans (chrono's dates). `yearEnds` maps the end offset of
 * each chrono date ending in a four-digit year to that year, so "May 2022 and 2023" continues the list.
 */
export function findBareYears(
  text: string,
  taken: readonly Span[],
  yearEnds: ReadonlyMap<number, number>,
): YearCandidate[] {
  const accepted = new Map(yearEnds);
  const found: YearCandidate[] = [];
  const overlapsTaken = overlapTest(taken);
  let consumedUntil = 0;
  for (const m of text.matchAll(YEAR)) {
    const at = m.index ?? 0;
    const end = at + 4;
    if (at < consumedUntil || overlapsTaken(at, end)) continue;
    if (NUMBER_AFTER.test(text.slice(end, end + 10))) continue;
    const year = Number(m[0]);
    const start = extendOverModifiers(text, at);
    const before = text.slice(Math.max(0, start - LOOKBACK), start);
    const continues = continuesList(before, start, accepted);
    const modified = start < at;
    if (!modified && !continues && NUMBER_CHAR_BEFORE.test(before)) continue;
    if (!(modified || continues || TRIGGER_BEFORE.test(before) || startsRange(text, end, year))) continue;
    found.push({ start, end, year });
    accepted.set(end, year);
    consumedUntil = end;
    const two = twoDigitContinuation(text, end, year);
    if (two) {
      found.push(two);
      accepted.set(two.end, two.year);
      consumedUntil = two.end;
    }
  }
  return found;
}

function continuesList(before: string, start: number, accepted: ReadonlyMap<number, number>): boolean {
  const m = CONTINUES_AFTER_YEAR.exec(before);
  return !!m?.[2] && accepted.has(start - m[2].length);
}

function startsRange(text: string, end: number, year: number): boolean {
  const m = RANGE_AFTER.exec(text.slice(end, end + 10));
  const next = m?.[1];
  if (!next || NUMBER_AFTER.test(text.slice(end + (m?.[0].length ?? 0)))) return false;
  return plausibleRange(year, expandYear(next, year));
}

function plausibleRange(from: number, to: number): boolean {
  return to > from && to - from <= MAX_RANGE_YEARS;
}

/** "15" after 2014 → 2015; "00" after 1999 → 2000. */
function expandYear(digits: string, previous: number): number {
  if (digits.length === 4) return Number(digits);
  let year = Math.floor(previous / 100) * 100 + Number(digits);
  if (year <= previous) year += 100;
  return year;
}

function twoDigitContinuation(text: string, end: number, year: number): YearCandidate | null {
  const m = TWO_DIGIT_CONTINUATION.exec(text.slice(end, end + 10));
  if (!m?.[1] || !m[2]) return null;
  const start = end + m[1].length;
  const next = expandYear(m[2], year);
  if (!plausibleRange(year, next) || NUMBER_AFTER.test(text.slice(start + 2, start + 12))) return null;
  return { start, end: start + 2, year: next };
}
