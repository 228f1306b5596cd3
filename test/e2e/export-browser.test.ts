// Taking findings out of the web app, in real Chromium against a loopback server: a section downloads as
// a CSV that parses; a finding's permalink opens with that finding highlighted; printed citation chips
// name their outlet in full.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import type { AsyncStore } from '../../src/store/async-store.js';
import { makeArticle } from '../support/articles.js';
import { type Chromium, chromiumPath, INSTALL_HINT, launchChromium } from '../support/browser.js';
import { testLibraries } from '../support/test-library.js';

const available = chromiumPath() !== null;
const onCi = process.env.CI === 'true';
const LONG = 'The Pellbrook and Harlow Valley Evening Chronicle and Advertiser';

const libraries = testLibraries('export');

describe.skipIf(!available && !onCi)('export and share in chromium', () => {
  let browser: Chromium;
  let server: RunningServer;
  let store: AsyncStore;
  let dir = '';
  let origin = '';
  let storyId = 0;

  beforeAll(async () => {
    if (!available) throw new Error(INSTALL_HINT);
    dir = await mkdtemp(join(tmpdir(), 'parallax-export-browser-'));
    store = await libraries.openFresh();
    const put = await store.putArticles(
      ['Daily Quill', LONG].map((outlet, i) =>
        makeArticle({
          id: `ferry-${i}`,
          url: `https://news.example/ferry/${i}`,
          outlet,
          title: `Harbour ferry back in service ${i}`,
          published: '2031-05-10',
          text: `The harbour ferry resumed service on Monday, ${i === 0 ? 'the port said' : 'port officials said'}.`,
        }),
      ),
    );
    storyId = await store.storyIndex().saveProfile({
      id: null,
      size: 2,
      firstDay: null,
      lastDay: null,
      features: new Map([['t:ferry', 1]]),
    });
    for (const id of put.added)
      await store.placeArticle(id, {
        storyId,
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

  it('downloads the facts as CSV, follows a fact’s permalink, prints outlet names', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/stories/${storyId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.export-panel a', { hasText: 'CSV' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toBe(`story-${storyId}-facts.csv`);
    const path = join(dir, 'facts.csv');
    await download.saveAs(path);
    const lines = (await readFile(path, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(`fact_id,fact,kind,confidence,adds_detail,Daily Quill,${LONG}`);
    const factId = lines[1]?.split(',')[0] ?? '';
    expect(factId).toMatch(/^f\d+$/);

    // The permalink of that fact: the row is the page's target, highlighted, and scrolled into view.
    const link = page.locator(`#fact-${factId} a.permalink`);
    expect(await link.getAttribute('href')).toBe(`#fact-${factId}`);
    await page.goto(`${origin}/stories/${storyId}#fact-${factId}`);
    const row = page.locator(`#fact-${factId}`);
    await expect.poll(() => row.evaluate((el) => el.matches(':target'))).toBe(true);
    const background = await row.locator('th').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    const box = await row.boundingBox();
    const height = page.viewportSize()?.height ?? 0;
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect(box?.y).toBeLessThan(height);

    // On paper a chip says which outlet it stands for in full.
    await page.emulateMedia({ media: 'print' });
    const printed = await page
      .locator(`.chip[data-outlet="${LONG}"]`)
      .first()
      .evaluate((el) => getComputedStyle(el, '::after').content);
    expect(printed).toBe(`"${LONG}"`);
    await page.close();
  }, 60_000);
});
