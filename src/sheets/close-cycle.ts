/**
 * Close the cycle (reflect and reset): archive every key result's final score, grade, status and last
 * check-in words to "Archive <cycle>", then start the next cycle: new dates in the settings, the OKR
 * tables rewritten with the key results carried over (same IDs, so their check-in history stays
 * linked). The archive is written before anything is reset, and a cycle already archived is refused.
 */
import {
  ARCHIVE_HEADERS,
  alreadyArchived,
  archiveRows,
  archiveSheetName,
  asLiteralText,
  type CarriedKeyResult,
  type CarryChoice,
  type CellValue,
  type ClosingKeyResult,
  carryObjectivesDown,
  carryOver,
  cellOf,
  inputsOf,
  type NamedCycle,
  nextCycle,
  okrStatus,
  SETTING_NAMES,
  scoreRow,
  startOfDay,
} from '../core';
import { sheetCalendar } from './calendar';
import { readCheckIns } from './check-in-log';
import { appendRows, logSheet } from './log-sheet';
import { type CycleSettings, readCycleSettings } from './settings';
import { readTableRows, type TableSnapshot } from './table-io';
import { type ConnectedTable, findTables } from './table-metadata';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type CloseOutcome =
  | {
      readonly kind: 'closed';
      readonly archive: string;
      readonly archived: number;
      readonly carried: number;
      readonly next: NamedCycle;
    }
  | { readonly kind: 'refused'; readonly reason: string };

interface OkrTableRows {
  readonly table: ConnectedTable;
  readonly snapshot: TableSnapshot;
  /** Index into snapshot.rows of each key result, with the key result. */
  readonly krs: { readonly index: number; readonly kr: ClosingKeyResult }[];
}

function finalScore(row: readonly CellValue[], table: ConnectedTable): number | null {
  try {
    return scoreRow(row, table.map);
  } catch {
    return null;
  }
}

function readOkrTables(spreadsheet: Spreadsheet, settings: CycleSettings, today: Date): OkrTableRows[] {
  const checkIns = readCheckIns(spreadsheet);
  return findTables(spreadsheet)
    .filter((t) => t.kind === 'okr')
    .map((table) => {
      const snapshot = readTableRows(table.sheet, table.kind, table.headerRow, table.map);
      const cell = (row: readonly CellValue[], field: Parameters<typeof cellOf>[2]) =>
        cellOf(row, table.map, field) ?? '';
      // A key result under an objective written once above it is archived, and carried, with it.
      const objectives = carryObjectivesDown(snapshot.rows.map((row) => cellOf(row, table.map, 'objective')));
      const krs = snapshot.rows.flatMap((row, index) => {
        const id = String(cell(row, 'id')).trim();
        if (id === '' || String(cell(row, 'keyResult')).trim() === '') return [];
        const score = finalScore(row, table);
        const last = checkIns.get(id)?.[0];
        const kr: ClosingKeyResult = {
          id,
          objective: objectives[index] ?? '',
          keyResult: cell(row, 'keyResult'),
          owner: cell(row, 'owner'),
          kind: cell(row, 'kind'),
          start: cell(row, 'start'),
          target: cell(row, 'target'),
          current: cell(row, 'current'),
          weight: cell(row, 'weight'),
          linkedKpi: cell(row, 'linkedKpi'),
          score,
          status:
            score === null ? '' : okrStatus(score, settings.cycle, settings.asOf ?? today, settings.bands),
          lastConfidence: last?.confidence ?? cell(row, 'confidence'),
          lastComment: last?.comment ?? '',
        };
        return [{ index, kr }];
      });
      return { table, snapshot, krs };
    });
}

function writeArchive(spreadsheet: Spreadsheet, name: string, rows: CellValue[][]): void {
  const sheet = logSheet(spreadsheet, name, ARCHIVE_HEADERS, {
    [ARCHIVE_HEADERS.indexOf('Final score') + 1]: '0%',
  });
  const text = (['Objective', 'Key result', 'Owner', 'Last comment'] as const).map(
    (t) => ARCHIVE_HEADERS.indexOf(t) + 1,
  );
  appendRows(sheet, rows, text);
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
 * Rewrites a table's key-result rows: the carried ones first, in their order, then blanks where the
 * other key results were (they are in the archive). Only key-result rows are written (a note or a
 * formula of the team's between them stays as it is), in blocks of adjacent rows and adjacent input,
 * ID and Last check-in columns, one setValues each.
 */
function resetTable(
  { table, krs }: OkrTableRows,
  firstRow: number,
  carried: readonly CarriedKeyResult[],
): number {
  const ids = new Set(krs.map(({ kr }) => kr.id));
  const mine = carried.filter((c) => ids.has(c.id));
  const slots = krs.map(({ index }) => index).sort((a, b) => a - b);
  const fields = [...inputsOf('okr'), 'id', 'lastCheckIn'] as const;
  const columns = fields
    .flatMap((field) =>
      table.map[field] === undefined ? [] : [{ field, column: table.map[field] as number }],
    )
    .sort((a, b) => a.column - b.column);
  const columnRuns = consecutiveRuns(columns.map((c) => c.column)).map((run) =>
    run.map((column) => columns.find((c) => c.column === column) as (typeof columns)[number]),
  );
  const valueFor = (index: number, field: string): CellValue => {
    const kr = mine[slots.indexOf(index)] as Record<string, CellValue> | undefined;
    const value = kr?.[field] ?? '';
    // Text read from a cell is written back as text: "=x" typed as text must not become a formula.
    return typeof value === 'string' ? asLiteralText(value) : value;
  };
  for (const rows of consecutiveRuns(slots)) {
    for (const run of columnRuns) {
      const values = rows.map((index) => run.map(({ field }) => valueFor(index, field)));
      table.sheet
        .getRange(
          firstRow + (rows[0] as number),
          (run[0] as { column: number }).column,
          rows.length,
          run.length,
        )
        .setValues(values);
    }
  }
  return mine.length;
}

function startCycle(spreadsheet: Spreadsheet, next: NamedCycle, today: Date): void {
  const { cell } = sheetCalendar(spreadsheet);
  const set = (name: string, value: CellValue) => spreadsheet.getRangeByName(name)?.setValue(cell(value));
  set(SETTING_NAMES.cycleName, next.name);
  set(SETTING_NAMES.cycleStart, next.start);
  set(SETTING_NAMES.cycleEnd, next.end);
  set(SETTING_NAMES.asOf, startOfDay(today));
}

export interface ClosePreview {
  readonly settings: CycleSettings;
  readonly next: NamedCycle;
  readonly keyResults: number;
  readonly finished: number;
}

/** What closing would do, for the confirmation dialog; a reason instead when it can't be closed. */
export function previewClose(
  spreadsheet: Spreadsheet,
  now: Date,
): ClosePreview | { readonly refused: string } {
  return previewOn(spreadsheet, sheetCalendar(spreadsheet).dayOf(now));
}

/** previewClose on the spreadsheet's day `today`. */
function previewOn(spreadsheet: Spreadsheet, today: Date): ClosePreview | { readonly refused: string } {
  let settings: CycleSettings;
  try {
    settings = readCycleSettings(spreadsheet);
  } catch (error) {
    return { refused: (error as Error).message };
  }
  const names = spreadsheet.getSheets().map((s) => s.getName());
  if (alreadyArchived(names, settings.cycle)) {
    return {
      refused: `${settings.cycle.name} is already archived on the sheet "${archiveSheetName(settings.cycle)}": nothing was changed.`,
    };
  }
  const krs = readOkrTables(spreadsheet, settings, today).flatMap((t) => t.krs.map(({ kr }) => kr));
  return {
    settings,
    next: nextCycle(settings.cycle),
    keyResults: krs.length,
    finished: krs.filter((kr) => kr.score === 1).length,
  };
}

export function closeCycle(spreadsheet: Spreadsheet, choice: CarryChoice, now: Date): CloseOutcome {
  const today = sheetCalendar(spreadsheet).dayOf(now);
  const preview = previewOn(spreadsheet, today);
  if ('refused' in preview) return { kind: 'refused', reason: preview.refused };
  const { settings, next } = preview;
  const tables = readOkrTables(spreadsheet, settings, today);
  const all = tables.flatMap((t) => t.krs.map(({ kr }) => kr));
  const archive = archiveSheetName(settings.cycle);
  writeArchive(spreadsheet, archive, archiveRows(all, settings.cycle));
  const carried = carryOver(all, choice);
  let count = 0;
  for (const table of tables) count += resetTable(table, table.snapshot.firstRow, carried);
  startCycle(spreadsheet, next, today);
  return { kind: 'closed', archive, archived: all.length, carried: count, next };
}
