// Entities of one article: candidates are typed by pooled evidence, then grouped. A person's surname-only
// mentions ("Lukashenko") join the full name ("Alexander Lukashenko"), and spelling variants within the
// article join too ("Zelenskyy" / "Zelensky"). Headings are Title Case, so capitalisation there proves
// nothing: heading candidates only count when they match a name found in the body.
import type { Entity, EntityKind, Mention } from '../../model/article.js';
import { photoCreditSpans } from '../../text/captions.js';
import { sameNameByShortForm } from '../../text/given-names.js';
import { NAME_SUFFIXES, nameWords, similarNames } from '../../text/names.js';
import type { TokenLayer } from '../tokens.js';
import { type Candidate, findCandidates } from './candidates.js';
import {
  CITIES,
  COMPANY_FORMS,
  COUNTRIES,
  DEMONYMS,
  FEMALE_NAMES,
  FEMALE_TITLES,
  GIVEN_NAMES,
  isKnownWord,
  isOrdinaryWord,
  isPluralCommonNoun,
  KIN_NOUNS,
  KNOWN_SURNAMES,
  MALE_NAMES,
  MALE_TITLES,
  OFFICE_TITLES,
  REGIONS,
} from './gazetteer.js';
import {
  addEvidence,
  compromiseEvidence,
  contextEvidence,
  decideKind,
  type Evidence,
  isDecided,
  nameEvidence,
  primeCompromise,
  speaksLikePerson,
} from './typing.js';

/** A name mention bound to its entity, with the token positions later annotators need. */
export interface NameMention extends Candidate {
  entity: string;
}

export interface EntityLayer {
  entities: Entity[];
  /** Every name mention, in text order. */
  mentions: NameMention[];
  kindOf: (entityId: string) => EntityKind;
  /** 'male'/'female' when a given name or a gendered title says so, else null. */
  genderOf: (entityId: string) => Gender;
  /** Names left to weaker evidence because they came after MAX_COMPROMISE_NAMES. */
  untypedNames: number;
}

export type Gender = 'male' | 'female' | null;

function genderFrom(members: readonly Candidate[], layer: TokenLayer): Gender {
  for (const m of members) {
    const words = m.text.toLowerCase().split(/\s+/);
    const titles = layer.tokens
      .slice(Math.max(0, m.titleFirst - 1), m.firstToken)
      .map((t) => t.text.toLowerCase());
    if (words.length > 1 && MALE_NAMES.has(words[0] ?? '') && !FEMALE_NAMES.has(words[0] ?? ''))
      return 'male';
    if (words.length > 1 && FEMALE_NAMES.has(words[0] ?? '') && !MALE_NAMES.has(words[0] ?? ''))
      return 'female';
    if (titles.some((t) => MALE_TITLES.has(t))) return 'male';
    if (titles.some((t) => FEMALE_TITLES.has(t))) return 'female';
  }
  return null;
}

/**
 * One given name written two ways: the same, a spelling variant ("Bettie"/"Betty"), a short form that
 * begins the long one ("Fred"/"Frederick"; at least three letters, so "Al" is not "Alice") or a usual
 * short form of it ("Chuck"/"Charles", src/text/given-names.ts).
 */
export function sameGivenName(x: string, y: string): boolean {
  if (x === y || similarNames(x, y) || sameNameByShortForm(x, y)) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && long.startsWith(short);
}

/**
 * Whether two full names' given names can be one person's: one given name in both (see sameGivenName), or
 * an initial against a name ("F." / "Frederick").
 */
function sameGivenNames(a: readonly string[], b: readonly string[]): boolean {
  const initial = (w: string) => /^\p{L}\.?$/u.test(w);
  return a
    .slice(0, -1)
    .some((x) =>
      b.slice(0, -1).some((y) => sameGivenName(x, y) || ((initial(x) || initial(y)) && x[0] === y[0])),
    );
}

/** The gender an honorific or gendered title right before the name gives ("Mr. Lee", "Mrs. Lee"). */
function honorificGender(layer: TokenLayer, c: Candidate): Gender {
  for (let t = c.titleFirst; t < c.firstToken; t++) {
    const lower = (layer.tokens[t]?.text ?? '').toLowerCase();
    if (MALE_TITLES.has(lower)) return 'male';
    if (FEMALE_TITLES.has(lower)) return 'female';
  }
  return null;
}

/**
 * "her father, coach Tom Gray", "the singer's brother, Tom Gray": a name in apposition right after a
 * possessed kin or relation noun, the person brought in by a tie to someone else.
 */
function introducedAsRelative(layer: TokenLayer, c: Candidate): boolean {
  const { tokens } = layer;
  // Back over the title words ("coach", "Creighton coach") to the comma; no verb or other mark between.
  let k = c.firstToken - 1;
  while (k >= c.firstToken - 4 && tokens[k]?.text !== ',') {
    const t = tokens[k];
    if (!t || t.sentence !== c.sentence || t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX')
      return false;
    k--;
  }
  const noun = tokens[k - 1];
  const owner = tokens[k - 2];
  return (
    tokens[k]?.text === ',' &&
    noun !== undefined &&
    owner !== undefined &&
    noun.sentence === c.sentence &&
    KIN_NOUNS.has(noun.text.toLowerCase()) &&
    (/^(?:his|her|their)$/i.test(owner.text) || /^['’]s?$/.test(owner.text))
  );
}

/** Words after which "General" is part of a civil office, no rank: "Attorney General", "Secretary General". */
const GENERAL_RANKS = new Set(['lt', 'lieutenant', 'maj', 'major', 'brig', 'brigadier']);

/**
 * The offices (OFFICE_TITLES keys) the title words right before a name state: the capitalised title run
 * ("Former President Tomas Lindqvist", "Sen. Ruiz"), back over "of" ("Secretary of State Ana Ruiz", where
 * the run holds only "State"), and one lower-case office word right before it ("former president Tomas
 * Lindqvist").
 */
function titleOffices(layer: TokenLayer, c: Candidate): string[] {
  const { tokens } = layer;
  let first = c.titleFirst;
  while (
    first >= 2 &&
    tokens[first - 1]?.text === 'of' &&
    /^\p{Lu}/u.test(tokens[first - 2]?.text ?? '') &&
    tokens[first - 2]?.sentence === c.sentence
  )
    first -= 2;
  const before = tokens[first - 1];
  if (before && before.sentence === c.sentence && OFFICE_TITLES.has(before.text.toLowerCase())) first--;
  const offices: string[] = [];
  for (let t = first; t < c.firstToken; t++) {
    const word = (tokens[t]?.text ?? '')
      .toLowerCase()
      .replace(/\.$/, '')
      .replace(/-elect$/, '');
    const office = OFFICE_TITLES.get(word);
    if (!office) continue;
    const previous = t > first ? (tokens[t - 1]?.text ?? '').toLowerCase().replace(/\.$/, '') : '';
    if (office === 'general' && previous && !GENERAL_RANKS.has(previous)) continue;
    if (office === 'first spouse' && (tokens[t - 1]?.text ?? '').toLowerCase() !== 'first') continue;
    offices.push(office);
  }
  return offices;
}

/** 'male'/'female' for a given name the lexicon knows as only one of them. */
function givenNameGender(word: string): Gender {
  const male = MALE_NAMES.has(word);
  const female = FEMALE_NAMES.has(word);
  return male === female ? null : male ? 'male' : 'female';
}

const PLACE_NAMES = [COUNTRIES, CITIES, REGIONS];

/** A lower-case common noun right after a name: "Camorra members", "the Ruiz campaign". */
function modifiesNoun(layer: TokenLayer, after: number): boolean {
  const next = layer.tokens[after];
  return next !== undefined && next.pos === 'NOUN' && /^\p{Ll}/u.test(next.text);
}
/** A word only a name has: a given name, a known surname, or a word of letters the lexicon lacks. */
const isNameWord = (w: string) =>
  GIVEN_NAMES.has(w) ||
  KNOWN_SURNAMES.has(w) ||
  (/^\p{L}+$/u.test(w) &&
    !isKnownWord(w) &&
    // "Sicilian", "Faroese": an adjective of a people or place the lists lack.
    !/(?:ian|ese)$/.test(w) &&
    !DEMONYMS.has(w) &&
    !PLACE_NAMES.some((s) => s.has(w)));

/** The longest name looked for inside a run no group takes ("Ana Maria Del Rio"). */
const MAX_NAME_IN_RUN = 4;

/** Two or three words: longer capitalised runs are headline fragments and titles, not names to type. */
function isCompromiseSized(key: string): boolean {
  const words = key.split(' ').length;
  return words >= 2 && words <= 3;
}

/**
 * Names typed by compromise per article, at most (the first ones in text order). compromise costs about
 * a millisecond per name, however they are batched; a news article has a few dozen undecided two- or
 * three-word names, while a list of 4,000 made-up names took 4.5 s. Names past the cap are typed by the
 * other evidence alone, and the article says so (EntityLayer.untypedNames).
 */
export const MAX_COMPROMISE_NAMES = 300;

/** Evidence at least this strong for another kind keeps a surname-like word from joining a person. */
const FIRM = 3;

/**
 * The grouping key of a name. A hyphen before a lower-case letter joins syllables of one romanised given
 * name, which outlets also write apart: "Kim Jong-un" = "Kim Jong Un" ("Ana Ruiz-Tamm" keeps its hyphen).
 */
const keyOf = (name: string) =>
  name
    // "Vincenzo 'The Fox' Amato" is Vincenzo Amato: a quoted nickname inside a name is left out of the key.
    .replace(/ ['"“‘][^'"“”‘’]+['"”’] /gu, ' ')
    // So is one in brackets: "Luis Gerardo (Jerry) Ortiz" is Luis Gerardo Ortiz.
    .replace(/ \([^()]+\) /gu, ' ')
    .replace(/(\p{L})-(\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    // "told The Harbour Wells" and "The Harbour Wells said" (where the sentence's capital left "The" out of
    // the name) are one paper.
    .replace(/^the\s+/, '')
    .replace(/[’']/g, "'");

/**
 * A name written surname first, as Korean and Chinese names are in English news: a capitalised word,
 * then a given name of hyphen-joined syllables ("Kim Jong-un", "Xi Jin-ping"). Its first word is the
 * surname a bare mention uses ("Kim said …").
 */
export function isSurnameFirst(text: string): boolean {
  return /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}*-\p{Ll}+$/u.test(text.trim());
}

interface Group {
  kind: EntityKind;
  members: Candidate[];
  /** Lower-case name words, for surname matching. */
  words: string[];
  /** Written surname first ("Kim Jong-un"): the first word is the surname. */
  surnameFirst?: boolean;
  /** A person's gender an honorific of one of its mentions states ("Mr. Jordan Lee", "Mrs. Lee"). */
  gender?: Gender;
  /** The offices titles of its mentions state (see titleOffices). */
  offices?: Set<string>;
}

export function findEntities(layer: TokenLayer): EntityLayer {
  // A name inside a photo credit is the photographer's (text/captions.ts), no actor of the story.
  const credits = photoCreditSpans(layer.text);
  const candidates = findCandidates(layer).filter(
    (c) => !credits.some((span) => c.start >= span.start && c.end <= span.end),
  );
  const keys = new Map(candidates.map((c) => [c, keyOf(c.text)]));
  const keyFor = (c: Candidate) => keys.get(c) ?? keyOf(c.text);
  const body = candidates.filter((c) => !c.inHeading);
  const confirmed = new Set(body.filter((c) => !c.weakStart && !c.atSentenceStart).map(keyFor));

  // Pool the evidence of every mention of a name (its contexts, then gazetteers and shape), and ask
  // compromise, in one batch, only about names that evidence leaves undecided. Then decide each kind once.
  const evidence = new Map<string, Evidence>();
  const spelling = new Map<string, string>();
  const speaking = new Set<string>();
  for (const c of body) {
    const key = keyFor(c);
    let pooled = evidence.get(key);
    if (!pooled) {
      pooled = {};
      evidence.set(key, pooled);
      spelling.set(key, c.text);
    }
    addEvidence(pooled, contextEvidence(layer, c));
    if (speaksLikePerson(layer, c)) speaking.add(key);
  }
  for (const key of speaking) addEvidence(evidence.get(key) ?? {}, { person: 1 });
  // A word seen only as an unconfirmed sentence opener ("However", "Officials") is dropped later unless
  // other evidence types it, so it does not earn a compromise call either.
  const beyondOpeners = new Set(body.filter((c) => !c.weakStart).map(keyFor));
  for (const [key, pooled] of evidence) addEvidence(pooled, nameEvidence(spelling.get(key) ?? key));
  // "Zbignev Kowalczyk stopped …" then "Kowalczyk put …": news names a person in full once, then by the
  // last word alone; a firm or a place is not called by its last word. A full name nothing else types,
  // whose last word (or last two: "Lo Bianco") the article also uses alone, is weakly a person.
  // The bare word must stand as a head ("Kowalczyk put …"), not modify a noun ("Camorra members").
  const standsAlone = new Set(
    body.filter((c) => c.possessive || !modifiesNoun(layer, c.endToken)).map(keyFor),
  );
  for (const [key, pooled] of evidence) {
    if (Object.keys(pooled).length > 0 || !isCompromiseSized(key)) continue;
    const words = nameWords(key);
    if (!words.every(isNameWord)) continue;
    const surname = [words.at(-1) ?? '', words.length > 2 ? words.slice(-2).join(' ') : ''];
    if (surname.some((s) => s && standsAlone.has(s))) addEvidence(pooled, { person: 1 });
  }
  // Single words are typed by the lexicon, surname shapes and propagation from full names in the
  // article; compromise's rules earn their cost on two- and three-word names ("Bill Clinton").
  const undecidedAll = [...evidence.keys()].filter(
    (key) => isCompromiseSized(key) && beyondOpeners.has(key) && !isDecided(evidence.get(key) ?? {}),
  );
  const undecided = undecidedAll.slice(0, MAX_COMPROMISE_NAMES);
  primeCompromise(undecided.map((key) => spelling.get(key) ?? key));
  for (const key of undecided)
    addEvidence(evidence.get(key) ?? {}, compromiseEvidence(spelling.get(key) ?? key));
  const kindOfKey = new Map<string, EntityKind>();
  const shared = shareWithSurnames(evidence);
  for (const [key, ev] of evidence) kindOfKey.set(key, decideKind(shared.get(key) ?? ev));
  // "many Catalans said …": a plural of a common word is a group of people at most, which a speech verb
  // after it (weak evidence of a person) must not make one person who then takes "he". Only where typing
  // said person: a team ("the Harbor Sixers") or a place ("in Queens") keeps its kind; a surname the
  // article gives a full name ("Ana Banks" … "Banks said") shares that name's evidence and stays a person.
  for (const [key, kind] of kindOfKey)
    if (kind === 'person' && !shared.has(key) && !key.includes(' ') && isPluralCommonNoun(key))
      kindOfKey.set(key, 'group');

  // A run of four words or more with ordinary words in it is a headline or a title before it is a
  // name ("Rovers Make Big Offer To Kowalczyk"), whatever typing made of it; a quoted nickname inside a
  // name ("Vincenzo 'The Fox' Amato") is no such run.
  const headlineLike = (c: Candidate) => {
    // The name after its title: "Interior Secretary Ana Ruiz" is a titled name, not a headline.
    if (c.endToken - c.firstToken < 4) return false;
    // Two ordinary words: one may be a surname ("J. Tom Baker Sr.").
    let ordinary = 0;
    for (let t = c.firstToken; t < c.endToken; t++) {
      const word = layer.tokens[t]?.text ?? '';
      if (!/^\p{L}/u.test(word)) return false;
      const lower = word.toLowerCase();
      if (isOrdinaryWord(lower) && !GIVEN_NAMES.has(lower) && !NAME_SUFFIXES.has(lower)) ordinary++;
    }
    return ordinary >= 2;
  };
  const headlineKeys = new Set(candidates.filter(headlineLike).map(keyFor));

  // Full names first, so surnames have something to join.
  const groups: Group[] = [];
  const persons = new PersonIndex();
  const byKey = new Map<string, Group>();
  const surnameFirst = new Set(candidates.filter((c) => isSurnameFirst(c.text)).map(keyFor));
  const othersBySurname = new Map<string, Group | undefined>();
  const twoWordSurnames = new Map<string, Group | undefined>();
  const firmsByFirstWord = new Map<string, Group | undefined>();
  // Word counts computed once per key, not in every comparison (the splits cost ~0.5 s per 3,000 articles).
  const wordsOfKey = new Map([...new Set(body.map(keyFor))].map((k) => [k, k.split(' ').length]));
  const ordered = [...wordsOfKey.keys()].sort((a, b) => (wordsOfKey.get(b) ?? 0) - (wordsOfKey.get(a) ?? 0));
  // Names of two or more words by their first word, whatever their kind: a bare given name is one person's
  // only when a single name of the article opens with it ("Bill Marsh" typed a place still holds "Bill").
  const opening = new Map<string, number>();
  for (const [key, n] of wordsOfKey)
    if (n > 1) {
      const first = nameWords(key)[0] ?? '';
      opening.set(first, (opening.get(first) ?? 0) + 1);
    }
  const namesOpeningWith = (word: string) => opening.get(word) ?? 0;
  for (const key of ordered) {
    const kind = kindOfKey.get(key) ?? 'other';
    const words = nameWords(key);
    // A word that is the surname of someone named in this article is that person ("Reyes's office" after
    // "Ana Reyes"), unless a gazetteer or an organisation suffix says firmly otherwise.
    const firmlyElse = Object.entries(evidence.get(key) ?? {}).some(
      ([k, w]) => k !== 'person' && (w ?? 0) >= FIRM,
    );
    const target =
      kind === 'person' || kind === 'other' || !firmlyElse
        ? ((words.length === 2 ? twoWordSurnames.get(key) : undefined) ??
          personGroupFor(persons, words, kind, namesOpeningWith))
        : undefined;
    if (target) {
      byKey.set(key, target);
      continue;
    }
    // An untyped surname joins an untyped full name it ends ("Kowalczyk" after "Zbignev Kowalczyk"):
    // whatever the kind, the surname names the same thing, and only one full name may end with it.
    const untypedFull =
      kind === 'other' && words.length === 1 ? othersBySurname.get(words[0] ?? '') : undefined;
    if (untypedFull) {
      byKey.set(key, untypedFull);
      continue;
    }
    // "Brantwell Corp. agreed …" then "Brantwell said …": a firm the article named in full is called by
    // the first word of its name, which its speech verbs would otherwise type a person (a full name of a
    // person ending with the word was looked for first).
    const firm = words.length === 1 && kind !== 'place' ? firmsByFirstWord.get(words[0] ?? '') : undefined;
    if (firm) {
      byKey.set(key, firm);
      continue;
    }
    const group: Group = { kind, members: [], words, surnameFirst: surnameFirst.has(key) };
    groups.push(group);
    // A headline run typed a person is no full name a surname may join (see headlineLike below).
    if (kind === 'person' && !headlineKeys.has(key)) persons.add(group);
    // "Ana Del Rio" … "Del Rio": a surname of two words, the first no given name, joins the full name
    // (of two full names ending so, neither).
    if (kind === 'person' && words.length > 2 && !GIVEN_NAMES.has(words.at(-2) ?? '')) {
      const two = words.slice(-2).join(' ');
      twoWordSurnames.set(two, twoWordSurnames.has(two) ? undefined : group);
    }
    if (kind === 'other' && words.length > 1) {
      // Two untyped full names with one surname: the bare surname is ambiguous, so it joins neither.
      for (const surname of group.surnameFirst ? [words[0] ?? '', words.at(-1) ?? ''] : [words.at(-1) ?? ''])
        othersBySurname.set(surname, othersBySurname.has(surname) ? undefined : group);
    }
    // A company's name: its first word, then up to two more words ending with a legal form ("Brantwell
    // Holdings Ltd"). Two firms sharing the first word leave it to neither.
    const form = (words.at(-1) ?? '').replace(/\.$/, '');
    if (kind === 'organization' && words.length >= 2 && words.length <= 4 && COMPANY_FORMS.has(form)) {
      const first = words[0] ?? '';
      firmsByFirstWord.set(first, firmsByFirstWord.has(first) ? undefined : group);
    }
    byKey.set(key, group);
  }

  // "Zbignev Kowalczyk stopped …" opens a sentence, but "Kowalczyk" mid-sentence elsewhere confirms it.
  const isConfirmed = (key: string) =>
    confirmed.has(key) || (key.includes(' ') && confirmed.has(nameWords(key).at(-1) ?? ''));
  const accept = (c: Candidate): Group | undefined => {
    const key = keyFor(c);
    const group =
      byKey.get(key) ??
      (c.inHeading ? (headingPersonFor(persons, nameWords(key)) ?? headingOnlyPerson(key)) : undefined);
    if (!group) return undefined;
    // A sentence opener nobody confirms ("Despite", "Meanwhile") and bare demonyms are not entities.
    if (c.weakStart && !isConfirmed(key) && group.members.every((m) => m.weakStart)) return undefined;
    if (group.kind === 'other' && DEMONYMS.has(key)) return undefined;
    // "Critics said …", "Tonight our job …": a sentence's first word with no evidence of being a name,
    // or one the lexicon knows as an ordinary word ("Officials said …"), unless it is confirmed elsewhere.
    // A title in front ("Mrs. May said …") shows the capital is a name's, wherever the sentence starts.
    const titled = c.firstToken > c.titleFirst;
    if (c.atSentenceStart && !titled && !isConfirmed(key) && (group.kind === 'other' || isOrdinaryWord(key)))
      return undefined;
    // "Sources told the paper …": a plural of a common word at a sentence start, named nowhere else, is
    // no name (the tagger calls it one); a surname of a person the article names in full still is.
    if (
      c.atSentenceStart &&
      !titled &&
      !isConfirmed(key) &&
      group.words.length === 1 &&
      isPluralCommonNoun(key)
    )
      return undefined;
    const words = nameWords(key);
    if (group.kind === 'person' && group.words.length > 1 && words.length === 1)
      return surnameOwner(c, words[0] ?? '', group);
    return group;
  };
  // A bare surname ("Lee", "Mr. Lee", "Secretary Lee") and the people it may name: the full names ending
  // with it, and the people of that surname the article already had to keep apart from them. A title must
  // fit: the honorific's gender the given name ("Mr. Lee" is never "Grace Lee"), an office the offices
  // that person holds ("Secretary Lindqvist" is not "former President Tomas Lindqvist", her husband). Of
  // several that fit, the one named nearest before it in the same paragraph; with none to choose by, the
  // surname stays a person of its own. A titled surname that fits nobody is a person kept apart, whom a
  // later mention with that surname may name.
  const bareSurnames = new Map<string, Group>();
  const apartBySurname = new Map<string, Group[]>();
  const genderOfGroup = (g: Group): Gender =>
    g.gender ?? (g.words.length > 1 ? givenNameGender(g.words[0] ?? '') : null);
  const learn = (g: Group, gender: Gender, offices: readonly string[]): Group => {
    if (gender && !genderOfGroup(g)) g.gender = gender;
    if (offices.length > 0) {
      const held = g.offices ?? new Set<string>();
      for (const o of offices) held.add(o);
      g.offices = held;
    }
    return g;
  };
  const surnameOwner = (c: Candidate, word: string, fallback: Group): Group => {
    const owners = persons.allWithSurname(word);
    if (owners.length === 0) return fallback;
    const honorific = honorificGender(layer, c);
    const offices = titleOffices(layer, c);
    const fits = (g: Group) => {
      const gender = genderOfGroup(g);
      if (honorific !== null && gender !== null && gender !== honorific) return false;
      const held = g.offices;
      return offices.length === 0 || !held || held.size === 0 || offices.some((o) => held.has(o));
    };
    const fitting = owners.filter(fits);
    const apart = (apartBySurname.get(word) ?? []).filter(fits);
    // Full names that can be one person ("Frederick C. Ruiz", "Frederick Cole Ruiz") are no conflict.
    const first = fitting[0];
    if (
      apart.length === 0 &&
      first &&
      fitting.every((g) => g === first || sameGivenNames(g.words, first.words))
    )
      return learn(first, honorific, offices);
    if (fitting.length === 0 && apart.length === 1 && apart[0]) return learn(apart[0], honorific, offices);
    const all = [...fitting, ...apart];
    if (all.length > 1) {
      const paragraph = layer.sentences[c.sentence]?.paragraph;
      let nearest: { group: Group; start: number } | undefined;
      for (const g of all) {
        const last = g.members.at(-1);
        if (!last || last.start > c.start || layer.sentences[last.sentence]?.paragraph !== paragraph)
          continue;
        if (!nearest || last.start > nearest.start) nearest = { group: g, start: last.start };
      }
      if (nearest) return learn(nearest.group, honorific, offices);
      // Else the one named last before it, when that one is also named most often ("Ana Gray" seven
      // times, her brother "Tom Gray" once, then "Gray said …" two paragraphs on); a tie leaves it open.
      let recent: { group: Group; start: number } | undefined;
      for (const g of all)
        for (const m of g.members)
          if (m.start < c.start && !m.inHeading && (!recent || m.start > recent.start))
            recent = { group: g, start: m.start };
      const count = (g: Group) => g.members.filter((m) => m.start < c.start && !m.inHeading).length;
      if (recent && all.every((g) => g === recent.group || count(g) < count(recent.group)))
        return learn(recent.group, honorific, offices);
      // Else the one the article did not bring in as someone's relative ("Ana Gray … her father, coach
      // Tom Gray, …" then "Gray said" paragraphs on): a relative named once in apposition is a side figure,
      // the story is about the other, named before the surname too.
      const main = all.filter((g) => !(g.members[0] && introducedAsRelative(layer, g.members[0])));
      if (main.length === 1 && main[0]?.members.some((m) => m.start < c.start))
        return learn(main[0], honorific, offices);
    }
    if (all.length === 0) {
      const kept: Group = { kind: 'person', members: [], words: [word] };
      learn(kept, honorific, offices);
      apartBySurname.set(word, [...(apartBySurname.get(word) ?? []), kept]);
      groups.push(kept);
      return kept;
    }
    const bareKey = `${word}|${honorific ?? ''}`;
    let bare = bareSurnames.get(bareKey);
    if (!bare) {
      bare = { kind: 'person', members: [], words: [word] };
      bareSurnames.set(bareKey, bare);
      groups.push(bare);
    }
    return bare;
  };
  // A heading that names someone the body never names ("Ana Ruiz quits the band" over a body that says
  // only "the singer"): Title Case proves nothing, so only a run shaped like a person's full name counts.
  const headingOnlyPerson = (key: string): Group | undefined => {
    if (!isHeadingFullName(nameWords(key))) return undefined;
    const group: Group = { kind: 'person', members: [], words: nameWords(key) };
    groups.push(group);
    byKey.set(key, group);
    return group;
  };
  // A run no group takes may hold the name of a person the body names: a headline's Title Case run
  // ("Ana Ruiz Finally Quits Band", "Band Director Ana Ruiz Still In Talks") or a capitalised line the
  // cleaning did not mark a heading ("Club Makes Offer To Ruiz"). Its longest sub-runs that are such a
  // name (full name or a surname the body gives a person) become the candidates, left to right.
  const personsInside = (c: Candidate): { inner: Candidate; group: Group }[] => {
    const { tokens, text } = layer;
    const found: { inner: Candidate; group: Group }[] = [];
    for (let s = c.titleFirst; s < c.endToken; s++) {
      for (let n = Math.min(MAX_NAME_IN_RUN, c.endToken - s); n >= 1; n--) {
        const first = tokens[s];
        const last = tokens[s + n - 1];
        if (!first || !last) continue;
        const glued = /\p{L}['’]s$/u.test(last.text) ? 2 : 0;
        const sub = text.slice(first.start, last.end - glued);
        const key = keyOf(sub);
        const words = nameWords(key);
        const known = byKey.get(key);
        // Exact spellings only, and a surname only of one full name: a run is weak evidence already.
        const group =
          known?.kind === 'person'
            ? known
            : words.length === 1
              ? persons.allWithSurname(words[0] ?? '').length === 1
                ? persons.exactSurname(words[0] ?? '')
                : undefined
              : c.inHeading
                ? headingPersonFor(persons, words)
                : undefined;
        if (group?.kind !== 'person' || group.members.length === 0) continue;
        const inner: Candidate = {
          firstToken: s,
          endToken: s + n,
          titleFirst: s,
          start: first.start,
          end: last.end - glued,
          text: sub,
          possessive: glued > 0,
          sentence: c.sentence,
          inHeading: c.inHeading,
          weakStart: false,
          atSentenceStart: false,
        };
        // A bare surname goes to the full name the evidence picks ("Mr. Ruiz" never to Ana Ruiz).
        const owner =
          words.length === 1 && group.words.length > 1 ? surnameOwner(inner, words[0] ?? '', group) : group;
        found.push({ inner, group: owner });
        s += n - 1;
        break;
      }
    }
    return found;
  };
  // The offices and honorific genders the full names' own titles state ("former President Tomas
  // Lindqvist", "Mr. Jordan Lee"), known before any surname is placed, wherever in the text they come.
  for (const c of body) {
    const key = keyFor(c);
    const group = byKey.get(key);
    if (group?.kind !== 'person' || group.words.length < 2 || (wordsOfKey.get(key) ?? 0) < 2) continue;
    learn(group, honorificGender(layer, c), titleOffices(layer, c));
  }
  const mentions: NameMention[] = [];
  const unplaced: Candidate[] = [];
  const long: Candidate[] = [];
  for (const c of candidates) {
    if (headlineLike(c)) {
      long.push(c);
      continue;
    }
    const group = accept(c);
    if (group) group.members.push(c);
    else if (c.endToken - c.titleFirst > 1) unplaced.push(c);
  }
  // After the body's names have members, so only names the article really uses are looked for.
  for (const c of unplaced) for (const { inner, group } of personsInside(c)) group.members.push(inner);
  for (const c of long) {
    const inside = personsInside(c);
    for (const { inner, group } of inside) group.members.push(inner);
    if (inside.length === 0) accept(c)?.members.push(c);
  }
  const entities: Entity[] = [];
  const genders = new Map<string, Gender>();
  for (const group of groups) {
    if (group.members.length === 0) continue;
    const id = `e${entities.length + 1}`;
    entities.push({
      id,
      name: canonicalName(group.members),
      kind: group.kind,
      mentions: group.members
        .sort((a, b) => a.start - b.start)
        .map((m): Mention => ({ start: m.start, end: m.end, text: m.text })),
      descriptors: [],
    });
    // A candidate is a member of one group only, so it becomes its mention in place: a copy per mention
    // (`{ ...m, entity }`, slow because candidates differ in shape) cost ~0.2 s per 1,500 articles.
    for (const m of group.members) mentions.push(Object.assign(m, { entity: id }));
    if (group.kind === 'person') genders.set(id, genderFrom(group.members, layer));
  }
  mentions.sort((a, b) => a.start - b.start);
  const kinds = new Map(entities.map((e) => [e.id, e.kind]));
  return {
    entities,
    mentions,
    kindOf: (id) => kinds.get(id) ?? 'other',
    genderOf: (id) => genders.get(id) ?? null,
    untypedNames: undecidedAll.length - undecided.length,
  };
}

/**
 * Spelling-variant checks per bucket in one lookup, at most. A news article names a few dozen people, so a
 * bucket (same first letter, same length) holds a handful; a text listing thousands of distinct
 * capitalised names would otherwise compare every new name with every person found so far (14.7 s for
 * 256 KB of "Kalo Miranto, …"). Past the cap, a rarer variant spelling stays its own entity. At 20, one
 * long allsides article lost "Clintons" → Clinton; at 100 the first 10,000 articles annotate as before.
 */
const MAX_SPELLING_CHECKS = 100;
/** similarNames accepts only identical words below this length, so shorter words need no fuzzy bucket. */
const MIN_VARIANT_LENGTH = 5;

interface Indexed {
  group: Group;
  order: number;
  word: string;
}

/**
 * Words of persons for "the earliest person whose word is this one or a spelling variant of it", as a
 * scan of the persons in order would answer: an exact map, plus buckets by first letter and length for
 * words long enough to have variants (similarNames needs the same first letter, lengths two apart at most).
 */
class SpellingIndex {
  private readonly exact = new Map<string, Indexed>();
  private readonly buckets = new Map<string, Indexed[]>();

  add(scope: string, entry: Indexed): void {
    const key = `${scope}|${entry.word}`;
    if (!this.exact.has(key)) this.exact.set(key, entry);
    if (entry.word.length < MIN_VARIANT_LENGTH) return;
    const bucket = `${scope}|${entry.word.charAt(0)}|${entry.word.length}`;
    const list = this.buckets.get(bucket);
    if (list) list.push(entry);
    else this.buckets.set(bucket, [entry]);
  }

  earliest(scope: string, word: string): Group | undefined {
    let best = this.exact.get(`${scope}|${word}`);
    if (word.length < MIN_VARIANT_LENGTH) return best?.group;
    for (let n = word.length - 2; n <= word.length + 2; n++) {
      const bucket = this.buckets.get(`${scope}|${word.charAt(0)}|${n}`) ?? [];
      const checks = Math.min(bucket.length, MAX_SPELLING_CHECKS);
      for (let i = 0; i < checks; i++) {
        const e = bucket[i] as Indexed;
        if (best && e.order >= best.order) break;
        if (similarNames(e.word, word)) {
          best = e;
          break;
        }
      }
    }
    return best?.group;
  }
}

/**
 * The persons found so far, indexed for personGroupFor's questions. Each lookup answers as a scan of the
 * persons in order would (the earliest person that matches), without scanning them all.
 */
class PersonIndex {
  private count = 0;
  private readonly byLast = new Map<string, Indexed>();
  private readonly allByLast = new Map<string, Group[]>();
  private readonly byFirst = new Map<string, Indexed>();
  private readonly firstCounts = new Map<string, number>();
  /** Scopes: "surname" (multi-word persons' last words), "single" (one-word persons), and
   * "<word count>|<given name>" (multi-word persons' last words, by given name). */
  private readonly spellings = new SpellingIndex();

  add(group: Group): void {
    const order = this.count++;
    const words = group.words;
    const last = words[words.length - 1] ?? '';
    const entry = (word: string): Indexed => ({ group, order, word });
    if (words.length > 1) {
      const surnames = group.surnameFirst ? [last, words[0] ?? ''] : [last];
      for (const surname of surnames) {
        if (!this.byLast.has(surname)) this.byLast.set(surname, entry(surname));
        const all = this.allByLast.get(surname);
        if (all) all.push(group);
        else this.allByLast.set(surname, [group]);
      }
      const first = words[0] ?? '';
      if (!this.byFirst.has(first)) this.byFirst.set(first, entry(first));
      this.firstCounts.set(first, (this.firstCounts.get(first) ?? 0) + 1);
      this.spellings.add('surname', entry(last));
      this.spellings.add(`${words.length}|${first}`, entry(last));
    } else {
      this.spellings.add('single', entry(last));
    }
  }

  /** Every multi-word person whose last word is this one, in order. */
  allWithSurname(word: string): readonly Group[] {
    return this.allByLast.get(word) ?? [];
  }

  exactSurname(word: string): Group | undefined {
    return this.byLast.get(word)?.group;
  }

  givenName(word: string): Group | undefined {
    return this.byFirst.get(word)?.group;
  }

  /** The one multi-word person whose given name this is; none when two share it. */
  onlyWithGivenName(word: string): Group | undefined {
    return this.firstCounts.get(word) === 1 ? this.byFirst.get(word)?.group : undefined;
  }

  similarSurname(word: string): Group | undefined {
    return this.spellings.earliest('surname', word);
  }

  similarSingle(word: string): Group | undefined {
    return this.spellings.earliest('single', word);
  }

  /** Same word count and given name, near-identical surname. */
  similarFullName(words: readonly string[]): Group | undefined {
    return this.spellings.earliest(`${words.length}|${words[0] ?? ''}`, words[words.length - 1] ?? '');
  }
}

/**
 * A person called by the given name alone ("unfair to Ana" in an article naming Ana Reyes): the one person
 * of the article with that given name, when the word is a given name and nobody's surname (a bare "Tom" of
 * an article naming Tom Hale and Tom Webb stays apart).
 */
function onlyByGivenName(
  persons: PersonIndex,
  word: string,
  namesOpeningWith: (word: string) => number,
): Group | undefined {
  if (!GIVEN_NAMES.has(word) || persons.allWithSurname(word).length > 0 || namesOpeningWith(word) !== 1)
    return undefined;
  return persons.onlyWithGivenName(word);
}

/**
 * The person group a name belongs to: the same full name, a surname or given name of a known person, or a
 * spelling variant of one. An untyped single word joins a person it matches (typing lacked evidence).
 */
function personGroupFor(
  persons: PersonIndex,
  words: readonly string[],
  kind: EntityKind,
  namesOpeningWith: (word: string) => number = () => 0,
): Group | undefined {
  const last = words[words.length - 1] ?? '';
  if (words.length === 1) {
    return (
      persons.exactSurname(last) ??
      persons.similarSurname(last) ??
      persons.similarSingle(last) ??
      (kind === 'person' ? onlyByGivenName(persons, last, namesOpeningWith) : persons.givenName(last))
    );
  }
  if (kind !== 'person') return undefined;
  // "Volodymyr Zelenskyy" and "Volodymyr Zelensky": same given name, near-identical surname.
  return persons.similarFullName(words);
}

/**
 * Evidence pooled across a full name and its bare surname in one article: "Kowalczyk (32-1)" and
 * "Kowalczyk, who …" type "Zbignev Kowalczyk" too, and a typed full name types the surname. Only the
 * surname of a multi-word name is shared, and only within the article, where the grouping below joins
 * them anyway.
 */
function shareWithSurnames(evidence: ReadonlyMap<string, Evidence>): Map<string, Evidence> {
  const shared = new Map<string, Evidence>();
  for (const [key, ev] of evidence) {
    if (!key.includes(' ')) continue;
    const words = nameWords(key);
    // A two-word surname the article also uses alone ("Ana Del Rio" … "Del Rio") is its surname.
    const two = words.length > 2 ? words.slice(-2).join(' ') : '';
    const last = two && evidence.has(two) ? two : (words.at(-1) ?? '');
    const single = evidence.get(last);
    if (!single || last === key) continue;
    const full = shared.get(key) ?? { ...ev };
    addEvidence(full, single);
    shared.set(key, full);
    const bare = shared.get(last) ?? { ...single };
    addEvidence(bare, ev);
    shared.set(last, bare);
  }
  return shared;
}

/**
 * A heading's name joins a person of the body: by its surname or given name ("Kowalczyk wins" when the
 * body has "Zbignev Kowalczyk"), or, for a full name, when the body only used the bare surname
 * ("Zbignev Kowalczyk wins" over a body that says "Kowalczyk").
 */
function headingPersonFor(persons: PersonIndex, words: readonly string[]): Group | undefined {
  const found = personGroupFor(persons, words, 'other');
  if (found || words.length < 2) return found;
  // Only a name-shaped run: two or three words, each a given name, an initial or a word the lexicon
  // does not know ("Zbignev Kowalczyk"), not "Bridge Closure Angers Kowalczyk".
  if (words.length > 3) return undefined;
  const nameShaped = (w: string) => GIVEN_NAMES.has(w) || /^\p{L}\.?$/u.test(w) || !isKnownWord(w);
  if (!words.slice(0, -1).every(nameShaped)) return undefined;
  const last = words[words.length - 1] ?? '';
  const full = persons.exactSurname(last);
  if (full) return full.words[0] === words[0] ? full : undefined;
  return persons.similarSingle(last);
}

/** Two or three words, each but the last a given name, an initial or a word the lexicon does not know. */
function headingFullOf(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 3) return false;
  const nameShaped = (w: string) =>
    (GIVEN_NAMES.has(w) || /^\p{L}\.?$/u.test(w) || !isKnownWord(w)) && !isOrdinaryWord(w);
  return words.slice(0, -1).every(nameShaped);
}

/**
 * Two or three words that can only be a person's full name: a given name the lexicon knows (and no
 * ordinary word: "Will", "Grant" also head other runs), then name-shaped words, and a last word that is a
 * known surname or a word the lexicon has never heard of. "Ana Ruiz" yes; "Bridge Closure", "Grant Money"
 * and "Oscar Winners" no.
 */
function isHeadingFullName(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 3) return false;
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  if (!GIVEN_NAMES.has(first) || isOrdinaryWord(first)) return false;
  const nameShaped = (w: string) => GIVEN_NAMES.has(w) || /^\p{L}\.?$/u.test(w) || !isKnownWord(w);
  if (!words.slice(1, -1).every(nameShaped)) return false;
  return (KNOWN_SURNAMES.has(last) || !isKnownWord(last)) && !isOrdinaryWord(last);
}

/**
 * The longest name used, and among those the most frequent: "Alexander Lukashenko", not "Lukashenko".
 * A heading's Title Case proves nothing, so its forms count only where the body has none, or where the
 * heading gives the full name of a body that only uses the surname ("Ana Kowalczyk Dies At 91" over
 * "Kowalczyk was …"): a name-shaped full name (see headingPersonFor) ending with the body's name. Without
 * it the article's person is "Kowalczyk" alone, and the story cannot tell her from another Kowalczyk.
 */
function canonicalName(members: readonly Candidate[]): string {
  const counts = new Map<string, number>();
  for (const m of members) if (!m.inHeading) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  if (counts.size === 0) for (const m of members) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  else if ([...counts.keys()].every((k) => !k.includes(' '))) {
    const body = nameWords(keyOf([...counts.keys()][0] ?? ''));
    for (const m of members) {
      const words = nameWords(keyOf(m.text));
      if (m.inHeading && body.length === 1 && words.at(-1) === body[0] && headingFullOf(words))
        counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
    }
  }
  return (
    [...counts.entries()].sort(
      (a, b) => b[0].split(' ').length - a[0].split(' ').length || b[1] - a[1] || a[0].localeCompare(b[0]),
    )[0]?.[0] ?? ''
  );
}
