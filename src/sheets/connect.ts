/**
 * Connect an existing table: find its header row, map its columns by name, and once the user has
 * confirmed, append the add-on's own columns after the table and record the mapping. Nothing is written
 * before the confirmation; the team's cells are never written at all.
 */
import {
  type CellValue,
  type ColumnMap,
  columnsOf,
  detectTable,
  type Field,
  matchHeaders,
  missingRequired,
  outputsOf,
  type TableKind,
} from '../core';
import { parseTableMapping, type TableMapping } from './mapping-schema';
import { findTable, saveTable } from './table-metadata';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Proposal extends TableMapping {
  readonly sheetName: string;
  /** Header text of each column, 1-based by position (index 0 unused). */
  readonly headers: readonly string[];
  readonly missing: readonly Field[];
}

const SCAN_ROWS = 20;

/**
 * Proposes a mapping for the table on `sheet`. A selection of two rows or more says where the header
 * is (its first row); otherwise the first rows are scanned for the best header row.
 */
export function proposeMapping(
  sheet: Sheet,
  selection?: GoogleAppsScript.Spreadsheet.Range | null,
): Proposal | null {
  const width = sheet.getLastColumn();
  const height = sheet.getLastRow();
  if (width === 0 || height === 0) return null;
  const pickedRow = selection && selection.getNumRows() > 1 ? selection.getRow() : null;
  const firstRow = pickedRow ?? 1;
  const rows = sheet
    .getRange(firstRow, 1, Math.min(pickedRow ? 1 : SCAN_ROWS, height - firstRow + 1), width)
    .getValues() as CellValue[][];
  const existing = findTable(sheet);
  const detected = pickedRow ? bestKindFor(rows[0] ?? [], existing?.kind) : detectTable(rows, existing?.kind);
  if (!detected) return null;
  const headerRow = firstRow + detected.headerIndex;
  const headerCells = rows[detected.headerIndex] ?? [];
  return {
    sheetName: sheet.getName(),
    kind: detected.kind,
    headerRow,
    map: detected.map,
    missing: detected.missing,
    headers: ['', ...headerCells.map((c) => String(c ?? '').trim())],
  };
}

function bestKindFor(headers: readonly CellValue[], only?: TableKind) {
  const kinds: TableKind[] = only ? [only] : ['kpi', 'okr'];
  const scored = kinds.map((kind) => {
    const map = matchHeaders(kind, headers);
    const missing = missingRequired(kind, map);
    return {
      kind,
      headerIndex: 0,
      map,
      missing,
      score: Object.keys(map).length + (missing.length === 0 ? 100 : 0),
    };
  });
  const best = scored.sort((a, b) => b.score - a.score)[0];
  return best && Object.keys(best.map).length >= 2 ? best : null;
}

/** A plain-language list of the mapping, for the confirmation dialog. */
export function describeMapping(proposal: Proposal): string {
  const specs = columnsOf(proposal.kind);
  return Object.entries(proposal.map)
    .sort(([, a], [, b]) => a - b)
    .map(
      ([field, column]) =>
        `${specs[field]?.title ?? field} ← "${proposal.headers[column] ?? ''}" (column ${column})`,
    )
    .join('\n');
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
        error: `${field} is mapped to column ${column}, but the sheet's last used column is ${lastColumn}`,
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
