// Titles of stand-ins and deputies (issue 13: a title "conflict" between two offices one man held in turn,
// made by a label that lost "acting" and by "the director" read as that deputy). Invented sentences.
import { describe, expect, it } from 'vitest';
import { annotateText } from './support/articles.js';

function descriptorsOf(body: string, name: string): string[] {
  const entity = annotateText(body).entities.find((e) => e.name === name);
  expect(entity).toBeDefined();
  return (entity?.descriptors ?? []).map((d) => `${d.via}:${d.text}`);
}

describe('stand-in titles', () => {
  it('keep "acting" and what comes before it', () => {
    expect(
      descriptorsOf(
        'Former acting Bureau Director Tom Gaskell said on Sunday that he was fired.',
        'Tom Gaskell',
      ),
    ).toEqual(['title:Former acting Bureau Director']);
    expect(
      descriptorsOf('The outgoing Mayor Ann Loring opened the bridge on Friday.', 'Ann Loring'),
    ).toContain('title:outgoing Mayor');
  });

  it('do not resolve "the director" to a man known only as a deputy director', () => {
    const body =
      'Former deputy director Tom Gaskell spoke on Sunday. He said aides were uneasy with the director’s decision to brief the governor.';
    expect(descriptorsOf(body, 'Tom Gaskell')).toEqual(['title:Former deputy director']);
  });

  it('still resolve "the director" to the one director the article names', () => {
    const body =
      'Bureau Director Tom Gaskell spoke on Sunday. Aides were uneasy with the director’s decision.';
    expect(descriptorsOf(body, 'Tom Gaskell')).toEqual(['title:Bureau Director', 'reference:director']);
  });
});
