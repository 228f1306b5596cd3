// Photo credits (src/text/captions.ts): which spans name a photographer, on invented text.
import { describe, expect, it } from 'vitest';
import { photoCreditSpans } from '../src/text/captions.js';

const credits = (text: string) => photoCreditSpans(text).map((s) => text.slice(s.start, s.end));

describe('photoCreditSpans', () => {
  it('finds the credit forms of wire and newspaper pictures', () => {
    expect(credits('The ferry docks. (Wire Photo/Jana Roe, File) It sailed.')).toEqual([
      '(Wire Photo/Jana Roe, File)',
    ]);
    expect(credits('The ferry docks (Photo: Jana Roe, Agency) at noon.')).toEqual([
      '(Photo: Jana Roe, Agency)',
    ]);
    expect(credits('The ferry docks (Jana Roe/Harbour Images) at noon.')).toEqual([
      '(Jana Roe/Harbour Images)',
    ]);
    expect(credits('The ferry docks.\nPhoto by Jana Roe\nIt sailed at noon.')).toEqual([
      '\nPhoto by Jana Roe',
    ]);
  });

  it('leaves a caption line and a parenthesis that credits no picture alone', () => {
    expect(credits('Photo: Rescuers search the rubble of the pier in Halden on Monday.')).toEqual([]);
    expect(credits('The council (led by Jana Roe/Tom Hale in turn) met on Monday.')).toEqual([]);
  });
});
