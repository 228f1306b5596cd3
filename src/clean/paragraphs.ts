// Rebuild paragraphs from text copied from the web. Two layouts occur:
//  - one paragraph per line, no blank lines (most copy-pastes from a browser);
//  - hard-wrapped at a fixed width with blank lines between paragraphs (e-mail, print, some archives),
//    where a sentence runs over several lines and even a URL is cut in two.
// A wrapped line is joined to the next one; a line that stops well short of the wrap width was a
// deliberate break (a heading, a label such as "Source:", the end of a paragraph).

/** Texts whose long lines are at most this wide are treated as hard-wrapped. */
const MAX_WRAP_WIDTH = 120;
/** A line at least this share of the wrap width was filled up to the margin, so it continues. */
const FILLED_LINE_SHARE = 0.6;
/** Fewer long lines than this and the text is not wrapped, whatever the widths say. */
const MIN_WRAPPED_LINES = 3;

const BULLET = /^([-–—•*·▪►>]|\d{1,2}[.)])(\s|$)/;
const BARE_URL = /^(https?:\/\/|www\.)\S+$/;
const SENTENCE_END = /[.!?:;…]["”’)]*$/;

function isBullet(line: string): boolean {
  return BULLET.test(line);
}

/** The margin a hard-wrapped text was wrapped at, or null when lines are not wrapped. */
export function wrapWidth(lines: readonly string[]): number | null {
  const lengths = lines.map((l) => l.length).filter((n) => n > 0);
  if (lengths.length < MIN_WRAPPED_LINES) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
  if (p90 === 0 || p90 > MAX_WRAP_WIDTH) return null;
  // Wrapped text has many lines near the margin, and most of them stop mid-sentence; a list of short
  // lines, or short paragraphs one per line, does not.
  const nearMargin = lines.filter((l) => l.length >= p90 * FILLED_LINE_SHARE);
  const midSentence = nearMargin.filter((l) => !SENTENCE_END.test(l)).length;
  return nearMargin.length >= MIN_WRAPPED_LINES && midSentence > nearMargin.length / 2 ? p90 : null;
}

function continues(line: string, next: string, width: number): boolean {
  if (isBullet(next) || isBullet(line) || BARE_URL.test(next)) return false;
  if (/^[a-z(]/.test(next)) return true;
  return line.length >= width * FILLED_LINE_SHARE;
}

/**
 * A URL cut at the margin continues without a space ("…peace-talks-a" + "88252"). `lineIsUrl` says
 * whether the paragraph so far is one bare URL; it is tracked rather than tested on the joined text,
 * because testing a regular expression on the growing paragraph re-reads (and flattens) all of it at
 * every line: quadratic on a long hard-wrapped paragraph.
 */
function joinWrapped(current: string, currentIsUrl: boolean, next: string): string {
  if (currentIsUrl && !/\s/.test(next) && !BARE_URL.test(next)) return current + next;
  return `${current} ${next}`;
}

export interface SplitOptions {
  /**
   * Rejoin lines of hard-wrapped text (default). Off for the page extractor's text, whose line breaks
   * are the page's own blocks: a column of short table rows ("1 A. Driver 5040 5") is not a wrapped
   * paragraph.
   */
  rejoinWrapped?: boolean;
}

/**
 * Split raw text into paragraph strings, rejoining hard-wrapped lines. Whitespace inside a paragraph is
 * collapsed; paragraph order is kept.
 */
export function splitParagraphs(raw: string, options: SplitOptions = {}): string[] {
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trim());
  const width = options.rejoinWrapped === false ? null : wrapWidth(lines);
  const paragraphs: string[] = [];
  let current: string | null = null;
  let currentIsUrl = false;
  let previousLine = '';
  for (const line of lines) {
    if (line === '') {
      if (current !== null) paragraphs.push(current);
      current = null;
    } else if (current !== null && width !== null && continues(previousLine, line, width)) {
      const joined = joinWrapped(current, currentIsUrl, line);
      currentIsUrl = currentIsUrl && joined.length === current.length + line.length;
      current = joined;
    } else {
      if (current !== null) paragraphs.push(current);
      current = line;
      currentIsUrl = BARE_URL.test(line);
    }
    previousLine = line;
  }
  if (current !== null) paragraphs.push(current);
  return paragraphs;
}
