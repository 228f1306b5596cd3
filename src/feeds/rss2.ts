// RSS 2.0 / 0.91 / 0.92: items under <channel>.

import { parseFeedDate } from '../text/published-date.js';
import { checkItemCount, type FeedItem, type ParsedFeed } from './feed-model.js';
import { htmlToText, joinNames, personName } from './feed-text.js';
import {
  absoluteUrl,
  attr,
  child,
  children,
  contentModule,
  dc,
  htmlOf,
  rssCore,
  rssLinkOf,
  rssTitle,
  textOf,
} from './feed-tree.js';
import { FeedError, type XmlElement } from './xml.js';

export function parseRss2(root: XmlElement): ParsedFeed {
  const channel = child(root, 'channel', rssCore);
  // Items belong in <channel>, but some generators close the channel first and list them under <rss>.
  const itemElements = [
    ...(channel ? children(channel, 'item', rssCore) : []),
    ...children(root, 'item', rssCore),
  ];
  if (!channel && itemElements.length === 0) {
    throw new FeedError('NOT_A_FEED', 'not a feed: <rss> has no <channel>');
  }
  checkItemCount(itemElements.length);
  return {
    format: 'rss2',
    title: rssTitle(channel ? child(channel, 'title', rssCore) : null),
    siteUrl: rssLinkOf(channel),
    items: itemElements.map((item): FeedItem => {
      const guidElement = child(item, 'guid', rssCore);
      const guid = textOf(guidElement);
      let url = rssLinkOf(item);
      // isPermaLink defaults to true: then the guid is the item's URL when there is no <link>.
      if (
        url === null &&
        guidElement &&
        guid &&
        attr(guidElement, 'isPermaLink')?.trim().toLowerCase() !== 'false'
      ) {
        url = absoluteUrl(guid, guidElement.base);
      }
      const description = child(item, 'description', rssCore);
      return {
        guid,
        url,
        title: rssTitle(child(item, 'title', rssCore)),
        published: parseFeedDate(textOf(child(item, 'pubdate', rssCore)) ?? textOf(child(item, 'date', dc))),
        author:
          joinNames(children(item, 'creator', dc).map(textOf)) ??
          personName(textOf(child(item, 'author', rssCore))),
        summary: htmlToText(htmlOf(description)),
        contentHtml: htmlOf(child(item, 'encoded', contentModule)),
      };
    }),
  };
}
