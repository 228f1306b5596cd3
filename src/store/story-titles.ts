// A story's title: the headline of its most central report. The first article's headline named a story
// before, so a story that opened with a column ("Opinion: the dam was always going to fail") or an
// off-centre follow-up kept that name however many reports joined it. Now the title goes to the titled,
// non-opinion article closest to the centre of the story's articles (the cosine of its clustering features
// to their normalised sum), and stays with it while the story grows unless another report becomes clearly
// more central: a reader finds the story under the name they saw yesterday.
import { asksRatherThanReports } from '../text/headline-shape.js';
import { opinionOf } from '../text/opinion.js';
import { centrality, type Vector } from '../text/vectors.js';

export interface TitleCandidate {
  title: string | null;
  /** The article's address (its canonical form is enough: only the path's sections are read). */
  url: string | null;
  outlet: string | null;
  features: Vector;
}

/**
 * How much more central another report must be to take the title over. Replaying the 200 biggest stories
 * of an allsides library (8 to 288 articles) in placement order, looking again at 2, 4, 8, … articles: the
 * title changed after the second article 2.08 times per story with no margin, 1.08 with 0.05, 0.64 with
 * 0.1. A reader should find a story under yesterday's name, so 0.1.
 */
export const TITLE_KEEP_MARGIN = 0.1;

/**
 * The title for a story of these (distinct) articles, given its current title; null to keep what it has
 * (no titled report among them). Opinion is recognised by the address section and the title and outlet
 * markers of text/opinion.ts; the language sign needs the text and is not read here (that would load every
 * member's text). Headlines that ask or explain (asksRatherThanReports) are eligible only when no other is.
 */
export function centralTitle(candidates: readonly TitleCandidate[], current: string | null): string | null {
  const scores = centrality(candidates.map((c) => c.features));
  let eligible = candidates
    .map((c, i) => ({ c, score: scores[i] ?? 0 }))
    .filter(
      ({ c }) =>
        c.title !== null &&
        c.title.trim() !== '' &&
        opinionOf({ url: c.url, title: c.title, outlet: c.outlet, text: '' }) === null,
    );
  if (eligible.length === 0) return null;
  const reporting = eligible.filter(({ c }) => !asksRatherThanReports(c.title ?? ''));
  if (reporting.length > 0) eligible = reporting;
  let best = eligible[0] as (typeof eligible)[number];
  for (const e of eligible) if (e.score > best.score) best = e;
  const holder = eligible.find((e) => e.c.title === current);
  if (holder && holder.score >= best.score - TITLE_KEEP_MARGIN) return current;
  return best.c.title;
}

/** The sizes at which a growing story looks for its title again: 2, 4, 8, 16, … (amortised O(1) per article). */
export function retitleAt(articleCount: number): boolean {
  return articleCount >= 2 && (articleCount & (articleCount - 1)) === 0;
}
