// Actors: the entities of every article merged into the story's cast. People merge on the same name, a
// surname of a full name ("Trump" → "Donald Trump"), or a spelling variant of either ("Naufal" /
// "Nawfal", "Zelenskyy" / "Zelensky"); places on the country they name ("U.S." = "United States"); other
// kinds on the same name. Each actor lists every outlet's labels with their tone, and two discrepancies
// come out of the merge: conflicting titles, and spelling variants of one name.
import {
  countryOf,
  isDeputyWord,
  isOrdinaryWord,
  namesAnotherParty,
  partiesIn,
} from '../../annotate/entities/gazetteer.js';
import { isSurnameFirst, sameGivenName } from '../../annotate/entities/index.js';
import type { AnnotatedArticle, Entity } from '../../model/article.js';
import type { Actor, Discrepancy, EvidenceSpan, Label, Tone } from '../../model/report.js';
import { labelKey, normalName } from '../../text/label-key.js';
import { nameWords, similarNames } from '../../text/names.js';
import { toneOf } from '../../text/tone.js';

export interface ActorResult {
  actors: Actor[];
  discrepancies: Discrepancy[];
  actorOf(articleId: string, entityId: string): string | null;
  negativeSpans(articleId: string): readonly { start: number; end: number }[];
  toneOf(text: string): { tone: Tone; words: string[] };
}

/** Offices that cannot both be true of one person at one time ("President" vs "Prime Minister"). */
const OFFICES = [
  'prime minister',
  'vice president',
  'president',
  'premier',
  'chancellor',
  'minister',
  'secretary',
  'mayor',
  'governor',
  'senator',
  'king',
  'queen',
  'prince',
  'spokesperson',
  'chief',
  'director',
  'ambassador',
  'speaker',
  'council member',
  'chair',
  'judge',
  'engineer',
];
/** Gendered or variant forms of one office compare as one ("spokesman" = "spokesperson"). */
const OFFICE_FORMS: Record<string, string> = {
  spokesman: 'spokesperson',
  spokeswoman: 'spokesperson',
  councilman: 'council member',
  councilwoman: 'council member',
  councilmember: 'council member',
  chairman: 'chair',
  chairwoman: 'chair',
  premier: 'prime minister',
};
const KIND_ORDER: readonly Actor['kind'][] = ['person', 'organization', 'place', 'group', 'other'];

export interface Member {
  article: AnnotatedArticle;
  entity: Entity;
}

/** Append to a list in a map of lists (spreading a copy on every append is quadratic). */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    let node = i;
    while (this.parent[node] !== root) {
      const next = this.parent[node] ?? root;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

const normal = normalName;
/** Name words are asked for on every pairwise comparison; names repeat, so they are worked out once per
 * comparison run (the memo is cleared at the end of the run, so it never holds article texts). */
const nameWordsMemo = new Map<string, string[]>();
function wordsOf(name: string): string[] {
  let words = nameWordsMemo.get(name);
  if (!words) {
    // "Kim Jong-un" = "Kim Jong Un": hyphen-joined lower-case syllables are one given name either way.
    // "Luis Gerardo (Jerry) Ortiz": the bracketed nickname is one of his given names ("Jerry Ortiz").
    words = nameWords(normal(name.replace(/(\p{L})-(\p{Ll})/gu, '$1 $2').replace(/[()]/g, '')));
    nameWordsMemo.set(name, words);
  }
  return words;
}
const surname = (name: string) => wordsOf(name).at(-1) ?? '';

const givenNames = (name: string) => wordsOf(name).slice(0, -1);
const isInitial = (word: string) => /^\p{L}\.?$/u.test(word);

/** Two given names that can be one person's: one name (equal, a variant, a short form), or an initial of the other. */
function sameGiven(x: string, y: string): boolean {
  if (sameGivenName(x, y)) return true;
  return (isInitial(x) || isInitial(y)) && x[0] === y[0];
}

/**
 * Whether two person names can be the same person: same surname (or a spelling of it), given names not
 * in conflict. "Mark Ruiz" and "Miles Ruiz" share an initial but are two people; "M. Ruiz" may be
 * either; "J. Mark Ruiz" and "Mark Ruiz" share the given name "Mark".
 */
function samePerson(a: string, b: string): boolean {
  if (!similarNames(surname(a), surname(b))) return false;
  const ga = givenNames(a);
  const gb = givenNames(b);
  if (ga.length === 0 || gb.length === 0) return true;
  return ga.some((x) => gb.some((y) => sameGiven(x, y)));
}

/** The key non-person entities merge on: the country a place names, else the normalised name. */
function mergeKey(e: Entity): string {
  if (e.kind === 'place') {
    const country = countryOf(e.name);
    if (country) return `place:${country}`;
  }
  return `${e.kind === 'group' || e.kind === 'other' ? 'misc' : e.kind}:${normal(e.name)}`;
}

export function compareActors(articles: readonly AnnotatedArticle[]): ActorResult {
  const kinds = storyKinds(articles);
  const members: Member[] = articles.flatMap((article) =>
    article.entities.map((entity) => {
      const kind = kinds.get(normal(entity.name));
      return { article, entity: kind && kind !== entity.kind ? { ...entity, kind } : entity };
    }),
  );
  const uf = new UnionFind(members.length);

  // Non-people: one pass over a key index. People: full names first, then bare surnames join a unique match.
  // A name that another article types as a person is that person: "Zbignev Kowalczyk" left
  // 'other' in one outlet (nothing around it said person) while another calls him "the 32-year-old
  // Zbignev Kowalczyk"; a bare untyped surname likewise when a typed full name of the story ends with it.
  const personNames = new Set<string>();
  const personSurnames = new Set<string>();
  for (const m of members) {
    if (m.entity.kind !== 'person') continue;
    personNames.add(normal(m.entity.name));
    if (wordsOf(m.entity.name).length > 1) personSurnames.add(surname(m.entity.name));
  }
  // A full name typed otherwise in one article ("Ana Ford" as a company, for the surname) follows the
  // articles that type that same full name as a person.
  const isPerson = (e: Entity) =>
    e.kind === 'person' ||
    (wordsOf(e.name).length > 1 && personNames.has(normal(e.name))) ||
    (e.kind === 'other' && wordsOf(e.name).length === 1 && personSurnames.has(surname(e.name)));
  const byKey = new Map<string, number>();
  members.forEach((m, i) => {
    if (isPerson(m.entity)) return;
    const key = mergeKey(m.entity);
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, i);
    else uf.union(first, i);
  });
  const people = members.map((m, i) => ({ m, i })).filter(({ m }) => isPerson(m.entity));
  const full = people.filter(({ m }) => wordsOf(m.entity.name).length > 1);
  const bySurnameInitial = new Map<string, number[]>();
  for (const { m, i } of full) {
    const key = surname(m.entity.name)[0] ?? '';
    pushTo(bySurnameInitial, key, i);
  }
  // "Kim" joins "Kim Jong-un" (surname first; see isSurnameFirst), by the first word.
  const surnameFirst = new Map<string, number[]>();
  for (const { m, i } of full) {
    if (isSurnameFirst(m.entity.name) || m.entity.mentions.some((x) => isSurnameFirst(x.text)))
      pushTo(surnameFirst, wordsOf(m.entity.name)[0] ?? '', i);
  }
  for (const { m, i } of full) {
    for (const j of bySurnameInitial.get(surname(m.entity.name)[0] ?? '') ?? []) {
      if (j > i && samePerson(m.entity.name, members[j]?.entity.name ?? '')) uf.union(i, j);
    }
  }
  // A bare surname its own article keeps apart from a person of that surname ("Mr. Lindqvist" beside
  // Helena Lindqvist; "Secretary Lindqvist" beside "former President Tomas Lindqvist", her husband; "Mrs.
  // Lindqvist" beside another bare "Mr. Lindqvist") was kept apart on evidence the story no longer sees
  // (the titles, the paragraph): it never joins that person, here or through another article.
  const apartOf = new Map<number, number[]>();
  const personsByArticle = new Map<AnnotatedArticle, number[]>();
  for (const { m, i } of people) if (m.entity.kind === 'person') pushTo(personsByArticle, m.article, i);
  for (const { m, i } of people) {
    // A bare surname typed otherwise ("Lohan" left 'other') was never weighed against the full name.
    if (m.entity.kind !== 'person' || wordsOf(m.entity.name).length > 1) continue;
    const kept = (personsByArticle.get(m.article) ?? []).filter(
      (j) => j !== i && samePerson(m.entity.name, members[j]?.entity.name ?? ''),
    );
    if (kept.length > 0) apartOf.set(i, kept);
  }
  const clash = (ra: number, rb: number) =>
    (apartOf.get(ra) ?? []).some((j) => uf.find(j) === rb) ||
    (apartOf.get(rb) ?? []).some((j) => uf.find(j) === ra);
  const join = (a: number, b: number) => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb || clash(ra, rb)) return;
    uf.union(ra, rb);
    const kept = [...(apartOf.get(ra) ?? []), ...(apartOf.get(rb) ?? [])];
    if (kept.length > 0) apartOf.set(uf.find(ra), kept);
  };
  for (const { m, i } of people) {
    if (wordsOf(m.entity.name).length > 1) continue;
    const word = surname(m.entity.name);
    const candidates = new Set(
      (bySurnameInitial.get(word[0] ?? '') ?? [])
        .filter((j) => samePerson(m.entity.name, members[j]?.entity.name ?? ''))
        .concat(surnameFirst.get(word) ?? [])
        .map((j) => uf.find(j))
        .filter((r) => !clash(uf.find(i), r)),
    );
    // "Trump" joins "Donald Trump" only when no other person of the story shares that surname (and no
    // person its article keeps apart from it: see apartOf).
    const [only] = [...candidates];
    if (candidates.size === 1 && only !== undefined) join(i, only);
  }
  // Single-word people with the same (or a variant) name across articles ("Putin" in two outlets that
  // never give his first name), unless both already joined different full names. Compared within the
  // same initial only, so the cost stays near linear in the number of names.
  const withFullName = new Set(full.map(({ i }) => uf.find(i)));
  const singlesByInitial = new Map<string, number[]>();
  for (const { m, i } of people) {
    if (wordsOf(m.entity.name).length !== 1) continue;
    const key = surname(m.entity.name)[0] ?? '';
    pushTo(singlesByInitial, key, i);
  }
  for (const bucket of singlesByInitial.values()) {
    for (const [k, a] of bucket.entries()) {
      for (const b of bucket.slice(k + 1)) {
        const ra = uf.find(a);
        const rb = uf.find(b);
        if (ra === rb || (withFullName.has(ra) && withFullName.has(rb))) continue;
        if (clash(ra, rb)) continue;
        if (similarNames(surname(members[a]?.entity.name ?? ''), surname(members[b]?.entity.name ?? ''))) {
          join(a, b);
          if (withFullName.has(ra) || withFullName.has(rb)) withFullName.add(uf.find(a));
        }
      }
    }
  }

  const groups = new Map<number, Member[]>();
  members.forEach((m, i) => {
    const root = uf.find(i);
    pushTo(groups, root, m);
  });
  const ordered = [...groups.values()]
    .map((group) => ({
      group,
      kind: majorityKind(group),
      weight: group.reduce((n, m) => n + m.entity.mentions.length, 0),
    }))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.weight - a.weight);

  const actorIds = new Map<string, string>();
  const groupOfActor = new Map<string, Member[]>();
  const negatives = new Map<string, { start: number; end: number }[]>();
  const actors: Actor[] = [];
  const discrepancies: Discrepancy[] = [];
  for (const [n, { group, kind }] of ordered.entries()) {
    const id = `a${n + 1}`;
    for (const m of group) actorIds.set(`${m.article.id}\u0000${m.entity.id}`, id);
    groupOfActor.set(id, group);
    actors.push(buildActor(id, kind, group));
  }
  resolveAcrossOutlets(articles, actors, groupOfActor);
  dropOtherPartyInferences(articles, actors);
  for (const actor of actors) {
    const group = groupOfActor.get(actor.id) ?? [];
    for (const label of actor.labels) {
      if (label.tone !== 'negative') continue;
      for (const e of label.evidence ?? []) pushTo(negatives, e.article, e);
    }
    discrepancies.push(...titleDiscrepancies(actor, group), ...spellingDiscrepancies(actor, group));
  }
  nameWordsMemo.clear();
  return {
    actors,
    discrepancies,
    actorOf: (articleId, entityId) => actorIds.get(`${articleId}\u0000${entityId}`) ?? null,
    negativeSpans: (articleId) => negatives.get(articleId) ?? [],
    toneOf,
  };
}

/**
 * A full name the story's articles type as a person in some outlets and as an organisation or a place in
 * others is what most of its mentions say: "the Harbor City Gulls" typed an organisation in ten outlets
 * ("the Gulls beat …", "Gulls coach …") and a person in one ("the Harbor City Gulls said") is the team,
 * and that one outlet no longer makes every outlet's team a person (below, a person typing in one article
 * used to win: any person member made the actor a person). Counted in mentions; untyped ('other') and
 * group typings cast no vote; a person keeps the name on a tie. Bare single words are left to the
 * surname merges ("Ford" the firm and "Ford" the president can share a story). Measured on ECB+
 * train (sports teams typed a person in one or two of a dozen outlets): person mention precision 0.696 →
 * 0.716, organisation F1 0.355 → 0.401, person B³ and wrong merges unchanged.
 */
function storyKinds(articles: readonly AnnotatedArticle[]): Map<string, Actor['kind']> {
  const votes = new Map<string, Map<Actor['kind'], number>>();
  for (const article of articles)
    for (const e of article.entities) {
      if (e.kind === 'other' || e.kind === 'group' || wordsOf(e.name).length < 2) continue;
      const key = normal(e.name);
      const tally = votes.get(key) ?? new Map<Actor['kind'], number>();
      votes.set(key, tally);
      tally.set(e.kind, (tally.get(e.kind) ?? 0) + e.mentions.length);
    }
  const kinds = new Map<string, Actor['kind']>();
  for (const [key, tally] of votes) {
    const person = tally.get('person') ?? 0;
    if (person === 0 || tally.size < 2) continue;
    const [kind, count] = [...tally.entries()]
      .filter(([k]) => k !== 'person')
      .sort((a, b) => b[1] - a[1] || KIND_ORDER.indexOf(a[0]) - KIND_ORDER.indexOf(b[0]))[0] ?? ['other', 0];
    if (count > person) kinds.set(key, kind);
  }
  return kinds;
}

function majorityKind(group: readonly Member[]): Actor['kind'] {
  // Only the person merge joins a person entity with entities of other kinds ("Ana Ford" typed as a
  // company in one outlet, untyped in another), so such a group is that person.
  if (group.some((m) => m.entity.kind === 'person')) return 'person';
  const votes = new Map<Actor['kind'], number>();
  for (const m of group) votes.set(m.entity.kind, (votes.get(m.entity.kind) ?? 0) + m.entity.mentions.length);
  return (
    [...votes.entries()].sort(
      (a, b) => b[1] - a[1] || KIND_ORDER.indexOf(a[0]) - KIND_ORDER.indexOf(b[0]),
    )[0]?.[0] ?? 'other'
  );
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? '';
}

function buildActor(id: string, kind: Actor['kind'], group: readonly Member[]): Actor {
  // The name: the full form most articles use, the longer on a tie ("Volodymyr Zelensky" over "Volodymyr
  // Zelenskyy" when more outlets spell it so; never the bare surname when a full name exists). Not simply
  // the longest: one writer's "Senate Majority Tom Hale", the office without its "Leader", headed a
  // seven-outlet actor whose other articles all wrote "Tom Hale".
  const names = group.map((m) => m.entity.name);
  const full = names.filter((n) => wordsOf(n).length > 1);
  const name = mostCommon(full.length > 0 ? full : names);
  const mentions: EvidenceSpan[] = group.flatMap((m) =>
    m.entity.mentions.map((x) => ({ article: m.article.id, start: x.start, end: x.end, text: x.text })),
  );
  const aliases = [...new Set(mentions.map((x) => x.text))].filter((t) => t !== name);
  const references: EvidenceSpan[] = group.flatMap((m) =>
    (m.entity.references ?? []).map((x) => ({
      article: m.article.id,
      start: x.start,
      end: x.end,
      text: x.text,
    })),
  );
  return {
    id,
    name,
    kind,
    aliases,
    labels: buildLabels(group),
    mentions,
    ...(references.length ? { references } : {}),
  };
}

/**
 * The outlet's own labels. A descriptor inside a quote ("“Trump is a good guy,” he said") is the
 * speaker's word for the actor, not the outlet's, so it does not count here.
 */
export function buildLabels(group: readonly Member[]): Label[] {
  const byText = new Map<string, { forms: string[]; evidence: EvidenceSpan[] }>();
  for (const m of group) {
    for (const d of m.entity.descriptors) {
      if (m.article.quotes.some((q) => d.start >= q.start && d.end <= q.end)) continue;
      const key = labelKey(d.text);
      const entry = byText.get(key) ?? { forms: [], evidence: [] };
      entry.forms.push(d.text);
      entry.evidence.push({ article: m.article.id, start: d.start, end: d.end, text: d.text });
      byText.set(key, entry);
    }
  }
  return [...byText.values()]
    .map(({ forms, evidence }) => {
      const text = mostCommon(forms);
      const { tone, words } = toneOf(text);
      return {
        text,
        articles: [...new Set(evidence.map((e) => e.article))],
        tone,
        toneWords: words,
        evidence,
      };
    })
    .sort((a, b) => b.articles.length - a.articles.length || a.text.localeCompare(b.text));
}

// A press secretary is the spokesperson of whoever employs her: "White House press secretary Ann Lee" and
// "White House spokeswoman Ann Lee" are one office described two ways, not a conflict.
const SPOKESPERSON_OFFICES = /\b(?:press|communications) secretary\b/g;

function officeOf(label: string): string | null {
  const lower = (normal(label).split(/\s+of\s+/)[0] ?? '')
    .replace(SPOKESPERSON_OFFICES, 'spokesperson')
    .split(' ')
    .map((w) => OFFICE_FORMS[w] ?? w)
    .join(' ');
  return OFFICES.find((o) => new RegExp(`(^|\\s)${o}(\\s|$)`).test(lower)) ?? null;
}

/**
 * Words before an office that make it another office: a deputy minister is not the minister. "Former",
 * "then-" and "late" do not: "President X's tax cuts" and "former President X" are both true, of
 * different times, and outlets write both of one person all the time (on the blind check's stories every
 * former/current pair was a historical reference, not a conflict).
 */
const SLOT_MODIFIERS = /(?:^|\s)(deputy|assistant|vice)(?=[\s-])/;

/** The office slot a label fills ("former senator", "deputy minister", "president"), or null for no office. */
function officeSlot(label: string): string | null {
  const office = officeOf(label);
  if (!office) return null;
  const before = normal(label).split(/\s+of\s+/)[0] ?? '';
  const modifier = SLOT_MODIFIERS.exec(before)?.[1];
  return modifier && !office.startsWith(modifier) ? `${modifier} ${office}` : office;
}

/**
 * Words that date an office to the past: "former deputy director" and "former acting director" name two
 * offices one person held in turn, both true; "then-Governor" is the office at the time told about.
 */
const PAST_OFFICE = /(?:^|\s)(?:former|ex|onetime|one-time|erstwhile|late|then)(?=[\s-])/;
/**
 * Words that make an office a stand-in: an acting or interim head is, as a rule, the deputy serving in the
 * head's place, so "acting director" and "deputy director" are one person's two offices at once.
 */
const STAND_IN = /(?:^|\s)(?:acting|interim)(?=\s)/;

interface OfficeLabel {
  slot: string;
  past: boolean;
  standIn: boolean;
  /** "Bureau chief": news shorthand for whoever heads the body, whatever the office is called. */
  head: boolean;
}

function officeLabel(text: string): OfficeLabel | null {
  const slot = officeSlot(text);
  if (!slot) return null;
  const [before = '', ...of] = normal(text).split(/\s+of\s+/);
  return {
    slot,
    past: PAST_OFFICE.test(before),
    standIn: STAND_IN.test(before),
    head: slot === 'chief' && of.length === 0 && /(?:^|\s)chief$/.test(before),
  };
}

/**
 * Whether two outlets' offices for one person cannot both be true. Different slots conflict unless both
 * are past offices (held in turn, not at once: "former deputy director" / "former acting director") or one
 * is a stand-in for the head's office the other gives as deputy ("acting director" / "deputy director"),
 * or one is the bare "chief" of news shorthand for the head of a body ("Bureau chief" / "Bureau director").
 */
function officesConflict(x: OfficeLabel, y: OfficeLabel): boolean {
  if (x.slot === y.slot) return false;
  if (x.past && y.past) return false;
  // "Bureau chief" / "Bureau director": the headline word for the head against the office's own name.
  if ((x.head && !SLOT_MODIFIERS.test(y.slot)) || (y.head && !SLOT_MODIFIERS.test(x.slot))) return false;
  const deputyOf = (a: OfficeLabel, b: OfficeLabel) => a.standIn && b.slot.endsWith(` ${a.slot}`);
  return !(deputyOf(x, y) || deputyOf(y, x));
}

/**
 * Conflicting titles: two outlets give the actor different offices ("President" vs "Prime Minister",
 * "deputy minister" vs "minister"). Only labels that name an office count, and only labels the outlet
 * wrote next to the person's name (a title, an apposition, a predicate): a definite description the
 * annotator resolved ("the director's decision") is its guess at who is meant, and an article that also
 * speaks of another director would plant that man's office on this one. Only between outlets that do not
 * themselves use both offices: an article that calls someone "president" and "chancellor" is describing
 * several people or several times, and its labels are no conflict with another outlet's. Labels of
 * different tone ("Belarusian President" / "self-proclaimed president") are shown with their tone on the
 * actor; different descriptive words ("longtime lawmaker" / "Texas Republican") are not a conflict.
 */
function titleDiscrepancies(actor: Actor, group: readonly Member[]): Discrepancy[] {
  const named = new Map<
    string,
    { label: OfficeLabel; forms: string[]; articles: Set<string>; evidence: EvidenceSpan[] }
  >();
  const byArticle = new Map<string, OfficeLabel[]>();
  for (const m of group) {
    for (const d of m.entity.descriptors) {
      if (d.via === 'reference') continue;
      if (m.article.quotes.some((q) => d.start >= q.start && d.end <= q.end)) continue;
      const label = officeLabel(d.text);
      if (!label) continue;
      const key = labelKey(d.text);
      const entry = named.get(key) ?? { label, forms: [], articles: new Set<string>(), evidence: [] };
      entry.forms.push(d.text);
      entry.articles.add(m.article.id);
      entry.evidence.push({ article: m.article.id, start: d.start, end: d.end, text: d.text });
      named.set(key, entry);
      pushTo(byArticle, m.article.id, label);
    }
  }
  const conflicting = new Set<OfficeLabel>();
  const entries = [...byArticle.values()];
  for (const [i, mine] of entries.entries()) {
    for (const theirs of entries.slice(i + 1)) {
      for (const x of mine) {
        if (theirs.some((y) => y.slot === x.slot)) continue;
        for (const y of theirs) {
          if (mine.some((z) => z.slot === y.slot) || !officesConflict(x, y)) continue;
          conflicting.add(x).add(y);
        }
      }
    }
  }
  if (conflicting.size < 2) return [];
  const chosen = [...named.values()].filter((e) => [...conflicting].some((c) => sameOffice(c, e.label)));
  const slots = [...new Set(chosen.map((e) => e.label.slot))];
  if (slots.length < 2) return [];
  return [
    {
      kind: 'title',
      subject: actor.id,
      values: chosen.map((e) => ({ value: mostCommon(e.forms), articles: [...e.articles] })),
      note: `Outlets give ${actor.name} different offices: ${slots.join(', ')}.`,
      evidence: chosen.flatMap((e) => e.evidence),
    },
  ];
}

const sameOffice = (a: OfficeLabel, b: OfficeLabel) =>
  a.slot === b.slot && a.past === b.past && a.standIn === b.standIn && a.head === b.head;

/** Letters only, without case or accents: "O'Neil" = "ONeil", "Müller" = "Muller" (typography, not spelling). */
const bareLetters = (word: string) =>
  word
    .normalize('NFD')
    .replace(/[^\p{L}]/gu, '')
    .toLowerCase();

/** "Smiths" / "Smith", "Smith's" / "Smith": a plural or a possessive of one name, not another spelling. */
function inflectionOf(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long === `${short}s` || long === `${short}es`;
}

/**
 * Two surname forms that are one name spelled two ways: a small edit within the word (similarNames:
 * "Nowak" / "Novak", "Petrovsky" / "Petrovskyy"), and not only case, accents, punctuation, a plural or a
 * possessive. A first name against a surname, or "European" against "Union", never passes.
 */
export function spellingVariant(a: string, b: string): boolean {
  const x = bareLetters(a);
  const y = bareLetters(b);
  if (x === y || inflectionOf(x, y) || !similarNames(x, y)) return false;
  // An edit in the last two letters only is a word ending ("Democrats" / "Democracy", "Americans" /
  // "American") unless it is a vowel or a "y" ("Petrovsky" / "Petrovskiy" / "Petrovskyy", "Kowalski" /
  // "Kowalsky") or a doubled letter.
  let p = 0;
  while (p < x.length && x[p] === y[p]) p++;
  if (p < Math.min(x.length, y.length) - 2) return true;
  let q = 0;
  while (q < Math.min(x.length, y.length) - p && x[x.length - 1 - q] === y[y.length - 1 - q]) q++;
  const [ex, ey] = [x.slice(p, x.length - q), y.slice(p, y.length - q)];
  if (/^[aeiouy]*$/.test(ex) && /^[aeiouy]*$/.test(ey)) return true;
  const doubled = (long: string, short: string) => long.length === short.length + 1 && long[0] === x[p - 1];
  return doubled(ex, ey) || doubled(ey, ex);
}

/**
 * Spelling variants of one name across articles: "Mario Nawfal" / "Mario Naufal". Only forms that are a
 * spelling variant of another form some other article uses are values: the actor's first name alone
 * ("Mario") or a plural ("the Nawfals") is no other spelling, and two forms only one article writes are
 * no difference between outlets.
 */
function spellingDiscrepancies(actor: Actor, group: readonly Member[]): Discrepancy[] {
  if (actor.kind !== 'person') return [];
  const bySpelling = new Map<string, { articles: Set<string>; texts: string[]; evidence: EvidenceSpan[] }>();
  for (const m of group) {
    for (const x of m.entity.mentions) {
      // Inside quotation marks the spelling is the quoted writer's ("“I am stunned by Kelley's lies,” a
      // host tweeted"), not the outlet's.
      if (m.article.quotes.some((q) => x.start >= q.start && x.end <= q.end)) continue;
      // A lone capitalised English word ("“Really, this is the guy?”") taken for the surname is no spelling
      // of it.
      if (!x.text.includes(' ') && isOrdinaryWord(x.text.toLowerCase())) continue;
      const spelled = bareLetters(surname(x.text));
      if (!spelled) continue;
      const entry = bySpelling.get(spelled) ?? { articles: new Set(), texts: [], evidence: [] };
      entry.texts.push(x.text);
      if (!entry.articles.has(m.article.id)) {
        entry.articles.add(m.article.id);
        entry.evidence.push({ article: m.article.id, start: x.start, end: x.end, text: x.text });
      }
      bySpelling.set(spelled, entry);
    }
  }
  const forms = [...bySpelling.keys()];
  const conflicting = new Set<string>();
  for (const [i, a] of forms.entries()) {
    for (const b of forms.slice(i + 1)) {
      const left = bySpelling.get(a)?.articles ?? new Set<string>();
      const right = bySpelling.get(b)?.articles ?? new Set<string>();
      // Two different articles write the two forms (one may write both: a typo it corrects itself is
      // still what its readers saw, next to another outlet's spelling).
      const acrossArticles = [...left].some((x) => [...right].some((y) => x !== y));
      if (acrossArticles && spellingVariant(a, b)) {
        conflicting.add(a);
        conflicting.add(b);
      }
    }
  }
  if (conflicting.size < 2) return [];
  const chosen = forms.filter((f) => conflicting.has(f));
  const values = chosen.map((form) => {
    const entry = bySpelling.get(form);
    const full = entry?.texts ?? [];
    return {
      value: mostCommon(full.filter((t) => wordsOf(t).length > 1)) || mostCommon(full),
      articles: [...(entry?.articles ?? [])],
    };
  });
  return [
    {
      kind: 'spelling',
      subject: actor.id,
      values,
      note: `Outlets spell ${actor.name}'s name ${values.length} ways: ${values.map((v) => v.value).join(' / ')}.`,
      evidence: chosen.flatMap((f) => bySpelling.get(f)?.evidence ?? []),
    },
  ];
}

/** The role a label names: its last word before any "of" phrase, in one form per office. */
export function labelHead(text: string): string {
  const words = (normal(text).split(/\s+of\s+/)[0] ?? '').replace(/\./g, '').split(' ');
  const last = words.at(-1) ?? '';
  return OFFICE_FORMS[last] ?? last;
}

function countriesIn(text: string): Set<string> {
  return new Set(
    normal(text)
      .split(/[\s,]+/)
      .map((w) => countryOf(w))
      .filter((c): c is string => c !== null),
  );
}

/** Attachments that sit next to the name; a resolved description ('reference') is an inference. */
const BESIDE_THE_NAME: ReadonlySet<string> = new Set(['title', 'appositive', 'predicate']);

/**
 * An inferred label naming a party that the labels written beside the person's name in other outlets
 * contradict is a wrong inference, dropped: an article naming both candidates but titling only one
 * ("presidential nominee Tom Hale") resolves its "the Democratic nominee" to him, the only nominee it
 * titles, while three other outlets write "Republican nominee Tom Hale". Labels written beside the name
 * stay whatever they say (a politician who changed party is called both).
 */
function dropOtherPartyInferences(articles: readonly AnnotatedArticle[], actors: Actor[]): void {
  const besideName = new Set<string>();
  for (const article of articles)
    for (const e of article.entities)
      for (const d of e.descriptors)
        if (BESIDE_THE_NAME.has(d.via)) besideName.add(`${article.id}:${d.start}:${d.end}`);
  const isBeside = (label: Label) =>
    (label.evidence ?? []).some((e) => besideName.has(`${e.article}:${e.start}:${e.end}`));
  for (const actor of actors) {
    if (actor.kind !== 'person') continue;
    const held = partiesIn(
      actor.labels
        .filter(isBeside)
        .map((l) => l.text)
        .join(' '),
    );
    if (held.size === 0) continue;
    actor.labels = actor.labels.filter((l) => isBeside(l) || !namesAnotherParty(partiesIn(l.text), held));
  }
}

/**
 * A description an article could not settle on its own ("The embattled mayor of Port X spent…" before the
 * mayor is named; "the U.S. president" in an outlet that never gives Trump a title) refers to the one
 * person named in that article whom some outlet of the story gives that role (and nationality, if the
 * description has one). It becomes this outlet's label for them.
 */
function resolveAcrossOutlets(
  articles: readonly AnnotatedArticle[],
  actors: Actor[],
  groupOfActor: ReadonlyMap<string, readonly Member[]>,
): void {
  const persons = actors.filter((a) => a.kind === 'person');
  const namedIn = new Map<AnnotatedArticle, Actor[]>();
  for (const p of persons) {
    for (const article of new Set((groupOfActor.get(p.id) ?? []).map((m) => m.article)))
      pushTo(namedIn, article, p);
  }
  for (const article of articles) {
    const named = namedIn.get(article) ?? [];
    for (const ref of article.unresolvedReferences ?? []) {
      if (article.quotes.some((q) => ref.start >= q.start && ref.end <= q.end)) continue;
      const head = labelHead(ref.text);
      const countries = countriesIn(ref.text);
      // "the Democratic nominee" is not the one named person whose labels make him the Republican nominee.
      const parties = partiesIn(ref.text);
      const fits = named.filter(
        (p) =>
          !namesAnotherParty(parties, partiesIn(p.labels.map((l) => l.text).join(' '))) &&
          p.labels.some(
            (l) =>
              labelHead(l.text) === head &&
              // "the Democratic nominee" is not the vice presidential nominee.
              !l.text.toLowerCase().split(/\s+/).some(isDeputyWord) &&
              (countries.size === 0 || [...countriesIn(l.text)].some((c) => countries.has(c))),
          ),
      );
      const [actor] = fits;
      if (fits.length !== 1 || !actor) continue;
      const evidence = { article: article.id, start: ref.start, end: ref.end, text: ref.text };
      const existing = actor.labels.find((l) => labelKey(l.text) === labelKey(ref.text));
      if (existing) {
        existing.evidence = [...(existing.evidence ?? []), evidence];
        if (!existing.articles.includes(article.id)) existing.articles.push(article.id);
      } else {
        const { tone, words } = toneOf(ref.text);
        actor.labels.push({
          text: ref.text,
          articles: [article.id],
          tone,
          toneWords: words,
          evidence: [evidence],
        });
      }
    }
  }
  for (const actor of persons) {
    actor.labels.sort((a, b) => b.articles.length - a.articles.length || a.text.localeCompare(b.text));
  }
}
