// Quote groups: the same utterance as each outlet printed it. Implementation in progress.
import type { Discrepancy, QuoteGroup } from '../../model/report.js';
import type { StoryContext } from '../context.js';

export function groupQuotes(_ctx: StoryContext): { groups: QuoteGroup[]; discrepancies: Discrepancy[] } {
  return { groups: [], discrepancies: [] };
}
