// Digest sentences that fail a journalist's reading on stories nobody tuned on (issue 13, helper dig16;
// every sentence here is invented): a verb phrase standing for one said before ("do just that"), a speech
// verb continuing an account with nothing said, a subject counting people named before, an occasion named
// by "the" alone in a lead-in, an embedded post's handle, a sentence cut after a title written short, and
// evaluative words in the outlet's voice that the word-ending rule missed (an attributive adjective the tone
// lexicon rates, a fight or force idiom).
import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/annotate/tokens.js';
import {
  comparedSubject,
  definiteLeadIn,
  definiteSubject,
  demonstrativeReference,
  notDigestMaterial,
} from '../src/compare/digest/material.js';

describe('notDigestMaterial: pro-forms and continuations', () => {
  it('leaves out a verb phrase standing for one said before, not "do that job"', () => {
    expect(notDigestMaterial('The port authority later ordered the harbor board to do just that.')).toBe(
      'points back to something said before',
    );
    expect(notDigestMaterial('The ferry captain said he was ready to face a fine for doing so.')).toBe(
      'points back to something said before',
    );
    expect(notDigestMaterial('The ferry captain said he would do that job again in June.')).toBeNull();
  });

  it('leaves out a speech verb continuing an account with nothing said, not one that says what', () => {
    expect(notDigestMaterial('The former harbor master continued, looking straight at the cameras.')).toBe(
      'continues an account the digest does not hold',
    );
    expect(
      notDigestMaterial('The harbor master added that the ferry fares would rise in spring.'),
    ).toBeNull();
    expect(
      notDigestMaterial('The harbor board continued to hear complaints about the ferry on Friday.'),
    ).toBeNull();
  });

  it('leaves out a subject counting people named before, not one that names them', () => {
    expect(notDigestMaterial('Each has also met with the ferry company in the harbor office.')).toBe(
      'a subject counting people named before',
    );
    expect(notDigestMaterial('Others warn the new ferry fares will empty the island schools.')).toBe(
      'a subject counting people named before',
    );
    expect(
      notDigestMaterial('Both chambers of the island council passed the ferry budget on Monday.'),
    ).toBeNull();
  });

  it('leaves out an embedded post and a sentence cut after a short title', () => {
    expect(notDigestMaterial('Ann Roe (@annroe_ferry) The harbor master signs his own letters.')).toBe(
      'web page text run into the sentence',
    );
    expect(notDigestMaterial('Island activists are sharing an old video clip of then-Gov.')).toBe(
      'cut inside an abbreviation',
    );
    expect(notDigestMaterial('The islanders cheered the ferry captain on Tuesday.')).toBeNull();
  });

  it('does not end a sentence after a title joined by a hyphen ("then-Sen.")', () => {
    const text = 'Islanders shared a clip of then-Sen. Ann Roe praising the ferry in 1990.';
    const layer = tokenize({ text, paragraphs: [{ start: 0, end: text.length, kind: 'paragraph' }] });
    expect(layer.sentences).toHaveLength(1);
  });
});

describe('evaluative words in the outlet’s voice', () => {
  it('finds a rated adjective before a noun, not a rated noun or a classifying word', () => {
    expect(
      notDigestMaterial('In another bold move, the harbor board hired a lawyer for the ferry case.'),
    ).toBe("evaluative word in the outlet's voice (“bold”)");
    expect(notDigestMaterial('The mayor spent heavily to beat a rival in a bitter nominating contest.')).toBe(
      "evaluative word in the outlet's voice (“bitter”)",
    );
    expect(notDigestMaterial('The ferry operator pleaded guilty on Friday and paid a fine.')).toBeNull();
    expect(
      notDigestMaterial('The island budget includes a rescue package for the ferry operator.'),
    ).toBeNull();
    expect(notDigestMaterial('Taxes on the island fell for the richest families in 2019.')).toBeNull();
  });

  it('finds fight and force idioms of the columnist', () => {
    expect(notDigestMaterial('The harbor master took a swipe at the groups behind the ferry petition.')).toBe(
      "evaluative word in the outlet's voice (“took a swipe at”)",
    );
    expect(notDigestMaterial('The island council meeting quickly devolved into chaos on Tuesday.')).toBe(
      "evaluative word in the outlet's voice (“devolved into”)",
    );
    expect(notDigestMaterial('The harbor master came out swinging at the ferry board on Monday.')).toBe(
      "evaluative word in the outlet's voice (“came out swinging”)",
    );
    expect(notDigestMaterial('Either way, the harbor seat is the mayor’s to lose.')).toBe(
      'opens with a contrast or continuation',
    );
  });
});

describe('references the digest must resolve', () => {
  it('finds an occasion named by "the" alone in a lead-in, not one that says which', () => {
    expect(definiteLeadIn('During the interview, the harbor master denied the claim.')).toBe('interview');
    expect(definiteLeadIn('In the Monday interview, the harbor master denied it.')).toBe('interview');
    expect(definiteLeadIn('In the wake of the storm, the harbor board met.')).toBeNull();
    expect(definiteLeadIn('In the past, the harbor board met twice a year.')).toBeNull();
    expect(definiteLeadIn("At the mayor's request, the harbor board met.")).toBeNull();
  });

  it('finds a definite subject before an aside, a compared subject with a phrase after it, "such a X"', () => {
    expect(definiteSubject('The memoir, printed by a small press, has drawn attention.')).toBe('memoir');
    expect(comparedSubject('Another man in the harbor town who was fishing was rescued.')).toBe('man');
    expect(demonstrativeReference('All the guests denied attending such a party.')).toBe('party');
    expect(demonstrativeReference('It was such a close race that the count took a week.')).toBeNull();
  });
});
