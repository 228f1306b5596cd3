// Paragraphs that frame the article rather than tell it, recognisable by their shape whatever the markup
// around them. Each rule is for a short paragraph only; a long one is article text whatever it says.
//  - photo credits and gallery counters: "Photo: Jane Doe / Agency", "(Image credit: NASA)", "Image 1 of 9";
//  - labels left by removed widgets: "Advertisement", "Comments", "Read more", "Filed under: Politics";
//  - cross-links: "Related: Five things to know…", "Also on example.com …", "(Read also: …)";
//  - calls to action: "Follow us on Twitter @handle", "Sign up for our newsletter", "Like this story? Share
//    it with a friend!", "… by clicking here";
//  - contact and credit lines: "jane.doe@example.com", "twitter.com/janedoe", "Additional reporting by
//    Jane Doe", "Reuters contributed to this report";
//  - date lines: "Updated 1:23 p.m. EST, Nov. 20, 2019", "Published: Tuesday, 19 November 2019 08:38".

/** Longest paragraph any of these rules looks at. */
const MAX_FRAMING_CHARS = 260;
/** Words (three letters or more) besides date words that a date line may hold: "Published", "Updated". */
const MAX_DATE_LINE_WORDS = 3;

const CREDIT =
  /^[([]?(?:(?:photo|image|picture|illustration|video|graphic|foto)s?(?:\s+(?:credit|copyright|caption|courtesy))?\s*(?::|©|by\b)|credit\s*(?::|\.\.\.|…)|©\s*\S)/i;
const GALLERY_COUNTER = /^(?:image|photo|slide|picture)?\s*\d+\s*(?:of|\/)\s*\/?\s*\d*$/i;
/** Labels of ads, comment boxes and buttons, in the languages of the big news markets. */
const LABEL =
  /^(?:advertisement|advertising|advert|ad|more:|anzeige|publicidad|publicité|pubblicità|реклама|iklan|sponsored(?: content)?|continue reading( below)?|story continues below( advertisement)?|scroll to continue with content|caption|close|comments?|\d+ comments?|leave a comment|read more|show more|load more|related|next article|previous article|tell us what you think\W*)$/i;
/**
 * "Related: …", "Also: …", "More stories: …" without a sentence's full stop ("More information: Smith et
 * al., Nature (2019)" is a reference and stays); "Read more", "See also", "Also on example.com".
 */
const CROSS_LINK_LABEL =
  /^[([]?(?:related|also|recommended|watch|listen|read|more (?:stories|news|coverage|from|on|in|about))\b[^:.!?]{0,40}:/i;
const CROSS_LINK =
  /^[([]?(?:read more|read also|also read|read next|see also|also on [\w-]+\.\w+|leggi anche|lesen sie auch|lire aussi|leia também|lea también|читайте также|baca juga)\b/i;
const FILED_UNDER = /^(?:filed under|posted in|categories|category|tags?|topics?)\s*:/i;
const READING_TIME =
  /^(?:reading time|tempo de leitura|lesezeit|temps de lecture|tiempo de lectura)\s*:|^\d+\s*min(?:ute)?s?\s+read$/i;
/** An imperative to the reader naming a channel: "Follow us on Instagram", "Get our newsletter". */
const CALL_TO_ACTION =
  /^(?:follow|subscribe|sign up|join|like this|get|download|listen|watch|click|tap|share|send us|email|reach|contact)\b.*\b(?:twitter|facebook|instagram|youtube|newsletters?|podcasts?|app|channel|forums?|inbox|e-?mail|@\w+|https?:\/\/\S+)/i;
/** "… by clicking here", "listen back here", "Share it with a friend!". */
const HERE_LINK =
  /\b(?:click(?:ing)?|tap|listen|watch|read|sign up|subscribe|download|register|learn more|find out more)\b.{0,20}\bhere\b|\bshare (?:it|this(?: story| article)?) with (?:a )?friends?\b/i;
const SHORTCODE = /^\[\/?[a-z]+(?:\s[^\]]*)?\].*\[\/[a-z]+\]$/i;
const CONTACT =
  /^(?:[\w.+-]+@[\w-]+\.[\w.]+|(?:https?:\/\/)?(?:www\.)?(?:twitter|x|facebook|instagram)\.com\/\w+\/?)$/i;
const CONTRIBUTORS =
  /^(?:(?:additional |with )?reporting|editing|writing|compiled|research) by\b|^contributing\s*:|\bcontributed(?: reporting)?(?: to (?:this|the) (?:report|story|article))?(?: from [^.]+)?\.?$/i;
/** A date: a month or weekday name, 18/11/2019, or a year and a clock time together. */
const MONTH_OR_DAY =
  /\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s|\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const NUMERIC_DATE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b/;
const YEAR = /\b(?:1[89]|20)\d\d\b/;
const CLOCK = /\b\d{1,2}[:.]\d\d\b/;
const STAMP_WORD = /\b(?:published|updated|posted|modified)\b/i;
const DATE_WORDS =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet|cest|ist|amt|published|updated|posted|modified|first|last|date|time|since|ago|hours?|minutes?|days?)$/i;

/**
 * "Updated 1:23 p.m. EST, Nov. 20, 2019", "Published: Tuesday, November 19, 2019 08:38": a date and at
 * most two other words, no sentence. "The vote is on Nov. 5." is a sentence and stays.
 */
function isDateLine(text: string): boolean {
  if (text.length > 80 || !/\d/.test(text)) return false;
  const bare = text.replace(/\b[ap]\.m\.$/i, '');
  if (/[.!?]["”’»)]?$/.test(bare)) return false;
  const yearAndClock = YEAR.test(text) && CLOCK.test(text);
  const dated = MONTH_OR_DAY.test(text) || NUMERIC_DATE.test(text) || yearAndClock;
  if (!dated && !(STAMP_WORD.test(text) && CLOCK.test(text))) return false;
  const words = text.split(/[^\p{L}]+/u).filter((w) => w.length >= 3);
  const other = words.filter((w) => !DATE_WORDS.test(w)).length;
  return other <= (yearAndClock ? MAX_DATE_LINE_WORDS : MAX_DATE_LINE_WORDS - 1);
}

export function isFramingLine(paragraph: string): boolean {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  if (text.length > MAX_FRAMING_CHARS) return false;
  if (CREDIT.test(text) || GALLERY_COUNTER.test(text) || LABEL.test(text)) return true;
  if (CROSS_LINK.test(text)) return true;
  if (CROSS_LINK_LABEL.test(text) && !/[.!?…]["”’»]?$/.test(text)) return true;
  if (FILED_UNDER.test(text) || READING_TIME.test(text) || SHORTCODE.test(text) || CONTACT.test(text))
    return true;
  if (CALL_TO_ACTION.test(text) || HERE_LINK.test(text)) return true;
  if (CONTRIBUTORS.test(text) || isDateLine(text)) return true;
  return false;
}

export function dropFramingLines(paragraphs: string[]): string[] {
  return paragraphs.filter((p) => !isFramingLine(p));
}
