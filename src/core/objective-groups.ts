/**
 * The key results of a table grouped by objective, read as a person reads the table: an objective
 * written once, on its first key result's row, holds the rows below it too (carry-down).
 */

import { carryObjectivesDown } from './carry-down';
import { type CellValue, isBlank, readNumber } from './cell';
import { describe, InputError } from './errors';
import type { WeightedScore } from './objective';
import { readScore } from './read-cells';

/** An objective's name as the add-on compares it: trimmed, case-sensitive. */
export function objectiveKey(cell: CellValue): string | null {
  return isBlank(cell) ? null : String(cell).trim();
}

/** One objective of a key-results table. */
export interface ObjectiveGroup {
  readonly key: string;
  /** The objective's cell as first typed. */
  readonly shown: CellValue;
  /** Its key results: rows holding its name, or carrying it down with a score of their own. */
  count: number;
  readonly scores: WeightedScore[];
  /** The first of its rows that cannot be read (a bad score or weight), if any. */
  problem: string | null;
}

/** The columns of a key-results table as a formula names them. */
export interface KeyResultColumns {
  readonly objectives: readonly CellValue[];
  readonly scores: readonly CellValue[];
  /** The row's weight cell; blank weighs 1. */
  readonly weightAt: (row: number) => CellValue;
}

function readWeight(cell: CellValue, field: string): number {
  const weight = readNumber(cell, field);
  if (weight !== null && weight < 0)
    throw new InputError(`${field} must be 0 or more, got ${describe(cell)}`);
  return weight ?? 1;
}

/**
 * The objectives in first-seen order with their key results. Rows with neither an objective nor a
 * score are skipped (the blank rows under a table); a score with no objective above it belongs to none.
 * A row that cannot be read spoils its own objective only, named by its 1-based row in the range.
 */
export function groupKeyResults({ objectives, scores, weightAt }: KeyResultColumns): ObjectiveGroup[] {
  const carried = carryObjectivesDown(objectives);
  const groups = new Map<string, ObjectiveGroup>();
  for (const [i, cell] of carried.entries()) {
    const scoreCell = scores[i];
    const key = objectiveKey(cell);
    if (key === null || (isBlank(objectives[i]) && isBlank(scoreCell))) continue;
    let group = groups.get(key);
    if (!group) {
      group = { key, shown: cell, count: 0, scores: [], problem: null };
      groups.set(key, group);
    }
    group.count++;
    if (group.problem !== null) continue;
    try {
      const score = readScore(scoreCell, `kr_scores #${i + 1}`);
      if (score !== null)
        group.scores.push({ score, weight: readWeight(weightAt(i), `kr_weights #${i + 1}`) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      group.problem = error.message;
    }
  }
  return [...groups.values()];
}
