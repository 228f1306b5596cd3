// The annotation speed work replaced a few simple expressions with faster code that must give the same
// answers: each fast path is compared here with the expression it replaced, on random text built from the
// characters where they could differ (ASCII and Unicode spaces, letters and digits outside ASCII,
// surrogate pairs, punctuation, lone surrogates).

import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import {
  CITIES,
  FEMALE_NAMES,
  GIVEN_NAMES,
  isDateWord,
  KNOWN_ORGANIZATIONS,
  KNOWN_PEOPLE,
  KNOWN_SURNAMES,
  lexiconDateWord,
  MALE_NAMES,
} from '../src/annotate/entities/gazetteer.js';
import { mayRefer } from '../src/annotate/entities/pronouns.js';
import { MAX_WINK_RUN, maskLongRuns } from '../src/annotate/tokens.js';
import { nlp } from '../src/nlp/compromise.js';
import { its, wink } from '../src/nlp/wink.js';
import { isWordInAnyCase, wordCount } from '../src/text/words.js';
import { seededRandom } from '../src/util/random.js';

const PIECES = [
  'a',
  'Z',
  '7',
  'é',
  'Ж',
  '٣', // Arabic-Indic digit three: a number
  'ⅷ', // roman numeral eight: a number (Nl)
  '𝐀', // mathematical bold A: a letter outside the BMP
  '😀', // an emoji: a surrogate pair that is no letter
  '\ud800', // a lone surrogate
  '—',
  '-',
  '.',
  '“',
  '’',
  '$',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  '\u2009',
  '\u202f',
  '\u3000',
  '\ufeff',
  '\u1680',
  '\u2028',
  '\u200b', // zero-width space: not `\s`
  '\u0085', // next line: not `\s` in JavaScript
];

function randomText(next: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

/** wordCount as it was written before: split on `\s+`, count the pieces holding a letter or digit. */
function referenceWordCount(text: string): number {
  let count = 0;
  for (const piece of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(piece)) count++;
  return count;
}

describe('wordCount', () => {
  it('counts as split-and-test did, on 2,000 random texts', () => {
    const next = seededRandom(12);
    for (let i = 0; i < 2_000; i++) {
      const text = randomText(next, Math.floor(next() * 40));
      expect(wordCount(text), JSON.stringify(text)).toBe(referenceWordCount(text));
    }
  });

  it('stops one past atMost and is exact below it', () => {
    const next = seededRandom(13);
    for (let i = 0; i < 500; i++) {
      const text = randomText(next, Math.floor(next() * 60));
      const exact = referenceWordCount(text);
      expect(wordCount(text, 5)).toBe(Math.min(exact, 6));
    }
    expect(wordCount('U.S.-led talks — day 2')).toBe(4);
    expect(wordCount('one two three four five six seven', 3)).toBe(4);
  });
});

describe('maskLongRuns', () => {
  /** The masking as it ran before the fast check: the regular expression over every text. */
  function referenceRuns(text: string): [number, number][] {
    const runs: [number, number][] = [];
    for (const m of text.matchAll(new RegExp(`(?<!\\S)\\S{${MAX_WINK_RUN + 1},}`, 'g')))
      runs.push([m.index, m.index + m[0].length]);
    return runs;
  }

  it('finds the same runs as the regular expression, with runs just under and over the limit', () => {
    const next = seededRandom(14);
    for (let i = 0; i < 300; i++) {
      // Long stretches without spaces, broken now and then by one of the space characters.
      let text = '';
      while (text.length < 2_000) {
        const run = MAX_WINK_RUN - 3 + Math.floor(next() * 7);
        text += randomText(next, run).replace(/\s/g, 'x');
        text += ['\u00a0', ' ', '\n', '\u3000', '\u200b'][Math.floor(next() * 5)];
      }
      const { masked, runs } = maskLongRuns(text);
      expect(runs).toEqual(referenceRuns(text));
      expect(masked.length).toBe(text.length);
      if (runs.length === 0) expect(masked).toBe(text);
    }
  });
});

describe('the wink-nlp pipeline annotation runs', () => {
  // Only sentence boundaries and POS tags are read; wink's default pipeline also finds entities and
  // negation and scores sentiment, which must not change a token, tag or sentence.
  it('gives the tokens, tags and sentences of the default pipeline', () => {
    const full = winkNLP(model);
    const text = [
      "Mayor Ana Reyes didn't say on Tuesday, March 3, 2020, whether the $4.5 million plan would pass.",
      '"It is not a good idea," said Tom Lee, 70, of Springfield. He was never happy about it!',
      'The U.S.-led talks — day 2 — ended at 5 p.m.; nobody was hurt. Call 555-0100 or see example.com.',
      'Dr. Grace Kim-Lee (@gracek) loved it :) but hated the noise.\n\nNEW HEADLINE HERE',
    ].join(' ');
    const read = (nlp: typeof wink) => {
      const doc = nlp.readDoc(text);
      return [
        doc.tokens().out(nlp.its.value),
        doc.tokens().out(nlp.its.precedingSpaces),
        doc.tokens().out(nlp.its.pos),
        doc.sentences().out(nlp.its.span),
      ];
    };
    expect(read(wink)).toEqual(read(full));
    expect(wink.readDoc(text).tokens().out(its.pos)).toContain('PROPN');
  });
});

describe('isWordInAnyCase', () => {
  // Characters whose lower case is special: "İ" grows to two code units, the Kelvin sign becomes "k",
  // the long s stays itself; plus the letters of the words asked about.
  const CHARS = [
    't',
    'T',
    'h',
    'H',
    'e',
    'E',
    'w',
    'W',
    'o',
    'O',
    'k',
    '\u212a',
    '\u0130',
    'i',
    '\u017f',
    'ẞ',
    'é',
    ' ',
    "'",
  ];
  it('answers as toLowerCase() === word did, on 5,000 random short strings', () => {
    const next = seededRandom(12);
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = Math.floor(next() * 5);
      for (let i = 0; i < length; i++) text += CHARS[Math.floor(next() * CHARS.length)];
      for (const word of ['the', 'who', 'one', 'ok', 'i'])
        expect(isWordInAnyCase(text, word), `${JSON.stringify(text)} ${word}`).toBe(
          text.toLowerCase() === word,
        );
    }
  });
  it('takes the word in any letter case', () => {
    expect(isWordInAnyCase('THE', 'the')).toBe(true);
    expect(isWordInAnyCase('The', 'the')).toBe(true);
    expect(isWordInAnyCase('then', 'the')).toBe(false);
  });
});

describe('mayRefer (the pronoun linker skips every other token)', () => {
  const WORDS = ['who', 'he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself'];
  it('lets through every token that lower-cases to a pronoun or "who", whatever its first code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const first = String.fromCharCode(c);
      for (const word of WORDS) {
        const text = first + word.slice(1);
        if (text.toLowerCase() === word) expect(mayRefer({ text, pos: 'PRON' }), text).toBe(true);
      }
    }
  });
  it('lets every noun through (an unnamed person: "a man") and stops other words', () => {
    expect(mayRefer({ text: 'man', pos: 'NOUN' })).toBe(true);
    expect(mayRefer({ text: 'She', pos: 'PRON' })).toBe(true);
    expect(mayRefer({ text: 'they', pos: 'PRON' })).toBe(false);
    expect(mayRefer({ text: '', pos: 'PUNCT' })).toBe(false);
  });
});

describe("isDateWord (a Set of the lexicon's month and weekday words)", () => {
  it('answers as reading the lexicon per word did, for every word of the lexicon and then some', () => {
    // compromise has typed a sentence first, as in annotation (its lexicon must not have changed since).
    nlp('Ana Ruiz met Tom Ford on Friday in March.').json();
    const lexicon = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
    const words = Object.keys(lexicon);
    expect(words.length).toBeGreaterThan(10_000);
    const extra = [
      'may',
      'may.',
      'jan.',
      'sept.',
      'fri.',
      'friday',
      'fridays',
      'march',
      'marching',
      '',
      '.',
      'constructor',
      '__proto__',
      'tuesday.',
    ];
    let dates = 0;
    for (const word of [...words, ...words.map((w) => `${w}.`), ...extra]) {
      const answer = lexiconDateWord(word);
      if (answer) dates++;
      expect(isDateWord(word), word).toBe(answer);
    }
    expect(dates).toBeGreaterThan(20);
  });
});

describe("the gazetteer's word lists (one pass over compromise's lexicon, then an index by tag)", () => {
  it('hold the words a pass over the lexicon entries finds, in the same order', () => {
    const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
    const tagged = (...tags: string[]) =>
      Object.entries(lexicon)
        .filter(([, tag]) => (Array.isArray(tag) ? tag : [tag]).some((t) => tags.includes(t)))
        .map(([word]) => word);
    const lists: [ReadonlySet<string>, string[]][] = [
      [GIVEN_NAMES, ['FirstName', 'MaleName', 'FemaleName']],
      [MALE_NAMES, ['MaleName']],
      [FEMALE_NAMES, ['FemaleName']],
      [KNOWN_SURNAMES, ['LastName']],
      [KNOWN_PEOPLE, ['Person']],
      [KNOWN_ORGANIZATIONS, ['Organization']],
      [CITIES, ['City']],
    ];
    for (const [list, tags] of lists) {
      const expected = tagged(...tags);
      expect(expected.length, tags.join()).toBeGreaterThan(10);
      expect([...list], tags.join()).toEqual(expected);
    }
  });
});
