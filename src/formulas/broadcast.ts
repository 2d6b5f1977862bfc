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

/** One row's result, or its error as text; kept out of the loop so the loop stays small and optimised. */
function rowResult(row: (values: CellValue[]) => Output, values: CellValue[]): Output {
  try {
    return checked(row(values));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return `Error: ${error.message}`;
  }
}

function checked(result: Output): Output {
  // A number that is not finite would show as a wrong value in the sheet: never let one out.
  if (typeof result === 'number' && !Number.isFinite(result))
    throw new InputError(`the result is not a finite number (${result})`);
  return result;
}

/**
 * Calls `row` once per row with the row's values (in argument order) and returns a column, or calls it
 * once and returns a value when every argument is a single value.
 */
export function broadcast(
  args: readonly NamedArg[],
  row: (values: CellValue[]) => Output,
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
  const values: CellValue[] = columns.map((c) => ('single' in c ? c.single : undefined));
  if (height === 0) {
    try {
      return checked(row(values));
    } catch (error) {
      throw error instanceof InputError ? new Error(error.message) : error;
    }
  }
  // Plain indexed loops: this runs once per row of a possibly 100,000-row column.
  const rangedAt: number[] = [];
  const rangedRows: unknown[][][] = [];
  columns.forEach((c, i) => {
    if ('rows' in c) {
      rangedAt.push(i);
      rangedRows.push(c.rows);
    }
  });
  const out: Output[][] = [];
  for (let r = 0; r < height; r++) {
    for (let j = 0; j < rangedAt.length; j++) {
      values[rangedAt[j] as number] = ((rangedRows[j] as unknown[][])[r] as CellValue[])[0];
    }
    out.push([rowResult(row, values)]);
  }
  return out;
}

/**
 * Remembers the result for the last arguments seen. A limit or a kind given as one cell is the same
 * value on every row, so it is parsed once per call instead of once per row. Fixed arity keeps the
 * per-row check free of allocations.
 */
export function lastValueMemo<R>(compute: (a: CellValue, b: CellValue, c: CellValue) => R) {
  let seen = false;
  let lastA: CellValue;
  let lastB: CellValue;
  let lastC: CellValue;
  let result: R;
  return (a: CellValue, b?: CellValue, c?: CellValue): R => {
    if (!seen || a !== lastA || b !== lastB || c !== lastC) {
      result = compute(a, b, c);
      [seen, lastA, lastB, lastC] = [true, a, b, c];
    }
    return result as R;
  };
}
