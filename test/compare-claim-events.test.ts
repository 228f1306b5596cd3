// Claim-level alignment asks for one event (compare/text/predicates.ts): sentences that share a topic's
// people, figures and nouns but report different happenings are two facts; the same event told in other
// words or with extra detail stays one. Invented sentences in the shape of the real failures: a proposal
// next to a report that the demand was dropped, a confirmation vote next to the hearing before it.
import { describe, expect, it } from 'vitest';
import { readPredicates } from '../src/compare/text/predicates.js';
import { twoOutletStory } from './support/two-outlet-story.js';

/** Whether some fact holds a sentence of each of two one-sentence articles. */
async function oneFact(a: string, b: string): Promise<boolean> {
  const s = await twoOutletStory(a, b);
  return s.facts.some((f) => new Set(f.evidence.map((e) => e.article)).size === 2);
}

/** The main predicates of a sentence, each as its keys joined by "|". */
function mainOf(sentence: string): string[] {
  return readPredicates(sentence).main.map((m) => [...m].sort().join('|'));
}

describe('main predicates', () => {
  it('reads past speech, raising and intention verbs to the event', () => {
    expect(mainOf('The mayor said the council appears to have dropped its plan to close the depot.')).toEqual(
      ['drop'],
    );
    expect(mainOf('The union wants to cut the number of night shifts to about 900.')).toEqual(['cut']);
  });

  it('reads the object of a light verb and the verb after "agreed to"', () => {
    expect(mainOf('The assembly will hold a final vote on the levy on Friday.').join(' ')).toContain('vot');
    expect(mainOf('The tribunal agreed to temporarily halt the eviction order.')).toEqual(['halt']);
  });

  it('reads the event of a quotation when nothing outside it is one', () => {
    expect(mainOf('“We will reopen the depot in spring,” the mayor said.')).toEqual(['reopen']);
  });

  it('reads an act of speech and the verb of what was said', () => {
    expect(mainOf('An inspector warned in a June memo that rust had weakened the pier.')).toEqual([
      'warn',
      'weaken',
    ]);
  });
});

describe('one event or two', () => {
  it('keeps a proposal apart from a report that the demand was dropped', async () => {
    expect(
      await oneFact(
        'Councillors on the Marden transit board proposed capping the number of night buses at 4,200.',
        'Councillors on the Marden transit board appear to have dropped their demand to cap the number of night buses at 4,200.',
      ),
    ).toBe(false);
  });

  it('keeps a confirmation vote apart from the hearing before it', async () => {
    expect(
      await oneFact(
        'The regional assembly on Thursday confirmed Olga Brenn, the premier’s nominee for chief auditor.',
        'Olga Brenn, the premier’s nominee for chief auditor, faced tough questions at her confirmation hearing in the regional assembly.',
      ),
    ).toBe(false);
  });

  it('joins one event told with another light verb ("plans to bring to a vote" / "pledged to put up for a vote")', async () => {
    expect(
      await oneFact(
        'Assembly leader Tomas Vell plans to bring the governor’s transit proposal to a vote on Tuesday.',
        'Assembly leader Tomas Vell pledged to put the governor’s transit proposal up for a vote this week.',
      ),
    ).toBe(true);
  });

  it('joins one event with extra detail on one side', async () => {
    expect(
      await oneFact(
        'The Corran city council approved the harbour budget on Monday.',
        'The Corran city council voted 7-2 on Monday to approve the harbour budget, which adds two ferry lines.',
      ),
    ).toBe(true);
  });
});

describe('two quotations behind one attribution', () => {
  it('keeps two different things one person said apart, however long the shared attribution', async () => {
    expect(
      await oneFact(
        '“They have no choice but to comply,” Councilwoman Ada Brenn, who has led the push for the harbour audit, said in a statement.',
        '“The board’s disregard for its own rules is without equal,” Councilwoman Ada Brenn, who has led the push for the harbour audit, said in a statement.',
      ),
    ).toBe(false);
  });

  it('keeps one person’s words apart from another’s answer on the same point', async () => {
    expect(
      await oneFact(
        '“Until the review is over, I am not inclined to release the ledgers,” the mayor told reporters at city hall.',
        '“As I understand it, the mayor is clear: once the review ends he will think about it,” spokesman Tal Orrin told a radio host.',
      ),
    ).toBe(false);
  });

  it('joins one quotation printed with different attributions', async () => {
    expect(
      await oneFact(
        '“Until the review is over, I am not inclined to release the ledgers,” the mayor told reporters at city hall.',
        'Asked about the request, Mayor Lin Ostrow said that “until the review is over, I am not inclined to release the ledgers.”',
      ),
    ).toBe(true);
  });
});
