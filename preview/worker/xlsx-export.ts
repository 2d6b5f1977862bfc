/**
 * Writes the emulated spreadsheet as .xlsx: values, formulas with their computed results, number formats,
 * bold and italic text, the cells' own colours, the conditional-format rules (xlsx-rules.ts, so the
 * highlights stay live), named ranges, column widths and frozen rows; a note where a chart stood.
 */
import ExcelJS from 'exceljs';
import type { CellSnapshot, ChartSnapshot, Workbook } from '../../emulator';
import { formatA1, quoteSheetName } from '../../emulator/a1';
import { sheetImpl } from '../../emulator/boundary';
import { chartOption } from '../../emulator/charts';
import type { EvalValue } from '../../emulator/formula-types';
import { isGeneral } from '../../emulator/number-format';
import type { CellProps } from '../../emulator/sheet-model';
import { toWallClock } from './wall-clock';
import { argb } from './xlsx-colors';
import { type CachedValue, callsAny, formulaToXlsx, spilledToXlsx } from './xlsx-formulas';
import { rulesToXlsx } from './xlsx-rules';

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

interface CellContext {
  readonly snapshot: CellSnapshot;
  /** The cell's own format: what conditional rules paint is written as the rules themselves. */
  readonly props: CellProps | undefined;
  /** True when the cell stores nothing itself: its value is another formula's spilled result. */
  readonly spilled: boolean;
  readonly numberFormat: string | undefined;
  readonly customFunctions: readonly string[];
  readonly timeZone: string;
}

function writeCell(target: ExcelJS.Cell, cell: CellContext): void {
  const { snapshot, props, timeZone } = cell;
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
  if (props?.fontWeight === 'bold') font.bold = true;
  if (props?.fontStyle === 'italic') font.italic = true;
  if (props?.fontColor && props.fontColor.toLowerCase() !== '#000000')
    font.color = { argb: argb(props.fontColor) };
  if (Object.keys(font).length > 0) target.font = font;
  if (props?.background && props.background.toLowerCase() !== '#ffffff') {
    target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(props.background) } };
  }
}

/**
 * exceljs cannot write charts: each chart leaves a note on its anchor cell saying what stood there, so
 * the file tells its reader rather than losing the chart silently.
 */
function chartNote(chart: ChartSnapshot): string {
  const title = chartOption(chart.options, 'title');
  const ranges = chart.ranges.map((range) => `${quoteSheetName(range.sheet)}!${range.a1}`).join(', ');
  return (
    `A ${chart.type.toLowerCase()} chart${title ? ` "${String(title)}"` : ''} of ${ranges || 'no range'} ` +
    'is anchored here in the spreadsheet; this .xlsx does not carry it (the preview writes no charts).'
  );
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
  const model = sheetImpl(sheet).model;
  const content = model.content;
  const rows = snapshot.cells.length;
  const cols = snapshot.cells[0]?.length ?? 0;
  const formats = rows > 0 && cols > 0 ? sheet.getRange(1, 1, rows, cols).getNumberFormats() : [];
  snapshot.cells.forEach((line, r) => {
    line.forEach((cell, c) => {
      const empty = cell.value === '' && !cell.formula;
      const props = model.props.get(r + 1, c + 1);
      if (empty && !props?.background && !props?.fontWeight) return;
      writeCell(ws.getCell(r + 1, c + 1), {
        snapshot: cell,
        props,
        spilled: !cell.formula && !empty && content.get(r + 1, c + 1) === undefined,
        numberFormat: formats[r]?.[c],
        customFunctions,
        timeZone,
      });
    });
  });
  for (const formatting of rulesToXlsx(model.rules)) ws.addConditionalFormatting(formatting);
  for (const chart of snapshot.charts) {
    const anchor = ws.getCell(chart.anchor.row, chart.anchor.col);
    // exceljs writes no note on a cell without a value: an empty text keeps the cell blank to read.
    if (anchor.value === null) anchor.value = '';
    anchor.note = chartNote(chart);
  }
  for (const [col, width] of Object.entries(snapshot.columnWidths)) {
    ws.getColumn(Number(col)).width = Math.max(1, Math.round((width - 5) / 7));
  }
}

/** Named ranges (CycleStart, AsOfDate…), which the sheets' formulas read, as defined names. */
function writeNamedRanges(book: ExcelJS.Workbook, wb: Workbook): void {
  for (const named of wb.spreadsheet.getNamedRanges()) {
    const range = named.getRange();
    const area = {
      row: range.getRow(),
      col: range.getColumn(),
      numRows: range.getNumRows(),
      numCols: range.getNumColumns(),
    };
    const absolute = formatA1(area).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    book.definedNames.add(`${quoteSheetName(range.getSheet().getName())}!${absolute}`, named.getName());
  }
}

/** The spreadsheet as .xlsx bytes. `customFunctions` are wrapped the way Sheets does for Excel. */
export async function exportXlsx(wb: Workbook, customFunctions: readonly string[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const name of wb.sheetNames()) writeSheet(book, wb, name, customFunctions);
  writeNamedRanges(book, wb);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
