/**
 * Key results as the check-in sidebar sees them: read from every connected OKR table with one
 * getValues each, found by their stable ID (never by row number, which a sort changes).
 */
import {
  type CellValue,
  type ColumnMap,
  carryObjectivesDown,
  cellOf,
  isBlank,
  type KeyResultKind,
  okrStatus,
  pace,
  readKind,
  readText,
  scoreRow,
} from '../core';
import type { CycleSettings } from './settings';
import { readDisplayRows, readTableRows } from './table-io';
import { type ConnectedTable, findTables } from './table-metadata';

export interface KeyResultRow {
  readonly table: ConnectedTable;
  /** 1-based sheet row. */
  readonly row: number;
  readonly cells: readonly CellValue[];
  /** The row as the sheet shows it. */
  readonly shown: readonly string[];
  /** Its objective, carried down from the row above when its own cell is blank. */
  readonly objective: string;
}

export interface KeyResultSummary {
  readonly id: string;
  readonly objective: string;
  readonly name: string;
  readonly owner: string;
  readonly kind: KeyResultKind | null;
  readonly start: CellValue;
  readonly target: CellValue;
  readonly current: CellValue;
  readonly score: number | null;
  readonly status: string | null;
  /** The score minus the expected progress today (see OKR_PACE); null without a score or settings. */
  readonly pace: number | null;
  readonly linkedKpi: string | null;
  /** Start, target and current as the sheet shows them. */
  readonly shown: { readonly start: string; readonly target: string; readonly current: string };
  /** Why the row can't be scored, if so. */
  readonly problem: string | null;
}

function text(cells: readonly CellValue[], map: ColumnMap, field: Parameters<typeof cellOf>[2]): string {
  const value = cellOf(cells, map, field);
  return isBlank(value) ? '' : String(value).trim();
}

function shownOf(row: KeyResultRow, field: 'start' | 'target' | 'current'): string {
  const column = row.table.map[field];
  return column === undefined ? '' : (row.shown[column - 1] ?? '');
}

/** Every key-result row (one with an ID) of every connected OKR table. */
export function readKeyResultRows(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): KeyResultRow[] {
  return findTables(spreadsheet)
    .filter((table) => table.kind === 'okr' && table.map.id !== undefined)
    .flatMap((table) => {
      const snapshot = readTableRows(table.sheet, table.kind, table.headerRow, table.map);
      const { firstRow, rows } = snapshot;
      const display = readDisplayRows(table.sheet, snapshot);
      const objectives = carryObjectivesDown(rows.map((cells) => cellOf(cells, table.map, 'objective')));
      return rows.flatMap((cells, i) =>
        text(cells, table.map, 'id') && text(cells, table.map, 'keyResult')
          ? [
              {
                table,
                row: firstRow + i,
                cells,
                shown: display[i] ?? [],
                objective: isBlank(objectives[i]) ? '' : String(objectives[i]).trim(),
              },
            ]
          : [],
      );
    });
}

export function findKeyResult(rows: readonly KeyResultRow[], id: string): KeyResultRow | undefined {
  return rows.find((r) => text(r.cells, r.table.map, 'id') === id);
}

/** The key result's score and status, judged as the sheet's formulas judge them. */
export function summarise(row: KeyResultRow, settings: CycleSettings | null, today: Date): KeyResultSummary {
  const { map } = row.table;
  const cell = (field: Parameters<typeof cellOf>[2]) => cellOf(row.cells, map, field);
  let kind: KeyResultKind | null = null;
  let score: number | null = null;
  let status: string | null = null;
  let ahead: number | null = null;
  let problem: string | null = null;
  try {
    kind = readKind(cell('kind'));
    score = scoreRow(row.cells, map);
    if (score !== null && settings) {
      status = okrStatus(score, settings.cycle, settings.asOf ?? today, settings.bands);
      ahead = pace(score, settings.cycle, settings.asOf ?? today);
    }
  } catch (error) {
    problem = (error as Error).message;
  }
  return {
    id: text(row.cells, map, 'id'),
    objective: row.objective,
    name: readText(cell('keyResult'), 'key result') ?? '',
    owner: text(row.cells, map, 'owner'),
    kind,
    start: cell('start') ?? '',
    target: cell('target') ?? '',
    current: cell('current') ?? '',
    score,
    status,
    pace: ahead,
    linkedKpi: text(row.cells, map, 'linkedKpi') || null,
    shown: { start: shownOf(row, 'start'), target: shownOf(row, 'target'), current: shownOf(row, 'current') },
    problem,
  };
}
