// Verbs that name one event in other words (text/verb-senses.ts, WordNet's verb senses) and the one-event
// rule that asks them (compare/text/predicates.ts). Invented sentences in the shape of the real failures:
// a fence "erected" / "set up", a port "closed" / "shut down" — one event the old rule took apart.
import { describe, expect, it } from 'vitest';
import { differentEvents } from '../src/compare/text/predicates.js';
import type { Unit } from '../src/compare/text/units.js';
import { verbsMeet } from '../src/text/verb-senses.js';

/** A whole-text unit, as the claim decision sees a one-sentence article. */
function unit(text: string): Unit {
  return { start: 0, end: text.length } as Unit;
}

function apart(a: string, b: string): boolean {
  const ua = unit(a);
  const ub = unit(b);
  return differentEvents(ua, ub, (u) => (u === ua ? a : b));
}

describe('verbs of one sense', () => {
  it('meets a verb in a shared sense, a phrasal verb and a direct hypernym', () => {
    expect(verbsMeet('erect', 'set up')).toBe(true);
    expect(verbsMeet('close', 'shut down')).toBe(true);
    expect(verbsMeet('fire', 'dismiss')).toBe(true);
  });

  it('keeps antonyms and unrelated verbs apart', () => {
    expect(verbsMeet('rise', 'fall')).toBe(false);
    expect(verbsMeet('win', 'lose')).toBe(false);
    expect(verbsMeet('approve', 'reject')).toBe(false);
    expect(verbsMeet('propose', 'drop')).toBe(false);
  });
});

describe('one event told with another verb', () => {
  it('reads "erected" and "set up" as one event', () => {
    expect(
      apart(
        'Volunteers erected a wooden fence around the Kessel orchard on Sunday.',
        'Volunteers set up a wooden fence around the Kessel orchard on Sunday.',
      ),
    ).toBe(false);
  });

  it('reads "closed" and "shut down" as one event', () => {
    expect(
      apart(
        'Officials closed the Varna ferry terminal after the storm.',
        'Officials shut down the Varna ferry terminal after the storm.',
      ),
    ).toBe(false);
  });

  it('still takes a proposal and a dropped demand apart', () => {
    expect(
      apart(
        'The board proposed capping night fares at 4 euros.',
        'The board dropped its demand to cap night fares at 4 euros.',
      ),
    ).toBe(true);
  });
});
