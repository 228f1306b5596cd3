// The occasion a report places a remark at (src/text/occasion.ts), on invented report sentences.
import { describe, expect, it } from 'vitest';
import { differentOccasions, occasionOf } from '../src/text/occasion.js';

describe('occasionOf', () => {
  it('reads the medium and the weekday around a quotation', () => {
    const o = occasionOf('… Marrow told reporters at a news conference on Monday.');
    expect([...o.media]).toEqual(['press']);
    expect([...o.days]).toEqual(['Monday']);
    expect([...occasionOf('… the mayor wrote on Twitter.').media]).toEqual(['post']);
    expect([...occasionOf('… she said in a statement.').media]).toEqual(['statement']);
    expect([...occasionOf('… he said in an interview with a local station.').media]).toEqual(['interview']);
    expect([...occasionOf('… Marrow told “Morning Report” on Sunday.').media]).toEqual(['interview']);
    expect(occasionOf('… Marrow said.').media.size).toBe(0);
    // A time reference is no place: "said after the news conference" names no medium.
    expect(occasionOf('… Marrow said after the harbour news conference.').media.size).toBe(0);
  });
});

describe('differentOccasions', () => {
  const at = (text: string) => occasionOf(text);
  it('tells a post from remarks to reporters, and one weekday from another', () => {
    expect(differentOccasions(at('… she tweeted.'), at('… she told reporters.'))).toBe('medium');
    expect(differentOccasions(at('… she told “Morning Report.”'), at('… she told reporters.'))).toBe(
      'medium',
    );
    expect(differentOccasions(at('… she said Monday.'), at('… she said Tuesday.'))).toBe('day');
  });
  it('says nothing when a report names no occasion or the same one', () => {
    expect(differentOccasions(at('… she said.'), at('… she told reporters.'))).toBeNull();
    expect(differentOccasions(at('… she said Monday.'), at('… she told reporters Monday.'))).toBeNull();
    expect(differentOccasions(at('… she said on Monday and Tuesday.'), at('… she said Tuesday.'))).toBeNull();
  });
});
