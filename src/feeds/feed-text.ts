// Text as feeds carry it: whitespace collapsed, HTML fragments made plain text (and plain text made HTML),
// and author fields made names.

import { decodeEntities, escapeXml } from './xml.js';

/** Whitespace collapsed and trimmed; null when nothing is left. "  Breaking:\n  news " → "Breaking: news". */
export function clean(text: string | null | undefined): string | null {
  if (text == null) return null;
  // Only runs that are not already a single space are replaced: "a b c" costs nothing.
  const t = text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
  return t === '' ? null : t;
}

// Inline elements vanish without a trace ("a<b>b</b>c" → "abc"); every other tag separates words.
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);
const HTML_TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>/y;

/**
 * Plain text from an HTML fragment: tags dropped, script/style/comments removed, references decoded,
 * whitespace collapsed. "<p>Hello&nbsp;<b>world</b></p><p>Bye</p>" → "Hello world Bye". A "<" that does
 * not start a tag stays ("3 < 5"). A linear scan, not a regex over the whole string, so a hostile
 * description cannot make it backtrack.
 */
export function htmlToText(html: string | null): string | null {
  if (html == null) return null;
  if (!html.includes('<')) return clean(decodeEntities(html));
  let lower: string | null = null;
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    HTML_TAG.lastIndex = lt;
    const m = HTML_TAG.exec(html);
    if (!m) {
      out.push('<');
      i = lt + 1;
      continue;
    }
    const name = (m[2] ?? '').toLowerCase();
    i = lt + m[0].length;
    if (m[1] === '' && (name === 'script' || name === 'style')) {
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${name}`, i);
      const end = close < 0 ? -1 : lower.indexOf('>', close);
      i = end < 0 ? html.length : end + 1;
      out.push(' ');
      continue;
    }
    out.push(INLINE_TAGS.has(name) ? '' : ' ');
  }
  return clean(decodeEntities(out.join('')));
}

/** Plain text as HTML: escaped, one <p> per blank-line-separated paragraph. */
export function textToHtml(text: string | null): string | null {
  const t = text?.trim();
  if (!t) return null;
  return t
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeXml(p.trim())}</p>`)
    .join('\n');
}

/** "jane@example.com (Jane Doe)" → "Jane Doe"; "Jane Doe <jane@example.com>" → "Jane Doe"; else as is. */
export function personName(text: string | null): string | null {
  if (!text) return null;
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  if (paren?.[1]) return clean(paren[1]);
  const angle = /^(.+?)\s*<[^>]*@[^>]*>$/.exec(text);
  if (angle?.[1]) return clean(angle[1].replace(/^"(.*)"$/, '$1'));
  return text;
}

export function joinNames(names: (string | null)[]): string | null {
  const kept = [...new Set(names.filter((n): n is string => n !== null))];
  return kept.length ? kept.join(', ') : null;
}
