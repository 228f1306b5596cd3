import { annotateArticle } from '../../src/annotate/index.js';
import { cleanArticle } from '../../src/clean/index.js';
import type { AnnotatedArticle, ArticleMeta } from '../../src/model/article.js';

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

/**
 * A plain-text article (published 2024-05-08 unless `meta` says otherwise) through the clean and annotate
 * stages, as `annotate` runs them.
 */
export function annotateText(body: string, id = 't', meta: ArticleMeta = {}): AnnotatedArticle {
  return annotateArticle(
    cleanArticle(
      {
        source: `${id}.txt`,
        format: 'text',
        body,
        bodyIsHtml: false,
        meta: { published: '2024-05-08', ...meta },
        messages: [],
      },
      id,
    ),
  );
}
