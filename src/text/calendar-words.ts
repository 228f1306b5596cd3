// Month and weekday words of English, in calendar order: one list for every stage that must tell a date
// word from a name ("May" the month, "Ann June" the person) or read a period a sentence names.

/** Full month names, January first (index = month number 0–11). */
export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Short month forms as written with a dot ("Sept.", "Oct."), to month number; "May" has none. */
export const MONTH_SHORT_FORMS: ReadonlyMap<string, number> = new Map([
  ['jan', 0],
  ['feb', 1],
  ['mar', 2],
  ['apr', 3],
  ['jun', 5],
  ['jul', 6],
  ['aug', 7],
  ['sep', 8],
  ['sept', 8],
  ['oct', 9],
  ['nov', 10],
  ['dec', 11],
]);

/** Weekday names, Monday first (index = weekday number, 0 = Monday). */
export const WEEKDAY_NAMES: readonly string[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

const WEEKDAY_WORD = new RegExp(
  `\\b(${WEEKDAY_NAMES.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('|')})\\b`,
  'g',
);

/** The weekdays a text names, as weekday numbers (0 = Monday): "by 5 p.m. Tuesday" → {1}. */
export function weekdaysNamed(text: string): Set<number> {
  return new Set(
    [...text.matchAll(WEEKDAY_WORD)].map((m) => WEEKDAY_NAMES.indexOf((m[1] as string).toLowerCase())),
  );
}
