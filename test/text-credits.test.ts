import { describe, expect, it } from 'vitest';
import { isContributorCredit, mentionsContribution } from '../src/text/credits.js';

describe('contributor credits', () => {
  it('are recognised in any of the wordings newsrooms use, inside a longer line too', () => {
    for (const line of [
      'Tom Hale in Calder contributed reporting.',
      'Bo Reyes reported from Lyon. Ann Roe contributed to this article.',
      'The Wire Service contributed to the story.',
    ]) {
      expect(mentionsContribution(line)).toBe(true);
    }
  });

  it('leave alone sentences where something else contributed', () => {
    expect(mentionsContribution('Several factors contributed to the delay, officials said.')).toBe(false);
    expect(mentionsContribution('Donors contributed to the report’s funding.')).toBe(false);
  });

  it('are a whole paragraph only up to the longest credit measured', () => {
    expect(isContributorCredit('• Ann Roe contributed to this report.')).toBe(true);
    const long = `${'Ann Roe in Lyon, '.repeat(30)}contributed to this report.`;
    expect(isContributorCredit(long)).toBe(false);
  });
});
