import type { AnnotatedArticle } from '../../src/model/article.js';

/** A complete AnnotatedArticle with empty annotation layers; for tests that build articles by hand. */
export function makeArticle(overrides: Partial<AnnotatedArticle> = {}): AnnotatedArticle {
  const text = overrides.text ?? 'The council met on Tuesday.';
  return {
    id: 'A',
    source: 'input.txt',
    outlet: null,
    title: null,
    url: null,
    published: null,
    author: null,
    language: 'en',
    dateline: null,
    text,
    paragraphs: [{ start: 0, end: text.length, kind: 'paragraph' }],
    removed: [],
    messages: [],
    sentences: [{ start: 0, end: text.length }],
    entities: [],
    quotes: [],
    dates: [],
    unresolvedReferences: [],
    ...overrides,
  };
}
