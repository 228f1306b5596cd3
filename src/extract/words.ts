// What class and id names say about an element. Names are cut into words ("relatedStories js-shareBar" →
// related, stories, js, share, bar) and words are matched whole, so "ad" finds "ad-slot" and "top_ad" but
// not "header", "shadow" or "download". The vocabulary is the one publishing systems and templates share
// across sites (WordPress, Arc, Drupal themes, ad and comment vendors), never the names of one site.

/** Word parts of a class/id string: camelCase and any non-alphanumeric character split words. */
export function classWords(classAndId: string): readonly string[] {
  if (classAndId.trim() === '') return [];
  return classAndId
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

export function hasWord(words: readonly string[], pattern: RegExp): boolean {
  for (const w of words) if (pattern.test(w)) return true;
  return false;
}

/** Left out before scoring (strict mode): page regions around the article. */
export const UNLIKELY_CONTENT =
  /^(?:ads?|advert\w*|agegate|banner|breadcrumbs?|combx|comments?|community|cookies?|disqus|footer|gdpr|header|legends|masthead|menu|modal|nav|navbar|navigation|newsletters?|outbrain|pager|pagination|popup|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor\w*|supplemental|taboola)$/;

/** Reader comments: prose, but not the article's. */
export const DISCUSSION =
  /^(?:comments?|commenting|discussion|disqus|replies|reply|community|forum|remark\w*|shoutbox)$/;

/** …unless the element also says it holds the content ("article-header", "main-column"). */
export const OK_MAYBE_CONTENT = /^(?:article|body|column|content|main|story|entry)$/;

/** Scoring: containers named like content gain, furniture loses. */
export const POSITIVE = /^(?:article|body|content|entry|hentry|main|page|post|text|blog|story|prose)$/;
export const NEGATIVE =
  /^(?:ads?|banner|combx|comments?|com|contact|footer|gdpr|hidden|hid|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor\w*|shopping|tags|widget)$/;

/**
 * Furniture inside the article body, whatever else the element is called: share bars, "related" and
 * "recommended" boxes, newsletter sign-ups, ads, bylines and datelines, tag lists, comment counts,
 * embedded social posts.
 */
export const FURNITURE =
  /^(?:ads?|adsense|adslot|adunit|advert\w*|author|authors|bio|breadcrumbs?|byline\w*|carousel|comments?|cta|dateline|disqus|gallery|hovercard|inline(?:ad|promo)|meta|metadata|newsletters?|outbrain|popup|popover|print|promo\w*|recirc\w*|recommend\w*|related|share\w*|signup|sharing|slider|slideshow|social|sponsor\w*|subscri\w*|tags|taboola|timestamp|toolbar|tooltip|widget)$/;

/** A standfirst or summary above the body; the same words name subheadings further down. */
export const DEK = /^(?:abstract|dek|kicker|standfirst|subheadline|subtitle)$/;

/** Picture captions and credits: not body text (what a reader sees under a photo). */
export const CAPTION = /^(?:caption\w*|credits?|figcaption|photocredit)$/;

/** A byline's container: "byline", "author", "dateline". */
export const BYLINE = /(?:^| )(?:byline\w*|author|authors|dateline|writtenby)(?: |$)/;

/** Posts embedded from social networks (a quoted tweet, an Instagram card). */
export const EMBEDDED_POST = /^(?:instagram|tiktok|tweet|twitter)$/;
