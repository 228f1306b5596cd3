// What a figure measures, beyond its unit, so two figures conflict only when they measure one thing at one
// time. Two rules shared by the count-conflict join (facts/claims.ts) and the number discrepancy
// (facts/discrepancies.ts):
//   - the period a sentence names by a month or weekday word, also where the date tagger reads none
//     because the word modifies a noun ("the March payroll report", "Tuesday's vote"): "the March payroll
//     report showed 31,000 jobs" and "employers added 40,000 jobs in April" count two months;
//   - the measured subject of a figure given in a unit of measure ("points", "degrees"): "futures fell 200
//     points" and "the index closed down 150 points" measure two things in one unit.
import { MONTH_NAMES, MONTH_SHORT_FORMS, WEEKDAY_NAMES } from '../../text/calendar-words.js';
import { phraseBreak, type WordToken, wordKey } from '../../text/words.js';

export interface NamedPeriods {
  /** Month numbers (0–11) named in the sentence. */
  months: Set<number>;
  /** Weekday numbers (0 = Monday) named in the sentence. */
  weekdays: Set<number>;
}

/**
 * Months and weekdays a sentence names, as a date ("in May", "on Tuesday") or as a modifier ("the May
 * payroll figures", "Tuesday's vote"). A capitalised word next to another capitalised content word is a
 * name ("Ann June", "June Pratt"), not a month ("The May report" is); "may" in lower case is the verb.
 */
export function namedPeriods(text: string, tokens: readonly WordToken[]): NamedPeriods {
  const months = new Set<number>();
  const weekdays = new Set<number>();
  const capital = (t: WordToken | undefined) => t !== undefined && /^\p{Lu}/u.test(t.text);
  tokens.forEach((t, i) => {
    if (!/^\p{Lu}/u.test(t.text)) return;
    const word = t.lower.replace(/['’]s$/u, '');
    let month = MONTH_NAMES.indexOf(word);
    if (month < 0 && text.charAt(t.end) === '.') month = MONTH_SHORT_FORMS.get(word) ?? -1;
    const weekday = WEEKDAY_NAMES.indexOf(word);
    if (month < 0 && weekday < 0) return;
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    const name =
      (capital(previous) &&
        (previous as WordToken).key !== '' &&
        !phraseBreak(text, (previous as WordToken).end, t.start)) ||
      (capital(next) && !phraseBreak(text, t.end, (next as WordToken).start) && !next?.isNumber);
    if (name) return;
    if (month >= 0) months.add(month);
    else weekdays.add(weekday);
  });
  return { months, weekdays };
}

/**
 * Two sentences name different periods of one kind and none in common: two months ("the May jobs report"
 * / "in June"), or two weekdays ("Monday's close" / "on Tuesday"). A month against a weekday says nothing.
 */
export function periodsApart(a: NamedPeriods, b: NamedPeriods): boolean {
  const apart = (x: Set<number>, y: Set<number>) => x.size > 0 && y.size > 0 && ![...x].some((v) => y.has(v));
  return apart(a.months, b.months) || apart(a.weekdays, b.weekdays);
}

/**
 * Units of measure: a figure in one of them does not name what it measures ("200 points" of which index?),
 * unlike "14 people", where the counted noun is the thing counted.
 */
const MEASURE_UNITS = new Set([
  'point',
  'points',
  'degree',
  'degrees',
  'foot',
  'feet',
  'meter',
  'meters',
  'metre',
  'metres',
  'mile',
  'miles',
  'kilometer',
  'kilometers',
  'kilometre',
  'kilometres',
  'pound',
  'pounds',
  'kilogram',
  'kilograms',
  'ton',
  'tons',
  'tonne',
  'tonnes',
  'barrel',
  'barrels',
  'cent',
  'cents',
  'inch',
  'inches',
  'hour',
  'hours',
  'minute',
  'minutes',
]);

/** Words between a measured subject and its figure that say how it moved, not what moved. */
const MOVEMENT =
  /^(?:fell|fall|falls|falling|rose|rise|rises|rising|dropped|drop|drops|slid|slide|slipped|sank|sunk|tumbled|plunged|plummeted|declined|decline|gained|gain|gains|lost|lose|losses|jumped|jump|climbed|climb|surged|soared|added|shed|closed|close|closing|ended|ending|finished|opened|traded|trading|was|were|is|are|been|be|had|has|have|down|up|by|off|higher|lower|nearly|almost|about|some|more|than|another|a|an|the|its|their|his|her|roughly|around|over|under|just|still|already|also)$/;

/** How many words before a figure are searched for what it measures. */
const SUBJECT_REACH = 5;

/** The units as the word keys a figure's `counted` holds ("points" → "point", "degrees" → "degr"). */
const MEASURE_KEYS = new Set([...MEASURE_UNITS].map(wordKey));

/** `counted` is a figure's counted word key (text/numbers.ts). */
export function isMeasureUnit(counted: string | null): boolean {
  return counted !== null && MEASURE_KEYS.has(counted);
}

/**
 * What a figure in a unit of measure measures: the content words just before it in its phrase, without the
 * words of movement ("Grain futures fell 200 points" → {grain, futures}; "the index closed down 150
 * points" → {index}). Empty when the phrase starts at the figure ("…, down 200 points").
 */
export function measuredSubject(
  text: string,
  tokens: readonly WordToken[],
  figureStart: number,
): Set<string> {
  const out = new Set<string>();
  let at = tokens.findIndex((t) => t.start >= figureStart);
  if (at < 0) at = tokens.length;
  let seen = 0;
  for (let i = at - 1; i >= 0 && seen < SUBJECT_REACH; i--) {
    const t = tokens[i] as WordToken;
    const next = tokens[i + 1];
    if (next && phraseBreak(text, t.end, next.start)) break;
    if (t.isNumber) break;
    seen++;
    if (!t.key || MOVEMENT.test(t.lower)) continue;
    out.add(t.key);
  }
  return out;
}

/** Two figures in a unit of measure measure the same subject: some subject word in common. */
export function sameMeasuredSubject(a: Set<string>, b: Set<string>): boolean {
  return [...a].some((x) => b.has(x));
}
