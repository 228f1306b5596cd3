// The one pipeline: a source of ingest items, then an ordered list of per-article stages (clean, annotate).
// Each stage adds its own layer and never rewrites another's; a stage may refuse an article (with a
// reason) and the run goes on. analyze, annotate and the library API run it whole (runPipeline); library
// ingest runs the same two stages with its library in between (articles.ts, library/prepare.ts).
import type { Config } from '../config.js';
import { ParallaxError } from '../errors.js';
import type { IngestItem } from '../ingest/index.js';
import type { SourceMap } from '../ingest/sources.js';
import type { AnnotatedArticle, RawArticle } from '../model/article.js';
import { annotate } from './annotate-stage.js';
import {
  type CleanEvent,
  cleanedArticles,
  pipelineContext,
  pipelineItems,
  type Refusal,
} from './articles.js';
import { clean } from './clean-stage.js';
import { isRefused, type Refused, type RunContext, runStage, type Stage } from './stage.js';

export type { CleanEvent, Refusal, SourceOptions } from './articles.js';
export type { Refused, RunContext, Stage } from './stage.js';

export type PipelineEvent = { ok: true; article: AnnotatedArticle } | ({ ok: false } & Refusal);

/** The per-article stages, in order: the output of each is the input of the next. */
export const ARTICLE_STAGES = [clean, annotate] as const;

export function runStages(raw: RawArticle, ctx: RunContext): AnnotatedArticle | Refused {
  let value: unknown = raw;
  for (const stage of ARTICLE_STAGES as readonly Stage<unknown, unknown>[]) {
    value = runStage(stage, value, ctx);
    if (isRefused(value)) return value;
  }
  return value as AnnotatedArticle;
}

export interface PipelineOptions {
  /** An already loaded sources map (null: none); when absent, `config.sourcesFile` is loaded (if set). */
  sources?: SourceMap | null;
  stdin?: NodeJS.ReadableStream;
  /** Ingest items read after the inputs: the library API's article objects. */
  extra?: AsyncIterable<IngestItem>;
  /**
   * At most this many articles may come through. The articles are counted as they are read and cleaned,
   * before any is annotated, and one more than this ends the run with a ParallaxError('LIMIT') — analyze
   * compares everything it is given as one story, which grows much faster than its input.
   */
  maxArticles?: number;
  /** How the limit's message says to raise it (default: the CLI flag). */
  raiseLimit?: string;
}

/** Run ingest and the article stages over the inputs, yielding each article or refusal as soon as it is done. */
export async function* runPipeline(
  inputs: readonly string[],
  config: Config,
  options: PipelineOptions = {},
): AsyncGenerator<PipelineEvent> {
  const ctx = await pipelineContext(config, options.sources);
  const cleaned = cleanedArticles(pipelineItems(inputs, config, ctx, options), ctx);
  const limit = options.maxArticles;
  // With a limit, the whole input is read and cleaned first (cheap next to annotation), so that one
  // article too many stops the run before the first is annotated. Refusals still come as they happen.
  let articles: AsyncIterable<CleanEvent> | CleanEvent[] = cleaned;
  if (limit !== undefined) {
    const kept: CleanEvent[] = [];
    for await (const event of cleaned) {
      if (!event.ok) yield event;
      else if (kept.push(event) > limit) throw tooManyArticles(limit, options.raiseLimit);
    }
    articles = kept;
  }
  for await (const event of articles) {
    if (!event.ok) {
      yield event;
      continue;
    }
    const result = runStage(annotate, event.article, ctx);
    if ('refused' in result) yield { ok: false, input: event.article.source, reason: result.refused };
    else yield { ok: true, article: result };
  }
}

/** The limit's error: one line naming what to do instead, for the CLI and the API alike. */
export function tooManyArticles(
  limit: number,
  raise = 'raise the limit with --max-articles N',
): ParallaxError {
  return new ParallaxError(
    'LIMIT',
    `more than ${limit} articles to compare as one story: ingest them into a library with "parallax ingest" ` +
      `and compare them story by story with "parallax stories" and "parallax story <id>", or ${raise}.`,
  );
}
