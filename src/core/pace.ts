/**
 * Pace: is a key result where it should be by now? Expected progress is the elapsed fraction of the
 * cycle (0 on the first day, 1 on the last); the status compares the score with it.
 */
import { describe, InputError } from './errors';
import { clamp01 } from './key-result';

export type OkrStatus = 'Not started' | 'On track' | 'At risk' | 'Off track' | 'Done';

/**
 * How far behind the expected progress a score may be. Up to 0.1 behind is On track (a week or so of
 * a quarter), up to 0.25 behind At risk (recoverable with a push), further behind Off track.
 */
export const PACE_BANDS = { onTrackWithin: 0.1, atRiskWithin: 0.25 } as const;

export interface Cycle {
  readonly start: Date;
  readonly end: Date;
}

export function checkCycle(cycle: Cycle): Cycle {
  if (!(cycle.end.getTime() > cycle.start.getTime())) {
    throw new InputError(
      `cycle_end (${describe(cycle.end)}) must be after cycle_start (${describe(cycle.start)})`,
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

export function okrStatus(score: number, cycle: Cycle, asOf: Date): OkrStatus {
  const expected = expectedProgress(cycle, asOf);
  if (score >= 1) return 'Done';
  if (asOf.getTime() < cycle.start.getTime()) return 'Not started';
  const behind = expected - score;
  if (behind <= PACE_BANDS.onTrackWithin + 1e-9) return 'On track';
  if (behind <= PACE_BANDS.atRiskWithin + 1e-9) return 'At risk';
  return 'Off track';
}
