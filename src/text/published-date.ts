// Publication dates as YYYY-MM-DD. Only the calendar date the publisher wrote is kept: the date part of an
// ISO datetime is taken as is, never shifted through a time zone, because a story published late on
// March 5 in Kyiv is a March 5 story even though it is March 6 in UTC+10.

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

function ymd(year: number, month: number, day: number): string | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/;
const SLASHED_YMD = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:$|[T\s,])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:$|T)/;
// "Wed, 05 Mar 2025 10:00:00 GMT", "5 March 2025", "5th of March, 2025"
const DAY_MONTH_YEAR = /^(?:[a-z]+\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})\b/i;
// "March 5, 2025", "Wednesday, Mar. 5 2025"
const MONTH_DAY_YEAR = /^(?:[a-z]+\.?,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;
// "05/03/2025", "5.3.2025": read only when one part cannot be a month, otherwise day and month are ambiguous.
const NUMERIC_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/;

/** A publication date in a common written form, as YYYY-MM-DD; null when it cannot be read safely. */
export function normalizePublished(s: string): string | null {
  const t = s.trim();
  let m = ISO.exec(t) ?? SLASHED_YMD.exec(t) ?? COMPACT.exec(t);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_YEAR.exec(t);
  if (m) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    if (month) return ymd(Number(m[3]), month, Number(m[1]));
  }
  m = MONTH_DAY_YEAR.exec(t);
  if (m) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()];
    if (month) return ymd(Number(m[3]), month, Number(m[2]));
  }
  m = NUMERIC_DMY.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = Number(m[3]);
    if (a > 12 || a === b) return ymd(year, b, a);
    if (b > 12) return ymd(year, a, b);
  }
  return null;
}

const URL_DATES: readonly RegExp[] = [
  /\/((?:19|20)\d\d)\/(\d\d?)\/(\d\d?)(?=[/\-_.]|$)/,
  /\/((?:19|20)\d\d)-(\d\d)-(\d\d)(?=[/\-_.]|$)/,
  /\/((?:19|20)\d\d)(\d\d)(\d\d)(?=[/\-_.]|$)/,
];

/** A date that a publisher put in an article's URL path: /2025/03/05/, /2025-03-05/, /20250305/. */
export function dateFromUrl(url: string): string | null {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not absolute: a relative canonical link still carries the path.
  }
  for (const pattern of URL_DATES) {
    const m = pattern.exec(path);
    if (m) {
      const date = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
      if (date) return date;
    }
  }
  return null;
}
