// Actors: entities merged across the story's articles, with each outlet's labels and their tone.
// Implementation in progress.
import type { AnnotatedArticle } from '../../model/article.js';
import type { Actor, Discrepancy, Tone } from '../../model/report.js';

export interface ActorResult {
  actors: Actor[];
  discrepancies: Discrepancy[];
  actorOf(articleId: string, entityId: string): string | null;
  negativeSpans(articleId: string): readonly { start: number; end: number }[];
  toneOf(text: string): { tone: Tone; words: string[] };
}

export function compareActors(_articles: readonly AnnotatedArticle[]): ActorResult {
  return {
    actors: [],
    discrepancies: [],
    actorOf: () => null,
    negativeSpans: () => [],
    toneOf: () => ({ tone: 'neutral', words: [] }),
  };
}
