// Publication dates inferred from the story. Copy-pasted articles often carry no date, so their "on
// Tuesday" stays unresolved; when the story's dated articles all fall within a few days, an undated one
// about the same event was almost surely published then too. It is read against the latest of those days,
// its relative dates are resolved again, and the report says the date was inferred. The annotation layer
// itself is not changed: the story works on derived copies.
import { findDates } from '../annotate/dates/index.js';
import type { AnnotatedArticle } from '../model/article.js';

/** Dated articles spread over more days than this do not vouch for an undated one. */
const MAX_SPREAD_DAYS = 3;
const DAY_MS = 86_400_000;

export interface StoryArticle extends AnnotatedArticle {
  publishedInferred?: boolean;
}

export function inferPublicationDates(articles: readonly AnnotatedArticle[]): StoryArticle[] {
  const dated = articles
    .map((a) => a.published)
    .filter((p): p is string => p !== null)
    .sort();
  const first = dated[0];
  const last = dated[dated.length - 1];
  if (!first || !last || articles.every((a) => a.published)) return [...articles];
  const spread = (Date.parse(`${last}T12:00:00Z`) - Date.parse(`${first}T12:00:00Z`)) / DAY_MS;
  if (spread > MAX_SPREAD_DAYS) return [...articles];
  return articles.map((a) => {
    if (a.published) return a;
    const { dates, messages } = findDates(a.text, { published: last, quotes: a.quotes });
    return {
      ...a,
      published: last,
      publishedInferred: true,
      dates,
      messages: [
        ...a.messages.filter((m) => m.code !== 'date-unresolved'),
        ...messages,
        {
          code: 'date-inferred',
          message: `no publication date in the input; ${last} inferred from the story's ${dated.length === 1 ? 'dated article' : `${dated.length} dated articles`}`,
        },
      ],
    };
  });
}
