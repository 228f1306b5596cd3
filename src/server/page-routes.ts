// The server-rendered pages (rendering in pages.ts): they read without JavaScript; the only script is the
// story page's own, allowed by its hash.

import { type Context, Hono } from 'hono';
import { explainStoryIn } from '../library/stories.js';
import type { StorySpread } from '../outlets/spread.js';
import { html } from '../report/escape.js';
import { sectionCsv, sectionJson } from '../report/sections-export.js';
import { actorKey } from '../text/article-labels.js';
import { CHART_STYLE } from './charts.js';
import { HttpError } from './http-error.js';
import {
  findingLabels,
  findingNotes,
  KEEP_STYLE,
  NOTES_PANEL_SLOT,
  notesPanel,
  placeNotes,
  savedSearchQuery,
  saveSearchForm,
} from './kept-work-views.js';
import { HTML, LIMITS, type LibraryView, PAGE_CSP, storyCsp } from './library-view.js';
import { pageResponse, type StoredPage, storePage } from './page-cache.js';
import {
  APP_STYLE,
  actorPage,
  actorsPage,
  addPage,
  type ListFilters,
  outletPage,
  outletsPage,
  page,
  siteBar,
  storyListPage,
  storyMembership,
} from './pages.js';
import {
  dayParam,
  exportSectionParam,
  intParam,
  orderParam,
  spreadFieldParam,
  storyIdParam,
} from './params.js';
import { type SearchForm, searchPage } from './search-page.js';
import { membershipLink, SELECTION_STYLE, selectionPanel } from './selection-panel.js';
import { SHORTCUTS_STYLE, SHORTCUTS_TAG } from './shortcuts.js';
import { sortParam } from './sortable.js';
import { blindspotsBody, exportPanel, SPREAD_STYLE, storySpreadPanel } from './spread-panel.js';
import { ACTOR_COLUMNS, ACTOR_SORT, OUTLET_FIELDS, OUTLET_SORT, outletColumns } from './table-sorts.js';
import { storyDaysChart } from './time-charts.js';

/** Stories on one page of the story list. */
const LIST_PAGE = 50;

export function pageRoutes(view: LibraryView): Hono {
  const { store, token } = view;
  const app = new Hono();

  app.get('/', (c) =>
    view.cachedView(
      c,
      HTML,
      async () => {
        const q = c.req.query();
        const filters: ListFilters = {
          since: dayParam(q.since, 'since') ?? '',
          until: dayParam(q.until, 'until') ?? '',
          outlet: q.outlet ?? '',
          text: (q.text ?? '').trim(),
          order: orderParam(q.sort),
          minOutlets: intParam(q.min_outlets, 'min_outlets', 1, LIMITS.listing),
        };
        const listing = await view.listingOf({ ...q, limit: String(LIST_PAGE) });
        const spreads = await view.spreads.spreadsOf(
          listing.stories.map((s) => s.id),
          'leaning',
        );
        return storyListPage(listing, filters, await store.outlets(), spreads);
      },
      PAGE_CSP,
    ),
  );

  const storyPage = async (c: Context, notice: string | null) => {
    const respond = async (page: StoredPage) =>
      // The report page carries its own CSP (a meta tag allowing its script by hash); the header repeats it.
      pageResponse(page, c.req.header('accept-encoding'), { 'Content-Security-Policy': await storyCsp() });
    // While the library is unchanged the page at this address is the one shown last: one read (the
    // version) instead of the story's summary, spread and notes (on PostgreSQL, one round trip instead of
    // four). After any change, the page is found again by what it shows (the key below).
    const version = notice === null ? await store.version() : null;
    if (version !== null) {
      const known = view.storyPageAt(c.req.url, version);
      const page = known === undefined ? undefined : view.pages.get(known);
      if (page) return respond(page);
    }
    const summary = await view.summaryOr404(storyIdParam(c.req.param('id') ?? ''));
    const field = spreadFieldParam(c.req.query('by'));
    // Read at once, not one after another: on PostgreSQL each read is a round trip, and a cached page is
    // mostly waiting for them (the summary, then these three side by side, instead of five in a row).
    // The spread changes with the outlet directory, not only with the story: it is part of the page's key;
    // so are the story's notes, which are drawn into the page.
    const [selection, spreads, notes] = await Promise.all([
      view.selectionOf(summary, c.req.queries('outlet') ?? []),
      view.spreads.spreadsOf([summary.id], field),
      store.notes({ storyId: summary.id }),
    ]);
    const spread = spreads.get(summary.id) as StorySpread;
    const keep: [string, string][] =
      selection.whole || selection.byDefault
        ? []
        : selection.outlets.filter((o) => o.chosen).map((o) => ['outlet', o.outlet]);
    const key = `${view.cacheKey(summary, selection)}~${JSON.stringify(spread)}~${notes.map((n) => `${n.id}@${n.updatedAt}`).join(',')}`;
    const render = async (): Promise<StoredPage> => {
      const report = await view.reportOf(summary, selection);
      const { renderHtml } = await import('../report/html/index.js');
      // Explaining each member costs a fit computation per article (over a second for 280 of them): a big
      // story's page links to its own membership page instead.
      const timeline = html`<section class="wrap" aria-labelledby="h-coverage-days"><div class="panel"><h2 id="h-coverage-days">Coverage by day</h2>${storyDaysChart((await view.storyOr404(summary.id)).members)}</div></section>`;
      const membership = selection.whole
        ? await (async () => {
            const { story, members } = await explainStoryIn(store, summary.id);
            return storyMembership(story, members, token !== null, notice);
          })()
        : membershipLink(summary.id, summary.articleCount, notice);
      const bottom = html`${timeline}${membership}`;
      // Findings the page draws are collected as it draws them; the notes panel (drawn last, into its slot)
      // marks a note whose finding is not among them as no longer in this story.
      const drawn = new Set<string>();
      const first = report.stories[0];
      const placed = placeNotes(notes, first ? findingLabels(first) : new Map());
      const rendered = renderHtml(report, {
        top: html`${siteBar()}${selectionPanel(summary.id, selection)}${storySpreadPanel(summary.id, spread, keep)}${exportPanel(summary.id, keep)}<div class="wrap">${html`<!--parallax:notes-panel-->`}</div>`,
        bottom: html`${bottom}${SHORTCUTS_TAG}`,
        formAction: 'self',
        sameOriginScripts: true,
        style: APP_STYLE + SELECTION_STYLE + SPREAD_STYLE + CHART_STYLE + KEEP_STYLE + SHORTCUTS_STYLE,
        embedData: false,
        findingExtra: findingNotes(summary.id, notes, placed, drawn, keep),
      });
      return storePage(
        // A function, not a string: a note's "$&" must not be read as a replacement pattern.
        rendered.replace(
          NOTES_PANEL_SLOT,
          () => notesPanel(summary.id, notes, placed, drawn, token !== null).value,
        ),
        HTML,
      );
    };
    // A page with a notice is drawn for its one request; the others are kept, and drawn once for all the
    // requests that ask for it while it is drawn (a story a worker just grew, asked for by several readers).
    const stored =
      notice !== null
        ? await render()
        : (view.pages.get(key) ??
          (await view.rendering.once(`story ${key}`, async () => {
            const page = await render();
            view.pages.set(key, page, page.gz.byteLength);
            return page;
          })));
    // Remembered under the version read before the page's key was: a change committed after that read
    // moves the version, so the address is never answered from here with a page older than the library.
    if (version !== null) view.rememberStoryPage(c.req.url, version, key);
    return respond(stored);
  };
  app.get('/stories/:id', (c) => {
    const merged = c.req.query('merged');
    const split = c.req.query('split');
    const notice =
      merged && /^\d+$/.test(merged)
        ? `Story ${merged} was merged into this one.`
        : split && /^\d+$/.test(split)
          ? `These articles were split off story ${split} into this new story.`
          : null;
    return storyPage(c, notice);
  });

  // One section of a story's report as a download: the same outlets as the page compares.
  app.get('/stories/:id/export', async (c) => {
    const summary = await view.summaryOr404(storyIdParam(c.req.param('id') ?? ''));
    const section = exportSectionParam(c.req.query('section'));
    const format = c.req.query('format') ?? 'csv';
    if (format !== 'csv' && format !== 'json')
      throw new HttpError(400, 'bad-parameter', `format is csv or json; got "${format}"`);
    const selection = await view.selectionOf(summary, c.req.queries('outlet') ?? []);
    const report = await view.reportOf(summary, selection);
    const story = report.stories[0];
    if (!story) throw new HttpError(404, 'not-found', `story ${summary.id} has nothing to compare`);
    const name = `story-${summary.id}-${section}.${format}`;
    c.header('Content-Disposition', `attachment; filename="${name}"`);
    c.header('Content-Security-Policy', PAGE_CSP);
    return format === 'csv'
      ? c.body(sectionCsv(story, section, { file: true }), 200, { 'Content-Type': 'text/csv; charset=UTF-8' })
      : c.json(sectionJson(story, section));
  });

  app.get('/stories/:id/articles', (c) =>
    view.cachedView(
      c,
      HTML,
      async () => {
        const summary = await view.summaryOr404(storyIdParam(c.req.param('id') ?? ''));
        const { story, members } = await explainStoryIn(store, summary.id);
        return page(
          `Articles of ${summary.title ?? `story ${summary.id}`}`,
          html`<h1><a href="/stories/${summary.id}">${summary.title ?? `Story ${summary.id}`}</a></h1>${storyMembership(story, members, token !== null, null)}`,
        );
      },
      PAGE_CSP,
    ),
  );

  app.get('/search', (c) =>
    view.cachedView(
      c,
      HTML,
      async () => {
        const q = c.req.query();
        const outlets = (await store.outlets()).map((o) => o.outlet);
        if ((q.q ?? '').trim() === '')
          return searchPage(
            { q: '', outlet: q.outlet ?? '', since: '', until: '', story: '', order: 'relevance' },
            null,
            outlets,
          );
        const found = await view.findOf(q);
        const form: SearchForm = {
          q: found.query,
          outlet: found.filters.outlet ?? '',
          since: found.filters.since ?? '',
          until: found.filters.until ?? '',
          story: found.filters.story === undefined ? '' : String(found.filters.story),
          order: found.order,
        };
        const storyTitle =
          found.filters.story === undefined
            ? null
            : ((await store.listStories({ ids: [found.filters.story], limit: 1 }))[0]?.title ?? null);
        return searchPage(
          form,
          found,
          outlets,
          storyTitle,
          saveSearchForm(savedSearchQuery(c.req.url), found.query.trim(), token !== null),
        );
      },
      PAGE_CSP,
    ),
  );
  app.get('/outlets', (c) =>
    view.cachedView(
      c,
      HTML,
      async () => {
        const directory = await view.spreads.directory();
        // Every field is a column name here: a sort by one no outlet has yet falls back to the default.
        const columns = outletColumns(directory.records, directory.scale, OUTLET_FIELDS);
        const sort = sortParam(columns, c.req.query('sort'), c.req.query('dir'), OUTLET_SORT);
        return outletsPage(await store.outlets(), directory.records, sort, directory.scale);
      },
      PAGE_CSP,
    ),
  );
  app.get('/outlets/:name', (c) =>
    view.cachedView(
      c,
      HTML,
      async () =>
        outletPage(
          await view.outletOf(c.req.param('name')),
          (await view.spreads.directory()).records.get(c.req.param('name')) ?? null,
        ),
      PAGE_CSP,
    ),
  );
  app.get('/blindspots', (c) =>
    view.cachedView(
      c,
      HTML,
      async () => {
        const q = c.req.query();
        const listing = await view.spreads.blindspots(
          spreadFieldParam(q.by),
          q.group || null,
          intParam(q.page, 'page', 1, LIMITS.listingPages),
          LIST_PAGE,
        );
        return page('Blindspots', blindspotsBody(listing));
      },
      PAGE_CSP,
    ),
  );
  app.get('/actors', (c) => {
    const prefix = actorKey(c.req.query('prefix') ?? '');
    return view.cachedView(
      c,
      HTML,
      async () =>
        actorsPage(
          await store.actors(LIMITS.actors, prefix || undefined),
          c.req.query('prefix') ?? '',
          sortParam(ACTOR_COLUMNS, c.req.query('sort'), c.req.query('dir'), ACTOR_SORT),
          LIMITS.actors,
        ),
      PAGE_CSP,
    );
  });
  app.get('/actors/:key', (c) =>
    view.cachedView(c, HTML, async () => actorPage(await view.actorOf(c.req.param('key'))), PAGE_CSP),
  );
  app.get('/add', (c) => {
    c.header('Content-Security-Policy', PAGE_CSP);
    return c.html(addPage(token !== null));
  });
  return app;
}
