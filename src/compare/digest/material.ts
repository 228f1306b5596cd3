// Whether a sentence may speak in the digest's own voice. A digest reads as one neutral account, so a
// sentence that only makes sense on its page (a caption, a headline, a "Related:" link), leans on a sentence
// the digest does not have ("But the plan…", "The new projection…"), asks, or argues ("I think the ruling is
// wrong.") is not digest material, however well corroborated its fact.
import { authorVoice, firstPersonEvaluative, firstPersonStance } from '../../text/opinion.js';
import { stem } from '../../text/words.js';

// Photo captions and credits: "Image caption Rescuers search the rubble.", "Photo: Jane Doe", "(AP
// Photo/John Roe)", "… Getty Images", "Credit: …".
const CAPTION =
  /\b(?:image caption|image copyright|photo(?:graph)?:|photo by|photo credit|file photo|credit:|caption:)|\((?:\w+ )?photos?\b|getty images|\/\s*(?:getty|afp|reuters|ap)\b|\bvia getty\b/i;
// Links and calls to action: "Related: …", "Read more: …", "Watch: …", "Sign up for our newsletter".
const LINK_LINE =
  /^(?:related|read more|read also|also read|more|see also|watch|listen|click here|sign up|subscribe|follow us|recommended|trending)\b[\s:|–—-]/i;
const LINK_ANYWHERE = /\b(?:sign up for|subscribe to our|click here|read more:|related coverage:)/i;
// Page furniture around the report: a wire or contributor credit ("Jane Doe and The Example Press contributed
// to this report."), a commentary's disclaimer ("The views expressed here are the author's own."), an
// advertisement slot left in the text.
const CREDIT_LINE =
  /\bcontributed (?:to this (?:report|story|article)|reporting)\b|\bviews expressed (?:in|here|are)|\bopinions expressed (?:in|here|are)|^\s*advertisement\s*$/im;
// A label before a colon: in capitals ("THE FACTS: His decision …", "UPDATE: …"), or a short lead-in of a
// few words before a capitalised clause ("The bottom line: The plan …", "Why it matters: Prices …").
const LABEL_PREFIX = /^(?:[\p{Lu}\d][\p{Lu}\d '’&-]{2,}|(?:[\p{L}'’-]+\s){0,3}[\p{L}'’-]+):\s+[\p{Lu}\d]/u;
// Openers that answer or contrast a sentence the digest may not hold: "But …", "And …", "Still, …". Not
// "Nevertheless, the agency says …": the clause after it usually states its own claim.
const CONTRAST_OPENER = /^(?:(?:but|and|yet|however)\b|still,)/i;
// Small words that stay lower case in a Title Case headline.
const TITLE_SMALL = new Set(
  'a an the of in on at to for and or nor but with by from as vs via into over after about up out is'.split(
    ' ',
  ),
);
// A subject that points back: "The new projection …", "The decision …", "This move …", "Such claims …",
// after a short lead-in too ("Combined, these trends …"); "The first is …" (the first of what?).
const BACK_REFERENCE =
  /^(?:[\p{L}-]+,\s+)?(?:the\s+(?:new|latest|same|aforementioned|above)\s+([a-z]+)|the\s+(decision|move|announcement|measure|ruling|statement|remarks|comments|step|development|change|shift|findings|revelation|incident|episode|report|news)\b|(?:this|that|these|those|such)\s+([a-z]+)|the\s+(?:first|second|third|former|latter)\s+(is|was|are|were)\b)/iu;
// A speech verb outside the quotation marks says whose words a quotation is.
const SPEECH =
  /\b(?:said|says|say|told|tells|asked|added|adds|wrote|writes|tweeted|posted|stated|declared|announced|according to|insisted|argued|warned|explained|noted|replied)\b/i;

/** Why a sentence cannot open a digest or stand in it, or null when it can. */
export function notDigestMaterial(text: string, voice = authorVoice(text)): string | null {
  if (CAPTION.test(text)) return 'photo caption or credit';
  if (LINK_LINE.test(text) || LINK_ANYWHERE.test(text)) return 'link or call to action';
  if (CREDIT_LINE.test(text)) return 'credit, disclaimer or advertisement';
  if (LABEL_PREFIX.test(text)) return 'label-prefixed line';
  if (headlineLike(text)) return 'headline';
  if (CONTRAST_OPENER.test(text)) return 'opens with a contrast or continuation';
  if (/\?["”’]?\s*$/.test(text)) return 'question';
  if (firstPersonStance(voice) || firstPersonEvaluative(voice)) return 'first-person evaluative language';
  if (unattributedQuote(text, voice)) return 'quotation without its speaker';
  return null;
}

/** Title Case with nothing lower case but small words: "Senate Passes Sweeping Farm Bill." */
function headlineLike(text: string): boolean {
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.length < 3) return false;
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && TITLE_SMALL.has(w.toLowerCase())));
}

/** A quotation that opens the sentence with no speaker outside it: “We will win this fight.” */
function unattributedQuote(text: string, voice: string): boolean {
  return /^["“]/.test(text) && !SPEECH.test(voice);
}

/**
 * The head noun of a subject that refers back ("The new projection" → "projection"), or null. The sentence
 * stands when an earlier digest sentence holds that noun ("… released a projection …", then "The new
 * projection …").
 */
export function backReference(text: string): string | null {
  const m = BACK_REFERENCE.exec(text);
  if (!m) return null;
  if (m[4] !== undefined) return '';
  const demonstrative = m[3]?.toLowerCase();
  // "This was the second time.", "That is why …": the demonstrative is the whole subject, with no noun an
  // earlier sentence could hold.
  if (demonstrative !== undefined) return VERB_AFTER_DEMONSTRATIVE.has(demonstrative) ? '' : demonstrative;
  return (m[1] ?? m[2])?.toLowerCase() ?? null;
}

const VERB_AFTER_DEMONSTRATIVE = new Set(
  'is was were are has had have will would could can may might came comes means meant marks marked follows followed includes included comes'.split(
    ' ',
  ),
);

/** Whether a back-referring subject finds its antecedent in the sentences before it. */
export function resolvedIn(noun: string, earlier: readonly string[]): boolean {
  if (noun === '') return false;
  const key = stem(noun);
  return earlier.some((s) => (s.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => stem(w) === key));
}
