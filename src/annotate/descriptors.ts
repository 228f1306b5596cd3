// Descriptors: the words an outlet uses to describe an actor, attached to the actor's mention.
//  - titles before the name: "Belarusian leader Alexander Lukashenko", "Kremlin spokesperson Dmitry Peskov"
//  - appositives: "Alexander Lukashenko, self-proclaimed president of Belarus, extended …"
//  - predicate nominals: "Lukashenko is a close ally of Russian leader Vladimir Putin"
//  - definite descriptions referring back: "the Belarusian leader said" → Lukashenko, chosen by matching
//    nationality and role against what the article already said about each person.
import type { Descriptor, Entity, Mention } from '../model/article.js';
import { isWordInAnyCase } from '../text/words.js';
import {
  countryOf,
  isDateWord,
  isDeputyWord,
  isOrdinaryWord,
  NEWS_PERSON_NOUNS,
  namesAnotherParty,
  ORGANIZATION_HEADS,
  ORGANIZATION_NOUNS,
  PERFORMER_NOUNS,
  partiesIn,
  ROLE_NOUNS,
  TITLE_WORDS,
} from './entities/gazetteer.js';
import type { NameMention } from './entities/index.js';
import type { Token, TokenLayer } from './tokens.js';

const MAX_TITLE_TOKENS = 6;
const MAX_APPOSITIVE_TOKENS = 12;
const MAX_PREDICATE_TOKENS = 10;

const PLACE_NOUNS = new Set([
  'capital',
  'city',
  'town',
  'village',
  'country',
  'region',
  'republic',
  'nation',
  'state',
]);
const COPULAS = new Set(['is', 'was', 'remains', 'remained', 'became', 'becomes']);
const COPULA_AUX = new Set(['has', 'had', 'have']);
/** Role words too generic to pick out one person when used with "the" ("the man", "the friend"). */
const GENERIC_ROLES = new Set([
  'man',
  'woman',
  'guy',
  'friend',
  'son',
  'daughter',
  'father',
  'mother',
  'wife',
  'husband',
  'resident',
  'owner',
  'critic',
  'supporter',
  'opponent',
  'rival',
  'partner',
  'veteran',
  'figure',
  'ally',
  'people',
  'person',
  'public',
  'state',
  'former',
  'acting',
  'interim',
  'foreign',
  'defense',
  'defence',
  'interior',
  'finance',
  'self-proclaimed',
  'chief',
  'head',
  'host',
  'speaker',
]);
/** Titles of a head of state or government by the word alone. */
const STATE_TITLES = new Set([
  'president',
  'premier',
  'chancellor',
  'dictator',
  'strongman',
  'autocrat',
  'ruler',
  'king',
  'queen',
  'monarch',
]);
/** Political titles that "the … leader" can stand for; "leader", "minister", "head" need a country. */
const HEADS_OF_STATE = new Set([...STATE_TITLES, 'leader', 'minister', 'head']);

export interface ReferenceMention {
  firstToken: number;
  endToken: number;
  start: number;
  end: number;
  text: string;
  /** The named person it refers back to, or null when nothing in the article settles it. */
  entity: string | null;
}

export type ResolvedReference = ReferenceMention & { entity: string };

function describesWord(lower: string): boolean {
  return (
    ROLE_NOUNS.has(lower) ||
    TITLE_WORDS.has(lower) ||
    PERFORMER_NOUNS.has(lower) ||
    ORGANIZATION_NOUNS.has(lower) ||
    PLACE_NOUNS.has(lower)
  );
}

/** A role, title or kind-of-organisation noun, singular or plural ("allies", "leaders"). */
function describes(word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (describesWord(lower)) return true;
  const singular = lower.endsWith('ies') ? `${lower.slice(0, -3)}y` : lower.replace(/s$/, '');
  return singular !== lower && describesWord(singular);
}

/** "senators", "allies": a plural of a role noun (a singular ending in -s or -ss, "boss", is not). */
function isPlural(word: string): boolean {
  const lower = word.toLowerCase();
  if (!lower.endsWith('s') || lower.endsWith('ss') || lower.endsWith('us')) return false;
  const singular = lower.endsWith('ies') ? `${lower.slice(0, -3)}y` : lower.slice(0, -1);
  return describesWord(singular);
}

/** Plurals not made with -s: "the very people Roe's lawyer courted" names a group, not Roe. */
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'folks', 'persons']);

/** A group noun ("officers", "people"): it never labels or refers back to one person. */
function namesGroup(word: string): boolean {
  return IRREGULAR_PLURALS.has(word.toLowerCase()) || isPlural(word);
}

/** A name followed by "and" or a comma in its sentence: the first of a list of names. */
function startsList(tokens: readonly Token[], m: NameMention): boolean {
  const next = tokens[m.endToken];
  return next?.sentence === m.sentence && (next.text === ',' || next.text === 'and');
}

/**
 * Nouns of time: before a title they end the adverbial the sentence started with ("on Sunday Treasury
 * Secretary Ann Roe", "last week Committee Chairman Bo Li", "for a while President Roe's favourite"), and
 * no title is headed by them. Weekdays and months come from the date lexicon; these are general English.
 */
const TIME_NOUNS = new Set([
  'day',
  'days',
  'week',
  'weeks',
  'weekend',
  'month',
  'months',
  'year',
  'years',
  'morning',
  'afternoon',
  'evening',
  'night',
  'today',
  'tonight',
  'yesterday',
  'tomorrow',
  'while',
  'time',
  'times',
]);

function isTimeWord(t: Token): boolean {
  // Capitalised, "Times" or "Day" is part of a name ("New York Times columnist").
  return TIME_NOUNS.has(t.text) || isDateWord(t.text.toLowerCase());
}

/**
 * A word in capitals that is an ordinary English word ("CLOSE", "WATCHED", "MORE") is page furniture — a
 * button, a video caption, a "read more" link — not part of a title. Acronyms ("NATO", "GOP") are not
 * ordinary words, and three letters or fewer are left alone ("CEO", "CIA").
 */
function isShoutedWord(t: Token): boolean {
  return /^\p{Lu}{4,}$/u.test(t.text) && isOrdinaryWord(t.text.toLowerCase());
}

/**
 * Participles that open a title and that wink tags as verbs: without them "Former acting Bureau Director
 * Ann Roe" keeps only "Bureau Director", and a stand-in's office reads as the head's.
 */
const TITLE_PARTICIPLES = new Set(['acting', 'outgoing', 'incoming', 'running']);

function isModifier(token: Token): boolean {
  if (token.pos === 'ADJ' || token.pos === 'NOUN' || token.pos === 'PROPN') return true;
  if (TITLE_PARTICIPLES.has(token.text.toLowerCase())) return true;
  // "self-proclaimed", "state-affiliated": hyphenated participles are tagged VERB by wink.
  return token.pos === 'VERB' && token.text.includes('-');
}

/** Leading determiners and quantifiers are not part of a label: "the bus driver" and "a close ally"
 * compare as "bus driver" and "close ally" across outlets, and "many union leaders Ann Roe" is not a
 * label "many union". */
const ARTICLES = new Set([
  'the',
  'a',
  'an',
  'many',
  'some',
  'several',
  'few',
  'both',
  'all',
  'most',
  'other',
]);

/**
 * Honorifics say how a name is addressed, not who the person is: "Mr." or "Ms." alone is never a label,
 * and words before one belong to the previous phrase ("after the talks Mr. Roe left" is not a label
 * "talks Mr."). A closed class of English (courtesy titles and their abbreviations).
 */
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'messrs',
  'mmes',
  'dr',
  'sir',
  'dame',
  'madam',
  'mme',
]);

/**
 * Words that only modify a title and cannot head one: "former" in "former Mayor Ann Roe" or "Vice" in "Vice
 * President" say nothing when the rest is missing, so a title whose last word is one of these is a cut
 * piece ("former" left over when "White House" was taken as a name in "a former White House aide").
 */
const TITLE_PREMODIFIERS = new Set([
  'former',
  'then',
  'late',
  'vice',
  'acting',
  'interim',
  'prime',
  'foreign',
  'defense',
  'defence',
  'interior',
  'finance',
  'state',
  'self-proclaimed',
]);

const isHonorific = (word: string): boolean => HONORIFICS.has(word.toLowerCase().replace(/\.$/, ''));

/**
 * A lowercase role noun right before a capitalised word that is no title or country ends a phrase of its
 * own: in "the candidate Ann Roe Sen. Bo Li" (a caption run) "candidate" is Roe's, not part of Li's title.
 */
function startsAnotherPhrase(t: Token, after: Token | undefined): boolean {
  if (!after || t.pos !== 'NOUN' || !/^\p{Ll}/u.test(t.text) || !describes(t.text)) return false;
  return isOtherName(after);
}

function isOtherName(t: Token | undefined): boolean {
  return !!t && t.pos === 'PROPN' && !describes(t.text) && !countryOf(t.text);
}

/**
 * "Secretary of State", "Chief of Staff": a title that holds an "of" phrase of capitalised words. When the
 * words before the name already make a title headed by a role ("Russian leader" in "a close ally of
 * Russian leader Ivan Petrov"), a lowercase noun before "of" heads another phrase ("ally" is not Petrov):
 * the bridge is crossed only from a capitalised office word, or when the head is no role of its own.
 */
function ofBridge(tokens: readonly Token[], first: number, headIsRole = false, nameStart = -1): boolean {
  const of = tokens[first - 1];
  const before = tokens[first - 2];
  if (of?.text !== 'of' || !before) return false;
  // "chief of staff Reince Roe", "secretary of state Ann Lee", "director of communications Bo Li" in lower
  // case: an office word before "of" and, right before the name, a noun that names no person ("staff"
  // alone was the label). "the wife of senator Ann Lee" and "a friend of coach Bo Li" stay apart: "wife"
  // and "friend" hold no office, and a person noun after "of" is the name's own title.
  const head = tokens[first];
  if (head && /^\p{Ll}/u.test(head.text) && first === nameStart - 1) {
    const office = before.text.toLowerCase();
    const headLower = head.text.toLowerCase();
    return (
      /^\p{Ll}/u.test(before.text) &&
      TITLE_WORDS.has(office) &&
      ROLE_NOUNS.has(office) &&
      !ROLE_NOUNS.has(headLower) &&
      !PERFORMER_NOUNS.has(headLower)
    );
  }
  if (!/^\p{Lu}/u.test(head?.text ?? '')) return false;
  // So does the name of the body an office is of: "Federal Bureau of Investigation Director Tom Hale" was
  // labelled "Investigation Director".
  const bodyHead = /^\p{Lu}/u.test(before.text) && ORGANIZATION_HEADS.has(before.text.toLowerCase());
  if (!describes(before.text) && !bodyHead) return false;
  return !headIsRole || /^\p{Lu}/u.test(before.text);
}

/**
 * "Ways and Means Committee Chairman Bo Hale": an "and" between capitalised words inside the name of the
 * body a title is of (an organisation head follows it in the title) is part of the title, which otherwise
 * stopped at "Committee Chairman" (wink tags the "Means" of such names a verb). Returns how many tokens
 * the title grows by at `first`: 2 for "Ways and" before "Means", 3 for "Ways and Means" before
 * "Committee", 0 when there is no such "and".
 */
function andBridge(tokens: readonly Token[], first: number, nameStart: number): number {
  const capital = (t: number) => /^\p{Lu}/u.test(tokens[t]?.text ?? '');
  let step = 0;
  if (tokens[first - 1]?.text === 'and') step = 2;
  else if (capital(first - 1) && tokens[first - 2]?.text === 'and') step = 3;
  if (step === 0 || !capital(first - step) || !capital(first)) return 0;
  // "between Roe and House speaker Bo Li": a head right after "and" is a body of its own (as for names,
  // entities/candidates.ts): Li's title is "House speaker".
  if (ORGANIZATION_HEADS.has((tokens[first - step + 2]?.text ?? '').toLowerCase())) return 0;
  for (let t = first; t < nameStart; t++)
    if (ORGANIZATION_HEADS.has((tokens[t]?.text ?? '').toLowerCase())) return step;
  return 0;
}

function span(layer: TokenLayer, from: number, end: number, via: Descriptor['via']): Descriptor | null {
  let first = from;
  while (first < end - 1 && ARTICLES.has((layer.tokens[first]?.text ?? '').toLowerCase())) first++;
  const a = layer.tokens[first];
  const b = layer.tokens[end - 1];
  if (!a || !b || end <= first) return null;
  return { start: a.start, end: b.end, text: layer.text.slice(a.start, b.end), via };
}

/**
 * "Belarusian leader" in "Belarusian leader Alexander Lukashenko", "Secretary of State" in "Secretary of State
 * Ann Roe". The title is headed by the word just before the name, which must be a role or office: never an
 * honorific ("Mr."), never a modifier left alone ("former", "Vice"). It never reaches into another name
 * ("candidate Ann Roe Sen. Bo Li" gives Li "Sen." only), and a lowercase modifier before a name that is
 * itself used as a modifier is the next noun's ("a major Roe donor": "major" describes the donor).
 */
/** Modal verbs: a lowercase word right after one is a verb, never a noun ("would chair Harlow Bank"). */
const MODAL_VERBS = new Set(['will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might', 'must']);

/**
 * A role word used as a verb before a name is no title of it: "offered to host Norway-Sweden talks" gives
 * nothing the label "host", nor does "she would chair Harlow Bank". After "to" only a word tagged as a verb
 * counts, since "spoke to reporter Bo Chen" is the preposition before a real title.
 */
function isVerbUse(head: Token, before: Token | undefined): boolean {
  if (!before || before.sentence !== head.sentence || !/^\p{Ll}/u.test(head.text)) return false;
  const word = before.text.toLowerCase();
  return MODAL_VERBS.has(word) || (word === 'to' && head.pos === 'VERB');
}

/**
 * A capitalised noun of news reporting right before a name is its title: "Inmate Tom Baker" (the name
 * split off it, see splitTitle). Only capitalised, where it can be nothing else: as lower-case
 * descriptors everywhere these nouns linked unnamed people across articles into one more wrong merge on
 * ECB+ train (28 → 29).
 */
function capitalisedPersonNoun(word: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(word) && NEWS_PERSON_NOUNS.has(word.toLowerCase());
}

function titleBefore(
  layer: TokenLayer,
  m: NameMention,
  personTokens: ReadonlySet<number>,
): Descriptor | null {
  const { tokens } = layer;
  const head = tokens[m.firstToken - 1];
  if (!head || head.sentence !== m.sentence || isHonorific(head.text)) return null;
  if (!(describes(head.text) || capitalisedPersonNoun(head.text))) return null;
  const headLower = head.text.toLowerCase();
  // "the very people Roe's lawyer courted", "states Roe won": a lowercase plural before one name is a
  // group the sentence talks about. Before a list it labels each ("GOP rivals Ann Roe and Bo Li"), and
  // capitalised plurals distribute too ("Justices Roe, Li and Ortega").
  if (/^\p{Ll}/u.test(head.text) && namesGroup(head.text) && !startsList(tokens, m)) return null;
  if (isTimeWord(head) || isShoutedWord(head)) return null;
  if (isVerbUse(head, tokens[m.firstToken - 2])) return null;
  if (TITLE_PREMODIFIERS.has(headLower) && !ofBridge(tokens, m.firstToken - 1)) return null;
  const next = tokens[m.endToken];
  if (
    /^\p{Ll}/u.test(head.text) &&
    !ROLE_NOUNS.has(headLower) &&
    !m.possessive &&
    next?.sentence === m.sentence &&
    next.pos === 'NOUN' &&
    /^\p{Ll}/u.test(next.text)
  )
    return null;
  let first = m.firstToken - 1;
  const headIsRole = ROLE_NOUNS.has(headLower);
  while (first > 0 && m.firstToken - first < MAX_TITLE_TOKENS) {
    if (ofBridge(tokens, first, headIsRole, m.firstToken)) {
      first -= 2;
      continue;
    }
    const and = andBridge(tokens, first, m.firstToken);
    if (and > 0) {
      first -= and;
      continue;
    }
    const t = tokens[first - 1];
    if (
      !t ||
      t.sentence !== m.sentence ||
      personTokens.has(first - 1) ||
      isHonorific(t.text) ||
      !isModifier(t) ||
      t.end < (tokens[first]?.start ?? 0) - 1 ||
      endsAnotherPhrase(tokens, first - 1)
    )
      break;
    if (startsAnotherPhrase(t, tokens[first])) {
      // The capitalised words between that role noun and the title are the other phrase's name.
      while (first < m.firstToken - 1 && isOtherName(tokens[first])) first++;
      break;
    }
    first--;
  }
  return span(layer, first, m.firstToken, 'title');
}

/**
 * Whether the word at `i`, before a title that starts at `i + 1`, belongs to another phrase and ends the
 * title run there:
 *  - a hyphenated verb after a noun or pronoun is that subject's verb, not a participle modifier: "The
 *    singer re-signed longtime agent Ann Roe" gives Roe "longtime agent" (a hyphenated participle
 *    after a determiner or adjective, "the self-proclaimed leader", is a modifier);
 *  - a noun of time ends an adverbial ("last week Committee Chairman Bo Li");
 *  - a word in capitals is page furniture ("CLOSE Republican nominee Ann Roe");
 *  - a lowercase noun that names no person, after a determiner or a lowercase adjective and right before
 *    a capitalised title, heads a phrase of its own: "a grim milestone President Roe once predicted", "the
 *    main reason Gov. Li lost" (relative clauses without "that"); so does the noun of an adverbial idiom
 *    after its preposition ("Of course President Roe", "in fact Senator Li"). A role noun stays ("war hero
 *    Sen. Li", "freshman Rep. Li"), and so does a noun after a name or noun ("Roe campaign Chairman Bo
 *    Li"); before a lowercase word the noun is the title's ("the campaign manager Bo Li");
 *  - a noun before "former", "then", … ends a title of its own: "campaign adviser former campaign
 *    chairman Bo Li" (a list of captions) gives Li "former campaign chairman".
 */
function endsAnotherPhrase(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (!t) return true;
  if (isTimeWord(t) || isShoutedWord(t)) return true;
  // "he should direct Deputy Attorney General Bo Ruiz to …": a lowercase word after a modal is the verb,
  // as for a one-word title (isVerbUse); it gave Ruiz the label "direct Deputy Attorney General".
  if (isVerbUse(t, before)) return true;
  if (
    t.pos === 'VERB' &&
    t.text.includes('-') &&
    (before?.pos === 'NOUN' || before?.pos === 'PROPN' || before?.pos === 'PRON')
  )
    return true;
  const lower = t.text.toLowerCase();
  if (
    t.pos === 'NOUN' &&
    /^\p{Ll}/u.test(t.text) &&
    /^\p{Lu}/u.test(after?.text ?? '') &&
    !describes(t.text) &&
    !STANDING_NOUNS.has(lower) &&
    (before?.pos === 'DET' ||
      (before?.pos === 'ADJ' && /^\p{Ll}/u.test(before.text)) ||
      (before?.pos === 'ADP' && ADVERBIAL_NOUNS.has(lower)))
  )
    return true;
  // "Photographs show Deputy Minister Bo Li …", "Polls show Governor Ann Roe …": a bare lowercase word the
  // tagger calls a noun, after a plural noun and before the capitalised title, is the plural subject's verb
  // (a plural modifies a role noun, "sales manager", which describes; "show" does not).
  if (
    t.pos === 'NOUN' &&
    /^\p{Ll}+$/u.test(t.text) &&
    !t.text.endsWith('s') &&
    !describes(t.text) &&
    !STANDING_NOUNS.has(lower) &&
    before !== undefined &&
    // A sentence's first word is tagged a name for its capital ("Photographs").
    (before.pos === 'NOUN' || (before.pos === 'PROPN' && tokens[i - 2]?.sentence !== before.sentence)) &&
    /^\p{L}+[^su]s$/iu.test(before.text) &&
    /^\p{Lu}/u.test(after?.text ?? '')
  )
    return true;
  return t.pos === 'NOUN' && /^\p{Ll}/u.test(t.text) && STARTS_A_TITLE.has((after?.text ?? '').toLowerCase());
}

/** Nouns of standing a title can carry that the role lexicon lacks ("freshman Sen. Ann Roe"). */
const STANDING_NOUNS = new Set([
  'freshman',
  'sophomore',
  'rookie',
  'newcomer',
  'incumbent',
  'front-runner',
  'frontrunner',
  'veteran',
  'longtime',
]);

/** Nouns of adverbial idioms after a preposition: "of course", "in fact", "in turn", "in particular". */
const ADVERBIAL_NOUNS = new Set([
  'course',
  'fact',
  'turn',
  'particular',
  'addition',
  'short',
  'sum',
  'effect',
]);

/** Premodifiers that only ever open a title: a noun right before one ends another phrase. */
const STARTS_A_TITLE = new Set(['former', 'then', 'late', 'acting', 'interim', 'outgoing']);

/** Relative pronouns that never stand inside a noun phrase ("that" does: "that committee"). */
const RELATIVE_PRONOUNS = new Set(['who', 'whom', 'whose', 'which']);

/** The noun phrase from `from` up to a comma, a full stop or a verb; null if it has no describing noun. */
function nounPhrase(layer: TokenLayer, from: number, limit: number, sentence: number): number | null {
  const { tokens } = layer;
  let end = from;
  let sawDescribingNoun = false;
  while (end < tokens.length && end - from < limit) {
    const t = tokens[end];
    if (!t || t.sentence !== sentence) break;
    if (t.pos === 'PUNCT' || t.pos === 'CCONJ' || t.pos === 'AUX' || t.pos === 'SCONJ' || t.pos === 'PRON')
      break;
    // A relative clause ends the phrase, whatever the tagger calls its word: "a former soldier whose
    // brother died …" is a former soldier (the label was "former soldier whose brother").
    if (end > from && RELATIVE_PRONOUNS.has(t.text.toLowerCase())) break;
    // "the league's leading rusher": a participle before a noun modifies it.
    const modifying = /^\p{Ll}+ing$/u.test(t.text) && tokens[end + 1]?.pos === 'NOUN';
    if (t.pos === 'VERB' && !t.text.includes('-') && !modifying) break;
    // An adverb after the noun opens a modifier of it: "the person most responsible for …".
    if (t.pos === 'ADV' && tokens[end - 1]?.pos === 'NOUN') break;
    if (t.pos === 'NOUN' && describes(t.text)) sawDescribingNoun = true;
    end++;
  }
  // A phrase never ends on a preposition, which the next word (a pronoun) cut off: "a lawyer for her
  // brother" is a lawyer.
  while (end > from && tokens[end - 1]?.pos === 'ADP') end--;
  return sawDescribingNoun ? end : null;
}

/** Most capitalised words of a place after "of" ("of Rio Grande City") that an appositive may follow. */
const MAX_ORIGIN_TOKENS = 4;

/**
 * Where the comma before an appositive stands: right after the name, or after the place the name comes
 * "of" ("Ann Lee of Riverton, the senior Democrat …").
 */
function commaAfterOrigin(tokens: readonly Token[], end: number, personTokens: ReadonlySet<number>): number {
  if (tokens[end]?.text !== 'of') return end;
  let t = end + 1;
  while (t <= end + MAX_ORIGIN_TOKENS && /^\p{Lu}/u.test(tokens[t]?.text ?? '') && !personTokens.has(t)) t++;
  return t > end + 1 && tokens[t]?.text === ',' ? t : end;
}

/** Words that open a relative clause after a name. */
const RELATIVE_WORDS = new Set(['who', 'whom', 'whose', 'which', 'that', 'where', 'when']);

/** ", self-proclaimed president of Belarus," after a name. */
function appositiveAfter(
  layer: TokenLayer,
  m: NameMention,
  personTokens: ReadonlySet<number>,
): Descriptor | null {
  if (m.possessive) return null;
  const { tokens } = layer;
  // "Senator Ann Lee of Riverton, the senior Democrat on the panel,": the appositive after the place is
  // the person's; the place, right after "of" and a person's name, takes none (it became a person).
  if (tokens[m.firstToken - 1]?.text === 'of' && personTokens.has(m.firstToken - 2)) return null;
  const comma = commaAfterOrigin(tokens, m.endToken, personTokens);
  if (tokens[comma]?.text !== ',') return null;
  const from = comma + 1;
  const first = tokens[from];
  // "Trump, Putin and Zelensky" is a list, not an appositive.
  if (!first || first.pos === 'PROPN' || (/^\p{Lu}/u.test(first.text) && first.pos !== 'ADJ')) return null;
  // "Cy Dunn, whose recusal angered the president,": a relative clause says something about the person,
  // it does not name what they are — and its nouns are other people ("the president" became Dunn's).
  if (RELATIVE_WORDS.has(first.text.toLowerCase())) return null;
  // "near the square, raising questions about …", "Hale, citing concerns for voters,": a participle clause
  // after the comma says what happened, it names nothing ("raising questions about security for
  // legislators" labelled a square). A participle after an article modifies ("the leading rusher").
  if (first.pos === 'VERB' && /^\p{Ll}+ing$/u.test(first.text)) return null;
  const end = nounPhrase(layer, from, MAX_APPOSITIVE_TOKENS, m.sentence);
  if (end === null) return null;
  // "Ann Roe, campaign manager Bo Li, …" lists a second person: the words are Li's title, not Roe's.
  for (let t = from; t < end; t++) if (personTokens.has(t)) return null;
  const closer = tokens[end];
  if (closer && !/^[,.;:—–)]$/.test(closer.text)) return null;
  // "In a letter to Lee, the finance minister, Bo Hale, asked …": a role between two names, each set off by
  // commas, introduces the second (appositiveBefore gives it to Hale); Lee is not the minister.
  if (closer?.text === ',' && personTokens.has(end + 1)) return null;
  return span(layer, from, end, 'appositive');
}

/**
 * "The driver, Luis Ortega, 52,", "the city's bridge engineer, Katarzyna Nowak,": a noun phrase that
 * ends in a role noun, then a comma, then the name, then a comma or the end of the sentence.
 */
function appositiveBefore(layer: TokenLayer, m: NameMention): Descriptor | null {
  const { tokens } = layer;
  const comma = tokens[m.titleFirst - 1];
  const head = tokens[m.titleFirst - 2];
  const after = tokens[m.endToken];
  if (
    comma?.text !== ',' ||
    !head ||
    head.sentence !== m.sentence ||
    head.pos !== 'NOUN' ||
    !describes(head.text)
  )
    return null;
  if (after && after.sentence === m.sentence && !/^[,.;:—–)]$/.test(after.text)) return null;
  // "One of the senators, Ann Roe," names a group she belongs to: a plural is not her label.
  if (isPlural(head.text)) return null;
  let first = m.titleFirst - 2;
  while (first > 0 && m.titleFirst - first <= MAX_TITLE_TOKENS) {
    const t = tokens[first - 1];
    if (!t || t.sentence !== m.sentence || !(isModifier(t) || /^[’']s$/.test(t.text))) break;
    first--;
  }
  // Keep a leading determiner out of the label ("the mayor" → "mayor").
  return span(layer, first, m.titleFirst - 1, 'appositive');
}

/** "is a close ally of Russian leader Vladimir Putin" after a name. */
function predicateAfter(layer: TokenLayer, m: NameMention): Descriptor | null {
  if (m.possessive) return null;
  const { tokens } = layer;
  let t = m.endToken;
  const verb = tokens[t]?.text.toLowerCase() ?? '';
  if (COPULA_AUX.has(verb) && tokens[t + 1]?.text.toLowerCase() === 'been') t += 2;
  else if (COPULAS.has(verb)) t += 1;
  else return null;
  // The name must be the copula's subject, not the object of a preposition inside it: in "An open seat on
  // the Harbour Board was an important factor in …" or "The son of Tom Hale is a lawyer" the predicate
  // describes the seat and the son.
  let before = m.titleFirst - 1;
  if (tokens[before]?.pos === 'DET') before--;
  const lead = tokens[before];
  if (lead && lead.sentence === m.sentence && lead.pos === 'ADP') return null;
  const start = tokens[t];
  if (!start || (start.pos !== 'DET' && start.pos !== 'NUM' && start.text.toLowerCase() !== 'one'))
    return null;
  const end = nounPhrase(layer, t, MAX_PREDICATE_TOKENS, m.sentence);
  const found = end === null ? null : span(layer, t, end, 'predicate');
  // "X is the person …" says nothing about who X is.
  return found && GENERIC_ROLES.has(found.text.toLowerCase()) ? null : found;
}

/** Countries a descriptor points to ("Belarusian leader" → belarus, "president of Belarus" → belarus). */
function countriesIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const word of text.split(/[\s,]+/)) {
    const country = countryOf(word.replace(/[’']s$/, ''));
    if (country) found.add(country);
  }
  return found;
}

/**
 * The role a descriptor gives: its last role word before any "of" phrase. "close ally of the mayor" is an
 * ally, not a mayor; "self-proclaimed president of Belarus" is a president.
 */
function headsIn(descriptors: readonly string[]): Set<string> {
  const heads = new Set<string>();
  for (const text of descriptors) {
    const words =
      text
        .toLowerCase()
        .split(/\s+of\s+/)[0]
        ?.split(/[\s,]+/) ?? [];
    let at = words.length - 1;
    while (at >= 0 && !(ROLE_NOUNS.has(words[at] ?? '') || TITLE_WORDS.has(words[at] ?? ''))) at--;
    const head = words[at];
    // A deputy's office is not the head's: "the director" does not point back at a man the article only
    // calls "former deputy director" (it is more likely his predecessor, named without a title).
    // So is a vice office's: "the Democratic nominee" is not the man labelled "Democratic vice presidential
    // nominee" (the deputy word may stand before other modifiers of the head).
    if (head && !words.slice(0, at).some(isDeputyWord)) heads.add(head);
  }
  return heads;
}

/**
 * The heads of a person's descriptors that make them a head of state or government: "President", or a
 * country's "leader" ("Belarusian leader"); "leader", "minister" and "head" need the country. "FBI head"
 * and "Majority Leader" lead something else: "the Republican president" of an article that never titles
 * the president went to the FBI head it named.
 */
function stateHeadsIn(descriptors: readonly string[]): Set<string> {
  const heads = new Set<string>();
  for (const text of descriptors)
    for (const head of headsIn([text]))
      if (STATE_TITLES.has(head) || (HEADS_OF_STATE.has(head) && countriesIn(text).size > 0)) heads.add(head);
  return heads;
}

function headsAgree(refHead: string, heads: Set<string>, stateHeads: Set<string>): boolean {
  if (heads.has(refHead)) return true;
  return HEADS_OF_STATE.has(refHead) && stateHeads.size > 0;
}

/**
 * Attach title, appositive and predicate descriptors to entities, then resolve definite descriptions
 * ("the Belarusian leader") to the person they refer back to.
 */
export function attachDescriptors(
  layer: TokenLayer,
  entities: Entity[],
  mentions: readonly NameMention[],
): { references: ResolvedReference[]; unresolved: Mention[] } {
  const byId = new Map(entities.map((e) => [e.id, e]));
  // Tokens of people's names: a title or appositive never runs through another person ("candidate Ann Roe
  // Sen." is not one title). Organisation names may sit inside one ("White House press secretary").
  const personTokens = new Set<number>();
  for (const m of mentions)
    if (byId.get(m.entity)?.kind === 'person')
      for (let t = m.firstToken; t < m.endToken; t++) personTokens.add(t);
  for (const m of mentions) {
    const entity = byId.get(m.entity);
    if (!entity) continue;
    for (const d of [
      // An epithet glued to the name ("Crooked Ana") is the outlet's label for her (entities/candidates.ts).
      m.epithet ? span(layer, m.titleFirst, m.firstToken, 'title') : null,
      titleBefore(layer, m, personTokens),
      appositiveBefore(layer, m),
      appositiveAfter(layer, m, personTokens),
      predicateAfter(layer, m),
    ]) {
      if (d) entity.descriptors.push(d);
    }
  }
  const references: ResolvedReference[] = [];
  const unresolved: Mention[] = [];
  for (const r of findReferences(layer, entities, mentions)) {
    const entity = r.entity ? byId.get(r.entity) : undefined;
    const first = layer.tokens[r.firstToken + 1];
    if (!first) continue;
    // The label without its article: "the Belarusian leader" → "Belarusian leader".
    const label = { start: first.start, end: r.end, text: layer.text.slice(first.start, r.end) };
    if (entity && r.entity) {
      entity.descriptors.push({ ...label, via: 'reference' });
      references.push({ ...r, entity: r.entity });
    } else {
      unresolved.push(label);
    }
  }
  for (const e of entities) e.descriptors.sort((a, b) => a.start - b.start);
  return { references, unresolved };
}

function findReferences(
  layer: TokenLayer,
  entities: readonly Entity[],
  mentions: readonly NameMention[],
): ReferenceMention[] {
  const { tokens } = layer;
  const persons = entities.filter((e) => e.kind === 'person');
  const profile = new Map(
    persons.map((e) => {
      const texts = e.descriptors.map((d) => d.text);
      return [
        e.id,
        {
          countries: countriesIn(texts.join(' ')),
          parties: partiesIn(texts.join(' ')),
          heads: headsIn(texts),
          stateHeads: stateHeadsIn(texts),
        },
      ];
    }),
  );
  const memo = new Map<string, string | null>();
  const nameTokens = new Set<number>();
  for (const m of mentions) for (let t = m.titleFirst; t < m.endToken; t++) nameTokens.add(t);
  const personIds = new Set(persons.map((p) => p.id));
  /** The person whose name ends right before a token. */
  const personEnding = new Map<number, string>();
  for (const m of mentions)
    if (personIds.has(m.entity) && !m.possessive) personEnding.set(m.endToken, m.entity);

  const references: ReferenceMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const det = tokens[i];
    if (!det || !isWordInAnyCase(det.text, 'the')) continue;
    // the + up to three modifiers + a role noun, not followed by a name (then it is a title).
    let j = i + 1;
    while (j < tokens.length && j - i <= 4 && !nameTokens.has(j)) {
      const t = tokens[j];
      if (!t || t.sentence !== det.sentence) break;
      const lower = t.text.toLowerCase().replace(/\.$/, '');
      const next = tokens[j + 1];
      const isHead =
        (ROLE_NOUNS.has(lower) || TITLE_WORDS.has(lower)) &&
        !GENERIC_ROLES.has(lower) &&
        next?.pos !== 'NOUN';
      // "the officers", "the women": a group never refers back to one named person.
      if (isHead && namesGroup(lower)) break;
      if (isHead) {
        // Followed by a name ("the driver Luis Mena") or ", Name" ("The driver, Luis Mena,"), it is a title
        // or an appositive of that name, attached there.
        if (next && (nameTokens.has(j + 1) || (next.text === ',' && nameTokens.has(j + 2)))) break;
        const text = layer.text.slice(det.start, t.end);
        // "Ann Roe, the director of the agency and its labs, said": right after a person's name and a comma
        // the description is that person's appositive, whatever other directors the article names.
        // "Ann Roe and Bo Li, the governor's son and daughter": a possessive description owns the next
        // noun ("son and daughter") and is not an appositive of the name before it.
        const owns = /^[’']s$/.test(next?.text ?? '');
        const before = tokens[i - 1]?.text === ',' && !owns ? personEnding.get(i - 1) : undefined;
        const entity = before ?? resolve(text, lower, persons, profile, memo);
        references.push({ firstToken: i, endToken: j + 1, start: det.start, end: t.end, text, entity });
        break;
      }
      if (!isModifier(t) && !countryOf(t.text)) break;
      j++;
    }
  }
  return references;
}

/** What a person's own labels say about them, for resolving descriptions. */
interface Profile {
  countries: Set<string>;
  parties: Set<string>;
  heads: Set<string>;
  stateHeads: Set<string>;
}

/**
 * The one person a definite description picks out, or null. A nationality in the description must be
 * shared ("the Ukrainian president"); then agreeing on the role scores higher. "the president" when two
 * presidents were named is ambiguous: better no link than a wrong one, so a tie for the best score is null.
 * The answer depends only on the description's countries and head word, so it is computed once per such
 * pair: an article with thousands of "the president" and hundreds of named people would otherwise
 * compare every description with every person.
 */
function resolve(
  text: string,
  head: string,
  persons: readonly Entity[],
  profile: Map<string, Profile>,
  memo: Map<string, string | null>,
): string | null {
  const countries = countriesIn(text);
  const parties = partiesIn(text);
  const key = `${[...countries].sort().join(',')}|${[...parties].sort().join(',')}|${head}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  let best: { id: string; score: number } | null = null;
  let tied = false;
  for (const person of persons) {
    const p = profile.get(person.id);
    if (!p) continue;
    const nationality = [...countries].some((c) => p.countries.has(c));
    if (countries.size > 0 && !nationality) continue;
    if (namesAnotherParty(parties, p.parties)) continue;
    const role = headsAgree(head, p.heads, p.stateHeads);
    if (countries.size === 0 && !role) continue;
    const score = (nationality ? 2 : 0) + (role ? 1 : 0);
    if (!best || score > best.score) {
      best = { id: person.id, score };
      tied = false;
    } else if (score === best.score) {
      tied = true;
    }
  }
  const id = best && !tied ? best.id : null;
  memo.set(key, id);
  return id;
}
