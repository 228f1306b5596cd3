// Headline furniture. Scraped headlines keep bits of the page around them: the byline and the weekday a
// blog prints under its headline ("Council votes to close the pier  By Ana Reyes   Monday"), the length of
// the audio player beside it ("Why ferries run late  Listen· 4:32"), a share counter ("… 412 Shares"), a
// "Read more: https://…" tracking line, the author after a dash ("… pier vote - Ana Reyes"). They become
// story titles and story-list entries, where a reader takes them for part of what was said. Only tails with
// a shape of their own are cut, so a headline that merely ends on a name ("Council thanks Ana Reyes") stays.

import { escapeRegExp } from '../text/regexp.js';

const WEEKDAY = String.raw`(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day`;
/**
 * "Listen· 4:32", "Listen · 12:05 12:05": an audio player's label and length (a card prints the length
 * twice). Cleaning drops a paragraph that ends with one (boilerplate.ts: a related story's card).
 */
export const AUDIO_PLAYER = /\s+Listen\s*[·•]\s*\d{1,2}:\d{2}(?:\s+\d{1,2}:\d{2})?\s*$/u;
/** "Read more: https://…" glued on by a copy-paste tracker. */
const READ_MORE = /\s+Read more:\s*https?:\/\/\S+\s*$/iu;
/** "412 Shares": a share counter. */
const SHARE_COUNT = /\s+\d[\d,.]*[kK]?\s+Shares?\s*$/u;
/** After a gap of two or more spaces (where the page had a line break): "By Ana Reyes   Monday". */
const GAPPED_BYLINE = /\s{2,}By\s+\p{Lu}[\s\S]*$/u;
/**
 * After a gap, capitalised words ending on a weekday: the byline and date line under the headline, with or
 * without "By" ("  Ana Reyes   Staff Writer Thursday", "  Monday").
 */
const GAPPED_DATE_LINE = new RegExp(String.raw`\s{2,}(?:\p{Lu}[\p{L}.'’-]*\s+){0,8}${WEEKDAY}\s*$`, 'u');

/** The headline without page furniture, its spacing made single; `author` is the article's byline, if known. */
export function cleanTitle(title: string, author: string | null | undefined): string {
  let t = title.trim();
  for (const furniture of [AUDIO_PLAYER, READ_MORE, SHARE_COUNT, GAPPED_BYLINE]) t = t.replace(furniture, '');
  // The byline's own name after a gap or a dash: "…prosecutors  Ana Reyes   Staff Writer Thursday",
  // "… pier vote - Ana Reyes". Only the article's own author, so no other name at a headline's end is cut.
  for (const name of (author ?? '').split(/\s*(?:,|\band\b|&)\s*/u)) {
    const clean = name.replace(/^By\s+/iu, '').trim();
    if (clean.split(/\s+/u).length < 2) continue;
    // The name itself first, matched as the tail's pattern matches it (case-insensitive, Unicode): most
    // headlines do not contain their author's name, and compiling the whole tail for each article, its
    // letter classes folded for case, was 9 % of the time of `parallax annotate` on 1,000 allsides
    // articles (a CPU profile, 2026-12-07); a headline without the name cannot match the tail.
    if (!new RegExp(escapeRegExp(clean), 'iu').test(t)) continue;
    // The name ends the headline, or only more names follow ("- Ana Reyes and Tomas Brenn"): a headline
    // that opens "EXCLUSIVE – Ana Reyes: …" names its author as its subject and stays whole.
    const tail = new RegExp(
      String.raw`(?:\s{2,}|\s+[-–—|]\s+)(?:By\s+)?${escapeRegExp(clean)}(?:\s*(?:,|\band\b|&)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)*\s*$`,
      'iu',
    );
    t = t.replace(tail, '');
  }
  t = t.replace(GAPPED_DATE_LINE, '');
  const single = t.replace(/\s+/gu, ' ').trim();
  // Never leave nothing (or a stub) where there was a headline.
  return single.length >= 3 ? single : title.replace(/\s+/gu, ' ').trim();
}
