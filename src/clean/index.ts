// Clean: RawArticle → Article. Rebuild paragraphs, drop page furniture (each removal kept with its
// reason), and harvest the metadata the text itself carries (a footer URL, the date in that URL, a
// dateline). Metadata given by the input wins over what is harvested.

import type { Article, ArticleMeta, Paragraph, RawArticle, RemovedSpan } from '../model/article.js';
import { dateFromUrl } from '../text/published-date.js';
import { findUrls, hostOf } from '../text/url.js';
import { classifyExtracted, classifyParagraphs, isDateLine } from './boilerplate.js';
import { findDateline } from './dateline.js';
import { cutLinkCards } from './link-cards.js';
import { splitParagraphs } from './paragraphs.js';
import { cleanTitle } from './title.js';

export interface CleanOptions {
  /** Metadata for an article given its URL host (from --sources), applied after harvesting. */
  metaForHost?: (host: string) => ArticleMeta;
}

export function cleanArticle(raw: RawArticle, id: string, options: CleanOptions = {}): Article {
  // Text the page extractor chose keeps its blocks; text pasted from the web is rebuilt and sifted.
  const pieces = splitParagraphs(raw.body, { rejoinWrapped: !raw.extracted });
  const verdicts = raw.extracted ? classifyExtracted(pieces) : classifyParagraphs(pieces);
  const kept: { text: string; kind: Paragraph['kind'] }[] = [];
  const removed: RemovedSpan[] = [];
  const footerUrls: string[] = [];
  pieces.forEach((text, i) => {
    const verdict = verdicts[i];
    if (!verdict) return;
    if (verdict.keep) {
      const carded = cutLinkCards(text);
      for (const card of carded.cut) removed.push({ text: card, reason: 'link card' });
      kept.push({ text: carded.text, kind: verdict.kind });
      return;
    }
    removed.push({ text, reason: verdict.reason });
    if (verdict.reason === 'source footer' || verdict.reason === 'bare URL') {
      footerUrls.push(...findUrls(text).map((u) => u.url));
    }
  });

  const paragraphs: Paragraph[] = [];
  let text = '';
  for (const p of kept) {
    if (text) text += '\n\n';
    paragraphs.push({ start: text.length, end: text.length + p.text.length, kind: p.kind });
    text += p.text;
  }

  const meta = harvestMeta(raw.meta, removed, footerUrls, options);
  const firstBody = paragraphs.find((p) => p.kind === 'paragraph');
  // The title is the first heading above the body that is no date line ("Tue Mar 3, 2015 9:10am" above
  // the headline is when, not what).
  let leadHeading: string | null = null;
  for (const p of paragraphs) {
    if (p.kind !== 'heading') break;
    const heading = text.slice(p.start, p.end);
    if (isDateLine(heading)) continue;
    leadHeading = heading;
    break;
  }
  return {
    id,
    source: raw.source,
    outlet: meta.outlet ?? null,
    title: cleanHeadline(meta.title ?? leadHeading, meta.author),
    url: meta.url ?? null,
    published: meta.published ?? null,
    author: meta.author ?? null,
    language: meta.language ?? null,
    ...(meta.leaning ? { leaning: meta.leaning } : {}),
    dateline: firstBody ? findDateline(text.slice(firstBody.start, firstBody.end)) : null,
    text,
    paragraphs,
    removed,
    messages: [...raw.messages],
  };
}

/**
 * The article's own URL is the first URL of a source footer ("Original url:" + link) — the links that
 * follow it point elsewhere. A bare URL alone, with no label, is taken only when it is the only one.
 */
function harvestMeta(
  given: ArticleMeta,
  removed: readonly RemovedSpan[],
  footerUrls: readonly string[],
  options: CleanOptions,
): ArticleMeta {
  const labelled = removed.findIndex((r) => r.reason === 'source footer');
  let url = given.url ?? null;
  if (!url && labelled >= 0) {
    const sameLine = findUrls(removed[labelled]?.text ?? '')[0]?.url;
    url = sameLine ?? findUrls(removed[labelled + 1]?.text ?? '')[0]?.url ?? null;
  }
  if (!url && footerUrls.length === 1) url = footerUrls[0] ?? null;
  const host = url ? hostOf(url) : null;
  const fromHost = host && options.metaForHost ? options.metaForHost(host) : {};
  return {
    ...fromHost,
    ...definedOnly(given),
    url,
    outlet: given.outlet ?? fromHost.outlet ?? host,
    published: given.published ?? fromHost.published ?? (url ? dateFromUrl(url) : null),
  };
}

function cleanHeadline(title: string | null, author: string | null | undefined): string | null {
  return title === null ? null : cleanTitle(title, author);
}

function definedOnly(meta: ArticleMeta): ArticleMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== null));
}
