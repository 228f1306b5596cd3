// The address an article is known by: tracking parameters a newsletter or a share button adds
// ("?utm_source=twitter", "&fbclid=…") make one article look like many, so they are removed before items
// are compared and before an article is stored.

/** Query parameters that only say where a click came from. */
const TRACKING = [
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

export function canonicalUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING.some((re) => re.test(key))) url.searchParams.delete(key);
  }
  url.hash = '';
  url.hostname = url.hostname.toLowerCase();
  return url.href.replace(/\?$/, '');
}
