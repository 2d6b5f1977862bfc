/** Driving the preview page: cells, menu items, dialogs and the sidebar frame. */
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { hex } from './browser';

/** Waits until the page has drawn the spreadsheet. */
export async function whenReady(page: Page): Promise<Page> {
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
  return page;
}

/** A new tab on the preview, drawn, with no script error on the way. */
export async function openPreview(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await whenReady(page);
  expect(errors).toEqual([]);
  return page;
}

export function cell(page: Page, sheet: string, a1: string): Locator {
  return page.locator(`table[data-sheet="${sheet}"] td[data-a1="${a1}"]`);
}

export async function background(locator: Locator): Promise<string> {
  return hex(await locator.evaluate((el) => getComputedStyle(el).backgroundColor));
}

/** Waits until a cell shows `text` (the grid is redrawn after every execution). */
export async function waitForText(page: Page, sheet: string, a1: string, text: string): Promise<void> {
  await page.waitForFunction(
    ({ selector, expected }) => document.querySelector(selector)?.textContent === expected,
    { selector: `table[data-sheet="${sheet}"] td[data-a1="${a1}"]`, expected: text },
    { timeout: 30_000 },
  );
}

export async function openTab(page: Page, sheet: string): Promise<void> {
  await page.locator('.tab', { hasText: new RegExp(`^${sheet}$`) }).click();
  await page.locator(`table[data-sheet="${sheet}"]`).waitFor();
}

/** Selects a cell and waits until the server has the selection. */
export async function selectCell(page: Page, sheet: string, a1: string): Promise<void> {
  await Promise.all([page.waitForResponse('**/api/select'), cell(page, sheet, a1).click()]);
}

/** Extensions › OKR & KPI Tracker › `item`. */
export async function clickMenu(page: Page, item: string): Promise<void> {
  await page.locator('.menu-title', { hasText: 'Extensions' }).click();
  await page.locator('.menu-item.has-submenu', { hasText: 'OKR & KPI Tracker' }).click();
  await page.locator('.menu-item', { hasText: item }).click();
}

export function sidebar(page: Page): FrameLocator {
  return page.frameLocator('#sidebar-frame');
}

export function dialog(page: Page): Locator {
  return page.locator('dialog#dialog');
}

/** Close cycle…, confirmed, up to its prompt (which key results to carry over). */
export async function openCarryOverPrompt(page: Page): Promise<void> {
  await clickMenu(page, 'Close cycle…');
  await dialog(page)
    .locator('#dialog-title', { hasText: /^Close / })
    .waitFor();
  await dialog(page).locator('button', { hasText: 'Yes' }).click();
  await dialog(page).locator('#dialog-input').waitFor();
}

/** Per embedded chart drawn: its type, the points Chart.js holds, and how many canvas pixels are painted. */
export function drawnCharts(page: Page) {
  return page.$$eval('.chart', (boxes) =>
    boxes.map((box) => {
      const canvas = box.querySelector('canvas');
      const context = canvas?.getContext('2d');
      const pixels = context?.getImageData(0, 0, canvas?.width ?? 0, canvas?.height ?? 0).data ?? [];
      let painted = 0;
      for (let i = 0; i < pixels.length; i += 4) if ((pixels[i + 3] ?? 0) > 0) painted++;
      return {
        type: box.getAttribute('data-chart-type'),
        points: Number(box.getAttribute('data-points')),
        painted,
        problem: box.querySelector('.chart-problem')?.textContent ?? null,
      };
    }),
  );
}
