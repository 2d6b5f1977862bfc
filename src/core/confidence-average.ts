/**
 * The team's confidence on a day: each key result's latest confidence recorded by the end of that day,
 * averaged over the key results. Read from the Check-ins log, so any past day can be asked (the
 * dashboard compares today with two weeks ago).
 */
import { type CellValue, isBlank, isSheetsError, parseNumericText, readDate } from './cell';
import { CONFIDENCE_WORD_LEVELS, type ConfidenceWord, krIdOf } from './check-in';
import { type DayCells, endMomentOf, SCRIPT_ZONE_DAYS } from './day-cells';
import { describe, InputError } from './errors';

/** A confidence on the 0-10 scale: a number, or a word at its level ("at risk" is 5); null for a blank. */
export function readConfidence(value: CellValue, field: string): number | null {
  if (isBlank(value)) return null;
  const level =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? (CONFIDENCE_WORD_LEVELS[value.trim().toLowerCase() as ConfidenceWord] ?? parseNumericText(value))
        : undefined;
  if (level !== undefined && level >= 0 && level <= 10) return level;
  if (isSheetsError(value)) throw new InputError(`${field} is ${value.trim()} (the cell holds an error)`);
  throw new InputError(
    `${field} must be a confidence from 0 to 10 (or on track, at risk, off track), got ${describe(value)}`,
  );
}

/** The log's columns, row by row. */
export interface ConfidenceLog {
  readonly ids: readonly CellValue[];
  readonly confidences: readonly CellValue[];
  readonly times: readonly CellValue[];
}

/**
 * The mean over key results of each one's latest confidence recorded by the end of `day` (a
 * script-local midnight; the day ends as the spreadsheet's `days` tell); null when none has one.
 * With `only`, only those key results count (a deleted key result's check-ins do not). A check-in
 * without a confidence leaves the one before in place; of two at the same time the later row wins, as
 * it was logged last. Only the rows that count are read, each once.
 */
export function averageConfidence(
  log: ConfidenceLog,
  day: Date,
  only?: ReadonlySet<string>,
  days: DayCells = SCRIPT_ZONE_DAYS,
): number | null {
  const until = endMomentOf(day, days);
  const latest = new Map<string, { readonly time: number; readonly level: number }>();
  log.ids.forEach((cell, i) => {
    const id = krIdOf(cell);
    const confidence = log.confidences[i];
    if (id === null || (only !== undefined && !only.has(id)) || isBlank(confidence)) return;
    const at = readDate(log.times[i], `log_times #${i + 1}`);
    if (at === null) {
      throw new InputError(
        `log_times #${i + 1} is blank but log_confidences #${i + 1} holds ${describe(confidence)}`,
      );
    }
    const time = at.getTime();
    if (time >= until) return;
    const level = readConfidence(confidence, `log_confidences #${i + 1}`) as number;
    const seen = latest.get(id);
    if (seen === undefined || time >= seen.time) latest.set(id, { time, level });
  });
  if (latest.size === 0) return null;
  let sum = 0;
  for (const { level } of latest.values()) sum += level;
  return sum / latest.size;
}
