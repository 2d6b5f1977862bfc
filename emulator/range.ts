/**
 * Range: a rectangle of one sheet, fixed at creation (1-based). Reads give fresh copies; writes follow
 * Sheets' input rules (see cell-input.ts) and invalidate computed values.
 */
import { formatA1, type GridArea } from './a1';
import { asMetadata, asMetadataFinder, asProtection, asRange, asSheet, asValidation } from './boundary';
import { GUARD, instrument } from './calls';
import { FormulaCell, parseInput, toCellScalar } from './cell-input';
import { checkAlive, clearArea, storeContent, writeInput } from './cell-writes';
import { normalizeColor } from './colors';
import type { Execution } from './context';
import { checkboxValues, type ValidationArg, validationFacade, validationSpecOf } from './data-validation';
import { addMetadata, dimensionLocation, EmDeveloperMetadataFinder, metadataAt } from './developer-metadata';
import { exception } from './errors';
import { EmProtection } from './named-range';
import { formatDisplay, GENERAL_FORMAT } from './number-format';
import { EmSheet } from './sheet';
import type { CellProps, HorizontalAlignment, SheetModel, VerticalAlignment } from './sheet-model';
import { parseSortSpec, sortOrder } from './sort';

import SS = GoogleAppsScript.Spreadsheet;

type RangeMethods =
  | 'activate'
  | 'addDeveloperMetadata'
  | 'check'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'createDeveloperMetadataFinder'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDeveloperMetadata'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontColor'
  | 'getFontColors'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getHorizontalAlignment'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getRowIndex'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWidth'
  | 'getWrap'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'isChecked'
  | 'offset'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontFamily'
  | 'setFontSize'
  | 'setFontStyle'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setVerticalAlignment'
  | 'setWrap'
  | 'setWraps'
  | 'sort'
  | 'uncheck';

/** Throws like Apps Script when a 2-D argument does not have the range's shape. */
export function checkShape(values: unknown, numRows: number, numCols: number): asserts values is unknown[][] {
  if (!Array.isArray(values))
    throw exception('The parameters do not match the method signature: expected a 2-D array.');
  if (values.length !== numRows) {
    throw exception(
      `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${numRows}.`,
    );
  }
  for (const row of values) {
    if (!Array.isArray(row))
      throw exception('The parameters do not match the method signature: expected a 2-D array.');
    if (row.length !== numCols) {
      throw exception(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numCols}.`,
      );
    }
  }
}

/** Throws like Apps Script when a range would leave the sheet's grid. */
export function checkBounds(
  sheet: SheetModel,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
): void {
  if (!Number.isInteger(row) || !Number.isInteger(col))
    throw exception('The coordinates of the range are invalid.');
  if (row < 1) throw exception('The starting row of the range is too small.');
  if (col < 1) throw exception('The starting column of the range is too small.');
  if (numRows < 1) throw exception('The number of rows in the range must be at least 1.');
  if (numCols < 1) throw exception('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols) {
    throw exception('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

export class EmRange implements Pick<SS.Range, RangeMethods> {
  readonly [GUARD]: Execution;

  constructor(
    readonly exec: Execution,
    readonly sheet: SheetModel,
    readonly area: GridArea,
    /** Written open-ended (`A:A`, `2:2`, `A2:C`): kept for getA1Notation. */
    readonly openRows = false,
    readonly openCols = false,
  ) {
    this[GUARD] = exec;
  }

  // -- internals (not Apps Script API; '_' keeps them out of call counting) --

  private get _wb() {
    return this.exec.wb;
  }

  /** Visits each cell, row-major, with its 0-based offsets. */
  private _each(visit: (row: number, col: number, i: number, j: number) => void): void {
    const { row, col, numRows, numCols } = this.area;
    for (let i = 0; i < numRows; i++) for (let j = 0; j < numCols; j++) visit(row + i, col + j, i, j);
  }

  private _grid<T>(read: (row: number, col: number) => T): T[][] {
    checkAlive(this.sheet);
    const { row, col, numRows, numCols } = this.area;
    const out: T[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const line: T[] = new Array(numCols);
      for (let j = 0; j < numCols; j++) line[j] = read(row + i, col + j);
      out[i] = line;
    }
    return out;
  }

  private _writable(): void {
    checkAlive(this.sheet);
    const { row, col, numRows, numCols } = this.area;
    checkBounds(this.sheet, row, col, numRows, numCols);
  }

  private _prop<K extends keyof CellProps>(key: K, row: number, col: number): CellProps[K] {
    return this.sheet.props.get(row, col)?.[key];
  }

  private _setProps(change: Partial<CellProps>): SS.Range {
    this._writable();
    this._each((r, c) => this.sheet.updateProps(r, c, change));
    return asRange(this);
  }

  private _setPropGrid<T>(values: T[][], toChange: (value: T) => Partial<CellProps>): SS.Range {
    this._writable();
    checkShape(values, this.area.numRows, this.area.numCols);
    this._each((r, c, i, j) => this.sheet.updateProps(r, c, toChange(values[i]?.[j] as T)));
    return asRange(this);
  }

  /** A format of the top-left cell, as the singular getters report it. */
  private _topProp<K extends keyof CellProps>(key: K): CellProps[K] {
    checkAlive(this.sheet);
    return this._prop(key, this.area.row, this.area.col);
  }

  // -- position --

  getRow(): number {
    return this.area.row;
  }
  getRowIndex(): number {
    return this.area.row;
  }
  getColumn(): number {
    return this.area.col;
  }
  getNumRows(): number {
    return this.area.numRows;
  }
  getHeight(): number {
    return this.area.numRows;
  }
  getNumColumns(): number {
    return this.area.numCols;
  }
  getWidth(): number {
    return this.area.numCols;
  }
  getLastRow(): number {
    return this.area.row + this.area.numRows - 1;
  }
  getLastColumn(): number {
    return this.area.col + this.area.numCols - 1;
  }
  getA1Notation(): string {
    return formatA1(this.area, this.openRows, this.openCols);
  }
  getGridId(): number {
    return this.sheet.id;
  }
  getSheet(): SS.Sheet {
    return asSheet(new EmSheet(this.exec, this.sheet));
  }

  getCell(row: number, column: number): SS.Range {
    if (row < 1 || column < 1 || row > this.area.numRows || column > this.area.numCols) {
      throw exception('Cell reference out of range');
    }
    const area = { row: this.area.row + row - 1, col: this.area.col + column - 1, numRows: 1, numCols: 1 };
    return asRange(new EmRange(this.exec, this.sheet, area));
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): SS.Range {
    const area = {
      row: this.area.row + rowOffset,
      col: this.area.col + columnOffset,
      numRows: numRows ?? this.area.numRows,
      numCols: numColumns ?? this.area.numCols,
    };
    checkBounds(this.sheet, area.row, area.col, area.numRows, area.numCols);
    return asRange(new EmRange(this.exec, this.sheet, area));
  }

  activate(): SS.Range {
    checkAlive(this.sheet);
    this._wb.activeSheet = this.sheet;
    this._wb.selection = { sheet: this.sheet, area: { ...this.area } };
    return asRange(this);
  }

  // -- values --

  getValues(): unknown[][] {
    const evaluation = this.exec.doc.evaluation;
    return this._grid((r, c) => toCellScalar(evaluation.valueAt(this.sheet, r, c)));
  }

  getValue(): unknown {
    checkAlive(this.sheet);
    return toCellScalar(this.exec.doc.evaluation.valueAt(this.sheet, this.area.row, this.area.col));
  }

  getDisplayValues(): string[][] {
    const evaluation = this.exec.doc.evaluation;
    const tz = this._wb.timeZone;
    return this._grid((r, c) =>
      formatDisplay(evaluation.valueAt(this.sheet, r, c), this._prop('numberFormat', r, c), tz),
    );
  }

  getDisplayValue(): string {
    checkAlive(this.sheet);
    const { row, col } = this.area;
    const value = this.exec.doc.evaluation.valueAt(this.sheet, row, col);
    return formatDisplay(value, this._prop('numberFormat', row, col), this._wb.timeZone);
  }

  isBlank(): boolean {
    checkAlive(this.sheet);
    let blank = true;
    const evaluation = this.exec.doc.evaluation;
    this._each((r, c) => {
      if (
        blank &&
        (this.sheet.content.get(r, c) !== undefined || evaluation.valueAt(this.sheet, r, c) !== '')
      ) {
        blank = false;
      }
    });
    return blank;
  }

  setValues(values: unknown[][]): SS.Range {
    this._writable();
    checkShape(values, this.area.numRows, this.area.numCols);
    this._each((r, c, i, j) => writeInput(this._wb, this.sheet, r, c, values[i]?.[j]));
    this._wb.touch();
    return asRange(this);
  }

  /** Sets every cell of the range to the value. */
  setValue(value: unknown): SS.Range {
    this._writable();
    this._each((r, c) => writeInput(this._wb, this.sheet, r, c, value));
    this._wb.touch();
    return asRange(this);
  }

  clearContent(): SS.Range {
    checkAlive(this.sheet);
    clearArea(this._wb, this.sheet, this.area, { contents: true });
    return asRange(this);
  }

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): SS.Range {
    checkAlive(this.sheet);
    const only =
      options &&
      (options.contentsOnly || options.formatOnly || options.validationsOnly || options.commentsOnly);
    clearArea(
      this._wb,
      this.sheet,
      this.area,
      only
        ? {
            contents: options.contentsOnly,
            formats: options.formatOnly,
            validations: options.validationsOnly,
            notes: options.commentsOnly,
          }
        : { contents: true, formats: true, validations: true },
    );
    return asRange(this);
  }

  clearFormat(): SS.Range {
    checkAlive(this.sheet);
    clearArea(this._wb, this.sheet, this.area, { formats: true });
    return asRange(this);
  }

  clearNote(): SS.Range {
    checkAlive(this.sheet);
    clearArea(this._wb, this.sheet, this.area, { notes: true });
    return asRange(this);
  }

  clearDataValidations(): SS.Range {
    checkAlive(this.sheet);
    clearArea(this._wb, this.sheet, this.area, { validations: true });
    return asRange(this);
  }

  // -- formulas --

  getFormulas(): string[][] {
    return this._grid((r, c) => {
      const content = this.sheet.content.get(r, c);
      return content instanceof FormulaCell ? content.text : '';
    });
  }

  getFormula(): string {
    checkAlive(this.sheet);
    const content = this.sheet.content.get(this.area.row, this.area.col);
    return content instanceof FormulaCell ? content.text : '';
  }

  setFormulas(formulas: string[][]): SS.Range {
    this._writable();
    checkShape(formulas, this.area.numRows, this.area.numCols);
    this._each((r, c, i, j) => this._writeFormula(r, c, formulas[i]?.[j]));
    this._wb.touch();
    return asRange(this);
  }

  /** Sets the formula of every cell: relative references move from the top-left cell as in Sheets. */
  setFormula(formula: string): SS.Range {
    this._writable();
    const engine = this._wb.engine;
    this._each((r, c, i, j) => {
      const text =
        engine && (i > 0 || j > 0) && formula.startsWith('=') ? engine.shift(formula, i, j) : formula;
      this._writeFormula(r, c, text);
    });
    this._wb.touch();
    return asRange(this);
  }

  private _writeFormula(row: number, col: number, formula: unknown): void {
    if (typeof formula === 'string' && formula.startsWith('=') && formula.length > 1) {
      storeContent(this.sheet, row, col, new FormulaCell(formula));
    } else {
      const parsed = parseInput(formula, this._prop('numberFormat', row, col), this._wb.timeZone);
      storeContent(this.sheet, row, col, parsed.content);
    }
  }

  // -- number formats and notes --

  getNumberFormats(): string[][] {
    return this._grid((r, c) => this._prop('numberFormat', r, c) ?? GENERAL_FORMAT);
  }
  getNumberFormat(): string {
    return this._topProp('numberFormat') ?? GENERAL_FORMAT;
  }
  setNumberFormat(numberFormat: string): SS.Range {
    return this._setProps({ numberFormat });
  }
  setNumberFormats(numberFormats: string[][]): SS.Range {
    return this._setPropGrid(numberFormats, (numberFormat) => ({ numberFormat }));
  }

  getNotes(): string[][] {
    return this._grid((r, c) => this._prop('note', r, c) ?? '');
  }
  getNote(): string {
    return this._topProp('note') ?? '';
  }
  setNote(note: string | null): SS.Range {
    return this._setProps({ note: note ? String(note) : undefined });
  }
  setNotes(notes: (string | null)[][]): SS.Range {
    return this._setPropGrid(notes, (note) => ({ note: note ? String(note) : undefined }));
  }

  // -- formatting (recorded, not rendered) --

  getBackgrounds(): string[][] {
    return this._grid((r, c) => this._prop('background', r, c) ?? '#ffffff');
  }
  getBackground(): string {
    return this._topProp('background') ?? '#ffffff';
  }
  setBackground(color: string | null): SS.Range {
    return this._setProps({ background: color ? normalizeColor(color) : undefined });
  }
  setBackgrounds(color: (string | null)[][]): SS.Range {
    return this._setPropGrid(color, (c) => ({ background: c ? normalizeColor(c) : undefined }));
  }

  getFontColors(): string[][] {
    return this._grid((r, c) => this._prop('fontColor', r, c) ?? '#000000');
  }
  getFontColor(): string {
    return this._topProp('fontColor') ?? '#000000';
  }
  setFontColor(color: string | null): SS.Range {
    return this._setProps({ fontColor: color ? normalizeColor(color) : undefined });
  }
  // biome-ignore lint/suspicious/noExplicitAny: the real signature takes any[][]
  setFontColors(colors: any[][]): SS.Range {
    return this._setPropGrid(colors, (c: unknown) => ({
      fontColor: typeof c === 'string' && c ? normalizeColor(c) : undefined,
    }));
  }

  getFontWeights(): SS.FontWeight[][] {
    return this._grid((r, c) => this._prop('fontWeight', r, c) ?? 'normal');
  }
  getFontWeight(): SS.FontWeight {
    return this._topProp('fontWeight') ?? 'normal';
  }
  setFontWeight(fontWeight: SS.FontWeight | null): SS.Range {
    return this._setProps({ fontWeight: fontWeight === 'bold' ? 'bold' : undefined });
  }
  setFontWeights(fontWeights: (SS.FontWeight | null)[][]): SS.Range {
    return this._setPropGrid(fontWeights, (w) => ({ fontWeight: w === 'bold' ? 'bold' : undefined }));
  }
  setFontStyle(fontStyle: SS.FontStyle | null): SS.Range {
    return this._setProps({ fontStyle: fontStyle === 'italic' ? 'italic' : undefined });
  }
  setFontSize(size: number): SS.Range {
    return this._setProps({ fontSize: size });
  }
  setFontFamily(fontFamily: string | null): SS.Range {
    return this._setProps({ fontFamily: fontFamily ?? undefined });
  }

  getHorizontalAlignment(): string {
    return this._topProp('horizontalAlignment') ?? 'general';
  }
  setHorizontalAlignment(alignment: HorizontalAlignment | null): SS.Range {
    return this._setProps({ horizontalAlignment: alignment ?? undefined });
  }
  setHorizontalAlignments(alignments: (HorizontalAlignment | null)[][]): SS.Range {
    return this._setPropGrid(alignments, (a) => ({ horizontalAlignment: a ?? undefined }));
  }
  setVerticalAlignment(alignment: VerticalAlignment | null): SS.Range {
    return this._setProps({ verticalAlignment: alignment ?? undefined });
  }

  getWrap(): boolean {
    return this._topProp('wrap') ?? false;
  }
  setWrap(isWrapEnabled: boolean): SS.Range {
    return this._setProps({ wrap: isWrapEnabled });
  }
  setWraps(isWrapEnabled: boolean[][]): SS.Range {
    return this._setPropGrid(isWrapEnabled, (wrap) => ({ wrap }));
  }

  // -- data validation and checkboxes --

  getDataValidations(): (SS.DataValidation | null)[][] {
    return this._grid((r, c) => {
      const spec = this._prop('validation', r, c);
      return spec ? asValidation(validationFacade(this.exec, spec)) : null;
    });
  }
  getDataValidation(): SS.DataValidation | null {
    const spec = this._topProp('validation');
    return spec ? asValidation(validationFacade(this.exec, spec)) : null;
  }
  setDataValidation(rule: SS.DataValidation | null): SS.Range {
    return this._setProps({ validation: rule ? validationSpecOf(rule) : undefined });
  }
  setDataValidations(rules: (SS.DataValidation | null)[][]): SS.Range {
    return this._setPropGrid(rules, (rule: ValidationArg) => ({
      validation: rule ? validationSpecOf(rule) : undefined,
    }));
  }

  /** Checkboxes in every cell; every cell is set to the unchecked value (false by default). */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): SS.Range {
    this._writable();
    const values = checkboxValues(checkedValue, uncheckedValue);
    const unchecked = checkedValue === undefined ? false : (uncheckedValue ?? '');
    const validation = { criteria: 'CHECKBOX', values, allowInvalid: false, helpText: '' };
    this._each((r, c) => {
      this.sheet.updateProps(r, c, { validation });
      storeContent(this.sheet, r, c, unchecked === '' ? undefined : (unchecked as boolean));
    });
    this._wb.touch();
    return asRange(this);
  }

  private _checkboxValues(row: number, col: number): [unknown, unknown] | undefined {
    const spec = this._prop('validation', row, col);
    if (spec?.criteria !== 'CHECKBOX') return undefined;
    if (spec.values.length === 0) return [true, false];
    return [spec.values[0], spec.values.length > 1 ? spec.values[1] : ''];
  }

  private _setChecked(checked: boolean): SS.Range {
    this._writable();
    this._each((r, c) => {
      const states = this._checkboxValues(r, c);
      if (states) writeInput(this._wb, this.sheet, r, c, checked ? states[0] : states[1]);
    });
    this._wb.touch();
    return asRange(this);
  }

  check(): SS.Range {
    return this._setChecked(true);
  }

  uncheck(): SS.Range {
    return this._setChecked(false);
  }

  /** True when every cell is a checked checkbox, false when all are unchecked, null otherwise. */
  isChecked(): boolean | null {
    checkAlive(this.sheet);
    const evaluation = this.exec.doc.evaluation;
    const states = new Set<boolean | null>();
    this._each((r, c) => {
      const values = this._checkboxValues(r, c);
      if (!values) {
        states.add(null);
        return;
      }
      const value = toCellScalar(evaluation.valueAt(this.sheet, r, c));
      states.add(
        value === values[0] ? true : value === values[1] || (value === '' && values[1] === '') ? false : null,
      );
    });
    return states.size === 1 ? ([...states][0] ?? null) : null;
  }

  // -- sorting --

  /** Sorts the range's rows by the given columns (absolute column numbers), moving only these cells. */
  sort(sortSpecObj: unknown): SS.Range {
    this._writable();
    const { row, col, numRows, numCols } = this.area;
    const keys = parseSortSpec(sortSpecObj).map(({ column, ascending }) => {
      if (column < col || column >= col + numCols)
        throw exception('The sort column must be within the range.');
      return { index: column - col, ascending };
    });
    const evaluation = this.exec.doc.evaluation;
    const values = this._grid((r, c) => evaluation.valueAt(this.sheet, r, c));
    const order = sortOrder(values, keys);
    const contents = this._grid((r, c) => this.sheet.content.get(r, c));
    const props = this._grid((r, c) => this.sheet.props.get(r, c));
    const engine = this._wb.engine;
    for (let i = 0; i < numRows; i++) {
      const from = order[i] ?? i;
      for (let j = 0; j < numCols; j++) {
        let content = contents[from]?.[j];
        if (content instanceof FormulaCell && engine && from !== i) {
          content = new FormulaCell(engine.shift(content.text, i - from, 0));
        }
        storeContent(this.sheet, row + i, col + j, content);
        this.sheet.props.set(row + i, col + j, props[from]?.[j]);
      }
    }
    this._wb.touch();
    return asRange(this);
  }

  // -- developer metadata, protection --

  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: unknown,
    visibility?: SS.DeveloperMetadataVisibility,
  ): SS.Range {
    checkAlive(this.sheet);
    addMetadata(this._wb, dimensionLocation(this), key, valueOrVisibility, visibility);
    return asRange(this);
  }

  getDeveloperMetadata(): SS.DeveloperMetadata[] {
    checkAlive(this.sheet);
    return metadataAt(this).map((entry) => asMetadata(entry));
  }

  createDeveloperMetadataFinder(): SS.DeveloperMetadataFinder {
    checkAlive(this.sheet);
    return asMetadataFinder(new EmDeveloperMetadataFinder(this.exec, { kind: 'range', range: this }));
  }

  protect(): SS.Protection {
    checkAlive(this.sheet);
    return asProtection(EmProtection.create(this.exec, 'RANGE', this.sheet, { ...this.area }));
  }
}

instrument(EmRange, 'Range');
