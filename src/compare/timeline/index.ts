// Timeline: dated events merged across articles. An event is a resolved date (YYYY, YYYY-MM or
// YYYY-MM-DD) with the sentence that holds it; two outlets' events merge when they carry the same date and
// say the same thing — they fall in the same fact, or their sentences are similar. "The collapse injured
// 14 people … Monday" and "A section … gave way … Monday" become one 2024-10-21 entry citing both, while
// "Reyes spoke at a news conference Monday" stays a second entry for that day.
import type { AnnotatedArticle, DateMention, Span } from '../../model/article.js';
import type { TimelineEntry } from '../../model/report.js';
import { datelineEnd } from '../../text/words.js';
import type { StoryContext } from '../context.js';
import { type Alignment, alignStory } from '../facts/align.js';
import { evidenceOf } from '../facts/index.js';
import type { Unit } from '../text/units.js';

/** Two same-date sentences outside any shared fact merge when their similarity reaches this… */
export const TIMELINE_SIMILARITY = 0.1;
/** …and they share this many content words besides the date ("crossing" alone is not one event). */
export const TIMELINE_MIN_SHARED = 2;
/** Entry texts longer than this are cut to a window around the date expression. */
export const MAX_ENTRY_CHARS = 160;

interface Event {
  date: string;
  unit: Unit;
  mention: DateMention;
}

/** How alike two events' sentences are: 1 within one fact, else their similarity (0 if too little is shared). */
function affinity(alignment: Alignment, a: Unit, b: Unit): number {
  const ca = alignment.clusterOf[a.index] ?? -1;
  if (ca >= 0 && ca === alignment.clusterOf[b.index] && (alignment.clusters[ca]?.units.length ?? 0) > 1)
    return 1;
  // The shared date is a given here, so it must not count towards the likeness too.
  const { score, shared, fromDates } = alignment.compare(a, b);
  return shared >= TIMELINE_MIN_SHARED ? score - fromDates : 0;
}

/**
 * The sentence, or about MAX_ENTRY_CHARS of it around the date expression: from the sentence start when
 * the date comes early (so the entry still reads "A section of the bridge gave way … Monday…"), else a
 * window centred on the date; cut after a comma when one is near the limit, else at a space.
 */
export function windowAround(text: string, mention: Span, whole: Span): string {
  const opening = datelineEnd(text, whole.start, whole.end);
  const span = { start: opening <= mention.start ? opening : whole.start, end: whole.end };
  const sentence = text.slice(span.start, span.end).trim();
  if (sentence.length <= MAX_ENTRY_CHARS) return sentence;
  let from = span.start;
  if (mention.end - span.start > MAX_ENTRY_CHARS * 0.8) {
    const middle = Math.round((mention.start + mention.end) / 2);
    from = Math.max(span.start, Math.min(middle - MAX_ENTRY_CHARS / 2, span.end - MAX_ENTRY_CHARS));
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < mention.start) from = space + 1;
  }
  let to = Math.min(span.end, from + MAX_ENTRY_CHARS);
  if (to < span.end) {
    const window = text.slice(mention.end, to);
    const comma = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '));
    const space = window.lastIndexOf(' ');
    if (comma >= 0 && mention.end + comma - from > MAX_ENTRY_CHARS * 0.6) to = mention.end + comma;
    else if (space >= 0) to = mention.end + space;
  }
  const core = text
    .slice(from, to)
    .trim()
    .replace(/[,;:—–-]+$/, '');
  return `${from > span.start ? '…' : ''}${core}${to < span.end ? '…' : ''}`;
}

/** The clearest sentence of a merged entry: least quotation, then most central, then shortest. */
function clearest(alignment: Alignment, events: readonly Event[]): Event {
  let best = events[0] as Event;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    let central = 0;
    for (const o of events) if (o !== e) central += alignment.similarity(e.unit, o.unit);
    const score = -e.unit.quoteShare * 2 + central / Math.max(events.length - 1, 1) - e.unit.words / 150;
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}

export function buildTimeline(ctx: StoryContext): TimelineEntry[] {
  const alignment = alignStory(ctx);
  const byDate = new Map<string, Event[]>();
  for (const unit of alignment.units) {
    for (const mention of unit.dates) {
      if (mention.value === null) continue;
      const list = byDate.get(mention.value) ?? [];
      // One event per sentence and date ("in 2014 and 2015" are two dates, "Monday … Monday" is one).
      if (!list.some((e) => e.unit === unit)) list.push({ date: mention.value, unit, mention });
      byDate.set(mention.value, list);
    }
  }
  const entries: { entry: TimelineEntry; first: Unit }[] = [];
  for (const [date, events] of byDate) {
    // Greedy grouping in story order: an event joins the most alike group that has no sentence of its
    // article yet, if alike enough. Only groups holding a fact-mate or an index neighbour of the event
    // are looked at, so a date mentioned in thousands of sentences ("2020") costs no pairwise scan.
    const groups: Event[][] = [];
    const groupOfUnit = new Map<number, number>();
    const clusterGroups = new Map<number, Set<number>>();
    for (const e of events) {
      const candidates = new Set<number>();
      const cluster = alignment.clusterOf[e.unit.index] ?? -1;
      for (const g of clusterGroups.get(cluster) ?? []) candidates.add(g);
      for (const p of alignment.neighbours[e.unit.index] ?? []) {
        const g = groupOfUnit.get(p.a === e.unit.index ? p.b : p.a);
        if (g !== undefined) candidates.add(g);
      }
      let best = -1;
      let bestAffinity = TIMELINE_SIMILARITY;
      for (const g of candidates) {
        const members = groups[g] as Event[];
        if (members.some((x) => x.unit.article === e.unit.article)) continue;
        const a = Math.max(...members.map((x) => affinity(alignment, x.unit, e.unit)));
        if (a >= bestAffinity) {
          best = g;
          bestAffinity = a;
        }
      }
      if (best < 0) {
        best = groups.length;
        groups.push([]);
      }
      (groups[best] as Event[]).push(e);
      groupOfUnit.set(e.unit.index, best);
      if (cluster >= 0) clusterGroups.set(cluster, (clusterGroups.get(cluster) ?? new Set()).add(best));
    }
    for (const g of groups) {
      g.sort((x, y) => x.unit.article - y.unit.article);
      const chosen = clearest(alignment, g);
      const article = ctx.articles[chosen.unit.article] as AnnotatedArticle;
      entries.push({
        entry: {
          date,
          text: windowAround(article.text, chosen.mention, chosen.unit),
          articles: g.map((x) => x.unit.articleId),
          evidence: g.map((x) => evidenceOf(ctx, x.unit)),
        },
        first: g[0]?.unit as Unit,
      });
    }
  }
  entries.sort(
    (x, y) =>
      (x.entry.date < y.entry.date ? -1 : x.entry.date > y.entry.date ? 1 : 0) ||
      y.entry.articles.length - x.entry.articles.length ||
      x.first.article - y.first.article ||
      x.first.order - y.first.order,
  );
  return entries.map((x) => x.entry);
}
