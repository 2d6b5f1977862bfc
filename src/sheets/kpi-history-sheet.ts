/**
 * The KPI History sheet: one row per KPI per day. A snapshot rewrites today's rows in place (one
 * setValues over the block they span, usually the last rows) and appends the rest (one setValues).
 */
import { type CellValue, HISTORY_HEADERS, type KpiReading, planSnapshot } from '../core';
import { sheetCalendar } from './calendar';
import { SHEET_NAMES } from './layouts';
import { writeExactly } from './literal';
import { appendRows, type OpenLog, openLog } from './log-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function openHistory(spreadsheet: Spreadsheet): OpenLog {
  return openLog(spreadsheet, SHEET_NAMES.history, HISTORY_HEADERS, { 1: 'yyyy-mm-dd' });
}

export function historySheet(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  return openHistory(spreadsheet).sheet;
}

/** Records today's values (today: the spreadsheet's day) and returns the whole history as it now stands. */
export function snapshotKpis(
  spreadsheet: Spreadsheet,
  readings: readonly KpiReading[],
  today: Date,
): CellValue[][] {
  const log = openHistory(spreadsheet);
  const { sheet } = log;
  const calendar = sheetCalendar(spreadsheet);
  const history = convertDays(log.rows, calendar.local);
  const plan = planSnapshot(history, readings, today);
  if (plan.updates.length > 0) {
    const first = Math.min(...plan.updates.map((u) => u.index));
    const last = Math.max(...plan.updates.map((u) => u.index));
    const block = history.slice(first, last + 1).map((row) => [...row]);
    for (const { index, value } of plan.updates) {
      (block[index - first] as CellValue[])[2] = value;
      (history[index] as CellValue[])[2] = value;
    }
    writeExactly(
      sheet.getRange(first + 2, 1, block.length, HISTORY_HEADERS.length),
      convertDays(block, calendar.cell),
    );
  }
  appendRows(sheet, convertDays(plan.appends, calendar.cell), [2], log.rows.length + 1);
  return [...history, ...plan.appends];
}

/** History rows with their day (column 1) converted by `convert`, one way or the other. */
export function convertDays(
  rows: readonly CellValue[][],
  convert: (value: CellValue) => CellValue,
): CellValue[][] {
  return rows.map(([day, ...rest]) => [convert(day), ...rest]);
}
