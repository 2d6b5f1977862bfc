/**
 * Engine-space values shared by the formula engine and its built-ins (array-functions.ts,
 * criteria-functions.ts): the library's errors, Sheets' value order, and 2-D grids.
 */
import { FormulaError as LibError } from 'fast-formula-parser';
import { toSerial } from './time';

export { LibError };

/** A value inside a formula: blanks are null; a Date stays a Date until it is compared or counted. */
export type Grid = unknown[][];

export function libError(code: string, message = ''): LibError {
  return new LibError(code, message);
}

/** Cross-realm safe: tests run the add-on bundle in a vm context with its own Date. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The first value of an array (comparisons and conditions outside an array context look at it only). */
export function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? firstOf(value[0]) : value;
}

/** A value as a grid: a scalar is a 1x1 grid. */
export function gridOf(value: unknown): Grid {
  if (!Array.isArray(value)) return [[value]];
  return value.map((row: unknown) => (Array.isArray(row) ? row : [row]));
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** A number as Sheets reads one in arithmetic: a Date is its serial number in the spreadsheet's zone. */
export function numericOf(value: unknown, timeZone: string): unknown {
  return isDate(value) ? toSerial(value, timeZone) : value;
}

const TYPE_RANK: Record<string, number> = { number: 1, string: 2, boolean: 3 };

function blankLike(other: unknown): unknown {
  if (typeof other === 'string') return '';
  if (typeof other === 'boolean') return false;
  return 0;
}

/**
 * Sheets' order of two values: numbers (and dates) before text before booleans, text compared
 * case-insensitively, a blank equal to 0, '' and FALSE. Negative, 0 or positive.
 */
export function compareOrder(leftRaw: unknown, rightRaw: unknown, timeZone: string): number {
  let left = numericOf(leftRaw, timeZone);
  let right = numericOf(rightRaw, timeZone);
  left = left ?? blankLike(right);
  right = right ?? blankLike(left);
  if (typeof left !== typeof right) return (TYPE_RANK[typeof left] ?? 0) - (TYPE_RANK[typeof right] ?? 0);
  if (typeof left === 'string') {
    const [a, b] = [left.toLowerCase(), (right as string).toLowerCase()];
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return Number(left) - Number(right);
}

export function compareValues(left: unknown, op: string, right: unknown, timeZone: string): boolean {
  const order = compareOrder(left, right, timeZone);
  switch (op) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    default:
      return order >= 0;
  }
}

/** A condition's truth as FILTER and IF read it: numbers by non-zero, TRUE/FALSE text, blank false. */
export function truthOf(value: unknown, reader: string): boolean | LibError {
  const v = firstOf(value);
  if (v instanceof LibError) return v;
  if (isBlank(v)) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const upper = v.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
  }
  if (isDate(v)) return true;
  return libError('#VALUE!', `${reader} expects a boolean, got '${String(v)}'.`);
}
