// Usual short forms of English given names (src/text/given-names.ts).
import { describe, expect, it } from 'vitest';
import { sameNameByShortForm } from '../src/text/given-names.js';

describe('sameNameByShortForm', () => {
  it('matches a short form with its long name, in either order and any case', () => {
    expect(sameNameByShortForm('Chuck', 'Charles')).toBe(true);
    expect(sameNameByShortForm('william', 'Bill')).toBe(true);
    expect(sameNameByShortForm('Peggy', 'Margaret')).toBe(true);
  });

  it('matches two short forms of one long name', () => {
    expect(sameNameByShortForm('Ted', 'Ed')).toBe(true);
    expect(sameNameByShortForm('Harry', 'Hal')).toBe(true);
  });

  it('keeps different names and unknown names apart', () => {
    expect(sameNameByShortForm('Chuck', 'William')).toBe(false);
    expect(sameNameByShortForm('Ted', 'Tom')).toBe(false);
    expect(sameNameByShortForm('Zbignev', 'Zbignev')).toBe(false);
  });
});
