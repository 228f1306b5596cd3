// The web app in a real browser (Debian chromium through playwright-core) against `startServer` on a loopback
// port, driven as a reader would: open the story list, a story, click a label to reach its sentence, open an
// outlet profile and an actor page, search, and add an article by pasting it, then see it in its story.
// Every page is also checked for keyboard reach, landmarks and labels, tone carried by more than colour,
// console errors, requests leaving the server, and injected script (an article made of payloads).
// Screenshots of each page go to a temporary folder; PARALLAX_DOCS=1 also refreshes docs/app-*.png.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { ingestIntoLibrary } from '../../src/library/ingest.js';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import type { AsyncStore } from '../../src/store/async-store.js';
import { PAYLOADS } from '../fixtures/report/payloads.js';
import { type Chromium, chromiumPath, INSTALL_HINT, launchChromium } from '../support/browser.js';
import { ALL_FIXTURES, type FixtureArticle, writeFixtures } from '../support/library-fixtures.js';
import { testLibraries } from '../support/test-library.js';

const available = chromiumPath() !== null;
const onCi = !!process.env.CI;

/** An article whose every field carries an injection payload; the pages must show it as text. */
const HOSTILE: FixtureArticle = {
  file: 'hostile.md',
  outlet: `Outlet ${PAYLOADS.attrBreak}`,
  published: '2031-06-01',
  title: `Headline ${PAYLOADS.script} ${PAYLOADS.flag}`,
  text: `Councillor Brannagh Osei ${PAYLOADS.svg}, the ${PAYLOADS.style} treasurer, said the quarry levy would rise.\n\n${PAYLOADS.scriptClose} ${PAYLOADS.flag} ${PAYLOADS.mdLink}`,
};

/** A later flood report from an outlet the library has not seen: it should join the flood story. */
const PASTED = {
  title: 'Orrin Falls residents go home as the Tessaly falls',
  outlet: 'Harrow Evening Post',
  published: '2031-04-04',
  text: 'Residents of Orrin Falls returned to their homes on Thursday as the Tessaly River fell back below the Weir Street flood wall. Mayor Idris Kovalenko thanked the Brannock County fire service, whose boats rescued dozens of families, and said the flood wall would be inspected.',
};

interface Watch {
  errors: string[];
  foreign: string[];
  dialogs: string[];
}

const libraries = testLibraries('app');

describe.skipIf(!available && !onCi)('web app in chromium', () => {
  let browser: Chromium;
  let server: RunningServer;
  let store: AsyncStore;
  let dir = '';
  let shots = '';
  let origin = '';
  const watch: Watch = { errors: [], foreign: [], dialogs: [] };

  beforeAll(async () => {
    if (!available) throw new Error(INSTALL_HINT);
    dir = await mkdtemp(join(tmpdir(), 'parallax-app-'));
    // Kept after the run, so the screenshots can be looked at.
    shots = await mkdtemp(join(tmpdir(), 'parallax-app-shots-'));
    const files = writeFixtures(join(dir, 'articles'), [...ALL_FIXTURES, HOSTILE]);
    store = await libraries.openFresh();
    await ingestIntoLibrary(store, files, DEFAULT_CONFIG, { worker: false });
    server = await startServer({ store, token: null, host: '127.0.0.1', port: 0, log: () => {} });
    origin = new URL(server.url).origin;
    browser = await launchChromium({ onlyOrigin: origin });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') watch.errors.push(`${path}: ${m.text()}`);
    });
    page.on('pageerror', (e) => watch.errors.push(`${path}: ${e.message}`));
    page.on('dialog', async (d) => {
      watch.dialogs.push(`${path}: ${d.message()}`);
      await d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) watch.foreign.push(r.url());
    });
    await page.goto(origin + path);
    return page;
  }

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
    if (process.env.PARALLAX_DOCS) {
      await page.screenshot({
        path: resolve(import.meta.dirname, `../../docs/app-${name}.png`),
        fullPage: false,
      });
    }
  }

  /** Keyboard, landmarks, labels, and tone never carried by colour alone. */
  async function checkAccessible(page: Page): Promise<void> {
    const facts = await page.evaluate(() => {
      const visible = (el: Element) => {
        const r = (el as HTMLElement).getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
      };
      const controls = [...document.querySelectorAll('a[href], button, input, select, textarea')].filter(
        (el) => !(el as HTMLInputElement).disabled && visible(el) && !el.closest('[hidden]'),
      );
      const unlabelled = [...document.querySelectorAll('input, select, textarea')]
        .filter(
          (el) => (el as HTMLInputElement).type !== 'hidden' && (el as HTMLInputElement).type !== 'submit',
        )
        .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label'))
        .map((el) => el.outerHTML.slice(0, 80));
      const pills = [...document.querySelectorAll('[class*="tone-"]')].filter(visible);
      // A tone must be readable without colour: a word in the text or title, or a symbol before it.
      const colourOnly = pills
        .filter((el) => {
          const words = `${el.textContent} ${el.getAttribute('title') ?? ''}`;
          const symbol = getComputedStyle(el, '::before').content;
          return !/negative|neutral|positive/.test(words) && !/[⊖○⊕]/.test(symbol);
        })
        .map((el) => el.outerHTML.slice(0, 80));
      return {
        controls: controls.length,
        main: document.querySelectorAll('main').length,
        nav: document.querySelectorAll('nav[aria-label]').length,
        unlabelled,
        colourOnly,
        lang: document.documentElement.lang,
      };
    });
    expect(facts.main).toBe(1);
    expect(facts.nav).toBeGreaterThan(0);
    expect(facts.lang).toBe('en');
    expect(facts.unlabelled).toEqual([]);
    expect(facts.colourOnly).toEqual([]);
    // Tab through the page: every visible control must take focus (none is skipped or traps it).
    const reached = new Set<string>();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Date inputs take a Tab per part (month, day, year), hence the slack.
    for (let i = 0; i < facts.controls * 4 + 10 && reached.size < facts.controls; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        if (!el.hasAttribute('data-tab-id')) el.setAttribute('data-tab-id', String(Math.random()));
        return el.getAttribute('data-tab-id');
      });
      if (id) reached.add(id);
    }
    expect(reached.size).toBeGreaterThanOrEqual(facts.controls);
  }

  it('lists stories, opens one, and a click on a label shows its sentence highlighted', async () => {
    const page = await open('/');
    const rows = page.locator('ol.rows > li');
    expect(await rows.count()).toBe(4);
    expect(await page.locator('ol.rows > li').first().locator('.cover').count()).toBe(1);
    await shoot(page, 'stories');
    await checkAccessible(page);

    await page
      .getByRole('link', { name: /Tessaly|Orrin Falls|Kovalenko/ })
      .first()
      .click();
    await page.waitForSelector('#h-membership');
    expect(await page.locator('h1').first().textContent()).toBeTruthy();
    const label = page.locator('.actors button.pill[data-a]').first();
    const labelText = ((await label.textContent()) ?? '').trim();
    expect(labelText).not.toBe('');
    await label.click();
    const mark = page.locator('.article-view .body mark').first();
    await mark.waitFor({ state: 'visible' });
    expect(((await mark.textContent()) ?? '').toLowerCase()).toContain(labelText.toLowerCase().split(' ')[0]);
    await shoot(page, 'story');
    await checkAccessible(page);
    // The way back to the list and the membership controls are on the page.
    expect(await page.locator('header.site a[href="/"]').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /Split the selected/ }).count()).toBe(1);
    await page.close();
  });

  it('shows a fact’s sentences side by side on a story page, from the page’s own text', async () => {
    const page = await open('/');
    await page
      .getByRole('link', { name: /Tessaly|Orrin Falls|Kovalenko/ })
      .first()
      .click();
    await page.waitForSelector('#h-membership');
    await page.locator('.facts .side-open').first().click();
    const rows = page.locator('.facts .side .side-row');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    expect(((await rows.first().locator('.side-text').textContent()) ?? '').length).toBeGreaterThan(10);
    await page.close();
  });

  it('opens an outlet profile with its coverage chart, tone and labels beside other outlets', async () => {
    const page = await open('/');
    await page.locator('ol.rows a[href^="/outlets/"]', { hasText: 'Valley Courier' }).first().click();
    await page.waitForSelector('#h-time');
    expect(await page.locator('h1').textContent()).toBe('Valley Courier');
    expect(await page.locator('.chart svg rect').count()).toBeGreaterThan(0);
    // Counts and of how many: a handful of labels gets no percentages.
    expect(await page.locator('#h-tone ~ p .share-text').first().textContent()).toMatch(
      /negative \d+ · ○ neutral \d+ · ⊕ positive \d+ — of \d+ labels/,
    );
    expect(await page.locator('#h-facts').count()).toBe(1);
    await shoot(page, 'outlet');
    await checkAccessible(page);
    const actor = page.locator('table.grid a[href^="/actors/"]').first();
    if ((await actor.count()) > 0) {
      await actor.click();
      await page.waitForSelector('#h-by-outlet');
      await shoot(page, 'actor');
      await checkAccessible(page);
    }
    await page.close();
  });

  it('searches from the site bar and highlights the matched words', async () => {
    const page = await open('/');
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('Tessaly');
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:has-text("Search: Tessaly")');
    expect(await page.locator('ol.rows mark').count()).toBeGreaterThan(0);
    expect(((await page.locator('ol.rows mark').first().textContent()) ?? '').toLowerCase()).toBe('tessaly');
    await shoot(page, 'search');
    await checkAccessible(page);
    await page.close();
  });

  it('adds a pasted article, which joins its story', async () => {
    const page = await open('/add');
    await checkAccessible(page);
    await page.getByLabel(/^Text/).fill(PASTED.text);
    await page.getByLabel('Title').fill(PASTED.title);
    await page.getByLabel('Outlet').fill(PASTED.outlet);
    await page.getByLabel('Published').fill(PASTED.published);
    await page.getByRole('button', { name: 'Add the article' }).click();
    const status = page.getByRole('status');
    await status.waitFor();
    expect(await status.textContent()).toContain(`${PASTED.title} joined`);
    await shoot(page, 'added');
    await status.getByRole('link').first().click();
    await page.waitForSelector('#h-membership');
    expect(await page.locator('.membership').textContent()).toContain(PASTED.title);
    expect(await page.locator('.membership').textContent()).toContain(PASTED.outlet);
    await page.close();
  });

  it('shows article payloads as text on every page and runs none of them', async () => {
    const hostile = (await store.listArticles()).find((a) => a.title?.startsWith('Headline'));
    const story = hostile ? await store.storyOf(hostile.id) : null;
    expect(story).not.toBeNull();
    const paths = [
      '/',
      `/stories/${story}`,
      `/search?q=${encodeURIComponent('quarry levy')}`,
      `/outlets/${encodeURIComponent(HOSTILE.outlet)}`,
      '/outlets',
      '/actors',
    ];
    for (const path of paths) {
      const page = await open(path);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(
        await page.locator('img, svg[onload], script:not([id="data"]):not(:empty)').count(),
      ).toBeLessThanOrEqual(path.startsWith('/stories/') ? 1 : 0);
      await page.close();
    }
    const page = await open('/');
    expect(await page.locator('body').textContent()).toContain(HOSTILE.title);
    await page.close();
    expect(watch.dialogs).toEqual([]);
    expect(watch.foreign).toEqual([]);
    expect(watch.errors).toEqual([]);
    console.info(`app screenshots in ${shots}`);
  });
});
