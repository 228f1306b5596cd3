// Dates: every date expression in the article text, normalised to YYYY, YYYY-MM or YYYY-MM-DD at the
// precision the text states ("in May 2022" → 2022-05, never an invented 2022-05-01).
//
// Pipeline: mask URLs and e-mail addresses (offsets kept) → chrono-node with the publication day as
// reference → filter and resolve chrono's results (interpret.ts) → bare years chrono skips (years.ts) →
// null out what cannot be resolved (relative expressions inside quotes, or with no publication date).
import type { DateMention, Message, Span } from '../../model/article.js';
import { formatValue, parseIsoDate } from './calendar.js';
import { type DateCandidate, interpretChrono } from './interpret.js';
import { maskNonDates } from './mask.js';
import { parseWithChrono } from './parser.js';
import { findBareYears, overlapTest } from './years.js';

export type { DateKind } from './interpret.js';

export interface DateOptions {
  /** Publication date YYYY-MM-DD, the reference for relative expressions; null when unknown. */
  published: string | null;
  /** Direct-quote spans: relative expressions inside them are spoken at an unknown time. */
  quotes: readonly Span[];
}

export const UNRESOLVED_CODE = 'date-unresolved';

/** How many examples the "left unresolved" message quotes. */
const MESSAGE_EXAMPLES = 3;

/** A chrono date whose text ends in a four-digit year can start a list of bare years ("May 2022 and 2023"). */
const ENDS_WITH_YEAR = /(?<!\d)(\d{4})$/;

/**
 * Every date expression in `text`, sorted by start and non-overlapping, plus at most one message:
 * `date-unresolved` when there is no (valid) publication date and some expressions needed one.
 *
 * Values: absolute dates resolve as written; a month/day without a year takes the latest such date not
 * after publication ("in December" published 2025-03-05 → 2024-12); weekdays point back ("Friday" →
 * 2025-02-28) unless marked as ahead ("next Tuesday", "this coming Friday"); week-level expressions
 * ("last week") are recorded with value null; deictic expressions inside a quote are null, since the
 * quote may have been spoken on another day. An unparseable `published` counts as unknown.
 */
export function findDates(text: string, options: DateOptions): { dates: DateMention[]; messages: Message[] } {
  const ref = parseIsoDate(options.published);
  const masked = maskNonDates(text);
  const fromChrono = joinOfYear(masked, interpretChrono(masked, parseWithChrono(masked, ref), ref));
  const yearEnds = new Map<number, number>();
  for (const c of fromChrono) {
    const m = c.kind === 'absolute' ? ENDS_WITH_YEAR.exec(masked.slice(c.start, c.end)) : null;
    if (m?.[1]) yearEnds.set(c.end, Number(m[1]));
  }
  const bareYears: DateCandidate[] = findBareYears(masked, fromChrono, yearEnds).map((y) => ({
    start: y.start,
    end: y.end,
    kind: 'absolute',
    value: formatValue({ year: y.year, month: 1, day: 1 }, 'year'),
    reason: 'explicit-year',
  }));

  const dates: DateMention[] = [];
  const unresolved: string[] = [];
  // A date is quoted when it starts inside a quote: quotes are non-empty spans, so this is overlap with
  // the one-character span at the date's start.
  const inQuote = overlapTest(options.quotes);
  let lastEnd = 0;
  for (const c of [...fromChrono, ...bareYears].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (c.start < lastEnd || c.end <= c.start) continue;
    lastEnd = c.end;
    const spanText = text.slice(c.start, c.end);
    const quoted = inQuote(c.start, c.start + 1);
    let value = c.value;
    if (c.kind === 'deictic' && quoted) value = null;
    // Counted: what a publication date would have resolved. A deictic word inside a quote stays null anyway.
    if (!ref && (c.kind === 'yearless' || (c.kind === 'deictic' && !quoted))) unresolved.push(spanText);
    const mention: DateMention = { start: c.start, end: c.end, text: spanText, value };
    if (value !== null && c.reason) mention.reason = c.reason;
    dates.push(mention);
  }
  return { dates, messages: unresolved.length > 0 ? [unresolvedMessage(unresolved)] : [] };
}

/** What joins a month or day to a relative year: "February of last year", "May 1 next year". */
const OF_YEAR_GAP = /^\s+(?:of\s+)?$/i;
const RELATIVE_YEAR = /^(?:last|this|next|previous|coming)\s+year$/i;

/**
 * chrono reads "February of last year" as two dates, "February" (resolved in the publication year or
 * the one before) and "last year"; the year words belong to the month, so the two become one mention
 * with the month in that year: published 2020-04-13, "February of last year" → 2019-02.
 */
function joinOfYear(text: string, candidates: DateCandidate[]): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as DateCandidate;
    const next = candidates[i + 1];
    if (
      next &&
      c.kind === 'yearless' &&
      c.value !== null &&
      next.value !== null &&
      OF_YEAR_GAP.test(text.slice(c.end, next.start)) &&
      RELATIVE_YEAR.test(text.slice(next.start, next.end))
    ) {
      const value = `${next.value.slice(0, 4)}${c.value.slice(4)}`;
      const valid = value.length < 10 || parseIsoDate(value) !== null;
      out.push({
        start: c.start,
        end: next.end,
        kind: 'deictic',
        value: valid ? value : null,
        reason: 'relative-word',
      });
      i++;
      continue;
    }
    const back =
      c.kind === 'yearless' && c.value !== null ? SAME_YEAR.exec(text.slice(c.end, c.end + 24)) : null;
    if (back && c.value !== null) {
      // "joined in March 2016 and was promoted in May of that year": the year is the one the text wrote
      // last before the month, in the same paragraph, not the publication year; with none, unknown.
      const before =
        text
          .slice(Math.max(0, c.start - YEAR_LOOKBACK), c.start)
          .split('\n')
          .pop() ?? '';
      const year = [...before.matchAll(/(?<![\d$])(1[89]\d\d|20\d\d)(?!\d)/g)].pop()?.[1];
      const value = year ? `${year}${c.value.slice(4)}` : null;
      const valid = value !== null && (value.length < 10 || parseIsoDate(value) !== null);
      out.push({
        start: c.start,
        end: c.end + back[0].length,
        kind: 'absolute',
        value: valid ? value : null,
        reason: valid ? 'explicit-year' : null,
      });
      continue;
    }
    out.push(c);
  }
  return out;
}

/** A year pointing back to one the text named before: "May of that year", "in June the same year". */
const SAME_YEAR = /^,?\s+(?:of\s+)?(?:that|the same|that same)\s+year\b/i;
/** How far back (characters, within the paragraph) "that year" looks for the year it points to. */
const YEAR_LOOKBACK = 400;

function unresolvedMessage(texts: readonly string[]): Message {
  const n = texts.length;
  const examples = texts.slice(0, MESSAGE_EXAMPLES).map((t) => `"${t.replace(/\s+/g, ' ')}"`);
  if (n > MESSAGE_EXAMPLES) examples.push('…');
  const noun = n === 1 ? 'expression' : 'expressions';
  return {
    code: UNRESOLVED_CODE,
    message: `${n} relative date ${noun} (${examples.join(', ')}) left unresolved: no publication date`,
  };
}
