/**
 * Connect an existing table: find its header row, map its columns by name, and once the user has
 * confirmed, append the add-on's own columns after the table and record the mapping. Nothing is written
 * before the confirmation; the team's cells are never written at all.
 */
import {
  type CellValue,
  type ColumnMap,
  columnLetter,
  columnsOf,
  decideKind,
  findHeaderRow,
  inputsOf,
  outputsOf,
  readHeaderRow,
  type TableKind,
} from '../core';
import { sheetCalendar } from './calendar';
import { parseTableMapping, type TableMapping } from './mapping-schema';
import { ensureSettings } from './settings';
import { findTable, saveTable } from './table-metadata';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Proposal {
  readonly sheetName: string;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  /** Header text of each column, 1-based by position (index 0 unused). */
  readonly headers: readonly string[];
  /** null: the headers do not say whether it is a KPI or an OKR table, so the user is asked. */
  readonly kind: TableKind | null;
  /** The header that decided the kind. */
  readonly because: string | null;
  /** The best reading of the header row as either kind of table (input columns only). */
  readonly maps: Readonly<Record<TableKind, ColumnMap>>;
  /** Whether the sheet is already connected (the stored mapping is proposed). */
  readonly connected: boolean;
  /** The add-on's own columns of an earlier connection: not the user's to map. */
  readonly addOnColumns: readonly number[];
}

/** How many rows below the selection are read, for a title cell selected above its table. */
const LOOK_BELOW = 20;

function inputColumns(kind: TableKind, map: ColumnMap): ColumnMap {
  return Object.fromEntries(inputsOf(kind).flatMap((f) => (map[f] === undefined ? [] : [[f, map[f]]])));
}

/**
 * Proposes a mapping for the table on `sheet` around the selection (one cell, the header row, the
 * whole table with its title rows): reads the rows down to just below the selection in one call and
 * finds the header row there. A sheet already connected at that header proposes its stored mapping.
 */
export function proposeMapping(
  sheet: Sheet,
  selection?: GoogleAppsScript.Spreadsheet.Range | null,
): Proposal | null {
  const width = sheet.getLastColumn();
  const height = sheet.getLastRow();
  if (width === 0 || height === 0) return null;
  const first = selection ? Math.min(selection.getRow(), height) : 1;
  const last = selection ? Math.min(selection.getLastRow(), height) : 1;
  const rows = sheet.getRange(1, 1, Math.min(height, last + LOOK_BELOW), width).getValues() as CellValue[][];
  const index = findHeaderRow(rows, { first: first - 1, last: last - 1 });
  if (index === null) return null;
  const headerCells = rows[index] ?? [];
  const headerRow = index + 1;
  const existing = findTable(sheet);
  const base = {
    sheetName: sheet.getName(),
    headerRow,
    headers: ['', ...headerCells.map((c) => String(c ?? '').trim())],
  };
  const maps = { kpi: readHeaderRow('kpi', headerCells), okr: readHeaderRow('okr', headerCells) };
  if (existing && existing.headerRow === headerRow) {
    return {
      ...base,
      kind: existing.kind,
      because: null,
      maps: { ...maps, [existing.kind]: inputColumns(existing.kind, existing.map) },
      connected: true,
      addOnColumns: outputsOf(existing.kind).flatMap((f) => existing.map[f] ?? []),
    };
  }
  const { kind, because } = decideKind(headerCells);
  return { ...base, kind, because, maps, connected: false, addOnColumns: [] };
}

/**
 * The output columns a connection stopped half-way already titled: the sheet's last columns, titled in
 * order and blank below the header. Taking them back, rather than adding a second set, is what lets
 * a connection that failed be run again to the same result.
 */
function titledEarlier(
  sheet: Sheet,
  headerRow: number,
  headers: readonly string[],
  titles: readonly string[],
): number | null {
  const first = headers.length - titles.length + 1;
  if (titles.length === 0 || first < 1) return null;
  const named = titles.every((title, i) => {
    const header = headers[first - 1 + i] ?? '';
    return header === title || header === addOnTitle(title);
  });
  if (!named) return null;
  const below = sheet.getLastRow() - headerRow;
  if (below <= 0) return first;
  const cells = sheet.getRange(headerRow + 1, first, below, titles.length).getValues() as CellValue[][];
  return cells.every((row) => row.every((cell) => cell === '' || cell === null)) ? first : null;
}

function addOnTitle(title: string): string {
  return `${title} (add-on)`;
}

/**
 * Connects the table after the user confirmed `mapping`: validates it, makes sure of what the table's
 * formulas read (an OKR table's statuses read the cycle settings, created with the current quarter if
 * missing), appends the add-on's output columns it lacks after the last used column, and records
 * everything as metadata, last, so that a connection stopped by a failed call is simply run again.
 * Returns the mapping saved, or an error message naming what is wrong.
 */
export function connectTable(
  sheet: Sheet,
  mapping: unknown,
  now: Date,
): TableMapping | { readonly error: string } {
  const parsed = parseTableMapping(mapping);
  if ('error' in parsed) return parsed;
  const lastColumn = sheet.getLastColumn();
  for (const [field, column] of Object.entries(parsed.map)) {
    if (column > lastColumn)
      return {
        error: `${columnsOf(parsed.kind)[field]?.title ?? field} is given column ${columnLetter(column)}, but the table ends at column ${columnLetter(lastColumn)}`,
      };
  }
  if (parsed.kind === 'okr') {
    const spreadsheet = sheet.getParent();
    const settings = ensureSettings(spreadsheet, sheetCalendar(spreadsheet).dayOf(now));
    if (typeof settings === 'object' && 'conflict' in settings)
      return { error: `an OKR table's statuses read the cycle settings. ${settings.conflict}` };
  }
  // Outputs of an earlier connection stay where they are; only missing ones are added.
  const earlier = findTable(sheet);
  const outputs: ColumnMap = {};
  for (const field of outputsOf(parsed.kind)) {
    const column = earlier?.kind === parsed.kind ? earlier.map[field] : undefined;
    if (column !== undefined && !Object.values(parsed.map).includes(column)) outputs[field] = column;
  }
  const toAdd = outputsOf(parsed.kind).filter((field) => outputs[field] === undefined);
  if (toAdd.length > 0) {
    const headers =
      sheet
        .getRange(parsed.headerRow, 1, 1, lastColumn)
        .getValues()[0]
        ?.map((c) => String(c).trim()) ?? [];
    const plainTitles = toAdd.map((field) => (columnsOf(parsed.kind)[field]?.title ?? field) as string);
    const mappedUpTo = Math.max(0, ...Object.values(parsed.map));
    const resumed = titledEarlier(sheet, parsed.headerRow, headers, plainTitles);
    const first = resumed !== null && resumed > mappedUpTo ? resumed : lastColumn + 1;
    if (first > lastColumn) {
      if (sheet.getMaxColumns() < lastColumn + toAdd.length) {
        sheet.insertColumnsAfter(sheet.getMaxColumns(), lastColumn + toAdd.length - sheet.getMaxColumns());
      }
      const titles = plainTitles.map((title) => (headers.includes(title) ? addOnTitle(title) : title));
      sheet.getRange(parsed.headerRow, first, 1, toAdd.length).setValues([titles]).setFontWeight('bold');
    }
    toAdd.forEach((field, i) => {
      outputs[field] = first + i;
    });
  }
  const map = { ...parsed.map, ...outputs };
  saveTable(sheet, parsed.kind, parsed.headerRow, map, parsed.defaults);
  return { ...parsed, map };
}
