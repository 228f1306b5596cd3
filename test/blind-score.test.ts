// The blind check's bookkeeping (eval/blind-score.ts): hand verdicts become judged findings, keyed by the
// finding's identifier (corpus spans, citations) and never by its place in the listing; a finding judged
// before keeps its verdict when the after run gives it again with the same spans, and the shares count
// unsure as not passed. Findings here are invented ids and offsets.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../eval/blind-reports.js';
import { findingKey, judge, readVerdicts, shares, todoFile, unmatchedMessage } from '../eval/blind-score.js';

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

/** A verdict line for a finding as a judge writes it from a --todo file: story, ref, key, verdict, reason. */
const line = (f: Finding, code: string, reason: string) =>
  [f.story, f.ref, findingKey(f), code, reason].join('\t');
const verdictsOf = (...lines: string[]) => readVerdicts(lines.join('\n')).verdicts;

describe('blind check judging', () => {
  it('reads verdict lines and scores unsure as not passed', () => {
    const verdicts = verdictsOf(
      '# story ref key verdict reason',
      line(fact('F1', 0), 'y', 'same vote'),
      line(fact('F2', 100), 'u', 'one is vague'),
      line(digest, 'yyny', 'second outlet says other'),
    );
    const { judged, missing, unmatched } = judge([fact('F1', 0), fact('F2', 100), digest], verdicts);
    expect(missing).toEqual([]);
    expect(unmatched).toEqual([]);
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
    const before = judge([fact('F1', 0)], verdictsOf(line(fact('F1', 0), 'n', 'different claims'))).judged;
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
    expect(() => judge([digest], verdictsOf(line(digest, 'y', 'short')))).toThrow(/four letters/);
  });

  it('keeps a verdict on its finding when the list shifts', () => {
    // Judged when the fact at offset 100 was F2; a new fact now stands before it, so it is F3 and F2 is
    // another sentence. The verdict must follow the sentence, not the position.
    const verdicts = verdictsOf(line(fact('F2', 100), 'n', 'a forecast and a result'));
    const { judged, missing, unmatched } = judge([fact('F1', 0), fact('F2', 50), fact('F3', 100)], verdicts);
    expect(judged).toHaveLength(1);
    expect(judged[0]).toMatchObject({ ref: 'F3', verdict: 'no', reason: 'a forecast and a result' });
    expect(judged[0]?.spans[0]).toMatchObject({ start: 100 });
    expect(missing.map((m) => m.ref)).toEqual(['F1', 'F2']);
    expect(unmatched).toEqual([]);
  });

  it('reports a verdict whose finding is gone and applies it to nothing', () => {
    const verdicts = verdictsOf('# judged on an earlier run', line(fact('F2', 100), 'y', 'same vote'));
    // The fact at 100 is gone; another fact stands at F2.
    const { judged, missing, unmatched } = judge([fact('F1', 0), fact('F2', 50)], verdicts);
    expect(judged).toEqual([]);
    expect(missing.map((m) => m.ref)).toEqual(['F1', 'F2']);
    expect(unmatched).toHaveLength(1);
    const message = unmatchedMessage(unmatched[0] as NonNullable<(typeof unmatched)[0]>, 'v.tsv');
    expect(unmatched[0]?.findings).toEqual([]);
    expect(message).toBe(
      `v.tsv line 2 (story 3 F2): no finding to judge in this run has key ${findingKey(fact('F2', 100))}; not applied`,
    );
    expect(message).not.toContain('\n');
  });

  it('refuses verdicts keyed by position only, and keys naming another story', () => {
    const wrongStory = line({ ...fact('F1', 0), story: 4 }, 'y', 'same vote').replace(/^4/, '3');
    const { verdicts, refused } = readVerdicts(
      ['3\tF1\ty\tsame vote', wrongStory, line(fact('F2', 100), 'n', 'different claims')].join('\n'),
      'old.tsv',
    );
    expect([...verdicts.values()].map((v) => v.ref)).toEqual(['F2']);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatch(/^old\.tsv line 1 \(story 3 F1\): keyed by position only.*not applied$/);
    expect(refused[1]).toMatch(/^old\.tsv line 2 \(story 3 F1\): the key names another story \(4\)/);
    // Nothing of the refused lines reaches a finding.
    const { judged } = judge([fact('F1', 0), fact('F2', 100)], verdicts);
    expect(judged.map((j) => j.ref)).toEqual(['F2']);
  });

  it('applies a verdict to none of several findings sharing its key', () => {
    // Two digest sentences whose spans cleaning made untraceable (-1) have one key; a verdict cannot say which.
    const lost = (ref: string): Finding => ({
      ...digest,
      ref,
      spans: [{ article: 'a1', start: -1, end: -1 }],
    });
    const { judged, missing, unmatched } = judge(
      [lost('G1'), lost('G2')],
      verdictsOf(line(lost('G2'), 'yyyn', 'fine')),
    );
    expect(judged).toEqual([]);
    expect(missing.map((m) => m.ref)).toEqual(['G1', 'G2']);
    expect(unmatched.map((u) => u.findings)).toEqual([['G1', 'G2']]);
    expect(unmatchedMessage(unmatched[0] as NonNullable<(typeof unmatched)[0]>)).toMatch(
      /^verdicts line 1 \(story 3 G2\): key .* names 2 findings \(G1, G2\), which it cannot tell apart; not applied$/,
    );
  });

  it('lets a later line for the same finding win and reports the earlier one', () => {
    const { verdicts, refused } = readVerdicts(
      [line(fact('F1', 0), 'y', 'first reading'), line(fact('F1', 0), 'n', 'second reading')].join('\n'),
    );
    expect(verdicts.get(findingKey(fact('F1', 0)))).toMatchObject({ code: 'n', line: 2 });
    expect(refused).toEqual([
      'verdicts line 1 (story 3 F1): line 2 judges the same finding and wins; not applied',
    ]);
  });

  it('writes a to-judge file whose lines, filled in, judge the same findings', () => {
    const earlier = judge([fact('F1', 0)], verdictsOf(line(fact('F1', 0), 'n', 'different claims'))).judged;
    const now = [fact('F1', 50), fact('F2', 0), digest];
    const first = judge(now, new Map(), earlier);
    const todo = todoFile(first.judged, first.missing);
    const filled = todo
      .split('\n')
      .map((l) =>
        l.startsWith('#') ? l : l.replace(/\t\t$/, l.includes('|digest|') ? '\tyyyn\tfine' : '\ty\tsame'),
      )
      .join('\n');
    const read = readVerdicts(filled);
    expect(read.refused).toEqual([]);
    const second = judge(now, read.verdicts, earlier);
    expect(second.missing).toEqual([]);
    expect(second.unmatched).toEqual([]);
    expect(second.judged.map((j) => [j.ref, j.verdict ?? j.digest?.neutral, j.carried ?? false])).toEqual([
      ['F1', 'yes', false],
      ['F2', 'no', true],
      ['G1', 'yes', false],
    ]);
    // The carried one is offered commented out with its verdict, to judge again by uncommenting.
    expect(todo).toContain(`# 3\tF2\t${findingKey(fact('F2', 0))}\tn\tdifferent claims`);
  });
});
