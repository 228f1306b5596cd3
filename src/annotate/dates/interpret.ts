// Turns chrono's raw results into date candidates: drops what is not a date expression (times,
// durations, "may" the verb), settles the span, decides the precision the text states, and resolves
// the value against the publication day with news-oriented rules (unqualified weekdays and months point
// back in time, not forward as chrono assumes).
import type { Component, ParsedComponents } from 'chrono-node';
import type { DateReason } from '../../model/article.js';
import {
  addDays,
  compareYmd,
  formatValue,
  isValidYmd,
  type Precision,
  weekdayAfter,
  weekdayBefore,
  weekdayInWeekOf,
  weekdayOf,
  weekdayOnOrBefore,
  type Ymd,
  yearOnOrBefore,
} from './calendar.js';
import { directionAt } from './direction.js';
import { extendOverModifiers } from './modifiers.js';
import type { ChronoMatch } from './parser.js';

/** A preposition chrono sometimes includes ("on Tuesday", "on 28 February"); spans never start with one. */
const LEADING_PREPOSITION = /^(?:on|in|at|by|from|since|until|till|during|for|of)\s+/i;

/** Month and weekday names as chrono reads them, full or abbreviated. */
const NAME =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b/gi;

/** A weekday-only result must name a weekday: chrono reads "every weekday evening" as a Thursday. */
const WEEKDAY_NAME = /\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/i;

/** A lone all-caps word is a name or a headline, not a date: "USA TODAY", "FRIDAY NIGHT LIGHTS". */
const ALL_CAPS_WORD = /^[A-Z]{3,}$/;

/** Recurrences are not dates: "every Tuesday", "each March". */
const RECURRENCE_BEFORE = /\b(?:every|each)\s+$/i;

/** Full names; see namesLookLikeDates for what an abbreviation ("Sun", "Jan.") must satisfy. */
const FULL_NAMES: ReadonlySet<string> = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

/** Words that make an expression depend on when it was said: "yesterday", "last month", "two years ago". */
const DEICTIC =
  /\b(?:today|tonight|tomorrow|yesterday|now|ago|last|next|this|past|coming|previous|earlier|later)\b/i;

/** The unit of a relative expression fixes its precision: "three days ago" → day, "last month" → month. */
const RELATIVE_UNIT = /\b(day|month|year)s?\b/i;
const UNIT_PRECISION: Readonly<Record<string, Precision>> = { day: 'day', month: 'month', year: 'year' };

/** Week-level expressions: recorded, value null, because YYYY-MM-DD cannot say "a week". */
const WEEK_LEVEL = /\b(?:weeks?|weekends?|fortnights?)\b/i;

/** Parts of today with no date component in chrono's result ("this morning" → the publication day). */
const PART_OF_TODAY = /^(?:this\s+(?:morning|afternoon|evening)|tonight)$/i;

/**
 * Day words resolved here rather than by chrono: chrono reads "last night" as "tonight" once the
 * reference is past 6 a.m., but in a report "last night" is the evening before publication.
 * Group 1: today/tonight/this morning…; 2: yesterday/last night; 3: tomorrow.
 */
const CASUAL_DAY =
  /^(?:(today|tonight|this\s+(?:morning|afternoon|evening))|(yesterday|last\s+night)|(tomorrow))\b/i;

/**
 * Shifts by whole units, computed here because chrono's month arithmetic overflows ("last month" on
 * 31 March lands on 2 March). Groups: 1 modifier + 2 unit ("last month", "next year", "this month"),
 * 3 count + 4 unit ("two years ago", "a couple of months ago").
 */
const RELATIVE_SHIFT =
  /^(?:(last|next|this|coming|previous)\s+(day|month|year)|(.+?)\s+(day|month|year)s?\s+ago)$/i;
const SHIFT_DIRECTION: Readonly<Record<string, number>> = {
  last: -1,
  previous: -1,
  next: 1,
  coming: 1,
  this: 0,
};

/** Counts in "N units ago"; anything else ("several years ago") stays unresolved. */
const COUNT_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  'a couple of': 2,
  couple: 2,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  'a hundred': 100,
};

/** Punctuation chrono sometimes keeps around a match: "Fla., on Tuesday", "(Monday)", "January --". */
const LEADING_PUNCTUATION = /^[\s,;:([\-–—]+/;
const TRAILING_PUNCTUATION = /[\s,;:)\]\-–—]+$/;

/** A dangling "of" ("the death in February of Justice Scalia"). */
const TRAILING_OF = /\s+of$/i;

/**
 * chrono reads a number after a date as a two-digit year: "on March 5, 12 people died" → 2012, "in
 * mid-March, 40.8 million" → 2040. Unless the year is written out (STATED_YEAR), such a tail is cut
 * and the expression treated as yearless.
 */
const TRAILING_SHORT_NUMBER = /,?\s+\d{1,3}$/;
/** "In January, 25 Republicans voted": chrono takes the count for the day; a date has no comma there. */
const MONTH_COMMA_NUMBER = /^[A-Za-z]+\.?,\s*\d{1,2}$/;
const STATED_YEAR = /\d{4}|['’]\d{2}\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/;

/**
 * Times of day are not part of the date expression; chrono includes them ("10 a.m. on Monday",
 * "May 22, 2024 at 5pm", "Tuesday night"), the span keeps only the date ("Monday", "May 22, 2024",
 * "Tuesday"). A part of day is cut only after a day word or number, so "last night" and
 * "this morning" stay whole.
 */
const TIME_ZONE = '(?:[ECMP][SD]?T|UTC|GMT|BST|CES?T)';
const TIME_OF_DAY = String.raw`(?:\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2}|noon|midnight)(?:\s*${TIME_ZONE}\b)?`;
const LEADING_TIME = new RegExp(String.raw`^(?:${TIME_OF_DAY}|${TIME_ZONE}\b)\s*,?\s+(?:on\s+)?`, 'i');
const TRAILING_TIME = new RegExp(String.raw`,?\s+(?:at\s+|@\s*)?${TIME_OF_DAY}$`, 'i');
/** The time part of an ISO timestamp: "2016-08-07T02:33:52.000Z" → "2016-08-07". */
const TRAILING_ISO_TIME = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const TRAILING_PART_OF_DAY = /(?<=day|tomorrow|\d)\s+(?:night|morning|afternoon|evening)$/i;

/** "now", "right now": the moment of writing, not a date expression. */
const NOW = /^(?:right\s+)?now$/i;

/**
 * Counted from an event in the story, not from publication: "two days before", "a day earlier",
 * "the next day" ("the last day" of a session is not yesterday either). Without the event's date
 * they cannot be placed, so they are not reported.
 */
const ANAPHORIC =
  /\b(?:before|after|earlier|later|prior)$|^(?:the\s+)?(?:next|following|previous|prior|last)\s+day$/i;

/** Periods rather than points: "the past week", "over the past two years". */
const PERIOD = /\bpast\b/i;

/**
 * Relative expressions in units below a day ("3 hours ago", "in 10 minutes") are times, not dates;
 * chrono tags them, and also reads the verb "lasts" as "last s(econd)".
 */
const SUB_DAY_UNIT = /\b(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\b/i;
const SUB_DAY_TAG = 'result/relativeDateAndTime';

/** Digits and separators only ("24/7", "9/11", "1/2 cup"): a date only when it includes a year. */
const NUMERIC_ONLY = /^[\d\s/.\-–]+$/;

/** Deictic prefix chrono leaves outside a month or weekday name: "this coming Friday", "last March". */
const DEICTIC_PREFIX_BEFORE = /\b(?:this\s+coming|coming|last|next|this)\s+$/i;
const STARTS_WITH_NAME = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i;
const NAME_MODE = /\b(this\s+coming|coming|next|last|this)\s+(?=[a-z])/i;

/**
 * Between a weekday and the date that names it: "late Tuesday night, March 4". The two stay separate
 * spans, but the weekday takes the date's day (instead of the nearest Tuesday) when they agree.
 */
const WEEKDAY_DATE_GAP = /^\s*(?:(?:night|morning|afternoon|evening)\b)?\s*,?\s*(?:on\s+)?(?:the\s+)?$/i;

/** Range separators inside one chrono result ("March 4-6", "5 to 7 May", "March 2024 to May 2025"). */
const RANGE_SEPARATOR = /\s*(?:[-–—]|\b(?:to|until|till|through|thru)\b)\s*/gi;
/** Hyphens inside an ISO date are not range separators. */
const ISO_DATE_TOKEN = /\d{4}-\d{1,2}-\d{1,2}/g;

export type DateKind =
  /** States its year: "9 October 2024", "2025-03-05". Resolves without a publication date. */
  | 'absolute'
  /** Month/day without year: "March 4", "In January". The year comes from the publication date. */
  | 'yearless'
  /** Depends on the moment of speaking: "yesterday", "on Tuesday", "last month", "two years ago". */
  | 'deictic'
  /** "this week", "last weekend": recorded with value null. */
  | 'week';

export type { DateReason };

export interface DateCandidate {
  start: number;
  end: number;
  kind: DateKind;
  value: string | null;
  /** Why the value is what it is; null when the value is null. */
  reason: DateReason | null;
}

/** The part of chrono's components this module reads. */
type Components = Pick<ParsedComponents, 'isCertain' | 'get'>;

interface Hit {
  start: number;
  end: number;
  comps: Components;
  endComps: Components | undefined;
  /** The date right after a weekday that it describes ("Tuesday night, March 4"). */
  anchor?: Hit;
  /** chrono read a time relative to now ("3 hours ago", "lasts"). */
  subDay: boolean;
}

interface Resolved {
  date: Ymd;
  precision: Precision;
  reason: DateReason;
}

/** Whether the clause around the date points forward; read only for dates that need it. */
type FutureTest = () => boolean;

/** Candidates from chrono's results over `text` (the masked text chrono saw), resolved against `ref`. */
export function interpretChrono(
  text: string,
  results: readonly ChronoMatch[],
  ref: Ymd | null,
): DateCandidate[] {
  const hits = anchorWeekdays(
    text,
    results.map((r) => toHit(text, r)).filter((h) => keep(text, h)),
  );
  return hits.flatMap((hit) => candidatesOf(text, hit, ref));
}

/** The chrono match narrowed to the date expression: no leading preposition, time or punctuation. */
function toHit(text: string, r: ChronoMatch): Hit {
  let start = r.index;
  let end = r.index + r.text.length;
  const cut = (pattern: RegExp, fromStart: boolean): void => {
    const m = pattern.exec(text.slice(start, end));
    if (!m || m[0].length >= end - start) return;
    if (fromStart) start += m[0].length;
    else end -= m[0].length;
  };
  cut(LEADING_PUNCTUATION, true);
  cut(LEADING_PREPOSITION, true);
  cut(LEADING_TIME, true);
  cut(TRAILING_PUNCTUATION, false);
  cut(TRAILING_TIME, false);
  cut(TRAILING_ISO_TIME, false);
  cut(TRAILING_PART_OF_DAY, false);
  cut(TRAILING_OF, false);
  let comps: Components = r.start;
  if (comps.isCertain('year') && !STATED_YEAR.test(text.slice(start, end))) {
    const before = end;
    cut(TRAILING_SHORT_NUMBER, false);
    if (end < before) comps = without(comps, 'year');
  }
  if (comps.isCertain('day') && MONTH_COMMA_NUMBER.test(text.slice(start, end))) {
    cut(TRAILING_SHORT_NUMBER, false);
    comps = without(comps, 'day');
  }
  return { start, end, comps, endComps: r.end, subDay: r.tags.has(SUB_DAY_TAG) };
}

/** The components with one of them treated as unknown (a year is then inferred from publication). */
function without(comps: Components, hidden: Component): Components {
  return {
    isCertain: (c: Component) => c !== hidden && comps.isCertain(c),
    get: (c: Component) => comps.get(c),
  };
}

function hasDateComponent(c: Components): boolean {
  return c.isCertain('year') || c.isCertain('month') || c.isCertain('day') || c.isCertain('weekday');
}

function isWeekdayOnly(c: Components): boolean {
  return c.isCertain('weekday') && !c.isCertain('day') && !c.isCertain('month') && !c.isCertain('year');
}

function isMonthOnly(c: Components): boolean {
  return c.isCertain('month') && !c.isCertain('day') && !c.isCertain('year');
}

/** False for results that are not date expressions (see the patterns above for examples). */
function keep(text: string, hit: Hit): boolean {
  const core = text.slice(hit.start, hit.end);
  if (ALL_CAPS_WORD.test(core)) return false;
  if (RECURRENCE_BEFORE.test(text.slice(Math.max(0, hit.start - 8), hit.start))) return false;
  if (isWeekdayOnly(hit.comps) && !WEEKDAY_NAME.test(core) && !WEEK_LEVEL.test(core)) return false;
  if (hit.subDay || NOW.test(core) || ANAPHORIC.test(core) || PERIOD.test(core) || SUB_DAY_UNIT.test(core))
    return false;
  if (NUMERIC_ONLY.test(core) && !hit.comps.isCertain('year')) return false;
  if (!WEEK_LEVEL.test(core) && !hasDateComponent(hit.comps) && !PART_OF_TODAY.test(core)) return false;
  return namesLookLikeDates(text, hit);
}

/**
 * "they will march on", "it may rain": a lowercase name is a word, not a date. A lone abbreviation
 * is too often a name to trust: a weekday never ("The Baltimore Sun."), a month only with its period
 * ("in Jan." yes, "told Jan Smith" no).
 */
function namesLookLikeDates(text: string, hit: Hit): boolean {
  const core = text.slice(hit.start, hit.end);
  const single = isWeekdayOnly(hit.comps) || isMonthOnly(hit.comps);
  for (const m of core.matchAll(NAME)) {
    const word = m[0];
    if (word[0] === word[0]?.toLowerCase()) return false;
    const after = hit.start + (m.index ?? 0) + word.length;
    const abbreviated = !FULL_NAMES.has(word.toLowerCase());
    if (abbreviated && isWeekdayOnly(hit.comps)) return false;
    if (abbreviated && single && text[after] !== '.') return false;
  }
  return true;
}

/** Links a weekday to the date right after it that names the same day (see WEEKDAY_DATE_GAP). */
function anchorWeekdays(text: string, hits: Hit[]): Hit[] {
  hits.forEach((a, i) => {
    const b = hits[i + 1];
    if (
      b &&
      !a.endComps &&
      isWeekdayOnly(a.comps) &&
      b.comps.isCertain('day') &&
      WEEKDAY_DATE_GAP.test(text.slice(a.end, b.start))
    ) {
      a.anchor = b;
    }
  });
  return hits;
}

function candidatesOf(text: string, hit: Hit, ref: Ymd | null): DateCandidate[] {
  let start = hit.start;
  if (
    STARTS_WITH_NAME.test(text.slice(start, hit.end)) &&
    (isWeekdayOnly(hit.comps) || isMonthOnly(hit.comps))
  ) {
    const prefix = DEICTIC_PREFIX_BEFORE.exec(text.slice(Math.max(0, start - 20), start));
    if (prefix) start -= prefix[0].length;
  }
  const whole = text.slice(start, hit.end);
  const kind = kindOf(whole, hit.comps);
  const spanStart = extendOverModifiers(text, start);
  const parts = hit.endComps ? splitRange(text, start, hit.end) : null;
  let future: boolean | undefined;
  const isFuture: FutureTest = () => {
    future ??= directionAt(text, spanStart, hit.end) === 'future';
    return future;
  };
  if (!parts || !hit.endComps) {
    const resolved = anchoredWeekday(text, hit, ref) ?? resolve(kind, whole, hit.comps, ref, isFuture);
    return [candidate(spanStart, hit.end, kind, resolved)];
  }
  const [firstEnd, secondStart] = parts;
  const first = resolve(kind, text.slice(start, firstEnd), hit.comps, ref, isFuture);
  const second = resolveRangeEnd(kind, text.slice(secondStart, hit.end), hit.endComps, first, ref);
  return [candidate(spanStart, firstEnd, kind, first), candidate(secondStart, hit.end, kind, second)];
}

function candidate(start: number, end: number, kind: DateKind, resolved: Resolved | null): DateCandidate {
  const value = format(resolved);
  return { start, end, kind, value, reason: value === null ? null : (resolved?.reason ?? null) };
}

/** The anchor's date when it falls on the weekday ("Tuesday night, March 4" → 2025-03-04). */
function anchoredWeekday(text: string, hit: Hit, ref: Ymd | null): Resolved | null {
  const anchor = hit.anchor;
  if (!anchor) return null;
  const core = text.slice(anchor.start, anchor.end);
  const date = resolve(kindOf(core, anchor.comps), core, anchor.comps, ref, () => false);
  return date?.precision === 'day' && weekdayOf(date.date) === hit.comps.get('weekday')
    ? { ...date, reason: 'anchored-date' }
    : null;
}

function kindOf(core: string, comps: Components): DateKind {
  if (WEEK_LEVEL.test(core)) return 'week';
  const deictic = DEICTIC.test(core);
  if (comps.isCertain('year') && /\d/.test(core) && !deictic) return 'absolute';
  if (deictic || isWeekdayOnly(comps) || PART_OF_TODAY.test(core)) return 'deictic';
  return 'yearless';
}

function precisionOf(core: string, comps: Components): Precision | null {
  const unit = DEICTIC.test(core) ? RELATIVE_UNIT.exec(core) : null;
  if (unit?.[1]) return UNIT_PRECISION[unit[1].toLowerCase()] ?? null;
  if (comps.isCertain('day') || comps.isCertain('weekday') || PART_OF_TODAY.test(core)) return 'day';
  if (comps.isCertain('month')) return 'month';
  if (comps.isCertain('year')) return 'year';
  return null;
}

function format(r: Resolved | null): string | null {
  return r ? formatValue(r.date, r.precision) : null;
}

/** chrono's own reading of the components (relative ones computed from the reference it was given). */
function componentsDate(comps: Components): Ymd | null {
  const year = comps.get('year');
  const month = comps.get('month');
  const day = comps.get('day');
  return year === null || month === null || day === null ? null : { year, month, day };
}

function resolve(
  kind: DateKind,
  core: string,
  comps: Components,
  ref: Ymd | null,
  isFuture: FutureTest,
): Resolved | null {
  const precision = precisionOf(core, comps);
  if (kind === 'week' || precision === null) return null;
  if (kind === 'absolute') {
    const date = componentsDate(comps);
    return date ? { date, precision, reason: 'explicit-year' } : null;
  }
  if (!ref) return null;
  const casual = CASUAL_DAY.exec(core);
  if (casual)
    return {
      date: addDays(ref, casual[2] ? -1 : casual[3] ? 1 : 0),
      precision: 'day',
      reason: 'relative-word',
    };
  const shift = RELATIVE_SHIFT.exec(core);
  if (shift) return resolveShift(shift, ref);
  const mode = NAME_MODE.exec(core)?.[1]?.toLowerCase().replace(/\s+/g, ' ');
  // A word of its own ("last", "next", "this coming") outranks the clause; without one, the clause's
  // tense decides, and only then is the sentence read.
  const direction = mode ? 'relative-word' : isFuture() ? 'future-context' : 'past-default';
  const weekday = comps.get('weekday');
  if (isWeekdayOnly(comps) && weekday !== null)
    return { date: resolveWeekday(mode, direction, weekday, ref), precision, reason: direction };
  const month = comps.get('month');
  if (month === null) return null;
  if (kind === 'yearless' || (isMonthOnly(comps) && mode)) {
    const day = precision === 'day' ? comps.get('day') : null;
    if (isMonthOnly(comps))
      return {
        date: { year: monthYear(mode, direction, month, ref), month, day: 1 },
        precision,
        reason: direction,
      };
    const { year, fitted } = dayYear(comps, month, day, ref, direction === 'future-context');
    return { date: { year, month, day: day ?? 1 }, precision, reason: fitted ? 'weekday-fit' : direction };
  }
  const date = componentsDate(comps);
  return date ? { date, precision, reason: 'relative-word' } : null;
}

/** The earliest year in which month/day falls on or after `ref` (the mirror of yearOnOrBefore). */
function yearOnOrAfter(ref: Ymd, month: number, day: number | null): number {
  const before = month < ref.month || (month === ref.month && day !== null && day < ref.day);
  return before ? ref.year + 1 : ref.year;
}

/**
 * The year of a yearless day: the latest not after publication, unless the text also names the weekday
 * and that year does not fit it, e.g. "Monday, May 18" in an article of 2015-04-22 is 2015-05-18 (a
 * Monday), not 2014-05-18 (a Sunday). The neighbouring years are tried, the past one first.
 */
function dayYear(
  comps: Components,
  month: number,
  day: number | null,
  ref: Ymd,
  forward: boolean,
): { year: number; fitted: boolean } {
  const year = forward ? yearOnOrAfter(ref, month, day) : yearOnOrBefore(ref, month, day);
  const weekday = comps.get('weekday');
  if (day === null || weekday === null || !comps.isCertain('weekday')) return { year, fitted: false };
  const order = forward ? [year, year + 1, year - 1] : [year, year - 1, year + 1];
  const fits = order.find(
    (y) => isValidYmd({ year: y, month, day }) && weekdayOf({ year: y, month, day }) === weekday,
  );
  return { year: fits ?? year, fitted: fits !== undefined && fits !== year };
}

/** "last month" → the month before publication; "two years ago" → publication year − 2. */
function resolveShift(m: RegExpExecArray, ref: Ymd): Resolved | null {
  const [, modifier, modifierUnit, count, countUnit] = m;
  const unit = (modifierUnit ?? countUnit ?? '').toLowerCase() as Precision;
  const steps = modifier
    ? SHIFT_DIRECTION[modifier.toLowerCase()]
    : count === undefined
      ? undefined
      : countOf(count);
  if (steps === undefined) return null;
  const by = modifier ? steps : -steps;
  const reason = 'relative-word';
  if (unit === 'day') return { date: addDays(ref, by), precision: 'day', reason };
  if (unit === 'year') return { date: { year: ref.year + by, month: 1, day: 1 }, precision: 'year', reason };
  const months = ref.year * 12 + (ref.month - 1) + by;
  return {
    date: { year: Math.floor(months / 12), month: (months % 12) + 1, day: 1 },
    precision: 'month',
    reason,
  };
}

function countOf(words: string): number | undefined {
  const w = words.trim().toLowerCase().replace(/\s+/g, ' ');
  return /^\d+$/.test(w) ? Number(w) : COUNT_WORDS[w];
}

/**
 * Weekdays point back unless the text says otherwise: a report published Wednesday 2025-03-05 saying
 * "on Friday" means 2025-02-28 (chrono would pick 2025-03-07). "last Wednesday" is a week ago,
 * "this Tuesday" the Tuesday of the publication week, "next/this coming Friday" the first one ahead.
 */
function resolveWeekday(mode: string | undefined, direction: DateReason, weekday: number, ref: Ymd): Ymd {
  switch (mode) {
    case 'last':
      return weekdayBefore(ref, weekday);
    case 'this':
      return weekdayInWeekOf(ref, weekday);
    case 'next':
    case 'coming':
    case 'this coming':
      return weekdayAfter(ref, weekday);
    default:
      // "will meet on Friday" published on a Friday is that day, as "met on Friday" would be.
      return direction === 'future-context'
        ? weekdayAfter(addDays(ref, -1), weekday)
        : weekdayOnOrBefore(ref, weekday);
  }
}

/** "in December" → the latest December not after publication; "last March" strictly before this month. */
function monthYear(mode: string | undefined, direction: DateReason, month: number, ref: Ymd): number {
  switch (mode) {
    case 'last':
      return month < ref.month ? ref.year : ref.year - 1;
    case 'this':
      return ref.year;
    case 'next':
    case 'coming':
    case 'this coming':
      return month > ref.month ? ref.year : ref.year + 1;
    default:
      return direction === 'future-context'
        ? yearOnOrAfter(ref, month, null)
        : yearOnOrBefore(ref, month, null);
  }
}

/**
 * The end of a range takes its missing parts from the start: "Monday-Friday" → the Friday after that
 * Monday; "December 30 to January 2" → January of the following year.
 */
function resolveRangeEnd(
  kind: DateKind,
  core: string,
  comps: Components,
  first: Resolved | null,
  ref: Ymd | null,
): Resolved | null {
  const precision = precisionOf(core, comps);
  if (precision === null) return null;
  if (kind === 'absolute' || kind === 'week') return resolve(kind, core, comps, ref, () => false);
  if (!first) return null;
  const reason = 'range-start';
  const weekday = comps.get('weekday');
  if (isWeekdayOnly(comps) && weekday !== null) {
    return { date: addDays(first.date, (weekday - weekdayOf(first.date) + 7) % 7), precision, reason };
  }
  const date = componentsDate(comps);
  if (!date) return null;
  if (kind === 'yearless') {
    date.year = first.date.year;
    if (compareYmd(date, first.date) < 0) date.year += 1;
  }
  return { date, precision, reason };
}

/**
 * [end of the first half, start of the second] when the span reads as "A <separator> B", else null.
 * "May 5-7, 2024" → "May 5" | "7, 2024"; "2025-03-05 to 2025-03-07" splits at "to", not inside a date.
 */
function splitRange(text: string, start: number, end: number): [number, number] | null {
  const core = text.slice(start, end);
  const protectedRanges = [...core.matchAll(ISO_DATE_TOKEN)].map((m) => [
    m.index ?? 0,
    (m.index ?? 0) + m[0].length,
  ]);
  for (const m of core.matchAll(RANGE_SEPARATOR)) {
    const at = m.index ?? 0;
    if (protectedRanges.some(([s = 0, e = 0]) => at > s && at < e)) continue;
    const after = at + m[0].length;
    if (at === 0 || after >= core.length) continue;
    return [start + at, start + after];
  }
  return null;
}
