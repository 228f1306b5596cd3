// The first half of the one pipeline, without the language models: a stream of ingest items (inputs named
// on the command line, fetched pages, feed items, article objects handed to the library API) becomes a
// stream of cleaned articles and refusals. runPipeline (index.ts) annotates what comes out here; library
// ingest first skips the articles its library already holds and annotates the rest in a worker thread,
// through the same annotate stage (library/prepare.ts).
import type { Config } from '../config.js';
import { type IngestItem, ingest } from '../ingest/index.js';
import { loadSources, type SourceMap } from '../ingest/sources.js';
import type { Article } from '../model/article.js';
import { clean } from './clean-stage.js';
import { type RunContext, runStage } from './stage.js';

/** An article the pipeline gave up on: the input as named (path, URL, `file#3`) and a one-line reason. */
export interface Refusal {
  input: string;
  reason: string;
}

export type CleanEvent = { ok: true; article: Article } | ({ ok: false } & Refusal);

export interface SourceOptions {
  /** An already loaded sources map; when absent, `config.sourcesFile` is loaded (if set). */
  sources?: SourceMap | null;
  stdin?: NodeJS.ReadableStream;
  /** Items from elsewhere (fetched pages, feed items, API articles), read after the inputs. */
  extra?: AsyncIterable<IngestItem>;
}

/** The run's shared state: the sources map (loaded once) and the ids handed out so far. */
export async function pipelineContext(config: Config, sources?: SourceMap | null): Promise<RunContext> {
  const loaded =
    sources !== undefined ? sources : config.sourcesFile ? await loadSources(config.sourcesFile) : null;
  return { sources: loaded, usedIds: new Set() };
}

/** The inputs named on the command line, then any extra items, as one stream of ingest items. */
export async function* pipelineItems(
  inputs: readonly string[],
  config: Config,
  ctx: RunContext,
  options: SourceOptions = {},
): AsyncGenerator<IngestItem> {
  if (inputs.length > 0) {
    yield* ingest(inputs, config, options.stdin ?? process.stdin, { sources: ctx.sources });
  }
  if (options.extra) yield* options.extra;
}

/** Ingest items through the clean stage: each item becomes a cleaned article or a refusal. */
export async function* cleanedArticles(
  items: AsyncIterable<IngestItem>,
  ctx: RunContext,
): AsyncGenerator<CleanEvent> {
  for await (const item of items) {
    if (!item.ok) {
      yield { ok: false, input: item.input, reason: item.reason };
      continue;
    }
    const article = runStage(clean, item.raw, ctx);
    if ('refused' in article) yield { ok: false, input: item.raw.source, reason: article.refused };
    else yield { ok: true, article };
  }
}
