// Navigation in real Chromium against a loopback server: paging through the story list with the "2+
// outlets" filter kept, narrowing a search by outlet and seeing the count change, reordering it, and
// sorting the outlet table by clicking its headers — all without a script on those pages (their CSP
// allows none), and with no CSP violation reported.
import { mkdtemp, rm } from 'node:fs/promises';
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

/** Stories covered by two outlets (more than one page of 50), and a few covered by one. */
const SHARED = 55;
const SOLO = 3;

/** The nth day after 2031-01-01, as YYYY-MM-DD. */
function day(n: number): string {
  return new Date(Date.UTC(2031, 0, 1 + n)).toISOString().slice(0, 10);
}

const libraries = testLibraries('navigation');

describe.skipIf(!available && !onCi)('navigation in chromium', () => {
  let browser: Chromium;
  let server: RunningServer;
  let store: AsyncStore;
  let dir = '';
  let origin = '';
  const violations: string[] = [];

  beforeAll(async () => {
    if (!available) throw new Error(INSTALL_HINT);
    dir = await mkdtemp(join(tmpdir(), 'parallax-navigation-browser-'));
    store = await libraries.openFresh();
    const stories: string[][] = [];
    for (let s = 0; s < SHARED + SOLO; s++) {
      const outlets = s < SHARED ? ['Daily Quill', 'Harlow Courier'] : ['Daily Quill'];
      const { added } = await store.putArticles(
        outlets.map((outlet, i) =>
          makeArticle({
            id: `ferry-${s}-${i}`,
            url: `https://news.example/ferry/${s}/${i}`,
            outlet,
            title: `Harbour ferry timetable ${s} (${outlet})`,
            published: day(s),
            text: `The harbour ferry timetable changed again, notice ${s} said.`,
          }),
        ),
      );
      stories.push(added);
    }
    const index = store.storyIndex();
    for (const ids of stories) {
      const storyId = await index.saveProfile({
        id: null,
        size: ids.length,
        firstDay: null,
        lastDay: null,
        features: new Map(),
      });
      for (const id of ids)
        await store.placeArticle(id, {
          storyId,
          duplicateOf: null,
          score: null,
          reasons: null,
          placedBy: 'user',
        });
    }
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

  const newPage = async () => {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    return page;
  };

  it('pages through the story list with the 2+ outlets filter kept', async () => {
    const page = await newPage();
    await page.goto(`${origin}/`);
    const status = page.locator('main [role="status"]').first();
    expect(await status.textContent()).toBe(`Stories 1–50 of ${SHARED + SOLO}`);
    await page.locator('input[name="min_outlets"]').check();
    await page.locator('form.filters button[type="submit"]').click();
    await expect.poll(() => status.textContent()).toBe(`Stories 1–50 of ${SHARED} covered by 2+ outlets`);
    await page.locator('.pager a[rel="next"]').click();
    await expect
      .poll(() => status.textContent())
      .toBe(`Stories 51–${SHARED} of ${SHARED} covered by 2+ outlets`);
    expect(new URL(page.url()).searchParams.get('min_outlets')).toBe('2');
    expect(await page.locator('input[name="min_outlets"]').isChecked()).toBe(true);
    expect(await page.locator('.pager [aria-current="page"]').textContent()).toBe('2');
    await page.locator('.pager a', { hasText: /^1$/ }).click();
    await expect.poll(() => status.textContent()).toBe(`Stories 1–50 of ${SHARED} covered by 2+ outlets`);
    await page.close();
  }, 60_000);

  it('filters a search by outlet and sees the count change, then orders it oldest first', async () => {
    const page = await newPage();
    await page.goto(`${origin}/search?q=ferry`);
    const count = page.locator('.search-count');
    expect(await count.textContent()).toMatch(
      new RegExp(`^${SHARED * 2 + SOLO} articles match · 1–20, best match$`),
    );
    await page.locator('select[name="outlet"]').selectOption('Harlow Courier');
    await page.locator('form.filters button[type="submit"]').click();
    await expect
      .poll(() => count.textContent())
      .toMatch(new RegExp(`^${SHARED} articles match from Harlow Courier`));
    await page.locator('select[name="sort"]').selectOption('oldest');
    await page.locator('form.filters button[type="submit"]').click();
    await expect.poll(() => count.textContent()).toContain('oldest first');
    expect(await page.locator('ol.rows .row-meta').first().textContent()).toContain(
      `Harlow Courier · ${day(0)}`,
    );
    // The filters ride along to the next page.
    await page.locator('.pager a[rel="next"]').click();
    await expect.poll(() => count.textContent()).toContain('21–40, oldest first');
    expect(await page.locator('select[name="outlet"]').inputValue()).toBe('Harlow Courier');
    await page.close();
  }, 60_000);

  it('sorts the outlet table by clicking its column headers', async () => {
    const page = await newPage();
    await page.goto(`${origin}/outlets`);
    const names = () => page.locator('table.sortable tbody tr td:first-child').allTextContents();
    // By default most articles first: Daily Quill has one more story.
    expect(await names()).toEqual(['Daily Quill', 'Harlow Courier']);
    await page.locator('th a.sort', { hasText: 'Outlet' }).click();
    await expect.poll(names).toEqual(['Daily Quill', 'Harlow Courier']);
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    await page.locator('th a.sort', { hasText: 'Outlet' }).click();
    await expect.poll(names).toEqual(['Harlow Courier', 'Daily Quill']);
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    await page.locator('th a.sort', { hasText: 'Articles' }).click();
    await expect.poll(names).toEqual(['Daily Quill', 'Harlow Courier']);
    expect(new URL(page.url()).search).toBe('?sort=articles&dir=desc');
    await page.close();
    expect(violations).toEqual([]);
  }, 60_000);
});
