// A day written as YYYY-MM-DD that exists on the calendar. The shape alone lets 2025-02-30 through, and
// days compared as strings then match nothing without saying why (a `--since 2025-02-30` listing came back
// empty instead of refused), so every place that takes a day from a user asks this one function.

const DAY_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Whether `value` is YYYY-MM-DD naming a real day: 2024-02-29 is one, 2025-02-29 and 2025-13-01 are not. */
export function isCalendarDay(value: string): boolean {
  const m = DAY_SHAPE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const last = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= last;
}
