// The digest's rules after the DIG6 blind check (issue 13 part 3): words that colour how something went in
// the outlet's voice ("a heated exchange", "so angered that", "dove right into"), a day named relative to the
// article's own date ("last night"), "the decision" / "the move" / "the source" anywhere without saying
// which, an agency caption printed as a sentence, a contrast in mid-sentence ("…, however, …") and the
// newsroom's own steps. Every sentence here is invented, in the shape of a failure the blind check's judge
// recorded or one read in fresh allsides digests.
import { describe, expect, it } from 'vitest';
import {
  definiteReference,
  definiteSpeaker,
  definiteSubject,
  demonstrativeReference,
  notDigestMaterial,
  resolvedIn,
} from '../src/compare/digest/material.js';
import { datelineEnd } from '../src/text/words.js';

describe('notDigestMaterial: colouring words in the outlet’s voice', () => {
  it('skips a mood or a verdict on how an event went', () => {
    for (const s of [
      'In a heated exchange with reporters on Monday, the mayor said the budget was final.',
      'During a contentious hearing on Thursday, the board defended the new parking fees.',
      'The remarks came in the fraught weeks before the harbour vote in the county.',
      'The host spoke of the glowing week the council had, from the new library to a booming port.',
      'The ferry operator has been endorsed by party also-rans such as two former mayors.',
      'The union is courting an unlikely ally in the fight over the depot: the chamber of commerce.',
      'The retired guide dog was photographed beside the coffin of its owner in a moving tribute.',
      'The court let the mayor keep her diaries away from prying council members for now.',
      'The governor habitually criticises the ferry company on the radio and in print.',
    ])
      expect(notDigestMaterial(s), s).toMatch(/^evaluative word/);
  });

  it('skips a degree of feeling asserted by the outlet and a flourish of motion or comparison', () => {
    for (const s of [
      'The chief judge was so angered that she read her dissent aloud in the chamber.',
      'Minutes after the vote, the governor dove right into attacking the council over the depot.',
      'Much as he did in the last campaign, the senator toured the valley farms by bus.',
      'The harbour bill sailed through the council with little debate on Thursday evening.',
      'The governor rarely hesitates to throw punches at the council over the depot.',
      'Opponents accused the board of ginning up a feud with the ferry union.',
      'Both parties were quick to pounce on the harbour figures released on Friday.',
      'Just as he dodged defenders on the field, the former striker dodged the cameras at the gate.',
      'The council wants to remind voters of the surging economy before the autumn vote.',
      'The deadlock over the harbour is as much the fault of the council as of the port board.',
      'Union leaders condemned the mob that gathered outside the ferry office on Friday night.',
      'Adding to the mayor’s woes was the port chief, who claimed credit for the soaring economy.',
      'The port chief has yet to explain why his office ignored a warning from its own inspector.',
    ])
      expect(notDigestMaterial(s), s).toMatch(/^evaluative word/);
  });

  it('keeps the plain uses of the same words', () => {
    for (const s of [
      'The mayor said the plan is unlikely to pass the council before the summer recess.',
      'A moving truck blocked the bridge approach for two hours on Friday morning.',
      'Just as the vote began, the power went out across the northern districts of the city.',
      'The bill passed with so many votes to spare that the council adjourned early on Monday.',
      'The council is moving the market to the harbour square from the first of June.',
    ])
      expect(notDigestMaterial(s), s).toBeNull();
  });
});

describe('notDigestMaterial: a public’s mood without a source', () => {
  it('skips a mood the outlet asserts, not one a poll or a speaker gives', () => {
    expect(notDigestMaterial('Residents are increasingly fed up with the delays on the harbour ferry.')).toBe(
      "a public's mood asserted without a source",
    );
    expect(
      notDigestMaterial(
        'A council poll found most residents are fed up with the delays on the harbour ferry.',
      ),
    ).toBeNull();
    expect(
      notDigestMaterial(
        'Residents are fed up with the delays on the harbour ferry, the mayor said on Monday.',
      ),
    ).toBeNull();
  });
});

describe("notDigestMaterial: the author's own first person", () => {
  it('skips a host’s or columnist’s aside in the first person, not a quotation or a king', () => {
    for (const s of [
      'Once in a while, the ferry strike comes my way as a story.',
      'I asked the harbour master twice about the timetable, and the answer did not change.',
    ])
      expect(notDigestMaterial(s), s).toBe("the author's own first person");
    for (const s of [
      '“My crew has not been paid since March,” the captain said on Monday.',
      'The ferry was named after King Harald I when it was launched in 1998.',
    ])
      expect(notDigestMaterial(s), s).toBeNull();
  });
});

describe('notDigestMaterial: page furniture and turns', () => {
  it('skips an agency caption printed as a sentence, not a dated report', () => {
    expect(
      notDigestMaterial(
        'Harbour Minister Jana Roe speaks during a meeting of port officials in Halden on March 3, 2019.',
      ),
    ).toBe('photo caption or credit');
    expect(
      notDigestMaterial(
        'Harbour Minister Jana Roe spoke at a meeting of port officials in Halden on March 3, 2019.',
      ),
    ).toBeNull();
  });

  it('skips the other shapes of a caption: a weekday, an abbreviated month, no verb, position marks, a video player', () => {
    for (const s of [
      'Harbour Minister Jana Roe conducts a news conference in Halden on Wednesday, September 4, 2019.',
      'Port workers Jana Roe (L) and Ann Lee (R) talk to reporters outside the court in Halden on Aug. 30, 2019.',
      'Harbour Minister Jana Roe during a news conference on the ferry deal in Halden, Norway, December 10, 2019.',
      'CLOSE The ferry union apologised after a guest called the minister a liar on air.',
      'Skipper Ana Reyes, right, is hugged by crew member Tom Ford as they step off the ferry in Halden.',
      'Ferry captain Ana Reyes waits for the tide before the harbour race in Halden Bay, Tuesday June 2, 2020.',
    ])
      expect(notDigestMaterial(s), s).toBe('photo caption or credit');
    expect(
      notDigestMaterial('Close to 300 people left the harbour district on Monday after the storm warning.'),
    ).toBeNull();
    // A direction between commas that is no position in a picture, and a report that names its day with "on".
    for (const s of [
      'The council turned right, and the ferry plan died with the vote on Tuesday.',
      'Ferry captain Ana Reyes won the harbour race in Halden Bay on Tuesday, June 2, 2020.',
    ])
      expect(notDigestMaterial(s), s).toBeNull();
  });

  it('skips an argument’s list and its conclusion, not "So far"', () => {
    expect(
      notDigestMaterial('First, the levy is tied to the port’s own budget, which the council sets.'),
    ).toBe('opens with a contrast or continuation');
    expect(
      notDigestMaterial('So the new levy would raise some money, even if not enough for the pier.'),
    ).toBe('opens with a contrast or continuation');
    expect(
      notDigestMaterial('So far, twelve ferries have been cancelled because of the harbour strike.'),
    ).toBeNull();
  });

  it('skips a contrast in mid-sentence with a sentence the digest does not hold', () => {
    expect(
      // The clause before the turn is longer than a short subject ("The board, however, …" was caught before).
      notDigestMaterial(
        'The union and the harbour board have agreed after weeks of talks, however, to meet again.',
      ),
    ).toBe('opens with a contrast or continuation');
    expect(
      notDigestMaterial('The two sides have agreed to meet again before the ferry season opens in May.'),
    ).toBeNull();
  });

  it('skips the newsroom’s scoop', () => {
    expect(
      notDigestMaterial(
        'The port and the union reached a deal on pay, as the Ledger exclusively reported on Tuesday.',
      ),
    ).toBe('credit, disclaimer or advertisement');
  });

  it('skips "similar" with nothing to be similar to', () => {
    expect(
      notDigestMaterial('The old board did oversee similar ferry numbers, with 2,000 trips in a year.'),
    ).toBe('points back to something said before');
    expect(
      notDigestMaterial(
        'The old board oversaw ferry numbers similar to this year’s, with 2,000 trips a year.',
      ),
    ).toBeNull();
  });

  it('skips an exclamation in the outlet’s voice, not a quoted one', () => {
    expect(notDigestMaterial('The harbour gangs are now so big that you need a navy to beat a navy!')).toBe(
      'exclamation in the outlet’s voice',
    );
    expect(
      notDigestMaterial('“We will not give up the pier!” the union leader told the crowd on Monday.'),
    ).toBeNull();
  });

  it('skips "in question", a request for comment and a newsletter box', () => {
    expect(notDigestMaterial('The lawsuit in question asks the court to strike down the harbour levy.')).toBe(
      'points back to something said before',
    );
    for (const s of [
      'The port authority did not immediately return a request for comment on Friday evening.',
      'Harbour Ledger newsletter Sign up today to get the port news in your inbox each morning.',
    ])
      expect(notDigestMaterial(s), s).toBe('credit, disclaimer or advertisement');
  });

  it('skips a syndication notice', () => {
    expect(
      notDigestMaterial(
        'Content created by the Harbour Ledger Service is available without charge to eligible papers.',
      ),
    ).toBe('credit, disclaimer or advertisement');
  });

  it('skips a step taken after the outlet asked', () => {
    expect(
      notDigestMaterial(
        'The site removed the post on Wednesday after an inquiry from the Harbour Ledger News Service.',
      ),
    ).toBe('credit, disclaimer or advertisement');
    expect(
      notDigestMaterial(
        'The site removed the post on Wednesday after complaints from residents of the harbour.',
      ),
    ).toBeNull();
  });
});

describe('notDigestMaterial: a day named relative to the article’s date', () => {
  it('skips yesterday, last night, tonight and this morning, in the outlet’s voice or a quotation', () => {
    for (const s of [
      'The council met late last night to approve the harbour budget for the coming year.',
      '“If last night was the feast, this morning is the bill,” the treasurer said in a statement.',
      'The ferry service will resume tomorrow after the storm damage is repaired, the operator said.',
    ])
      expect(notDigestMaterial(s), s).toBe("a day named relative to its article's date");
  });

  it('keeps a named day', () => {
    expect(
      notDigestMaterial(
        'The council met on Tuesday night to approve the harbour budget for the coming year.',
      ),
    ).toBeNull();
  });
});

describe('definiteReference', () => {
  it('finds "the decision" or "the move" anywhere without a complement saying which', () => {
    expect(definiteReference('Officials announced the decision to the harbour staff on Monday.')).toBe(
      'decision',
    );
    expect(definiteReference('The port cut two routes, saying the move is meant to save fuel.')).toBe('move');
    expect(definiteReference('The guards did not check the cells overnight, according to the source.')).toBe(
      'source',
    );
  });

  it('leaves one that says which, and a name', () => {
    expect(definiteReference('The board said the decision to close the depot was final.')).toBeNull();
    expect(definiteReference('Staff protested the move by the board on Monday.')).toBeNull();
    expect(definiteReference('The Decision Desk said the count was complete.')).toBeNull();
    expect(definiteReference('Workers welcomed the ruling of the appeals court on Friday.')).toBeNull();
  });

  it('stands when the title or an earlier digest sentence holds the noun', () => {
    const noun = definiteReference('Officials announced the decision to the harbour staff on Monday.') ?? '';
    expect(resolvedIn(noun, ['Harbour board decides to close the ferry depot'])).toBe(false);
    expect(resolvedIn(noun, ['The board’s decision to close the ferry depot angers workers'])).toBe(true);
  });
});

describe('demonstrativeReference: "those X"', () => {
  it('finds "those X" that points back, not one that says which', () => {
    expect(
      demonstrativeReference('In each of those cases, the court said the port had the final word.'),
    ).toBe('cases');
    expect(
      demonstrativeReference('The fund will help those voters who lost their homes in the flood.'),
    ).toBeNull();
    expect(
      demonstrativeReference('The fund will help those killed or hurt in the fire and their families.'),
    ).toBeNull();
    expect(
      demonstrativeReference('The fund will help those in need across the northern districts.'),
    ).toBeNull();
  });
});

describe('"that X" after a preposition, "As with …", and a speaker named only "the X"', () => {
  it('finds "that X" after a preposition, not the conjunction after a verb', () => {
    expect(demonstrativeReference('Harbour unions are eager to campaign on that message this autumn.')).toBe(
      'message',
    );
    expect(
      demonstrativeReference('The mayor said that officials would meet the unions on Friday.'),
    ).toBeNull();
    expect(
      demonstrativeReference('The board met on Monday, and at that time no vote was planned.'),
    ).toBeNull();
  });

  it('skips an example of something the digest does not hold, and a time set by another sentence', () => {
    expect(notDigestMaterial('For example, hundreds of drivers wait at the harbour gate each morning.')).toBe(
      'opens with a contrast or continuation',
    );
    expect(notDigestMaterial('The port cut its ferry subsidy around the same time, the records show.')).toBe(
      'a time placed by another sentence',
    );
  });

  it('skips an opening comparison with something the digest does not hold', () => {
    expect(
      notDigestMaterial('As with the first harbour bill, most of the savings would go to the port.'),
    ).toBe('opens with a contrast or continuation');
  });

  it('finds a speaker named only "the X", not an institution everyone places', () => {
    expect(definiteSpeaker('Most of the savings would go to the largest firms, the center said.')).toBe(
      'center',
    );
    expect(definiteSpeaker('Visits on family grounds would be allowed, the government official said.')).toBe(
      'official',
    );
    expect(definiteSpeaker('The ban stays in force for now, the court said on Friday.')).toBeNull();
    expect(definiteSpeaker('The ban stays in force for now, Judge Ann Roe said on Friday.')).toBeNull();
  });
});

describe('definiteSubject after a day', () => {
  it('finds the head noun when the day stands between it and the verb', () => {
    expect(definiteSubject('The hearing Monday morning dealt with the ferry contracts.')).toBe('hearing');
    expect(definiteSubject('The vote on Tuesday night decided the harbour budget.')).toBe('vote');
    expect(definiteSubject('The Senate on Tuesday passed the harbour budget.')).toBeNull();
    // An irregular past after the subject.
    expect(definiteSubject('The event came a week after the port reopened to ferries.')).toBe('event');
    // A modifier naming the polity makes it one of a kind.
    expect(definiteSubject('The federal budget deficit grew to $800 billion in the first half.')).toBeNull();
    // A possessive says whose, and a time word is not the subject's noun.
    expect(
      definiteSubject('The judges’ order late Wednesday lifts the ban on ferry night trips.'),
    ).toBeNull();
  });
});

describe('datelineEnd', () => {
  it('cuts a dateline filed from two places', () => {
    const text = 'HALDEN/OSLO (Reuters) - The harbour board said on Monday it would close the ferry depot.';
    expect(text.slice(datelineEnd(text, 0, text.length))).toBe(
      'The harbour board said on Monday it would close the ferry depot.',
    );
  });
});
