import { describe, expect, it } from 'vitest';
import { compareActors } from '../src/compare/actors/index.js';
import { toneOf } from '../src/text/tone.js';
import { annotateText } from './support/articles.js';
import { annotateAll, EXAMPLE_STORY, hasCorpus, MINSK } from './support/corpus.js';

describe('tone lexicon', () => {
  it.each([
    ['Belarusian dictator', 'negative'],
    ['self-proclaimed president of Belarus', 'negative'],
    ['the regime in Minsk', 'negative'],
    ['strongman', 'negative'],
    ['embattled mayor', 'negative'],
    ['Belarusian President', 'neutral'],
    ['Kremlin spokesperson', 'neutral'],
    ['city bridge engineer', 'neutral'],
    ['close ally of the mayor', 'neutral'],
    ['respected reformer', 'positive'],
    ['good guy', 'positive'],
    ['self-proclaimed hero', 'negative'],
  ])('%s is %s', (label, tone) => {
    expect(toneOf(label).tone).toBe(tone);
  });
});

describe.skipIf(!hasCorpus)('actors of minsk-talks', () => {
  it('merges names across outlets and reports titles and spellings', async () => {
    const articles = [...(await annotateAll([MINSK])).values()];
    const { actors, discrepancies, actorOf } = compareActors(articles);
    const byName = (name: string) => actors.find((a) => a.name === name);
    const lukashenko = byName('Alexander Lukashenko');
    const labels = lukashenko?.labels.map((l) => l.text.toLowerCase()) ?? [];
    for (const wanted of [
      'belarusian leader',
      'self-proclaimed president of belarus',
      'belarusian president',
      'belarusian dictator',
      'prime minister',
    ]) {
      expect(labels).toContain(wanted);
    }
    expect(lukashenko?.labels.find((l) => /dictator/i.test(l.text))?.tone).toBe('negative');
    expect(lukashenko?.labels.find((l) => /self-proclaimed/i.test(l.text))?.tone).toBe('negative');
    expect(lukashenko?.labels.find((l) => l.text === 'Belarusian President')?.tone).toBe('neutral');
    expect(discrepancies.some((d) => d.kind === 'title' && d.subject === lukashenko?.id)).toBe(true);

    const nawfal = byName('Mario Nawfal');
    expect(nawfal?.aliases).toContain('Mario Naufal');
    const spelling = discrepancies.find((d) => d.kind === 'spelling' && d.subject === nawfal?.id);
    expect(spelling?.values.map((v) => v.value).sort()).toEqual(['Mario Naufal', 'Mario Nawfal']);

    const zelensky = actors.find((a) => /Zelensky/.test(a.name));
    expect(zelensky?.aliases.some((x) => /Zelenskyy/.test(x))).toBe(true);
    expect(new Set(zelensky?.mentions.map((m) => m.article)).size).toBe(5);
    // "Trump" alone in one article joins "Donald Trump" from the others.
    expect(actors.filter((a) => /Trump/.test(a.name))).toHaveLength(1);
    // Every entity of every article maps to an actor.
    for (const a of articles) for (const e of a.entities) expect(actorOf(a.id, e.id)).not.toBeNull();
  });
});

describe('actors of the invented story', () => {
  it('merges the misspelt engineer and reports the spelling', async () => {
    const articles = [...(await annotateAll([EXAMPLE_STORY])).values()];
    const { actors, discrepancies } = compareActors(articles);
    const nowak = actors.find((a) => /Nowak|Novak/.test(a.name));
    expect(new Set(nowak?.mentions.map((m) => m.article)).size).toBe(3);
    expect(discrepancies.some((d) => d.kind === 'spelling' && d.subject === nowak?.id)).toBe(true);
    // "Walter Pruitt Jr." and "Pruitt" are one person.
    expect(actors.filter((a) => /Pruitt/.test(a.name))).toHaveLength(1);
  });
});

describe('actor names', () => {
  it('an actor is named by the full form most articles use, not by one writer’s longest', () => {
    const one = annotateText(
      'The ruling also secures the legacy of Senate Majority Tom Hale, who held the seat open.',
      'one',
    );
    const two = annotateText('Tom Hale said on Monday that the Senate would vote in the fall.', 'two');
    const three = annotateText('Democrats objected after Tom Hale set the vote for the fall.', 'three');
    const hale = compareActors([one, two, three]).actors.filter((a) => /Hale/.test(a.name));
    expect(hale.map((a) => a.name)).toEqual(['Tom Hale']);
    expect(new Set(hale[0]?.mentions.map((m) => m.article))).toEqual(new Set(['one', 'two', 'three']));
  });
});

describe('short forms of given names', () => {
  it('one person under a formal name and the short form of it merges across outlets', () => {
    const one = annotateText('Senate leader Charles Hale said the vote would wait until the fall.', 'one');
    const two = annotateText('Chuck Hale told reporters on Monday that the vote would wait.', 'two');
    const hale = compareActors([one, two]).actors.filter((a) => /Hale/.test(a.name));
    expect(hale).toHaveLength(1);
  });

  it('two different given names sharing a surname stay two people', () => {
    const one = annotateText('Senate leader Charles Hale said the vote would wait until the fall.', 'one');
    const two = annotateText('Bill Hale, his brother, told reporters on Monday that he disagreed.', 'two');
    expect(compareActors([one, two]).actors.filter((a) => /Hale/.test(a.name))).toHaveLength(2);
  });
});

describe('a name the story types two ways', () => {
  it('a team most outlets type as an organisation stays one when one outlet makes it a person', () => {
    const one = annotateText(
      'Dale Verity joined the Marlow Comets. Marlow Comets said it had signed him for three years.',
      'one',
    );
    const two = annotateText(
      'Dale Verity joined Marlow Comets on loan. The Marlow Comets announced that it had agreed a fee.',
      'two',
    );
    const three = annotateText(
      'Dale Verity, 24, told Marlow Comets he would stay. Marlow Comets thanked him.',
      'three',
    );
    const comets = compareActors([one, two, three]).actors.filter((a) => /Comets/.test(a.name));
    expect(comets.map((a) => a.kind)).toEqual(['organization']);
    expect(new Set(comets[0]?.mentions.map((m) => m.article))).toEqual(new Set(['one', 'two', 'three']));
  });

  it('a person most outlets name stays a person when one outlet types the name as a firm', () => {
    const one = annotateText('Dale Verity said on Monday that he would stay with the club.', 'one');
    const two = annotateText('The striker Dale Verity told reporters he was happy.', 'two');
    const three = annotateText('Dale Verity said it had agreed a fee with the club.', 'three');
    const verity = compareActors([one, two, three]).actors.filter((a) => /Verity/.test(a.name));
    expect(verity.map((a) => a.kind)).toEqual(['person']);
  });
});
