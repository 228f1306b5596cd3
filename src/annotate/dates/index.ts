// Dates: every date expression normalised to YYYY, YYYY-MM or YYYY-MM-DD. Implementation in progress.
import type { DateMention, Message, Span } from '../../model/article.js';

export interface DateOptions {
  /** Publication date YYYY-MM-DD, the reference for relative expressions; null when unknown. */
  published: string | null;
  /** Direct-quote spans: relative expressions inside them are spoken at an unknown time. */
  quotes: readonly Span[];
}

export function findDates(
  _text: string,
  _options: DateOptions,
): { dates: DateMention[]; messages: Message[] } {
  return { dates: [], messages: [] };
}
