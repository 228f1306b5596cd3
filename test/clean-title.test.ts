import { describe, expect, it } from 'vitest';
import { cleanTitle } from '../src/clean/title.js';

describe('cleanTitle', () => {
  it('cuts a blog byline and weekday glued under the headline', () => {
    expect(cleanTitle('Council votes to close the pier  By Ana Reyes   Monday', null)).toBe(
      'Council votes to close the pier',
    );
    expect(
      cleanTitle('Harbour board faces audit over ferry fares  Tomas Brenn   Tidewater Staff Thursday', null),
    ).toBe('Harbour board faces audit over ferry fares');
  });
  it("cuts an audio player's length, a share counter and a read-more link", () => {
    expect(cleanTitle('Why ferries run late  Listen· 4:32', null)).toBe('Why ferries run late');
    expect(cleanTitle('The year the pier came down  412 Shares', null)).toBe('The year the pier came down');
    expect(cleanTitle('Pier vote delayed  Read more: https://news.example/pier-vote-123#abc', null)).toBe(
      'Pier vote delayed',
    );
  });
  it("cuts the article's own author after a dash, not any other name", () => {
    expect(cleanTitle('A rerun: councillors target the pier budget  - Ana Reyes', 'Ana Reyes')).toBe(
      'A rerun: councillors target the pier budget',
    );
    expect(cleanTitle('Council thanks Ana Reyes', 'Ana Reyes')).toBe('Council thanks Ana Reyes');
    // The name is looked for as the tail reads it, whatever its case: a byline in capitals is cut too.
    expect(cleanTitle('Ferry fares rise for the third year - ZOË BRENN', 'Zoë Brenn')).toBe(
      'Ferry fares rise for the third year',
    );
    expect(cleanTitle('Pier budget fight - Ana Reyes and Tomas Brenn', 'Ana Reyes, Tomas Brenn')).toBe(
      'Pier budget fight',
    );
    // An author who is the headline's subject: "EXCLUSIVE – <author>: …" stays whole.
    expect(cleanTitle('EXCLUSIVE – Ana Reyes: The pier must stay open', 'Ana Reyes')).toBe(
      'EXCLUSIVE – Ana Reyes: The pier must stay open',
    );
    expect(cleanTitle('Council thanks Ana Reyes', 'Tomas Brenn')).toBe('Council thanks Ana Reyes');
  });
  it('keeps a headline that ends on a weekday or a number in its own words', () => {
    expect(cleanTitle('Ferry strike to start on Monday', null)).toBe('Ferry strike to start on Monday');
    expect(cleanTitle('Council cuts 412 jobs', null)).toBe('Council cuts 412 jobs');
    expect(cleanTitle('OPINION:  Make the pier great again', null)).toBe(
      'OPINION: Make the pier great again',
    );
  });
});
