// Pronoun links beyond the nearest sentences, on invented sentences of the shapes the ECB+ train misses
// showed: a given name only the larger list sexes ("Jack", "Wladimir"), a pronoun nobody nearby can take
// (the one person of its gender named earlier), and a name that only modifies a noun ("a Novak campaign
// aide … his").
import { describe, expect, it } from 'vitest';
import { usualGender } from '../src/annotate/entities/given-name-gender.js';
import type { AnnotatedArticle } from '../src/model/article.js';
import { annotateText as annotate } from './support/articles.js';

const references = (a: AnnotatedArticle) =>
  Object.fromEntries(
    a.entities
      .filter((e) => e.kind === 'person' && e.references?.length)
      .map((e) => [e.name, e.references?.map((r) => r.text)]),
  );

describe('the usual gender of a given name', () => {
  it('fills in names compromise leaves untagged or does not know', () => {
    expect(usualGender('jack')).toBe('male');
    expect(usualGender('deshawn')).toBe('male');
    expect(usualGender('imani')).toBe('female');
    expect(usualGender('maria')).toBe('female');
    expect(usualGender('kowalski')).toBeNull();
  });
});

describe('pronouns a name usually sexes', () => {
  it('a man named only by a given name the lexicon leaves open takes "he"', () => {
    const a = annotate('Jack Ostrowski said on Friday that the clinic had room. He did not say more.');
    expect(references(a)['Jack Ostrowski']).toEqual(['He']);
  });

  it('the guess never rules a person out: with the list saying girl, "he" stays unlinked', () => {
    // "Imani" is a woman's name by the list; a "him" beside her alone is not given to a man named earlier.
    const a = annotate(
      'Councilman Tomas Brandt spoke at the vigil. Reporters left early. Later that night police ' +
        'stopped Imani Okafor, 16, and officers searched him.',
    );
    const r = references(a);
    expect(r['Tomas Brandt'] ?? []).not.toContain('him');
  });
});

describe('a pronoun nobody nearby can take', () => {
  it('goes to the one person of its gender the article named before', () => {
    const a = annotate(
      'A publicist says Maria Kowalski has entered a clinic. Jack Ostrowski said on Friday that it was ' +
        'true. He did not say what she was treated for or when she arrived.',
    );
    const r = references(a);
    expect(r['Maria Kowalski']).toEqual(['she', 'she']);
    expect(r['Jack Ostrowski']).toEqual(['He']);
  });

  it('stays unlinked when two people of its gender were named before', () => {
    const a = annotate(
      'Maria Kowalski and Anna Brandt opened the shop. Jack Ostrowski said on Friday that it was ' +
        'busy. He did not say when she arrived.',
    );
    const r = references(a);
    expect(r['Maria Kowalski'] ?? []).not.toContain('she');
    expect(r['Anna Brandt'] ?? []).not.toContain('she');
  });

  it('stays unlinked when a person of unknown gender was named in the sentences just before', () => {
    const a = annotate(
      'Maria Kowalski has entered a clinic. Okonkwo said on Friday that it was true. He said she was well.',
    );
    expect(references(a)['Maria Kowalski'] ?? []).not.toContain('she');
  });
});

describe('a name that modifies a noun', () => {
  it('is no antecedent: "a Novak administration official … his" is the official', () => {
    const a = annotate(
      'Fred Halvorsen, a senior Novak administration official who served a prison term for his role, ' +
        'has died.',
    );
    const r = references(a);
    expect(r['Fred Halvorsen']).toContain('his');
    expect(r.Novak ?? []).not.toContain('his');
  });
});

describe('the body of a person who died', () => {
  it('"his body" is one reference to him, the possessive with the noun', () => {
    const a = annotate('Fred Halvorsen, a former aide, has died. He was 75. His body was found by a maid.');
    expect(references(a)['Fred Halvorsen']).toEqual(['He', 'His body']);
  });
  it('"his car" stays the possessive alone', () => {
    const a = annotate('Fred Halvorsen, a former aide, has died. He was 75. His car was found by a maid.');
    expect(references(a)['Fred Halvorsen']).toEqual(['He', 'His']);
  });
});
