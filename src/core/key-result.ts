/**
 * Key results and their score. A score is progress from 0 to 1: over-achievement scores 1 and
 * regression 0, so one runaway key result cannot hide the others in an objective's roll-up. A team
 * that wants over-achievement to show picks `uncapped` (1.2 for 20% past the target); one that grades
 * in zones picks `zone` (commit 0.3, target 0.7, stretch 1.0).
 */
import { describe, InputError } from './errors';

/**
 * Linear: from `start` to `target`, either way ("increase to" or "decrease to"). `uncapped` is the same
 * line not clamped above 1.
 */
export interface LinearKeyResult {
  readonly kind: 'linear' | 'uncapped';
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

/** Graded zones: start..commit scores 0..0.3, commit..target 0.3..0.7, target..stretch 0.7..1. */
export interface ZoneKeyResult {
  readonly kind: 'zone';
  readonly start: number;
  readonly commit: number;
  readonly target: number;
  readonly stretch: number;
  readonly current: number;
}

export type KeyResult = LinearKeyResult | LevelKeyResult | MilestoneKeyResult | ZoneKeyResult;
export type KeyResultKind = KeyResult['kind'];

export const KEY_RESULT_KINDS: readonly KeyResultKind[] = [
  'linear',
  'uncapped',
  'at_least',
  'at_most',
  'milestone',
  'zone',
];

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
  uncapped: 'uncapped',
  'no cap': 'uncapped',
  zone: 'zone',
  zones: 'zone',
  graded: 'zone',
};

/** The score at each zone's upper edge, from start (0) to stretch (1). */
export const ZONE_SCORES = { start: 0, commit: 0.3, target: 0.7, stretch: 1 } as const;
const ZONE_EDGES = ['start', 'commit', 'target', 'stretch'] as const;

/**
 * The zone score. The four values must run one way, all increasing or all decreasing (a key result to
 * cut something mirrors one to grow it); anything else has no zones to read and is an error naming them.
 */
export function zoneScore(kr: ZoneKeyResult): number {
  const direction = Math.sign(kr.stretch - kr.commit);
  for (let i = 1; i < ZONE_EDGES.length; i++) {
    const low = ZONE_EDGES[i - 1] as (typeof ZONE_EDGES)[number];
    const high = ZONE_EDGES[i] as (typeof ZONE_EDGES)[number];
    if (direction === 0 || Math.sign(kr[high] - kr[low]) !== direction) {
      const list = ZONE_EDGES.map((edge) => `${edge} ${describe(kr[edge])}`).join(', ');
      throw new InputError(
        `start, commit, target and stretch must all increase or all decrease, got ${list} (${low} to ${high} does not)`,
      );
    }
  }
  const at = direction * kr.current;
  if (at <= direction * kr.start) return 0;
  for (let i = 1; i < ZONE_EDGES.length; i++) {
    const low = ZONE_EDGES[i - 1] as (typeof ZONE_EDGES)[number];
    const high = ZONE_EDGES[i] as (typeof ZONE_EDGES)[number];
    const top = direction * kr[high];
    if (at < top) {
      const bottom = direction * kr[low];
      return ZONE_SCORES[low] + ((ZONE_SCORES[high] - ZONE_SCORES[low]) * (at - bottom)) / (top - bottom);
    }
  }
  return 1;
}

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

/**
 * The key result's score: 0..1, above 1 only when uncapped. A linear key result whose target equals
 * its start has no direction.
 */
export function scoreKeyResult(kr: KeyResult): number {
  switch (kr.kind) {
    case 'linear':
    case 'uncapped': {
      const span = kr.target - kr.start;
      if (span === 0) {
        throw new InputError(
          `target (${describe(kr.target)}) equals start (${describe(kr.start)}): ${kr.kind === 'linear' ? 'a linear' : 'an uncapped'} key result needs a distance to cover; use at_least or at_most to hold a level`,
        );
      }
      const progress = linearProgress(kr);
      // Uncapped progress beyond any double is shown as the largest one, never Infinity.
      return kr.kind === 'linear' ? clamp01(progress) : Math.min(Math.max(progress, 0), Number.MAX_VALUE);
    }
    case 'zone':
      return zoneScore(kr);
    case 'at_least':
      return kr.current >= kr.target ? 1 : 0;
    case 'at_most':
      return kr.current <= kr.target ? 1 : 0;
    case 'milestone':
      return kr.done ? 1 : 0;
  }
}
