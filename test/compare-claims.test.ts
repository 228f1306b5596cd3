// Claim-level alignment on invented sentence pairs, each a two-outlet story through the public analyze():
// one pair per mechanism of facts/claims.ts (negation, modality, doubt, a different figure, synonyms,
// extra detail). The sentences are made up in the shape of real failures.
import { describe, expect, it } from 'vitest';
import { twoOutletStory as story } from './support/two-outlet-story.js';

/** Whether some fact holds a sentence of each article. */
async function oneFact(a: string, b: string): Promise<boolean> {
  const s = await story(a, b);
  return s.facts.some((f) => new Set(f.evidence.map((e) => e.article)).size === 2);
}

describe('same claim or not', () => {
  it('keeps a report and its denial apart', async () => {
    expect(
      await oneFact(
        'Governor Ellen Marsh attended the flood relief summit in Riverton on Tuesday.',
        'Governor Ellen Marsh did not attend the flood relief summit in Riverton on Tuesday.',
      ),
    ).toBe(false);
  });

  it('reads "no question that" as affirming, so a denial stays apart from it', async () => {
    expect(
      await oneFact(
        'Mayor Ann Ross said there is no question that the port board approved the dredging contract.',
        'The port board never approved the dredging contract, Mayor Ann Ross said.',
      ),
    ).toBe(false);
  });

  it('keeps what will happen apart from what happened', async () => {
    expect(
      await oneFact(
        'Governor Ellen Marsh will attend the flood relief summit in Riverton.',
        'Governor Ellen Marsh attended the flood relief summit in Riverton.',
      ),
    ).toBe(false);
  });

  it('keeps a forecast apart from the result ("expected to win" / "won")', async () => {
    expect(
      await oneFact(
        'State Senator Hal Berrow is expected to win the Democratic primary for governor in Calder County.',
        'State Senator Hal Berrow won the Democratic primary for governor in Calder County.',
      ),
    ).toBe(false);
    expect(
      await oneFact(
        'Mayor Lina Ostrom is poised to win the runoff for the Harlan County commission seat.',
        'Mayor Lina Ostrom won the runoff for the Harlan County commission seat.',
      ),
    ).toBe(false);
  });

  it('joins two reports of one result ("won" / "wins")', async () => {
    expect(
      await oneFact(
        'State Senator Hal Berrow won the Democratic primary for governor in Calder County.',
        'State Senator Hal Berrow wins the Democratic primary for governor in Calder County.',
      ),
    ).toBe(true);
  });

  it('keeps the same kind of fact about two different people apart', async () => {
    expect(
      await oneFact(
        'A new poll shows Governor Tomas Aldane with a comfortable lead in the Calder County primary race.',
        'A new poll shows Senator Rita Vellum with a comfortable lead in the Calder County primary race.',
      ),
    ).toBe(false);
  });

  it('keeps a question put to someone apart from the answer, not two reports of one question', async () => {
    expect(
      await oneFact(
        'The radio host asked Mayor Lina Dorsey during an interview whether the harbor inquiry should follow the state guidance on closed hearings.',
        'Asked whether the harbor inquiry should follow the state guidance on closed hearings, Mayor Lina Dorsey suggested the guidance could be set aside.',
      ),
    ).toBe(false);
    expect(
      await oneFact(
        'The radio host asked Mayor Lina Dorsey during an interview whether the harbor inquiry should follow the state guidance on closed hearings.',
        'Mayor Lina Dorsey was asked during a radio interview whether the harbor inquiry should follow the state guidance on closed hearings.',
      ),
    ).toBe(true);
    expect(
      await oneFact(
        'Asked if she had seen the harbor crane fall, the night guard said she saw nothing at all.',
        'When asked whether she saw or heard the harbor crane fall, the night guard replied that she saw nothing at all.',
      ),
    ).toBe(true);
    expect(
      await oneFact(
        'The mayor later said the council should spend its time on fixing the harbor bridge for commuters.',
        '"Let us spend our time on fixing the harbor bridge for commuters," the mayor added when asked whether the inquiry should go on.',
      ),
    ).toBe(true);
  });

  it('joins one claim about the same person told in other words', async () => {
    expect(
      await oneFact(
        'A new poll shows Governor Tomas Aldane with a comfortable lead in the Calder County primary race.',
        'The latest poll gives Governor Tomas Aldane a comfortable lead in the Calder County primary race.',
      ),
    ).toBe(true);
  });

  it('joins one claim attributed to two different speakers', async () => {
    expect(
      await oneFact(
        'The Dunmore paper mill will close its doors in March and lay off 240 workers, spokesman Tom Reed said.',
        'The Dunmore paper mill will close its doors in March and lay off 240 workers, said plant director Ann Cole.',
      ),
    ).toBe(true);
  });

  it('keeps a plan apart from the doubt about it', async () => {
    expect(
      await oneFact(
        'Governor Ellen Marsh will attend the flood relief summit in Riverton next week.',
        'Governor Ellen Marsh is unlikely to attend the flood relief summit in Riverton next week.',
      ),
    ).toBe(false);
  });

  it('joins one claim told in other words', async () => {
    expect(
      await oneFact(
        'Rescue crews pulled 30 passengers from the river after the ferry sank near Dunmore on Friday.',
        'Emergency crews rescued 30 passengers from the river after the ferry sank near Dunmore on Friday.',
      ),
    ).toBe(true);
  });

  it('joins a sentence and the same claim with extra detail', async () => {
    expect(
      await oneFact(
        'The ferry sank near Dunmore on Friday with 30 passengers on board.',
        'The ferry sank near Dunmore on Friday with 30 passengers on board after striking a rock at the harbor mouth.',
      ),
    ).toBe(true);
  });

  it('shows a different figure for one event as a discrepancy with both sentences', async () => {
    const a = 'The storm killed 12 people in the coastal town of Merrow on Sunday, officials said.';
    const b = 'The storm killed 40 people in the coastal town of Merrow on Sunday, officials said.';
    const s = await story(a, b);
    const numbers = s.discrepancies.filter((d) => d.kind === 'number');
    expect(numbers.flatMap((d) => d.values.map((v) => v.value)).sort()).toEqual(['12', '40']);
    const evidence = numbers[0]?.evidence ?? [];
    expect(evidence.map((e) => e.text).sort()).toEqual([a, b].sort());
  });
});

describe('the sentence a fact is shown by', () => {
  it('stands alone when one outlet’s sentence does', async () => {
    const s = await story(
      'Chief Constable Ann Hale spoke in Calder on Monday. He said that 29 people were taken to hospital after the crash on the harbour bridge.',
      'Chief Constable Ann Hale said that 29 people were taken to hospital after the crash on the harbour bridge.',
    );
    const shared = s.facts.find((f) => new Set(f.evidence.map((e) => e.article)).size === 2);
    expect(shared?.text).toMatch(/^Chief Constable Ann Hale said/);
  });
});
