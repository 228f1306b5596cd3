// Calendar arithmetic on plain year/month/day triples. Everything goes through Date.UTC so the host
// timezone can never shift a day: `new Date('2025-03-05')` is midnight UTC, which is still 4 March in
// New York, and every weekday computed from it would be off by one.

/** A calendar day; month 1–12, day 1–31. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** The precision a date expression states: "9 October 2024" → day, "in May 2022" → month, "since 2020" → year. */
export type Precision = 'day' | 'month' | 'year';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses `YYYY-MM-DD`; null for anything else, including impossible days such as 2025-02-30. */
export function parseIsoDate(value: string | null | undefined): Ymd | null {
  const m = value ? ISO_DATE.exec(value.trim()) : null;
  if (!m) return null;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidYmd(ymd) ? ymd : null;
}

export function isValidYmd({ year, month, day }: Ymd): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toEpochDay({ year, month, day }: Ymd): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

function fromEpochDay(epochDay: number): Ymd {
  const d = new Date(epochDay * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: Ymd, days: number): Ymd {
  return fromEpochDay(toEpochDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday, as in Date#getUTCDay and chrono's `weekday` component. */
export function weekdayOf(date: Ymd): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** Negative when a is earlier, 0 when equal, positive when later. */
export function compareYmd(a: Ymd, b: Ymd): number {
  return toEpochDay(a) - toEpochDay(b);
}

/** The value string at the given precision: YYYY, YYYY-MM or YYYY-MM-DD. */
export function formatValue(date: Ymd, precision: Precision): string {
  const y = String(date.year).padStart(4, '0');
  if (precision === 'year') return y;
  const m = String(date.month).padStart(2, '0');
  if (precision === 'month') return `${y}-${m}`;
  return `${y}-${m}-${String(date.day).padStart(2, '0')}`;
}

/**
 * The year of the most recent (month, day) not after `ref` — news reports the past, so an article
 * published 2025-03-05 that says "in December" means December 2024, and "28 February" means 2025-02-28.
 * With day null only the month is compared ("in March" published 2025-03-05 → March 2025).
 * A 29 February falls back to the latest leap year.
 */
export function yearOnOrBefore(ref: Ymd, month: number, day: number | null): number {
  let year = ref.year;
  const afterRef =
    day === null ? month > ref.month : month > ref.month || (month === ref.month && day > ref.day);
  if (afterRef) year -= 1;
  while (day !== null && !isValidYmd({ year, month, day })) year -= 1;
  return year;
}

/** The most recent given weekday on or before `ref` ("Tuesday" in a Wednesday paper → yesterday). */
export function weekdayOnOrBefore(ref: Ymd, weekday: number): Ymd {
  return addDays(ref, -((weekdayOf(ref) - weekday + 7) % 7));
}

/** The most recent given weekday strictly before `ref` ("last Wednesday" in a Wednesday paper → a week ago). */
export function weekdayBefore(ref: Ymd, weekday: number): Ymd {
  return addDays(ref, -(((weekdayOf(ref) - weekday + 6) % 7) + 1));
}

/** The first given weekday strictly after `ref` ("this coming Friday"). */
export function weekdayAfter(ref: Ymd, weekday: number): Ymd {
  return addDays(ref, ((weekday - weekdayOf(ref) + 6) % 7) + 1);
}

/** The given weekday within the Monday–Sunday week that contains `ref` ("this Tuesday"). */
export function weekdayInWeekOf(ref: Ymd, weekday: number): Ymd {
  const mondayBased = (d: number) => (d + 6) % 7;
  return addDays(ref, mondayBased(weekday) - mondayBased(weekdayOf(ref)));
}
