/**
 * Writes the emulated spreadsheet as .xlsx: values, formulas with their computed results, number formats,
 * bold and italic text, colours as painted (conditional-format colours become static fills), column
 * widths and frozen rows.
 */
import ExcelJS from 'exceljs';
import type { CellSnapshot, Workbook } from '../../emulator';
import { sheetImpl } from '../../emulator/boundary';
import type { EvalValue } from '../../emulator/formula-types';
import { isGeneral } from '../../emulator/number-format';
import { toWallClock } from './wall-clock';
import { type CachedValue, callsAny, formulaToXlsx, spilledToXlsx } from './xlsx-formulas';

/** The error values a .xlsx file can hold; Sheets-only codes such as #ERROR! are written as #VALUE!. */
const XLSX_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);

function cached(value: EvalValue): CachedValue {
  if (value instanceof Date) return null;
  if (typeof value === 'object') return value.kind === 'error' ? value.code : null;
  return value === '' ? null : value;
}

function result(value: EvalValue, timeZone: string): ExcelJS.CellFormulaValue['result'] {
  if (value instanceof Date) return toWallClock(value, timeZone);
  if (typeof value === 'object') {
    if (value.kind === 'sparkline') return undefined;
    return {
      error: (XLSX_ERRORS.has(value.code) ? value.code : '#VALUE!') as ExcelJS.CellErrorValue['error'],
    };
  }
  return value === '' ? undefined : value;
}

function literal(value: EvalValue, timeZone: string): ExcelJS.CellValue {
  if (value instanceof Date) return toWallClock(value, timeZone);
  if (typeof value === 'object') return null;
  return value === '' ? null : value;
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

interface CellContext {
  readonly snapshot: CellSnapshot;
  /** True when the cell stores nothing itself: its value is another formula's spilled result. */
  readonly spilled: boolean;
  readonly numberFormat: string | undefined;
  readonly customFunctions: readonly string[];
  readonly timeZone: string;
}

function writeCell(target: ExcelJS.Cell, cell: CellContext): void {
  const { snapshot, timeZone } = cell;
  if (snapshot.formula) {
    const wrap = callsAny(snapshot.formula, cell.customFunctions);
    target.value = {
      formula: formulaToXlsx(snapshot.formula, wrap, cached(snapshot.value)),
      result: result(snapshot.value, timeZone),
    };
  } else if (cell.spilled) {
    target.value = {
      formula: spilledToXlsx(cached(snapshot.value)),
      result: result(snapshot.value, timeZone),
    };
  } else target.value = literal(snapshot.value, timeZone);
  if (cell.numberFormat && !isGeneral(cell.numberFormat)) target.numFmt = cell.numberFormat;
  const font: Partial<ExcelJS.Font> = {};
  if (snapshot.bold) font.bold = true;
  if (snapshot.italic) font.italic = true;
  if (snapshot.fontColor.toLowerCase() !== '#000000') font.color = { argb: argb(snapshot.fontColor) };
  if (Object.keys(font).length > 0) target.font = font;
  if (snapshot.background.toLowerCase() !== '#ffffff') {
    target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(snapshot.background) } };
  }
}

function writeSheet(
  book: ExcelJS.Workbook,
  wb: Workbook,
  name: string,
  customFunctions: readonly string[],
): void {
  const snapshot = wb.snapshot(name);
  const timeZone = wb.spreadsheet.getSpreadsheetTimeZone();
  const ws = book.addWorksheet(name, {
    views: snapshot.frozenRows > 0 ? [{ state: 'frozen', ySplit: snapshot.frozenRows }] : [],
  });
  const sheet = wb.sheet(name);
  const content = sheetImpl(sheet).model.content;
  const rows = snapshot.cells.length;
  const cols = snapshot.cells[0]?.length ?? 0;
  const formats = rows > 0 && cols > 0 ? sheet.getRange(1, 1, rows, cols).getNumberFormats() : [];
  snapshot.cells.forEach((line, r) => {
    line.forEach((cell, c) => {
      const empty = cell.value === '' && !cell.formula;
      const painted = cell.bold || cell.background.toLowerCase() !== '#ffffff';
      if (empty && !painted) return;
      writeCell(ws.getCell(r + 1, c + 1), {
        snapshot: cell,
        spilled: !cell.formula && !empty && content.get(r + 1, c + 1) === undefined,
        numberFormat: formats[r]?.[c],
        customFunctions,
        timeZone,
      });
    });
  });
  for (const [col, width] of Object.entries(snapshot.columnWidths)) {
    ws.getColumn(Number(col)).width = Math.max(1, Math.round((width - 5) / 7));
  }
}

/** The spreadsheet as .xlsx bytes. `customFunctions` are wrapped the way Sheets does for Excel. */
export async function exportXlsx(wb: Workbook, customFunctions: readonly string[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const name of wb.sheetNames()) writeSheet(book, wb, name, customFunctions);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
