// RSS 1.0 / 0.90 (RDF): items are siblings of <channel> under <rdf:RDF>, identified by rdf:about.

import { parseFeedDate } from '../text/published-date.js';
import { checkItemCount, type FeedItem, type ParsedFeed } from './feed-model.js';
import { clean, htmlToText, joinNames } from './feed-text.js';
import {
  absoluteUrl,
  attr,
  child,
  children,
  contentModule,
  dc,
  htmlOf,
  NS,
  rssCore,
  rssLinkOf,
  rssTitle,
  textOf,
} from './feed-tree.js';
import { FeedError, type XmlElement } from './xml.js';

export function parseRss1(root: XmlElement): ParsedFeed {
  const channel = child(root, 'channel', rssCore);
  const itemElements = children(root, 'item', rssCore);
  if (!channel && itemElements.length === 0) {
    throw new FeedError('NOT_A_FEED', 'not a feed: RDF document without an RSS channel');
  }
  checkItemCount(itemElements.length);
  const rdfAttr: (ns: string | null, prefix: string) => boolean = (ns, prefix) =>
    ns === NS.rdf || (ns === null && prefix === 'rdf');
  return {
    format: 'rss1',
    title: rssTitle(channel ? child(channel, 'title', rssCore) : null),
    siteUrl: rssLinkOf(channel),
    items: itemElements.map((item): FeedItem => {
      const about = clean(attr(item, 'about', rdfAttr));
      return {
        guid: about,
        url: rssLinkOf(item) ?? absoluteUrl(about, item.base),
        title: rssTitle(child(item, 'title', rssCore)),
        published: parseFeedDate(textOf(child(item, 'date', dc))),
        author: joinNames(children(item, 'creator', dc).map(textOf)),
        summary: htmlToText(htmlOf(child(item, 'description', rssCore))),
        contentHtml: htmlOf(child(item, 'encoded', contentModule)),
      };
    }),
  };
}
