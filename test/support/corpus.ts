import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/config.js';
import type { AnnotatedArticle } from '../../src/model/article.js';
import { runPipeline } from '../../src/pipeline/index.js';

/**
 * ../shared/corpus beside the project. A checkout elsewhere may lack it, and its tests are then skipped
 * with a note; under CI (the `CI` variable set, as `.ci/run` does) a missing corpus fails the run
 * instead, so a moved folder can never turn the acceptance tests silently green.
 */
export const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
export const MINSK = resolve(CORPUS, 'minsk-talks');
export const hasCorpus = existsSync(MINSK);
export const CORPUS_MISSING = `the shared corpus is missing: expected ${MINSK} (../shared beside the project)`;
if (!hasCorpus) {
  if (process.env.CI) throw new Error(`${CORPUS_MISSING}; CI must have it`);
  console.warn(`corpus tests skipped: ${CORPUS_MISSING}`);
}
export const EXAMPLE_STORY = resolve(import.meta.dirname, '../../examples/harbor-bridge');

/** Annotate every article under `inputs`, keyed by file name. */
export async function annotateAll(inputs: string[]): Promise<Map<string, AnnotatedArticle>> {
  const byFile = new Map<string, AnnotatedArticle>();
  for await (const event of runPipeline(inputs, DEFAULT_CONFIG)) {
    if (!event.ok) throw new Error(`${event.input}: ${event.reason}`);
    byFile.set(basename(event.article.source), event.article);
  }
  return byFile;
}
