// Pronouns and descriptions that point back at a named person, within one article. A reader links "she"
// in "Ana Reyes lost the vote. She conceded on Monday." to Ana Reyes; the report's actors should hold that
// mention too. The rules are conservative, because a wrong link is worse than a missing one: a pronoun
// links only when exactly one person of a compatible gender was named (or already referred to) in its own
// sentence before it or in the sentence before that, and that person's gender is known from a given name
// or a title; "Ana Reyes beat Tom Ford. He …" links "He" to Ford, while "Reyes beat Tom Ford. He …" stays
// unlinked, because nothing says Reyes is not a man. A pronoun inside quotation marks follows the same
// rule (measured on ECB+ train topics: the quoted "she" of a rep or a lawyer is the person the article
// just named, +0.005 person B³ and no wrong merge). A reflexive binds inside its sentence; a pronoun
// in a fronted subordinate clause may point forward ("After she left, Ana Reyes …"); and a person no name
// or title sexes gets a gender from the pronouns that stand where only they can be meant.
import type { EntityReference } from '../../model/article.js';
import type { Token, TokenLayer } from '../tokens.js';
import { isPersonNoun, nounGender } from './descriptions.js';
import type { Gender } from './index.js';
import { isSpeechVerb } from './speech-verbs.js';

const MALE_PRONOUNS = new Set(['he', 'him', 'his', 'himself']);
const FEMALE_PRONOUNS = new Set(['she', 'her', 'hers', 'herself']);
const REFLEXIVES = new Set(['himself', 'herself']);

/** A name or description already tied to a person, as the pronoun search sees it. */
export interface PersonAnchor {
  entity: string;
  firstToken: number;
  endToken: number;
  /** "Ruiz's": a possessor is no clause subject, so it never binds a reflexive. */
  possessive?: boolean;
}

export interface PronounInput {
  /** Name mentions and resolved descriptions of people, any order. */
  anchors: readonly PersonAnchor[];
  genderOf: (entity: string) => Gender;
  /**
   * Whether the text may give this person a gender by pronoun agreement: only someone the article calls
   * both by full name and by surname ("Ana Ruiz" … "Ruiz"), as news does people; a place or a title
   * mistaken for a person ("Santa Rita") is named the same way each time.
   */
  inferable?: (entity: string) => boolean;
}

/** The pronoun's gender, or null when the token is no third-person singular pronoun. */
function pronounGender(lower: string): Gender {
  if (MALE_PRONOUNS.has(lower)) return 'male';
  if (FEMALE_PRONOUNS.has(lower)) return 'female';
  return null;
}

/**
 * Token indexes inside double quotation marks. Curly quotes open and close; a straight one toggles
 * (single quotes are left alone: "’" is also the apostrophe).
 * The state resets at each paragraph, so one unbalanced mark cannot silence the rest of the article.
 */
function insideQuotes(layer: TokenLayer): (token: number) => boolean {
  const inside = new Uint8Array(layer.tokens.length);
  let open = false;
  let paragraph = -1;
  const { tokens } = layer;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const p = layer.sentences[token.sentence]?.paragraph ?? -1;
    if (p !== paragraph) {
      paragraph = p;
      open = false;
    }
    const text = token.text;
    if (text === '"' || text === '“' || text === '”') {
      open = text === '"' ? !open : text === '“';
      continue;
    }
    inside[i] = open ? 1 : 0;
  }
  return (token) => inside[token] === 1;
}

/**
 * Whether a token may be one linkPronouns acts on: "who", a third-person singular pronoun (all begin with
 * h, s or w, and no character but those lower-cases to them), or a noun ("a man"). Most tokens are none
 * of these and skip lower-casing (with the loop's closure moved out, findPronounReferences went from
 * 1.3 s to 0.9 s in a profile of 1,500 allsides articles).
 */
export function mayRefer(token: Pick<Token, 'text' | 'pos'>): boolean {
  if (token.pos === 'NOUN') return true;
  const c = token.text.charCodeAt(0) | 0x20; // ASCII lower case
  return c === 0x68 || c === 0x73 || c === 0x77; // h, s, w
}

/**
 * Pronoun references ("she", "him", "his", "herself") and relative "who" right after a person's name
 * ("Reyes, who lost …"), each with the person entity it refers to. One pass over the tokens: the people
 * seen in the current and the previous sentence are all a pronoun may look at.
 */
export function findPronounReferences(
  layer: TokenLayer,
  input: PronounInput,
): { entity: string; reference: EntityReference }[] {
  const quoted = insideQuotes(layer);
  const inferred = genderFromAgreement(layer, input, quoted);
  const genderOf = (entity: string): Gender => input.genderOf(entity) ?? inferred.get(entity) ?? null;
  return linkPronouns(layer, { anchors: input.anchors, genderOf }, quoted);
}

/** Words that open a fronted subordinate clause: "After she left …, Ana Ruiz …" names her after. */
const SUBORDINATORS = new Set([
  'after',
  'before',
  'when',
  'while',
  'although',
  'though',
  'since',
  'because',
  'once',
  'until',
  'as',
  'if',
]);

/**
 * The gender the text itself gives a person no name or title sexes: when at least twice a pronoun of one
 * gender stands where that person is the only one named in its sentence and the one before, and no
 * pronoun of the other gender ever stands near them ("Kowalczyk, 49, escaped after he … Kowalczyk was
 * caught when he …"). One pass over the tokens.
 */
function genderFromAgreement(
  layer: TokenLayer,
  input: PronounInput,
  quoted: (token: number) => boolean,
): Map<string, Gender> {
  const { tokens, sentences } = layer;
  const anchorsAt = new Map<number, PersonAnchor>();
  for (const a of input.anchors)
    if (input.genderOf(a.entity) === null && input.inferable?.(a.entity)) anchorsAt.set(a.firstToken, a);
  const votes = new Map<string, { male: number; female: number; nearMale: number; nearFemale: number }>();
  if (anchorsAt.size === 0) return new Map();
  let previous: string[] = [];
  let current: string[] = [];
  let othersPrevious = false;
  let othersCurrent = false;
  let sentence = -1;
  const known = new Set(input.anchors.filter((a) => !anchorsAt.has(a.firstToken)).map((a) => a.firstToken));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (token.sentence !== sentence) {
      const chained = token.sentence === sentence + 1 && !sentences[sentence]?.heading;
      previous = chained ? current : [];
      othersPrevious = chained && othersCurrent;
      current = [];
      othersCurrent = false;
      sentence = token.sentence;
    }
    if (known.has(i)) othersCurrent = true;
    const anchor = anchorsAt.get(i);
    if (anchor) {
      // "a Novak campaign strategist … his seat": a name that only modifies the noun after it names
      // no one a pronoun goes back to.
      if (modifiesNoun(tokens, anchor)) {
        i = anchor.endToken - 1;
        continue;
      }
      current.push(anchor.entity);
      i = anchor.endToken - 1;
      continue;
    }
    if (sentences[sentence]?.heading || quoted(i) || !mayRefer(token)) continue;
    const gender = pronounGender(token.text.toLowerCase());
    if (!gender) continue;
    const window = new Set([...previous, ...current]);
    const alone = window.size === 1 && !othersPrevious && !othersCurrent;
    for (const e of window) {
      const v = votes.get(e) ?? { male: 0, female: 0, nearMale: 0, nearFemale: 0 };
      if (alone) v[gender]++;
      if (gender === 'male') v.nearMale++;
      else v.nearFemale++;
      votes.set(e, v);
    }
  }
  const genders = new Map<string, Gender>();
  for (const [e, v] of votes) {
    if (v.male >= 2 && v.nearFemale === 0) genders.set(e, 'male');
    else if (v.female >= 2 && v.nearMale === 0) genders.set(e, 'female');
  }
  return genders;
}

function linkPronouns(
  layer: TokenLayer,
  input: PronounInput,
  quoted: (token: number) => boolean,
): { entity: string; reference: EntityReference }[] {
  const { tokens, sentences } = layer;
  const anchorsAt = new Map<number, PersonAnchor>();
  const anchorEndingAt = new Map<number, PersonAnchor>();
  for (const a of input.anchors) {
    anchorsAt.set(a.firstToken, a);
    anchorEndingAt.set(a.endToken - 1, a);
  }
  const bySentence = new Map<number, PersonAnchor[]>();
  for (const a of [...input.anchors].sort((x, y) => x.firstToken - y.firstToken)) {
    const at = tokens[a.firstToken]?.sentence ?? -1;
    const list = bySentence.get(at);
    if (list) list.push(a);
    else bySentence.set(at, [a]);
  }
  const found: { entity: string; reference: EntityReference }[] = [];
  // People mentioned so far in the current sentence and in the one before, in order of mention.
  let previous: string[] = [];
  let current: string[] = [];
  // Unnamed people introduced there ("a man", "the gunman"): a pronoun may mean them, so they block.
  let unnamedPrevious: Gender[] = [];
  let unnamedCurrent: Gender[] = [];
  // People there who speak ("Ruiz said", "said Ruiz"): a "she" inside quotation marks is rarely the speaker.
  let speakersPrevious = new Set<string>();
  let speakersCurrent = new Set<string>();
  // Of those in the current sentence, the ones that can be a subject (not "Ruiz's").
  let binders: string[] = [];
  let sentence = -1;
  // The gender of the pronouns a person has already taken: "Ana Ruiz … She …" makes her no "he", even
  // when her given name gave no gender.
  const tookGender = new Map<string, Gender>();
  const link = (token: Token, at: number, entity: string, via: EntityReference['via']) => {
    const g = pronounGender(token.text.toLowerCase());
    if (g && !tookGender.has(entity)) tookGender.set(entity, g);
    const body = bodyAfter(layer, token, at);
    const end = body?.end ?? token.end;
    found.push({
      entity,
      reference: { start: token.start, end, text: layer.text.slice(token.start, end), via },
    });
    current.push(entity);
    binders.push(entity);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (token.sentence !== sentence) {
      // A heading, or a jump over more than one sentence, breaks the chain.
      const chained = token.sentence === sentence + 1 && !sentences[sentence]?.heading;
      previous = chained ? current : [];
      unnamedPrevious = chained ? unnamedCurrent : [];
      current = [];
      unnamedCurrent = [];
      speakersPrevious = chained ? speakersCurrent : new Set();
      speakersCurrent = new Set();
      binders = [];
      sentence = token.sentence;
    }
    const anchor = anchorsAt.get(i);
    if (anchor) {
      // "a Novak campaign strategist … his seat": a name that only modifies the noun after it names
      // no one a pronoun goes back to.
      if (modifiesNoun(tokens, anchor)) {
        i = anchor.endToken - 1;
        continue;
      }
      current.push(anchor.entity);
      if (!anchor.possessive) binders.push(anchor.entity);
      if (speaks(tokens, anchor)) speakersCurrent.add(anchor.entity);
      i = anchor.endToken - 1;
      continue;
    }
    if (!mayRefer(token)) continue;
    const heading = sentences[sentence]?.heading === true;
    const lower = token.text.toLowerCase();
    // "Ana Ruiz, who swam to fame, dies at 91" reads the same in a headline as in the body.
    if (lower === 'who') {
      // "Reyes, who …" / "Reyes who …": the name just before is the antecedent, also past an age in
      // apposition ("Reyes, 33, who …").
      let before = tokens[i - 1]?.text === ',' ? i - 2 : i - 1;
      if (/^\d{1,3}$/.test(tokens[before]?.text ?? '') && tokens[before - 1]?.text === ',') before -= 2;
      const owner = anchorEndingAt.get(before) ?? appositionOwner(tokens, anchorEndingAt, anchorsAt, i);
      if (owner) link(token, i, owner.entity, 'relative');
      continue;
    }
    if (introducesUnnamedPerson(tokens, i, anchorsAt, anchorEndingAt)) {
      unnamedCurrent.push(nounGender(lower));
      binders.push(UNNAMED);
      continue;
    }
    const gender = pronounGender(lower);
    if (!gender) continue;
    const fits = (g: Gender) => g === null || g === gender;
    if (heading) {
      const one = headlineAntecedent(current, gender, input.genderOf);
      if (one !== undefined && !unnamedCurrent.some(fits) && !quoted(i)) link(token, i, one, 'pronoun');
      continue;
    }
    if (REFLEXIVES.has(lower)) {
      // "Del Rio blamed herself": a reflexive is bound inside its clause, so it takes the nearest person
      // before it in the sentence known to be of its gender, or one of unknown gender when that person is
      // the only one the sentence has named ("Ana Ruiz, Li's aide, has herself …" stays unlinked when
      // nothing tells Ruiz's gender).
      let binder: string | undefined;
      for (let k = binders.length - 1; k >= 0 && binder === undefined; k--) {
        const e = binders[k] as string;
        if (e === UNNAMED) {
          if (fits(unnamedCurrent.at(-1) ?? null)) break;
          continue;
        }
        const g = input.genderOf(e);
        if (g === gender || (g === null && new Set(current).size === 1)) binder = e;
      }
      if (binder !== undefined) {
        link(token, i, binder, 'pronoun');
        continue;
      }
    }
    // A person of unknown gender could be the one meant, so they block a link, but cannot take it
    // alone: measured on ECB+ train topics, linking them let "she" reach a man named only by surname.
    const compatible = new Set(
      [...previous, ...current].filter((e) => {
        const g = input.genderOf(e) ?? tookGender.get(e) ?? null;
        return g === null || g === gender;
      }),
    );
    const genderKnown = (e: string) => input.genderOf(e) ?? tookGender.get(e) ?? null;
    const subject =
      subordinateSubject(layer, bySentence.get(sentence) ?? [], i, gender, genderKnown) ??
      reportedSubject(tokens, anchorEndingAt, i, gender, genderKnown) ??
      whoseClauseHead(layer, bySentence.get(sentence) ?? [], i, gender, genderKnown) ??
      (previous.length > 0
        ? previousSubject(layer, bySentence.get(sentence - 1) ?? [], i, gender, genderKnown, (k) =>
            introducesUnnamedPerson(tokens, k, anchorsAt, anchorEndingAt),
          )
        : undefined);
    if (subject !== undefined && !quoted(i) && !unnamedCurrent.some(fits)) {
      link(token, i, subject, 'pronoun');
      continue;
    }
    if ([...unnamedPrevious, ...unnamedCurrent].some(fits)) continue;
    if (compatible.size === 0 && previous.length === 0 && current.length === 0) {
      const ahead = cataphoraTarget(
        layer,
        sentence,
        bySentence.get(sentence) ?? [],
        i,
        gender,
        input.genderOf,
      );
      if (ahead !== undefined) link(token, i, ahead, 'pronoun');
      continue;
    }
    if (compatible.size !== 1) continue;
    const [only] = compatible;
    if (only === undefined) continue;
    // A person whose gender no name gives takes the pronoun once a pronoun of that gender has been theirs
    // ("Okafor blamed himself. … He said …"). Only then: letting an unknown-gender subject of the same
    // sentence take it ("Okafor, 49, fled after he …") added a wrong merge on the ECB+ dev topics.
    const known = input.genderOf(only) ?? tookGender.get(only) ?? null;
    if (known !== gender) continue;
    if (quoted(i) && (speakersCurrent.has(only) || speakersPrevious.has(only))) continue;
    link(token, i, only, 'pronoun');
  }
  return found;
}

/**
 * "Fred Ruiz, 75, the retired party aide who …", "Ana Ruiz, a former sprinter and coach who …": a "who"
 * after a name's apposition (a comma, an optional age, then a determiner and a short noun phrase ending
 * in a noun) is the named person's, since the apposition is that person. Only a phrase with no
 * preposition, verb or other person in it: in "Ana Ruiz, the aide of a senator who …" the "who" may be
 * the senator's. A name that only modifies a noun inside ("the Novak campaign aide") is no other person.
 * The name's anchor, or undefined.
 */
function appositionOwner(
  tokens: readonly Token[],
  anchorEndingAt: ReadonlyMap<number, PersonAnchor>,
  anchorsAt: ReadonlyMap<number, PersonAnchor>,
  who: number,
): PersonAnchor | undefined {
  const head = tokens[who - 1];
  // "… aide who", "… 'bagman' who": the phrase ends in a noun, or a quoted one.
  const noun = /^["'“”‘’]$/.test(head?.text ?? '') ? tokens[who - 2] : head;
  if (noun?.pos !== 'NOUN') return undefined;
  for (let k = who - 1; k >= 0 && k >= who - APPOSITION_TOKENS; k--) {
    const t = tokens[k];
    if (!t || t.sentence !== tokens[who]?.sentence) return undefined;
    const inner = anchorsAt.get(k);
    if (inner && !modifiesNoun(tokens, inner)) return undefined;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'ADP' || t.pos === 'PRON') return undefined;
    // "Tom Ford, a neighbour, and the aide who": another comma ends the apposition.
    if (CLAUSE_ENDS.has(t.text)) return undefined;
    if (!/^(?:the|a|an)$/i.test(t.text) || tokens[k - 1]?.text !== ',') continue;
    // The determiner after the comma: the name (past an age "…, 75,") ends before it.
    let end = k - 2;
    if (/^\d{1,3}$/.test(tokens[end]?.text ?? '') && tokens[end - 1]?.text === ',') end -= 2;
    const owner = anchorEndingAt.get(end);
    return owner && !owner.possessive ? owner : undefined;
  }
  return undefined;
}
/** Tokens from an apposition's determiner to its "who" ("the shadowy White House aide and 'bagman' who"). */
const APPOSITION_TOKENS = 12;

/**
 * "Tom Ford, a longtime adviser to Governor Lee and the first one convicted, passed away on Sunday. He was
 * 81.": a pronoun opening a sentence means the person the sentence before opens with, its subject, when that
 * person is known to be of the pronoun's gender and every other person there who could take the pronoun (or
 * unnamed one, "a friend") stands inside the subject's own apposition, between the commas right after the
 * name: such a person is part of the description of the subject, not a rival for the next sentence. A rival
 * anywhere else in that sentence ("Tom Ford met Ed Lee. He …") leaves the pronoun to the usual rule
 * (unlinked). The subject's entity, or undefined.
 */
function previousSubject(
  layer: TokenLayer,
  anchors: readonly PersonAnchor[],
  at: number,
  gender: Gender,
  genderOf: (entity: string) => Gender,
  unnamedAt: (token: number) => boolean,
): string | undefined {
  const { tokens, sentences } = layer;
  const pronoun = tokens[at];
  if (!pronoun || tokens[at - 1]?.sentence === pronoun.sentence) return undefined;
  const before = sentences[pronoun.sentence - 1];
  const subject = anchors[0];
  if (!before || before.heading || !subject || subject.firstToken !== before.firstToken) return undefined;
  if (subject.possessive || genderOf(subject.entity) !== gender) return undefined;
  if (tokens[subject.endToken]?.text !== ',') return undefined;
  let close = subject.endToken + 1;
  while (close < at && tokens[close]?.sentence === tokens[subject.endToken]?.sentence) {
    if (CLAUSE_ENDS.has(tokens[close]?.text ?? '')) break;
    close++;
  }
  if (close >= at || tokens[close]?.text !== ',') return undefined;
  const inside = (k: number) => k > subject.endToken && k < close;
  for (const a of anchors) {
    if (a.entity === subject.entity) continue;
    const g = genderOf(a.entity);
    if ((g === null || g === gender) && !inside(a.firstToken)) return undefined;
  }
  for (let k = close + 1; k < at; k++) if (unnamedAt(k)) return undefined;
  return subject.entity;
}

/**
 * "Ana Ruiz Checks Into Clinic Where She Feels Safe", "Tom Ford out for season after Hawks place him on
 * list": a headline stands apart from the body (no chain runs into or out of it), so a pronoun in it can
 * only mean someone the headline itself named before it: the one person named there, known to be of the
 * pronoun's gender, when every person it names has a known gender (one of unknown gender could be the one
 * meant). `named` holds the entities the headline has named so far. The entity, or undefined.
 */
function headlineAntecedent(
  named: readonly string[],
  gender: Gender,
  genderOf: (entity: string) => Gender,
): string | undefined {
  const people = new Set(named);
  if (people.size === 0) return undefined;
  let match: string | undefined;
  for (const e of people) {
    const g = genderOf(e);
    if (g === null) return undefined;
    if (g !== gender) continue;
    if (match !== undefined) return undefined;
    match = e;
  }
  return match;
}

/**
 * "Tom Ford, 49, fled the scene after he …", "Ana Ruiz, who chaired the board when she …", "Tom Ford
 * was held because of his injury": the subject pronoun of a subordinate clause (or the possessor of a noun
 * that stands for one, measured on ECB+ train: one more right link, no wrong one) means the person the
 * sentence (or a reported clause in it: "Police said Tom Ford …", one more right link) opens with, its subject, when that
 * person is known to be of the pronoun's gender and no other person known to be of that gender is named
 * before the pronoun in the sentence (nor an unnamed one introduced there, checked by the caller). People
 * named only in the sentence before do not compete: the clause is bound to its own sentence's subject.
 * The person's entity, or undefined.
 */
function subordinateSubject(
  layer: TokenLayer,
  anchors: readonly PersonAnchor[],
  at: number,
  gender: Gender,
  genderOf: (entity: string) => Gender,
): string | undefined {
  const { tokens } = layer;
  const pronoun = tokens[at];
  if (!pronoun || !opensClause(tokens, at)) return undefined;
  const first = layer.sentences[pronoun.sentence]?.firstToken ?? -1;
  // The subject the sentence opens with, or that of a reported clause ("Police said Tom Ford, 52, …").
  const subject = anchors.find((a) => a.firstToken === first || reportedClauseOpensAt(tokens, a.firstToken));
  if (!subject || subject.possessive || subject.endToken > at) return undefined;
  if (modifiesNoun(tokens, subject)) return undefined;
  const next = tokens[subject.endToken];
  if (!next || !(next.pos === 'VERB' || next.pos === 'AUX' || next.text === ',')) return undefined;
  // Measured on the ECB+ train topics (person B³ 0.704 → 0.707, no new wrong merge). Letting people of
  // unknown gender between the subject and the pronoun block it ("Tom Ford, 20, was convicted of attacking
  // Kim Lee as he …") kept three of the five right links out. A subject of unknown gender is left out
  // (one more right link there, two the corpus does not mark): that shape, "Okafor, 49, fled after he",
  // once added a wrong merge (see linkPronouns).
  if (genderOf(subject.entity) !== gender) return undefined;
  for (const a of anchors) {
    if (a.firstToken >= at) break;
    if (a.entity !== subject.entity && genderOf(a.entity) === gender) return undefined;
  }
  return subject.entity;
}
/**
 * "Ana Ruiz, whose films made her a star, died on Monday", "Tom Ford, the boxer whose punch earned him the
 * title, …": a pronoun inside a "whose" clause on the name the sentence opens with (right after it, or after
 * a short apposition of no verb) means that person, when the person is known to be of the pronoun's gender
 * and no other person known to be of it is named before the pronoun in the sentence. The clause ends at the
 * next comma, dash or semicolon. The person's entity, or undefined.
 */
function whoseClauseHead(
  layer: TokenLayer,
  anchors: readonly PersonAnchor[],
  at: number,
  gender: Gender,
  genderOf: (entity: string) => Gender,
): string | undefined {
  const { tokens } = layer;
  const pronoun = tokens[at];
  if (!pronoun) return undefined;
  const first = layer.sentences[pronoun.sentence]?.firstToken ?? -1;
  const subject = anchors[0];
  if (!subject || subject.firstToken !== first || subject.possessive || subject.endToken > at)
    return undefined;
  if (tokens[subject.endToken]?.text !== ',') return undefined;
  // "whose" within a short apposition of the subject, no verb before it.
  let whose = -1;
  for (let k = subject.endToken + 1; k < at && k <= subject.endToken + APPOSITION_WORDS; k++) {
    const t = tokens[k];
    if (!t || CLAUSE_ENDS.has(t.text)) return undefined;
    if (t.text.toLowerCase() === 'whose') {
      whose = k;
      break;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX') return undefined;
  }
  if (whose < 0) return undefined;
  for (let k = whose + 1; k < at; k++) if (CLAUSE_ENDS.has(tokens[k]?.text ?? '')) return undefined;
  if (genderOf(subject.entity) !== gender) return undefined;
  for (const a of anchors) {
    if (a.firstToken >= at) break;
    if (a.entity !== subject.entity && genderOf(a.entity) === gender) return undefined;
  }
  return subject.entity;
}
/** Words of an apposition between a name and its "whose" ("the New York mob boss whose"). */
const APPOSITION_WORDS = 8;
const CLAUSE_ENDS = new Set([',', ';', '—', '–', '(', ')']);

/**
 * "Coroner Lina Marsh said she believed …", "Ford has said he …": the subject pronoun right after a speech
 * verb means the person named right before that verb, its subject, when that person is known to be of
 * the pronoun's gender; nobody stands between them to compete. The person's entity, or undefined.
 */
function reportedSubject(
  tokens: readonly Token[],
  anchorEndingAt: ReadonlyMap<number, PersonAnchor>,
  at: number,
  gender: Gender,
  genderOf: (entity: string) => Gender,
): string | undefined {
  const pronoun = tokens[at];
  if (!pronoun || !SUBJECT_PRONOUNS.has(pronoun.text.toLowerCase())) return undefined;
  const verb = tokens[at - 1];
  if (verb?.sentence !== pronoun.sentence || !isSpeechVerb(verb.text)) return undefined;
  let k = at - 2;
  // "Ford has said", "Ford later said": an auxiliary or an adverb may stand between.
  while (k >= at - 3 && (tokens[k]?.pos === 'AUX' || tokens[k]?.pos === 'ADV')) k--;
  const anchor = anchorEndingAt.get(k);
  if (!anchor || anchor.possessive || tokens[anchor.firstToken]?.sentence !== pronoun.sentence)
    return undefined;
  return genderOf(anchor.entity) === gender ? anchor.entity : undefined;
}

/** "Police said Tom Ford …", "police said that Tom Ford …": a reported clause opens at `at`. */
function reportedClauseOpensAt(tokens: readonly Token[], at: number): boolean {
  const before = tokens[at - 1];
  if (!before || before.sentence !== tokens[at]?.sentence) return false;
  if (isSpeechVerb(before.text)) return true;
  return before.text.toLowerCase() === 'that' && isSpeechVerb(tokens[at - 2]?.text ?? '');
}

const SUBJECT_PRONOUNS = new Set(['he', 'she']);
/** Words after which a subject pronoun opens a subordinate clause: SUBORDINATORS and "where". */
const CLAUSE_OPENERS = new Set([...SUBORDINATORS, 'where']);
/** Prepositions whose possessive and noun stand for such a clause: "after his arrest" (after he was arrested). */
const NOMINAL_OPENERS = new Set(['after', 'before', 'since', 'until', 'despite', 'during']);

/**
 * Whether the pronoun at `at` is the subject of a subordinate clause ("after he left") or the possessor of
 * a noun standing for one ("after his arrest", "because of her injury").
 */
function opensClause(tokens: readonly Token[], at: number): boolean {
  const pronoun = tokens[at];
  const before = tokens[at - 1];
  if (!pronoun || before?.sentence !== pronoun.sentence) return false;
  const lower = pronoun.text.toLowerCase();
  const opener = before.text.toLowerCase();
  if (SUBJECT_PRONOUNS.has(lower)) return CLAUSE_OPENERS.has(opener);
  if (lower !== 'his' && !(lower === 'her' && tokens[at + 1]?.pos === 'NOUN')) return false;
  return (
    NOMINAL_OPENERS.has(opener) ||
    (opener === 'of' &&
      tokens[at - 2]?.text.toLowerCase() === 'because' &&
      tokens[at - 2]?.sentence === pronoun.sentence)
  );
}

/** "the Novak administration", "the Ruiz campaign": a name right before a lower-case common noun modifies it. */
function modifiesNoun(tokens: readonly Token[], anchor: PersonAnchor): boolean {
  if (anchor.possessive) return false;
  const next = tokens[anchor.endToken];
  const last = tokens[anchor.endToken - 1];
  return (
    next !== undefined &&
    next.sentence === last?.sentence &&
    next.pos === 'NOUN' &&
    next.text !== next.text.toUpperCase() &&
    next.text[0] === next.text[0]?.toLowerCase()
  );
}

/**
 * "His body was carried home …", "her remains": after a death the body is the person, so the possessive and the
 * noun together are the reference (a report of the death names them there). The noun's token, or null.
 */
function bodyAfter(layer: TokenLayer, token: Token, at: number): Token | null {
  const lower = token.text.toLowerCase();
  if (lower !== 'his' && lower !== 'her') return null;
  const next = layer.tokens[at + 1];
  if (!next || next.sentence !== token.sentence || !BODY_NOUNS.has(next.text.toLowerCase())) return null;
  return next;
}
const BODY_NOUNS = new Set(['body', 'remains', 'corpse']);

/** "Ruiz said", "Ruiz, 52, has said", "said Ruiz": a speech verb right before or after the name. */
function speaks(tokens: readonly { text: string }[], anchor: PersonAnchor): boolean {
  if (isSpeechVerb(tokens[anchor.firstToken - 1]?.text ?? '')) return true;
  for (let k = anchor.endToken; k < anchor.endToken + 5; k++) {
    const word = tokens[k]?.text ?? '';
    if (isSpeechVerb(word)) return true;
    if (!/^(?:,|\d+|has|had|have|also|later|then)$/i.test(word)) return false;
  }
  return false;
}

/** A binder slot taken by an unnamed person ("a man … hanged himself"). */
const UNNAMED = '\u0000unnamed';

/**
 * "a man", "an inmate", "the gunman" (a definite description no rule tied to a name): a singular person
 * noun after an indefinite or definite article, as the head of its phrase, and no title of a name that
 * follows ("the spokesman Tom Ford"). Possessed ones ("her lawyer") are left out: they are rarely what a
 * following pronoun means.
 */
function introducesUnnamedPerson(
  tokens: readonly { text: string; pos: string }[],
  i: number,
  anchorsAt: ReadonlyMap<number, PersonAnchor>,
  anchorEndingAt: ReadonlyMap<number, PersonAnchor>,
): boolean {
  const token = tokens[i];
  if (token?.pos !== 'NOUN' || !isPersonNoun(token.text.toLowerCase())) return false;
  const next = tokens[i + 1];
  if (next?.pos === 'NOUN' || anchorsAt.has(i + 1)) return false;
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const word = (tokens[k]?.text ?? '').toLowerCase();
    // "Fred Ruiz, a retired party strategist who …": in apposition to a name, the noun is that person.
    // "her years as a young rowing champion", "served as a judge", "Ruiz was a teacher": a predicate noun
    // describes someone already there, nobody new ("stood at the gate as a man walked past" does bring
    // someone in: only a role's "as" counts).
    if (ARTICLES.has(word)) {
      if (tokens[k - 1]?.text === ',' && anchorEndingAt.has(k - 2)) return false;
      const before = (tokens[k - 1]?.text ?? '').toLowerCase();
      if (before === 'as' && ROLE_AS.has((tokens[k - 2]?.text ?? '').toLowerCase())) return false;
      return !PREDICATE_COPULAS.has(before);
    }
    const pos = tokens[k]?.pos;
    if (pos !== 'ADJ' && pos !== 'NOUN' && pos !== 'NUM' && pos !== 'PROPN') return false;
  }
  return false;
}
const ARTICLES = new Set(['a', 'an', 'the', 'another']);
/** Words before an "as" that gives someone's role (general English, my own list): "years as a …", "worked as a …". */
const ROLE_AS = new Set([
  'years',
  'career',
  'days',
  'time',
  'stint',
  'tenure',
  'role',
  'work',
  'worked',
  'working',
  'served',
  'serving',
  'known',
  'elected',
  'named',
  'appointed',
  'hired',
  'began',
  'started',
]);
/** Verbs before a predicate noun: "Ruiz was a teacher", "she became the top scorer". */
const PREDICATE_COPULAS = new Set([
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'became',
  'becomes',
  'remains',
  'remained',
]);

/**
 * "After she left the clinic, Ana Ruiz …", "Before he was shot, Deputy Tom Ford …": in a sentence that
 * opens with a subordinate clause, with nobody named before it, a pronoun refers forward to the person
 * the main clause names, when that person alone in the sentence can take it.
 */
function cataphoraTarget(
  layer: TokenLayer,
  sentence: number,
  anchors: readonly PersonAnchor[],
  at: number,
  gender: Gender,
  genderOf: (entity: string) => Gender,
): string | undefined {
  const first = layer.sentences[sentence]?.firstToken ?? -1;
  if (!SUBORDINATORS.has((layer.tokens[first]?.text ?? '').toLowerCase())) return undefined;
  const later = anchors.filter((a) => a.firstToken > at);
  const compatible = new Set(
    later.filter((a) => genderOf(a.entity) === null || genderOf(a.entity) === gender).map((a) => a.entity),
  );
  const target = later[0];
  if (!target || target.possessive || compatible.size !== 1 || genderOf(target.entity) !== gender)
    return undefined;
  return target.entity;
}
