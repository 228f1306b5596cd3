// Claim-level alignment below the sentence (issue 13): clauses as claims, a count given differently as one
// claim, two different quotations as two, and a fact's groups merging only when their sentences are one
// claim pair by pair. Invented sentences in the shape of the failures seen on real stories.
import { describe, expect, it } from 'vitest';
import { alignStory, CLAIM_LINK_SHARE, claimLink, type Group } from '../src/compare/facts/align.js';
import type { ClaimDecision } from '../src/compare/facts/claims.js';
import { judgeClaim, SAME_CLAIM_THRESHOLD } from '../src/compare/facts/claims.js';
import { alignFacts } from '../src/compare/facts/index.js';
import { storyContext } from '../src/compare/index.js';
import { claimClauses } from '../src/compare/text/claim-clauses.js';
import type { Unit } from '../src/compare/text/units.js';
import { annotateText } from './support/articles.js';

/** The units of a story of these bodies (one article each), with the text lookup the claim model needs. */
function unitsOf(bodies: string[]) {
  const { ctx } = storyContext(bodies.map((b, i) => annotateText(b, `o${i + 1}`)));
  const textOf = (u: Unit) => (ctx.articles[u.article] as { text: string }).text;
  const units = alignStory(ctx).units;
  const show = (u: Unit) => textOf(u).slice(u.start, u.end);
  return { ctx, units, textOf, show };
}

describe('clauses of a sentence', () => {
  it('cut at commas and clause openers, keep short pieces with their clause, drop a dateline', () => {
    const { units, textOf, show } = unitsOf([
      'WESTBURY — A section of the Oldham Road bridge gave way at about 6 p.m. Friday, leaving two cars in the canal and a lorry on the bank, police said, while divers searched the water.',
    ]);
    const clauses = claimClauses(units[0] as Unit, textOf(units[0] as Unit)).map(show);
    expect(clauses).toEqual([
      'A section of the Oldham Road bridge gave way at about 6 p.m. Friday',
      'leaving two cars in the canal and a lorry on the bank, police said',
      'while divers searched the water',
    ]);
  });

  it('leave a one-clause sentence whole', () => {
    const { units, textOf } = unitsOf(['The council approved the budget on Monday.']);
    expect(claimClauses(units[0] as Unit, textOf(units[0] as Unit))).toEqual([]);
  });
});

describe('same claim through one clause each', () => {
  const bodies = [
    'A fire destroyed the old grain warehouse in Pellham on Sunday night, forcing the closure of the harbour road and the ferry terminal for two days while crews cleared the debris.',
    'The owner, who bought the site in 2019 and had planned to turn it into flats, promised to rebuild after a fire destroyed the old grain warehouse in Pellham on Sunday night.',
  ];

  it('joins two sentences sharing one claim with different detail each, as one fact', () => {
    const { units, textOf } = unitsOf(bodies);
    const d = judgeClaim(units[0] as Unit, units[1] as Unit, textOf);
    // As whole sentences the model is unsure; the shared clause decides.
    expect(d.probability).toBeLessThan(SAME_CLAIM_THRESHOLD);
    expect(d.clauseProbability).toBeGreaterThanOrEqual(SAME_CLAIM_THRESHOLD);
    expect(d.score).toBe(d.clauseProbability);
    expect(d.same).toBe(true);
    const { ctx } = unitsOf(bodies);
    const { facts } = alignFacts(ctx);
    expect(facts.some((f) => f.articles.length === 2)).toBe(true);
  });

  it('does not join on a clause that one side denies', () => {
    const { units, textOf } = unitsOf([
      'A fire destroyed the old grain warehouse in Pellham on Sunday night, forcing the closure of the harbour road and the ferry terminal for two days while crews cleared the debris.',
      'The owner, who bought the site in 2019 and had planned to turn it into flats, said a fire did not destroy the old grain warehouse in Pellham on Sunday night.',
    ]);
    expect(judgeClaim(units[0] as Unit, units[1] as Unit, textOf).same).toBe(false);
  });
});

describe('the same thing counted differently', () => {
  const nine =
    'The blast injured nine workers when a storage tank at the Korvel chemical plant ruptured shortly after noon, fire officials said.';

  it('is one claim where the model alone would not be sure', () => {
    const { units, textOf } = unitsOf([
      nine,
      'PELLHAM — A storage tank gave way at the Korvel chemical plant on Thursday, spraying acid across the loading yard, flooding the drains and sending seven workers to hospital, the company said.',
    ]);
    // With the model's threshold out of reach, only the count conflict ("nine workers" / "seven workers") joins.
    const strict = judgeClaim(units[0] as Unit, units[1] as Unit, textOf, { threshold: 0.99 });
    expect(strict.same).toBe(true);
  });

  it('is not forced on two counts of different months', () => {
    const { units, textOf } = unitsOf([
      'The statistics office said factories in the Arlen region hired 900 workers in March, the most in a year.',
      'Factories across the Arlen region hired 700 workers in April as orders for farm machinery slowed, the chamber of commerce said.',
    ]);
    expect(judgeClaim(units[0] as Unit, units[1] as Unit, textOf, { threshold: 0.99 }).same).toBe(false);
  });

  it('is not forced on two counts of different months, one named only as a modifier', () => {
    const { units, textOf } = unitsOf([
      'The May hiring survey of the statistics office showed factories in the Arlen region hired 900 workers, the most in a year.',
      'Factories across the Arlen region hired 700 workers in June as orders for farm machinery slowed, the chamber of commerce said.',
    ]);
    expect(judgeClaim(units[0] as Unit, units[1] as Unit, textOf, { threshold: 0.99 }).same).toBe(false);
  });

  it('is not forced on two measured subjects in one unit of measure', () => {
    const { units, textOf } = unitsOf([
      'On the Arlen exchange, grain futures fell 200 points on Friday after the rate decision, traders said.',
      'The Arlen exchange index closed down 150 points as banks slid on Friday, the exchange said in a statement.',
    ]);
    expect(judgeClaim(units[0] as Unit, units[1] as Unit, textOf, { threshold: 0.99 }).same).toBe(false);
  });

  it('is one claim for one measured subject given two figures', () => {
    const { units, textOf } = unitsOf([
      'The Arlen exchange index fell 200 points on Friday after the rate decision, traders said.',
      'The Arlen exchange index closed down 150 points as banks slid on Friday, the exchange said in a statement.',
    ]);
    expect(judgeClaim(units[0] as Unit, units[1] as Unit, textOf, { threshold: 0.99 }).same).toBe(true);
  });

  it('is not forced on a pair counting the same', () => {
    const { units, textOf } = unitsOf([
      nine,
      'PELLHAM — A storage tank gave way at the Korvel chemical plant on Thursday, spraying acid across the loading yard, flooding the drains and sending nine workers to hospital, the company said.',
    ]);
    expect(judgeClaim(units[0] as Unit, units[1] as Unit, textOf, { threshold: 0.99 }).same).toBe(false);
  });
});

describe('two quotations', () => {
  it('are not one claim when they are different utterances of one speaker', () => {
    const { units, textOf } = unitsOf([
      '"We will not raise taxes on working families this year, and we will not cut the school budget," Mayor Tessa Grund said.',
      '"Working families in this city deserve a break from the school board, not more promises," Mayor Tessa Grund said.',
    ]);
    const d = judgeClaim(units[0] as Unit, units[1] as Unit, textOf);
    expect(d.veto).toMatch(/different quotations/);
    expect(d.same).toBe(false);
  });

  it('are one claim when one utterance is printed twice', () => {
    const { units, textOf } = unitsOf([
      '"We will not raise taxes on working families this year," Mayor Tessa Grund said.',
      '"We will not raise taxes on working families this year," Grund told reporters on Monday.',
    ]);
    expect(judgeClaim(units[0] as Unit, units[1] as Unit, textOf).same).toBe(true);
  });
});

describe('merging groups by claim', () => {
  const group = (...members: [article: number, unit: number][]): Group => ({
    byArticle: new Map(members),
    sum: new Map(),
  });
  const decision = (same: boolean): ClaimDecision => ({
    same,
    score: same ? 1 : 0,
    probability: same ? 1 : 0,
    clauseProbability: 0,
    veto: null,
    detail: { a: false, b: false },
    detailWords: { a: 0, b: 0 },
  });

  it('counts the cross pairs that are one claim, leaving out the units a merge sends away', () => {
    // Units 0 and 1 are one claim with 2; 3 is one claim with nobody (a chain through 2 would join it).
    const same = new Set(['0:2', '1:2']);
    const decide = (x: number, y: number) => decision(same.has(`${Math.min(x, y)}:${Math.max(x, y)}`));
    expect(claimLink(group([0, 0], [1, 1]), group([2, 2]), [], [], decide)).toBe(1);
    expect(claimLink(group([0, 0], [1, 1]), group([2, 2], [3, 3]), [], [], decide)).toBe(0.5);
    expect(claimLink(group([0, 0], [3, 3]), group([1, 1]), [], [], decide)).toBeLessThan(CLAIM_LINK_SHARE);
    expect(claimLink(group([0, 0], [1, 1]), group([2, 2], [3, 3]), [], [3], decide)).toBe(1);
  });

  it('keeps the pair scores on every cluster for confidence', () => {
    const { ctx } = unitsOf([
      'A fire destroyed the old grain warehouse in Pellham on Sunday night, forcing the closure of the harbour road and the ferry terminal for two days while crews cleared the debris.',
      'The owner, who bought the site in 2019 and had planned to turn it into flats, promised to rebuild after a fire destroyed the old grain warehouse in Pellham on Sunday night.',
    ]);
    const shared = alignStory(ctx).clusters.find((c) => c.units.length === 2);
    expect(shared?.claimPairs).toHaveLength(1);
    expect(shared?.claimPairs[0]?.same).toBe(true);
    expect(shared?.claimPairs[0]?.score).toBeGreaterThanOrEqual(SAME_CLAIM_THRESHOLD);
  });
});

describe('claim scores by fact', () => {
  it('give every shared fact its pair scores and an exclusive none', async () => {
    const { factClaimScores } = await import('../src/compare/facts/index.js');
    const { ctx } = unitsOf([
      'A fire destroyed the old grain warehouse in Pellham on Sunday night, forcing the closure of the harbour road and the ferry terminal for two days while crews cleared the debris.\n\nThe mayor of Pellham opened a new library on the quay.',
      'The owner, who bought the site in 2019 and had planned to turn it into flats, promised to rebuild after a fire destroyed the old grain warehouse in Pellham on Sunday night.',
    ]);
    const { facts } = alignFacts(ctx);
    const scores = factClaimScores(ctx);
    for (const f of facts) expect(scores.get(f.id)).toHaveLength(f.exclusive ? 0 : 1);
    expect(facts.some((f) => f.exclusive)).toBe(true);
  });
});

describe('clauses of sentences dated apart', () => {
  it('do not make them one claim', () => {
    const { units, textOf } = unitsOf([
      'In its latest survey, the statistics office said farm incomes across the north fell sharply again in March, leaving the regional jobless rate unchanged at 6.4 percent.',
      'Bakers, grocers and hardware shops in Tarrow said sales recovered strongly in April after a long and wet winter, with the regional jobless rate unchanged at 6.4 percent.',
    ]);
    const d = judgeClaim(units[0] as Unit, units[1] as Unit, textOf);
    expect(d.clauseProbability).toBe(0);
    expect(d.same).toBe(false);
    // Undated, the same two sentences meet on their shared clause.
    const undated = unitsOf([
      'In its latest survey, the statistics office said farm incomes across the north fell sharply again, leaving the regional jobless rate unchanged at 6.4 percent.',
      'Bakers, grocers and hardware shops in Tarrow said sales recovered strongly after a long and wet winter, with the regional jobless rate unchanged at 6.4 percent.',
    ]);
    const u = undated.units;
    expect(judgeClaim(u[0] as Unit, u[1] as Unit, undated.textOf).clauseProbability).toBeGreaterThanOrEqual(
      SAME_CLAIM_THRESHOLD,
    );
  });
});

describe('clauses that share only a name', () => {
  it('are no claim in common', () => {
    const { units, textOf } = unitsOf([
      'Banker Ann Rosswell, who surged late in the race, finished far behind with just 22 percent of the vote.',
      'Another candidate, the wealthy Omaha banker Ann Rosswell, has spent $1 million of her own savings on the campaign.',
    ]);
    const d = judgeClaim(units[0] as Unit, units[1] as Unit, textOf);
    expect(d.clauseProbability).toBeLessThan(SAME_CLAIM_THRESHOLD);
    expect(d.same).toBe(false);
  });
});

describe('fragments of sentences', () => {
  it('join no fact', async () => {
    const { isFragment } = await import('../src/compare/facts/align.js');
    const bodies = [
      'The mayor of Varnley opened the new library on the quay.\n\nand the new harbour budget approved by the Varnley council on Monday after a long debate.',
      'The Varnley council approved the new harbour budget on Monday after a long debate, the clerk said.',
    ];
    const { ctx, units, textOf } = unitsOf(bodies);
    expect(units.map((u) => isFragment(u, textOf))).toEqual([false, true, false]);
    const { facts } = alignFacts(ctx);
    expect(facts.filter((f) => f.articles.length === 2)).toEqual([]);
    expect(facts.some((f) => f.exclusive && f.text.startsWith('and the new harbour'))).toBe(true);
  });
});
