/**
 * The local preview in a real browser: `scripts/preview.mjs` on a free port, driven with headless
 * Chromium. The demo workbook is made by the add-on itself; the tests click through it as a user would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { chromiumForTests, screenshot } from './support/browser';
import {
  background,
  cell,
  clickMenu,
  dialog,
  openCarryOverPrompt,
  openPreview,
  openTab,
  selectCell,
  sidebar,
  waitForText,
} from './support/preview-page';
import { type PreviewProcess, startPreview } from './support/preview-process';

jest.setTimeout(120_000);

const RED = '#f4c7c3';
const AMBER = '#fce8b2';
const GREEN = '#b7e1cd';

const browser = chromiumForTests();

function openPage(url: string): Promise<Page> {
  return openPreview(browser(), url);
}

describe('the demo workbook', () => {
  let preview: PreviewProcess;
  let page: Page;

  beforeAll(async () => {
    preview = await startPreview();
    page = await openPage(preview.url);
  }, 120_000);

  afterAll(async () => {
    await page?.close();
    await preview?.stop();
  });

  test('shows the sheets the add-on made, with computed scores and status colours', async () => {
    const tabs = await page.locator('.tab').allTextContents();
    expect(tabs).toEqual(expect.arrayContaining(['OKRs', 'KPIs', 'Check-ins', 'Team KPIs', 'Sales targets']));
    expect(await page.locator('.tab[aria-selected="true"]').textContent()).toBe('OKRs');

    expect(await cell(page, 'OKRs', 'A1').textContent()).toBe('Objective');
    expect(await cell(page, 'OKRs', 'A1').evaluate((td) => getComputedStyle(td).fontWeight)).toBe('700');
    expect(await cell(page, 'OKRs', 'M4').textContent()).toBe('40%');
    expect(await background(cell(page, 'OKRs', 'M4'))).toBe(AMBER);
    // The progress column is SPARKLINE bars, drawn as SVG.
    expect(await cell(page, 'OKRs', 'R5').locator('svg[data-charttype="bar"] rect').count()).toBe(1);
    await screenshot(page, 'preview-okrs');

    await openTab(page, 'KPIs');
    expect(await cell(page, 'KPIs', 'L4').textContent()).toBe('Breach');
    expect(await background(cell(page, 'KPIs', 'L4'))).toBe(RED);
    expect(await cell(page, 'KPIs', 'L3').textContent()).toBe('OK');
    expect(await background(cell(page, 'KPIs', 'L3'))).toBe(GREEN);
    expect(await cell(page, 'KPIs', 'N2').locator('svg polyline').count()).toBe(1);
    await screenshot(page, 'preview-kpis');

    await openTab(page, 'Team KPIs');
    expect(await background(cell(page, 'Team KPIs', 'C4'))).toBe(RED);
    expect(await cell(page, 'Team KPIs', 'I5').textContent()).toMatch(/^Error: .*"n\/a"/);
    await selectCell(page, 'Team KPIs', 'A1');
    await Promise.all([
      page.waitForResponse('**/api/select'),
      cell(page, 'Team KPIs', 'F6').click({ modifiers: ['Shift'] }),
    ]);
    expect(await page.locator('#cell-ref').textContent()).toBe('A1:F6');
    expect(await page.locator('table[data-sheet="Team KPIs"] td.selected').count()).toBe(36);
    await screenshot(page, 'preview-team-kpis');

    // A team's KPIs with targets only, judged against them: met green, near amber, missed red.
    await openTab(page, 'Sales targets');
    const status = (row: number) => cell(page, 'Sales targets', `H${row}`);
    expect(await status(2).textContent()).toBe('Met');
    expect(await status(3).textContent()).toBe('Near');
    expect(await status(4).textContent()).toBe('Missed');
    expect([await background(status(2)), await background(status(3)), await background(status(4))]).toEqual([
      GREEN,
      AMBER,
      RED,
    ]);
    expect(await cell(page, 'Sales targets', 'D3').textContent()).toBe('24%');
    await screenshot(page, 'preview-sales-targets');
  });

  test('menu items run the add-on, and its alerts wait for a real answer', async () => {
    const items = await (async () => {
      await page.locator('.menu-title', { hasText: 'Extensions' }).click();
      await page.locator('.menu-item.has-submenu', { hasText: 'OKR & KPI Tracker' }).click();
      return page.locator('.menu.submenu.open .menu-list .menu-item').allTextContents();
    })();
    expect(items).toEqual(expect.arrayContaining(['Set up OKR & KPI sheets', 'Check in…', 'Help']));
    await screenshot(page, 'preview-menu');
    await page.keyboard.press('Escape');
    await page.locator('#doc-title').click();

    await clickMenu(page, 'Set up OKR & KPI sheets');
    await dialog(page).locator('#dialog-title', { hasText: 'Set up OKR & KPI sheets' }).waitFor();
    expect(await dialog(page).locator('.dialog-buttons button').allTextContents()).toEqual([
      'Yes',
      'No',
      'Cancel',
    ]);
    await screenshot(page, 'preview-dialog');
    await dialog(page).locator('button', { hasText: 'No' }).click();
    // The add-on went on with the answer and ends with its summary, another alert.
    await dialog(page)
      .locator('#dialog-message', { hasText: /Already there/ })
      .waitFor();
    await dialog(page).locator('button', { hasText: 'OK' }).click();
    await page.locator('#busy:empty').waitFor({ state: 'attached' });
    expect(await dialog(page).isVisible()).toBe(false);
  });

  test('a check-in from the sidebar changes the score, its colour and the history', async () => {
    await openTab(page, 'OKRs');
    // The grid is redrawn after Set up's run: wait for the score before reading its colour.
    await waitForText(page, 'OKRs', 'M4', '40%');
    const krId = (await cell(page, 'OKRs', 'U4').textContent()) ?? '';
    expect(await background(cell(page, 'OKRs', 'M4'))).toBe(AMBER);
    await selectCell(page, 'OKRs', 'B4');
    await clickMenu(page, 'Check in…');
    const frame = sidebar(page);
    await frame.locator('form#check-in').waitFor();
    // The selected row's key result is preselected.
    expect(await frame.locator('#krId').inputValue()).toBe(krId);

    await frame.locator('#value').fill('0.0275');
    await frame.locator('#confidence').selectOption('9');
    await frame.locator('#comment').fill('Pricing page test shipped');
    await frame.locator('#submit').click();
    await frame.locator('#status', { hasText: 'Checked in' }).waitFor();
    await frame.locator('ol.history li', { hasText: 'Pricing page test shipped' }).waitFor();

    await waitForText(page, 'OKRs', 'M4', '100%');
    expect(await background(cell(page, 'OKRs', 'M4'))).toBe(GREEN);
    await cell(page, 'OKRs', 'M4').scrollIntoViewIfNeeded();
    await screenshot(page, 'preview-check-in');
  });

  test('a bad value shows its error by the field and keeps everything typed', async () => {
    const frame = sidebar(page);
    const krId = (await cell(page, 'OKRs', 'U5').textContent()) ?? '';
    await frame.locator('#krId').selectOption(krId);
    await frame.locator('#value').fill('lots');
    await frame.locator('#confidence').selectOption('7');
    await frame.locator('#comment').fill('Typed before the error');
    await frame.locator('#submit').click();

    await frame.locator('#value-error:not(:empty)').waitFor();
    expect(await frame.locator('#value-error').textContent()).toMatch(/number/i);
    expect(await frame.locator('#value').getAttribute('aria-invalid')).toBe('true');
    expect(await frame.locator('#krId').inputValue()).toBe(krId);
    expect(await frame.locator('#value').inputValue()).toBe('lots');
    expect(await frame.locator('#confidence').inputValue()).toBe('7');
    expect(await frame.locator('#comment').inputValue()).toBe('Typed before the error');
    expect(await cell(page, 'OKRs', 'M5').textContent()).toBe('70%');
    expect(await cell(page, 'OKRs', 'M4').textContent()).toBe('100%');
    await screenshot(page, 'preview-check-in-error');
  });

  test('new KPI limits saved from the thresholds sidebar recolour the KPI', async () => {
    await openTab(page, 'KPIs');
    expect(await background(cell(page, 'KPIs', 'L4'))).toBe(RED);
    await clickMenu(page, 'Edit KPI thresholds…');
    const frame = sidebar(page);
    await frame.locator('form#thresholds').waitFor();
    await frame.locator('#kpi').selectOption({ label: 'Ticket backlog' });
    await frame.locator('#warning').fill('170');
    await frame.locator('#critical').fill('200');
    await frame.locator('#submit').click();
    await frame.locator('#status:not(:empty)').waitFor();

    await waitForText(page, 'KPIs', 'L4', 'OK');
    expect(await background(cell(page, 'KPIs', 'L4'))).toBe(GREEN);
    expect(await cell(page, 'KPIs', 'E4').textContent()).toBe('170');
    await screenshot(page, 'preview-thresholds');

    await page.locator('#sidebar-close').click();
    expect(await page.locator('#sidebar').isHidden()).toBe(true);
  });

  test('Connect shows every column with its role; a corrected role updates what is missing; Cancel changes nothing', async () => {
    await openTab(page, 'Team KPIs');
    const before = await page.locator('table[data-sheet="Team KPIs"]').textContent();
    await selectCell(page, 'Team KPIs', 'C3');
    await clickMenu(page, 'Connect an existing table…');
    const frame = sidebar(page);
    await frame.locator('form#connect').waitFor();
    expect(await frame.locator('#intro').textContent()).toMatch(/^Header on row 1 of "Team KPIs"/);
    // The team's six columns, not the add-on's own ones after them.
    expect(await frame.locator('#columns tr th').allTextContents()).toEqual([
      'A Metric',
      'B Owner',
      'C Actual',
      'D Goal',
      'E Min',
      'F Critical',
    ]);
    const goal = frame.locator('select[name="role-4"]');
    expect(await goal.inputValue()).toBe('target');
    expect(await frame.locator('#missing').textContent()).not.toMatch(/no target column/);
    await goal.selectOption('');
    await frame.locator('#missing', { hasText: 'no target column' }).waitFor();
    // Giving "Min" the role "Critical" had leaves "Critical" alone.
    await frame.locator('select[name="role-5"]').selectOption('critical');
    expect(await frame.locator('select[name="role-6"]').inputValue()).toBe('');
    await frame.locator('#missing', { hasText: 'no warning limit column' }).waitFor();
    await screenshot(page, 'preview-connect');

    await frame.locator('#cancel').click();
    await page.locator('#sidebar').waitFor({ state: 'hidden' });
    expect(await page.locator('table[data-sheet="Team KPIs"]').textContent()).toBe(before);
  });

  test('Connect confirmed as proposed reconnects the table and reports the refresh', async () => {
    await clickMenu(page, 'Connect an existing table…');
    const frame = sidebar(page);
    await frame.locator('form#connect').waitFor();
    await frame.locator('#submit').click();
    await frame.locator('#status', { hasText: /Team KPIs: \d+ rows? scored/ }).waitFor();
    expect(await frame.locator('#cancel').textContent()).toBe('Close');
    await screenshot(page, 'preview-connect-done');
    await frame.locator('#cancel').click();
    await page.locator('#sidebar').waitFor({ state: 'hidden' });
  });

  test('a prompt takes typed text: closing the cycle archives it', async () => {
    const closeCycle = async (typed: string) => {
      await openCarryOverPrompt(page);
      await dialog(page).locator('#dialog-input').fill(typed);
      if (typed === 'maybe') await screenshot(page, 'preview-prompt');
      await dialog(page).locator('#dialog-input').press('Enter');
    };

    await closeCycle('maybe');
    await dialog(page).locator('#dialog-message', { hasText: '"maybe" is not one of' }).waitFor();
    await dialog(page).locator('button', { hasText: 'OK' }).click();
    await page.locator('#busy:empty').waitFor({ state: 'attached' });
    expect(await page.locator('.tab', { hasText: /^Archive / }).count()).toBe(0);

    await closeCycle('unfinished');
    await dialog(page).locator('#dialog-message', { hasText: 'is archived on' }).waitFor();
    await dialog(page).locator('button', { hasText: 'OK' }).click();
    await page.locator('.tab', { hasText: /^Archive / }).waitFor();
  });
});

describe('an exported .xlsx workbook', () => {
  let preview: PreviewProcess;
  let page: Page;
  let dir: string;

  /** A small workbook as Sheets exports it, with its convention for functions Excel lacks. */
  async function writeFixture(path: string): Promise<void> {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Team KPIs');
    ws.addRow(['Metric', 'Actual', 'Warning', 'Critical', 'Status', 'Since']);
    ws.getRow(1).font = { bold: true };
    ws.addRow(['Uptime', 99.95, 99.5, 99, null, new Date(Date.UTC(2026, 0, 15))]);
    ws.addRow(['NPS', 12, 30, 20, null, new Date(Date.UTC(2026, 1, 1))]);
    ws.addRow(['Deploys', 'n/a', 6, 3]);
    ws.addRow(['45%', null, true]);
    ws.getCell('E2').value = {
      formula: 'IFERROR(__xludf.DUMMYFUNCTION("KPI_STATUS(B2:B3, C2:C3, D2:D3)"),"OK")',
      result: 'OK',
    };
    ws.getCell('E3').value = {
      formula: 'IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),"Breach")',
      result: 'Breach',
    };
    ws.getCell('B5').value = { formula: 'B2*2', result: 199.9 };
    ws.getCell('F2').numFmt = 'yyyy-mm-dd';
    ws.getCell('F3').numFmt = 'yyyy-mm-dd';
    book.addWorksheet('Notes').addRow(['Exported from Sheets']);
    await book.xlsx.writeFile(path);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'okr-preview-'));
    await writeFixture(join(dir, 'book.xlsx'));
    preview = await startPreview(['--xlsx', join(dir, 'book.xlsx'), '--out', join(dir, 'out.xlsx')]);
    page = await openPage(preview.url);
  }, 120_000);

  afterAll(async () => {
    await page?.close();
    await preview?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('opens with its values and the add-on formulas computed, and saves them back', async () => {
    expect(await page.locator('.tab').allTextContents()).toEqual(['Team KPIs', 'Notes']);
    expect(await cell(page, 'Team KPIs', 'B2').textContent()).toBe('99.95');
    expect(await cell(page, 'Team KPIs', 'E2').textContent()).toBe('OK');
    expect(await cell(page, 'Team KPIs', 'E3').textContent()).toBe('Breach');
    expect(await cell(page, 'Team KPIs', 'B5').textContent()).toBe('199.9');
    expect(await cell(page, 'Team KPIs', 'F2').textContent()).toBe('2026-01-15');
    expect(await cell(page, 'Team KPIs', 'A5').textContent()).toBe('45%');
    await screenshot(page, 'preview-xlsx');

    await page.locator('#save').click();
    await page.locator('#busy', { hasText: 'Saved to' }).waitFor();

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'out.xlsx'));
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['Team KPIs', 'Notes']);
    const ws = book.getWorksheet('Team KPIs');
    if (!ws) throw new Error('no Team KPIs sheet');
    expect(ws.getCell('A1').value).toBe('Metric');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B2').value).toBe(99.95);
    expect(ws.getCell('B4').value).toBe('n/a');
    expect(ws.getCell('A5').value).toBe('45%');
    expect(ws.getCell('C5').value).toBe(true);
    expect(ws.getCell('F2').value).toEqual(new Date(Date.UTC(2026, 0, 15)));
    expect(ws.getCell('B5').value).toEqual({ formula: 'B2*2', result: 199.9 });
    expect(ws.getCell('E2').value).toEqual({
      formula: 'IFERROR(__xludf.DUMMYFUNCTION("KPI_STATUS(B2:B3, C2:C3, D2:D3)"),"OK")',
      result: 'OK',
    });
    expect(ws.getCell('E3').value).toEqual({
      formula: 'IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),"Breach")',
      result: 'Breach',
    });
    expect(book.getWorksheet('Notes')?.getCell('A1').value).toBe('Exported from Sheets');
  });

  test('stopping the preview saves to --out as well', async () => {
    rmSync(join(dir, 'out.xlsx'));
    await preview.stop();
    expect(preview.output()).toContain(`Saved ${join(dir, 'out.xlsx')}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'out.xlsx'));
    expect(book.getWorksheet('Team KPIs')?.getCell('B2').value).toBe(99.95);
  });
});
