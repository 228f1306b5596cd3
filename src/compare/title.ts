import type { AnnotatedArticle } from '../model/article.js';
import type { Fact } from '../model/report.js';

/** The story's title: the most corroborated fact's wording, else the first article title. */
export function storyTitle(articles: readonly AnnotatedArticle[], facts: readonly Fact[]): string {
  const best = [...facts].sort((a, b) => b.articles.length - a.articles.length)[0];
  const text = best?.text ?? articles.find((a) => a.title)?.title ?? 'Untitled story';
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
