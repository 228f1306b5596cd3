// The named source of a report, read from a sentence's attribution: an opener's own words and the subject of
// a reported clause are no source. Invented sentences.
import { describe, expect, it } from 'vitest';
import { sourcesIn } from '../src/compare/text/attribution.js';
import type { Entity } from '../src/model/article.js';

function person(text: string, name: string): Entity {
  const start = text.indexOf(name);
  return {
    id: name,
    kind: 'person',
    name,
    mentions: [{ start, end: start + name.length, text: name }],
  } as unknown as Entity;
}

const names = (text: string, entities: Entity[] = []) =>
  sourcesIn(text, 0, text.length, entities).map((s) => s.name);

describe('sourcesIn', () => {
  it('reads the source after "according to", never the opener itself', () => {
    expect(names('According to one memo, the mayor had doubts about the harbour plan.')).toEqual([]);
    expect(names('According to the Harlow Ledger, the mayor had doubts about the harbour plan.')).toEqual([
      'Harlow Ledger',
    ]);
  });
  it('takes an inverted speaker at the end of a clause, not the subject of what was said', () => {
    const inverted = 'The pier will close in May, said Brenna Hale.';
    expect(names(inverted, [person(inverted, 'Brenna Hale')])).toEqual(['Brenna Hale']);
    const reported = 'In one note, the clerk wrote that the mayor said Brenna Hale had serious doubts.';
    expect(names(reported, [person(reported, 'Brenna Hale')])).toEqual([]);
  });
  it('takes no day or month for a source', () => {
    expect(
      names('A small Varn firm signed a $30 million deal for the harbour, according to a report Tuesday.'),
    ).toEqual([]);
    expect(names('The firm signed the deal, according to a report in March.')).toEqual([]);
  });
});
