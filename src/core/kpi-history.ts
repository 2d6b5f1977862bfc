/**
 * KPI history: the `KPI History` sheet keeps one row (date, KPI, value) per KPI per day, so the KPI
 * table's Previous, the sudden-change reference and the trend sparkline all come from one record.
 * Rows a person mistyped are skipped when reading and never rewritten: the history is the team's too.
 */
import { type CellValue, readDate, readNumber, readText } from './cell';
import { describe, InputError } from './errors';

/** The header the add-on writes when it creates the sheet; rows follow in this column order. */
export const HISTORY_HEADERS = ['Date', 'KPI', 'Value'] as const;

/** A KPI's value as measured now. */
export interface KpiReading {
  readonly kpi: string;
  readonly value: number;
}

/** One day of a KPI's history; `day` is local midnight. */
export interface Point {
  readonly day: Date;
  readonly value: number;
}

/** What a snapshot changes: values rewritten in place (index into `history`), and rows to append. */
export interface SnapshotPlan {
  readonly updates: { readonly index: number; readonly value: number }[];
  readonly appends: CellValue[][];
}

/** How KPI names are compared everywhere (history, alerts log): trimmed and case-insensitive. */
export function kpiKey(name: string): string {
  return name.trim().toLowerCase();
}

/** A calendar day in local time, as a number that sorts like the day (20260131). */
function dayNumber(date: Date): number {
  return date.getFullYear() * 10_000 + (date.getMonth() + 1) * 100 + date.getDate();
}

export function sameDay(a: Date, b: Date): boolean {
  return dayNumber(a) === dayNumber(b);
}

function midnight(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

interface HistoryRow {
  readonly day: Date;
  readonly key: string;
  readonly value: number;
}

/** A history row, or null when any of its three cells is blank or unreadable (a header row too). */
function readRow(row: readonly CellValue[]): HistoryRow | null {
  try {
    const date = readDate(row[0], 'date');
    const kpi = readText(row[1], 'KPI');
    const value = readNumber(row[2], 'value');
    if (date === null || kpi === null || value === null) return null;
    return { day: midnight(date), key: kpiKey(kpi), value };
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

function checkReading({ kpi, value }: KpiReading): void {
  if (kpi.trim() === '') throw new InputError('KPI name is blank: a snapshot needs a name');
  if (!Number.isFinite(value))
    throw new InputError(`value of KPI "${kpi.trim()}" must be a finite number, got ${describe(value)}`);
}

/**
 * Records today's values: at most one row per KPI per day. A KPI already recorded on `day` has its
 * row's value rewritten (the latest such row, should a person have copied one); the others get a new
 * row. A KPI listed twice in `current` keeps its last value.
 */
export function planSnapshot(
  history: readonly (readonly CellValue[])[],
  current: readonly KpiReading[],
  day: Date,
): SnapshotPlan {
  current.forEach(checkReading);
  const target = dayNumber(day);
  const rowOfToday = new Map<string, number>();
  history.forEach((row, index) => {
    const read = readRow(row);
    if (read !== null && dayNumber(read.day) === target) rowOfToday.set(read.key, index);
  });
  const latest = new Map<string, KpiReading>();
  for (const reading of current) {
    const key = kpiKey(reading.kpi);
    latest.delete(key); // re-insert so the order is that of each KPI's last reading
    latest.set(key, reading);
  }
  const updates: { index: number; value: number }[] = [];
  const appends: CellValue[][] = [];
  for (const [key, { kpi, value }] of latest) {
    const index = rowOfToday.get(key);
    if (index === undefined) appends.push([midnight(day), kpi.trim(), value]);
    else updates.push({ index, value });
  }
  return { updates, appends };
}

/**
 * Every KPI's points, keyed by kpiKey, oldest first, one per day: when a day has two rows the later row
 * in the sheet wins, as it is the one planSnapshot keeps updating. One pass over the history serves
 * every KPI of a table.
 */
export function seriesByKpi(history: readonly (readonly CellValue[])[]): Map<string, Point[]> {
  const byKey = new Map<string, Map<number, Point>>();
  for (const row of history) {
    const read = readRow(row);
    if (read === null) continue;
    const days = byKey.get(read.key) ?? new Map<number, Point>();
    days.set(dayNumber(read.day), { day: read.day, value: read.value });
    byKey.set(read.key, days);
  }
  const series = new Map<string, Point[]>();
  for (const [key, days] of byKey) {
    series.set(
      key,
      [...days.entries()].sort(([a], [b]) => a - b).map(([, point]) => point),
    );
  }
  return series;
}

/** One KPI's points (see seriesByKpi). */
export function seriesOf(history: readonly (readonly CellValue[])[], kpi: string): Point[] {
  return seriesByKpi(history).get(kpiKey(kpi)) ?? [];
}

/**
 * The points of `series` on days strictly before `day`'s calendar day (today's row is the current
 * value). Like every reader below, it takes a series as seriesOf returns it: sorted, one point a day.
 */
export function pointsBefore(series: readonly Point[], day: Date): readonly Point[] {
  const limit = dayNumber(day);
  let end = series.length;
  while (end > 0 && dayNumber((series[end - 1] as Point).day) >= limit) end--;
  return series.slice(0, end);
}

/** The latest value recorded on a day before `day`, or null when there is none. */
export function previousValue(series: readonly Point[], day: Date): number | null {
  const earlier = pointsBefore(series, day);
  return earlier.length === 0 ? null : (earlier[earlier.length - 1] as Point).value;
}

function checkCount(n: number, field: string): void {
  if (!(Number.isInteger(n) && n >= 1))
    throw new InputError(`${field} must be a whole number of 1 or more, got ${describe(n)}`);
}

/**
 * The mean of the last `n` values recorded before `day`, or null while fewer than `n` exist: a shorter
 * window would quietly make the "average of the last 4 values" the previous value alone.
 */
export function recentAverage(series: readonly Point[], day: Date, n: number): number | null {
  checkCount(n, 'number of values to average');
  const earlier = pointsBefore(series, day);
  if (earlier.length < n) return null;
  const window = earlier.slice(-n);
  return window.reduce((sum, point) => sum + point.value, 0) / n;
}

/** The last `maxPoints` values, oldest first: the data of a trend SPARKLINE. */
export function trendValues(series: readonly Point[], maxPoints: number): number[] {
  checkCount(maxPoints, 'number of trend points');
  return series.slice(-maxPoints).map((point) => point.value);
}
