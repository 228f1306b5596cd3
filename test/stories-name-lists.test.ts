// Page furniture in extracted text: a long list of names (a sign-up form's country dropdown) gives no
// story features, while names in prose still do. All text invented.
import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../src/annotate/index.js';
import { cleanArticle } from '../src/clean/index.js';
import { articleFeatures } from '../src/stories/features.js';
import { inSpans, LIST_WORDS, nameListSpans, withoutNameLists } from '../src/stories/name-lists.js';

const PLACES = [
  'Arvenia',
  'Belmora',
  'Calloway Islands',
  'Dunmere',
  'Estlund',
  'Farrow',
  'Galdor',
  'Halvik',
  'Isle of Ture',
  'Jorvik',
  'Kessary',
  'Lunde',
  'Marrow Bay',
  'Norwick',
  'Ostrava Minor',
  'Pellin',
  'Quarrel',
  'Rennet',
  'Saint Orla',
  'Tamsin',
  'Ulver',
  'Varnholt',
  'Wexmoor',
  'Yarrow',
  'Zellin',
  'Antilla and Berros',
  'Corvel',
  'Delmar',
  'Eskin',
  'Fennick',
];
const FORM = `Sign up for the morning letter. Choose your country ${PLACES.join(' ')}`;
const BODY = `The Orvella council voted on Monday to rebuild the Tessel dam, Mayor Tomas Brennick said.

${FORM}

Brennick said work would start in spring.`;

function annotate(body: string) {
  return annotateArticle(
    cleanArticle(
      {
        source: 't.txt',
        format: 'text',
        body,
        bodyIsHtml: false,
        meta: { published: '2031-05-05' },
        messages: [],
      },
      't',
    ),
  );
}

describe('name lists', () => {
  it('finds a run of capitalised names with connectors and no punctuation', () => {
    const spans = nameListSpans(FORM);
    expect(spans).toHaveLength(1);
    const [start, end] = spans[0] as [number, number];
    expect(FORM.slice(start, start + 7)).toBe('Arvenia');
    expect(FORM.slice(end - 7, end)).toBe('Fennick');
    expect(inSpans(start, spans)).toBe(true);
    expect(inSpans(start - 2, spans)).toBe(false);
  });

  it('leaves prose, headlines and shorter runs alone', () => {
    const prose = `${PLACES.slice(0, 12).join(', ')} and Farrow signed. Leaders From Arvenia Belmora Meet In Dunmere Today`;
    expect(nameListSpans(prose)).toEqual([]);
    expect(
      nameListSpans(
        PLACES.join(' ')
          .split(' ')
          .slice(0, LIST_WORDS - 1)
          .join(' '),
      ),
    ).toEqual([]);
    // A full stop or a paragraph break ends a run; a comma inside a list does not ("Ture, Isle of").
    const broken = `${PLACES.slice(0, 15).join(' ')}. ${PLACES.slice(15).join(' ')}`;
    expect(nameListSpans(broken)).toEqual([]);
    expect(nameListSpans(`${PLACES.slice(0, 15).join(' ')}, ${PLACES.slice(15).join(' ')}`)).toHaveLength(1);
    expect(nameListSpans(`${PLACES.slice(0, 15).join(' ')} U.S. ${PLACES.slice(15).join(' ')}`)).toHaveLength(
      1,
    );
    expect(nameListSpans(PLACES.join('\n'))).toEqual([]);
  });

  it('blanks the list keeping every offset', () => {
    const { text, spans } = withoutNameLists(BODY);
    expect(text).toHaveLength(BODY.length);
    expect(spans).toHaveLength(1);
    expect(text).not.toContain('Varnholt');
    expect(text).toContain('Brennick said work');
  });

  it('gives the list no features; names of the prose stay', () => {
    const f = articleFeatures(annotate(BODY)).features;
    const keys = [...f.keys()];
    expect(keys.some((k) => k.includes('varnholt') || k.includes('wexmoor') || k.includes('belmora'))).toBe(
      false,
    );
    expect(f.get('p:brennick')).toBeGreaterThan(0);
    expect(keys.some((k) => k.includes('orvella'))).toBe(true);
    const without = articleFeatures(annotate(BODY.replace(FORM, 'Sign up for the morning letter.'))).features;
    expect(f.get('p:brennick')).toBe(without.get('p:brennick'));
  });
});
