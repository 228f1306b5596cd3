// The event a unit reports: its main predicates (the verb of each clause, or the event noun after a light
// verb), read through wink's part-of-speech tags and lemmas and keyed like every other word (text/words.ts
// wordKey: stem and synonym group), so "proposed" meets "proposal" and "declaring" meets "declaration".
// Two sentences can share a topic's people, numbers and nouns and still report different events: "The
// party proposed capping the fund at 9,000" / "The party appears to have dropped its demand to cap the
// fund at 9,000" share every argument, and only the main verbs ("proposed" / "dropped") tell them apart.
// The same-claim decision (facts/claims.ts) asks that one side's event be found in the other.
// Found means the same word key, or a verb of one WordNet sense (text/verb-senses.ts): "erected a fence"
// and "set up a fence" report one event.
import { its, wink } from '../../nlp/wink.js';
import { isKnownVerb, verbsMeet } from '../../text/verb-senses.js';
import { wordKey } from '../../text/words.js';
import type { Unit } from './units.js';

/**
 * Verbs that do not name the event: speech and report ("said the bridge will reopen": the event is
 * "reopen"), raising and aspect ("appears to have dropped", "began to fall"), intention and expectation
 * ("plans to sue": the event is suing; the modality is judged apart, text/claim-features.ts), and the
 * auxiliaries wink sometimes tags VERB.
 */
const NOT_EVENT = new Set([
  'say',
  'tell',
  'add',
  'state',
  'write',
  'note',
  'accord',
  'report',
  'call',
  'believe',
  'think',
  'quote',
  'read',
  'respond',
  'answer',
  'reply',
  'describe',
  'remark',
  'comment',
  'speak',
  'tweet',
  'recall',
  'cite',
  'be',
  'have',
  'do',
  'appear',
  'seem',
  'become',
  'begin',
  'start',
  'continue',
  'keep',
  'try',
  'want',
  'need',
  'plan',
  'expect',
  'hope',
  'intend',
  'seek',
  'aim',
  'go',
  'get',
  'remain',
  'tend',
  'wish',
  'let',
  'help',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'must',
  'shall',
  'should',
]);

/**
 * Acts of speech that are themselves the event when nothing else is ("warned in a memo that corrosion had
 * gone 'beyond repair'" / "the warning, a memo dated May 2"): each is read as a predicate, and the clause
 * reads on for the verb of what was said ("argued the plant will close": arguing and closing).
 */
const SPEECH_ACTS = new Set([
  'warn',
  'argue',
  'claim',
  'insist',
  'acknowledge',
  'announce',
  'suggest',
  'testify',
  'explain',
]);

/**
 * Verbs that pass the event to the verb after "to": "agreed to block the law" reports blocking it,
 * "pledged to put the proposal to a vote" a vote. Followed by anything else they are the event ("agreed
 * on a price"). Verbs that take the event back ("refused to", "failed to") are not among them.
 */
const CONTROL = new Set([
  'agree',
  'decide',
  'move',
  'vote',
  'pledge',
  'promise',
  'vow',
  'threaten',
  'choose',
  'manage',
  'work',
  'prepare',
  'ask',
  'set',
]);

/** Light verbs whose object names the event: "will hold a confirmation vote", "took a vote", "made an offer". */
const LIGHT = new Set(['hold', 'make', 'take', 'give', 'conduct', 'stage', 'issue', 'bring', 'put']);

/** Tokens after a light verb read for its object. */
const LIGHT_REACH = 7;

/** Clause openers after which a new main predicate is read: "…; the vote failed", "…, but the mayor left". */
const CLAUSE_OPENERS = new Set([';', ',', 'but', 'while', 'whereas']);

const QUOTE_MARK = /^["“”]$/u;

/** Particles that make a phrasal verb WordNet lists as one verb: "set up", "shut down", "carry out". */
const PARTICLES = new Set(['up', 'down', 'out', 'off', 'in', 'on', 'over', 'back', 'away', 'through']);

export interface Predicates {
  /** Word keys of the main predicates (each under its surface key and its lemma's key). */
  main: Set<string>[];
  /** Word keys (surface and lemma) of the verbs, adjectives and head nouns: where the other side's events are looked for. */
  words: Set<string>;
  /** The verb (lemma, "set up" for a phrasal verb) of each main predicate that is a verb, for text/verb-senses.ts. */
  mainVerbs: string[];
  /** The lemmas of the unit's verbs (phrasal ones as well as their head: "set up" and "set"). */
  verbs: Set<string>;
}

const cache = new WeakMap<Unit, Predicates>();

/** The main predicates of a unit and its word keys (cached per unit). */
export function predicatesOf(u: Unit, text: string): Predicates {
  let found = cache.get(u);
  if (found) return found;
  found = readPredicates(text.slice(u.start, u.end));
  cache.set(u, found);
  return found;
}

/**
 * The keys of a word, as written and as its lemma. A verb the word layer counts as a stop word keeps its
 * lemma, so "will come down" still meets "will come down".
 */
function keysOf(value: string, lemma: string): Set<string> {
  const out = new Set<string>();
  for (const w of [value, lemma]) {
    const lower = w.toLowerCase();
    const k = wordKey(lower);
    if (k) out.add(k);
    else if (/^\p{L}+$/u.test(lower)) out.add(`=${lemma.toLowerCase()}`);
  }
  return out;
}

/** Main predicates of a sentence's text (see Predicates). */
export function readPredicates(sentence: string): Predicates {
  const doc = wink.readDoc(sentence);
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  // wink types its.lemma for the model add-ons' signature; the lite web model ships the lemmatizer and
  // out() takes it like any other property.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
  // Where the other side's event is looked for: verbs, adjectives ("dead" / "killed") and the head of each
  // run of nouns. A noun modifying another names no event of its own: "faced questions at her
  // confirmation hearing" reports a hearing, not that someone was confirmed.
  const words = new Set<string>();
  // The verb a token heads, as WordNet lists it: "shut" before "down" is "shut down" when WordNet knows it.
  const verbAt = (i: number): string => {
    const lemma = (lemmas[i] ?? values[i] ?? '').toLowerCase();
    const next = (values[i + 1] ?? '').toLowerCase();
    return PARTICLES.has(next) && isKnownVerb(`${lemma} ${next}`) ? `${lemma} ${next}` : lemma;
  };
  const verbs = new Set<string>();
  values.forEach((v, i) => {
    if (tags[i] === 'VERB') {
      const verb = verbAt(i);
      verbs.add(verb);
      verbs.add((lemmas[i] ?? v).toLowerCase());
    }
    const tag = tags[i];
    const head = tag === 'NOUN' && tags[i + 1] !== 'NOUN' && tags[i + 1] !== 'PROPN';
    if (tag !== 'VERB' && tag !== 'ADJ' && !head) return;
    for (const k of keysOf(v, lemmas[i] ?? v)) words.add(k);
  });
  // The word after token i, adverbs skipped ("agreed to temporarily block": "to").
  const nextWord = (i: number): string => {
    let j = i + 1;
    while (j < values.length && tags[j] === 'ADV') j++;
    return (values[j] ?? '').toLowerCase();
  };
  // The first event verb of each clause outside quotation marks; a sentence that is all quotation gives
  // the first of its quotation ("“We will close the plant,” she said" reports closing the plant).
  const speech = new Set<Set<string>>();
  const verbOf = new Map<Set<string>, string>();
  const read = (insideQuotes: boolean): Set<string>[] => {
    const main: Set<string>[] = [];
    let quoted = false;
    let open = true;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as string;
      if (QUOTE_MARK.test(v)) {
        quoted = v === '“' ? true : v === '”' ? false : !quoted;
        continue;
      }
      if (quoted !== insideQuotes) continue;
      const lower = v.toLowerCase();
      if (CLAUSE_OPENERS.has(lower)) {
        open = true;
        continue;
      }
      // A capitalised word inside the sentence is a name wink took for a verb ("… to FBI director Hoover").
      if (!open || tags[i] !== 'VERB' || (i > 0 && /^\p{Lu}/u.test(v))) continue;
      const lemma = (lemmas[i] ?? lower).toLowerCase();
      if (NOT_EVENT.has(lemma) || NOT_EVENT.has(lower)) continue;
      if (SPEECH_ACTS.has(lemma)) {
        const keys = keysOf(v, lemma);
        speech.add(keys);
        verbOf.set(keys, verbAt(i));
        main.push(keys);
        continue;
      }
      if (CONTROL.has(lemma) && nextWord(i) === 'to') continue;
      if (LIGHT.has(lemma)) {
        // The nouns and verbs of what follows, up to the clause's end: "will hold a confirmation vote",
        // "put the proposal up for a vote", "brought up invoking the amendment".
        const object = keysOf(v, lemma);
        for (let j = i + 1; j < Math.min(values.length, i + 1 + LIGHT_REACH); j++) {
          const w = (values[j] as string).toLowerCase();
          if (tags[j] === 'PUNCT' || CLAUSE_OPENERS.has(w) || QUOTE_MARK.test(w)) break;
          if (tags[j] === 'NOUN' || tags[j] === 'VERB')
            for (const k of keysOf(values[j] as string, lemmas[j] ?? '')) object.add(k);
        }
        main.push(object);
      } else {
        const keys = keysOf(v, lemma);
        verbOf.set(keys, verbAt(i));
        main.push(keys);
      }
      open = false;
    }
    return main.filter((s) => s.size > 0);
  };
  // A sentence whose every event verb is inside quotation marks reports what was said: the quotation's
  // first event verb is its event ("“We will close the plant,” she said": closing the plant). An act of
  // speech alone is no event to compare ("testified that the plan is 'unlikely to work'" next to "told the
  // committee analysts 'doubt the plan will work'" reports one statement), so a sentence whose only
  // predicates are acts of speech has none.
  const outside = read(false);
  const found = outside.some((m) => !speech.has(m)) ? outside : [...outside, ...read(true)];
  const main = found.some((m) => !speech.has(m)) ? found : [];
  const mainVerbs = main.flatMap((m) => verbOf.get(m) ?? []);
  return { main, words, mainVerbs, verbs };
}

/**
 * Whether two units report different events: each names a main predicate and none of either side's is
 * among the other side's words. One side's event found anywhere in the other is enough ("The council
 * approved the budget" / "The council voted 7–2 to approve the budget": "approved" is in the second),
 * so extra detail in either stays one claim.
 */
export function differentEvents(a: Unit, b: Unit, textOf: (u: Unit) => string): boolean {
  const pa = predicatesOf(a, textOf(a));
  const pb = predicatesOf(b, textOf(b));
  if (pa.main.length === 0 || pb.main.length === 0) return false;
  const meets = (main: Set<string>[], words: Set<string>) =>
    main.some((m) => [...m].some((k) => words.has(k)));
  if (meets(pa.main, pb.words) || meets(pb.main, pa.words)) return false;
  // The event told with another verb of the same sense (text/verb-senses.ts): "erected a fence" / "set up
  // a fence", "the port was closed" / "shut down the port".
  const paraphrased = (p: Predicates, q: Predicates) =>
    p.mainVerbs.some((v) => [...q.verbs].some((w) => verbsMeet(v, w)));
  return !paraphrased(pa, pb) && !paraphrased(pb, pa);
}
