/**
 * Array context: inside ARRAYFORMULA, FILTER, SORT and the other array functions, Sheets evaluates
 * `B2:B9="x"`, `A2:A9*2` or `IF(A2:A9>1, ...)` cell by cell; elsewhere such an operand stands for its
 * first cell. The library evaluates while it parses, so the engine asks which token the parser has just
 * read (chevrotain's `currIdx`) and looks it up in the flags computed here from the formula's tokens.
 */
import type { Token } from 'fast-formula-parser/grammar/lexing';
import { gridOf, type LibError } from './engine-values';

/** Functions whose arguments Sheets evaluates as arrays. */
export const ARRAY_CONTEXT_FUNCTIONS: ReadonlySet<string> = new Set([
  'ARRAYFORMULA',
  'FILTER',
  'SORT',
  'SORTN',
  'UNIQUE',
  'SUMPRODUCT',
  'TAKE',
  'DROP',
  'CHOOSECOLS',
  'HSTACK',
  'VSTACK',
]);

/**
 * Scalar built-ins that map over an array argument inside an array context, as in
 * `ARRAYFORMULA(IFERROR(A2:A9/B2:B9, 0))` or `FILTER(A2:A9, NOT(ISBLANK(B2:B9)))`.
 */
export const CELLWISE_FUNCTIONS: ReadonlySet<string> = new Set([
  'ABS',
  'IFERROR',
  'IFNA',
  'INT',
  'ISBLANK',
  'ISERROR',
  'ISNA',
  'ISNUMBER',
  'ISTEXT',
  'LEN',
  'LOWER',
  'NOT',
  'ROUND',
  'TEXT',
  'TRIM',
  'UPPER',
  'VALUE',
]);

const flagsOf = new WeakMap<readonly Token[], Uint8Array>();

function isFunctionOpen(token: Token): boolean {
  return token.tokenType.name !== 'OpenParen' && token.image.endsWith('(');
}

/** For every token, 1 when it lies inside the parentheses of an array-context function. */
export function arrayContextFlags(tokens: readonly Token[]): Uint8Array {
  const cached = flagsOf.get(tokens);
  if (cached) return cached;
  const flags = new Uint8Array(tokens.length);
  const open: boolean[] = []; // per open parenthesis: is its inside an array context?
  tokens.forEach((token, i) => {
    const inside = open[open.length - 1] ?? false;
    flags[i] = inside ? 1 : 0;
    if (isFunctionOpen(token)) {
      const name = token.image.slice(0, -1).toUpperCase();
      open.push(inside || ARRAY_CONTEXT_FUNCTIONS.has(name));
    } else if (token.tokenType.name === 'OpenParen') open.push(inside);
    else if (token.tokenType.name === 'CloseParen') open.pop();
  });
  flagsOf.set(tokens, flags);
  return flags;
}

/**
 * `fn` applied cell by cell over arrays of any shape: a single row or column (or cell) repeats along
 * the other's length, as in Sheets; a cell outside a shorter array is #N/A.
 */
export function broadcast(
  args: readonly unknown[],
  fn: (...cells: unknown[]) => unknown,
  sizeError: () => LibError,
): unknown[][] {
  const grids = args.map(gridOf);
  const height = Math.max(...grids.map((g) => g.length));
  const width = Math.max(...grids.map((g) => g[0]?.length ?? 0));
  const cellOf = (grid: unknown[][], r: number, c: number): unknown => {
    const row = grid.length === 1 ? grid[0] : grid[r];
    if (!row) return sizeError();
    if (row.length === 1) return row[0];
    return c < row.length ? row[c] : sizeError();
  };
  return Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => fn(...grids.map((grid) => cellOf(grid, r, c)))),
  );
}
