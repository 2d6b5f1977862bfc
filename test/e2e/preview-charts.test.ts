/**
 * Embedded charts in the preview, on a tiny add-on of their own (fixtures/chart-addon): its menu item
 * fills a sheet (the pie's counts by COUNTIF formulas) and inserts a bar, a pie and a line chart through
 * the emulated EmbeddedChartBuilder. The page draws each with Chart.js at its anchor cell, from the
 * values the emulator computed for its ranges.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { chromiumForTests, screenshot } from './support/browser';
import { cell, drawnCharts, openPreview } from './support/preview-page';
import { type PreviewProcess, startPreview } from './support/preview-process';

jest.setTimeout(120_000);

const browser = chromiumForTests();
const ADDON = join(__dirname, 'fixtures/chart-addon');
let dir: string;
let preview: PreviewProcess;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'okr-charts-'));
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Dashboard').addRow(['(no data yet)']);
  await book.xlsx.writeFile(join(dir, 'dashboard.xlsx'));
  preview = await startPreview(['--dist', ADDON, '--xlsx', join(dir, 'dashboard.xlsx')]);
  page = await openPreview(browser(), preview.url);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.locator('.menu-title', { hasText: 'Extensions' }).click();
  await page.locator('.menu-item.has-submenu').click();
  await page.locator('.menu-item', { hasText: 'Draw charts' }).click();
  await page.locator('.chart canvas').nth(2).waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await page?.close();
  await preview?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('embedded charts in the preview', () => {
  test('draws the bar, pie and line chart with their data, and no page error', async () => {
    const charts = await drawnCharts(page);
    expect(charts.map((c) => c.type)).toEqual(['BAR', 'PIE', 'LINE']);
    // Four objectives; four statuses (counted by the formulas); two series of six weeks.
    expect(charts.map((c) => c.points)).toEqual([4, 4, 12]);
    for (const chart of charts) {
      expect(chart.problem).toBeNull();
      expect(chart.painted).toBeGreaterThan(1_000);
    }
    expect(pageErrors).toEqual([]);
    await screenshot(page, 'preview-charts');
    await page.locator('.chart').nth(2).scrollIntoViewIfNeeded();
    await screenshot(page, 'preview-charts-line');
    await page.locator('#grid-wrap').evaluate((wrap) => wrap.scrollTo(0, 0));
  });

  test("each chart sits at its anchor cell plus its offsets, at the chart's size", async () => {
    const boxes = await page.$$eval('.chart', (all) =>
      all.map((box) => {
        const { left, top, width } = box.getBoundingClientRect();
        return { left, top, width };
      }),
    );
    const corner = async (a1: string) => {
      const box = await cell(page, 'Dashboard', a1).boundingBox();
      return { left: box?.x ?? Number.NaN, top: box?.y ?? Number.NaN };
    };
    const expected = [
      { ...(await corner('A12')), dx: 0, dy: 0, width: 600 },
      { ...(await corner('G12')), dx: 10, dy: 0, width: 420 },
      { ...(await corner('A32')), dx: 0, dy: 10, width: 600 },
    ];
    expected.forEach((want, i) => {
      const box = boxes[i];
      expect(box?.left).toBeCloseTo(want.left + want.dx, 0);
      expect(box?.top).toBeCloseTo(want.top + want.dy, 0);
      expect(box?.width).toBeCloseTo(want.width + 2, 0); // plus its 1px border
    });
  });
});
