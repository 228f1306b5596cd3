// The pipeline as data: an ingest source followed by an ordered list of per-article stages. Each stage
// adds its own layer; none rewrites another's. Later stages (cluster, compare) will extend the list.
import { annotateArticle } from '../annotate/index.js';
import { cleanArticle } from '../clean/index.js';
import type { Config } from '../config.js';
import { type IngestItem, ingest } from '../ingest/index.js';
import { loadSources, lookupSource, type SourceMap } from '../ingest/sources.js';
import type { AnnotatedArticle, Article, RawArticle } from '../model/article.js';
import { articleIdFor } from './ids.js';

export interface Refusal {
  input: string;
  reason: string;
}

export type PipelineEvent = { ok: true; article: AnnotatedArticle } | ({ ok: false } & Refusal);

interface RunContext {
  sources: SourceMap | null;
  usedIds: Set<string>;
}

function clean(raw: RawArticle, ctx: RunContext): Article {
  const id = articleIdFor(raw, ctx.usedIds);
  const sources = ctx.sources;
  // Host entries can only apply once a URL is known, and the URL may first appear in the text's footer.
  return cleanArticle(raw, id, {
    metaForHost: sources
      ? (host) => lookupSource(sources, { source: '-', url: `https://${host}/` })
      : undefined,
  });
}

export const STAGES = ['ingest', 'clean', 'annotate'] as const;

/** Run ingest → clean → annotate over the inputs, yielding each article or refusal as soon as it is done. */
export async function* runPipeline(
  inputs: readonly string[],
  config: Config,
  options: { sources?: SourceMap; stdin?: NodeJS.ReadableStream } = {},
): AsyncGenerator<PipelineEvent> {
  const sources = options.sources ?? (config.sourcesFile ? await loadSources(config.sourcesFile) : null);
  const ctx: RunContext = { sources, usedIds: new Set() };
  const stdin = options.stdin ?? process.stdin;
  const items: AsyncIterable<IngestItem> = ingest(inputs, config, stdin, { sources });
  for await (const item of items) {
    if (!item.ok) {
      yield { ok: false, input: item.input, reason: item.reason };
      continue;
    }
    const article = clean(item.raw, ctx);
    if (article.text.trim() === '') {
      yield { ok: false, input: item.raw.source, reason: 'no article text left after removing boilerplate' };
      continue;
    }
    yield { ok: true, article: annotateArticle(article) };
  }
}
