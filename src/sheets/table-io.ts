/** A table's round trips: one getValues to read it, one setValues per run of add-on columns to write. */
import { type CellValue, type ColumnMap, inputsOf, isBlank, type OutputRun, type TableKind } from '../core';
import { writeExactly } from './literal';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TableSnapshot {
  /** The header row, whole width from column 1. */
  readonly header: CellValue[];
  /** Sheet row of rows[0]. */
  readonly firstRow: number;
  /** Data rows under the header, whole width from column 1; at least one row. */
  readonly rows: CellValue[][];
}

/**
 * Reads the header and every data row of a table in one call (one blank data row for a table without
 * data yet). Rows past the last one with any input are dropped: a range formula's blank results count
 * as content for the data range, so the sheet's last row says little about where the table ends.
 */
export function readTableRows(
  sheet: Sheet,
  kind: TableKind,
  headerRow: number,
  map: ColumnMap,
): TableSnapshot {
  const firstRow = headerRow + 1;
  // The used block in one call (from row 1: asking for the last row and column first would cost two more).
  const used = sheet.getDataRange().getValues() as CellValue[][];
  const width = Math.max(used[0]?.length ?? 0, ...Object.values(map));
  const pad = (row: CellValue[] = []) =>
    row.length < width ? [...row, ...Array<CellValue>(width - row.length).fill('')] : row;
  const header = pad(used[headerRow - 1]);
  const below = used.slice(headerRow);
  const rows = (below.length > 0 ? below : [[]]).map(pad);
  const inputs = inputsOf(kind).flatMap((field) =>
    map[field] === undefined ? [] : [(map[field] as number) - 1],
  );
  let end = rows.length;
  while (end > 1 && inputs.every((i) => isBlank((rows[end - 1] as CellValue[])[i]))) end--;
  return { header, firstRow, rows: rows.slice(0, end) };
}

/** The same rows as the sheet shows them (number formats applied: "97.0%", "1,000"), in one call. */
export function readDisplayRows(sheet: Sheet, snapshot: TableSnapshot): string[][] {
  const width = snapshot.rows[0]?.length ?? 0;
  if (snapshot.rows.length === 0 || width === 0) return [];
  return sheet.getRange(snapshot.firstRow, 1, snapshot.rows.length, width).getDisplayValues();
}

/** Writes each run, one setValues each: formulas as formulas, every other value exactly as it is. */
export function writeRuns(sheet: Sheet, runs: readonly OutputRun[]): void {
  for (const run of runs) {
    if (run.values.length === 0) continue;
    writeExactly(
      sheet.getRange(run.row, run.column, run.values.length, run.values[0]?.length ?? 0),
      run.values,
    );
  }
}
