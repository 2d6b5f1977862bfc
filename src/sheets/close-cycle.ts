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
  type CarryChoice,
  type CellValue,
  type ClosingKeyResult,
  carryOver,
  cellOf,
  inputsOf,
  type NamedCycle,
  nextCycle,
  okrStatus,
  readKeyResult,
  SETTING_NAMES,
  scoreKeyResult,
} from '../core';
import { readCheckIns } from './check-in-log';
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
    const kr = readKeyResult({
      current: cellOf(row, table.map, 'current'),
      target: cellOf(row, table.map, 'target'),
      start: cellOf(row, table.map, 'start'),
      kind: cellOf(row, table.map, 'kind'),
    });
    return kr === null ? null : scoreKeyResult(kr);
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
      const krs = snapshot.rows.flatMap((row, index) => {
        const id = String(cell(row, 'id')).trim();
        if (id === '' || String(cell(row, 'keyResult')).trim() === '') return [];
        const score = finalScore(row, table);
        const last = checkIns.get(id)?.[0];
        const kr: ClosingKeyResult = {
          id,
          objective: cell(row, 'objective'),
          keyResult: cell(row, 'keyResult'),
          owner: cell(row, 'owner'),
          kind: cell(row, 'kind'),
          start: cell(row, 'start'),
          target: cell(row, 'target'),
          current: cell(row, 'current'),
          weight: cell(row, 'weight'),
          linkedKpi: cell(row, 'linkedKpi'),
          score,
          status: score === null ? '' : okrStatus(score, settings.cycle, settings.asOf ?? today),
          lastConfidence: last?.confidence ?? cell(row, 'confidence'),
          lastComment: last?.comment ?? '',
        };
        return [{ index, kr }];
      });
      return { table, snapshot, krs };
    });
}

function writeArchive(spreadsheet: Spreadsheet, name: string, rows: CellValue[][]): void {
  const sheet = spreadsheet.insertSheet(name);
  sheet
    .getRange(1, 1, 1, ARCHIVE_HEADERS.length)
    .setValues([[...ARCHIVE_HEADERS]])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  if (rows.length > 0) {
    sheet.getRange(2, 1, rows.length, ARCHIVE_HEADERS.length).setValues(rows);
    sheet.getRange(2, ARCHIVE_HEADERS.indexOf('Final score') + 1, rows.length, 1).setNumberFormat('0%');
  }
}

/**
 * Rewrites a table's key-result rows: the carried ones first, in their order, then blanks where the
 * other key results were (they are in the archive). Input columns, the ID column and Last check-in are
 * written in runs of adjacent columns, one setValues each; other rows and columns are left alone.
 */
function resetTable(
  { table, snapshot, krs }: OkrTableRows,
  carriedIds: ReadonlySet<string>,
  carried: ReturnType<typeof carryOver>,
): number {
  const mine = carried.filter((c) => krs.some(({ kr }) => kr.id === c.id && carriedIds.has(c.id)));
  const indexes = krs.map(({ index }) => index);
  if (indexes.length === 0) return 0;
  const fields = [...inputsOf('okr'), 'id', 'lastCheckIn'] as const;
  const columns = fields.flatMap((field) =>
    table.map[field] === undefined ? [] : [{ field, column: table.map[field] as number }],
  );
  columns.sort((a, b) => a.column - b.column);
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  const height = last - first + 1;
  // Rows between the first and last key result that are not key results (notes, blank lines) keep their cells.
  const slots = indexes.sort((a, b) => a - b);
  const valueFor = (index: number, field: string): CellValue => {
    const slot = slots.indexOf(index);
    if (slot < 0) return cellOf(snapshot.rows[index] ?? [], table.map, field as never) ?? '';
    const kr = mine[slot];
    return kr ? ((kr as unknown as Record<string, CellValue>)[field] ?? '') : '';
  };
  let run: typeof columns = [];
  const flush = () => {
    if (run.length === 0) return;
    const values = Array.from({ length: height }, (_, r) =>
      run.map(({ field }) => valueFor(first + r, field)),
    );
    table.sheet
      .getRange(snapshot.firstRow + first, (run[0] as { column: number }).column, height, run.length)
      .setValues(values);
    run = [];
  };
  for (const entry of columns) {
    const previous = run[run.length - 1];
    if (previous && previous.column + 1 !== entry.column) flush();
    run.push(entry);
  }
  flush();
  return mine.length;
}

function startCycle(spreadsheet: Spreadsheet, next: NamedCycle, today: Date): void {
  const set = (name: string, value: CellValue) => spreadsheet.getRangeByName(name)?.setValue(value);
  set(SETTING_NAMES.cycleName, next.name);
  set(SETTING_NAMES.cycleStart, next.start);
  set(SETTING_NAMES.cycleEnd, next.end);
  set(SETTING_NAMES.asOf, new Date(today.getFullYear(), today.getMonth(), today.getDate()));
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
  today: Date,
): ClosePreview | { readonly refused: string } {
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

export function closeCycle(spreadsheet: Spreadsheet, choice: CarryChoice, today: Date): CloseOutcome {
  const preview = previewClose(spreadsheet, today);
  if ('refused' in preview) return { kind: 'refused', reason: preview.refused };
  const { settings, next } = preview;
  const tables = readOkrTables(spreadsheet, settings, today);
  const all = tables.flatMap((t) => t.krs.map(({ kr }) => kr));
  const archive = archiveSheetName(settings.cycle);
  writeArchive(spreadsheet, archive, archiveRows(all, settings.cycle));
  const carried = carryOver(all, choice);
  const carriedIds = new Set(carried.map((c) => c.id));
  let count = 0;
  for (const table of tables) count += resetTable(table, carriedIds, carried);
  startCycle(spreadsheet, next, today);
  return { kind: 'closed', archive, archived: all.length, carried: count, next };
}
