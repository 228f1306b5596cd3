// Annotation quality against hand-checked gold: the real five-outlet story, and an invented story in a
// different style (US wire, straight quotes, other names) that nobody tuned the rules on.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotateAll, EXAMPLE_STORY, hasCorpus, MINSK } from './support/corpus.js';
import { loadGold, scoreArticles } from './support/gold.js';
import { spanErrors } from './support/schema.js';

const GOLD = resolve(import.meta.dirname, 'fixtures/gold');

const sets = [
  { name: 'minsk-talks (real, five outlets)', inputs: MINSK, gold: 'minsk.json', skip: !hasCorpus },
  { name: 'harbor-bridge (invented, untuned)', inputs: EXAMPLE_STORY, gold: 'invented.json', skip: false },
];

for (const set of sets) {
  describe.skipIf(set.skip)(`gold annotation: ${set.name}`, () => {
    it('meets the quality thresholds', async () => {
      const articles = await annotateAll([set.inputs]);
      const score = scoreArticles(loadGold(resolve(GOLD, set.gold)), articles);
      const report = `${JSON.stringify({ mentions: score.mentions, quotes: score.quotes, dates: score.dates })}\n${score.errors.join('\n')}`;
      expect(score.mentions.recall, report).toBeGreaterThanOrEqual(0.95);
      expect(score.mentions.precision, report).toBeGreaterThanOrEqual(0.95);
      expect(score.quotes.accuracy, report).toBeGreaterThanOrEqual(0.9);
      expect(score.dates.accuracy, report).toBeGreaterThanOrEqual(0.9);
      for (const a of articles.values()) expect(spanErrors(a), a.id).toEqual([]);
    });
  });
}

describe.skipIf(!hasCorpus)('minsk-talks acceptance', () => {
  it('finds a different descriptor for Lukashenko in each outlet', async () => {
    const articles = await annotateAll([MINSK]);
    const labelsPerArticle = [...articles.values()].map((a) => {
      const person = a.entities.find((e) => e.kind === 'person' && /lukashenk/i.test(e.name));
      return new Set(person?.descriptors.map((d) => d.text.toLowerCase()) ?? []);
    });
    const all = new Set(labelsPerArticle.flatMap((s) => [...s]));
    for (const label of [
      'belarusian leader',
      'self-proclaimed president of belarus',
      'belarusian president',
      'belarusian dictator',
      'prime minister',
    ]) {
      expect(
        [...all].some((l) => l.includes(label)),
        `${label} in ${[...all].join(' | ')}`,
      ).toBe(true);
    }
    // Each outlet contributes its own title: no two articles have the same set.
    const titles = labelsPerArticle.map((s) => [...s].sort().join('|'));
    expect(new Set(titles).size).toBe(5);
  });

  it('removes every piece of boilerplate and says why', async () => {
    const articles = await annotateAll([MINSK]);
    const texts = [...articles.values()].map((a) => a.text).join('\n');
    for (const leftover of [
      /JOIN US/i,
      /Follow our coverage/i,
      /Ctrl \+ Enter/,
      /Read also/,
      /Related article/,
      /Original url/i,
      /https?:\/\//,
      /Photo:/,
      /ILNITSKY/,
      /^-$/m,
      /Lukashenko extends 30-year rule/,
    ]) {
      expect(texts).not.toMatch(leftover);
    }
    const reasons = [...articles.values()].flatMap((a) => a.removed.map((r) => r.reason));
    for (const reason of [
      'call to action',
      'related-article list',
      'related link',
      'photo caption and credit',
      'source footer',
      'bare URL',
    ]) {
      expect(reasons).toContain(reason);
    }
  });

  it('rejoins the hard-wrapped report into paragraphs', async () => {
    const articles = await annotateAll([MINSK]);
    const wrapped = articles.get('002_4637f2f5e29cd478.txt');
    expect(wrapped?.text).toContain(
      'Lukashenko has offered to host peace talks between Russia and Ukraine that could involve U.S. officials.',
    );
    expect(wrapped?.text).toContain('Ukrainian President Volodymyr Zelensky “since');
    expect(wrapped?.text.split('\n\n').every((p) => !p.includes('\n'))).toBe(true);
    expect(wrapped?.paragraphs.length).toBe(12);
  });

  it('takes the Moscow Times outlet, URL and date from its footer', async () => {
    const articles = await annotateAll([MINSK]);
    const mt = articles.get('002_4637f2f5e29cd478.txt');
    expect(mt?.url).toBe(
      'https://www.themoscowtimes.com/2025/03/05/lukashenko-offers-to-host-russia-ukraine-peace-talks-a88252',
    );
    expect(mt?.outlet).toBe('themoscowtimes.com');
    expect(mt?.published).toBe('2025-03-05');
    // The others state no date: relative dates stay unresolved, with a message.
    const kyiv = articles.get('000_effc371045562ef3.txt');
    expect(kyiv?.published).toBeNull();
    expect(kyiv?.messages.map((m) => m.code)).toContain('date-unresolved');
  });

  it('keeps headings as headings', async () => {
    const articles = await annotateAll([MINSK]);
    const a = articles.get('000_effc371045562ef3.txt');
    const headings = a?.paragraphs
      .filter((p) => p.kind === 'heading')
      .map((p) => a.text.slice(p.start, p.end));
    expect(headings).toEqual(['"We’ll Sit Down and Come to an Agreement"', 'Belarus’ Role in the War']);
    // A heading is one sentence of its own, not glued to the next paragraph's first sentence.
    const sentences = a?.sentences.map((s) => a.text.slice(s.start, s.end)) ?? [];
    expect(sentences).toContain('Belarus’ Role in the War');
  });
});
