// Page links for a long listing: the first and last page, the pages around the current one, previous and
// next. A reader of page 6 of 675 sees "← Previous 1 … 4 5 6 7 8 … 675 Next →", every other page two
// clicks away at most through the numbers, and the listing's filters kept in each address.
import { html, type SafeHtml } from '../report/escape.js';

/** Pages shown on each side of the current one. */
const AROUND = 2;

/** The page numbers to link, with null where a run of pages is left out. */
export function pageNumbers(current: number, pages: number): (number | null)[] {
  const shown = new Set<number>([1, pages]);
  for (let p = current - AROUND; p <= current + AROUND; p++) if (p >= 1 && p <= pages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    const before = sorted[i - 1];
    if (before !== undefined && p - before > 1) out.push(before + 1 === p - 1 ? p - 1 : null);
    out.push(p);
  });
  return out;
}

/**
 * The pager of a listing, or '' when it fits on one page. `href(page)` builds a page's address (the
 * filters kept); `label` names the navigation landmark ("Pages of the story list").
 */
export function pager(
  current: number,
  pages: number,
  href: (page: number) => string,
  label: string,
  words: { prev: string; next: string } = { prev: '← Previous', next: 'Next →' },
): SafeHtml | string {
  if (pages <= 1 && current === 1) return '';
  const numbers = pageNumbers(Math.min(current, pages), pages).map((p) =>
    p === null
      ? html`<span class="gap" aria-hidden="true">…</span>`
      : p === current
        ? html`<span class="current" aria-current="page">${p}</span>`
        : html`<a href="${href(p)}" aria-label="Page ${p}">${p}</a>`,
  );
  // Past the end (an old link to page 300 of a list now 270 long), "previous" is the last page.
  const prev = Math.min(current - 1, pages);
  return html`<nav class="pager" aria-label="${label}">${current > 1 ? html`<a href="${href(prev)}" rel="prev">${words.prev}</a>` : html`<span></span>`}<span class="pages">${numbers}</span>${current < pages ? html`<a href="${href(current + 1)}" rel="next">${words.next}</a>` : html`<span></span>`}</nav>`;
}

/** Styles for the pager's numbers (the pager row itself is in APP_STYLE). */
export const PAGER_STYLE = `
.pager .pages { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; justify-content: center; }
.pager .pages a, .pager .pages .current { min-width: 2em; text-align: center; padding: 2px 6px; border-radius: 6px; }
.pager .pages .current { background: var(--accent); color: #fff; font-weight: 650; }
.pager .gap { color: var(--muted); }
`;
