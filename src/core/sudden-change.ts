/**
 * Sudden changes: a KPI that moves sharply the wrong way is worth a look before it breaches ("leads
 * dropped 35% week over week"). The change is relative to a reference taken from the KPI's history:
 * its previous value, or the mean of its last few values, which one odd day cannot set on its own.
 */
import { type CellValue, readNumber } from './cell';
import { describe, InputError } from './errors';
import { type Direction, relativeChange } from './kpi';
import { type Point, previousValue, recentAverage } from './kpi-history';

/**
 * The limit for a KPI that sets none: a 25% move. Week-over-week swings of 10–20% are everyday noise
 * for count KPIs (leads, tickets, sign-ups); a quarter of the value lost at once rarely is.
 */
export const DEFAULT_SUDDEN_LIMIT = 0.25;

/**
 * Values averaged in `average` mode: four, a month of weekly snapshots or most of a working week of
 * daily ones. Enough that one odd value does not set the reference, few enough to follow a real trend.
 */
export const DEFAULT_AVERAGE_WINDOW = 4;

/** What a change is measured against. */
export type Versus = { readonly mode: 'previous' } | { readonly mode: 'average'; readonly window: number };

export const VERSUS_PREVIOUS: Versus = { mode: 'previous' };

export type SuddenChange =
  | { readonly kind: 'sudden'; readonly change: number }
  | { readonly kind: 'steady'; readonly change: number }
  | { readonly kind: 'unknown'; readonly reason: string };

export interface SuddenChangeInput {
  readonly value: number;
  /** The previous value or recent mean; null when the history has none. */
  readonly reference: number | null;
  readonly direction: Direction;
  /** The largest tolerated move as a fraction (0.2 = 20%). */
  readonly limit: number;
}

function checkLimit(limit: number, field = 'sudden-change limit'): number {
  if (!(Number.isFinite(limit) && limit >= 0))
    throw new InputError(`${field} must be a fraction of 0 or more (0.2 = 20%), got ${describe(limit)}`);
  return limit;
}

/** A KPI's own limit from its cell ("20%" or 0.2); blank takes DEFAULT_SUDDEN_LIMIT. */
export function readSuddenLimit(value: CellValue, field = 'sudden-change limit'): number {
  const limit = readNumber(value, field);
  return limit === null ? DEFAULT_SUDDEN_LIMIT : checkLimit(limit, field);
}

/** The reference `versus` names, from the KPI's history before `day`. */
export function referenceOf(series: readonly Point[], day: Date, versus: Versus): number | null {
  return versus.mode === 'previous' ? previousValue(series, day) : recentAverage(series, day, versus.window);
}

/**
 * Sudden when the relative change exceeds the limit in the bad direction: a drop when higher is better,
 * a rise when lower is better. A move of exactly the limit is tolerated, like a value at a threshold.
 */
export function detectSuddenChange({ value, reference, direction, limit }: SuddenChangeInput): SuddenChange {
  checkLimit(limit);
  if (!Number.isFinite(value)) throw new InputError(`value must be a finite number, got ${describe(value)}`);
  if (reference === null) return { kind: 'unknown', reason: 'no earlier value to compare with' };
  if (reference === 0)
    return { kind: 'unknown', reason: 'the earlier value is 0: a relative change is undefined' };
  const change = relativeChange(value, reference);
  const worse = direction === 'higher' ? -change : change;
  return { kind: worse > limit ? 'sudden' : 'steady', change };
}

/** "12%", "2.5%", "0.4%": whole percents from 10%, one decimal below, so small limits still read. */
export function formatPercent(fraction: number): string {
  const percent = Math.abs(fraction) * 100;
  const shown = percent >= 10 ? Math.round(percent) : Math.round(percent * 10) / 10;
  return `${shown}%`;
}

function versusText(versus: Versus): string {
  if (versus.mode === 'previous') return 'the previous value';
  return versus.window === 1 ? 'the last value' : `the average of the last ${versus.window} values`;
}

/** "Leads dropped 35% versus the previous value". */
export function describeSuddenChange(kpi: string, change: number, versus: Versus): string {
  const name = kpi.trim();
  if (change === 0) return `${name} was unchanged versus ${versusText(versus)}`;
  const verb = change < 0 ? 'dropped' : 'rose';
  return `${name} ${verb} ${formatPercent(change)} versus ${versusText(versus)}`;
}
