// Confidence of a quote group's speaker, from how each printing's speaker was found (Quote.speakerRoute).
// The score of a route is the share of PolNeAR train quotes found that way whose speaker was right, read
// from the two route tables of `node dist/eval/run.js --split train --suite quotes` (the "route" and "found
// by" tables, with the right counts), re-measured 2026-12-07 on the code of that day (helper spk16): 840
// articles, 6,466 matched quotes with a source, overall speaker accuracy 0.892. (The figures before were
// measured earlier that day at overall 0.890, 0.888 and 0.884, and 2026-12-06 at 0.832.) Routes with fewer than 30 quotes
// take their `by` group's figure.
// Re-run that command after a change to speaker attribution and copy the tables here.
import type { Quote, SpeakerRoute } from '../../model/article.js';
import type { QuoteGroup } from '../../model/report.js';
import type { StoryContext } from '../context.js';
import { confidence } from './scale.js';

/** Speaker accuracy by route ("by/form"), PolNeAR train, with the quotes measured and how many were right. */
export const ROUTE_ACCURACY: Readonly<Record<string, number>> = {
  'speech-verb/name': 0.975, // 2,926 quotes, 2,854 right
  'speech-verb/pronoun': 0.849, // 1,202, 1,021
  'speech-verb/phrase': 0.823, // 645, 531
  'continuation/name': 0.981, // 795, 780
  'continuation/pronoun': 0.846, // 292, 247
  'continuation/phrase': 0.888, // 89, 79
  'sentence-subject/name': 0.714, // 140, 100
  'sentence-subject/pronoun': 0.8, // 40, 32
  'topic/name': 0.683, // 41, 28
};

/** Accuracy of a `by` group as a whole, for routes measured on too few quotes (or none). */
export const BY_ACCURACY: Readonly<Record<SpeakerRoute['by'], number>> = {
  'speech-verb': 0.923, // 4,791 quotes, 4,423 right; the description form alone: 18 quotes, 0.944
  continuation: 0.941, // 1,178, 1,108
  'sentence-subject': 0.737, // 209, 154 (the phrase form alone: 29, 0.759)
  'colon-intro': 0.9, // 20, 18
  'sign-off': 0.9, // 7 on PolNeAR train, all right: too few to rank it above speech-verb/name
  topic: 0.735, // 49, 36 (the pronoun form alone: 8, all right)
  // Headings are not in PolNeAR: a heading quote takes the speaker of the body quote it shares two content
  // words with, a guess no figure backs.
  heading: 0.6,
};
/** Matched quotes with a source for which no speaker was found: 212, right 0.104 (22: a named phrase by
 * chance). */
export const NO_SPEAKER_ACCURACY = 0.104;

/** How a speaker was named, as the start of a reason. */
const FORM_WORDS: Record<SpeakerRoute['form'], string> = {
  name: 'named',
  description: 'description resolved as',
  pronoun: 'pronoun resolved as',
  phrase: 'unnamed',
};
/** What found the speaker, after the form words: "named subject of a speech verb". */
const BY_WORDS: Record<SpeakerRoute['by'], string> = {
  'speech-verb': 'subject of a speech verb',
  'sentence-subject': 'subject of the sentence, no speech verb',
  'colon-intro': 'speaker introduced by the paragraph before',
  'sign-off': 'name on the dash line signing off the quote',
  continuation: 'speaker of the quote this one continues',
  topic: 'person the paragraph is about, no attribution',
  heading: 'speaker of the body quote this heading repeats',
};

export function routeScore(route: SpeakerRoute | undefined): number {
  if (!route) return NO_SPEAKER_ACCURACY;
  return ROUTE_ACCURACY[`${route.by}/${route.form}`] ?? BY_ACCURACY[route.by];
}

/** "named subject of a speech verb", "pronoun resolved as speaker of the quote this one continues". */
export function routeReason(route: SpeakerRoute | undefined): string {
  if (!route) return 'no speaker found';
  return `${FORM_WORDS[route.form]} ${BY_WORDS[route.by]}`;
}

export function speakerConfidences(ctx: StoryContext, groups: readonly QuoteGroup[]): void {
  const quoteAt = new Map<string, Quote>();
  for (const a of ctx.articles) for (const q of a.quotes) quoteAt.set(`${a.id}:${q.start}:${q.end}`, q);
  for (const group of groups) {
    let best: { score: number; route: SpeakerRoute | undefined } = { score: -1, route: undefined };
    let attributed = 0;
    let agreeing = 0;
    const outlets = new Set<string>();
    for (const v of group.variants) {
      const quote = quoteAt.get(`${v.article}:${v.start}:${v.end}`);
      const actor = quote?.speaker ? ctx.actorOf(v.article, quote.speaker) : null;
      if (actor) attributed++;
      const agrees = actor === group.speaker;
      if (!agrees) continue;
      if (actor) {
        agreeing++;
        outlets.add(v.article);
      }
      const score = routeScore(quote?.speakerRoute);
      if (score > best.score) best = { score, route: quote?.speakerRoute };
    }
    // Outlets that credit the words to someone else make the majority speaker less sure.
    const share = group.speaker && attributed > 0 ? agreeing / attributed : 1;
    let reason = routeReason(best.route);
    if (share < 1) reason += `; ${attributed - agreeing} of ${attributed} printings name another speaker`;
    else if (outlets.size > 1) reason += `; ${outlets.size} articles agree`;
    group.confidence = confidence(Math.max(best.score, 0) * share, reason);
  }
}
