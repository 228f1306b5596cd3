// Hides URLs and e-mail addresses before any date parsing, keeping every offset intact. Without it
// "https://example.com/2025/03/05/story" yields the date 2025-03-05 and "press@ukraine2022.org" a year.

/** Spans that are never date expressions (each linear: a greedy run with nothing to backtrack into). */
const MASKED_PATTERNS: readonly RegExp[] = [/\bhttps?:\/\/\S+/gi, /\bwww\.\S+/gi];

/** A character of an e-mail address's local part: "jane.doe+news" in "jane.doe+news@example.org". */
const LOCAL_PART = /[\w.+-]/;
/** The domain after the "@": labels joined by dots, at least two. Sticky, tried only right after an "@". */
const DOMAIN = /[\w-]+(?:\.[\w-]+)+/y;

/**
 * The filler is a word character that is neither a letter nor a digit: chrono's patterns and the
 * bare-year scanner need a word boundary or a digit, so nothing can match inside or start inside the
 * mask, and because it is not whitespace a pattern such as "on\s+Tuesday" cannot reach across it.
 */
const FILLER = '_';

/**
 * E-mail addresses (local@domain.tld), found from each "@" outwards. The regular expression
 * /[\w.+-]+@…/g would retry from every character of a long run without an "@" ("a.b-c+d.e-…" for
 * 64 KB), each try scanning to the run's end: quadratic. Here the local part is scanned back from the
 * "@" and stops at the previous address or "@", so every character is read a bounded number of times.
 */
export function emailSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let previousEnd = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > previousEnd && LOCAL_PART.test(text.charAt(start - 1))) start--;
    if (start === at) continue;
    DOMAIN.lastIndex = at + 1;
    if (!DOMAIN.exec(text)) continue;
    spans.push([start, DOMAIN.lastIndex]);
    previousEnd = DOMAIN.lastIndex;
    at = DOMAIN.lastIndex - 1;
  }
  return spans;
}

/** The text with every URL and e-mail address replaced by filler of the same length. */
export function maskNonDates(text: string): string {
  let masked = text;
  for (const pattern of MASKED_PATTERNS) {
    masked = masked.replace(pattern, (m) => FILLER.repeat(m.length));
  }
  const emails = emailSpans(masked);
  if (emails.length === 0) return masked;
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of emails) {
    parts.push(masked.slice(from, start), FILLER.repeat(end - start));
    from = end;
  }
  parts.push(masked.slice(from));
  return parts.join('');
}
