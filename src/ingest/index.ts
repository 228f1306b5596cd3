// Ingest: turns what the user names on the command line (files, folders, `-`) into RawArticles.
// Implementation in progress; see the interface below.
import type { Config } from '../config.js';
import type { RawArticle } from '../model/article.js';

/** One result per article found, or one refusal per input that yields no article. */
export type IngestItem = { ok: true; raw: RawArticle } | { ok: false; input: string; reason: string };

export async function* ingest(
  _inputs: readonly string[],
  _config: Config,
  _stdin: NodeJS.ReadableStream = process.stdin,
): AsyncGenerator<IngestItem> {
  yield* [];
}
