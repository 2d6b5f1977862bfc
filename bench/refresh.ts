/**
 * Refresh on KPI tables of 100, 10,000 and 50,000 rows, beside a naive cell-by-cell refresh of the same
 * table in the same run: Sheets calls and time. The emulator answers a call in microseconds where Apps
 * Script takes milliseconds, so the call counts are the figure that carries over to a real spreadsheet.
 */
import { CALL_KINDS, type CallKind, callKind, ROUND_TRIPS } from '../emulator/call-kinds';
import { judgeKpiTable, kpiStatus, readThresholds, STATUS_COLOURS } from '../src/core';
import { type Addon, connectAsProposed, NOW, openAddon } from '../test/support/addon';
import { openDemo } from '../test/support/demo';
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

export function roundTrips(byKind: Readonly<Record<CallKind, number>>): number {
  return ROUND_TRIPS.reduce((n, kind) => n + byKind[kind], 0);
}

/** One column per kind of call (reads, writes, UI, other services; local calls are no round trip). */
export function perKind(byKind: Readonly<Record<CallKind, number>>): Record<string, string> {
  return Object.fromEntries(CALL_KINDS.map((kind) => [kind, String(byKind[kind])]));
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
    connectAsProposed(ours);
    ours.wb.calls.reset();
    const refresh = onceMs(() => ours.run('menuRefresh'));
    const oursCalls = roundTrips(ours.wb.calls.byKind);
    const naive = teamTable(rows);
    naive.wb.calls.reset();
    const cellByCell = onceMs(() => naiveRefresh(naive, rows));
    out.push({
      rows: String(rows),
      'refresh round trips': String(oursCalls),
      ...perKind(ours.wb.calls.byKind),
      'refresh ms': fixed(refresh.ms, 0),
      'naive round trips': String(roundTrips(naive.wb.calls.byKind)),
      'naive ms': fixed(cellByCell.ms, 0),
      ratio: fixed(roundTrips(naive.wb.calls.byKind) / oursCalls, 0),
    });
  }
  return out;
}

/**
 * Refresh on the preview's demo workbook (three connected tables, the settings, the KPI History), the
 * day after its last Refresh: every round trip by kind and by method.
 */
export function benchDemoRefresh(): { kinds: Record<string, string>[]; methods: Record<string, string>[] } {
  const demo = openDemo();
  demo.wb.setClock(() => new Date(NOW.getTime() + 24 * 3600_000));
  demo.wb.calls.reset();
  demo.run('menuRefresh');
  const { byKind, byMethod } = demo.wb.calls;
  const methods = Object.entries(byMethod)
    .map(([method, count]) => ({ kind: callKind(method), method, count: String(count) }))
    .filter((row) => row.kind !== 'local')
    .sort((a, b) => CALL_KINDS.indexOf(a.kind) - CALL_KINDS.indexOf(b.kind));
  return {
    kinds: [
      { case: 'Refresh, demo workbook', 'round trips': String(roundTrips(byKind)), ...perKind(byKind) },
    ],
    methods,
  };
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
