// Confidence in the Markdown report: a low-confidence finding is followed by "(?)" and its reason in
// italics, and each story says how many findings are marked and what the mark means.
import type { Confidence, Story } from '../../model/report.js';
import { storyUncertainCount } from '../html/confidence.js';
import { mdText } from './escape.js';

export const UNCERTAIN_MARK = '(?)';

/** " (?) _uncertain: linked by surname only_" after a low-confidence finding, else "". */
export function mdUncertain(c: Confidence | undefined): string {
  if (c?.level !== 'low') return '';
  return ` ${UNCERTAIN_MARK} _uncertain: ${mdText(c.reason)}_`;
}

/** The story's legend line, or null when nothing in it is uncertain. */
export function mdUncertainLegend(story: Story): string | null {
  const count = storyUncertainCount(story);
  if (count === 0) return null;
  return `_${UNCERTAIN_MARK} marks ${count} uncertain ${count === 1 ? 'finding' : 'findings'}: low confidence (score below 0.5 of 1), with the reason; treat ${count === 1 ? 'it' : 'them'} as leads to check, not as established._`;
}
