// The HTML report in a real browser (Debian chromium through playwright-core), opened from disk as a user
// would: it must render with no console errors and no network requests, its links must open the article
// with the evidence highlighted, the outlet filter must dim the others, and a story full of injection
// payloads must run nothing. Without chromium the suite is skipped locally and fails on CI.
// PARALLAX_DOCS=1 also refreshes docs/report-fixture.png from the fixture.

import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, Story } from '../../src/model/report.js';
import { renderHtml } from '../../src/report/html/index.js';
import { PAYLOADS, payloadReport } from '../fixtures/report/payloads.js';
import {
  type Chromium,
  chromiumPath,
  INSTALL_HINT,
  launchChromium,
  pageFile,
  SCREEN,
  screenshot,
} from '../support/browser.js';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/report/story.json', import.meta.url), 'utf8'),
) as Report;
const story = fixture.stories[0] as Story;

const available = chromiumPath() !== null;
const onCi = !!process.env.CI;
if (!available && !onCi)
  console.warn(
    `browser tests skipped: no chromium at ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} (set CHROMIUM_PATH or apt-get install chromium)`,
  );

interface Opened {
  page: Page;
  url: string;
  errors: string[];
  requests: string[];
  dialogs: string[];
}

describe.skipIf(!available && !onCi)('HTML report in chromium', () => {
  let browser: Chromium;
  let shots = '';
  const cleanup: string[] = [];

  beforeAll(async () => {
    if (!available) throw new Error(INSTALL_HINT);
    browser = await launchChromium();
    shots = await mkdtemp(join(tmpdir(), 'parallax-shots-'));
  });
  afterAll(async () => {
    await browser?.close();
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
  });

  async function open(html: string, width = SCREEN.width): Promise<Opened> {
    const { url, dir } = await pageFile(html);
    cleanup.push(dir);
    const page = await browser.newPage();
    await page.setViewportSize({ width, height: SCREEN.height });
    const opened: Opened = { page, url, errors: [], requests: [], dialogs: [] };
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') opened.errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => opened.errors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => opened.requests.push(r.url()));
    page.on('dialog', async (d) => {
      opened.dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    return opened;
  }

  it('renders every section with no errors and no requests but the file itself', async () => {
    const { page, url, errors, requests } = await open(renderHtml(fixture));
    for (const id of ['digest', 'actors', 'quotes', 'facts', 'discrepancies', 'timeline', 'articles'])
      expect(await page.locator(`#s0-${id}`).isVisible(), id).toBe(true);
    expect(await page.locator('h1').textContent()).toBe(story.title);
    expect(await page.locator('.actors .pill').count()).toBeGreaterThan(10);
    // The script ran (CSP hash accepted): only the first article view is shown.
    expect(await page.locator('html.js').count()).toBe(1);
    expect(await page.locator('.article-view:visible').count()).toBe(1);
    await page.screenshot({ path: join(shots, 'fixture.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it('opens the article at a label and highlights its words', async () => {
    const { page, errors } = await open(renderHtml(fixture));
    const pill = page.locator('.actors .pill', { hasText: 'troubled chemical firm' });
    await pill.click();
    const view = page.locator('#s0-art-2');
    expect(await view.isVisible()).toBe(true);
    expect(await page.locator('#s0-art-0').isVisible()).toBe(false);
    const mark = view.locator('mark');
    expect(await mark.count()).toBe(1);
    expect(await mark.textContent()).toBe('troubled chemical firm');
    expect(await mark.isVisible()).toBe(true);
    expect(
      await mark.evaluate((m) => {
        const r = m.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    await page.screenshot({ path: join(shots, 'label-click.png') });

    // A span after an astral character (🔥) is highlighted at the same UTF-16 offsets the report gives.
    const timelineChip = page
      .locator('.timeline li', { hasText: 'Fire breaks out' })
      .locator('.chip', { hasText: 'Riverbend Post' });
    await timelineChip.click();
    expect(await view.locator('mark').allTextContents()).toEqual(['on Tuesday']);

    // A quote variant, then the way back to it.
    const variant = page.locator('#s0-q-q1 .variant').nth(1);
    await variant.click();
    expect(await page.locator('#s0-art-1 mark').textContent()).toBe(
      'The fire is contained but the plume will stay with us overnight,',
    );
    // The earlier highlight in the other article is gone.
    expect(await view.locator('mark').count()).toBe(0);
    await page.locator('#back').click();
    expect(
      await variant.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    expect(await page.locator('#back').isVisible()).toBe(false);

    // A discrepancy value is found in the text and highlighted.
    await page.locator('.disc .value', { hasText: '1,500' }).click();
    expect(await page.locator('#s0-art-1 mark').textContent()).toBe('1,500');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('dims other outlets when the filter focuses one', async () => {
    const { page, errors } = await open(renderHtml(fixture));
    const opacity = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => Number(getComputedStyle(el).opacity));
    await page.locator('[data-filter="1"]').click();
    expect(await page.locator('[data-filter="1"]').getAttribute('aria-pressed')).toBe('true');
    // Northfield's cells and chips stay, the others fade; the transition is short, so wait for it.
    await page.waitForTimeout(300);
    expect(await opacity('.actors td[data-o="1"]')).toBe(1);
    expect(await opacity('.actors td[data-o="0"]')).toBeLessThan(0.5);
    expect(await opacity('.digest .chip[data-o="2"]')).toBeLessThan(0.5);
    expect(await page.locator('.dim[data-o="1"]').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'filter.png'), fullPage: true });
    // A second outlet joins the focus; "Show all" clears it.
    await page.locator('[data-filter="3"]').click();
    expect(await page.locator('.dim[data-o="3"]').count()).toBe(0);
    await page.locator('.filter-clear').click();
    expect(await page.locator('.dim').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches stories with the picker', async () => {
    const two: Report = { ...fixture, stories: [story, { ...story, id: 's2', title: 'Second story' }] };
    const { page, errors } = await open(renderHtml(two));
    expect(await page.locator('[data-story="1"]').isVisible()).toBe(false);
    await page.locator('[data-pick="1"]').click();
    expect(await page.locator('[data-story="0"]').isVisible()).toBe(false);
    expect(await page.locator('[data-story="1"] h1').textContent()).toBe('Second story');
    await page.locator('[data-story="1"] .actors .pill').first().click();
    expect(await page.locator('[data-story="1"] .article-view:visible mark').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a 900px window without sideways scrolling of the page', async () => {
    const { page, errors } = await open(renderHtml(fixture), 900);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(900);
    await page.screenshot({ path: join(shots, 'narrow.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs none of the injected payloads', async () => {
    const { page, url, errors, requests, dialogs } = await open(renderHtml(payloadReport()));
    const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(await pwned()).toBeUndefined();
    // Click every finding so the script paints every highlight from the payload text.
    const findings = page.locator('[data-a]');
    const n = await findings.count();
    expect(n).toBeGreaterThan(20);
    for (let i = 0; i < n; i++) {
      const el = findings.nth(i);
      if (await el.isVisible()) await el.click();
    }
    // The highlighted text is the payload, as text.
    await page.locator('.actors .tone-negative').click();
    expect(await page.locator('#s0-art-0 mark').textContent()).toBe(PAYLOADS.flag);
    await page.locator('.tab').first().click();
    await page.locator('#s0-art-0 .removed summary').click();
    expect(await page.locator('#s0-art-0 .removed-text').first().isVisible()).toBe(true);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(await pwned()).toBeUndefined();
    expect(await page.locator('img, svg, iframe').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(shots, 'payloads.png'), fullPage: true });
    await page.close();
  });

  it('escaping alone holds: the payloads stay inert with the CSP taken out', async () => {
    const page0 = renderHtml(payloadReport());
    const bare = page0.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    expect(bare).not.toContain('Content-Security-Policy');
    const { page, dialogs } = await open(bare);
    for (const el of await page.locator('.actors [data-a], .quote [data-a], .disc [data-a]').all())
      await el.click();
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('the CSP alone holds: markup slipped past escaping cannot run', async () => {
    const injected = renderHtml(fixture).replace(
      '<main class="wrap">',
      '<main class="wrap"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
    );
    const { page, errors, dialogs } = await open(injected);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // Chromium reports each blocked attempt; the page's own script still ran.
    expect(errors.some((e) => e.includes('Content Security Policy'))).toBe(true);
    expect(await page.locator('html.js').count()).toBe(1);
    await page.close();
  });

  it('writes full-page screenshots', async () => {
    const out = join(shots, 'helper.png');
    await screenshot(renderHtml(fixture), out, browser);
    expect(readFileSync(out).subarray(1, 4).toString()).toBe('PNG');
    if (process.env.PARALLAX_DOCS) {
      const docs = resolve(import.meta.dirname, '../../docs/report-fixture.png');
      await screenshot(renderHtml(fixture), docs, browser);
    }
    console.info(`browser screenshots in ${shots}`);
  });
});
