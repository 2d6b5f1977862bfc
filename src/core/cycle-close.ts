/**
 * Closing a cycle: reflect (archive each key result's final score, grade and last words) and reset
 * (the next cycle's dates, and which key results carry over). The archive sheet's name is the guard
 * against closing the same cycle twice.
 */
import { type CellValue, isBlank } from './cell';
import { type NamedCycle, quarterOf } from './cycle-dates';
import { describe, InputError } from './errors';
import { gradeOf } from './objective';
import { checkCycle } from './pace';
import { readKind } from './read-cells';
import { DAY_MS } from './sheets-dates';

/** A key result as the OKR table holds it at the close; cells come as read. */
export interface ClosingKeyResult {
  readonly id: string;
  readonly objective: CellValue;
  readonly keyResult: CellValue;
  readonly owner: CellValue;
  /** The kind cell as typed ("Increase to", "milestone", blank for linear). */
  readonly kind: CellValue;
  readonly start: CellValue;
  readonly target: CellValue;
  readonly current: CellValue;
  readonly weight?: CellValue;
  readonly linkedKpi?: CellValue;
  /** The final score in 0..1, or null when the key result was never measured. */
  readonly score: number | null;
  readonly status: CellValue;
  readonly lastConfidence: CellValue;
  readonly lastComment: CellValue;
  /** For an objective left blank under one written above: the KR ID of the row that wrote it. */
  readonly inheritsObjectiveFrom?: string;
}

export const ARCHIVE_HEADERS = [
  'Objective',
  'Key result',
  'Owner',
  'Final score',
  'Grade',
  'Final status',
  'Last confidence',
  'Last comment',
  'KR ID',
  'Cycle',
] as const;

export const NOT_SCORED = 'not scored';

const cell = (value: CellValue): CellValue => value ?? '';

function cycleName(cycle: NamedCycle): string {
  const name = cycle.name.trim();
  if (name === '')
    throw new InputError('cycle name is blank: name the cycle (e.g. "2026 Q4") before closing it');
  return name;
}

/** The archive sheet of a cycle: "Archive 2026 Q4". */
export function archiveSheetName(cycle: NamedCycle): string {
  return `Archive ${cycleName(cycle)}`;
}

/** True when the cycle's archive sheet exists (sheet names compared as Sheets does, ignoring case). */
export function alreadyArchived(existingSheetNames: readonly string[], cycle: NamedCycle): boolean {
  const wanted = archiveSheetName(cycle).toLowerCase();
  return existingSheetNames.some((name) => name.trim().toLowerCase() === wanted);
}

function checkScore(kr: ClosingKeyResult): number | null {
  const { score } = kr;
  if (score !== null && !(score >= 0 && Number.isFinite(score)))
    throw new InputError(
      `score of key result ${kr.id} must be a number of 0 or more, got ${describe(score)}`,
    );
  return score;
}

/** One archive row per key result, in ARCHIVE_HEADERS order. */
export function archiveRows(krs: readonly ClosingKeyResult[], cycle: NamedCycle): CellValue[][] {
  const name = cycleName(cycle);
  return krs.map((kr) => {
    const score = checkScore(kr);
    return [
      cell(kr.objective),
      cell(kr.keyResult),
      cell(kr.owner),
      score ?? '',
      score === null ? NOT_SCORED : gradeOf(score),
      cell(kr.status),
      cell(kr.lastConfidence),
      cell(kr.lastComment),
      kr.id,
      name,
    ];
  });
}

const sameDate = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** The last day of the month `month` months after `date`'s month (0 = its own). */
const monthEnd = (date: Date, month: number) => new Date(date.getFullYear(), date.getMonth() + month + 1, 0);

/**
 * The cycle after this one. A calendar quarter is followed by the next ("2026 Q4" -> "2027 Q1"); a
 * cycle of whole calendar months by as many months (a half-year by the next half); any other by a
 * cycle as many days long starting the day after the end. Only quarters can be named by rule; other
 * cycles are named "<name> (next)" for the team to rename.
 */
export function nextCycle(cycle: NamedCycle): NamedCycle {
  checkCycle(cycle);
  const { start, end } = cycle;
  const dayAfter = new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1);
  const quarter = quarterOf(start);
  if (sameDate(start, quarter.start) && sameDate(end, quarter.end)) return quarterOf(dayAfter);
  const name = `${cycleName(cycle)} (next)`;
  if (start.getDate() === 1 && sameDate(end, monthEnd(end, 0))) {
    const months = (end.getFullYear() - start.getFullYear()) * 12 + end.getMonth() - start.getMonth() + 1;
    return { name, start: dayAfter, end: monthEnd(dayAfter, months - 1) };
  }
  // Calendar days, counted on dates so a daylight-saving change cannot shift the length.
  const days = Math.round(
    (Date.UTC(end.getFullYear(), end.getMonth(), end.getDate()) -
      Date.UTC(start.getFullYear(), start.getMonth(), start.getDate())) /
      DAY_MS,
  );
  return {
    name,
    start: dayAfter,
    end: new Date(dayAfter.getFullYear(), dayAfter.getMonth(), dayAfter.getDate() + days),
  };
}

export type CarryChoice = 'all' | 'unfinished' | 'none';

/** A key result in the next cycle's table; the keys are the OKR table's field names. */
export type CarriedKeyResult = Pick<
  ClosingKeyResult,
  'id' | 'objective' | 'keyResult' | 'owner' | 'kind' | 'start' | 'target' | 'current'
> & { readonly weight: CellValue; readonly linkedKpi: CellValue; readonly confidence: CellValue };

/** Finished means scored 1; a key result never measured is unfinished. */
export function isFinished(kr: ClosingKeyResult): boolean {
  const score = checkScore(kr);
  return score !== null && score >= 1;
}

function isMilestone(kind: CellValue): boolean {
  try {
    return readKind(kind) === 'milestone';
  } catch (error) {
    if (error instanceof InputError) return false; // an unreadable kind stays as typed, for the team to fix
    throw error;
  }
}

/**
 * The key results that go on into the next cycle. Each keeps its ID, so its check-in history stays
 * linked across cycles, and its objective, owner, kind, target, weight and linked KPI. It starts from
 * where it ended: its current value becomes its start (the old start when it was never measured),
 * and current and confidence are blank until the first check-in. A milestone has no start: it begins
 * not done again, its current blank like any other.
 */
export function carryOver(krs: readonly ClosingKeyResult[], choice: CarryChoice): CarriedKeyResult[] {
  if (choice === 'none') return [];
  const carried = choice === 'all' ? krs : krs.filter((kr) => !isFinished(kr));
  return carried.map((kr) => {
    const milestone = isMilestone(kr.kind);
    return {
      id: kr.id,
      objective: cell(kr.objective),
      keyResult: cell(kr.keyResult),
      owner: cell(kr.owner),
      kind: cell(kr.kind),
      start: milestone ? '' : isBlank(kr.current) ? cell(kr.start) : cell(kr.current),
      target: cell(kr.target),
      current: '',
      weight: cell(kr.weight),
      confidence: '',
      linkedKpi: cell(kr.linkedKpi),
    };
  });
}
