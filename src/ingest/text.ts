// Plain text files: the body is the text itself, with line endings made uniform so later offsets do not
// depend on which system saved the file.
import type { RawArticle } from '../model/article.js';

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function textArticle(source: string, text: string): RawArticle {
  return {
    source,
    format: 'text',
    body: normalizeNewlines(text).trim(),
    bodyIsHtml: false,
    meta: {},
    messages: [],
  };
}
