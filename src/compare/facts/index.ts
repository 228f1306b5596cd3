// Facts: sentences aligned across articles. Implementation in progress.
import type { Discrepancy, Fact } from '../../model/report.js';
import type { StoryContext } from '../context.js';

export function alignFacts(_ctx: StoryContext): { facts: Fact[]; discrepancies: Discrepancy[] } {
  return { facts: [], discrepancies: [] };
}
