// Labels are descriptor phrases, and their tone comes from the words that judge the person. Each row is an
// invented sentence of the shape of a real failure: a bare honorific, words of the previous clause before
// one, a title cut at "of", a caption run through another name, a plural group, a lowercase modifier of a
// name used as a modifier, an appositive that is another person's title, a reference right after a name.
import { describe, expect, it } from 'vitest';
import type { AnnotatedArticle } from '../src/model/article.js';
import { toneOf } from '../src/text/tone.js';
import { annotateText as annotate } from './support/articles.js';

const labelsOf = (a: AnnotatedArticle, surname: string): string[] =>
  a.entities.filter((e) => e.name.endsWith(surname)).flatMap((e) => e.descriptors.map((d) => d.text));

describe('labels are descriptor phrases', () => {
  it.each([
    [
      'a bare honorific is no label',
      'Mr. Halvorsen spoke to the council on Monday about the budget.',
      'Halvorsen',
      [],
    ],
    [
      'words of the previous clause before an honorific are no label',
      'After long budget discussions Mr. Halvorsen left the hall without a word.',
      'Halvorsen',
      [],
    ],
    [
      'an honorific stops a title',
      'The harbor commissioner Dr. Ilse Varga opened the new pier on Monday.',
      'Varga',
      [],
    ],
    [
      'a title with an "of" phrase is kept whole',
      'Secretary of State Dana Whitcombe flew to the summit on Tuesday.',
      'Whitcombe',
      ['Secretary of State'],
    ],
    [
      'a role title stops at a lowercase "of": the ally is the subject, not the leader',
      'Halvorsen is a close ally of Norrlandic leader Ivar Stenbrek and backs his plan.',
      'Stenbrek',
      ['Norrlandic leader'],
    ],
    [
      'a modifier left alone is no label',
      'The mayor hired a former Brindle Harbor counsel to review the contract.',
      'Brindle Harbor',
      [],
    ],
    [
      'a title never runs through another person',
      'Pictured: presidential candidate Petra Lindqvist Gov. Arno Vesely greets voters at the fair.',
      'Vesely',
      ['Gov.'],
    ],
    [
      'a plural group is not one person\u2019s label',
      'One of those senators, Sen. Brant Ojala, voted against the plan on Monday.',
      'Ojala',
      ['Sen.'],
    ],
    [
      'a lowercase modifier of a name used as a modifier is the next noun\u2019s',
      'The fund was started by a major Kessler donor who asked not to be named.',
      'Kessler',
      [],
    ],
  ])('%s', (_why, text, surname, labels) => {
    expect(labelsOf(annotate(text), surname)).toEqual(labels);
  });

  it('an appositive holding another person\u2019s name is that person\u2019s title', () => {
    const a = annotate(
      'Mayor Ona Brisk, council candidate Milo Farrant, and Farrant\u2019s wife, Jo, attended the rally on Monday.',
    );
    expect(labelsOf(a, 'Brisk')).toEqual(['Mayor']);
    expect(labelsOf(a, 'Farrant')).toContain('council candidate');
  });

  it('"Name, the role of …" is that name\u2019s label, not another holder of the role', () => {
    const a = annotate(
      'Director Lena Stroud of the water board spoke first. Later the panel questioned Omar Kell, the director of the health office and its labs, about delays.',
    );
    const kell = a.entities.find((e) => e.name === 'Omar Kell');
    expect(kell?.descriptors.map((d) => d.text)).toContain('director');
    expect(labelsOf(a, 'Stroud')).not.toContain('director');
  });
});

describe('tone of a label', () => {
  it.each([
    // epithets and delegitimising modifiers (own additions)
    ['crooked', 'negative', ['crooked']],
    ['hard-left party leader', 'negative', ['hard-left']],
    ['so-called governor', 'negative', ['so-called']],
    ['self-styled reformer', 'negative', ['self-styled']],
    ['disgraced former sheriff', 'negative', ['disgraced']],
    ['far-right candidate', 'negative', ['far-right']],
    ['self-proclaimed hero', 'negative', ['self-proclaimed']],
    // evaluative words from the VADER lexicon
    ['lord of chaos', 'negative', ['chaos']],
    ['bad person', 'negative', ['bad']],
    ['good friend', 'positive', ['good']],
    ['popular mayor', 'positive', ['popular']],
    // offices, fields and relations stay neutral
    ['president', 'neutral', []],
    ['senator', 'neutral', []],
    ['party leader', 'neutral', []],
    ['national security adviser', 'neutral', []],
    ['special counsel', 'neutral', []],
    ['war veteran', 'neutral', []],
    ['friend of the mayor', 'neutral', []],
    ['criminal defense lawyer', 'neutral', []],
    // a name or office in capitals is not judged: "Justice", "Freedom" are parts of names there
    ['Supreme Court Justice', 'neutral', []],
    ['House Freedom Caucus chairman', 'neutral', []],
    // a phrase saying where or for whom is not about the person
    ['director for victims of abuse', 'neutral', []],
  ])('%s is %s', (label, tone, words) => {
    expect(toneOf(label)).toEqual({ tone, words });
  });
});
