/**
 * Refresh: for each connected table, one read, a judgement by core (the summary), one write of the
 * add-on's columns and one write of its highlight rules. The number of Sheets calls does not grow with
 * the number of rows.
 */
import {
  judgeKpiTable,
  judgeOkrTable,
  planHighlights,
  planOutputs,
  type TableKind,
  type TableSummary,
} from '../core';
import { applyHighlights } from './highlights';
import { type CycleSettings, readCycleSettings, updateAsOf } from './settings';
import { readTableRows, writeRuns } from './table-io';
import { type ConnectedTable, findTables } from './table-metadata';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TableReport {
  readonly sheetName: string;
  readonly kind: TableKind;
  readonly summary: TableSummary;
}

export interface RefreshReport {
  readonly tables: readonly TableReport[];
  /** Why OKR statuses could not be judged (settings missing or invalid), if so. */
  readonly settingsProblem: string | null;
}

/** A short, stable key-result ID ("KR-1a2b3c4d"). */
export function newKeyResultId(): string {
  return `KR-${Utilities.getUuid().replace(/-/g, '').slice(0, 8)}`;
}

function readSettings(spreadsheet: Spreadsheet, today: Date): CycleSettings | string {
  try {
    updateAsOf(spreadsheet, today);
    return readCycleSettings(spreadsheet);
  } catch (error) {
    return (error as Error).message;
  }
}

export function refreshTable(
  table: ConnectedTable,
  settings: CycleSettings | string,
  today: Date,
): TableReport {
  const { sheet, kind, headerRow, map } = table;
  const { firstRow, rows } = readTableRows(sheet, kind, headerRow, map);
  let summary: TableSummary;
  if (kind === 'kpi') summary = judgeKpiTable({ map, firstRow, rows });
  else if (typeof settings === 'string') {
    summary = { kind, scored: 0, counts: {}, problems: [{ row: headerRow, message: settings }] };
  } else summary = judgeOkrTable({ map, firstRow, rows }, settings.cycle, settings.asOf ?? today);
  writeRuns(sheet, firstRow, planOutputs({ kind, map, firstRow, rows, newId: newKeyResultId }));
  applyHighlights(sheet, firstRow, planHighlights(kind, map, firstRow));
  return { sheetName: sheet.getName(), kind, summary };
}

export function refreshAll(spreadsheet: Spreadsheet, today: Date): RefreshReport {
  const settings = readSettings(spreadsheet, today);
  const tables = findTables(spreadsheet).map((table) => refreshTable(table, settings, today));
  const okrTables = tables.some((t) => t.kind === 'okr');
  return { tables, settingsProblem: typeof settings === 'string' && okrTables ? settings : null };
}
