// What ingest computes for each new article before it touches the library: annotations, clustering
// features and near-duplicate keys. It is pure CPU work on one article, so it can run in a worker thread
// while the main thread writes the previous batch (see annotator.ts).

import type { AnnotatedArticle, Article } from '../model/article.js';
import type { ArticleFeatures } from '../model/story-index.js';
import { annotate } from '../pipeline/annotate-stage.js';
import { bareContext, runStage } from '../pipeline/stage.js';
import { articleFeatures } from '../stories/features.js';
import { duplicateKeys } from '../stories/near-duplicates.js';

export interface PreparedArticle {
  article: AnnotatedArticle;
  /** The store id (from articleIdentity), carried through so the worker need not recompute it. */
  id: string;
  features: ArticleFeatures;
  keys: string[];
}

export type PrepareResult =
  | { ok: true; prepared: PreparedArticle }
  | { ok: false; source: string; reason: string };

export function prepareArticle(article: Article, id: string): PrepareResult {
  // The pipeline's annotate stage, refusing the article when it throws, as analyze and annotate do.
  const annotated = runStage(annotate, article, bareContext());
  if ('refused' in annotated) return { ok: false, source: article.source, reason: annotated.refused };
  try {
    return {
      ok: true,
      prepared: {
        article: annotated,
        id,
        features: articleFeatures(annotated),
        keys: duplicateKeys(annotated.text),
      },
    };
  } catch (err) {
    // Story features come from the annotations: an article they cannot be computed for is refused the same way.
    return {
      ok: false,
      source: article.source,
      reason: `could not be annotated (${(err as Error).message})`,
    };
  }
}
