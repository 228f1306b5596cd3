// The pipeline as data: an ingest source, then an ordered list of per-article stages. Each stage adds
// its own layer and never rewrites another's; a stage may refuse an article (with a reason) and the run
// goes on. Later stages (cluster, compare) extend the list.
import { annotateArticle } from '../annotate/index.js';
import type { Config } from '../config.js';
import { ingest } from '../ingest/index.js';
import { loadSources, type SourceMap } from '../ingest/sources.js';
import type { AnnotatedArticle, Article, RawArticle } from '../model/article.js';
import { clean } from './clean-stage.js';
import type { RunContext, Stage } from './stage.js';

export type { RunContext, Stage } from './stage.js';

export interface Refusal {
  input: string;
  reason: string;
}

export type PipelineEvent = { ok: true; article: AnnotatedArticle } | ({ ok: false } & Refusal);

const annotate: Stage<Article, AnnotatedArticle> = {
  name: 'annotate',
  run: (article) => annotateArticle(article),
};

/** The per-article stages, in order: the output of each is the input of the next. */
export const ARTICLE_STAGES = [clean, annotate] as const;

export function runStages(raw: RawArticle, ctx: RunContext): AnnotatedArticle | { refused: string } {
  let value: unknown = raw;
  for (const stage of ARTICLE_STAGES as readonly Stage<unknown, unknown>[]) {
    value = stage.run(value, ctx);
    if (value && typeof value === 'object' && 'refused' in value) return value as { refused: string };
  }
  return value as AnnotatedArticle;
}

/** Run ingest and the article stages over the inputs, yielding each article or refusal as soon as it is done. */
export async function* runPipeline(
  inputs: readonly string[],
  config: Config,
  options: { sources?: SourceMap; stdin?: NodeJS.ReadableStream } = {},
): AsyncGenerator<PipelineEvent> {
  const sources = options.sources ?? (config.sourcesFile ? await loadSources(config.sourcesFile) : null);
  const ctx: RunContext = { sources, usedIds: new Set() };
  for await (const item of ingest(inputs, config, options.stdin ?? process.stdin, { sources })) {
    if (!item.ok) {
      yield { ok: false, input: item.input, reason: item.reason };
      continue;
    }
    const result = runStages(item.raw, ctx);
    if ('refused' in result) yield { ok: false, input: item.raw.source, reason: result.refused };
    else yield { ok: true, article: result };
  }
}
