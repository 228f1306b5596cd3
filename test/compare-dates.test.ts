import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../src/annotate/index.js';
import { cleanArticle } from '../src/clean/index.js';
import { inferPublicationDates } from '../src/compare/dates.js';

const article = (id: string, body: string, published: string | null) =>
  annotateArticle(
    cleanArticle(
      { source: `${id}.txt`, format: 'text', body, bodyIsHtml: false, meta: { published }, messages: [] },
      id,
    ),
  );

const UNDATED = 'The council met on Tuesday and voted to close the bridge.';

describe('publication dates inferred from the story', () => {
  it('reads an undated article against the dated ones when they agree, and says so', () => {
    const [dated, undated] = inferPublicationDates([
      article('a', 'The council met on Tuesday.', '2024-05-08'),
      article('b', UNDATED, null),
    ]);
    expect(dated?.published).toBe('2024-05-08');
    expect(undated?.published).toBe('2024-05-08');
    expect(undated?.publishedInferred).toBe(true);
    expect(undated?.dates.find((d) => d.text === 'Tuesday')?.value).toBe('2024-05-07');
    expect(undated?.messages.map((m) => m.code)).toEqual(['date-inferred']);
  });

  it('infers nothing when the dated articles are far apart, or when none is dated', () => {
    const spread = inferPublicationDates([
      article('a', 'Text one.', '2024-05-01'),
      article('b', 'Text two.', '2024-05-20'),
      article('c', UNDATED, null),
    ]);
    expect(spread[2]?.published).toBeNull();
    expect(spread[2]?.messages.map((m) => m.code)).toContain('date-unresolved');
    const none = inferPublicationDates([article('c', UNDATED, null)]);
    expect(none[0]?.published).toBeNull();
  });
});
