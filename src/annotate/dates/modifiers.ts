// Words in front of a date expression that belong to it without changing its precision:
// "late last month" is still a month (YYYY-MM), "mid-2024" still a year, "early Tuesday" still a day.
// chrono leaves them out of its match, so the span is widened here.

/**
 * A modifier immediately before the expression (the regex runs on the text up to its start):
 * "early "/"late "/"mid-" (also "late on Tuesday"). Other period words stay outside the span:
 * "the end of March" is recorded as "March" (2025-03), "the summer of 2022" as "2022".
 */
const MODIFIER_BEFORE = /\b(?:early|late|mid)(?:\s+on)?(?:\s+|-)$/i;

/** "earlier this week", "later this year": only before an expression that starts with this/last/next. */
const EARLIER_LATER_BEFORE = /\b(?:earlier|later)\s+$/i;
const STARTS_DEICTIC = /^(?:this|last|next)\b/i;

/** How far back to look; the longest modifier ("earlier ", "late on ") is well under this. */
const LOOKBACK = 12;

/** The start of the span widened over a modifier directly in front of `start`. */
export function extendOverModifiers(text: string, start: number): number {
  const before = text.slice(Math.max(0, start - LOOKBACK), start);
  const m =
    MODIFIER_BEFORE.exec(before) ??
    (STARTS_DEICTIC.test(text.slice(start, start + 5)) ? EARLIER_LATER_BEFORE.exec(before) : null);
  return m ? start - m[0].length : start;
}
