/**
 * Progress over a cycle, week by week: the average key-result score at each week's end against the
 * expected progress, from the check-in log. The log is sorted once and swept with the weeks, so a call
 * costs O(L log L) for L log rows plus one pass over the K key results' scores per week (K × 14 for a
 * quarter), never K × L.
 */
import { type CellValue, isBlank, readDate, readDone, readNumber } from './cell';
import { krIdOf } from './check-in';
import { startOfDay } from './cycle-dates';
import { type DayCells, endMomentOf, momentOf, SCRIPT_ZONE_DAYS } from './day-cells';
import { describe, InputError } from './errors';
import { type KeyResult, type KeyResultKind, scoreKeyResult } from './key-result';
import { type Cycle, checkCycle, expectedProgress } from './pace';
import { readKeyResultOfKind, readKind } from './read-cells';

/** A key-result row of an OKR table, as its cells hold it. */
export interface KeyResultRow {
  readonly id: CellValue;
  readonly kind: CellValue;
  readonly start: CellValue;
  readonly target: CellValue;
  readonly commit: CellValue;
  readonly stretch: CellValue;
  /** The value the row holds now; when given, the last charted day scores it (see progressByWeek). */
  readonly current?: CellValue;
}

/** The check-in log's columns, row by row. */
export interface ValueLog {
  readonly ids: readonly CellValue[];
  readonly values: readonly CellValue[];
  readonly times: readonly CellValue[];
}

export interface WeekProgress {
  /** A script-local midnight. */
  readonly day: Date;
  /** The average score of the key results that could be scored on the day; null when none could. */
  readonly score: number | null;
  /** The elapsed fraction of the cycle, as OKR_PACE reads it. */
  readonly expected: number;
}

/**
 * The days charted: the cycle's first day, every seventh day after it, and the last day: `asOf`, or
 * the cycle's end once past it. Calendar days, so a change of daylight-saving time moves no week.
 */
export function weekDays(cycle: Cycle, asOf: Date): Date[] {
  const first = startOfDay(cycle.start);
  const last = startOfDay(asOf.getTime() < cycle.end.getTime() ? asOf : cycle.end);
  if (last.getTime() < first.getTime()) {
    throw new InputError(
      `as_of (${describe(asOf)}) is before cycle_start (${describe(cycle.start)}): the cycle has no progress to show yet`,
    );
  }
  const days: Date[] = [];
  for (let week = 0; ; week++) {
    const day = new Date(first.getFullYear(), first.getMonth(), first.getDate() + 7 * week);
    if (day.getTime() >= last.getTime()) break;
    days.push(day);
  }
  days.push(last);
  return days;
}

/** Scores a check-in's value as its key result is scored; `field` names the value in messages. */
type Scorer = (value: CellValue, field: string) => number;

/** The row's scorer; throws when the row itself cannot be scored, whatever the value. */
function scorerOf(row: KeyResultRow): Scorer {
  const kind: KeyResultKind = readKind(row.kind);
  const scorer: Scorer = (cell, field) => {
    const value = kind === 'milestone' ? readDone(cell, field) : readNumber(cell, field);
    const kr = readKeyResultOfKind(kind, value, row.target, row.start, row.commit, row.stretch);
    return scoreKeyResult(kr as KeyResult);
  };
  scorer(kind === 'milestone' ? false : (readNumber(row.start, 'start') ?? 0), 'start');
  return scorer;
}

interface CheckIn {
  readonly time: number;
  readonly id: string;
  readonly value: CellValue;
  readonly field: string;
}

/**
 * The check-ins of the charted key results from the cycle's first day to the end of `lastDay`, oldest
 * first; of two at the same time the later row comes last. A row without a readable time is reported.
 */
function checkInsOf(
  log: ValueLog,
  counted: ReadonlyMap<string, unknown>,
  from: number,
  until: number,
  report: (id: string, message: string) => void,
): CheckIn[] {
  const checkIns: CheckIn[] = [];
  log.ids.forEach((cell, i) => {
    const id = krIdOf(cell);
    const value = log.values[i];
    if (id === null || !counted.has(id) || isBlank(value)) return;
    try {
      const at = readDate(log.times[i], `log_times #${i + 1}`);
      if (at === null)
        throw new InputError(
          `log_times #${i + 1} is blank but log_values #${i + 1} holds ${describe(value)}`,
        );
      const time = at.getTime();
      if (time >= from && time < until) checkIns.push({ time, id, value, field: `log_values #${i + 1}` });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      report(id, error.message);
    }
  });
  return checkIns.sort((a, b) => a.time - b.time); // stable: rows at one time keep the log's order
}

/**
 * The chart's rows. A key result's score on a day is that of its latest check-in value by the day's
 * end (check-ins before the cycle's first day belong to earlier cycles), 0 before its first. The cycle
 * and `asOf` are script-local days; `days` tells the instants the spreadsheet's days start and end. On
 * the last day charted, a row's current value (when it has one) is its score: where it stands now, as
 * the OKRs sheet scores it, checked in or typed (a team that types values has no log to replay). A key
 * result that cannot be scored (a bad row, a bad value, a check-in without a time) is left out of the
 * days it affects; rows without a KR ID are no key results. When no key result can be scored on any
 * day, the first problem is thrown, naming the key result.
 */
export function progressByWeek(
  rows: readonly KeyResultRow[],
  log: ValueLog,
  cycle: Cycle,
  asOf: Date,
  days: DayCells = SCRIPT_ZONE_DAYS,
): WeekProgress[] {
  checkCycle(cycle);
  const charted = weekDays(cycle, asOf);
  let problem: string | null = null;
  const report = (id: string, message: string) => {
    problem ??= `key result ${describe(id)}: ${message}`;
  };
  /** Per key result: its scorer (null when its row cannot be scored) and its score now. */
  const scorers: (Scorer | null)[] = [];
  const scores: (number | null)[] = [];
  const indexesById = new Map<string, number[]>();
  for (const row of rows) {
    const id = krIdOf(row.id);
    if (id === null) continue;
    let scorer: Scorer | null = null;
    try {
      scorer = scorerOf(row);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      report(id, error.message);
    }
    indexesById.set(id, [...(indexesById.get(id) ?? []), scores.length]);
    scorers.push(scorer);
    scores.push(scorer === null ? null : 0);
  }
  const from = momentOf(startOfDay(cycle.start), days);
  const until = endMomentOf(charted[charted.length - 1] as Date, days);
  const broken = new Set<string>();
  const checkIns = checkInsOf(log, indexesById, from, until, (id, message) => {
    broken.add(id);
    report(id, message);
  });
  for (const id of broken) for (const k of indexesById.get(id) ?? []) scorers[k] = scores[k] = null;
  let next = 0;
  let scoredAny = false;
  const weeks = charted.map((day) => {
    const end = endMomentOf(day, days);
    for (; next < checkIns.length && (checkIns[next] as CheckIn).time < end; next++) {
      const { id, value, field } = checkIns[next] as CheckIn;
      for (const k of indexesById.get(id) ?? []) {
        const scorer = scorers[k];
        if (!scorer) continue;
        try {
          scores[k] = scorer(value, field);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          scores[k] = null;
          report(id, error.message);
        }
      }
    }
    if (day === charted[charted.length - 1]) scoreCurrents(rows, scorers, scores, report);
    const score = meanOf(scores);
    scoredAny ||= score !== null;
    return { day, score, expected: expectedProgress(cycle, day) };
  });
  if (!scoredAny && problem !== null) throw new InputError(problem);
  return weeks;
}

/** Each key result that holds a current value scored by it (rows without a KR ID are no key results). */
function scoreCurrents(
  rows: readonly KeyResultRow[],
  scorers: (Scorer | null)[],
  scores: (number | null)[],
  report: (id: string, message: string) => void,
): void {
  let k = 0;
  for (const row of rows) {
    const id = krIdOf(row.id);
    if (id === null) continue;
    const scorer = scorers[k];
    if (scorer && row.current !== undefined && !isBlank(row.current)) {
      try {
        scores[k] = scorer(row.current, `current of ${id}`);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        scores[k] = null;
        report(id, error.message);
      }
    }
    k++;
  }
}

/** The mean of the scores present; null when none is. Scores are 0 or more and finite. */
function meanOf(scores: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const score of scores) {
    if (score === null) continue;
    sum += score;
    count++;
  }
  if (count === 0) return null;
  if (Number.isFinite(sum)) return sum / count;
  // Uncapped scores near the largest double overflow their sum: average their shares instead.
  let mean = 0;
  for (const score of scores) if (score !== null) mean += score / count;
  return mean;
}
