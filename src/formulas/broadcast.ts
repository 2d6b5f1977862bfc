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

type Column =
  | { readonly name: string; readonly single: CellValue }
  | { readonly name: string; readonly rows: unknown[][] };

function toColumn([name, value]: NamedArg): Column {
  if (!Array.isArray(value)) return { name, single: value as CellValue };
  const rows = value as unknown[][];
  if (rows.length === 1 && rows[0]?.length === 1) return { name, single: rows[0][0] as CellValue };
  const width = rows[0]?.length ?? 0;
  if (width !== 1) throw new Error(`${name} must be a single column, got a range ${width} columns wide`);
  return { name, rows };
}

function checked(result: Output): Output {
  // A number that is not finite would show as a wrong value in the sheet: never let one out.
  if (typeof result === 'number' && !Number.isFinite(result))
    throw new InputError(`the result is not a finite number (${result})`);
  return result;
}

/** The arguments of one call, read in place: nothing is copied per row. */
export interface Columns {
  /** Argument `k` on row `r`: the row's cell for a range, the value itself for a single cell. */
  cell(k: number, r: number): CellValue;
  /** Whether argument `k` is a single cell, the same on every row. */
  isSingle(k: number): boolean;
}

/**
 * Computes the call's result: `makeRow` sees the arguments once and returns the function of one row.
 * Ranges are read row by row and single values apply to every row. A call made only of single values
 * throws on bad input (Sheets shows #ERROR! with the message); a range call writes `Error: ...` into
 * the bad row and still computes every other row.
 */
export function broadcast(
  args: readonly NamedArg[],
  makeRow: (columns: Columns) => (r: number) => Output,
): Output | Output[][] {
  const columns = args.map(toColumn);
  let height = 0;
  let tallest = '';
  for (const column of columns) {
    if (!('rows' in column)) continue;
    if (height === 0) {
      height = column.rows.length;
      tallest = column.name;
    } else if (column.rows.length !== height) {
      throw new Error(
        `${column.name} has ${column.rows.length} rows but ${tallest} has ${height}: ranges must be the same height`,
      );
    }
  }
  const singles = columns.map((c) => ('single' in c ? c.single : undefined));
  const ranges = columns.map((c) => ('rows' in c ? c.rows : undefined));
  const row = makeRow({
    cell: (k, r) => {
      const rows = ranges[k];
      return rows === undefined ? singles[k] : ((rows[r] as CellValue[])[0] as CellValue);
    },
    isSingle: (k) => ranges[k] === undefined,
  });
  if (height === 0) {
    try {
      return checked(row(0));
    } catch (error) {
      throw error instanceof InputError ? new Error(error.message) : error;
    }
  }
  // One try around the whole loop, resumed after a bad row: the loop itself stays small and fast,
  // as it runs once per row of a possibly 100,000-row column.
  const out: Output[][] = new Array(height);
  let r = 0;
  while (r < height) {
    try {
      for (; r < height; r++) out[r] = [checked(row(r))];
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      out[r] = [`Error: ${error.message}`];
      r++;
    }
  }
  return out;
}

/**
 * What `compute` derives from up to three arguments (thresholds from the limits, a kind from its
 * text), as a function of the row. When they are all single cells, the usual case, it is computed
 * once, on first use, and a failure is the same failure on every row; otherwise once per row,
 * remembering the last inputs, since neighbouring rows often repeat them.
 */
export function derived<R>(
  columns: Columns,
  ks: readonly number[],
  compute: (a: CellValue, b: CellValue, c: CellValue) => R,
): (r: number) => R {
  const [a = -1, b = -1, c = -1] = ks;
  const at = (k: number, r: number) => (k < 0 ? undefined : columns.cell(k, r));
  if (ks.every((k) => columns.isSingle(k))) {
    let done = false;
    let value: R;
    let failure: unknown;
    return () => {
      if (!done) {
        try {
          value = compute(at(a, 0), at(b, 0), at(c, 0));
        } catch (error) {
          failure = error;
        }
        done = true;
      }
      if (failure !== undefined) throw failure;
      return value as R;
    };
  }
  let seen = false;
  let lastA: CellValue;
  let lastB: CellValue;
  let lastC: CellValue;
  let result: R;
  return (r) => {
    const x = at(a, r);
    const y = at(b, r);
    const z = at(c, r);
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
