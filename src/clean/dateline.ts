// Wire-style datelines open the first paragraph: "RIVERTON, Ore. (Coastal Wire) — …",
// "MOSCOW, March 5 (Reuters) - …", "WASHINGTON — …". The place is in capitals; a region, a date and an
// agency may follow. The dateline stays in the text (it is part of the article) and is kept as metadata.
import type { Dateline } from '../model/article.js';

const CITY = String.raw`(\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}?)`;
const REGION = String.raw`(?:,\s*((?:\p{Lu}[\p{L}.]*\s?){1,3}?))?`;
const MONTH_DAY = String.raw`(?:,\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?))?`;
const AGENCY = String.raw`(?:\s*\(([^)]{2,40})\))?`;
const DASH = String.raw`\s*(?:—|–|--?(?=\s))\s*`;
const DATELINE = new RegExp(`^${CITY}${REGION}${MONTH_DAY}${AGENCY}${DASH}`, 'u');

export function findDateline(firstParagraph: string): Dateline | null {
  const m = DATELINE.exec(firstParagraph);
  if (!m?.[1]) return null;
  const city = m[1].trim();
  // A real dateline city has three or more letters and is all capitals ("THE" alone is not a place).
  if (city.replace(/[^\p{L}]/gu, '').length < 3 || city !== city.toUpperCase()) return null;
  const region = m[2]?.trim();
  return {
    place: region ? `${city}, ${region}` : city,
    date: m[3]?.trim() ?? null,
    agency: m[4]?.trim() ?? null,
  };
}
