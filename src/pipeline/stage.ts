// The shape of a pipeline stage and the state one run shares between articles.
import type { SourceMap } from '../ingest/sources.js';

export interface RunContext {
  sources: SourceMap | null;
  usedIds: Set<string>;
}

/** A stage maps one article to the next representation, or refuses it with a one-line reason. */
export interface Stage<In, Out> {
  name: string;
  run(input: In, ctx: RunContext): Out | { refused: string };
}
