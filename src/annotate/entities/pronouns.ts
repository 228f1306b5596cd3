// Pronouns and descriptions that point back at a named person, within one article. A reader links "she"
// in "Ana Reyes lost the vote. She conceded on Monday." to Ana Reyes; the report's actors should hold that
// mention too. The rules are conservative, because a wrong link is worse than a missing one: a pronoun
// links only when exactly one person of a compatible gender was named (or already referred to) in its own
// sentence before it or in the sentence before that, and that person's gender is known from a given name
// or a title; "Ana Reyes beat Tom Ford. He …" links "He" to Ford, while "Reyes beat Tom Ford. He …" stays
// unlinked, because nothing says Reyes is not a man. Pronouns inside
// quotation marks are the speaker's words about someone the quote may never name, so they stay unlinked.
import type { EntityReference } from '../../model/article.js';
import type { TokenLayer } from '../tokens.js';
import type { Gender } from './index.js';

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
  for (const [i, token] of layer.tokens.entries()) {
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
 * Pronoun references ("she", "him", "his", "herself") and relative "who" right after a person's name
 * ("Reyes, who lost …"), each with the person entity it refers to. One pass over the tokens: the people
 * seen in the current and the previous sentence are all a pronoun may look at.
 */
export function findPronounReferences(
  layer: TokenLayer,
  input: PronounInput,
): { entity: string; reference: EntityReference }[] {
  const { tokens, sentences } = layer;
  const anchorsAt = new Map<number, PersonAnchor>();
  const anchorEndingAt = new Map<number, PersonAnchor>();
  for (const a of input.anchors) {
    anchorsAt.set(a.firstToken, a);
    anchorEndingAt.set(a.endToken - 1, a);
  }
  const quoted = insideQuotes(layer);
  const found: { entity: string; reference: EntityReference }[] = [];
  // People mentioned so far in the current sentence and in the one before, in order of mention.
  let previous: string[] = [];
  let current: string[] = [];
  // Of those in the current sentence, the ones that can be a subject (not "Ruiz's").
  let binders: string[] = [];
  let sentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (token.sentence !== sentence) {
      // A heading, or a jump over more than one sentence, breaks the chain.
      previous = token.sentence === sentence + 1 && !sentences[sentence]?.heading ? current : [];
      current = [];
      binders = [];
      sentence = token.sentence;
    }
    const anchor = anchorsAt.get(i);
    if (anchor) {
      current.push(anchor.entity);
      if (!anchor.possessive) binders.push(anchor.entity);
      i = anchor.endToken - 1;
      continue;
    }
    if (sentences[sentence]?.heading) continue;
    const lower = token.text.toLowerCase();
    const link = (entity: string, via: EntityReference['via']) => {
      found.push({ entity, reference: { start: token.start, end: token.end, text: token.text, via } });
      current.push(entity);
      binders.push(entity);
    };
    if (lower === 'who') {
      // "Reyes, who …" / "Reyes who …": the name just before is the antecedent.
      const before = tokens[i - 1]?.text === ',' ? i - 2 : i - 1;
      const owner = anchorEndingAt.get(before);
      if (owner) link(owner.entity, 'relative');
      continue;
    }
    const gender = pronounGender(lower);
    if (!gender || quoted(i)) continue;
    if (REFLEXIVES.has(lower)) {
      // "Lo Presti hanged himself": a reflexive is bound inside its clause, so it takes the nearest person
      // before it in the sentence known to be of its gender, or one of unknown gender when that person is
      // the only one the sentence has named ("Ana Ruiz, Li's aide, has herself …" stays unlinked when
      // nothing tells Ruiz's gender).
      let binder: string | undefined;
      for (let k = binders.length - 1; k >= 0 && binder === undefined; k--) {
        const e = binders[k] as string;
        const g = input.genderOf(e);
        if (g === gender || (g === null && new Set(current).size === 1)) binder = e;
      }
      if (binder !== undefined) {
        link(binder, 'pronoun');
        continue;
      }
    }
    // A person of unknown gender could be the one meant, so they block a link, but cannot take it
    // alone: measured on ECB+ train topics, linking them let "she" reach a man named only by surname.
    const compatible = new Set(
      [...previous, ...current].filter((e) => {
        const g = input.genderOf(e);
        return g === null || g === gender;
      }),
    );
    if (compatible.size !== 1) continue;
    const [only] = compatible;
    if (only !== undefined && input.genderOf(only) === gender) link(only, 'pronoun');
  }
  return found;
}
