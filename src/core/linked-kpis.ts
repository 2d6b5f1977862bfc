/**
 * Key results that track a KPI: their current value is the KPI's latest value, taken by Refresh. A
 * link to a KPI that no table holds is reported, never silently ignored.
 */
import { type CellValue, isBlank, readNumber, readText } from './cell';
import { InputError } from './errors';
import type { RowProblem } from './evaluate-table';
import { type KpiReading, kpiKey } from './kpi-history';
import { type ColumnMap, cellOf } from './tables';

/** KPI name (kpiKey) -> its latest value, from the KPI tables. */
export type KpiValues = ReadonlyMap<string, number>;

/** The KPIs' current values, as read from a KPI table's rows; unreadable rows are left out. */
export function kpiReadingsOf(rows: readonly (readonly CellValue[])[], map: ColumnMap): KpiReading[] {
  const readings: KpiReading[] = [];
  for (const row of rows) {
    try {
      const kpi = readText(cellOf(row, map, 'name'), 'KPI');
      const value = readNumber(cellOf(row, map, 'value'), 'value');
      if (kpi && value !== null) readings.push({ kpi, value });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  }
  return readings;
}

export function valuesByKpi(readings: readonly KpiReading[]): Map<string, number> {
  return new Map(readings.map((r) => [kpiKey(r.kpi), r.value]));
}

export interface LinkedUpdate {
  /** Index into the rows. */
  readonly index: number;
  readonly value: number;
}

/** Which linked key results need a new current value, and which links lead nowhere. */
export function planLinkedValues(
  rows: readonly (readonly CellValue[])[],
  map: ColumnMap,
  firstRow: number,
  kpis: KpiValues,
): { updates: LinkedUpdate[]; problems: RowProblem[] } {
  const updates: LinkedUpdate[] = [];
  const problems: RowProblem[] = [];
  rows.forEach((row, index) => {
    const link = cellOf(row, map, 'linkedKpi');
    if (isBlank(link) || isBlank(cellOf(row, map, 'keyResult'))) return;
    const name = String(link).trim();
    const value = kpis.get(kpiKey(name));
    if (value === undefined) {
      problems.push({
        row: firstRow + index,
        message: `linked KPI "${name}" was not found in any KPI table (or has no value)`,
      });
    } else if (cellOf(row, map, 'current') !== value) updates.push({ index, value });
  });
  return { updates, problems };
}
