/**
 * Sort order of cell values as Sheets sorts a range: numbers and dates, then text (ignoring case), then
 * booleans, then errors; blank cells always last, ascending or descending.
 */
import type { EvalValue } from './formula-types';

function rank(value: EvalValue): number {
  if (typeof value === 'number' || value instanceof Date) return 0;
  if (typeof value === 'string') return 1;
  if (typeof value === 'boolean') return 2;
  return 3;
}

function compareSameRank(a: EvalValue, b: EvalValue): number {
  if (typeof a === 'number' || a instanceof Date) return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') {
    return a.localeCompare(b, 'en', { sensitivity: 'base', numeric: false });
  }
  if (typeof a === 'boolean') return Number(a) - Number(b);
  return 0;
}

export function compareForSort(a: EvalValue, b: EvalValue, ascending: boolean): number {
  const aBlank = a === '';
  const bBlank = b === '';
  if (aBlank || bBlank) return aBlank === bBlank ? 0 : aBlank ? 1 : -1;
  const byRank = rank(a) - rank(b);
  const order = byRank !== 0 ? byRank : compareSameRank(a, b);
  return ascending ? order : -order;
}

export interface SortKey {
  /** Offset of the key column within the sorted rows (0-based). */
  readonly index: number;
  readonly ascending: boolean;
}

/** The stable order of `rows` (indexes) under `keys`, first key first. */
export function sortOrder(rows: readonly (readonly EvalValue[])[], keys: readonly SortKey[]): number[] {
  const order = rows.map((_, i) => i);
  order.sort((x, y) => {
    for (const key of keys) {
      const c = compareForSort(rows[x]?.[key.index] ?? '', rows[y]?.[key.index] ?? '', key.ascending);
      if (c !== 0) return c;
    }
    return x - y;
  });
  return order;
}

/**
 * Reads Range.sort's argument: a column number, `{column, ascending}`, or an array of either. Columns are
 * absolute sheet columns.
 */
export function parseSortSpec(spec: unknown): { column: number; ascending: boolean }[] {
  const items = Array.isArray(spec) ? spec : [spec];
  return items.map((item) => {
    if (typeof item === 'number') return { column: item, ascending: true };
    if (
      typeof item === 'object' &&
      item !== null &&
      typeof (item as { column?: unknown }).column === 'number'
    ) {
      const { column, ascending } = item as { column: number; ascending?: boolean };
      return { column, ascending: ascending !== false };
    }
    throw new Error(`Invalid sort specification: ${JSON.stringify(item)}`);
  });
}
