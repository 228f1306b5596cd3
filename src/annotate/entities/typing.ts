// Typing a name from the evidence around it. Each rule is a piece of evidence with a weight; the kind
// with the most evidence over all mentions of the same name in the document wins (in-document
// propagation: "Trump is a good guy" once makes every "Trump" in the article a person).

import type { EntityKind } from '../../model/article.js';
import { nlp } from '../../nlp/compromise.js';
import { detached } from '../../util/strings.js';
import type { TokenLayer } from '../tokens.js';
import type { Candidate } from './candidates.js';
import {
  CITIES,
  COUNTRIES,
  DEMONYMS,
  GIVEN_NAMES,
  isOrdinaryWord,
  isPluralCommonNoun,
  KNOWN_ORGANIZATIONS,
  KNOWN_PEOPLE,
  KNOWN_SURNAMES,
  ORGANIZATION_HEADS,
  ORGANIZATION_NOUNS,
  PLACE_HEADS,
  REGIONS,
  ROLE_NOUNS,
  TITLE_WORDS,
} from './gazetteer.js';
import { isSpeechVerb } from './speech-verbs.js';

export type Evidence = Partial<Record<EntityKind, number>>;

const STRONG = 3;
const MEDIUM = 2;
const WEAK = 1;

/**
 * Endings that mark a surname in many languages: Ukrainian -enko/-chuk, Russian -ov/-ev/-in(a)/-sky,
 * Polish -ski/-wicz/-czyk, Balkan -ić/-vić, Romanian -escu, Greek -opoulos/-akis/-idis, Turkish -oğlu,
 * Armenian -yan, Georgian -shvili/-adze, Italian -ini/-elli/-etti/-ucci, German -stein/-berg/-mann.
 * Demonyms ("Russian", "Armenian") are caught earlier by the gazetteer.
 */
const SURNAME_ENDING =
  /(?:enko|chuk|czuk|ov|ova|ev|eva|ovich|evich|sky|skiy|skyy|ski|ska|wicz|czyk|ić|vic|vich|escu|opoulos|akis|idis|oglu|oğlu|yan|shvili|adze|ini|elli|etti|ucci|stein|berg|mann)$/;

/** Plural nouns naming a political camp: "California Republicans", "Senate Democrats". */
const GROUP_NOUNS = new Set([
  'republicans',
  'democrats',
  'conservatives',
  'liberals',
  'progressives',
  'independents',
  'socialists',
  'libertarians',
  'voters',
  'protesters',
  'lawmakers',
  'senators',
  'officials',
  'supporters',
  'critics',
  'activists',
  'residents',
  'workers',
  'immigrants',
  'troops',
  'forces',
]);

/**
 * Words that name a place type before a name (general English, my own list): military and other
 * facilities ("Fort", "Camp", "Joint Base", "Naval Station", "Barracks") and landforms ("Mount", "Cape").
 * Only before the last word: "Dave Camp" and "Tom Fort" are people.
 */
const PLACE_PREFIXES = new Set([
  'fort',
  'ft',
  'camp',
  'base',
  'station',
  'barracks',
  'garrison',
  'airfield',
  'mount',
  'mt',
  'cape',
]);

/**
 * Nouns of a settlement or an area that take the place's name after "of" (general English, my own list):
 * "the city of Varanesh", "the port town of Kessel Bay", "the district of Alta Nuova". A person is never
 * "the town of" anyone.
 */
const PLACE_OF_NOUNS = new Set([
  'city',
  'town',
  'village',
  'hamlet',
  'port',
  'capital',
  'county',
  'province',
  'island',
  'islands',
  'suburb',
  'district',
  'borough',
  'municipality',
  'township',
  'region',
  'neighborhood',
  'neighbourhood',
  'outskirts',
]);

/** "south-west of Varanesh", "40 miles north of Kessel Bay": a bearing before "of" measures from a place. */
const BEARING =
  /^(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|northeast|northwest|southeast|southwest)(?:ern)?$/;

/** "the Biden administration", "the Putin regime": a single name modifying these nouns is a person. */
const PERSON_LED_NOUNS = new Set([
  'administration',
  'regime',
  'campaign',
  'presidency',
  'family',
  'aides',
  'camp',
  'era',
]);

const COPULAS = new Set(['is', 'was', 'remains', 'became', 'has', 'had']);

const compromiseCache = new Map<string, EntityKind | null>();
/** Bounds the cache on long streams; names repeat within a story, not across a whole archive. */
const MAX_CACHED_NAMES = 50_000;

type CompromiseTerm = { text: string; tags: Set<string> };

function kindFromTags(terms: readonly CompromiseTerm[]): EntityKind | null {
  const has = (tag: string) => terms.some((t) => t.tags.has(tag));
  if (has('Person')) return 'person';
  if (has('Organization')) return 'organization';
  if (has('Place')) return 'place';
  return null;
}

/**
 * compromise is ~18× slower than wink and its cost is largely per call, so the names of one article that
 * context and gazetteers leave undecided go to it together, one name per sentence, once per distinct
 * name (cached). It types names its lexicon lacks from their shape ("Lukashenko", "McConnell").
 */
export function primeCompromise(names: readonly string[]): void {
  const fresh = [...new Set(names)].filter((n) => !compromiseCache.has(n) && !/[.!?]/.test(n));
  if (fresh.length === 0) return;
  if (compromiseCache.size > MAX_CACHED_NAMES) compromiseCache.clear();
  const sentences = (nlp(fresh.map((n) => `${n}.`).join(' ')) as unknown as { docs: CompromiseTerm[][] })
    .docs;
  // One sentence per name, in order; if compromise split differently, fall back to one call per name.
  if (sentences.length !== fresh.length) {
    for (const name of fresh) compromiseKind(name);
    return;
  }
  for (const [i, name] of fresh.entries())
    compromiseCache.set(detached(name), kindFromTags(sentences[i] ?? []));
}

/** What compromise makes of a name (after primeCompromise, from the cache). */
export function compromiseEvidence(name: string): Evidence {
  const kind = compromiseKind(name);
  return kind ? { [kind]: MEDIUM } : {};
}

function compromiseKind(name: string): EntityKind | null {
  const cached = compromiseCache.get(name);
  if (cached !== undefined) return cached;
  const kind = kindFromTags((nlp(name) as unknown as { docs: CompromiseTerm[][] }).docs.flat());
  compromiseCache.set(detached(name), kind);
  return kind;
}

/**
 * Names recur across articles, and nameEvidence depends on the name alone, so its answers are kept (a copy
 * is handed out, the caller may change it): ~0.5 s per 3,000 allsides articles computed each time.
 */
const nameEvidenceMemo = new Map<string, Evidence>();
const MAX_MEMO_NAMES = 50_000;

/** Evidence from the name alone: gazetteers, shape, compromise's lexicon. */
export function nameEvidence(name: string): Evidence {
  let evidence = nameEvidenceMemo.get(name);
  if (evidence === undefined) {
    evidence = evidenceOfName(name);
    if (nameEvidenceMemo.size >= MAX_MEMO_NAMES) nameEvidenceMemo.clear();
    nameEvidenceMemo.set(detached(name), evidence);
  }
  return { ...evidence };
}

function evidenceOfName(name: string): Evidence {
  const lower = name.toLowerCase();
  const words = lower.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const first = words[0] ?? '';
  if (COUNTRIES.has(lower) || CITIES.has(lower) || REGIONS.has(lower)) return { place: STRONG + 1 };
  if (DEMONYMS.has(lower.replace(/s$/, '')) && lower.endsWith('s')) return { group: STRONG };
  // "House Republicans", "White Americans", "Establishment Democrats": people counted as a camp.
  if (
    words.length > 1 &&
    (GROUP_NOUNS.has(last) || (last.endsWith('s') && DEMONYMS.has(last.slice(0, -1))))
  ) {
    return { group: STRONG };
  }
  if (DEMONYMS.has(lower)) return { other: STRONG };
  // "the North Carolina Republican told reporters", "a Texas Democrat": a place and a party member describe
  // a person; they name nobody (a person "Carolina Republican" took labels of its own).
  if (words.length > 1 && PARTY_MEMBERS.has(last)) return { other: STRONG + 1 };
  // "Republicans said …", "Jews in the city": a camp or a faith's people alone is a group, as after a
  // modifier ("House Republicans").
  if (
    words.length === 1 &&
    (GROUP_NOUNS.has(lower) || (lower.endsWith('s') && FAITH_PEOPLE.has(lower.slice(0, -1))))
  )
    return { group: STRONG };
  // "Roman Catholic", "Southern Baptist": a faith's adjective ends no person's name, whatever the given
  // name in front says.
  if (FAITHS.has(last) || FAITHS.has(last.replace(/s$/, ''))) return { other: STRONG };
  if (KNOWN_ORGANIZATIONS.has(lower)) return { organization: STRONG };
  // "told The Harbour Gazette", "The Hill reported": a name that keeps its article capitalised is a paper,
  // a band or a firm, never a person's name (places with one, "The Hague", were caught above).
  if (first === 'the' && words.length > 1) return { organization: STRONG };
  // "Russia-Ukraine talks", "Russo-Ukrainian war": a compound of places or nationalities modifies a noun.
  const parts = lower.split('-');
  if (
    parts.length > 1 &&
    parts.some((p) => COUNTRIES.has(p) || CITIES.has(p) || DEMONYMS.has(p) || REGIONS.has(p))
  ) {
    return { other: STRONG + 1 };
  }
  const evidence: Evidence = {};
  const add = (kind: EntityKind, weight: number) => {
    evidence[kind] = (evidence[kind] ?? 0) + weight;
  };
  // NATO, BELTA, FBI: acronyms name organisations (country abbreviations were caught above).
  if (/^[A-Z]{2,6}$/.test(name.replace(/\./g, '')) && words.length === 1) add('organization', MEDIUM);
  if (words.length > 1 && ORGANIZATION_HEADS.has(last)) add('organization', STRONG);
  else if (words.length === 1 && ORGANIZATION_HEADS.has(last)) add('organization', MEDIUM);
  if (words.length > 1 && PLACE_HEADS.has(last)) add('place', STRONG);
  // "Fort Harlan", "Camp Verity", "Joint Base Harlan", "Naval Air Station Harlan": a facility or landform
  // word before the last word names a place, whatever person's surname follows it (a photo caption's
  // "arrives at Joint Base …" made the base a person). Not with an organisation head at the end ("Mount
  // Verity Hospital" is a hospital).
  if (
    words.length > 1 &&
    !ORGANIZATION_HEADS.has(last) &&
    words.slice(0, -1).some((w) => PLACE_PREFIXES.has(w.replace(/\.$/, '')))
  )
    add('place', STRONG);
  // "Bank of Lisbon", "Harbor Church of Lisbon": an organisation's head word before "of" (the place after it
  // may be a given name, "Elizabeth", which types nobody here).
  // Likewise before "to" ("Committee to Protect Reporters", which "said" made a person).
  const of = words.findIndex((w) => w === 'of' || w === 'to');
  if (of > 0 && ORGANIZATION_HEADS.has(words[of - 1] ?? '')) add('organization', STRONG);
  if (KNOWN_PEOPLE.has(lower)) add('person', STRONG);
  // "Luis Ortega Jr.", "Ike Parsons III": a generational suffix ends only people's names.
  // ("World War II" is no name: its words are ordinary ones.)
  if (words.length > 2 && GENERATION_SUFFIXES.has(last) && !words.slice(0, -1).some((w) => isOrdinaryWord(w)))
    add('person', STRONG);
  if (words.length > 1 && GIVEN_NAMES.has(first)) add('person', MEDIUM);
  // "Hillary said", "Kate's book": a given name alone usually still names a person.
  if (words.length === 1 && GIVEN_NAMES.has(first)) add('person', WEAK);
  // "Sherrod Brown", "JD Vance", "Rand Paul": a known surname or given name ending a multi-word name
  // (organisation and place heads were checked above) is good evidence; alone ("Brown") it is weak.
  const nameLike = KNOWN_SURNAMES.has(last) || (words.length > 1 && GIVEN_NAMES.has(last));
  if (nameLike) add('person', words.length > 1 && !ORGANIZATION_HEADS.has(last) ? MEDIUM : WEAK);
  else if (SURNAME_ENDING.test(last) && /^\p{Lu}/u.test(name.split(/\s+/).pop() ?? '')) add('person', WEAK);
  return evidence;
}

/**
 * "born in Kent", "based in Sydney", "lives in Florence": where someone is born, lives or is based is a
 * place, whatever person's name it shares: the name lexicon's strong evidence ("Kent") loses to it, and an
 * attacker "born in Kent" no longer brought a person "Kent" into the report.
 */
const RESIDENCE_VERBS = new Set([
  'born',
  'raised',
  'based',
  'lives',
  'lived',
  'living',
  'resides',
  'resided',
]);

/** Nouns for a member of a party, which end a description ("a Texas Democrat"), never a name. */
const PARTY_MEMBERS = new Set(['republican', 'democrat', 'libertarian', 'tory']);

/** Adjectives and nouns of faiths and denominations (general English; my own list). */
const FAITHS = new Set([
  'catholic',
  'protestant',
  'christian',
  'muslim',
  'jewish',
  'hindu',
  'buddhist',
  'sikh',
  'mormon',
  'orthodox',
  'anglican',
  'baptist',
  'methodist',
  'lutheran',
  'evangelical',
  'presbyterian',
  'episcopalian',
  'pentecostal',
]);

/** Nouns for the people of a faith or an origin that compromise lists as no demonym (general English). */
const FAITH_PEOPLE = new Set([...FAITHS, 'jew', 'latino', 'latina', 'hispanic', 'arab']);

/**
 * Nouns of events a place or an institution is named by (general English, my own list): "the Harlow
 * shooting", "Harlow was a tragedy". A person is not a shooting or a tragedy; the victim of one is named
 * with his full name, which a given name types anyway ("the Tom Ford shooting").
 */
const EVENT_NOUNS = new Set([
  'shooting',
  'shootings',
  'massacre',
  'bombing',
  'bombings',
  'tragedy',
  'rampage',
  'explosion',
  'blast',
  'riot',
  'riots',
  'uprising',
  'earthquake',
  'flood',
  'floods',
  'wildfire',
  'derailment',
  'crash',
  'standoff',
  'siege',
  'killings',
  'attacks',
]);

/** Generational suffixes, with and without the full stop (general English). */
const GENERATION_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

/** Whether the evidence so far already names a kind with confidence, so compromise need not be asked. */
export function isDecided(...evidence: Evidence[]): boolean {
  return evidence.some((ev) => Object.values(ev).some((w) => (w ?? 0) >= MEDIUM));
}

/** Evidence from the words around one mention. */
export function contextEvidence(layer: TokenLayer, c: Candidate): Evidence {
  const { tokens } = layer;
  const evidence: Evidence = {};
  const add = (kind: EntityKind, weight: number) => {
    evidence[kind] = (evidence[kind] ?? 0) + weight;
  };
  // Title words split off the front: "President", "Gov.", "Kremlin spokesman" (lower-case role nouns
  // before a capitalised title are checked too).
  // A title before a plural names a camp, not a person: "Republican Jews", "Democratic senators".
  const plural =
    c.titleFirst < c.firstToken &&
    c.endToken - c.firstToken === 1 &&
    ((nameEvidence(c.text).group ?? 0) > 0 || isPluralCommonNoun(c.text.toLowerCase()));
  for (let t = c.titleFirst; t < c.firstToken; t++) {
    const lower = (tokens[t]?.text ?? '').toLowerCase().replace(/\.$/, '');
    if (TITLE_WORDS.has(lower) && !DEMONYMS.has(lower) && !COUNTRIES.has(lower))
      add(plural ? 'group' : 'person', STRONG);
  }
  const before = tokens[c.titleFirst - 1];
  const beforeLower = before?.text.toLowerCase() ?? '';
  if (before && ROLE_NOUNS.has(beforeLower) && before.pos !== 'PROPN') add('person', STRONG);
  if (before && ORGANIZATION_NOUNS.has(beforeLower)) add('organization', STRONG);
  if (['in', 'near', 'from', 'to'].includes(beforeLower) && c.endToken - c.firstToken === 1)
    add(
      'place',
      RESIDENCE_VERBS.has((tokens[c.titleFirst - 2]?.text ?? '').toLowerCase()) ? STRONG + 1 : WEAK,
    );
  // "the city of Varanesh", "58 km south-west of Varanesh": outweighs a name that looks like a person's
  // ("Bandar", "Alexandria", "Santa" are given names) on two such mentions (ECB+ train: a quake's port
  // city typed a person in ten outlets).
  if (beforeLower === 'of' && c.titleFirst === c.firstToken) {
    const noun = (tokens[c.titleFirst - 2]?.text ?? '').toLowerCase();
    if (PLACE_OF_NOUNS.has(noun) || BEARING.test(noun)) add('place', STRONG);
  }
  // "Peskov said", "said Peskov", "Lukashenko, self-proclaimed president of Belarus,"
  const after = tokens[c.possessive ? c.endToken + 1 : c.endToken];
  if (
    !c.possessive &&
    after &&
    PERSON_LED_NOUNS.has(after.text.toLowerCase()) &&
    c.endToken - c.firstToken === 1
  ) {
    add('person', MEDIUM);
  }
  if (!c.possessive && after && selfAsIt(layer, c.endToken)) add('organization', STRONG + 1);
  // "Senator Ann Lee of Riverton, the senior Democrat on …": after "of" and a name, the appositive is that
  // name's, and says nothing of the place.
  const ofAName = beforeLower === 'of' && /^\p{Lu}/u.test(tokens[c.titleFirst - 2]?.text ?? '');
  if (!c.possessive && after?.text === ',' && !ofAName) {
    const head = appositiveHead(layer, c.endToken + 1);
    if (head && ROLE_NOUNS.has(head)) add('person', MEDIUM);
    if (head && ORGANIZATION_NOUNS.has(head)) add('organization', MEDIUM);
  }
  // "Kowalczyk defended his title", "Kowalczyk hanged himself": a verb right after the name, then a
  // personal possessive or reflexive — a team or a firm takes "its"/"their"/"itself".
  if (
    !c.possessive &&
    after &&
    (after.pos === 'VERB' || after.pos === 'AUX') &&
    /^(?:his|her|himself|herself)$/i.test(tokens[c.endToken + 1]?.text ?? '') &&
    tokens[c.endToken + 1]?.sentence === after.sentence
  )
    add('person', MEDIUM);
  // "Kowalczyk, who …" — only people take "who"; "the 32-year-old Kowalczyk" — only people have ages.
  if (!c.possessive && after?.text === ',' && tokens[c.endToken + 1]?.text.toLowerCase() === 'who')
    add('person', MEDIUM);
  // … unless the name only modifies the noun after it: in "a 35-year-old Easton man" the age is the man's.
  const modifiesNoun = after?.pos === 'NOUN' && /^\p{Ll}/u.test(after.text) && !c.possessive;
  if (/^\d+-years?-old$/i.test(before?.text ?? '') && !modifiesNoun) add('person', MEDIUM);
  // "Kowalczyk, 49, escaped": an age between commas right after the name.
  if (
    !c.possessive &&
    after?.text === ',' &&
    /^\d{1,3}$/.test(tokens[c.endToken + 1]?.text ?? '') &&
    Number(tokens[c.endToken + 1]?.text) <= 120 &&
    tokens[c.endToken + 2]?.text === ','
  )
    add('person', MEDIUM);
  // "Trump is a good guy", "Lukashenko is a close ally of …"; "Harlow was a national tragedy" is no one.
  if (!c.possessive && after && COPULAS.has(after.text.toLowerCase())) {
    const head = appositiveHead(layer, c.endToken + 1);
    if (head && ROLE_NOUNS.has(head)) add('person', MEDIUM);
    if (head && EVENT_NOUNS.has(head)) add('other', STRONG);
  }
  // "the Harlow shooting", "after the Harlow massacre": a name modifying an event noun names a place.
  if (!c.possessive && after && EVENT_NOUNS.has(after.text) && c.endToken - c.firstToken <= 2)
    add('place', MEDIUM);
  return evidence;
}

/**
 * "Peskov said", "said Peskov.": a speech verb beside the name is weak evidence of a person, counted once
 * per name however often the name speaks (pooled apart from the other context evidence). Ministries,
 * parliaments and the White House speak in news as often as people: three "the White House said" outweighed
 * the organisation head of its name, and the White House became a person.
 */
export function speaksLikePerson(layer: TokenLayer, c: Candidate): boolean {
  const { tokens } = layer;
  const after = tokens[c.possessive ? c.endToken + 1 : c.endToken];
  if (!c.possessive && after && isSpeechVerb(after.text)) return true;
  const before = tokens[c.titleFirst - 1];
  return !!before && isSpeechVerb(before.text) && /^[.,!?]?$/.test(tokens[c.endToken]?.text ?? '.');
}

/**
 * "Corvane said in a statement that it had found no errors", "Corvane has said it will appeal": the name's
 * speech verb (right after it, past an auxiliary or adverb) reports a clause whose subject is "it" acting
 * (an auxiliary, then a verb that is no copula): the speaker calls itself "it", which no person does. "Ruiz
 * said it was a mistake" (an expletive "it", a copula after it) says nothing. `at` is the token after the
 * name.
 */
function selfAsIt(layer: TokenLayer, at: number): boolean {
  const { tokens } = layer;
  const sentence = tokens[at]?.sentence;
  let k = at;
  while (k < at + 2 && /^(?:has|had|have|also|later|then)$/i.test(tokens[k]?.text ?? '')) k++;
  if (!isSpeechVerb(tokens[k]?.text ?? '')) return false;
  // Up to a short adjunct ("in a statement on Tuesday") and "that" before the clause's subject.
  for (let t = k + 1; t <= k + REPORT_GAP; t++) {
    const token = tokens[t];
    if (!token || token.sentence !== sentence || /^[,;:"“”—–]$/.test(token.text)) return false;
    if (token.text.toLowerCase() !== 'it') continue;
    const aux = tokens[t + 1];
    // "it would not comment", "it had already found"
    let v = t + 2;
    while (v < t + 4 && /^(?:not|n't|already|also|since)$/i.test(tokens[v]?.text ?? '')) v++;
    const verb = tokens[v];
    return (
      aux?.pos === 'AUX' &&
      IT_AUXILIARIES.has(aux.text.toLowerCase()) &&
      verb?.pos === 'VERB' &&
      !SELF_IT_COPULAS.has(verb.text.toLowerCase())
    );
  }
  return false;
}
/** Tokens between a speech verb and its clause's subject: "in a statement on Tuesday that". */
const REPORT_GAP = 7;
const IT_AUXILIARIES = new Set(['had', 'has', 'have', 'would', 'will', 'could', 'did', 'does']);
const SELF_IT_COPULAS = new Set(['be', 'been', 'being', 'become', 'seem', 'seemed', 'appear', 'appeared']);

/** The first noun of a short noun phrase starting at `from`, before any verb or punctuation. */
function appositiveHead(layer: TokenLayer, from: number): string | null {
  const { tokens } = layer;
  for (let t = from; t < Math.min(from + 8, tokens.length); t++) {
    const token = tokens[t];
    if (!token) break;
    // "crashed near to Parliament, and one man …": a conjunction after the comma opens a new clause, whose
    // noun is no apposition to the name (the man made the parliament a person).
    if (token.pos === 'CCONJ' || token.pos === 'SCONJ') break;
    if (token.pos === 'PUNCT' || token.pos === 'VERB' || token.pos === 'PROPN') {
      if (token.pos === 'VERB' && COPULAS.has(token.text.toLowerCase())) continue;
      break;
    }
    if (token.pos === 'NOUN') {
      const lower = token.text.toLowerCase();
      const next = tokens[t + 1];
      // "a close ally of …" → ally; "internet personality" → personality (the last noun of a run)
      if (next?.pos === 'NOUN') continue;
      return lower;
    }
  }
  return null;
}

export function addEvidence(into: Evidence, more: Evidence): void {
  for (const [kind, weight] of Object.entries(more) as [EntityKind, number][]) {
    into[kind] = (into[kind] ?? 0) + weight;
  }
}

export function decideKind(evidence: Evidence): EntityKind {
  let best: EntityKind = 'other';
  let bestWeight = 0;
  for (const kind of ['person', 'organization', 'place', 'group', 'other'] as const) {
    const weight = evidence[kind] ?? 0;
    if (weight > bestWeight) {
      best = kind;
      bestWeight = weight;
    }
  }
  return best;
}
