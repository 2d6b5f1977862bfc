/**
 * The server side of the KPI threshold sidebar: every KPI of the connected KPI tables with its limits,
 * and a save handler that writes one KPI's warning, critical and direction cells, found by the KPI's
 * name (never by row number), under the document lock.
 */
import { type CellValue, cellOf, isBlank, readKpiRule, readNumber } from '../core';
import { readDisplayRows, readTableRows } from '../sheets/table-io';
import { type ConnectedTable, findTables } from '../sheets/table-metadata';
import { sidebarHandler } from './entry';
import { type Plain, plain } from './plain';
import { parsedLimits, type ThresholdErrors, validateThresholdForm } from './threshold-schema';

export interface KpiView {
  readonly sheet: string;
  readonly name: string;
  readonly unit: string;
  readonly value: Plain;
  readonly warning: Plain;
  readonly critical: Plain;
  readonly direction: string;
  readonly status: string | null;
  readonly problem: string | null;
  /** Whether the table has a Direction column to save a direction into. */
  readonly hasDirection: boolean;
  /** Value and limits as the sheet shows them ("97.0%"). */
  readonly shown: { readonly value: string; readonly warning: string; readonly critical: string };
}

export interface ThresholdPageData {
  readonly kpis: readonly KpiView[];
}

export type SaveThresholdResult =
  | { readonly ok: true; readonly kpi: KpiView }
  | { readonly ok: false; readonly errors: ThresholdErrors };

interface KpiRow {
  readonly table: ConnectedTable;
  readonly row: number;
  readonly cells: readonly CellValue[];
  /** The row as the sheet shows it. */
  readonly shown: readonly string[];
}

function kpiRows(): KpiRow[] {
  return findTables(SpreadsheetApp.getActiveSpreadsheet())
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

function nameOf(row: KpiRow): string {
  return String(cellOf(row.cells, row.table.map, 'name')).trim();
}

function shownOf(row: KpiRow, field: 'value' | 'warning' | 'critical'): string {
  const column = row.table.map[field];
  return column === undefined ? '' : (row.shown[column - 1] ?? '');
}

function view(row: KpiRow): KpiView {
  const { map } = row.table;
  const cell = (field: Parameters<typeof cellOf>[2]) => cellOf(row.cells, map, field);
  let status: string | null = null;
  let problem: string | null = null;
  try {
    const value = readNumber(cell('value'), 'value');
    if (value !== null) status = readKpiRule(row.cells, map, row.table.defaults).judge(value);
  } catch (error) {
    problem = (error as Error).message;
  }
  return {
    sheet: row.table.sheet.getName(),
    name: nameOf(row),
    unit: isBlank(cell('unit')) ? '' : String(cell('unit')),
    value: plain(cell('value')),
    warning: plain(cell('warning')),
    critical: plain(cell('critical')),
    direction: isBlank(cell('direction')) ? '' : String(cell('direction')).trim().toLowerCase(),
    status,
    problem,
    hasDirection: map.direction !== undefined,
    shown: {
      value: shownOf(row, 'value'),
      warning: shownOf(row, 'warning'),
      critical: shownOf(row, 'critical'),
    },
  };
}

export function thresholdPageData(): ThresholdPageData {
  return { kpis: kpiRows().map(view) };
}

export const saveThresholds = sidebarHandler((input, { locked }): SaveThresholdResult => {
  const validated = validateThresholdForm(input);
  if (!validated.ok) return validated;
  const { form } = validated;
  return locked(() => {
    const matches = kpiRows().filter((r) => r.table.sheet.getName() === form.sheet && nameOf(r) === form.kpi);
    if (matches.length === 0)
      return {
        ok: false,
        errors: { kpi: `No KPI named "${form.kpi}" on "${form.sheet}" any more. Reopen the sidebar.` },
      };
    if (matches.length > 1) {
      return {
        ok: false,
        errors: {
          kpi: `"${form.kpi}" appears on rows ${matches.map((m) => m.row).join(', ')} of "${form.sheet}": give each KPI its own name first.`,
        },
      };
    }
    const [row] = matches as [KpiRow];
    const { map } = row.table;
    const limits = parsedLimits(form);
    if (map.direction === undefined && limits.direction !== null) {
      return {
        ok: false,
        errors: {
          direction:
            'This table has no Direction column: add one, or leave direction to be inferred from the limits.',
        },
      };
    }
    if (map.warning === undefined && limits.warning !== null)
      return { ok: false, errors: { warning: 'This table has no Warning column.' } };
    if (map.critical === undefined && limits.critical !== null)
      return { ok: false, errors: { critical: 'This table has no Critical column.' } };
    const writes: [number | undefined, CellValue][] = [
      [map.warning, limits.warning ?? ''],
      [map.critical, limits.critical ?? ''],
      [map.direction, limits.direction ?? ''],
    ];
    for (const [column, value] of writes) {
      if (column === undefined) continue;
      row.table.sheet.getRange(row.row, column).setValue(value);
    }
    const updated = kpiRows().find((r) => r.table.sheet.getName() === form.sheet && nameOf(r) === form.kpi);
    return { ok: true, kpi: view(updated ?? row) };
  });
});
