// Digest sentences that lean on what the digest does not hold, in the shapes a blind check found (issue 13;
// every sentence here is invented): a comparison with nothing compared, "in response" to nothing said, a
// contrast before a colon, a week or a weekday named relative to the article, an official's line in the
// first person plural whose quotation marks were lost, "the reason" and a named person's "comments" with
// nothing saying which, an outlet's promotion of its own unit.
import { describe, expect, it } from 'vitest';
import { backReference, notDigestMaterial } from '../src/compare/digest/material.js';

describe('notDigestMaterial: sentences leaning on another sentence', () => {
  it('leaves out a comparison whose other side is elsewhere, not one that says "than"', () => {
    expect(
      notDigestMaterial(
        'Two other senators were more optimistic, telling a radio host they can still pass a bill.',
      ),
    ).toBe('a comparison with nothing compared');
    expect(notDigestMaterial('The committee chairman and a senior senator appeared less certain.')).toBe(
      'a comparison with nothing compared',
    );
    expect(notDigestMaterial('The senators were more optimistic than the chairman about a deal.')).toBeNull();
    expect(notDigestMaterial('The plan would cost more than $2 billion over ten years.')).toBeNull();
    expect(notDigestMaterial('Police do not believe there are more suspects in the harbor fire.')).toBeNull();
    expect(
      notDigestMaterial('The best outcome for the harbor towns is no more tolls on the bridge.'),
    ).toBeNull();
  });

  it('leaves out "in response" with nothing it answers, not "in response to" a named thing', () => {
    expect(
      notDigestMaterial('The mayor posted a string of messages on Friday in response, defending her budget.'),
    ).toBe('points back to something said before');
    expect(
      notDigestMaterial(
        'The mayor posted a string of messages on Friday in response to the audit of the budget.',
      ),
    ).toBeNull();
    expect(
      notDigestMaterial(
        '"The board failed to act in response," the harbor union said in a statement on Monday.',
      ),
    ).toBeNull();
  });

  it('leaves out a contrast before a colon', () => {
    expect(notDigestMaterial('One thing is certain, however: the parade will not be held on Sunday.')).toBe(
      'opens with a contrast or continuation',
    );
  });

  it('leaves out a week, a season or a weekday named relative to the article, not a year or a date', () => {
    for (const s of [
      'Last week, the appeals judge paused the rule until this Thursday.',
      'The port authority dismissed the claim last fall.',
      'The council will vote on the plan next week.',
    ])
      expect(notDigestMaterial(s)).toBe("a day named relative to its article's date");
    expect(notDigestMaterial('The port authority dismissed the claim last year.')).toBeNull();
    expect(
      notDigestMaterial('The jobless rate rose to 5.1 percent last month, the bureau reported.'),
    ).toBeNull();
    expect(notDigestMaterial('The council will vote on the plan on March 3.')).toBeNull();
  });

  it('leaves out the first person plural outside quotation marks, not inside them', () => {
    expect(
      notDigestMaterial("Today's ruling clears the way for our office to examine the company's accounts."),
    ).toBe('a first person plural outside quotation marks');
    expect(
      notDigestMaterial(
        'The ruling clears the way for "our office to examine the accounts," the prosecutor said.',
      ),
    ).toBeNull();
    expect(notDigestMaterial('The U.S. trade office said the talks will resume in May.')).toBeNull();
  });

  it('leaves out a quotation opening on a pronoun that points back, not one naming its subject', () => {
    for (const s of [
      '“This is going to get built with or without the council,” the harbor chief said.',
      '"I think that is an open question," the mayor said on a morning show.',
      '“They are slowing down the whole port,” a shipping agent told reporters.',
    ])
      expect(notDigestMaterial(s)).toBe('a quotation opening on a pronoun that points back');
    expect(
      notDigestMaterial('“The bridge will be built with or without the council,” the harbor chief said.'),
    ).toBeNull();
    expect(notDigestMaterial('“It is a good day for the port,” the harbor chief said.')).toBeNull();
  });

  it("leaves out an outlet's promotion of its own unit", () => {
    expect(notDigestMaterial('Join the Daily Example Audio Club Go behind the scenes.')).toBe(
      'link or call to action',
    );
    for (const s of [
      'Become a member of the Daily Example Audio Club today.',
      'Get the harbor briefing delivered to your inbox.',
      'Follow her on social media for updates from the port.',
    ])
      expect(notDigestMaterial(s)).toBe('link or call to action');
    expect(
      notDigestMaterial('Support for the harbor bill rose to 61 percent in the spring poll.'),
    ).toBeNull();
  });
});

describe('backReference: "the reason" and a named person\'s remarks', () => {
  it('asks what they point at', () => {
    expect(backReference('The reason, Ms. Doe said, was that the harbor board wanted a new survey.')).toBe(
      'reason',
    );
    expect(backReference("Doe's comments came during a radio interview on Sunday.")).toBe('comments');
    expect(backReference('Ann Doe’s remarks drew applause from the crowd.')).toBe('remarks');
  });

  it('leaves a complement that says which', () => {
    expect(backReference("Doe's comments on the harbor budget came during a radio interview.")).toBeNull();
    expect(backReference('Doe said the harbor budget would be cut by a third.')).toBeNull();
  });
});
