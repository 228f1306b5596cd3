// Table-driven checks of the annotators on small texts written for them, with "must not" rows.
import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../src/annotate/index.js';
import { cleanArticle } from '../src/clean/index.js';
import type { AnnotatedArticle } from '../src/model/article.js';

function annotate(body: string, published: string | null = '2024-05-08'): AnnotatedArticle {
  return annotateArticle(
    cleanArticle(
      { source: 't.txt', format: 'text', body, bodyIsHtml: false, meta: { published }, messages: [] },
      't',
    ),
  );
}

const people = (a: AnnotatedArticle) =>
  Object.fromEntries(
    a.entities.filter((e) => e.kind === 'person').map((e) => [e.name, e.mentions.map((m) => m.text)]),
  );
const labelsOf = (a: AnnotatedArticle, name: string) =>
  a.entities.find((e) => e.name === name)?.descriptors.map((d) => d.text) ?? [];
const speakerOf = (a: AnnotatedArticle, words: string) => {
  const q = a.quotes.find((x) => x.text.includes(words));
  return q ? (a.entities.find((e) => e.id === q.speaker)?.name ?? null) : 'no such quote';
};

describe('entities', () => {
  it.each([
    [
      'surname and possessive join the full name',
      'Gov. Maria Lopez spoke on Monday. Lopez’s office said little.',
      { 'Maria Lopez': ['Maria Lopez', 'Lopez'] },
    ],
    [
      'title words are not part of the name',
      'Senate Majority Leader Tom Hale met Fire Chief Ray Ortiz.',
      { 'Tom Hale': ['Tom Hale'], 'Ray Ortiz': ['Ray Ortiz'] },
    ],
    [
      'a role noun before a name the lexicon lacks, whose surname is also a given name',
      'Driver Zbignev Thomas won the race on Sunday. Thomas thanked his crew.',
      { 'Zbignev Thomas': ['Zbignev Thomas', 'Thomas'] },
    ],
    [
      'the photographer of a credit is nobody in the story; the people of a caption are',
      'Tom Hale waves from the deck of the ferry. (Wire Photo/Jana Roe) Hale sailed on Monday.',
      { 'Tom Hale': ['Tom Hale', 'Hale'] },
    ],
    [
      'a whip is a title too',
      'Council Majority Whip Ana Reyes met Senate Minority Whip Tom Hale.',
      { 'Ana Reyes': ['Ana Reyes'], 'Tom Hale': ['Tom Hale'] },
    ],
    [
      'an office ending on adviser, counsel or staff is a title',
      'National Security Adviser Ana Reyes met Chief of Staff Tom Hale and Harbour Counsel Mara Voss. Reyes left.',
      { 'Ana Reyes': ['Ana Reyes', 'Reyes'], 'Tom Hale': ['Tom Hale'], 'Mara Voss': ['Mara Voss'] },
    ],
    [
      'a spelling variant joins',
      'President Ivan Petrenko spoke. Critics of Petrenkko were silent.',
      { 'Ivan Petrenko': ['Ivan Petrenko', 'Petrenkko'] },
    ],
    [
      'a name before "administration" is a person',
      'The Obama administration said nothing. Officials agreed.',
      { Obama: ['Obama'] },
    ],
    [
      'a given name alone is the one person of the article with that given name',
      'Ana Reyes ignored the ruling. Her husband Tom Reyes declined to comment. “It is unfair to Ana,” one ally said.',
      { 'Ana Reyes': ['Ana Reyes', 'Ana'], 'Tom Reyes': ['Tom Reyes'] },
    ],
    [
      'a given name two people share stays apart',
      'Ana Reyes met Ana Lind on Monday. “It is unfair to Ana,” one ally said.',
      { 'Ana Reyes': ['Ana Reyes'], 'Ana Lind': ['Ana Lind'], Ana: ['Ana'] },
    ],
    [
      'an office word opening the name of a body stays in it',
      'Dr. Ana Reyes directs the emergency unit at Calder General Hospital, she said.',
      { 'Ana Reyes': ['Ana Reyes'] },
    ],
    [
      'a rank word opening a sentence before the surname of a named person is no part of the name',
      'Ana Reyes spoke in Calder on Monday. Top Reyes campaign officials met later that day.',
      { 'Ana Reyes': ['Ana Reyes', 'Reyes'] },
    ],
    [
      'an office between a name printed twice starts the second name',
      'Mr. Webb President Webb expects the board to follow the facts, his spokesman said.',
      { Webb: ['Webb', 'Webb'] },
    ],
    [
      'a plural abbreviation before a surname is no given name',
      'Police named the driver as Omar Haddad. The minister told MPs Haddad had been known to police.',
      { 'Omar Haddad': ['Omar Haddad', 'Haddad'] },
    ],
    [
      'a surname that is a month stands alone once the article gave the full name',
      'Home Secretary Helena May spoke on Monday. Officials said May had called the mayors, and May’s aide ' +
        'confirmed it. The vote is due in May, and the report on May 4.',
      { 'Helena May': ['Helena May', 'May', 'May'] },
    ],
    [
      'a party tag printed without its comma is no part of the name',
      'The speaker met Majority Leader Ann Garrow R-Calif., Whip Tom Hale, R-La., and others. Garrow left early.',
      { 'Ann Garrow': ['Ann Garrow', 'Garrow'], 'Tom Hale': ['Tom Hale'] },
    ],
    [
      'a surname shape types a lone name',
      'Kovalenko said the plan would fail.',
      { Kovalenko: ['Kovalenko'] },
    ],
  ])('%s', (_name, text, expected) => {
    expect(people(annotate(text))).toEqual(expected);
  });

  it.each([
    ['sentence openers', 'However, the council met. Officials said it went well. Tonight is calm.'],
    ['months and weekdays', 'March was cold. On Tuesday, May brought rain.'],
    [
      'a paper named with its article',
      'The mayor told The Harbour Wells on Monday that he would run. The Harbour Wells said so.',
    ],
    ['places and nationalities', 'Belarusian troops left Minsk for Russia-Ukraine talks in the Middle East.'],
    ['camps of people', 'House Republicans and Senate Democrats argued with Ukrainians.'],
    ['where someone was born', 'Police said the driver, born in Kent in 1971, had no licence.'],
    [
      'a place and a party member',
      'The North Carolina Republican told reporters he had no doubts. A Texas Democrat disagreed.',
    ],
  ])('finds no person in %s', (_name, text) => {
    expect(people(annotate(text))).toEqual({});
  });
});

describe('descriptors', () => {
  it.each([
    [
      'a title before the name',
      'Kremlin spokesman Dmitry Orlov said no.',
      'Dmitry Orlov',
      ['Kremlin spokesman'],
    ],
    [
      'an appositive after',
      'Anna Berg, self-proclaimed queen of the valley, said no.',
      'Anna Berg',
      ['self-proclaimed queen of the valley'],
    ],
    ['an appositive before', 'The driver, Luis Mena, 52, was hurt.', 'Luis Mena', ['driver']],
    [
      'a predicate nominal',
      'Paul Kern is a close ally of the mayor and a rich man.',
      'Paul Kern',
      ['close ally of the mayor'],
    ],
    [
      'a definite description with a nationality',
      'Chilean President Rosa Vidal spoke. The Chilean leader said no.',
      'Rosa Vidal',
      ['Chilean President', 'Chilean leader'],
    ],
    ['a party label', 'Republican Mitt Carver voted no.', 'Mitt Carver', ['Republican']],
  ])('%s', (_name, text, person, labels) => {
    expect(labelsOf(annotate(text), person)).toEqual(labels);
  });

  it('gives no predicate to a name inside the subject’s prepositional phrase', () => {
    const a = annotate(
      'An open seat on the Harbour Board was an important factor in the mayor’s campaign. The son of Paul Kern is a lawyer in the city.',
    );
    expect(labelsOf(a, 'Harbour Board')).toEqual([]);
    expect(labelsOf(a, 'Paul Kern')).toEqual([]);
  });

  it('leaves "the president" alone when two presidents were named', () => {
    const a = annotate('President Ana Soto met President Bo Lind. The president said nothing.');
    expect(labelsOf(a, 'Ana Soto')).toEqual(['President']);
    expect(labelsOf(a, 'Bo Lind')).toEqual(['President']);
  });

  it('does not read a list as an appositive', () => {
    expect(labelsOf(annotate('He met Mary Ames, John Ruiz and Li Wei.'), 'Mary Ames')).toEqual([]);
  });
});

describe('quotes and speakers', () => {
  it.each([
    ['attribution after the quote', '“We will win,” Mayor Jane Holt said.', 'We will win', 'Jane Holt'],
    ['inverted attribution', '"It is over," said Tom Reyes, the coach.', 'It is over', 'Tom Reyes'],
    [
      'a pronoun after the quote',
      'Jane Holt spoke first. “We are ready,” she added.',
      'We are ready',
      'Jane Holt',
    ],
    [
      'a partial quote after a speech verb',
      'Tom Reyes said the plan was “dead on arrival” in its form.',
      'dead on arrival',
      'Tom Reyes',
    ],
    [
      'a participle takes the sentence subject',
      'Jane Holt praised Tom Reyes, calling him “a true friend.”',
      'a true friend',
      'Jane Holt',
    ],
    ['a colon introduction', 'Then Jane Holt turned to the crowd: “Go home.”', 'Go home', 'Jane Holt'],
    [
      'a second quote in the paragraph keeps its speaker',
      '"First," Tom Reyes said. "Second, we wait."',
      'Second, we wait',
      'Tom Reyes',
    ],
  ])('%s', (_name, text, words, speaker) => {
    expect(speakerOf(annotate(text), words)).toBe(speaker);
  });

  it('gives a pronoun the person of matching gender', () => {
    const a = annotate('Councilwoman Denise Ford met Mark Bell. Bell left early. “It was useful,” she said.');
    expect(speakerOf(a, 'It was useful')).toBe('Denise Ford');
  });

  it('gives no speaker when the subject is not a person', () => {
    const a = annotate('Tom Reyes won in an election that critics called a “sham.”');
    expect(speakerOf(a, 'sham')).toBeNull();
  });

  it('runs one quote across paragraphs when the next opens with a quote mark', () => {
    const a = annotate(
      '“We built this city,” Jane Holt said. “And we will fix it.\n\n“Nobody else will,” she said.',
    );
    expect(a.quotes.map((q) => q.text.replace(/\s+/g, ' '))).toEqual([
      'We built this city,',
      'And we will fix it. “Nobody else will,',
    ]);
    expect(a.quotes.every((q) => a.entities.find((e) => e.id === q.speaker)?.name === 'Jane Holt')).toBe(
      true,
    );
  });

  it('does not take a quoted name for a quote', () => {
    const a = annotate('The channel “Pravda Today” reported it, Jane Holt said.');
    expect(a.quotes).toEqual([]);
  });
});
