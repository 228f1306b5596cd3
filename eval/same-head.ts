// The same-head-lemma baseline of coreference (a strong one on ECB+): mentions of one topic whose last
// words match are one entity — "Ann Lee", "Lee" and "Lee's" together, every "he" together.

/** The same-head-lemma baseline's cluster label: the mention's last word, lower-cased, possessive dropped. */
export function headLemma(text: string): string {
  const last = text.trim().split(/\s+/).at(-1) ?? '';
  return last
    .toLowerCase()
    .replace(/['’]s?$/u, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}
