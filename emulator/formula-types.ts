/**
 * The contract between the in-memory spreadsheet (emulator/*) and the formula engine
 * (emulator/formula-engine.ts). Both sides import only this file from each other.
 */

/** A plain cell value as Apps Script's getValues returns it: '' for a blank. */
export type CellScalar = string | number | boolean | Date;

/** A formula that failed: `code` is what getValues shows ('#N/A', '#REF!', '#ERROR!', ...). */
export interface FormulaError {
  readonly kind: 'error';
  readonly code: string;
  readonly message: string;
}

/** The result of SPARKLINE(data, [options]): getValues shows '', the preview draws it. */
export interface Sparkline {
  readonly kind: 'sparkline';
  readonly data: readonly number[];
  readonly options: Readonly<Record<string, string | number | boolean>>;
}

export type EvalValue = CellScalar | FormulaError | Sparkline;

/** A 2-D result spills from the formula's cell down and right; a scalar fills the one cell. */
export type EvalResult = EvalValue | EvalValue[][];

export interface CellAddress {
  readonly sheet: string;
  readonly row: number; // 1-based
  readonly col: number; // 1-based
}

export interface AreaAddress {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly numRows: number;
  readonly numCols: number;
}

/** What the engine may ask of the workbook while it evaluates a formula. */
export interface CellSource {
  /** The computed value of one cell ('' when blank); formula cells are evaluated first. */
  value(at: CellAddress): EvalValue;
  /** The sheet's grid size, used to close open ranges such as `J2:J` (real Sheets goes to the last row). */
  size(sheet: string): { maxRows: number; maxCols: number } | undefined;
  /** A named range of the workbook, e.g. `AsOfDate`. */
  namedRange(name: string): AreaAddress | undefined;
  /** The spreadsheet's time zone: a Date is the serial number of the wall-clock time it shows there. */
  readonly timeZone: string;
}

/**
 * A custom function as Apps Script calls it: a one-cell reference or a literal arrives as a scalar,
 * a larger range as a 2-D array, a blank as ''; a thrown Error becomes #ERROR! with its message.
 */
export type CustomFunction = (...args: unknown[]) => unknown;

export interface FormulaEvaluator {
  /** Evaluates `formula` (with its leading '=') as if it stood in cell `at`. */
  evaluate(formula: string, at: CellAddress, source: CellSource): EvalResult;
  /**
   * The formula of a conditional-format rule, written for the top-left cell of its range, as it applies
   * `rowOffset` rows and `colOffset` columns further on: relative references move, `$` ones stay.
   */
  shift(formula: string, rowOffset: number, colOffset: number): string;
}
