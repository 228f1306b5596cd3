// Compare: the annotated articles of one story → the report's Story. Actors come first (everything else
// refers to them), then quotes, facts, timeline and digest; each step adds its own findings and
// discrepancies.
import type { AnnotatedArticle } from '../model/article.js';
import type { Fact, OpinionMark, Story } from '../model/report.js';
import { leansToOpinion, opinionOf } from '../text/opinion.js';
import { compareActors } from './actors/index.js';
import { compareUnnamed } from './actors/unnamed.js';
import { attachConfidence } from './confidence/index.js';
import type { StoryContext } from './context.js';
import { inferPublicationDates } from './dates.js';
import { buildDigest, digestWithheld } from './digest/index.js';
import { alignFacts } from './facts/index.js';
import { groupQuotes } from './quotes/index.js';
import { toReportArticle } from './report-article.js';
import { buildTimeline } from './timeline/index.js';
import { storyTitle } from './title.js';

/**
 * The first steps of every comparison: publication dates inferred across the story, then actors, and the
 * context the later steps read. Exported for the MRPC fit (eval/mrpc-fit.ts), which scores sentence pairs
 * in the same context the aligner sees.
 */
export function storyContext(annotated: readonly AnnotatedArticle[]): {
  ctx: StoryContext;
  actors: ReturnType<typeof compareActors>;
} {
  const articles = inferPublicationDates(annotated);
  const actors = compareActors(articles);
  const ctx: StoryContext = {
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    actorOf: actors.actorOf,
    negativeSpans: actors.negativeSpans,
    toneOf: actors.toneOf,
  };
  return { ctx, actors };
}

/**
 * The comparison of one story's articles. `knownTitle` is the title the story already has (a library's, taken
 * from its most central headline), so a report names the story as the list does; without one the title
 * comes from the facts (compare/title.ts).
 */
export function compareStory(
  annotated: readonly AnnotatedArticle[],
  id = 's1',
  knownTitle?: string | null,
): Story {
  const { ctx, actors } = storyContext(annotated);
  const { articles } = ctx;
  const quotes = groupQuotes(ctx);
  const facts = alignFacts(ctx);
  const opinions = new Map<string, OpinionMark>();
  for (const a of articles) {
    const mark = opinionOf(a);
    if (mark) opinions.set(a.id, mark);
  }
  const opinion = new Set(opinions.keys());
  // Articles whose text reads as opinion with confidence are marked (opinionOf); those that read somewhat
  // like it (text/opinion.ts, DIGEST_OPINION_PROBABILITY) are not, but the digest leaves their sentences out:
  // it must not speak with an author's voice.
  const notForDigest = new Set([
    ...opinion,
    ...articles.filter((a) => leansToOpinion(a) !== null).map((a) => a.id),
  ]);
  const unnamedActors = compareUnnamed(articles, actors.actors, actors.actorOf);
  const title = knownTitle || storyTitle(articles, facts.facts, opinion);
  const story: Story = {
    id,
    title,
    articles: articles.map((a) => {
      const mark = opinions.get(a.id);
      return mark ? { ...toReportArticle(a), opinion: mark } : toReportArticle(a);
    }),
    actors: actors.actors,
    ...(unnamedActors.length ? { unnamedActors } : {}),
    quotes: quotes.groups,
    facts: facts.facts.map((f) => markOpinion(f, opinion)),
    discrepancies: [...actors.discrepancies, ...quotes.discrepancies, ...facts.discrepancies],
    timeline: buildTimeline(ctx),
    digest: buildDigest(ctx, facts.facts, notForDigest, title),
  };
  if (story.digest.length === 0) story.digestWithheld = digestWithheld(ctx, notForDigest);
  return attachConfidence(ctx, story);
}

/** A fact that opinion pieces give is marked with their ids, so views can say whose voice it is. */
function markOpinion(fact: Fact, opinion: ReadonlySet<string>): Fact {
  const from = fact.articles.filter((id) => opinion.has(id));
  return from.length > 0 ? { ...fact, opinion: from } : fact;
}
