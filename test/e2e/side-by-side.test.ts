// Evidence side by side in a real browser (Debian chromium through playwright-core), the report opened
// from disk: a fact, a quote group and a discrepancy each open a panel with every article's sentence and
// the differing words marked; a row's chip opens the article at its sentence; the keyboard opens and
// closes panels; on a phone-wide window the panel under a wide matrix stays inside the screen. Without
// chromium the suite is skipped locally and fails on CI, like browser.test.ts.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { renderHtml } from '../../src/report/html/index.js';
import {
  type Chromium,
  chromiumPath,
  INSTALL_HINT,
  launchChromium,
  pageFile,
  SCREEN,
} from '../support/browser.js';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/report/story.json', import.meta.url), 'utf8'),
) as Report;

const available = chromiumPath() !== null;
const onCi = !!process.env.CI;

describe.skipIf(!available && !onCi)('side-by-side panels in chromium', () => {
  let browser: Chromium;
  let url = '';
  let dir = '';

  beforeAll(async () => {
    if (!available) throw new Error(INSTALL_HINT);
    browser = await launchChromium();
    ({ url, dir } = await pageFile(renderHtml(fixture)));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function open(width = SCREEN.width): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height: SCREEN.height });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(url, { waitUntil: 'load' });
    return { page, errors };
  }

  const marks = (page: Page, scope: string) => page.locator(`${scope} .side mark.diff`).allTextContents();

  it('shows a fact’s sentences side by side and opens the article at one of them', async () => {
    const { page, errors } = await open();
    const opener = page.locator('.facts .side-open', { hasText: 'About 1,200 residents' });
    await opener.click();
    expect(await opener.getAttribute('aria-expanded')).toBe('true');
    const panel = page.locator('.facts .side-tr .side');
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.locator('.side-row').count()).toBe(3);
    expect(await marks(page, '.facts')).toContain('1,500');
    expect(await page.locator('.facts .side mark.changed').allTextContents()).toEqual(['1,500']);
    // The row's chip is the citation: it opens Northfield's article with the sentence highlighted.
    await panel.locator('.side-row').nth(1).locator('.chip').click();
    expect(await page.locator('#s0-art-1').isVisible()).toBe(true);
    expect(await page.locator('#s0-art-1 mark').textContent()).toBe(
      'roughly 1,500 people were told to leave their homes',
    );
    // The way back leads to the panel row the reader came from.
    await page.locator('#back').click();
    expect(await panel.isVisible()).toBe(true);
    await opener.click();
    expect(await panel.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a quote group and a discrepancy from the keyboard, and Escape closes them', async () => {
    const { page, errors } = await open();
    const quoteOpener = page.locator('#s0-q-q1 .side-open');
    await quoteOpener.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#s0-q-q1 .side').isVisible()).toBe(true);
    expect(await marks(page, '#s0-q-q1')).toEqual(expect.arrayContaining(['smoke', 'overnight']));
    await page.locator('#s0-q-q1 .side-close').focus();
    await page.keyboard.press('Escape');
    expect(await page.locator('#s0-q-q1 .side').isVisible()).toBe(false);
    expect(await quoteOpener.evaluate((el) => el === document.activeElement)).toBe(true);

    const disc = page.locator('.disc', { hasText: '1,500' });
    await disc.locator('.side-open').focus();
    await page.keyboard.press('Space');
    expect(await disc.locator('.side .side-row').count()).toBe(3);
    expect(await marks(page, '.disc')).toEqual(['1,500']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a panel under the wide facts matrix inside a phone-wide screen', async () => {
    const width = 390;
    const { page, errors } = await open(width);
    await page.locator('.facts .side-open', { hasText: 'About 1,200 residents' }).click();
    const box = await page.locator('.facts .side').boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
