/**
 * The whole close of a cycle, worked out from one read before anything is written: the archive rows,
 * what each key-result row becomes, and the next cycle. The plan is recorded before the first write,
 * so a close that stops midway (a failed service call, the 6-minute limit) is finished by the next
 * attempt from the same plan. Every write the plan leads to sets cells to absolute values, found by
 * key-result ID, so applying it twice gives what applying it once gives.
 *
 * Rows stay where they are: a carried key result keeps its row, and so its ID and the team's own
 * cells beside it; only its start, current, confidence and last check-in change. The row of a key
 * result that is not carried is emptied (its inputs, last check-in and ID).
 */
import { type CellValue, isBlank } from './cell';
import {
  archiveRows,
  archiveSheetName,
  type CarryChoice,
  type ClosingKeyResult,
  carryOver,
  nextCycle,
} from './cycle-close';
import type { NamedCycle } from './cycle-dates';
import { InputError } from './errors';
import { isDate } from './is-date';
import { type ColumnMap, cellOf, type Field, inputsOf } from './tables';

/** What one key-result row becomes, found by its ID. */
export type RowReset =
  | {
      readonly kind: 'carry';
      readonly id: string;
      /** The cells that change, by field: start, current, confidence, last check-in. */
      readonly cells: Readonly<Partial<Record<Field, CellValue>>>;
    }
  | { readonly kind: 'clear'; readonly id: string };

export interface ClosePlan {
  /** The cycle being closed, as the settings held it. */
  readonly cycle: NamedCycle;
  readonly next: NamedCycle;
  /** The spreadsheet's day of the close: the next cycle's as-of date. */
  readonly today: Date;
  readonly choice: CarryChoice;
  readonly archive: { readonly sheet: string; readonly rows: readonly (readonly CellValue[])[] };
  readonly resets: readonly RowReset[];
}

/** Plans the close of `cycle` for these key results (every OKR table's, in table order). */
export function planClose(
  krs: readonly ClosingKeyResult[],
  cycle: NamedCycle,
  choice: CarryChoice,
  today: Date,
): ClosePlan {
  const carried = new Map(carryOver(krs, choice).map((c) => [c.id, c]));
  const resets = krs.map((kr): RowReset => {
    const next = carried.get(kr.id);
    if (!next) return { kind: 'clear', id: kr.id };
    const cells = { start: next.start, current: next.current, confidence: next.confidence, lastCheckIn: '' };
    // The row that wrote this key result's objective is emptied: the objective is written here instead.
    const source = kr.inheritsObjectiveFrom;
    const orphaned = source !== undefined && !carried.has(source);
    return { kind: 'carry', id: kr.id, cells: orphaned ? { ...cells, objective: next.objective } : cells };
  });
  return {
    cycle,
    next: nextCycle(cycle),
    today,
    choice,
    archive: { sheet: archiveSheetName(cycle), rows: archiveRows(krs, cycle) },
    resets,
  };
}

/** Key results a plan carries over. */
export function carriedCount(plan: ClosePlan): number {
  return plan.resets.filter((r) => r.kind === 'carry').length;
}

/** Whether `cycle` is the one the plan closes (same name and days). */
export function sameCycle(a: NamedCycle, b: NamedCycle): boolean {
  return a.name === b.name && a.start.getTime() === b.start.getTime() && a.end.getTime() === b.end.getTime();
}

/** A block of cells to set in one setValues: top-left at (row, column), 1-based. */
export interface CellBlock {
  readonly row: number;
  readonly column: number;
  readonly values: CellValue[][];
}

const CLEARED: readonly Field[] = [...inputsOf('okr'), 'lastCheckIn', 'id'];

function idOf(row: readonly CellValue[], map: ColumnMap): string {
  const id = cellOf(row, map, 'id');
  return isBlank(id) ? '' : String(id).trim();
}

/** Column -> value for one row; only columns the table has. */
function rowCells(reset: RowReset, map: ColumnMap): Map<number, CellValue> {
  const cells = new Map<number, CellValue>();
  const fields = reset.kind === 'clear' ? CLEARED : (Object.keys(reset.cells) as Field[]);
  for (const field of fields) {
    const column = map[field];
    if (column === undefined) continue;
    cells.set(column, reset.kind === 'clear' ? '' : (reset.cells[field] ?? ''));
  }
  return cells;
}

/** Splits sorted numbers into runs of consecutive ones: [2,3,4,7,8] -> [[2,3,4],[7,8]]. */
function consecutiveRuns(sorted: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && (last[last.length - 1] as number) + 1 === n) last.push(n);
    else runs.push([n]);
  }
  return runs;
}

/**
 * The writes that reset a table's key-result rows, found by their ID in `rows` (read from `firstRow`
 * down): adjacent rows changing the same columns share a block, one per run of adjacent columns. A row
 * whose ID is gone was emptied already. Blocks that clear an ID come last, so a stop between two
 * writes never leaves a key result without its ID (it would not be found again to be finished).
 */
export function resetWrites(
  rows: readonly (readonly CellValue[])[],
  firstRow: number,
  map: ColumnMap,
  resets: readonly RowReset[],
): CellBlock[] {
  const byId = new Map(resets.map((r) => [r.id, r]));
  const touched = rows.flatMap((row, index) => {
    const reset = byId.get(idOf(row, map));
    return reset ? [{ index, cells: rowCells(reset, map) }] : [];
  });
  const signature = (cells: Map<number, CellValue>) => [...cells.keys()].sort((a, b) => a - b).join(',');
  const blocks: CellBlock[] = [];
  let start = 0;
  while (start < touched.length) {
    const first = touched[start] as (typeof touched)[number];
    let end = start + 1;
    while (
      end < touched.length &&
      (touched[end] as (typeof touched)[number]).index === first.index + (end - start) &&
      signature((touched[end] as (typeof touched)[number]).cells) === signature(first.cells)
    )
      end++;
    const group = touched.slice(start, end);
    const columns = [...first.cells.keys()].sort((a, b) => a - b);
    for (const run of consecutiveRuns(columns)) {
      blocks.push({
        row: firstRow + first.index,
        column: run[0] as number,
        values: group.map(({ cells }) => run.map((column) => cells.get(column) ?? '')),
      });
    }
    start = end;
  }
  const idColumn = map.id;
  const clearsId = (b: CellBlock) =>
    idColumn !== undefined && idColumn >= b.column && idColumn < b.column + (b.values[0]?.length ?? 0);
  return [...blocks.filter((b) => !clearsId(b)), ...blocks.filter(clearsId)];
}

/** The archive rows still missing: those of the plan whose KR ID the archive has not got for the cycle. */
export function missingArchiveRows(
  plan: ClosePlan,
  archived: readonly (readonly CellValue[])[],
  columns: { readonly id: number; readonly cycle: number },
): (readonly CellValue[])[] {
  const present = new Set(
    archived
      .filter((row) => String(row[columns.cycle] ?? '') === plan.cycle.name)
      .map((row) => String(row[columns.id] ?? '')),
  );
  return plan.archive.rows.filter((row) => !present.has(String(row[columns.id] ?? '')));
}

// Recording: JSON with dates tagged, and every character outside ASCII escaped, so a chunk's length in
// characters is its size in bytes (property values are limited in bytes).

const DATE_TAG = '$date';

export function encodeClosePlan(plan: ClosePlan): string {
  const json = JSON.stringify(plan, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return isDate(raw) ? { [DATE_TAG]: raw.getTime() } : value;
  });
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function decodeClosePlan(text: string): ClosePlan {
  try {
    const plan = JSON.parse(text, (_key, value: unknown) =>
      value !== null && typeof value === 'object' && DATE_TAG in value
        ? new Date((value as Record<string, number>)[DATE_TAG] as number)
        : value,
    ) as ClosePlan;
    if (!plan?.cycle?.name || !Array.isArray(plan.resets) || !Array.isArray(plan.archive?.rows))
      throw new Error('incomplete');
    return plan;
  } catch {
    throw new InputError('the recorded close of the cycle cannot be read');
  }
}
