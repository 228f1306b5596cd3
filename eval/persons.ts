// People and entities on ECB+, scored as the shared corpus's README defines it. Each topic's documents go
// through `parallax analyze` as one story (records {id, text, url} → clean → annotate → compareStory), and
// the report's actors are the prediction: every actor mention is a detected mention of the actor's kind,
// and the actors are the clusters. Spans are mapped from the cleaned text back to the document's text
// (eval/offset-map.ts) before they are compared with the gold spans.
//
// - Mention detection: spans in the `eval` sentences that end on the same head word as a gold span (see
//   goldSpanKey; the exact-span person row is printed too), per class (person = HUMAN_PART_PER,
//   organisation = HUMAN_PART_ORG, place = LOC_* and HUMAN_PART_GPE). ECB+ marks only the participants of
//   its events, so a right mention it never marked counts as wrong: precision is a lower bound.
// - Coreference over the gold person mentions of the `eval` sentences, within a topic across its
//   documents: the key is the gold chains; the response puts each gold mention in the actor that has
//   exactly its span, or alone when no actor has it. Scored with and without singletons, and over the
//   detected mentions only (linking apart from detection), next to a same-head-lemma baseline.
import { compareStory } from '../src/compare/index.js';
import type { Actor } from '../src/model/report.js';
import { annotateRecords } from './annotate.js';
import {
  type CorefScores,
  corefScores,
  type Partition,
  partitionBy,
  withoutSingletons,
} from './coref-metrics.js';
import type { EcbMention, EcbTopic } from './ecbplus-gold.js';
import { offsetMap } from './offset-map.js';
import { headLemma } from './same-head.js';

export type MentionClass = 'person' | 'organisation' | 'place';
export const MENTION_CLASSES: readonly MentionClass[] = ['person', 'organisation', 'place'];

export function goldClass(type: string): MentionClass | null {
  if (type === 'HUMAN_PART_PER') return 'person';
  if (type === 'HUMAN_PART_ORG') return 'organisation';
  if (type.startsWith('LOC_') || type === 'HUMAN_PART_GPE') return 'place';
  return null;
}

// ECB+'s person class (HUMAN_PART_PER) holds groups of people too ("police", "the protesters").
function predictedClass(kind: Actor['kind']): MentionClass | null {
  if (kind === 'person' || kind === 'group') return 'person';
  if (kind === 'organization') return 'organisation';
  if (kind === 'place') return 'place';
  return null;
}

/** An actor mention mapped back onto the document's text. */
interface Predicted {
  /** The gold span it is scored as (same head word allowed), or its own span. */
  key: string;
  /** The same without the head-word rule: exact spans and ECB+'s title/possessive conventions only. */
  exactKey: string;
  doc: string;
  sentence: number;
  text: string;
  cls: MentionClass | null;
  /** `<topic>:<actor id>`, so actors of different topics never meet. */
  actor: string;
  actorName: string;
  /** How the actor's merge links its weakest outlet (its confidence reason without the counts). */
  link: string;
}

export interface Detection {
  gold: number;
  predicted: number;
  right: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CorefRow {
  mentions: string;
  system: CorefScores;
  baseline: CorefScores;
}

export interface PersonScores {
  topics: number;
  documents: number;
  refused: number;
  /** Actor mentions, and those whose span could not be placed in the document's text. */
  actorMentions: number;
  unmapped: number;
  detection: Record<MentionClass, Detection>;
  /** Person detection without the head-word rule (exact spans and the name conventions only). */
  exactPersonDetection: Detection;
  goldPersons: number;
  detectedPersons: number;
  coref: CorefRow[];
  /** Person B³ F1 with singletons if every detected mention were linked right (undetected ones alone). */
  detectionCeiling: number;
  /** Person B³ F1 with singletons of the same-head baseline given only the mentions Parallax detected (the
   * rest alone): the baseline on Parallax's detection, so linking is compared apart from detection. */
  sameHeadOnDetected: number;
  /** Actors holding detected mentions of two or more gold people, of the actors holding any. */
  wrongMerges: { count: number; viaUnlinked: number; of: number; examples: string[] };
  /** Gold people (2+ detected mentions) whose detected mentions sit in two or more actors. */
  splitPersons: { count: number; of: number; examples: string[] };
  /** Actors holding gold person mentions, and the wrong merges among them, by the merge's weakest link:
   * the check of the report's actor-merge confidence (src/compare/confidence/actors.ts). */
  mergeByLink: Record<string, { actors: number; wrong: number }>;
  /** Where B³ recall (person, with singletons) is lost, by the missing mention's kind and the cause. */
  recallLoss: RecallLoss[];
  misses: string[];
}

/** A gold person mention's form, read from its text (ECB+ spans a name, a pronoun or a noun's head). */
export type MentionForm = 'name' | 'pronoun' | 'description' | 'group';

const PRONOUNS = new Set(
  'he him his himself she her hers herself they them their theirs themselves who whom whose i me my mine myself we us our ours ourselves you your yours yourself'.split(
    ' ',
  ),
);

/** "Ana Ruiz" name, "she" pronoun, "the actress" description, "police"/"robbers" group (plural or collective). */
export function mentionForm(text: string): MentionForm {
  const words = text.trim().split(/\s+/);
  const last = (words.at(-1) ?? '').replace(/['’]s?$/u, '');
  if (words.length === 1 && PRONOUNS.has(last.toLowerCase())) return 'pronoun';
  if (/^\p{Lu}/u.test(last) && !/^(?:The|A|An)$/.test(last)) return 'name';
  if (/(?:s|people|police|men|women|children|staff|crew|family)$/i.test(last) && !/(?:ss|us|is)$/i.test(last))
    return 'group';
  return 'description';
}

export type LossCause = 'undetected' | 'split in one document' | 'split across documents';

export interface RecallLoss {
  form: MentionForm;
  cause: LossCause;
  /** B³ recall lost, a share of 1. */
  loss: number;
}

const mentionKey = (doc: string, start: number, end: number) => `${doc}:${start}:${end}`;
const ratio = (a: number, b: number) => (b ? a / b : 0);

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Where ECB+ draws a name's span by another convention than Parallax, the span is compared by ECB+'s,
 * when only that one is gold (so a match never turns into a miss):
 * - a courtesy title is part of ECB+'s mention ("Mr. Ortega": 44 such spans on the train topics, 1 without),
 *   while Parallax keeps it out of the name and reads it as evidence;
 * - ECB+ usually includes a possessive's "'s" ("Ortega's": 78 with, 32 without); Parallax's name ends before;
 * - ECB+'s tokenizer splits the full stop off an abbreviation ending a name ("Luis Ortega Jr." is marked
 *   "Luis Ortega Jr").
 */
export function goldSpanKey(
  doc: string,
  start: number,
  end: number,
  text: string,
  goldKeys: ReadonlySet<string>,
  goldHeads?: GoldHeads,
): string {
  const key = mentionKey(doc, start, end);
  if (goldKeys.has(key)) return key;
  const before =
    /(?:Mr|Mrs|Ms|Dr|Miss)\.? $/.exec(text.slice(Math.max(0, start - 5), start))?.[0].length ?? 0;
  const after = /^['’]s?/.exec(text.slice(end, end + 2))?.[0].length ?? 0;
  const period = /\p{L}\.$/u.test(text.slice(start, end)) ? 1 : 0;
  for (const [s, e] of [
    [start - before, end],
    [start, end + after],
    [start - before, end + after],
    [start, end - period],
  ] as const) {
    const variant = mentionKey(doc, s, e);
    if (variant !== key && goldKeys.has(variant)) return variant;
  }
  // The same head word: a gold span and the predicted one end on the same word (after the possessive or
  // the split full stop above), one inside the other. ECB+ marks "police [officer]" and "two [women]"
  // where the predicted mention is "police officer" and "women", and "lawyer Mark Heller" where it is
  // "Mark Heller"; a scorer of minimal spans counts these as one mention. The nearest-sized gold span wins.
  if (goldHeads)
    for (const e of [end, end + after, end - period]) {
      const starts = goldHeads.get(`${doc}:${e}`);
      if (!starts) continue;
      const best = starts.reduce((a, b) => (Math.abs(b - start) < Math.abs(a - start) ? b : a));
      if (best < e && start < e) return mentionKey(doc, best, e);
    }
  return key;
}

/** Gold spans by `<doc>:<end>`, their starts: where a predicted span's head word may meet a gold one. */
export type GoldHeads = ReadonlyMap<string, readonly number[]>;

export function goldHeadsOf(mentions: readonly { doc: string; start: number; end: number }[]): GoldHeads {
  const heads = new Map<string, number[]>();
  for (const m of mentions) {
    const at = `${m.doc}:${m.end}`;
    heads.set(at, [...(heads.get(at) ?? []), m.start]);
  }
  return heads;
}

async function predictTopic(
  topic: EcbTopic,
  goldKeys: ReadonlySet<string>,
  goldHeads: GoldHeads,
): Promise<{ predicted: Predicted[]; refused: number; actorMentions: number; unmapped: number }> {
  const annotated = await annotateRecords(
    topic.documents.map((d) => ({ id: d.id, text: d.text, ...(d.url ? { url: d.url } : {}) })),
  );
  const texts = new Map(topic.documents.map((d) => [d.id, d.text]));
  const maps = new Map([...annotated].map(([id, a]) => [id, offsetMap(a.text, texts.get(id) ?? '')]));
  const story = annotated.size ? compareStory([...annotated.values()]) : null;
  const predicted: Predicted[] = [];
  let actorMentions = 0;
  let unmapped = 0;
  // Unnamed people and groups ("the gunman", "police") are actors too, kept apart from the named cast.
  for (const actor of [...(story?.actors ?? []), ...(story?.unnamedActors ?? [])]) {
    // References (pronouns, descriptions) are the actor's mentions too: a reader links "she" to her.
    for (const m of [...actor.mentions, ...(actor.references ?? [])]) {
      actorMentions++;
      const text = texts.get(m.article) ?? '';
      const span = maps.get(m.article)?.span(m.start, m.end);
      // A span whose ends survived cleaning but whose words did not (cleaning rejoined a line) is no span.
      if (!span || squash(text.slice(span.start, span.end)) !== squash(m.text)) {
        unmapped++;
        continue;
      }
      predicted.push({
        key: goldSpanKey(m.article, span.start, span.end, text, goldKeys, goldHeads),
        exactKey: goldSpanKey(m.article, span.start, span.end, text, goldKeys),
        doc: m.article,
        sentence: lineOf(text, span.start),
        text: m.text,
        cls: predictedClass(actor.kind),
        actor: `${topic.topic}:${actor.id}`,
        actorName: actor.name,
        link: (actor.confidence?.reason ?? 'none').replace(/ \(\d+ articles\)$| in \d+ of \d+ articles$/, ''),
      });
    }
  }
  return { predicted, refused: topic.documents.length - annotated.size, actorMentions, unmapped };
}

function detection(gold: ReadonlySet<string>, predicted: ReadonlySet<string>): Detection {
  let right = 0;
  for (const p of predicted) if (gold.has(p)) right++;
  const precision = ratio(right, predicted.size);
  const recall = ratio(right, gold.size);
  return {
    gold: gold.size,
    predicted: predicted.size,
    right,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

export interface GoldEntry {
  key: string;
  topic: number;
  mention: EcbMention;
  /** `<topic>:<chain>`, or the mention's own key for a mention coreferent with nothing. */
  entity: string;
}

function corefRow(
  label: string,
  gold: readonly GoldEntry[],
  actorOf: ReadonlyMap<string, string>,
  singletons = true,
): CorefRow {
  const keep = (p: Partition) => (singletons ? p : withoutSingletons(p));
  const key = keep(partitionBy(gold.map((g) => [g.key, g.entity] as const)));
  const system = keep(partitionBy(gold.map((g) => [g.key, actorOf.get(g.key) ?? `alone:${g.key}`] as const)));
  const baseline = keep(
    partitionBy(gold.map((g) => [g.key, `${g.topic}:${headLemma(g.mention.text)}`] as const)),
  );
  return { mentions: label, system: corefScores(key, system), baseline: corefScores(key, baseline) };
}

export async function scorePersons(topics: readonly EcbTopic[], examples = 5): Promise<PersonScores> {
  const predicted: Predicted[] = [];
  const goldEntries: GoldEntry[] = [];
  const evalSentences = new Set<string>();
  let refused = 0;
  let actorMentions = 0;
  let unmapped = 0;
  for (const topic of topics) {
    const goldKeys = new Set(topic.mentions.map((m) => mentionKey(m.doc, m.start, m.end)));
    const result = await predictTopic(topic, goldKeys, goldHeadsOf(topic.mentions));
    predicted.push(...result.predicted);
    refused += result.refused;
    actorMentions += result.actorMentions;
    unmapped += result.unmapped;
    const seen = new Set<string>();
    for (const m of topic.mentions) {
      if (!m.eval) continue;
      evalSentences.add(`${m.doc}:${m.sentence}`);
      const key = mentionKey(m.doc, m.start, m.end);
      if (goldClass(m.type) === null || seen.has(key)) continue;
      seen.add(key);
      goldEntries.push({
        key,
        topic: topic.topic,
        mention: m,
        entity: m.chain ? `${topic.topic}:${m.chain}` : key,
      });
    }
  }

  const detectionScores = {} as Record<MentionClass, Detection>;
  const inEval = predicted.filter((p) => evalSentences.has(`${p.doc}:${p.sentence}`));
  for (const cls of MENTION_CLASSES) {
    const gold = new Set(goldEntries.filter((g) => goldClass(g.mention.type) === cls).map((g) => g.key));
    const pred = new Set(inEval.filter((p) => p.cls === cls).map((p) => p.key));
    detectionScores[cls] = detection(gold, pred);
  }
  const exactPersonDetection = detection(
    new Set(goldEntries.filter((g) => goldClass(g.mention.type) === 'person').map((g) => g.key)),
    new Set(inEval.filter((p) => p.cls === 'person').map((p) => p.exactKey)),
  );

  // The actor of each detected span (of any kind: an actor that took a person for an organisation
  // still groups its mentions).
  const actorOf = new Map<string, string>();
  const nameOf = new Map<string, string>();
  const linkOf = new Map<string, string>();
  for (const p of predicted) {
    if (!actorOf.has(p.key)) actorOf.set(p.key, p.actor);
    nameOf.set(p.actor, p.actorName);
    linkOf.set(p.actor, p.link);
  }
  const persons = goldEntries.filter((g) => g.mention.type === 'HUMAN_PART_PER');
  const detected = persons.filter((g) => actorOf.has(g.key));
  const participants = goldEntries.filter((g) => g.mention.type.startsWith('HUMAN_PART_'));
  const coref = [
    corefRow('person, with singletons', persons, actorOf),
    corefRow('person, without singletons', persons, actorOf, false),
    corefRow('person, detected only', detected, actorOf),
    corefRow('all HUMAN_PART_* (merging actors), with singletons', participants, actorOf),
  ];
  // The ceiling detection leaves: the detected mentions linked exactly as gold links them, the rest alone.
  // Below the same-head row, no linking can reach the baseline, which is given every gold mention.
  const oracle = new Map(detected.map((g) => [g.key, `gold:${g.entity}`]));
  const detectionCeiling = corefRow('person, with singletons', persons, oracle).system.b3.f1;
  // The baseline handed Parallax's detection: where it falls below Parallax, the gap to the full baseline
  // row is detection (the baseline's every gold mention), not linking.
  const sameHead = new Map(detected.map((g) => [g.key, `head:${g.topic}:${headLemma(g.mention.text)}`]));
  const sameHeadOnDetected = corefRow('person, with singletons', persons, sameHead).system.b3.f1;

  // Wrong merges and split persons, among the detected gold person mentions.
  const entitiesOfActor = new Map<string, Map<string, string[]>>();
  const actorsOfEntity = new Map<string, Map<string, string[]>>();
  for (const g of detected) {
    const actor = actorOf.get(g.key) as string;
    const byEntity = entitiesOfActor.get(actor) ?? new Map<string, string[]>();
    byEntity.set(g.entity, [...(byEntity.get(g.entity) ?? []), g.mention.text]);
    entitiesOfActor.set(actor, byEntity);
    const byActor = actorsOfEntity.get(g.entity) ?? new Map<string, string[]>();
    byActor.set(actor, [...(byActor.get(actor) ?? []), g.mention.text]);
    actorsOfEntity.set(g.entity, byActor);
  }
  const distinct = (texts: readonly string[]) => [...new Set(texts)].slice(0, 4).join(', ');
  // ECB+ leaves some mentions linked to nothing (chain null) though they name someone of a chain: a
  // merge that holds only one real chain besides such mentions is counted apart.
  const unlinked = new Set(detected.filter((g) => g.mention.chain === null).map((g) => g.entity));
  const merged = [...entitiesOfActor].filter(([, e]) => e.size > 1);
  const viaUnlinked = merged.filter(([, e]) => [...e.keys()].filter((x) => !unlinked.has(x)).length <= 1);
  const mergeLines = merged.map(
    ([actor, e]) =>
      `wrong merge\t${actor}\t${nameOf.get(actor)}\t${[...e]
        .map(([entity, t]) => `{${distinct(t)}}${unlinked.has(entity) ? ' (linked to nothing)' : ''}`)
        .join(' + ')}`,
  );
  const mergeByLink: PersonScores['mergeByLink'] = {};
  for (const [actor, e] of entitiesOfActor) {
    const link = linkOf.get(actor) ?? 'none';
    const row = mergeByLink[link] ?? { actors: 0, wrong: 0 };
    mergeByLink[link] = row;
    row.actors++;
    if (e.size > 1) row.wrong++;
  }
  const recallLoss = recallLossOf(persons, actorOf);

  const multi = [...actorsOfEntity].filter(([, a]) => [...a.values()].flat().length > 1);
  const split = multi.filter(([, a]) => a.size > 1);
  const splitLines = split.map(
    ([entity, a]) =>
      `split person\t${entity}\t${[...a].map(([actor, t]) => `${nameOf.get(actor)}: {${distinct(t)}}`).join(' | ')}`,
  );

  const misses: string[] = [...mergeLines, ...splitLines];
  const predictedKeys = new Set(inEval.filter((p) => p.cls === 'person').map((p) => p.key));
  for (const g of persons)
    if (!predictedKeys.has(g.key))
      misses.push(`missed person\t${g.mention.doc}\t${g.mention.text}\t@${g.mention.start}`);
  const goldPersonKeys = new Set(persons.map((g) => g.key));
  for (const p of inEval)
    if (p.cls === 'person' && !goldPersonKeys.has(p.key))
      misses.push(`not a gold person\t${p.doc}\t${p.text}\t(${p.actorName})`);

  return {
    topics: topics.length,
    documents: topics.reduce((n, t) => n + t.documents.length, 0),
    refused,
    actorMentions,
    unmapped,
    detection: detectionScores,
    exactPersonDetection,
    goldPersons: persons.length,
    detectedPersons: detected.length,
    coref,
    wrongMerges: {
      count: merged.length,
      viaUnlinked: viaUnlinked.length,
      of: entitiesOfActor.size,
      examples: mergeLines.slice(0, examples),
    },
    splitPersons: { count: split.length, of: multi.length, examples: splitLines.slice(0, examples) },
    mergeByLink,
    recallLoss,
    detectionCeiling,
    sameHeadOnDetected,
    misses,
  };
}

/**
 * B³ recall (with singletons) split by where it is lost: a key mention m of a gold chain of n mentions
 * loses 1/n for every other mention m' of its chain not in m's actor. The pair is charged to the form of
 * the mention that is undetected (m' when both are detected), and to its cause: undetected, or detected
 * in another actor of the same or another document. So "pronoun / undetected 0.05" reads: finding the
 * undetected pronouns (and linking them right) would add 0.05 to B³ recall.
 */
export function recallLossOf(
  persons: readonly GoldEntry[],
  actorOf: ReadonlyMap<string, string>,
): RecallLoss[] {
  const chains = new Map<string, GoldEntry[]>();
  for (const g of persons) chains.set(g.entity, [...(chains.get(g.entity) ?? []), g]);
  const loss = new Map<string, RecallLoss>();
  const add = (form: MentionForm, cause: LossCause, amount: number) => {
    const key = `${form}\t${cause}`;
    const row = loss.get(key) ?? { form, cause, loss: 0 };
    row.loss += amount / persons.length;
    loss.set(key, row);
  };
  for (const chain of chains.values()) {
    const n = chain.length;
    for (const m of chain) {
      const mine = actorOf.get(m.key);
      for (const other of chain) {
        if (other === m) continue;
        const theirs = actorOf.get(other.key);
        if (mine !== undefined && mine === theirs) continue;
        if (mine === undefined) add(mentionForm(m.mention.text), 'undetected', 1 / n);
        else if (theirs === undefined) add(mentionForm(other.mention.text), 'undetected', 1 / n);
        else
          add(
            mentionForm(other.mention.text),
            other.mention.doc === m.mention.doc ? 'split in one document' : 'split across documents',
            1 / n,
          );
      }
    }
  }
  return [...loss.values()].sort((a, b) => b.loss - a.loss);
}
