// The shared word-level difference (src/text/word-diff.ts) behind the side-by-side panels: what one
// outlet's sentence has that the others lack. Invented sentences of the shapes real coverage takes.
import { describe, expect, it } from 'vitest';
import { comparisonKey, comparisonKeys, distinctWords, wordDiff } from '../src/text/word-diff.js';

/** The marked words of each text, as text. */
function marked(texts: string[]): string[][] {
  return distinctWords(texts).map((ranges, i) => ranges.map((r) => (texts[i] ?? '').slice(r.start, r.end)));
}

describe('comparisonKey', () => {
  it('ignores case, punctuation, inflection, abbreviation dots and possessives', () => {
    expect(comparisonKey('injured,')).toBe(comparisonKey('injured'));
    expect(comparisonKey('injuries')).toBe(comparisonKey('injured'));
    expect(comparisonKey('E.U.')).toBe(comparisonKey('EU'));
    expect(comparisonKey('Marlow’s')).toBe(comparisonKey('MARLOW'));
  });

  it('keeps the spellings of a name apart, which stemming would join', () => {
    expect(comparisonKey('Vargas')).not.toBe(comparisonKey('Varga'));
    expect(comparisonKeys('Vargas').stem).toBe(comparisonKeys('Varga').stem);
  });

  it('keys a number by its value, and different numbers apart', () => {
    expect(comparisonKey('fourteen')).toBe(comparisonKey('14'));
    expect(comparisonKey('Fourteen')).toBe(comparisonKey('14'));
    expect(comparisonKey('12,000')).toBe(comparisonKey('12000'));
    expect(comparisonKey('12')).not.toBe(comparisonKey('14'));
  });
});

describe('distinctWords', () => {
  it('marks the changed figure in each of two sentences, nothing else', () => {
    expect(
      marked([
        'At least 12 people were injured when the footbridge gave way.',
        'At least 14 people were injured when the footbridge gave way.',
      ]),
    ).toEqual([['12'], ['14']]);
  });

  it('ignores differences of case, punctuation, inflection and word order', () => {
    expect(
      marked([
        'Officials said twelve were hurt in the Fairhaven blast.',
        'Twelve were hurt in the Fairhaven blasts, officials said',
      ]),
    ).toEqual([[], []]);
  });

  it('marks a changed name and the words only one outlet adds, joining neighbours into one range', () => {
    expect(
      marked([
        'Mayor Ilse Varga opened the new ferry terminal on Monday.',
        'Mayor Ilse Vargas opened the new ferry terminal on Monday to loud applause.',
      ]),
    ).toEqual([['Varga'], ['Vargas', 'loud applause']]);
  });

  it('never marks function words, verbs of reporting or the punctuation around a word', () => {
    expect(
      marked(['The council approved the plan, he said.', 'A council approved a plan, (unanimously).']),
    ).toEqual([[], ['unanimously']]);
  });

  it('marks the minority figure when outlets split on it', () => {
    const texts = [
      'Twelve people were injured in the collapse.',
      'The collapse injured 12 people.',
      '12 people were injured in the collapse.',
      'Fourteen people were injured in the collapse.',
      'The collapse injured 14 people.',
    ];
    expect(marked(texts)).toEqual([[], [], [], ['Fourteen'], ['14']]);
  });

  it('marks a negation that most outlets do not print', () => {
    const texts = [
      'The envoy will attend the summit in Carrow.',
      'The envoy will attend the summit.',
      'The envoy will attend the Carrow summit.',
      'The envoy will not attend the summit.',
      'The envoy did not attend the summit in Carrow.',
    ];
    expect(marked(texts)).toEqual([[], [], [], ['not'], ['not']]);
  });

  it('marks a word only when no other text has it (ordinary words are not split like figures)', () => {
    const texts = [
      'Rescuers searched the river overnight.',
      'Rescuers searched the river overnight.',
      'Divers searched the river overnight.',
      'Divers searched the river.',
    ];
    expect(marked(texts)).toEqual([[], [], [], []]);
  });

  it('flags figures, negations and respelt names as changed, apart from the words around them', () => {
    const texts = [
      'Engineer Dana Novack warned the board, sending 12 people home.',
      'Engineer Dana Novak did not warn the board.',
    ];
    const flagged = distinctWords(texts).map((ranges, i) =>
      ranges.map((r) => `${r.changed ? '!' : ''}${texts[i]?.slice(r.start, r.end)}`),
    );
    expect(flagged).toEqual([
      // "warned" and "warn" are one word inflected: not marked.
      ['!Novack', 'sending', '!12', 'people home'],
      ['!Novak', '!not'],
    ]);
  });

  it('has nothing to mark in a text alone, or in none', () => {
    expect(distinctWords(['Only one outlet reported the fire.'])).toEqual([[]]);
    expect(distinctWords([])).toEqual([]);
  });

  it('gives ranges that index the text as given, astral characters included', () => {
    const texts = ['🔥 The depot burned for 9 hours.', '🔥 The depot burned for 11 hours.'];
    const [a, b] = distinctWords(texts);
    expect(a).toEqual([{ start: 24, end: 25, changed: true }]);
    expect(texts[1]?.slice(b?.[0]?.start, b?.[0]?.end)).toBe('11');
  });
});

describe('wordDiff (moved here from the quote comparison)', () => {
  it('still aligns two printings of a quote in order', () => {
    expect(wordDiff('we will rebuild the bridge', 'we will rebuild it')).toEqual([
      { op: 'same', text: 'we will rebuild' },
      { op: 'removed', text: 'the bridge' },
      { op: 'added', text: 'it' },
    ]);
  });
});
