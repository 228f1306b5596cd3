// The blind check's bookkeeping (eval/blind-score.ts): hand verdicts become judged findings, a finding
// judged before keeps its verdict when the after run gives it again with the same spans, and the shares
// count unsure as not passed. Findings here are invented ids and offsets.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../eval/blind-reports.js';
import { findingKey, judge, readVerdicts, shares } from '../eval/blind-score.js';

const fact = (ref: string, start: number): Finding => ({
  story: 3,
  kind: 'shared-fact',
  ref,
  spans: [
    { article: 'a1', start, end: start + 40 },
    { article: 'b2', start: 10, end: 60 },
  ],
  articles: ['a1', 'b2'],
});
const digest: Finding = {
  story: 3,
  kind: 'digest',
  ref: 'G1',
  spans: [{ article: 'a1', start: 0, end: 40 }],
  articles: ['a1', 'b2'],
};

describe('blind check judging', () => {
  it('reads verdict lines and scores unsure as not passed', () => {
    const verdicts = readVerdicts(
      '# story ref verdict reason\n3\tF1\ty\tsame vote\n3\tF2\tu\tone is vague\n3\tG1\tyyny\tsecond outlet says other\n',
    );
    const { judged, missing } = judge([fact('F1', 0), fact('F2', 100), digest], verdicts);
    expect(missing).toEqual([]);
    const s = shares(judged);
    expect(s.facts).toEqual({ judged: 2, yes: 1, unsure: 1 });
    expect(s.digest).toMatchObject({
      judged: 1,
      neutral: 1,
      selfContained: 1,
      cited: 0,
      allThree: 0,
      opinion: 1,
    });
  });

  it('carries an earlier verdict to the same finding and asks for the changed one', () => {
    const before = judge([fact('F1', 0)], readVerdicts('3\tF1\tn\tdifferent claims\n')).judged;
    // After the change the same spans come out as F2, and a fact with one moved span as F1.
    const { judged, missing } = judge([fact('F1', 5), fact('F2', 0)], new Map(), before);
    expect(judged).toHaveLength(1);
    expect(judged[0]).toMatchObject({ ref: 'F2', verdict: 'no', carried: true });
    expect(missing.map((m) => m.ref)).toEqual(['F1']);
  });

  it('tells digest sentences citing different articles apart', () => {
    expect(findingKey(digest)).not.toBe(findingKey({ ...digest, articles: ['a1'] }));
  });

  it('refuses a digest verdict without its four letters', () => {
    expect(() => judge([digest], readVerdicts('3\tG1\ty\tshort\n'))).toThrow(/four letters/);
  });
});
