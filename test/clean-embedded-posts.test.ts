// Embedded social-network posts left in record or pasted text (src/clean/embedded-posts.ts): invented posts
// in the fallback shape such embeds leave.
import { describe, expect, it } from 'vitest';
import { isEmbeddedPost } from '../src/clean/embedded-posts.js';
import { cleanArticle } from '../src/clean/index.js';
import type { RawArticle } from '../src/model/article.js';

const raw = (body: string): RawArticle => ({
  source: 'post.txt',
  format: 'text',
  body,
  bodyIsHtml: false,
  meta: {},
  messages: [],
});

const LEAD =
  'The harbour board voted on Tuesday to raise ferry fares by ten percent from July, after a year of losses.';

describe('embedded posts', () => {
  it('drops the post paragraph with its signature, keeps the prose around it', () => {
    const post =
      'Fares up again. Will be interesting to see who still takes the ferry in August. — Ana Reyes (@anareyes) June 3, 2019';
    const a = cleanArticle(
      raw(`${LEAD}\n\n${post}\n\nRiders’ groups said they would appeal the decision.`),
      'x',
    );
    expect(a.text).toBe(`${LEAD}\n\nRiders’ groups said they would appeal the decision.`);
    expect(a.removed).toContainEqual({ text: post, reason: 'embedded post' });
  });

  it('knows the signature with a picture link, a glued dash, the day first and a report link', () => {
    for (const p of [
      'https://t.co/AbC123 — Harbour Watch (@harbourwatch) June 27, 2018',
      'Crowds at the pier tonight pic.twitter.com/xYz789— Tom Hale (@tomhale) 4 March 2020',
      'We will not stop until fares come down! — Riders & Friends (@riders_now) May 9, 2021 Report',
    ])
      expect(isEmbeddedPost(p)).toBe(true);
  });

  it('leaves prose that only mentions a handle or a date alone', () => {
    for (const p of [
      'Ana Reyes (@anareyes) wrote on June 3, 2019 that fares would rise.',
      'Fares rise in July — a step the board (@harbourboard) had put off since March 3, 2019',
      `${Array.from({ length: 110 }, () => 'word').join(' ')} — Ana Reyes (@anareyes) June 3, 2019`,
    ])
      expect(isEmbeddedPost(p)).toBe(false);
  });
});
