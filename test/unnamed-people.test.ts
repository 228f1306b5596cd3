// Unnamed people and groups (issue 12, people): "the gunman", "a woman", "police" become entities of their
// own, chained within an article by head noun and determiner, merged across articles only when the
// articles share a named actor, and never joined to a named person without evidence. Invented sentences.
import { describe, expect, it } from 'vitest';
import { compareStory } from '../src/compare/index.js';
import type { AnnotatedArticle } from '../src/model/article.js';
import { renderMarkdown } from '../src/report/md/index.js';
import { nounSpellingKey } from '../src/text/words.js';
import { annotateText as annotate } from './support/articles.js';
import { reportSchemaErrors, reportSpanErrors } from './support/report-schema.js';
import { schemaErrors, spanErrors } from './support/schema.js';

/** Unnamed entities as [name, kind, mention count]. */
const unnamed = (a: AnnotatedArticle) =>
  (a.unnamedPeople ?? []).map((e) => [e.name, e.kind, e.mentions.length] as const);

describe('unnamed people in one article', () => {
  it('"the gunman" refers back; police is a group', () => {
    const a = annotate(
      'A masked gunman robbed a jewellery shop in Oldbridge on Monday. Police said the gunman fled on foot. ' +
        'The gunman took rings worth thousands, police said.',
    );
    const rows = unnamed(a);
    expect(rows).toContainEqual(['gunman', 'person', 3]);
    expect(rows).toContainEqual(['police', 'group', 2]);
    const gunman = a.unnamedPeople?.find((e) => e.name === 'gunman');
    expect(gunman?.descriptors.map((d) => d.text)).toContain('masked gunman');
  });

  it('two indefinite "a man" are two people; "the man" goes to the latest', () => {
    const a = annotate(
      'A man was arrested near the harbour in Oldbridge on Friday. Later a man walked into the station. ' +
        'The man said he had seen the arrest.',
    );
    const men = (a.unnamedPeople ?? []).filter((e) => e.name === 'man');
    expect(men.map((e) => e.mentions.length)).toEqual([1, 2]);
  });

  it("a headline noun and the lead's indefinite are one referent", () => {
    const a = annotate(
      'Woman rescued from flooded car\n\nA woman was pulled from her car by firefighters on Sunday.',
    );
    const women = (a.unnamedPeople ?? []).filter((e) => e.name.toLowerCase() === 'woman');
    expect(women).toHaveLength(1);
    expect(women[0]?.mentions).toHaveLength(2);
  });

  it('an apposition ties a description to the name: no unnamed gunman', () => {
    const a = annotate('The gunman, Tomas Verhoeven, was arrested on Tuesday. Verhoeven, 41, said nothing.');
    expect(unnamed(a).filter(([name]) => name === 'gunman')).toEqual([]);
  });

  it('"who" after an unnamed person is a reference to them', () => {
    const a = annotate('A witness who saw the crash called the police on Monday in Oldbridge.');
    const witness = a.unnamedPeople?.find((e) => e.name === 'witness');
    expect(witness?.references?.map((r) => r.text)).toEqual(['who']);
  });

  it('"identified as" a named person makes the description and its chain that person\'s', () => {
    const a = annotate(
      'A guard was shot in Oldbridge on Monday. Police identified the suspect as Tomas Verhoeven, 27. ' +
        'The suspect fled on foot.',
    );
    expect(a.unnamedPeople?.some((e) => e.name === 'suspect')).toBe(false);
    const tomas = a.entities.find((e) => e.name === 'Tomas Verhoeven');
    expect(tomas?.references?.filter((r) => r.text === 'suspect')).toHaveLength(2);
    const b = annotate(
      'A body was found in Oldbridge on Monday. The victim, who was later identified as Marta Oyelaran, had been shot.',
    );
    const marta = b.entities.find((e) => e.name === 'Marta Oyelaran');
    expect(marta?.references?.map((r) => r.text)).toEqual(['victim', 'who']);
  });

  it('"a 34-year-old man" is the one person later given that age, unless a pronoun says otherwise', () => {
    const a = annotate(
      'A 34-year-old man was arrested over a barn fire in Oldbridge on Monday. Tomas Verhoeven, 34, appeared in ' +
        'court on Tuesday. The man denied the charge.',
    );
    expect(a.unnamedPeople?.some((e) => e.name === 'man') ?? false).toBe(false);
    expect(a.entities.find((e) => e.name === 'Tomas Verhoeven')?.references?.map((r) => r.text)).toEqual([
      'man',
      'man',
    ]);
    // Another age, a second person of that age, or a pronoun of the other gender: no link.
    const other = annotate(
      'A 35-year-old man was arrested over a barn fire in Oldbridge on Monday. Tomas Verhoeven, 34, appeared in court.',
    );
    expect(other.unnamedPeople?.some((e) => e.name === 'man')).toBe(true);
    const two = annotate(
      'A 34-year-old man was arrested in Oldbridge on Monday. Tomas Verhoeven, 34, and Piet Lammers, 34, ' +
        'appeared in court.',
    );
    expect(two.unnamedPeople?.some((e) => e.name === 'man')).toBe(true);
    const clash = annotate(
      'A 34-year-old woman was arrested over a barn fire in Oldbridge on Monday. Tomas Verhoeven, 34, said he saw it.',
    );
    expect(clash.unnamedPeople?.some((e) => e.name === 'woman')).toBe(true);
  });

  it('"who" whose verb disagrees in number is not the head\'s: "three girls and a man who were"', () => {
    const a = annotate(
      'The flood in Oldbridge stranded three girls and a man who were sheltering on a barn roof.',
    );
    const man = a.unnamedPeople?.find((e) => e.name === 'man');
    expect(man).toBeDefined();
    expect(man?.references ?? []).toEqual([]);
    const b = annotate('The blast in Oldbridge injured a man who was walking past the bank.');
    expect(b.unnamedPeople?.find((e) => e.name === 'man')?.references?.map((r) => r.text)).toEqual(['who']);
  });
});

describe('pronouns of unnamed people', () => {
  const refs = (text: string, name: string) =>
    (annotate(text).unnamedPeople ?? []).find((e) => e.name === name)?.references?.map((r) => r.text) ?? [];

  it('a pronoun that can only mean the one unnamed person or group nearby refers to them', () => {
    expect(
      refs('A woman was pulled from the river on Monday after she fell from the bridge.', 'woman'),
    ).toEqual(['she']);
    expect(refs('Police said on Monday that they had found the stolen van in Oldbridge.', 'police')).toEqual([
      'they',
    ]);
  });

  it('not when a named person stands in the window, the gender clashes, or the noun has no gender', () => {
    expect(refs('A woman met Tom Ford in Oldbridge on Monday before he left.', 'woman')).toEqual([]);
    expect(refs('A woman was hurt in Oldbridge on Monday and he fled.', 'woman')).toEqual([]);
    // A noun of no gender takes "he" only as the subject its sentence opens with (people-detection.test.ts).
    expect(refs('Police met a suspect in Oldbridge on Monday before he fled.', 'suspect')).toEqual([]);
  });

  it('the subject is the head after a possessor, not the possessor ("a judge\'s clerk … when he")', () => {
    const text = "A 41-year-old judge's clerk was hurt in Oldbridge on Monday when he slipped on the bridge.";
    expect(refs(text, 'clerk')).toEqual(['he']);
    expect(refs(text, 'judge')).toEqual([]);
  });

  it('not across two sentences of distance, nor inside a quotation', () => {
    expect(
      refs('A woman was hurt in Oldbridge on Monday. The bridge was closed. Later she went home.', 'woman'),
    ).toEqual([]);
    expect(
      refs('A woman was hurt in Oldbridge on Monday. “She will recover,” a doctor said.', 'woman'),
    ).toEqual([]);
  });
});

describe('nouns that refer to nobody are no unnamed actors', () => {
  const heads = (text: string) => (annotate(text).unnamedPeople ?? []).map((e) => e.name);

  it('a noun under "no" or "any": "no troops would be sent"', () => {
    expect(heads('The minister said no troops would be sent to Oldbridge this year.')).not.toContain(
      'troops',
    );
    expect(heads('Police are not looking for any suspects in Oldbridge.')).not.toContain('suspects');
  });

  it('a bare or indefinite noun under a negation in its clause: "has not deployed troops"', () => {
    expect(heads('Although Norland has not deployed troops, it lends its airfields to Southland.')).toEqual(
      [],
    );
    // A definite one still refers: the gunman exists whether or not he was found.
    expect(heads('Police did not find the gunman in Oldbridge on Monday.')).toContain('gunman');
  });

  it('a role after "as" or a copula: "serve as a mediator", "he is a suspect"', () => {
    expect(heads('Ana Petrakis said she did not want to serve as a mediator in Oldbridge.')).toEqual([]);
    expect(heads('Tom Ford agreed to act as mediator between the two towns.')).toEqual([]);
    expect(heads('Police said Tom Ford is a suspect in the Oldbridge fire.')).not.toContain('suspect');
    // "as" opening a clause is a conjunction: the officers are real.
    expect(heads('The inmate escaped on Monday as transport officers moved him to Oldbridge.')).toContain(
      'officers',
    );
  });

  it('a description in apposition to a country describes the country: "Norland, a more neutral mediator"', () => {
    expect(heads('The talks moved to Norland, a more neutral mediator, in March.')).toEqual([]);
    // "…, a spokeswoman said" opens a clause of its own: she is someone.
    expect(heads('The cable runs from Norland to Southland, a spokeswoman said on Monday.')).toContain(
      'spokeswoman',
    );
  });

  it("bare plurals whose clauses have different named subjects are two groups: two countries' troops", () => {
    const a = annotate(
      'Spain is massing troops near Oldbridge. Portugal has also moved troops to the border on Monday.',
    );
    expect((a.unnamedPeople ?? []).filter((e) => e.name === 'troops')).toHaveLength(2);
    const b = annotate('Spain is massing troops near Oldbridge. Observers counted troops near the border.');
    expect((b.unnamedPeople ?? []).filter((e) => e.name === 'troops')).toHaveLength(1);
  });
});

describe('unnamed actors across articles', () => {
  const one = annotate(
    'A gunman shot a guard at the Oldbridge branch of Harlow Bank on Monday, police said. The gunman fled.',
    'one',
  );
  const two = annotate(
    'Police are searching for the gunman who wounded a guard at Harlow Bank in Oldbridge on Monday.',
    'two',
  );
  const other = annotate(
    'A gunman held up a petrol station in Kestrel Falls on Sunday. The gunman escaped with cash.',
    'other',
  );

  it('merge by head noun when the articles share a named actor', () => {
    const story = compareStory([one, two]);
    const gunmen = (story.unnamedActors ?? []).filter((a) => a.name === 'gunman');
    expect(gunmen).toHaveLength(1);
    expect(new Set(gunmen[0]?.mentions.map((m) => m.article))).toEqual(new Set(['one', 'two']));
    expect(gunmen[0]?.unnamed).toBe(true);
    expect(gunmen[0]?.id).toMatch(/^u\d+$/);
  });

  it('merge across spellings of the head ("co-workers" / "coworkers", "protestors" / "protesters")', () => {
    const a = annotate(
      'Two co-workers of Alina Moroz were hurt at the Harlow Bank depot in Oldbridge on Monday. ' +
        'Protestors gathered outside the Harlow Bank depot.',
      'a',
    );
    const b = annotate(
      'Two coworkers of Alina Moroz were hurt at the Harlow Bank depot in Oldbridge on Monday. ' +
        'Protesters gathered outside the Harlow Bank depot.',
      'b',
    );
    const names = (compareStory([a, b]).unnamedActors ?? []).map((x) => x.name.toLowerCase());
    expect(names.filter((n) => /^co-?workers$/.test(n))).toHaveLength(1);
    expect(names.filter((n) => /^protest[eo]rs$/.test(n))).toHaveLength(1);
  });

  it('a description naming another party never joins the named person another outlet labels with its noun', () => {
    const a = annotate('Republican nominee Bo Hale rallied voters in Oldbridge on Monday.', 'a');
    const b = annotate(
      'As polling day looms, the Democratic nominee is losing ground just as Bo Hale gains in Oldbridge.',
      'b',
    );
    const hale = compareStory([a, b]).actors.find((x) => x.name === 'Bo Hale');
    expect(hale?.labels.map((l) => l.text)).toEqual(['Republican nominee']);
  });

  it('a description an article resolved to a person is dropped when other outlets title him with another party', () => {
    const a = annotate('Republican nominee Bo Hale rallied voters in Oldbridge on Monday.', 'a');
    const b = annotate(
      'Supporters of presidential nominee Bo Hale praised the letter. Voters were less likely to back the Democratic nominee after it. Ana Reyes said nothing.',
      'b',
    );
    expect(b.entities.find((e) => e.name === 'Bo Hale')?.descriptors.map((d) => d.text)).toContain(
      'Democratic nominee',
    );
    const story = compareStory([a, b]);
    const hale = story.actors.find((x) => x.name === 'Bo Hale');
    expect(hale?.labels.map((l) => l.text).sort()).toEqual(['Republican nominee', 'presidential nominee']);
    expect(JSON.stringify(story.discrepancies)).not.toContain('Democratic nominee');
  });

  it('one key for the spellings of a noun, not for two nouns ("minors" is not "miners")', () => {
    expect(nounSpellingKey('advisors')).toBe(nounSpellingKey('advisers'));
    expect(nounSpellingKey('co-worker')).toBe(nounSpellingKey('coworker'));
    expect(nounSpellingKey('minors')).not.toBe(nounSpellingKey('miners'));
  });

  it('stay apart when the articles share no named actor', () => {
    const story = compareStory([one, other]);
    expect((story.unnamedActors ?? []).filter((a) => a.name === 'gunman')).toHaveLength(2);
  });

  it('keep "Russian officials" and "Ukrainian officials" apart', () => {
    const a = annotate('Russian officials welcomed Alina Moroz in Oldbridge on Monday.', 'a');
    const b = annotate('Ukrainian officials welcomed Alina Moroz in Oldbridge on Tuesday.', 'b');
    const c = annotate('Officials welcomed Alina Moroz to Oldbridge.', 'c');
    const officials = (compareStory([a, b, c]).unnamedActors ?? []).filter(
      (x) => x.name.toLowerCase() === 'officials',
    );
    expect(officials).toHaveLength(2);
  });

  it('a bare plural ("investigators") merges only when a shared named actor stands around it', () => {
    // Both articles name Harlow Bank, but only far from "investigators" in the second: the bare plural
    // is a class ("investigators believe …"), so the article-wide overlap is not enough.
    const a = annotate(
      'Investigators examined the vault at Harlow Bank in Oldbridge on Monday. Nobody was hurt.',
      'a',
    );
    const b = annotate(
      'Harlow Bank reopened its Oldbridge branch on Tuesday. Staff returned early. The weather was fine. ' +
        'Trains ran late. Investigators said on Tuesday that the alarm had failed.',
      'b',
    );
    // The same event around it too: the vault they examined (the event rule below).
    const c = annotate('Investigators at Harlow Bank said the vault had been emptied in Oldbridge.', 'c');
    const groups = (arts: AnnotatedArticle[]) =>
      (compareStory(arts).unnamedActors ?? []).filter((x) => x.name.toLowerCase() === 'investigators');
    expect(groups([a, b])).toHaveLength(2);
    expect(groups([a, c])).toHaveLength(1);
  });

  it('a bare plural needs a shared event too: "massing troops" is not "sent troops in 2022"', () => {
    const a = annotate(
      'Norland is once again massing troops near the Oldbridge border, Ana Petrakis warned.',
      'a',
    );
    const b = annotate('Norland sent troops into Southland in 2022, Ana Petrakis recalled.', 'b');
    const c = annotate(
      'Satellite images show Norland massing troops near Oldbridge, Ana Petrakis said.',
      'c',
    );
    const troops = (arts: AnnotatedArticle[]) =>
      (compareStory(arts).unnamedActors ?? []).filter((x) => x.name === 'troops');
    expect(troops([a, b])).toHaveLength(2);
    expect(troops([a, c])).toHaveLength(1);
  });

  it('a particular group ("the robbers") still merges when the articles share a named actor anywhere', () => {
    const a = annotate('The robbers entered Harlow Bank in Oldbridge on Monday. Nobody was hurt.', 'a');
    const b = annotate(
      'Harlow Bank reopened its Oldbridge branch on Tuesday. Staff returned early. The weather was fine. ' +
        'Trains ran late. The robbers are still at large.',
      'b',
    );
    const robbers = (compareStory([a, b]).unnamedActors ?? []).filter((x) => x.name === 'robbers');
    expect(robbers).toHaveLength(1);
  });

  it('two articles sharing only a place keep their particular groups apart (one city, two raids)', () => {
    const a = annotate(
      'The robbers smashed a car into a watch shop in Oldbridge on Monday. The robbers fled on scooters.',
      'a',
    );
    const b = annotate(
      'The robbers tunnelled into a bank vault in Oldbridge in 2009. The robbers took gold bars.',
      'b',
    );
    const robbers = (compareStory([a, b]).unnamedActors ?? []).filter((x) => x.name === 'robbers');
    expect(robbers).toHaveLength(2);
  });

  it('the Markdown report lists those referred to twice, apart from the actors table', () => {
    const story = compareStory([one, two, other]);
    const md = renderMarkdown({ version: 1, generatedAt: '2024-05-08T00:00:00Z', stories: [story] });
    const line = md.split('\n').find((l) => l.startsWith('Referred to without a name:')) ?? '';
    expect(line).toMatch(/gunman \(person, 3× in 2 articles\)/);
    expect(md).not.toMatch(/\*\*gunman\*\*/);
  });

  it('are never part of the named cast', () => {
    const story = compareStory([one, two]);
    expect(story.actors.some((a) => a.name.toLowerCase() === 'gunman')).toBe(false);
  });
});

describe('relations and descriptions of named people', () => {
  it('"her lawyer" is tied to her; "the lawyer" refers back to it', () => {
    const a = annotate(
      'Marta Oyelaran was charged on Monday in Oldbridge. Her lawyer said she would plead not guilty. ' +
        'The lawyer asked for bail.',
    );
    const lawyer = a.unnamedPeople?.find((e) => e.name === 'lawyer');
    const marta = a.entities.find((e) => e.name === 'Marta Oyelaran');
    expect(lawyer?.mentions).toHaveLength(2);
    expect(lawyer?.of).toBe(marta?.id);
  });

  it('a description one outlet links to a named person is that person in another outlet naming her', () => {
    const one = annotate(
      'Helena Marsh checked into a clinic in Malibu on Monday. The actress has been treated there before.',
      'one',
    );
    // Two women: this article alone cannot say which one "the actress" is.
    const two = annotate(
      'Helena Marsh and Ana Pruitt arrived at the clinic on Monday night. The actress stayed for a week.',
      'two',
    );
    const story = compareStory([one, two]);
    const helena = story.actors.find((x) => x.name === 'Helena Marsh');
    expect(helena?.references?.map((r) => `${r.article}:${r.text}`)).toEqual(['one:actress', 'two:actress']);
    expect((story.unnamedActors ?? []).some((x) => x.name === 'actress')).toBe(false);
    // A third outlet that links "the actress" to Ana Pruitt: the outlets disagree, so "two" stays unnamed.
    const three = annotate(
      'Ana Pruitt left the clinic in Malibu on Friday. The actress thanked her fans.',
      'three',
    );
    const split = compareStory([one, two, three]);
    expect(split.unnamedActors?.find((x) => x.name === 'actress')?.mentions.map((m) => m.article)).toEqual([
      'two',
    ]);
  });

  it('a possessive whose owner is unknown is left out', () => {
    const a = annotate('Their lawyer said the appeal would be filed in Oldbridge on Monday.');
    expect(a.unnamedPeople?.some((e) => e.name === 'lawyer') ?? false).toBe(false);
  });

  it('merges across outlets on the noun and the named person it is tied to', () => {
    const one = annotate(
      'Marta Oyelaran was charged in Oldbridge on Monday. Her lawyer said she was innocent.',
      'one',
    );
    const two = annotate("Marta Oyelaran's lawyer asked for bail in Oldbridge on Tuesday.", 'two');
    const story = compareStory([one, two]);
    const lawyers = (story.unnamedActors ?? []).filter((a) => a.name.startsWith('lawyer'));
    expect(lawyers).toHaveLength(1);
    expect(lawyers[0]?.name).toBe('lawyer of Marta Oyelaran');
    expect(new Set(lawyers[0]?.mentions.map((m) => m.article))).toEqual(new Set(['one', 'two']));
  });

  it("the lead's referent of a head merges though the article has another ('a judge' shot years ago)", () => {
    const one = annotate(
      'An Oldbridge judge sentenced Tomas Brandt to life in prison on Saturday. Brandt showed no emotion. ' +
        'The hearing lasted an hour. Brandt was on trial for robbery in 2005 when he shot a judge and a guard.',
      'one',
    );
    const two = annotate('The judge told Tomas Brandt on Saturday that he would never leave prison.', 'two');
    const judges = (compareStory([one, two]).unnamedActors ?? []).filter((a) => a.name === 'judge');
    const byArticles = judges.map((a) => a.mentions.map((m) => `${m.article}:${m.start}`));
    expect(byArticles).toContainEqual([
      `one:${one.text.indexOf('judge')}`,
      `two:${two.text.indexOf('judge')}`,
    ]);
    expect(byArticles).toContainEqual([`one:${one.text.lastIndexOf('judge')}`]);
  });

  it('people described alike in two articles sharing only a place are two ("a deputy" in one county)', () => {
    const one = annotate('A deputy was shot dead outside a house in Marlow County on Friday.', 'one');
    const two = annotate('A deputy was stabbed outside his home in Marlow County last summer.', 'two');
    const deputies = (compareStory([one, two]).unnamedActors ?? []).filter((a) => a.name === 'deputy');
    expect(deputies).toHaveLength(2);
  });

  it('"his mother" of an unnamed man is one person where the outlets\' men are one; "mum" = "mother"', () => {
    const one = annotate(
      'Man charged with killing mother in Oldbridge\n\nA man was charged on Monday with killing his mother at ' +
        'her home in Oldbridge, Detective Rosa Kinley said. The man was arrested nearby.',
      'one',
    );
    const two = annotate(
      'A man was held in Oldbridge over the murder of his mum on Monday. Detective Rosa Kinley said the man was calm.',
      'two',
    );
    // Another town, nobody in common: another man, another mother.
    const three = annotate(
      'A man in Kestrel Falls was charged on Friday with killing his mother. The man was held.',
      'three',
    );
    const story = compareStory([one, two, three]);
    const mothers = (story.unnamedActors ?? []).filter((a) => a.name === 'mother');
    expect(mothers.map((a) => [...new Set(a.mentions.map((m) => m.article))].sort())).toEqual([
      ['one', 'two'],
      ['three'],
    ]);
  });

  it('"the inmate\'s mother", where the inmate is the named one, is his mother in another outlet', () => {
    const one = annotate(
      "Inmate Tomas Okafor escaped from a prison van near Oldbridge on Monday. Okafor's mother begged him to surrender.",
      'one',
    );
    const two = annotate(
      "Tomas Okafor, 49, was still at large in Oldbridge on Tuesday. The inmate's mother said she feared for him.",
      'two',
    );
    const mothers = (compareStory([one, two]).unnamedActors ?? []).filter((a) => a.name.startsWith('mother'));
    expect(mothers.map((a) => [a.name, a.mentions.map((m) => m.article)])).toEqual([
      ['mother of Tomas Okafor', ['one', 'two']],
    ]);
  });

  it('"her publicist" in one outlet is the person another names as her publicist', () => {
    const one = annotate(
      'Marta Oyelaran, the singer, cancelled her tour on Monday, her publicist Tobias Rennick said in Oldbridge.',
      'one',
    );
    const two = annotate('Marta Oyelaran cancelled her tour on Monday, according to her publicist.', 'two');
    const story = compareStory([one, two]);
    const tobias = story.actors.find((a) => a.name === 'Tobias Rennick');
    expect(tobias?.references?.some((r) => r.article === 'two' && r.text === 'publicist')).toBe(true);
    expect(story.unnamedActors?.some((a) => a.name.startsWith('publicist')) ?? false).toBe(false);
  });

  it('a relation two people hold to her ("her lawyer", "her attorney") stays unnamed; so does "a lawyer"', () => {
    const one = annotate(
      'Marta Oyelaran was charged on Monday. Her lawyer Tobias Rennick asked for bail in Oldbridge.',
      'one',
    );
    const two = annotate(
      'Marta Oyelaran was charged on Monday. She hired her attorney Lena Ortiz on Tuesday in Oldbridge.',
      'two',
    );
    const three = annotate('Marta Oyelaran was charged on Monday. Her attorney asked for bail.', 'three');
    const four = annotate(
      'Marta Oyelaran was charged on Monday. Lena Ortiz, a lawyer, watched in Oldbridge. Her lawyer spoke.',
      'four',
    );
    const story = compareStory([one, two, three, four]);
    const refsIn = (name: string, article: string) =>
      story.actors.find((a) => a.name === name)?.references?.filter((r) => r.article === article) ?? [];
    expect(refsIn('Tobias Rennick', 'three')).toEqual([]);
    expect(refsIn('Lena Ortiz', 'three')).toEqual([]);
    expect(story.unnamedActors?.some((a) => a.name === 'attorney of Marta Oyelaran')).toBe(true);
  });

  it('"the lawmaker" joins the one person an outlet labels lawmaker, not when introduced by "a"', () => {
    const one = annotate('Ana Petrakis, a veteran lawmaker, resigned in Oldbridge on Monday.', 'one');
    const two = annotate('Ana Petrakis resigned on Monday. The lawmaker said she was tired.', 'two');
    const three = annotate(
      'Ana Petrakis resigned on Monday. A lawmaker from Kestrel Falls will replace her.',
      'three',
    );
    const story = compareStory([one, two, three]);
    const ana = story.actors.find((a) => a.name === 'Ana Petrakis');
    expect(ana?.labels.map((l) => l.text)).toContain('veteran lawmaker');
    expect(ana?.references?.some((r) => r.article === 'two' && r.text === 'lawmaker')).toBe(true);
    expect(ana?.references?.some((r) => r.article === 'three' && r.text === 'lawmaker') ?? false).toBe(false);
    const unnamedLawmaker = story.unnamedActors?.find((a) => a.name === 'lawmaker');
    expect(unnamedLawmaker?.mentions.map((m) => m.article)).toEqual(['three']);
  });

  it('"a gang boss" leading an outlet is the boss another outlet settled; not once a person is named', () => {
    const one = annotate(
      'Gang boss Tomas Berglund was arrested by the Oldbridge Harbour Police on Tuesday.',
      'one',
    );
    const two = annotate(
      'A gang boss was arrested by the Oldbridge Harbour Police on Tuesday. The boss had been hiding for years.',
      'two',
    );
    const three = annotate(
      'Ana Petrakis watched the Oldbridge Harbour Police on Tuesday. A gang boss was arrested.',
      'three',
    );
    const four = annotate(
      'Tomas Berglund was arrested by the Oldbridge Harbour Police on Tuesday. The boss had been hiding in a barn.',
      'four',
    );
    const story = compareStory([one, two, three, four]);
    const tomas = story.actors.find((a) => a.name === 'Tomas Berglund');
    const refs = (article: string) => tomas?.references?.filter((r) => r.article === article) ?? [];
    expect(refs('two').map((r) => r.text)).toEqual(['boss', 'boss']);
    expect(refs('three')).toEqual([]);
    expect(story.unnamedActors?.find((a) => a.name === 'boss')?.mentions.map((m) => m.article)).toEqual([
      'three',
    ]);
  });

  it('"the founder" goes to the one person an outlet labels founder; not when the article titles another', () => {
    const one = annotate('Ana Petrakis, the bakery founder, retired in Oldbridge on Monday.', 'one');
    const two = annotate('Ana Petrakis retired on Monday. The founder thanked her staff.', 'two');
    const three = annotate('Ana Petrakis retired on Monday. The founder Lena Ortiz thanked her.', 'three');
    const story = compareStory([one, two, three]);
    const ana = story.actors.find((a) => a.name === 'Ana Petrakis');
    expect(ana?.labels.map((l) => l.text)).toContain('bakery founder');
    const refs = (article: string) =>
      ana?.references?.filter((r) => r.article === article && r.text === 'founder') ?? [];
    expect(refs('two')).toHaveLength(1);
    expect(two.text.slice((refs('two')[0]?.start ?? 0) - 4, refs('two')[0]?.end)).toBe('The founder');
    expect(refs('three')).toEqual([]);
  });

  it('"three people … the three people" is one group; "two women" then "three women" are two', () => {
    const a = annotate(
      'Three people died in the fire in Oldbridge on Monday. The three people were trapped upstairs. ' +
        'Two women escaped. Later three women were rescued.',
    );
    const rows = unnamed(a);
    expect(rows).toContainEqual(['people', 'group', 2]);
    expect(rows.filter(([name]) => name === 'women')).toHaveLength(2);
  });
});

describe('headlines, casualties and descriptions of named people (issue 12, ECB+ persons)', () => {
  /** The texts an entity's references hold, in text order. */
  const referenceTexts = (a: AnnotatedArticle, name: string) =>
    (a.entities.find((e) => e.name === name)?.references ?? []).map((r) => r.text.toLowerCase());

  it('a person noun in a title-case headline is a mention, whatever the tagger calls it', () => {
    const a = annotate(
      'Trial Opens for Warehouse Stabbing Suspect\n\nThe trial began in Oldbridge on Monday. The suspect denied the charge.',
    );
    const suspect = a.unnamedPeople?.find((e) => e.name === 'suspect');
    expect(suspect?.mentions.map((m) => m.text)).toEqual(['Suspect', 'suspect']);
  });

  it('a plural person noun before a capitalised headline verb heads its phrase', () => {
    const a = annotate(
      'Burglars Smash Van Into Watch Shop\n\nThe burglars fled with watches worth thousands in Oldbridge on Sunday.',
    );
    const burglars = a.unnamedPeople?.find((e) => e.name.toLowerCase() === 'burglars');
    expect(burglars?.kind).toBe('group');
    expect(burglars?.mentions.map((m) => m.text)).toEqual(['Burglars', 'burglars']);
  });

  it('"others" and "dozens more" after a casualty verb are groups, apart from the counted dead', () => {
    const a = annotate(
      'A gunman opened fire at a depot in Oldbridge on Friday, killing two drivers and wounding two others. ' +
        'A storm hit the coast on Sunday, killing four people and injuring dozens more.',
    );
    const rows = unnamed(a);
    expect(rows).toContainEqual(['others', 'group', 1]);
    expect(rows).toContainEqual(['dozens', 'group', 1]);
    expect(rows).toContainEqual(['drivers', 'group', 1]);
  });

  it('"wounding a third" is one more person; an age alone heads its phrase and is the person given that age', () => {
    const a = annotate(
      'A gunman killed two guards at a depot in Oldbridge and critically wounded a third on Friday. ' +
        'A vigil was held for a 17-year-old shot by a security guard. Tomas Verhoeven, 17, was unarmed, ' +
        'his sister said. The 17-year-old had left a party.',
    );
    expect(unnamed(a)).toContainEqual(['third', 'person', 1]);
    expect(referenceTexts(a, 'Tomas Verhoeven').filter((t) => t === '17-year-old')).toHaveLength(2);
  });

  it('a jury and jurors are groups of people', () => {
    const a = annotate(
      'A jury in Oldbridge convicted the driver on Tuesday. Jurors heard from nine witnesses. The jury took two hours.',
    );
    const rows = unnamed(a);
    expect(rows).toContainEqual(['jury', 'group', 2]);
    expect(rows).toContainEqual(['jurors', 'group', 1]);
  });

  it('"the suspect" after "The suspect, Tom Ford," is Ford, until another suspect comes up', () => {
    const a = annotate(
      'The suspect, Tomas Verhoeven, was arrested in Oldbridge on Friday. Police said the suspect had fled by train. ' +
        'A second suspect was held on Saturday. The suspect is 19, police said.',
    );
    expect(referenceTexts(a, 'Tomas Verhoeven').filter((t) => t === 'suspect')).toHaveLength(2);
    const suspects = (a.unnamedPeople ?? []).filter((e) => e.name === 'suspect');
    expect(suspects.map((e) => e.mentions.length)).toEqual([2]);
  });

  it('an apposition to a name, indefinite or definite, is that person, and so is its noun later', () => {
    const a = annotate(
      'Tomas Verhoeven, a convicted burglar, escaped from a prison van near Oldbridge on Monday. ' +
        'The burglar overpowered the driver. Marta Oyelaran, the prison service’s senior inspector, ' +
        'said the inspector would review the transfer.',
    );
    expect(referenceTexts(a, 'Tomas Verhoeven')).toEqual(['burglar', 'burglar']);
    expect(referenceTexts(a, 'Marta Oyelaran')).toContain('inspector');
    expect((a.unnamedPeople ?? []).map((e) => e.name)).not.toContain('burglar');
  });

  it('a noun before a possessive, before a time word, or before a lower-case headline verb is a mention', () => {
    const a = annotate(
      'Crowds gather as protesters block main road\n\nProtests spread in the teen’s home town on Sunday. ' +
        'Police questioned the protesters today.',
    );
    const rows = unnamed(a);
    expect(rows).toContainEqual(['protesters', 'group', 2]);
    expect(rows.map(([name]) => name)).toContain('teen');
  });

  it('the cast of accident and court reporting: a climber, a defendant, a crew', () => {
    const a = annotate(
      'A climber fell on the north ridge near Oldbridge on Sunday. A rescue crew reached the climber at dusk. ' +
        'The crew flew her to hospital. In court, the defendant denied the charge; the defendant wept.',
    );
    const rows = unnamed(a);
    expect(rows).toContainEqual(['climber', 'person', 2]);
    expect(rows).toContainEqual(['crew', 'group', 2]);
    expect(rows).toContainEqual(['defendant', 'person', 2]);
  });

  it('"the star" is an unnamed person when nobody named settles it', () => {
    const a = annotate(
      'A pop star was mobbed by fans at the airport in Oldbridge on Friday. The star later thanked them.',
    );
    expect(unnamed(a)).toContainEqual(['star', 'person', 2]);
  });
});

describe('the published schemas hold the new fields', () => {
  it('annotations: unnamedPeople with an owner; report: unnamedActors', () => {
    const one = annotate(
      'Marta Oyelaran was charged in Oldbridge on Monday, police said. Her lawyer said the gunman was someone else.',
      'one',
    );
    const two = annotate("Police said Marta Oyelaran's lawyer asked for bail in Oldbridge.", 'two');
    expect(one.unnamedPeople?.some((e) => e.of)).toBe(true);
    expect(schemaErrors({ version: 1, articles: [one, two] })).toEqual([]);
    expect([...spanErrors(one), ...spanErrors(two)]).toEqual([]);
    const report = {
      version: 1 as const,
      generatedAt: '2024-05-08T00:00:00Z',
      stories: [compareStory([one, two])],
    };
    expect(report.stories[0]?.unnamedActors?.length).toBeGreaterThan(0);
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(reportSpanErrors(report)).toEqual([]);
  });
});
