// Markdown escaping for article-derived text. Renderers differ (CommonMark, GFM, chat apps), so the rule
// is blunt: the characters that open HTML become entities (no raw HTML, no autolinks such as
// <javascript:…>), every inline marker is backslash-escaped (no emphasis, links, images, code spans or
// table cells),
// block markers at the start are escaped (a title "# x" or "1. x" stays text), and line breaks become
// spaces so a value can never start a new block or break out of a table row.

// Parentheses and "!" only mean something after "]" or before "[", both escaped, so they stay readable.
const INLINE = /[\\`*_[\]|~#]/g;
// A double quote stays as it is: with "<" escaped no raw HTML (and so no attribute) can open, and an entity
// made every quoted phrase unreadable in the raw Markdown (&quot;a deal&quot;).
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function mdText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const escaped = flat.replace(/[&<>]/g, (c) => ENTITY[c] ?? c).replace(INLINE, (c) => `\\${c}`);
  // "- x", "+ x", "= x", "1. x", "1) x" at the start of a list item or cell would open a block.
  return escaped.replace(/^([-+=]|\d+(?=[.)]))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** An http(s) URL as an autolink, or null: other schemes ("javascript:", "data:") never become links. */
export function mdLink(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    // The URL serialiser percent-encodes spaces, quotes and angle brackets, so the href cannot end the
    // autolink early; ")" and "|" are encoded by hand for table cells.
    return `<${u.href.replace(/\|/g, '%7C')}>`;
  } catch {
    return null;
  }
}
