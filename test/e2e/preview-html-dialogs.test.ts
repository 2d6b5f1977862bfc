/**
 * HtmlService dialogs in the preview, on a tiny add-on of their own (fixtures/dialog-addon): shown in
 * the page, shown again after a reload, closed by google.script.host.close() after their server call,
 * and closed when no page has been open for the dialog timeout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { chromiumForTests, screenshot } from './support/browser';
import { cell, openPreview, whenReady } from './support/preview-page';
import { type PreviewProcess, startPreview, waitForOutput } from './support/preview-process';

jest.setTimeout(120_000);

const browser = chromiumForTests();
const ADDON = join(__dirname, 'fixtures/dialog-addon');
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'okr-html-dialog-'));
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Colours').addRow(['(none yet)']);
  await book.xlsx.writeFile(join(dir, 'colours.xlsx'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function startFixture(args: readonly string[] = []): Promise<PreviewProcess> {
  return startPreview(['--dist', ADDON, '--xlsx', join(dir, 'colours.xlsx'), ...args]);
}

async function openDialog(page: Page): Promise<void> {
  await page.locator('.menu-title', { hasText: 'Extensions' }).click();
  await page.locator('.menu-item.has-submenu').click();
  await page.locator('.menu-item', { hasText: 'Pick a colour…' }).click();
  await page.locator('dialog#html-dialog[open]').waitFor();
}

function htmlDialog(page: Page) {
  return page.locator('dialog#html-dialog');
}

describe('an HTML dialog', () => {
  let preview: PreviewProcess;
  let page: Page;

  beforeAll(async () => {
    preview = await startFixture();
    page = await openPreview(browser(), preview.url);
  }, 120_000);

  afterAll(async () => {
    await page?.close();
    await preview?.stop();
  });

  test('is shown again after a reload, and its own button answers and closes it', async () => {
    await openDialog(page);
    expect(await htmlDialog(page).locator('#html-dialog-title').textContent()).toBe('Pick a colour');
    await page.frameLocator('#html-dialog-frame').locator('#blue').waitFor();

    await page.reload();
    await whenReady(page);
    await page.locator('dialog#html-dialog[open]').waitFor();
    expect(await htmlDialog(page).locator('#html-dialog-title').textContent()).toBe('Pick a colour');
    const frame = page.frameLocator('#html-dialog-frame');
    await frame.locator('#blue').waitFor();
    await screenshot(page, 'preview-html-dialog');

    await frame.locator('#blue').click();
    await htmlDialog(page).waitFor({ state: 'hidden' });
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent === 'blue',
      'table[data-sheet="Colours"] td[data-a1="A1"]',
    );
    expect(await cell(page, 'Colours', 'A1').textContent()).toBe('blue');
  });

  test('closed with its close button stays closed after a reload', async () => {
    await openDialog(page);
    await page.locator('#html-dialog-x').click();
    await htmlDialog(page).waitFor({ state: 'hidden' });
    await page.reload();
    await whenReady(page);
    expect(await htmlDialog(page).isVisible()).toBe(false);
  });
});

describe('an HTML dialog with no page open', () => {
  let preview: PreviewProcess;

  beforeAll(async () => {
    preview = await startFixture(['--dialog-timeout', '1']);
  }, 120_000);

  afterAll(async () => {
    await preview?.stop();
  });

  test('is closed after the timeout', async () => {
    let page = await openPreview(browser(), preview.url);
    await openDialog(page);
    await page.close();
    await waitForOutput(preview, 'closed the dialog "Pick a colour"');
    page = await openPreview(browser(), preview.url);
    try {
      expect(await htmlDialog(page).isVisible()).toBe(false);
    } finally {
      await page.close();
    }
  });
});
