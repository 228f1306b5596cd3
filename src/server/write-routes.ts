// Everything that changes the library: the API's JSON writes and the pages' form posts. Where a write may
// come from and the token are checked by app.ts's guards before these run; the API's take JSON only.

import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { mergeStoriesIn, splitStoryIn } from '../library/stories.js';
import { addArticles } from './add-articles.js';
import { jsonWrites } from './guards.js';
import { asClientError, HttpError } from './http-error.js';
import { LIMITS, type LibraryView, PAGE_CSP } from './library-view.js';
import { addedPage } from './pages.js';
import { jsonBody, storyIdParam, tooLarge } from './params.js';

export function writeRoutes(view: LibraryView): Hono {
  const { store, token, annotator } = view;
  const app = new Hono();

  // Adds one article: a JSON record ({text | html, title, outlet, url, published}), or {"fetch": address}
  // for the page at that address. It is ingested like any input and lands in its story.
  app.post('/api/articles', jsonWrites, async (c) => {
    const json = await jsonBody(c);
    if (typeof json.fetch === 'string') {
      const result = await addArticles(store, {
        urls: [json.fetch],
        fetcher: await view.fetcherFor(),
        annotator,
      });
      if (result.added.length + result.existing === 0) {
        throw new HttpError(422, 'not-an-article', result.refused[0] ?? 'no article at that address');
      }
      return c.json(result, result.added.length > 0 ? 201 : 200);
    }
    const result = await addArticles(store, { raw: JSON.stringify(json), annotator });
    if (result.added.length + result.existing === 0) {
      throw new HttpError(422, 'not-an-article', result.refused[0] ?? 'no article in the request body');
    }
    return c.json(result, result.added.length > 0 ? 201 : 200);
  });
  app.post('/api/stories/:id/merge', jsonWrites, async (c) => {
    const target = storyIdParam(c.req.param('id'));
    const { other } = await jsonBody(c);
    const otherId = storyIdParam(String(other ?? ''));
    const merged = await asClientError(() => mergeStoriesIn(store, target, otherId));
    return c.json({ story: { ...merged, members: undefined } });
  });
  app.post('/api/stories/:id/split', jsonWrites, async (c) => {
    const id = storyIdParam(c.req.param('id'));
    const { articles } = await jsonBody(c);
    if (!Array.isArray(articles) || !articles.every((a) => typeof a === 'string')) {
      throw new HttpError(400, 'bad-body', 'articles must be a list of article ids');
    }
    const { from, to } = await asClientError(() => splitStoryIn(store, id, articles as string[]));
    return c.json({ from: { ...from, members: undefined }, to: { ...to, members: undefined } });
  });

  /** Reads a form posted from the app's pages; the token, when the server has one, is a form field. */
  const readForm = async (c: Context) => {
    const form = await c.req.parseBody({ all: true });
    if (token !== null && form.token !== token)
      throw new HttpError(401, 'unauthorized', 'writing needs the token parallax serve printed');
    return form;
  };

  app.post('/stories/:id/merge', async (c) => {
    const form = await readForm(c);
    const target = storyIdParam(c.req.param('id'));
    const other = storyIdParam(String(form.other ?? '').trim());
    await asClientError(() => mergeStoriesIn(store, target, other));
    return c.redirect(`/stories/${target}?merged=${other}`, 303);
  });
  app.post('/stories/:id/split', async (c) => {
    const form = await readForm(c);
    const id = storyIdParam(c.req.param('id'));
    const chosen = form.articles;
    const articles = (Array.isArray(chosen) ? chosen : chosen === undefined ? [] : [chosen]).map(String);
    if (articles.length === 0)
      throw new HttpError(400, 'bad-request', 'choose at least one article to split off');
    const { to } = await asClientError(() => splitStoryIn(store, id, articles));
    return c.redirect(`/stories/${to.id}?split=${id}`, 303);
  });

  app.post(
    '/add',
    bodyLimit({ maxSize: LIMITS.uploadBytes, onError: tooLarge(LIMITS.uploadBytes) }),
    async (c) => {
      const form = await readForm(c);
      const files = [form.files].flat().filter((f): f is File => f instanceof File && f.size > 0);
      const text = typeof form.text === 'string' ? form.text : '';
      const field = (name: string) => {
        const v = form[name];
        return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
      };
      const address = field('fetch');
      if (files.length === 0 && text.trim() === '' && !address) {
        throw new HttpError(400, 'bad-body', 'give an article address, its text, or files to upload');
      }
      const result = await addArticles(store, {
        urls: address ? [address] : [],
        fetcher: address ? await view.fetcherFor() : undefined,
        annotator,
        files,
        pasted:
          text.trim() === ''
            ? null
            : {
                text,
                title: field('title'),
                outlet: field('outlet'),
                url: field('url'),
                published: field('published'),
              },
      });
      c.header('Content-Security-Policy', PAGE_CSP);
      return c.html(
        addedPage(result.added, result.existing, result.refused, token !== null),
        result.added.length ? 201 : 200,
      );
    },
  );
  return app;
}
