/**
 * Sheet: one tab of the spreadsheet. Structural operations (insert, delete, sort) go through the
 * workbook model so metadata, named ranges, rules and formula references move along.
 */
import { parseA1, resolveA1 } from './a1';
import {
  asEmbeddedChart,
  asMetadataFinder,
  asNamedRange,
  asProtection,
  asRange,
  asRangeList,
  asSheet,
  asSpreadsheet,
  asTypedChartBuilder,
  rangeImpl,
} from './boundary';
import { GUARD, instrument } from './calls';
import { checkAlive, clearArea, writeInput } from './cell-writes';
import {
  chartImpl,
  EmEmbeddedChart,
  EmEmbeddedChartBuilder,
  insertChart,
  removeChart,
  updateChart,
} from './charts';
import { normalizeColor } from './colors';
import { rulesOf, rulesToSpecs } from './conditional-format';
import type { Execution } from './context';
import { addMetadata, EmDeveloperMetadataFinder, metadataOn } from './developer-metadata';
import { enumName, type ProtectionTypeName } from './enums';
import { exception } from './errors';
import { EmNamedRange, EmProtection, protectionsOf } from './named-range';
import { checkBounds, EmRange } from './range';
import { EmRangeList } from './range-list';
import { DEFAULT_COLUMN_WIDTH, type SheetModel } from './sheet-model';
import { sortOrder } from './sort';
import { EmSpreadsheet } from './spreadsheet';

import SS = GoogleAppsScript.Spreadsheet;

type SheetMethods =
  | 'activate'
  | 'addDeveloperMetadata'
  | 'appendRow'
  | 'clear'
  | 'clearConditionalFormatRules'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'createDeveloperMetadataFinder'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getActiveRange'
  | 'getColumnWidth'
  | 'getCharts'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getDeveloperMetadata'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getNamedRanges'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getRangeList'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getTabColor'
  | 'hideColumns'
  | 'hideRows'
  | 'insertChart'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumns'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRows'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isColumnHiddenByUser'
  | 'isRowHiddenByUser'
  | 'isSheetHidden'
  | 'newChart'
  | 'protect'
  | 'removeChart'
  | 'setActiveRange'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setConditionalFormatRules'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'showColumns'
  | 'showRows'
  | 'sort'
  | 'updateChart';

export class EmSheet implements Pick<SS.Sheet, SheetMethods> {
  readonly [GUARD]: Execution;

  constructor(
    readonly exec: Execution,
    readonly model: SheetModel,
  ) {
    this[GUARD] = exec;
  }

  private get _wb() {
    return this.exec.wb;
  }

  private _alive(): SheetModel {
    checkAlive(this.model);
    return this.model;
  }

  private _range(
    row: number,
    col: number,
    numRows: number,
    numCols: number,
    openRows = false,
    openCols = false,
  ): SS.Range {
    return asRange(new EmRange(this.exec, this.model, { row, col, numRows, numCols }, openRows, openCols));
  }

  // -- identity --

  getName(): string {
    return this.model.name;
  }
  getSheetName(): string {
    return this.model.name;
  }
  setName(name: string): SS.Sheet {
    this._wb.renameSheet(this._alive(), String(name));
    return asSheet(this);
  }
  getSheetId(): number {
    return this.model.id;
  }
  getIndex(): number {
    return this._wb.sheets.indexOf(this._alive()) + 1;
  }
  getParent(): SS.Spreadsheet {
    return asSpreadsheet(new EmSpreadsheet(this.exec));
  }
  activate(): SS.Sheet {
    this._wb.activeSheet = this._alive();
    this._wb.selection = undefined;
    return asSheet(this);
  }
  getTabColor(): string | null {
    return this.model.tabColor;
  }
  setTabColor(color: string | null): SS.Sheet {
    this.model.tabColor = color ? normalizeColor(color) : null;
    return asSheet(this);
  }
  isSheetHidden(): boolean {
    return false;
  }

  // -- ranges --

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): SS.Range {
    const sheet = this._alive();
    if (typeof rowOrA1 === 'string') {
      const ref = parseA1(rowOrA1);
      if (!ref || (ref.sheet !== undefined && ref.sheet.toLowerCase() !== sheet.name.toLowerCase())) {
        throw exception('Range not found');
      }
      const area = resolveA1(ref, sheet.maxRows, sheet.maxCols);
      checkBounds(sheet, area.row, area.col, area.numRows, area.numCols);
      return this._range(area.row, area.col, area.numRows, area.numCols, area.openRows, area.openCols);
    }
    const rows = numRows ?? 1;
    const cols = numColumns ?? 1;
    checkBounds(sheet, rowOrA1, column ?? Number.NaN, rows, cols);
    return this._range(rowOrA1, column ?? 1, rows, cols);
  }

  /** Every notation must name a range of this sheet, as getRange(a1) would. */
  getRangeList(a1Notations: string[]): SS.RangeList {
    return asRangeList(
      new EmRangeList(
        this.exec,
        a1Notations.map((a1) => this.getRange(a1)),
      ),
    );
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const sheet = this._alive();
    const { lastRow, lastCol } = this.exec.doc.evaluation.extent(sheet);
    const rows = numRows === -1 ? lastRow - startRow + 1 : numRows;
    const cols = numColumns === -1 ? lastCol - startColumn + 1 : numColumns;
    checkBounds(sheet, startRow, startColumn, rows, cols);
    return new EmRange(this.exec, sheet, {
      row: startRow,
      col: startColumn,
      numRows: rows,
      numCols: cols,
    }).getValues();
  }

  /** A1 to the last row and column with content (A1 alone on an empty sheet). */
  getDataRange(): SS.Range {
    const { lastRow, lastCol } = this.exec.doc.evaluation.extent(this._alive());
    return this._range(1, 1, Math.max(1, lastRow), Math.max(1, lastCol));
  }
  getLastRow(): number {
    return this.exec.doc.evaluation.extent(this._alive()).lastRow;
  }
  getLastColumn(): number {
    return this.exec.doc.evaluation.extent(this._alive()).lastCol;
  }
  getMaxRows(): number {
    return this._alive().maxRows;
  }
  getMaxColumns(): number {
    return this._alive().maxCols;
  }

  getActiveRange(): SS.Range | null {
    const selection = this._wb.selection;
    if (this._wb.activeSheet !== this.model) return null;
    if (!selection || selection.sheet !== this.model) return this._range(1, 1, 1, 1);
    const { row, col, numRows, numCols } = selection.area;
    return this._range(row, col, numRows, numCols);
  }
  setActiveRange(range: SS.Range): SS.Range {
    const impl = rangeImpl(range);
    if (impl.sheet !== this.model) throw exception('The range must be on this sheet.');
    this._wb.activeSheet = this.model;
    this._wb.selection = { sheet: this.model, area: { ...impl.area } };
    return asRange(impl);
  }

  // -- content --

  /** Writes after the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: unknown[]): SS.Sheet {
    const sheet = this._alive();
    if (!Array.isArray(rowContents))
      throw exception('The parameters do not match the method signature for Sheet.appendRow.');
    const row = this.exec.doc.evaluation.extent(sheet).lastRow + 1;
    if (row > sheet.maxRows)
      this._wb.changeDimension(sheet, { dim: 'rows', kind: 'insert', at: sheet.maxRows + 1, count: 1 });
    if (rowContents.length > sheet.maxCols) {
      const count = rowContents.length - sheet.maxCols;
      this._wb.changeDimension(sheet, { dim: 'cols', kind: 'insert', at: sheet.maxCols + 1, count });
    }
    rowContents.forEach((value, i) => {
      writeInput(this._wb, sheet, row, i + 1, value);
    });
    this._wb.touch();
    return asSheet(this);
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): SS.Sheet {
    const sheet = this._alive();
    const area = { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
    const only = options && (options.formatOnly || options.contentsOnly);
    clearArea(
      this._wb,
      sheet,
      area,
      only
        ? { contents: options.contentsOnly, formats: options.formatOnly }
        : { contents: true, formats: true },
    );
    return asSheet(this);
  }
  clearContents(): SS.Sheet {
    return this.clear({ contentsOnly: true });
  }
  clearFormats(): SS.Sheet {
    return this.clear({ formatOnly: true });
  }
  clearNotes(): SS.Sheet {
    const sheet = this._alive();
    clearArea(
      this._wb,
      sheet,
      { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols },
      { notes: true },
    );
    return asSheet(this);
  }

  // -- rows and columns --

  private _insert(dim: 'rows' | 'cols', before: number, count: number): void {
    const sheet = this._alive();
    const max = dim === 'rows' ? sheet.maxRows : sheet.maxCols;
    const what = dim === 'rows' ? 'rows' : 'columns';
    if (!Number.isInteger(before) || before < 1 || before > max + 1)
      throw exception(`Those ${what} are out of bounds.`);
    if (!Number.isInteger(count) || count < 1)
      throw exception(`The number of ${what} to insert must be at least 1.`);
    this._wb.changeDimension(sheet, { dim, kind: 'insert', at: before, count });
  }

  private _delete(dim: 'rows' | 'cols', first: number, count: number): void {
    const sheet = this._alive();
    const max = dim === 'rows' ? sheet.maxRows : sheet.maxCols;
    const what = dim === 'rows' ? 'rows' : 'columns';
    if (!Number.isInteger(first) || first < 1 || count < 1 || first + count - 1 > max) {
      throw exception(`Those ${what} are out of bounds.`);
    }
    const frozen = dim === 'rows' ? sheet.frozenRows : sheet.frozenColumns;
    if (max - count <= frozen) throw exception(`Sorry, it is not possible to delete all non-frozen ${what}.`);
    this._wb.changeDimension(sheet, { dim, kind: 'delete', at: first, count });
  }

  insertRowBefore(beforePosition: number): SS.Sheet {
    this._insert('rows', beforePosition, 1);
    return asSheet(this);
  }
  insertRowAfter(afterPosition: number): SS.Sheet {
    this._afterCheck('rows', afterPosition);
    this._insert('rows', afterPosition + 1, 1);
    return asSheet(this);
  }
  insertRowsBefore(beforePosition: number, howMany: number): SS.Sheet {
    this._insert('rows', beforePosition, howMany);
    return asSheet(this);
  }
  insertRowsAfter(afterPosition: number, howMany: number): SS.Sheet {
    this._afterCheck('rows', afterPosition);
    this._insert('rows', afterPosition + 1, howMany);
    return asSheet(this);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this._insert('rows', rowIndex, numRows);
  }
  insertColumnBefore(beforePosition: number): SS.Sheet {
    this._insert('cols', beforePosition, 1);
    return asSheet(this);
  }
  insertColumnAfter(afterPosition: number): SS.Sheet {
    this._afterCheck('cols', afterPosition);
    this._insert('cols', afterPosition + 1, 1);
    return asSheet(this);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): SS.Sheet {
    this._insert('cols', beforePosition, howMany);
    return asSheet(this);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): SS.Sheet {
    this._afterCheck('cols', afterPosition);
    this._insert('cols', afterPosition + 1, howMany);
    return asSheet(this);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this._insert('cols', columnIndex, numColumns);
  }

  private _afterCheck(dim: 'rows' | 'cols', after: number): void {
    const max = dim === 'rows' ? this._alive().maxRows : this._alive().maxCols;
    if (after < 1 || after > max)
      throw exception(`Those ${dim === 'rows' ? 'rows' : 'columns'} are out of bounds.`);
  }

  deleteRow(rowPosition: number): SS.Sheet {
    this._delete('rows', rowPosition, 1);
    return asSheet(this);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this._delete('rows', rowPosition, howMany);
  }
  deleteColumn(columnPosition: number): SS.Sheet {
    this._delete('cols', columnPosition, 1);
    return asSheet(this);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this._delete('cols', columnPosition, howMany);
  }

  getFrozenRows(): number {
    return this._alive().frozenRows;
  }
  setFrozenRows(rows: number): void {
    const sheet = this._alive();
    if (rows < 0 || rows >= sheet.maxRows) throw exception('Sorry, it is not possible to freeze all rows.');
    sheet.frozenRows = rows;
  }
  getFrozenColumns(): number {
    return this._alive().frozenColumns;
  }
  setFrozenColumns(columns: number): void {
    const sheet = this._alive();
    if (columns < 0 || columns >= sheet.maxCols)
      throw exception('Sorry, it is not possible to freeze all columns.');
    sheet.frozenColumns = columns;
  }

  getColumnWidth(columnPosition: number): number {
    return this._alive().columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  setColumnWidth(columnPosition: number, width: number): SS.Sheet {
    this._alive().columnWidths.set(columnPosition, width);
    return asSheet(this);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): SS.Sheet {
    const sheet = this._alive();
    for (let c = startColumn; c < startColumn + numColumns; c++) sheet.columnWidths.set(c, width);
    return asSheet(this);
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    const sheet = this._alive();
    checkBounds(sheet, 1, columnIndex, 1, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) sheet.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    const sheet = this._alive();
    for (let c = columnIndex; c < columnIndex + numColumns; c++) sheet.hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this._alive().hiddenColumns.has(columnPosition);
  }
  hideRows(rowIndex: number, numRows = 1): void {
    const sheet = this._alive();
    checkBounds(sheet, rowIndex, 1, numRows, 1);
    for (let r = rowIndex; r < rowIndex + numRows; r++) sheet.hiddenRows.add(r);
  }
  showRows(rowIndex: number, numRows = 1): void {
    const sheet = this._alive();
    for (let r = rowIndex; r < rowIndex + numRows; r++) sheet.hiddenRows.delete(r);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return this._alive().hiddenRows.has(rowPosition);
  }

  /** Sorts the rows below the frozen rows by one column; whole rows move, row metadata with them. */
  sort(columnPosition: number, ascending = true): SS.Sheet {
    const sheet = this._alive();
    if (columnPosition < 1 || columnPosition > sheet.maxCols)
      throw exception('Those columns are out of bounds.');
    const evaluation = this.exec.doc.evaluation;
    const first = sheet.frozenRows + 1;
    const last = evaluation.extent(sheet).lastRow;
    if (last <= first) return asSheet(this);
    const keys: (readonly [ReturnType<typeof evaluation.valueAt>])[] = [];
    for (let r = first; r <= last; r++) keys.push([evaluation.valueAt(sheet, r, columnPosition)]);
    const order = sortOrder(keys, [{ index: 0, ascending }]).map((i) => first + i);
    this._wb.permuteRows(sheet, first, order);
    return asSheet(this);
  }

  // -- conditional formats --

  getConditionalFormatRules(): SS.ConditionalFormatRule[] {
    return rulesOf(this.exec, this._alive());
  }
  /** Replaces the sheet's whole rule list, as in Sheets. */
  setConditionalFormatRules(rules: SS.ConditionalFormatRule[]): void {
    const sheet = this._alive();
    if (!Array.isArray(rules))
      throw exception(
        'The parameters do not match the method signature for Sheet.setConditionalFormatRules.',
      );
    sheet.rules = rulesToSpecs(sheet, rules);
  }
  clearConditionalFormatRules(): void {
    this._alive().rules = [];
  }

  // -- embedded charts --

  newChart(): SS.EmbeddedChartBuilder {
    return asTypedChartBuilder(new EmEmbeddedChartBuilder(this.exec, this._alive()));
  }
  insertChart(chart: SS.EmbeddedChart): void {
    insertChart(this._alive(), chartImpl(chart), () => this._wb.newId());
    this._wb.touch();
  }
  updateChart(chart: SS.EmbeddedChart): void {
    updateChart(this._alive(), chartImpl(chart));
    this._wb.touch();
  }
  removeChart(chart: SS.EmbeddedChart): void {
    removeChart(this._alive(), chartImpl(chart));
    this._wb.touch();
  }
  getCharts(): SS.EmbeddedChart[] {
    const sheet = this._alive();
    return sheet.charts.map((chart) =>
      asEmbeddedChart(new EmEmbeddedChart(this.exec, sheet, chart, chart.id)),
    );
  }

  // -- metadata, named ranges, protection --

  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: unknown,
    visibility?: SS.DeveloperMetadataVisibility,
  ): SS.Sheet {
    addMetadata(this._wb, { type: 'SHEET', sheet: this._alive() }, key, valueOrVisibility, visibility);
    return asSheet(this);
  }
  getDeveloperMetadata(): SS.DeveloperMetadata[] {
    return metadataOn(this.exec, this._alive());
  }
  createDeveloperMetadataFinder(): SS.DeveloperMetadataFinder {
    return asMetadataFinder(
      new EmDeveloperMetadataFinder(this.exec, { kind: 'sheet', sheet: this._alive() }),
    );
  }

  getNamedRanges(): SS.NamedRange[] {
    const sheet = this._alive();
    return [...this._wb.namedRanges.values()]
      .filter((entry) => entry.sheet === sheet)
      .map((entry) => asNamedRange(new EmNamedRange(this.exec, entry)));
  }

  protect(): SS.Protection {
    return asProtection(EmProtection.create(this.exec, 'SHEET', this._alive()));
  }
  getProtections(type: SS.ProtectionType): SS.Protection[] {
    return protectionsOf(this.exec, enumName(type) as ProtectionTypeName, this._alive());
  }
}

instrument(EmSheet, 'Sheet');
