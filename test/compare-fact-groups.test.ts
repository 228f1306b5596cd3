// How sentences are grouped into facts (facts/align.ts, facts/index.ts, facts/claims.ts), on invented
// sentences through the public analyze(): a fact is the claim of its core sentence, two statements of one
// speaker are one fact only when they say the same thing, lines that are not news sentences join no fact,
// and in a story of many articles a weakly linked fact is shown as related coverage, not as shared.
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/api/analyze.js';
import { type Alignment, type Cluster, claimCore, type Group } from '../src/compare/facts/align.js';
import type { ClaimDecision } from '../src/compare/facts/claims.js';
import {
  CORROBORATED_LINK,
  MANY_ARTICLES,
  SHARED_CLAIM_LINK,
  strongCore,
} from '../src/compare/facts/index.js';
import type { Unit } from '../src/compare/text/units.js';
import type { Fact, Story } from '../src/model/report.js';
import { renderHtml } from '../src/report/html/index.js';
import { buildReport } from '../src/report/index.js';
import { renderMarkdown } from '../src/report/md/index.js';

async function storyOf(texts: string[]): Promise<Story> {
  const report = await analyze(
    texts.map((text, i) => ({ id: `a${i}`, title: '', text, outlet: `Outlet ${i + 1}` })),
    { now: new Date(0) },
  );
  const found = report.stories[0];
  if (!found) throw new Error('no story');
  return found;
}

/** Facts holding sentences of two or more articles (shared or related). */
const several = (s: Story): Fact[] => s.facts.filter((f) => new Set(f.articles).size >= 2);

describe('a fact is the claim of its core sentence', () => {
  const group = (...members: [number, number][]): Group => ({ byArticle: new Map(members), sum: new Map() });
  // Units 0–1 and 1–2 are one claim, 0–2 are not: "considered the front-runner" / "is facing" / "won".
  const chain = (x: number, y: number): ClaimDecision => {
    const same = Math.abs(x - y) === 1 || (x === 3) !== (y === 3);
    return {
      same,
      score: same ? 0.8 : 0.1,
      probability: same ? 0.8 : 0.1,
      clauseProbability: 0,
      veto: null,
      detail: { a: false, b: false },
      detailWords: { a: 0, b: 0 },
    };
  };

  it('has a core only when one member is the same claim as every other', () => {
    // 0 and 2 meet only through 1: 1 is the core of {0, 1, 2}.
    expect(claimCore(group([0, 0], [1, 1]), group([2, 2]), [], [], chain)).toBe(1);
    // {0, 1} and {2} without 1: no member states the claim of both others.
    expect(claimCore(group([0, 0]), group([2, 2]), [], [], chain)).toBeNull();
    // 3 is the same claim as everyone: the core, whichever side it comes from.
    expect(claimCore(group([0, 0], [2, 2]), group([3, 3]), [], [], chain)).toBe(3);
  });
});

describe('statements of one speaker', () => {
  it('are two facts when they say different things', async () => {
    const s = await storyOf([
      'Governor Ann Ross warned that the debt crisis in the region poses risks to the state pension funds.',
      'Governor Ann Ross also warned of the debt crisis in the region and of uncertainty over the state budget putting a dent in growth.',
    ]);
    expect(several(s)).toEqual([]);
  });

  it('are one fact when they say the same thing', async () => {
    const s = await storyOf([
      'Senator Ann Ross said the new budget would raise property taxes on farmers in Calder County next year.',
      'The new budget would raise property taxes on farmers in Calder County next year, Senator Ann Ross said on Monday.',
    ]);
    expect(several(s)).toHaveLength(1);
  });
});

describe('lines that are not news sentences', () => {
  it('join no fact: credit lines, transcript questions and replies, near-empty lines', async () => {
    const s = await storyOf([
      [
        'The Calder council approved the harbour budget on Monday after a long debate.',
        'MODERATOR: Is the harbour tax a mistake for Calder?',
        '“Many times,” Senator Ann Ross replied.',
        'The Wire Service contributed to this report.',
      ].join('\n\n'),
      [
        'The Calder council approved the new harbour budget on Monday night.',
        'MODERATOR: Is the harbour tax a mistake for the town of Calder?',
        '“Only twice,” Senator Ann Ross replied.',
        'Wire Service writer Tom Hale contributed to this report.',
      ].join('\n\n'),
    ]);
    const shared = several(s);
    expect(shared).toHaveLength(1);
    expect(shared[0]?.text).toMatch(/approved/);
  });
});

describe('related coverage', () => {
  // Filler articles make a story of MANY_ARTICLES articles; each says something of its own.
  const filler = (i: number) =>
    `The ferry to island number ${i + 10} was delayed for ${i + 2} hours by fog on the ${['north', 'east', 'west', 'south', 'outer', 'inner', 'old', 'new', 'lower', 'upper'][i]} crossing.`;
  const agree = [
    'The Calder council approved the harbour budget of 40 million dollars on Monday after a long debate.',
    'The Calder council approved the harbour budget of 40 million dollars on Monday after a long debate.',
  ];
  const close = [
    'The Calder council approved the harbour budget on Monday, ending a dispute over the dredging of the old quay.',
    'After months of dispute over the dredging of the old quay, the harbour budget won the Calder council’s approval.',
  ];

  it('marks a weakly linked fact in a story of many articles, not a sure one, not in a small story', async () => {
    const fill = Array.from({ length: MANY_ARTICLES - 2 }, (_, i) => filler(i));
    const many = await storyOf([`${agree[0]}\n\n${close[0]}`, `${agree[1]}\n\n${close[1]}`, ...fill]);
    const sure = several(many).find((f) => /40 million/.test(f.text));
    expect(sure?.related).toBeUndefined();
    const weak = several(many).find((f) => /dredging/.test(f.text));
    expect(weak?.related).toBe(true);
    expect(weak?.confidence?.reason).toMatch(/related coverage/);

    const small = await storyOf([close[0] as string, close[1] as string]);
    expect(several(small)).toHaveLength(1);
    expect(several(small)[0]?.related).toBeUndefined();

    // The reader sees it: a badge in the HTML fact row and a mark in the Markdown table.
    const report = buildReport([many]);
    expect(renderHtml(report)).toMatch(/class="badge related"[^>]*>related coverage</);
    const md = renderMarkdown(report);
    expect(md).toMatch(/dredging[^\n]*_\(related coverage\)_/);
    expect(md).toMatch(/_Related coverage_ \(≈\)/);
  });
});

describe('shared claims of a large story', () => {
  // Cargo lines fill the story up to MANY_ARTICLES articles; each says something of its own.
  const cargo = (i: number) =>
    `The ${['north', 'east', 'west', 'south', 'outer', 'inner', 'old', 'new'][i]} ferry carried ${['goats', 'timber', 'mail', 'coal', 'grain', 'wool', 'salt', 'fish'][i]} to the island.`;
  const closure = [
    'Mayor Ann Ross said on Tuesday that the Calder council would close the old quay to traffic until the repairs were finished.',
    'The Calder council will shut the old quay to cars until repairs are done, Mayor Ann Ross announced Tuesday.',
    'Calder will close the old quay until the repair work is complete, the mayor, Ann Ross, said on Tuesday.',
  ];
  const fill = (texts: string[]) => {
    const all = [...texts];
    while (all.length < MANY_ARTICLES) all.push(cargo(all.length));
    return all;
  };
  const quay = (s: Story) => several(s).find((f) => /old quay/.test(f.text));

  it('shows one claim told by three outlets in their own words as shared, not as related coverage', async () => {
    const fact = quay(await storyOf(fill(closure)));
    expect(fact?.articles).toHaveLength(3);
    expect(fact?.related).toBeUndefined();
  });

  it('keeps the same claim of only two outlets below the sure bar as related coverage', async () => {
    const fact = quay(await storyOf(fill(closure.slice(0, 2))));
    expect(fact?.articles).toHaveLength(2);
    expect(fact?.related).toBe(true);
  });

  // A cluster of four sentences: three meet each other at 0.8, the fourth meets only one of them at 0.5.
  const pair = (i: number, j: number, score: number) => ({
    i,
    j,
    score,
    same: true,
    vetoed: false,
    detail: { a: false, b: false },
  });
  const units = [0, 1, 2, 3].map((index) => ({ index, article: index }) as unknown as Unit);
  const alignment = { similarity: () => 0 } as unknown as Alignment;

  it('leaves the stray sentence out of the core and reads the others again without it', () => {
    const cluster: Cluster = {
      units,
      claimPairs: [pair(0, 1, 0.8), pair(0, 2, 0.8), pair(1, 2, 0.8), pair(2, 3, 0.5)],
    };
    expect(strongCore(cluster, alignment, CORROBORATED_LINK)).toEqual([0, 1, 2]);
    // Unit 0 holds 1 and 2 only through itself: without a link of 0.7 it goes, and they go with it.
    const chain: Cluster = {
      units,
      claimPairs: [pair(0, 1, 0.8), pair(0, 2, 0.8), pair(1, 2, 0.3), pair(2, 3, 0.5), pair(0, 3, 0.6)],
    };
    expect(strongCore(chain, alignment, CORROBORATED_LINK)).toEqual([0, 1, 2]);
    expect(strongCore(chain, alignment, CORROBORATED_LINK, (p) => p.i !== 0)).toEqual([]);
  });

  it('takes the larger of two groups that meet only through a weak link', () => {
    const five = [0, 1, 2, 3, 4].map((index) => ({ index, article: index }) as unknown as Unit);
    // A remark printed three times (0–2) and a later post quoting part of it printed twice (3–4).
    const cluster: Cluster = {
      units: five,
      claimPairs: [pair(0, 1, 0.8), pair(1, 2, 0.8), pair(3, 4, 0.95), pair(2, 3, 0.6), pair(0, 4, 0.5)],
    };
    expect(strongCore(cluster, alignment, CORROBORATED_LINK)).toEqual([0, 1, 2]);
    expect(strongCore(cluster, alignment, SHARED_CLAIM_LINK)).toEqual([3, 4]);
  });
});
