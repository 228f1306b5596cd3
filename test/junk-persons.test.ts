// Junk person entities (issue 12, people and speakers): words typed as a person that name nobody then take
// the next "he"/"she" and the quotes after it. A capitalised plural common noun, a pronoun, a place named
// by the event it saw, all-caps text, a camp after a title, a firm that calls itself "it" and a base or fort
// named after someone are no persons. Invented sentences of the
// same shapes as the real failures.
import { describe, expect, it } from 'vitest';
import type { AnnotatedArticle } from '../src/model/article.js';
import { annotateText as annotate } from './support/articles.js';

const persons = (a: AnnotatedArticle) => a.entities.filter((e) => e.kind === 'person').map((e) => e.name);
const kindOf = (a: AnnotatedArticle, name: string) => a.entities.find((e) => e.name === name)?.kind;
const speakerOf = (a: AnnotatedArticle, words: string) => {
  const q = a.quotes.find((x) => x.text.includes(words));
  return q ? (a.entities.find((e) => e.id === q.speaker)?.name ?? null) : 'no such quote';
};

describe('junk persons', () => {
  it('a plural common noun opening a sentence names nobody and takes no "she"', () => {
    const a = annotate(
      'Senator Ana Ruiz of Oregon chairs the panel on water rights. Sources told the paper that she had ' +
        'read the memo twice. “I have never seen that memo before today,” she said.',
    );
    expect(persons(a)).not.toContain('Sources');
    expect(speakerOf(a, 'never seen that memo')).toBe('Ana Ruiz');
  });

  it('a capitalised plural of people is a group, not a person, wherever it stands', () => {
    const a = annotate(
      'The actor Tom Ford spoke at length about history lessons. Many Catalans said that schools leave ' +
        'them out of the story. “Nobody told me anything about my own grandparents,” he said.',
    );
    expect(persons(a)).not.toContain('Catalans');
    expect(speakerOf(a, 'Nobody told me')).toBe('Tom Ford');
  });

  it('a title before a plural names a camp: "Republican Jews" is a group', () => {
    const a = annotate(
      'These are hard days for Republican Jews like him, said Tom Ford. Jews in the city have met twice. ' +
        'Many Jews said the speech worried them.',
    );
    expect(persons(a)).not.toContain('Jews');
  });

  it('a pronoun is never a name, even where the sentence splitter left it mid-sentence', () => {
    const a = annotate(
      'Tom Ford left the race this month … He returned to the capital on Monday. ' +
        'Ana Ruiz hosted the dinner. “He had a lot of friends here,” she said.',
    );
    expect(a.entities.map((e) => e.name)).not.toContain('He');
  });

  it('a place named by the event it saw is no person and takes no "he"', () => {
    const a = annotate(
      'Mayor Tom Ford never cared about flood walls until Lily Brook. For the mayor, Lily Brook was a ' +
        'tragedy that changed his work. “I walked out of that room a different man,” he said.',
    );
    expect(persons(a)).not.toContain('Lily Brook');
    expect(speakerOf(a, 'walked out of that room')).toBe('Tom Ford');
  });

  it('a name before an event noun names a place', () => {
    const a = annotate('After the Lily Brook shooting, the town held a vigil. Lily Brook grieved.');
    expect(kindOf(a, 'Lily Brook')).not.toBe('person');
  });

  it('a noun after "and" past a comma is no apposition to the name before it', () => {
    const a = annotate(
      'The van swerved near to Assembly, and one man ran towards the gates. Assembly met again on Friday.',
    );
    expect(kindOf(a, 'Assembly')).toBe('organization');
  });

  it('a body that speaks often stays a body: a speech verb counts once per name', () => {
    const a = annotate(
      'The Assembly said the pier was safe. Later the Assembly said repairs would start in spring. ' +
        'On Friday the Assembly said the pier would reopen.',
    );
    expect(kindOf(a, 'Assembly')).toBe('organization');
  });

  it('an organisation head before "of" makes an organisation, whatever the name after it', () => {
    const a = annotate(
      'Tom Ford is a pastor at the Harbour Church of Elizabeth, Ohio. He preaches every Sunday.',
    );
    expect(kindOf(a, 'Harbour Church of Elizabeth')).toBe('organization');
  });

  it('all-caps text reads as lower case: "A MAN" is an unnamed man, not an organisation', () => {
    const a = annotate(
      'A MAN was arrested after a barn burned down near Oldbridge. The man, 40, lives on the next farm, ' +
        'police said.',
    );
    expect(a.entities.map((e) => e.name)).not.toContain('MAN');
    const man = a.unnamedPeople?.find((e) => e.name === 'man');
    expect(man?.mentions.map((m) => m.text)).toEqual(['MAN', 'man']);
  });

  it('a lone acronym that is also a word keeps its name', () => {
    const a = annotate('The WHO said on Monday that the outbreak was over, a spokesman for the agency said.');
    expect(a.entities.map((e) => e.name)).toContain('WHO');
  });
});

describe('a clinic named after a person', () => {
  it('is no person, so it does not compete for "her" ("… the Marta Olsen Clinic …, her agent said")', () => {
    const a = annotate(
      'Ana Ruiz checked into the Marta Olsen Clinic in Oldbridge on Monday for a month-long stay, her agent said.',
    );
    expect(kindOf(a, 'Marta Olsen Clinic')).not.toBe('person');
    const ruiz = a.entities.find((e) => e.name === 'Ana Ruiz');
    expect(ruiz?.references?.map((r) => r.text)).toContain('her');
  });
});

describe('a company called by the first word of its name', () => {
  it('is the company the article named in full, not a person because it "said"', () => {
    const a = annotate(
      'Brantwell Corp. agreed on Monday to buy a rival chip maker for two billion dollars. Brantwell said the ' +
        'deal would close in June. Brantwell said it expected no objection, and Brantwell said prices would hold.',
    );
    expect(persons(a)).not.toContain('Brantwell');
    expect(a.entities.find((e) => e.name === 'Brantwell Corp.')?.mentions).toHaveLength(4);
  });

  it('stays the person when the article names a person with that surname', () => {
    const a = annotate(
      'Ana Brantwell founded Brantwell Corp. in 1990. Brantwell said she would retire in June.',
    );
    expect(a.entities.find((e) => e.name === 'Ana Brantwell')?.mentions.map((m) => m.text)).toEqual([
      'Ana Brantwell',
      'Brantwell',
    ]);
  });
});

describe('an organisation known by one word, which "said in a statement"', () => {
  it('is an organisation when the clause it reports calls it "it"', () => {
    const a = annotate(
      'The grocer dismissed its auditor after two years. Corvane said in a statement on Friday that it had ' +
        'warned the board about the stock figures in 2021.',
    );
    expect(kindOf(a, 'Corvane')).toBe('organization');
  });

  it('past "has" and a negation ("has said it would not comment")', () => {
    const a = annotate(
      'The grocer dismissed its auditor. Corvane has said it would not comment on the audit.',
    );
    expect(kindOf(a, 'Corvane')).toBe('organization');
  });

  it('stays a person when "it" is only the subject of a copula ("said it was a mistake")', () => {
    const a = annotate(
      'Senator Ana Ruiz voted for the cuts in May. Ruiz said in a statement that it was a mistake to wait.',
    );
    expect(persons(a)).toContain('Ana Ruiz');
    expect(a.entities.find((e) => e.name === 'Ana Ruiz')?.mentions).toHaveLength(2);
  });
});

describe('a military base or fort named after someone', () => {
  it('is a place, not the person whose surname it carries', () => {
    for (const base of ['Joint Base Harper', 'Fort Harper', 'Camp Harper', 'Naval Air Station Harper']) {
      const a = annotate(`Two transport planes landed at ${base} on Monday night. The crews rested there.`);
      expect(kindOf(a, base)).toBe('place');
    }
  });

  it('keeps a person whose surname is the word ("Representative Dave Camp")', () => {
    const a = annotate('Representative Dave Camp said on Monday that the bill would pass.');
    expect(kindOf(a, 'Dave Camp')).toBe('person');
  });
});

describe('a town whose name looks like a person’s', () => {
  it('is a place after "the city of" or a bearing "of"', () => {
    const a = annotate(
      'The quake struck the island and the port city of Julian Marek, officials said. Its epicentre was 40 km south-west of Julian Marek. Rescuers searched the rubble of Julian Marek for hours.',
    );
    expect(kindOf(a, 'Julian Marek')).toBe('place');
  });

  it('keeps a person met after "of" without a place noun ("a friend of Julian Marek")', () => {
    const a = annotate('A friend of Julian Marek said on Monday that he would testify.');
    expect(kindOf(a, 'Julian Marek')).toBe('person');
  });
});
