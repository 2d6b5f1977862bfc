/**
 * KPI rows for the threshold sidebar, and saving one KPI's limits: the KPI is found by its sheet and
 * name (never by row number, which a sort changes), and its warning, critical and direction cells are
 * set, under the document lock the caller holds.
 */
import { type CellValue, cellOf, type Direction, isBlank } from '../core';
import { readDisplayRows, readTableRows } from './table-io';
import { type ConnectedTable, findTables } from './table-metadata';

export interface KpiRow {
  readonly table: ConnectedTable;
  /** 1-based sheet row. */
  readonly row: number;
  readonly cells: readonly CellValue[];
  /** The row as the sheet shows it. */
  readonly shown: readonly string[];
}

/** Every named KPI row of every connected KPI table (one read of values and one of display text each). */
export function readKpiRows(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): KpiRow[] {
  return findTables(spreadsheet)
    .filter((t) => t.kind === 'kpi')
    .flatMap((table) => {
      const snapshot = readTableRows(table.sheet, table.kind, table.headerRow, table.map);
      const display = readDisplayRows(table.sheet, snapshot);
      return snapshot.rows.flatMap((cells, i) =>
        isBlank(cellOf(cells, table.map, 'name'))
          ? []
          : [{ table, row: snapshot.firstRow + i, cells, shown: display[i] ?? [] }],
      );
    });
}

export function kpiNameOf(row: KpiRow): string {
  return String(cellOf(row.cells, row.table.map, 'name')).trim();
}

export interface KpiLimits {
  readonly warning: number | null;
  readonly critical: number | null;
  readonly direction: Direction | null;
}

export type SaveLimitsOutcome =
  | { readonly kind: 'saved'; readonly row: KpiRow }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'duplicate'; readonly rows: readonly number[] }
  /** The table has no column for a limit that was given. */
  | { readonly kind: 'no-column'; readonly field: keyof KpiLimits };

export function saveKpiLimits(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  kpi: { readonly sheet: string; readonly name: string },
  limits: KpiLimits,
): SaveLimitsOutcome {
  const named = (r: KpiRow) => r.table.sheet.getName() === kpi.sheet && kpiNameOf(r) === kpi.name;
  const matches = readKpiRows(spreadsheet).filter(named);
  const [row] = matches;
  if (!row) return { kind: 'not-found' };
  if (matches.length > 1) return { kind: 'duplicate', rows: matches.map((m) => m.row) };
  const { map, sheet } = row.table;
  const fields = ['direction', 'warning', 'critical'] as const;
  const missing = fields.find((field) => map[field] === undefined && limits[field] !== null);
  if (missing) return { kind: 'no-column', field: missing };
  for (const field of fields) {
    const column = map[field];
    if (column !== undefined) sheet.getRange(row.row, column).setValue(limits[field] ?? '');
  }
  return { kind: 'saved', row: readKpiRows(spreadsheet).find(named) ?? row };
}
