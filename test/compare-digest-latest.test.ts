// The digest covers the story's latest day and reads in the order its news came out (issue 13, helper dig17;
// every sentence is invented): the week's reports of a harbour plan, then two outlets reporting on the last
// day that the council approved it. The latest day has two articles — one latest article alone was the only
// case covered before.
import { describe, expect, it } from 'vitest';
import { compareStory } from '../src/compare/index.js';
import type { AnnotatedArticle } from '../src/model/article.js';
import { annotateText } from './support/articles.js';

const week = [
  'Harbour workers marched through Calder on Monday to demand a vote on the dredging plan.',
  'The dredging plan would deepen the old quay by four metres over two years.',
  'The port authority estimates the dredging will cost 40 million dollars.',
  'Fishing crews fear the dredging will drive cod away from the northern banks.',
  'The Calder council has delayed a vote on the dredging plan three times since March.',
  'Mayor Ann Roe said she expects the council to vote on the dredging plan within days.',
  'Shipping firms have warned that larger vessels cannot reach the old quay at low tide.',
  'A petition for the dredging plan gathered 12,000 signatures in the port district.',
  'Environmental groups asked the regional court to review the dredging permit in April.',
];
const approval = [
  'The Calder council approved the dredging plan by seven votes to two on Friday evening.',
  'Work on the old quay is to begin in September, the port authority said after the vote.',
];

function article(id: string, sentences: string[], outlet: string, published: string): AnnotatedArticle {
  return annotateText(sentences.map((s) => `${s}\n\n`).join(''), id, { outlet, published });
}

describe('the latest development', () => {
  const story = compareStory([
    article('a', week, 'Outlet A', '2024-05-06'),
    article('b', week, 'Outlet B', '2024-05-06'),
    article('c', week, 'Outlet C', '2024-05-07'),
    article('d', [...approval, ...week.slice(0, 2)], 'Outlet D', '2024-05-10'),
    article('e', [...approval.slice(0, 1), ...week.slice(4, 6)], 'Outlet E', '2024-05-10'),
  ]);
  const texts = story.digest.map((d) => d.text);

  it('is in the digest when two outlets report it on the last day', () => {
    expect(texts.some((t) => /approved the dredging plan/.test(t))).toBe(true);
  });

  it('comes after the news of the days before', () => {
    const at = texts.findIndex((t) => /approved the dredging plan/.test(t));
    expect(at).toBe(texts.length - 1);
    expect(texts.length).toBeGreaterThan(2);
  });
});

describe('the latest day’s news outside its articles’ leads', () => {
  it('is not taken: far down an article it is as likely an aside', () => {
    const story = compareStory([
      article('a', week, 'Outlet A', '2024-05-06'),
      article('b', week, 'Outlet B', '2024-05-06'),
      article('c', week, 'Outlet C', '2024-05-07'),
      article('d', [...week.slice(0, 4), ...approval], 'Outlet D', '2024-05-10'),
    ]);
    expect(story.digest.some((d) => /approved the dredging plan/.test(d.text))).toBe(false);
  });
});
