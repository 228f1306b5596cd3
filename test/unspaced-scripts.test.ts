import { describe, expect, it } from 'vitest';
import { extractPage } from '../src/ingest/html.js';
import { approximateWords, isMostlyUnspaced } from '../src/text/unspaced-scripts.js';
import { wordCount } from '../src/text/words.js';

// Invented Japanese news prose: "The city announced a plan for a new bridge on Monday. Construction starts next spring."
const JAPANESE = '市は月曜日、新しい橋の建設計画を発表しました。工事は来年の春に始まる予定です。';

describe('texts in scripts written without spaces', () => {
  it('tells them from spaced text, mixed Latin words aside', () => {
    expect(isMostlyUnspaced(JAPANESE)).toBe(true);
    expect(isMostlyUnspaced(`${JAPANESE} iPhone 15`)).toBe(true);
    expect(isMostlyUnspaced('The city announced a plan for a new bridge on Monday.')).toBe(false);
    expect(isMostlyUnspaced('12 345')).toBe(false);
  });

  it('counts about two characters per word there, and spaced words elsewhere', () => {
    expect(wordCount(JAPANESE)).toBe(1);
    expect(approximateWords(JAPANESE, wordCount(JAPANESE))).toBeGreaterThanOrEqual(15);
    const english = 'The city announced a plan.';
    expect(approximateWords(english, wordCount(english))).toBe(5);
  });

  it('keeps a Japanese article of a few paragraphs as an article', () => {
    const paragraphs = Array.from({ length: 4 }, () => `<p>${JAPANESE}${JAPANESE}</p>`).join('\n');
    const html = `<!doctype html><html lang="ja"><head><title>橋の計画</title></head><body><article><h1>橋の計画</h1>${paragraphs}</article></body></html>`;
    expect(extractPage(html).body).toContain('新しい橋');
  });

  it('still refuses a short teaser in those scripts', () => {
    const html = `<!doctype html><html lang="ja"><body><article><p>${JAPANESE}</p></article></body></html>`;
    expect(() => extractPage(html)).toThrow(/no article/);
  });
});
