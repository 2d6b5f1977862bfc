/**
 * Opens a workbook a user exported from Sheets (File › Download › .xlsx): every worksheet's values,
 * formulas, number formats, bold text, fills, column widths and frozen rows, into the emulated
 * spreadsheet. Anything else (charts, merged cells, validation, comments) is left out.
 */
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import type { Workbook } from '../../emulator';
import { fromWallClock } from './wall-clock';
import { formulaFromXlsx } from './xlsx-formulas';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a cell should hold in Sheets: a value for setValue (strings forced to text), or nothing. */
export function cellInput(cell: ExcelJS.Cell, timeZone: string): unknown {
  switch (cell.type) {
    case ExcelJS.ValueType.Formula: {
      const imported = formulaFromXlsx(cell.formula ?? '');
      return imported.kind === 'formula' ? imported.text : undefined;
    }
    case ExcelJS.ValueType.Number:
    case ExcelJS.ValueType.Boolean:
      return cell.value;
    case ExcelJS.ValueType.Date:
      return fromWallClock(cell.value as Date, timeZone);
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return undefined;
    default: {
      // Text, shared strings, rich text, hyperlinks, error values: their text, kept as typed.
      const text = cell.text;
      return text === '' ? undefined : `'${text}`;
    }
  }
}

function hexColor(argb: string | undefined): string | undefined {
  if (!argb || !/^[0-9a-f]{8}$/i.test(argb)) return undefined;
  return `#${argb.slice(2).toLowerCase()}`;
}

function copyFormat(cell: ExcelJS.Cell, target: GoogleAppsScript.Spreadsheet.Range): void {
  if (cell.numFmt && cell.numFmt.toLowerCase() !== 'general') target.setNumberFormat(cell.numFmt);
  if (cell.font?.bold) target.setFontWeight('bold');
  if (cell.font?.italic) target.setFontStyle('italic');
  const color = hexColor(cell.font?.color?.argb);
  if (color && color !== '#000000') target.setFontColor(color);
  const fill = cell.fill;
  if (fill?.type === 'pattern' && fill.pattern === 'solid') {
    const background = hexColor(fill.fgColor?.argb);
    if (background && background !== '#ffffff') target.setBackground(background);
  }
}

function fitSheet(sheet: Sheet, rows: number, cols: number): void {
  if (rows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (cols > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
}

function copyWorksheet(ws: ExcelJS.Worksheet, sheet: Sheet, timeZone: string): void {
  fitSheet(sheet, ws.rowCount, ws.columnCount);
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const target = sheet.getRange(r, c);
      const input = cellInput(cell, timeZone);
      // Format first: a number format decides how typed text reads.
      copyFormat(cell, target);
      if (input !== undefined) target.setValue(input);
    });
  });
  ws.columns?.forEach((column, i) => {
    if (column.width) sheet.setColumnWidth(i + 1, Math.round(column.width * 7 + 5));
  });
  const frozen = ws.views?.find((view) => view.state === 'frozen');
  if (frozen && 'ySplit' in frozen && frozen.ySplit) sheet.setFrozenRows(frozen.ySplit);
}

export async function importXlsx(wb: Workbook, path: string, timeZone: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const spreadsheet = wb.spreadsheet;
  const placeholder = spreadsheet.getSheets()[0];
  book.worksheets.forEach((ws, i) => {
    const sheet = i === 0 && placeholder ? placeholder.setName(ws.name) : spreadsheet.insertSheet(ws.name, i);
    copyWorksheet(ws, sheet, timeZone);
  });
  spreadsheet.rename(basename(path).replace(/\.xlsx$/i, ''));
  const first = spreadsheet.getSheets()[0];
  if (first) spreadsheet.setActiveSheet(first);
}
