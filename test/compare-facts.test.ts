// Facts, timeline and digest on small invented stories (annotated by the real clean + annotate stages),
// then on the reference story and the example story. Actors come from a stand-in that maps entities by
// surname, so these tests do not depend on compare/actors.
import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../src/annotate/index.js';
import { cleanArticle } from '../src/clean/index.js';
import type { StoryContext } from '../src/compare/context.js';
import { buildDigest, citing } from '../src/compare/digest/index.js';
import { alignStory } from '../src/compare/facts/align.js';
import { alignFacts, evidenceOf } from '../src/compare/facts/index.js';
import type { Unit } from '../src/compare/text/units.js';
import { buildTimeline } from '../src/compare/timeline/index.js';
import type { AnnotatedArticle } from '../src/model/article.js';
import type { DigestSentence, EvidenceSpan, Fact } from '../src/model/report.js';
import { annotateAll, EXAMPLE_STORY, hasCorpus, MINSK } from './support/corpus.js';

function article(id: string, body: string, published = '2024-05-08'): AnnotatedArticle {
  return annotateArticle(
    cleanArticle(
      { source: `${id}.txt`, format: 'text', body, bodyIsHtml: false, meta: { published }, messages: [] },
      id,
    ),
  );
}

/** A story context; `negative` marks label spans: a word pattern, or descriptors matching it. */
function story(
  articles: AnnotatedArticle[],
  negative: { words?: RegExp; descriptors?: RegExp } = {},
): StoryContext {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const surname = (name: string) => (name.split(/\s+/).pop() ?? name).toLowerCase().replace(/['’]s$/, '');
  return {
    articles,
    byId,
    actorOf: (articleId, entityId) => {
      const entity = byId.get(articleId)?.entities.find((e) => e.id === entityId);
      return entity ? surname(entity.name) : null;
    },
    negativeSpans: (articleId) => {
      const a = byId.get(articleId);
      if (!a) return [];
      const spans: { start: number; end: number }[] = [];
      if (negative.words) {
        for (const m of a.text.matchAll(new RegExp(negative.words.source, 'g'))) {
          spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
        }
      }
      const { descriptors } = negative;
      if (descriptors)
        spans.push(...a.entities.flatMap((e) => e.descriptors.filter((d) => descriptors.test(d.text))));
      return spans;
    },
    toneOf: () => ({ tone: 'neutral', words: [] }),
  };
}

/** Every evidence span must be exactly what its article says there. */
function expectExact(ctx: StoryContext, spans: readonly EvidenceSpan[]): void {
  for (const e of spans) {
    const a = ctx.byId.get(e.article);
    expect(a, e.article).toBeDefined();
    expect(a?.text.slice(e.start, e.end)).toBe(e.text);
  }
}

/** Digest rules that hold for every story. */
function expectDigestRules(
  ctx: StoryContext,
  facts: readonly Fact[],
  digest: readonly DigestSentence[],
): void {
  const seen = new Set<string>();
  for (const d of digest) {
    const [source] = d.evidence ?? [];
    expect(source?.text).toBe(d.text);
    expectExact(ctx, d.evidence ?? []);
    // It cites its own article and only articles of the fact it comes from (those whose sentence states
    // the same claim: see digest/index.ts).
    const fact = facts.find((f) =>
      f.evidence.some(
        (e) => e.article === source?.article && e.start < (source?.end ?? 0) && e.end > (source?.start ?? 0),
      ),
    );
    expect(fact, d.text).toBeDefined();
    expect(d.articles).toContain(source?.article);
    for (const id of d.articles) expect(fact?.articles).toContain(id);
    // One sentence per fact, and never a sentence holding a negative label.
    expect(seen.has(fact?.id ?? '')).toBe(false);
    seen.add(fact?.id ?? '');
    const negatives = ctx.negativeSpans(source?.article ?? '');
    expect(negatives.some((n) => n.start < (source?.end ?? 0) && n.end > (source?.start ?? 0))).toBe(false);
  }
}

// An invented story: a warehouse fire told by three outlets that disagree on the injured and on the source.
const FIRE = [
  article(
    'north-post',
    'A fire destroyed the Marlow Street warehouse in Dunmore on Tuesday, injuring 12 workers, the fire department said.\n\n' +
      'Investigators believe faulty wiring in the loading bay started the blaze.\n\n' +
      'The warehouse owner, Petra Lind, said the building had passed its last safety inspection in March.\n\n' +
      'The company employs about 200 people at the site and plans to reopen within a year.',
  ),
  article(
    'valley-times',
    'Fire tore through the notorious Marlow Street warehouse in Dunmore on Tuesday, and 14 workers were hurt.\n\n' +
      'Investigators believe faulty wiring in the loading bay started the blaze, according to the Dunmore Herald.\n\n' +
      'Fire Chief Omar Ruiz said 40 firefighters fought the flames for six hours before the roof fell in.\n\n' +
      'Neighbours were told to keep their windows closed while the smoke drifted over the river.',
  ),
  article(
    'river-news',
    'The Marlow Street warehouse in Dunmore was destroyed by fire on Tuesday and 12 workers were injured.\n\n' +
      'Investigators believe faulty wiring in the loading bay started the blaze, as reported by Coast Radio.\n\n' +
      'The city council will debate stricter inspection rules for industrial buildings at its meeting next month.\n\n' +
      'Union leaders asked the company to keep paying the workers while the warehouse is rebuilt.',
  ),
];

describe('facts', () => {
  const ctx = story(FIRE, { words: /notorious/ });
  const { facts, discrepancies } = alignFacts(ctx);
  const fire = facts.find((f) => f.evidence.some((e) => e.text.includes('destroyed the Marlow')));
  const wiring = facts.find((f) => f.text.includes('faulty wiring'));

  it('aligns a fact reported by three articles, most corroborated first', () => {
    expect(fire?.articles).toEqual(['north-post', 'valley-times', 'river-news']);
    expect(fire?.exclusive).toBe(false);
    expect(facts[0]?.articles).toHaveLength(3);
    expect(facts.map((f) => f.id)).toEqual(facts.map((_, i) => `f${i + 1}`));
    expectExact(
      ctx,
      facts.flatMap((f) => f.evidence),
    );
  });

  it('keeps what only one article says as an exclusive', () => {
    const council = facts.find((f) => f.text.includes('city council will debate'));
    expect(council?.exclusive).toBe(true);
    expect(council?.articles).toEqual(['river-news']);
    for (const a of FIRE) expect(facts.some((f) => f.exclusive && f.articles[0] === a.id)).toBe(true);
  });

  it('leaves photo credits and captions out, and a sentence a page prints twice is one exclusive', () => {
    const wire = (id: string, extra: string) =>
      article(
        id,
        [
          'A barge ran aground on the Tarrow canal on Tuesday, blocking traffic for six hours.',
          '(Wire Photo/Jana Roe)',
          'Skipper Ana Reyes, right, is hugged by a crew member as the barge is towed off in Kelby, Tuesday June 2, 2020.',
          extra,
        ].join('\n\n'),
      );
    const repeated = 'The canal authority said the barge had lost steering near the Kelby lock.';
    const ctx2 = story([
      wire('wire-a', `${repeated}\n\n${repeated}`),
      wire('wire-b', 'Pleasure boats queued at both ends of the canal until the evening.'),
    ]);
    const texts = alignFacts(ctx2).facts.map((f) => f.text);
    expect(texts.some((t) => /Wire Photo|right, is hugged/.test(t))).toBe(false);
    expect(texts.filter((t) => t === repeated)).toHaveLength(1);
    expect(texts.some((t) => t.startsWith('A barge ran aground'))).toBe(true);
  });

  it('flags 12 against 14 injured, and nothing for the other figures', () => {
    const numbers = discrepancies.filter((d) => d.kind === 'number');
    expect(numbers).toHaveLength(1);
    expect(numbers[0]?.subject).toBe(fire?.id);
    expect(numbers[0]?.values).toEqual([
      { value: '12', articles: ['north-post', 'river-news'] },
      { value: '14', articles: ['valley-times'] },
    ]);
  });

  it('flags a fact credited to different sources', () => {
    const credited = discrepancies.filter((d) => d.kind === 'attribution');
    expect(credited).toHaveLength(1);
    expect(credited[0]?.subject).toBe(wiring?.id);
    expect(credited[0]?.values.map((v) => v.value).sort()).toEqual(['Coast Radio', 'Dunmore Herald']);
  });

  it('puts a quoted post after the reported facts, and drops its one-word sentences', () => {
    const post = '“The harbour audit is out and shows NO WASTE. WOW! Will the inquiry go on?”';
    const two = story([
      article(
        'a',
        `The mayor posted on Friday afternoon.\n\n${post}\n\nThe harbour board released the audit of the ferry contracts on Friday.`,
      ),
      article(
        'b',
        `The mayor wrote a post about it.\n\n${post}\n\nThe harbour board released the audit of the ferry contracts on Friday afternoon.`,
      ),
      article(
        'c',
        `The mayor answered online.\n\n${post}\n\nCouncillors will debate the ferry budget next week.`,
      ),
    ]);
    const texts = alignFacts(two).facts.map((f) => f.text);
    expect(texts[0]).toMatch(/^The harbour board released the audit/);
    expect(texts).not.toContain('WOW!');
    // Printed as an embedded post, without quotation marks: its one-word line and its question are no facts.
    const bare = 'The harbour audit is out and shows no waste at all. WOW! Will the inquiry go on?';
    const embedded = story([
      article(
        'a',
        `The mayor posted on Friday afternoon.\n\n${bare}\n\nThe harbour board released the audit on Friday.`,
      ),
      article(
        'b',
        `The mayor wrote a post about it.\n\n${bare}\n\nCouncillors will debate the ferry budget next week.`,
      ),
    ]);
    const stated = alignFacts(embedded).facts.map((f) => f.text);
    expect(stated).toContain('The harbour audit is out and shows no waste at all.');
    expect(stated.filter((t) => t === 'WOW!' || t.endsWith('?'))).toEqual([]);
  });

  it('does not compare figures that count different things', () => {
    const two = story([
      article(
        'a',
        'Twelve workers were injured and 3 trucks were damaged when the Harlow depot caught fire on Monday.',
      ),
      article(
        'b',
        'Twelve workers were injured and 40 firefighters were called when the Harlow depot caught fire on Monday.',
      ),
    ]);
    const result = alignFacts(two);
    expect(result.facts[0]?.articles).toEqual(['a', 'b']);
    expect(result.discrepancies.filter((d) => d.kind === 'number')).toEqual([]);
  });

  it('flags different dates for the same event', () => {
    const two = story([
      article(
        'a',
        'The city engineer warned in a memo dated Sept. 26 that corrosion on the lift span needed urgent repair.',
      ),
      article(
        'b',
        'The city engineer warned in an Oct. 2 memo that corrosion on the lift span needed urgent repair.',
      ),
    ]);
    const dates = alignFacts(two).discrepancies.filter((d) => d.kind === 'date');
    // Published in May 2024, so both dates fall in the autumn before.
    expect(dates.map((d) => d.values.map((v) => v.value))).toEqual([['2023-09-26', '2023-10-02']]);
  });
});

describe('timeline', () => {
  it('merges the same event on the same date across articles', () => {
    const ctx = story(FIRE);
    const timeline = buildTimeline(ctx);
    const tuesday = timeline.filter((t) => t.date === '2024-05-07');
    expect(tuesday).toHaveLength(1);
    expect(tuesday[0]?.articles).toEqual(['north-post', 'valley-times', 'river-news']);
    expectExact(
      ctx,
      timeline.flatMap((t) => t.evidence ?? []),
    );
    expect(timeline.map((t) => t.date)).toEqual([...timeline.map((t) => t.date)].sort());
  });

  it('keeps different events of one day apart', () => {
    const ctx = story([
      article('a', 'The mayor opened the new library on Tuesday with a speech about reading.'),
      article('b', 'Storms flooded three streets in the harbour district on Tuesday, closing two schools.'),
    ]);
    expect(buildTimeline(ctx).map((t) => t.articles)).toEqual([['a'], ['b']]);
  });
});

describe('digest', () => {
  const ctx = story(FIRE, { words: /notorious/ });
  const { facts } = alignFacts(ctx);
  const digest = buildDigest(ctx, facts);

  it('opens with the fact all three articles report, citing all three', () => {
    expect(digest[0]?.articles).toHaveLength(3);
    expect(digest.length).toBeGreaterThanOrEqual(5);
    expect(digest.length).toBeLessThanOrEqual(8);
  });

  it('cites every supporting article, never repeats a fact, and avoids negative labels', () => {
    expectDigestRules(ctx, facts, digest);
    expect(digest.some((d) => d.text.includes('notorious'))).toBe(false);
  });

  it('cites only the articles whose own sentence states the claim of the sentence taken', () => {
    // A fact as the aligner could join it pair by pair: two reports of the vote and a sentence that shares
    // the council and the budget but says something else.
    const ctx = story([
      article(
        'a',
        'The city council approved the $40 million library budget on Monday by seven votes to two.',
      ),
      article(
        'b',
        'On Monday the city council voted seven to two to approve the $40 million library budget.',
      ),
      article('c', 'The city council has argued about the library budget for most of the last decade.'),
    ]);
    const units = alignStory(ctx).units;
    const evidence = ['a', 'b', 'c'].map((id) =>
      evidenceOf(ctx, units.find((u) => u.articleId === id) as Unit),
    );
    const fact: Fact = {
      id: 'f1',
      text: (evidence[0] as EvidenceSpan).text,
      articles: ['a', 'b', 'c'],
      evidence,
      exclusive: false,
    };
    expect(citing(ctx, fact, evidence[0] as EvidenceSpan)).toEqual(['a', 'b']);
    expect(citing(ctx, fact, evidence[2] as EvidenceSpan)).toEqual(['c']);
    // An opinion piece is never cited.
    expect(citing(ctx, fact, evidence[0] as EvidenceSpan, new Set(['b']))).toEqual(['a']);
  });

  it('adds the news of an article a day newer than the rest when the digest has none of it', () => {
    const pair = (first: string, second: string) => [first, second];
    const lines = [
      pair(
        'The city council debated a plan to build a new central library on Monday evening.',
        'On Monday evening the city council debated a plan to build a new central library.',
      ),
      pair(
        'The plan would cost about $40 million and take three years to complete.',
        'The plan would take three years to complete and cost about $40 million.',
      ),
      pair(
        'Dozens of residents spoke in favour of the library at the public hearing.',
        'At the public hearing, dozens of residents spoke in favour of the library.',
      ),
      pair(
        'Council members said they would vote on the plan later in the week.',
        'Council members said a vote on the plan would come later in the week.',
      ),
      pair(
        'The old library on Harbour Road has been closed since a flood in 2021.',
        'The old library on Harbour Road has been closed since a 2021 flood.',
      ),
      pair(
        'Mayor Ana Reyes said the city could borrow the money at a low rate.',
        'Mayor Ana Reyes said the money could be borrowed at a low rate.',
      ),
    ];
    const later =
      'Councillors voted nine to two on Thursday to approve the project, ending months of argument.\n\n' +
      'Construction of the building is due to start in the spring.';
    const digestOf = (laterDay: string) => {
      const ctx = story([
        article('a', lines.map((l) => l[0]).join('\n\n'), '2024-05-06'),
        article('b', lines.map((l) => l[1]).join('\n\n'), '2024-05-06'),
        article('c', later, laterDay),
      ]);
      return buildDigest(ctx, alignFacts(ctx).facts);
    };
    // The shared facts fill the digest; the newer article's news comes in all the same.
    expect(digestOf('2024-05-10').some((d) => d.articles.includes('c'))).toBe(true);
    // Published the same day, it is one account among others and the shared facts come first.
    expect(digestOf('2024-05-06').some((d) => d.articles.includes('c'))).toBe(false);
  });

  it('prefers a sentence with no quotation and no dangling pronoun', () => {
    for (const d of digest) expect(d.text).not.toMatch(/^(?:He|She|They|It)\b/);
  });
});

const sharedEvidenceIn = (facts: readonly Fact[], pattern: RegExp, n: number) =>
  facts.find((f) => f.articles.length === n && f.evidence.every((e) => pattern.test(e.text)));

describe.skipIf(!hasCorpus)('minsk-talks (reference story)', async () => {
  const articles = hasCorpus ? [...(await annotateAll([MINSK])).values()] : [];
  const ctx = story(articles, { descriptors: /dictator|self-proclaimed/i });
  const { facts, discrepancies } = alignFacts(ctx);

  it('reports the offer to host talks as one fact across all five articles', () => {
    const offer = sharedEvidenceIn(facts, /invit|offer|host/i, 5);
    expect(offer).toBeDefined();
    expect(facts[0]).toBe(offer);
    expectExact(
      ctx,
      facts.flatMap((f) => f.evidence),
    );
  });

  it('gives every article at least one exclusive, the Minsk agreements among them', () => {
    for (const a of articles)
      expect(
        facts.some((f) => f.exclusive && f.articles[0] === a.id),
        a.id,
      ).toBe(true);
    expect(facts.find((f) => f.text.includes('Minsk Agreements in 2014'))?.exclusive).toBe(true);
    expect(discrepancies.every((d) => facts.some((f) => f.id === d.subject))).toBe(true);
  });

  it('holds the dated events of the week', () => {
    const dates = buildTimeline(ctx).map((t) => t.date);
    for (const date of ['2025-02-28', '2025-03-04', '2025-03-05']) expect(dates).toContain(date);
  });

  it('digests the story in 5–8 neutral sentences, opening with a corroborated one', () => {
    const digest = buildDigest(ctx, facts);
    expect(digest.length).toBeGreaterThanOrEqual(5);
    expect(digest.length).toBeLessThanOrEqual(8);
    expect(digest[0]?.articles.length).toBeGreaterThanOrEqual(3);
    expectDigestRules(ctx, facts, digest);
    expect(digest.some((d) => /dictator|self-proclaimed/i.test(d.text))).toBe(false);
  });
});

describe('harbor-bridge (example story)', async () => {
  const articles = [...(await annotateAll([EXAMPLE_STORY])).values()];
  const ctx = story(articles);
  const { facts, discrepancies } = alignFacts(ctx);
  const collapse = facts.find((f) => f.evidence.some((e) => e.text.includes('injured 14 people when')));
  const memo = facts.find((f) => f.evidence.some((e) => e.text.includes('Oct. 2 memo')));

  it('aligns the collapse and the memo across all three articles', () => {
    expect(collapse?.articles).toHaveLength(3);
    expect(memo?.articles).toHaveLength(3);
    for (const a of articles)
      expect(
        facts.some((f) => f.exclusive && f.articles[0] === a.id),
        a.id,
      ).toBe(true);
  });

  it('flags the injured count and the memo date', () => {
    const number = discrepancies.find((d) => d.kind === 'number' && d.subject === collapse?.id);
    expect(number?.values.map((v) => v.value).sort()).toEqual(['12', '14']);
    const date = discrepancies.find((d) => d.kind === 'date' && d.subject === memo?.id);
    expect(date?.values.map((v) => v.value)).toEqual(['2024-09-26', '2024-10-02']);
  });

  it('merges the day of the collapse across the three articles', () => {
    const timeline = buildTimeline(ctx);
    expect(timeline.some((t) => t.date === '2024-10-21' && t.articles.length === 3)).toBe(true);
    expectExact(
      ctx,
      timeline.flatMap((t) => t.evidence ?? []),
    );
  });

  it('digests the story in 5–8 sentences, opening with one all three report', () => {
    const digest = buildDigest(ctx, facts);
    expect(digest.length).toBeGreaterThanOrEqual(5);
    expect(digest.length).toBeLessThanOrEqual(8);
    expect(digest[0]?.articles).toHaveLength(3);
    expectDigestRules(ctx, facts, digest);
  });
});
