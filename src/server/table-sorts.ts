// The sortable columns of the app's list tables: the outlet list and the actor index. Each names the query
// value it answers to (`/outlets?sort=articles&dir=desc`) and the value its rows are sorted on.
import type { ActorSummary, OutletRecord, OutletSummary } from '../store/store.js';
import type { SortColumn, TableSort } from './sortable.js';

/** The directory fields the outlet list can show as columns (those some outlet has). */
export const OUTLET_FIELDS = ['leaning', 'country', 'language', 'owner'] as const;
export type OutletField = (typeof OUTLET_FIELDS)[number];

/**
 * The outlet list's columns. Leanings sort in the order of the directory's scale (left, center, right, as
 * the user wrote it), not alphabetically; a leaning off the scale after the scale's; none last.
 */
export function outletColumns(
  directory: ReadonlyMap<string, OutletRecord>,
  scale: readonly string[] | null,
  shown: readonly OutletField[],
): SortColumn<OutletSummary>[] {
  const field = (f: OutletField): SortColumn<OutletSummary> => ({
    key: f,
    label: `${f[0]?.toUpperCase()}${f.slice(1)}`,
    first: 'asc',
    value: (o) => {
      const v = directory.get(o.outlet)?.[f] ?? null;
      if (v === null || f !== 'leaning' || !scale) return v;
      const at = scale.indexOf(v);
      return at >= 0 ? at : scale.length;
    },
  });
  return [
    { key: 'outlet', label: 'Outlet', first: 'asc', value: (o) => o.outlet },
    ...shown.map(field),
    { key: 'articles', label: 'Articles', first: 'desc', value: (o) => o.articles },
    { key: 'stories', label: 'Stories', first: 'desc', value: (o) => o.stories },
    { key: 'published', label: 'Published', first: 'desc', value: (o) => o.lastPublished },
  ];
}

/** The outlet list's own order: most articles first. */
export const OUTLET_SORT: TableSort = { key: 'articles', dir: 'desc' };

export const ACTOR_COLUMNS: readonly SortColumn<ActorSummary>[] = [
  { key: 'name', label: 'Name', first: 'asc', value: (a) => a.name },
  { key: 'kind', label: 'Kind', first: 'asc', value: (a) => a.kind },
  { key: 'outlets', label: 'Outlets', first: 'desc', value: (a) => a.outlets },
  { key: 'articles', label: 'Articles', first: 'desc', value: (a) => a.articles },
];

/** The actor index's own order (the store's): named by the most outlets first. */
export const ACTOR_SORT: TableSort = { key: 'outlets', dir: 'desc' };
