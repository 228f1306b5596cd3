import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/config.js';
import type { AnnotatedArticle } from '../../src/model/article.js';
import { runPipeline } from '../../src/pipeline/index.js';

/** ../shared/corpus beside the project: CI has it, a fresh checkout elsewhere may not. */
export const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
export const MINSK = resolve(CORPUS, 'minsk-talks');
export const hasCorpus = existsSync(MINSK);
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
