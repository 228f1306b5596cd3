// The web app's pages, rendered on the server from escape-by-default templates: every string that came from
// an article, a user or the library is escaped by `html`. They read without JavaScript; the only script in
// the app is the story page's own report script, allowed by its hash.
import type { CalibrationView } from '../library/calibration.js';
import type { ActorRecord, LabelTally, OutletProfile } from '../library/profiles.js';
import { type MemberExplanation, memberReason, type StoryListingEntry } from '../library/stories.js';
import type { Tone } from '../model/report.js';
import type { StorySpread } from '../outlets/spread.js';
import { html, join, type SafeHtml, trustedCode } from '../report/escape.js';
import { plural } from '../report/html/parts.js';
import { STYLE as REPORT_STYLE } from '../report/html/style.js';
import type { OutletRecord } from '../store/store.js';
import {
  type ActorSummary,
  type OutletSummary,
  SNIPPET_MARK,
  STORY_ORDERS,
  type StoryDetail,
  type StoryOrder,
} from '../store/store.js';
import type { AddedArticle } from './add-articles.js';
import { CHART_STYLE, monthChart, shareBar } from './charts.js';
import { PAGER_STYLE, pager } from './pager.js';
import { SHORTCUTS_STYLE, SHORTCUTS_TAG } from './shortcuts.js';
import { SORT_STYLE, sortedBy, sortHeaders, sortHref, sortRows, type TableSort } from './sortable.js';
import { rowSpread, SPREAD_STYLE } from './spread-panel.js';
import { ACTOR_COLUMNS, ACTOR_SORT, OUTLET_FIELDS, OUTLET_SORT, outletColumns } from './table-sorts.js';
import { actorLabelsChart } from './time-charts.js';

/** The app's additions to the report stylesheet, so pages and story reports look like one product. */
export const APP_STYLE = `
.site { background: #1c2330; color: #fff; }
.site .wrap { display: flex; flex-wrap: wrap; gap: 6px 22px; align-items: center; padding-top: 10px; padding-bottom: 10px; }
.site a { color: #fff; text-decoration: none; font-weight: 600; }
.site a:hover, .site a:focus-visible { text-decoration: underline; }
.site nav { display: flex; flex-wrap: wrap; gap: 4px 18px; align-items: baseline; }
.site .brand { font-weight: 750; letter-spacing: .02em; margin-right: 8px; }
.site form { margin-left: auto; display: flex; gap: 6px; align-items: center; }
.site input { font: inherit; padding: 3px 8px; border-radius: 6px; border: 1px solid #566; min-width: 16rem; }
.site label { font-size: 13px; }
.app main { padding-top: 18px; padding-bottom: 40px; }
.app h1 { font-size: 26px; margin: 6px 0 12px; }
.app h2 { font-size: 19px; margin: 26px 0 10px; }
.panel > h2:first-child { margin-top: 0; }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 14px 18px; margin: 12px 0; }
form.filters { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: end; }
form.filters label, form.stack label { display: flex; flex-direction: column; font-size: 13px; color: var(--ink-2); gap: 2px; }
input, select, textarea, button.act { font: inherit; padding: 5px 9px; border: 1px solid var(--field-line); border-radius: 6px; background: var(--card); color: var(--ink); }
button.act { background: var(--accent); color: var(--on-accent); border-color: var(--accent); cursor: pointer; font-weight: 600; }
button.act.quiet { background: var(--card); color: var(--accent); }
form.stack { display: grid; gap: 10px; max-width: 46rem; }
form.stack textarea { min-height: 12rem; }
ol.rows { list-style: none; margin: 0; padding: 0; }
ol.rows > li { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 8px 0; }
ol.rows .title { font-weight: 650; font-size: 16px; }
.row-meta { color: var(--muted); font-size: 13.5px; margin-top: 3px; }
.cover { display: inline-block; vertical-align: middle; width: 90px; height: 8px; background: var(--line-2); border-radius: 4px; margin-right: 6px; overflow: hidden; }
.cover span { display: block; height: 100%; background: var(--accent); }
.share { display: inline-flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.share-bar { display: inline-flex; width: 220px; height: 12px; border-radius: 6px; overflow: hidden; background: var(--line-2); }
.share-bar .neg { background: var(--neg-ink); } .share-bar .neu { background: #98a2b3; } .share-bar .pos { background: var(--pos-ink); }
.muted { color: var(--muted); }
table.grid { border-collapse: collapse; width: 100%; font-size: 14px; }
table.grid th, table.grid td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line-2); padding: 7px 8px; }
table.grid th { color: var(--ink-2); font-weight: 600; }
.tally { display: inline-block; margin: 0 4px 5px 0; }
.tally .n { color: var(--muted); font-size: 12px; margin-left: 3px; }
.chart svg { width: 100%; height: 150px; }
.chart rect { fill: var(--accent); }
.chart text { font-size: 11px; fill: var(--muted); }
.chart figcaption { color: var(--muted); font-size: 13px; }
.notice { background: var(--accent-soft); border: 1px solid var(--accent-line); border-radius: 8px; padding: 10px 14px; }
.error-note { background: var(--warn-bg); border: 1px solid var(--warn-line); border-radius: 8px; padding: 10px 14px; }
.key { color: var(--muted); font-size: 13px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.membership .why { color: var(--ink-2); font-size: 13.5px; }
.membership form.inline { display: flex; gap: 8px; align-items: end; flex-wrap: wrap; margin-top: 10px; }
.membership label { font-size: 13px; }
form.filters label { max-width: 100%; min-width: 0; }
form.filters select { max-width: 100%; }
form.filters label.check-label { justify-content: flex-end; min-height: 2.4em; }
@media (max-width: 700px) {
  /* A phone: a table scrolls sideways inside its own box; the page itself only scrolls down. */
  /* position: a visually hidden label (.sr, absolutely placed) inside the table stays in its scroll box
     instead of widening the page. */
  table.grid { display: block; overflow-x: auto; position: relative; }
  .site input { min-width: 0; width: 12rem; }
}
.pager { display: flex; justify-content: space-between; align-items: center; gap: 12px; margin: 16px 0; }
mark { background: var(--mark); }
`;

const STYLE = trustedCode(
  REPORT_STYLE + APP_STYLE + SPREAD_STYLE + PAGER_STYLE + SORT_STYLE + CHART_STYLE + SHORTCUTS_STYLE,
);

const TONE_SYMBOL: Record<Tone, string> = { negative: '⊖', neutral: '○', positive: '⊕' };

/** The bar at the top of every page: where a reader can go from anywhere. */
export function siteBar(query = ''): SafeHtml {
  return html`<header class="site"><div class="wrap"><nav aria-label="Site"><a class="brand" href="/">Parallax</a> <a href="/">Stories</a> <a href="/outlets">Outlets</a> <a href="/blindspots">Blindspots</a> <a href="/actors">Actors</a> <a href="/add">Add articles</a> <a href="/notes">Notes</a> <a href="/saved">Saved searches</a></nav><form role="search" action="/search" method="get"><label for="site-q" class="sr">Search articles</label><input id="site-q" name="q" type="search" placeholder="Search articles" value="${query}"><button class="act" type="submit">Search</button></form></div></header>`;
}

export function page(title: string, body: SafeHtml, query = ''): string {
  return `<!doctype html>${html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Parallax</title><link rel="icon" href="data:,"><style>${STYLE}</style></head><body class="app">${siteBar(query)}<main id="main" class="wrap">${body}</main>${SHORTCUTS_TAG}</body></html>`.value}`;
}

function days(s: { firstPublished: string | null; lastPublished: string | null }): string {
  if (s.firstPublished === null) return 'undated';
  return s.firstPublished === s.lastPublished ? s.firstPublished : `${s.firstPublished} – ${s.lastPublished}`;
}

function contestText(s: StoryListingEntry): string {
  const c = s.contest;
  if (!c || c.shared === 0) return 'no actor labelled by two outlets';
  return `${plural(c.shared, 'shared actor')}, ${plural(c.labels, 'label')}${c.splits > 0 ? `, tone differs for ${c.splits}` : ''}`;
}

/** Outlets named in a story row; the rest are counted. */
const ROW_OUTLETS = 8;

export interface ListFilters {
  since: string;
  until: string;
  outlet: string;
  text: string;
  order: StoryOrder;
  /** 2: only stories covered by two or more outlets. */
  minOutlets: number;
}

/** One page of the story list and where it sits in the whole. */
export interface ListingPage {
  stories: readonly StoryListingEntry[];
  total: number;
  limit: number;
  offset: number;
  page: number;
  /** The calibration check (src/stories/calibration.ts): the list warns when it fires. */
  calibration?: CalibrationView;
}

/**
 * The calibration warning above the story list: too many unrelated articles clear the story bar in this
 * library, so its stories may join unrelated events; what to do is in the README ("Stories").
 */
function calibrationNotice(listing: ListingPage): SafeHtml | string {
  const c = listing.calibration;
  if (c?.state !== 'too-many' || !c.measurement) return '';
  const m = c.measurement;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return html`<div class="notice calibration" role="status"><p><strong>Stories in this library may join unrelated events.</strong> Of ${plural(m.pairs, 'pair')} of articles published more than two months apart, ${m.clearing} (${pct(c.share ?? 0)}) look alike enough to share a story; on general news at most ${pct(c.alarm)} do.${m.shared.length ? html` What they share most: ${m.shared.join(', ')}.` : ''}</p><p>Common causes: the same boilerplate paragraph in every article, one narrow beat where every article names the same people, or a language the story features handle badly. Check a few large stories and split what does not belong.</p></div>`;
}

/** The address of another page of the same listing (the filters kept). */
function pageHref(f: ListFilters, page: number): string {
  const q = new URLSearchParams();
  if (f.since) q.set('since', f.since);
  if (f.until) q.set('until', f.until);
  if (f.outlet) q.set('outlet', f.outlet);
  if (f.text) q.set('text', f.text);
  if (f.order !== 'newest') q.set('sort', f.order);
  if (f.minOutlets > 1) q.set('min_outlets', String(f.minOutlets));
  if (page > 1) q.set('page', String(page));
  const query = q.toString();
  return query ? `/?${query}` : '/';
}

function listPager(l: ListingPage, f: ListFilters): SafeHtml | string {
  const pages = Math.max(1, Math.ceil(l.total / l.limit));
  return pager(l.page, pages, (p) => pageHref(f, p), 'Pages of the story list', {
    prev: '← Newer page',
    next: 'Next page →',
  });
}

/** A count as the page writes it: 33,741. */
export const count = (n: number): string => n.toLocaleString('en-US');

export function storyListPage(
  listing: ListingPage,
  f: ListFilters,
  outlets: readonly OutletSummary[],
  spreads?: ReadonlyMap<number, StorySpread>,
): string {
  const { stories } = listing;
  const maxOutlets = Math.max(1, ...stories.map((s) => s.outlets.length));
  const filters = html`<form class="filters panel" method="get" action="/" aria-label="Filter stories"><label>From <input type="date" name="since" value="${f.since}"></label><label>To <input type="date" name="until" value="${f.until}"></label><label>Outlet <select name="outlet"><option value="">all outlets</option>${outlets.map(
    (o) =>
      html`<option value="${o.outlet}"${o.outlet === f.outlet ? html` selected` : ''}>${o.outlet}</option>`,
  )}</select></label><label>Words <input type="search" name="text" value="${f.text}" placeholder="in any article"></label><label>Order <select name="sort">${STORY_ORDERS.map(
    (o) =>
      html`<option value="${o}"${o === f.order ? html` selected` : ''}>${o === 'contested' ? 'most contested' : o}</option>`,
  )}</select></label><label class="check-label"><span><input type="checkbox" name="min_outlets" value="${f.minOutlets > 1 ? f.minOutlets : 2}"${f.minOutlets > 1 ? html` checked` : ''}> covered by ${f.minOutlets > 1 ? f.minOutlets : 2}+ outlets</span></label><button class="act" type="submit">Show</button></form>`;
  const filtered = f.since || f.until || f.outlet || f.text || f.minOutlets > 1;
  const rows = stories.map(
    (s) =>
      html`<li><a class="title" href="/stories/${s.id}">${s.title ?? `Story ${s.id}`}</a><div class="row-meta"><span class="cover" role="img" aria-label="covered by ${plural(s.outlets.length, 'outlet')}"><span style="width:${Math.round((s.outlets.length / maxOutlets) * 100)}%"></span></span>${plural(s.outlets.length, 'outlet')} · ${plural(s.articleCount, 'article')} · ${days(s)}${f.order === 'contested' ? html` · ${contestText(s)}` : ''}</div>${spreads?.has(s.id) ? rowSpread(spreads.get(s.id) as StorySpread) : ''}<div class="row-meta">${join(
        s.outlets
          .slice(0, ROW_OUTLETS)
          .map((o) => html`<a href="/outlets/${encodeURIComponent(o)}">${o}</a>`),
        html`, `,
      )}${s.outlets.length > ROW_OUTLETS ? ` and ${s.outlets.length - ROW_OUTLETS} more` : ''}</div></li>`,
  );
  const list = stories.length
    ? html`<ol class="rows">${rows}</ol>`
    : filtered
      ? html`<p>No story matches these filters.</p>`
      : listing.page > 1
        ? html`<p>No stories on page ${listing.page}: <a href="${pageHref(f, 1)}">back to the first page</a>.</p>`
        : html`<p>The library has no stories yet: <a href="/add">add articles</a>, or run <code>parallax ingest</code>.</p>`;
  return page(
    'Stories',
    html`<h1>Stories</h1>${calibrationNotice(listing)}${filters}${stories.length ? html`<p class="key" role="status">Stories ${count(listing.offset + 1)}–${count(listing.offset + stories.length)} of ${count(listing.total)}${f.minOutlets > 1 ? ` covered by ${f.minOutlets}+ outlets` : ''}</p>` : ''}${f.order === 'contested' ? html`<p class="key">Most contested first: stories where the largest share of the people two or more outlets label get labels of differing tone.</p>` : ''}${list}${listPager(listing, f)}`,
  );
}

/** A snippet with the store's [marks] turned into <mark>, everything else escaped. */
export function markedSnippet(snippet: string): SafeHtml {
  const parts = snippet.split(SNIPPET_MARK.open);
  const out: SafeHtml[] = [html`${parts[0] ?? ''}`];
  for (const part of parts.slice(1)) {
    const close = part.indexOf(SNIPPET_MARK.close);
    if (close < 0) out.push(html`${SNIPPET_MARK.open + part}`);
    else out.push(html`<mark>${part.slice(0, close)}</mark>${part.slice(close + 1)}`);
  }
  return join(out);
}

function tallyPill(t: LabelTally, showOutlets: boolean): SafeHtml {
  const outlets = showOutlets
    ? ` by ${t.outlets.slice(0, 3).join(', ')}${t.outlets.length > 3 ? ' and others' : ''}`
    : '';
  return html`<span class="tally"><span class="pill tone-${t.tone} static" title="${t.tone} label${outlets}">${t.label}<span class="sr"> (${t.tone})</span></span><span class="n">×${t.articles}</span></span>`;
}

const TONE_LEGEND = html`<p class="key">Label tone: ${TONE_SYMBOL.negative} negative · ${TONE_SYMBOL.neutral} neutral · ${TONE_SYMBOL.positive} positive; ×n is the number of articles.</p>`;

function toneBar(counts: Record<Tone, number>): SafeHtml {
  return shareBar(
    [
      { label: `${TONE_SYMBOL.negative} negative`, value: counts.negative, className: 'neg' },
      { label: `${TONE_SYMBOL.neutral} neutral`, value: counts.neutral, className: 'neu' },
      { label: `${TONE_SYMBOL.positive} positive`, value: counts.positive, className: 'pos' },
    ],
    'labels',
  );
}

export function outletsPage(
  outlets: readonly OutletSummary[],
  directory: ReadonlyMap<string, OutletRecord> = new Map(),
  sort: TableSort = OUTLET_SORT,
  scale: readonly string[] | null = null,
): string {
  const shown = OUTLET_FIELDS.filter((f) => outlets.some((o) => directory.get(o.outlet)?.[f]));
  const columns = outletColumns(directory, scale, shown);
  // A sort by a directory field no outlet has (a shared link from before an import) is the default order.
  const used = columns.some((c) => c.key === sort.key) ? sort : OUTLET_SORT;
  const rows = sortRows(outlets, columns, used).map((o) => {
    const record = directory.get(o.outlet);
    return html`<tr><td><a href="/outlets/${encodeURIComponent(o.outlet)}">${o.outlet}</a></td>${shown.map((f) => html`<td>${record?.[f] ?? ''}</td>`)}<td>${o.articles}</td><td>${o.stories}</td><td>${days(o)}</td></tr>`;
  });
  const described = outlets.filter((o) => directory.has(o.outlet)).length;
  const note =
    outlets.length === 0
      ? ''
      : described === 0
        ? html`<p class="key">No outlet here is in the outlet directory yet: <code>parallax outlets import --starter</code> adds the AllSides leanings of 491 outlets, or import a directory of your own.</p>`
        : html`<p class="key">${described} of ${plural(outlets.length, 'outlet')} are in the outlet directory; each outlet's page says where its metadata comes from.</p>`;
  return page(
    'Outlets',
    html`<h1>Outlets</h1>${note}${outlets.length ? html`<p class="key">${plural(outlets.length, 'outlet')}, ${sortedBy(columns, used)}; click a column's name to sort by it.</p><table class="grid sortable"><thead><tr>${sortHeaders(columns, used, (key, dir) => sortHref('/outlets', {}, key, dir))}</tr></thead><tbody>${rows}</tbody></table>` : html`<p>No article in the library names its outlet.</p>`}`,
  );
}

/** What the directory says about an outlet, each value with where it came from. */
function outletAbout(record: OutletRecord | null, name: string): SafeHtml {
  if (record === null)
    return html`<section aria-labelledby="h-about" class="panel"><h2 id="h-about">About this outlet</h2><p class="muted">${name} is not in the outlet directory: <code>parallax outlets set "${name}" leaning …</code> describes it, or import a directory file.</p></section>`;
  const facts: [string, string | null, string | undefined][] = [
    ['Leaning', record.leaning, record.sources.leaning],
    ['Country', record.country, record.sources.country],
    ['Language', record.language, record.sources.language],
    ['Owner', record.owner, record.sources.owner],
    ['Web addresses', record.hosts.length ? record.hosts.join(', ') : null, record.sources.hosts],
    ['Notes', record.notes, record.sources.notes],
  ];
  const rows = facts
    .filter(([, value]) => value !== null)
    .map(
      ([label, value, source]) =>
        html`<tr><th scope="row">${label}</th><td>${value}</td><td class="muted">${source ?? 'no source recorded'}</td></tr>`,
    );
  return html`<section aria-labelledby="h-about" class="panel"><h2 id="h-about">About this outlet</h2><table class="grid"><thead><tr><th scope="col">Field</th><th scope="col">Value</th><th scope="col">Source</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;
}

export function outletPage(p: OutletProfile, record: OutletRecord | null = null): string {
  const o = p.outlet;
  const c = p.coverage;
  const actorRows = p.actors.map(
    (a) =>
      html`<tr><th scope="row"><a href="/actors/${encodeURIComponent(a.actor)}">${a.name}</a><div class="muted">${plural(a.articles, 'article')}</div></th><td>${a.own.length ? a.own.slice(0, 8).map((t) => tallyPill(t, false)) : html`<span class="muted">names without a label</span>`}</td><td>${a.others.length ? a.others.slice(0, 8).map((t) => tallyPill(t, true)) : html`<span class="muted">no other outlet labels them</span>`}</td></tr>`,
  );
  const coverageRows = c.stories.map(
    (s) =>
      html`<tr><td><a href="/stories/${s.id}">${s.title ?? `Story ${s.id}`}</a></td><td>${s.widely}</td><td>${s.omitted}</td><td>${s.exclusive}</td></tr>`,
  );
  return page(
    o.outlet,
    html`<h1>${o.outlet}</h1><p class="meta">${plural(o.articles, 'article')} in ${plural(o.stories, 'story', 'stories')} · ${days(o)} · <a href="/?outlet=${encodeURIComponent(o.outlet)}">its stories</a></p>
${outletAbout(record, o.outlet)}
<section aria-labelledby="h-time" class="panel"><h2 id="h-time">Coverage over time</h2>${monthChart(p.months, { id: 'chart-months', title: `Articles by ${o.outlet} per month`, counted: `Each bar is a month; its height, the articles of ${o.outlet} in the library published that month (near-copies included).` })}</section>
<section aria-labelledby="h-tone" class="panel"><h2 id="h-tone">Tone of its labels</h2><p>${o.outlet}: ${toneBar(p.tones.outlet)}</p><p>Whole library: ${toneBar(p.tones.library)}</p></section>
<section aria-labelledby="h-actors" class="panel"><h2 id="h-actors">How it labels the people it covers most</h2>${TONE_LEGEND}${p.actors.length ? html`<table class="grid"><thead><tr><th scope="col">Actor</th><th scope="col">${o.outlet}</th><th scope="col">Other outlets</th></tr></thead><tbody>${actorRows}</tbody></table>` : html`<p>No labelled person or organization yet.</p>`}</section>
<section aria-labelledby="h-facts" class="panel"><h2 id="h-facts">Exclusives and omissions</h2>${c.stories.length ? html`<p>In its ${plural(c.stories.length, 'latest story', 'latest stories')} shared with other outlets (${plural(c.articles, 'article')} of its own): it omits <strong>${c.omitted} of ${c.widely}</strong> widely reported facts (${pct(c.omitted, c.widely)}; a fact is widely reported when at least half of a story's outlets, and at least two, carry it) and carries <strong>${plural(c.exclusive, 'exclusive fact')}</strong> (${c.articles ? (c.exclusive / c.articles).toFixed(1) : '0'} per article).</p><table class="grid"><thead><tr><th scope="col">Story</th><th scope="col">Widely reported</th><th scope="col">Omitted</th><th scope="col">Exclusive</th></tr></thead><tbody>${coverageRows}</tbody></table>` : html`<p>No story of this outlet is covered by another outlet yet.</p>`}</section>`,
  );
}

export function actorsPage(
  actors: readonly ActorSummary[],
  prefix: string,
  sort: TableSort = ACTOR_SORT,
  limit = actors.length,
): string {
  const rows = sortRows(actors, ACTOR_COLUMNS, sort).map(
    (a) =>
      html`<tr><td><a href="/actors/${encodeURIComponent(a.actor)}">${a.name}</a></td><td>${a.kind}</td><td>${a.outlets}</td><td>${a.articles}</td></tr>`,
  );
  // The index holds the actors named by the most outlets; sorting reorders those, it does not reach past them.
  const which =
    actors.length >= limit
      ? `The ${actors.length} actors named by the most outlets${prefix ? ' among those whose name starts so' : ''}`
      : plural(actors.length, 'actor');
  return page(
    'Actors',
    html`<h1>Actors</h1><form class="filters panel" method="get" action="/actors"><label>Name starts with <input name="prefix" value="${prefix}"></label>${sort.key === ACTOR_SORT.key && sort.dir === ACTOR_SORT.dir ? '' : html`<input type="hidden" name="sort" value="${sort.key}"><input type="hidden" name="dir" value="${sort.dir}">`}<button class="act" type="submit">Show</button></form>${actors.length ? html`<p class="key">${which}, ${sortedBy(ACTOR_COLUMNS, sort)}; click a column's name to sort by it.</p><table class="grid sortable"><thead><tr>${sortHeaders(ACTOR_COLUMNS, sort, (key, dir) => sortHref('/actors', { prefix }, key, dir))}</tr></thead><tbody>${rows}</tbody></table>` : html`<p>No labelled person or organization${prefix ? ' with that name' : ''}.</p>`}`,
  );
}

export function actorPage(r: ActorRecord): string {
  const a = r.actor;
  const outletRows = r.outlets.map(
    (o) =>
      html`<tr><th scope="row">${o.outlet === null ? 'no outlet' : html`<a href="/outlets/${encodeURIComponent(o.outlet)}">${o.outlet}</a>`}</th><td>${o.labels.length ? o.labels.slice(0, 10).map((t) => tallyPill(t, false)) : html`<span class="muted">no label</span>`}</td><td>${join(
        o.names.slice(0, 4).map((n) => html`${n.name} <span class="muted">×${n.articles}</span>`),
        html`, `,
      )}</td></tr>`,
  );
  const monthRows = r.months.map(
    (m) =>
      html`<tr><th scope="row">${m.month}</th><td>${m.uses
        .slice(0, 12)
        .map(
          (u) =>
            html`<span class="tally"><span class="pill tone-${u.tone} static" title="${u.tone} label">${u.label}<span class="sr"> (${u.tone})</span></span><span class="n">${u.outlet ?? 'no outlet'} ×${u.articles}</span></span>`,
        )}</td></tr>`,
  );
  const alsoSurname =
    r.keys.length > 1 ? html` Articles that give only the surname “${r.keys[1] ?? ''}” count too.` : '';
  return page(
    a.name,
    html`<h1>${a.name}</h1><p class="meta">${a.kind} · named in ${plural(a.articles, 'article')} by ${plural(a.outlets, 'outlet')}.${alsoSurname}</p>${TONE_LEGEND}
<section aria-labelledby="h-by-outlet" class="panel"><h2 id="h-by-outlet">By outlet</h2><table class="grid"><thead><tr><th scope="col">Outlet</th><th scope="col">Labels</th><th scope="col">Names used</th></tr></thead><tbody>${outletRows}</tbody></table></section>
<section aria-labelledby="h-over-time" class="panel"><h2 id="h-over-time">Over time</h2>${r.months.length ? html`${actorLabelsChart(r)}<h3>Labels, month by month</h3><table class="grid"><thead><tr><th scope="col">Month</th><th scope="col">Labels, by outlet</th></tr></thead><tbody>${monthRows}</tbody></table>` : html`<p>No outlet labels them.</p>`}</section>`,
  );
}

/** The token field, shown only when the server asks writers for one. */
export function tokenField(needed: boolean): SafeHtml | string {
  return needed
    ? html`<label>Token (printed by <code>parallax serve</code>) <input name="token" type="password" autocomplete="off" required></label>`
    : '';
}

export function addPage(tokenNeeded: boolean, message: SafeHtml | string = ''): string {
  return page(
    'Add articles',
    html`<h1>Add articles</h1>${message}<section aria-labelledby="h-fetch" class="panel"><h2 id="h-fetch">Fetch an article from its address</h2><form class="stack" method="post" action="/add"><label>Address (URL) <input name="fetch" type="url" required placeholder="https://…"></label>${tokenField(tokenNeeded)}<div><button class="act" type="submit">Fetch and add</button></div></form></section><section aria-labelledby="h-paste" class="panel"><h2 id="h-paste">Paste an article</h2><form class="stack" method="post" action="/add"><label>Text (plain text, Markdown or the page's HTML) <textarea name="text" required></textarea></label><label>Title <input name="title"></label><label>Outlet <input name="outlet"></label><label>Address (URL) of the article <input name="url" type="url" placeholder="https://…"></label><label>Published <input name="published" type="date"></label>${tokenField(tokenNeeded)}<div><button class="act" type="submit">Add the article</button></div></form></section>
<section aria-labelledby="h-upload" class="panel"><h2 id="h-upload">Upload files</h2><form class="stack" method="post" action="/add" enctype="multipart/form-data"><label>Files (.txt, .md, .html, .json, .jsonl; several at once) <input name="files" type="file" multiple required></label>${tokenField(tokenNeeded)}<div><button class="act" type="submit">Add the files</button></div></form></section>`,
  );
}

export function addedPage(
  added: readonly AddedArticle[],
  existing: number,
  refused: readonly string[],
  tokenNeeded: boolean,
): string {
  const items = added.map(
    (a) =>
      html`<li><strong>${a.title ?? a.inputId}</strong> ${a.duplicateOf !== null ? 'is a near-copy of an article in' : a.created ? 'started' : 'joined'} <a href="/stories/${a.storyId}">${a.storyTitle ?? `story ${a.storyId}`}</a> (${plural(a.storyArticles, 'article')}).</li>`,
  );
  const message = html`<div class="notice" role="status">${added.length ? html`<p>Added ${plural(added.length, 'article')}:</p><ul>${items}</ul>` : ''}${existing ? html`<p>${plural(existing, 'article')} ${existing === 1 ? 'was' : 'were'} already in the library.</p>` : ''}${refused.length ? html`<p>Refused:</p><ul>${refused.map((r) => html`<li>${r}</li>`)}</ul>` : ''}</div>`;
  return addPage(tokenNeeded, message);
}

/** A story with more articles than this lists them behind a "show all" (a 280-row table buries the page). */
const MEMBERS_OPEN = 20;

/** The story page's own additions around the report: the site bar above, membership and its controls below. */
export function storyMembership(
  story: StoryDetail,
  members: readonly MemberExplanation[],
  tokenNeeded: boolean,
  notice: string | null,
): SafeHtml {
  const rows = members.map((m) => {
    const { why, now } = memberReason(m);
    return html`<tr><td><input type="checkbox" name="articles" value="${m.articleId}" id="m-${m.articleId}"${members.length < 2 ? html` disabled` : ''}></td><td><label for="m-${m.articleId}">${m.title ?? m.inputId}</label><div class="muted">${m.outlet ?? 'no outlet'} · ${m.published ?? 'undated'}</div></td><td class="why">${why}${now === null ? '' : html`<br>now: ${now}`}</td></tr>`;
  });
  const table = html`<table class="grid"><thead><tr><th scope="col"><span class="sr">Select</span></th><th scope="col">Article</th><th scope="col">Why it is here</th></tr></thead><tbody>${rows}</tbody></table>`;
  return html`<section class="membership wrap" aria-labelledby="h-membership"><div class="panel"><h2 id="h-membership">Why these articles are in this story</h2>${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}<form method="post" action="/stories/${story.id}/split">${members.length > MEMBERS_OPEN ? html`<details><summary>All ${plural(members.length, 'article')} and why each is here</summary>${table}</details>` : table}<div class="inline">${tokenField(tokenNeeded)}<button class="act quiet" type="submit">Split the selected articles into a new story</button></div></form><form class="inline" method="post" action="/stories/${story.id}/merge"><label>Merge story number <input name="other" inputmode="numeric" pattern="[0-9]+" required size="8"></label> into this one ${tokenField(tokenNeeded)}<button class="act quiet" type="submit">Merge</button></form></div></section>`;
}
