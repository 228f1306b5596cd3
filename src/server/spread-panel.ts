// How spread and blindspots look in the web app: the story page's panel and the blindspot page, around the
// bar of a story's voices by group (src/report/html/spread-bar.ts, shared with the report of `parallax story`).
import { blindspotGroup, SPREAD_FIELDS, type SpreadField, type StorySpread } from '../outlets/spread.js';
import { html, join, type SafeHtml } from '../report/escape.js';
import { plural } from '../report/html/parts.js';
import { FIELD_NAMES, SPREAD_BAR_STYLE, spreadBar, spreadLabel } from '../report/html/spread-bar.js';
import type { BlindspotListing } from './spread-views.js';

export const SPREAD_STYLE = `${SPREAD_BAR_STYLE}
.spread-panel { padding-top: 12px; }
.spread-panel .panel { margin: 0; }
.spread-panel h2 { font-size: 16px; margin: 0 0 6px; }
.spread-panel ul { margin: 8px 0 0; padding-left: 1.2em; font-size: 14px; }
.spread-panel form { display: inline-flex; gap: 6px; align-items: center; margin-left: 8px; font-size: 13px; }
.tabs a[aria-current] { color: var(--ink); font-weight: 700; text-decoration: none; }
.export-panel p { margin: 8px 0 0; }
.export-panel .dl { white-space: nowrap; }
`;

/** A story row's small spread, for lists. */
export function rowSpread(spread: StorySpread): SafeHtml | string {
  if (spread.values.length === 0) return '';
  const only = blindspotGroup(spread);
  return html`<div class="row-meta">${spreadBar(spread, spreadLabel(spread))}${only === null ? '' : html` <span class="blind">only ${only}</span>`}</div>`;
}

function fieldChooser(action: string, field: SpreadField, hidden: readonly [string, string][]): SafeHtml {
  return html`<form method="get" action="${action}">${hidden.map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}<label>Group by <select name="by">${SPREAD_FIELDS.map(
    (f) => html`<option value="${f}"${f === field ? html` selected` : ''}>${FIELD_NAMES[f]}</option>`,
  )}</select></label><button class="act quiet" type="submit">Show</button></form>`;
}

/** The story page's spread panel, above the report. */
export function storySpreadPanel(
  storyId: number,
  spread: StorySpread,
  keep: readonly [string, string][],
): SafeHtml {
  const field = FIELD_NAMES[spread.field];
  const chooser = fieldChooser(`/stories/${storyId}`, spread.field, keep);
  if (spread.values.length === 0)
    return html`<section class="spread-panel wrap" aria-labelledby="h-spread"><div class="panel"><h2 id="h-spread">Coverage by ${field}</h2><p class="muted">The outlet directory gives no ${field} for any outlet yet. Import one (<code>parallax outlets import --starter</code> brings the AllSides leanings of 491 outlets) to see how this story's coverage spreads.</p>${chooser}</div></section>`;
  const only = blindspotGroup(spread);
  const groups = spread.groups.map(
    (g) =>
      html`<li><strong>${g.value ?? 'not in the directory'}</strong>: ${join(
        g.outlets.map(
          (o) =>
            html`<a href="/outlets/${encodeURIComponent(o.outlet)}">${o.outlet}</a>${o.voices === 1 ? '' : html` <span class="muted">(${o.voices === 0 ? 'copies only' : `${o.voices} voices`})</span>`}`,
        ),
        html`, `,
      )}</li>`,
  );
  return html`<section class="spread-panel wrap" aria-labelledby="h-spread"><div class="panel"><h2 id="h-spread">Coverage by ${field}</h2><p>${spreadBar(spread, spreadLabel(spread))}${only === null ? '' : html` <a class="blind" href="/blindspots?by=${spread.field}&amp;group=${encodeURIComponent(only)}">blindspot: only ${only}</a>`}</p><ul>${groups}</ul><p class="muted">${plural(spread.voices, 'voice')}: each article counts once, a near-copy of another not at all. ${chooser}</p></div></section>`;
}

function pageHref(field: SpreadField, group: string | null, page: number): string {
  const q = new URLSearchParams({ by: field });
  if (group !== null) q.set('group', group);
  if (page > 1) q.set('page', String(page));
  return `/blindspots?${q}`;
}

/** The blindspot page's body: the groups with their counts, then one page of stories. */
export function blindspotsBody(b: BlindspotListing): SafeHtml {
  const field = FIELD_NAMES[b.field];
  const chooser = html`<form class="filters panel" method="get" action="/blindspots"><label>Group outlets by <select name="by">${SPREAD_FIELDS.map(
    (f) => html`<option value="${f}"${f === b.field ? html` selected` : ''}>${FIELD_NAMES[f]}</option>`,
  )}</select></label><button class="act" type="submit">Show</button></form>`;
  if (b.groups.length < 2)
    return html`<h1>Blindspots</h1>${chooser}<p>A blindspot is a story only one ${field} covers; the outlet directory gives ${b.groups.length === 0 ? 'no' : 'only one'} ${field} (${b.groups.map((g) => g.value).join(', ') || 'none'}), so there is nothing to tell apart. Import a directory with <code>parallax outlets import</code>.</p>`;
  const tabs = join(
    [
      html`<a href="${pageHref(b.field, null, 1)}"${b.group === null ? html` aria-current="page"` : ''}>all ${b.groups.reduce((n, g) => n + g.stories, 0)}</a>`,
      ...b.groups.map(
        (g) =>
          html`<a href="${pageHref(b.field, g.value, 1)}"${b.group === g.value ? html` aria-current="page"` : ''}>only ${g.value}: ${g.stories}</a>`,
      ),
    ],
    html` · `,
  );
  const rows = b.stories.map(
    ({ summary: s, spread }) =>
      html`<li><a class="title" href="/stories/${s.id}?by=${b.field}">${s.title ?? `Story ${s.id}`}</a><div class="row-meta">${plural(s.outlets.length, 'outlet')} · ${plural(s.articleCount, 'article')} · ${s.firstPublished ?? 'undated'}${s.lastPublished && s.lastPublished !== s.firstPublished ? ` – ${s.lastPublished}` : ''}</div>${rowSpread(spread)}<div class="row-meta">${join(
        s.outlets.slice(0, 8).map((o) => html`<a href="/outlets/${encodeURIComponent(o)}">${o}</a>`),
        html`, `,
      )}${s.outlets.length > 8 ? ` and ${s.outlets.length - 8} more` : ''}</div></li>`,
  );
  const page = Math.floor(b.offset / b.limit) + 1;
  const pages = Math.max(1, Math.ceil(b.total / b.limit));
  const pager =
    pages > 1
      ? html`<p class="pager">${page > 1 ? html`<a href="${pageHref(b.field, b.group, page - 1)}" rel="prev">← Previous page</a> · ` : ''}Page ${page} of ${pages}${page < pages ? html` · <a href="${pageHref(b.field, b.group, page + 1)}" rel="next">Next page →</a>` : ''}</p>`
      : '';
  return html`<h1>Blindspots</h1>${chooser}<p>Stories covered by two or more outlets of one ${field} and by no outlet of another (outlets not in the directory aside), counting voices: a near-copy of another article does not count. Of ${plural(b.examined, 'story', 'stories')} covered by two or more outlets:</p><p class="tabs">${tabs}</p>${b.stories.length ? html`<p class="key" role="status">${b.offset + 1}–${b.offset + b.stories.length} of ${plural(b.total, 'blindspot')}${b.group === null ? '' : ` covered only by ${b.group}`}</p><ol class="rows">${rows}</ol>` : html`<p>No story ${b.group === null ? 'is a blindspot' : `is covered only by ${b.group}`}${page > 1 ? ` on page ${page}` : ''}.</p>`}${pager}`;
}

const SECTION_NAMES = { facts: 'Facts', actors: 'Actors', quotes: 'Quotes', discrepancies: 'Discrepancies' };

/** Download links for each report section, as CSV and JSON, of the outlets the page compares. */
export function exportPanel(storyId: number, keep: readonly [string, string][]): SafeHtml {
  const href = (section: string, format: string) => {
    const q = new URLSearchParams([['section', section], ['format', format], ...keep]);
    return `/stories/${storyId}/export?${q}`;
  };
  const links = join(
    Object.entries(SECTION_NAMES).map(
      ([section, name]) =>
        html`<span class="dl">${name} <a href="${href(section, 'csv')}" download>CSV</a> <a href="${href(section, 'json')}" download>JSON</a></span>`,
    ),
    html` · `,
  );
  return html`<section class="export-panel wrap" aria-label="Downloads"><p class="key">Download: ${links}</p></section>`;
}
