// Escape-by-default HTML for the report renderers. Every string that reaches a page goes through `html`,
// which escapes it unless it is already SafeHtml; SafeHtml can only be made here (the brand is a private
// symbol), so article text (titles, outlet names, quotes, labels, URLs) can never be marked trusted by
// accident elsewhere. The two escape hatches, `trustedCode` and `jsonScript`, take the page's own constants
// and data, and refuse input that could close the element it goes into.

const BRAND: unique symbol = Symbol('SafeHtml');

/** A fragment of markup that is known to be safe: produced by `html` or one of the helpers below. */
export interface SafeHtml {
  readonly [BRAND]: true;
  readonly value: string;
}

function safe(value: string): SafeHtml {
  return { [BRAND]: true, value };
}

function isSafe(v: unknown): v is SafeHtml {
  return typeof v === 'object' && v !== null && (v as { [BRAND]?: unknown })[BRAND] === true;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for both element content and quoted attribute values: quotes are escaped too, so the
 * same call is right in `title="${x}"` and in `<p>${x}</p>`.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** What may be interpolated: text (escaped), numbers, safe fragments, lists of these; nothing renders for null, undefined and false. */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (typeof v === 'string') return escapeHtml(v);
  if (typeof v === 'number') return String(v);
  if (isSafe(v)) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  // A plain object would print as "[object Object]"; better to fail in tests than to ship it.
  throw new TypeError(`report/html: cannot interpolate ${Object.prototype.toString.call(v)}`);
}

/** The template tag: literal parts are the page's own markup, every interpolation is escaped unless it is SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i] as HtmlValue) + (strings[i + 1] ?? '');
  return safe(out);
}

/** Joins fragments (or escaped text) with an optional separator, itself markup the caller wrote. */
export function join(items: readonly HtmlValue[], separator: SafeHtml = safe('')): SafeHtml {
  return safe(items.map(render).join(separator.value));
}

/**
 * The page's own CSS or JavaScript, verbatim. Only module constants go through here; the check is a
 * tripwire so that a later edit which feeds it data fails loudly instead of opening the element.
 */
export function trustedCode(code: string): SafeHtml {
  if (/<\/(script|style)|<!--/i.test(code))
    throw new Error('report/html: inline code must not contain "</script", "</style" or "<!--"');
  return safe(code);
}

/**
 * JSON for a `<script type="application/json">` block. Every "<" becomes \u003c, so "</script>" or "<!--"
 * inside article text cannot end the block; U+2028/2029 are escaped as well so the text stays valid
 * if it is ever pasted into a JavaScript string.
 */
export function jsonScript(value: unknown): SafeHtml {
  const json = JSON.stringify(value).replace(
    /[<\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return safe(json);
}

/** The URL itself when it is an absolute http(s) URL, else null: `javascript:`, `data:` and the like never become links. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}
