/**
 * Set up: creates the OKRs, KPIs, Check-ins and settings sheets when missing. Idempotent: an existing
 * sheet is never written to; one with the add-on's layout is (re)connected, one with another layout is
 * left alone and reported.
 */
import {
  type CellValue,
  type ColumnMap,
  columnsOf,
  DASHBOARD_SHEET,
  type Field,
  KEY_RESULT_KINDS,
  matchTitles,
  planDashboard,
  type TableKind,
} from '../core';
import { sheetCalendar } from './calendar';
import { setUpDashboard } from './dashboard';
import { dashboardSources } from './dashboard-sources';
import { convertDays, historySheet } from './kpi-history-sheet';
import {
  CHECK_IN_HEADERS,
  COLUMN_FORMATS,
  COLUMN_WIDTHS,
  EXAMPLE_VALUE_FORMATS,
  KPI_EXAMPLE_HISTORY,
  KPI_EXAMPLES,
  layoutOf,
  OKR_EXAMPLES,
  SHEET_NAMES,
} from './layouts';
import { appendRows } from './log-sheet';
import { setUpObjectivesSheet } from './objectives-sheet';
import { ensureSettings } from './settings';
import { headerTexts, sheetNamed } from './sheet-lookup';
import { findAddonMetadata, findTable, saveTable } from './table-metadata';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetupReport {
  readonly created: string[];
  readonly kept: string[];
  readonly conflicts: string[];
}

function layoutMap(kind: TableKind): ColumnMap {
  return Object.fromEntries(layoutOf(kind).map((field, i) => [field, i + 1]));
}

function conflictMessage(name: string): string {
  return `A sheet named "${name}" already exists with another layout, so it was left as it is. Rename it and run Set up again, or use "Connect an existing table…" to use it as it is.`;
}

function formatTable(sheet: Sheet, kind: TableKind, rows: number): void {
  const layout = layoutOf(kind);
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, layout.length).setFontWeight('bold').setBackground('#f1f3f4');
  layout.forEach((field, i) => {
    const format = COLUMN_FORMATS[field];
    if (format) sheet.getRange(2, i + 1, rows, 1).setNumberFormat(format);
    const width = COLUMN_WIDTHS[field];
    if (width) sheet.setColumnWidth(i + 1, width);
  });
  const listColumn = (field: Field, values: readonly string[]) => {
    const column = layout.indexOf(field as never) + 1;
    if (column === 0) return;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...values], true)
      .setAllowInvalid(true)
      .build();
    sheet.getRange(2, column, rows, 1).setDataValidation(rule);
  };
  if (kind === 'okr') listColumn('kind', KEY_RESULT_KINDS);
  else listColumn('direction', ['higher', 'lower']);
}

/** Weekly values before today for the example KPIs, so their trends and changes show at once. */
function seedExampleHistory(spreadsheet: Spreadsheet, today: Date): void {
  const rows = Object.entries(KPI_EXAMPLE_HISTORY).flatMap(([kpi, values]) =>
    values.map((value, i) => [
      new Date(today.getFullYear(), today.getMonth(), today.getDate() - 7 * (values.length - i)),
      kpi,
      value,
    ]),
  );
  appendRows(historySheet(spreadsheet), convertDays(rows, sheetCalendar(spreadsheet).cell), [2]);
}

function formatExampleValues(sheet: Sheet, kind: TableKind): void {
  const { fields, byRow } = EXAMPLE_VALUE_FORMATS[kind];
  byRow.forEach((format, i) => {
    if (!format) return;
    for (const field of fields)
      sheet.getRange(i + 2, layoutOf(kind).indexOf(field as never) + 1).setNumberFormat(format);
  });
}

function createTable(spreadsheet: Spreadsheet, kind: TableKind, withExamples: boolean, today: Date): Sheet {
  const sheet = spreadsheet.insertSheet(SHEET_NAMES[kind]);
  const titles = layoutOf(kind).map((field) => (columnsOf(kind)[field]?.title ?? field) as CellValue);
  sheet.getRange(1, 1, 1, titles.length).setValues([titles]);
  const examples = kind === 'kpi' ? KPI_EXAMPLES : OKR_EXAMPLES;
  if (withExamples) {
    sheet.getRange(2, 1, examples.length, examples[0]?.length ?? 0).setValues(examples.map((r) => [...r]));
    if (kind === 'kpi') seedExampleHistory(spreadsheet, today);
    formatExampleValues(sheet, kind);
  }
  formatTable(sheet, kind, Math.max(sheet.getMaxRows() - 1, 1));
  saveTable(sheet, kind, 1, layoutMap(kind));
  return sheet;
}

function setUpTable(
  spreadsheet: Spreadsheet,
  kind: TableKind,
  withExamples: boolean,
  today: Date,
  report: SetupReport,
): void {
  const name = SHEET_NAMES[kind];
  const existing = sheetNamed(spreadsheet, name);
  if (!existing) {
    createTable(spreadsheet, kind, withExamples, today);
    report.created.push(name);
    return;
  }
  if (findTable(existing)) {
    report.kept.push(existing.getName());
    return;
  }
  // The add-on's own layout whose metadata was lost (a copied sheet): reconnect it, write nothing.
  const map = matchTitles(kind, headerTexts(existing));
  if (layoutOf(kind).every((field) => map[field] !== undefined)) {
    saveTable(existing, kind, 1, map);
    report.kept.push(existing.getName());
  } else report.conflicts.push(conflictMessage(existing.getName()));
}

export function setUpCheckInLog(spreadsheet: Spreadsheet, report: SetupReport): void {
  const existing = sheetNamed(spreadsheet, SHEET_NAMES.checkIns);
  if (existing) {
    const same = CHECK_IN_HEADERS.every((title, i) => headerTexts(existing)[i] === title);
    if (same) report.kept.push(existing.getName());
    else report.conflicts.push(conflictMessage(existing.getName()));
    return;
  }
  const sheet = spreadsheet.insertSheet(SHEET_NAMES.checkIns);
  sheet
    .getRange(1, 1, 1, CHECK_IN_HEADERS.length)
    .setValues([[...CHECK_IN_HEADERS]])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1).setNumberFormat('yyyy-mm-dd hh:mm');
  // Comments are stored as typed: plain text, never a formula.
  sheet.getRange(2, CHECK_IN_HEADERS.indexOf('Comment') + 1, sheet.getMaxRows() - 1, 1).setNumberFormat('@');
  report.created.push(SHEET_NAMES.checkIns);
}

/**
 * The dashboard over the tables as they now are. Its KPI cards get their trends from the Refresh that
 * follows Set up, which counts the KPIs as it reads them.
 */
function setUpDashboardSheet(spreadsheet: Spreadsheet, report: SetupReport): void {
  const { tables, objectives, dashboard } = findAddonMetadata(spreadsheet);
  const plan = planDashboard(dashboardSources(tables, objectives), 0);
  const outcome = setUpDashboard(spreadsheet, dashboard, plan);
  if (outcome === 'created') report.created.push(DASHBOARD_SHEET);
  else if (outcome === 'kept') report.kept.push(DASHBOARD_SHEET);
  else report.conflicts.push(outcome.conflict);
}

export function setUp(spreadsheet: Spreadsheet, options: { withExamples: boolean; now: Date }): SetupReport {
  const report: SetupReport = { created: [], kept: [], conflicts: [] };
  const today = sheetCalendar(spreadsheet).dayOf(options.now);
  const settings = ensureSettings(spreadsheet, today);
  if (settings === 'created') report.created.push(SHEET_NAMES.settings);
  else if (settings === 'exists') report.kept.push(SHEET_NAMES.settings);
  else if ('added' in settings)
    report.created.push(`${SHEET_NAMES.settings} rows (${settings.added.join(', ')})`);
  else report.conflicts.push(settings.conflict);
  setUpTable(spreadsheet, 'okr', options.withExamples, today, report);
  setUpTable(spreadsheet, 'kpi', options.withExamples, today, report);
  setUpCheckInLog(spreadsheet, report);
  setUpObjectivesSheet(spreadsheet, options.withExamples, report);
  setUpDashboardSheet(spreadsheet, report);
  return report;
}
