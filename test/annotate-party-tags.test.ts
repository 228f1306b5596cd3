// A sentence does not end inside or right after a party tag: wink ends one at the full stop of the state
// abbreviation in "(D-Calif.)", leaving a name-tag fragment ("Another hopeful, Sen. Ann Lee (D-Calif.)")
// that shared a fact with another outlet's sentence about the same senator. Invented sentences.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/annotate/tokens.js';

function sentences(text: string): string[] {
  const layer = tokenize({ text, paragraphs: [{ start: 0, end: text.length, kind: 'body' }] } as never);
  return layer.sentences.map((s) => text.slice(s.start, s.end));
}

describe('party tags with an abbreviated state', () => {
  it('keep the sentence going after the tag, whatever follows it', () => {
    expect(
      sentences('Another hopeful, Sen. Ann Lee (D-Calif.), also called it a hoax. Then she left.'),
    ).toEqual(['Another hopeful, Sen. Ann Lee (D-Calif.), also called it a hoax.', 'Then she left.']);
    expect(sentences('Rep. Bo Hale (R-Ore.) said the plan was dead on arrival.')).toEqual([
      'Rep. Bo Hale (R-Ore.) said the plan was dead on arrival.',
    ]);
    expect(sentences('Its backers, led by Rep. Di Marsh (D-Mass.); cheered the vote.')).toEqual([
      'Its backers, led by Rep. Di Marsh (D-Mass.); cheered the vote.',
    ]);
  });

  it('still end a sentence at a tag before a capitalised next sentence', () => {
    expect(sentences('The bill was backed by Rep. Bo Hale (R-Ore.). Lawmakers voted on Friday.')).toEqual([
      'The bill was backed by Rep. Bo Hale (R-Ore.).',
      'Lawmakers voted on Friday.',
    ]);
  });
});
