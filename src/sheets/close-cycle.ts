/**
 * Close the cycle (reflect and reset): archive every key result's final score, grade, status and last
 * check-in words to "Archive <cycle>", then start the next cycle: the carried key results start again
 * from where they ended (same row, same ID, so their check-in history stays linked), the others' rows
 * are emptied, the settings move to the next cycle's dates, and everything is refreshed.
 *
 * The close is planned from one read and the plan recorded before the first write; each step then
 * sets absolute values and checks what is already done, so when a step fails (a service error, the
 * 6-minute limit), the next attempt resumes the recorded plan and ends exactly where an uninterrupted
 * close would. A cycle already archived, or already closed by someone else meanwhile, is refused.
 */
import {
  ARCHIVE_HEADERS,
  alreadyArchived,
  archiveSheetName,
  type CarryChoice,
  type CellBlock,
  type CellValue,
  type ClosePlan,
  type ClosingKeyResult,
  carriedCount,
  carryObjectivesDown,
  cellOf,
  isBlank,
  missingArchiveRows,
  type NamedCycle,
  nextCycle,
  okrStatus,
  planClose,
  resetWrites,
  SETTING_NAMES,
  sameCycle,
  scoreRow,
  startOfDay,
} from '../core';
import { sheetCalendar } from './calendar';
import { readCheckIns } from './check-in-log';
import { clearRecordedClose, type RecordedClose, readRecordedClose, recordClose } from './close-record';
import { writeExactly } from './literal';
import { appendRows, openLog } from './log-sheet';
import { refreshAll } from './refresh';
import { type CycleSettings, readCycleSettings } from './settings';
import { readTableRows } from './table-io';
import { type ConnectedTable, findTables } from './table-metadata';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type CloseOutcome =
  | {
      readonly kind: 'closed';
      readonly plan: ClosePlan;
      /** True when this attempt finished a close that an earlier one started. */
      readonly resumed: boolean;
      readonly archived: number;
      readonly carried: number;
    }
  | { readonly kind: 'refused'; readonly reason: string };

/** What the user confirmed: close this cycle, carrying these key results over. */
export interface CloseRequest {
  readonly cycle: NamedCycle;
  readonly choice: CarryChoice;
}

interface OkrTableRows {
  readonly table: ConnectedTable;
  readonly firstRow: number;
  readonly rows: readonly (readonly CellValue[])[];
  readonly krs: readonly ClosingKeyResult[];
  /** Rows with a key result but no KR ID yet (Refresh gives them one). */
  readonly withoutId: number;
}

function finalScore(row: readonly CellValue[], table: ConnectedTable): number | null {
  try {
    return scoreRow(row, table.map);
  } catch {
    return null;
  }
}

function okrTables(spreadsheet: Spreadsheet): ConnectedTable[] {
  return findTables(spreadsheet).filter((t) => t.kind === 'okr');
}

/** Every OKR table, read once each, with its key results as the close sees them. */
function readOkrTables(spreadsheet: Spreadsheet, settings: CycleSettings, today: Date): OkrTableRows[] {
  const checkIns = readCheckIns(spreadsheet);
  return okrTables(spreadsheet).map((table) => {
    const { firstRow, rows } = readTableRows(table.sheet, table.kind, table.headerRow, table.map);
    const cell = (row: readonly CellValue[], field: Parameters<typeof cellOf>[2]) =>
      cellOf(row, table.map, field) ?? '';
    // A key result under an objective written once above it is archived with it.
    const objectives = carryObjectivesDown(rows.map((row) => cellOf(row, table.map, 'objective')));
    let withoutId = 0;
    let holder: string | undefined; // the KR ID of the row that wrote the objective now carried down
    const krs = rows.flatMap((row, index) => {
      const id = String(cell(row, 'id')).trim();
      const typed = !isBlank(cellOf(row, table.map, 'objective'));
      const inherited = typed ? undefined : holder;
      if (typed) holder = String(cell(row, 'keyResult')).trim() === '' ? undefined : id;
      if (String(cell(row, 'keyResult')).trim() === '') return [];
      if (id === '') {
        withoutId += 1;
        return [];
      }
      const score = finalScore(row, table);
      const last = checkIns.get(id)?.[0];
      const kr: ClosingKeyResult = {
        id,
        objective: objectives[index] ?? '',
        ...(inherited ? { inheritsObjectiveFrom: inherited } : {}),
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
      return [kr];
    });
    return { table, firstRow, rows, krs, withoutId };
  });
}

// Archive columns holding text from the sheet: stored as plain text, exactly as read.
const ARCHIVE_TEXT = (['Objective', 'Key result', 'Owner', 'Last comment', 'KR ID', 'Cycle'] as const).map(
  (title) => ARCHIVE_HEADERS.indexOf(title) + 1,
);

/** Appends the plan's archive rows the archive lacks (all of them, the first time). */
function writeArchive(spreadsheet: Spreadsheet, plan: ClosePlan): void {
  const { sheet, rows } = openLog(spreadsheet, plan.archive.sheet, ARCHIVE_HEADERS, {
    [ARCHIVE_HEADERS.indexOf('Final score') + 1]: '0%',
  });
  const missing = missingArchiveRows(plan, rows, {
    id: ARCHIVE_HEADERS.indexOf('KR ID'),
    cycle: ARCHIVE_HEADERS.indexOf('Cycle'),
  });
  appendRows(sheet, missing, ARCHIVE_TEXT, rows.length + 1);
}

/** A table's rows from its first data row to the sheet's last row, as they are now (one read). */
function readRowsNow(table: ConnectedTable): { firstRow: number; rows: CellValue[][] } {
  const firstRow = table.headerRow + 1;
  const height = table.sheet.getLastRow() - table.headerRow;
  if (height < 1) return { firstRow, rows: [] };
  const width = Math.max(table.sheet.getLastColumn(), ...Object.values(table.map));
  return { firstRow, rows: table.sheet.getRange(firstRow, 1, height, width).getValues() as CellValue[][] };
}

function writeBlocks(sheet: GoogleAppsScript.Spreadsheet.Sheet, blocks: readonly CellBlock[]): void {
  for (const { row, column, values } of blocks) {
    // Text read from a cell is written back as exactly that text ("0123", "=x", "TRUE").
    writeExactly(sheet.getRange(row, column, values.length, values[0]?.length ?? 0), values);
  }
}

function startCycle(spreadsheet: Spreadsheet, next: NamedCycle, today: Date): void {
  const { cell } = sheetCalendar(spreadsheet);
  const set = (name: string, value: CellValue) => {
    const range = spreadsheet.getRangeByName(name);
    if (range) writeExactly(range, [[cell(value)]]);
  };
  set(SETTING_NAMES.cycleName, next.name);
  set(SETTING_NAMES.cycleStart, next.start);
  set(SETTING_NAMES.cycleEnd, next.end);
  set(SETTING_NAMES.asOf, startOfDay(today));
}

/**
 * Carries out a recorded plan, each step idempotent: the archive rows it lacks, the key-result rows
 * still holding a planned ID, the settings, a refresh; then the record is forgotten. `tables` are the
 * rows the plan was made from, when nothing can have changed since (an uninterrupted close).
 */
function applyPlan(
  spreadsheet: Spreadsheet,
  plan: ClosePlan,
  keys: readonly string[],
  now: Date,
  tables?: readonly OkrTableRows[],
): void {
  writeArchive(spreadsheet, plan);
  for (const read of tables ?? okrTables(spreadsheet).map((table) => ({ table, ...readRowsNow(table) }))) {
    writeBlocks(read.table.sheet, resetWrites(read.rows, read.firstRow, read.table.map, plan.resets));
  }
  startCycle(spreadsheet, plan.next, plan.today);
  refreshAll(spreadsheet, now);
  clearRecordedClose(keys);
}

function closed(plan: ClosePlan, resumed: boolean): CloseOutcome {
  return { kind: 'closed', plan, resumed, archived: plan.archive.rows.length, carried: carriedCount(plan) };
}

export interface ClosePreview {
  readonly settings: CycleSettings;
  readonly next: NamedCycle;
  readonly keyResults: number;
  readonly finished: number;
  /** True when the cycle starts after today: closing it is asked about explicitly. */
  readonly notStarted: boolean;
}

export type PreviewOutcome =
  | ClosePreview
  | { readonly refused: string }
  /** A close that stopped midway: the next attempt finishes it, asking nothing. */
  | { readonly interrupted: ClosePlan };

/** What closing would do, for the confirmation dialog; a reason instead when it can't be closed. */
export function previewClose(spreadsheet: Spreadsheet, now: Date): PreviewOutcome {
  const { plan, keys } = readRecordedClose();
  if (plan) return { interrupted: plan };
  if (keys.length > 0) clearRecordedClose(keys); // chunks a finished close had no time to forget
  const today = sheetCalendar(spreadsheet).dayOf(now);
  let settings: CycleSettings;
  try {
    settings = readCycleSettings(spreadsheet);
    const refused = refusal(spreadsheet, settings.cycle);
    if (refused) return { refused };
  } catch (error) {
    return { refused: (error as Error).message };
  }
  const tables = readOkrTables(spreadsheet, settings, today);
  const krs = tables.flatMap((t) => t.krs);
  return {
    settings,
    next: nextCycle(settings.cycle),
    keyResults: krs.length + tables.reduce((n, t) => n + t.withoutId, 0),
    finished: krs.filter((kr) => kr.score === 1).length,
    notStarted: today.getTime() < startOfDay(settings.cycle.start).getTime(),
  };
}

/** Why this cycle can't be closed (already archived), or null. */
function refusal(spreadsheet: Spreadsheet, cycle: NamedCycle): string | null {
  const names = spreadsheet.getSheets().map((s) => s.getName());
  return alreadyArchived(names, cycle)
    ? `${cycle.name} is already archived on the sheet "${archiveSheetName(cycle)}": nothing was changed.`
    : null;
}

/**
 * Closes the cycle the user confirmed; call it under the document lock. A close of that cycle left
 * unfinished is finished instead; a cycle that is no longer the current one (someone closed it
 * meanwhile) is refused, saying so.
 */
export function closeCycle(spreadsheet: Spreadsheet, request: CloseRequest, now: Date): CloseOutcome {
  const recorded = readRecordedClose();
  if (recorded.plan) return finish(spreadsheet, recorded, request.cycle, now);
  const settings = readCycleSettings(spreadsheet);
  if (!sameCycle(settings.cycle, request.cycle)) {
    return {
      kind: 'refused',
      reason: `${request.cycle.name} is already closed: the current cycle is ${settings.cycle.name || 'unnamed'}. Nothing was changed.`,
    };
  }
  const refused = refusal(spreadsheet, settings.cycle);
  if (refused) return { kind: 'refused', reason: refused };
  const today = sheetCalendar(spreadsheet).dayOf(now);
  let tables = readOkrTables(spreadsheet, settings, today);
  if (tables.some((t) => t.withoutId > 0)) {
    // Key results typed since the last Refresh have no ID yet: give them one, so each is archived.
    refreshAll(spreadsheet, now);
    tables = readOkrTables(spreadsheet, readCycleSettings(spreadsheet), today);
  }
  const plan = planClose(
    tables.flatMap((t) => t.krs),
    settings.cycle,
    request.choice,
    today,
  );
  const written = recordClose(plan);
  applyPlan(spreadsheet, plan, [...recorded.keys, ...written], now, tables);
  return closed(plan, false);
}

/** Finishes the recorded close (an earlier attempt stopped midway); call it under the document lock. */
export function resumeClose(spreadsheet: Spreadsheet, interrupted: NamedCycle, now: Date): CloseOutcome {
  const recorded = readRecordedClose();
  if (!recorded.plan) {
    return {
      kind: 'refused',
      reason: `The close of ${interrupted.name} was finished meanwhile by someone else. Nothing more was changed.`,
    };
  }
  return finish(spreadsheet, recorded, interrupted, now);
}

function finish(
  spreadsheet: Spreadsheet,
  recorded: RecordedClose,
  asked: NamedCycle,
  now: Date,
): CloseOutcome {
  const plan = recorded.plan as ClosePlan;
  if (!sameCycle(plan.cycle, asked)) {
    return {
      kind: 'refused',
      reason: `The close of ${plan.cycle.name} was interrupted and must be finished first: choose Close cycle again. Nothing was changed.`,
    };
  }
  applyPlan(spreadsheet, plan, recorded.keys, now);
  return closed(plan, true);
}
