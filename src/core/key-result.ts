/**
 * Key results and their score. A score is progress from 0 to 1: over-achievement scores 1 and
 * regression 0, so one runaway key result cannot hide the others in an objective's roll-up.
 */
import { describe, InputError } from './errors';

/** Linear: from `start` to `target`, either way ("increase to" or "decrease to"). */
export interface LinearKeyResult {
  readonly kind: 'linear';
  readonly start: number;
  readonly target: number;
  readonly current: number;
}

/** A level to hold: met (1) or not (0). */
export interface LevelKeyResult {
  readonly kind: 'at_least' | 'at_most';
  readonly target: number;
  readonly current: number;
}

/** Done or not done. */
export interface MilestoneKeyResult {
  readonly kind: 'milestone';
  readonly done: boolean;
}

export type KeyResult = LinearKeyResult | LevelKeyResult | MilestoneKeyResult;
export type KeyResultKind = KeyResult['kind'];

export const KEY_RESULT_KINDS: readonly KeyResultKind[] = ['linear', 'at_least', 'at_most', 'milestone'];

/** Spellings people use for each kind, keyed lower-case with single spaces. */
export const KIND_SPELLINGS: Readonly<Record<string, KeyResultKind>> = {
  linear: 'linear',
  'increase to': 'linear',
  'decrease to': 'linear',
  'at least': 'at_least',
  '>=': 'at_least',
  'at most': 'at_most',
  '<=': 'at_most',
  milestone: 'milestone',
  'done/not done': 'milestone',
};

export function clamp01(x: number): number {
  return Math.min(Math.max(x, 0), 1);
}

/**
 * (current - start) / (target - start), computed so that no difference can overflow: when one would
 * (values beyond about ±9e307), the values are halved first, which is exact at that size. The
 * quotient may still be ±Infinity (progress beyond any double), which the score clamps.
 */
function linearProgress({ start, target, current }: LinearKeyResult): number {
  const span = target - start;
  const done = current - start;
  if (Number.isFinite(span) && Number.isFinite(done)) return done / span;
  return (current / 2 - start / 2) / (target / 2 - start / 2);
}

/** The key result's score in 0..1. A linear key result whose target equals its start has no direction. */
export function scoreKeyResult(kr: KeyResult): number {
  switch (kr.kind) {
    case 'linear': {
      const span = kr.target - kr.start;
      if (span === 0) {
        throw new InputError(
          `target (${describe(kr.target)}) equals start (${describe(kr.start)}): a linear key result needs a distance to cover; use at_least or at_most to hold a level`,
        );
      }
      return clamp01(linearProgress(kr));
    }
    case 'at_least':
      return kr.current >= kr.target ? 1 : 0;
    case 'at_most':
      return kr.current <= kr.target ? 1 : 0;
    case 'milestone':
      return kr.done ? 1 : 0;
  }
}
