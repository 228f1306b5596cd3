// Openers that refer back to something a reader may not have seen: "He directly addressed the council …",
// "These negotiations were …", "However, …" (a contrast with a sentence that is not there). A sentence that
// opens on one cannot stand alone: not as a digest line, a story's title, or the sentence a fact is shown by.
const DANGLING_START =
  /^(?:he|she|it|they|his|her|its|their|them|him|this|these|those|that|we|i|you|our|however|but|and|meanwhile|still|also|then|such)\b/i;

/** Whether the sentence opens on a pronoun or connective that needs a sentence before it. */
export function danglingStart(text: string): boolean {
  return DANGLING_START.test(text);
}
