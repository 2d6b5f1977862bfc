/**
 * Domain objects read from raw cells: the one path from what a sheet holds to what core judges, used
 * by the custom formulas and by Refresh alike so both always agree.
 */
import { type CellValue, readChoice, readDate, readDone, readNumber } from './cell';
import { describe, InputError } from './errors';
import { KEY_RESULT_KINDS, type KeyResult, type KeyResultKind, KIND_SPELLINGS } from './key-result';
import { DIRECTION_SPELLINGS, type Direction, resolveThresholds, type Thresholds } from './kpi';
import { type Cycle, checkCycle, checkPaceBands, DEFAULT_PACE_BANDS, type PaceBands } from './pace';

const KIND_HELP = `one of ${KEY_RESULT_KINDS.join(', ')}`;
const DIRECTION_HELP = '"higher" or "lower" (which way is better)';

export function readKind(value: CellValue, field = 'kind'): KeyResultKind {
  return readChoice(value, field, KIND_SPELLINGS, KIND_HELP) ?? 'linear';
}

export function readDirection(value: CellValue, field = 'direction'): Direction | null {
  return readChoice(value, field, DIRECTION_SPELLINGS, DIRECTION_HELP);
}

export interface KeyResultCells {
  readonly current: CellValue;
  readonly target: CellValue;
  readonly start?: CellValue;
  readonly kind?: CellValue;
  readonly commit?: CellValue;
  readonly stretch?: CellValue;
}

/** The key result the cells describe, or null while its current value is blank (not measured yet). */
export function readKeyResult(cells: KeyResultCells): KeyResult | null {
  return readKeyResultOfKind(
    readKind(cells.kind),
    cells.current,
    cells.target,
    cells.start,
    cells.commit,
    cells.stretch,
  );
}

/**
 * Like readKeyResult, with the kind already read and the cells passed one by one: callers over many
 * rows read a shared kind once and allocate nothing per row but the key result.
 */
export function readKeyResultOfKind(
  kind: KeyResultKind,
  currentCell: CellValue,
  targetCell: CellValue,
  startCell: CellValue,
  commitCell?: CellValue,
  stretchCell?: CellValue,
): KeyResult | null {
  if (kind === 'milestone') {
    const done = readDone(currentCell, 'current');
    return done === null ? null : { kind, done };
  }
  const current = readNumber(currentCell, 'current');
  if (current === null) return null;
  const target = readNumber(targetCell, 'target');
  if (target === null) throw new InputError('target is blank');
  const start = readNumber(startCell, 'start') ?? 0;
  if (kind === 'zone') {
    const needed = (cell: CellValue, field: string) => {
      const value = readNumber(cell, field);
      if (value === null)
        throw new InputError(`${field} is blank: a zone key result needs commit, target and stretch`);
      return value;
    };
    return {
      kind,
      start,
      commit: needed(commitCell, 'commit'),
      target,
      stretch: needed(stretchCell, 'stretch'),
      current,
    };
  }
  if (kind === 'linear' || kind === 'uncapped') return { kind, target, current, start };
  return { kind, target, current };
}

export function readThresholds(warning: CellValue, critical: CellValue, direction: CellValue): Thresholds {
  return resolveThresholds(
    readNumber(warning, 'warning'),
    readNumber(critical, 'critical'),
    readDirection(direction),
  );
}

/** The cycle two cells give; `fields` names them in messages (the formula's arguments unless given). */
export function readCycle(
  start: CellValue,
  end: CellValue,
  fields: { readonly start: string; readonly end: string } = { start: 'cycle_start', end: 'cycle_end' },
): Cycle {
  const from = readDate(start, fields.start);
  const to = readDate(end, fields.end);
  if (from === null) throw new InputError(`${fields.start} is blank`);
  if (to === null) throw new InputError(`${fields.end} is blank`);
  return checkCycle({ start: from, end: to }, fields);
}

/** The status bands from two cells; a blank one takes its default (0.10 and 0.25). */
export function readPaceBands(
  atRiskGap: CellValue,
  offTrackGap: CellValue,
  names = { atRiskGap: 'at_risk_gap', offTrackGap: 'off_track_gap' },
): PaceBands {
  return checkPaceBands(
    {
      atRiskGap: readNumber(atRiskGap, names.atRiskGap) ?? DEFAULT_PACE_BANDS.atRiskGap,
      offTrackGap: readNumber(offTrackGap, names.offTrackGap) ?? DEFAULT_PACE_BANDS.offTrackGap,
    },
    names,
  );
}

/**
 * A score as a formula reads it from a sheet: a number of 0 or more (above 1 is an uncapped key
 * result's over-achievement), null for a blank; a row that shows another formula's `Error: ...` is an
 * error here too, so a wrong input never passes for a score.
 */
export function readScore(value: CellValue, field: string): number | null {
  if (typeof value === 'string' && value.startsWith('Error:'))
    throw new InputError(`${field} is an error (${value})`);
  const score = readNumber(value, field);
  if (score !== null && score < 0) {
    throw new InputError(`${field} must be 0 or more (a score), got ${describe(value)}`);
  }
  return score;
}
