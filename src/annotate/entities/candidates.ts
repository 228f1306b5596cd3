// Name candidates: maximal runs of capitalised tokens ("U.S. President Donald Trump"), split into the
// title words in front ("U.S. President") and the name itself ("Donald Trump"). wink gives no entity
// types, so this stage only finds where names are; typing.ts decides what they are.
import type { Token, TokenLayer } from '../tokens.js';
import {
  CITIES,
  COUNTRIES,
  DEMONYMS,
  GIVEN_NAMES,
  isAdjectiveWord,
  isDateWord,
  isHeadlineBreak,
  isKnownWord,
  isOrdinaryWord,
  isShoutedWord,
  KNOWN_PEOPLE,
  KNOWN_SURNAMES,
  NEWS_PERSON_NOUNS,
  OFFICE_TITLES,
  ORGANIZATION_HEADS,
  PERSONAL_PRONOUNS,
  PLACE_HEADS,
  REGIONS,
  ROLE_NOUNS,
  TITLE_WORDS,
} from './gazetteer.js';

/** Lower-case particles inside names: "Ursula von der Leyen", "Charles de Gaulle", "Osama bin Laden". */
const NAME_PARTICLES = new Set([
  'de',
  'da',
  'van',
  'von',
  'der',
  'den',
  'bin',
  'al',
  'el',
  'le',
  'la',
  'du',
  'del',
  'di',
  'ibn',
  'ter',
  'dos',
  'das',
]);
const POSSESSIVE = new Set(['’s', "'s", '’', "'"]);
/** Capitalised words that are not names even when capitalised: months, weekdays, the pronoun "I". */
const NEVER_NAMES = new Set(['i', 'i’m', "i'm"]);
const ALL_CAPS_WORD = /^[A-Z]+$/;

export interface Candidate {
  /** Tokens of the name itself, [first, end). */
  firstToken: number;
  endToken: number;
  /** Title words directly in front that were split off ("U.S. President"), [titleFirst, firstToken). */
  titleFirst: number;
  start: number;
  end: number;
  text: string;
  possessive: boolean;
  sentence: number;
  inHeading: boolean;
  /** The run opens a sentence with a word not known as a name ("Peskov stated …"): kept only if the
   * same name is confirmed elsewhere in the document. */
  weakStart: boolean;
  /** The run opens a sentence, where capitals prove nothing. */
  atSentenceStart: boolean;
  /** The words split off in front are an epithet ("Crooked" in "Crooked Ana"), not a title: a label. */
  epithet?: boolean;
}

/**
 * A capitalised adjective glued to a given name or a known person is an epithet, not part of the name:
 * "Sleepy Tom", "Crooked Ana" are Tom and Ana with a label. Only before such a name, so "New Jersey" and
 * "Great Lakes" keep their first word.
 */
function isEpithet(tokens: readonly Token[], i: number): boolean {
  const word = (tokens[i]?.text ?? '').toLowerCase();
  const next = (tokens[i + 1]?.text ?? '').toLowerCase();
  if (!(GIVEN_NAMES.has(next) || KNOWN_PEOPLE.has(next))) return false;
  if (knownName(word) || isTitleWord(word) || ROLE_NOUNS.has(word)) return false;
  // Outlets write an epithet as a name ("Crooked Ana"); a word in capitals before a name is a video
  // player's or gallery's button run into the text ("CLOSE Ana Reyes is ignoring …"), no label of her.
  if (/^\p{Lu}{2,}$/u.test(tokens[i]?.text ?? '')) return false;
  // compromise's lexicon lists common adjectives ("sleepy", "corrupt"); it infers the rest from their
  // endings, as this does for words it lacks ("crooked", "nasty", "shifty").
  // Compounds ("Top-ranked North Carolina") modify teams and places as often as people: left alone.
  return (
    isAdjectiveWord(word) || (!isKnownWord(word) && /^\p{L}+$/u.test(word) && ADJECTIVE_ENDING.test(word))
  );
}
const ADJECTIVE_ENDING = /(?:ed|y|ous|ful|less|ish|ic)$/;

function isCapitalised(token: Token): boolean {
  // ASCII first: "A"–"Z" are capitals, no other ASCII character is (the Unicode test costs ~0.25 s per
  // 3,000 allsides articles). An upper-case letter is a letter, so one test is enough.
  const first = token.text.charCodeAt(0);
  if (first < 128) return first >= 65 && first <= 90;
  return /^\p{Lu}/u.test(token.text);
}

function knownName(lower: string): boolean {
  return (
    COUNTRIES.has(lower) ||
    CITIES.has(lower) ||
    GIVEN_NAMES.has(lower) ||
    KNOWN_SURNAMES.has(lower) ||
    KNOWN_PEOPLE.has(lower)
  );
}

/** A sentence's first word is capitalised anyway: trust it only when tagged or known as a name. */
function nameAtSentenceStart(token: Token): boolean {
  const lower = token.text.toLowerCase();
  return (
    token.pos === 'PROPN' ||
    knownName(lower) ||
    DEMONYMS.has(lower.replace(/s$/, '')) ||
    monthSurnames.has(lower)
  );
}

/** Honorifics after which a capitalised month or common word is a surname ("Mrs. May", "Ms. Rice"). */
const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'sir', 'dame']);

/** A party letter and a state after a lawmaker's name: "D-N" of "D-N.Y.", "R-Ohio", "I-Vt". */
const PARTY_TAG = /^[RDI]-\p{Lu}/u;

/**
 * Part of a party-state tag: "Rep. Ann Lee, D-N.Y., said", "Sen. Bo Hale (R-S.C.)". The tag and the
 * letters glued to it ("Y." of "N.Y.") are no names — they became actors "D-N" and "Y.". Only inside
 * the comma or bracket that sets a tag off, so "D-Day" in running text stays a word.
 */
function inPartyTag(tokens: readonly Token[], i: number): boolean {
  for (let t = i; t >= 0; t--) {
    const opener = tokens[t - 1]?.text;
    if (
      PARTY_TAG.test(tokens[t]?.text ?? '') &&
      (opener === ',' || opener === '(' || tagAfterName(tokens, t))
    )
      return true;
    if (tokens[t - 1]?.end !== tokens[t]?.start) return false;
  }
  return false;
}

/**
 * A tag some pages print without its comma: "with Majority Leader Ann Lee R-Calif., Whip Bo Hale, R-La.,
 * and …" made a person "Ann Lee R-Calif". Right after a capitalised word, and the tag (with the letters
 * glued to it) closed by a comma or bracket.
 */
function tagAfterName(tokens: readonly Token[], t: number): boolean {
  const before = tokens[t - 1];
  if (!before || before.end === tokens[t]?.start || !/^\p{Lu}\p{Ll}/u.test(before.text)) return false;
  let end = t;
  while (tokens[end + 1] && tokens[end + 1]?.start === tokens[end]?.end) end++;
  return /^[,)]$/.test(tokens[end + 1]?.text ?? '') || /[,)]$/.test(tokens[end]?.text ?? '');
}

/** "No." before a number is a rank or an address ("the No. 2 official", "No. 10"), not a name. */
function isNumberSign(tokens: readonly Token[], i: number): boolean {
  return tokens[i]?.text === 'No.' && /^\d/.test(tokens[i + 1]?.text ?? '');
}

const PLURAL_ABBREVIATION = /^\p{Lu}{2,}s$/u;

function isNameToken(tokens: readonly Token[], i: number, heading = false): boolean {
  const token = tokens[i];
  if (!token || !isCapitalised(token)) return false;
  if (inPartyTag(tokens, i) || isNumberSign(tokens, i)) return false;
  const lower = token.text.toLowerCase();
  if (NEVER_NAMES.has(lower) || (heading && isHeadlineBreak(lower))) return false;
  // A pronoun is no name ("He had a lot of support": a "He" the sentence splitter left mid-sentence was
  // typed a person), unless a title stands before it ("Vice Premier He Wen"); "IT", "US" in capitals are
  // abbreviations. Text in capitals is read as its lower-case form would be ("A MAN has been charged").
  if (
    PERSONAL_PRONOUNS.has(lower) &&
    !(token.text.length > 1 && ALL_CAPS_WORD.test(token.text)) &&
    !TITLE_WORDS.has((tokens[i - 1]?.text ?? '').toLowerCase().replace(/\.$/, ''))
  )
    return false;
  if (isShoutedWord(tokens, i)) return false;
  // A plural abbreviation ("told MPs Haddad had …", "CEOs", "NGOs") is a common noun, not a given name: a
  // person "MPs Haddad" made every later bare "Haddad" ambiguous, and the attacker split into two actors.
  if (PLURAL_ABBREVIATION.test(token.text)) return false;
  // "Ana Ruiz Won't Return": the tokenizer cuts "Won't" into "Wo" + "n't", and a word glued to a
  // negation is a Title Case auxiliary ("Can't", "Didn't"), never part of a name.
  const next = tokens[i + 1];
  if (next && next.start === token.end && /^n['’]t$/i.test(next.text)) return false;
  if (!isDateWord(lower)) return true;
  // A month capitalised straight after a given name or an honorific is a surname: "Helena May said",
  // "Mrs. May", while "in May" and "on Friday" stay dates.
  const previous = (tokens[i - 1]?.text ?? '').toLowerCase();
  const numberAfter = /^\d/.test(tokens[i + 1]?.text ?? '');
  return (
    (GIVEN_NAMES.has(previous) && isCapitalised(tokens[i - 1] as Token)) ||
    (HONORIFICS.has(previous) && !numberAfter) ||
    // "Helena May said …" earlier, then "May said …", "May's spokesman": the article's own surname, unless
    // a date's words stand around it ("in May", "May 4", "between March and May").
    (monthSurnames.has(lower) && !numberAfter && !DATE_LEAD_INS.has(previous) && !inDateRange(tokens, i))
  );
}

/** "between March and May", "April or May", "Monday to Friday": a date word after another and a joiner. */
function inDateRange(tokens: readonly Token[], i: number): boolean {
  const joiner = (tokens[i - 1]?.text ?? '').toLowerCase();
  return (
    (joiner === 'and' || joiner === 'or' || joiner === 'to') &&
    isDateWord((tokens[i - 2]?.text ?? '').toLowerCase())
  );
}

/** Words before a month or weekday that make it a date: "in May", "since Friday", "until June". */
const DATE_LEAD_INS = new Set(
  'in on since until till by last next this early late mid from through of before after during between every each'.split(
    ' ',
  ),
);

/**
 * The month and weekday words the article being read uses as a surname after a given name ("Helena May"),
 * set by findCandidates for its one synchronous pass (read by isNameToken, which every name rule calls).
 */
let monthSurnames: ReadonlySet<string> = new Set();

function surnamesThatAreDateWords(tokens: readonly Token[]): Set<string> {
  const found = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const lower = token.text.toLowerCase();
    if (!isCapitalised(token) || !isDateWord(lower)) continue;
    const previous = tokens[i - 1] as Token;
    if (
      isCapitalised(previous) &&
      GIVEN_NAMES.has(previous.text.toLowerCase()) &&
      !/^\d/.test(tokens[i + 1]?.text ?? '')
    )
      found.add(lower);
  }
  return found;
}

/** Capitals are expected after a sentence start, an opening quote, a colon or a dash ("question: What"). */
function opensSentence(tokens: readonly Token[], i: number, sentenceStart: number): boolean {
  const previous = tokens[i - 1];
  if (i === sentenceStart) return true;
  if (previous === undefined || !/^["“‘(:—–]$/.test(previous.text)) return false;
  return previous.text !== '"' || !closesQuote(tokens, i - 1);
}

/**
 * A straight double quote at `q` that closes a quotation inside a sentence: glued to the word or comma
 * before it, a space after it, and no sentence end inside. The capital after it is a name's, as after a
 * curly closing quote: in '"We will not pay," Young told reporters' and '"It is late," Will wrote', a
 * surname that is also an ordinary word stands mid-sentence, not at a sentence start where capitals
 * prove nothing. After '."', '?"' or '!"' the next word may open a new sentence and still counts as one.
 */
function closesQuote(tokens: readonly Token[], q: number): boolean {
  const mark = tokens[q];
  const before = tokens[q - 1];
  const after = tokens[q + 1];
  if (!mark || !before || !after) return false;
  return before.end === mark.start && after.start > mark.end && !/^[.?!…]$/.test(before.text);
}

const AGE = /^[\p{L}\d]+-year-old$/iu;

function isTitleWord(lower: string): boolean {
  return (
    TITLE_WORDS.has(lower.replace(/\.$/, '')) ||
    DEMONYMS.has(lower) ||
    COUNTRIES.has(lower) ||
    // "President-elect Ana Ruiz", "Ex-Governor Tom Baker": a title with a hyphenated prefix or suffix.
    (lower.includes('-') &&
      TITLE_WORDS.has(lower.replace(/^(?:ex|vice|co|deputy)-|-(?:elect|designate)$/, ''))) ||
    // A plural title before a list of names: "Justices Ana Ruiz and Eva Lind", "Sens. Tom Hale and …" made a
    // person "Justices Ana Ruiz". A run of one word is never split (splitTitle keeps its last word), so a
    // team called "Senators" or "Cardinals" stays a name.
    (lower.length > 3 && /[^s]s\.?$/.test(lower) && TITLE_WORDS.has(lower.replace(/s\.?$/, '')))
  );
}

/** Split leading title words off a run; a run that is all titles ("Prime Minister") names nobody. */
function splitTitle(
  layer: TokenLayer,
  runStart: number,
  end: number,
  sentence: number,
  inHeading: boolean,
  weakStart: boolean,
): Candidate | null {
  const { tokens, text } = layer;
  let first = runStart;
  // An age is never part of a name: "Sixteen-year-old Li Wei" is Li Wei, whatever his given name.
  while (
    first < end - 1 &&
    (isTitleWord((tokens[first]?.text ?? '').toLowerCase()) || AGE.test(tokens[first]?.text ?? ''))
  )
    first++;
  const whole = text.slice(tokens[first]?.start ?? 0, tokens[end - 1]?.end ?? 0).toLowerCase();
  // "North Carolina Republican": the first word opens a place's name with the next, no epithet and no role
  // word before a given name ("North" was a label of a person "Carolina Republican").
  const pair = `${tokens[first]?.text ?? ''} ${tokens[first + 1]?.text ?? ''}`.toLowerCase();
  const placeOpens = REGIONS.has(pair) || CITIES.has(pair) || COUNTRIES.has(pair);
  const epithet =
    first === runStart &&
    end - first >= 2 &&
    isEpithet(tokens, first) &&
    !(REGIONS.has(whole) || CITIES.has(whole) || COUNTRIES.has(whole)) &&
    !placeOpens;
  if (epithet) first++;
  // "Actress Ana Reyes said …", "Lawyer Tom Ford": a capitalised role noun in front of a given name and a
  // surname is a title too (a role noun alone before one word may be a name: "Judge Street").
  // So are a few common words ("Senior Trooper Ana Reyes", "Coroner Tom Ford", "Sixteen-year-old Li Wei"):
  // ordinary words, agent nouns the lexicon lacks, ages. The given name must follow them.
  if (first === runStart && end - first >= 3 && !placeOpens) {
    // The given name first (a set lookup), the words before it only then.
    let g = first + 1;
    while (g < end - 2 && !GIVEN_NAMES.has((tokens[g]?.text ?? '').toLowerCase())) g++;
    if (GIVEN_NAMES.has((tokens[g]?.text ?? '').toLowerCase())) {
      let k = first;
      while (k < g && isRoleLikeWord((tokens[k]?.text ?? '').toLowerCase())) k++;
      if (k === g) first = g;
    } else if (
      // "Quarterback Zbignev Kowalczyk": one role noun, then a name of words the lexicon lacks.
      isRoleNoun((tokens[first]?.text ?? '').toLowerCase()) &&
      unknownNameRun(tokens, first + 1, end)
    )
      first++;
  }
  // "Fire Chief Raymond Castillo", "Oregon Gov. Helen Marsh": a title word inside the run ends the title.
  // So does an abbreviated title in capitals before a given name ("Dunmore Rovers GM Ana Reyes", "Harbour
  // Lions QB Tom Ford"): a team or firm, its officer's initials, then the person.
  for (let t = end - 2; t > first; t--) {
    const word = tokens[t]?.text ?? '';
    const initials = /^[A-Z]{2,4}$/.test(word) && GIVEN_NAMES.has((tokens[t + 1]?.text ?? '').toLowerCase());
    if ((initials || TITLE_WORDS.has(word.toLowerCase().replace(/\.$/, ''))) && end - (t + 1) >= 2) {
      first = t + 1;
      break;
    }
  }
  // "Calloway General Hospital", "Democratic National Committee", "U.S. Geological Survey": when what is
  // left after the title words is an organisation or a place, the title words belong to its name.
  const lastWord = (tokens[end - 1]?.text ?? '').toLowerCase();
  if (first > runStart && (ORGANIZATION_HEADS.has(lastWord) || PLACE_HEADS.has(lastWord))) first = runStart;
  const firstTok = tokens[first];
  const lastTok = tokens[end - 1];
  if (!firstTok || !lastTok) return null;
  if (first === end - 1 && TITLE_WORDS.has(firstTok.text.toLowerCase().replace(/\.$/, ''))) return null;
  const next = tokens[end];
  // The tokenizer sometimes leaves "'s" on the word ("Ruiz's" as one token): the name ends before it.
  // (The ending is tested first: the Unicode pattern on every name's last word cost ~0.04 s per 1,500 articles.)
  const last = lastTok.text;
  const glued = (last.endsWith("'s") || last.endsWith('’s')) && /^\p{L}.*\p{L}['’]s$/u.test(last) ? 2 : 0;
  return {
    firstToken: first,
    endToken: end,
    titleFirst: runStart,
    start: firstTok.start,
    end: lastTok.end - glued,
    text: text.slice(firstTok.start, lastTok.end - glued),
    possessive: glued > 0 || (next !== undefined && POSSESSIVE.has(next.text) && next.start === lastTok.end),
    sentence,
    inHeading,
    weakStart,
    atSentenceStart: opensSentence(tokens, runStart, layer.sentences[sentence]?.firstToken ?? -1),
    ...(epithet && first === runStart + 1 ? { epithet: true } : {}),
  };
}

const QUOTES = new Set(['"', "'", '“', '‘', '”', '’']);

/**
 * A quoted nickname between a given name and a surname belongs to the name: "Vincenzo 'The Fox' Amato",
 * 'Ana "Speedy" Ruiz'. `at` is the opening mark after a given name; the end of the surname run's first
 * word, or `at` when the shape is not there (one to three capitalised words, then the closing mark, then
 * a name word).
 */
function nicknameEnd(tokens: readonly Token[], at: number, limit: number, heading: boolean): number {
  if (tokens[at]?.text === '(') return bracketedNicknameEnd(tokens, at, limit, heading);
  if (!QUOTES.has(tokens[at]?.text ?? '') || !GIVEN_NAMES.has((tokens[at - 1]?.text ?? '').toLowerCase()))
    return at;
  let k = at + 1;
  while (k < limit && k - at <= 3 && isCapitalised(tokens[k] as Token)) k++;
  if (k === at + 1 || !QUOTES.has(tokens[k]?.text ?? '') || k + 1 >= limit) return at;
  return isNameToken(tokens, k + 1, heading) ? k + 2 : at;
}

/**
 * A nickname in brackets between given name and surname: "Luis Gerardo (Jerry) Ortiz", "Tamsin (Tam)
 * Okafor". One Title Case word inside (not "(UK)" or "(D)"), a name word after the bracket, and either a
 * given name on one side of the bracket or a word inside that is no ordinary word ("Ana Ruiz (Reuters)
 * Smith" is no such name). The end of the surname run's first word, or `at`.
 */
function bracketedNicknameEnd(tokens: readonly Token[], at: number, limit: number, heading: boolean): number {
  const inside = tokens[at + 1]?.text ?? '';
  if (at + 3 >= limit || tokens[at + 2]?.text !== ')' || !/^\p{Lu}\p{Ll}+$/u.test(inside)) return at;
  if (!isNameToken(tokens, at + 3, heading)) return at;
  const lower = inside.toLowerCase();
  const given = GIVEN_NAMES.has(lower) || GIVEN_NAMES.has((tokens[at - 1]?.text ?? '').toLowerCase());
  return given || !isKnownWord(lower) ? at + 4 : at;
}

/**
 * A noun naming a person by role or by what they did or what befell them: the role nouns, and the
 * people of news reporting the lexicon lacks ("Inmate Tom Baker", "Inmate Tomasz Kowal": the inmate is
 * a label, the name the person).
 */
const isRoleNoun = (lower: string) => ROLE_NOUNS.has(lower) || NEWS_PERSON_NOUNS.has(lower);

/**
 * A word that can stand before a name as a role: a role noun, a word the lexicon knows only as an ordinary
 * word ("senior", "manager"), an agent noun it lacks ("coroner", "moviemaker"), or an age
 * ("sixteen-year-old"); never a given name.
 */
function isRoleLikeWord(lower: string): boolean {
  if (GIVEN_NAMES.has(lower)) return false;
  return (
    isRoleNoun(lower) ||
    isOrdinaryWord(lower) ||
    (!isKnownWord(lower) && /^\p{L}{3,}(?:er|or|ist|man|woman)$/u.test(lower)) ||
    /^[\p{L}\d]+-year-old$/u.test(lower)
  );
}

/**
 * In a Title Case headline, a known word ending in -s right after a given name and a surname is the
 * headline's verb, not a third name word: "Ana Ruiz Leaves Band" is Ana Ruiz. The lexicon lists such words
 * as plurals as often as verbs ("Checks", "Leaves"), so only the position decides; a word tagged as a name
 * ("Ana Ruiz Hughes") stays in the name.
 */
function headlineVerbAfterName(tokens: readonly Token[], runStart: number, at: number): boolean {
  if (at - runStart !== 2) return false;
  const word = (tokens[at]?.text ?? '').toLowerCase();
  if (!/^\p{L}+s$/u.test(word) || knownName(word) || !isKnownWord(word)) return false;
  const given = (tokens[runStart]?.text ?? '').toLowerCase();
  return GIVEN_NAMES.has(given) && !isOrdinaryWord((tokens[runStart + 1]?.text ?? '').toLowerCase());
}

/**
 * Two or three capitalised words, each a name particle or a word of letters the lexicon does not know
 * ("Zbignev Kowalczyk", "Tadeo Lo Bianco"): no ordinary word a sentence's capital could explain.
 */
function unknownNameRun(tokens: readonly Token[], start: number, end: number): boolean {
  if (end - start < 2 || end - start > 3) return false;
  for (let t = start; t < end; t++) {
    const word = tokens[t]?.text ?? '';
    const lower = word.toLowerCase();
    // After the first word, a known surname or a given name that serves as one ("Zbignev Thomas", "Bubba
    // Wallace": a nickname the lexicon lacks, then a surname that is also a given name).
    if (NAME_PARTICLES.has(lower) || (t > start && (KNOWN_SURNAMES.has(lower) || GIVEN_NAMES.has(lower))))
      continue;
    if (!/^\p{Lu}\p{Ll}+$/u.test(word) || isKnownWord(lower)) return false;
  }
  return true;
}

/**
 * A page title that repeats the name around a hyphen ("Ana Ruiz-Ana Ruiz: Singer Dies") names one person
 * once: the candidate ends at the hyphen (the tokenizer glued "Ruiz-Ana" into one token, so its end token
 * is that one). A real double-barrelled name repeats no half ("Ana Ruiz-Tamm").
 */
function undoubled(tokens: readonly Token[], c: Candidate): Candidate {
  const half = /^(\p{Lu}[^-]*\p{L})-\1$/u.exec(c.text)?.[1];
  if (!half) return c;
  const end = c.start + half.length;
  let endToken = c.firstToken + 1;
  while (endToken < c.endToken && (tokens[endToken - 1]?.end ?? 0) < end) endToken++;
  return { ...c, end, endToken, text: half, possessive: false };
}

// The parties of a court case ("Ruiz v. Lind", "Ruiz v Harbour Board") name the case, not people in the
// story: "Wade" from a landmark case became a person actor of eight articles about the court. Only the
// legal "v.": "vs." also joins teams in a match, whose names are wanted.
const CASE_JOINER = /^\s+v\.?\s+$/;

/** Whether the run [start, end) is a party of a case name: "v." joins it to a capitalised word. */
function inCaseName(layer: TokenLayer, start: number, end: number): boolean {
  const { tokens, text } = layer;
  const joined = (left: Token | undefined, right: Token | undefined): boolean => {
    if (!left || !right || !isCapitalised(right) || !isCapitalised(left)) return false;
    return CASE_JOINER.test(text.slice(left.end, right.start));
  };
  const last = tokens[end - 1];
  const first = tokens[start];
  // "v." may be one token or "v" and "."; look past it either way.
  const after = tokens.slice(end, end + 3).find((t) => isCapitalised(t));
  const before = tokens
    .slice(Math.max(0, start - 3), start)
    .reverse()
    .find((t) => isCapitalised(t));
  return joined(last, after) || joined(before, first);
}

/**
 * "Ways and Means Committee", "House Oversight and Reform Committee": an "and" inside one organisation's
 * name, when the capitalised words after it run on to an organisation head. Both halves became names of
 * their own ("Ways", "Means Committee"); the head may be followed by a title ("… Committee Chairman Bo
 * Hale", which splitTitle divides). Not after an organisation ("Senate and House Committee" are two
 * bodies) or a person's given name ("Ann Lee and Finance Committee members"), nor before a head ("Roe and
 * House speaker Bo Li").
 */
function andJoinsOrganization(
  tokens: readonly Token[],
  start: number,
  at: number,
  limit: number,
  heading: boolean,
): boolean {
  if (tokens[at]?.text !== 'and') return false;
  const before = (tokens[at - 1]?.text ?? '').toLowerCase();
  if (ORGANIZATION_HEADS.has(before) || GIVEN_NAMES.has((tokens[start]?.text ?? '').toLowerCase()))
    return false;
  // "talks between Roe and House speaker Bo Li": a head right after "and" is a body of its own, the "and"
  // joins it to a person; inside one body's name a word comes between ("Ways and Means Committee").
  if (ORGANIZATION_HEADS.has((tokens[at + 1]?.text ?? '').toLowerCase())) return false;
  for (let t = at + 1; t < limit && isNameToken(tokens, t, heading); t++)
    if (ORGANIZATION_HEADS.has((tokens[t]?.text ?? '').toLowerCase())) return true;
  return false;
}

/**
 * An office title right after a surname or given name, with a name after it, starts the next name: "Mr.
 * Webb President Webb expects …" (a page that printed the name twice) made one person "Webb President
 * Webb". Only after a person's name word: "Harbour Bank President Tom Hale" and "Texas Governor Ana Ruiz"
 * keep the body or place before the office as the title's.
 */
function officeAfterName(tokens: readonly Token[], at: number, limit: number, heading: boolean): boolean {
  const office = (tokens[at]?.text ?? '').toLowerCase().replace(/\.$/, '');
  if (!OFFICE_TITLES.has(office) || at + 1 >= limit || !isNameToken(tokens, at + 1, heading)) return false;
  const before = (tokens[at - 1]?.text ?? '').toLowerCase();
  if (isTitleWord(before) || ORGANIZATION_HEADS.has(before) || REGIONS.has(before) || CITIES.has(before))
    return false;
  // "Calloway General Hospital": the office word opens the name of a body or place, not a person's.
  let last = at + 1;
  while (last + 1 < limit && isNameToken(tokens, last + 1, heading)) last++;
  const end = (tokens[last]?.text ?? '').toLowerCase().replace(/\.$/, '');
  if (ORGANIZATION_HEADS.has(end) || PLACE_HEADS.has(end)) return false;
  return KNOWN_SURNAMES.has(before) || GIVEN_NAMES.has(before) || !isKnownWord(before);
}

export function findCandidates(layer: TokenLayer): Candidate[] {
  monthSurnames = surnamesThatAreDateWords(layer.tokens);
  try {
    return candidatesIn(layer);
  } finally {
    monthSurnames = new Set();
  }
}

function candidatesIn(layer: TokenLayer): Candidate[] {
  const { tokens, sentences } = layer;
  const found: Candidate[] = [];
  for (const [sentenceIndex, sentence] of sentences.entries()) {
    let i = sentence.firstToken;
    while (i < sentence.endToken) {
      if (!isNameToken(tokens, i, sentence.heading)) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < sentence.endToken) {
        if (sentence.heading && headlineVerbAfterName(tokens, i, end)) break;
        if (officeAfterName(tokens, end, sentence.endToken, sentence.heading)) break;
        const nickname = nicknameEnd(tokens, end, sentence.endToken, sentence.heading);
        if (nickname > end) {
          end = nickname;
        } else if (isNameToken(tokens, end, sentence.heading)) {
          end++;
        } else if (
          (NAME_PARTICLES.has(tokens[end]?.text ?? '') ||
            // "Department of Transportation", "Bank of England": organisation heads take an "of" phrase,
            // and in running text a "to" phrase ("Committee to Protect Reporters" became a speaker
            // "Protect Reporters") when a verb follows it; a headline's "Senate to Vote on …" is a verb, and
            // "spoke to the Finance Committee to Congress members' surprise" no name.
            ((tokens[end]?.text === 'of' ||
              (tokens[end]?.text === 'to' && !sentence.heading && tokens[end + 1]?.pos === 'VERB')) &&
              ORGANIZATION_HEADS.has((tokens[end - 1]?.text ?? '').toLowerCase()))) &&
          isNameToken(tokens, end + 1, sentence.heading)
        ) {
          end += 2;
        } else if (andJoinsOrganization(tokens, i, end, sentence.endToken, sentence.heading)) {
          end++;
        } else break;
      }
      // A capitalised sentence opener that is not a known name ("The", "However") is not part of the name.
      let runStart = i;
      const opener = tokens[i];
      const weak =
        opener !== undefined && opensSentence(tokens, i, sentence.firstToken) && !nameAtSentenceStart(opener);
      // An opener the lexicon has never heard of, followed by more capitalised words, is a given name
      // ("Zbignev Kowalczyk stopped …"), not a word like "However" or "The".
      if (weak && end - i > 1 && isKnownWord(opener.text.toLowerCase()) && !isEpithet(tokens, i))
        runStart = i + 1;
      // "Zbignev Kowalczyk stopped …", "Tadeo Lo Bianco, the …": two or three name words none of which
      // the lexicon knows open the sentence. Such a run is name-shaped wherever it stands, so it is typed
      // like any other (a heading's Title Case is no such evidence: every word there is capitalised).
      // An age opening the sentence ("Sixty-year-old Marla Tovey was …") is no part of the name (splitTitle
      // drops it), and the name after it stands mid-sentence, where its capitals are evidence.
      const weakStart =
        weak &&
        runStart === i &&
        !(!sentence.heading && unknownNameRun(tokens, i, end)) &&
        !(end - i > 1 && AGE.test(opener.text));
      const candidate = inCaseName(layer, runStart, end)
        ? null
        : splitTitle(layer, runStart, end, sentenceIndex, sentence.heading, weakStart);
      if (candidate) found.push(undoubled(tokens, candidate));
      i = end;
    }
  }
  return withoutRankWords(layer, found);
}

/**
 * "Top Reyes campaign officials met …", "Senior Reyes aides said …": a sentence opens with an ordinary
 * word, which the tagger calls a name before a name, glued to the surname of a person the article
 * names in full ("Ana Reyes"). The word ranks the people after the name; the name is her surname. (A
 * person "Top Clinton" took the bare surname of four outlets across a story of fifteen.) Only an ordinary
 * word that is no given name and heads no place or body ("Port Reyes"), before exactly one further word that
 * is such a surname.
 */
function withoutRankWords(layer: TokenLayer, found: Candidate[]): Candidate[] {
  const { tokens } = layer;
  const surnames = new Set<string>();
  for (const c of found)
    if (c.endToken - c.firstToken >= 2 && GIVEN_NAMES.has((tokens[c.firstToken]?.text ?? '').toLowerCase()))
      surnames.add((tokens[c.endToken - 1]?.text ?? '').toLowerCase());
  return found.map((c) => {
    const opener = (tokens[c.firstToken]?.text ?? '').toLowerCase();
    const rest = tokens[c.firstToken + 1];
    if (
      !c.atSentenceStart ||
      c.epithet ||
      c.endToken - c.firstToken !== 2 ||
      !rest ||
      GIVEN_NAMES.has(opener) ||
      !isOrdinaryWord(opener) ||
      PLACE_HEADS.has(opener) ||
      ORGANIZATION_HEADS.has(opener) ||
      !surnames.has(rest.text.toLowerCase())
    )
      return c;
    return {
      ...c,
      firstToken: c.firstToken + 1,
      titleFirst: c.firstToken + 1,
      start: rest.start,
      text: layer.text.slice(rest.start, c.end),
    };
  });
}
