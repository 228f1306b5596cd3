// A sentence does not end at a title written short before names: "Sens. Ann Lee and Bo Hale" (wink ends one
// at the plural, leaving "Two hopefuls, Sens." — a fragment that then shared a fact with another outlet's
// "Another hopeful, Sen. Ann Lee (D-Ore.)"). Invented sentences.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/annotate/tokens.js';
import { isTitleAbbreviation } from '../src/text/names.js';

function sentences(text: string): string[] {
  const layer = tokenize({ text, paragraphs: [{ start: 0, end: text.length, kind: 'body' }] } as never);
  return layer.sentences.map((s) => text.slice(s.start, s.end));
}

describe('title abbreviations before names', () => {
  it('knows singular and plural short titles, not words that end a sentence', () => {
    for (const w of ['Sen', 'Sens', 'Govs', 'Drs', 'Reps', 'Gens', 'Messrs'])
      expect(isTitleAbbreviation(w)).toBe(true);
    for (const w of ['King', 'Senate', 'Sent', 'Gove', 'Dress']) expect(isTitleAbbreviation(w)).toBe(false);
  });

  it('does not end a sentence after a plural title', () => {
    expect(
      sentences('Two hopefuls, Sens. Ann Lee and Bo Hale, called it a disgrace. Then they left.'),
    ).toEqual(['Two hopefuls, Sens. Ann Lee and Bo Hale, called it a disgrace.', 'Then they left.']);
    expect(sentences('Govs. Ann Lee and Bo Hale met on Monday. Drs. Ann Lee and Bo Hale agreed.')).toEqual([
      'Govs. Ann Lee and Bo Hale met on Monday.',
      'Drs. Ann Lee and Bo Hale agreed.',
    ]);
  });

  it('keeps the full stop with a singular short title wink splits from it (helper spk17)', () => {
    const text = 'On Sunday the Rev. Tilda Marsh and Cmdr. Bo Hale spoke, and Maj. Ann Lee agreed.';
    const layer = tokenize({ text, paragraphs: [{ start: 0, end: text.length, kind: 'body' }] } as never);
    const words = layer.tokens.map((t) => t.text);
    expect(words).toContain('Rev.');
    expect(words).toContain('Cmdr.');
    expect(words).toContain('Maj.');
    expect(words).not.toContain('Rev');
    expect(sentences(text)).toEqual([text]);
  });

  it('still ends a sentence at a name after a title', () => {
    expect(sentences('The bill was backed by Gov. Li. Lawmakers voted on Friday.')).toEqual([
      'The bill was backed by Gov. Li.',
      'Lawmakers voted on Friday.',
    ]);
  });
});
