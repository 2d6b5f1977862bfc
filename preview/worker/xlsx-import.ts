/**
 * Opens a workbook a user exported from Sheets (File › Download › .xlsx): every worksheet's values,
 * formulas, number formats, bold text, fills, conditional-format rules, named ranges, column widths and
 * frozen rows, into the emulated spreadsheet. Anything else (charts, merged cells, validation, comments)
 * is left out; conditional-format rules left out are reported.
 */
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import type { Workbook } from '../../emulator';
import { parseA1 } from '../../emulator/a1';
import { fromWallClock } from './wall-clock';
import { hexColor } from './xlsx-colors';
import { formulaFromXlsx } from './xlsx-formulas';
import { type ImportedRule, rulesFromXlsx } from './xlsx-rules';

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
      // Text, shared strings, rich text, hyperlinks, error values: their text, kept as typed (a cell
      // in plain-text format keeps it without the apostrophe, which it would show).
      const text = cell.text;
      if (text === '') return undefined;
      return cell.numFmt === '@' ? text : `'${text}`;
    }
  }
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

/** The last row and column any of the rules' ranges reaches. */
function ruleExtent(rules: readonly ImportedRule[]): { rows: number; cols: number } {
  const areas = rules.flatMap((rule) => rule.ranges.map((a1) => parseA1(a1)));
  return {
    rows: Math.max(0, ...areas.map((area) => area?.endRow ?? area?.startRow ?? 0)),
    cols: Math.max(0, ...areas.map((area) => area?.endCol ?? area?.startCol ?? 0)),
  };
}

function buildRule(app: GoogleAppsScript.Spreadsheet.SpreadsheetApp, sheet: Sheet, rule: ImportedRule) {
  const { format } = rule;
  let builder = app
    .newConditionalFormatRule()
    .withCriteria(app.BooleanCriteria[rule.criteria], [...rule.values])
    .setRanges(rule.ranges.map((a1) => sheet.getRange(a1)));
  if (format.background) builder = builder.setBackground(format.background);
  if (format.fontColor) builder = builder.setFontColor(format.fontColor);
  if (typeof format.bold === 'boolean') builder = builder.setBold(format.bold);
  if (typeof format.italic === 'boolean') builder = builder.setItalic(format.italic);
  if (typeof format.strikethrough === 'boolean') builder = builder.setStrikethrough(format.strikethrough);
  if (typeof format.underline === 'boolean') builder = builder.setUnderline(format.underline);
  return builder.build();
}

/** Copies one worksheet; returns the kinds of conditional-format rule it left out. */
function copyWorksheet(wb: Workbook, ws: ExcelJS.Worksheet, sheet: Sheet, timeZone: string): string[] {
  const formattings = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
  const { rules, leftOut } = rulesFromXlsx(formattings ?? []);
  const extent = ruleExtent(rules);
  fitSheet(sheet, Math.max(ws.rowCount, extent.rows), Math.max(ws.columnCount, extent.cols));
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
  const app = wb.globals.SpreadsheetApp;
  if (rules.length > 0) sheet.setConditionalFormatRules(rules.map((rule) => buildRule(app, sheet, rule)));
  return leftOut;
}

/** "2 colorScale rules on KPIs": what was left out, for the person who opened the file. */
function leftOutNote(sheet: string, kinds: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind} rule${n === 1 ? '' : 's'} on "${sheet}"`);
}

/**
 * Opens the workbook at `path` in `wb`; returns what was left out of it that the user should know of
 * (conditional-format rules the preview cannot show, by kind and sheet).
 */
export async function importXlsx(wb: Workbook, path: string, timeZone: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const spreadsheet = wb.spreadsheet;
  const placeholder = spreadsheet.getSheets()[0];
  const leftOut = book.worksheets.flatMap((ws, i) => {
    const sheet = i === 0 && placeholder ? placeholder.setName(ws.name) : spreadsheet.insertSheet(ws.name, i);
    return leftOutNote(ws.name, copyWorksheet(wb, ws, sheet, timeZone));
  });
  for (const { name, ranges } of book.definedNames.model) {
    // A name over one range is a named range in Sheets; Excel's other names (print areas) are not.
    const [range] = ranges;
    if (ranges.length === 1 && range && !name.startsWith('_xlnm.'))
      spreadsheet.setNamedRange(name, spreadsheet.getRange(range));
  }
  spreadsheet.rename(basename(path).replace(/\.xlsx$/i, ''));
  const first = spreadsheet.getSheets()[0];
  if (first) spreadsheet.setActiveSheet(first);
  return leftOut;
}
