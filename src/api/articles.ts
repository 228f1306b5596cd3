// Articles handed to the library API, as the pipeline's ingest items. They are checked exactly like the
// records of a JSON or JSONL file (ingest/records.ts): an article that cannot be used becomes a refusal
// named after its place in the list ("articles#3"), and the others go on.
import type { Config } from '../config.js';
import type { IngestItem } from '../ingest/index.js';
import { withSources } from '../ingest/index.js';
import { recordArticle } from '../ingest/records.js';
import { formatSize } from '../ingest/refusal.js';
import type { SourceMap } from '../ingest/sources.js';

/** One article for analyze, annotate and Library.ingest: `text` (plain text) or `html` (a page or a fragment). */
export interface ArticleInput {
  /** The article's id in reports; articles without one are named after their place in the list. */
  id?: string | number | null;
  title?: string | null;
  text?: string | null;
  html?: string | null;
  outlet?: string | null;
  url?: string | null;
  /** Publication day, YYYY-MM-DD or a full date and time; other shapes become a message on the article. */
  published?: string | null;
  author?: string | readonly string[] | null;
  language?: string | null;
}

/** What ArticleInput accepts: a list, any iterable, or an async iterable (a stream of rows from a database). */
export type Articles = Iterable<ArticleInput> | AsyncIterable<ArticleInput>;

/** The name a refusal and the article's `source` use for the article at this place in the list. */
export const articleName = (index: number): string => `articles#${index}`;

function isIterable(value: unknown): value is Iterable<unknown> | AsyncIterable<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    (Symbol.iterator in value || Symbol.asyncIterator in value)
  );
}

/** Checks the argument as a whole: a caller passing one article or a string made a programming error. */
export function requireArticles(articles: unknown): asserts articles is Articles {
  if (typeof articles === 'string' || !isIterable(articles)) {
    throw new TypeError(
      'articles must be an array (or an iterable) of { id, title?, text | html, … } objects',
    );
  }
}

/** The longest text or html among the fields, in UTF-8 bytes, which the input size limit applies to. */
function bodyBytes(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const { text, html } = value as { text?: unknown; html?: unknown };
  const size = (s: unknown) => (typeof s === 'string' ? Buffer.byteLength(s) : 0);
  return Math.max(size(text), size(html));
}

export async function* articleItems(
  articles: Articles,
  config: Config,
  sources: SourceMap | null,
): AsyncGenerator<IngestItem> {
  let index = 0;
  for await (const value of articles as AsyncIterable<unknown>) {
    const name = articleName(index++);
    const bytes = bodyBytes(value);
    if (bytes > config.maxInputBytes) {
      const limit = formatSize(config.maxInputBytes);
      const reason = `article is ${formatSize(bytes, true)}, over the ${limit} limit (maxInputBytes)`;
      yield { ok: false, input: name, reason };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { ok: false, input: name, reason: 'an article must be an object with "text" or "html"' };
      continue;
    }
    const result = recordArticle(value, name);
    // The record checks speak of records ('record has no "text" or "html"'); here the caller passed articles.
    yield result.ok
      ? { ok: true, raw: withSources(result.raw, sources, null) }
      : { ok: false, input: name, reason: result.reason.replace(/^record\b/, 'article') };
  }
}
