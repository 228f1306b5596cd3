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
    [
      'a hyphenated verb after its subject is no modifier of the next title',
      'The singer re-signed longtime agent Dana Whitcombe after the first tour collapsed.',
      'Whitcombe',
      ['longtime agent'],
    ],
    [
      'a hyphenated participle after a determiner still is a modifier',
      'The rally was led by the self-proclaimed leader Ivar Stenbrek on Friday.',
      'Stenbrek',
      ['self-proclaimed leader'],
    ],
    [
      'a weekday before a title ends the adverbial, not the title',
      'Officials said that on Sunday Treasury Secretary Ivar Stenbrek would travel to the port.',
      'Stenbrek',
      ['Treasury Secretary'],
    ],
    [
      'a noun of time before a title is no part of it',
      'The board met last week Finance Committee Chairman Ivar Stenbrek at the harbor office.',
      'Stenbrek',
      ['Finance Committee Chairman'],
    ],
    [
      'an adverbial idiom before a title is no part of it',
      'Of course President Halvorsen is right about the harbor budget.',
      'Halvorsen',
      ['President'],
    ],
    [
      'the head of a relative clause without "that" is no part of the title',
      'It was a grim milestone Governor Ana Brisk once said the state would never reach.',
      'Brisk',
      ['Governor'],
    ],
    [
      'a person noun before a capitalised title stays in it',
      'The crowd cheered for war hero Sen. Brant Ojala at the parade on Monday.',
      'Ojala',
      ['war hero Sen.'],
    ],
    [
      'a word in capitals is page furniture, not part of a title',
      'CLOSE Republican presidential nominee Petra Lindqvist spoke at a rally in the valley.',
      'Lindqvist',
      ['Republican presidential nominee'],
    ],
    [
      'a role noun before "former" ends a title of its own',
      'Pictured: campaign adviser former campaign chairman Ivar Stenbrek at the hearing.',
      'Stenbrek',
      ['former campaign chairman'],
    ],
    [
      'a lowercase plural before one name is a group, not the name\u2019s label',
      'They were the very people Stenbrek had courted for a decade.',
      'Stenbrek',
      [],
    ],
    [
      'a lowercase plural before a list of names labels each',
      'The council heard from harbor commissioners Ivar Stenbrek and Petra Lindqvist on Monday.',
      'Stenbrek',
      ['harbor commissioners'],
    ],
    [
      'a role word used as a verb after "to" is no title',
      'The mayor offered to host Corvell Harbor talks next spring.',
      'Harbor',
      [],
    ],
    [
      'a role word used as a verb after a modal is no title',
      'Everyone expects that Ilse Varga would chair Corvell Bank after the merger.',
      'Bank',
      [],
    ],
    [
      'a lowercase verb after a modal ends a longer title',
      'The memo says Varga should direct Deputy Harbor Commissioner Dana Whitcombe to resign.',
      'Whitcombe',
      ['Deputy Harbor Commissioner'],
    ],
    [
      'a relative clause after a name is no label',
      'The vote came after former Mayor Dana Whitcombe, whose recusal infuriated the governor.',
      'Whitcombe',
      ['former Mayor'],
    ],
    [
      'a role between two names introduces the second',
      'In a reply to Whitcombe, the finance minister, Ilse Varga, asked for more time.',
      'Whitcombe',
      [],
    ],
    [
      'a role between two names is the second one’s',
      'In a reply to Whitcombe, the finance minister, Ilse Varga, asked for more time.',
      'Varga',
      ['finance minister'],
    ],
    [
      'an "and" inside the name of a body stays in the title',
      'In a separate fight, Tides and Harbors Committee Chairman Bo Ruiz set a new deadline.',
      'Ruiz',
      ['Tides and Harbors Committee Chairman'],
    ],
    [
      'an appositive after the place a person is "of" is the person’s',
      'Senator Dana Whitcombe of Riverton, a senior lawmaker, said the review should go on.',
      'Whitcombe',
      ['Senator', 'senior lawmaker'],
    ],
    [
      'the head of an agency is no head of state',
      'The inquiry covers the firing of agency head Bo Hale. Critics said the review was written to paint the Republican president in a better light.',
      'Hale',
      ['agency head'],
    ],
    [
      'a description naming another party is not the person: the rival nominee',
      'Republican nominee Bo Hale gained support on Sunday. Voters were less likely to back the Democratic nominee after the letter.',
      'Hale',
      ['Republican nominee'],
    ],
    [
      'a description of the head office is not the vice office holder',
      'Democratic vice presidential nominee Bo Hale spoke on Sunday. Voters were less likely to back the Democratic nominee after the letter.',
      'Hale',
      ['Democratic vice presidential nominee'],
    ],
    [
      'a description naming the same party is the person',
      'Republican nominee Bo Hale gained support on Sunday. Voters were more likely to back the Republican nominee after the letter.',
      'Hale',
      ['Republican nominee', 'Republican nominee'],
    ],
    [
      'a button word in capitals before a name is no epithet',
      'CLOSE Ana Whitcombe is ignoring the board’s decision to examine the files.',
      'Whitcombe',
      [],
    ],
    [
      'a title keeps the "of" name of the body the office is in',
      'He would not criticize Federal Bureau of Harbors Director Bo Hale on Monday.',
      'Hale',
      ['Federal Bureau of Harbors Director'],
    ],
    [
      'a running mate is a running mate',
      'Reyes running mate Dana Whitcombe praised the decision.',
      'Whitcombe',
      ['running mate'],
    ],
    [
      'a predicate cut at a modifier of its noun is no label',
      'Dana Whitcombe is the person most responsible for her own files, critics said.',
      'Whitcombe',
      [],
    ],
    [
      'a predicate never ends on a preposition',
      'Dana Whitcombe is a lawyer for her brother in the harbour case.',
      'Whitcombe',
      ['lawyer'],
    ],
    [
      'a relative clause ends a predicate',
      'Dana Whitcombe is a former soldier whose sister runs the clinic in Calder.',
      'Whitcombe',
      ['former soldier'],
    ],
    [
      'a plural subject and its verb before a title are no part of it',
      'Photographs show Deputy Harbour Minister Dana Whitcombe, her coat torn, beside the pier.',
      'Whitcombe',
      ['Deputy Harbour Minister'],
    ],
    [
      'a participle clause after a comma is no appositive',
      'The crowd gathered near Calder Square, raising questions about safety for legislators.',
      'Calder Square',
      [],
    ],
    [
      'a lowercase office keeps the "of" phrase before the name',
      'Critics blamed chief of staff Dana Whitcombe for the delay.',
      'Whitcombe',
      ['chief of staff'],
    ],
    [
      'a relation before "of" and a person noun is no office',
      'The wife of senator Dana Whitcombe opened the fair.',
      'Whitcombe',
      ['senator'],
    ],
    [
      'a person before "and" is no part of the body a title names',
      'Talks between Garrow and House speaker Dana Whitcombe went on until Friday.',
      'Whitcombe',
      ['House speaker'],
    ],
    [
      'after the preposition "to" a role noun is still a title',
      'The minister spoke to reporter Dana Whitcombe on Monday.',
      'Whitcombe',
      ['reporter'],
    ],
  ])('%s', (_why, text, surname, labels) => {
    expect(labelsOf(annotate(text), surname)).toEqual(labels);
  });

  it('a plural description never refers back to one person', () => {
    const a = annotate(
      'The suit was filed by Alma Reyes, an attorney for the officers. The officers declined to comment.',
    );
    expect(labelsOf(a, 'Reyes')).toEqual(['attorney for the officers']);
  });

  it('a possessive description after two names owns the next noun and is no appositive of the second name', () => {
    const a = annotate(
      'Governor Ivar Stenbrek spoke first. Then Mira Stenbrek and Jon Hale, the governor\u2019s daughter and son-in-law, spoke.',
    );
    expect(labelsOf(a, 'Hale')).toEqual([]);
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
    ['disgraced former governor', 'negative', ['disgraced']],
    ['so-called leader of the movement', 'negative', ['so-called']],
    ['self-styled people\u2019s champion', 'negative', ['self-styled']],
    ['prominent far-right politician', 'negative', ['far-right']],
    ['embattled press secretary', 'negative', ['embattled']],
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
    ['asset manager', 'neutral', []],
    ['fallen soldier', 'neutral', []],
    ['former beauty queen', 'neutral', []],
    // a name or office in capitals is not judged: "Justice", "Freedom" are parts of names there
    ['Supreme Court Justice', 'neutral', []],
    ['House Freedom Caucus chairman', 'neutral', []],
    // a phrase saying where or for whom is not about the person
    ['director for victims of abuse', 'neutral', []],
  ])('%s is %s', (label, tone, words) => {
    expect(toneOf(label)).toEqual({ tone, words });
  });
});
