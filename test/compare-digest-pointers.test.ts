// Digest sentences that point outside themselves in the middle, not at their start (issue 13, helper
// dig17; every sentence here is invented): a "the X" whose noun its article used a paragraph before, a
// "them" with nothing plural before it in the sentence, and a citation of a sentence naming another day.
import { describe, expect, it } from 'vitest';
import { otherDays } from '../src/compare/digest/index.js';
import { notDigestMaterial, sentencePointers } from '../src/compare/digest/material.js';
import { weekdaysNamed } from '../src/text/calendar-words.js';

describe('sentencePointers: a mid-sentence "the X" pointing back into its article', () => {
  const before =
    'A convoy of fishing boats left the island port on Monday. A hearing on the harbor fees was held in March. ';

  it('finds a noun the article used before the sentence', () => {
    expect(
      sentencePointers('Several dozen of the convoy set off north again on Friday after a rest.', before)
        .definites,
    ).toEqual(['convoy']);
    expect(
      sentencePointers(
        'A harbor memo sent out a month after the public hearing named the fishing union.',
        before,
      ).definites,
    ).toEqual(['hearing']);
  });

  it('leaves a first mention, a phrase with a complement, a name or a ranking word alone', () => {
    // The article never named a flotilla before: "the flotilla" is a first mention that says enough.
    expect(
      sentencePointers('Several dozen of the flotilla set off north again on Friday after a rest.', before)
        .definites,
    ).toEqual([]);
    expect(
      sentencePointers('Several dozen boats of the convoy of fishing boats set off north on Friday.', before)
        .definites,
    ).toEqual([]);
    expect(
      sentencePointers('The fishing union wrote to the Senate hearing on the harbor fees in May.', before)
        .definites,
    ).toEqual([]);
    expect(
      sentencePointers('The fishing union spoke at the first hearing on the harbor fees in March.', before)
        .definites,
    ).toEqual([]);
    // A participle clause after the noun says which: "the convoy carrying the catch".
    expect(
      sentencePointers('The harbor master wrote to the convoy carrying the catch on Friday.', before)
        .definites,
    ).toEqual([]);
  });
});

describe('sentencePointers: "them" with nothing plural before it', () => {
  it('finds a "them" that only the sentence before could place', () => {
    expect(
      sentencePointers(
        'Governor Ann Roe, who had claimed the seat over Senator Jon Doe, sued them over the slow count.',
        '',
      ).unplacedPlural,
    ).toBe(true);
  });

  it('leaves a "them" with a plural word before it alone', () => {
    expect(
      sentencePointers('The harbor police stopped two fishermen and questioned them on Friday.', '')
        .unplacedPlural,
    ).toBe(false);
    expect(
      sentencePointers('Island officials counted the ballots again and certified them on Tuesday.', '')
        .unplacedPlural,
    ).toBe(false);
  });
});

describe('citations of a sentence naming another weekday', () => {
  it('reads the weekdays a sentence names', () => {
    expect([...weekdaysNamed('The board meets at 5 p.m. Tuesday and again on Friday.')]).toEqual([1, 4]);
    expect(weekdaysNamed('The board meets in May.').size).toBe(0);
  });

  it('does not cite a sentence whose only days differ', () => {
    expect(
      otherDays(
        'All island districts must certify their ballot counts by 5 p.m. Tuesday.',
        'With a 5 p.m. Friday deadline for island districts to certify their counts, the race was close.',
      ),
    ).toBe(true);
    expect(
      otherDays(
        'The harbor board approved the fees on Monday.',
        'The fees, approved on Monday, take effect on Friday.',
      ),
    ).toBe(false);
    expect(
      otherDays('The harbor board approved the fees on Monday.', 'The harbor board approved the fees.'),
    ).toBe(false);
  });
});

describe('a verdict by comparison in the outlet’s voice', () => {
  it('leaves out "isn’t much better" with nothing measured, not "much better than forecast"', () => {
    expect(
      notDigestMaterial('The harbor district, another stronghold of the ferry party, isn’t much better.'),
    ).toMatch(/^evaluative/);
    expect(
      notDigestMaterial('The harbor district’s ferry count was much better than forecast in May.'),
    ).toBeNull();
  });
});
