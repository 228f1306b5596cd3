// The shape of a pipeline stage, the state one run shares between articles, and the one way a stage's
// failure on an article becomes a refusal.
import type { SourceMap } from '../ingest/sources.js';

export interface RunContext {
  sources: SourceMap | null;
  usedIds: Set<string>;
  /** The outlet a URL host stands for in the library's outlet directory (library ingest sets it). */
  outletOfHost?: (host: string) => string | null;
}

/** Why an article stopped in a stage: one line, shown after the article's input name. */
export interface Refused {
  refused: string;
}

/** A stage maps one article to the next representation, or refuses it with a one-line reason. */
export interface Stage<In, Out> {
  name: string;
  /** The refusal when `run` throws: "could not be annotated" becomes "could not be annotated (reason)". */
  failure: string;
  run(input: In, ctx: RunContext): Out | Refused;
}

export function isRefused(value: unknown): value is Refused {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

/**
 * Runs one stage on one article. A stage that throws (an annotator tripping over an unusual article)
 * refuses that article and the run goes on with the next, in every entry point: analyze, annotate,
 * library ingest (in its worker thread too) and the library API.
 */
export function runStage<In, Out>(stage: Stage<In, Out>, input: In, ctx: RunContext): Out | Refused {
  try {
    return stage.run(input, ctx);
  } catch (err) {
    return { refused: `${stage.failure} (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** A context for stages that use neither sources nor ids (annotation in a worker thread). */
export function bareContext(): RunContext {
  return { sources: null, usedIds: new Set() };
}
