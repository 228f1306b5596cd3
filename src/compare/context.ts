// What every comparison step shares: the story's annotated articles, and the mapping from each article's
// entities to the story's actors (built first, by compare/actors). Steps read it and never change it.
import type { AnnotatedArticle } from '../model/article.js';
import type { Tone } from '../model/report.js';

export interface StoryContext {
  articles: readonly AnnotatedArticle[];
  byId: ReadonlyMap<string, AnnotatedArticle>;
  /** The actor an article's entity belongs to, or null ("000_abc", "e3" → "a1"). */
  actorOf(articleId: string, entityId: string): string | null;
  /** Spans of labels with a negative tone in an article (the digest avoids sentences holding them). */
  negativeSpans(articleId: string): readonly { start: number; end: number }[];
  /** The tone of a label text from the tone lexicon, with the words that set it. */
  toneOf(text: string): { tone: Tone; words: string[] };
}
