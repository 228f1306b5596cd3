// How sentences are grouped into facts (facts/align.ts, facts/index.ts, facts/claims.ts), on invented
// sentences through the public analyze(): a fact is the claim of its core sentence, two statements of one
// speaker are one fact only when they say the same thing, lines that are not news sentences join no fact,
// and in a story of many articles a weakly linked fact is shown as related coverage, not as shared.
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/api/analyze.js';
import { claimCore, type Group } from '../src/compare/facts/align.js';
import type { ClaimDecision } from '../src/compare/facts/claims.js';
import { MANY_ARTICLES } from '../src/compare/facts/index.js';
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
