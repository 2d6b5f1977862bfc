/**
 * The add-on's append-mostly sheets (KPI History, Alerts): found by name with their header checked,
 * created when missing, read whole with one getValues and appended to with one setValues.
 */
import type { CellValue } from '../core';
import { headerTexts, sheetNamed } from './sheet-lookup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The sheet `name` with `headers`, created (and given `formats`, column -> number format) when missing;
 * an unrelated sheet of that name is refused.
 */
export function logSheet(
  spreadsheet: Spreadsheet,
  name: string,
  headers: readonly string[],
  formats: Readonly<Record<number, string>> = {},
): Sheet {
  const existing = sheetNamed(spreadsheet, name);
  if (existing) {
    const found = headerTexts(existing);
    if (!headers.every((title, i) => found[i] === title)) {
      throw new Error(
        `The "${existing.getName()}" sheet does not have the columns ${headers.join(', ')}. Rename that sheet so the add-on can create its own.`,
      );
    }
    return existing;
  }
  const sheet = spreadsheet.insertSheet(name);
  sheet
    .getRange(1, 1, 1, headers.length)
    .setValues([[...headers]])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  for (const [column, format] of Object.entries(formats)) {
    sheet.getRange(2, Number(column), sheet.getMaxRows() - 1, 1).setNumberFormat(format);
  }
  return sheet;
}

/** Every row under the header (one call). */
export function readLog(sheet: Sheet, width: number): CellValue[][] {
  const last = sheet.getLastRow();
  return last < 2 ? [] : (sheet.getRange(2, 1, last - 1, width).getValues() as CellValue[][]);
}

/**
 * Appends rows after the last row in one write, growing the sheet when it is full. Columns listed in
 * `textColumns` (1-based) are set to plain text first, so what a user typed ("=1+1", "-5 users") is
 * stored as typed and never read as a formula or a number.
 */
export function appendRows(
  sheet: Sheet,
  rows: readonly (readonly CellValue[])[],
  textColumns: readonly number[] = [],
): void {
  if (rows.length === 0) return;
  const width = rows[0]?.length ?? 0;
  const last = sheet.getLastRow();
  const missing = last + rows.length - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  const target = sheet.getRange(last + 1, 1, rows.length, width);
  if (textColumns.length > 0) {
    const formats = target
      .getNumberFormats()
      .map((row) => row.map((format, i) => (textColumns.includes(i + 1) ? '@' : format)));
    target.setNumberFormats(formats);
  }
  target.setValues(rows.map((r) => [...r]));
}
