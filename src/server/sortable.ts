// Tables sorted on the server by query parameters (`?sort=articles&dir=desc`), so sorting works without
// JavaScript under the pages' CSP and a sorted table has an address to share. Each column header is a link
// to the table sorted by it; the current sort is shown by an arrow and by aria-sort for screen readers.
// A sort or dir the table does not know is a 400 naming what it takes.
import { html, type SafeHtml } from '../report/escape.js';
import { HttpError } from './http-error.js';

export type SortDir = 'asc' | 'desc';

/** One sortable column: its parameter name, header text, the value sorted on, and its first direction. */
export interface SortColumn<T> {
  key: string;
  label: string;
  value: (row: T) => string | number | null | undefined;
  /** Counts read best largest first, names A to Z. */
  first: SortDir;
}

export interface TableSort {
  key: string;
  dir: SortDir;
}

/** The sort a request asks for, or the table's default; 400 for a column or direction it does not have. */
export function sortParam<T>(
  columns: readonly SortColumn<T>[],
  sort: string | undefined,
  dir: string | undefined,
  fallback: TableSort,
): TableSort {
  let key = fallback.key;
  if (sort !== undefined && sort !== '') {
    if (!columns.some((c) => c.key === sort)) {
      throw new HttpError(
        400,
        'bad-parameter',
        `sort is one of ${columns.map((c) => c.key).join(', ')}; got "${sort}"`,
      );
    }
    key = sort;
  }
  if (dir !== undefined && dir !== '' && dir !== 'asc' && dir !== 'desc')
    throw new HttpError(400, 'bad-parameter', `dir is asc or desc; got "${dir}"`);
  const column = columns.find((c) => c.key === key) as SortColumn<T>;
  const chosen: SortDir =
    dir === 'asc' || dir === 'desc' ? dir : key === fallback.key ? fallback.dir : column.first;
  return { key, dir: chosen };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The rows in the asked order; rows without a value go last either way, ties keep their given order (so
 * the library's own order breaks them). Example: outlets by leaning, those the directory does not place last.
 */
export function sortRows<T>(rows: readonly T[], columns: readonly SortColumn<T>[], sort: TableSort): T[] {
  const column = columns.find((c) => c.key === sort.key);
  if (!column) return [...rows];
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: column.value(row) }))
    .sort((a, b) => {
      const missingA = a.v === null || a.v === undefined || a.v === '';
      const missingB = b.v === null || b.v === undefined || b.v === '';
      if (missingA || missingB) return missingA === missingB ? a.i - b.i : missingA ? 1 : -1;
      const d =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? a.v - b.v
          : collator.compare(String(a.v), String(b.v));
      return d === 0 ? a.i - b.i : sign * d;
    })
    .map((x) => x.row);
}

/**
 * The header row: each column a link to the table sorted by it (the current column's link turns the
 * direction round). `href(sort, dir)` builds the address with the page's other parameters kept.
 */
export function sortHeaders<T>(
  columns: readonly SortColumn<T>[],
  sort: TableSort,
  href: (key: string, dir: SortDir) => string,
): SafeHtml {
  return html`${columns.map((c) => {
    const current = c.key === sort.key;
    const next: SortDir = current ? (sort.dir === 'asc' ? 'desc' : 'asc') : c.first;
    const state = current ? (sort.dir === 'asc' ? 'ascending' : 'descending') : null;
    // The arrow is drawn by CSS (SORT_STYLE), so the header's text stays its name; aria-sort says the rest.
    return html`<th scope="col"${state ? html` aria-sort="${state}"` : ''}><a class="sort${current ? ` current ${sort.dir}` : ''}" href="${href(c.key, next)}">${c.label}</a></th>`;
  })}`;
}

/** The address of a sorted table: its path, the other parameters kept, then sort and dir. */
export function sortHref(path: string, keep: Record<string, string>, key: string, dir: SortDir): string {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(keep)) if (value) q.set(name, value);
  q.set('sort', key);
  q.set('dir', dir);
  return `${path}?${q.toString()}`;
}

/** How a sorted table says what it is sorted by, for the line above it. */
export function sortedBy<T>(columns: readonly SortColumn<T>[], sort: TableSort): string {
  const label = columns.find((c) => c.key === sort.key)?.label ?? sort.key;
  return `sorted by ${label.toLowerCase()}, ${sort.dir === 'asc' ? 'ascending' : 'descending'}`;
}

export const SORT_STYLE = `
th a.sort { color: inherit; text-decoration: none; }
th a.sort:hover, th a.sort:focus-visible { text-decoration: underline; }
th a.sort.current { color: var(--ink); }
th a.sort.asc::after { content: " ▲"; }
th a.sort.desc::after { content: " ▼"; }
`;
