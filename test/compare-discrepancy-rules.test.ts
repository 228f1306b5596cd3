// The precision rules of discrepancies (issue 13): each kind fires only between values of one claim or
// one actor that really conflict. Invented sentences of the shapes that fired falsely before, next to the
// genuine shapes that must still fire.
import { describe, expect, it } from 'vitest';
import { compareActors, spellingVariant } from '../src/compare/actors/index.js';
import type { StoryContext } from '../src/compare/context.js';
import { alignFacts } from '../src/compare/facts/index.js';
import { measuredSubject, namedPeriods, periodsApart } from '../src/compare/facts/measured.js';
import { samePrintedWords, wordingDifferences } from '../src/compare/quotes/wording.js';
import type { AnnotatedArticle, Entity } from '../src/model/article.js';
import { tokenizeSpan } from '../src/text/words.js';
import { annotateText } from './support/articles.js';

function annotated(id: string, body: string): AnnotatedArticle {
  return annotateText(body, id);
}

function story(articles: AnnotatedArticle[]): StoryContext {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return {
    articles,
    byId,
    actorOf: (articleId, entityId) =>
      byId
        .get(articleId)
        ?.entities.find((e) => e.id === entityId)
        ?.name.toLowerCase() ?? null,
    negativeSpans: () => [],
    toneOf: () => ({ tone: 'neutral', words: [] }),
  };
}

/** The number discrepancies of a story of these bodies, which must align into one shared fact. */
function numbersOf(bodies: string[]): string[][] {
  const { facts, discrepancies } = alignFacts(story(bodies.map((b, i) => annotated(`o${i + 1}`, b))));
  // Else the test would pass for the wrong reason: sentences never compared.
  expect(facts.some((f) => f.articles.length === bodies.length)).toBe(true);
  return discrepancies.filter((d) => d.kind === 'number').map((d) => d.values.map((v) => v.value));
}

describe('number discrepancies', () => {
  it('fire for one count of one claim, with both sentences as evidence', () => {
    const bodies = [
      'The explosion at the Tarrow refinery on Friday injured 12 people, the fire service said.',
      'The explosion at the Tarrow refinery on Friday injured 14 people, the fire service said.',
    ];
    const found = alignFacts(story(bodies.map((b, i) => annotated(`o${i + 1}`, b)))).discrepancies.filter(
      (d) => d.kind === 'number',
    );
    expect(found.map((d) => d.values.map((v) => v.value))).toEqual([['12', '14']]);
    expect(found[0]?.evidence?.map((e) => e.article)).toEqual(['o1', 'o2']);
  });

  it('do not fire when the figures count different nouns', () => {
    expect(
      numbersOf([
        'The storm at the Pell harbour on Friday damaged 12 boats, the coast guard said.',
        'The storm at the Pell harbour on Friday damaged 14 cars, the coast guard said.',
      ]),
    ).toEqual([]);
  });

  it('do not fire for a bound or an estimate against a figure', () => {
    expect(
      numbersOf([
        'The explosion at the Tarrow refinery on Friday injured at least 12 people, the fire service said.',
        'The explosion at the Tarrow refinery on Friday injured 14 people, the fire service said.',
      ]),
    ).toEqual([]);
    expect(
      numbersOf([
        'The flood at the Ossen valley on Sunday forced about 300 residents from their homes, officials said.',
        'The flood at the Ossen valley on Sunday forced 312 residents from their homes, officials said.',
      ]),
    ).toEqual([]);
  });

  it('do not fire for an estimate with its article ("nearly a dozen") against a figure', () => {
    expect(
      numbersOf([
        'Nearly a dozen Varn lawmakers from the coastal districts opposed the harbour budget on Friday.',
        'Eleven Varn lawmakers from the coastal districts opposed the harbour budget on Friday.',
      ]),
    ).toEqual([]);
  });

  it('do not fire when one sentence gives both figures for two things', () => {
    expect(
      numbersOf([
        'The indictment of the Varn port chief lists 9 counts, including fraud and 4 counts of failing to file tax returns.',
        'The indictment of the Varn port chief lists 4 counts of failing to file tax returns among other charges.',
        'The indictment of the Varn port chief lists 9 counts of fraud, bribery and failing to file tax returns.',
      ]),
    ).toEqual([]);
  });

  it('do not fire for an increment against a total', () => {
    expect(
      numbersOf([
        'The explosion at the Tarrow refinery on Friday injured another 12 people, the fire service said.',
        'The explosion at the Tarrow refinery on Friday injured 14 people, the fire service said.',
      ]),
    ).toEqual([]);
  });

  it('do not fire for percentages that share one topic word', () => {
    expect(
      numbersOf([
        'In the Varn primary on Tuesday, Hale came second with 36 percent, officials said.',
        'In the Varn primary on Tuesday, Koss came second place at 17 percent, officials said.',
      ]),
    ).toEqual([]);
  });

  it('do not fire for counts of two months, one named only as a modifier', () => {
    expect(
      numbersOf([
        'The Varn labour office said its March payroll report showed employers added 31,000 jobs across the region.',
        'The Varn labour office said employers added 40,000 jobs across the region in April.',
      ]),
    ).toEqual([]);
    expect(
      numbersOf([
        "Monday's count at the Pell shelter found 210 families waiting for rooms, the charity said.",
        'A count at the Pell shelter on Tuesday found 260 families waiting for rooms, the charity said.',
      ]),
    ).toEqual([]);
  });

  it('fire for one measured subject in a unit of measure, not for two subjects in one unit', () => {
    expect(
      numbersOf([
        'The Varn exchange index fell 200 points on Friday after the rate decision, traders said.',
        'The Varn exchange index closed down 150 points on Friday after the rate decision, traders said.',
      ]),
    ).toEqual([['200', '150']]);
    expect(
      numbersOf([
        'On the Varn exchange, grain futures fell 200 points on Friday after the rate decision, traders said.',
        // One verb on both sides, so the two sentences still align (facts/claims.ts asks for one event).
        'The Varn exchange index fell 150 points on Friday after the rate decision, traders said.',
      ]),
    ).toEqual([]);
  });

  it('do not fire for percentages of different things', () => {
    expect(
      numbersOf([
        'The Varn council said on Monday that rents in the city rose 3 percent this year.',
        'The Varn council said on Monday that 5 percent of households in the city are behind on rent.',
      ]),
    ).toEqual([]);
  });
});

/** The date discrepancies of a story of (body, publication day, inferred?) articles, which must align into one fact. */
function datesOf(articles: { body: string; published: string; inferred?: boolean }[]): string[][] {
  const annotatedArticles = articles.map((a, i) => ({
    ...annotateText(a.body, `o${i + 1}`, { published: a.published }),
    publishedInferred: a.inferred === true,
  }));
  const { facts, discrepancies } = alignFacts(story(annotatedArticles));
  expect(facts.some((f) => f.articles.length === articles.length)).toBe(true);
  const dates = discrepancies.filter((d) => d.kind === 'date');
  // Every date discrepancy shows the sentence of each side.
  for (const d of dates) expect(new Set(d.evidence?.map((e) => e.article)).size).toBe(2);
  return dates.map((d) => d.values.map((v) => v.value));
}

describe('date discrepancies', () => {
  const vote = (day: string) =>
    `The Varnley council approved the new harbour budget ${day}, the council clerk said in a statement.`;

  it('fire for two stated days of one event, with both sentences as evidence', () => {
    expect(
      datesOf([
        { body: vote('on May 6'), published: '2024-05-08' },
        { body: vote('on May 7'), published: '2024-05-09' },
      ]),
    ).toEqual([['2024-05-06', '2024-05-07']]);
  });

  it('fire for two relative days read against the same publication day', () => {
    expect(
      datesOf([
        { body: vote('on Monday'), published: '2024-05-08' },
        { body: vote('on Tuesday'), published: '2024-05-08' },
      ]),
    ).toEqual([['2024-05-06', '2024-05-07']]);
  });

  it('do not fire for two events that share only a name', () => {
    const found = alignFacts(
      story([
        annotateText(
          'The Assembly on Thursday confirmed Tom Gaskell, Governor Ann Roe’s nominee for harbour master.',
          'o1',
          {
            published: '2024-05-10',
          },
        ),
        annotateText(
          "Governor Ann Roe's nominee for harbour master, Tom Gaskell, faced tough questions in his confirmation hearing in the Assembly Tuesday.",
          'o2',
          { published: '2024-05-10' },
        ),
      ]),
    );
    // Two guards keep these apart: the one-event rule of the facts (a vote is no hearing, so the sentences
    // are two facts and never compared) and, should a fact still hold both, the date's need for an event
    // word in common (sharedAnchors).
    expect(found.facts.some((f) => f.articles.length === 2)).toBe(false);
    expect(found.discrepancies.filter((d) => d.kind === 'date')).toEqual([]);
  });

  it('do not fire for one weekday read against different publication days', () => {
    // Both say "Tuesday"; resolved against May 9 and May 15 they name different days.
    expect(
      datesOf([
        { body: vote('on Tuesday'), published: '2024-05-09' },
        { body: vote('on Tuesday'), published: '2024-05-15' },
      ]),
    ).toEqual([]);
  });

  it('do not fire for a relative day against a stated one, or against an inferred publication day', () => {
    expect(
      datesOf([
        { body: vote('on Monday'), published: '2024-05-08' },
        { body: vote('on May 7'), published: '2024-05-08' },
      ]),
    ).toEqual([]);
    expect(
      datesOf([
        { body: vote('on Monday'), published: '2024-05-08' },
        { body: vote('on Tuesday'), published: '2024-05-08', inferred: true },
      ]),
    ).toEqual([]);
  });
});

function person(id: string, name: string, mentions: string[], descriptors: string[] = []): Entity {
  return {
    id,
    name,
    kind: 'person',
    mentions: mentions.map((text, i) => ({ start: i * 100, end: i * 100 + text.length, text })),
    descriptors: descriptors.map((text, i) => ({
      start: 5000 + i * 100,
      end: 5000 + i * 100 + text.length,
      text,
      via: 'title' as const,
    })),
  };
}

/** An article holding only the given entities (the actor comparison reads entities, quotes and references). */
function withEntities(id: string, entities: Entity[]): AnnotatedArticle {
  const base = annotated(id, 'Placeholder text for the actor comparison.');
  return { ...base, entities, quotes: [], unresolvedReferences: [] };
}

const kindsFor = (articles: AnnotatedArticle[], kind: string) =>
  compareActors(articles).discrepancies.filter((d) => d.kind === kind);

describe('spelling discrepancies', () => {
  it.each([
    ['Nowak', 'Novak', true],
    ['Petrovsky', 'Petrovskyy', true],
    ['Halvorsen', 'Halvorson', true],
    ['European', 'Union', false],
    ['Brennan', 'Brennans', false],
    ["O'Dowd", 'ODowd', false],
    ['Müller', 'Muller', false],
    ['MARSH', 'Marsh', false],
    ['Ruiz', 'Ruis', false],
    ['Petrovskiy', 'Petrovsky', true],
    ['Democrats', 'Democracy', false],
    ['Americans', 'American', false],
  ])('%s / %s is a spelling variant: %s', (a, b, expected) => {
    expect(spellingVariant(a, b)).toBe(expected);
  });

  it('fire between two outlets spelling one surname two ways, with the mentions as evidence', () => {
    const found = kindsFor(
      [
        withEntities('a', [person('e1', 'Dorota Nowak', ['Dorota Nowak', 'Nowak'])]),
        withEntities('b', [person('e1', 'Dorota Novak', ['Dorota Novak'])]),
      ],
      'spelling',
    );
    expect(found.map((d) => d.values.map((v) => v.value).sort())).toEqual([['Dorota Novak', 'Dorota Nowak']]);
    expect(found[0]?.evidence?.map((e) => e.article).sort()).toEqual(['a', 'b']);
  });

  it('do not fire for a first name or a plural', () => {
    expect(
      kindsFor(
        [
          withEntities('a', [person('e1', 'Dorota Brennan', ['Dorota Brennan', 'Dorota', 'the Brennans'])]),
          withEntities('b', [person('e1', 'Dorota Brennan', ['Dorota Brennan'])]),
        ],
        'spelling',
      ),
    ).toEqual([]);
  });

  it('do not fire for a spelling inside quotation marks or a lone English word', () => {
    const quoted = withEntities('c', [person('e1', 'Dorota Brenan', ['Dorota Brenan'])]);
    quoted.quotes = [{ start: 0, end: 40, text: 'x' } as never];
    const other = withEntities('b', [person('e1', 'Dorota Brennan', ['Dorota Brennan'])]);
    expect(kindsFor([quoted, other], 'spelling')).toEqual([]);
    const word = withEntities('d', [person('e1', 'Steve Reily', ['Really'])]);
    const named = withEntities('e', [person('e1', 'Steve Reily', ['Steve Reily'])]);
    expect(kindsFor([word, named], 'spelling')).toEqual([]);
  });

  it('fire for one outlet’s slip next to another outlet’s spelling, not for two forms of one article alone', () => {
    const slip = withEntities('c', [person('e1', 'Dorota Brenan', ['Dorota Brenan', 'Dorota Brennan'])]);
    expect(kindsFor([slip], 'spelling')).toEqual([]);
    const other = withEntities('b', [person('e1', 'Dorota Brennan', ['Dorota Brennan'])]);
    expect(kindsFor([slip, other], 'spelling')).toHaveLength(1);
  });
});

describe('title discrepancies', () => {
  it('fire for different offices of one slot, with the labels as evidence', () => {
    const found = kindsFor(
      [
        withEntities('a', [person('e1', 'Lena Varga', ['Lena Varga'], ['deputy minister'])]),
        withEntities('b', [person('e1', 'Lena Varga', ['Lena Varga'], ['minister'])]),
      ],
      'title',
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.values.map((v) => v.value).sort()).toEqual(['deputy minister', 'minister']);
    expect(found[0]?.evidence?.map((e) => e.article).sort()).toEqual(['a', 'b']);
    expect(
      kindsFor(
        [
          withEntities('a', [person('e1', 'Lena Varga', ['Lena Varga'], ['prime minister'])]),
          withEntities('b', [person('e1', 'Lena Varga', ['Lena Varga'], ['president'])]),
        ],
        'title',
      ),
    ).toHaveLength(1);
  });

  it('do not fire for an office and the same office held before ("former senator" / "senator")', () => {
    expect(
      kindsFor(
        [
          withEntities('a', [person('e1', 'Lena Varga', ['Lena Varga'], ['former senator'])]),
          withEntities('b', [person('e1', 'Lena Varga', ['Lena Varga'], ['senator'])]),
        ],
        'title',
      ),
    ).toEqual([]);
  });

  it('do not fire for labels of different tone or different descriptive words', () => {
    expect(
      kindsFor(
        [
          withEntities('a', [person('e1', 'Lena Varga', ['Lena Varga'], ['Varnish president'])]),
          withEntities('b', [person('e1', 'Lena Varga', ['Lena Varga'], ['self-proclaimed president'])]),
          withEntities('c', [person('e1', 'Lena Varga', ['Lena Varga'], ['longtime lawmaker', 'dictator'])]),
        ],
        'title',
      ),
    ).toEqual([]);
  });

  it('do not fire for a press secretary called a spokeswoman', () => {
    expect(
      kindsFor(
        [
          withEntities('a', [person('e1', 'Lena Varga', ['Lena Varga'], ['Palace press secretary'])]),
          withEntities('b', [person('e1', 'Lena Varga', ['Lena Varga'], ['Palace spokeswoman'])]),
        ],
        'title',
      ),
    ).toEqual([]);
    expect(
      kindsFor(
        [
          withEntities('a', [person('e1', 'Lena Varga', ['Lena Varga'], ['press secretary'])]),
          withEntities('b', [person('e1', 'Lena Varga', ['Lena Varga'], ['finance secretary'])]),
        ],
        'title',
      ),
    ).toHaveLength(1);
  });

  it('do not fire for two offices held in turn, both dated to the past', () => {
    expect(
      kindsFor(
        [
          withEntities('a', [person('e1', 'Tom Gaskell', ['Tom Gaskell'], ['former deputy director'])]),
          withEntities('b', [
            person('e1', 'Tom Gaskell', ['Tom Gaskell'], ['former acting Bureau director']),
          ]),
        ],
        'title',
      ),
    ).toEqual([]);
    // A past office against a present one may still be a conflict.
    expect(
      kindsFor(
        [
          withEntities('a', [person('e1', 'Tom Gaskell', ['Tom Gaskell'], ['former deputy director'])]),
          withEntities('b', [person('e1', 'Tom Gaskell', ['Tom Gaskell'], ['Bureau director'])]),
        ],
        'title',
      ),
    ).toHaveLength(1);
  });

  it('do not fire for the shorthand "chief" against the office of the head', () => {
    expect(
      kindsFor(
        [
          withEntities('a', [person('e1', 'Tom Gaskell', ['Tom Gaskell'], ['Bureau chief'])]),
          withEntities('b', [person('e1', 'Tom Gaskell', ['Tom Gaskell'], ['Bureau Director'])]),
        ],
        'title',
      ),
    ).toEqual([]);
    expect(
      kindsFor(
        [
          withEntities('a', [person('e1', 'Tom Gaskell', ['Tom Gaskell'], ['Bureau chief'])]),
          withEntities('b', [person('e1', 'Tom Gaskell', ['Tom Gaskell'], ['deputy Bureau director'])]),
        ],
        'title',
      ),
    ).toHaveLength(1);
  });

  it('do not fire for a stand-in head against the deputy office', () => {
    expect(
      kindsFor(
        [
          withEntities('a', [person('e1', 'Tom Gaskell', ['Tom Gaskell'], ['acting director'])]),
          withEntities('b', [person('e1', 'Tom Gaskell', ['Tom Gaskell'], ['deputy director'])]),
        ],
        'title',
      ),
    ).toEqual([]);
  });

  it('do not take an office from a definite description the annotator resolved', () => {
    const resolved = person('e1', 'Tom Gaskell', ['Tom Gaskell']);
    resolved.descriptors = [{ start: 400, end: 408, text: 'director', via: 'reference' }];
    expect(
      kindsFor(
        [
          withEntities('a', [person('e1', 'Tom Gaskell', ['Tom Gaskell'], ['deputy director'])]),
          withEntities('b', [resolved]),
        ],
        'title',
      ),
    ).toEqual([]);
  });

  it('do not fire when the outlet with the second office also gives the first', () => {
    expect(
      kindsFor(
        [
          withEntities('a', [person('e1', 'Lena Varga', ['Lena Varga'], ['president', 'chancellor'])]),
          withEntities('b', [person('e1', 'Lena Varga', ['Lena Varga'], ['president'])]),
        ],
        'title',
      ),
    ).toEqual([]);
  });
});

describe('periods and measured subjects', () => {
  const tokenize = (text: string) => tokenizeSpan(text, 0, text.length);
  it('reads a month or weekday used as a modifier, not a name or the verb', () => {
    const periods = (text: string) => namedPeriods(text, tokenize(text));
    expect([...periods('The May payroll report was weak.').months]).toEqual([4]);
    expect([...periods("Tuesday's vote was close.").weekdays]).toEqual([1]);
    expect([...periods('Prices may fall, said Ann June.').months]).toEqual([]);
    expect(periodsApart(periods('The May payroll report'), periods('jobs added in June'))).toBe(true);
    expect(periodsApart(periods('The May payroll report'), periods('jobs added on Friday'))).toBe(false);
  });

  it('takes the words before a figure, without words of movement, as what it measures', () => {
    const text = 'Grain futures fell 200 points, and the index closed down 150 points.';
    const t = tokenize(text);
    expect([...measuredSubject(text, t, text.indexOf('200'))]).toEqual(['futur', 'grain']);
    expect([...measuredSubject(text, t, text.indexOf('150'))]).toEqual(['index']);
  });
});

describe('wording discrepancies', () => {
  const label = (id: string) => id;
  const differ = (a: string, b: string, speakers: [string | null, string | null] = ['varga', 'varga']) =>
    wordingDifferences(
      [
        { article: 'a', text: a, start: 0, end: a.length, speaker: speakers[0] },
        { article: 'b', text: b, start: 10, end: 10 + b.length, speaker: speakers[1] },
      ],
      label,
    );

  it('do not fire for a fragment that shares the last item of a list, or for an aside left out', () => {
    expect(
      differ('incited hatred', 'inciting anger, fear, hatred, and spite by mocking the poor.'),
    ).toBeNull();
    expect(differ('We will, as ever, hold the valley.', 'We will hold the valley.')).toBeNull();
    // A word put in without commas still differs.
    expect(
      differ('This is an effort to wreck the port.', 'This is an effort simply to wreck the port.'),
    ).not.toBeNull();
  });

  it('fire for one utterance printed with a different word, with both printings as evidence', () => {
    const found = differ('We will not retreat from this valley.', 'We will not surrender this valley.');
    expect(found?.values.map((v) => v.text)).toHaveLength(2);
    expect(found?.values.flatMap((v) => v.evidence.map((e) => e.article))).toEqual(['a', 'b']);
  });

  it.each([
    ['The E.U. must act on the border now.', 'The EU must act on the border now.'],
    ['We want a long-term deal for the port.', 'We want a long term deal for the port.'],
    ["We don't accept the ruling of the court.", 'We do not accept the ruling of the court.'],
    ['The CEO has our full support in this.', 'The chief executive officer has our full support in this.'],
    ['Our town will rebuild, STRONGER than before.', 'Our town will rebuild, stronger than before!'],
    ['Our town will rebuild, stronger than before.', 'will rebuild, stronger than before'],
    ['Senator Hale has our respect and our prayers.', 'Sen. Hale has our respect and our prayers.'],
    ['costly harbour plan', 'We will stop the harbour plan before the vote.'],
    // An obscenity masked differently by two outlets is one word.
    [
      'We will throw the d*** rascals out of the harbour.',
      'We will throw the d--- rascals out of the harbour.',
    ],
    ['go in there and sink the motherf**ker.', 'we are going to go in there and sink the motherf-----!'],
  ])('do not fire for a printing difference: %s / %s', (a, b) => {
    expect(differ(a, b)).toBeNull();
  });

  it('fire for a masked word against a different word', () => {
    expect(
      differ(
        'We will throw the d*** rascals out of the harbour.',
        'We will throw the bad rascals out of the harbour.',
      ),
    ).not.toBeNull();
  });

  it('do not fire between lines that share only function words and a name', () => {
    expect(
      differ(
        'harmful to the interests of the Varnish republic',
        'We will hold talks with every party that respects the borders of the Varnish republic.',
      ),
    ).toBeNull();
  });

  it('do not fire between two different lines of one speaker on one topic', () => {
    expect(
      differ(
        'We will cut taxes for working families next spring.',
        'Families deserve a tax cut and we will deliver it.',
      ),
    ).toBeNull();
  });

  it('do not fire between two speakers', () => {
    expect(
      differ('We will not retreat from this valley.', 'We will not surrender this valley.', [
        'varga',
        'koss',
      ]),
    ).toBeNull();
  });

  it('do not fire between a question put to the speaker and the reply, even credited to the speaker', () => {
    expect(
      differ('Will you cut the budget for rural schools?', 'We will not cut the budget for city schools.'),
    ).toBeNull();
  });

  it('do not fire between a line spoken to "you" and a reply spoken as "we"', () => {
    expect(differ('You will not retreat from this valley.', 'We will not surrender this valley.')).toBeNull();
  });

  it('do not fire when a printing is credited to nobody', () => {
    const [a, b] = ['We will not retreat from this valley.', 'We will not surrender this valley.'];
    expect(differ(a, b, ['varga', null])).toBeNull();
    expect(differ(a, b, [null, null])).toBeNull();
  });

  it('treats abbreviations, hyphens and contractions as the same words', () => {
    expect(samePrintedWords(['U.S.'], ['US'])).toBe(true);
    expect(samePrintedWords(["won't"], ['will', 'not'])).toBe(true);
    expect(samePrintedWords(['retreat'], ['surrender'])).toBe(false);
  });
});
