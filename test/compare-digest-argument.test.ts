// Evaluative words from the general AFINN-165 list, the article-level argument score, the story left with
// one account that reads as a report, and the latest development placed after the lead (issue 13, the
// digest). Every sentence and article here is invented, in the shape of a failure.
import { describe, expect, it } from 'vitest';
import { ARGUING_SCORE, argumentScore, argumentSigns, REPORT_SCORE } from '../src/compare/digest/argument.js';
import { buildDigest, oneAccountLeft } from '../src/compare/digest/index.js';
import { evaluativeWord, notDigestMaterial } from '../src/compare/digest/material.js';
import { alignFacts } from '../src/compare/facts/index.js';
import { storyContext } from '../src/compare/index.js';
import type { AnnotatedArticle } from '../src/model/article.js';
import { afinnEvaluative, afinnEvaluativeWords } from '../src/text/evaluative.js';
import { annotateText } from './support/articles.js';

describe('AFINN-165 judging adjectives and adverbs', () => {
  it('counts strongly rated adjectives and adverbs, not verbs, nouns, mild or describing words', () => {
    for (const w of ['contentious', 'disastrous', 'stunning', 'chaotic'])
      expect(afinnEvaluative(w), w).toBe(true);
    // verbs and nouns name events; ±1 words describe; legal status and life and death are facts in news
    for (const w of [
      'killed',
      'crisis',
      'scandal',
      'big',
      'limited',
      'illegal',
      'guilty',
      'dead',
      'comprehensive',
    ])
      expect(afinnEvaluative(w), w).toBe(false);
  });

  it('reads lower-case words only: a name or an office is not a judgement', () => {
    expect(afinnEvaluativeWords('The Supreme Court heard the Grand Harbour case.')).toEqual([]);
    expect(afinnEvaluativeWords('It was a stunning reversal for the council.')).toEqual(['stunning']);
  });

  it('keeps a sentence with one in the outlet’s voice out of the digest', () => {
    for (const s of [
      'The council held a contentious vote on the harbour plan late on Tuesday night.',
      'The new ferry timetable had a chaotic first week on the northern routes.',
    ])
      expect(notDigestMaterial(s), s).toMatch(/^evaluative word/);
  });

  it('leaves the words of a speaker alone: quoted, reported, or charged by someone', () => {
    for (const s of [
      'The mayor called the vote “a contentious mistake” and left the chamber on Tuesday.',
      'Councillor Ana Reyes said the ferry contract had been a contentious matter for the board.',
      'Councillor Ana Reyes accused the board of a contentious handling of the ferry contract.',
    ])
      expect(evaluativeWord(s.replace(/“[^”]*”/g, (m) => ' '.repeat(m.length))), s).toBeNull();
  });
});

// Eight or more sentences each, as the score needs.
const REPORT = [
  'The harbour council approved a budget of 40 million for the ferry terminal on Monday, officials said.',
  '“We have waited for this for ten years,” said Mayor Ana Reyes after the vote.',
  'The plan passed by seven votes to two, according to the council clerk.',
  'Councillor Jon Baird told reporters the terminal would open in the spring of next year.',
  'The port authority said construction would start in June.',
  'Two councillors voted against the plan, citing the cost of the new pier.',
  '“The numbers do not add up,” councillor Lea Marsh said after the meeting.',
  'The council will publish the full budget on its website next week, a spokesman said.',
  'The ferry company said it welcomed the decision and would add two routes.',
].join(' ');
const ARGUMENT = [
  'The harbour council has once again shown a stunning contempt for the people who pay its bills.',
  'Its disastrous ferry plan should have been scrapped years ago.',
  'Why must residents keep paying for a reckless vanity project?',
  'The council must stop pretending that the terminal will ever pay for itself.',
  'Our town deserves better than this shameful waste of money.',
  'The so-called budget is a pathetic exercise in wishful thinking.',
  'We need to ask who really benefits from this chaotic mess.',
  'Anyone who looks at the figures can see the plan is a terrible deal.',
  'The council should listen to the people it serves, before it is too late.',
].join(' ');

describe('the argument score of an article', () => {
  it('is low for a report that attributes and quotes, high for an argument that judges and asks', () => {
    const report = argumentSigns(REPORT);
    const argument = argumentSigns(ARGUMENT);
    expect(report.attributed).toBeGreaterThan(argument.attributed);
    expect(argument.evaluative).toBeGreaterThan(report.evaluative);
    expect(argumentScore(report) as number).toBeLessThan(REPORT_SCORE);
    expect(argumentScore(argument) as number).toBeGreaterThanOrEqual(ARGUING_SCORE);
  });

  it('gives no score to an article too short to tell', () => {
    expect(argumentScore(argumentSigns('The council approved the budget on Monday.'))).toBeNull();
  });
});

function article(id: string, body: string, outlet: string, published?: string): AnnotatedArticle {
  return annotateText(body, id, { outlet, ...(published ? { published } : {}) });
}

describe('one account left', () => {
  const statement = article(
    's',
    'I want to say how sorry I am. I should have told you about the contract, and I did not. ' +
      'You deserved to know. I will do better. I am grateful for your patience. I know I let you down. ' +
      'I take full responsibility. I hope you will forgive me. Thank you for listening to me today.',
    'Outlet S',
  );

  it('keeps its digest when the account left reads as a report', () => {
    const { ctx } = storyContext([statement, article('r', REPORT, 'Outlet R')]);
    expect(oneAccountLeft(ctx, new Set(['s']))).toBe(false);
  });

  it('is empty when the account left argues', () => {
    const { ctx } = storyContext([statement, article('r', ARGUMENT, 'Outlet R')]);
    expect(oneAccountLeft(ctx, new Set(['s']))).toBe(true);
  });
});

describe('the latest development', () => {
  it('comes right after the lead, not at the end of the digest', () => {
    const earlier = (id: string, outlet: string) =>
      article(
        id,
        'The harbour council debated the ferry terminal plan for five hours on Monday evening. ' +
          'Residents of the northern district asked the council for a public vote on the terminal plan. ' +
          'The port authority estimated the cost of the new terminal at 40 million in its report.',
        outlet,
        '2024-03-04',
      );
    const newest = article(
      'n',
      'The harbour council debated the ferry terminal plan for five hours on Monday evening. ' +
        'Councillors voted seven to two on Wednesday afternoon to approve the new pier and its buildings. ' +
        'Residents of the northern district asked the council for a public vote on the terminal plan.',
      'Outlet N',
      '2024-03-06',
    );
    const { ctx } = storyContext([earlier('a', 'Outlet A'), earlier('b', 'Outlet B'), newest]);
    const digest = buildDigest(ctx, alignFacts(ctx).facts);
    const at = digest.findIndex((d) => /voted seven to two/.test(d.text));
    expect(at, JSON.stringify(digest.map((d) => d.text))).toBe(1);
  });
});
