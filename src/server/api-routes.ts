// The JSON API's reads: each page's twin under /api (see openapi.ts).

import { Hono } from 'hono';
import { explainStoryIn } from '../library/stories.js';
import { blindspotGroup } from '../outlets/spread.js';
import { actorKey } from '../text/article-labels.js';
import { JSON_TYPE, LIMITS, type LibraryView } from './library-view.js';
import { OPENAPI } from './openapi.js';
import { pageResponse } from './page-cache.js';
import { intParam, spreadFieldParam, storyIdParam } from './params.js';
import { blindspotsJson } from './spread-views.js';

export function apiRoutes(view: LibraryView): Hono {
  const { store } = view;
  const api = new Hono();
  api.get('/api/health', async (c) =>
    c.json({ ok: true, articles: await store.countArticles(), stories: await store.countStories() }),
  );
  api.get('/api/openapi.json', (c) => c.json(OPENAPI));
  api.get('/api/stories', (c) =>
    view.cachedView(c, JSON_TYPE, async () => {
      const { stories, total, limit, offset, calibration } = await view.listingOf(c.req.query());
      return JSON.stringify({ stories, total, limit, ...(offset > 0 ? { offset } : {}), calibration });
    }),
  );
  api.get('/api/stories/:id', async (c) => {
    const summary = await view.summaryOr404(storyIdParam(c.req.param('id')));
    // Without outlet parameters the whole story is compared, as before; with them, those outlets only.
    const requested = c.req.queries('outlet') ?? [];
    const selection = requested.length ? await view.selectionOf(summary, requested) : undefined;
    const stored = await view.reportJson(summary, selection);
    return pageResponse(stored, c.req.header('accept-encoding'), {});
  });
  api.get('/api/stories/:id/spread', async (c) => {
    const summary = await view.summaryOr404(storyIdParam(c.req.param('id')));
    const field = spreadFieldParam(c.req.query('by'));
    const spread = (await view.spreads.spreadsOf([summary.id], field)).get(summary.id);
    return c.json({ story: summary.id, ...spread, blindspot: spread ? blindspotGroup(spread) : null });
  });
  api.get('/api/blindspots', (c) =>
    view.cachedView(c, JSON_TYPE, async () => {
      const q = c.req.query();
      const b = await view.spreads.blindspots(
        spreadFieldParam(q.by),
        q.group || null,
        intParam(q.page, 'page', 1, LIMITS.listingPages),
        intParam(q.limit, 'limit', 50, LIMITS.listing),
      );
      return JSON.stringify(blindspotsJson(b));
    }),
  );
  api.get('/api/stories/:id/why', async (c) => {
    const id = storyIdParam(c.req.param('id'));
    await view.storyOr404(id);
    const { story, members } = await explainStoryIn(store, id);
    return c.json({ story: { ...story, members: undefined }, members });
  });
  api.get('/api/outlets', async (c) => c.json({ outlets: await store.outlets() }));
  api.get('/api/outlets/:name', (c) =>
    view.cachedView(c, JSON_TYPE, async () => JSON.stringify(await view.outletOf(c.req.param('name')))),
  );
  api.get('/api/actors', async (c) => {
    const prefix = actorKey(c.req.query('prefix') ?? '');
    return c.json({ actors: await store.actors(LIMITS.actors, prefix || undefined) });
  });
  api.get('/api/actors/:key', (c) =>
    view.cachedView(c, JSON_TYPE, async () => JSON.stringify(await view.actorOf(c.req.param('key')))),
  );
  api.get('/api/search', async (c) => {
    const { query, filters, order, total, offset, limit, hits } = await view.findOf(c.req.query());
    return c.json({ query, filters, sort: order, total, offset, limit, hits });
  });
  return api;
}
