// Descriptions that refer to a named person without naming them, beyond the definite descriptions
// descriptors.ts resolves by role and nationality:
//  - the head noun of a descriptor the outlet put next to the name: "Ana Ruiz, the veteran drummer, …" and
//    "drummer Ana Ruiz" make "drummer" a word for her;
//  - a definite description whose evidence picks out one person: an age given before ("Ruiz, 34, …" then
//    "the 34-year-old"), a role given before ("the drummer" after "drummer Ana Ruiz"), or a gendered noun
//    when exactly one person of that gender has been named so far ("the actress" in an article whose only
//    woman is Ana Ruiz). A description nothing settles stays unlinked: a wrong link is worse than none.
// One pass over the tokens, with per-mention map lookups: linear in the article.
import type { Entity } from '../../model/article.js';
import { isWordInAnyCase } from '../../text/words.js';
import type { ResolvedReference } from '../descriptors.js';
import type { Token, TokenLayer } from '../tokens.js';
import {
  COPULAS,
  FEMALE_TITLES,
  KIN_NOUNS,
  MALE_TITLES,
  ORGANIZATION_HEADS,
  ORGANIZATION_NOUNS,
  PERFORMER_NOUNS,
  PLACE_HEADS,
  ROLE_NOUNS,
  TITLE_WORDS,
} from './gazetteer.js';
import type { Gender, NameMention } from './index.js';

/** A plural noun's shape: "reporters", "officials", "women" (not "boss", "actress", "bus"). */
const PLURAL_HEAD = /(?:[^su']s|men)$/;

/** A description tied to a person; `head` is the token a reader points at ("drummer"). */
export interface DescriptionAnchor {
  entity: string;
  firstToken: number;
  endToken: number;
  head: number;
  /** The first token of the words a reader points at: the head, or the compound it closes ("running back"). */
  headFirst: number;
}

/** Gendered person nouns beyond the titles in gazetteer.ts (general English; my own list). */
export const MALE_WORDS = new Set([
  'actor',
  'businessman',
  'boy',
  'man',
  'gentleman',
  'grandfather',
  'uncle',
  'nephew',
  'boyfriend',
  'widower',
  'sportsman',
  'chairman',
  'spokesman',
  'congressman',
  'councilman',
  'policeman',
  'fireman',
  'gunman',
]);
export const FEMALE_WORDS = new Set([
  'actress',
  'businesswoman',
  'girl',
  'woman',
  'lady',
  'grandmother',
  'aunt',
  'niece',
  'girlfriend',
  'widow',
  'waitress',
  'starlet',
  'heiress',
  'sportswoman',
  'chairwoman',
  'spokeswoman',
  'congresswoman',
  'councilwoman',
  'policewoman',
]);

/**
 * "the man", "the woman", "the girl": the words news uses for people it has not named (a suspect, a
 * witness), so gender alone never ties them to someone named; an age or a role stated before still can.
 */
const GENERIC_PEOPLE = new Set([
  'man',
  'woman',
  'boy',
  'girl',
  'lady',
  'gentleman',
  'guy',
  'person',
  'gunman',
]);

const AGE = /^(\d{1,3})-year-old$/;
const QUOTE_MARKS = new Set(['"', '“', '”', "'", '‘', '’']);
/** Words after a head that start its "of"/"at" phrase: the head is the word before them. */
const PREPOSITIONS = new Set(['of', 'at', 'for', 'with', 'in', 'from', 'on', 'to']);

/** A noun a definite description of a named person may end in: a person noun or a performer's. */
function isDescriptionNoun(lower: string): boolean {
  return isPersonNoun(lower) || PERFORMER_NOUNS.has(lower);
}

export function isPersonNoun(lower: string): boolean {
  return ROLE_NOUNS.has(lower) || TITLE_WORDS.has(lower) || MALE_WORDS.has(lower) || FEMALE_WORDS.has(lower);
}

/** The gender a person noun carries ("actress" female, "gunman" male), or null. */
export function nounGender(lower: string): Gender {
  const male = MALE_WORDS.has(lower) || MALE_TITLES.has(lower);
  const female = FEMALE_WORDS.has(lower) || FEMALE_TITLES.has(lower);
  return male === female ? null : male ? 'male' : 'female';
}

/**
 * The head of a descriptor's words [first, end): the last person noun before any prepositional phrase.
 * "former lead singer of the band" → "singer"; "34-year-old" alone is its own head. A descriptor written
 * next to a name describes a person whatever its noun, so when no listed person noun is in it the last
 * lower-case noun before any preposition is its head: "the league's leading rusher" → "rusher",
 * "the agency's second-in-command" → "second-in-command" (measured on ECB+ train: these appositions and
 * titles are the only mention of the person's role the corpus marks, and "the rusher" later needs them).
 */
function headOf(tokens: readonly Token[], first: number, end: number): number | null {
  let head: number | null = null;
  let noun: number | null = null;
  for (let t = first; t < end; t++) {
    const token = tokens[t];
    if (!token) break;
    const lower = token.text.toLowerCase();
    if (PREPOSITIONS.has(lower)) break;
    if ((token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'ADJ') && isDescriptionNoun(lower))
      head = t;
    else if (AGE.test(lower) && t === end - 1) head = t;
    else if (t === end - 1 && token.pos === 'NOUN' && mayNamePerson(lower)) noun = t;
  }
  // "former agency second-in-command": "former" is a title word but no noun; the noun after it is the head.
  const modifierOnly = (t: number) => {
    const lower = (tokens[t]?.text ?? '').toLowerCase();
    return !ROLE_NOUNS.has(lower) && !nounGender(lower) && !AGE.test(lower);
  };
  if (head !== null && noun !== null && noun > head && modifierOnly(head)) return noun;
  return head ?? noun;
}

/**
 * A lower-case singular noun ending a descriptor that is no word for an organisation, a place or a group:
 * "People magazine, Ana Ruiz," does not make Ruiz "the magazine", nor "Easton police Sgt. Ruiz" "police".
 */
function mayNamePerson(lower: string): boolean {
  if (!/^\p{Ll}[\p{Ll}-]*\p{Ll}$/u.test(lower) || /(?:[^s]s|people|police|staff)$/.test(lower)) return false;
  return !ORGANIZATION_NOUNS.has(lower) && !ORGANIZATION_HEADS.has(lower) && !PLACE_HEADS.has(lower);
}

/**
 * Where a description's words start: its head, or, when the head is no person noun on its own ("back",
 * "second"), the compound it closes ("running back"): the word a reader points at is the whole role.
 */
function compoundFirst(tokens: readonly Token[], head: number): number {
  const token = tokens[head];
  const before = tokens[head - 1];
  // A hyphenated head is a whole role already ("second-in-command").
  if (!token || !before || before.sentence !== token.sentence || token.text.includes('-')) return head;
  if (isDescriptionNoun(token.text.toLowerCase())) return head;
  const joins =
    /^\p{Ll}+$/u.test(before.text) &&
    (before.pos === 'NOUN' || (before.pos === 'VERB' && /ing$/.test(before.text)));
  return joins ? head - 1 : head;
}

export interface DescriptionInput {
  entities: readonly Entity[];
  mentions: readonly NameMention[];
  /** Definite descriptions descriptors.ts already resolved: left as they are. */
  resolved: readonly ResolvedReference[];
  genderOf: (entity: string) => Gender;
}

export function findDescriptionAnchors(layer: TokenLayer, input: DescriptionInput): DescriptionAnchor[] {
  const { tokens } = layer;
  const byId = new Map(input.entities.map((e) => [e.id, e]));
  const isPerson = (id: string) => byId.get(id)?.kind === 'person';
  const found: DescriptionAnchor[] = [];
  // Heads of the descriptions descriptors.ts resolved are references already.
  const taken = new Set<number>(input.resolved.map((r) => r.endToken - 1));
  const roles = new Map<string, Set<string>>();
  const ages = new Map<string, Set<string>>();
  const note = (map: Map<string, Set<string>>, key: string, entity: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(entity);
    map.set(key, set);
  };

  // People given a title of office before their name or in an appositive ("Sheriff's Deputy Tom Ford").
  const officeHolders = new Set<string>();
  // Heads of the descriptors next to a name, and the ages given with it.
  for (const e of input.entities) {
    if (e.kind !== 'person') continue;
    for (const d of e.descriptors) {
      if (d.via === 'reference') continue;
      const first = tokenStartingAt(tokens, d.start);
      if (first === null) continue;
      let end = first;
      while (end < tokens.length && (tokens[end]?.end ?? Infinity) <= d.end) end++;
      const head = headOf(tokens, first, end);
      if (head === null || taken.has(head)) continue;
      const lower = (tokens[head]?.text ?? '').toLowerCase();
      // A plural head describes a group the name is one of: "reporters Ana Ruiz and Tom Lee" is no
      // mention of Ruiz alone, and no role a later "the reporters" refers back to her by.
      if (PLURAL_HEAD.test(lower)) continue;
      if (TITLE_WORDS.has(lower) && !nounGender(lower)) officeHolders.add(e.id);
      const age = AGE.exec(lower)?.[1];
      if (age) note(ages, age, e.id);
      else note(roles, lower, e.id);
      taken.add(head);
      // A predicate noun describes; it is no mention of the person ("Ruiz became the top scorer"; ECB+
      // train never links one), though its role still settles a later "the scorer".
      if (d.via === 'predicate') continue;
      found.push({
        entity: e.id,
        firstToken: first,
        endToken: end,
        head,
        headFirst: compoundFirst(tokens, head),
      });
    }
  }
  for (const m of input.mentions) {
    if (!isPerson(m.entity)) continue;
    // "Ruiz, 34, said": an age right after the name.
    const age = tokens[m.endToken + 1];
    if (
      tokens[m.endToken]?.text === ',' &&
      age &&
      /^\d{1,3}$/.test(age.text) &&
      tokens[m.endToken + 2]?.text === ','
    )
      note(ages, age.text, m.entity);
    // "34-year-old Ana Ruiz".
    const before = AGE.exec((tokens[m.titleFirst - 1]?.text ?? '').toLowerCase())?.[1];
    if (before) note(ages, before, m.entity);
  }

  // Definite descriptions, in text order, with the people named before each.
  const resolvedAt = new Set(input.resolved.map((r) => r.firstToken));
  const nameStarts = new Map<number, NameMention>();
  const nameTokens = new Set<number>();
  for (const m of input.mentions) {
    nameStarts.set(m.firstToken, m);
    // Names of people end a description; a title of a work may sit inside one ("the 'Big Night' star").
    if (isPerson(m.entity)) for (let t = m.titleFirst; t < m.endToken; t++) nameTokens.add(t);
  }
  // People of each gender named so far, and in the whole article (for a headline or lead that describes
  // before it names: "The actress has entered rehab" then "Ana Ruiz, 33, …").
  const namedByGender = { male: new Set<string>(), female: new Set<string>() };
  const allByGender = { male: new Set<string>(), female: new Set<string>() };
  for (const m of input.mentions) {
    if (!isPerson(m.entity)) continue;
    const g = input.genderOf(m.entity);
    if (g) allByGender[g].add(m.entity);
  }
  const namedSoFar = new Set<string>();
  const allNamed = new Set(input.mentions.filter((m) => isPerson(m.entity)).map((m) => m.entity));
  for (let i = 0; i < tokens.length; i++) {
    const named = nameStarts.get(i);
    if (named && isPerson(named.entity)) {
      namedSoFar.add(named.entity);
      const g = input.genderOf(named.entity);
      if (g) namedByGender[g].add(named.entity);
    }
    const det = tokens[i];
    if (!det || !isWordInAnyCase(det.text, 'the') || resolvedAt.has(i)) continue;
    const end = descriptionEnd(tokens, i, nameTokens, roles);
    if (end === null) continue;
    const head = end - 1;
    if (taken.has(head)) continue;
    const lower = (tokens[head]?.text ?? '').toLowerCase();
    const pick = (set: ReadonlySet<string> | undefined) => (set && set.size === 1 ? [...set][0] : undefined);
    let entity: string | undefined;
    for (let t = i + 1; t < end && !entity; t++) {
      const age = AGE.exec((tokens[t]?.text ?? '').toLowerCase())?.[1];
      if (age) entity = pick(ages.get(age));
    }
    entity ??= pick(roles.get(lower));
    const gender = KIN_NOUNS.has(lower) || GENERIC_PEOPLE.has(lower) ? null : nounGender(lower);
    // "the actress" when the article has named one woman so far (or, before any, in all its text); with
    // two, neither (taking the first named gained almost nothing on ECB+ train and risks a wrong link).
    // A person named with an office ("Deputy Tom Ford") is referred to by that office: "the gunman"
    // in the same story is someone else, however few men it names.
    if (!entity && gender) {
      const before = namedByGender[gender];
      entity = pick(before.size ? before : allByGender[gender]);
      if (entity && officeHolders.has(entity)) entity = undefined;
    }
    // "the star", "the 37-year-old" (an age nobody in the article was given): a performer's noun or an age
    // refers to the one person the article has named so far (or, before any, the only one it names).
    // A predicate noun describes rather than refers: in "Ruiz became the top scorer" the corpus (ECB+ train)
    // links "scorer" to nobody, and another "top scorer" may be someone else.
    const ageOnly = AGE.exec(lower)?.[1];
    const predicate = COPULAS.has((tokens[i - 1]?.text ?? '').toLowerCase());
    if (!entity && !gender && !predicate && (PERFORMER_NOUNS.has(lower) || (ageOnly && !ages.has(ageOnly)))) {
      entity = pick(namedSoFar.size ? namedSoFar : allNamed);
      if (entity && officeHolders.has(entity)) entity = undefined;
    }
    if (!entity) continue;
    const g = input.genderOf(entity);
    if (gender && g && g !== gender) continue;
    taken.add(head);
    found.push({ entity, firstToken: i, endToken: end, head, headFirst: compoundFirst(tokens, head) });
  }
  return found;
}

/** The index of the token that starts at a character offset (tokens are in text order), or null. */
function tokenStartingAt(tokens: readonly Token[], offset: number): number | null {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = tokens[mid]?.start ?? 0;
    if (start === offset) return mid;
    if (start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/**
 * "the 34-year-old actress", "the star": "the", up to four modifiers, and a person noun (an age, or a role
 * the article gave a named person) that
 * is not followed by another noun or a name (then it is a title: "the actress Ana Ruiz"). The end token,
 * or null.
 */
function descriptionEnd(
  tokens: readonly Token[],
  det: number,
  nameTokens: ReadonlySet<number>,
  roles: ReadonlyMap<string, unknown>,
): number | null {
  for (let j = det + 1; j < tokens.length && j - det <= 7; j++) {
    const t = tokens[j];
    if (!t || t.sentence !== tokens[det]?.sentence || nameTokens.has(j)) return null;
    const lower = t.text.toLowerCase();
    const next = tokens[j + 1];
    const nextIsName = nameTokens.has(j + 1) || (next?.text === ',' && nameTokens.has(j + 2));
    // "the star running back": a gerund that does not open a phrase of its own ("the star running for
    // office") makes the word before it a modifier too.
    const afterGerund = tokens[j + 2]?.pos ?? 'PUNCT';
    const gerundNoun =
      next?.pos === 'VERB' &&
      /^\p{Ll}+ing$/u.test(next.text) &&
      !['DET', 'ADP', 'PRON', 'PUNCT', 'CCONJ', 'SCONJ', 'PART'].includes(afterGerund);
    const nextIsNoun = (next?.pos === 'NOUN' || gerundNoun) && next?.sentence === t.sentence;
    // A role the article gave someone next to their name counts as a person noun: "the running back"
    // after "running back Tom Ford".
    const personal = isDescriptionNoun(lower) || AGE.test(lower) || roles.has(lower);
    if (personal && !nextIsNoun) return nextIsName ? null : j + 1;
    const modifier =
      t.pos === 'ADJ' ||
      (t.pos === 'VERB' && /^\p{Ll}+ing$/u.test(t.text)) ||
      t.pos === 'NOUN' ||
      t.pos === 'NUM' ||
      t.pos === 'PROPN' ||
      QUOTE_MARKS.has(t.text) ||
      (t.pos === 'VERB' && t.text.includes('-'));
    if (!modifier) return null;
  }
  return null;
}
