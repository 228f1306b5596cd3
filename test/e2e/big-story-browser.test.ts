// A report of 50 outlets in a real browser, at a phone's width and a desktop's: matrix labels wrap between
// words and never a letter per line, stay inside their cells, and the folded outlet chips open. Each width's
// screenshot is kept in PARALLAX_SHOTS=DIR when set, for a person to look at; otherwise it is thrown away.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html/index.js';
import { manyOutletReport } from '../fixtures/report/many-outlets.js';
import { type Chromium, chromiumPath, INSTALL_HINT, launchChromium, pageFile } from '../support/browser.js';

const available = chromiumPath() !== null;
const onCi = !!process.env.CI;

const WIDTHS = [
  ['phone', 390],
  ['desktop', 1280],
] as const;

describe.skipIf(!available && !onCi)('a report of 50 outlets in chromium', () => {
  let browser: Chromium;
  let dir = '';
  let shots = '';
  beforeAll(async () => {
    if (!available) throw new Error(INSTALL_HINT);
    browser = await launchChromium();
    ({ url: dir } = await pageFile(renderHtml(manyOutletReport(50, 30))));
    shots = process.env.PARALLAX_SHOTS || (await mkdtemp(join(tmpdir(), 'parallax-big-shots-')));
  });
  afterAll(async () => {
    await browser?.close();
    if (!process.env.PARALLAX_SHOTS) await rm(shots, { recursive: true, force: true });
  });

  for (const [name, width] of WIDTHS) {
    it(`wraps matrix labels between words at the ${name}'s width (${width}px)`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(dir, { waitUntil: 'load' });
      const pills = await page.$$eval('table.actors td .pill', (els) =>
        els.map((el) => {
          const box = el.getBoundingClientRect();
          const cell = (el.closest('td') as HTMLElement).getBoundingClientRect();
          const line = Number.parseFloat(getComputedStyle(el).lineHeight);
          const words = (el.textContent ?? '').trim().split(/\s+/).length;
          return { lines: Math.round(box.height / line), words, inside: box.right <= cell.right + 1 };
        }),
      );
      expect(pills.length).toBeGreaterThan(0);
      for (const p of pills) {
        // A label of n words takes at most n lines (the 11-letter "Pellbrookshire" may not fit a line of
        // its own at the narrowest column, and then breaks once).
        expect(p.lines).toBeLessThanOrEqual(p.words + 1);
        expect(p.inside).toBe(true);
      }
      const heads = await page.$$eval('table.actors thead th:not(.corner)', (els) =>
        els.map((el) => el.getBoundingClientRect().width),
      );
      expect(Math.min(...heads)).toBeGreaterThanOrEqual(140);
      await page.locator('#s0-actors').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `actors-${name}.png`) });
      await page.close();
    });
  }

  it('opens the folded outlet chips and cards', async () => {
    const page = await browser.newPage();
    await page.goto(dir, { waitUntil: 'load' });
    expect(await page.locator('.more-chips [data-filter]').first().isVisible()).toBe(false);
    await page.locator('.more-chips summary').click();
    expect(await page.locator('.more-chips [data-filter]').first().isVisible()).toBe(true);
    expect(await page.locator('.more-cards .outlet-card').first().isVisible()).toBe(false);
    await page.locator('.more-cards summary').click();
    expect(await page.locator('.more-cards .outlet-card').first().isVisible()).toBe(true);
    await page.close();
  });
});
