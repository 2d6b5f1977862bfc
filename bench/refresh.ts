/**
 * Refresh on KPI tables of 100, 10,000 and 50,000 rows, beside a naive cell-by-cell refresh of the same
 * table in the same run: Sheets calls and time. The emulator answers a call in microseconds where Apps
 * Script takes milliseconds, so the call counts are the figure that carries over to a real spreadsheet.
 */
import { judgeKpiTable, kpiStatus, readThresholds, STATUS_COLOURS } from '../src/core';
import { type Addon, NOW, openAddon } from '../test/support/addon';
import { fixed, onceMs } from './measure';

const HEADERS = ['Metric', 'Owner', 'Actual', 'Goal', 'Min', 'Critical', 'Direction'];

function teamTable(rows: number): Addon {
  const addon = openAddon({ clock: () => NOW });
  const sheet = addon.wb.spreadsheet.insertSheet('Team KPIs');
  sheet.insertRowsAfter(sheet.getMaxRows(), rows + 10);
  const data = Array.from({ length: rows }, (_, i) => [
    `KPI ${i}`,
    `owner${i % 50}@example.com`,
    0.9 + (i % 11) / 100,
    1,
    0.98,
    0.95,
    'higher',
  ]);
  sheet.getRange(1, 1, rows + 1, HEADERS.length).setValues([HEADERS, ...data]);
  sheet.activate();
  return addon;
}

/** What a script written without batching does: every cell is its own call. */
function naiveRefresh(addon: Addon, rows: number): void {
  const sheet = addon.wb.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(
    'Team KPIs',
  ) as GoogleAppsScript.Spreadsheet.Sheet;
  const colour = { Breach: STATUS_COLOURS.bad, Warning: STATUS_COLOURS.warn, OK: STATUS_COLOURS.good };
  for (let row = 2; row <= rows + 1; row++) {
    const value = sheet.getRange(row, 3).getValue() as number;
    const thresholds = readThresholds(
      sheet.getRange(row, 5).getValue(),
      sheet.getRange(row, 6).getValue(),
      sheet.getRange(row, 7).getValue(),
    );
    const status = kpiStatus(value, thresholds);
    sheet.getRange(row, 8).setValue(status);
    sheet.getRange(row, 3).setBackground(colour[status]);
  }
}

export function benchRefresh(): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const rows of [100, 10_000, 50_000]) {
    const ours = teamTable(rows);
    ours.wb.ui.respond({ button: 'YES' });
    ours.run('menuConnectTable');
    ours.wb.calls.reset();
    const refresh = onceMs(() => ours.run('menuRefresh'));
    const oursCalls = ours.wb.calls.total;
    const naive = teamTable(rows);
    naive.wb.calls.reset();
    const cellByCell = onceMs(() => naiveRefresh(naive, rows));
    out.push({
      rows: String(rows),
      'refresh calls': String(oursCalls),
      'refresh ms': fixed(refresh.ms, 0),
      'naive calls': String(naive.wb.calls.total),
      'naive ms': fixed(cellByCell.ms, 0),
      'calls ratio': fixed(naive.wb.calls.total / oursCalls, 0),
    });
  }
  return out;
}

/** Core alone on the largest table: the judgement Refresh makes, without any Sheets call. */
export function benchJudge(): Record<string, string>[] {
  const rows = Array.from({ length: 50_000 }, (_, i) => [
    `KPI ${i}`,
    0.9 + (i % 11) / 100,
    0.98,
    0.95,
    'higher',
  ]);
  const { ms } = onceMs(() =>
    judgeKpiTable({ map: { name: 1, value: 2, warning: 3, critical: 4, direction: 5 }, firstRow: 2, rows }),
  );
  return [{ case: 'judge 50,000 KPI rows (core only)', ms: fixed(ms, 1) }];
}
