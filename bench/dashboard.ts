/**
 * The dashboard: what it adds to Set up's and Refresh's round trips (the same calls with and without
 * it), and how long its formulas take to recompute in the emulator's engine over 2,000 key results and
 * 500 KPIs after one value changes.
 */
import type { Workbook } from '../emulator';
import { OKR_INPUTS } from '../src/core';
import { type Addon, NOW, openAddon } from '../test/support/addon';
import { openDemo } from '../test/support/demo';
import { fixed, onceMs } from './measure';
import { perKind, roundTrips } from './refresh';

const DASHBOARD = 'Dashboard';

function setUpCalls(withOwnDashboard: boolean): Record<string, string> {
  const addon = openAddon({ clock: () => NOW });
  // A team's own sheet named Dashboard: Set up leaves it alone and makes no dashboard.
  if (withOwnDashboard) addon.wb.spreadsheet.insertSheet(DASHBOARD).getRange('A1').setValue('Ours');
  addon.wb.ui.respond({ button: 'YES' });
  addon.wb.calls.reset();
  addon.run('menuSetUp');
  const { byKind } = addon.wb.calls;
  return {
    case: `Set up with examples (then its Refresh)${withOwnDashboard ? ', no dashboard (a team sheet holds the name)' : ''}`,
    'round trips': String(roundTrips(byKind)),
    ...perKind(byKind),
  };
}

function refreshCalls(withDashboard: boolean): Record<string, string> {
  const demo = openDemo();
  if (!withDashboard) demo.wb.spreadsheet.deleteSheet(demo.wb.sheet(DASHBOARD));
  demo.wb.setClock(() => new Date(NOW.getTime() + 24 * 3600_000));
  demo.wb.calls.reset();
  demo.run('menuRefresh');
  const { byKind } = demo.wb.calls;
  return {
    case: `Refresh, demo workbook, the next day${withDashboard ? '' : ', dashboard deleted'}`,
    'round trips': String(roundTrips(byKind)),
    ...perKind(byKind),
  };
}

/**
 * Copies of a table's first data row (its input columns, the first `width`), each with a name of its
 * own, until it has `rows` data rows.
 */
function grow(wb: Workbook, sheetName: string, width: number, nameColumn: number, rows: number): void {
  const sheet = wb.sheet(sheetName);
  const first = sheet.getRange(2, 1, 1, width).getValues()[0] ?? [];
  // Counted by names: the computed columns spill to the sheet's last row.
  const names = sheet.getRange(2, nameColumn, sheet.getMaxRows() - 1, 1).getValues();
  const have = names.findIndex(([name]) => name === '');
  const extra = rows - have;
  if (sheet.getMaxRows() < rows + 1) sheet.insertRowsAfter(sheet.getMaxRows(), rows + 1 - sheet.getMaxRows());
  sheet
    .getRange(have + 2, 1, extra, width)
    .setValues(
      Array.from({ length: extra }, (_, i) => first.map((v, c) => (c === nameColumn - 1 ? `${v} ${i}` : v))),
    );
}

/** Set up with examples grown to 2,000 key results and 500 KPIs, refreshed once (IDs, history). */
function bigWorkbook(): Addon {
  const addon = openAddon({ clock: () => NOW });
  addon.wb.ui.respond({ button: 'YES' });
  addon.run('menuSetUp');
  grow(addon.wb, 'OKRs', OKR_INPUTS.length, 2, 2_000);
  grow(addon.wb, 'KPIs', 9, 1, 500);
  addon.run('menuRefresh');
  return addon;
}

/** The dashboard's values, every block and the charts' ranges: what the engine recomputes after an edit. */
function readDashboard(wb: Workbook): void {
  const sheet = wb.sheet(DASHBOARD);
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).getValues();
}

export function benchDashboard(): { calls: Record<string, string>[]; recompute: Record<string, string>[] } {
  const calls = [setUpCalls(false), setUpCalls(true), refreshCalls(true), refreshCalls(false)];
  const addon = bigWorkbook();
  const { wb } = addon;
  const first = onceMs(() => readDashboard(wb));
  const okrs = wb.sheet('OKRs');
  const edits = [0.3, 0.5, 0.7].map((value) => {
    okrs.getRange(4, 7).setValue(value * 1000);
    return onceMs(() => readDashboard(wb)).ms;
  });
  const kpiEdit = onceMs(() => {
    wb.sheet('KPIs').getRange(3, 8).setValue(333);
    readDashboard(wb);
  });
  const recompute = [
    { case: 'first read after Refresh, 2,000 key results, 500 KPIs', ms: fixed(first.ms, 0) },
    {
      case: 'after a key result value is typed (median of 3)',
      ms: fixed([...edits].sort((a, b) => a - b)[1] ?? 0, 0),
    },
    { case: 'after a KPI value is typed', ms: fixed(kpiEdit.ms, 0) },
  ];
  return { calls, recompute };
}
