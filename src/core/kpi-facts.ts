/**
 * What a KPI's history says about its row now: the previous value, the trend to draw, and the
 * sudden-change signal. Each reads the KPI's own cells and its series from the KPI History sheet.
 */

import type { KpiEvaluation } from './alerts';
import { type CellValue, isBlank, readNumber, readText } from './cell';
import { InputError } from './errors';
import { type Point, pointsBefore, previousValue, trendValues } from './kpi-history';
import { readKpiRule } from './kpi-rule';
import { describeSuddenChange, detectSuddenChange, readSuddenLimit, VERSUS_PREVIOUS } from './sudden-change';
import { type ColumnMap, cellOf, type TableDefaults } from './tables';

/** Points drawn before the live current value in a trend sparkline. */
export const TREND_POINTS = 11;

export interface KpiFacts {
  /** The latest value recorded before today; null without one. */
  readonly previous: number | null;
  /** Earlier values, oldest first. */
  readonly trend: readonly number[];
  /** "Weekly leads dropped 35% versus the previous value", or '' when steady or unknown. */
  readonly signal: string;
  /** The sudden change, as a signed fraction, when the KPI moved suddenly. */
  readonly suddenChange: number | null;
}

export const NO_FACTS: KpiFacts = { previous: null, trend: [], signal: '', suddenChange: null };

/** The facts of one KPI row. Cells that can't be read give no signal; Refresh reports them separately. */
export function kpiFacts(
  row: readonly CellValue[],
  map: ColumnMap,
  series: readonly Point[],
  today: Date,
  defaults: TableDefaults = {},
): KpiFacts {
  const previous = previousValue(series, today);
  const trend = trendValues(pointsBefore(series, today), TREND_POINTS);
  try {
    const name = readText(cellOf(row, map, 'name'), 'KPI') ?? '';
    const value = readNumber(cellOf(row, map, 'value'), 'value');
    if (value === null || isBlank(name)) return { previous, trend, signal: '', suddenChange: null };
    const { direction } = readKpiRule(row, map, defaults);
    const limit = readSuddenLimit(cellOf(row, map, 'suddenLimit'));
    const change = detectSuddenChange({ value, reference: previous, direction, limit });
    if (change.kind !== 'sudden') return { previous, trend, signal: '', suddenChange: null };
    return {
      previous,
      trend,
      signal: describeSuddenChange(name, change.change, VERSUS_PREVIOUS),
      suddenChange: change.change,
    };
  } catch (error) {
    if (error instanceof InputError) return { previous, trend, signal: '', suddenChange: null };
    throw error;
  }
}

/**
 * What the alert job judges for each KPI row: status and value, with the sudden change when there is
 * one. Rows without a name, a value or a readable rule are left out (Refresh reports those).
 */
export function kpiEvaluationsOf(
  rows: readonly (readonly CellValue[])[],
  map: ColumnMap,
  facts: readonly KpiFacts[],
  defaults: TableDefaults = {},
): KpiEvaluation[] {
  const evaluations: KpiEvaluation[] = [];
  rows.forEach((row, i) => {
    try {
      const kpi = readText(cellOf(row, map, 'name'), 'KPI');
      const value = readNumber(cellOf(row, map, 'value'), 'value');
      if (!kpi || value === null) return;
      const status = readKpiRule(row, map, defaults).judge(value);
      const owner = readText(cellOf(row, map, 'owner'), 'owner') ?? '';
      const fact = facts[i] ?? NO_FACTS;
      const sudden =
        fact.suddenChange === null ? undefined : { change: fact.suddenChange, text: fact.signal };
      evaluations.push(sudden ? { kpi, owner, status, value, sudden } : { kpi, owner, status, value });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  });
  return evaluations;
}
