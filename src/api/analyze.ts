// analyze and annotate for programs: the same pipeline and refusals as `parallax analyze` and
// `parallax annotate`, with article objects instead of files.
import { type Config, DEFAULT_CONFIG } from '../config.js';
import type { AnnotatedArticle } from '../model/article.js';
import type { Report } from '../model/report.js';
import type { Refusal } from '../pipeline/articles.js';
import { type Articles, articleItems, requireArticles } from './articles.js';

export interface PipelineApiOptions {
  /**
   * Called once for each article that cannot be used, with its name ("articles#3") and a one-line reason
   * (`record has no "text" or "html"`, `could not be annotated (…)`); the others go on. Without it, each
   * refusal is a process warning (code PARALLAX_REFUSED), which Node prints on standard error.
   */
  onRefusal?: (refusal: Refusal) => void;
  /** Largest text or html of one article, in bytes (default 20 MB, as `--max-size`). */
  maxInputBytes?: number;
  /** A sources file (YAML or JSON) that names outlets by URL host, as `--sources`. */
  sourcesFile?: string;
}

export interface AnalyzeOptions extends PipelineApiOptions {
  /**
   * Most articles compared as one story (default 500, as `--max-articles`). One more rejects the call with
   * a ParallaxError (code LIMIT) before any article is annotated: put large collections in a library
   * (openLibrary) and compare them story by story.
   */
  maxArticles?: number;
  /** The report's generatedAt (default: now); fixed, it makes two runs over the same articles identical. */
  now?: Date;
}

function configOf(options: PipelineApiOptions & { maxArticles?: number }): Config {
  return {
    ...DEFAULT_CONFIG,
    maxInputBytes: options.maxInputBytes ?? DEFAULT_CONFIG.maxInputBytes,
    maxStoryArticles: options.maxArticles ?? DEFAULT_CONFIG.maxStoryArticles,
    sourcesFile: options.sourcesFile ?? null,
  };
}

export function refusalHandler(options: PipelineApiOptions): (refusal: Refusal) => void {
  return (
    options.onRefusal ??
    ((refusal) => process.emitWarning(`${refusal.input}: ${refusal.reason}`, { code: 'PARALLAX_REFUSED' }))
  );
}

async function* annotated(
  articles: Articles,
  config: Config,
  options: PipelineApiOptions,
  maxArticles?: number,
): AsyncGenerator<AnnotatedArticle> {
  requireArticles(articles);
  const refused = refusalHandler(options);
  // Loaded on first use: the language models take most of a second and a good deal of memory.
  const { runPipeline } = await import('../pipeline/index.js');
  const { pipelineContext } = await import('../pipeline/articles.js');
  const { sources } = await pipelineContext(config);
  const extra = articleItems(articles, config, sources);
  const raiseLimit = 'raise the limit with the maxArticles option';
  for await (const event of runPipeline([], config, { sources, extra, maxArticles, raiseLimit })) {
    if (event.ok) yield event.article;
    else refused({ input: event.input, reason: event.reason });
  }
}

/**
 * Annotates each article on its own (sentences, entities and their descriptions, quotes, dates), as
 * `parallax annotate --format json` does. Resolves to the annotated articles in input order; articles that
 * cannot be used are left out and reported through `onRefusal`.
 */
export async function annotate(
  articles: Articles,
  options: PipelineApiOptions = {},
): Promise<AnnotatedArticle[]> {
  const out: AnnotatedArticle[] = [];
  for await (const article of annotated(articles, configOf(options), options)) out.push(article);
  return out;
}

/**
 * Compares the articles as one story, as `parallax analyze` does, and resolves to the report
 * (schema/report.schema.json). Articles that cannot be used are left out and reported through
 * `onRefusal`; when none is left the report has no story.
 */
export async function analyze(articles: Articles, options: AnalyzeOptions = {}): Promise<Report> {
  const config = configOf(options);
  const kept: AnnotatedArticle[] = [];
  for await (const article of annotated(articles, config, options, config.maxStoryArticles))
    kept.push(article);
  const { compareStory } = await import('../compare/index.js');
  const { buildReport } = await import('../report/index.js');
  return buildReport(kept.length > 0 ? [compareStory(kept)] : [], options.now);
}
