// Unnamed people and groups an article keeps referring to: "the gunman", "a woman", "police", "the
// robbers". A reader follows them as characters of the story although nobody names them, so they become
// entities of their own, kept apart from the named cast (AnnotatedArticle.unnamedPeople): an unnamed
// entity is never joined to a named person here. The evidence that does tie a description to a name —
// an apposition ("the gunman, Tom Ford,"), a title ("gunman Tom Ford"), a description settled by age or
// role ("the 34-year-old") — is read earlier by descriptors.ts and descriptions.ts, and the words it
// takes are left out of this pass.
//
// Within an article a description chains by its head noun and determiner:
//  - "a man", "another man", "two women" introduce someone new (an indefinite or counted noun phrase);
//  - "the man", "this man", a bare "police" refer back to the latest one with that head (or start one);
//  - "her lawyer", "the suspect's mother" (after a possessive) name someone by a tie to another person:
//    the entity records that person (`of`), and chains by noun and that person ("his mother" twice is one
//    mother; "the mother" refers back to the latest); a possessive whose owner is unknown is left out.
// One pass over the tokens with map lookups: linear in the article.
import type { Entity, EntityReference, Mention } from '../../model/article.js';
import { WEEKDAY_NAMES } from '../../text/calendar-words.js';
import type { Token, TokenLayer } from '../tokens.js';
import { nounGender } from './descriptions.js';
import { COPULAS, isShoutedWord, mayBeVerb, NEWS_PEOPLE, PERFORMER_NOUNS, ROLE_NOUNS } from './gazetteer.js';

/**
 * Role nouns of gazetteer.ts that are more often something else in running text ("the head of", "the
 * host city", "a key figure") or that name a person only by a tie to someone else ("the mother").
 */
const NOT_UNNAMED = new Set([
  'head',
  'host',
  'figure',
  'personality',
  'chief',
  'leader',
  'president',
  'member',
  'friend',
  'partner',
  'mother',
  'father',
  'son',
  'daughter',
  'wife',
  'husband',
  'sister',
  'brother',
  'family',
  'successor',
  'predecessor',
  'owner',
  'founder',
  'ally',
  'rival',
  'opponent',
  'guy',
  'people',
  'person',
]);

/**
 * Nouns that name someone by a tie to another person (general English, my own list): "her mother", "the
 * victim's family", "his lawyer". With a possessive the tie's other end is known, and the relation is a
 * referent of its own: "mother of Ana Ruiz".
 */
const RELATION_NOUNS = new Set([
  'mother',
  'father',
  'mum',
  'mom',
  'dad',
  'parent',
  'son',
  'daughter',
  'child',
  'wife',
  'husband',
  'sister',
  'brother',
  'sibling',
  'family',
  'friend',
  'partner',
  'girlfriend',
  'boyfriend',
  'ex-girlfriend',
  'ex-boyfriend',
  'ex-wife',
  'ex-husband',
  'fiancé',
  'fiancee',
  'fiance',
  'grandmother',
  'grandfather',
  'aunt',
  'uncle',
  'cousin',
  'niece',
  'nephew',
  'widow',
  'rep',
  'publicist',
  'agent',
  'manager',
]);

/** Plural-only group nouns: always a group ("police said"), never a singular. */
const PLURAL_GROUPS = new Set(['police', 'people', 'authorities', 'troops', 'persons', 'paparazzi']);

/**
 * Collective nouns: one word for a group of people ("the jury found …", "a crowd gathered"), a group
 * whether singular or plural.
 */
const COLLECTIVES = new Set(['jury', 'crowd', 'crew']);

const UNNAMED_NOUNS: ReadonlySet<string> = new Set([
  ...[...ROLE_NOUNS, ...NEWS_PEOPLE, ...PERFORMER_NOUNS].filter(
    (w) => !NOT_UNNAMED.has(w) && /^[a-z][a-z-]*$/.test(w),
  ),
  ...RELATION_NOUNS,
]);

/**
 * Whether a relative clause's verb ("who were …") cannot agree with a head of this number: "were",
 * "are", "have" after a singular head, "was", "is", "has" after a plural one.
 */
function disagrees(kind: Entity['kind'], verb: string | undefined): boolean {
  const v = verb?.toLowerCase() ?? '';
  return kind === 'group' ? /^(was|is|has)$/.test(v) : /^(were|are|have)$/.test(v);
}

const INDEFINITE = new Set(['a', 'an', 'another', 'one']);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);
const POSSESSIVE = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your', "'s", '’s', "'", '’']);

/** The singular a person noun is listed under, and whether the word was plural; null if no person noun. */
/** The head a bare casualty count stands for: people. */
const PEOPLE = { lemma: 'people', plural: true };
/** The head an ordinal casualty stands for ("wounding a third"): one person. */
const ONE_MORE = { lemma: 'person', plural: false };

export function unnamedHead(lower: string): { lemma: string; plural: boolean } | null {
  if (PLURAL_GROUPS.has(lower) || COLLECTIVES.has(lower)) return { lemma: lower, plural: true };
  // The lexicon lists some plurals as words of their own ("firefighters"): the singular decides first.
  const singulars = [
    lower.endsWith('men') ? `${lower.slice(0, -3)}man` : '',
    lower.endsWith('ies') ? `${lower.slice(0, -3)}y` : '',
    lower.endsWith('ves') ? `${lower.slice(0, -3)}f` : '',
    lower.endsWith('es') ? lower.slice(0, -2) : '',
    lower.endsWith('s') ? lower.slice(0, -1) : '',
    lower === 'children' ? 'child' : '',
  ];
  for (const s of singulars) if (s && UNNAMED_NOUNS.has(s)) return { lemma: s, plural: true };
  // A plural the lexicon lists of a noun left out above ("leaders" of "leader") stays out.
  if (singulars.some((x) => x && NOT_UNNAMED.has(x))) return null;
  return UNNAMED_NOUNS.has(lower) ? { lemma: lower, plural: false } : null;
}

/**
 * Heads that name a person only with the noun before them: "gang member", "mob boss", "police chief",
 * "clan members". Alone ("a member of the board", "the head of", "leader") they are left out above; the
 * compound is a description of its own, and its words are the mention (ECB+ train marks "gang member"
 * whole, 10 times; "member" alone never). General English, my own list.
 */
const COMPOUND_HEADS = new Set(['member', 'boss', 'chief', 'leader']);

/** "gang members" → {lemma "gang member", plural}: a lower-case noun before a compound head; or null. */
function compoundHead(
  tokens: readonly Token[],
  i: number,
  covered: Uint8Array,
  isPerson: (start: number) => boolean,
): { lemma: string; plural: boolean } | null {
  const t = tokens[i];
  const before = tokens[i - 1];
  if (!t || !before || before.sentence !== t.sentence) return null;
  // "a suspected Cartel leader": a one-word name that is no person's (a group, a movement) names what the
  // person heads or belongs to, as "gang" does in "gang leader".
  const named =
    /^\p{Lu}\p{Ll}+$/u.test(before.text) &&
    /^\p{Ll}/u.test(t.text) &&
    !isPerson(before.start) &&
    (tokens[i - 2]?.sentence !== t.sentence || /^\p{Ll}/u.test(tokens[i - 2]?.text ?? ''));
  if (!named && (covered[i - 1] || before.pos !== 'NOUN' || !/^\p{Ll}[\p{Ll}-]+$/u.test(before.text)))
    return null;
  const lower = t.text.toLowerCase();
  const singular = lower.endsWith('s') && COMPOUND_HEADS.has(lower.slice(0, -1)) ? lower.slice(0, -1) : lower;
  if (!COMPOUND_HEADS.has(singular)) return null;
  // "a police chief" is one; "the members of the gang": the modifier must not itself be a person noun.
  if (unnamedHead(before.text.toLowerCase()) && before.text.toLowerCase() !== 'police') return null;
  return { lemma: `${before.text.toLowerCase()} ${singular}`, plural: singular !== lower };
}

type Determiner = 'indefinite' | 'definite' | 'counted' | 'possessive' | 'bare' | 'none';

/** Words for a day that follow a noun phrase as an adverb ("two nurses today"), never a compound's head. */
const TIME_WORDS = new Set(['today', 'yesterday', 'tonight', 'tomorrow', ...WEEKDAY_NAMES]);

/** Determiners that refer to nobody in particular: "no troops would be sent", "any mediator". */
const NON_REFERRING = new Set(['no', 'any', 'every', 'each', 'neither', 'whichever']);

/** Negation in a clause: "did not deploy troops", "never hired a lawyer", "without a lawyer". */
const NEGATION = new Set(['not', "n't", 'n’t', 'never', 'no', 'without', 'nor', 'neither']);

/** Tokens that end a clause when reading back from a noun phrase. */
const CLAUSE_BREAK =
  /^(?:[,;:()[\]—–"“”]|and|but|or|while|whereas|although|though|because|since|if|when|after|before)$/i;

/**
 * Whether a noun phrase with this determiner refers to nobody: a reader follows no character through
 * "no troops", "serve as a mediator", "he is a suspect", "Norland, a neutral mediator" (a description of a
 * country), or a bare or indefinite noun under a negation in its clause ("has not deployed troops", "did
 * not hire a lawyer"). A definite one refers whatever the clause says ("did not find the gunman").
 */
function refersToNobody(
  tokens: readonly Token[],
  first: number,
  head: number,
  plural: boolean,
  det: Determiner,
  namedNonPersonEnd: ReadonlySet<number>,
): boolean {
  if (det === 'none') return true;
  if (det !== 'bare' && det !== 'indefinite') return false;
  const before = tokens[first - 1];
  const sentence = tokens[first]?.sentence;
  if (!before || before.sentence !== sentence) return false;
  const word = before.text.toLowerCase();
  if (COPULAS.has(word)) return true;
  // "serve as a mediator", "hired as driver"; "as transport officers tried …" is a conjunction.
  if (word === 'as' && (det === 'indefinite' || !plural)) return true;
  // "Norland, a more neutral mediator, …" describes the country; "Norland, a spokeswoman said" and
  // "…, a spokeswoman who asked …" open a clause of their own.
  if (det === 'indefinite' && word === ',' && namedNonPersonEnd.has(tokens[first - 2]?.end ?? -1)) {
    const next = tokens[head + 1];
    const opensClause =
      next !== undefined &&
      (/^(?:who|whom|whose|that|which)$/i.test(next.text) ||
        next.pos === 'AUX' ||
        (next.pos === 'VERB' && !/(?:ed|ing)$/i.test(next.text)));
    if (!opensClause) return true;
  }
  for (let j = first - 1, n = 0; j >= 0 && n < 10; j--, n++) {
    const t = tokens[j];
    if (!t || t.sentence !== sentence || CLAUSE_BREAK.test(t.text)) break;
    if (NEGATION.has(t.text.toLowerCase())) return true;
  }
  return false;
}

/**
 * The noun phrase before a head: modifiers (adjectives, nouns, numbers, hyphenated words, proper nouns as
 * in "Brooklyn police") back to its determiner. Returns how the phrase is determined, its first token,
 * and a number it counts ("two women" → "two"), if any.
 */
function phraseBefore(
  tokens: readonly Token[],
  head: number,
): { det: Determiner; first: number; count: string | null; owner?: number } {
  let count: string | null = null;
  let first = head;
  for (let j = head - 1; j >= 0 && head - j <= 6; j--) {
    const t = tokens[j];
    if (!t || t.sentence !== tokens[head]?.sentence) break;
    const lower = t.text.toLowerCase();
    // The possessive's own token is `first` - 1's owner: "her" or the "'s" after a name.
    if (POSSESSIVE.has(lower)) return { det: 'possessive', first: j + 1, count, owner: j };
    if (NON_REFERRING.has(lower)) return { det: 'none', first: j, count };
    if (INDEFINITE.has(lower)) return { det: 'indefinite', first: j, count };
    if (DEFINITE.has(lower)) return { det: count ? 'counted' : 'definite', first: j, count };
    if (t.pos === 'NUM') {
      count ??= countValue(lower);
      first = j;
      continue;
    }
    // An adverb grading the adjective after it belongs to the phrase: "a more neutral mediator".
    const grading = t.pos === 'ADV' && tokens[j + 1]?.pos === 'ADJ';
    if (
      grading ||
      t.pos === 'ADJ' ||
      t.pos === 'NOUN' ||
      t.pos === 'PROPN' ||
      (t.pos === 'VERB' && lower.includes('-'))
    ) {
      first = j;
      continue;
    }
    break;
  }
  return { det: count ? 'counted' : 'bare', first, count };
}

/** Number words a count of people is written with, as digits: "four people" and "4 hurt" are one count. */
const NUMBER_WORDS = new Map(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((w, k) => [w, String(k + 1)]),
);

/** "three" → "3", "3" → "3"; anything else as it is. */
function countValue(lower: string): string {
  return NUMBER_WORDS.get(lower) ?? lower;
}

/** Casualty words after a bare count ("four dead", "12 hurt") and before one ("killing six", "injuring 12"). */
const CASUALTY_AFTER = new Set([
  'dead',
  'killed',
  'die',
  'dies',
  'died',
  'hurt',
  'injured',
  'wounded',
  'missing',
]);
const CASUALTY_BEFORE = new Set([
  'killing',
  'kills',
  'kill',
  'killed',
  'injuring',
  'injures',
  'wounding',
  'wounds',
  'hurting',
  'leaving',
  'wounded',
  'injured',
]);
const COUNT_HEDGES = new Set([
  'at',
  'least',
  'about',
  'some',
  'nearly',
  'almost',
  'around',
  'over',
  'another',
]);

/**
 * A bare count of people in a casualty clause, as digits: "Four dead in ferry fire", "6 hurt when …", "killing
 * six and injuring at least 12". The count is its own noun phrase (no noun follows it), and it counts the
 * dead or hurt: a group of people.
 */
function casualtyCount(tokens: readonly Token[], i: number): string | null {
  const t = tokens[i];
  if (!t) return null;
  const lower = t.text.toLowerCase();
  if (lower === 'others') return casualtyOthers(tokens, i);
  if (ORDINALS.has(lower)) return casualtyOrdinal(tokens, i);
  const vague = VAGUE_COUNTS.has(lower);
  if (!/^\d{1,3}$/.test(lower) && !NUMBER_WORDS.has(lower) && !vague) return null;
  const next = tokens[i + 1];
  const nextLower = next?.sentence === t.sentence ? (next?.text.toLowerCase() ?? '') : '';
  if (CASUALTY_AFTER.has(nextLower) && !vague) return countValue(lower);
  // "injuring dozens more": "more" ends the count's phrase.
  const more = nextLower === 'more';
  // After the verb the count must end its phrase: "killing six horses" is the noun's count, not a group.
  if (
    !more &&
    next?.sentence === t.sentence &&
    (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ')
  )
    return null;
  const j = i - 1;
  return casualtyVerbEndsAt(tokens, j, t.sentence) ? countValue(lower) : null;
}

/**
 * Whether a casualty verb ("killing", "wounding") ends at token `j` of `sentence`, over count hedges before
 * it ("wounding at least 12"): the test every casualty count and group shares.
 */
function casualtyVerbEndsAt(tokens: readonly Token[], j: number, sentence: number): boolean {
  let k = j;
  while (k >= 0 && tokens[k]?.sentence === sentence && COUNT_HEDGES.has(tokens[k]?.text.toLowerCase() ?? ''))
    k--;
  const verb = tokens[k];
  return verb !== undefined && verb.sentence === sentence && CASUALTY_BEFORE.has(verb.text.toLowerCase());
}

/**
 * Counts without a number, after a casualty verb only: "injuring dozens more", "wounding several". A
 * vague count is no number a later "12 people" could repeat, so it keys on its word.
 */
const VAGUE_COUNTS = new Set(['dozens', 'hundreds', 'scores', 'several']);

const ORDINALS = new Set(['second', 'third', 'fourth', 'fifth', 'sixth']);

/**
 * "a third" after a casualty verb: "killing two guards and wounding a third". One more person, keyed
 * on the ordinal (never a count a later "three people" could repeat).
 */
function casualtyOrdinal(tokens: readonly Token[], i: number): string | null {
  const t = tokens[i];
  const article = tokens[i - 1];
  const next = tokens[i + 1];
  if (!t || article?.text.toLowerCase() !== 'a' || article.sentence !== t.sentence) return null;
  // "a third party", "a second time": the ordinal modifies a noun after it.
  if (next?.sentence === t.sentence && (next.pos === 'NOUN' || next.pos === 'PROPN')) return null;
  let j = i - 2;
  while (
    j >= 0 &&
    tokens[j]?.sentence === t.sentence &&
    /^(?:critically|seriously|badly|also)$/i.test(tokens[j]?.text ?? '')
  )
    j--;
  const verb = tokens[j];
  return verb && verb.sentence === t.sentence && CASUALTY_BEFORE.has(verb.text.toLowerCase())
    ? `a ${t.text.toLowerCase()}`
    : null;
}

/**
 * "others" after a casualty verb, with or without a count: "killing two and wounding two others",
 * "injuring many others". The wounded beside the dead are a group of their own, keyed apart from any
 * number ("two workers" killed are not the "two others" wounded): the value is "others" and the count.
 */
function casualtyOthers(tokens: readonly Token[], i: number): string | null {
  const t = tokens[i];
  if (!t) return null;
  let j = i - 1;
  let count = '';
  const before = tokens[j];
  const lower = before?.text.toLowerCase() ?? '';
  if (
    before?.sentence === t.sentence &&
    (/^\d{1,3}$/.test(lower) || NUMBER_WORDS.has(lower) || lower === 'many')
  ) {
    count = countValue(lower);
    j--;
  }
  return casualtyVerbEndsAt(tokens, j, t.sentence) ? `others ${count}`.trim() : null;
}

/**
 * The person whose name the noun phrase headed at `head` stands in apposition to: "Tom Ford, a convicted
 * robber,", "Ana Ruiz, the club's top scorer last season,". Read back from the head over modifiers,
 * participles and a possessive to "a"/"an"/"the", which must follow a comma after the person's name.
 */
function appositionOf(
  tokens: readonly Token[],
  head: number,
  personEndingAt: ReadonlyMap<number, Entity>,
): Entity | undefined {
  const sentence = tokens[head]?.sentence;
  for (let j = head - 1; j >= 0 && head - j <= 6; j--) {
    const t = tokens[j];
    if (!t || t.sentence !== sentence) return undefined;
    const lower = t.text.toLowerCase();
    if (lower === 'a' || lower === 'an' || lower === 'the') {
      return tokens[j - 1]?.text === ',' ? personEndingAt.get(tokens[j - 2]?.end ?? -1) : undefined;
    }
    const modifier =
      /^(?:ADJ|NOUN|PROPN|NUM)$/.test(t.pos) ||
      (t.pos === 'VERB' && /(?:ed|ing)$/.test(lower)) ||
      /^['’]s?$/.test(t.text) ||
      lower.includes('-');
    if (!modifier) return undefined;
  }
  return undefined;
}

/** The index of the first token starting at or after `offset` (tokens are in text order). */
function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Chain {
  entity: Entity;
  lemma: string;
  plural: boolean;
  /** Numbers its phrases gave ("two" of "two women"). */
  counts: Set<string>;
  /** A bare casualty count ("Four dead in …", "injuring 12"). */
  casualty?: boolean;
  /** The named people the text says this one is ("The suspect was identified as Tom Ford"). */
  identified?: Set<Entity>;
  /** Ages its phrases gave ("34" of "a 34-year-old man"). */
  ages?: Set<string>;
  /** The head token of its latest mention. */
  last?: number;
  /** The named place or organisation whose clause a bare plural is the object of ("Norland massed troops"). */
  agent?: string;
}

const AGE_WORD = /^(\d{1,3})-year-old$/i;
const MALE_PRONOUN = /^(he|him|his|himself)(?:\s|$)/i; // "his body" too (pronouns.ts)
const FEMALE_PRONOUN = /^(she|her|hers|herself)(?:\s|$)/i;

/**
 * People the article gives an age in apposition ("Tom Ford, 34, …"), by age: the evidence that lets "a
 * 34-year-old man" of the lead be Tom Ford, named later.
 */
function agesGiven(tokens: readonly Token[], entities: readonly Entity[]): Map<string, Set<Entity>> {
  const ages = new Map<string, Set<Entity>>();
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    for (const m of e.mentions) {
      const at = firstTokenFrom(tokens, m.end);
      const age = tokens[at + 1]?.text ?? '';
      if (tokens[at]?.text === ',' && /^\d{1,3}$/.test(age) && tokens[at + 2]?.text === ',')
        ages.set(age, (ages.get(age) ?? new Set()).add(e));
    }
  }
  return ages;
}

/** Whether the pronouns linked to a person say a gender other than the noun's ("a man" vs "she"). */
function genderClash(person: Entity, noun: string): boolean {
  const g = nounGender(noun);
  if (!g) return false;
  const other = g === 'male' ? FEMALE_PRONOUN : MALE_PRONOUN;
  return (person.references ?? []).some((r) => other.test(r.text));
}

/** Auxiliaries and the relative pronoun that may stand between a head and "identified": "who was later". */
const BEFORE_IDENTIFIED = new Set([
  'who',
  'was',
  'has',
  'had',
  'been',
  'is',
  'later',
  'since',
  'then',
  'now',
]);

/**
 * The named person an identification ties a head noun to: "The suspect, who was later identified as Tom
 * Ford, …", "the victim was named as Ana Ruiz", "Police identified the gunman as Tom Ford". The person's
 * name must start right after "as". A few tokens ahead of the head, one sentence.
 */
function identifiedAs(
  tokens: readonly Token[],
  head: number,
  phraseFirst: number,
  personAt: ReadonlyMap<number, Entity>,
): Entity | undefined {
  const verb = (t: Token | undefined) => /^(identified|named)$/i.test(t?.text ?? '');
  const sentence = tokens[head]?.sentence;
  const nameAfterAs = (at: number) =>
    tokens[at]?.text.toLowerCase() === 'as' && tokens[at + 1]?.sentence === sentence
      ? personAt.get(tokens[at + 1]?.start ?? -1)
      : undefined;
  // "Police identified the gunman as …"
  if (verb(tokens[phraseFirst - 1])) return nameAfterAs(head + 1);
  // "The gunman (, who) was (later) identified as …"
  let j = head + 1;
  if (tokens[j]?.text === ',') j++;
  for (let n = 0; n < 3 && BEFORE_IDENTIFIED.has(tokens[j]?.text.toLowerCase() ?? ''); n++) j++;
  if (j === head + 1 || tokens[j]?.sentence !== sentence || !verb(tokens[j])) return undefined;
  return nameAfterAs(j + 1);
}

/** Kin nouns' gender, which descriptions.ts leaves out on purpose (it never links them by gender). */
const KIN_GENDER = new Map<string, 'male' | 'female'>([
  ...['mother', 'mum', 'mom', 'daughter', 'wife', 'sister', 'grandmother', 'fiancee'].map(
    (w) => [w, 'female'] as const,
  ),
  ...['father', 'dad', 'son', 'husband', 'brother', 'grandfather', 'fiance'].map((w) => [w, 'male'] as const),
]);

const POSSESSIVE_MARK = /^['’]s?$/;

const nounGenderOf = (lemma: string) => nounGender(lemma) ?? KIN_GENDER.get(lemma) ?? null;

/**
 * Whether a head noun ends the noun phrase that opens its sentence ("A 35-year-old deputy was shot when
 * he …"): every token before it is a determiner, a modifier or a possessive.
 */
function isSentenceSubject(layer: TokenLayer, head: number): boolean {
  const { tokens } = layer;
  const sentence = tokens[head]?.sentence;
  const first = layer.sentences[sentence ?? -1]?.firstToken ?? -1;
  if (first < 0 || head - first > 7) return false;
  // "A 41-year-old judge's clerk was hurt when he …": a possessor only modifies the head after it.
  if (POSSESSIVE_MARK.test(tokens[head + 1]?.text ?? '')) return false;
  for (let k = first; k < head; k++) {
    const t = tokens[k];
    if (!t) return false;
    if (!/^(?:DET|ADJ|NOUN|NUM|PROPN|PART)$/.test(t.pos) && !/^['’]s?$/.test(t.text) && !t.text.includes('-'))
      return false;
  }
  return true;
}

const SINGULAR_PRONOUN = /^(?:he|him|his|himself|she|her|hers|herself)$/i;
const PLURAL_PRONOUN = /^(?:they|them|their|theirs|themselves)$/i;

/**
 * A third-person pronoun nobody took (pronouns.ts links only to named people) that can only mean one
 * unnamed person or group: "A man was charged on Monday after he crashed …", "Police said they …". The
 * window is the pronoun's sentence up to it and the sentence before; no named person may stand in it
 * (a singular pronoun might be theirs), exactly one unnamed chain of the pronoun's number (and, when its
 * noun has one, gender) may, and a pronoun inside a quotation is left alone (it is the speaker's).
 */
function linkPronouns(
  layer: TokenLayer,
  mentionAt: readonly { token: number; chain: Chain }[],
  personAt: ReadonlyMap<number, Entity>,
  referenceAt: ReadonlyMap<number, string>,
  covered: Uint8Array,
): void {
  const { tokens } = layer;
  if (mentionAt.length === 0) return;
  const firstPerson = firstPersonBySentence(tokens, personAt);
  let quoted = false;
  let m = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (/^["“”]$/.test(t.text)) quoted = t.text === '“' ? true : t.text === '”' ? false : !quoted;
    // An unbalanced mark does not leak past its paragraph.
    const previous = tokens[i - 1];
    if (previous && layer.sentences[previous.sentence]?.paragraph !== layer.sentences[t.sentence]?.paragraph)
      quoted = /^["“]$/.test(t.text);
    while (m < mentionAt.length && (mentionAt[m]?.token ?? 0) < i) m++;
    if (quoted || covered[i] || referenceAt.has(t.start)) continue;
    const chain = pronounChain(layer, i, mentionAt, m, firstPerson);
    if (!chain) continue;
    const reference: EntityReference = { start: t.start, end: t.end, text: t.text, via: 'pronoun' };
    if (chain.entity.references) chain.entity.references.push(reference);
    else chain.entity.references = [reference];
  }
}

/** The first named person's token in each sentence: a singular pronoun after it may be theirs. */
function firstPersonBySentence(
  tokens: readonly Token[],
  personAt: ReadonlyMap<number, Entity>,
): Map<number, number> {
  const firstPerson = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t && personAt.has(t.start) && !firstPerson.has(t.sentence)) firstPerson.set(t.sentence, i);
  }
  return firstPerson;
}

/**
 * The one unnamed chain the pronoun at `i` can mean (see linkPronouns), or undefined. `m` counts the
 * chain mentions before the pronoun in `mentionAt`.
 */
function pronounChain(
  layer: TokenLayer,
  i: number,
  mentionAt: readonly { token: number; chain: Chain }[],
  m: number,
  firstPerson: ReadonlyMap<number, number>,
): Chain | undefined {
  const { tokens } = layer;
  const t = tokens[i];
  if (!t) return undefined;
  const singular = SINGULAR_PRONOUN.test(t.text);
  if (!(singular || PLURAL_PRONOUN.test(t.text))) return undefined;
  const gender = singular ? (/^(?:he|him|his|himself)$/i.test(t.text) ? 'male' : 'female') : null;
  const reflexive = /^(?:himself|herself)$/i.test(t.text);
  const inWindow = (sentence: number) => sentence === t.sentence || sentence === t.sentence - 1;
  if (singular && [t.sentence - 1, t.sentence].some((n) => (firstPerson.get(n) ?? i) < i)) return undefined;
  const found = new Set<Chain>();
  for (let k = m - 1; k >= 0; k--) {
    const at = mentionAt[k];
    if (!at || !inWindow(tokens[at.token]?.sentence ?? -1)) break;
    const c = at.chain;
    if (c.plural === singular) continue;
    // A singular pronoun needs the noun's gender to agree: "the suspect … he" may be anyone's "he"
    // (on the ECB+ train topics linking such nouns to "he"/"she" made more wrong links than right).
    // A reflexive is bound inside its clause, so a noun of no gender in its own sentence takes it:
    // "An alleged smuggler hanged himself in his cell" (no named person before it, see above).
    const sameSentence = tokens[at.token]?.sentence === t.sentence;
    const bound =
      sameSentence && nounGenderOf(c.lemma) === null && (reflexive || isSentenceSubject(layer, at.token));
    if (gender && !bound && nounGenderOf(c.lemma) !== gender) continue;
    found.add(c);
  }
  const [chain, ...others] = found;
  return chain && others.length === 0 ? chain : undefined;
}

/**
 * Unnamed people and groups of one article. `entities` are the article's named entities with their
 * descriptors and references: the words they cover are theirs, not an unnamed person's. A description
 * the text itself ties to a person's name — an apposition before it ("The gunman, Tomas Verhoeven,") or a
 * title descriptors.ts did not take — becomes a reference of that person.
 */
export function findUnnamedPeople(layer: TokenLayer, entities: readonly Entity[]): Entity[] {
  const { tokens } = layer;
  const covered = new Uint8Array(tokens.length);
  const cover = (start: number, end: number) => {
    for (let t = firstTokenFrom(tokens, start); t < tokens.length && (tokens[t]?.start ?? end) < end; t++)
      covered[t] = 1;
  };
  for (const e of entities) {
    for (const m of e.mentions) cover(m.start, m.end);
    for (const d of e.descriptors) cover(d.start, d.end);
    for (const r of e.references ?? []) cover(r.start, r.end);
  }

  const personAt = new Map<number, Entity>();
  for (const e of entities) if (e.kind === 'person') for (const m of e.mentions) personAt.set(m.start, e);
  const referred = new Set<Entity>();
  const refer = (e: Entity, t: Token, from: Token = t) => {
    const text = layer.text.slice(from.start, t.end);
    const reference: EntityReference = { start: from.start, end: t.end, text, via: 'description' };
    if (e.references) e.references.push(reference);
    else e.references = [reference];
    referred.add(e);
  };

  // The other end of a possessive: a named person ending right before "'s", the person a possessive
  // pronoun refers to (pronouns.ts), or an unnamed person ("the victim's family").
  const namedEndingAt = new Map<number, string>();
  const referenceAt = new Map<number, string>();
  for (const e of entities) {
    for (const m of e.mentions) namedEndingAt.set(m.end, e.id);
    for (const r of e.references ?? []) referenceAt.set(r.start, e.id);
  }
  const unnamedEndingAt = new Map<number, Entity>();
  const personEndingAt = new Map<number, Entity>();
  for (const e of entities) if (e.kind === 'person') for (const m of e.mentions) personEndingAt.set(m.end, e);
  // "A man was charged with killing his mother": a possessive pronoun no named person took may be an
  // unnamed person's, by the rule linkPronouns applies below (every chain mention before it is known).
  const firstPerson = firstPersonBySentence(tokens, personAt);
  const ownerOf = (index: number): string | undefined => {
    const token = tokens[index];
    if (!token) return undefined;
    if (/^['’]/.test(token.text)) {
      const end = tokens[index - 1]?.end ?? -1;
      return namedEndingAt.get(end) ?? unnamedEndingAt.get(end)?.id;
    }
    const named = referenceAt.get(token.start);
    if (named !== undefined || covered[index]) return named;
    return pronounChain(layer, index, mentionAt, mentionAt.length, firstPerson)?.entity.id;
  };
  /** The owner of the relation noun a list item follows: "his mother and sister" → his. */
  const listedOwner = (first: number): string | undefined => {
    const joiner = tokens[first - 1];
    if (!joiner || !/^(?:and|or|,)$/i.test(joiner.text)) return undefined;
    const before = unnamedEndingAt.get(tokens[first - 2]?.end ?? -1);
    return before && RELATION_NOUNS.has(before.name) ? before.of : undefined;
  };
  // A headline writes relations bare: "Woman accused of robbing uncle and cousin".
  const headingRelation = (t: Token) => layer.sentences[t.sentence]?.heading === true;

  // Named places and organisations by where their mentions end: "Norland, a neutral mediator" describes a
  // country, and "Norland is massing troops" makes the troops Norland's.
  const namedNonPersonEnd = new Set<number>();
  const nonPersonEndingAt = new Map<number, string>();
  for (const e of entities)
    if (e.kind !== 'person')
      for (const m of e.mentions) {
        namedNonPersonEnd.add(m.end);
        if (e.kind === 'place' || e.kind === 'organization') nonPersonEndingAt.set(m.end, e.id);
      }
  /**
   * The named place or organisation that is the subject of a bare plural's clause: a name followed by its
   * verb, read back from the phrase within its clause. "Norland is again massing troops" → Norland;
   * "Southland has sent troops too" → Southland: two different armies, never one group.
   */
  const agentOf = (first: number): string | undefined => {
    const sentence = tokens[first]?.sentence;
    for (let j = first - 1, n = 0; j >= 0 && n < 12; j--, n++) {
      const t = tokens[j];
      if (!t || t.sentence !== sentence || /^[;:()]$/.test(t.text)) return undefined;
      const id = nonPersonEndingAt.get(t.end);
      const next = tokens[j + 1];
      if (id && next && (next.pos === 'VERB' || next.pos === 'AUX')) return id;
    }
    return undefined;
  };

  const chains: Chain[] = [];
  /** The named person each singular noun key last described by apposition or title, and where. */
  const roleHolders = new Map<string, { entity: Entity; token: number }>();
  // Titles and appositions descriptors.ts gave a named person ("Coroner Lina Marsh", "Tom Ford, a
  // convicted robber,") whose last word is a person noun: that noun becomes theirs from there on.
  const titled: { key: string; entity: Entity; token: number }[] = [];
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    for (const d of e.descriptors) {
      if (d.via !== 'title' && d.via !== 'appositive') continue;
      const last = firstTokenFrom(tokens, d.end) - 1;
      const head = unnamedHead((tokens[last]?.text ?? '').toLowerCase());
      if (head && !head.plural && !RELATION_NOUNS.has(head.lemma))
        titled.push({ key: `${head.lemma}\u0000s`, entity: e, token: last });
    }
  }
  titled.sort((a, b) => a.token - b.token);
  let nextTitled = 0;
  /** Every unnamed mention's head token and chain, in text order (for pronouns, below). */
  const mentionAt: { token: number; chain: Chain }[] = [];
  const latest = new Map<string, Chain>();
  const owned = new Map<string, Chain>();
  const headingOnly = new Set<Chain>();
  /** The first plural chain given each count ("four people", "Four dead"). */
  const byCount = new Map<string, Chain>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    for (let x = titled[nextTitled]; x && x.token < i; x = titled[++nextTitled])
      roleHolders.set(x.key, { entity: x.entity, token: x.token });
    if (!t || covered[i]) continue;
    // A capital is a name's unless the word opens its sentence or a headline ("Police say …").
    // Text in capitals reads as its lower-case form would: "A MAN has been charged" is "a man".
    const shouted = isShoutedWord(tokens, i);
    const capital = /^\p{Lu}/u.test(t.text) && !shouted;
    const heading = layer.sentences[t.sentence]?.heading === true;
    const opens = tokens[i - 1]?.sentence !== t.sentence || heading;
    const casualty = casualtyCount(tokens, i);
    // An age alone is a noun phrase's head: "the 16-year-old was killed", "a march for 15-year-old hit by
    // a bus" (a participle after it, often tagged a noun, is no head of its own).
    const afterAge = tokens[i + 1];
    const ageHead =
      AGE_WORD.test(t.text) &&
      (afterAge?.sentence !== t.sentence ||
        !/^(?:NOUN|PROPN|ADJ|NUM)$/.test(afterAge.pos) ||
        /ed$/.test(afterAge.text) ||
        tokens[i + 2]?.text.toLowerCase() === 'by');
    // A title-case headline capitalises every word and the tagger reads its nouns as names or verbs
    // ("Court Hears From Bakery Fire Witness"): there a person noun counts whatever its tag.
    const headlineWord = heading && capital && /^(?:NOUN|PROPN|VERB|ADJ)$/.test(t.pos);
    // A word before a possessive is a noun whatever its tag: "the pupil's family" (a person noun tagged ADJ).
    const owning = t.pos === 'ADJ' && /^['’]s?$/.test(tokens[i + 1]?.text ?? '');
    if (
      t.pos !== 'NOUN' &&
      !(capital && opens && t.pos === 'PROPN') &&
      !(shouted && t.pos === 'PROPN') &&
      !headlineWord &&
      !owning &&
      !ageHead &&
      !casualty
    )
      continue;
    if (capital && !opens) continue;
    const lower = t.text.toLowerCase();
    const compound =
      unnamedHead(lower) || casualty || ageHead
        ? null
        : compoundHead(tokens, i, covered, (start) => personAt.has(start));
    const head = casualty
      ? casualty.startsWith('a ')
        ? ONE_MORE
        : PEOPLE
      : ageHead
        ? { lemma: lower, plural: false }
        : (unnamedHead(lower) ?? compound);
    if (!head) continue;
    // The head is the last noun of its phrase: "police" in "police officer" is a modifier.
    // A headline's participle is often tagged a noun ("Woman rescued from car"): an -ed word is no head.
    const next = tokens[i + 1];
    // So is a "noun" followed by a determiner: "A gunman shot a guard" ("shot" tagged a noun).
    const after = tokens[i + 2];
    const verbLike = /ed$/.test(next?.text ?? '') || after?.pos === 'DET';
    // In a headline the tagger reads capitals as names and verbs as nouns: "Inmate Escapes Van", "Man
    // held after raid". There a person noun heads its phrase when a word shaped like a verb follows, and no
    // name or other person noun ("Police Officer Hurt", "Killer Storm Hits").
    const nextLower = next?.text.toLowerCase() ?? '';
    const headlineVerb =
      heading &&
      capital &&
      next?.sentence === t.sentence &&
      !covered[i + 1] &&
      !personAt.has(next?.start ?? -1) &&
      !unnamedHead(nextLower) &&
      mayBeVerb(nextLower);
    // A plural person noun is no modifier of the capitalised word after it ("Burglars Smash Van Into Kiosk",
    // "Pilgrims Camp Beside Road"): a noun modifying another is singular ("Villager Council").
    // In a lower-case headline the word after it must be shaped like a verb, or have an object after it:
    // "strikers block harbour road" (a plural subject's verb has no "-s" to tell it by).
    const objectAfter =
      /^(?:NOUN|PROPN|ADJ|DET|NUM)$/.test(after?.pos ?? '') && after?.sentence === t.sentence;
    const headlinePlural =
      heading &&
      head.plural &&
      !PLURAL_GROUPS.has(lower) &&
      next?.sentence === t.sentence &&
      (capital ? /^\p{Lu}\p{Ll}/u.test(next?.text ?? '') : mayBeVerb(nextLower) || objectAfter) &&
      !covered[i + 1] &&
      !personAt.has(next?.start ?? -1) &&
      !unnamedHead(nextLower);
    // A time word after the noun is no compound: "questioned two nurses today", "the officers Monday".
    const timeAfter = TIME_WORDS.has(nextLower);
    const nextIsNoun =
      !headlineVerb &&
      !headlinePlural &&
      !timeAfter &&
      ((next?.pos === 'NOUN' && !verbLike) || next?.pos === 'PROPN');
    // A "who" the named person took (pronouns.ts: "Tom Ford, a retired aide who …") is no name the noun
    // modifies: the apposition below gives the noun to that person.
    const coveredName = covered[i + 1] === 1 && !/^who$/i.test(nextLower);
    if (!casualty && !ageHead && next && next.sentence === t.sentence && (nextIsNoun || coveredName)) {
      // "suspect Tomas Verhoeven": a title of the named person (when descriptors.ts did not take it).
      // A plural is no title of one person: "reporters Ana Ruiz and Tom Lee" names two.
      const named = head.plural ? undefined : personAt.get(next.start);
      if (named) {
        refer(named, t, compound ? tokens[i - 1] : t);
        roleHolders.set(`${head.lemma}\u0000s`, { entity: named, token: i });
      }
      continue;
    }
    // "The gunman, Tomas Verhoeven, …": the apposition names them; the description is that person's.
    // Nor is a plural in apposition one person: "the agency's sources, Ruiz …" are not Ruiz.
    const appositive =
      !casualty && !head.plural && next?.text === ',' ? personAt.get(tokens[i + 2]?.start ?? -1) : undefined;
    if (appositive) {
      refer(appositive, t, compound ? tokens[i - 1] : t);
      roleHolders.set(`${head.lemma}\u0000s`, { entity: appositive, token: i });
      continue;
    }
    const phrase: ReturnType<typeof phraseBefore> = casualty
      ? { det: 'counted', first: i, count: casualty }
      : phraseBefore(tokens, i);
    if (!casualty && refersToNobody(tokens, phrase.first, i, head.plural, phrase.det, namedNonPersonEnd))
      continue;
    // A casualty count keys on its number, so a later bare "people" never joins "12 hurt".
    const key = casualty
      ? `\u0000casualty\u0000${casualty}`
      : `${head.lemma}\u0000${head.plural ? 'p' : 's'}`;
    // Without a possessive a relation noun is only someone's when the article has such a tie already
    // ("the mother" after "her mother"); a possessive gives the tie's other end.
    const related = RELATION_NOUNS.has(head.lemma);
    // "his mother and sister", "her husband, son and daughter": a bare relation noun in a list after an
    // owned one shares its owner.
    const shared = related && phrase.det === 'bare' ? listedOwner(phrase.first) : undefined;
    const owner = phrase.owner === undefined ? shared : ownerOf(phrase.owner);
    if (phrase.det === 'possessive' && !owner) continue;
    // "Tom Ford, a convicted robber, escaped …": an indefinite singular in apposition to a person's name
    // describes that person (descriptors.ts did not take it), and its noun is theirs from there on.
    const described = head.plural ? undefined : appositionOf(tokens, i, personEndingAt);
    // The apposition ends at the head or runs on in a prepositional phrase ("… scorer last season,") or in
    // a relative clause whose "who" pronouns.ts already gave the named person ("Tom Ford, a retired aide
    // who …"; ECB+ train: three such nouns were lost as mentions once their "who" went to the name).
    const ends =
      /^(?:[,;.)—–]|in|of|at|for|since)$/i.test(tokens[i + 1]?.text ?? '.') ||
      (/^who$/i.test(tokens[i + 1]?.text ?? '') && covered[i + 1] === 1);
    if (described && ends && !genderClash(described, head.lemma)) {
      refer(described, t, compound ? tokens[i - 1] : t);
      roleHolders.set(key, { entity: described, token: i });
      continue;
    }
    // "The suspect, Tom Ford, was arrested … Police said the suspect had fled": a definite description whose
    // noun the text last gave a named person (by apposition or title) refers back to that person, unless an
    // unnamed referent of that noun came up since ("… a second suspect … the suspect") or the noun's
    // gender disagrees with the person's pronouns.
    const holder = !head.plural && phrase.det === 'definite' && !owner ? roleHolders.get(key) : undefined;
    const since = latest.get(key);
    if (
      holder &&
      (since === undefined || (since.last ?? -1) < holder.token) &&
      !genderClash(holder.entity, head.lemma)
    ) {
      refer(holder.entity, t, compound ? tokens[i - 1] : t);
      continue;
    }
    // "a nephew who had quarrelled …", "a mother of three": an indefinite relation noun introduces someone
    // whose tie the text has not given.
    const introduced = phrase.det === 'indefinite';
    if (
      related &&
      phrase.det !== 'possessive' &&
      !shared &&
      !introduced &&
      !latest.has(key) &&
      !headingRelation(t)
    )
      continue;
    const ownedKey = owner ? `${key}\u0000${owner}` : undefined;
    // "three people … the three people" (or "three people" again): the same count is the same group.
    const sameCount = phrase.count !== null && latest.get(key)?.counts.has(phrase.count) === true;
    const fresh = phrase.det === 'indefinite' || (phrase.det === 'counted' && !sameCount);
    const unowned = latest.get(key);
    const before = ownedKey ? (owned.get(ownedKey) ?? (unowned?.entity.of ? undefined : unowned)) : unowned;
    // A headline's "Man shot in park" is told again by the lead's "A man was shot …": the body's first
    // indefinite mention joins a referent only headings have named so far.
    const fromHeading = before !== undefined && !heading && headingOnly.has(before);
    // A bare plural whose clause has a named subject other than the chain's: another country's troops.
    const agent = head.plural && phrase.det === 'bare' ? agentOf(phrase.first) : undefined;
    const otherAgent = agent !== undefined && before?.agent !== undefined && before.agent !== agent;
    let chain = (fresh && !fromHeading) || otherAgent ? undefined : before;
    // "Four dead in ferry fire … four people died", "Four people died … the fire killed four": a
    // casualty count and a counted plural with the same number are one group.
    const sameNumber = phrase.count && head.plural ? byCount.get(phrase.count) : undefined;
    if (!chain && sameNumber && (casualty || sameNumber.casualty)) chain = sameNumber;
    if (chain && !heading) headingOnly.delete(chain);
    if (!chain) {
      chain = {
        entity: {
          id: `u${chains.length + 1}`,
          name: compound ? layer.text.slice(tokens[i - 1]?.start ?? t.start, t.end).toLowerCase() : lower,
          kind: head.plural ? 'group' : 'person',
          mentions: [],
          descriptors: [],
        },
        lemma: head.lemma,
        plural: head.plural,
        counts: new Set(),
      };
      if (owner) chain.entity.of = owner;
      if (agent) chain.agent = agent;
      chains.push(chain);
      latest.set(key, chain);
      if (ownedKey) owned.set(ownedKey, chain);
      if (heading) headingOnly.add(chain);
    } else if (owner && !chain.entity.of && ownedKey) {
      // "the mother" then "his mother": the tie becomes known.
      chain.entity.of = owner;
      owned.set(ownedKey, chain);
    }
    latest.set(key, chain);
    chain.agent ??= agent;
    if (phrase.count) chain.counts.add(phrase.count);
    if (phrase.count && head.plural && !byCount.has(phrase.count)) byCount.set(phrase.count, chain);
    if (casualty) chain.casualty = true;
    const named = head.plural ? undefined : identifiedAs(tokens, i, phrase.first, personAt);
    if (named) chain.identified = new Set([...(chain.identified ?? []), named]);
    for (let k = phrase.first; k <= i && !head.plural; k++) {
      const age = AGE_WORD.exec(tokens[k]?.text ?? '')?.[1];
      if (age) chain.ages = new Set([...(chain.ages ?? []), age]);
    }
    // A compound's mention is its two words ("gang member").
    const wordsFrom = compound ? (tokens[i - 1] ?? t) : t;
    const mention: Mention = {
      start: wordsFrom.start,
      end: t.end,
      text: layer.text.slice(wordsFrom.start, t.end),
    };
    chain.entity.mentions.push(mention);
    chain.last = i;
    mentionAt.push({ token: i, chain });
    unnamedEndingAt.set(t.end, chain.entity);
    // The whole phrase, when it says more than the head ("a masked gunman"), is how the outlet described them.
    // The determiner is not part of it: "the masked gunman" → "masked gunman".
    const opener = tokens[phrase.first]?.text.toLowerCase() ?? '';
    const from = tokens[phrase.first + (INDEFINITE.has(opener) || DEFINITE.has(opener) ? 1 : 0)];
    if (from && from.start < t.start) {
      chain.entity.descriptors.push({
        start: from.start,
        end: t.end,
        text: layer.text.slice(from.start, t.end),
        via: 'reference',
      });
    }
    // "a salesman who recognised him": the relative pronoun refers to the same person — unless its verb
    // disagrees in number with the head: in "three girls and a man who were stranded" "who" is all four.
    const relAt = tokens[i + 1]?.text === ',' ? i + 2 : i + 1;
    const rel = tokens[relAt];
    if (
      rel &&
      rel.sentence === t.sentence &&
      /^(who|whom|whose)$/i.test(rel.text) &&
      !disagrees(chain.entity.kind, tokens[relAt + 1]?.text)
    ) {
      const reference: EntityReference = { start: rel.start, end: rel.end, text: rel.text, via: 'relative' };
      if (chain.entity.references) chain.entity.references.push(reference);
      else chain.entity.references = [reference];
    }
  }
  linkPronouns(layer, mentionAt, personAt, referenceAt, covered);
  // An unnamed person the text identifies as exactly one named person is that person: every mention
  // and "who" of the chain becomes the person's reference ("The suspect … was identified as Tom Ford").
  // "A 34-year-old man was charged …" then "Tom Ford, 34, …": one age, given to exactly one person the
  // article names and to no other unnamed person, and no pronoun of his saying otherwise.
  const ages = agesGiven(tokens, entities);
  const agedChains = new Map<string, number>();
  for (const c of chains) for (const a of c.ages ?? []) agedChains.set(a, (agedChains.get(a) ?? 0) + 1);
  for (const c of chains) {
    const [age, ...more] = c.ages ?? [];
    if (!age || more.length > 0 || c.identified || agedChains.get(age) !== 1) continue;
    const [person, ...others] = ages.get(age) ?? [];
    if (person && others.length === 0 && !genderClash(person, c.lemma)) c.identified = new Set([person]);
  }
  const becomes = new Map<string, string>();
  const kept = chains.filter((c) => {
    const [person, ...others] = c.identified ?? [];
    if (!person || others.length > 0) return true;
    const words: EntityReference[] = [
      ...c.entity.mentions.map((m) => ({ ...m, via: 'description' as const })),
      ...(c.entity.references ?? []),
    ];
    for (const reference of words) {
      if (person.references) person.references.push(reference);
      else person.references = [reference];
    }
    referred.add(person);
    becomes.set(c.entity.id, person.id);
    return false;
  });
  // "the suspect's lawyer" is then the named person's lawyer.
  for (const c of kept) if (c.entity.of) c.entity.of = becomes.get(c.entity.of) ?? c.entity.of;
  for (const e of referred) e.references?.sort((a, b) => a.start - b.start);
  for (const c of kept) c.entity.references?.sort((a, b) => a.start - b.start);
  // An entity's name is the head as the article writes it most ("robbers", "gunman").
  for (const c of kept) {
    const counts = new Map<string, number>();
    for (const m of c.entity.mentions) {
      const w = m.text.toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    c.entity.name = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? c.lemma;
  }
  return kept.map((c) => c.entity);
}
