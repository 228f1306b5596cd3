// The dates annotator, table-driven: each row is a sentence, its publication date and the dates it must
// yield (text and value, in order). Rows with `expected: []` are the "must not match" cases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  parseIsoDate,
  weekdayAfter,
  weekdayBefore,
  weekdayInWeekOf,
  weekdayOnOrBefore,
  yearOnOrBefore,
} from '../src/annotate/dates/calendar.js';
import { type DateOptions, findDates, UNRESOLVED_CODE } from '../src/annotate/dates/index.js';
import { FULL_PARSER, PARSER_WITHOUT_DIGITS, sentenceChunks } from '../src/annotate/dates/parser.js';
import type { DateReason, Span } from '../src/model/article.js';

/** Wednesday. */
const PUB = '2025-03-05';

interface Row {
  text: string;
  published?: string | null;
  /** Substrings of `text` that are direct quotes. */
  quoted?: string[];
  expected: Array<[text: string, value: string | null]>;
}

function quoteSpans(text: string, quoted: readonly string[] = []): Span[] {
  return quoted.map((q) => {
    const start = text.indexOf(q);
    if (start < 0) throw new Error(`quote ${q} not in ${text}`);
    return { start, end: start + q.length };
  });
}

function run(row: Row) {
  const options: DateOptions = {
    published: row.published === undefined ? PUB : row.published,
    quotes: quoteSpans(row.text, row.quoted),
  };
  return findDates(row.text, options);
}

const table: Record<string, Row[]> = {
  'weekdays point back to the latest one on or before publication': [
    { text: 'Trump said on Tuesday that Kyiv was ready.', expected: [['Tuesday', '2025-03-04']] },
    { text: 'Peskov said on Wednesday the idea was welcome.', expected: [['Wednesday', '2025-03-05']] },
    { text: 'The meeting on Friday turned into a confrontation.', expected: [['Friday', '2025-02-28']] },
    { text: 'Zelensky spoke late Tuesday night.', expected: [['late Tuesday', '2025-03-04']] },
    { text: 'Crews arrived early on Sunday.', expected: [['early on Sunday', '2025-03-02']] },
    { text: 'The vote was due by 10 a.m. on Monday.', expected: [['Monday', '2025-03-03']] },
    { text: 'He left last Wednesday.', expected: [['last Wednesday', '2025-02-26']] },
    { text: 'She spoke this Tuesday.', expected: [['this Tuesday', '2025-03-04']] },
    {
      text: 'Ministers met on Monday and Tuesday.',
      expected: [
        ['Monday', '2025-03-03'],
        ['Tuesday', '2025-03-04'],
      ],
    },
    { text: 'It was reported (Monday).', expected: [['Monday', '2025-03-03']] },
    { text: 'He resigned on Tuesday, March 4.', expected: [['Tuesday, March 4', '2025-03-04']] },
  ],
  'weekdays marked as ahead stay ahead': [
    { text: 'Talks are set for next Tuesday.', expected: [['next Tuesday', '2025-03-11']] },
    { text: 'They meet again this coming Friday.', expected: [['this coming Friday', '2025-03-07']] },
  ],
  'a weekday followed by its date takes that date': [
    {
      text: 'Speaking in Kyiv late Tuesday night, March 4, Zelensky said',
      expected: [
        ['late Tuesday', '2025-03-04'],
        ['March 4', '2025-03-04'],
      ],
    },
    {
      text: 'Speaking in Kyiv late Tuesday night, March 4, Zelensky said',
      published: '2025-03-12',
      expected: [
        ['late Tuesday', '2025-03-04'],
        ['March 4', '2025-03-04'],
      ],
    },
    {
      text: 'The campaign was launched on Monday, May 18.',
      published: '2015-04-22',
      expected: [['Monday, May 18', '2015-05-18']],
    },
  ],
  'absolute dates at the precision they state': [
    { text: 'The leaders met in Moscow, 9 October 2024.', expected: [['9 October 2024', '2024-10-09']] },
    { text: 'Talks stalled in May 2022.', expected: [['May 2022', '2022-05']] },
    { text: 'the full-scale invasion began in February 2022.', expected: [['February 2022', '2022-02']] },
    { text: 'the attacks of Sept. 11, 2001', expected: [['Sept. 11, 2001', '2001-09-11']] },
    { text: 'The ruling dated 3/4/2022 stands.', expected: [['3/4/2022', '2022-03-04']] },
    { text: 'Filed 2025-03-05T10:00:00Z.', expected: [['2025-03-05', '2025-03-05']] },
    { text: 'Posted Dec 31, 2016 at 6:44am PST', expected: [['Dec 31, 2016', '2016-12-31']] },
    { text: 'The second day of July, 1776, will be remembered.', expected: [['July, 1776', '1776-07']] },
  ],
  'a day or month without a year takes the latest one not after publication': [
    { text: 'Trump’s March 4 address to Congress', expected: [['March 4', '2025-03-04']] },
    { text: 'the meeting at the White House on 28 February.', expected: [['28 February', '2025-02-28']] },
    { text: 'In January, Lukashenko secured another term.', expected: [['January', '2025-01']] },
    { text: 'He was elected in December.', expected: [['December', '2024-12']] },
    { text: 'It happened in March.', expected: [['March', '2025-03']] },
    { text: 'The memo was dated Oct. 2.', published: '2024-10-22', expected: [['Oct. 2', '2024-10-02']] },
    { text: 'He left last March.', expected: [['last March', '2024-03']] },
    { text: 'It opens next March.', expected: [['next March', '2026-03']] },
    { text: 'by the end of March', expected: [['March', '2025-03']] },
    {
      text: 'Events ran from March 4 to March 6.',
      expected: [
        ['March 4', '2025-03-04'],
        ['March 6', '2025-03-06'],
      ],
    },
    {
      text: 'The sale ran December 30 to January 2.',
      expected: [
        ['December 30', '2024-12-30'],
        ['January 2', '2025-01-02'],
      ],
    },
    { text: 'On March 5, 12 people died.', expected: [['March 5', '2025-03-05']] },
    { text: 'In January, 25 Republicans voted for it.', expected: [['January', '2025-01']] },
    { text: 'after the death in February of Justice Scalia', expected: [['February', '2025-02']] },
  ],
  'without a publication date, only stated years resolve': [
    { text: 'Trump’s March 4 address', published: null, expected: [['March 4', null]] },
    { text: 'In May 2022 talks stalled.', published: null, expected: [['May 2022', '2022-05']] },
    { text: 'He spoke on Tuesday.', published: null, expected: [['Tuesday', null]] },
  ],
  'relative days, months and years': [
    { text: 'He arrived yesterday.', expected: [['yesterday', '2025-03-04']] },
    { text: 'Today the talks resume.', expected: [['Today', '2025-03-05']] },
    { text: 'He will speak tonight.', expected: [['tonight', '2025-03-05']] },
    { text: 'The vote is tomorrow.', expected: [['tomorrow', '2025-03-06']] },
    { text: 'Protesters gathered last night.', expected: [['last night', '2025-03-04']] },
    { text: 'He announced it this morning.', expected: [['this morning', '2025-03-05']] },
    { text: 'He tweeted yesterday afternoon.', expected: [['yesterday', '2025-03-04']] },
    { text: 'The interview was recorded late last month.', expected: [['late last month', '2025-02']] },
    { text: 'It was announced last month.', published: '2024-03-31', expected: [['last month', '2024-02']] },
    { text: 'It is due next month.', published: '2025-01-31', expected: [['next month', '2025-02']] },
    { text: 'Elections are expected next year.', expected: [['next year', '2026']] },
    { text: 'It was inspected early last year.', expected: [['early last year', '2024']] },
    { text: 'It was inspected early last\nyear, officials said.', expected: [['early last\nyear', '2024']] },
    { text: 'The law passed earlier this year.', expected: [['earlier this year', '2025']] },
    { text: 'A ruling is expected later this month.', expected: [['later this month', '2025-03']] },
    { text: 'He left two years ago.', expected: [['two years ago', '2023']] },
    { text: 'It began three days ago.', expected: [['three days ago', '2025-03-02']] },
    { text: 'It began two months ago.', expected: [['two months ago', '2025-01']] },
    { text: 'They met several years ago.', expected: [['several years ago', null]] },
  ],
  'week-level expressions are recorded with value null': [
    { text: 'He said this week that it was over.', expected: [['this week', null]] },
    { text: 'despite saying earlier this week that', expected: [['earlier this week', null]] },
    { text: 'The committee met last week.', expected: [['last week', null]] },
    { text: 'It happened two weeks ago.', expected: [['two weeks ago', null]] },
    { text: 'Shops closed over the weekend.', expected: [['weekend', null]] },
  ],
  'bare years need evidence in front of them': [
    {
      text: 'Belarus hosted the Minsk Agreements in 2014 and 2015.',
      expected: [
        ['2014', '2014'],
        ['2015', '2015'],
      ],
    },
    { text: 'Prices have risen since 2020.', expected: [['2020', '2020']] },
    { text: 'after the 2022 invasion', expected: [['2022', '2022']] },
    { text: 'It was finished by 1999.', expected: [['1999', '1999']] },
    { text: 'Britain’s 2016 referendum', expected: [['2016', '2016']] },
    { text: 'In 2014 people voted.', expected: [['2014', '2014']] },
    { text: 'The war ended in late 2023.', expected: [['late 2023', '2023']] },
    { text: 'Mid-2024 saw a slowdown.', expected: [['Mid-2024', '2024']] },
    { text: 'They married in the summer of 2022.', expected: [['2022', '2022']] },
    { text: 'They married summer 2022.', expected: [['2022', '2022']] },
    { text: 'by the end of 2024', expected: [['2024', '2024']] },
    {
      text: 'The 2014–2015 season was long.',
      expected: [
        ['2014', '2014'],
        ['2015', '2015'],
      ],
    },
    {
      text: '2014–2015 was a hard period.',
      expected: [
        ['2014', '2014'],
        ['2015', '2015'],
      ],
    },
    {
      text: 'In its 2014-15 term, the court ruled.',
      expected: [
        ['2014', '2014'],
        ['15', '2015'],
      ],
    },
    {
      text: 'He served from 2014 to 2016.',
      expected: [
        ['2014', '2014'],
        ['2016', '2016'],
      ],
    },
    {
      text: 'in 2014, 2015 and 2016',
      expected: [
        ['2014', '2014'],
        ['2015', '2015'],
        ['2016', '2016'],
      ],
    },
    {
      text: 'Talks stalled in May 2022 and 2023.',
      expected: [
        ['May 2022', '2022-05'],
        ['2023', '2023'],
      ],
    },
  ],
  'must not match': [
    { text: 'Read it at https://example.com/2025/03/05/story today.', expected: [['today', '2025-03-05']] },
    { text: 'See www.example.com/2024/01/02/news for more.', expected: [] },
    { text: 'Write to press@kyiv2022.org on the matter.', expected: [] },
    { text: 'The convoy travelled 200 kilometers.', expected: [] },
    { text: 'The plane carried 75 citizens.', expected: [] },
    { text: 'The city is half an hour by plane.', expected: [] },
    { text: 'Lukashenko extends a 30-year rule.', expected: [] },
    { text: 'Prices rose 4% and then 4.5%.', expected: [] },
    { text: 'Call 555-123-4567 or 555-2014.', expected: [] },
    { text: 'About 2,014 people attended.', expected: [] },
    { text: '2014 people attended.', expected: [] },
    { text: 'See section 12.3 and Section 2014 of the act.', expected: [] },
    { text: 'The bill was 12,2014 and 2014.5 and $2014.', expected: [] },
    { text: 'It rose 2014 per cent.', expected: [] },
    { text: 'Music of the 1990s.', expected: [] },
    { text: 'They will meet at 5 pm.', expected: [] },
    { text: 'Now is the time, at noon.', expected: [] },
    { text: 'Just two days before launching the invasion', expected: [] },
    { text: 'They fought for three weeks.', expected: [] },
    { text: 'Three weeks later, he resigned.', expected: [] },
    { text: 'The next day, he resigned.', expected: [] },
    { text: 'Over the past two years and in the past week, it grew.', expected: [] },
    { text: 'It happened 3 hours ago, in 10 minutes it ends.', expected: [] },
    { text: 'Litigation usually lasts longer.', expected: [] },
    { text: 'They will march on the capital; it may rain.', expected: [] },
    { text: 'The Baltimore Sun reported it, and Jan Smith agreed.', expected: [] },
    { text: 'The newsroom runs 24/7 and uses 1/2 of its budget.', expected: [] },
    { text: 'A report by USA TODAY.', expected: [] },
    { text: 'Shops close every Tuesday, each weekday evening.', expected: [] },
    { text: 'The 90-day deadline for ages 18-25 passed; the team won 3-1.', expected: [] },
  ],
};

describe('findDates table', () => {
  for (const [group, rows] of Object.entries(table)) {
    describe(group, () => {
      it.each(rows.map((r) => [JSON.stringify(r.text), r] as const))('%s', (_name, row) => {
        const { dates } = run(row);
        expect(dates.map((d) => [d.text, d.value])).toEqual(row.expected);
      });
    });
  }
});

describe('spans', () => {
  const rows = Object.values(table).flat();
  it('are exact slices of the text, sorted and non-overlapping', () => {
    for (const row of rows) {
      const { dates } = run(row);
      let lastEnd = 0;
      for (const d of dates) {
        expect(row.text.slice(d.start, d.end), row.text).toBe(d.text);
        expect(d.start, row.text).toBeGreaterThanOrEqual(lastEnd);
        expect(d.end).toBeGreaterThan(d.start);
        lastEnd = d.end;
      }
    }
  });

  it('keep offsets after masked URLs and astral characters', () => {
    const text = 'Source 🎉 https://example.com/2025/03/05 — on Friday, and in 2014 😀 since 2020.';
    const { dates } = findDates(text, { published: PUB, quotes: [] });
    expect(dates.map((d) => [d.text, text.slice(d.start, d.end), d.value])).toEqual([
      ['Friday', 'Friday', '2025-02-28'],
      ['2014', '2014', '2014'],
      ['2020', '2020', '2020'],
    ]);
  });

  it('never start with a preposition and never include a time of day', () => {
    const text = 'On Tuesday at 5:42 p.m. the span gave way; on May 22, 2024 at 5pm it reopened.';
    const { dates } = findDates(text, { published: PUB, quotes: [] });
    expect(dates.map((d) => d.text)).toEqual(['Tuesday', 'May 22, 2024']);
  });
});

describe('quotes', () => {
  const rows: Row[] = [
    {
      text: '"We will win tomorrow," he said on Tuesday.',
      quoted: ['"We will win tomorrow,"'],
      expected: [
        ['tomorrow', null],
        ['Tuesday', '2025-03-04'],
      ],
    },
    {
      text: '“Today, many people have one question,” he said.',
      quoted: ['“Today, many people have one question,”'],
      expected: [['Today', null]],
    },
    {
      text: '"Last month was hard, and on Friday it got worse," she said.',
      quoted: ['"Last month was hard, and on Friday it got worse,"'],
      expected: [
        ['Last month', null],
        ['Friday', null],
      ],
    },
    {
      text: '"It happened on 9 October 2024 and again in 2022," she said.',
      quoted: ['"It happened on 9 October 2024 and again in 2022,"'],
      expected: [
        ['9 October 2024', '2024-10-09'],
        ['2022', '2022'],
      ],
    },
    {
      text: '"In January we agreed," he said.',
      quoted: ['"In January we agreed,"'],
      expected: [['January', '2025-01']],
    },
  ];
  it.each(rows.map((r) => [r.text, r] as const))('%s', (_name, row) => {
    expect(run(row).dates.map((d) => [d.text, d.value])).toEqual(row.expected);
  });
});

describe('no publication date', () => {
  it('leaves relative expressions unresolved with one message', () => {
    const row: Row = {
      text: 'On Tuesday he met them, as on 9 October 2024, and again yesterday.',
      published: null,
      expected: [],
    };
    const { dates, messages } = run(row);
    expect(dates.map((d) => [d.text, d.value])).toEqual([
      ['Tuesday', null],
      ['9 October 2024', '2024-10-09'],
      ['yesterday', null],
    ]);
    expect(messages).toEqual([
      {
        code: UNRESOLVED_CODE,
        message: '2 relative date expressions ("Tuesday", "yesterday") left unresolved: no publication date',
      },
    ]);
  });

  it('lists at most three examples', () => {
    const text =
      'On Wednesday, Tuesday and Friday, late Tuesday night, March 4, and last month; also in 2022.';
    const { dates, messages } = findDates(text, { published: null, quotes: [] });
    expect(dates.filter((d) => d.value === null).length).toBe(6);
    expect(messages.map((m) => m.code)).toEqual(['date-unresolved']);
    expect(messages[0]?.message).toBe(
      '6 relative date expressions ("Wednesday", "Tuesday", "Friday", …) left unresolved: no publication date',
    );
  });

  it('says nothing when every date states its year, or only quotes are deictic', () => {
    expect(findDates('In May 2022 and since 2014.', { published: null, quotes: [] }).messages).toEqual([]);
    const text = '"See you tomorrow," he said in 2020.';
    const quotes = [{ start: 0, end: 21 }];
    expect(findDates(text, { published: null, quotes }).messages).toEqual([]);
  });

  it('treats an unparseable publication date as unknown', () => {
    const { dates, messages } = findDates('He spoke on Tuesday.', { published: 'March 5', quotes: [] });
    expect(dates.map((d) => d.value)).toEqual([null]);
    expect(messages).toHaveLength(1);
  });
});

describe('host timezone', () => {
  const text =
    'Yesterday, last night and on Friday; last month, two months ago, this month and March 4; in December.';
  const expected = [
    ['Yesterday', '2024-03-30'],
    ['last night', '2024-03-30'],
    ['Friday', '2024-03-29'],
    ['last month', '2024-02'],
    ['two months ago', '2024-01'],
    ['this month', '2024-03'],
    ['March 4', '2024-03-04'],
    ['December', '2023-12'],
  ];
  for (const tz of ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York']) {
    it(`does not shift days in ${tz}`, () => {
      const saved = process.env.TZ;
      process.env.TZ = tz;
      try {
        const { dates } = findDates(text, { published: '2024-03-31', quotes: [] });
        expect(dates.map((d) => [d.text, d.value])).toEqual(expected);
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    });
  }
});

describe('calendar helpers', () => {
  const wed = { year: 2025, month: 3, day: 5 };
  it('parses only real ISO days', () => {
    expect(parseIsoDate('2025-03-05')).toEqual(wed);
    expect(parseIsoDate('2025-02-30')).toBeNull();
    expect(parseIsoDate('5 March 2025')).toBeNull();
    expect(parseIsoDate(null)).toBeNull();
  });
  it('picks weekdays around a reference day', () => {
    expect(weekdayOnOrBefore(wed, 3)).toEqual(wed);
    expect(weekdayOnOrBefore(wed, 5)).toEqual({ year: 2025, month: 2, day: 28 });
    expect(weekdayBefore(wed, 3)).toEqual({ year: 2025, month: 2, day: 26 });
    expect(weekdayAfter(wed, 3)).toEqual({ year: 2025, month: 3, day: 12 });
    expect(weekdayInWeekOf(wed, 0)).toEqual({ year: 2025, month: 3, day: 9 });
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
  });
  it('infers the latest year not after the reference', () => {
    expect(yearOnOrBefore(wed, 3, 5)).toBe(2025);
    expect(yearOnOrBefore(wed, 3, 6)).toBe(2024);
    expect(yearOnOrBefore(wed, 12, null)).toBe(2024);
    expect(yearOnOrBefore(wed, 2, 29)).toBe(2024);
  });
});

describe('sentence chunks', () => {
  it('break after sentences and blank lines, not after date abbreviations or wrapped lines', () => {
    const text =
      'He left last night. This morning he was back.\n\nOn Sept. 11 it was\nquiet at 10 a.m. Tuesday.';
    const chunks = sentenceChunks(text).map(([a, b]) => text.slice(a, b).trim());
    expect(chunks).toEqual([
      'He left last night.',
      'This morning he was back.',
      'On Sept. 11 it was\nquiet at 10 a.m. Tuesday.',
    ]);
  });
});

describe('which sentences go to chrono', () => {
  const dates = (text: string) =>
    findDates(text, { published: PUB, quotes: [] }).dates.map((d) => [d.text, d.value]);

  it('a word that only begins like a month or weekday sends no sentence to chrono', () => {
    // "market", "decision", "money", "friend": chrono read "1/1024" as January 1024 only when such a
    // word was in the sentence.
    expect(dates('The market share of the fund was 1/1024th of the total.')).toEqual([]);
    expect(dates('The decision left him 1/1024th of the money, his friend said.')).toEqual([]);
  });

  it('a sentence without digits parses the same without the parsers that need one', () => {
    const dropped = FULL_PARSER.parsers
      .filter((p) => !PARSER_WITHOUT_DIGITS.parsers.includes(p))
      .map((p) => p.constructor.name);
    expect(dropped).toHaveLength(6);
    const sentences = [
      'He left last night and came back this morning.',
      'The vote was on Tuesday, the first of March, two weeks ago.',
      'Talks resume next Friday afternoon or at noon tomorrow.',
      'In late September of last year, three days before the deadline, she quit.',
      'On the twenty-first of June they met again; a few months later the deal was signed.',
      'The law takes effect at midnight on New Year, or in the coming weekend.',
    ];
    const instant = new Date(Date.UTC(2025, 2, 5, 12));
    const read = (parser: typeof FULL_PARSER, text: string) =>
      parser
        .parse(text, { instant, timezone: 0 }, { forwardDate: false })
        .map((r) => [r.index, r.text, r.start.date().toISOString()]);
    for (const text of sentences) {
      expect(read(FULL_PARSER, text).length, text).toBeGreaterThan(0);
      expect(read(PARSER_WITHOUT_DIGITS, text), text).toEqual(read(FULL_PARSER, text));
    }
  });

  it('month names still do, abbreviated, dotted or glued to the word after them', () => {
    expect(dates('They met on Mar. 5 and again on Dec 3.')).toEqual([
      ['Mar. 5', '2025-03-05'],
      ['Dec 3', '2024-12-03'],
    ]);
    expect(dates('The vote is on Marchfirst.').length).toBe(1);
  });
});

// Direction of dates without a year (issue 12): the invented table in test/fixtures/dates-context.json,
// each row a sentence of a past or future clause, weekday and month-day forms, across year ends.
interface ContextRow {
  published: string;
  text: string;
  expected: Array<[text: string, value: string]>;
}
const contextRows = (
  JSON.parse(readFileSync(new URL('./fixtures/dates-context.json', import.meta.url), 'utf8')) as {
    rows: ContextRow[];
  }
).rows;
/** Rows the resolver is known to miss; each says why. */
const KNOWN_MISSES = new Set([
  // A plural present verb ("come", "take") reads like an infinitive or a noun: no future marker is seen.
  'The new rules come into force on February 1.',
]);

describe('future and past contexts', () => {
  it.each(contextRows.filter((r) => !KNOWN_MISSES.has(r.text)).map((r) => [r.text, r] as const))(
    '%s',
    (_name, row) => {
      const { dates } = findDates(row.text, { published: row.published, quotes: [] });
      expect(dates.map((d) => [d.text, d.value])).toEqual(row.expected);
    },
  );

  it('has at least 40 sentences and misses only the listed ones', () => {
    expect(contextRows.length).toBeGreaterThanOrEqual(40);
    const wrong = contextRows.filter((r) => {
      const got = findDates(r.text, { published: r.published, quotes: [] }).dates;
      return JSON.stringify(got.map((d) => [d.text, d.value])) !== JSON.stringify(r.expected);
    });
    expect(wrong.map((r) => r.text)).toEqual([...KNOWN_MISSES]);
  });

  it('resolves forward from publication in a future clause', () => {
    const at = (text: string) => findDates(text, { published: '2020-04-13', quotes: [] }).dates[0];
    expect(at('The hearing will be held on May 1.')).toMatchObject({
      value: '2020-05-01',
      reason: 'future-context',
    });
    expect(at('The hearing was held on May 1.')).toMatchObject({
      value: '2019-05-01',
      reason: 'past-default',
    });
    // Published on a Monday, "will speak on Monday" is that day.
    expect(at('The governor will speak on Monday.')).toMatchObject({ value: '2020-04-13' });
  });

  it('takes the nearest tense marker: the saying is past, what is said may be ahead', () => {
    const { dates } = findDates('The board announced on Thursday that it will vote on Friday.', {
      published: '2020-04-13',
      quotes: [],
    });
    expect(dates.map((d) => [d.value, d.reason])).toEqual([
      ['2020-04-09', 'past-default'],
      ['2020-04-17', 'future-context'],
    ]);
  });

  it('ignores "ahead of", which only orders two events', () => {
    const [d] = findDates('Crowds gathered on Saturday ahead of the final.', {
      published: '2020-04-13',
      quotes: [],
    }).dates;
    expect(d?.value).toBe('2020-04-11');
  });

  it('joins a month to "of last year" and "next year"', () => {
    const got = (text: string) =>
      findDates(text, { published: '2020-04-13', quotes: [] }).dates.map((d) => [d.text, d.value, d.reason]);
    expect(got('Exports fell in June of last year.')).toEqual([
      ['June of last year', '2019-06', 'relative-word'],
    ]);
    expect(got('The plant opens in June next year.')).toEqual([
      ['June next year', '2021-06', 'relative-word'],
    ]);
  });

  it('gives every resolved date a reason and no reason to an unresolved one', () => {
    const text =
      'On 9 October 2024 she left; she returned late Tuesday night, March 4, and will speak tomorrow. It rained last week.';
    const { dates } = findDates(text, { published: '2025-03-05', quotes: [] });
    for (const d of dates)
      expect(d.value === null ? d.reason === undefined : typeof d.reason === 'string').toBe(true);
    expect(dates.find((d) => d.text === '9 October 2024')?.reason).toBe('explicit-year');
    expect(dates.find((d) => d.text === 'tomorrow')?.reason).toBe('relative-word');
    expect(dates.find((d) => d.text === 'late Tuesday')?.reason).toBe('anchored-date');
  });
});

describe('the reason in the annotation schema', () => {
  // Listing every reason as a key makes the type checker fail when one is added here but not below.
  const reasons: Record<DateReason, true> = {
    'explicit-year': true,
    'relative-word': true,
    'past-default': true,
    'future-context': true,
    'weekday-fit': true,
    'anchored-date': true,
    'range-start': true,
  };
  it('lists exactly the reasons the annotator gives', () => {
    const schema: unknown = JSON.parse(
      readFileSync(new URL('../schema/annotations.schema.json', import.meta.url), 'utf8'),
    );
    const found = JSON.stringify(schema).match(
      /"reason":\{"description":"Why the value[^}]*"enum":(\[[^\]]*\])/,
    );
    expect(JSON.parse(found?.[1] ?? '[]').sort()).toEqual(Object.keys(reasons).sort());
  });
});

describe('a month in "that year"', () => {
  const values = (text: string) =>
    findDates(text, { published: '2017-10-30', quotes: [] }).dates.map((d) => [d.text, d.value]);
  it('takes the year the text named before it, not the publication year', () => {
    expect(
      values('Roe joined the port board in March 2015 and became its chair in May of that year.'),
    ).toEqual([
      ['March 2015', '2015-03'],
      ['May of that year', '2015-05'],
    ]);
    expect(
      values('In 2014 the ferry line reopened, and in June the same year it carried a record crowd.'),
    ).toEqual([
      ['2014', '2014'],
      ['June the same year', '2014-06'],
    ]);
  });
  it('is unknown when no year came before it', () => {
    expect(values('Roe became the chair of the port board in May of that year.')).toEqual([
      ['May of that year', null],
    ]);
  });
});
