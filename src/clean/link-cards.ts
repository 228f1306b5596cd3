// A person's link card run into the sentence that names them. Some pages follow a politician's name with a
// hover card: the name again, often in a longer form, glued without a space to the headlines of related
// stories, the card closing with a "MORE" link. Extracted as text, "Senator Ana Reyes Ana Maria
// ReyesFerry strike ends after two weeks Council passes budget MORE (D-Kelby) said on Monday …" gives a fake
// person "Ana Reyes Ana Maria ReyesFerry" and plants other stories' headlines in the sentence, where they
// become facts, labels and digest material. A card is cut from the end of the name to the end of a
// capitalised "MORE" after it when the name is printed again right after itself: glued to the next
// capital ("ReyesFerry", "ReyesGOP"), or with its given name first and its surname last ("Ana Reyes Ana
// Maria Reyes Reyes calls …", where the first headline starts with the surname and the glue is lost).

import { escapeRegExp } from '../text/regexp.js';

/**
 * Longest card cut, in characters from the repeated name to the end of "MORE". Measured on all 37,554
 * allsides articles with no bound: 6,743 cards, median 227 characters, 99th percentile 454, longest 701.
 */
export const MAX_CARD_CHARS = 800;
/** How far before the glued word its whole-word twin may end: the card's longer name form ("Ana Maria"). */
export const MAX_NAME_GAP = 60;

// A run of letters from a capital at a word's start: "ReyesFerry", "McConnellWake". Inside it, a lower-case
// letter before a capital is where a name may be glued to a headline ("Reyes|Ferry"); so is its end when a
// digit or quotation mark follows with no space ("Reyes|2020", "Reyes|'Triggered'"). "McConnell" alone has
// the junction "Mc|Connell", which repeats no name before it and so starts no card.
const CAPITAL_RUN = /(?<![\p{L}\d])\p{Lu}[\p{L}'’-]*/gu;
// A given name and surname, then the same given name, up to three more name words and the same surname.
const REPEATED_NAME =
  /(?<![\p{L}\d])(\p{Lu}\p{Ll}+) (\p{Lu}[\p{L}'’-]*\p{Ll}) \1 (?:\(?\p{Lu}[\p{L}.'’-]*\)? ){0,3}?\2(?![\p{L}\d])/gu;
// "MORE" after a space, or glued to the card's last word when the card holds no headline at all ("Sen. Ana
// Reyes Ana Maria ReyesMORE (D-Kelby)").
const MORE = /(?:\s|(?<=\p{Ll}))MORE\b(?![\p{L}\d])/gu;

/** Where each possible card starts: the end of the name it repeats, in text order. */
function cardStarts(text: string): number[] {
  const starts: number[] = [];
  for (const m of text.matchAll(CAPITAL_RUN)) {
    const run = m[0];
    const at = m.index ?? 0;
    const junctions: number[] = [];
    for (let i = 2; i < run.length; i++)
      if (/\p{Ll}/u.test(run.charAt(i - 1)) && /\p{Lu}/u.test(run.charAt(i))) junctions.push(i);
    if (/\p{Ll}/u.test(run.charAt(run.length - 1)) && /[\d'"‘“]/.test(text.charAt(at + run.length)))
      junctions.push(run.length);
    for (const j of junctions) {
      const word = run.slice(0, j);
      const before = text.slice(Math.max(0, at - MAX_NAME_GAP - word.length), at);
      const twin = [
        ...before.matchAll(new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(word)}(?![\\p{L}\\d])`, 'gu')),
      ].pop();
      if (!twin) continue;
      starts.push(at - before.length + (twin.index ?? 0) + word.length);
      break;
    }
  }
  for (const m of text.matchAll(REPEATED_NAME)) {
    const first = m[1] as string;
    starts.push((m.index ?? 0) + first.length + 1 + (m[2] as string).length);
  }
  return starts.sort((a, b) => a - b);
}

/** The text with every link card cut, and the cut pieces (for the record of what cleaning removed). */
export function cutLinkCards(text: string): { text: string; cut: string[] } {
  const cut: string[] = [];
  if (!text.includes('MORE')) return { text, cut };
  let out = '';
  let from = 0;
  for (const start of cardStarts(text)) {
    if (start < from) continue;
    MORE.lastIndex = start;
    const more = MORE.exec(text);
    if (!more || more.index + more[0].length - start > MAX_CARD_CHARS) continue;
    const end = more.index + more[0].length;
    cut.push(text.slice(start, end).trim());
    out += text.slice(from, start);
    from = end;
  }
  if (cut.length === 0) return { text, cut };
  out += text.slice(from);
  return { text: out.replace(/ {2,}/g, ' '), cut };
}
