// The web app's refusals and failures as a reader meets them: a page with a heading, one plain sentence
// and links on (no command-line hints, nothing of the server's internals); the API answers the same
// failures in JSON with a stable code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParallaxError } from '../src/errors.js';
import { createApp } from '../src/server/app.js';
import { readerSentence } from '../src/server/error-page.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { mainText } from './support/page-text.js';

let dir = '';
let store: Store;
/** What the store's story listing does next: answer, fail as a bug, or fail as a busy library. */
let failure: 'none' | 'bug' | 'busy' = 'none';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-error-pages-'));
  store = openSqliteStore(join(dir, 'library.db'));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The app over a store whose listing fails as `failure` says. */
function app() {
  const failing = new Proxy(store, {
    get(target, name, receiver) {
      if (name === 'listStories' && failure !== 'none')
        return () => {
          if (failure === 'bug') throw new TypeError('secret internals: cannot read x of undefined');
          throw new ParallaxError(
            'CONFIG',
            'the library /srv/secret.db is locked; run "parallax migrate" --db',
          );
        };
      const value = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return createApp({ store: failing as Store });
}

const CASES: { path: string; status: number; failure?: 'bug' | 'busy'; heading: string; says: RegExp }[] = [
  { path: '/no/such/page', status: 404, heading: 'Not found', says: /Nothing lives at \/no\/such\/page ?\./ },
  {
    path: '/stories/912',
    status: 404,
    heading: 'Not found',
    says: /There is no story 912 in this library\./,
  },
  {
    path: '/?since=yesterday',
    status: 400,
    heading: 'Cannot show this page',
    says: /^Cannot show this page Since must be a day/,
  },
  {
    path: '/',
    status: 500,
    failure: 'bug',
    heading: 'Something went wrong',
    says: /An error on the server stopped this page/,
  },
  {
    path: '/',
    status: 503,
    failure: 'busy',
    heading: 'Not available right now',
    says: /Try again in a moment/,
  },
];

describe('error pages for the browser', () => {
  for (const c of CASES) {
    it(`${c.status} at ${c.path}${c.failure ? ` (${c.failure})` : ''}: a page with a sentence and links`, async () => {
      failure = c.failure ?? 'none';
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const res = await app().request(`http://localhost${c.path}`, { headers: { host: 'localhost' } });
        expect(res.status).toBe(c.status);
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
        const page = await res.text();
        expect(page).toContain(`<h1>${c.heading}</h1>`);
        const text = mainText(page);
        expect(text).toMatch(c.says);
        // No command-line hints and nothing of the server's insides.
        expect(text).not.toMatch(/parallax\s|--[a-z]|secret|undefined|\.db\b/i);
        expect(page).toContain('<a href="/">the stories</a>');
      } finally {
        console.error = original;
        failure = 'none';
      }
      // A bug is logged for whoever runs the server, with its details.
      if (c.status === 500) expect(String(errors[0])).toContain('secret internals');
    });
  }

  it('the API keeps JSON errors with a stable code', async () => {
    const get = (path: string) =>
      app().request(`http://localhost${path}`, { headers: { host: 'localhost' } });
    const cases: [string, number, string, 'none' | 'bug' | 'busy'][] = [
      ['/api/no-such', 404, 'not-found', 'none'],
      ['/api/stories/912', 404, 'not-found', 'none'],
      ['/api/stories?since=yesterday', 400, 'bad-parameter', 'none'],
      ['/api/stories', 500, 'internal', 'bug'],
      ['/api/stories', 503, 'store', 'busy'],
    ];
    const original = console.error;
    console.error = () => {};
    try {
      for (const [path, status, code, how] of cases) {
        failure = how;
        const res = await get(path);
        expect([path, res.status]).toEqual([path, status]);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect([path, body.error.code]).toEqual([path, code]);
        expect(body.error.message).not.toContain('secret internals');
      }
    } finally {
      console.error = original;
      failure = 'none';
    }
  });

  it('a hostile address is shown as text', async () => {
    for (const path of ['/"><script>alert(1)</script>', '/x?since="><img src=x onerror=alert(2)>']) {
      const res = await app().request(`http://localhost${path}`, { headers: { host: 'localhost' } });
      const page = await res.text();
      expect([path, page]).not.toEqual([path, expect.stringMatching(/<script>alert|<img src=x/)]);
      expect(page.match(/<script\b[^>]*>/g)).toEqual(['<script src="/assets/shortcuts.js" defer>']);
    }
  });

  it('drops the clauses of a message that name a command or a flag', () => {
    expect(readerSentence('there is no story 4; "parallax stories" lists them')).toBe('There is no story 4.');
    expect(readerSentence('since must be a day as YYYY-MM-DD')).toBe('Since must be a day as YYYY-MM-DD.');
    expect(readerSentence('give --db FILE')).toBe('');
  });
});
