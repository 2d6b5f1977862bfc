/**
 * Spreadsheet: the open document (sheets, selection, named ranges, metadata, toasts).
 */
import { parseA1, resolveA1 } from './a1';
import {
  asMetadataFinder,
  asNamedRange,
  asRange,
  asSheet,
  asSpreadsheet,
  rangeImpl,
  sheetImpl,
} from './boundary';
import { GUARD, instrument } from './calls';
import { FormulaCell } from './cell-input';
import { copyCharts } from './chart-model';
import type { Execution } from './context';
import { addMetadata, EmDeveloperMetadataFinder, metadataOn } from './developer-metadata';
import { enumName, type ProtectionTypeName } from './enums';
import { exception } from './errors';
import { EmNamedRange, protectionsOf, setNamedRange } from './named-range';
import { checkBounds, EmRange } from './range';
import { EmSheet } from './sheet';
import type { SheetModel } from './sheet-model';

import SS = GoogleAppsScript.Spreadsheet;

type SpreadsheetMethods =
  | 'addDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'deleteSheet'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getDeveloperMetadata'
  | 'getId'
  | 'getName'
  | 'getNamedRanges'
  | 'getNumSheets'
  | 'getProtections'
  | 'getRange'
  | 'getRangeByName'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'removeNamedRange'
  | 'rename'
  | 'setActiveRange'
  | 'setActiveSheet'
  | 'setNamedRange'
  | 'setSpreadsheetTimeZone'
  | 'toast';

type InsertOptions = { template?: SS.Sheet | undefined };

export class EmSpreadsheet implements Pick<SS.Spreadsheet, SpreadsheetMethods> {
  readonly [GUARD]: Execution;

  constructor(readonly exec: Execution) {
    this[GUARD] = exec;
  }

  private get _wb() {
    return this.exec.wb;
  }

  private _sheet(model: SheetModel): SS.Sheet {
    return asSheet(new EmSheet(this.exec, model));
  }

  getId(): string {
    return this._wb.id;
  }
  getName(): string {
    return this._wb.name;
  }
  rename(newName: string): void {
    this._wb.name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._wb.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this._wb.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this._wb.timeZone = timezone;
    this._wb.touch();
  }
  getSpreadsheetLocale(): string {
    return 'en_US';
  }

  // -- sheets --

  getSheets(): SS.Sheet[] {
    return this._wb.sheets.map((s) => this._sheet(s));
  }
  getNumSheets(): number {
    return this._wb.sheets.length;
  }
  getSheetByName(name: string): SS.Sheet | null {
    const sheet = this._wb.sheetByName(String(name));
    return sheet ? this._sheet(sheet) : null;
  }
  getSheetById(id: number): SS.Sheet | null {
    const sheet = this._wb.sheets.find((s) => s.id === id);
    return sheet ? this._sheet(sheet) : null;
  }

  /** insertSheet([name][, index][, {template}]): index is 0-based; the new sheet becomes active. */
  insertSheet(a?: string | number | InsertOptions, b?: number | InsertOptions, c?: InsertOptions): SS.Sheet {
    const args = [a, b, c].filter((x) => x !== undefined);
    const name = typeof args[0] === 'string' ? args.shift() : undefined;
    const index = typeof args[0] === 'number' ? (args.shift() as number) : this._wb.sheets.length;
    const options = args[0] as InsertOptions | undefined;
    const wb = this._wb;
    const template = options?.template ? sheetImpl(options.template).model : undefined;
    const model = wb.addSheet(
      typeof name === 'string' ? name : wb.defaultSheetName(),
      index,
      template?.maxRows,
      template?.maxCols,
    );
    if (template) copySheet(template, model, () => wb.newId());
    wb.activeSheet = model;
    wb.selection = undefined;
    return this._sheet(model);
  }

  deleteSheet(sheet: SS.Sheet): void {
    this._wb.removeSheet(sheetImpl(sheet).model);
  }

  getActiveSheet(): SS.Sheet {
    return this._sheet(this._wb.currentSheet());
  }
  setActiveSheet(sheet: SS.Sheet, _restoreSelection?: boolean): SS.Sheet {
    const model = sheetImpl(sheet).model;
    if (model.deleted) throw exception('The sheet has been deleted.');
    this._wb.activeSheet = model;
    this._wb.selection = undefined;
    return this._sheet(model);
  }

  /** The selection (A1 of the active sheet when nothing was selected); in a custom function, its cell. */
  getActiveRange(): SS.Range | null {
    const { sheet, area } = this._wb.currentSelection();
    return asRange(new EmRange(this.exec, sheet, { ...area }));
  }
  setActiveRange(range: SS.Range): SS.Range {
    const impl = rangeImpl(range);
    this._wb.activeSheet = impl.sheet;
    this._wb.selection = { sheet: impl.sheet, area: { ...impl.area } };
    return asRange(impl);
  }

  /** getRange('Sheet1!A1:B2'); without a sheet name, on the active sheet. */
  getRange(a1Notation: string): SS.Range {
    const ref = parseA1(String(a1Notation));
    const sheet = ref && (ref.sheet === undefined ? this._wb.activeSheet : this._wb.sheetByName(ref.sheet));
    if (!ref || !sheet) throw exception('Range not found');
    const area = resolveA1(ref, sheet.maxRows, sheet.maxCols);
    checkBounds(sheet, area.row, area.col, area.numRows, area.numCols);
    return asRange(new EmRange(this.exec, sheet, area, area.openRows, area.openCols));
  }

  // -- named ranges --

  getRangeByName(name: string): SS.Range | null {
    const entry = this._wb.namedRanges.get(String(name).toLowerCase());
    return entry ? asRange(new EmRange(this.exec, entry.sheet, { ...entry.area })) : null;
  }
  setNamedRange(name: string, range: SS.Range): void {
    setNamedRange(this._wb, String(name), rangeImpl(range));
  }
  removeNamedRange(name: string): void {
    const key = String(name).toLowerCase();
    if (!this._wb.namedRanges.delete(key)) throw exception(`Named range ${name} not found.`);
    this._wb.touch();
  }
  getNamedRanges(): SS.NamedRange[] {
    return [...this._wb.namedRanges.values()].map((entry) =>
      asNamedRange(new EmNamedRange(this.exec, entry)),
    );
  }

  getProtections(type: SS.ProtectionType): SS.Protection[] {
    return protectionsOf(this.exec, enumName(type) as ProtectionTypeName);
  }

  // -- metadata --

  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: unknown,
    visibility?: SS.DeveloperMetadataVisibility,
  ): SS.Spreadsheet {
    addMetadata(this._wb, { type: 'SPREADSHEET' }, key, valueOrVisibility, visibility);
    return asSpreadsheet(this);
  }
  getDeveloperMetadata(): SS.DeveloperMetadata[] {
    return metadataOn(this.exec, undefined);
  }
  createDeveloperMetadataFinder(): SS.DeveloperMetadataFinder {
    return asMetadataFinder(new EmDeveloperMetadataFinder(this.exec, { kind: 'spreadsheet' }));
  }

  // -- UI --

  /** Recorded; a missing or null timeout is Sheets' default of 5 seconds, a negative one stays until closed. */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.exec.doc.toasts.push({
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }
}

/** insertSheet({template}): contents, formats, rules, frozen panes and charts (new ids) of the template. */
function copySheet(from: SheetModel, to: SheetModel, newId: () => number): void {
  from.content.forEach((value, row, col) => {
    to.content.set(
      row,
      col,
      value instanceof FormulaCell
        ? new FormulaCell(value.text)
        : value instanceof Date
          ? new Date(value)
          : value,
    );
  });
  from.props.forEach((value, row, col) => {
    to.props.set(row, col, value);
  });
  to.rules = from.rules;
  to.frozenRows = from.frozenRows;
  to.frozenColumns = from.frozenColumns;
  copyCharts(from, to, newId);
}

instrument(EmSpreadsheet, 'Spreadsheet');
