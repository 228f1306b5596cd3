// Small URL helpers shared by ingest (page metadata) and clean (URLs harvested from text).

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"“”'’)\]]+|\bwww\.[^\s<>"“”'’)\]]+/g;

/** Every URL-looking run in a text, with offsets; trailing sentence punctuation is not part of a URL. */
export function findUrls(text: string): { start: number; end: number; url: string }[] {
  const found: { start: number; end: number; url: string }[] = [];
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(/[.,;:!?]+$/, '');
    found.push({ start: match.index, end: match.index + url.length, url });
  }
  return found;
}

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url.startsWith('www.') ? `https://${url}` : url);
  } catch {
    return null;
  }
}

/** "https://www.example.com/a" → "example.com". */
export function hostOf(url: string): string | null {
  const parsed = parseUrl(url);
  return parsed ? parsed.hostname.replace(/^www\./, '').toLowerCase() : null;
}

// News sites put the date in the path in a few shapes: /2025/03/05/slug, /2025-03-05/slug, /20250305/.
const URL_DATE_PATTERNS = [
  /\/((?:19|20)\d\d)\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])(?:\/|$)/,
  /[/_-]((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/,
  /\/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\/|$)/,
];

/** The publication date a URL path holds, as YYYY-MM-DD, or null. */
export function dateFromUrl(url: string): string | null {
  const parsed = parseUrl(url);
  const path = parsed ? parsed.pathname : url;
  for (const pattern of URL_DATE_PATTERNS) {
    const m = pattern.exec(path);
    if (m?.[1] && m[2] && m[3]) {
      const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
      if (isRealDate(iso)) return iso;
    }
  }
  return null;
}

export function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}
