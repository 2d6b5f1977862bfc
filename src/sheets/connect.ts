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
import { parseTableMapping, type TableMapping } from './mapping-schema';
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
 * Connects the table after the user confirmed `mapping`: validates it, appends the add-on's output
 * columns it lacks after the last used column, and records everything as metadata. Returns the
 * mapping saved, or an error message naming what is wrong.
 */
export function connectTable(sheet: Sheet, mapping: unknown): TableMapping | { readonly error: string } {
  const parsed = parseTableMapping(mapping);
  if ('error' in parsed) return parsed;
  const lastColumn = sheet.getLastColumn();
  for (const [field, column] of Object.entries(parsed.map)) {
    if (column > lastColumn)
      return {
        error: `${columnsOf(parsed.kind)[field]?.title ?? field} is given column ${columnLetter(column)}, but the table ends at column ${columnLetter(lastColumn)}`,
      };
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
    if (sheet.getMaxColumns() < lastColumn + toAdd.length) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), lastColumn + toAdd.length - sheet.getMaxColumns());
    }
    const titles = toAdd.map((field) => {
      const title = (columnsOf(parsed.kind)[field]?.title ?? field) as string;
      return headers.includes(title) ? `${title} (add-on)` : title;
    });
    sheet
      .getRange(parsed.headerRow, lastColumn + 1, 1, toAdd.length)
      .setValues([titles])
      .setFontWeight('bold');
    toAdd.forEach((field, i) => {
      outputs[field] = lastColumn + 1 + i;
    });
  }
  const map = { ...parsed.map, ...outputs };
  saveTable(sheet, parsed.kind, parsed.headerRow, map, parsed.defaults);
  return { ...parsed, map };
}
