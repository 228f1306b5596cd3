// Contributor credits: the line a newsroom adds to say who else worked on a report ("Jane Doe and The
// Example Press contributed to this report.", "Additional reporting by Jane Doe in Paris; Editing by Bo
// Hale"). They are furniture wherever they stand: the page extractor drops them by shape (src/extract),
// cleaning drops them from pasted and record text (src/clean), and neither a fact nor a digest sentence
// may be made of one.

/**
 * "… contributed to this report", "… contributed reporting" — the verb phrase only credits use; a possessive
 * after it is another sentence ("Donors contributed to the report's funding").
 */
const CONTRIBUTED = /\bcontributed (?:reporting\b|to (?:this|the) (?:report|story|article)\b(?!['’]))/i;
/**
 * A credit that opens with its label. Plain "Reporting by …", "Research by …" and "Compiled by …" are left
 * out: they open real sentences too ("Research by the bureau found that …").
 */
const CREDIT_LABEL = /^(?:additional reporting|with reporting|editing|writing) by\b|^contributing\s*:/i;
/** Bullets and dashes some outlets put before the credit ("• Jane Doe contributed to this report."). */
const LEADING_MARKS = /^[\s•·*–—-]+/u;
/**
 * The longest credit: of the 3,797 allsides paragraphs with a credit's verb phrase or label, 3,773 have at
 * most 80 words (a wire story's dozen contributors with their cities); the 24 longer ones are mostly
 * credits glued to other text ("… contributed to this report. Hide Caption 1 of 18 Photos: …") or
 * a paragraph about how a study was written, which stay.
 */
const MAX_CREDIT_WORDS = 80;

/**
 * A sentence that credits contributors, wherever it stands: a credit glued to the report's last sentence by
 * a bad paragraph break is still no fact and no digest line ("… said. Jane Doe contributed reporting.").
 */
export function mentionsContribution(text: string): boolean {
  return CONTRIBUTED.test(text);
}

/** A paragraph that only credits contributors. */
export function isContributorCredit(paragraph: string): boolean {
  const text = paragraph.replace(LEADING_MARKS, '').trim();
  const words = text.split(/\s+/).length;
  return words <= MAX_CREDIT_WORDS && (CREDIT_LABEL.test(text) || CONTRIBUTED.test(text));
}
