/**
 * The Dashboard sheet of the demo workbook in the preview, in a real browser: its figures, its objective
 * tree, its KPI trends and its three native charts drawn with data, and no page error.
 */
import type { Page } from 'playwright-core';
import { chromiumForTests, screenshot } from './support/browser';
import { cell, drawnCharts, openPreview, openTab } from './support/preview-page';
import { type PreviewProcess, startPreview } from './support/preview-process';

jest.setTimeout(120_000);

const browser = chromiumForTests();
let preview: PreviewProcess;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  preview = await startPreview();
  page = await openPreview(browser(), preview.url);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await openTab(page, 'Dashboard');
  await page.locator('.chart canvas').nth(2).waitFor({ state: 'attached', timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await page?.close();
  await preview?.stop();
});

describe('the dashboard of the demo workbook', () => {
  test('shows the headline figures, the objective tree and a trend per KPI card', async () => {
    expect(await cell(page, 'Dashboard', 'A1').textContent()).toBe('OKR & KPI dashboard');
    expect(await cell(page, 'Dashboard', 'B4').textContent()).toBe('Key results');
    expect(await cell(page, 'Dashboard', 'A5').textContent()).toBe('3');
    expect(await cell(page, 'Dashboard', 'B5').textContent()).toBe('5');
    expect(await cell(page, 'Dashboard', 'F5').textContent()).toMatch(/^\d+%$/);
    expect(await cell(page, 'Dashboard', 'A27').textContent()).toBe('Become the company customers recommend');
    expect(await cell(page, 'Dashboard', 'F27').textContent()).toBe('On-time delivery');
    expect(await cell(page, 'Dashboard', 'M27').locator('svg polyline').count()).toBe(1);
  });

  test('draws its three charts with data, and no page error', async () => {
    const charts = await drawnCharts(page);
    expect(charts.map((c) => c.type)).toEqual(['BAR', 'PIE', 'LINE']);
    for (const chart of charts) {
      expect(chart.problem).toBeNull();
      expect(chart.points).toBeGreaterThan(0);
      expect(chart.painted).toBeGreaterThan(1_000);
    }
    expect(pageErrors).toEqual([]);
    await screenshot(page, 'preview-dashboard');
    await page.locator('.chart').nth(2).scrollIntoViewIfNeeded();
    await screenshot(page, 'preview-dashboard-progress');
  });
});
