/** An objective's score: the weighted mean of its key results' scores. */
import { describe, InputError } from './errors';

export interface WeightedScore {
  readonly score: number;
  /** Relative importance; 0 leaves the key result out. */
  readonly weight: number;
}

/**
 * Weighted mean of the scores; null when there is nothing to average (no scores, or every weight 0).
 * Weights are taken relative to the largest, so neither huge weights (near 1e308) overflow their sum
 * nor tiny ones (near 5e-324) vanish in a product; the mean stays within the scores it averages.
 */
export function rollUp(items: readonly WeightedScore[]): number | null {
  let largest = 0;
  for (const [i, { score, weight }] of items.entries()) {
    // Above 1 is an uncapped key result's over-achievement, which the roll-up takes as scored.
    if (!(score >= 0 && Number.isFinite(score)))
      throw new InputError(`score #${i + 1} must be a number of 0 or more, got ${describe(score)}`);
    if (!(weight >= 0 && Number.isFinite(weight))) {
      throw new InputError(`weight #${i + 1} must be a number of 0 or more, got ${describe(weight)}`);
    }
    largest = Math.max(largest, weight);
  }
  if (largest === 0) return null;
  let weighted = 0;
  let total = 0;
  let low = 1;
  let high = 0;
  for (const { score, weight } of items) {
    if (weight === 0) continue;
    const share = weight / largest;
    weighted += score * share;
    total += share;
    low = Math.min(low, score);
    high = Math.max(high, score);
  }
  // Rounding may carry the mean an ulp past the scores it averages.
  return Math.min(high, Math.max(low, weighted / total));
}

/** Google's grading bands for a final OKR score. */
export type Grade = 'red' | 'yellow' | 'green';

/**
 * Where each band starts. Google grades on tenths: 0–0.3 red (no real progress), 0.4–0.6 yellow
 * (progress, short of done), 0.7–1 green (delivered); a score between tenths takes the band of the
 * tenth it rounds to, so 0.35 is yellow and 0.65 green. Conditional-format rules use the same bounds.
 */
export const GRADE_BANDS = { yellowFrom: 0.35, greenFrom: 0.65 } as const;

export function gradeOf(score: number): Grade {
  if (score < GRADE_BANDS.yellowFrom) return 'red';
  if (score < GRADE_BANDS.greenFrom) return 'yellow';
  return 'green';
}
