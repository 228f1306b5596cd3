// Comfort in real Chromium against a loopback server on a small demo library (the invented library
// fixtures, an outlet directory giving their leanings): every page type at 390 px wide scrolls only up and
// down (tables scroll inside their own box) and breaks no word in the middle; the dark theme follows the
// system's preference; `?` lists the keyboard shortcuts, which work; error pages read as pages.
// `npm run screenshots` (PARALLAX_DOCS=1) also writes the README's pictures of the web app to docs/.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../../src/cli/main.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { ingestIntoLibrary } from '../../src/library/ingest.js';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import { SHORTCUTS } from '../../src/server/shortcuts.js';
import type { AsyncStore } from '../../src/store/async-store.js';
import { type Chromium, chromiumPath, INSTALL_HINT, launchChromium } from '../support/browser.js';
import { DEMO_DIRECTORY } from '../support/demo-directory.js';
import { ALL_FIXTURES, FLOOD_REPRINT, writeFixtures } from '../support/library-fixtures.js';
import { testLibraries } from '../support/test-library.js';

const available = chromiumPath() !== null;
const onCi = !!process.env.CI;

/** Whether the page scrolls sideways, and the words (letter runs) a line break cuts in two. */
async function phoneFacts(page: Page): Promise<{ scrollWidth: number; innerWidth: number; cut: string[] }> {
  return page.evaluate(() => {
    const cut: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[hidden], details:not([open]), script, style, svg')) continue;
      const text = node.textContent ?? '';
      // An address may break anywhere (overflow-wrap: anywhere): it is one long token, not a word.
      if (/^\s*https?:\/\//.test(text)) continue;
      for (const m of text.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
        const range = document.createRange();
        range.setStart(node, m.index ?? 0);
        range.setEnd(node, (m.index ?? 0) + m[0].length);
        const tops = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
        );
        if (tops.size > 1)
          cut.push(`${m[0]} (in <${parent.tagName.toLowerCase()} class="${parent.className}">)`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, cut };
  });
}

const libraries = testLibraries('comfort');

describe.skipIf(!available && !onCi)('comfort in chromium', () => {
  let browser: Chromium;
  let server: RunningServer;
  let store: AsyncStore;
  let dir = '';
  let origin = '';
  let flood = 0;
  let firstActor = 'none';
  const errors: string[] = [];

  beforeAll(async () => {
    if (!available) throw new Error(INSTALL_HINT);
    dir = await mkdtemp(join(tmpdir(), 'parallax-comfort-'));
    const files = writeFixtures(join(dir, 'articles'), [...ALL_FIXTURES, FLOOD_REPRINT]);
    const db = await libraries.fresh();
    store = await libraries.open(db);
    await ingestIntoLibrary(store, files, DEFAULT_CONFIG, { worker: false });
    const file = join(dir, 'outlets.yaml');
    await writeFile(file, stringify(DEMO_DIRECTORY));
    const out: string[] = [];
    const code = await main(['outlets', 'import', file, '--db', db], {
      stdout: (c) => out.push(c),
      stderr: (l) => out.push(l),
      stdin: process.stdin,
    });
    if (code !== 0) throw new Error(out.join('\n'));
    flood =
      (await store.listStories({ limit: 10 })).find(
        (s) => s.outlets.includes('Radio Brannock') && s.articleCount > 2,
      )?.id ?? 0;
    firstActor = (await store.actors(1))[0]?.actor ?? 'none';
    server = await startServer({ store, token: null, host: '127.0.0.1', port: 0, log: () => {} });
    origin = new URL(server.url).origin;
    browser = await launchChromium({ onlyOrigin: origin });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function open(path: string, options: { width?: number; dark?: boolean } = {}): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
    page.on('console', (m) => {
      // An error page's own status is logged as a failed load; anything else is a fault.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        errors.push(`${path}: ${m.text()}`);
    });
    if (options.width) await page.setViewportSize({ width: options.width, height: 844 });
    if (options.dark) await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(origin + path);
    return page;
  }

  async function docs(page: Page, name: string): Promise<void> {
    if (process.env.PARALLAX_DOCS)
      await page.screenshot({
        path: resolve(import.meta.dirname, `../../docs/${name}.png`),
        fullPage: false,
      });
  }

  /** One address of each page type the app serves. */
  function pageTypes(): string[] {
    return [
      '/',
      `/stories/${flood}`,
      `/stories/${flood}/articles`,
      '/search?q=Tessaly',
      '/outlets',
      `/outlets/${encodeURIComponent('Valley Courier')}`,
      '/blindspots',
      '/actors',
      `/actors/${encodeURIComponent(firstActor)}`,
      '/add',
      '/no/such/page',
      '/stories/999999',
      '/?since=yesterday',
    ];
  }

  it('at 390 px no page scrolls sideways and no word is cut in two', async () => {
    expect(flood).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const path of pageTypes()) {
      for (const dark of [false, true]) {
        const page = await open(path, { width: 390, dark });
        const facts = await phoneFacts(page);
        if (process.env.PARALLAX_SHOTS)
          await page.screenshot({
            path: join(
              process.env.PARALLAX_SHOTS,
              `phone-${dark ? 'dark' : 'light'}-${path.replace(/\W+/g, '_')}.png`,
            ),
            fullPage: true,
          });
        if (facts.scrollWidth > facts.innerWidth) {
          const wide = await page.evaluate(() =>
            [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
              .filter((el) => !el.parentElement?.closest('.table-wrap, table'))
              .slice(0, 6)
              .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
          );
          problems.push(
            `${path}: ${facts.scrollWidth} px wide in a ${facts.innerWidth} px window: ${wide.join(', ')}`,
          );
        }
        for (const word of facts.cut) problems.push(`${path}: "${word}" cut across two lines`);
        await page.close();
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it('a table wider than the phone scrolls in its own box, hidden labels in it included', async () => {
    // On a real library an outlet page's actor table is wider than a phone, and its tone words are
    // visually hidden (.sr, absolutely placed): they must not widen the page.
    const page = await open(`/outlets/${encodeURIComponent('Valley Courier')}`, { width: 390 });
    await page.evaluate(() => {
      const table = document.querySelector('table.grid');
      const row = document.createElement('tr');
      const cell = document.createElement('td');
      cell.style.whiteSpace = 'nowrap';
      cell.textContent = 'Councillor '.repeat(12);
      const hidden = document.createElement('span');
      hidden.className = 'sr';
      hidden.textContent = ' (neutral)';
      cell.append(hidden);
      row.append(cell);
      table?.querySelector('tbody')?.append(row);
    });
    const facts = await phoneFacts(page);
    expect(facts.scrollWidth).toBeLessThanOrEqual(facts.innerWidth);
    expect(await page.evaluate(() => document.querySelector('table.grid')?.scrollWidth)).toBeGreaterThan(390);
    await page.close();
  });

  it('the cut-word check sees a cut word and a sideways scroll', async () => {
    const page = await open('/add', { width: 390 });
    await page.evaluate(() => {
      const box = document.createElement('p');
      box.style.cssText = 'width: 40px; overflow-wrap: anywhere';
      box.textContent = 'Extraordinarily';
      document.querySelector('main')?.append(box);
      const wide = document.createElement('div');
      wide.style.width = '600px';
      wide.textContent = 'wide';
      document.querySelector('main')?.append(wide);
    });
    const facts = await phoneFacts(page);
    expect(facts.cut.map((c) => c.split(' ')[0])).toEqual(['Extraordinarily']);
    expect(facts.scrollWidth).toBeGreaterThan(facts.innerWidth);
    await page.close();
  });

  it('lists the keyboard shortcuts on ?, and they work', async () => {
    const page = await open('/');
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor({ state: 'visible' });
    const listed = await dialog.locator('dt').allTextContents();
    expect(listed).toEqual(SHORTCUTS.map(([keys]) => keys.replace(' ', ' then ')));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // "/" puts the cursor in the search box; typing there is not taken for shortcuts.
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-q');
    await page.keyboard.type('g o?');
    expect(await page.inputValue('#site-q')).toBe('g o?');
    expect(await dialog.isVisible()).toBe(false);
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.keyboard.press('g');
    await page.keyboard.press('o');
    await page.waitForURL(`${origin}/outlets`);
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await page.waitForURL(`${origin}/`);

    // j and k step through a story page's findings by their addresses; :target highlights the one reached.
    await page.goto(`${origin}/stories/${flood}`);
    const ids = await page.evaluate(() =>
      [...document.querySelectorAll('tr[id^="fact-"], tr[id^="actor-"], article.quote[id], article.disc[id]')]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => el.id),
    );
    expect(ids.length).toBeGreaterThan(2);
    await page.keyboard.press('j');
    await page.waitForURL(`${origin}/stories/${flood}#${ids[0]}`);
    await page.keyboard.press('j');
    await page.waitForURL(`${origin}/stories/${flood}#${ids[1]}`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(ids[1]);
    await page.keyboard.press('k');
    await page.waitForURL(`${origin}/stories/${flood}#${ids[0]}`);
    // The story page's own script and the shortcuts both run under its CSP: no violation was reported.
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pages read and work without JavaScript', async () => {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`${origin}/stories/${flood}`);
    expect(await page.locator('.facts tbody tr').count()).toBeGreaterThan(2);
    expect(await page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(false);
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('Tessaly');
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:has-text("Search: Tessaly")');
    await page.keyboard.press('?');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.close();
  });

  it('the README pictures: a story page in light and dark, the story list on a phone', async () => {
    // Written to docs/ only by `npm run screenshots` (PARALLAX_DOCS=1); the pages are checked either way.
    const light = await open(`/stories/${flood}`);
    expect(await light.locator('.spread-panel .spread-bar').count()).toBe(1);
    await docs(light, 'app-light');
    await light.close();
    const dark = await open(`/stories/${flood}`, { dark: true });
    expect(await dark.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await docs(dark, 'app-dark');
    await dark.close();
    const phone = await open('/', { width: 390 });
    expect(await phone.locator('ol.rows > li').count()).toBe(3);
    await docs(phone, 'app-phone');
    await phone.close();
  });

  it('follows the system: dark colours in dark mode, light otherwise', async () => {
    for (const path of ['/', `/stories/${flood}`]) {
      const colours = async (dark: boolean) => {
        const page = await open(path, { dark });
        const got = await page.evaluate(() => ({
          bg: getComputedStyle(document.body).backgroundColor,
          ink: getComputedStyle(document.body).color,
        }));
        if (process.env.PARALLAX_SHOTS)
          await page.screenshot({
            path: join(
              process.env.PARALLAX_SHOTS,
              `${path === '/' ? 'list' : 'story'}-${dark ? 'dark' : 'light'}.png`,
            ),
            fullPage: true,
          });
        await page.close();
        return got;
      };
      expect(await colours(false)).toEqual({ bg: 'rgb(245, 246, 248)', ink: 'rgb(28, 35, 48)' });
      expect(await colours(true)).toEqual({ bg: 'rgb(17, 21, 27)', ink: 'rgb(228, 232, 238)' });
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
