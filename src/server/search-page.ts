// The search page: a query with its filters (outlet, days, story), its order, how many articles match and
// a page of them. Everything a reader asked for stays in the form and in every page link, so "flood from
// Example News in March, newest first" survives paging and reloading.
import { html, type SafeHtml } from '../report/escape.js';
import { SEARCH_ORDERS, type SearchHit, type SearchOrder } from '../store/store.js';
import { pager } from './pager.js';
import { count, markedSnippet, page } from './pages.js';

/** What a search page was asked for, as it came in (already checked). */
export interface SearchForm {
  q: string;
  outlet: string;
  since: string;
  until: string;
  story: string;
  order: SearchOrder;
}

/** A page of results, as LibraryView.findOf gives it. */
export interface FoundPage {
  total: number;
  offset: number;
  limit: number;
  page: number;
  hits: readonly (SearchHit & { story: number | null })[];
}

const ORDER_NAMES: Record<SearchOrder, string> = {
  relevance: 'best match',
  newest: 'newest first',
  oldest: 'oldest first',
};

/** The address of this search with another page or other values (the rest kept). */
export function searchHref(f: SearchForm, change: Partial<SearchForm> & { page?: number } = {}): string {
  const all = { ...f, ...change };
  const q = new URLSearchParams();
  q.set('q', all.q);
  if (all.outlet) q.set('outlet', all.outlet);
  if (all.since) q.set('since', all.since);
  if (all.until) q.set('until', all.until);
  if (all.story) q.set('story', all.story);
  if (all.order !== 'relevance') q.set('sort', all.order);
  if (change.page !== undefined && change.page > 1) q.set('page', String(change.page));
  return `/search?${q.toString()}`;
}

function filterForm(f: SearchForm, outlets: readonly string[]): SafeHtml {
  const known = outlets.includes(f.outlet) || f.outlet === '';
  return html`<form class="filters panel" method="get" action="/search" aria-label="Search with filters"><label>Words <input type="search" name="q" value="${f.q}" required></label><label>Outlet <select name="outlet"><option value="">all outlets</option>${known ? '' : html`<option value="${f.outlet}" selected>${f.outlet}</option>`}${outlets.map(
    (o) => html`<option value="${o}"${o === f.outlet ? html` selected` : ''}>${o}</option>`,
  )}</select></label><label>From <input type="date" name="since" value="${f.since}"></label><label>To <input type="date" name="until" value="${f.until}"></label><label>Story number <input name="story" inputmode="numeric" pattern="[0-9]*" size="7" value="${f.story}"></label><label>Order <select name="sort">${SEARCH_ORDERS.map(
    (o) => html`<option value="${o}"${o === f.order ? html` selected` : ''}>${ORDER_NAMES[o]}</option>`,
  )}</select></label><button class="act" type="submit">Search</button></form>`;
}

/** "312 articles match · from Example News · 1–20, newest first", said as a status. */
function countLine(f: SearchForm, found: FoundPage, storyTitle: string | null): SafeHtml {
  const narrowed = [
    f.outlet ? html` from <strong>${f.outlet}</strong>` : '',
    f.since && f.until
      ? html` published ${f.since} to ${f.until}`
      : f.since
        ? html` published on or after ${f.since}`
        : f.until
          ? html` published on or before ${f.until}`
          : '',
    f.story ? html` in <a href="/stories/${f.story}">${storyTitle ?? `story ${f.story}`}</a>` : '',
  ];
  const shown = found.hits.length
    ? html` · ${count(found.offset + 1)}–${count(found.offset + found.hits.length)}, ${ORDER_NAMES[f.order]}`
    : '';
  return html`<p class="key search-count" role="status"><strong>${count(found.total)}</strong> ${found.total === 1 ? 'article matches' : 'articles match'}${narrowed}${shown}</p>`;
}

export function searchPage(
  f: SearchForm,
  found: FoundPage | null,
  outlets: readonly string[],
  storyTitle: string | null = null,
  /** Shown under the count: the form that saves this search (kept-work-views.ts). */
  save: SafeHtml | string = '',
): string {
  if (found === null)
    return page(
      'Search',
      html`<h1>Search</h1>${filterForm(f, outlets)}<p>Type words, "a phrase", OR, NOT or prefix* (three letters or more before the *); narrow by outlet, days or story number.</p>`,
    );
  const items = found.hits.map(
    (h) =>
      html`<li>${h.story === null ? html`<span class="title">${h.title ?? '(untitled)'}</span>` : html`<a class="title" href="/stories/${h.story}">${h.title ?? '(untitled)'}</a>`}<div class="row-meta">${h.outlet ?? 'no outlet'} · ${h.published ?? 'undated'}${h.story === null ? '' : html` · <a href="${searchHref(f, { story: String(h.story) })}">search in this story</a>`}</div><p>${markedSnippet(h.snippet)}</p></li>`,
  );
  const pages = Math.max(1, Math.ceil(found.total / found.limit));
  const empty =
    found.page > 1 && found.total > 0
      ? html`<p>No results on page ${found.page}: <a href="${searchHref(f)}">back to the first page</a>.</p>`
      : html`<p>Nothing matches.</p>`;
  return page(
    `Search: ${f.q}`,
    html`<h1>Search: ${f.q}</h1>${filterForm(f, outlets)}${countLine(f, found, storyTitle)}${save}${found.hits.length ? html`<ol class="rows">${items}</ol>` : empty}${pager(found.page, pages, (p) => searchHref(f, { page: p }), 'Pages of the search results')}`,
    f.q,
  );
}
