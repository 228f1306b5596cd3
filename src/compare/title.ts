import type { AnnotatedArticle } from '../model/article.js';
import type { Fact } from '../model/report.js';

const MAX_TITLE = 140;
/** "PORT CALLOWAY, Ore. (Coastal Wire) — " opens wire copy; it is not part of what happened. */
const DATELINE_PREFIX =
  /^\p{Lu}[\p{Lu}\p{M} .'’-]{2,40}(?:,\s*[\p{L}. ]{1,20})?(?:\s*\([^)]{1,40}\))?\s*[—–]\s*/u;

/** The story's title: the most corroborated fact's wording, else the first article title. */
export function storyTitle(articles: readonly AnnotatedArticle[], facts: readonly Fact[]): string {
  const best = [...facts].sort((a, b) => b.articles.length - a.articles.length)[0];
  const text = (best?.text ?? articles.find((a) => a.title)?.title ?? 'Untitled story').replace(
    DATELINE_PREFIX,
    '',
  );
  if (text.length <= MAX_TITLE) return text;
  const cut = text.slice(0, MAX_TITLE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_TITLE / 2)).replace(/[,;:]$/, '')}…`;
}
