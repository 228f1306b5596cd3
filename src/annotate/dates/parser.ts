// The one chrono-node instance the dates annotator uses: the casual English parser minus the parts
// that turn durations and period ends into dates. Built once at module load, shared by every call.
// It runs sentence by sentence: chrono merges a date with a time after a period, so "…left last night.
// This morning he…" would otherwise come back as the single expression "last night. This morning".
import type * as chrono from 'chrono-node';
// The English locale alone: chrono-node's main entry point also loads its fourteen other languages, whose
// parsers nothing here runs (its `casual` is this module's `casual`); 75 ms of CPU at start-up against
// 310 ms (one import on this 2-core machine, 2026-12-07).
import { casual } from 'chrono-node/en';
import type { Ymd } from './calendar.js';

/**
 * chrono components removed by class name (they are not exported, so `instanceof` is unavailable):
 * - ENTimeUnitWithinFormatParser: "for three weeks", "within 2 days", "in 2 weeks" are durations.
 * - ENTimeUnitLaterFormatParser: "three weeks later" counts from an event in the story, not publication.
 * - ENTimeUnitCasualRelativeFormatParser: "the past two years", "next 3 days" are periods.
 * - ENEndOfPeriodRefiner / ENEndOfCurrentMonthParser: they turn "the end of March" into 31 March; we keep
 *   the precision the text states (2025-03) and add "end of" as a modifier ourselves.
 * If a chrono upgrade renames them, the tests for these phrases fail rather than silently passing.
 */
const REMOVED_COMPONENTS: ReadonlySet<string> = new Set([
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
  'ENEndOfPeriodRefiner',
  'ENEndOfCurrentMonthParser',
]);

/**
 * Reference used when the publication date is unknown. chrono needs some reference, but nothing that
 * depends on it is reported (relative expressions become null), so any fixed day keeps runs reproducible.
 */
const PLACEHOLDER_REFERENCE: Ymd = { year: 2000, month: 1, day: 1 };

/**
 * Hour of the reference instant. Noon UTC with chrono's timezone pinned to UTC keeps the reference on
 * its calendar day whatever TZ the process runs in ("yesterday" in a 2025-03-05 article is 2025-03-04
 * in Tokyo and in Honolulu alike).
 */
const REFERENCE_HOUR_UTC = 12;

/**
 * Where a sentence or paragraph ends: terminal punctuation, optional closing quotes/brackets, space, then
 * what can start a sentence; or a blank line. A single newline is not a break, since hard-wrapped text
 * splits expressions ("early last\nyear"). Abbreviations before dates are checked in NO_BREAK_BEFORE.
 */
const SENTENCE_BREAK = /[.!?]["”’)\]]*\s+(?=["“‘([]?[A-Z0-9])|\n\s*\n\s*/g;

const LINE_BREAK = /[\r\n]/g;

/** A period after these words does not end a sentence: "Sept. 11, 2001", "Wed. March 5", "10 a.m. Tuesday". */
const NO_BREAK_BEFORE =
  /\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|a\.m|p\.m|[a-z])$/i;

/** One chrono match with its offset into the whole text. */
export interface ChronoMatch {
  index: number;
  text: string;
  start: chrono.ParsedComponents;
  end: chrono.ParsedComponents | undefined;
  /** chrono's tags, e.g. `result/relativeDateAndTime` for "3 hours ago". */
  tags: ReadonlySet<string>;
}

/**
 * chrono parsers whose patterns require an ASCII digit (`[0-9]` or `\d`, no `u` flag): years, numeric
 * and ISO dates, "3/2024", times ("at 5", "10:30"), "2024 March". On a sentence without digits they cannot
 * match, so they are left out there: two sentences in three that reach chrono have no digit, and they
 * parse about a third faster without these six (measured on 1,000 allsides articles, same results).
 * Should a chrono upgrade rename one, it simply stays in (slower, never different).
 */
const DIGIT_PARSERS: ReadonlySet<string> = new Set([
  'ENYearMonthDayParser',
  'ISOFormatParser',
  'SlashDateFormatParser',
  'ENSlashMonthFormatParser',
  'ENTimeExpressionParser',
  'ENYearMonthNameParser',
]);

function buildParser(without: ReadonlySet<string> = new Set()): chrono.Chrono {
  const parser = casual.clone();
  const keep = (name: string) => !REMOVED_COMPONENTS.has(name) && !without.has(name);
  parser.parsers = parser.parsers.filter((p) => keep(p.constructor.name));
  parser.refiners = parser.refiners.filter((r) => !REMOVED_COMPONENTS.has(r.constructor.name));
  return parser;
}

/** The parser, and the same without DIGIT_PARSERS for sentences with no digit (exported for the test). */
export const FULL_PARSER = buildParser();
export const PARSER_WITHOUT_DIGITS = buildParser(DIGIT_PARSERS);
const HAS_DIGIT = /[0-9]/;

/**
 * Every expression chrono can read has a month or weekday name, a word for a time unit or a deictic day
 * ("yesterday", "last month", "two weeks ago"), or digits shaped like a date: a year, a numeric date
 * (5/3, 2024-05-03) or an ordinal day ("the 5th"). Sentences with none of these (most of them, even
 * those with "$5 million" or "20 percent") skip chrono.
 *
 * A month or weekday name counts as a whole word (MONTH_OR_WEEKDAY): chrono reads "Dec", "Mar." or
 * "Monday" but not the "dec" of "decision", "mar" of "market", "mon" of "money" or "fri" of "friend".
 * When the prefix alone was tested, a third of the sentences handed to chrono came back empty, about a
 * quarter of chrono's time (measured on 1,000 allsides articles). Besides punctuation, digits and the
 * end of the text, chrono lets a month or weekday name run straight into "of", "this"/"last"/"past"/
 * "next" or an ordinal word ("Marfirst" in its patterns), so those count as a word's end too.
 */
const MONTH_OR_WEEKDAY =
  '\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|' +
  'oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|' +
  'thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)' +
  '(?![a-z])|' +
  // The same names glued to a word chrono's patterns allow after them.
  '\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*?' +
  '(?:of|this|last|past|next|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|' +
  'twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty|' +
  'thirtieth|thirty)';
const MAY_HOLD_DATE = new RegExp(
  String.raw`\b(?:1[6-9]|20|21)\d\d\b|\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?\b|\b\d{1,2}(?:st|nd|rd|th)\b|` +
    `${MONTH_OR_WEEKDAY}|` +
    String.raw`\b(?:today|tonight|tomorrow|yesterday|days?|weeks?|weekends?|fortnight|months?|years?|decades?|quarters?|hours?|minutes?|seconds?|mornings?|afternoons?|evenings?|nights?|noon|midnight|now|ago)\b`,
  'i',
);

/** chrono matches in `text` with `reference` (the publication day) as "now"; never resolved forwards. */
export function parseWithChrono(text: string, reference: Ymd | null): ChronoMatch[] {
  const ref = reference ?? PLACEHOLDER_REFERENCE;
  const instant = new Date(Date.UTC(ref.year, ref.month - 1, ref.day, REFERENCE_HOUR_UTC));
  const matches: ChronoMatch[] = [];
  for (const [from, to] of sentenceChunks(text)) {
    // chrono does not match across a line break ("early last\nyear" in hard-wrapped text); inside a
    // chunk every line break is a wrapped line, so it becomes a space (same length, same offsets).
    const chunk = text.slice(from, to).replace(LINE_BREAK, ' ');
    if (!MAY_HOLD_DATE.test(chunk)) continue;
    const parser = HAS_DIGIT.test(chunk) ? FULL_PARSER : PARSER_WITHOUT_DIGITS;
    for (const r of parser.parse(chunk, { instant, timezone: 0 }, { forwardDate: false })) {
      matches.push({ index: from + r.index, text: r.text, start: r.start, end: r.end, tags: r.tags() });
    }
  }
  return matches;
}

/** [start, end) offsets of the sentences of `text` (approximate; only date expressions care). */
export function sentenceChunks(text: string): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let from = 0;
  for (const m of text.matchAll(SENTENCE_BREAK)) {
    const at = m.index ?? 0;
    if (m[0][0] !== '\n' && NO_BREAK_BEFORE.test(text.slice(Math.max(0, at - 6), at))) continue;
    const to = at + m[0].length;
    if (at > from) chunks.push([from, at + 1]);
    from = to;
  }
  if (from < text.length) chunks.push([from, text.length]);
  return chunks.flatMap(([start, end]) => boundedChunks(text, start, end));
}

/**
 * Characters chrono reads at once, at most. chrono runs each of its patterns over the whole chunk and
 * compares its results with each other; sentences are far shorter (a news sentence rarely passes 400
 * characters), but a text without full stops is one "sentence". A longer chunk is cut at the last space
 * before the limit: a date expression is a few words and is only lost if it straddles such a cut.
 */
export const MAX_DATE_CHUNK = 4_000;

function boundedChunks(text: string, start: number, end: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let from = start;
  while (end - from > MAX_DATE_CHUNK) {
    // Looked for in the chunk's second half only: lastIndexOf alone would scan back to the text's start
    // when a long run has no space at all.
    const half = from + MAX_DATE_CHUNK / 2;
    const space = text.slice(half, from + MAX_DATE_CHUNK).lastIndexOf(' ');
    const to = space > 0 ? half + space : from + MAX_DATE_CHUNK;
    pieces.push([from, to]);
    from = to;
  }
  pieces.push([from, end]);
  return pieces;
}
