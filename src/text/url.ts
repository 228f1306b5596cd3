// Article addresses, on the ground floor so every stage agrees on them. The one canonical form
// (`canonicalUrl`) identifies an article wherever it came from: a feed item, a fetched page, a file with
// a url in its front matter. Tracking parameters a newsletter or a share button adds ("?utm_source=mail",
// "&fbclid=…") are removed by one list, so a link that arrives once through a feed and once through
// `ingest` is one article, not two.

/** Query parameters that only say where a click came from; they never select different content. */
const TRACKING: readonly RegExp[] = [
  /^utm_/i,
  /^fbclid$/i,
  /^gclid$/i,
  /^dclid$/i,
  /^msclkid$/i,
  /^mc_(?:cid|eid)$/i,
  /^igshid$/i,
  /^yclid$/i,
  /^_hs(?:enc|mi)$/i,
  /^mkt_tok$/i,
  /^ref_src$/i,
  /^cmpid$/i,
  /^ocid$/i,
  /^smid$/i,
];

export function isTrackingParam(name: string): boolean {
  return TRACKING.some((re) => re.test(name));
}

/** A URL, reading a bare "www.example.com/a" as https. Null for anything that does not parse. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url.startsWith('www.') ? `https://${url}` : url);
  } catch {
    return null;
  }
}

/**
 * The canonical form of an article URL: lower-case host without "www.", no fragment, no tracking
 * parameters, no trailing slash. http and https are one page (news sites redirect one to the other), so
 * the scheme is normalised to https. The remaining parameters are sorted, since their order never selects
 * another article. Two different paths or two different meaningful query strings never meet. A string
 * that does not parse as a URL is kept as it is (trimmed): it can then only match itself, the safe side.
 *
 * This is an identity, not an address to fetch (the site may not answer https, or without "www.");
 * `withoutTracking` gives the fetchable one.
 */
export function canonicalUrl(url: string): string {
  const trimmed = url.trim();
  const parsed = parseUrl(trimmed);
  if (!parsed) return trimmed;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return parsed.href;
  // URL already lower-cases the host and drops default ports; the port of a non-default one stays, since a
  // different port can be a different server.
  const host = parsed.host.replace(/^www\./, '');
  const params = [...parsed.searchParams].filter(([name]) => !isTrackingParam(name));
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const path = parsed.pathname.replace(/\/+$/, '');
  return `https://${host}${path}${query}`;
}

function paramName(piece: string): string {
  const name = piece.split('=')[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/**
 * The address to fetch: as given, less tracking parameters and the fragment. The other parameters keep
 * their order and their exact spelling ("q=a%20b" is not rewritten to "q=a+b"), since a server may read
 * them differently. A string that does not parse is returned unchanged.
 */
export function withoutTracking(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((piece) => piece !== '' && !isTrackingParam(paramName(piece)));
  url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  url.hash = '';
  return url.href;
}

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

/** "https://www.example.com/a" → "example.com". */
export function hostOf(url: string): string | null {
  const parsed = parseUrl(url);
  return parsed ? parsed.hostname.replace(/^www\./, '').toLowerCase() : null;
}
