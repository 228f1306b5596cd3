// Partial overlap is one fact with extra detail per outlet (issue 13): each pair that is one claim records
// whether a side says more than the claim they share (facts/claims.ts), a fact lists the outlets whose
// sentence does (Fact.extraDetail), the reports mark them, and the MRPC score reads them as MRPC's "not the
// same content". Invented sentences in the shape of the pairs seen on MRPC train and real stories.
import { describe, expect, it } from 'vitest';
import { sameClaim as mrpcSameClaim } from '../eval/mrpc.js';
import { analyze } from '../src/api/analyze.js';
import { alignStory } from '../src/compare/facts/align.js';
import {
  addsDetail,
  clauseGaps,
  detailWords,
  judgeClaim,
  MIN_DETAIL_SHARE,
  MIN_DETAIL_WORDS,
  PLAIN_PROBABILITY,
} from '../src/compare/facts/claims.js';
import { alignFacts } from '../src/compare/facts/index.js';
import { storyContext } from '../src/compare/index.js';
import type { Unit } from '../src/compare/text/units.js';
import type { Report } from '../src/model/report.js';
import { renderHtml } from '../src/report/html/index.js';
import { renderMarkdown } from '../src/report/md/index.js';
import { annotateText } from './support/articles.js';
import { reportSchemaErrors, reportSpanErrors } from './support/report-schema.js';

/** A story of these bodies (one article each, ids o1, o2, …), its units and the text lookup. */
function storyOf(bodies: string[]) {
  const { ctx } = storyContext(bodies.map((b, i) => annotateText(b, `o${i + 1}`)));
  const textOf = (u: Unit) => (ctx.articles[u.article] as { text: string }).text;
  const units = alignStory(ctx).units;
  return { ctx, units, textOf };
}

const judged = (bodies: string[]) => {
  const { units, textOf } = storyOf(bodies);
  return judgeClaim(units[0] as Unit, units[1] as Unit, textOf);
};

/** The longer sentence reports the claim and why, in a clause as long as the other sentence. */
const CALLED_OFF = [
  'The rail union called off the strike planned for next week, after the operator offered drivers a bonus and promised to hire forty more staff by summer.',
  'A rail strike planned for next week has been called off.',
];
/** The same claim twice, one side adding only who said it. */
const FARES = [
  'Ferry fares on the Ostby crossing will rise 5 percent in May, the operator said on Tuesday.',
  'Ferry fares on the Ostby crossing will rise 5 percent in May.',
];
/** One collapse each, reported with different detail around it: they meet on one clause each. */
const WAREHOUSE = [
  'A fire destroyed the old grain warehouse in Pellham on Sunday night, forcing the closure of the harbour road and the ferry terminal for two days while crews cleared the debris.',
  'The owner, who bought the site in 2019 and had planned to turn it into flats, promised to rebuild after a fire destroyed the old grain warehouse in Pellham on Sunday night.',
];

describe('extra detail of a pair that is one claim', () => {
  it('is recorded on the side whose new clause is as long as the other sentence', () => {
    const d = judged(CALLED_OFF);
    expect(d.same).toBe(true);
    // A close match as wholes: only the size of the new clause makes it detail.
    expect(d.probability).toBeGreaterThanOrEqual(PLAIN_PROBABILITY);
    expect(d.detail).toEqual({ a: true, b: false });
    expect(d.detailWords.a).toBeGreaterThanOrEqual(MIN_DETAIL_WORDS);
  });

  it('is not recorded for a short attribution added to a close match', () => {
    const d = judged(FARES);
    expect(d.same).toBe(true);
    expect(d.detail).toEqual({ a: false, b: false });
  });

  it('is recorded on both sides when they meet only through one clause each', () => {
    const d = judged(WAREHOUSE);
    expect(d.same).toBe(true);
    expect(d.probability).toBeLessThan(d.clauseProbability);
    expect(d.detail).toEqual({ a: true, b: true });
  });

  it('is never recorded for the very same words, nor for a pair that is not one claim', () => {
    const same = judged([FARES[1] as string, FARES[1] as string]);
    expect(same.detail).toEqual({ a: false, b: false });
    const denied = judged([
      WAREHOUSE[0] as string,
      'The owner, who bought the site in 2019 and had planned to turn it into flats, said a fire did not destroy the old grain warehouse in Pellham on Sunday night.',
    ]);
    expect(denied.same).toBe(false);
    expect(denied.detail).toEqual({ a: false, b: false });
    expect(denied.detailWords).toEqual({ a: 0, b: 0 });
  });
});

describe('the detail rule', () => {
  /** A stand-in for the other side: only its content keys are read. */
  const other = (words: number) => ({ keys: Array.from({ length: words }, (_, i) => `w:word${i}`) }) as Unit;

  it('asks a loose match for a small new clause, a close one for a clause as long as the other sentence', () => {
    expect(addsDetail(MIN_DETAIL_WORDS, other(6), PLAIN_PROBABILITY - 0.05)).toBe(true);
    expect(addsDetail(MIN_DETAIL_WORDS - 1, other(6), PLAIN_PROBABILITY - 0.05)).toBe(false);
    expect(addsDetail(5, other(6), 0.8)).toBe(false);
    expect(addsDetail(6, other(6), 0.8)).toBe(true);
    // A very short other side still needs MIN_DETAIL_WORDS new words.
    expect(addsDetail(MIN_DETAIL_WORDS - 1, other(1), 0.8)).toBe(false);
  });

  it('counts a clause only when it is mostly new to the other side', () => {
    expect(detailWords([{ words: 5, absent: 4 }])).toBe(4);
    expect(detailWords([{ words: 10, absent: Math.ceil(MIN_DETAIL_SHARE * 10) - 1 }])).toBe(0);
    expect(detailWords([])).toBe(0);
  });

  it('reads the clauses of a sentence against the other side', () => {
    const { units, textOf } = storyOf(CALLED_OFF);
    const [a, b] = units as [Unit, Unit];
    const gaps = clauseGaps(a, b, textOf(a));
    // "The rail union called off the strike planned for next week" is mostly on the other side; the
    // "after …" clause is new.
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    expect(gaps[0]?.absent).toBeLessThan((gaps[0]?.words ?? 0) * MIN_DETAIL_SHARE);
    expect(gaps.some((g) => g.absent >= MIN_DETAIL_SHARE * g.words && g.absent >= 5)).toBe(true);
    // A one-clause sentence has no clause beside its claim.
    expect(clauseGaps(b, a, textOf(b))).toEqual([]);
  });
});

describe('facts with extra detail', () => {
  it('list the outlets whose sentence adds detail, and none when all state the claim plainly', () => {
    const called = alignFacts(storyOf(CALLED_OFF).ctx).facts.find((f) => f.articles.length === 2);
    expect(called?.extraDetail).toEqual(['o1']);
    const fares = alignFacts(storyOf(FARES).ctx).facts.find((f) => f.articles.length === 2);
    expect(fares).toBeDefined();
    expect(fares?.extraDetail).toBeUndefined();
    const fire = alignFacts(storyOf(WAREHOUSE).ctx).facts.find((f) => f.articles.length === 2);
    expect(fire?.extraDetail).toEqual(['o1', 'o2']);
  });

  it('keep a three-outlet fact whole, the outlet adding detail marked', () => {
    const { facts } = alignFacts(
      storyOf([...CALLED_OFF, 'The rail strike planned for next week was called off.']).ctx,
    );
    const shared = facts.find((f) => f.articles.length === 3);
    expect(shared?.extraDetail).toEqual(['o1']);
  });
});

describe('reports', () => {
  const articles = CALLED_OFF.map((text, i) => ({
    id: `o${i + 1}`,
    title: '',
    text,
    outlet: i === 0 ? 'Outlet One' : 'Outlet Two',
  }));
  let report: Report;

  it('carry extraDetail in the JSON, valid against the schema', async () => {
    report = await analyze(articles, { onRefusal: () => {}, now: new Date(0) });
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(reportSpanErrors(report)).toEqual([]);
    const fact = report.stories[0]?.facts.find((f) => f.articles.length === 2);
    expect(fact?.extraDetail).toEqual(['o1']);
  });

  it('the schema refuses extraDetail that is not a list of article ids', () => {
    const bad = structuredClone(report);
    const fact = bad.stories[0]?.facts.find((f) => f.articles.length === 2) as unknown as Record<
      string,
      unknown
    >;
    fact.extraDetail = 'o1';
    expect(reportSchemaErrors(bad)).not.toEqual([]);
  });

  it('mark the outlet that adds detail in HTML and Markdown', () => {
    const page = renderHtml(report);
    expect(page).toContain('✓⁺');
    expect(page).toContain('Reported by Outlet One, adds detail another outlet&#39;s sentence lacks');
    expect(page).not.toContain('Reported by Outlet Two, adds detail');
    const md = renderMarkdown(report);
    expect(md).toContain('✓ (adds detail)');
    expect(md).toContain('_Adds detail_:');
  });
});

describe('the MRPC decision', () => {
  it('calls a pair the same content only when a fact holds both and neither adds detail', async () => {
    expect(await mrpcSameClaim({ a: FARES[0] as string, b: FARES[1] as string })).toBe(true);
    expect(await mrpcSameClaim({ a: CALLED_OFF[0] as string, b: CALLED_OFF[1] as string })).toBe(false);
  });
});
