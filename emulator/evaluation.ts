/**
 * Computed cell values. A formula is evaluated on first read after a change and cached until the next
 * change (the workbook's version); its 2-D result spills down and right unless a target cell holds
 * something, in which case the formula shows #REF! as in Sheets. A blank cell may be a spill target, so
 * reading one evaluates the sheet's formulas once per version; reading a literal evaluates nothing.
 */
import { cellA1 } from './a1';
import { FormulaCell, isDate } from './cell-input';
import type {
  AreaAddress,
  CellAddress,
  CellSource,
  EvalResult,
  EvalValue,
  FormulaError,
} from './formula-types';
import type { SheetModel } from './sheet-model';
import type { WorkbookModel } from './workbook-model';

function formulaError(code: string, message: string): FormulaError {
  return { kind: 'error', code, message };
}

/** A value from the engine (or a custom function, maybe from another realm) as a cell holds it. */
function normalize(value: unknown): EvalValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : formulaError('#NUM!', 'Not a finite number.');
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (isDate(value)) return new Date(value.getTime());
  if (typeof value === 'object' && 'kind' in value) return value as EvalValue;
  return String(value);
}

/** Nested sweeps allowed before giving up on a chain of formulas each reading further down. */
const MAX_SWEEP_DEPTH = 200;

/**
 * Whether a formula still being evaluated (so not spilled yet) may spill into a cell: within its last
 * spill, or, never spilled, anywhere below it in its column.
 */
function mayFill(formula: Tainted, row: number, col: number): boolean {
  const { cell } = formula;
  const rows = cell.spillRows || Number.POSITIVE_INFINITY;
  const cols = cell.spillCols || 1;
  return row >= formula.row && row < formula.row + rows && col >= formula.col && col < formula.col + cols;
}

/** A formula whose result read a spill area still being computed, to evaluate again. */
interface Tainted {
  readonly sheet: SheetModel;
  readonly row: number;
  readonly col: number;
  readonly cell: FormulaCell;
}

export class Evaluation implements CellSource {
  private sweepDepth = 0;
  private lastSheet: SheetModel | undefined;
  /** Formulas being evaluated, outermost first. */
  private readonly evaluating: Tainted[] = [];
  /** Whether the formula being evaluated read a blank that a formula still being evaluated may fill. */
  private blocked = false;
  private readonly tainted: Tainted[] = [];

  constructor(
    private readonly wb: WorkbookModel,
    /** Runs engine code in the custom-function context (read-only services, no UI). */
    private readonly inFormulaContext: <T>(run: () => T) => T,
  ) {}

  /** Drops a sheet's spill map when the workbook changed since it was built. */
  private fresh(sheet: SheetModel): void {
    if (sheet.evalVersion === this.wb.version) return;
    sheet.evalVersion = this.wb.version;
    sheet.swept.clear();
    sheet.spill.clear();
  }

  /** The computed value of a cell: '' when blank. */
  valueAt(sheet: SheetModel, row: number, col: number): EvalValue {
    this.fresh(sheet);
    const content = sheet.content.get(row, col);
    if (content instanceof FormulaCell) {
      // Formulas above first, in order: a running total read from its last row would otherwise recurse
      // once per row.
      if (content.version !== this.wb.version) this.sweep(sheet, row - 1, col);
      return this.formulaValue(sheet, row, col, content);
    }
    if (content !== undefined) return content;
    // A blank may be a spill target of a formula above and to the left.
    this.sweep(sheet, row, col);
    const spilled = sheet.spill.get(sheet.key(row, col));
    if (spilled === undefined && this.evaluating.some((f) => f.sheet === sheet && mayFill(f, row, col)))
      this.blocked = true;
    return spilled ?? '';
  }

  /** Evaluates every formula of the sheet (once per version), so all spills are known. */
  evaluateSheet(sheet: SheetModel): void {
    this.sweep(sheet, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
  }

  /**
   * Evaluates the formulas standing at or above `row` and at or left of `col` (the only ones that can
   * spill into that cell) that this version has not evaluated yet. Each formula column keeps a position
   * that only moves forward, so a formula is visited once per version. A sweep may start inside another
   * (a formula reading a blank further down), up to MAX_SWEEP_DEPTH deep.
   */
  private sweep(sheet: SheetModel, row: number, col: number): void {
    this.fresh(sheet);
    if (this.sweepDepth >= MAX_SWEEP_DEPTH) return;
    const { columns, lists } = sheet.formulasByColumn();
    this.sweepDepth += 1;
    try {
      for (const column of columns) {
        if (column > col) break;
        const list = lists.get(column) ?? [];
        for (;;) {
          const position = sheet.swept.get(column) ?? 0;
          const next = list[position];
          if (!next || next.row > row) break;
          sheet.swept.set(column, position + 1);
          if (!next.cell.evaluating) this.formulaValue(sheet, next.row, next.col, next.cell);
        }
      }
    } finally {
      this.sweepDepth -= 1;
    }
  }

  /** Runs engine code as the formula of one cell: custom-function context, that cell active. */
  private asCaller<T>(sheet: SheetModel, row: number, col: number, run: () => T): T {
    const previous = this.wb.caller;
    this.wb.caller = { sheet, area: { row, col, numRows: 1, numCols: 1 } };
    try {
      return this.inFormulaContext(run);
    } finally {
      this.wb.caller = previous;
    }
  }

  /** Last row and column holding content, spilled results included. */
  extent(sheet: SheetModel): { lastRow: number; lastCol: number } {
    this.evaluateSheet(sheet);
    let lastRow = sheet.content.lastRow(() => true);
    let lastCol = sheet.content.lastColumn(() => true);
    for (const { row, col, cell } of sheet.formulas()) {
      if (cell.spillRows > 0) {
        lastRow = Math.max(lastRow, row + cell.spillRows - 1);
        lastCol = Math.max(lastCol, col + cell.spillCols - 1);
      }
    }
    return { lastRow, lastCol };
  }

  private formulaValue(sheet: SheetModel, row: number, col: number, cell: FormulaCell): EvalValue {
    if (cell.version === this.wb.version) return cell.value;
    if (cell.evaluating) return formulaError('#REF!', `Circular dependency detected in ${cellA1(row, col)}.`);
    cell.evaluating = true;
    const outerBlocked = this.evaluating.length > 0 && this.blocked;
    this.blocked = false;
    this.evaluating.push({ sheet, row, col, cell });
    let result: EvalResult;
    try {
      const engine = this.wb.engine;
      result = engine
        ? this.asCaller(sheet, row, col, () =>
            engine.evaluate(cell.text, { sheet: sheet.name, row, col }, this),
          )
        : formulaError('#NAME?', 'No formula engine is attached to this workbook.');
    } catch (error) {
      result = formulaError('#ERROR!', error instanceof Error ? error.message : String(error));
    } finally {
      cell.evaluating = false;
      this.evaluating.pop();
    }
    this.place(sheet, row, col, cell, result);
    cell.version = this.wb.version;
    if (this.blocked) this.tainted.push({ sheet, row, col, cell });
    this.blocked = outerBlocked;
    const value = cell.value;
    if (this.evaluating.length === 0) this.retryTainted();
    return value;
  }

  /**
   * Once the outermost formula is done, the formulas that read a spill area too early (a formula
   * reading a range to its right may sweep one that reads its own spill) are evaluated again on their
   * next read, as Sheets recomputes them once their inputs are known.
   */
  private retryTainted(): void {
    for (const { sheet, row, col, cell } of this.tainted.splice(0)) {
      for (let i = 0; i < cell.spillRows; i++) {
        for (let j = 0; j < cell.spillCols; j++) if (i || j) sheet.spill.delete(sheet.key(row + i, col + j));
      }
      cell.spillRows = 0;
      cell.spillCols = 0;
      cell.version = -1;
      const list = sheet.formulasByColumn().lists.get(col) ?? [];
      const index = list.findIndex((at) => at.cell === cell);
      if (index >= 0 && (sheet.swept.get(col) ?? 0) > index) sheet.swept.set(col, index);
    }
  }

  private place(sheet: SheetModel, row: number, col: number, cell: FormulaCell, result: EvalResult): void {
    cell.spillRows = 0;
    cell.spillCols = 0;
    if (!Array.isArray(result)) {
      cell.value = normalize(result);
      return;
    }
    const rows = result.length;
    const cols = result.reduce((max, r) => Math.max(max, Array.isArray(r) ? r.length : 1), 0);
    if (rows === 0 || cols === 0) {
      cell.value = '';
      return;
    }
    const at = (i: number, j: number): EvalValue => {
      const line: unknown = result[i];
      return normalize(Array.isArray(line) ? line[j] : j === 0 ? line : '');
    };
    if (rows === 1 && cols === 1) {
      cell.value = at(0, 0);
      return;
    }
    if (row + rows - 1 > sheet.maxRows) {
      cell.value = formulaError(
        '#REF!',
        `Result was not automatically expanded, please insert more rows (${row + rows - 1 - sheet.maxRows}).`,
      );
      return;
    }
    if (col + cols - 1 > sheet.maxCols) {
      cell.value = formulaError(
        '#REF!',
        `Result was not automatically expanded, please insert more columns (${col + cols - 1 - sheet.maxCols}).`,
      );
      return;
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        if (i === 0 && j === 0) continue;
        if (
          sheet.content.get(row + i, col + j) !== undefined ||
          sheet.spill.has(sheet.key(row + i, col + j))
        ) {
          cell.value = formulaError(
            '#REF!',
            `Array result was not expanded because it would overwrite data in ${cellA1(row + i, col + j)}.`,
          );
          return;
        }
      }
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        if (i !== 0 || j !== 0) sheet.spill.set(sheet.key(row + i, col + j), at(i, j));
      }
    }
    cell.value = at(0, 0);
    cell.spillRows = rows;
    cell.spillCols = cols;
  }

  /**
   * Evaluates formula text written for another cell, moved by the given offsets (a conditional format
   * rule's formula at one of its cells). Returns the top-left value of an array result; nothing spills.
   */
  evaluateText(
    sheet: SheetModel,
    row: number,
    col: number,
    formula: string,
    rowOffset: number,
    colOffset: number,
  ): EvalValue {
    const engine = this.wb.engine;
    if (!engine) return formulaError('#NAME?', 'No formula engine is attached to this workbook.');
    try {
      const text = rowOffset || colOffset ? engine.shift(formula, rowOffset, colOffset) : formula;
      const result = this.asCaller(sheet, row, col, () =>
        engine.evaluate(text, { sheet: sheet.name, row, col }, this),
      );
      if (!Array.isArray(result)) return normalize(result);
      const first: unknown = result[0];
      return normalize(Array.isArray(first) ? first[0] : first);
    } catch (error) {
      return formulaError('#ERROR!', error instanceof Error ? error.message : String(error));
    }
  }

  // CellSource, for the engine.

  value(at: CellAddress): EvalValue {
    const sheet = this.sheetNamed(at.sheet);
    if (!sheet) return formulaError('#REF!', `Unresolved sheet name '${at.sheet}'.`);
    if (at.row < 1 || at.col < 1 || at.row > sheet.maxRows || at.col > sheet.maxCols) return '';
    return this.valueAt(sheet, at.row, at.col);
  }

  size(sheetName: string): { maxRows: number; maxCols: number } | undefined {
    const sheet = this.sheetNamed(sheetName);
    return sheet && { maxRows: sheet.maxRows, maxCols: sheet.maxCols };
  }

  get timeZone(): string {
    return this.wb.timeZone;
  }

  namedRange(name: string): AreaAddress | undefined {
    const entry = this.wb.namedRanges.get(name.toLowerCase());
    return entry && { sheet: entry.sheet.name, ...entry.area };
  }

  private sheetNamed(name: string): SheetModel | undefined {
    const last = this.lastSheet;
    if (last && !last.deleted && last.name === name) return last;
    const sheet = this.wb.sheetByName(name);
    this.lastSheet = sheet;
    return sheet;
  }
}
