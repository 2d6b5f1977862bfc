/**
 * Confidence trend: a key result whose owner grew less sure over the last two check-ins while its
 * score did not rise is a warning sign worth a look before it shows in the score.
 */
import type { CellValue } from './cell';
import { CONFIDENCE_WORD_LEVELS, type Confidence, parseConfidence } from './check-in';
import { InputError } from './errors';
import { scoreRow } from './evaluate-table';
import { type ColumnMap, cellOf } from './tables';

/** A fall of this much (on the 1-10 scale) from one check-in to the next is flagged. */
export const CONFIDENCE_FALL = 3;

function level(confidence: Confidence | undefined): number | null {
  if (confidence === undefined) return null;
  return typeof confidence === 'number' ? confidence : CONFIDENCE_WORD_LEVELS[confidence];
}

export interface TrendCheckIn {
  readonly value: CellValue;
  readonly confidence: CellValue;
}

export interface ConfidenceFall {
  readonly from: Confidence;
  readonly to: Confidence;
}

/**
 * The fall between the previous and the latest check-in (`history` newest first), or null. `scoreOf`
 * scores a check-in's value as the key result is scored now; a value it cannot score (null or a
 * throw) means no judgement, so no flag.
 */
export function confidenceFall(
  history: readonly TrendCheckIn[],
  scoreOf: (value: CellValue) => number | null,
): ConfidenceFall | null {
  const [latest, previous] = history;
  if (!latest || !previous) return null;
  const to = parseConfidence(String(latest.confidence ?? ''));
  const from = parseConfidence(String(previous.confidence ?? ''));
  const now = level(to);
  const before = level(from);
  if (now === null || before === null || before - now < CONFIDENCE_FALL) return null;
  try {
    const scoreNow = scoreOf(latest.value);
    const scoreBefore = scoreOf(previous.value);
    if (scoreNow === null || scoreBefore === null || scoreNow > scoreBefore) return null;
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
  return { from: from as Confidence, to: to as Confidence };
}

export function describeConfidenceFall(fall: ConfidenceFall): string {
  return `Confidence falling (${fall.from} to ${fall.to})`;
}

/** Each key-result row's signal from its check-ins (by KR ID, newest first): the fall, or ''. */
export function okrSignals(
  rows: readonly (readonly CellValue[])[],
  map: ColumnMap,
  historyById: ReadonlyMap<string, readonly TrendCheckIn[]>,
): string[] {
  return rows.map((row) => {
    const history = historyById.get(String(cellOf(row, map, 'id') ?? '').trim());
    const fall = history ? confidenceFall(history, (value) => scoreRow(row, map, value)) : null;
    return fall ? describeConfidenceFall(fall) : '';
  });
}
