/**
 * Sheets' array functions the formula library lacks: FILTER, SORT, SORTN, UNIQUE, TAKE, DROP,
 * CHOOSECOLS, HSTACK, VSTACK, SEQUENCE, ARRAYFORMULA and MATCH. Each takes its arguments resolved by
 * the engine: a range as a grid (blanks null, Dates kept, error cells as errors), a literal as itself,
 * an omitted argument as undefined. A returned grid spills.
 */
import {
  compareOrder,
  firstOf,
  type Grid,
  gridOf,
  isBlank,
  isDate,
  LibError,
  libError,
  truthOf,
} from './engine-values';

export interface ArrayFunctionContext {
  readonly timeZone: string;
}

export type ArrayFunction = (context: ArrayFunctionContext, ...args: unknown[]) => unknown;

// ---------------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------------

/** An integer argument, or the error naming the function, the argument and the value. */
function integerArg(fn: string, field: string, value: unknown, fallback: number): number | LibError {
  const v = firstOf(value);
  if (v instanceof LibError) return v;
  if (v === undefined || isBlank(v)) return fallback;
  const n = typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? Number(v.trim()) : v;
  if (typeof n !== 'number' || !Number.isFinite(n))
    return libError('#VALUE!', `${fn} parameter ${field} expects a number, got '${String(v)}'.`);
  return Math.trunc(n);
}

function flagArg(fn: string, value: unknown, fallback: boolean): boolean | LibError {
  return value === undefined ? fallback : truthOf(value, fn);
}

function transpose(grid: Grid): Grid {
  const width = grid[0]?.length ?? 0;
  return Array.from({ length: width }, (_, c) => grid.map((row) => row[c]));
}

const noValue = (fn: string) => () => libError('#N/A', `No value in ${fn}.`);

function padded(row: readonly unknown[], width: number, pad: () => LibError): unknown[] {
  return row.length >= width ? [...row] : [...row, ...Array.from({ length: width - row.length }, pad)];
}

// ---------------------------------------------------------------------------------------------------
// FILTER
// ---------------------------------------------------------------------------------------------------

function sizeMismatch(fn: string, expected: [number, number], actual: [number, number]): LibError {
  return libError(
    '#VALUE!',
    `${fn} has mismatched range sizes. Expected row count: ${expected[0]}. column count: ${expected[1]}. ` +
      `Actual row count: ${actual[0]}, column count: ${actual[1]}.`,
  );
}

/** FILTER(range, condition1, ...): the rows (or columns) whose conditions all hold; #N/A when none. */
const filter: ArrayFunction = (_context, range, ...conditions) => {
  const data = gridOf(range);
  const height = data.length;
  const width = data[0]?.length ?? 0;
  if (conditions.length === 0)
    return libError('#N/A', 'Wrong number of arguments to FILTER. Expected at least 2 arguments.');
  let byRows: boolean | undefined;
  const keep: boolean[] = [];
  for (const condition of conditions) {
    const grid = gridOf(condition);
    const rows = grid.length;
    const cols = grid[0]?.length ?? 0;
    const isColumn = cols === 1 && rows === height && byRows !== false;
    const isRow = rows === 1 && cols === width && byRows !== true;
    if (!isColumn && !isRow)
      return sizeMismatch('FILTER', byRows === false ? [1, width] : [height, 1], [rows, cols]);
    byRows = isColumn;
    const cells = isColumn ? grid.map((row) => row[0]) : (grid[0] ?? []);
    cells.forEach((cell, i) => {
      // An error or text in a condition does not let its row through.
      keep[i] = (keep[i] ?? true) && truthOf(cell, 'FILTER') === true;
    });
  }
  const kept = byRows ? data.filter((_, r) => keep[r]) : data.map((row) => row.filter((_, c) => keep[c]));
  if (kept.length === 0 || kept[0]?.length === 0)
    return libError('#N/A', 'No matches are found in FILTER evaluation.');
  return kept;
};

// ---------------------------------------------------------------------------------------------------
// SORT and SORTN
// ---------------------------------------------------------------------------------------------------

interface SortKey {
  readonly values: readonly unknown[];
  readonly ascending: boolean;
}

/** Sort keys from (sort_column, is_ascending) pairs: a column index of the range or a column range. */
function sortKeys(fn: string, data: Grid, pairs: readonly unknown[]): SortKey[] | LibError {
  const width = data[0]?.length ?? 0;
  const column = (c: number) => data.map((row) => row[c]);
  if (pairs.length === 0)
    return Array.from({ length: width }, (_, c) => ({ values: column(c), ascending: true }));
  const keys: SortKey[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const ascending = flagArg(fn, pairs[i + 1], true);
    if (ascending instanceof LibError) return ascending;
    const by = pairs[i];
    const grid = Array.isArray(by) ? gridOf(by) : undefined;
    if (grid && (grid.length > 1 || data.length === 1) && grid[0]?.length === 1) {
      if (grid.length !== data.length) return sizeMismatch(fn, [data.length, 1], [grid.length, 1]);
      keys.push({ values: grid.map((row) => row[0]), ascending });
      continue;
    }
    const index = integerArg(fn, `sort_column${i / 2 + 1}`, by, 1);
    if (index instanceof LibError) return index;
    if (index < 1 || index > width)
      return libError('#VALUE!', `${fn}: column ${index} is out of range; the range has ${width} columns.`);
    keys.push({ values: column(index - 1), ascending });
  }
  return keys;
}

/** Blanks sort last whichever the direction; errors just before them. */
function rankOf(value: unknown): number {
  if (isBlank(value)) return 2;
  return value instanceof LibError ? 1 : 0;
}

function compareBy(keys: readonly SortKey[], timeZone: string) {
  return (a: number, b: number): number => {
    for (const { values, ascending } of keys) {
      const [x, y] = [values[a], values[b]];
      const rank = rankOf(x) - rankOf(y);
      if (rank !== 0) return rank;
      if (rankOf(x) !== 0) continue;
      const order = compareOrder(x, y, timeZone);
      if (order !== 0) return ascending ? order : -order;
    }
    return 0;
  };
}

/** The row indices of `data` in sorted order (stable), or the error of a bad key. */
function sortedOrder(fn: string, data: Grid, pairs: readonly unknown[], timeZone: string) {
  const keys = sortKeys(fn, data, pairs);
  if (keys instanceof LibError) return keys;
  const compare = compareBy(keys, timeZone);
  return { order: data.map((_, r) => r).sort(compare), same: (a: number, b: number) => compare(a, b) === 0 };
}

/** SORT(range, sort_column, is_ascending, ...): rows sorted by the keys in turn, blanks last. */
const sort: ArrayFunction = ({ timeZone }, range, ...pairs) => {
  const data = gridOf(range);
  const sorted = sortedOrder('SORT', data, pairs, timeZone);
  if (sorted instanceof LibError) return sorted;
  return sorted.order.map((r) => data[r] as unknown[]);
};

/** The rows SORTN keeps under its display_ties_mode, from the sorted row order. */
function sortnRows(
  order: readonly number[],
  n: number,
  mode: number,
  same: (a: number, b: number) => boolean,
) {
  // Runs of rows with equal sort keys, in order.
  const runs: number[][] = [];
  for (const r of order) {
    const run = runs[runs.length - 1];
    if (run && same(run[0] as number, r)) run.push(r);
    else runs.push([r]);
  }
  switch (mode) {
    case 0:
      return order.slice(0, n);
    case 1: {
      const first = order.slice(0, n);
      const last = first[first.length - 1];
      return [...first, ...order.slice(n).filter((r) => last !== undefined && same(last, r))];
    }
    case 2:
      return runs.slice(0, n).map((run) => run[0] as number);
    default:
      return runs.slice(0, n).flat();
  }
}

/** SORTN(range, [n], [display_ties_mode], [sort_column, is_ascending], ...): the first n after a sort. */
const sortn: ArrayFunction = ({ timeZone }, range, count, tiesMode, ...pairs) => {
  const data = gridOf(range);
  const n = integerArg('SORTN', 'n', count, 1);
  if (n instanceof LibError) return n;
  if (n < 1) return libError('#VALUE!', `SORTN parameter n must be greater than 0, got ${n}.`);
  const mode = integerArg('SORTN', 'display_ties_mode', tiesMode, 0);
  if (mode instanceof LibError) return mode;
  if (mode < 0 || mode > 3)
    return libError('#VALUE!', `SORTN parameter display_ties_mode must be 0, 1, 2 or 3, got ${mode}.`);
  const sorted = sortedOrder('SORTN', data, pairs, timeZone);
  if (sorted instanceof LibError) return sorted;
  return sortnRows(sorted.order, n, mode, sorted.same).map((r) => data[r] as unknown[]);
};

// ---------------------------------------------------------------------------------------------------
// UNIQUE
// ---------------------------------------------------------------------------------------------------

/** Rows compare exactly (text case-sensitively), as Sheets' UNIQUE does. */
function rowKey(row: readonly unknown[]): string {
  return JSON.stringify(
    row.map((v) => {
      if (isBlank(v)) return ['b'];
      if (isDate(v)) return ['n', v.getTime()];
      if (v instanceof LibError) return ['e', v.error];
      return [typeof v, v];
    }),
  );
}

/** UNIQUE(range, [by_column], [exactly_once]): distinct rows (or columns) in order of first appearance. */
const unique: ArrayFunction = (_context, range, byColumn, exactlyOnce) => {
  const columns = flagArg('UNIQUE', byColumn, false);
  if (columns instanceof LibError) return columns;
  const once = flagArg('UNIQUE', exactlyOnce, false);
  if (once instanceof LibError) return once;
  const data = columns ? transpose(gridOf(range)) : gridOf(range);
  const counts = new Map<string, number>();
  const keys = data.map(rowKey);
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const seen = new Set<string>();
  const rows = data.filter((_, r) => {
    const key = keys[r] as string;
    if (seen.has(key) || (once && counts.get(key) !== 1)) return false;
    seen.add(key);
    return true;
  });
  if (rows.length === 0) return libError('#N/A', 'No unique rows are found in UNIQUE evaluation.');
  return columns ? transpose(rows) : rows;
};

// ---------------------------------------------------------------------------------------------------
// Slicing and stacking
// ---------------------------------------------------------------------------------------------------

type Cut = <T>(items: readonly T[], n: number) => T[];
const takeCut: Cut = (items, n) => (n >= 0 ? items.slice(0, n) : items.slice(n));
const dropCut: Cut = (items, n) => (n >= 0 ? items.slice(n) : items.slice(0, n));

/** TAKE and DROP: rows (and columns) from the start, or from the end when negative. */
function slicing(fn: 'TAKE' | 'DROP', cut: Cut): ArrayFunction {
  return (_context, array, rows, columns) => {
    const grid = gridOf(array);
    const r = integerArg(fn, 'rows', rows, fn === 'TAKE' ? grid.length : 0);
    if (r instanceof LibError) return r;
    const c = integerArg(fn, 'columns', columns, fn === 'TAKE' ? (grid[0]?.length ?? 0) : 0);
    if (c instanceof LibError) return c;
    const kept = cut(grid, r).map((row) => cut(row, c));
    if (kept.length === 0 || kept[0]?.length === 0) return libError('#CALC!', `${fn} leaves an empty array.`);
    return kept;
  };
}

/** CHOOSECOLS(array, col1, ...): the columns by number, negative counting from the last. */
const chooseCols: ArrayFunction = (_context, array, ...numbers) => {
  const grid = gridOf(array);
  const width = grid[0]?.length ?? 0;
  const picked: number[] = [];
  for (const [i, number] of numbers.entries()) {
    const n = integerArg('CHOOSECOLS', `col_num${i + 1}`, number, 0);
    if (n instanceof LibError) return n;
    if (n === 0 || Math.abs(n) > width)
      return libError(
        '#VALUE!',
        `CHOOSECOLS parameter col_num${i + 1} must be between 1 and ${width} or -${width} and -1, got ${n}.`,
      );
    picked.push(n > 0 ? n - 1 : width + n);
  }
  if (picked.length === 0) return libError('#N/A', 'CHOOSECOLS expects at least one column number.');
  return grid.map((row) => picked.map((c) => row[c]));
};

/** VSTACK: its arguments one under another; a narrower one is padded with #N/A, as in Sheets. */
const vstack: ArrayFunction = (_context, ...args) => {
  const blocks = args.filter((arg) => arg !== undefined).map(gridOf);
  const width = Math.max(...blocks.map((block) => block[0]?.length ?? 0));
  return blocks.flatMap((block) => block.map((row) => padded(row, width, noValue('VSTACK'))));
};

/** HSTACK: its arguments side by side; a shorter one is padded with #N/A. */
const hstack: ArrayFunction = (_context, ...args) => {
  const blocks = args.filter((arg) => arg !== undefined).map(gridOf);
  const height = Math.max(...blocks.map((block) => block.length));
  return Array.from({ length: height }, (_, r) =>
    blocks.flatMap((block) => padded(block[r] ?? [], block[0]?.length ?? 0, noValue('HSTACK'))),
  );
};

/** SEQUENCE(rows, [columns], [start], [step]): numbers filled row by row. */
const sequence: ArrayFunction = (_context, rows, columns, start, step) => {
  const r = integerArg('SEQUENCE', 'rows', rows, 1);
  if (r instanceof LibError) return r;
  const c = integerArg('SEQUENCE', 'columns', columns, 1);
  if (c instanceof LibError) return c;
  if (r < 1 || c < 1)
    return libError('#VALUE!', `SEQUENCE needs at least one row and one column, got ${r} by ${c}.`);
  const first = Number(firstOf(start ?? 1) ?? 1);
  const by = Number(firstOf(step ?? 1) ?? 1);
  if (!Number.isFinite(first) || !Number.isFinite(by))
    return libError('#VALUE!', 'SEQUENCE parameters start and step expect numbers.');
  return Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => first + (i * c + j) * by));
};

/** ARRAYFORMULA(expression): the expression, already evaluated cell by cell inside it. */
const arrayFormula: ArrayFunction = (_context, expression) => expression;

// ---------------------------------------------------------------------------------------------------
// MATCH
// ---------------------------------------------------------------------------------------------------

/** Dates and numbers are one kind in a lookup. */
function kindOf(value: unknown): string {
  return isDate(value) ? 'number' : typeof value;
}

/** MATCH(key, range, [search_type]): 1-based position; 0 exact, 1 (sorted ascending), -1 (descending). */
const match: ArrayFunction = ({ timeZone }, key, range, searchType) => {
  const grid = gridOf(range);
  if (grid.length > 1 && (grid[0]?.length ?? 0) > 1)
    return libError('#N/A', 'MATCH range must be a single row or a single column.');
  const cells = grid.length === 1 ? (grid[0] ?? []) : grid.map((row) => row[0]);
  const type = integerArg('MATCH', 'search_type', searchType, 1);
  if (type instanceof LibError) return type;
  const k = firstOf(key);
  if (k instanceof LibError) return k;
  let found = -1;
  for (const [i, v] of cells.entries()) {
    if (isBlank(v) || kindOf(v) !== kindOf(k)) continue;
    const order = compareOrder(v, k, timeZone);
    if (type === 0) {
      if (order === 0) {
        found = i;
        break;
      }
    } else if (type > 0 ? order <= 0 : order >= 0) found = i;
    else break;
  }
  if (found < 0) return libError('#N/A', `Did not find value '${String(k)}' in MATCH evaluation.`);
  return found + 1;
};

export const ARRAY_FUNCTIONS: Readonly<Record<string, ArrayFunction>> = {
  FILTER: filter,
  SORT: sort,
  SORTN: sortn,
  UNIQUE: unique,
  TAKE: slicing('TAKE', takeCut),
  DROP: slicing('DROP', dropCut),
  CHOOSECOLS: chooseCols,
  HSTACK: hstack,
  VSTACK: vstack,
  SEQUENCE: sequence,
  ARRAYFORMULA: arrayFormula,
  MATCH: match,
};
