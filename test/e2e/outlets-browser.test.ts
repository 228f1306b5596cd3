// The outlet directory as a user meets it, in real Chromium against a loopback server: a story page without
// a directory says how to get one; `parallax outlets import` while the server runs; the reloaded page shows
// the spread bar and its blindspot badge, which opens the blindspot list. PARALLAX_SHOTS=DIR keeps the
// screenshots.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../../src/cli/main.js';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import type { AsyncStore } from '../../src/store/async-store.js';
import { makeArticle } from '../support/articles.js';
import { type Chromium, chromiumPath, INSTALL_HINT, launchChromium } from '../support/browser.js';
import { DIRECTORY } from '../support/outlet-directory.js';
import { testLibraries } from '../support/test-library.js';

const available = chromiumPath() !== null;
const onCi = process.env.CI === 'true';

const libraries = testLibraries('outlets');

describe.skipIf(!available && !onCi)('outlet directory in chromium', () => {
  let browser: Chromium;
  let server: RunningServer;
  let store: AsyncStore;
  let dir = '';
  let db = '';
  let origin = '';
  let ferry = 0;

  beforeAll(async () => {
    if (!available) throw new Error(INSTALL_HINT);
    dir = await mkdtemp(join(tmpdir(), 'parallax-outlets-browser-'));
    db = await libraries.fresh();
    store = await libraries.open(db);
    const articles = ['Daily Quill', 'Ridge Courier'].map((outlet, i) =>
      makeArticle({
        id: `ferry-${i}`,
        url: `https://news.example/ferry/${i}`,
        outlet,
        title: `Harbour ferry back in service (${outlet})`,
        published: '2031-05-10',
        text: `The harbour ferry resumed service on Monday, ${outlet} reported.`,
      }),
    );
    const put = await store.putArticles(articles);
    ferry = await store.storyIndex().saveProfile({
      id: null,
      size: 2,
      firstDay: null,
      lastDay: null,
      features: new Map([['t:ferry', 1]]),
    });
    for (const id of put.added)
      await store.placeArticle(id, {
        storyId: ferry,
        duplicateOf: null,
        score: null,
        reasons: null,
        placedBy: 'user',
      });
    server = await startServer({ store, token: null, host: '127.0.0.1', port: 0, log: () => {} });
    origin = new URL(server.url).origin;
    browser = await launchChromium({ onlyOrigin: origin });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function shoot(page: import('playwright-core').Page, name: string) {
    if (process.env.PARALLAX_SHOTS)
      await page.screenshot({ path: join(process.env.PARALLAX_SHOTS, `${name}.png`), fullPage: false });
  }

  it('import a directory, see the spread bar, open the blindspot', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', async (d) => {
      errors.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    await page.goto(`${origin}/stories/${ferry}`);
    await expect
      .poll(() => page.locator('.spread-panel').textContent())
      .toContain('parallax outlets import --starter');

    const file = join(dir, 'outlets.yaml');
    await writeFile(file, stringify(DIRECTORY));
    const out: string[] = [];
    const code = await main(['outlets', 'import', file, '--db', db], {
      stdout: (c) => out.push(c),
      stderr: (l) => out.push(l),
      stdin: process.stdin,
    });
    expect(code, out.join('\n')).toBe(0);

    await page.reload();
    const bar = page.locator('.spread-panel .spread-bar');
    await expect
      .poll(() => bar.getAttribute('aria-label'))
      .toBe('Voices by leaning: left 0, centre 0, right 2');
    // The bar is drawn: one coloured segment across its whole width.
    const [barBox, segmentBox] = await Promise.all([
      bar.boundingBox(),
      bar.locator('span').first().boundingBox(),
    ]);
    expect(segmentBox?.width).toBeGreaterThan((barBox?.width ?? 0) - 2);
    await shoot(page, 'story-spread');

    await page.locator('.spread-panel a.blind').click();
    await page.waitForURL(/\/blindspots\?by=leaning&group=right$/);
    await expect
      .poll(() => page.locator('ol.rows .title').allTextContents())
      .toEqual(['Harbour ferry back in service (Daily Quill)']);
    expect(await page.locator('[role="status"]').textContent()).toBe(
      '1–1 of 1 blindspot covered only by right',
    );
    await shoot(page, 'blindspots');

    // On a phone the page scrolls only up and down.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(page, 'blindspots-phone');
    // Hostile owner and notes of the Daily Quill are shown as text on its page and run nothing.
    await page.goto(`${origin}/outlets/${encodeURIComponent('Daily Quill')}`);
    await expect.poll(() => page.locator('[aria-labelledby="h-about"]').textContent()).toContain('<script>');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
