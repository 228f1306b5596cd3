// The labels one article gives its people and organizations, on their own: what a library keeps per article
// so that pages across many stories (an outlet's profile, an actor's page) read small rows instead of
// comparing whole stories again. A story's comparison merges actors more cleverly (surnames, spellings);
// here an actor is keyed by its normalised name only, which is what can be matched across a whole library.
import type { AnnotatedArticle, EntityKind } from '../model/article.js';
import type { Tone } from '../model/report.js';
import { labelKey } from './label-key.js';
import { toneOf } from './tone.js';

export interface ArticleActorLabel {
  /** The actor's key across the library: its name, lower case, without accents, dots or extra spaces. */
  actor: string;
  /** The name as this article gives it. */
  name: string;
  kind: EntityKind;
  /** The label as written, or null for an actor the article names without labelling. */
  label: string | null;
  tone: Tone | null;
}

/** Kinds a reader follows across stories; places and dates of other kinds are left out. */
const KINDS: ReadonlySet<EntityKind> = new Set(['person', 'organization', 'group']);

/** Longest label kept; a longer descriptor is a clause, not a name for someone. */
const MAX_LABEL = 120;

/** The name as shown: a possessive ("Ortega's") is the same person as the bare name. */
function displayName(name: string): string {
  return name.replace(/[’']s$/, '').trim() || name;
}

export function actorKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[’'](?:s)?$/, '')
    .trim();
}

/**
 * One row per (actor, distinct label) the article writes in its own voice, plus one unlabelled row per
 * actor it names at all, so a page can tell "named without a label" from "not covered".
 */
export function articleActorLabels(article: AnnotatedArticle): ArticleActorLabel[] {
  const rows: ArticleActorLabel[] = [];
  const seen = new Set<string>();
  for (const entity of article.entities) {
    if (!KINDS.has(entity.kind)) continue;
    const actor = actorKey(entity.name);
    if (actor === '') continue;
    if (!seen.has(actor)) {
      seen.add(actor);
      rows.push({ actor, name: displayName(entity.name), kind: entity.kind, label: null, tone: null });
    }
    for (const d of entity.descriptors) {
      // Inside a quote the words are the speaker's, not the outlet's.
      if (article.quotes.some((q) => d.start >= q.start && d.end <= q.end)) continue;
      if (d.text.length > MAX_LABEL) continue;
      const key = `${actor}\u0000${labelKey(d.text)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({
        actor,
        name: displayName(entity.name),
        kind: entity.kind,
        label: d.text,
        tone: toneOf(d.text).tone,
      });
    }
  }
  return rows;
}

/** How differently a story's outlets label the actors they share: the "most contested" order of a library. */
export interface LabelContest {
  /** Actors that at least two outlets label. */
  shared: number;
  /** Distinct labels (by wording) given to those actors. */
  labels: number;
  /** Those actors whose labels differ in tone from one outlet to another. */
  splits: number;
}

export function labelContest(
  rows: readonly {
    actor: string;
    label: string;
    tone: string;
    outlet: string | null;
    /** The article the row comes from: articles without an outlet are told apart by it. */
    article?: string | number;
  }[],
): LabelContest {
  const byActor = new Map<string, { outlets: Set<string>; labels: Set<string>; tones: Set<string> }>();
  for (const row of rows) {
    let entry = byActor.get(row.actor);
    if (!entry) {
      entry = { outlets: new Set(), labels: new Set(), tones: new Set() };
      byActor.set(row.actor, entry);
    }
    // An article without an outlet is a voice of its own, never merged with another unnamed one.
    entry.outlets.add(row.outlet ?? `\u0000${row.article ?? `row ${entry.outlets.size}`}`);
    entry.labels.add(labelKey(row.label));
    entry.tones.add(row.tone);
  }
  const result: LabelContest = { shared: 0, labels: 0, splits: 0 };
  for (const entry of byActor.values()) {
    if (entry.outlets.size < 2) continue;
    result.shared++;
    result.labels += entry.labels.size;
    if (entry.tones.size > 1) result.splits++;
  }
  return result;
}
