// The comparison acceptance: the real five-outlet story, and the same behaviour on the invented story
// nobody tuned on. Each check reads the finding and the evidence behind it.
import { beforeAll, describe, expect, it } from 'vitest';
import { compareStory } from '../src/compare/index.js';
import type { AnnotatedArticle } from '../src/model/article.js';
import type { Story } from '../src/model/report.js';
import { buildReport } from '../src/report/index.js';
import { annotateAll, EXAMPLE_STORY, hasCorpus, MINSK } from './support/corpus.js';
import { reportSchemaErrors } from './support/report-schema.js';

async function storyOf(dir: string): Promise<{ story: Story; articles: AnnotatedArticle[] }> {
  const articles = [...(await annotateAll([dir])).values()];
  return { story: compareStory(articles), articles };
}

const actorNamed = (story: Story, pattern: RegExp) => story.actors.find((a) => pattern.test(a.name));

/** Every evidence span of the story points at its own text. */
function expectEvidenceInPlace(story: Story): void {
  const text = new Map(story.articles.map((a) => [a.id, a.text]));
  const spans = [
    ...story.actors.flatMap((a) => [...a.mentions, ...a.labels.flatMap((l) => l.evidence ?? [])]),
    ...story.quotes.flatMap((q) => q.variants),
    ...story.facts.flatMap((f) => f.evidence),
    ...story.timeline.flatMap((t) => t.evidence ?? []),
    ...story.digest.flatMap((d) => d.evidence ?? []),
  ];
  for (const s of spans) expect(text.get(s.article)?.slice(s.start, s.end)).toBe(s.text);
}

/** The digest rules: citations, the first well corroborated, no sentence with a negative label. */
function expectNeutralCitedDigest(story: Story, minFirst: number): void {
  expect(story.digest.length).toBeGreaterThanOrEqual(5);
  expect(story.digest.length).toBeLessThanOrEqual(8);
  for (const d of story.digest) expect(d.articles.length).toBeGreaterThanOrEqual(1);
  expect(story.digest[0]?.articles.length).toBeGreaterThanOrEqual(minFirst);
  const negative = story.actors.flatMap((a) =>
    a.labels.filter((l) => l.tone === 'negative').flatMap((l) => l.evidence ?? []),
  );
  for (const d of story.digest) {
    for (const e of d.evidence ?? []) {
      const overlaps = negative.some((n) => n.article === e.article && n.start < e.end && n.end > e.start);
      expect(overlaps, d.text).toBe(false);
    }
  }
}

describe.skipIf(!hasCorpus)('minsk-talks: one story, five outlets', () => {
  let story: Story;
  beforeAll(async () => {
    ({ story } = await storyOf(MINSK));
  });

  it('is a valid report with evidence in place', () => {
    expect(reportSchemaErrors(buildReport([story]))).toEqual([]);
    expect(story.articles).toHaveLength(5);
    expectEvidenceInPlace(story);
  });

  it('lists each outlet’s label for Lukashenko with its tone, and the conflict', () => {
    const lukashenko = actorNamed(story, /Lukashenko/);
    const labels = new Map(lukashenko?.labels.map((l) => [l.text.toLowerCase(), l]) ?? []);
    for (const label of [
      'belarusian leader',
      'self-proclaimed president of belarus',
      'belarusian president',
      'belarusian dictator',
      'prime minister',
    ]) {
      expect(labels.has(label), label).toBe(true);
    }
    expect(labels.get('belarusian dictator')?.tone).toBe('negative');
    expect(labels.get('self-proclaimed president of belarus')?.tone).toBe('negative');
    expect(labels.get('belarusian president')?.tone).toBe('neutral');
    expect(story.discrepancies.some((d) => d.kind === 'title' && d.subject === lukashenko?.id)).toBe(true);
  });

  it('merges Naufal with Nawfal and Zelenskyy with Zelensky', () => {
    const nawfal = actorNamed(story, /Nawfal|Naufal/);
    expect(nawfal?.aliases.join(' ')).toMatch(/Naufal|Nawfal/);
    expect(story.discrepancies.some((d) => d.kind === 'spelling' && d.subject === nawfal?.id)).toBe(true);
    expect(story.actors.filter((a) => /Zelensk/.test(a.name))).toHaveLength(1);
  });

  it('groups the “sit down … agreement” quote across four outlets, spoken by Lukashenko', () => {
    const lukashenko = actorNamed(story, /Lukashenko/);
    const group = story.quotes.find(
      (q) => q.variants.some((v) => /sit down/.test(v.text)) && q.variants.length >= 4,
    );
    expect(group?.speaker).toBe(lukashenko?.id);
    expect(new Set(group?.variants.map((v) => v.article)).size).toBe(4);
  });

  it('groups Peskov’s “best place for negotiations” across three outlets and shows the ally wording', () => {
    const peskov = actorNamed(story, /Peskov/);
    const group = story.quotes.find(
      (q) => q.speaker === peskov?.id && q.variants.some((v) => /best place/.test(v.text)),
    );
    expect(new Set(group?.variants.map((v) => v.article)).size).toBe(3);
    const wording = story.discrepancies.find((d) => d.kind === 'wording' && d.subject === group?.id);
    const values = wording?.values.map((v) => v.value).join(' | ') ?? '';
    for (const ally of ['our ally', 'main ally', 'key ally']) expect(values).toContain(ally);
  });

  it('finds the invitation reported by all five and exclusives in each', () => {
    const invitation = story.facts.find((f) => f.articles.length === 5);
    expect(invitation?.evidence.every((e) => /Minsk|host|invit/i.test(e.text))).toBe(true);
    // A five-outlet fact of a small story is not marked uncertain: its bins come from stories of its size.
    expect(invitation?.confidence?.level).not.toBe('low');
    for (const a of story.articles) {
      expect(
        story.facts.some((f) => f.exclusive && f.articles[0] === a.id),
        a.id,
      ).toBe(true);
    }
    const agreements = story.facts.filter((f) => f.evidence.some((e) => /2014/.test(e.text)));
    expect(agreements.some((f) => f.exclusive)).toBe(true);
  });

  it('puts the Oval Office meeting and the days after it on the timeline', () => {
    const dates = story.timeline.map((t) => t.date);
    for (const day of ['2025-02-28', '2025-03-04', '2025-03-05']) expect(dates).toContain(day);
    // The four undated outlets are read against the one dated article, so the meeting is corroborated.
    expect(story.articles.filter((a) => a.publishedInferred)).toHaveLength(4);
    const meeting = story.timeline.filter((t) => t.date === '2025-02-28');
    expect(Math.max(...meeting.map((t) => t.articles.length))).toBeGreaterThanOrEqual(2);
  });

  it('writes a neutral digest that cites its sources', () => {
    expectNeutralCitedDigest(story, 3);
  });
});

describe('harbor-bridge: the invented story passes the same checks', () => {
  let story: Story;
  beforeAll(async () => {
    ({ story } = await storyOf(EXAMPLE_STORY));
  });

  it('is a valid report with evidence in place', () => {
    expect(reportSchemaErrors(buildReport([story]))).toEqual([]);
    expectEvidenceInPlace(story);
  });

  it('shows the loaded label for the mayor and the misspelt engineer', () => {
    const reyes = actorNamed(story, /Reyes/);
    expect(reyes?.labels.some((l) => l.tone === 'negative')).toBe(true);
    expect(reyes?.labels.some((l) => l.tone === 'neutral')).toBe(true);
    const nowak = actorNamed(story, /Nowak|Novak/);
    expect(story.discrepancies.some((d) => d.kind === 'spelling' && d.subject === nowak?.id)).toBe(true);
  });

  it('finds a fact all three report, exclusives, and the conflicting injury count', () => {
    expect(story.facts.some((f) => f.articles.length === 3)).toBe(true);
    for (const a of story.articles)
      expect(
        story.facts.some((f) => f.exclusive && f.articles[0] === a.id),
        a.id,
      ).toBe(true);
    const numbers = story.discrepancies
      .filter((d) => d.kind === 'number')
      .flatMap((d) => d.values.map((v) => v.value));
    expect(numbers.join(' ')).toMatch(/12/);
    expect(numbers.join(' ')).toMatch(/14/);
  });

  it('groups a quote printed by more than one outlet', () => {
    expect(story.quotes.some((q) => new Set(q.variants.map((v) => v.article)).size >= 2)).toBe(true);
  });

  it('dates the collapse on the timeline', () => {
    expect(story.timeline.map((t) => t.date)).toContain('2024-10-21');
  });

  it('writes a neutral digest that cites its sources', () => {
    expectNeutralCitedDigest(story, 2);
  });
});
