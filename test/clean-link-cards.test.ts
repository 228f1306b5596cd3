// Link cards run into the text (src/clean/link-cards.ts): invented sentences of the shape such pages give.
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../src/clean/index.js';
import { cutLinkCards } from '../src/clean/link-cards.js';

describe('cutLinkCards', () => {
  it('cuts a card glued to the repeated name, up to its MORE link', () => {
    const r = cutLinkCards(
      'Senator Ana Reyes Ana Maria ReyesFerry strike ends after two weeks Council passes harbour budget MORE (D-Kelby) said on Monday that the vote would wait.',
    );
    expect(r.text).toBe('Senator Ana Reyes (D-Kelby) said on Monday that the vote would wait.');
    expect(r.cut).toEqual([
      'Ana Maria ReyesFerry strike ends after two weeks Council passes harbour budget MORE',
    ]);
  });

  it('reads a name with an inner capital whole, and a headline opening with an acronym or a digit', () => {
    expect(
      cutLinkCards(
        'Leader Tom McKenna Thomas (Tom) James McKennaGOP holds the line on port fees MORE (R-Tarn.) left early.',
      ).text,
    ).toBe('Leader Tom McKenna (R-Tarn.) left early.');
    expect(
      cutLinkCards('Rep. Ana Lund Ana Beth Lund2020 hopefuls court harbour towns MORE (D-Kelby) agreed.')
        .text,
    ).toBe('Rep. Ana Lund (D-Kelby) agreed.');
  });

  it('cuts a card with no headline, its MORE glued to the longer name', () => {
    expect(
      cutLinkCards('Sen. Tom Hale Thomas Robert HaleMORE (R-Tarn.), a member of the panel, agreed.').text,
    ).toBe('Sen. Tom Hale (R-Tarn.), a member of the panel, agreed.');
  });

  it('cuts a card whose first headline opens with the surname, so nothing is glued', () => {
    expect(
      cutLinkCards(
        'Whip Tom Hale Tom Robert Hale Hale says ferry deal is near Dock strike spreads MORE (D-Tarn.) spoke first.',
      ).text,
    ).toBe('Whip Tom Hale (D-Tarn.) spoke first.');
  });

  it('leaves prose alone: no MORE, a READ MORE line, a name said twice, a glued brand', () => {
    for (const s of [
      'Ana Reyes met Ana Reyes, her namesake, at the harbour on Monday.',
      'The ferry company McKayLines said MORE boats would sail.',
      'READ MORE: Ana Reyes Ana Maria ReyesFerry strike ends',
      'Tom Hale and Tom Robert Hale are cousins who both run for the council.',
      'Prices rose MORE than expected, the harbour board said.',
    ])
      expect(cutLinkCards(s), s).toEqual({ text: s, cut: [] });
  });

  it('records each cut card as removed by cleaning', () => {
    const article = cleanArticle(
      {
        source: 'card.txt',
        format: 'text',
        body: 'Senator Ana Reyes Ana Maria ReyesFerry strike ends after two weeks MORE (D-Kelby) said on Monday that the harbour vote would wait until spring.',
        bodyIsHtml: false,
        meta: {},
        messages: [],
      },
      'card',
    );
    expect(article.text).toBe(
      'Senator Ana Reyes (D-Kelby) said on Monday that the harbour vote would wait until spring.',
    );
    expect(article.removed).toContainEqual({
      text: 'Ana Maria ReyesFerry strike ends after two weeks MORE',
      reason: 'link card',
    });
  });
});
