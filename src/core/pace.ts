/**
 * Pace: is a key result where it should be by now? Expected progress is the elapsed fraction of the
 * cycle (0 on the first day, 1 on the last); the pace is the score minus it, and the status reads the
 * pace against two bands a team may set.
 */
import { describe, InputError } from './errors';
import { clamp01 } from './key-result';

export type OkrStatus = 'Not started' | 'On track' | 'At risk' | 'Off track' | 'Done';

/**
 * How far behind the expected progress a score may fall. Up to `atRiskGap` behind is On track (by
 * default 0.10, a week or so of a quarter), up to `offTrackGap` At risk (0.25: recoverable with a
 * push), further behind Off track.
 */
export interface PaceBands {
  readonly atRiskGap: number;
  readonly offTrackGap: number;
}

export const DEFAULT_PACE_BANDS: PaceBands = { atRiskGap: 0.1, offTrackGap: 0.25 };

/** Both gaps in 0..1 and the at-risk gap no wider than the off-track one; errors use `names`. */
export function checkPaceBands(
  bands: PaceBands,
  names: { readonly atRiskGap: string; readonly offTrackGap: string } = {
    atRiskGap: 'at_risk_gap',
    offTrackGap: 'off_track_gap',
  },
): PaceBands {
  for (const key of ['atRiskGap', 'offTrackGap'] as const) {
    const gap = bands[key];
    if (!(gap >= 0 && gap <= 1)) {
      throw new InputError(`${names[key]} must be between 0 and 1 (0% to 100%), got ${describe(gap)}`);
    }
  }
  if (bands.atRiskGap > bands.offTrackGap) {
    throw new InputError(
      `${names.atRiskGap} (${describe(bands.atRiskGap)}) must not be more than ${names.offTrackGap} (${describe(bands.offTrackGap)})`,
    );
  }
  return bands;
}

export interface Cycle {
  readonly start: Date;
  readonly end: Date;
}

export function checkCycle(
  cycle: Cycle,
  fields: { readonly start: string; readonly end: string } = { start: 'cycle_start', end: 'cycle_end' },
): Cycle {
  if (!(cycle.end.getTime() > cycle.start.getTime())) {
    throw new InputError(
      `${fields.end} (${describe(cycle.end)}) must be after ${fields.start} (${describe(cycle.start)})`,
    );
  }
  return cycle;
}

/** Elapsed fraction of the cycle at `asOf`, clamped to 0..1. */
export function expectedProgress(cycle: Cycle, asOf: Date): number {
  const { start, end } = checkCycle(cycle);
  const fraction = (asOf.getTime() - start.getTime()) / (end.getTime() - start.getTime());
  return clamp01(fraction);
}

/** The score minus the expected progress: -0.12 is 12 points behind, +0.05 five points ahead. */
export function pace(score: number, cycle: Cycle, asOf: Date): number {
  return score - expectedProgress(cycle, asOf);
}

// Scores and dates are not exact: a score a hair under a band's edge still counts as on it.
const EDGE = 1e-9;

export function okrStatus(
  score: number,
  cycle: Cycle,
  asOf: Date,
  bands: PaceBands = DEFAULT_PACE_BANDS,
): OkrStatus {
  const behind = -pace(score, cycle, asOf);
  if (score >= 1) return 'Done';
  if (asOf.getTime() < cycle.start.getTime()) return 'Not started';
  if (behind <= bands.atRiskGap + EDGE) return 'On track';
  if (behind <= bands.offTrackGap + EDGE) return 'At risk';
  return 'Off track';
}
