// The blind check of stories' bookkeeping (eval/blind-stories.ts, eval/blind-stories-score.ts): which
// stories are drawn, how hand verdicts name articles, and when a story passes (≥ 90 % of its articles on
// its event, unsure counting against). Stories and ids here are invented.
import { describe, expect, it } from 'vitest';
import { type DrawnStory, drawStories, type StoriesFile } from '../eval/blind-stories.js';
import { carryJudgements } from '../eval/blind-stories-carry.js';
import {
  type JudgedStoriesFile,
  judgeStories,
  parseRefs,
  scoreGroup,
  scoreStory,
} from '../eval/blind-stories-score.js';

const candidate = (id: number, size: number, outlets: number) => ({
  id,
  articleCount: size,
  outlets,
  articles: Array.from({ length: size }, (_, i) => ({ id: `s${id}-${i}`, stored: `x${id}-${i}` })),
});

const drawnFile = (stories: DrawnStory[]): StoriesFile => ({
  about: '',
  commit: '',
  command: '',
  seed: 1,
  library: {
    stories: 0,
    articles: 0,
    singleArticle: 0,
    singleOutlet: 0,
    multiOutlet: 0,
    articlesInMultiOutlet: 0,
    largest: [],
  },
  stories,
});

describe('drawing the stories', () => {
  const candidates = [
    candidate(1, 5, 3),
    candidate(2, 9, 1),
    candidate(3, 2, 2),
    candidate(4, 9, 4),
    candidate(5, 1, 1),
    candidate(6, 3, 2),
    candidate(7, 2, 1),
    candidate(8, 4, 2),
  ];

  it('takes the largest by articles (ties to the lower id), then random multi-outlet ones not among them', () => {
    const drawn = drawStories(candidates, 2, 3, 7);
    expect(drawn.slice(0, 2).map((s) => s.libraryStory)).toEqual([2, 4]);
    const random = drawn.slice(2);
    expect(random.every((s) => s.group === 'random' && s.outlets >= 2)).toBe(true);
    expect(new Set(random.map((s) => s.libraryStory)).size).toBe(3);
    expect(random.some((s) => s.libraryStory === 4)).toBe(false);
    expect(drawn.map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('draws the same stories in the same listing order for the same seed, whatever the input order', () => {
    const a = drawStories(candidates, 2, 3, 7);
    const b = drawStories([...candidates].reverse(), 2, 3, 7);
    expect(b).toEqual(a);
    const story = a[0] as DrawnStory;
    expect(story.articles.map((x) => x.id).sort()).toEqual(
      candidate(2, 9, 1)
        .articles.map((x) => x.id)
        .sort(),
    );
  });
});

describe('hand verdicts', () => {
  const drawn = drawnFile(drawStories([candidate(1, 10, 3), candidate(2, 2, 2)], 1, 1, 3));

  it('reads lists and ranges of refs', () => {
    expect(parseRefs('a2-a4,a7', 'x')).toEqual([1, 2, 3, 6]);
    expect(() => parseRefs('b2', 'x')).toThrow(/not a ref/);
    expect(() => parseRefs('a4-a2', 'x')).toThrow(/increasing/);
  });

  it('needs an event and one verdict for every article, and refuses one judged twice', () => {
    const full = [
      '0\tevent\ta vote',
      '0\ta1-a9\ts\ton it',
      '0\ta10\to\tanother vote',
      '1\tevent\ta storm',
      '1\ta1,a2\tf\tnext step',
    ].join('\n');
    const judged = judgeStories(drawn, full);
    expect(judged[0]?.event).toBe('a vote');
    expect(judged[0]?.articles.filter((a) => a.verdict === 'other')).toHaveLength(1);
    expect(() => judgeStories(drawn, full.replace('0\ta10\to\tanother vote', ''))).toThrow(/story 0 a10/);
    expect(() => judgeStories(drawn, `${full}\n0\ta3\to\tagain`)).toThrow(/judged twice/);
    expect(() => judgeStories(drawn, `${full}\n1\ta3\ts\tx`)).toThrow(/has 2 articles/);
    expect(() => judgeStories(drawn, full.replace('\tf\t', '\ty\t'))).toThrow(/not s, f, o or u/);
  });

  it('passes a story at 90 % of its articles, counting unsure against it', () => {
    const text = (other: string, verdict: string) =>
      [
        '0\tevent\te',
        `0\ta1-a9\ts\tok`,
        `0\ta10\t${verdict}\t${other}`,
        '1\tevent\te',
        '1\ta1\ts\tok',
        `1\ta2\t${verdict}\tx`,
      ].join('\n');
    const [ten, two] = judgeStories(drawn, text('x', 'o')).map(scoreStory);
    expect(ten?.passes).toBe(true); // 9 of 10
    expect(two?.passes).toBe(false); // 1 of 2
    const unsure = judgeStories(drawn, text('x', 'u')).map(scoreStory);
    expect(unsure[1]?.passes).toBe(false);
    expect(scoreGroup(unsure)).toEqual({
      stories: 2,
      passing: 1,
      articles: 12,
      articlesPassing: 10,
      articlesSame: 10,
      unsure: 2,
    });
    const follow = judgeStories(drawn, text('x', 'f')).map(scoreStory);
    expect(follow.every((s) => s.passes)).toBe(true);
    expect(scoreGroup(follow).articlesSame).toBe(10);
  });

  it('fails a story of nine with one article off its event', () => {
    const nine = drawnFile(drawStories([candidate(1, 9, 2)], 1, 0, 3));
    const [s] = judgeStories(nine, '0\tevent\te\n0\ta1-a8\ts\tok\n0\ta9\to\tno').map(scoreStory);
    expect(s?.passes).toBe(false);
  });
});

describe('carryJudgements', () => {
  it('counts, per judged story, what the library story holding most on-event articles keeps', () => {
    const judged: JudgedStoriesFile = {
      about: '',
      commit: '',
      date: '',
      stories: [
        {
          index: 0,
          group: 'largest',
          libraryStory: 1,
          outlets: 3,
          event: 'a dam opened',
          articles: [
            { id: 'x1', verdict: 'same', reason: '' },
            { id: 'x2', verdict: 'follow-up', reason: '' },
            { id: 'x3', verdict: 'same', reason: '' },
            { id: 'x4', verdict: 'other', reason: '' },
            { id: 'x5', verdict: 'unsure', reason: '' },
          ],
        },
        {
          index: 1,
          group: 'random',
          libraryStory: 2,
          outlets: 2,
          event: 'a ferry strike',
          articles: [
            { id: 'y1', verdict: 'same', reason: '' },
            { id: 'y2', verdict: 'other', reason: '' },
          ],
        },
      ],
    };
    // The dam story split: x1 and x2 stay in 10 with the unsure x5, x3 went to 11, the off-event x4 left.
    // The ferry story still holds its off-event article.
    const storyOf = new Map([
      ['x1', 10],
      ['x2', 10],
      ['x5', 10],
      ['x3', 11],
      ['x4', 12],
      ['y1', 20],
      ['y2', 20],
    ]);
    expect(carryJudgements(judged, storyOf)).toEqual({
      stories: 2,
      passing: 0,
      onEvent: 4,
      onKept: 3,
      offEvent: 2,
      offKept: 1,
      unsure: 1,
      unsureKept: 1,
    });
    storyOf.set('x5', 13);
    storyOf.set('y2', 21);
    expect(carryJudgements(judged, storyOf).passing).toBe(2);
  });
});
