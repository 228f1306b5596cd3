// Spread and blindspots over the library (src/outlets/spread.ts), worked out for the pages and the API:
// the directory is read once per library version, a story's spread is one query for its voices.

import {
  blindspotGroup,
  type DirectoryIndex,
  directoryIndex,
  type SpreadField,
  type StorySpread,
  storySpread,
} from '../outlets/spread.js';
import type { AsyncStoreSession } from '../store/async-store.js';
import type { StorySummary } from '../store/store.js';

export interface BlindspotListing {
  field: SpreadField;
  /** The field's values in display order, with how many blindspot stories each group alone covers. */
  groups: { value: string; stories: number }[];
  /** The group asked for (null: all). */
  group: string | null;
  /** This page's stories, with their spread. */
  stories: { summary: StorySummary; spread: StorySpread; only: string }[];
  total: number;
  offset: number;
  limit: number;
  /** Stories covered by two or more outlets (those a blindspot is looked for in). */
  examined: number;
}

interface Classification {
  byGroup: Map<string, number[]>;
  spreads: Map<number, { spread: StorySpread; only: string }>;
  examined: number;
  values: string[];
}

/** A blindspot listing as JSON (/api/blindspots, `parallax stories --blindspots --format json`; schema/spread.schema.json). */
export function blindspotsJson(b: BlindspotListing) {
  return {
    field: b.field,
    groups: b.groups,
    group: b.group,
    examined: b.examined,
    total: b.total,
    limit: b.limit,
    offset: b.offset,
    stories: b.stories.map(({ summary, spread, only }) => ({
      id: summary.id,
      title: summary.title,
      firstPublished: summary.firstPublished,
      lastPublished: summary.lastPublished,
      articleCount: summary.articleCount,
      outlets: summary.outlets,
      only,
      spread: spread.groups,
    })),
  };
}

export function spreadViews(store: AsyncStoreSession) {
  let cached: { version: string; index: DirectoryIndex } | null = null;
  const directory = async (): Promise<DirectoryIndex> => {
    const version = await store.version();
    if (cached?.version !== version)
      cached = { version, index: directoryIndex(await store.outletDirectory()) };
    return cached.index;
  };

  const spreadsOf = async (ids: readonly number[], field: SpreadField): Promise<Map<number, StorySpread>> => {
    const index = await directory();
    const voices = await store.storyOutletVoices({ ids });
    return new Map(ids.map((id) => [id, storySpread(voices.get(id) ?? [], index, field)]));
  };

  // The classification of every multi-outlet story, per field, kept while the library is unchanged: each
  // page of each group reads it (working it out reads every story's voices: ~0.3 s of CPU at 37,000 articles).
  const classified = new Map<string, Classification>();
  const classify = async (field: SpreadField): Promise<Classification> => {
    const version = await store.version();
    const key = `${version}|${field}`;
    let known = classified.get(key);
    if (!known) {
      const index = await directory();
      const voices = await store.storyOutletVoices({ minOutlets: 2 });
      const byGroup = new Map<string, number[]>();
      const spreads = new Map<number, { spread: StorySpread; only: string }>();
      for (const [id, v] of voices) {
        const spread = storySpread(v, index, field);
        const only = blindspotGroup(spread);
        if (only === null) continue;
        spreads.set(id, { spread, only });
        const list = byGroup.get(only) ?? [];
        list.push(id);
        byGroup.set(only, list);
      }
      known = { byGroup, spreads, examined: voices.size, values: index.values(field) };
      // One library version at a time: older ones are never asked for again.
      for (const k of classified.keys()) if (!k.startsWith(`${version}|`)) classified.delete(k);
      // Kept only when nothing changed while it was worked out (library-view.ts's cachedView says why).
      if ((await store.version()) === version) classified.set(key, known);
    }
    return known;
  };

  /** Every story only one group covers, by the group, newest first, one page of them. */
  const blindspots = async (
    field: SpreadField,
    group: string | null,
    page: number,
    limit: number,
  ): Promise<BlindspotListing> => {
    const { byGroup, spreads, examined, values } = await classify(field);
    const ids = group === null ? [...spreads.keys()] : (byGroup.get(group) ?? []);
    const offset = (page - 1) * limit;
    const summaries = ids.length ? await store.listStories({ ids, limit, offset }) : [];
    return {
      field,
      groups: values.map((value) => ({ value, stories: byGroup.get(value)?.length ?? 0 })),
      group,
      stories: summaries.map((summary) => {
        const s = spreads.get(summary.id) as { spread: StorySpread; only: string };
        return { summary, ...s };
      }),
      total: ids.length,
      offset,
      limit,
      examined,
    };
  };

  return { directory, spreadsOf, blindspots };
}
