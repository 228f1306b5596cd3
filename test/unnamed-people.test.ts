// Unnamed people and groups (issue 12, people): "the gunman", "a woman", "police" become entities of their
// own, chained within an article by head noun and determiner, merged across articles only when the
// articles share a named actor, and never joined to a named person without evidence. Invented sentences.
import { describe, expect, it } from 'vitest';
import { compareStory } from '../src/compare/index.js';
import type { AnnotatedArticle } from '../src/model/article.js';
import { annotateText as annotate } from './support/articles.js';

/** Unnamed entities as [name, kind, mention count]. */
const unnamed = (a: AnnotatedArticle) =>
  (a.unnamedPeople ?? []).map((e) => [e.name, e.kind, e.mentions.length] as const);

describe('unnamed people in one article', () => {
  it('"the gunman" refers back; police is a group', () => {
    const a = annotate(
      'A masked gunman robbed a jewellery shop in Oldbridge on Monday. Police said the gunman fled on foot. ' +
        'The gunman took rings worth thousands, police said.',
    );
    const rows = unnamed(a);
    expect(rows).toContainEqual(['gunman', 'person', 3]);
    expect(rows).toContainEqual(['police', 'group', 2]);
    const gunman = a.unnamedPeople?.find((e) => e.name === 'gunman');
    expect(gunman?.descriptors.map((d) => d.text)).toContain('masked gunman');
  });

  it('two indefinite "a man" are two people; "the man" goes to the latest', () => {
    const a = annotate(
      'A man was arrested near the harbour in Oldbridge on Friday. Later a man walked into the station. ' +
        'The man said he had seen the arrest.',
    );
    const men = (a.unnamedPeople ?? []).filter((e) => e.name === 'man');
    expect(men.map((e) => e.mentions.length)).toEqual([1, 2]);
  });

  it("a headline noun and the lead's indefinite are one referent", () => {
    const a = annotate(
      'Woman rescued from flooded car\n\nA woman was pulled from her car by firefighters on Sunday.',
    );
    const women = (a.unnamedPeople ?? []).filter((e) => e.name.toLowerCase() === 'woman');
    expect(women).toHaveLength(1);
    expect(women[0]?.mentions).toHaveLength(2);
  });

  it('an apposition ties a description to the name: no unnamed gunman', () => {
    const a = annotate('The gunman, Tomas Verhoeven, was arrested on Tuesday. Verhoeven, 41, said nothing.');
    expect(unnamed(a).filter(([name]) => name === 'gunman')).toEqual([]);
  });

  it('a possessive relation ("her lawyer") is someone else\'s tie, left out', () => {
    const a = annotate('Ana Ruiz appeared in court on Monday. Her lawyer said she would appeal.');
    expect(unnamed(a).filter(([name]) => name === 'lawyer')).toEqual([]);
  });

  it('"who" after an unnamed person is a reference to them', () => {
    const a = annotate('A witness who saw the crash called the police on Monday in Oldbridge.');
    const witness = a.unnamedPeople?.find((e) => e.name === 'witness');
    expect(witness?.references?.map((r) => r.text)).toEqual(['who']);
  });
});

describe('unnamed actors across articles', () => {
  const one = annotate(
    'A gunman shot a guard at the Oldbridge branch of Harlow Bank on Monday, police said. The gunman fled.',
    'one',
  );
  const two = annotate(
    'Police are searching for the gunman who wounded a guard at Harlow Bank in Oldbridge on Monday.',
    'two',
  );
  const other = annotate(
    'A gunman held up a petrol station in Kestrel Falls on Sunday. The gunman escaped with cash.',
    'other',
  );

  it('merge by head noun when the articles share a named actor', () => {
    const story = compareStory([one, two]);
    const gunmen = (story.unnamedActors ?? []).filter((a) => a.name === 'gunman');
    expect(gunmen).toHaveLength(1);
    expect(new Set(gunmen[0]?.mentions.map((m) => m.article))).toEqual(new Set(['one', 'two']));
    expect(gunmen[0]?.unnamed).toBe(true);
    expect(gunmen[0]?.id).toMatch(/^u\d+$/);
  });

  it('stay apart when the articles share no named actor', () => {
    const story = compareStory([one, other]);
    expect((story.unnamedActors ?? []).filter((a) => a.name === 'gunman')).toHaveLength(2);
  });

  it('are never part of the named cast', () => {
    const story = compareStory([one, two]);
    expect(story.actors.some((a) => a.name.toLowerCase() === 'gunman')).toBe(false);
  });
});
