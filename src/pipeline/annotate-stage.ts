// The annotate stage on its own module: importing it loads the language models, so only code that
// annotates does (analyze, annotate, the library API, and library ingest's worker thread).
import { annotateArticle } from '../annotate/index.js';
import type { AnnotatedArticle, Article } from '../model/article.js';
import type { Stage } from './stage.js';

export const annotate: Stage<Article, AnnotatedArticle> = {
  name: 'annotate',
  failure: 'could not be annotated',
  run: (article) => annotateArticle(article),
};
