// Headless Chromium for the browser tests and for refreshing the report screenshots in docs/. It drives
// the Debian `chromium` binary through playwright-core (never a downloaded browser), in a throwaway
// profile, with every background service that could reach the network switched off. No test framework
// here, so scripts can import it too: `await writeScreenshot(renderHtml(report), 'docs/report.png')`.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const INSTALL_HINT = 'CI must install chromium: apt-get install chromium';
/** Wide enough for the report's matrices without sideways scrolling; the design targets this width. */
export const SCREEN = { width: 1280, height: 900 };

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium to drive: $CHROMIUM_PATH, else the Debian package's binary; null when neither exists. */
export function chromiumPath(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return existsSync(DEFAULT_CHROMIUM) ? DEFAULT_CHROMIUM : null;
}

export interface Chromium {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches Chromium in a fresh temporary profile that is deleted on close. Offline by default; with
 * `onlyOrigin` it can reach that one (loopback) origin and every other request is aborted.
 */
export async function launchChromium(options: { onlyOrigin?: string } = {}): Promise<Chromium> {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new Error(`no chromium at ${process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM}: ${INSTALL_HINT}`);
  const profile = await mkdtemp(join(tmpdir(), 'parallax-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ARGS,
    viewport: SCREEN,
    deviceScaleFactor: 1,
    offline: options.onlyOrigin === undefined,
  });
  const only = options.onlyOrigin;
  if (only !== undefined) {
    await context.route('**/*', (route) =>
      route.request().url().startsWith(`${only}/`) ? route.continue() : route.abort('blockedbyclient'),
    );
  }
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Writes the page to a temporary file and returns its file:// URL (what a user double-clicking it gets). */
export async function pageFile(html: string, name = 'report.html'): Promise<{ url: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'parallax-page-'));
  const path = join(dir, name);
  await writeFile(path, html);
  return { url: pathToFileURL(path).href, dir };
}

/** A full-page screenshot of the HTML at 1280px wide, using the given browser or a new one. */
export async function screenshot(html: string, outPath: string, browser?: Chromium): Promise<void> {
  const own = browser ?? (await launchChromium());
  const { url, dir } = await pageFile(html);
  try {
    const page = await own.newPage();
    await page.setViewportSize(SCREEN);
    await page.goto(url, { waitUntil: 'load' });
    await mkdir(dirname(resolve(outPath)), { recursive: true });
    await page.screenshot({ path: outPath, fullPage: true });
    await page.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
    if (!browser) await own.close();
  }
}

/** For scripts that refresh docs/*.png: one screenshot, its own browser. */
export async function writeScreenshot(html: string, outPath: string): Promise<void> {
  await screenshot(html, outPath);
}
