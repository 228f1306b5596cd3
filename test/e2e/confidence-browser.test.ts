// Confidence marks and the "Hide uncertain findings" switch in a real browser (Debian chromium through
// playwright-core), the report opened from disk: the reason shows on keyboard focus, the switch hides
// every uncertain finding and nothing else, and works with no server. Without chromium the suite is
// skipped locally and fails on CI. PARALLAX_SHOTS=<dir> keeps the screenshots.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { renderHtml } from '../../src/report/html/index.js';
import { withConfidences } from '../fixtures/report/confidences.js';
import {
  type Chromium,
  chromiumPath,
  INSTALL_HINT,
  launchChromium,
  pageFile,
  SCREEN,
} from '../support/browser.js';

const fixture = withConfidences(
  JSON.parse(readFileSync(new URL('../fixtures/report/story.json', import.meta.url), 'utf8')) as Report,
);
const available = chromiumPath() !== null;
const onCi = !!process.env.CI;

describe.skipIf(!available && !onCi)('confidence in chromium', () => {
  let browser: Chromium;
  let shots = '';
  const cleanup: string[] = [];
  beforeAll(async () => {
    if (!available) throw new Error(INSTALL_HINT);
    browser = await launchChromium();
    shots = process.env.PARALLAX_SHOTS ?? (await mkdtemp(join(tmpdir(), 'parallax-shots-')));
    if (!process.env.PARALLAX_SHOTS) cleanup.push(shots);
  });
  afterAll(async () => {
    await browser?.close();
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
  });

  it('shows the reason on focus and hides exactly the uncertain findings when asked', async () => {
    const { url, dir } = await pageFile(renderHtml(fixture));
    cleanup.push(dir);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize(SCREEN);
    await page.goto(url, { waitUntil: 'load' });

    const marks = page.locator('.unsure');
    expect(await marks.count()).toBe(6);
    const factMark = page.locator('.facts .unsure').first();
    await factMark.scrollIntoViewIfNeeded();
    await factMark.focus();
    const shown = await factMark.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(shown).toContain('weakest same-claim link 0.18');
    await page.screenshot({ path: join(shots, 'confidence-focus.png') });

    const uncertain = page.locator('.uncertain');
    const total = await uncertain.count();
    expect(total).toBeGreaterThanOrEqual(6);
    const visibleBefore = await page.locator('.facts tbody tr:visible').count();
    await page.locator('#s0-hide-uncertain').check();
    for (let i = 0; i < total; i++) expect(await uncertain.nth(i).isVisible()).toBe(false);
    // One fact row is uncertain in the fixture; the others stay.
    expect(await page.locator('.facts tbody tr:visible').count()).toBe(visibleBefore - 1);
    await page.screenshot({ path: join(shots, 'confidence-hidden.png'), fullPage: true });
    await page.locator('#s0-hide-uncertain').uncheck();
    expect(await uncertain.first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
