// Keeping work as a user does it, in real Chromium against a loopback server, without any script of ours:
// a note added on a finding is there after a reload (beside the finding and in the story's notes); a saved
// search shows "1 new" after one more matching article is added through the add page, and "0 new" once
// opened. Hostile text in the note and the search's name runs nothing. PARALLAX_SHOTS=DIR keeps screenshots.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { ingestIntoLibrary } from '../../src/library/ingest.js';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import type { AsyncStore } from '../../src/store/async-store.js';
import { type Chromium, chromiumPath, INSTALL_HINT, launchChromium } from '../support/browser.js';
import { ALL_FIXTURES, LATER_FLOOD, writeFixtures } from '../support/library-fixtures.js';
import { testLibraries } from '../support/test-library.js';

const available = chromiumPath() !== null;
const onCi = process.env.CI === 'true';
const PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

const libraries = testLibraries('kept_work');

describe.skipIf(!available && !onCi)('kept work in chromium', () => {
  let browser: Chromium;
  let server: RunningServer;
  let store: AsyncStore;
  let dir = '';
  let origin = '';
  let flood = 0;

  beforeAll(async () => {
    if (!available) throw new Error(INSTALL_HINT);
    dir = await mkdtemp(join(tmpdir(), 'parallax-kept-browser-'));
    store = await libraries.openFresh();
    await ingestIntoLibrary(store, writeFixtures(join(dir, 'news'), ALL_FIXTURES), DEFAULT_CONFIG);
    const article = (await store.listArticles()).find((a) => a.title?.startsWith('Tessaly River bursts'));
    flood = (await store.storyOf(article?.id ?? '')) as number;
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

  async function shoot(page: Page, name: string) {
    if (process.env.PARALLAX_SHOTS)
      await page.screenshot({ path: join(process.env.PARALLAX_SHOTS, `${name}.png`), fullPage: false });
  }

  function watch(page: Page): string[] {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', async (d) => {
      errors.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    return errors;
  }

  const pwned = (page: Page) =>
    page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);

  it('adds a note on a finding and sees it after a reload', async () => {
    const page = await browser.newPage();
    const errors = watch(page);
    await page.goto(`${origin}/stories/${flood}`);
    const row = page.locator('tr[id^="fact-"]').first();
    const fact = (await row.getAttribute('id')) ?? '';
    expect(fact).toMatch(/^fact-f\d+$/);
    await row.locator('a.add-note').click();
    await page.waitForURL(`**/stories/${flood}/notes/new?finding=${fact}`);
    const note = `Ask the council where 312 comes from. ${PAYLOAD}`;
    await page.locator('textarea[name="text"]').fill(note);
    await page.getByRole('button', { name: 'Add the note' }).click();
    await page.waitForURL(`**/stories/${flood}#${fact}`);

    await page.reload();
    const beside = page.locator(`#${fact} .kept-note`);
    await expect.poll(() => beside.textContent()).toContain('Ask the council where 312 comes from.');
    // The finding it is on is the page's target, as a permalink would make it.
    expect(await page.locator(`#${fact}`).evaluate((el) => el.matches(':target'))).toBe(true);
    const panel = page.locator('#notes .note-text').first();
    expect(await panel.textContent()).toBe(note);
    expect(await page.locator(`#notes a[href="#${fact}"]`).count()).toBe(1);
    await shoot(page, 'note-on-fact');

    // The notes page lists it and links back to the finding; its edit form shows the text as typed.
    await page.goto(`${origin}/notes`);
    await page.locator(`a[href="/stories/${flood}#${fact}"]`).click();
    await page.waitForURL(`**/stories/${flood}#${fact}`);
    await page.goto(`${origin}/notes`);
    await page.locator('a', { hasText: 'edit' }).first().click();
    expect(await page.locator('textarea[name="text"]').inputValue()).toBe(note);

    // On a phone the notes page scrolls only up and down, outside its table.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${origin}/notes`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await pwned(page)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('saves a search, sees 1 new after adding a matching article, opens it, sees 0 new', async () => {
    const page = await browser.newPage();
    const errors = watch(page);
    await page.goto(`${origin}/search?q=Tessaly`);
    await page.locator('form.save-search input[name="name"]').fill(`Tessaly ${PAYLOAD}`);
    await page.locator('form.save-search button[type="submit"]').click();
    await page.waitForURL(/\/saved#saved-\d+$/);
    const row = page.locator('.saved-list tbody tr').first();
    expect(await row.locator('button').first().textContent()).toBe(`Tessaly ${PAYLOAD}`);
    expect(await row.locator('.new-badge').textContent()).toBe('0 new');

    // One more matching article, pasted into the add page.
    await page.goto(`${origin}/add`);
    const paste = page.locator('form', { has: page.locator('textarea[name="text"]') });
    await paste.locator('textarea[name="text"]').fill(LATER_FLOOD.text);
    await paste.locator('input[name="title"]').fill(LATER_FLOOD.title);
    await paste.locator('input[name="outlet"]').fill(LATER_FLOOD.outlet);
    await paste.locator('input[name="published"]').fill(LATER_FLOOD.published);
    await paste.locator('button[type="submit"]').click();
    await page.waitForLoadState('load');
    expect((await store.listArticles()).some((a) => a.title === LATER_FLOOD.title)).toBe(true);

    await page.goto(`${origin}/saved`);
    expect(await page.locator('.saved-list tbody tr .new-badge').first().textContent()).toBe('1 new');
    await shoot(page, 'saved-searches');
    await page.locator('.saved-list tbody tr').first().locator('button').first().click();
    await page.waitForURL(/\/search\?q=Tessaly$/);
    expect(await page.locator('ol.rows li').count()).toBeGreaterThan(0);
    await page.goto(`${origin}/saved`);
    expect(await page.locator('.saved-list tbody tr .new-badge').first().textContent()).toBe('0 new');
    expect(await pwned(page)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
