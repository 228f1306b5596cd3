// Offsets in a cleaned article's text → offsets in the text it came from. Cleaning changes the text a
// little (a blank line between paragraphs, a hard-wrapped line joined, a "PUBLISHED: …" line cut), so a
// span the annotator found in the cleaned text sits a few characters elsewhere in the input. The two
// strings are aligned by a minimal character diff (Myers, the `diff` package); a character that survived
// cleaning maps to its place in the input, one that cleaning added (the second "\n" of a paragraph
// break) maps to nothing.
import { diffChars } from 'diff';

export interface OffsetMap {
  /** The input's [start, end) of the cleaned span [start, end), or null when an end did not survive. */
  span(start: number, end: number): { start: number; end: number } | null;
}

export function offsetMap(cleaned: string, input: string): OffsetMap {
  if (cleaned === input) return { span: (start, end) => ({ start, end }) };
  const to = new Int32Array(cleaned.length).fill(-1);
  let c = 0;
  let i = 0;
  for (const part of diffChars(cleaned, input)) {
    const n = part.value.length;
    if (part.added) i += n;
    else if (part.removed) c += n;
    else {
      for (let k = 0; k < n; k++) to[c + k] = i + k;
      c += n;
      i += n;
    }
  }
  return {
    span(start, end) {
      if (end <= start) return null;
      const first = to[start] ?? -1;
      const last = to[end - 1] ?? -1;
      return first >= 0 && last >= first ? { start: first, end: last + 1 } : null;
    },
  };
}
