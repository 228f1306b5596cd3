// Posts embedded from a social network, left in the text as the embed's fallback paragraph: the post's
// words, then its signature — "Ferry fares go up again. When does it stop? — Ana Reyes (@anareyes) June
// 3, 2019", often with a picture link before the dash and a "Report" link after the date. The words are
// the account holder's, not the outlet's, and the outlet usually reports them in its own sentence as
// well; left in, they became facts in the outlet's voice, digest sentences ("Will be interesting to see
// how …", a presenter's post) and facts of a bare link ("https://t.co/… — Name (@name) June 27, 2018").
// The page extractor drops such embeds by their markup (src/extract, embedded posts); text given as a
// record or pasted has only this signature left. 5,743 paragraphs of 2,449 allsides articles end on it.

/** The signature: dash, display name, @handle in brackets, the date in either written order, "Report". */
const SIGNATURE =
  /\s*[—–-]\s+[^()\n]{1,60}\s\(@\w{1,15}\)\s+(?:\p{Lu}\p{Ll}+\.? \d{1,2}, \d{4}|\d{1,2} \p{Lu}\p{Ll}+\.? \d{4})(?:\s+Report)?\s*$/u;

/**
 * A longer paragraph holds the outlet's prose around the post, so it stays. A post is at most 280
 * characters; with links and signature the allsides embeds have a median of 30 words and a 99th
 * percentile of 61. Of the 6 paragraphs over 100 words, 5 begin with the outlet's own prose.
 */
export const MAX_EMBEDDED_POST_WORDS = 100;

/** Whether a paragraph is the fallback text of an embedded social-network post. */
export function isEmbeddedPost(paragraph: string): boolean {
  if (!SIGNATURE.test(paragraph)) return false;
  return paragraph.split(/\s+/).length <= MAX_EMBEDDED_POST_WORDS;
}
