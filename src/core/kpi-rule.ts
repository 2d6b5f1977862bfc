/**
 * Which rule judges a KPI table's rows. A table with a warning or critical column is judged by its
 * limits (OK, Warning, Breach); one without is judged against its target (Met, Near, Missed). The
 * formulas Refresh writes, its summary, the sudden-change signal and the alerts all read rows here, so
 * they never disagree.
 */
import type { CellValue } from './cell';
import { type Direction, type KpiStatus, kpiStatus } from './kpi';
import { readTargetRule, type TargetStatus, targetStatus } from './kpi-target';
import { readThresholds } from './read-cells';
import { type ColumnMap, cellOf, type TableDefaults } from './tables';

export type KpiMode = 'limits' | 'target';
/** A KPI's status under either rule. */
export type AnyKpiStatus = KpiStatus | TargetStatus;

/** The statuses of each rule, worst first. */
export const KPI_STATUSES: Readonly<Record<KpiMode, readonly [AnyKpiStatus, AnyKpiStatus, AnyKpiStatus]>> = {
  limits: ['Breach', 'Warning', 'OK'],
  target: ['Missed', 'Near', 'Met'],
};

export function kpiMode(map: ColumnMap): KpiMode {
  return map.warning !== undefined || map.critical !== undefined ? 'limits' : 'target';
}

/** The worst status of either rule: what alerts a KPI's owner. A missed target is a breach of it. */
export function isBreach(status: AnyKpiStatus): boolean {
  return status === KPI_STATUSES.limits[0] || status === KPI_STATUSES.target[0];
}

export interface KpiRule {
  readonly direction: Direction;
  readonly judge: (value: number) => AnyKpiStatus;
}

/**
 * The rule of one row: its limits, or its target with the direction from the row, else the table's
 * default, else the KPI name's words, and the tolerance from the row, else the table's, else 5%.
 */
export function readKpiRule(
  row: readonly CellValue[],
  map: ColumnMap,
  defaults: TableDefaults = {},
): KpiRule {
  if (kpiMode(map) === 'limits') {
    const thresholds = readThresholds(
      cellOf(row, map, 'warning'),
      cellOf(row, map, 'critical'),
      cellOf(row, map, 'direction'),
    );
    return { direction: thresholds.direction, judge: (value) => kpiStatus(value, thresholds) };
  }
  const rule = readTargetRule({
    target: cellOf(row, map, 'target'),
    direction: cellOf(row, map, 'direction'),
    tolerance: cellOf(row, map, 'tolerance'),
    defaultDirection: defaults.direction ?? cellOf(row, map, 'name'),
    defaultTolerance: defaults.tolerance,
  });
  return { direction: rule.direction, judge: (value) => targetStatus(value, rule) };
}
