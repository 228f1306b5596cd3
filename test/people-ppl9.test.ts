// People on invented sentences of the shapes the ECB+ train misses showed (helper ppl9): a person whose
// gender no name gives takes the pronouns of the gender a reflexive gave them; headline nouns before a
// verb; bare casualty counts; plural nouns next to a name.
import { describe, expect, it } from 'vitest';
import type { AnnotatedArticle } from '../src/model/article.js';
import { annotateText as annotate } from './support/articles.js';

const references = (a: AnnotatedArticle) =>
  Object.fromEntries(
    a.entities
      .filter((e) => e.kind === 'person' && e.references?.length)
      .map((e) => [e.name, e.references?.map((r) => r.text)]),
  );

describe('a person whose gender no name gives', () => {
  it('takes a later pronoun of the gender a reflexive already gave them', () => {
    const a = annotate(
      'The prison service said on Monday that an inquiry had begun. Kowalczyk blamed himself for the ' +
        'escape. He told the inquiry that the van had been left open.',
    );
    expect(references(a).Kowalczyk).toEqual(expect.arrayContaining(['himself', 'He']));
  });

  it('takes no pronoun of the other gender, nor one with nothing to go on', () => {
    const a = annotate(
      'The prison service said on Monday that an inquiry had begun. Kowalczyk blamed himself for the ' +
        'escape. She told the inquiry that the van had been left open.',
    );
    expect(references(a).Kowalczyk ?? []).not.toContain('She');
    const b = annotate(
      'The prison service said on Monday that an inquiry had begun. Kowalczyk, 41, fled a transport van ' +
        'after he pulled a knife on the guards.',
    );
    expect(references(b).Kowalczyk ?? []).not.toContain('he');
  });
});

describe('a person noun in a headline', () => {
  const unnamed = (a: AnnotatedArticle) =>
    Object.fromEntries((a.unnamedPeople ?? []).map((e) => [e.name, e.mentions.map((m) => m.text)]));

  it('heads its phrase when a word shaped like a verb follows ("Inmate Escapes …", "Judge fines …")', () => {
    const a = annotate(
      'Inmate Escapes Court Bus Outside Dunmore\nAn inmate slipped away from a court bus outside Dunmore on Monday, officials said.',
    );
    expect(unnamed(a).inmate).toEqual(['Inmate', 'inmate']);
    const b = annotate(
      'Judge fines builder over collapsed wall\nA judge in Dunmore fined a builder on Monday.',
    );
    expect(unnamed(b).judge).toEqual(['Judge', 'judge']);
  });

  it('stays a modifier before a noun ("Killer Storm Hits Coast")', () => {
    const a = annotate(
      'Killer Storm Hits Coast\nA storm hit the coast near Dunmore on Monday, officials said.',
    );
    expect(unnamed(a).killer).toBeUndefined();
  });
});

describe('a bare count of casualties', () => {
  const groups = (a: AnnotatedArticle) =>
    (a.unnamedPeople ?? []).map((e) => e.mentions.map((m) => m.text).join('|'));

  it('is a group of people, one with the counted plural of the same number', () => {
    const a = annotate(
      'Four dead as fire sweeps through ferry\nFour people died and 30 were hurt when fire swept through a ' +
        'ferry near Dunmore on Monday, killing four and injuring at least 30, the coastguard said.',
    );
    expect(groups(a)).toContain('Four|people|four');
    expect(groups(a).some((g) => g.split('|').includes('30'))).toBe(true);
  });

  it('is no group when a noun follows it or no casualty word is next to it', () => {
    const a = annotate('The fire killed four horses on a farm near Dunmore. Crews worked for 12 hours.');
    expect(groups(a).some((g) => /four|12/.test(g))).toBe(false);
  });
});

describe('a plural noun next to a name', () => {
  it('is no title of one person ("reporters Ana Ruiz and Tom Lee")', () => {
    const a = annotate(
      'The tip helped harbour reporters Ana Ruiz and Tomas Brand break the story of the missing funds.',
    );
    expect(references(a)['Ana Ruiz'] ?? []).not.toContain('reporters');
  });

  it('is no apposition of one person ("the agency\'s sources, Ruiz …")', () => {
    const a = annotate(
      "Tomas Brand met the board. According to the agency's sources, Ruiz was in talks to lead the project.",
    );
    expect(references(a).Ruiz ?? []).not.toContain('sources');
  });
});

describe('an abbreviated title in capitals inside a name run', () => {
  it('ends the title: "Dunmore Rovers GM Tony Reyes" is Tony Reyes', () => {
    const a = annotate(
      'The offer came from Dunmore Rovers GM Tony Reyes on Monday. Reyes said the club would wait for an answer.',
    );
    const people = a.entities.filter((e) => e.kind === 'person').map((e) => e.name);
    expect(people).toContain('Tony Reyes');
    expect(people.some((n) => n.includes('GM'))).toBe(false);
  });
});
