/**
 * KPIs judged against a target alone, as most team KPI tables are kept (a target, no warning or
 * critical limits): Met at or past the target, Near when short of it by no more than a tolerance (a
 * fraction of the target, 5% unless set), Missed beyond that.
 */
import { type CellValue, isBlank, readNumber, readText } from './cell';
import { directionFromWords } from './direction-words';
import { describe, InputError } from './errors';
import { DIRECTION_SPELLINGS, type Direction } from './kpi';
import { readDirection } from './read-cells';

export type TargetStatus = 'Met' | 'Near' | 'Missed';

/** How far short of its target a KPI is still Near: 5% of the target. */
export const DEFAULT_TOLERANCE = 0.05;

export interface TargetRule {
  readonly target: number;
  readonly direction: Direction;
  /** A fraction of the target, 0..1. */
  readonly tolerance: number;
}

/**
 * Met when the value is at or past the target (the target itself meets it), Near when short by at most
 * `tolerance × |target|` (the edge of that band is still Near), Missed otherwise. A target of 0 leaves
 * no Near band: any shortfall misses it.
 */
export function targetStatus(value: number, rule: TargetRule): TargetStatus {
  const sign = rule.direction === 'higher' ? 1 : -1;
  const shortfall = sign * (rule.target - value);
  if (shortfall <= 0) return 'Met';
  const band = rule.tolerance * Math.abs(rule.target);
  // Decimal fractions are inexact in binary (1 - 0.95 > 0.05): a value on the band's edge is on it.
  const slack = 1e-12 * Math.max(Math.abs(rule.target), Math.abs(value));
  return shortfall <= band + slack ? 'Near' : 'Missed';
}

/**
 * The direction a row falls back on when its own direction is blank: "higher"/"lower" (a table's
 * default), or else the words of a KPI name ("Response time": lower). Null when neither tells.
 */
export function fallbackDirection(value: CellValue): Direction | null {
  if (isBlank(value) || typeof value !== 'string') return null;
  const spelled = DIRECTION_SPELLINGS[value.trim().toLowerCase().replace(/\s+/g, ' ')];
  return spelled ?? directionFromWords(value);
}

export function readTolerance(value: CellValue, field: string): number | null {
  const tolerance = readNumber(value, field);
  if (tolerance !== null && !(tolerance >= 0 && tolerance <= 1))
    throw new InputError(
      `${field} must be a fraction of the target from 0% to 100% (5% or 0.05), got ${describe(value)}`,
    );
  return tolerance;
}

/** The cells a target rule is read from; the defaults apply where the row's own cell is blank. */
export interface TargetCells {
  readonly target: CellValue;
  readonly direction: CellValue;
  readonly tolerance: CellValue;
  /** "higher", "lower", or the KPI's name, whose words may tell. */
  readonly defaultDirection: CellValue;
  readonly defaultTolerance: CellValue;
}

/** A row's direction: its own, else the default ("higher"/"lower", or a KPI name whose words tell). */
export function readTargetDirection(direction: CellValue, defaultDirection: CellValue): Direction {
  const resolved = readDirection(direction) ?? fallbackDirection(defaultDirection);
  if (resolved !== null) return resolved;
  const name = typeof defaultDirection === 'string' ? readText(defaultDirection, 'KPI') : null;
  throw new InputError(
    name === null
      ? 'direction is blank: set it to "higher" or "lower" (which way is better)'
      : `direction is blank and ${describe(name)} does not say which way is better: set direction to "higher" or "lower"`,
  );
}

/** A row's tolerance: its own, else the default, else 5%. */
export function readTargetTolerance(tolerance: CellValue, defaultTolerance: CellValue): number {
  return (
    readTolerance(tolerance, 'tolerance') ??
    readTolerance(defaultTolerance, 'default_tolerance') ??
    DEFAULT_TOLERANCE
  );
}

export function readTarget(target: CellValue): number {
  const value = readNumber(target, 'target');
  if (value === null) throw new InputError('target is blank: set the value the KPI should reach');
  return value;
}

/** The rule a row is judged by; a blank target, or a direction nothing tells, is an error. */
export function readTargetRule(cells: TargetCells): TargetRule {
  return {
    target: readTarget(cells.target),
    direction: readTargetDirection(cells.direction, cells.defaultDirection),
    tolerance: readTargetTolerance(cells.tolerance, cells.defaultTolerance),
  };
}
