// People and actors on invented sentences, one row per failure shape of issue 12: surnames linked by
// evidence (honorific and gender, nearest full name), sentence-opening given names, months as surnames,
// heading names, untyped full names, pronoun and description references, and merging across articles.
import { describe, expect, it } from 'vitest';
import { compareActors } from '../src/compare/actors/index.js';
import type { AnnotatedArticle } from '../src/model/article.js';
import { annotateText as annotate } from './support/articles.js';

/** Person entities as name → the mention texts. */
const people = (a: AnnotatedArticle) =>
  Object.fromEntries(
    a.entities.filter((e) => e.kind === 'person').map((e) => [e.name, e.mentions.map((m) => m.text)]),
  );
/** Person entities as name → the reference texts (pronouns, "who", description heads). */
const references = (a: AnnotatedArticle) =>
  Object.fromEntries(
    a.entities
      .filter((e) => e.kind === 'person' && e.references?.length)
      .map((e) => [e.name, e.references?.map((r) => r.text)]),
  );

describe('surnames linked by evidence', () => {
  it('an honorific never links to a full name of the other gender', () => {
    const a = annotate(
      'Helena Lindqvist opened the bakery in March. Mr. Lindqvist, her husband, bakes the bread. ' +
        'Mr. Lindqvist said the ovens were old.',
    );
    const p = people(a);
    expect(p['Helena Lindqvist']).toEqual(['Helena Lindqvist']);
    expect(p.Lindqvist).toEqual(['Lindqvist', 'Lindqvist']);
  });

  it('an honorific picks the full name of its gender among two', () => {
    const a = annotate(
      'Helena Lindqvist and Tomas Lindqvist opened the bakery. Mrs. Lindqvist bakes the bread while ' +
        'Mr. Lindqvist keeps the books.',
    );
    const p = people(a);
    expect(p['Helena Lindqvist']).toEqual(['Helena Lindqvist', 'Lindqvist']);
    expect(p['Tomas Lindqvist']).toEqual(['Tomas Lindqvist', 'Lindqvist']);
  });

  it('a bare surname with two full names takes the one named nearest before it in the paragraph', () => {
    const a = annotate(
      'Helena Lindqvist and Tomas Lindqvist opened the bakery in 2010.\n\n' +
        'Tomas Lindqvist keeps the books. Lindqvist said sales were up.',
    );
    expect(people(a)['Tomas Lindqvist']).toEqual(['Tomas Lindqvist', 'Tomas Lindqvist', 'Lindqvist']);
  });

  it('a bare surname far from both full names goes to the one named last and most often', () => {
    const a = annotate(
      'Helena Lindqvist opened the bakery in 2010 with Tomas Lindqvist, her brother. Helena Lindqvist still ' +
        'runs it.\n\nThe shop sells rye bread.\n\nLindqvist said sales were up.',
    );
    expect(people(a)['Helena Lindqvist']).toEqual(['Helena Lindqvist', 'Helena Lindqvist', 'Lindqvist']);
    // Named last but less often: no link.
    const b = annotate(
      'Helena Lindqvist opened the bakery in 2010 with Tomas Lindqvist. Tomas Lindqvist left in 2015, and ' +
        'Tomas Lindqvist now farms.\n\nThe shop sells rye bread, and Helena Lindqvist bakes.\n\nLindqvist said sales were up.',
    );
    expect(people(b).Lindqvist).toEqual(['Lindqvist']);
  });

  it('an age before a name is no part of it: "Sixteen-year-old Kemal Arslan" is Kemal Arslan', () => {
    const a = annotate(
      'Sixteen-year-old Kemal Arslan was hurt on Monday. Arslan is recovering, his coach said.',
    );
    expect(people(a)['Kemal Arslan']).toEqual(['Kemal Arslan', 'Arslan']);
  });

  it('a bare surname with two full names and nothing nearer stays a person of its own', () => {
    const a = annotate(
      'Helena Lindqvist and Tomas Lindqvist opened the bakery in 2010.\n\nLindqvist said sales were up.',
    );
    const p = people(a);
    expect(p['Helena Lindqvist']).toEqual(['Helena Lindqvist']);
    expect(p['Tomas Lindqvist']).toEqual(['Tomas Lindqvist']);
    expect(p.Lindqvist).toEqual(['Lindqvist']);
  });
});

describe('surnames of two people in one article', () => {
  it('a first lady is not the president of her surname', () => {
    const a = annotate(
      'First lady Ana Ruiz visited the shelter on Monday. President Ruiz signed the order later. Ruiz said it was time.',
    );
    expect(people(a)['Ana Ruiz']).toEqual(['Ana Ruiz']);
    const b = annotate(
      'President Ruiz signed the order on Monday. Earlier, first lady Ana Ruiz visited the shelter.',
    );
    expect(people(b)['Ana Ruiz']).toEqual(['Ana Ruiz']);
  });

  /** Person actors of one or more articles as name → "article:mention" texts. */
  const actorsOf = (...articles: AnnotatedArticle[]) =>
    compareActors(articles)
      .actors.filter((x) => x.kind === 'person')
      .map((x) => ({ name: x.name, mentions: x.mentions.map((m) => `${m.article}:${m.text}`) }));

  it('a titled surname never joins a full name holding another office', () => {
    const a = annotate(
      'Former President Tomas Lindqvist spoke at the dinner on Friday. Secretary Lindqvist, his wife, ' +
        'told reporters the treaty would pass.',
    );
    const p = people(a);
    expect(p['Tomas Lindqvist']).toEqual(['Tomas Lindqvist']);
    expect(p.Lindqvist).toEqual(['Lindqvist']);
  });

  it('a bare surname goes to the nearest of the two people that share it', () => {
    const a = annotate(
      'Former President Tomas Lindqvist spoke at the dinner on Friday.\n\n' +
        'Secretary Lindqvist, his wife, told reporters the treaty would pass. Lindqvist said the vote was close.\n\n' +
        'Tomas Lindqvist left early. Lindqvist said he was tired.',
    );
    const p = people(a);
    expect(p['Tomas Lindqvist']).toEqual(['Tomas Lindqvist', 'Tomas Lindqvist', 'Lindqvist']);
    expect(p.Lindqvist).toEqual(['Lindqvist', 'Lindqvist']);
  });

  it('the same office written two ways is one person', () => {
    const a = annotate(
      'Sen. Marta Okafor opened the hearing. Senator Okafor said the bill would pass. ' +
        'Secretary of State Ivo Brandt replied. Secretary Brandt said it would not.',
    );
    const p = people(a);
    expect(p['Marta Okafor']).toEqual(['Marta Okafor', 'Okafor']);
    expect(p['Ivo Brandt']).toEqual(['Ivo Brandt', 'Brandt']);
  });

  it("an honorific a full name's surname took sets that person's gender", () => {
    const a = annotate(
      'Zorbel Lindqvist opened the bakery in March. Mrs. Lindqvist bakes the bread. ' +
        'Mr. Lindqvist, who keeps the books, said sales were up.',
    );
    const p = people(a);
    expect(p['Zorbel Lindqvist']).toEqual(['Zorbel Lindqvist', 'Lindqvist']);
    expect(p.Lindqvist).toEqual(['Lindqvist']);
  });

  it('a surname its article keeps apart from a full name does not join that person across articles', () => {
    const one = annotate(
      'Helena Lindqvist opened the bakery in March. Mr. Lindqvist, her husband, bakes the bread.',
      'one',
    );
    const two = annotate('Helena Lindqvist said the bakery was busy.', 'two');
    const helena = actorsOf(one, two).find((x) => x.name === 'Helena Lindqvist');
    expect(helena?.mentions).toEqual(['one:Helena Lindqvist', 'two:Helena Lindqvist']);
  });

  it('two bare surnames one article keeps apart stay two actors', () => {
    const a = annotate(
      'Tomas Lindqvist and his brother Peter Lindqvist own the farm. Mrs. Lindqvist sells the eggs.\n\n' +
        'The farm has forty hens.\n\nMr. Lindqvist said the hens were old.',
    );
    const bare = actorsOf(a).filter((x) => x.name === 'Lindqvist');
    expect(bare.map((x) => x.mentions)).toEqual([['t:Lindqvist'], ['t:Lindqvist']]);
  });

  it('a titled surname kept apart from one full name joins the only other one the story gives', () => {
    const one = annotate(
      'Former President Tomas Lindqvist spoke at the dinner on Friday. Secretary Lindqvist, his wife, ' +
        'told reporters the treaty would pass.',
      'one',
    );
    const two = annotate('Helena Lindqvist, the secretary, said the treaty would pass.', 'two');
    const actors = actorsOf(one, two);
    expect(actors.find((x) => x.name === 'Tomas Lindqvist')?.mentions).toEqual(['one:Tomas Lindqvist']);
    expect(actors.find((x) => x.name === 'Helena Lindqvist')?.mentions.sort()).toEqual([
      'one:Lindqvist',
      'two:Helena Lindqvist',
    ]);
  });
});

describe('a surname shared with a relative named once in apposition', () => {
  const story =
    'Ana Gray’s teammates thought it was an ordinary practice on Wednesday.\n\n' +
    'But Gray had news. Before the session, Gray had told her father, club coach Tom Gray, that she would ' +
    'stay for another season.\n\n' +
    'Later that evening, Gray told two friends about the decision.\n\n' +
    '“I never wanted to leave this club,” Gray said.';

  it('goes to the person the story is about, not to the relative', () => {
    const a = annotate(story);
    expect(people(a)['Ana Gray']).toEqual(['Ana Gray', 'Gray', 'Gray', 'Gray', 'Gray']);
    expect(people(a)['Tom Gray']).toEqual(['Tom Gray']);
    expect(people(a).Gray).toBeUndefined();
  });

  it('stays open when neither was brought in as a relative', () => {
    const a = annotate(
      'Ana Gray’s teammates thought it was an ordinary practice on Wednesday.\n\n' +
        'Before the session, club coach Tom Gray had told the board that the team would stay.\n\n' +
        'Later that evening, Gray told two friends about the decision.',
    );
    expect(people(a)['Ana Gray']).toEqual(['Ana Gray']);
    expect(people(a)['Tom Gray']).toEqual(['Tom Gray']);
  });
});

describe('names the capitals hide', () => {
  it('a sentence-opening given name the lexicon does not know stays in the name', () => {
    const a = annotate(
      'Zbignev Kowalczyk stopped the challenger in the sixth round. The 32-year-old Kowalczyk kept his belts.',
    );
    expect(people(a)['Zbignev Kowalczyk']).toEqual(['Zbignev Kowalczyk', 'Kowalczyk']);
  });

  it('a known word opening a sentence is not part of the name', () => {
    const a = annotate('However Kowalczyk lost the rematch, said the promoter Ana Ruiz.');
    expect(Object.keys(people(a))).not.toContain('However Kowalczyk');
  });

  it('a month after a given name or an honorific is a surname', () => {
    const a = annotate('Helena May met the union on Monday. Mrs. May said the talks would go on in May.');
    expect(people(a)['Helena May']).toEqual(['Helena May', 'May']);
  });

  it('a month after an ordinary word stays a date', () => {
    const a = annotate('The talks resumed in May, said Helena Ruiz.');
    expect(Object.keys(people(a))).toEqual(['Helena Ruiz']);
  });

  it('a capitalised role noun before a given name and surname is a title', () => {
    const a = annotate('Actress Helena Ruiz left the studio. Ruiz said she was tired.');
    expect(people(a)['Helena Ruiz']).toEqual(['Helena Ruiz', 'Ruiz']);
  });

  it("an untyped full name and its bare surname are one entity, typed by the surname's company", () => {
    const a = annotate(
      'Zbignev Kowalczyk beat Oleg Tamm on Saturday. Kowalczyk, who has not lost in four years, ' +
        'floored him twice.',
    );
    expect(people(a)['Zbignev Kowalczyk']).toEqual(['Zbignev Kowalczyk', 'Kowalczyk']);
  });

  it('a heading full name joins the person the body names by surname only', () => {
    const a = annotate(
      'Helena Ruiz wins the county vote\n\nThe mayor, Ruiz, who ran unopposed, said she was grateful.',
    );
    expect(people(a).Ruiz ?? people(a)['Helena Ruiz']).toContain('Ruiz');
    const ruiz = a.entities.find((e) => e.mentions.some((m) => m.text === 'Ruiz'));
    expect(ruiz?.mentions.map((m) => m.text)).toEqual(['Helena Ruiz', 'Ruiz']);
  });

  it("that person is named by the heading's full name, so the story tells her from another of the surname", () => {
    const one = annotate(
      'Helena Ruiz wins the county vote\n\nThe mayor, Ruiz, who ran unopposed, said she was grateful.',
      'one',
    );
    expect(Object.keys(people(one))).toEqual(['Helena Ruiz']);
    const two = annotate('Helena Ruiz and her brother Tomas Ruiz voted in Oldbridge on Sunday.', 'two');
    const { actors } = compareActors([one, two]);
    const helena = actors.find((a) => a.name === 'Helena Ruiz');
    expect(new Set(helena?.mentions.map((m) => m.article))).toEqual(new Set(['one', 'two']));
    expect(actors.find((a) => a.name === 'Tomas Ruiz')?.mentions.map((m) => m.article)).toEqual(['two']);
  });

  it('a headline run breaks at function words and verbs, so the name in it is found', () => {
    const a = annotate(
      'Rovers Make Offer To Kowalczyk\n\nThe club offered Kowalczyk, who plays for Oleg Tamm, a new deal.',
    );
    const kowalczyk = a.entities.find((e) => e.mentions.some((m) => m.text === 'Kowalczyk'));
    expect(kowalczyk?.mentions.map((m) => m.text)).toEqual(['Kowalczyk', 'Kowalczyk']);
    expect(a.entities.map((e) => e.name)).not.toContain('Rovers Make Offer To Kowalczyk');
  });

  it('a possessive joins its owner', () => {
    const a = annotate("Helena Lindqvist spoke on Monday. Lindqvist's office said the bakery would reopen.");
    expect(people(a)['Helena Lindqvist']).toEqual(['Helena Lindqvist', 'Lindqvist']);
  });
});

describe('epithets before a name', () => {
  it('a capitalised adjective glued to a name is a label of that person, not part of the name', () => {
    const a = annotate('Supporters chanted about Crooked Helena Lindqvist at the rally. Lindqvist left.');
    const lindqvist = a.entities.find((e) => e.name === 'Helena Lindqvist');
    expect(lindqvist?.mentions.map((m) => m.text)).toEqual(['Helena Lindqvist', 'Lindqvist']);
    expect(lindqvist?.descriptors.map((d) => d.text)).toContain('Crooked');
    expect(a.entities.map((e) => e.name)).not.toContain('Crooked Helena Lindqvist');
  });

  it('at the start of a sentence too', () => {
    const a = annotate('Sleepy Tom Ruiz said nothing at the hearing.');
    expect(a.entities.find((e) => e.name === 'Tom Ruiz')?.descriptors.map((d) => d.text)).toEqual(['Sleepy']);
  });

  it('a place keeps its first word', () => {
    const a = annotate('Voters in New Jersey and Great Falls went to the polls.');
    expect(a.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['New Jersey', 'Great Falls']));
  });
});

describe('names in East-Asian order and their spellings', () => {
  it('a hyphenated and a spaced given name are one person, and the bare surname is the first word', () => {
    const a = annotate(
      'Talks with Seo Ha-eun resumed on Monday. The envoy, Seo Ha Eun, said the border would stay open. ' +
        'Officials said Seo had agreed.',
    );
    const seo = a.entities.find((e) => e.mentions.some((m) => m.text === 'Seo Ha-eun'));
    expect(seo?.mentions.map((m) => m.text)).toEqual(['Seo Ha-eun', 'Seo Ha Eun', 'Seo']);
  });

  it('across articles: spacing variants merge and the bare surname joins', () => {
    const one = annotate('Talks with Seo Ha-eun, the envoy, resumed on Monday.', 'one');
    const two = annotate('The ministers met Seo Ha Eun, the envoy, on Tuesday.', 'two');
    const three = annotate('The ministers said Seo, the envoy, had agreed.', 'three');
    const { actors } = compareActors([one, two, three]);
    const parks = actors.filter((x) => x.mentions.some((m) => m.text.startsWith('Seo')));
    expect(parks).toHaveLength(1);
    expect(new Set(parks[0]?.mentions.map((m) => m.article))).toEqual(new Set(['one', 'two', 'three']));
  });
});

describe('pronoun and description references', () => {
  it('a pronoun links to the one person of its gender named just before', () => {
    const a = annotate('Helena Ruiz lost the vote on Monday. She conceded in the evening.');
    expect(references(a)).toEqual({ 'Helena Ruiz': ['She'] });
  });

  it('a pronoun with two people of its gender before it links to nobody', () => {
    const a = annotate('Helena Ruiz beat Maria Tamm on Monday. She conceded in the evening.');
    expect(references(a)).toEqual({});
  });

  it('a pronoun picks the only person of its gender when the other is known to differ', () => {
    const a = annotate('Helena Ruiz beat Tomas Tamm on Monday. He conceded in the evening.');
    expect(references(a)).toEqual({ 'Tomas Tamm': ['He'] });
  });

  it('a person of unknown gender blocks the link', () => {
    const a = annotate('Helena Ruiz beat Kowalczyk on Monday. She conceded in the evening.');
    expect(references(a)).toEqual({});
  });

  it("a gendered word in the outlet's description gives a gender the name does not", () => {
    const a = annotate('The vote went to Oriel Kowalczyk, a mother of three. She thanked her neighbours.');
    expect(references(a)).toEqual({ 'Oriel Kowalczyk': ['mother', 'She', 'her'] });
    const b = annotate('The vote went to Oriel Kowalczyk. She thanked her neighbours.');
    expect(references(b)).toEqual({});
  });

  it('a pronoun inside a quotation follows the same rule as one outside', () => {
    const a = annotate('Helena Ruiz lost the vote. "She will be back," a neighbour said.');
    expect(references(a)).toEqual({ 'Helena Ruiz': ['She'] });
    const b = annotate('Helena Ruiz beat Maria Tamm. "She will be back," a neighbour said.');
    expect(references(b)).toEqual({});
  });

  it('a quoted pronoun never goes to the person who speaks the quote', () => {
    const a = annotate('Helena Ruiz said on Monday: "She lied to all of us."');
    expect(references(a)).toEqual({});
  });

  it('a pronoun in a fronted subordinate clause points forward to the one person who can take it', () => {
    const a = annotate('The hearing ended early. After she left the court, Helena Ruiz thanked her lawyers.');
    expect(references(a)['Helena Ruiz']).toEqual(['she', 'her']);
    const b = annotate('The hearing ended early. After she left the court, Helena Ruiz thanked Maria Tamm.');
    expect(references(b)).toEqual({});
  });

  it('pronouns that stand where only one person can be meant give that person a gender', () => {
    const a = annotate(
      'Orwin Bexley Jr. fled a van on Monday. Bexley, 49, ran after he hid a key. ' +
        'Police said Bexley was caught when he slept. He was unarmed.',
    );
    expect(references(a)['Orwin Bexley Jr.']).toEqual(['he', 'he', 'He']);
  });

  it('no gender is inferred when pronouns of both genders stand near the person', () => {
    const a = annotate(
      'Orwin Bexley Jr. fled a van on Monday. Bexley ran after he hid a key. ' +
        'Bexley was caught when he slept. Bexley said she had helped.',
    );
    expect(references(a)).toEqual({});
  });

  it('a pronoun two sentences away links to nobody', () => {
    const a = annotate('Helena Ruiz lost the vote. The count ended late. She conceded.');
    expect(references(a)).toEqual({});
  });

  it('a chain of pronouns follows its person', () => {
    const a = annotate('Helena Ruiz lost the vote. She conceded. Her aides wept.');
    expect(references(a)).toEqual({ 'Helena Ruiz': ['She', 'Her'] });
  });

  it('"who" right after a name refers to that person', () => {
    const a = annotate('The award went to Helena Ruiz, who thanked her staff.');
    expect(references(a)['Helena Ruiz']).toEqual(['who', 'her']);
  });
});

describe('actors across articles', () => {
  it('a full name untyped in one article joins the person another article types', () => {
    const one = annotate('Zbignev Kowalczyk and Oleg Tamm will meet in June.', 'one');
    const two = annotate('The 32-year-old Zbignev Kowalczyk said he was ready.', 'two');
    const { actors } = compareActors([one, two]);
    const kowalczyk = actors.filter((x) => x.name === 'Zbignev Kowalczyk');
    expect(kowalczyk).toHaveLength(1);
    expect(kowalczyk[0]?.kind).toBe('person');
    expect(new Set(kowalczyk[0]?.mentions.map((m) => m.article))).toEqual(new Set(['one', 'two']));
  });

  it('two given names sharing an initial are two people', () => {
    const one = annotate('The coach, Mark Lindqvist, said the team was ready.', 'one');
    const two = annotate('The striker, Miles Lindqvist, said the team was ready.', 'two');
    const { actors } = compareActors([one, two]);
    expect(
      actors
        .filter((x) => /Lindqvist/.test(x.name))
        .map((x) => x.name)
        .sort(),
    ).toEqual(['Mark Lindqvist', 'Miles Lindqvist']);
  });

  it('an initial joins the given name it abbreviates', () => {
    const one = annotate('M. Lindqvist, the coach, said the team was ready.', 'one');
    const two = annotate('Mark Lindqvist, the coach, said the team was ready.', 'two');
    const { actors } = compareActors([one, two]);
    expect(actors.filter((x) => /Lindqvist/.test(x.name))).toHaveLength(1);
  });

  it("an actor carries its articles' references", () => {
    const one = annotate('Helena Ruiz lost the vote. She conceded.', 'one');
    const { actors } = compareActors([one]);
    expect(actors.find((x) => x.name === 'Helena Ruiz')?.references?.map((r) => r.text)).toEqual(['She']);
  });
});

describe('descriptions that refer to a named person', () => {
  it('the head of a title or appositive next to the name is a word for that person', () => {
    const a = annotate('Actress Helena Kowalczyk left the band. Tomas Brandt, the veteran producer, stayed.');
    const r = references(a);
    expect(r['Helena Kowalczyk']).toEqual(['Actress']);
    expect(r['Tomas Brandt']).toEqual(['producer']);
  });

  it('an age given with the name settles "the N-year-old"', () => {
    const a = annotate(
      'Oriel Kowalczyk, 34, and Tomas Brandt, 61, left the band on Monday. The 61-year-old said little.',
    );
    expect(references(a)['Tomas Brandt']).toContain('61-year-old');
    expect(references(a)['Oriel Kowalczyk'] ?? []).not.toContain('61-year-old');
  });

  it('a gendered noun links to the one person of that gender named so far', () => {
    const a = annotate('Helena Ruiz met Tomas Brandt in Lisbon. Later the actress flew home.');
    expect(references(a)['Helena Ruiz']).toContain('actress');
    expect(references(a)['Tomas Brandt'] ?? []).not.toContain('actress');
  });

  it('a gendered noun with two people of that gender named stays unlinked', () => {
    const a = annotate('Helena Ruiz met Maria Tamm in Lisbon. Later the actress flew home.');
    expect(references(a)).toEqual({});
  });

  it('a gendered noun before any name links to the one person of that gender in the article', () => {
    const a = annotate('The actress has entered a clinic. Helena Ruiz, her agent said, is resting.');
    expect(references(a)['Helena Ruiz']).toContain('actress');
  });

  it('a kin noun never links by gender alone, and a noun of the other gender never links', () => {
    const a = annotate(
      'Tomas Brandt lost the vote. The mother of the candidate was not there. The actress was.',
    );
    expect(references(a)).toEqual({});
  });
});

describe('headline names', () => {
  it('a full name only the headline gives is a person', () => {
    const a = annotate(
      'Helena Ruiz checks into clinic\n\nThe actress arrived late on Thursday, her agent said.',
    );
    expect(people(a)['Helena Ruiz']).toEqual(['Helena Ruiz']);
    expect(references(a)['Helena Ruiz']).toContain('actress');
  });

  it('a Title Case verb ending in -s after a full name is not a name word', () => {
    const a = annotate('Helena Ruiz Leaves Clinic\n\nHelena Ruiz left the clinic on Friday.');
    expect(people(a)['Helena Ruiz']).toEqual(['Helena Ruiz', 'Helena Ruiz']);
  });

  it('a name the body gives a person is found inside a longer Title Case run of the headline', () => {
    const a = annotate(
      'Helena Ruiz Finally Checks Into Clinic\n\nHelena Ruiz checked into the clinic on Friday, her agent said.',
    );
    expect(people(a)['Helena Ruiz']).toEqual(['Helena Ruiz', 'Helena Ruiz']);
    const b = annotate(
      'The Harbor Choir Director Tomas Berglund Still In Talks\n\nThe choir is still talking to Tomas Berglund. ' +
        'Berglund said on Monday that he hoped to stay.',
    );
    expect(people(b)['Tomas Berglund']).toEqual(['Tomas Berglund', 'Tomas Berglund', 'Berglund']);
  });

  it('a surname inside a capitalised line the body names is that person, by the surname rules', () => {
    const a = annotate(
      'The club offered Zbignev Kowalczyk a deal on Monday. The gazette printed it as Rovers Make Big Offer To ' +
        'Kowalczyk, and fans cheered.',
    );
    const kowalczyk = a.entities.find((e) => e.name === 'Zbignev Kowalczyk');
    expect(kowalczyk?.mentions.map((m) => m.text)).toEqual(['Zbignev Kowalczyk', 'Kowalczyk']);
  });

  it('a Title Case headline without a name-shaped run gives no person', () => {
    const a = annotate('Grant Money Flows Into Harbor\n\nThe town got its grant on Friday.');
    expect(Object.keys(people(a))).toEqual([]);
  });
});

describe('evidence that a name is a person', () => {
  it('a verb then "his"/"herself" after an unknown name opening the only sentence makes it a person', () => {
    const a = annotate(
      'Wlodko Bretschny defended his crown in the seventh round at the Harlow Arena in Germany.',
    );
    expect(people(a)['Wlodko Bretschny']).toEqual(['Wlodko Bretschny']);
    const b2 = annotate('Kasimir Oyelade hanged himself in his cell hours after his arrest in Palermo.');
    expect(people(b2)['Kasimir Oyelade']).toEqual(['Kasimir Oyelade']);
    // A firm takes "its": no person.
    const b = annotate('Harlow Vantrell defended its market share in Oldbridge on Saturday.');
    expect(people(b)['Harlow Vantrell']).toBeUndefined();
  });

  it('a generational suffix and an age between commas make a person, and the bare surname joins', () => {
    const a = annotate(
      'Guards said Orwin Bexley Jr., 49, fled a van near the depot. Bexley was caught on Friday.',
    );
    expect(people(a)['Orwin Bexley Jr.']).toEqual(['Orwin Bexley Jr.', 'Bexley']);
  });

  it('a possessive glued to the name by the tokenizer is cut off the name', () => {
    const a = annotate("Talking to a magazine, Tomas Brandt, Helena Ruiz's agent, said she rests.");
    expect(Object.keys(people(a))).toContain('Helena Ruiz');
    expect(Object.keys(people(a))).not.toContain("Helena Ruiz's");
  });
});

describe('reflexive pronouns', () => {
  it('a reflexive binds to the only person its sentence named, whatever the gender evidence', () => {
    const a = annotate('Police in the port said Kowalczyk hanged himself in his cell.');
    expect(references(a).Kowalczyk).toContain('himself');
  });

  it('a reflexive skips a possessor and an unknown-gender person among two', () => {
    const a = annotate("Kowalczyk, Helena Ruiz's agent, confirms the singer has herself checked in.");
    expect(references(a).Kowalczyk ?? []).not.toContain('herself');
  });
});

describe('names of more than one word', () => {
  it('a two-word surname used alone joins the full name and types it', () => {
    const a = annotate(
      'Orwin Da Costa, one of nine men held on Tuesday, hanged himself. Da Costa, 52, led the crew.',
    );
    expect(people(a)['Orwin Da Costa']).toEqual(['Orwin Da Costa', 'Da Costa']);
    expect(references(a)['Orwin Da Costa']).toContain('himself');
  });

  it('a quoted nickname between given name and surname belongs to the name', () => {
    const a = annotate(
      'Mob boss Vincenzo \'The Fox\' Amato died on Monday. Vincenzo "Fox" Amato was 77. Amato had been ill.',
    );
    const p = people(a);
    expect(Object.keys(p)).toHaveLength(1);
    expect(Object.values(p)[0]).toEqual(["Vincenzo 'The Fox' Amato", 'Vincenzo "Fox" Amato', 'Amato']);
  });

  it('a nickname in brackets belongs to the name too, and names him in another outlet', () => {
    const one = annotate(
      'Deputy Luis Gerardo (Jerry) Ortega was shot dead in Oldbridge on Monday. Ortega, 35, died at the scene.',
      'one',
    );
    expect(people(one)).toEqual({ 'Luis Gerardo (Jerry) Ortega': ['Luis Gerardo (Jerry) Ortega', 'Ortega'] });
    // Not a bracket of another kind: an abbreviation, a party.
    expect(Object.keys(people(annotate('Senator Ana Ruiz (D) said no on Monday.')))).toEqual(['Ana Ruiz']);
    const two = annotate(
      'Jerry Ortega, a deputy, was shot dead in Oldbridge on Monday. Ortega had two sons.',
      'two',
    );
    const ortega = compareActors([one, two]).actors.filter((a) => a.name.includes('Ortega'));
    expect(ortega).toHaveLength(1);
    expect(new Set(ortega[0]?.mentions.map((m) => m.article))).toEqual(new Set(['one', 'two']));
  });

  it('a description may hold the quoted title of a work', () => {
    const a = annotate('Helena Ruiz entered a clinic on Monday. The "Harbor Nights" actress is resting.');
    expect(references(a)['Helena Ruiz']).toContain('actress');
  });
});

describe('unnamed people keep pronouns and descriptions from a named one', () => {
  it('a man introduced without a name may be the one a pronoun means', () => {
    const a = annotate('Deputy Tomas Brandt was looking for a man and hoped to arrest him on Friday.');
    expect(references(a)['Tomas Brandt'] ?? []).not.toContain('him');
    const b = annotate('Deputy Tomas Brandt was looking for a car and hoped to find it before he left.');
    expect(references(b)['Tomas Brandt']).toContain('he');
  });

  it('"the man" or "the woman" never links by gender alone', () => {
    const a = annotate('Tomas Brandt was robbed on Friday. Police are looking for the man.');
    expect(references(a)).toEqual({});
  });

  it('a person named with an office is not "the gunman" by gender alone', () => {
    const a = annotate('Deputy Tomas Brandt, 35, was shot on Friday. Officers searched for the gunman.');
    expect(references(a)['Tomas Brandt'] ?? []).not.toContain('gunman');
  });

  it("a faith's adjective after a given name is no person", () => {
    const a = annotate('He was raised Roman Catholic in the Bronx, his brother said.');
    expect(Object.keys(people(a))).not.toContain('Roman Catholic');
  });
});
