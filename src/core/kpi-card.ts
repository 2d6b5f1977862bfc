/**
 * A KPI's card on the dashboard: its latest value and the day it was recorded, and the change since
 * the value it last moved from, judged good or bad by which way is better for the KPI.
 */
import type { Direction } from './kpi';
import type { Point } from './kpi-history';

export interface LatestValue {
  readonly value: number;
  /** The day it was recorded; null when the KPI has no history. */
  readonly day: Date | null;
}

/**
 * The KPI's latest value: the table's current value, else the latest recorded one. Its day is the
 * latest recorded day holding that value, else the latest recorded day (the value was typed after the
 * last snapshot); null without a value. `series` is oldest first, as seriesByKpi gives it.
 */
export function latestValue(current: number | null, series: readonly Point[]): LatestValue | null {
  const last = series.at(-1);
  const value = current ?? last?.value;
  if (value === undefined) return null;
  const holding = newest(series, (point) => point.value === value);
  return { value, day: (holding ?? last)?.day ?? null };
}

/** The newest recorded value that differs from `value`: what the KPI last moved from; null if none. */
export function previousDifferent(series: readonly Point[], value: number): number | null {
  return newest(series, (point) => point.value !== value)?.value ?? null;
}

/** Whether a change of this sign moves the KPI the better way; null for no change. */
export function changeVerdict(change: number, direction: Direction): 'good' | 'bad' | null {
  if (change === 0) return null;
  return change > 0 === (direction === 'higher') ? 'good' : 'bad';
}

function newest(series: readonly Point[], holds: (point: Point) => boolean): Point | undefined {
  for (let i = series.length - 1; i >= 0; i--) if (holds(series[i] as Point)) return series[i];
  return undefined;
}
