/**
 * Array-aware evaluation for custom functions. Sheets passes a one-cell reference as a value and a
 * range as a 2-D array; one call over whole columns is far cheaper than one call per cell, because
 * every custom-function call is a server execution that loads the whole script.
 *
 * Ranges of the same height are taken row by row, single values apply to every row. A call made only
 * of single values throws on bad input (Sheets shows #ERROR! with the message); a range call writes
 * `Error: ...` into the bad row and still computes every other row.
 */
import { type CellValue, InputError } from '../core';

/** What a row computes: a number, a text, or '' for a blank result. */
export type Output = number | string;

/** One argument as Sheets passes it, with the name messages use. */
export type NamedArg = readonly [name: string, value: unknown];

/**
 * One argument over the rows of a call. `at(r)` is the row's cell for a range and the value itself for
 * a single cell; each argument gets its own small accessor, so the row loop reads its cells directly.
 */
export interface Column {
  readonly single: boolean;
  readonly at: (r: number) => CellValue;
}

/** The columns of a call, one per argument, in the order of the arguments. */
export type Columns<A extends readonly NamedArg[]> = { readonly [K in keyof A]: Column };

interface SizedColumn extends Column {
  /** Rows in the argument's range; 0 for a single cell. */
  readonly height: number;
}

function singleColumn(value: CellValue): SizedColumn {
  return { single: true, height: 0, at: () => value };
}

function toColumn([name, value]: NamedArg): SizedColumn {
  if (!Array.isArray(value)) return singleColumn(value as CellValue);
  const rows = value as CellValue[][];
  const width = rows[0]?.length ?? 0;
  if (width !== 1) throw new Error(`${name} must be a single column, got a range ${width} columns wide`);
  if (rows.length === 1) return singleColumn(rows[0]?.[0]);
  return { single: false, height: rows.length, at: (r) => (rows[r] as CellValue[])[0] };
}

function checked(result: Output): Output {
  // A number that is not finite would show as a wrong value in the sheet: never let one out.
  if (typeof result === 'number' && !Number.isFinite(result))
    throw new InputError(`the result is not a finite number (${result})`);
  return result;
}

/** How a range call shows a bad row's problem in its cell. */
export function errorCell(message: string): string {
  return `Error: ${message}`;
}

/**
 * Reads a call's arguments as columns: ranges must be one column wide and of one height, which is
 * returned (0 when every argument is a single cell).
 */
export function readColumns<const A extends readonly NamedArg[]>(
  args: A,
): { readonly columns: Columns<A>; readonly height: number } {
  const columns = args.map(toColumn);
  let height = 0;
  let tallest = '';
  for (const [k, column] of columns.entries()) {
    if (column.height === 0) continue;
    const name = (args[k] as NamedArg)[0];
    if (height === 0) {
      height = column.height;
      tallest = name;
    } else if (column.height !== height) {
      throw new Error(
        `${name} has ${column.height} rows but ${tallest} has ${height}: ranges must be the same height`,
      );
    }
  }
  return { columns: columns as unknown as Columns<A>, height };
}

/**
 * Computes the call's result: `makeRow` sees the arguments' columns once and returns the function of
 * one row. Ranges are read row by row and single values apply to every row. A call made only of single
 * values throws on bad input (Sheets shows #ERROR! with the message); a range call writes `Error: ...`
 * into the bad row and still computes every other row.
 */
export function broadcast<const A extends readonly NamedArg[]>(
  args: A,
  makeRow: (columns: Columns<A>) => (r: number) => Output,
): Output | Output[][] {
  const { columns, height } = readColumns(args);
  const row = makeRow(columns);
  if (height === 0) return single(() => checked(row(0)));
  // One try around the whole loop, resumed after a bad row: the loop itself stays small and fast,
  // as it runs once per row of a possibly 100,000-row column.
  const out: Output[][] = new Array(height);
  let r = 0;
  while (r < height) {
    try {
      for (; r < height; r++) out[r] = [checked(row(r))];
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      out[r] = [errorCell(error.message)];
      r++;
    }
  }
  return out;
}

/** A call with one result: bad input becomes a plain Error, which Sheets shows as #ERROR! with its message. */
export function single<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw error instanceof InputError ? new Error(error.message) : error;
  }
}

/** Every cell of an argument, row by row; a single value is one cell. */
export function cellsOf(value: unknown): CellValue[] {
  if (!Array.isArray(value)) return [value as CellValue];
  // A plain loop into a sized array: Array.prototype.flat is several times slower over a long log.
  const rows = value as CellValue[][];
  const cells = new Array<CellValue>(rows.length * (rows[0]?.length ?? 0));
  let k = 0;
  for (const row of rows) for (const cell of row) cells[k++] = cell;
  cells.length = k;
  return cells;
}

/** The cells of arguments read side by side (a log's columns), which must be the same height. */
export function sideBySide(args: readonly NamedArg[]): CellValue[][] {
  const cells = args.map(([, value]) => cellsOf(value));
  const heights = cells.map((column) => column.length);
  if (heights.some((height) => height !== heights[0])) {
    const list = (items: readonly unknown[]) => `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
    throw new Error(`${list(args.map(([name]) => name))} must be the same height, got ${list(heights)}`);
  }
  return cells;
}

/**
 * What `compute` derives from a few arguments (thresholds from the limits, a kind from its text), as a
 * function of the row. When they are all single cells, the usual case, it is computed once, and a
 * failure is the same failure on every row that asks; otherwise once per row, remembering the last
 * inputs, since neighbouring rows often repeat them.
 */
export function derived<R>(
  inputs: readonly Column[],
  compute: (a: CellValue, b: CellValue, c: CellValue) => R,
): (r: number) => R {
  const [a, b, c] = [0, 1, 2].map((i) => (inputs[i] ?? NO_INPUT).at) as [Cell, Cell, Cell];
  if (inputs.every((input) => input.single)) {
    let value: R;
    try {
      value = compute(a(0), b(0), c(0));
    } catch (failure) {
      return () => {
        throw failure;
      };
    }
    return () => value;
  }
  let seen = false;
  let lastA: CellValue;
  let lastB: CellValue;
  let lastC: CellValue;
  let result: R;
  return (r) => {
    const x = a(r);
    const y = b(r);
    const z = c(r);
    if (!seen || x !== lastA || y !== lastB || z !== lastC) {
      result = compute(x, y, z);
      seen = true;
      lastA = x;
      lastB = y;
      lastC = z;
    }
    return result;
  };
}

type Cell = Column['at'];
const NO_INPUT: Column = singleColumn(undefined);
