// Spread and blindspots: how a story's coverage falls across the groups of one field of the outlet
// directory (leaning by default; country, language or owner when the user picks them), and which stories
// only one group covers. Both count voices, not articles: an article that nearly duplicates an earlier one
// (a wire copy run by a second outlet) is that article's voice, so ten outlets running one Associated Press
// text weigh as one report, in the group of the outlet that ran it first.

import type { ReportSpread } from '../model/report.js';
import type { OutletDirectory, OutletDirectoryStore, OutletRecord, OutletVoices } from '../store/store.js';

export const SPREAD_FIELDS = ['leaning', 'country', 'language', 'owner'] as const;
export type SpreadField = (typeof SPREAD_FIELDS)[number];

export interface SpreadOutlet {
  outlet: string;
  /** Its articles in the story that are not a copy of an earlier one (0: it only ran copies). */
  voices: number;
}

export interface SpreadGroup {
  /** The field's value; null for the outlets the directory does not describe (or gives no value). */
  value: string | null;
  voices: number;
  outlets: SpreadOutlet[];
}

export interface StorySpread {
  field: SpreadField;
  /** Groups with outlets in the story: for leaning in the scale's order, otherwise most voices first; unknown last. */
  groups: SpreadGroup[];
  /** All voices of the story, unknown ones included. */
  voices: number;
  /** The groups (values) the directory has for the field across all its outlets, in display order. */
  values: string[];
}

/** The directory as lookups: each outlet's record, and each field's values in display order. */
export interface DirectoryIndex {
  records: Map<string, OutletRecord>;
  scale: string[] | null;
  values(field: SpreadField): string[];
}

/**
 * The usual left-to-right order of leaning words, for a library whose leanings came with its records and no
 * scale was set: ordered by count, "right, left, center" drew the bar's scale colours (first blue, last red)
 * on the wrong groups. Used only when every value is one of these; otherwise the order is by count.
 */
const USUAL_LEANINGS = [
  'far left',
  'left',
  'lean left',
  'center-left',
  'centre-left',
  'center left',
  'centre left',
  'center',
  'centre',
  'mixed',
  'center-right',
  'centre-right',
  'center right',
  'centre right',
  'lean right',
  'right',
  'far right',
];

function usualOrder(values: readonly string[]): string[] | null {
  const rank = (v: string) => USUAL_LEANINGS.indexOf(v.trim().toLowerCase());
  if (values.length === 0 || values.some((v) => rank(v) < 0)) return null;
  return [...values].sort((a, b) => rank(a) - rank(b));
}

export function directoryIndex(directory: OutletDirectory): DirectoryIndex {
  const records = new Map(directory.outlets.map((o) => [o.name, o]));
  const cache = new Map<SpreadField, string[]>();
  return {
    records,
    scale: directory.leaningScale,
    values(field) {
      let known = cache.get(field);
      if (!known) {
        const counts = new Map<string, number>();
        for (const o of directory.outlets) {
          const v = o[field];
          if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
        }
        known =
          field === 'leaning' && directory.leaningScale
            ? directory.leaningScale.filter((v) => counts.has(v))
            : ((field === 'leaning' ? usualOrder([...counts.keys()]) : null) ??
              [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v));
        // Values off the scale (left from before a scale change) still show, after the scale's.
        if (field === 'leaning' && directory.leaningScale)
          for (const v of [...counts.keys()].sort()) if (!known.includes(v)) known.push(v);
        cache.set(field, known);
      }
      return known;
    },
  };
}

export function storySpread(
  voices: readonly OutletVoices[],
  index: DirectoryIndex,
  field: SpreadField,
): StorySpread {
  const groups = new Map<string | null, SpreadGroup>();
  let total = 0;
  for (const v of voices) {
    // An article without an outlet is nobody's voice to place in a group; it is still a voice of the story.
    total += v.voices;
    if (v.outlet === null) continue;
    const value = index.records.get(v.outlet)?.[field] ?? null;
    let group = groups.get(value);
    if (!group) {
      group = { value, voices: 0, outlets: [] };
      groups.set(value, group);
    }
    group.voices += v.voices;
    group.outlets.push({ outlet: v.outlet, voices: v.voices });
  }
  const values = index.values(field);
  const rank = (g: SpreadGroup) => {
    if (g.value === null) return Number.MAX_SAFE_INTEGER;
    const at = values.indexOf(g.value);
    return at < 0 ? values.length : at;
  };
  const ordered = [...groups.values()].sort((a, b) => rank(a) - rank(b) || b.voices - a.voices);
  for (const g of ordered) g.outlets.sort((a, b) => b.voices - a.voices || a.outlet.localeCompare(b.outlet));
  return { field, groups: ordered, voices: total, values };
}

/**
 * The one group covering a story, when only one does: at least two of its outlets have a voice in it, and
 * no outlet of another known group has one. Outlets the directory does not describe neither make nor break
 * a blindspot (the page says how many there are). Null otherwise, and when the directory knows fewer than
 * two values of the field (a library where every outlet is "en" has no language blindspots).
 */
export function blindspotGroup(spread: StorySpread): string | null {
  if (spread.values.length < 2) return null;
  const covering = spread.groups.filter((g) => g.value !== null && g.voices > 0);
  if (covering.length !== 1) return null;
  const only = covering[0] as SpreadGroup;
  return only.outlets.filter((o) => o.voices > 0).length >= 2 ? only.value : null;
}

/**
 * A story's spread as the report of `parallax story` carries it, with its blindspot; null when the
 * library's outlet directory gives no value of the field (no directory yet), so the report leaves it out.
 */
export async function reportSpread(
  // Either store contract: the CLI reads a library file or a PostgreSQL one through the asynchronous one.
  store: {
    [K in 'outletDirectory' | 'storyOutletVoices']: (
      ...args: Parameters<OutletDirectoryStore[K]>
    ) => ReturnType<OutletDirectoryStore[K]> | Promise<ReturnType<OutletDirectoryStore[K]>>;
  },
  storyId: number,
  field: SpreadField = 'leaning',
): Promise<ReportSpread | null> {
  const index = directoryIndex(await store.outletDirectory());
  if (index.values(field).length === 0) return null;
  const voices = await store.storyOutletVoices({ ids: [storyId] });
  const spread = storySpread(voices.get(storyId) ?? [], index, field);
  return { ...spread, blindspot: blindspotGroup(spread) };
}
