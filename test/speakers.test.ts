// Speaker attribution by grammar, one row per failure shape (issue 12), on invented sentences; and the
// PolNeAR scorer's keying of sources.
import { describe, expect, it } from 'vitest';
import { goldQuotes, type PolnearArticle, sourceType } from '../eval/polnear-gold.js';
import { keyIn } from '../eval/quotes.js';
import { isSpeechVerb } from '../src/annotate/entities/speech-verbs.js';
import type { AnnotatedArticle, Quote } from '../src/model/article.js';
import { annotateText as annotate } from './support/articles.js';
import { schemaErrors } from './support/schema.js';

function quoteWith(a: AnnotatedArticle, words: string): Quote {
  const q = a.quotes.find((x) => x.text.includes(words));
  if (!q) throw new Error(`no quote with "${words}" in ${JSON.stringify(a.quotes.map((x) => x.text))}`);
  return q;
}
const speakerName = (a: AnnotatedArticle, q: Quote) =>
  a.entities.find((e) => e.id === q.speaker)?.name ?? null;

describe('speaker of a direct quote', () => {
  it.each([
    [
      'a name with an aside before the verb',
      'The council met on Monday.\n\n“We cannot wait another year for this,” Maria K. Olsen, the mayor’s adviser on housing, said after the vote.',
      'another year',
      'Maria K. Olsen',
    ],
    [
      'a title before the name',
      'The race tightened this week.\n\n“We are ahead in every county that matters,” campaign manager Tom Reyes told reporters.',
      'every county',
      'Tom Reyes',
    ],
    [
      'an age between commas',
      'Ruth Olsen has lived on the street since 1980.\n\n“Nobody asked us about the road,” Olsen, 70, told the paper.',
      'Nobody asked',
      'Ruth Olsen',
    ],
    [
      'an auxiliary between subject and verb',
      'Dana Whitfield leads the union.\n\n“The offer is an insult,” she has said repeatedly.',
      'an insult',
      'Dana Whitfield',
    ],
    [
      'an inverted verb with a long subject and the name in apposition',
      'Flights were cancelled across the region.\n\n“Safety comes first,” said a spokeswoman for the airline, Jane Roe.',
      'Safety comes',
      'Jane Roe',
    ],
    [
      'a quote that ends its sentence before a bare “X said.”',
      'The mayor was asked about the budget.\n\n“We will balance it this year.” Carla Mendes said.',
      'balance it',
      'Carla Mendes',
    ],
    [
      'a speech verb the tagger may read as a noun',
      'Peter Vance studied the data for a decade.\n\n“The trend is clear,” Vance notes.',
      'trend is clear',
      'Peter Vance',
    ],
    [
      'X called Y a “liar”: the caller speaks',
      'Senator Alan Marsh spoke after the debate. Marsh called Governor Bill Dorsey a “shameless liar” on Tuesday.',
      'shameless liar',
      'Alan Marsh',
    ],
    [
      'an aside with commas of its own',
      'Voters lined up early.\n\nDean Whitlow, a salesman from Sumter, Ohio, says the senator will “leave here with momentum.”',
      'with momentum',
      'Dean Whitlow',
    ],
    [
      'a quote inside the clause of an earlier speech verb',
      'Gov. John Varga spoke in Dayton.\n\nVarga says he would sit Ivan Petrov down and tell him “no more games” at their first meeting.',
      'no more games',
      'John Varga',
    ],
    [
      'a participle after the quote is no inverted attribution',
      'Gov. John Varga spoke in Dayton.\n\nVarga said the plan “should be finished by spring,” referring to the new budget.',
      'finished by spring',
      'John Varga',
    ],
    [
      'a participle takes the subject of the verb nearest before it',
      'The rally was loud.\n\nThe trouble began in the second hour, when Gov. John Varga interrupted the speaker, shouting “sit down, sit down!”',
      'sit down',
      'John Varga',
    ],
    [
      'a possessive pronoun opens the subject after the quote',
      'The flood reached the school.\n\n“He had so many plans for the town,” his neighbour Tomas Reller told the radio station.',
      'so many plans',
      'Tomas Reller',
    ],
    [
      'a possessor with ’s opens the subject after the quote',
      'The poll closed late.\n\n“Voters weigh the economy first,” the Harbor Institute’s Nadia Pell wrote on Friday.',
      'weigh the economy',
      'Nadia Pell',
    ],
    [
      'an appositive left open before the verb',
      'The ferry sank at dawn.\n\n“She was a strong swimmer,” another neighbour, Ilse Varro told the paper.',
      'strong swimmer',
      'Ilse Varro',
    ],
    [
      'a capitalised speech verb after an aside',
      'The banners flew over the stadium.\n\n“Not our work, but we like it!” Hollis, the head of the fund, Tweeted on Friday.',
      'Not our work',
      'Hollis',
    ],
    [
      'a quoted name inside the aside',
      'The hall emptied slowly.\n\n“We have had better weeks,” delegate Bill Oster, wearing a hat and “Vote Lind” pins, said quietly.',
      'better weeks',
      'Bill Oster',
    ],
    [
      'a first name the tagger reads as a verb after an inverted verb',
      'Prices rose again.\n\n“Even though most people expected relief, it never came,” said Josh Welland, director of the Budget Institute.',
      'never came',
      'Josh Welland',
    ],
    [
      'a sentence split at the full stop inside a bracket',
      'The bill passed on Monday. It was close.\n\n“We knew the difference,” Rep. Tom Callard (D-Wash.) said.',
      'knew the difference',
      'Tom Callard',
    ],
    [
      'an inverted subject headed by the name, a place that is also a given name before it',
      'Clara Hale runs a shop. The convention was tense.\n\n“It will be close, and everyone knows it,” said Riverton delegate Lionel Correll.',
      'be close',
      'Lionel Correll',
    ],
    [
      'a bracketed party and a relative clause naming another person before the verb',
      'The primary is close. Voters are split.\n\nSen. Clara Mead (D-Mo.), who has endorsed Tom Hale, said Ann Ross has pushed him to be a “stronger and tougher” candidate.',
      'stronger and tougher',
      'Clara Mead',
    ],
    [
      'an inverted verb after the rest of the sentence',
      'Voters are split. Ann Ross “did well with older voters and the unions” in the last primary, said political scientist Paul Becker.',
      'older voters',
      'Paul Becker',
    ],
    [
      'a bare attribution whose subject holds a capitalised word read as a verb',
      'The suit dragged on for years. The bureau lost.\n\n“By now it is plain the bureau misled the court.” Watch Project director Ana Ruiz said Tuesday.',
      'misled the court',
      'Ana Ruiz',
    ],
    [
      'a bare attribution followed by a participle clause',
      'The rally was loud. It went on.\n\n“The old ones, the tired ones?” Gov. John Varga asked, turning the question into a game.',
      'tired ones',
      'John Varga',
    ],
    [
      'a bare attribution whose verb the tagger read as an adjective',
      'The rally was loud. It went on.\n\n“If they cared at all about the river, they would vote.” Okafor fumed on Tuesday.',
      'cared at all',
      'Okafor',
    ],
    [
      'a phrasal speech verb after the quote (went on)',
      'Tom Hale spoke first at the hearing.\n\nGov. Ann Varga took the floor next. “We are not done with this bill,” Hale went on, waving the draft.',
      'not done',
      'Tom Hale',
    ],
    [
      'a phrasal speech verb after the quote (shot back)',
      'The debate turned sour.\n\nSen. Ruth Marsh asked about the budget. “You had eight years to fix it,” Gov. Tom Pell shot back.',
      'eight years',
      'Tom Pell',
    ],
    [
      'an inverted manner verb whose name goes on with a place and a relative clause',
      'The doors opened at noon.\n\n“This is a dream come true!” beamed Tom Hale of Dayton, Ohio, who came early.',
      'dream come true',
      'Tom Hale',
    ],
    [
      'a manner verb after the quote followed by a new clause',
      'The reporter asked about taxes.\n\n“Sit down,” Ruth Pell barked and a guard walked him out.',
      'Sit down',
      'Ruth Pell',
    ],
    [
      'a question mark ends the quote, not the sentence holding its attribution',
      'Pia Novak asked about the bridge.\n\n“Why should we delay?” Bo Li told a county paper in a phone call late on Monday.',
      'Why should we delay',
      'Bo Li',
    ],
    [
      'a phrasal verb after a question with a clause of manner',
      'Ann Roe asked about the schedule.\n\n“It happens, right?” Tom Hale went on, as if he did not hear her.',
      'It happens',
      'Tom Hale',
    ],
    [
      'a phrasal verb with a manner phrase',
      'Ann Roe smiled at the crowd.\n\n“They are all here for the free food,” Tom Pell shot back with a laugh.',
      'free food',
      'Tom Pell',
    ],
    [
      'an infinitive speech verb shares the clause subject',
      'Tom Pell denied the story. Ann Roe went on the radio to call Pell “a liar.”',
      'a liar',
      'Ann Roe',
    ],
    [
      'a sentence-final attribution with title words after the comma',
      'Rivals were quick to fault the council.\n\n“Fresh eyes on the budget” would be wise, independent candidate Dev Okafor said after the vote.',
      'Fresh eyes on the budget',
      'Dev Okafor',
    ],
    [
      'a relative clause after the quote before a sentence-final attribution',
      'The audit could last a year.\n\n“If the office finds more files, it plans to review them” that would answer the club, senior staff counsel Nora Beth Calloway wrote in a brief.',
      'plans to review',
      'Nora Beth Calloway',
    ],
    [
      'joined subjects after the quote',
      'The board was filled with members picked by one mayor.\n\n“We can only guess at the goal here,” county party chair Ana Ruiz and Council Leader Tom Hale, both Greens, said in a joint letter.',
      'only guess',
      'Tom Hale',
    ],
    [
      'a short quoted phrase inside the sentence before its closing attribution',
      'Ray Dunmore said the protest would change little. Ticket sales were “flat for nearly six weeks” as buyers waited to learn how a “messy spring season” turned out, he said.',
      'flat for',
      'Ray Dunmore',
    ],
    [
      'two quoted words joined before the attribution',
      'Ann Lee spoke at the rally. “Fair” and “honest,” Tom Hale proclaimed.',
      'Fair',
      'Tom Hale',
    ],
    [
      'a participle after an infinitive shares the clause subject',
      'Former Ambassador Ruth Calder lately urged students to vote for Bo Li, saying, “There is a warm seat for those who pitch in.”',
      'warm seat',
      'Ruth Calder',
    ],
    [
      'a reduced clause with a speech verb and no subject leaves the quote to the sentence subject',
      'Marek Dolan spoke to the press. When asked about the harbour lease, Dolan appeared to take the island’s side: “When this dispute began, was that settled? Then why insist on it today?”',
      'dispute began',
      'Marek Dolan',
    ],
    [
      'the agent of a passive speech verb',
      'Senator Ann Roe was asked by host Gus Palmer, who backs Roe, “Why did you say you were done with the audits?”',
      'done with the audits',
      'Gus Palmer',
    ],
    [
      'a name inside the aside between the subject and its verb is what the aside is about',
      'The council met.\n\nPeter Marsh, a contestant on the quiz show, “Money Hour,” who went on to work alongside Lee, said his old employer was “patient and fair.”',
      'patient and fair',
      'Peter Marsh',
    ],
    [
      'an aside between dashes after a title',
      'The council met.\n\nA former candidate -- Tom Hale, who lost the 2008 election to Lee -- said the mayor “offered no changes.”',
      'offered no changes',
      'Tom Hale',
    ],
    [
      'a long relative clause naming another person before the verb',
      'The council met.\n\nCity Gov. Tom Hale, who lost to Ann Lee in the 1994 runoff and whose plans for the harbour differed from those of the mayor, described the group as “a relic of another era.”',
      'relic of another era',
      'Tom Hale',
    ],
    [
      'an age, a place with its state and a relative clause before the verb',
      'The council met.\n\n“Both of them worry me,” Tom Hale, 41, of Akron, Pa., who answered the survey, said in an interview.',
      'worry me',
      'Tom Hale',
    ],
    [
      'a participle right after “X said,” adds to what X said, not the sentence’s first subject',
      'Paul Lee and Mark Hale differ.\n\nLee and Hale will meet sometime next week, Cory Roe said, adding, “Both of them must talk it through.”',
      'talk it through',
      'Cory Roe',
    ],
    [
      'a participle after an inverted “X added,” following a quote',
      'Jim Comey spoke. Cory Roe spoke.\n\nComey cannot claim that “from his seat,” Roe added, saying the call belongs “with the county attorney.”',
      'county attorney',
      'Cory Roe',
    ],
    [
      'an aside of several comma-separated parts before the verb of a participle',
      'The council met on Monday.\n\nAnn Roper, founder of the trust, board member since 1990 and a backer Mayor Tom Hale praised, endorsed the plan on Friday, saying it “puts families first.”',
      'puts families',
      'Ann Roper',
    ],
    [
      'a party-and-state bracket with full stops inside does not end the sentence',
      'The council voted on Monday.\n\nRep. Tom Hale (D-N.Y.) answered the ruling at once, saying: “The vote was a disgrace.”',
      'a disgrace',
      'Tom Hale',
    ],
    [
      'a name opening an absolute phrase after “with” is its participle’s subject',
      'The senators met on Monday.\n\nRepublicans who agree were irritated by the plan, with Sen. Tom Hale calling it a “blank cheque.”',
      'blank cheque',
      'Tom Hale',
    ],
    [
      'two absolute phrases after a dash, each with its own speaker (first)',
      'Paul Ryder and Don Tamp met.\n\nBoth men issued a statement – Ryder saying he was “very encouraged” and Tamp calling it a “great meeting.”',
      'very encouraged',
      'Paul Ryder',
    ],
    [
      'two absolute phrases after a dash, each with its own speaker (second)',
      'Paul Ryder and Don Tamp met.\n\nBoth men issued a statement – Ryder saying he was “very encouraged” and Tamp calling it a “great meeting.”',
      'great meeting',
      'Don Tamp',
    ],
    [
      'a verb after a mid-sentence quote with an object and “as” is no inverted attribution',
      'Tom Rolf sued the firm.\n\nRolf, who puts his court bills “well past a million,” described the strain as “crushing.”',
      'past a million',
      'Tom Rolf',
    ],
    [
      'a second predicate of the subject after a mid-sentence quote',
      'Ann Lee spoke on Friday.\n\nTom Hale further summed up Lee as “careless,” denounced her record as mayor and said she should not run again.',
      'careless',
      'Tom Hale',
    ],
    [
      'a reduced clause (“when asked”) has no subject of its own',
      'Lawyers met on Monday.\n\nAny decision would involve Attorney General Ann Lyle, who told the senators when asked last month: “That matter is handled by career staff.”',
      'career staff',
      'Ann Lyle',
    ],
    [
      'a sentence-final attribution followed by a participle clause of the same speaker',
      'Ann Roe spoke in Paris.\n\nHale’s “excesses” are sickening, Roe said Tuesday in Paris, noting the mayor “makes you want to retch.”',
      'excesses',
      'Ann Roe',
    ],
    [
      'a “he” that stood for a person of unknown gender makes that person the latest man',
      'Pat Okafor leaves the climate post this year.\n\nOkafor kept the glaciers in the news. He has walked on the shrinking ice himself.\n\nAsked whether he was concerned that Mayor Tom Hale, who calls warming a hoax, could win the seat, Okafor demurred.\n\n“The data leave no room for doubt,” he said.',
      'no room for doubt',
      'Pat Okafor',
    ],
    [
      'an “as X said” clause after a quote inside a sentence',
      'Ann Hale spoke on Monday.\n\nStill, the claim that the contest “is a coin toss this week,” as Hale said on the radio on Monday, only raises the stakes.',
      'coin toss',
      'Ann Hale',
    ],
    [
      'an inverted name after a capitalised place the tagger reads as a verb',
      'Voters gathered at the fair.\n\n“I cannot vote for the mayor,” said Concord resident Nora Whitfield. “She broke her word.”',
      'She broke',
      'Nora Whitfield',
    ],
    [
      'a capitalised speech-verb word inside a title before a name is no verb',
      'The board met on Monday.\n\n“Under our rules, we will act at once,” Harbour Board General Counsel Ronald A. Baxter wrote in a letter.',
      'act at once',
      'Ronald A. Baxter',
    ],
    [
      'a name opening the sentence before an appositive whose closing comma is missing',
      'Waiters earn more this year.\n\nAnthony Arno, president and chief of the Harbour Restaurant Guild stated, “It is not a political problem; it is a sum.”',
      'a political problem',
      'Anthony Arno',
    ],
    [
      'a speech verb after “and” past the quote opens a clause of its own',
      'The rivals spoke on Sunday.\n\nAnn Roe accuses the mayor of “hiding from the voters” and Tom Hale says he is “losing the port.”',
      'hiding from',
      'Ann Roe',
    ],
    [
      'the name after “of” following a person is where the person works',
      'The mayor spoke.\n\nGeorge Zolnik of The Harbour Nation wrote, “If voters are to trust you, you must act.”',
      'you must act',
      'George Zolnik',
    ],
    [
      'a phrasal speech verb with an adverb before the quote',
      'Tom Hale spoke on Monday.\n\nWhen Hale suggested that the port would sue, Ann Roe shot back forcefully: “If they sue us, they will lose.”',
      'they will lose',
      'Ann Roe',
    ],
    [
      'a capitalised speech-verb word ending a name after the quote is no verb',
      'Tom Hale spoke on Monday.\n\nHale had said in an interview that the army had “contained” the Islamic State from growing.',
      'contained',
      'Tom Hale',
    ],
    [
      'a closing attribution with a longer prepositional tail covers the quote before it',
      'Ann Corley on Friday was named the first woman to lead the slate, setting up the fall vote.\n\nVoters had “opened the widest gap” yet in the old ceiling, she said in a long address to the party members.',
      'widest gap',
      'Ann Corley',
    ],
    [
      'a title naming a cause with a preposition and a number before the name',
      'Wages went up.\n\n“They care about two things,” Pay for $15 recruiting director Kendall Fellman told a radio station.',
      'two things',
      'Kendall Fellman',
    ],
    [
      'a name in apposition after a possessive title, before a verb with an object',
      'Allies urged calm.\n\n“Sooner or later, positions will soften on the mayor,” Ohio Rep. Dan Hunt’s head of staff, Joe Kasperl, told the paper before the vote. “That is inevitable.”',
      'That is inevitable',
      'Joe Kasperl',
    ],
    [
      'a participle after an adverbial phrase (“at one stage calling”) is the clause subject’s',
      'Tom Hale, the governor, has battled with Ann Lee over the budget, at one stage calling the governor a “fraud” who was not “decent.”',
      'fraud',
      'Tom Hale',
    ],
    [
      'a pronoun after the subject of its own sentence, whose gender nothing states, is that subject',
      'Tom Hale spoke on Monday about the port. Sen. Kerrin Reed toured the docks on Tuesday, and he said the place was “a mess.”',
      'a mess',
      'Kerrin Reed',
    ],
  ])('%s', (_shape, body, words, speaker) => {
    const a = annotate(body);
    expect(speakerName(a, quoteWith(a, words))).toBe(speaker);
  });

  it('a time adjunct between the subject and its verb keeps the subject', () => {
    // "Hale on Thursday stepped up …, saying": the participle shares the subject across "on Thursday".
    const a = annotate(
      'The board met on Monday. Ann Marsh spoke first.\n\nTom Hale on Thursday stepped up his attacks on the plan, saying it is “weak on cost, you know that.”\n\n“We will not back down,” Ruth Pell last week told the paper.',
    );
    expect(speakerName(a, quoteWith(a, 'weak on cost'))).toBe('Tom Hale');
    expect(speakerName(a, quoteWith(a, 'back down'))).toBe('Ruth Pell');
  });

  it('an attribution closing the sentence after a comma covers the quote earlier in it', () => {
    const a = annotate(
      'Ann Lee runs the fund.\n\nGiving slowed for a month. “There is a sense of calm now,” and gifts began to come in again last week, Okafor said.\n\nThe port reopened. “Ships are moving,” and the queue has cleared since Friday, a spokeswoman for the port said.',
    );
    expect(speakerName(a, quoteWith(a, 'sense of calm'))).toBe('Okafor');
    expect(quoteWith(a, 'Ships are moving').speakerText).toBe('a spokeswoman for the port');
  });

  it('a statement issued by someone, or a time noun, before a participle is no speaker of its own', () => {
    const a = annotate(
      'Ann Lee spoke at noon.\n\nPolicy director Tom Hale issued a statement saying her plan “has no place in this city.”\n\nPrices rose in March. The Harbor Workers Union replied on Wednesday saying the rise “is based on opinion, not facts.”',
    );
    expect(speakerName(a, quoteWith(a, 'no place'))).toBe('Tom Hale');
    expect(quoteWith(a, 'based on opinion').speakerText).toBe('The Harbor Workers Union');
  });

  it('a colon hands the quote to the sentence subject even when that is no person', () => {
    const a = annotate(
      'Prices rose in March.\n\nThe Harbor Workers Union was firm in its reply: “Further talks are pointless.”',
    );
    expect(quoteWith(a, 'Further talks').speakerText).toBe('The Harbor Workers Union');
  });

  it('a past-tense verb ending its sentence right after its subject takes the quote as its object', () => {
    const a = annotate(
      'Tom Hale spoke first.\n\n“Get out of my rally,” Ann Marsh barked. Then she left.\n\n“We are done here,” Ruth Pell left the room.',
    );
    expect(speakerName(a, quoteWith(a, 'my rally'))).toBe('Ann Marsh');
    expect(speakerName(a, quoteWith(a, 'done here'))).not.toBe('Ruth Pell');
  });

  it('a reflexive after the subject keeps it the subject, and so is he', () => {
    const a = annotate(
      'Tom Hale won Ohio. Bill Roe came second, and Roe conceded at noon.\n\nHale himself seemed to know what the win meant. “This changes the race,” he said.',
    );
    expect(speakerName(a, quoteWith(a, 'changes the race'))).toBe('Tom Hale');
  });

  it('“’s been” is “has been”: the subject speaks, and the one it argues about is not he', () => {
    const a = annotate(
      'Tom Hale spoke at noon. Bill Roe spoke later.\n\nHale’s been arguing for weeks that Roe isn’t ready for the job. “You simply have not done the work,” he said.',
    );
    expect(speakerName(a, quoteWith(a, 'done the work'))).toBe('Tom Hale');
  });

  it('a speech verb after an auxiliary is no inverted attribution of the name after it', () => {
    // "did not mention Roe": Roe is mentioned, not speaking; he stays the subject before the aside.
    const a = annotate(
      'Sen. Tom Hale and Sen. Bill Roe both ran in Iowa.\n\nHale, who spoke for an hour, did not mention Roe. “I am not going to take that money,” he said.',
    );
    expect(speakerName(a, quoteWith(a, 'take that money'))).toBe('Tom Hale');
  });

  it('a speech verb after “but” shares the clause subject: the name after it is reported, not speaking', () => {
    const a = annotate(
      'Tom Hale spoke first. “We will win,” Hale said.\n\nBill Roe argued that critics allowed the deficit to grow, but suggested Hale went too far. “Is that a mistake?” he asked.',
    );
    expect(speakerName(a, quoteWith(a, 'a mistake'))).toBe('Bill Roe');
  });

  it('a name in apposition to the subject (“his wife, Jane Hale, called”) is who she is next', () => {
    const a = annotate(
      'Tom Hale ran hard. Ann Lee backed him.\n\nOn the radio Tuesday, his wife, Jane Hale, called for an open primary. “Let everyone vote,” she said.',
    );
    expect(speakerName(a, quoteWith(a, 'everyone vote'))).toBe('Jane Hale');
  });

  it('right after a quote, a past-tense verb and a name ending the sentence is an inverted attribution', () => {
    const a = annotate(
      'Tom Hale spoke about the need to welcome migrants.\n\n“We owe them nothing,” reacted Ann Marsh. Earlier she was critical of Hale.',
    );
    expect(speakerName(a, quoteWith(a, 'owe them'))).toBe('Ann Marsh');
  });

  it('a phrasal verb that leads on to other words reports nothing', () => {
    // "went on to win" is no speech: the quote keeps the speaker of its own sentence.
    const a = annotate(
      'Ann Varga ran the campaign. “We will win Ohio,” Varga said at noon. Tom Hale went on to lose the state.\n\n“It was close,” he said.',
    );
    expect(speakerName(a, quoteWith(a, 'win Ohio'))).toBe('Ann Varga');
  });

  it('a paragraph ending in a colon introduces the quote below it', () => {
    // The cleaner types a short paragraph ending in a colon as a heading, whose names make no entities;
    // the attribution still finds the words that name the speaker.
    const a = annotate(
      'The session ran late.\n\nGov. Maria Lopez spoke on Monday for an hour. Lopez continued:\n\n“This bill will fail, and everyone in this room knows it.”',
    );
    expect(quoteWith(a, 'bill will fail').speakerText).toBe('Lopez');
  });

  it('an inverted attribution updates who “she” is', () => {
    const a = annotate(
      'Mrs. Grace Holm runs the shelter. “We are full,” Holm said.\n\n' +
        '“Rents will keep rising,” says economist Ann Lee, who studies the city’s housing.\n\n' +
        '“Nobody is building,” she says.',
    );
    expect(speakerName(a, quoteWith(a, 'Rents will'))).toBe('Ann Lee');
    expect(speakerName(a, quoteWith(a, 'Nobody is building'))).toBe('Ann Lee');
  });

  it('the subject of a reported clause does not become “she”', () => {
    const a = annotate(
      'Maria Roe leads the union. Roe said Ann Hale was ready to sign the deal.\n\n“We will not wait for the board,” she said.',
    );
    expect(speakerName(a, quoteWith(a, 'not wait'))).toBe('Maria Roe');
  });

  it('the subject of a later clause reported by the same verb does not become “she” either', () => {
    const a = annotate(
      'Maria Roe leads the union. Roe said on Friday that the vote was close while Ann Hale was away.\n\n“We will not wait for the board,” she said.',
    );
    expect(speakerName(a, quoteWith(a, 'not wait'))).toBe('Maria Roe');
  });

  it('a pronoun in a clause another person reports does not make its person of unknown gender the latest', () => {
    // Wynn is in no given-name list, so a "she" in what Ostrander reports went to Vellacott, who then
    // counted as the latest subject and took the "he" after the quote.
    const a = annotate(
      'Pollsters on both sides are watching the race closely.\n\n' +
        'Neil Ostrander, a pollster for one party, and Wynn Vellacott, a pollster for the other, studied the numbers for months.\n\n' +
        'Vellacott said the governor had fallen behind because he was new to the national stage. But Ostrander pointed out that the senator won voters back once before and argued she would manage it a second time. “There is room to improve,” he said.',
    );
    expect(speakerName(a, quoteWith(a, 'room to improve'))).toBe('Neil Ostrander');
  });

  it('a name whose aside runs on to the speech verb without a closing comma is the speaker', () => {
    const a = annotate(
      'Support for the mayor has slipped in recent weeks.\n\n' +
        '“Her numbers are soft everywhere outside the city.” Nora Pelletier, the analyst who runs the county survey tweeted on Wednesday.\n\n' +
        'The council met on Friday. “We will fight this in every ward,” Tom Ruiz, who is chairman of the Harbor Action Fund said in a statement.',
    );
    expect(speakerName(a, quoteWith(a, 'numbers are soft'))).toBe('Nora Pelletier');
    expect(speakerName(a, quoteWith(a, 'every ward'))).toBe('Tom Ruiz');
  });

  it('a relative aside’s own speech verb is no attribution of the quote before the name', () => {
    const a = annotate(
      'Tom Hale spoke first.\n\n“We need the money now,” Hale said. “Nobody else will pay.” Ann Lee, who said the fund was broke, left early.',
    );
    expect(speakerName(a, quoteWith(a, 'Nobody else'))).toBe('Tom Hale');
  });

  it('an inverted “reads” keeps its written subject when a place follows it', () => {
    const a = annotate(
      'Voters in his district are angry with Sen. Tom Hale over his silence.\n\n“A garden slug has more backbone than Sen. Tom Hale,” reads a Tuesday column in The Valley Ledger. Ann Lee, director of a local group, has accused Hale of cowardice.',
    );
    const q = quoteWith(a, 'more backbone');
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe('a Tuesday column');
  });

  it('a participle opening its own sentence (“Adding, …”) goes on with the speaker before it', () => {
    const a = annotate(
      'The host spoke with the senator on Friday.\n\nAfter the interview ended, Tom Hale said of the audit that the report “was not good.” Adding, “Nothing they do is ever that bad. It is always how they handle it.”',
    );
    expect(speakerName(a, quoteWith(a, 'ever that bad'))).toBe('Tom Hale');
  });

  it('a quote standing alone is the words of the person the text is about', () => {
    const a = annotate(
      'The vote is set for June.\n\nSen. Ann Lindqvist is upbeat about the bill, in part because she sees the votes there.\n\n“It will pass before the summer recess. Nobody doubts that now.”',
    );
    expect(speakerName(a, quoteWith(a, 'summer recess'))).toBe('Ann Lindqvist');
  });

  it('a verb’s subject before an aside still reports the clause after it', () => {
    const a = annotate(
      'Tom Hale spoke in Dayton. Hale, in Ohio, said on Tuesday that Ivan Petrov was “a total lightweight” while Peter Ross is a rival. However, he praised the mayor, calling him a “fine leader.”',
    );
    expect(speakerName(a, quoteWith(a, 'fine leader'))).toBe('Tom Hale');
  });

  it('a next sentence with its own object is no bare attribution of the quote', () => {
    const a = annotate(
      'Mayor Ann Lindqvist spoke on Monday. And she added that the next mayor “must keep that momentum going.”\n\nLindqvist’s rival, Sen. Tom Hale, also praised the budget.',
    );
    expect(speakerName(a, quoteWith(a, 'momentum going'))).toBe('Ann Lindqvist');
  });

  it('a speech verb sharing the clause subject speaks for it, not for the object before it', () => {
    const a = annotate(
      'The caucus met on Monday.\n\nRep. Tom Massey used to back his colleague Ivan Petrov, but now said the governor had “the chance to unite us all.”',
    );
    expect(speakerName(a, quoteWith(a, 'unite us'))).toBe('Tom Massey');
  });

  it('a bare attribution in the next paragraph is no attribution of the quote', () => {
    const a = annotate(
      'The town hall ran late.\n\n“The old ones,” Tom Hale asked. “Do we keep them or not?”\n\nThe crowd applauded.',
    );
    expect(speakerName(a, quoteWith(a, 'keep them'))).toBe('Tom Hale');
  });

  it('a passive speech verb names no speaker before it', () => {
    const a = annotate(
      'Sen. Tom Hale spoke in Dayton on Monday.\n\nHe says if people think the problems will be addressed by “the usual politics and the usual money,” they are wrong.',
    );
    expect(speakerName(a, quoteWith(a, 'usual politics'))).toBe('Tom Hale');
  });

  it('a fragment inside a clause someone reports is the reporter’s paraphrase', () => {
    const body = (quote: string) =>
      `The caucus met on Tuesday.\n\nRep. Tom Hale said Ann Lee urged the staff to stay “${quote}.”`;
    const a = annotate(body('firmly united'));
    expect(speakerName(a, quoteWith(a, 'united'))).toBe('Tom Hale');
    // A quote opening in capitals is the inner speaker's own sentence.
    const b = annotate(body('Firmly united'));
    expect(speakerName(b, quoteWith(b, 'united'))).toBe('Ann Lee');
    // After "while" the clause is no one's report: the fragment is its own subject's.
    const c = annotate(
      'The debate ran late.\n\nDana Roe said the plan was late, while Tom Hale said that the “stakes are too high” for a delay.',
    );
    expect(speakerName(c, quoteWith(c, 'stakes'))).toBe('Tom Hale');
  });

  it('a prepositional adjunct between a named subject and its verb is no speaker', () => {
    const a = annotate(
      'The vote is on Friday.\n\nTom Hale in his opening speech called the plan “reckless” and promised a new vote.',
    );
    expect(speakerName(a, quoteWith(a, 'reckless'))).toBe('Tom Hale');
    // The name is an object there, not the subject of "called".
    const b = annotate(
      'The vote is on Friday.\n\nVoters who met Tom Hale in the old market hall called the plan “reckless” on Monday.',
    );
    expect(speakerName(b, quoteWith(b, 'reckless'))).toBeNull();
  });

  it('a person telling reporters in the progressive (“was telling”) speaks', () => {
    const a = annotate(
      'Ann Lee was telling reporters on Monday that “nothing has changed, and nothing will.”',
    );
    const q = quoteWith(a, 'nothing has changed');
    expect(speakerName(a, q)).toBe('Ann Lee');
    expect(q.speakerRoute?.by).toBe('speech-verb');
  });

  it('a woman named as an object in the last paragraph beats one who was a subject long before', () => {
    const a = annotate(
      'Mrs. Carla Whitby chaired the board for years. Whitby retired in May.\n\nThe plan drew critics.\n\nTo political scientist Ann Lindqvist, the plan looked doomed.\n\n“It never had the votes,” she said.',
    );
    expect(speakerName(a, quoteWith(a, 'never had the votes'))).toBe('Ann Lindqvist');
  });

  it('a person of unknown gender who is the subject in the pronoun’s paragraph beats an earlier man', () => {
    const a = annotate(
      'Tom Hale argued for the bill on Monday. Hale said it would pass.\n\nThe vote was close.\n\nDr. Sunil Okafor gave money to both sides. Okafor was clearly buying access; indeed, he had once said of politicians, “when they need money, you give it.”',
    );
    expect(speakerName(a, quoteWith(a, 'need money'))).toBe('Sunil Okafor');
  });

  it('a name with a bracketed party before its verb is a clause subject', () => {
    const a = annotate(
      'Ann Hale chaired the hearing on Monday. Rep. Carla Dunn (D-Ohio) reacted to the ruling on Friday.\n\n“This is a victory for the town,” she said.',
    );
    expect(speakerName(a, quoteWith(a, 'victory'))).toBe('Carla Dunn');
  });

  it('a person words were just attributed to is who “he” means next, past an opening adjunct', () => {
    const a = annotate(
      'Tom Vance sold the boat last year.\n\n' +
        'In a statement released Thursday, Rep. Okello Dunn (D-Ohio) reacted to the sale, saying: “Vance should be in prison.”\n\n' +
        '“It should worry every voter in the county,” he added.',
    );
    expect(speakerName(a, quoteWith(a, 'in prison'))).toBe('Okello Dunn');
    expect(speakerName(a, quoteWith(a, 'every voter'))).toBe('Okello Dunn');
  });

  it('a person who spoke only as the agent after “by” does not take “he” from the clause subject', () => {
    const a = annotate(
      'Sen. Ann Lee and Tom Vance held a debate on Monday.\n\n' +
        'Vance was asked by moderator Okello Dunn whether his plan would risk “adding another costly program to the budget.”\n\n' +
        'But he made a slip.\n\n“The most important job I will ever have is being a parent,” he said.',
    );
    expect(speakerName(a, quoteWith(a, 'costly program'))).toBe('Okello Dunn');
    expect(speakerName(a, quoteWith(a, 'most important job'))).toBe('Tom Vance');
  });

  it('a speech verb after a relative aside has the subject before it: the name after it is its object', () => {
    const a = annotate(
      'Tom Vance won five states. Ted Oruz has captured two.\n\n' +
        'Vance, who has a big lead in delegates, mocked Marco Dell for “a rough evening” since he carried no county.\n\n' +
        'And he said that the call to “make the city whole again” was a weak slogan.',
    );
    expect(speakerName(a, quoteWith(a, 'rough evening'))).toBe('Tom Vance');
    expect(speakerName(a, quoteWith(a, 'whole again'))).toBe('Tom Vance');
  });

  it('the subject after a fronted “when” clause is no subject of the clause a verb inside it reports', () => {
    const a = annotate(
      'Ann Lee and the host Rita Dorn talked about health care on Monday.\n\n' +
        'When Dorn pointed out that Tom Vance calls it "care for all," Lee seized upon the phrase, repeating her line that the plan would hurt everyone. ' +
        '"Care for all means nothing once you hand it to the counties," she said.',
    );
    expect(speakerName(a, quoteWith(a, 'hand it to the counties'))).toBe('Ann Lee');
  });

  it('a participle after the object does not hand the quote to a name the subject phrase governs', () => {
    const a = annotate(
      'The audit came out on Monday.\n\n' +
        'A spokesman for Democratic mayoral candidate Ann Lee called a report suggesting donors were given better access “outrageous.”',
    );
    const q = quoteWith(a, 'outrageous');
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe('A spokesman for Democratic mayoral candidate Ann Lee');
  });

  it('joint speakers: the quote keeps one entity and its words name both', () => {
    const a = annotate(
      'Polls missed the result.\n\nWHY THE POLLS WERE LATE - Mark Roe and Jon Lee: “Although the polls failed to call it, they were not wrong.”\n\n' +
        'The navy is strong. Two military analysts, Peter Vance and Chris Hale, found in 2014 that the navy is “the finest of any nation” today.\n\n' +
        '“We are ready,” Ann Dorn and Tom Okafor said on Monday.',
    );
    expect(quoteWith(a, 'failed to call').speakerText).toBe('Mark Roe and Jon Lee');
    expect(quoteWith(a, 'finest of any').speakerText).toBe('Peter Vance and Chris Hale');
    const ready = quoteWith(a, 'We are ready');
    expect(ready.speakerText).toBe('Ann Dorn and Tom Okafor');
    expect(speakerName(a, ready)).toBe('Tom Okafor');
  });

  it('a name after “and” that opens a clause of its own is no joint speaker', () => {
    const a = annotate('Lee met Ann Roe and Tom Hale said “we are ready” on Monday.');
    expect(quoteWith(a, 'we are ready').speakerText).toBe('Tom Hale');
  });

  it('a quote paragraph signed off by a dash line below it is the signer’s', () => {
    const a = annotate(
      'The debate ran long.\n\n"Wages have not moved in forty years, and the rich got richer."\n\n- Tom Vance.\n\n' +
        'The senator is relying on an old figure.\n\n“Nobody on this street was asked about the plan.”\n\n–Ann Dorn, Marlow.\n\n' +
        '“The ferry runs late,” Rosa Tamm said.\n\n– Tom Vance, replying on the radio.',
    );
    const wages = quoteWith(a, 'Wages have not');
    expect(speakerName(a, wages)).toBe('Tom Vance');
    expect(wages.speakerRoute).toEqual({ by: 'sign-off', form: 'name' });
    expect(speakerName(a, quoteWith(a, 'Nobody on this street'))).toBe('Ann Dorn');
    expect(speakerName(a, quoteWith(a, 'ferry runs late'))).toBe('Rosa Tamm');
    expect(schemaErrors({ version: 1, articles: [a] })).toEqual([]);
  });

  it('a quote right after a bare attribution ending its sentence (“X said in a statement.”) is X’s', () => {
    const a = annotate(
      'The count went on for days.\n\n' +
        'Tom Vance, the spokesman for the county party said in a statement. “Every ballot has been counted twice. The vote was a single event.”\n\n' +
        'Ann Dorn spoke next. Lee said Hale was right. “We will win the county.”',
    );
    const ballots = quoteWith(a, 'counted twice');
    expect(speakerName(a, ballots)).toBe('Tom Vance');
    expect(ballots.speakerRoute?.by).toBe('colon-intro');
    expect(quoteWith(a, 'win the county').speakerRoute?.by).not.toBe('colon-intro');
  });

  it('a quote completing a named person’s act of speech (“Hale’s claim that …”) is that person’s', () => {
    const a = annotate(
      'Gov. Ann Dorn on Thursday blamed the press for making a story out of Tom Hale’s claim that the mayor “started the gang,” saying they missed the point.\n\n' +
        'The worries go beyond Hale’s controversial pledge to be “fair to both sides.”\n\n' +
        'Rosa Tamm called Hale’s remarks “childish and cheap.”',
    );
    expect(speakerName(a, quoteWith(a, 'started the gang'))).toBe('Tom Hale');
    expect(speakerName(a, quoteWith(a, 'fair to both'))).toBe('Tom Hale');
    expect(speakerName(a, quoteWith(a, 'childish'))).toBe('Rosa Tamm');
  });

  it('a verdict after “as” (“rejected the plan as “…””) is the verb’s subject’s, speech verb or not', () => {
    const a = annotate(
      'Ann Lee proposed a debate on Monday, but the Hale campaign rejected the plan as “silly” owing to the match.\n\n' +
        'Mayor Tom Vance defended his budget chief as a “very careful man” on Friday.\n\n' +
        'Rosa Tamm wrote that even if her rivals see Vance as “reckless and vain,” the town should wait.\n\n' +
        'He is known in town as a “fixer” today.',
    );
    expect(quoteWith(a, 'silly').speakerText).toBe('the Hale campaign');
    expect(speakerName(a, quoteWith(a, 'careful man'))).toBe('Tom Vance');
    expect(speakerName(a, quoteWith(a, 'reckless and vain'))).toBe('Rosa Tamm');
    expect(quoteWith(a, 'fixer').kind).toBe('scare');
  });

  it('a continuation paragraph inherits the speaker, but not a missing one', () => {
    const a = annotate(
      '“The bridge will open in May,” said Rosa Tamm, the city engineer.\n\n' +
        '“After that, the ferry stops.”\n\n' +
        'The plan drew criticism.\n\n' +
        '“It is a disaster for the harbour.”\n\n' +
        '“And nobody listened.”',
    );
    expect(speakerName(a, quoteWith(a, 'ferry stops'))).toBe('Rosa Tamm');
    expect(quoteWith(a, 'a disaster').speaker).toBeNull();
    expect(quoteWith(a, 'nobody listened').speaker).toBeNull();
  });
});

describe('speakers that are no named person', () => {
  it.each([
    [
      'an unnamed spokeswoman after the quote',
      'Guests were moved to other hotels.\n\n“We regret the inconvenience,” a spokeswoman for the hotel chain said.',
      'regret the',
      'a spokeswoman for the hotel chain',
    ],
    [
      'an inverted unnamed speaker',
      'The strike entered its third day.\n\n“Talks are continuing,” said a spokesman for the port authority.',
      'Talks are',
      'a spokesman for the port authority',
    ],
    [
      'the company said',
      'Prices rose again.\n\n“Costs have doubled,” the company said.',
      'Costs have',
      'the company',
    ],
    [
      'officials before the quote',
      'The vote was delayed. Party officials said on Sunday: “The count will be finished by Monday.”',
      'The count',
      'Party officials',
    ],
    [
      'according to an organisation',
      'Inflation slowed in March. According to the ministry, “the worst is behind us.”',
      'the worst',
      'the ministry',
    ],
    [
      'a spokesman for a named person speaks for him',
      'Gov. John Varga toured the site on Monday.\n\n“The governor is committed to the plan,” a spokesman for John Varga said.',
      'is committed',
      'a spokesman for John Varga',
    ],
    [
      'an inverted adviser of a named person',
      'Gov. John Varga toured the site on Monday.\n\n“We expect a close race,” said a senior Varga adviser.',
      'close race',
      'a senior Varga adviser',
    ],
    [
      'an inverted description with a relative clause',
      'The deadline is close.\n\n“It will be hard to do in a month,” said a veteran party data analyst who has worked for a rival.',
      'hard to do',
      'a veteran party data analyst',
    ],
    [
      'an inverted age standing for the person',
      'The model gave a speech on Monday.\n\n“He has always been a good man,” said the 52-year-old.',
      'good man',
      'the 52-year-old',
    ],
    [
      'an age standing for the person before the verb',
      'The crowd waited in the rain.\n\n“We will win,” the 46-year-old said.',
      'We will win',
      'the 46-year-old',
    ],
    [
      'a spokeswoman for a titled named person',
      'BOSTON (UPI) — A spokeswoman for the mayoral candidate Ann Lee called a report about the donors “outrageous.”',
      'outrageous',
      'A spokeswoman for the mayoral candidate Ann Lee',
    ],
    [
      'a participle after the people a speech verb addresses',
      'It was unclear what came next. The Ohio senator emailed supporters saying: “The fight goes on.”',
      'fight goes on',
      'The Ohio senator',
    ],
    [
      'an inverted head noun the tagger reads as an adjective',
      'According to the clerk, the report is false.\n\n“No one ever gave a signal to stop,” said the depot chief known as Sal.',
      'signal to stop',
      'the depot chief',
    ],
    [
      'a speech verb in -ing after “are” is progressive, not passive: its subject speaks',
      'The council meets on Friday.\n\nBackers of the mayor are warning of “dark days” ahead.',
      'dark days',
      'Backers of the mayor',
    ],
    [
      'a progressive participle has its own subject, not the subject of the clause before “but”',
      'The count is not over, but the Lee campaign is already boasting of a win in the “rural race.”',
      'rural race',
      'the Lee campaign',
    ],
    [
      'a written thing that “read” the quote, closing the sentence after it',
      'The campaign wrote to donors on Monday.\n\n“Friend, let me be blunt. We can win this,” the email read. It asked for money.',
      'let me be blunt',
      'the email',
    ],
    [
      'an inverted “read” with a pronoun-like “one”',
      'Planes flew over the parade on Friday.\n\n“The mayor is a fraud,” read one.',
      'mayor is a fraud',
      'one',
    ],
    [
      'a clause subject that is no person before an infinitive speech verb',
      'The group wrote to its members.\n\nThe email went on to say, “Today we are closing the office.”',
      'closing the office',
      'The email',
    ],
    [
      'a capitalised noun of time that ends a name is no time adjunct',
      'Readers wrote in on Friday.\n\n“He is the less welcome guest,” the Harbour Times wrote.',
      'less welcome guest',
      'the Harbour Times',
    ],
    [
      'a capitalised word the tagger reads as a verb goes on with the name before it',
      'Readers wrote in on Friday.\n\nThe Miami Herald said the plan was “a mess.”',
      'a mess',
      'The Miami Herald',
    ],
    [
      'an inverted description with a reduced relative after its head',
      'The budget fight goes on.\n\n“It will cost the town millions,” said one official involved in the talks, who asked not to be named.',
      'cost the town',
      'one official involved in the talks',
    ],
    [
      'the continuation of an inverted description with a reduced relative',
      'The budget fight goes on.\n\n“It will cost the town millions,” said one official involved in the talks, who asked not to be named. “Nobody wants to say so.”',
      'Nobody wants',
      'one official involved in the talks',
    ],
    [
      'an inverted description cut short by a quoted title ends at its head',
      'The party studied its losses.\n\n“We must listen to young voters,” wrote the authors of the “Harbour Review,” citing the last race.',
      'young voters',
      'the authors',
    ],
    [
      'a participle the tagger reads as a verb inside an inverted description',
      'Delegates arrived on Sunday.\n\n“Vote for the whole list,” said the printed campaign card.',
      'whole list',
      'the printed campaign card',
    ],
    [
      'a source named by “according to” after the quote',
      'The harbour plan was criticised.\n\n“The files include the donors’ names,” according to the Coastal Records Trust.',
      'donors’ names',
      'the Coastal Records Trust',
    ],
    [
      'a determiner standing for its noun is the subject before the verb',
      'Readers wrote in all week. One praised the mayor.\n\nAnother posted, “The mayor thinks she is above the law.”',
      'above the law',
      'Another',
    ],
    [
      'a pronoun after the verb is a whole phrase, not the start of a longer one',
      'Readers wrote in all week. One praised the mayor.\n\nAnother said he prayed with his “whole soul” that the mayor loses: “Then we can laugh for years.”',
      'laugh for years',
      'Another',
    ],
    [
      'a parenthetical attribution inside the quoted sentence is its speaker, not the name before it',
      'The polls moved this week.\n\nAnn Lee, a senior aide said, “is very sure of the contrast” with the mayor.',
      'very sure',
      'a senior aide',
    ],
    [
      'a participle aside naming someone is no apposition of the subject',
      'Crowds marched downtown.\n\nOthers, angry at the delay before the Van Dorn video, shouted, “Stop the cover-up!”',
      'Stop the cover-up',
      'Others',
    ],
    [
      'a person the subject works for, inside the aside, is not the subject',
      'Republicans accused the mayor.\n\nThe agency, a contractor for House Speaker Paul Rayner, said, “Instead of calming the town, the mayor played politics.”',
      'calming the town',
      'The agency',
    ],
    [
      'a relative clause between the subject and its verb',
      'The budget fight went on.\n\nA city hall aide who would talk only unnamed about the budget said Wednesday, “There are talks with the union.”',
      'talks with the union',
      'A city hall aide',
    ],
    [
      'a participle clause between the subject and its verb',
      'The talks went on.\n\nAnother port source speaking to Harbour News said, “The agents are looking at the deals.”',
      'looking at the deals',
      'Another port source',
    ],
    [
      'a past participle with its agent between the subject and its verb',
      'The guild complained twice.\n\nA letter from the guild obtained by the Harbour Press warns that “any further talk will go through our lawyer.”',
      'further talk',
      'A letter from the guild',
    ],
    [
      'a participle after the people a message goes to shares the clause subject',
      'The mayor spoke on Monday.\n\nHer campaign quickly sent out an email to supporters stating, “The speaker joins a long list of critics.”',
      'long list of critics',
      'Her campaign',
    ],
    [
      'a phrase opening an absolute phrase after “with” is its participle’s subject',
      'Rick Sand turned on Hale, with the team of the retired governor from Ohio saying Hale was “no true conservative.”',
      'true conservative',
      'the team of the retired governor from Ohio',
    ],
  ])('%s', (_shape, body, words, speakerText) => {
    const a = annotate(body);
    const q = quoteWith(a, words);
    expect(q.speakerText).toBe(speakerText);
    expect(q.speaker === null || a.entities.find((e) => e.id === q.speaker)?.kind !== 'person').toBe(true);
  });
});

describe('scare quotes', () => {
  it('a so-called phrase is marked scare and has no speaker', () => {
    const a = annotate('Governor Bill Dorsey signed the so-called “reform” on Friday.');
    const q = quoteWith(a, 'reform');
    expect(q.kind).toBe('scare');
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBeNull();
  });

  it('a short quoted phrase in a sentence with no speech verb is a scare quote', () => {
    const a = annotate('Mayor Ines Berg unveiled her “green corridor” plan at the town hall.');
    expect(quoteWith(a, 'green corridor').kind).toBe('scare');
  });

  it('a short quoted phrase with a speech verb is speech, not a scare quote', () => {
    const a = annotate('Mayor Ines Berg called the plan “a costly mistake” on Monday.');
    const q = quoteWith(a, 'costly mistake');
    expect(q.kind).toBeUndefined();
    expect(speakerName(a, q)).toBe('Ines Berg');
  });

  it('a full quoted sentence is never a scare quote', () => {
    const a = annotate('“No.” That was all Ines Berg would say.');
    expect(quoteWith(a, 'No').kind).toBeUndefined();
  });
});

describe('where the quote ends', () => {
  it('a nested quote and a space before the closing mark do not hide the attribution', () => {
    const a = annotate(
      'The fair went on late.\n\n"They talk about it like, \'Wow, so new,\' " Lena Toft said at the fair. "It is not."',
    );
    expect(speakerName(a, quoteWith(a, 'They talk about'))).toBe('Lena Toft');
  });
});

describe('a bracket after the name', () => {
  it('a bracketed party and state between the name and the verb belongs to the name', () => {
    const a = annotate('Sen. Tom Hale spoke. “We will win this,” Sen. Ann Lee (D-Ohio) said on Friday.');
    expect(speakerName(a, quoteWith(a, 'win this'))).toBe('Ann Lee');
  });
});

describe('a doubled closing mark', () => {
  it('a stray second closing mark before the attribution is skipped', () => {
    const a = annotate('Sen. Tom Hale spoke. “We will win this”,” Ann Lee said on Friday.');
    expect(speakerName(a, quoteWith(a, 'win this'))).toBe('Ann Lee');
  });
});

describe('an inverted attribution whose surname the tagger reads as a verb', () => {
  it.each([
    ['“We will rebuild the pier,” said Harbor City Mayor Ted Guardian in a call.', 'Ted Guardian'],
    ['“We will rebuild the pier,” said Paul Ward Linden, a local banker.', 'Paul Ward Linden'],
  ])('%s', (text, speaker) => {
    const a = annotate(text);
    expect(speakerName(a, quoteWith(a, 'rebuild the pier'))).toBe(speaker);
  });
});

describe('who he or she is', () => {
  it('a name after a preposition is no subject, even with a verb after it', () => {
    const a = annotate(
      'Tom Hale spoke on Friday. A letter from Peter Kors arrived later that day. “Come on, one second,” he said.',
    );
    expect(speakerName(a, quoteWith(a, 'one second'))).toBe('Tom Hale');
  });

  it('the subject that opens a paragraph is who he is, even when its gender is unknown', () => {
    const a = annotate(
      'Senator Tom Hale spoke at the rally on Friday.\n\nSenator Kerrin Lind is drawing sharp contrasts with Hale on taxes.\n\n“We differ on almost everything,” he said.',
    );
    expect(speakerName(a, quoteWith(a, 'almost everything'))).toBe('Kerrin Lind');
  });

  it('"he said Roe" is no inverted attribution of Roe', () => {
    const a = annotate(
      'Senator Paul Roe spoke first. Governor Tom Hale followed him. Asked who leads the party, he said Roe. “I would say Paul for now,” he said.',
    );
    expect(speakerName(a, quoteWith(a, 'Paul for now'))).toBe('Tom Hale');
  });

  it.each([
    [
      'The kindest summary of him came from classmate Kerrin Osei, who made me grin.\n\n“Fearless,” she said.',
      'Fearless',
      'Kerrin Osei',
    ],
    [
      'Most voters asked agree.\n\nJaylo Merrit, 19, from Pine County, Iowa, objects. “That goes much too far,” he says.',
      'goes much too far',
      'Jaylo Merrit',
    ],
  ])(
    'with no subject of that gender yet, he/she is the person of unknown gender named last: %s',
    (text, words, who) => {
      const a = annotate(text);
      expect(speakerName(a, quoteWith(a, words))).toBe(who);
    },
  );

  it.each([
    [
      'Carl Ward has argued for days now that Tim Ortiz is not fit for the job.\n\n“You have never been vetted,” he said.',
      'never been vetted',
    ],
    [
      'Carl Ward threw the charge back at the paper, pointing out that its columnist Tim Ortiz had written the same in May.\n\n“Guess not,” he said.',
      'Guess not',
    ],
  ])('the subject of a clause after "that" is talked about, not who he is next: %s', (text, words) => {
    const a = annotate(text);
    expect(speakerName(a, quoteWith(a, words))).toBe('Carl Ward');
  });
});

describe('quoted names, titles and embed fields are no quotes', () => {
  it('a quoted title of a work in a sentence where no one speaks is no quote', () => {
    const a = annotate('Senator Ann Vale appeared on “Talk of the Valley” and later on “Morning Desk.”');
    expect(a.quotes.map((q) => q.text)).toEqual([]);
  });

  it('a quoted title in a sentence with a speech verb stays a quote', () => {
    const a = annotate('Senator Ann Vale said her rival wanted “Peace for the Valley” at any price.');
    expect(a.quotes.map((q) => q.text)).toEqual(['Peace for the Valley']);
  });

  it('a quoted title after a preposition or possessive names a show even where someone speaks', () => {
    const a = annotate(
      'The senator spoke at length.\n\n“I expect to be questioned,” Senator Ann Vale said on “Hour of the Morning.” She repeated it on the network’s “Day at the Desk,” later.',
    );
    expect(a.quotes.map((q) => q.text)).toEqual(['I expect to be questioned,']);
  });

  it('an ampersand joins the words of a title', () => {
    const a = annotate('The family watched “Hearth & Home” every night that winter.');
    expect(a.quotes).toEqual([]);
  });

  it('a markup attribute’s value is no quote', () => {
    const a = annotate(
      'The tweet spread fast. <tweet author="newsdesk" time="noon">The bridge is closed to all traffic tonight.</tweet> Drivers were angry about it.',
    );
    expect(a.quotes.map((q) => q.text)).toEqual([]);
  });

  it('a one-word cry or question is no title', () => {
    const a = annotate('The crowd at the rally for Ann Vale chanted “Louder!” and the band played on.');
    expect(a.quotes.map((q) => q.text)).toEqual(['Louder!']);
  });

  it('a curly quote closed by a straight mark ends there', () => {
    const a = annotate('“We will win the vote," Ann Vale said. "We always do.”');
    expect(a.quotes.map((q) => q.text)).toEqual(['We will win the vote,', 'We always do.']);
    expect(a.quotes.map((q) => speakerName(a, q))).toEqual(['Ann Vale', 'Ann Vale']);
  });

  it('a bare handle, number or date from an embedded post is no quote', () => {
    const a = annotate(
      'Ann Vale posted a photo of the flood.\n\n“@valleynews” “1448038800” “March 4, 2016”\n\nThe water fell by noon.',
    );
    expect(a.quotes).toEqual([]);
  });
});

describe('the record a quote is known through', () => {
  it.each([
    [
      'according to, after the attribution, and the next quote of the paragraph keeps it',
      'Tom Hale sent a message to his delegates.\n\n“Do not protest on the floor,” Hale said, according to a pool report. “It is of great importance.”',
      ['protest on the floor', 'great importance'],
      'a pool report',
    ],
    [
      'an inverted reporting verb after the speaker',
      '“Your kind is not wanted here,” said Mara Quinn, head of a club, reports the Valley Post.',
      ['not wanted here'],
      'the Valley Post',
    ],
    [
      'according to, opening the sentence',
      'According to the Ledger, Ann Lee praised the plan and said it “will work for every family.”',
      ['will work'],
      'the Ledger',
    ],
    [
      'according to a record with a capitalised participle in its name',
      'Tom Hale wrote to his delegates.\n\n“Each delegate may vote as he sees fit,” Hale said, according to an Associated Harbour Press report.',
      ['as he sees fit'],
      'an Associated Harbour Press report',
    ],
  ])('%s', (_shape, body, quotes, via) => {
    const a = annotate(body);
    for (const words of quotes) {
      const q = quoteWith(a, words);
      expect(q.via).toBe(via);
      expect(speakerName(a, q)).not.toBeNull();
    }
    expect(schemaErrors({ version: 1, articles: [a] })).toEqual([]);
  });

  it('a reporting record closing a sentence whose clause has its own speech verb is the via, not the speaker', () => {
    const a = annotate(
      'Talks were planned for the spring. While spokesman Dmitri Orlov said the venue was not chosen, he agreed that the capital would be “the best place for talks” as it was the country’s “closest partner”, the state agency Newswire reported on Monday.',
    );
    const q = quoteWith(a, 'best place');
    expect(speakerName(a, q)).toBe('Dmitri Orlov');
    expect(q.via).toBe('the state agency Newswire');
  });

  it('a quote with no record named has no via', () => {
    const a = annotate('Tom Hale spoke.\n\n“We will win,” Hale said.');
    expect(quoteWith(a, 'We will win').via).toBeUndefined();
  });
});

describe('scare quotes in the annotation schema', () => {
  it('an article with a scare quote validates, and an unknown kind does not', () => {
    const a = annotate('Governor Bill Dorsey signed the so-called “reform” on Friday.');
    expect(schemaErrors({ version: 1, articles: [a] })).toEqual([]);
    const bad = { ...a, quotes: a.quotes.map((q) => ({ ...q, kind: 'sarcasm' })) };
    expect(schemaErrors({ version: 1, articles: [bad] })).not.toEqual([]);
  });
});

describe('speech-verb lexicon (VerbNet communication classes)', () => {
  it.each([
    'implored',
    'fumed',
    'emailed',
    'gushed',
    'quipped',
    'begged',
    'bemoaned',
    'slammed',
    'texted',
    'swore',
  ])('%s is a speech verb', (verb) => expect(isSpeechVerb(verb)).toBe(true));
  it.each(['walked', 'built', 'sang', 'ate'])('%s is not', (verb) => expect(isSpeechVerb(verb)).toBe(false));
});

describe('PolNeAR scorer keys', () => {
  const article = (text: string, attributions: PolnearArticle['attributions']): PolnearArticle => ({
    id: 'x',
    outlet: 'o',
    published: '2020-01-01',
    title: 't',
    text,
    attributions,
  });
  const span = (text: string, part: string) => {
    const start = text.indexOf(part);
    return { start, end: start + part.length, text: part };
  };

  it('a name before an appositive is a name, keyed by the surname', () => {
    expect(sourceType('Lee, the state’s governor,')).toBe('name');
    const text = '“We will rebuild,” Ann Lee, the state’s governor, said.';
    const [q] = goldQuotes(
      article(text, [
        {
          id: 'a',
          source: span(text, 'Ann Lee, the state’s governor,'),
          cue: null,
          content: span(text, 'We will rebuild,'),
          direct: true,
        },
      ]),
    );
    expect(q?.keys).toEqual(['lee']);
  });

  it('a title of office before the name and a bracketed party do not key the source', () => {
    const text = '“Enough,” said Secretary of State Ann Lee. “More,” said Sen. Tom Hale (D-Ore.).';
    const qs = goldQuotes(
      article(text, [
        {
          id: 'a',
          source: span(text, 'Secretary of State Ann Lee'),
          cue: null,
          content: span(text, 'Enough'),
          direct: true,
        },
        {
          id: 'b',
          source: span(text, 'Sen. Tom Hale (D-Ore.)'),
          cue: null,
          content: span(text, 'More'),
          direct: true,
        },
      ]),
    );
    expect(qs.map((q) => q.key)).toEqual(['lee', 'hale']);
  });

  it('a description naming the person in apposition or after a title is a name', () => {
    expect(sourceType('The head of the tenants’ league, Jane Roe,')).toBe('name');
    expect(sourceType('former secretary of state Ann Lee')).toBe('name');
    // The spokesman speaks for the candidate: still a description.
    expect(sourceType('a spokesman for presidential candidate Ann Lee')).toBe('description');
    const text = '“We will rebuild,” said former secretary of state Ann Lee.';
    const [q] = goldQuotes(
      article(text, [
        {
          id: 'a',
          source: span(text, 'former secretary of state Ann Lee'),
          cue: span(text, 'said'),
          content: span(text, 'We will rebuild,'),
          direct: true,
        },
      ]),
    );
    expect(q?.keys).toEqual(['lee']);
  });

  it('“he” is a named source who opens a later sentence as its subject, not the source named before', () => {
    const text =
      '“The bridge must close,” Ann Lee said.\nHale disagreed with Dr. Lee on the data.\n“It will stand for decades,” he said.\nIn a report, engineer Tom Hale wrote that it “will stand.”';
    const he = text.lastIndexOf('he said');
    const attributions = [
      {
        id: 'a',
        source: span(text, 'Ann Lee'),
        cue: null,
        content: span(text, 'The bridge must close,'),
        direct: true,
      },
      {
        id: 'b',
        source: { start: he, end: he + 2, text: 'he' },
        cue: null,
        content: span(text, 'It will stand for decades,'),
        direct: true,
      },
      {
        id: 'c',
        source: span(text, 'engineer Tom Hale'),
        cue: null,
        content: span(text, 'will stand.'),
        direct: true,
      },
    ];
    const quote = (qs: ReturnType<typeof goldQuotes>) => qs.find((q) => q.text.includes('decades'));
    // "Hale disagreed …" opens a sentence (Hale is a source named in full later); "Lee" after the title's
    // full stop in "with Dr. Lee" opens none.
    expect(quote(goldQuotes(article(text, attributions)))?.key).toBe('hale');
    // Before: the last named source span before the pronoun, Lee.
    expect(quote(goldQuotes(article(text, attributions), { sentenceSubjects: false }))?.key).toBe('lee');
  });

  it('a sentence opened inside someone’s quote, or by a place, is no subject for “he”', () => {
    const text =
      '“Hale is wrong,” Ann Lee said.\nTom Hale spoke next. The Zorvan Republic paid for it. “It is done. Lee knows it,” he said.\nLater, the Zorvan Republic said it would pay.';
    const he = text.lastIndexOf('he said');
    const qs = goldQuotes(
      article(text, [
        {
          id: 'a',
          source: span(text, 'Ann Lee'),
          cue: null,
          content: span(text, 'Hale is wrong,'),
          direct: true,
        },
        {
          id: 'b',
          source: span(text, 'Tom Hale'),
          cue: null,
          content: span(text, 'spoke next'),
          direct: false,
        },
        {
          id: 'c',
          source: { start: he, end: he + 2, text: 'he' },
          cue: null,
          content: span(text, 'It is done. Lee knows it,'),
          direct: true,
        },
        {
          id: 'd',
          source: span(text, 'the Zorvan Republic'),
          cue: null,
          content: span(text, 'it would pay'),
          direct: false,
        },
      ]),
    );
    expect(qs.find((q) => q.text.includes('knows'))?.key).toBe('hale');
  });

  it('a hyphenated or apostrophised surname matches the speaker’s words split the same way', () => {
    const said = new Set(['carla', 'mendez', 'ruiz', 'o', 'hara']);
    expect(keyIn('mendez-ruiz', said)).toBe(true);
    expect(keyIn('o’hara', said)).toBe(true);
    expect(keyIn('mendez-lopez', said)).toBe(false);
  });

  it('a possessive or article opening an organisation source is not its key', () => {
    const text = 'Tom Hale spoke. His office issued a short note saying “we will appeal.”';
    const qs = goldQuotes(
      article(text, [
        {
          id: 'a',
          source: span(text, 'His office'),
          cue: span(text, 'issued a short note saying'),
          content: span(text, 'we will appeal.'),
          direct: true,
        },
      ]),
    );
    expect(qs[0]?.keys).toEqual(['office']);
  });

  it('a source and cue swapped by the annotator key the cue', () => {
    const text = '“It is absurd,” Tom Hale said in a written reply.';
    const [q] = goldQuotes(
      article(text, [
        {
          id: 'a',
          source: span(text, 'said in a written reply'),
          cue: span(text, 'Tom Hale'),
          content: span(text, 'It is absurd,'),
          direct: true,
        },
      ]),
    );
    expect(q?.keys).toEqual(['hale']);
  });

  it('a first-person source accepts the speaker “I” as well as the last named source', () => {
    const text = 'Tom Hale argued. “I am not afraid,” I said.';
    const qs = goldQuotes(
      article(text, [
        { id: 'a', source: span(text, 'Tom Hale'), cue: null, content: span(text, 'argued'), direct: false },
        {
          id: 'b',
          source: { start: text.lastIndexOf('I said'), end: text.lastIndexOf('I said') + 1, text: 'I' },
          cue: null,
          content: span(text, 'I am not afraid,'),
          direct: true,
        },
      ]),
    );
    expect(qs[0]?.keys).toEqual(['hale', 'i']);
  });

  it('a relative pronoun is resolved like a personal one', () => {
    const text = 'Tom Hale, who once said “never again,” spoke.';
    const qs = goldQuotes(
      article(text, [
        { id: 'a', source: span(text, 'Tom Hale'), cue: null, content: span(text, 'spoke'), direct: false },
        { id: 'b', source: span(text, 'who'), cue: null, content: span(text, 'never again,'), direct: true },
      ]),
    );
    expect(qs[0]?.sourceType).toBe('pronoun');
    expect(qs[0]?.key).toBe('hale');
  });

  it('a definite description accepts its head noun as well as the last named source', () => {
    const text = 'Tom Hale argued the case. “Overruled,” the judge said.';
    const qs = goldQuotes(
      article(text, [
        {
          id: 'a',
          source: span(text, 'Tom Hale'),
          cue: null,
          content: span(text, 'argued the case'),
          direct: false,
        },
        {
          id: 'b',
          source: span(text, 'the judge'),
          cue: null,
          content: span(text, 'Overruled'),
          direct: true,
        },
      ]),
    );
    expect(qs[0]?.keys).toEqual(['hale', 'judge']);
  });
});

describe('a surname that is also an ordinary word, right after the quote (helper spk11)', () => {
  it.each([
    [
      'read as an auxiliary ("Will wrote")',
      'The board of the rowing club met on Monday. Tom Will chairs it, and Ana Ruiz runs the boathouse.\n\n"The boathouse roof is a disgrace," Will wrote in a letter to members.',
      'boathouse roof',
      'Tom Will',
    ],
    [
      'read as an auxiliary after a curly closing quote',
      'The board of the rowing club met on Monday. Tom Will chairs it, and Ana Ruiz runs the boathouse.\n\n“The boathouse roof is a disgrace,” Will wrote in a letter to members.',
      'boathouse roof',
      'Tom Will',
    ],
    [
      'read as an adjective after a straight closing quote ("Young told")',
      'Councillor Ann Young left the hall early.\n\n"I have nothing more to add on the ferry contract," Young told reporters outside.',
      'ferry contract',
      'Ann Young',
    ],
  ])('%s', (_shape, body, words, speaker) => {
    const a = annotate(body);
    expect(speakerName(a, quoteWith(a, words))).toBe(speaker);
  });

  it('an auxiliary after a name in lower case stays an auxiliary ("Lee will say")', () => {
    const a = annotate('Ana Lee spoke to the press. "The vote is lost," Lee will say to anyone who asks.');
    expect(speakerName(a, quoteWith(a, 'vote is lost'))).toBe('Ana Lee');
  });
});

describe('a name inside a participle phrase is no subject for he/she (helper spk12)', () => {
  it.each([
    [
      'the object of an "-ing" speech verb is no inverted speaker ("…, thanking chairman X and …")',
      'Senator Paul Ostrow spoke in Denver.\n\nOstrow played the gracious victor, thanking county treasurer Tom Adair and praising the rivals he had beaten. “Enough of the speeches,” he said.',
      'Enough of the speeches',
      'Paul Ostrow',
    ],
    [
      'a relative aside followed by a bare participle ("rivals X and Y, who are …, prompting jeers")',
      'Senator Paul Ostrow is greeting voters in Denver.\n\nOstrow also sent his greetings to rivals Karl Brenner and Tom Adair, who are tied in the runoff, prompting loud jeers in the hall. “Hold on, please, hold on,” he urged them.',
      'Hold on, please',
      'Paul Ostrow',
    ],
  ])('%s', (_shape, body, words, speaker) => {
    const a = annotate(body);
    expect(speakerName(a, quoteWith(a, words))).toBe(speaker);
  });

  it('an aside and a participle before the verb keep the subject ("Lee, the mayor, speaking at …, said")', () => {
    const a = annotate(
      'Tom Adair ran the meeting. Ana Lee, the mayor, speaking at the harbour, said the ferry would stay. “We keep it,” she said.',
    );
    expect(speakerName(a, quoteWith(a, 'We keep it'))).toBe('Ana Lee');
  });
});

describe('a question or exclamation a speech verb introduces (helper spk12)', () => {
  it.each([
    [
      'after a colon, the next sentence is not its attribution',
      'Ana Lee was grilled about the fire. Lee, visibly annoyed, replied: “Why does the cause matter now?” Her rivals quoted it for weeks.',
      'Why does the cause',
      'Ana Lee',
    ],
    [
      'after a comma, likewise',
      'Tom Adair met his old rival on the pier. Adair turned to Ruth Ames and asked, “Why now, after all these years?” Ames told him nothing.',
      'Why now',
      'Tom Adair',
    ],
  ])('%s', (_shape, body, words, speaker) => {
    const a = annotate(body);
    expect(speakerName(a, quoteWith(a, words))).toBe(speaker);
  });

  it('with no speech verb before it, the next sentence still attributes it ("“Why wait?” Hale told …")', () => {
    const a = annotate(
      'The ferry was late again. “Why wait for another winter?” Tom Hale told the radio station.',
    );
    expect(speakerName(a, quoteWith(a, 'another winter'))).toBe('Tom Hale');
  });
});

describe('an inverted description with a relative clause after it (helper spk12)', () => {
  it('"said one retired clerk, who said he …" keeps the description, not whom "he" resolves to', () => {
    const a = annotate(
      'Staff who worked for Tom Adair are wary of talking.\n\n"I won\'t risk a fight with Adair," said one retired office clerk, who said he quit on friendly terms. "I cannot pay for a court case."',
    );
    const q = quoteWith(a, 'risk a fight');
    expect(speakerName(a, q)).toBeNull();
    expect(q.speakerText).toBe('one retired office clerk');
  });

  it('a name in apposition after the comma is still the speaker ("said a spokeswoman for the port, Jane Roe")', () => {
    const a = annotate(
      'Tom Adair runs the port. “The cranes stay,” said a spokeswoman for the port, Jane Roe.',
    );
    expect(speakerName(a, quoteWith(a, 'cranes stay'))).toBe('Jane Roe');
  });
});

describe('an adjective phrase after the head of a described speaker (helper spk12)', () => {
  it.each([
    [
      'a possessive inside the phrase ("one official familiar with X’s thinking said")',
      'Tom Adair met party leaders on Friday.\n\nOne official familiar with Adair’s thinking said, “He will court the farm vote first.”',
      'farm vote',
      'One official familiar with Adair’s thinking',
    ],
    [
      'a name after the preposition ("an aide close to X said")',
      'Tom Adair met party leaders on Friday.\n\nAn aide close to Adair said, “He wants a deal before the summer.”',
      'before the summer',
      'An aide close to Adair',
    ],
  ])('%s', (_shape, body, words, speakerText) => {
    const a = annotate(body);
    const q = quoteWith(a, words);
    expect(speakerName(a, q)).toBeNull();
    expect(q.speakerText).toBe(speakerText);
  });
});

describe('a name after a speech verb with a verb of its own opens the reported clause (helper spk12)', () => {
  it.each([
    [
      'the subject before an aside ("The lawyer, X, said Y was …. He said …")',
      'The lawyer for the firm, Alan Marsh, said Peter Dunlow was "chasing attention with invented stories." He said Dunlow had signed a contract that is "normal for every big company."',
      'normal for every',
      'Alan Marsh',
    ],
    [
      'an appositive before the verb ("X, the chairman, said Y keeps …. “…,” he said")',
      'Brian Moffat, the chairman of the county party, said Tom Adair keeps damaging his own chances by feuding with the senator. "It is not helping him here," he said.',
      'not helping him',
      'Brian Moffat',
    ],
  ])('%s', (_shape, body, words, speaker) => {
    const a = annotate(body);
    expect(speakerName(a, quoteWith(a, words))).toBe(speaker);
  });

  it('an inverted name still speaks ("“…,” said Tom Dunlow, the lawyer.")', () => {
    const a = annotate(
      'Alan Marsh spoke first. “We will appeal,” said Tom Dunlow, the lawyer. “The ruling is wrong,” he added.',
    );
    expect(speakerName(a, quoteWith(a, 'ruling is wrong'))).toBe('Tom Dunlow');
  });
});

describe('the object of an infinitive speech verb is no inverted speaker (helper spk12)', () => {
  it('"X took …, yet merely to tell Y that he would not agree …" keeps X as "he"', () => {
    const a = annotate(
      'The board would not meet the nominee. Board chair Tom Adair took a short chat on Friday, yet merely to tell Dan Garlow that he would not agree to a "rushed" hearing.',
    );
    expect(speakerName(a, quoteWith(a, 'rushed'))).toBe('Tom Adair');
  });
});

describe('"in" inside a described speaker before the verb (helper spk12)', () => {
  it.each([
    [
      'a place after the noun ("a woman in X, Y, warned him …")',
      'Tom Adair insists he is strong enough after a woman in Marlow, Ohio, warned him that he seems "too gentle" for the job.',
      'too gentle',
      'a woman in Marlow',
    ],
    [
      'a share of a group ("four in 10 voters say")',
      'The polls closed at seven.\n\nAbout four in 10 county voters say they want a mayor who "knows the streets."',
      'knows the streets',
      'four in 10 county voters',
    ],
    [
      'a part of a document ("A table in the audit puts it plainly: …")',
      'The audit covered the mail system. A table in the audit puts it plainly: "These checks skip the senior staff."',
      'skip the senior',
      'A table in the audit',
    ],
  ])('%s', (_shape, body, words, speakerText) => {
    const a = annotate(body);
    const q = quoteWith(a, words);
    expect(speakerName(a, q)).toBeNull();
    expect(q.speakerText).toBe(speakerText);
  });
});

describe('an aside between dashes after a name (helper spk12)', () => {
  it('"X — a former aide of Y — offered …. “…,” he said" is X', () => {
    const a = annotate(
      "Tom Adair was asked about the plan on Monday.\n\nAnd campaign chairman Karl Pudlow — Ann Lee's former chief of staff — offered a slogan from the old days when I asked him how she would answer. “She will fight for the families,” he said.",
    );
    expect(speakerName(a, quoteWith(a, 'fight for the families'))).toBe('Karl Pudlow');
  });
});

describe('a quote inside the clause an earlier speech verb reports (helper spk13)', () => {
  it.each([
    [
      'a subordinate clause, then a new attribution with a colon',
      'The schools debate went on.\n\nAfter Ann Lee said that poorer pupils might do better at "smaller schools," Tom Hale said: "I disagree with her."',
      'smaller schools',
      'Ann Lee',
    ],
    [
      'an "even as" clause, then a new speaker with a reported clause',
      'The inquiry closed on Friday.\n\nEven as Tom Hale claimed on Monday that "the general did far worse," one of the former aides to Ann Lee said the two cases differ.',
      'did far worse',
      'Tom Hale',
    ],
  ])('%s', (_shape, body, words, speaker) => {
    const a = annotate(body);
    expect(speakerName(a, quoteWith(a, words))).toBe(speaker);
  });

  it('guards: the quote after the colon keeps the new speaker; a closing attribution keeps the record', () => {
    const a = annotate(
      'The schools debate went on.\n\nAfter Ann Lee said that poorer pupils might do better at "smaller schools," Tom Hale said: "I disagree with her."',
    );
    expect(speakerName(a, quoteWith(a, 'disagree with her'))).toBe('Tom Hale');
    const b = annotate('The vote was close.\n\nMaria Olsen said the count was "a disgrace," Tom Hale wrote.');
    expect(speakerName(b, quoteWith(b, 'a disgrace'))).toBe('Tom Hale');
  });
});

describe('"it" that speaks stands for the body or document last named (helper spk13)', () => {
  it.each([
    [
      'a company, then "It added"',
      'The Harbor Freight Company wrote in its statement that no one at the firm knew the seller. It added, "The listing breaks our rules and will come down."',
      'breaks our rules',
      'The Harbor Freight Company',
    ],
    [
      'a memo, then "“…,” it stated"',
      'Tom Hale posted a long note on Sunday.\n\nThe council\'s memo on the audit was released on Friday. "Most of the forty witnesses had never testified before," it stated.',
      'forty witnesses',
      "The council's memo on the audit",
    ],
  ])('%s', (_shape, body, words, speakerText) => {
    const a = annotate(body);
    const q = quoteWith(a, words);
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe(speakerText);
    expect(q.speakerRoute).toEqual({ by: 'speech-verb', form: 'phrase' });
  });

  it('guards: a person or a plural as the last subject leaves "it" unresolved', () => {
    const a = annotate(
      '"Ann Roe pushed the clerk into the shelf," Officer Tom Hale swore in the complaint. It adds: "There is reason enough to charge Ann Roe."',
    );
    expect(speakerName(a, quoteWith(a, 'reason enough'))).toBe('Tom Hale');
    const b = annotate(
      'Ann Roe wrote the memo in March. Two clerks were hurt at the depot that night.\n\n"I tried you on the phone twice," it reads.',
    );
    expect(quoteWith(b, 'on the phone twice').speakerText).not.toBe('Two clerks');
  });
});

describe('a speech verb set between commas inside a clause (helper spk13)', () => {
  it('"The puzzle of X, says historian Y, is how she …“…”" is Y, not the name in the clause', () => {
    const a = annotate(
      'Nora Vance left office in 1989.\n\nThe puzzle of Nora, says historian Carl Dunmore, is how she ran the city "without ever holding a post."',
    );
    expect(speakerName(a, quoteWith(a, 'without ever holding'))).toBe('Carl Dunmore');
  });
});

describe('a speech-verb word after a possessive is a noun (helper spk13)', () => {
  it.each([
    [
      'a message noun, then "saying his comment “…”"',
      'Voters reacted on Monday.\n\nCivic Fund head Ana Ruiz released a statement saying his comment "does not belong in any campaign" and said voters would answer in May.',
      'does not belong',
      'Ana Ruiz',
    ],
    [
      '"stood by his comment … that “…”"',
      'The debate ran late.\n\nAs the night dragged on and Tom Hale stood by his comment from Monday that "the count was rigged," his rivals grew quiet.',
      'count was rigged',
      'Tom Hale',
    ],
  ])('%s', (_shape, body, words, speaker) => {
    const a = annotate(body);
    expect(speakerName(a, quoteWith(a, words))).toBe(speaker);
  });
});

describe('a speech verb after "and"/"but" shares the clause subject that names no one (helper spk13)', () => {
  it('"A spokeswoman for X would not discuss … but said in an email that “…”" is the spokeswoman', () => {
    const a = annotate(
      'The audit was published on Monday.\n\nA spokeswoman for Harbor Data would not discuss the audit but said in an email that "the firm treated that server like every other."',
    );
    const q = quoteWith(a, 'treated that server');
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe('A spokeswoman for Harbor Data');
  });
});

describe('a name inside a fronted adverbial clause is no subject of the main clause (helper spk14)', () => {
  it.each([
    [
      'a prepositional phrase naming another person, then the subject',
      'Grace Lindqvist chaired the hearing. Tom Harlan asked the questions.\n\nAs part of the exchange with Lindqvist, Harlan referenced an auditor’s report that "fewer than two percent of the files" were kept.',
      'fewer than two percent',
      'Tom Harlan',
    ],
    [
      'a participle clause with a "where" clause of its own',
      'Marta Oyelaran and Ben Castell spoke first. Lena Dunmore spoke last.\n\nStanding in for Voss at the same rally where Oyelaran and Castell appeared Sunday, Dunmore landed a sharp jab at "my old friend Marta."',
      'my old friend',
      'Lena Dunmore',
    ],
    [
      'a reduced "when told" clause, then "X paused and said that …, “…”"',
      'Paul Okafor leads the agency. Ruth Brandt was asked about him.\n\nWhen told Okafor was in the running for a bigger post, Brandt paused briefly and then said that, these days, "it is an advantage to be unknown."',
      'advantage to be unknown',
      'Ruth Brandt',
    ],
    [
      '"As X puts it, Y is …“…”" is X: the "as" clause attributes',
      'Ruth Marcus writes a column. Paul Ober leads the party.\n\nAs Marcus puts it, Ober is trying to make his rivals "an offer they cannot turn down."',
      'cannot turn down',
      'Ruth Marcus',
    ],
  ])('%s', (_shape, body, words, speaker) => {
    const a = annotate(body);
    expect(speakerName(a, quoteWith(a, words))).toBe(speaker);
  });

  it('guard: "As X said, …" still goes to X', () => {
    const a = annotate(
      'Ruth Marcus writes a column. Paul Ober leads the party.\n\nAs Marcus said, Ober is trying to make his rivals "an offer they cannot turn down."',
    );
    expect(quoteWith(a, 'cannot turn down').speakerText).toBe('Marcus');
  });
});

describe('a reported clause after "and said" opens with its own subject (helper spk14)', () => {
  it('"The paper obtained … and said she “…”" is the paper, not "she"', () => {
    const a = annotate(
      'Dana Ruiz spoke to the bankers. The Ledger obtained a recording of the speech and said she "stayed carefully in the middle" while addressing them.',
    );
    const q = quoteWith(a, 'stayed carefully');
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe('The Ledger');
  });
});

describe('a town and its state after a name (helper spk14)', () => {
  it('"X of Town, State says she …" is X', () => {
    const a = annotate(
      'Voters lined up early.\n\nTina Marsh of Dayton, Ohio says she truly thinks Porter will carry the county if he keeps "working the way he works."',
    );
    expect(speakerName(a, quoteWith(a, 'working the way'))).toBe('Tina Marsh');
  });
});

describe('a fragment inside clauses that a speech verb reports is the reporter’s (helper spk14)', () => {
  it.each([
    [
      '"X said she expected that voters will say “no”" — through a verb of thinking',
      'Asked about the rival candidate, Governor Ella Brandt said she expected that voters will say "no" to his tax plan.',
      'no',
      'Ella Brandt',
    ],
    [
      '"X said in her first address that the manifesto should reaffirm … “…”" — past an adjunct before "that"',
      'Senator Ella Brandt said in her first address that the manifesto should reaffirm the party’s backing for its "closest allies," naming three.',
      'closest allies',
      'Ella Brandt',
    ],
  ])('%s', (_shape, body, words, speaker) => {
    const a = annotate(body);
    expect(speakerName(a, quoteWith(a, words))).toBe(speaker);
  });
});

describe('attributions around subordinate clauses and asides (helper spk14)', () => {
  it('"When X … said he would “…,” the crowd applauded." is X: the main clause is no attribution', () => {
    const a = annotate(
      'Tom Hale toured the valley on Monday. When Hale later referred to the flooding in the valley and said he would "protect every family in it," the crowd applauded loudly.',
    );
    expect(speakerName(a, quoteWith(a, 'protect every family'))).toBe('Tom Hale');
  });

  it('"X (R-Tex.), a … who has made …, tweeted a warning. “…”" is X across the abbreviation split', () => {
    const a = annotate(
      'Bernard Sandor spoke on Monday. Sen. Ted Kolbe (R-Tex.), a candidate for governor who has made lower taxes the center of his campaign, tweeted a warning. "Remember in November the members who stalled the bill for 30 hours."',
    );
    expect(speakerName(a, quoteWith(a, 'Remember in November'))).toBe('Ted Kolbe');
  });

  it('"A campaign video released Thursday accuses X of …“…”" is the video, not X', () => {
    const a = annotate(
      'Tom Hale is running. A campaign video released Thursday accuses Hale of trading favors "in a habit going back decades."',
    );
    const q = quoteWith(a, 'habit going back');
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe('A campaign video');
  });
});

describe('the agent of a passive speech verb after the quote, and absolute phrases (helper spk14)', () => {
  it.each([
    [
      '"has been called “…” by X"',
      'Ann Lee teaches at the college. This habit of the movement has been called "strategic fog" by Ann Lee, a professor at the college, and it makes the group hard to study.',
      'strategic fog',
      'Ann Lee',
    ],
    [
      '"often labeled as a “…” by X"',
      'Tom Hale is a senator. The inquiry, often labeled as a "fishing trip" by Hale, has run for two years.',
      'fishing trip',
      'Tom Hale',
    ],
    [
      '"“…” with the files – as described by X –"',
      'Ruth Marsh led the agency. Critics point to her being "extremely careless" with the files – as described by agency chief Tom Hale – as a reason to worry.',
      'extremely careless',
      'Tom Hale',
    ],
    [
      '"with X reportedly yelling: “…”" — an adverb inside the absolute phrase',
      'Tom Hale spoke on Monday. At a rally in Dover on Saturday, some of his backers shoved a protester, with Hale reportedly yelling: "Get him out of here!"',
      'Get him out',
      'Tom Hale',
    ],
    [
      '"X aired a radio ad calling it “…”" — the ad speaks for X',
      'Tom Hale spoke on Monday. After the floods, Hale aired a radio ad calling it "shameful" that the council "has no plan for the river."',
      'shameful',
      'Tom Hale',
    ],
  ])('%s', (_shape, body, words, speaker) => {
    const a = annotate(body);
    expect(speakerName(a, quoteWith(a, words))).toBe(speaker);
  });
});

describe('the subject of a participle that reports a clause stands before it (helper spk14)', () => {
  it('"X stepped up …, saying she’s qualified “…”" is X, not "she"', () => {
    const a = annotate(
      'Ruth Marsh is running again. Her rival’s top adviser stepped up the criticism of Marsh’s record in office, saying she’s qualified "only in theory" and hinting that it would not suffice.',
    );
    const q = quoteWith(a, 'only in theory');
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe('Her rival’s top adviser');
  });

  it('a name word read as a verb is no verb of the participle ("… the Clean Water Act, arguing, “…”")', () => {
    const a = annotate(
      'A spokeswoman for the committee sent journalists a copy of the Clean Water Act, arguing, "Read it yourselves: the law does not say that."',
    );
    expect(quoteWith(a, 'does not say that').speakerText).toBe('A spokeswoman for the committee');
  });

  it('guard: "X shot back on the radio, saying he’s “…”" stays X when the verb is read as a noun', () => {
    const a = annotate(
      'Tom Hale is rich. Ruth Marsh attacked him on Monday.\n\nHale shot back on the radio, saying he’s "earned plenty during every slump."',
    );
    expect(speakerName(a, quoteWith(a, 'plenty during'))).toBe('Tom Hale');
  });
});

describe('a subject phrase with a name inside it, no speech verb (helper spk14)', () => {
  it('"X’s letter makes a blunt case: “…”" is the letter, not X', () => {
    const a = annotate(
      'Tom Hale wrote to the board. Hale’s letter makes a blunt case: "Cutting the night buses hurts the people who clean the offices."',
    );
    const q = quoteWith(a, 'night buses');
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe('Hale’s letter');
  });

  it('guard: a name right before the colon still introduces the quote', () => {
    const a = annotate(
      'The timing of Hale’s rise does not surprise pollster Ann Lee: “Unknown candidates who win early tend to gain the most.”',
    );
    expect(speakerName(a, quoteWith(a, 'Unknown candidates'))).toBe('Ann Lee');
  });
});

describe('a clause subject that names no person, acting in its own voice (helper spk15)', () => {
  it.each([
    [
      'a document that found',
      'The hearing ended early. A 2019 Senate report found "no sign that the order was ever given to the crew."',
      'no sign that',
      'A 2019 Senate report',
    ],
    [
      'after a fronted adverbial clause',
      'After hearing both sides in March, a federal judge determined that the ministry had shown “a clear lack of good faith toward the public.”',
      'good faith',
      'a federal judge',
    ],
    [
      'past a relative aside, the verb read as an adjective',
      'The lawsuit, which was filed in a state court on Monday, alleged that the city “failed to protect the records of its residents.”',
      'protect the records',
      'The lawsuit',
    ],
  ])('%s', (_shape, text, words, speakerText) => {
    const q = quoteWith(annotate(text), words);
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe(speakerText);
  });

  it.each([
    [
      'a modal clause',
      'Voters can expect the mayor to approach the budget with “a little more caution than they are used to.”',
      'more caution',
    ],
    [
      'a pronoun subject',
      'There is still “a very strong lobby that can charge whatever it likes.”',
      'strong lobby',
    ],
    [
      'a copula',
      'The shortage of buses was “worse in the poorer districts than anywhere else in the state.”',
      'poorer districts',
    ],
  ])('guard: no speaker for %s', (_shape, text, words) => {
    const q = quoteWith(annotate(text), words);
    expect(q.speakerText).toBeNull();
  });
});

describe('a quoted fragment reported by a description goes to that description (helper spk15)', () => {
  it.each([
    [
      'plural critics over the pronoun of the reported clause',
      'Tom Hale wrote a transit bill in 2001. Critics say he once proposed to “scrap” the whole night service.',
      'scrap',
      'Critics',
    ],
    [
      'sources whose reported clause has its own speech verb',
      'Tom Hale was arrested on Monday. Two guards have claimed he shouted “never again, not for anyone” at the gate.',
      'never again',
      'Two guards',
    ],
  ])('%s', (_shape, text, words, speakerText) => {
    const q = quoteWith(annotate(text), words);
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe(speakerText);
  });

  it('guard: a definite description stays with the name its pronoun resolves to', () => {
    const a = annotate(
      'Dan Marsh spoke in Dayton on Friday. The veteran senator said he rarely asks colleagues to campaign for him, “except for people I am very close to.”',
    );
    expect(speakerName(a, quoteWith(a, 'except for people'))).toBe('Dan Marsh');
  });
});

describe('a name only as a possessor or inside a fronted clause yields to the main clause subject (helper spk15)', () => {
  it.each([
    [
      'a possessor inside the object',
      'In late June, the bar association completed its review of Tom Hale’s record and deemed him “well qualified for a seat on the bench.”',
      'well qualified',
      'the bar association',
    ],
    [
      'a name inside a fronted clause',
      'After meeting Tom Hale on Monday, the council approved a plan for “an end to the night closures at the depot.”',
      'night closures',
      'the council',
    ],
  ])('%s', (_shape, text, words, speakerText) => {
    const q = quoteWith(annotate(text), words);
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe(speakerText);
  });

  it('guard: a passive subject is no speaker ("mayors have been startled by X’s “…”")', () => {
    const a = annotate(
      'Across the region, mayors have been startled by Tom Hale’s “reckless and careless remarks about the port.”',
    );
    expect(quoteWith(a, 'careless remarks').speakerText).not.toBe('mayors');
  });
});

describe('the main clause subject does not reach a quote in a later clause (helper spk15)', () => {
  it('guard: "X have helped …, and though the union is “…”" gives no X', () => {
    const a = annotate(
      'The new routes have helped the mayor with commuters, and though the drivers’ union is “confident that the deal will hold for years,” the strike may still go ahead.',
    );
    expect(quoteWith(a, 'deal will hold').speakerText).toBeNull();
  });
});

describe('a quantifier or proportion that opens its clause speaks for its group (helper spk16)', () => {
  it.each([
    [
      'a bare quantifier after a semicolon',
      'Nearly all the bakers in the town feared the new flour tax; most said they were “deeply alarmed.” A few did not care.',
      'deeply alarmed',
      'most',
    ],
    [
      'a proportion opening the sentence',
      'The harbour survey asked 900 fishermen about the quota. About six in 10 said they were “fed up” with the way the board sets it.',
      'fed up',
      'six in 10',
    ],
    [
      'a quantifier after "but"',
      'Several nurses spoke at the hearing, but many warned that the ward was “one bad week from closing.”',
      'one bad week',
      'many',
    ],
  ])('%s', (_shape, text, words, speakerText) => {
    const q = quoteWith(annotate(text), words);
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe(speakerText);
  });

  it('guard: a quantifier after its pronoun is no subject of its own ("They all said …")', () => {
    const a = annotate('Ann Roe and Tom Hale left the hall late. They all said the vote was “a fair one.”');
    expect(quoteWith(a, 'a fair one').speakerText).not.toBe('all');
  });
});

describe('coordinated quotes share the attribution after the last of them (helper spk16)', () => {
  it.each([
    [
      'two quotes joined by "and", a name with an aside after',
      'Potholes are “the quiet killer of small towns” and “a tax on every driver,” Tom Hale, the former mayor of Dayton, proclaimed to a cheering crowd on Monday.',
    ],
    [
      'a list of three',
      'Potholes are “the quiet killer of small towns,” “a tax on every driver,” and “a relic of bad budgets,” Tom Hale said on Monday.',
    ],
  ])('%s', (_shape, text) => {
    const a = annotate(text);
    expect(speakerName(a, quoteWith(a, 'quiet killer'))).toBe('Tom Hale');
    expect(speakerName(a, quoteWith(a, 'every driver'))).toBe('Tom Hale');
  });

  it('guard: a quote paragraph is not joined to the attributed quote of the next paragraph', () => {
    const a = annotate(
      'The film shows the driver refusing to stop and has one of the guards shouting, “Why are we still here?”\n\n“That never happened,” Tom Hale said on Monday.',
    );
    expect(speakerName(a, quoteWith(a, 'still here'))).not.toBe('Tom Hale');
  });
});

describe('a name ending in its number is the subject of what it states (helper spk16)', () => {
  it.each([
    [
      'a numbered clause with a speech verb read as a noun before a colon',
      'The treaty was signed in 1961. Clause 14 affirms: “No member state shall tax a visiting worker twice in one year.”',
      'visiting worker',
      'Clause 14',
    ],
    [
      'a numbered chapter before "that"',
      'The old town charter is short. Chapter 3 states that “every citizen may speak at the spring meeting.”',
      'spring meeting',
      'Chapter 3',
    ],
  ])('%s', (_shape, text, words, speakerText) => {
    const q = quoteWith(annotate(text), words);
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe(speakerText);
  });
});

describe('a relative pronoun before a speech verb gives the words to the phrase it follows (helper spk16)', () => {
  it.each([
    [
      '"who" after an object, not the sentence subject',
      'The mayor met a farmer who said the drought was “the worst in fifty years.”',
      'fifty years',
      'a farmer',
    ],
    [
      '"who" after a plural object that speaks to the subject',
      'Tom Hale met union leaders who told him, “We will strike on Monday.”',
      'strike on Monday',
      'union leaders',
    ],
    [
      '"that" after a thing with words written on it',
      'The mill workers shared a link beneath a headline that said, “The Mill Will Close by Spring.”',
      'Mill Will Close',
      'a headline',
    ],
  ])('%s', (_shape, text, words, speakerText) => {
    const q = quoteWith(annotate(text), words);
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe(speakerText);
  });

  it.each([
    [
      'a video',
      'Ann Lee released a campaign video that said, “The river belongs to all of us.”',
      'river belongs',
    ],
    [
      'a statement',
      'Ann Lee put out a statement that said the recall of the buses was “only a precaution.”',
      'only a precaution',
    ],
  ])('guard: %s that speaks for its author stays with the author', (_shape, text, words) => {
    const a = annotate(text);
    expect(speakerName(a, quoteWith(a, words))).toBe('Ann Lee');
  });
});

describe('a thing with words written on it gives its own words before a participle (helper spk16)', () => {
  it('a placard "saying" a quoted slogan', () => {
    const q = quoteWith(
      annotate(
        'Outside the depot, Tina Marsh held up a placard saying “Drivers Against Cuts - Because We Count Too.” She said she was tired.',
      ),
      'Drivers Against Cuts',
    );
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe('a placard');
  });

  it('guard: a message saying something is still its author’s words', () => {
    const a = annotate('Ann Lee put out a note saying the fare rise was “a mistake we will undo.”');
    expect(speakerName(a, quoteWith(a, 'we will undo'))).toBe('Ann Lee');
  });
});

describe('a name the tagger misreads still names the speaker (helper spk17)', () => {
  it.each([
    [
      'a short title wink splits from its full stop, before the verb',
      'The parish met on Sunday.\n\n“We will rebuild the hall by spring,” Rev. Tilda Marsh said after the service.',
      'rebuild the hall',
      'Tilda Marsh',
    ],
    [
      'a short title wink splits from its full stop, after an inverted verb',
      'The parish met on Sunday.\n\n“Nobody here will leave,” said Rev. Tilda Marsh, the pastor of a small church.',
      'Nobody here',
      'Tilda Marsh',
    ],
    [
      'a surname that is also a verb, alone after an inverted verb',
      'Ann Weld chaired the hearing on Tuesday, and Tom Hale opened it.\n\n“Nobody asked me about the contract,” said Weld, who added that the matter was closed.',
      'Nobody asked me',
      'Ann Weld',
    ],
  ])('%s', (_shape, text, words, speaker) => {
    const a = annotate(text);
    expect(speakerName(a, quoteWith(a, words))).toBe(speaker);
  });
});

describe('a scare quote keeps the record its words are known through (helper spk17)', () => {
  it('“according to” before a few quoted words', () => {
    const q = quoteWith(
      annotate('According to his longtime dentist, the mayor has “truly remarkable” teeth for his age.'),
      'truly remarkable',
    );
    expect(q.kind).toBe('scare');
    expect(q.speaker).toBeNull();
    expect(q.via).toBe('his longtime dentist');
  });

  it('guard: a scare quote with no record named has none', () => {
    const q = quoteWith(
      annotate('The mayor unveiled his so-called “reform” of the parking rules on Monday.'),
      'reform',
    );
    expect(q.kind).toBe('scare');
    expect(q.via).toBeUndefined();
  });
});

describe('a survey that opens the sentence is the record its respondents are known through (helper spk17)', () => {
  it('“In a … poll, N percent said …”', () => {
    const q = quoteWith(
      annotate(
        'In a statewide Courier poll released Friday, 40 percent of renters said the new fee was “simply too high.”',
      ),
      'simply too high',
    );
    expect(q.speakerText).toBe('40 percent of renters');
    expect(q.via).toBe('a statewide Courier poll');
  });

  it('guard: a place opening the sentence is no record', () => {
    const q = quoteWith(
      annotate('In a small town near the coast, Ann Lee said the new fee was “simply too high” for renters.'),
      'simply too high',
    );
    expect(q.via).toBeUndefined();
  });
});

describe('a gerund after a preposition has no subject of its own for a later participle (helper spk17)', () => {
  it('“On Friday, X took the step of criticizing Y, accusing Z of “…”” is X’s', () => {
    const q = quoteWith(
      annotate(
        'On Friday, the tenants’ association took the rare step of criticizing the landlord, accusing the managers of “plain neglect of the boilers.”',
      ),
      'plain neglect',
    );
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe('the tenants’ association');
  });
});
