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
