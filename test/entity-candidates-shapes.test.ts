// Plural titles before a list of names and the parties of court cases (src/annotate/entities/candidates.ts),
// on invented sentences.
import { describe, expect, it } from 'vitest';
import { annotateText } from './support/articles.js';

const personNames = (body: string) =>
  annotateText(body)
    .entities.filter((e) => e.kind === 'person')
    .map((e) => e.name)
    .sort();

describe('plural titles', () => {
  it('are no part of the first name of the list', () => {
    expect(personNames('Liberal Justices Ana Ruiz and Eva Lindqvist wrote that the law is vague.')).toEqual([
      'Ana Ruiz',
      'Eva Lindqvist',
    ]);
    expect(
      personNames('Democratic Sens. Tom Hale and Maria Olsen voted against the bill on Friday.'),
    ).toEqual(['Maria Olsen', 'Tom Hale']);
  });

  it('leave a one-word name that looks like a plural title alone', () => {
    const names = annotateText('The Senators beat the Kings 3-2 on Saturday.').entities.map((e) => e.name);
    expect(names).toContain('Senators');
  });
});

describe('court cases', () => {
  it('the parties of a case name are no people', () => {
    expect(personNames('Critics fear the court will overturn Ruiz v. Lindqvist within a year.')).toEqual([]);
    expect(personNames('Tom Hale cited Ruiz v Harbour Board in his brief.')).toEqual(['Tom Hale']);
  });

  it('a match between teams keeps its names', () => {
    const names = annotateText('Hale scored twice in Rovers vs. United on Sunday.').entities.map(
      (e) => e.name,
    );
    expect(names).toContain('Rovers');
  });
});

describe('party-state tags and number signs', () => {
  const allNames = (body: string) =>
    annotateText(body)
      .entities.map((e) => e.name)
      .sort();

  it('a lawmaker’s party and state are no actors', () => {
    expect(
      allNames('The chair, Ann Lee, D-N.Y., invited the director. Sen. Bo Hale (R-S.C.) objected.'),
    ).toEqual(['Ann Lee', 'Bo Hale']);
    expect(allNames('Rep. Cy Dunn, D-Calif., said the vote would wait.')).toEqual(['Cy Dunn']);
  });

  it('a hyphenated word in running text stays a name', () => {
    expect(allNames('Veterans gathered on the beach to mark D-Day with Ann Lee.')).toContain('D-Day');
  });

  it('"No." before a number is no name', () => {
    expect(allNames('The agency’s No. 2 official, Bo Hale, resigned on Monday.')).toEqual(['Bo Hale']);
  });
});

describe('"and" inside an organisation’s name', () => {
  const names = (body: string) => annotateText(body).entities.map((e) => `${e.name} (${e.kind})`);

  it('joins the words before and after it when an organisation head follows', () => {
    const found = names('The Harbor Oversight and Reform Committee issued a subpoena on Monday.');
    expect(found).toContain('Harbor Oversight and Reform Committee (organization)');
    expect(found.some((n) => n.startsWith('Reform Committee'))).toBe(false);
  });

  it('leaves two bodies and a person beside a committee apart', () => {
    const found = names('On Monday, Ann Lee and Finance Committee members met the mayor.');
    expect(found).toContain('Ann Lee (person)');
    expect(found).toContain('Finance Committee (organization)');
  });
});

describe('places and events that looked like people', () => {
  const kinds = (body: string) =>
    Object.fromEntries(annotateText(body).entities.map((e) => [e.name, e.kind]));

  it('the place a person is "of" stays a place when an appositive follows', () => {
    const found = kinds(
      'Senator Dana Whitcombe of Riverton, a senior lawmaker, said the review should go on.',
    );
    expect(found.Riverton).not.toBe('person');
    expect(found['Dana Whitcombe']).toBe('person');
  });

  it('a state that is also a given name is a place', () => {
    expect(kinds('Senator Ann Lee of Virginia, the senior Democrat on the panel, objected.').Virginia).toBe(
      'place',
    );
  });

  it('a convention is no person', () => {
    const found = kinds('The emails came out just before the Democratic National Convention opened.');
    expect(Object.values(found)).not.toContain('person');
  });
});

describe('an organisation named with "to" and a verb', () => {
  const kinds = (body: string) =>
    Object.fromEntries(annotateText(body).entities.map((e) => [e.name, e.kind]));

  it('is one organisation, not a person who said something', () => {
    const found = kinds('The Committee to Protect Reporters said the charges set a dangerous precedent.');
    expect(found['Committee to Protect Reporters']).toBe('organization');
    expect(Object.values(found)).not.toContain('person');
  });

  it('does not swallow a name after a preposition "to"', () => {
    const found = kinds('She spoke to the Senate Finance Committee to Congress members’ surprise.');
    expect(found['Senate Finance Committee']).toBe('organization');
  });
});
