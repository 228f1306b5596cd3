// The order-free second pass: the same groups whatever the order of the input, and a user's decisions
// (articles pinned to stories) kept as constraints.
import { describe, expect, it } from 'vitest';
import type { ArticleFeatures, Day } from '../src/model/story-index.js';
import { type PassArticle, PassVectors, secondPass } from '../src/stories/second-pass.js';

function article(day: Day | null, terms: string[], names: string[]): ArticleFeatures {
  const features = new Map<string, number>();
  for (const t of terms) features.set(`t:${t}`, 2);
  for (const n of names) features.set(`n:${n}`, 2);
  return { day, daySource: 'published', features };
}

const QUAKE = ['tremor', 'magnitud', 'epicentr', 'aftershock', 'collaps', 'rescu', 'rubbl', 'villag'];
const VOTE = ['ballot', 'turnout', 'council', 'referendum', 'ferri', 'fare', 'bus', 'rout'];

/** Six articles of two events, all first put (wrongly) into one story 1, and a library of filler. */
function neighbourhood(): PassArticle[] {
  const out: PassArticle[] = [];
  for (let i = 0; i < 3; i++)
    out.push({
      id: `q${i}`,
      story: 1,
      pinned: false,
      features: article(100, QUAKE.slice(i, i + 6), ['varnholt']),
    });
  for (let i = 0; i < 3; i++)
    out.push({
      id: `v${i}`,
      story: 1,
      pinned: false,
      features: article(100, VOTE.slice(i, i + 6), ['harbourside']),
    });
  return out;
}

const dfs = new Map<string, number>();
for (const f of [...QUAKE, ...VOTE]) dfs.set(`t:${f}`, 3);
dfs.set('n:varnholt', 3);
dfs.set('n:harbourside', 3);

const sorted = (groups: { articles: string[] }[]) => groups.map((g) => [...g.articles].sort()).sort();

describe('secondPass', () => {
  it('splits a story that mixed two events, the same way in any order', () => {
    const items = neighbourhood();
    const groups = secondPass(items, dfs, 200);
    expect(sorted(groups)).toEqual([
      ['q0', 'q1', 'q2'],
      ['v0', 'v1', 'v2'],
    ]);
    // One group continues story 1, the other is new.
    expect(groups.map((g) => g.story).sort()).toEqual([1, null]);
    const reversed = secondPass([...items].reverse(), dfs, 200);
    expect(reversed).toEqual(groups);
  });

  it('merges two stories of one event', () => {
    const items = neighbourhood()
      .filter((a) => a.id.startsWith('q'))
      .map((a, i) => ({ ...a, story: i === 0 ? 5 : 7 }));
    const groups = secondPass(items, dfs, 200);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.story).toBe(7);
  });

  it('keeps what a user put together together, and never joins what a user put apart', () => {
    const items = neighbourhood().map((a) => ({ ...a }));
    // The user put q0 with v0 in story 3, and q1 alone in story 4.
    for (const a of items) {
      if (a.id === 'q0' || a.id === 'v0') Object.assign(a, { story: 3, pinned: true });
      if (a.id === 'q1') Object.assign(a, { story: 4, pinned: true });
    }
    const groups = secondPass(items, dfs, 200);
    const holding = (id: string) => groups.find((g) => g.articles.includes(id));
    expect(holding('q0')).toBe(holding('v0'));
    expect(holding('q0')?.story).toBe(3);
    expect(holding('q1')?.story).toBe(4);
    expect(holding('q1')).not.toBe(holding('q0'));
  });

  it('applies each pass its own statistics when vectors are kept from an earlier pass', () => {
    // The library keeps each article's IDF-free vector across passes; IDF is applied per pass. Two reports
    // sharing one of their two names: alike while that name is rare, apart once nearly every article has it.
    const pair: PassArticle[] = [
      {
        id: 'a',
        story: 1,
        pinned: false,
        features: {
          day: 100,
          features: new Map([
            ['n:x', 1],
            ['n:y', 1],
          ]),
        },
      },
      {
        id: 'b',
        story: 2,
        pinned: false,
        features: {
          day: 100,
          features: new Map([
            ['n:x', 1],
            ['n:z', 1],
          ]),
        },
      },
    ];
    const rare = new Map([
      ['n:x', 3],
      ['n:y', 3],
      ['n:z', 3],
    ]);
    const common = new Map([
      ['n:x', 99_000],
      ['n:y', 3],
      ['n:z', 3],
    ]);
    const n = 100_000;
    expect(sorted(secondPass(pair, rare, n))).toEqual([['a', 'b']]);
    expect(sorted(secondPass(pair, common, n))).toEqual([['a'], ['b']]);
    const kept = new PassVectors();
    expect(secondPass(pair, common, n, undefined, kept)).toEqual(secondPass(pair, common, n));
    expect(secondPass(pair, rare, n, undefined, kept)).toEqual(secondPass(pair, rare, n));
    expect(secondPass(pair, common, n, undefined, kept)).toEqual(secondPass(pair, common, n));
  });

  it('never merges clusters whose days together span more than the story span, even when the average allows it', () => {
    // Three same-day reports (day 80), one 80 days before and one 80 days after: each end pairs well with
    // the middle, but the two ends are 160 days apart (over MAX_SPAN_DAYS, 150) and pair at 0.
    const at = (id: string, day: number): PassArticle => ({
      id,
      story: 1,
      pinned: false,
      features: article(day, QUAKE.slice(0, 6), ['varnholt']),
    });
    const items = [at('m0', 80), at('m1', 80), at('m2', 80), at('early', 0), at('late', 160)];
    const groups = secondPass(items, dfs, 200);
    const holding = (id: string) => groups.find((g) => g.articles.includes(id));
    expect(holding('m0')?.articles).toContain('m1');
    // One end joins the middle; the other cannot join what then spans 160 days.
    expect(holding('early')).not.toBe(holding('late'));
    expect(secondPass([...items].reverse(), dfs, 200)).toEqual(groups);
  });

  it('an article without a day joins a dated one on content alone: the day evidence of a far pair', () => {
    // Two words shared by six and eight: a score of about 0.3, over the bar (0.22) for two reports of the
    // same day and for two undated ones, under it once scaled by DAY_EVIDENCE.floor (0.6) for a
    // dated/undated pair.
    const words = (day: Day | null, terms: string[]): ArticleFeatures => {
      const f = article(day, terms, []);
      return day === null ? { day: null, features: f.features } : f;
    };
    const a = QUAKE.slice(0, 6);
    const b = [...QUAKE.slice(0, 2), ...VOTE.slice(0, 6)];
    const pair = (dayA: Day | null, dayB: Day | null): PassArticle[] => [
      { id: 'a', story: 1, pinned: false, features: words(dayA, a) },
      { id: 'b', story: 2, pinned: false, features: words(dayB, b) },
    ];
    expect(sorted(secondPass(pair(100, 100), dfs, 200))).toEqual([['a', 'b']]);
    expect(sorted(secondPass(pair(null, null), dfs, 200))).toEqual([['a', 'b']]);
    expect(sorted(secondPass(pair(100, null), dfs, 200))).toEqual([['a'], ['b']]);
    expect(sorted(secondPass(pair(null, 100), dfs, 200))).toEqual([['a'], ['b']]);
  });
  it('two undated articles of one affair are kept apart by the days they borrow from dated reports', () => {
    // An affair's charge (day 100) and its appeal (day 400) are each reported once with a date and once
    // without. The two undated pieces share the affair's name and three of their six words: alike enough to
    // join on content (about 0.6). Each resembles the dated report of its own step as much, and borrows its
    // day: 300 days apart, over MAX_SPAN_DAYS, they no longer pair.
    const CHARGE = ['indict', 'fraud', 'prosecutor', 'grand', 'juri', 'count'];
    const APPEAL = ['appeal', 'overturn', 'judg', 'brief', 'panel', 'reinstat'];
    const SHARED = ['sentenc', 'lawyer', 'plea'];
    const piece = (day: Day | null, terms: string[]): ArticleFeatures => {
      const f = article(day, terms, ['ostrander']);
      return day === null ? { day: null, features: f.features } : f;
    };
    const items: PassArticle[] = [
      { id: 'd1', story: 1, pinned: false, features: piece(100, CHARGE) },
      { id: 'u1', story: 2, pinned: false, features: piece(null, [...CHARGE.slice(0, 3), ...SHARED]) },
      { id: 'u2', story: 2, pinned: false, features: piece(null, [...APPEAL.slice(0, 3), ...SHARED]) },
      { id: 'd2', story: 3, pinned: false, features: piece(400, APPEAL) },
    ];
    const affair = new Map<string, number>([['n:ostrander', 3]]);
    for (const t of [...CHARGE, ...APPEAL, ...SHARED]) affair.set(`t:${t}`, 3);
    const groups = secondPass(items, affair, 200);
    expect(sorted(groups)).toEqual([
      ['d1', 'u1'],
      ['d2', 'u2'],
    ]);
    expect(secondPass([...items].reverse(), affair, 200)).toEqual(groups);
    // What each undated piece was read as, for `stories --why`.
    expect(groups.find((g) => g.articles.includes('u1'))?.borrowed).toEqual({ u1: { day: 100, from: 'd1' } });
    expect(groups.find((g) => g.articles.includes('u2'))?.borrowed).toEqual({ u2: { day: 400, from: 'd2' } });
    // Without borrowed days the two undated pieces join first (and take one dated report with them).
    const blind = secondPass(items, affair, 200, { borrowDays: false });
    const holding = (id: string) => blind.find((g) => g.articles.includes(id));
    expect(holding('u1')).toBe(holding('u2'));
    expect(holding('u1')?.articles).toHaveLength(3);
  });

  it('two undated pieces of neighbouring steps a fortnight apart stay with the dated reports of their days', () => {
    // A hearing (day 100) and the ruling two weeks later (day 114), each reported once with a date and once
    // without. The undated pieces share the affair's name and three of their six words; each borrows the
    // day of its own step's dated report. Fourteen days apart, within the 60-day grace, only the borrowed
    // days weighed as publication days (DAY_EVIDENCE) keep them from pairing first.
    const HEARING = ['hear', 'testimoni', 'wit', 'cross', 'examin', 'recess'];
    const RULING = ['rule', 'verdict', 'acquit', 'jubil', 'courthous', 'step'];
    const SHARED = ['sentenc', 'lawyer', 'plea'];
    const piece = (day: Day | null, terms: string[]): ArticleFeatures => {
      const f = article(day, terms, ['kellaway']);
      return day === null ? { day: null, features: f.features } : f;
    };
    const items: PassArticle[] = [
      { id: 'd1', story: 1, pinned: false, features: piece(100, HEARING) },
      { id: 'u1', story: 2, pinned: false, features: piece(null, [...HEARING.slice(0, 3), ...SHARED]) },
      { id: 'u2', story: 2, pinned: false, features: piece(null, [...RULING.slice(0, 3), ...SHARED]) },
      { id: 'd2', story: 3, pinned: false, features: piece(114, RULING) },
    ];
    const affair = new Map<string, number>([['n:kellaway', 3]]);
    for (const t of [...HEARING, ...RULING, ...SHARED]) affair.set(`t:${t}`, 3);
    const groups = secondPass(items, affair, 200);
    expect(sorted(groups)).toEqual([
      ['d1', 'u1'],
      ['d2', 'u2'],
    ]);
    expect(secondPass([...items].reverse(), affair, 200)).toEqual(groups);
    // Read only as date lines (cap and slow decay), the two undated pieces join first.
    const weak = secondPass(items, affair, 200, { borrowedEvidence: false });
    const holding = (id: string) => weak.find((g) => g.articles.includes(id));
    expect(holding('u1')).toBe(holding('u2'));
  });

  it('undated reports of one event join its dated reports of the day, not a story of their own beside them', () => {
    // Two dated reports of a warehouse fire (day 100) and two undated ones, each with words of its own.
    // Each undated report borrows the day of the dated one it resembles most; against the other dated
    // report, of the same day, the pair is weighed as two dated reports are. With only the floor (×0.6)
    // for every dated/undated pair, the undated two paired with each other and formed a story of their
    // own beside the dated one.
    const FIRE = ['blaze', 'firefight', 'warehous', 'smoke', 'evacu', 'flame', 'alarm', 'ember'];
    const own = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => `${prefix}word${i}`);
    const report = (day: Day | null, terms: string[]): ArticleFeatures => {
      const f = article(day, terms, []);
      return day === null ? { day: null, features: f.features } : f;
    };
    const items: PassArticle[] = [
      { id: 'd1', story: 1, pinned: false, features: report(100, [...FIRE.slice(0, 6), ...own('a', 8)]) },
      { id: 'd2', story: 1, pinned: false, features: report(100, [...FIRE.slice(2, 8), ...own('b', 8)]) },
      { id: 'u1', story: 2, pinned: false, features: report(null, [...FIRE.slice(0, 6), ...own('c', 4)]) },
      { id: 'u2', story: 2, pinned: false, features: report(null, [...FIRE.slice(2, 8), ...own('e', 4)]) },
    ];
    const fire = new Map<string, number>();
    for (const a of items) for (const f of a.features.features.keys()) fire.set(f, 3);
    expect(sorted(secondPass(items, fire, 200))).toEqual([['d1', 'd2', 'u1', 'u2']]);
    expect(sorted(secondPass(items, fire, 200, { borrowedEvidence: false }))).toEqual([
      ['d1', 'd2'],
      ['u1', 'u2'],
    ]);
  });

  it('an undated article borrows no day from a dated one it does not resemble', () => {
    // Only a dated report over the second pass's bar lends its day: the two undated pieces here resemble
    // no dated one, so they pair on content alone, as before.
    const a = QUAKE.slice(0, 6);
    const undated = (id: string, terms: string[]): PassArticle => ({
      id,
      story: 1,
      pinned: false,
      features: { day: null, features: article(null, terms, ['varnholt']).features },
    });
    const items: PassArticle[] = [
      undated('u1', a),
      undated('u2', QUAKE.slice(1, 7)),
      { id: 'd', story: 2, pinned: false, features: article(900, VOTE.slice(0, 6), ['harbourside']) },
    ];
    expect(sorted(secondPass(items, dfs, 200))).toEqual([['d'], ['u1', 'u2']]);
  });
  it('an undated article does not pair with a dated report far from the day it borrowed', () => {
    // The undated piece reads most like the charge's report (day 100; about 0.71 on content), which lends
    // its day, and well enough like the appeal's (day 400; about 0.59). The charge's report is in a story a
    // user made with an unrelated piece, so the undated one's best partner is the appeal's report: 300
    // days from its borrowed day, they no longer pair.
    const CHARGE = ['indict', 'fraud', 'prosecutor', 'grand', 'juri', 'count'];
    const APPEAL = ['appeal', 'overturn', 'judg'];
    const SHARED = ['sentenc', 'lawyer', 'plea'];
    const piece = (day: Day | null, terms: string[], name = 'ostrander'): ArticleFeatures => {
      const f = article(day, terms, [name]);
      return day === null ? { day: null, features: f.features } : f;
    };
    const items: PassArticle[] = [
      { id: 'd1', story: 7, pinned: true, features: piece(100, CHARGE) },
      { id: 'p', story: 7, pinned: true, features: piece(101, VOTE.slice(0, 6), 'harbourside') },
      { id: 'u', story: 8, pinned: false, features: piece(null, [...CHARGE.slice(0, 4), ...SHARED]) },
      { id: 'd3', story: 9, pinned: false, features: piece(400, [...SHARED, ...APPEAL]) },
    ];
    const affair = new Map<string, number>([
      ['n:ostrander', 3],
      ['n:harbourside', 3],
    ]);
    for (const t of [...CHARGE, ...APPEAL, ...SHARED, ...VOTE]) affair.set(`t:${t}`, 3);
    expect(sorted(secondPass(items, affair, 200))).toEqual([['d1', 'p'], ['d3'], ['u']]);
    expect(sorted(secondPass(items, affair, 200, { borrowDays: false }))).toEqual([
      ['d1', 'p'],
      ['d3', 'u'],
    ]);
  });
  it('an undated article does not pair with a date-lined report far from the day it borrowed', () => {
    // As above, but the later report's day is a date line read from its text (no publication date): the
    // undated piece borrows day 100 from the report of the tender it reads most like, and the date-lined
    // report of the award, 300 days on, is over the span cap from it. Before, a day read from the text
    // got no factor against an undated article, and the two joined on their shared words.
    const TENDER = ['tender', 'bidder', 'shortlist', 'procur', 'envelop', 'deadlin'];
    const AWARD = ['award', 'signatur', 'ceremoni'];
    const SHARED = ['contract', 'consortium', 'bridg'];
    const piece = (day: Day | null, terms: string[], name = 'quillmere'): ArticleFeatures => {
      const f = article(day, terms, [name]);
      return day === null ? { day: null, features: f.features } : f;
    };
    const items: PassArticle[] = [
      { id: 'd1', story: 7, pinned: true, features: piece(100, TENDER) },
      { id: 'p', story: 7, pinned: true, features: piece(101, VOTE.slice(0, 6), 'harbourside') },
      { id: 'u', story: 8, pinned: false, features: piece(null, [...TENDER.slice(0, 4), ...SHARED]) },
      {
        id: 't',
        story: 9,
        pinned: false,
        features: { ...piece(400, [...SHARED, ...AWARD]), daySource: 'text' },
      },
    ];
    const affair = new Map<string, number>([
      ['n:quillmere', 3],
      ['n:harbourside', 3],
    ]);
    for (const t of [...TENDER, ...AWARD, ...SHARED, ...VOTE]) affair.set(`t:${t}`, 3);
    expect(sorted(secondPass(items, affair, 200))).toEqual([['d1', 'p'], ['t'], ['u']]);
    expect(secondPass([...items].reverse(), affair, 200)).toEqual(secondPass(items, affair, 200));
    expect(sorted(secondPass(items, affair, 200, { textDays: false }))).toEqual([
      ['d1', 'p'],
      ['t', 'u'],
    ]);
  });

  it('two undated reports of one affair do not pair on the affair’s year written in both', () => {
    // An inquiry's contempt vote and, months earlier, the timetable of its report: the same witness named,
    // the year the inquiry is about written in both, few words alike. Without a day, nothing else tells
    // them apart; the year as content made their numbers cosine high on its own.
    const undated = (id: string, story: number, features: Record<string, number>): PassArticle => ({
      id,
      story,
      pinned: false,
      features: { day: null, features: new Map(Object.entries(features)) },
    });
    const vote = undated('vote', 1, {
      'p:maravel': 2,
      'p:quenby': 2,
      'n:harbour board': 1,
      't:inquiri': 2,
      't:subpoena': 2,
      't:testimoni': 1,
      't:refus': 1,
      't:committe': 1,
      't:contempt': 2,
      't:vote': 2,
      't:panel': 1,
      'y:2031': 3,
      '#:14': 1,
      '#:61': 1,
    });
    const timetable = undated('timetable', 2, {
      'p:maravel': 2,
      'p:ostrander': 1,
      'n:port ellery': 1,
      't:inquiri': 1,
      't:report': 2,
      't:releas': 2,
      't:redact': 2,
      't:timet': 1,
      't:page': 1,
      't:summari': 1,
      't:letter': 1,
      'y:2031': 2,
      '#:400': 1,
      '#:12': 1,
    });
    const frequencies = new Map([
      ['p:maravel', 30],
      ['t:inquiri', 60],
      ['y:2031', 50],
    ]);
    expect(sorted(secondPass([vote, timetable], frequencies, 2000))).toEqual([['timetable'], ['vote']]);
    // With the year weighed as any other fact (the weight before), the pair clears the bar.
    expect(sorted(secondPass([vote, timetable], frequencies, 2000, { kindWeights: { year: 1 } }))).toEqual([
      ['timetable', 'vote'],
    ]);
  });

  it('an undated piece that barely resembles the report it borrowed a day from does not join that day’s reports', () => {
    // Two reports of one rally, and an undated explainer of the movement behind it that shares the
    // movement's name and a few of the rally's words: it borrows the reports' day, but from a lender it
    // only just resembles, so that day does not lift it above the floor against the other report.
    const withDay = (id: string, day: Day | null, features: Record<string, number>): PassArticle => ({
      id,
      story: 1,
      pinned: false,
      features:
        day === null
          ? { day: null, features: new Map(Object.entries(features)) }
          : { day, daySource: 'published', features: new Map(Object.entries(features)) },
    });
    const words = (list: string[]) => Object.fromEntries(list.map((w) => [`t:${w}`, 2]));
    const RALLY = ['march', 'bridg', 'counterprotest', 'clash', 'arrest', 'polic', 'crowd', 'banner'];
    const first = withDay('first', 100, {
      ...words(RALLY),
      'n:kestrel front': 3,
      'n:aldermoor': 2,
      'p:vantreight': 1,
      '#:17': 2,
      '#:23': 1,
      '#:400': 1,
    });
    const second = withDay('second', 100, {
      ...words([...RALLY.slice(2), 'permit', 'downtown']),
      'n:kestrel front': 2,
      'n:aldermoor': 2,
      'p:vantreight': 2,
      '#:17': 1,
      '#:23': 2,
      '#:1200': 1,
    });
    const explainer = withDay('explainer', null, {
      ...words(['movement', 'founder', 'ideolog', 'histori', 'member', 'recruit', 'network', 'decad']),
      ...words(['march', 'clash', 'crowd', 'polic', 'arrest', 'banner']),
      'n:kestrel front': 3,
      'n:aldermoor': 1,
      'p:harrowgate': 2,
      '#:1988': 1,
      '#:40': 1,
      '#:12': 1,
    });
    const frequencies = new Map([
      ['n:kestrel front', 20],
      ['n:aldermoor', 40],
    ]);
    const groups = secondPass([first, second, explainer], frequencies, 2000);
    expect(sorted(groups)).toEqual([['explainer'], ['first', 'second']]);
    expect(groups.find((g) => g.articles.includes('explainer'))?.borrowed?.explainer?.day).toBe(100);
    // Every borrowing counted in full (the rule before): the explainer joins the rally's reports.
    expect(sorted(secondPass([first, second, explainer], frequencies, 2000, { borrowedSure: 0 }))).toEqual([
      ['explainer', 'first', 'second'],
    ]);
  });
});
