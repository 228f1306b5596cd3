// Hides URLs and e-mail addresses before any date parsing, keeping every offset intact. Without it
// "https://example.com/2025/03/05/story" yields the date 2025-03-05 and "press@ukraine2022.org" a year.

/** Spans that are never date expressions. */
const MASKED_PATTERNS: readonly RegExp[] = [
  /\bhttps?:\/\/\S+/gi,
  /\bwww\.\S+/gi,
  // local@domain.tld — the local part may hold dots, plus signs and hyphens ("jane.doe+news@example.org").
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
];

/**
 * The filler is a word character that is neither a letter nor a digit: chrono's patterns and the
 * bare-year scanner need a word boundary or a digit, so nothing can match inside or start inside the
 * mask, and because it is not whitespace a pattern such as "on\s+Tuesday" cannot reach across it.
 */
const FILLER = '_';

/** The text with every URL and e-mail address replaced by filler of the same length. */
export function maskNonDates(text: string): string {
  let masked = text;
  for (const pattern of MASKED_PATTERNS) {
    masked = masked.replace(pattern, (m) => FILLER.repeat(m.length));
  }
  return masked;
}
