import type { RawArticle } from '../model/article.js';

/** One result per article found, or one refusal per input that yields no article. */
export type IngestItem = { ok: true; raw: RawArticle } | { ok: false; input: string; reason: string };
