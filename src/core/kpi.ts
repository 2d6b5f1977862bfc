/**
 * KPI thresholds. A KPI watches a steady state: `warning` and `critical` limits, and a direction
 * saying whether higher or lower values are better. A value exactly at a limit still meets it.
 */
import { describe, InputError } from './errors';

export type Direction = 'higher' | 'lower';
export type KpiStatus = 'OK' | 'Warning' | 'Breach';

export const DIRECTION_SPELLINGS: Readonly<Record<string, Direction>> = {
  higher: 'higher',
  'higher is better': 'higher',
  up: 'higher',
  increase: 'higher',
  max: 'higher',
  '>': 'higher',
  lower: 'lower',
  'lower is better': 'lower',
  down: 'lower',
  decrease: 'lower',
  min: 'lower',
  '<': 'lower',
};

/** Limits with their direction settled; at least one limit is present. */
export interface Thresholds {
  readonly direction: Direction;
  readonly warning: number | null;
  readonly critical: number | null;
}

/**
 * Settles the direction: given, or inferred from the limits (a warning above the critical limit means
 * higher is better). Refuses limits that contradict the direction, since a warning band that can
 * never be reached is always a typo.
 */
export function resolveThresholds(
  warning: number | null,
  critical: number | null,
  direction: Direction | null,
): Thresholds {
  if (warning === null && critical === null)
    throw new InputError('warning and critical are both blank: set at least one limit');
  if (direction === null) {
    if (warning === null || critical === null) {
      throw new InputError(
        'direction is blank and only one limit is set: say whether "higher" or "lower" is better',
      );
    }
    if (warning === critical) {
      throw new InputError(
        `warning and critical are equal (${describe(warning)}): set direction to "higher" or "lower"`,
      );
    }
    return { direction: warning > critical ? 'higher' : 'lower', warning, critical };
  }
  if (warning !== null && critical !== null) {
    const contradicts = direction === 'higher' ? warning < critical : warning > critical;
    if (contradicts) {
      throw new InputError(
        `warning (${describe(warning)}) is ${direction === 'higher' ? 'below' : 'above'} critical (${describe(critical)}) although ${direction} is better: swap them or change direction`,
      );
    }
  }
  return { direction, warning, critical };
}

/** Higher is better: below critical is Breach, below warning Warning; mirrored when lower is better. */
export function kpiStatus(value: number, t: Thresholds): KpiStatus {
  // Multiplying by the sign turns "lower is better" into "higher is better" without a branch per limit.
  const sign = t.direction === 'higher' ? 1 : -1;
  if (t.critical !== null && sign * value < sign * t.critical) return 'Breach';
  if (t.warning !== null && sign * value < sign * t.warning) return 'Warning';
  return 'OK';
}

/**
 * Relative change (current - previous) / |previous|; undefined from zero, so it is an error there. A
 * difference that would overflow (values beyond about ±9e307) is taken on halves, exact at that size;
 * a change too large for any number (1e308 from 1e-300) is ±Infinity, which a cell must not show.
 */
export function relativeChange(current: number, previous: number): number {
  if (previous === 0) throw new InputError('previous is 0: a relative change from zero is undefined');
  const difference = current - previous;
  return Number.isFinite(difference)
    ? difference / Math.abs(previous)
    : (current / 2 - previous / 2) / Math.abs(previous / 2);
}

/** relativeChange for a cell: a change too large for a number is an error naming both values. */
export function shownChange(current: number, previous: number): number {
  const change = relativeChange(current, previous);
  if (!Number.isFinite(change)) {
    throw new InputError(
      `current (${describe(current)}) is too far from previous (${describe(previous)}): the relative change is too large for a number`,
    );
  }
  return change;
}
