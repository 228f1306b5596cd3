// Confidence on every finding (src/compare/confidence): the route a quote's speaker was found by, and
// how each step's evidence sets the score — on invented articles of the shapes that matter.
import { describe, expect, it } from 'vitest';
import { HIGH_CONFIDENCE, levelOf, MEDIUM_CONFIDENCE } from '../src/compare/confidence/index.js';
import { routeReason, routeScore } from '../src/compare/confidence/speakers.js';
import { compareStory } from '../src/compare/index.js';
import type { AnnotatedArticle, Quote } from '../src/model/article.js';
import type { Confidence, Report, Story } from '../src/model/report.js';
import { annotateText } from './support/articles.js';
import { reportSchemaErrors } from './support/report-schema.js';
import { schemaErrors } from './support/schema.js';

const quoteWith = (a: AnnotatedArticle, words: string): Quote | undefined =>
  a.quotes.find((q) => q.text.includes(words));

function everyConfidence(story: Story): (Confidence | undefined)[] {
  return [
    ...story.actors.flatMap((a) => [a.confidence, ...a.labels.map((l) => l.confidence)]),
    ...story.quotes.map((q) => q.confidence),
    ...story.facts.map((f) => f.confidence),
    ...story.discrepancies.map((d) => d.confidence),
    ...story.digest.map((d) => d.confidence),
  ];
}

describe('the scale', () => {
  it('has fixed cut-offs: high from 0.75, medium from 0.5, low below', () => {
    expect([HIGH_CONFIDENCE, MEDIUM_CONFIDENCE]).toEqual([0.75, 0.5]);
    expect(levelOf(0.75)).toBe('high');
    expect(levelOf(0.74)).toBe('medium');
    expect(levelOf(0.5)).toBe('medium');
    expect(levelOf(0.49)).toBe('low');
  });
});

describe('speaker routes', () => {
  it('records how each speaker was found', () => {
    const a = annotateText(
      [
        'Mayor Ana Ruiz visited the harbor on Monday. “We will rebuild the bridge,” Ruiz said. “It will take a year.”',
        'Councilman Tom Hale toured the site later. “The money is there,” he said.',
        'Ruiz is upbeat about the plan.',
        '“The ferries will run in the meantime.”',
      ].join('\n\n'),
      'r1',
    );
    expect(quoteWith(a, 'rebuild')?.speakerRoute).toEqual({ by: 'speech-verb', form: 'name' });
    expect(quoteWith(a, 'take a year')?.speakerRoute).toEqual({ by: 'continuation', form: 'name' });
    expect(quoteWith(a, 'money')?.speakerRoute).toEqual({ by: 'speech-verb', form: 'pronoun' });
    expect(quoteWith(a, 'ferries')?.speakerRoute).toEqual({ by: 'topic', form: 'name' });
    expect(schemaErrors({ version: 1, articles: [a] })).toEqual([]);
  });

  it('scores a pronoun-resolved speaker below a named one, and a topic guess lowest', () => {
    const named = routeScore({ by: 'speech-verb', form: 'name' });
    const pronoun = routeScore({ by: 'speech-verb', form: 'pronoun' });
    const topic = routeScore({ by: 'topic', form: 'name' });
    expect(named).toBeGreaterThan(pronoun);
    expect(pronoun).toBeGreaterThan(topic);
    expect(routeScore(undefined)).toBeLessThan(topic);
    expect(routeReason({ by: 'speech-verb', form: 'name' })).toBe('named subject of a speech verb');
    expect(routeReason({ by: 'speech-verb', form: 'pronoun' })).toBe(
      'pronoun resolved as subject of a speech verb',
    );
  });

  it('gives a quote group the confidence of how its printings found the speaker', () => {
    const story = compareStory([
      annotateText(
        'Mayor Ana Ruiz spoke at the harbor on Monday. “We will rebuild the bridge by next spring,” Ruiz said.',
        'p1',
        { outlet: 'Harbor Post' },
      ),
      annotateText(
        'Mayor Ana Ruiz spoke at the harbor on Monday. Councilman Tom Hale stood by. “Nobody wants a ferry forever,” he said.',
        'p2',
        { outlet: 'Valley News' },
      ),
    ]);
    const named = story.quotes.find((q) => q.variants.some((v) => v.text.includes('rebuild')));
    const pronoun = story.quotes.find((q) => q.variants.some((v) => v.text.includes('ferry')));
    expect(named?.confidence?.reason).toBe('named subject of a speech verb');
    expect(pronoun?.confidence?.reason).toBe('pronoun resolved as subject of a speech verb');
    expect(named?.confidence?.score ?? 0).toBeGreaterThan(pronoun?.confidence?.score ?? 1);
  });
});

describe('actor merges and labels', () => {
  const story = compareStory([
    annotateText(
      'Senator Ana Ruiz backed the harbor bill on Monday. The bill funds the bridge. Tom Hale, the port director, welcomed it.',
      'm1',
      { outlet: 'Harbor Post' },
    ),
    annotateText(
      'Ruiz backed the harbor bill on Monday, saying the bridge must reopen. Tom Hale, the port director, welcomed it.',
      'm2',
      { outlet: 'Valley News' },
    ),
  ]);
  const ruiz = story.actors.find((a) => a.name === 'Ana Ruiz');
  const hale = story.actors.find((a) => a.name === 'Tom Hale');

  it('trusts a full-name match more than a surname-only link', () => {
    expect(ruiz?.confidence?.reason).toBe('linked by surname only in 1 of 2 articles');
    expect(hale?.confidence?.reason).toBe('the same name in every article (2 articles)');
    expect(hale?.confidence?.score ?? 0).toBeGreaterThan(ruiz?.confidence?.score ?? 1);
  });

  it('says how a label attaches to the name', () => {
    const title = ruiz?.labels.find((l) => /senator/i.test(l.text));
    const appositive = hale?.labels.find((l) => /port director/i.test(l.text));
    expect(title?.confidence?.reason).toBe('title written with the name');
    expect(appositive?.confidence?.reason).toBe('appositive next to the name');
  });
});

describe('unnamed people and groups', () => {
  it('trusts an unnamed actor matched across articles less than one within an article', () => {
    const story = compareStory([
      annotateText(
        'A gunman opened fire at the depot in Westvale on Monday. Police said the gunman fled. Mayor Ana Ruiz thanked the police.',
        'u1',
        { outlet: 'Harbor Post' },
      ),
      annotateText(
        'Police in Westvale hunted a gunman on Monday. The gunman escaped in a van, police said. Mayor Ana Ruiz spoke.',
        'u2',
        { outlet: 'Valley News' },
      ),
    ]);
    const unnamed = story.unnamedActors ?? [];
    expect(unnamed.length).toBeGreaterThan(0);
    for (const actor of unnamed) {
      const articles = new Set(actor.mentions.map((m) => m.article)).size;
      expect(actor.confidence?.level).toBe(articles > 1 ? 'medium' : 'high');
    }
    expect(unnamed.some((a) => new Set(a.mentions.map((m) => m.article)).size > 1)).toBe(true);
  });
});

describe('facts, discrepancies and the digest', () => {
  const story = compareStory([
    annotateText(
      'The harbor bridge collapsed on Tuesday evening during the commute. Fourteen people were injured in the collapse, officials said. The city will open a ferry line next week for commuters. A local bakery gave out free bread.',
      'f1',
      { outlet: 'Harbor Post' },
    ),
    annotateText(
      'The harbor bridge collapsed on Tuesday evening during the commute. Twelve people were injured in the collapse, officials said. The city will open a ferry line next week for commuters. Traffic on the coast road doubled.',
      'f2',
      { outlet: 'Valley News' },
    ),
  ]);

  it('gives a fact both outlets word alike a high confidence and says why', () => {
    const fact = story.facts.find((f) => f.articles.length === 2 && /bridge collapsed/.test(f.text));
    expect(fact?.confidence?.level).toBe('high');
    expect(fact?.confidence?.reason).toMatch(
      /^weakest same-claim link 1\.00 among 2 sentences of 2 outlets$/,
    );
  });

  it('gives an exclusive fact the exclusive reason', () => {
    const only = story.facts.find((f) => /bakery/.test(f.text));
    expect(only?.confidence?.reason).toMatch(/^only one outlet reports it/);
  });

  it('puts a confidence and a reason on every finding, true to the schema', () => {
    const all = everyConfidence(story);
    expect(all.length).toBeGreaterThan(5);
    for (const c of all) {
      expect(c).toBeDefined();
      expect(c?.reason.length).toBeGreaterThan(0);
      expect(c?.level).toBe(levelOf(c?.score ?? -1));
    }
    const report: Report = { version: 1, generatedAt: '2024-05-09T00:00:00.000Z', stories: [story] };
    expect(reportSchemaErrors(report)).toEqual([]);
    const bad = structuredClone(report);
    const fact = bad.stories[0]?.facts[0];
    if (fact) fact.confidence = { score: 2, level: 'high', reason: '' };
    expect(reportSchemaErrors(bad).length).toBeGreaterThan(0);
  });

  it('cites the fact behind each digest sentence in its reason', () => {
    expect(story.digest.length).toBeGreaterThan(0);
    for (const d of story.digest) expect(d.confidence?.reason).toMatch(/same-claim link|only one outlet/);
  });
});

describe('discrepancies', () => {
  const story = compareStory([
    annotateText(
      'The harbor bridge collapsed on Tuesday evening and injured 14 people during the commute. Mario Nawfal filmed the collapse from a boat.',
      'd1',
      { outlet: 'Harbor Post' },
    ),
    annotateText(
      'The harbor bridge collapsed on Tuesday evening and injured 12 people during the commute. Mario Naufal filmed the collapse from a boat.',
      'd2',
      { outlet: 'Valley News' },
    ),
  ]);

  it('rates a figure conflict by how surely its two sentences state one claim', () => {
    const number = story.discrepancies.find((d) => d.kind === 'number');
    expect(number?.confidence?.reason).toMatch(
      /^figures for one count; the sentences' same-claim score 0\.\d\d$/,
    );
    const p = Number(/0\.\d\d$/.exec(number?.confidence?.reason ?? '')?.[0]);
    expect(number?.confidence?.score).toBeCloseTo(0.5 + 0.4 * p, 1);
  });

  it('trusts a spelling variant whose actor is merged by full names', () => {
    const spelling = story.discrepancies.find((d) => d.kind === 'spelling');
    expect(spelling?.confidence).toEqual({
      score: 0.9,
      level: 'high',
      reason: 'a small in-word edit of one name between outlets',
    });
  });
});
