// What the HTML and Markdown renderers both derive from a Story before drawing it: one column per article
// (with the outlet's short name and colour slot), the order actors are listed in, readable names for the
// ids discrepancies point at, dates in words, and quote diffs as spaced words. Kept in one place so both
// formats say the same thing.

import type {
  Actor,
  DiffPart,
  Discrepancy,
  DiscrepancyKind,
  EvidenceSpan,
  QuoteGroup,
  ReportArticle,
  Story,
} from '../../model/report.js';
import type { SafeHtml } from '../escape.js';

/** Distinct outlet colours in the stylesheet (.o0 … .o7); more outlets than this reuse them in order. */
export const OUTLET_COLOURS = 8;
/** A short name longer than this is shortened further ("Northfield Public Radio" → "Northfield Radio"). */
const SHORT_NAME_MAX = 16;
/** Words that say little about which outlet it is, dropped first when shortening a name. */
const FILLER_WORDS = new Set(['the', 'daily', 'weekly', 'public', 'online', 'news', 'of', 'and', '&']);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const KIND_TITLES: Record<DiscrepancyKind, string> = {
  title: 'Titles and labels',
  spelling: 'Spellings',
  number: 'Numbers',
  date: 'Dates',
  attribution: 'Attribution',
  wording: 'Wording of quotes',
};
export const KIND_ORDER: readonly DiscrepancyKind[] = [
  'number',
  'date',
  'attribution',
  'wording',
  'title',
  'spelling',
];
const ACTOR_KIND_ORDER: readonly Actor['kind'][] = ['person', 'organization', 'group', 'place', 'other'];

/** One article as a column of the page: which outlet, in which colour, under which short name. */
export interface Column {
  /** Index of the article in story.articles (what the page's links carry). */
  k: number;
  article: ReportArticle;
  /** Index of the outlet among the story's distinct outlets (articles of one outlet share it). */
  o: number;
  /** Full outlet name, or a stand-in when the article has none. */
  outlet: string;
  /** Short name for chips and column heads; unique within the story. */
  short: string;
}

export interface StoryView {
  story: Story;
  columns: Column[];
  column(articleId: string): Column | undefined;
  actor(id: string | null): Actor | undefined;
  /** Distinct outlets in order of first appearance, with their columns. */
  outlets: { o: number; name: string; short: string; columns: Column[] }[];
  /** What the host shows beside a finding, by its anchor (the web app's notes); nothing in a report file. */
  findingExtra?: (anchor: string) => SafeHtml | string;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * "The Merriton Courier" → "Merriton Courier"; "Northfield Public Radio" → "Northfield Radio"; "Merriton Courier
 * - News" → "Merriton Courier"; very long names → initials.
 */
export function shortOutletName(name: string): string {
  const plain = name.replace(/^the\s+/i, '').trim() || name;
  if (plain.length <= SHORT_NAME_MAX) return plain;
  const words = plain.split(/\s+/);
  // A separator left alone by a dropped word goes too: "New York Times - News" → "New York Times", not "… -".
  const kept = words.filter((w) => !FILLER_WORDS.has(w.toLowerCase()) && /[\p{L}\d]/u.test(w));
  const shorter = kept.join(' ');
  if (kept.length > 0 && shorter.length <= SHORT_NAME_MAX) return shorter;
  const initials = words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
  return initials.length >= 2 ? initials : `${plain.slice(0, SHORT_NAME_MAX - 1)}…`;
}

export function storyView(story: Story): StoryView {
  const outletIndex = new Map<string, number>();
  const outlets: StoryView['outlets'] = [];
  const columns: Column[] = story.articles.map((article, k) => {
    // An article without an outlet is its own outlet: two unknown sources must not share a colour. Its
    // id (the file name) names it; the full source path would crowd every chip.
    const outlet = article.outlet?.trim() || hostOf(article.url) || article.id;
    const key = article.outlet?.trim() ? `outlet:${outlet}` : `article:${k}`;
    let o = outletIndex.get(key);
    if (o === undefined) {
      o = outlets.length;
      outletIndex.set(key, o);
      outlets.push({ o, name: outlet, short: shortOutletName(outlet), columns: [] });
    }
    const column: Column = { k, article, o, outlet, short: '' };
    outlets[o]?.columns.push(column);
    return column;
  });
  // Short names must tell columns apart: two articles of one outlet get "Courier 1", "Courier 2", and two
  // outlets that shorten alike get their full names back.
  const shortCount = new Map<string, number>();
  for (const out of outlets) shortCount.set(out.short, (shortCount.get(out.short) ?? 0) + 1);
  for (const out of outlets) {
    if ((shortCount.get(out.short) ?? 0) > 1) out.short = out.name;
    out.columns.forEach((c, i) => {
      c.short = out.columns.length > 1 ? `${out.short} ${i + 1}` : out.short;
    });
  }
  const byId = new Map(columns.map((c) => [c.article.id, c]));
  const actors = new Map(story.actors.map((a) => [a.id, a]));
  return {
    story,
    columns,
    outlets,
    column: (id) => byId.get(id),
    actor: (id) => (id === null ? undefined : actors.get(id)),
  };
}

/** "2025-06-10" → "10 Jun 2025", "2025-06" → "Jun 2025", "2025" stays. Anything else is shown as given. */
export function formatDate(date: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1] ?? date;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** People first, then organisations, groups, places; within a kind the most mentioned first, ties in the report's order. */
export function sortActors(actors: readonly Actor[]): Actor[] {
  return [...actors].sort(
    (a, b) =>
      ACTOR_KIND_ORDER.indexOf(a.kind) - ACTOR_KIND_ORDER.indexOf(b.kind) ||
      b.mentions.length - a.mentions.length,
  );
}

/** Evidence spans of one article, in text order. */
export function spansIn(evidence: readonly EvidenceSpan[] | undefined, articleId: string): EvidenceSpan[] {
  return (evidence ?? []).filter((e) => e.article === articleId).sort((a, b) => a.start - b.start);
}

/**
 * Where a discrepancy's value is written in an article, so a click can show it: the exact text first, then
 * ignoring case. Discrepancy values carry no offsets in contract v1, hence the search.
 */
export function locate(article: ReportArticle, value: string): { start: number; end: number } | null {
  if (!value) return null;
  let at = article.text.indexOf(value);
  if (at < 0) at = article.text.toLowerCase().indexOf(value.toLowerCase());
  return at < 0 ? null : { start: at, end: at + value.length };
}

/** A readable name for what a discrepancy is about: an actor's name, a fact's text or a quote's speaker. */
export function subjectName(view: StoryView, d: Discrepancy): string {
  const actor = view.actor(d.subject);
  if (actor) return actor.name;
  const fact = view.story.facts.find((f) => f.id === d.subject);
  if (fact) return fact.text;
  const quote = view.story.quotes.find((q) => q.id === d.subject);
  if (quote) {
    const speaker = view.actor(quote.speaker)?.name;
    const words = quote.variants[0]?.text ?? '';
    return speaker ? `${speaker}: “${clip(words, 60)}”` : `“${clip(words, 80)}”`;
  }
  return d.subject;
}

export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/**
 * Diff parts with the spaces between words made explicit. Producers may or may not keep whitespace inside
 * the parts ("The fire is" + "contained," or "The fire is " + "contained,"): a space is added only where
 * two parts would otherwise run two words together.
 */
export function spacedDiff(
  parts: readonly DiffPart[],
): { op: DiffPart['op']; text: string; space: boolean }[] {
  return parts.map((p, i) => {
    const prev = parts[i - 1];
    const space =
      prev !== undefined && !/\s$/.test(prev.text) && !/^\s/.test(p.text) && !/^[,.;:!?)\]”’]/.test(p.text);
    return { op: p.op, text: p.text, space };
  });
}

/** Whether a quote variant's diff shows any change (a reference variant's diff is all "same" or absent). */
export function hasChanges(parts: readonly DiffPart[] | undefined): parts is DiffPart[] {
  return !!parts && parts.some((p) => p.op !== 'same');
}

/** Quote groups with a discrepancy first, then those printed by more articles; ties in the report's order. */
export function sortQuotes(story: Story): QuoteGroup[] {
  const weight = (q: QuoteGroup) =>
    discrepanciesOf(story, q.id).length * 1000 + new Set(q.variants.map((v) => v.article)).size;
  return [...story.quotes].sort((a, b) => weight(b) - weight(a));
}

/** The discrepancies about a subject, by kind. */
export function discrepanciesOf(story: Story, subject: string): Discrepancy[] {
  return story.discrepancies.filter((d) => d.subject === subject);
}
