// The server-rendered pages (rendering in pages.ts): they read without JavaScript; the only script is the
// story page's own, allowed by its hash.

import { type Context, Hono } from 'hono';
import { explainStory } from '../library/stories.js';
import type { StorySpread } from '../outlets/spread.js';
import { html } from '../report/escape.js';
import { sectionCsv, sectionJson } from '../report/sections-export.js';
import { actorKey } from '../text/article-labels.js';
import { HttpError } from './http-error.js';
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
  searchPage,
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
import { membershipLink, SELECTION_STYLE, selectionPanel } from './selection-panel.js';
import { SHORTCUTS_STYLE, SHORTCUTS_TAG } from './shortcuts.js';
import { blindspotsBody, exportPanel, SPREAD_STYLE, storySpreadPanel } from './spread-panel.js';

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
        const spreads = view.spreads.spreadsOf(
          listing.stories.map((s) => s.id),
          'leaning',
        );
        return storyListPage(listing, filters, store.outlets(), spreads);
      },
      PAGE_CSP,
    ),
  );

  const storyPage = async (c: Context, notice: string | null) => {
    const summary = view.summaryOr404(storyIdParam(c.req.param('id') ?? ''));
    const selection = view.selectionOf(summary, c.req.queries('outlet') ?? []);
    // The spread changes with the outlet directory, not only with the story: it is part of the page's key.
    const field = spreadFieldParam(c.req.query('by'));
    const spread = view.spreads.spreadsOf([summary.id], field).get(summary.id) as StorySpread;
    const keep: [string, string][] =
      selection.whole || selection.byDefault
        ? []
        : selection.outlets.filter((o) => o.chosen).map((o) => ['outlet', o.outlet]);
    const key = `${view.cacheKey(summary, selection)}~${JSON.stringify(spread)}`;
    let stored: StoredPage | undefined = notice === null ? view.pages.get(key) : undefined;
    if (stored === undefined) {
      const report = await view.reportOf(summary, selection);
      const { renderHtml } = await import('../report/html/index.js');
      // Explaining each member costs a fit computation per article (over a second for 280 of them): a big
      // story's page links to its own membership page instead.
      const bottom = selection.whole
        ? (() => {
            const { story, members } = explainStory(store, summary.id);
            return storyMembership(story, members, token !== null, notice);
          })()
        : membershipLink(summary.id, summary.articleCount, notice);
      stored = storePage(
        renderHtml(report, {
          top: html`${siteBar()}${selectionPanel(summary.id, selection)}${storySpreadPanel(summary.id, spread, keep)}${exportPanel(summary.id, keep)}`,
          bottom: html`${bottom}${SHORTCUTS_TAG}`,
          formAction: 'self',
          sameOriginScripts: true,
          style: APP_STYLE + SELECTION_STYLE + SPREAD_STYLE + SHORTCUTS_STYLE,
          embedData: false,
        }),
        HTML,
      );
      if (notice === null) view.pages.set(key, stored, stored.gz.byteLength);
    }
    // The report page carries its own CSP (a meta tag allowing its script by hash); the header repeats it.
    return pageResponse(stored, c.req.header('accept-encoding'), {
      'Content-Security-Policy': await storyCsp(),
    });
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
    const summary = view.summaryOr404(storyIdParam(c.req.param('id') ?? ''));
    const section = exportSectionParam(c.req.query('section'));
    const format = c.req.query('format') ?? 'csv';
    if (format !== 'csv' && format !== 'json')
      throw new HttpError(400, 'bad-parameter', `format is csv or json; got "${format}"`);
    const selection = view.selectionOf(summary, c.req.queries('outlet') ?? []);
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
      () => {
        const summary = view.summaryOr404(storyIdParam(c.req.param('id') ?? ''));
        const { story, members } = explainStory(store, summary.id);
        return page(
          `Articles of ${summary.title ?? `story ${summary.id}`}`,
          html`<h1><a href="/stories/${summary.id}">${summary.title ?? `Story ${summary.id}`}</a></h1>${storyMembership(story, members, token !== null, null)}`,
        );
      },
      PAGE_CSP,
    ),
  );

  app.get('/search', (c) => {
    const q = c.req.query('q') ?? '';
    return view.cachedView(
      c,
      HTML,
      async () =>
        q.trim() === ''
          ? searchPage('', null)
          : searchPage(q, (await view.searchOf(q, c.req.query('limit'))).hits),
      PAGE_CSP,
    );
  });
  app.get('/outlets', (c) =>
    view.cachedView(c, HTML, () => outletsPage(store.outlets(), view.spreads.directory().records), PAGE_CSP),
  );
  app.get('/outlets/:name', (c) =>
    view.cachedView(
      c,
      HTML,
      async () =>
        outletPage(
          await view.outletOf(c.req.param('name')),
          view.spreads.directory().records.get(c.req.param('name')) ?? null,
        ),
      PAGE_CSP,
    ),
  );
  app.get('/blindspots', (c) =>
    view.cachedView(
      c,
      HTML,
      () => {
        const q = c.req.query();
        const listing = view.spreads.blindspots(
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
      () => actorsPage(store.actors(LIMITS.actors, prefix || undefined), c.req.query('prefix') ?? ''),
      PAGE_CSP,
    );
  });
  app.get('/actors/:key', (c) =>
    view.cachedView(c, HTML, () => actorPage(view.actorOf(c.req.param('key'))), PAGE_CSP),
  );
  app.get('/add', (c) => {
    c.header('Content-Security-Policy', PAGE_CSP);
    return c.html(addPage(token !== null));
  });
  return app;
}
