// The pipeline as data: an ingest source, then an ordered list of per-article stages. Each stage adds
// its own layer and never rewrites another's; a stage may refuse an article (with a reason) and the run
// goes on. Later stages (cluster, compare) extend the list.
import { annotateArticle } from '../annotate/index.js';
import { cleanArticle } from '../clean/index.js';
import type { Config } from '../config.js';
import { ingest } from '../ingest/index.js';
import { loadSources, lookupSource, type SourceMap } from '../ingest/sources.js';
import type { AnnotatedArticle, Article, RawArticle } from '../model/article.js';
import { articleIdFor } from './ids.js';

export interface Refusal {
  input: string;
  reason: string;
}

export type PipelineEvent = { ok: true; article: AnnotatedArticle } | ({ ok: false } & Refusal);

export interface RunContext {
  sources: SourceMap | null;
  usedIds: Set<string>;
}

/** A stage maps one article to the next representation, or refuses it with a one-line reason. */
export interface Stage<In, Out> {
  name: string;
  run(input: In, ctx: RunContext): Out | { refused: string };
}

const clean: Stage<RawArticle, Article> = {
  name: 'clean',
  run(raw, ctx) {
    const sources = ctx.sources;
    // Host entries can only apply once a URL is known, and the URL may first appear in the text's footer.
    const article = cleanArticle(raw, articleIdFor(raw, ctx.usedIds), {
      metaForHost: sources
        ? (host) => lookupSource(sources, { source: '-', url: `https://${host}/` })
        : undefined,
    });
    return article.text.trim() === ''
      ? { refused: 'no article text left after removing boilerplate' }
      : article;
  },
};

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
