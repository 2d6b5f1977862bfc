/** Headless Debian Chromium for the browser tests (never a downloaded browser), and page helpers. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const SCREENSHOTS = join(__dirname, '../../../screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Keeps the sandboxed sidebar frame in the page's process (still an opaque origin, still
      // sandboxed): playwright-core running under jest never completes a click into an out-of-process
      // frame (it re-resolves the element forever), while plain Node does.
      '--disable-features=IsolateSandboxedIframes',
    ],
  });
}

/** One Chromium for the tests of a file: launched before them, closed after them. */
export function chromiumForTests(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running');
    return browser;
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** A CSS colour as #rrggbb (computed styles come back as rgb(r, g, b)). */
export function hex(color: string): string {
  const parts = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (!parts) return color;
  return `#${parts
    .slice(1, 4)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')}`;
}
