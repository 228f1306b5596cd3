import type { ReportArticle } from '../model/report.js';
import type { StoryArticle } from './dates.js';

/** The report's view of an article: the contract's fields plus sentence spans for the article view. */
export function toReportArticle(a: StoryArticle): ReportArticle {
  return {
    id: a.id,
    source: a.source,
    outlet: a.outlet,
    title: a.title,
    url: a.url,
    published: a.published,
    ...(a.publishedInferred ? { publishedInferred: true } : {}),
    text: a.text,
    removed: a.removed,
    messages: a.messages,
    sentences: a.sentences,
    paragraphs: a.paragraphs,
  };
}
