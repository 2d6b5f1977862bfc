/**
 * The add-on's append-mostly sheets (KPI History, Alerts): found by name with their header checked,
 * created when missing, read whole with one getValues and appended to with one setValues.
 */
import { type CellValue, isBlank } from '../core';
import { writeExactly } from './literal';
import { headerTexts, sheetNamed } from './sheet-lookup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A log sheet and the rows under its header, as read in one call. */
export interface OpenLog {
  readonly sheet: Sheet;
  readonly rows: CellValue[][];
}

/**
 * The sheet `name` with `headers` and its rows (the header checked and the rows read in one call),
 * created (and given `formats`, column -> number format) when missing or empty; an unrelated sheet of
 * that name is refused.
 */
export function openLog(
  spreadsheet: Spreadsheet,
  name: string,
  headers: readonly string[],
  formats: Readonly<Record<number, string>> = {},
): OpenLog {
  const existing = sheetNamed(spreadsheet, name);
  const [found = [], ...rows] = existing ? (existing.getDataRange().getValues() as CellValue[][]) : [];
  // A sheet with nothing on it is adopted: it is ours, left empty by a creation that stopped midway.
  if (existing && (rows.length > 0 || !found.every(isBlank))) {
    if (!headers.every((title, i) => String(found[i] ?? '').trim() === title)) {
      throw new Error(
        `The "${existing.getName()}" sheet does not have the columns ${headers.join(', ')}. Rename that sheet so the add-on can create its own.`,
      );
    }
    return { sheet: existing, rows: rows.map((row) => headers.map((_, i) => row[i] ?? '')) };
  }
  const sheet = existing ?? spreadsheet.insertSheet(name);
  for (const [column, format] of Object.entries(formats)) {
    sheet.getRange(2, Number(column), sheet.getMaxRows() - 1, 1).setNumberFormat(format);
  }
  sheet.setFrozenRows(1);
  // The header last: until it is written the sheet reads as empty, and the next attempt finishes it.
  sheet
    .getRange(1, 1, 1, headers.length)
    .setValues([[...headers]])
    .setFontWeight('bold');
  return { sheet, rows: [] };
}

/** The log sheet alone (see openLog). */
export function logSheet(
  spreadsheet: Spreadsheet,
  name: string,
  headers: readonly string[],
  formats: Readonly<Record<number, string>> = {},
): Sheet {
  return openLog(spreadsheet, name, headers, formats).sheet;
}

/**
 * Whether the sheet can be the log with `headers`: its first row starts with them, or it is empty (a
 * creation that stopped midway, which openLog finishes). Otherwise it is a sheet of the team's.
 */
export function canHoldLog(sheet: Sheet, headers: readonly string[]): boolean {
  const found = headerTexts(sheet);
  return found.every((text) => text === '') || headers.every((title, i) => found[i] === title);
}

/** Every row under the header (one call). */
export function readLog(sheet: Sheet, width: number): CellValue[][] {
  const last = sheet.getLastRow();
  return last < 2 ? [] : (sheet.getRange(2, 1, last - 1, width).getValues() as CellValue[][]);
}

/**
 * Appends rows after the last row (`lastRow` when the caller has just read it) in one write, growing
 * the sheet when it is full. Columns listed in `textColumns` (1-based) are set to plain text first, so
 * what a user typed ("=1+1", "-5 users") is stored as typed and never read as a formula or a number.
 */
export function appendRows(
  sheet: Sheet,
  rows: readonly (readonly CellValue[])[],
  textColumns: readonly number[] = [],
  lastRow?: number,
): void {
  if (rows.length === 0) return;
  const width = rows[0]?.length ?? 0;
  const last = lastRow ?? sheet.getLastRow();
  const maxRows = sheet.getMaxRows();
  if (last + rows.length > maxRows) sheet.insertRowsAfter(maxRows, last + rows.length - maxRows);
  for (const [first, count] of columnRuns(textColumns)) {
    sheet.getRange(last + 1, first, rows.length, count).setNumberFormat('@');
  }
  writeExactly(sheet.getRange(last + 1, 1, rows.length, width), rows, textColumns);
}

/** Columns as runs of adjacent ones, [first, count] each: one format write per run. */
function columnRuns(columns: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const column of [...new Set(columns)].sort((a, b) => a - b)) {
    const run = runs[runs.length - 1];
    if (run && run[0] + run[1] === column) run[1] += 1;
    else runs.push([column, 1]);
  }
  return runs;
}
