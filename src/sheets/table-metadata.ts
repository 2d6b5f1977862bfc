/**
 * Where the add-on keeps a connected table's shape: developer metadata on the header row (the table's
 * kind) and on each mapped column (its field). Row and column metadata move with their row or column,
 * so a mapping survives inserted, moved and renamed columns and rows inserted above the header.
 */
import * as z from 'zod/mini';
import {
  type ColumnMap,
  columnLetter,
  type Field,
  inputsOf,
  lazy,
  outputsOf,
  type TableDefaults,
  type TableKind,
} from '../core';
import { definedOnly, tableDefaultsSchema } from './mapping-schema';
import { type ObjectivesSheet, objectivesSheetOf } from './objectives-sheet';

export const TABLE_KEY = 'okrkpi.table';
export const FIELD_KEY = 'okrkpi.field';
/**
 * Each column of the Objectives sheet carries its field as developer metadata, which moves with the
 * column: the sheet is found again renamed, with columns inserted or moved, and with a header cell
 * showing an error (a blocked spill), where its title could not be read.
 */
export const OBJECTIVES_KEY = 'okrkpi.objectives';
/** Marks the add-on's dashboard (sheet-level), whatever the sheet is renamed to. */
export const DASHBOARD_KEY = 'okrkpi.dashboard';

const tableSchema = lazy(() =>
  z.object({ kind: z.enum(['kpi', 'okr']), defaults: z.optional(tableDefaultsSchema()) }),
);

type Range = GoogleAppsScript.Spreadsheet.Range;

export interface ConnectedTable {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly kind: TableKind;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  readonly map: ColumnMap;
  /** The table's default direction and tolerance, as confirmed when it was connected. */
  readonly defaults: TableDefaults;
}

function isFieldOf(kind: TableKind, field: string): field is Field {
  return (
    (inputsOf(kind) as readonly string[]).includes(field) ||
    (outputsOf(kind) as readonly string[]).includes(field)
  );
}

/**
 * Records a table: writes nothing into cells, only metadata (each field on its column, then the kind
 * and defaults on the header row). Replaces an earlier mapping of the sheet, touching only what
 * changed. The header row's entry goes last and is what makes a table: a run stopped half-way leaves
 * the earlier table (or none) with its columns, and saving again finishes the job.
 */
export function saveTable(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  kind: TableKind,
  headerRow: number,
  map: ColumnMap,
  defaults: TableDefaults = {},
): void {
  const wanted = new Map(
    Object.entries(map).map(([field, column]) => [`${field}@${column}`, { field, column }]),
  );
  for (const found of sheet.createDeveloperMetadataFinder().withKey(FIELD_KEY).find()) {
    const key = `${found.getValue()}@${found.getLocation().getColumn()?.getColumn()}`;
    if (wanted.has(key)) wanted.delete(key);
    else found.remove();
  }
  for (const { field, column } of wanted.values()) {
    const letter = columnLetter(column);
    sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(FIELD_KEY, field);
  }
  // Updated in place, or the new entry added before the old one goes: never a moment without a table.
  const table = JSON.stringify(Object.keys(defaults).length > 0 ? { kind, defaults } : { kind });
  const tables = sheet.createDeveloperMetadataFinder().withKey(TABLE_KEY).find();
  const here = tables.find((t) => t.getLocation().getRow()?.getRow() === headerRow);
  if (!here) sheet.getRange(`${headerRow}:${headerRow}`).addDeveloperMetadata(TABLE_KEY, table);
  else if (here.getValue() !== table) here.setValue(table);
  for (const found of tables) if (found !== here) found.remove();
}

export function forgetTable(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  for (const key of [TABLE_KEY, FIELD_KEY]) {
    for (const found of sheet.createDeveloperMetadataFinder().withKey(key).find()) found.remove();
  }
}

/** What the add-on marked in a spreadsheet: its connected tables, its Objectives sheet, its dashboard. */
export interface AddonMetadata {
  readonly tables: ConnectedTable[];
  readonly objectives: ObjectivesSheet | null;
  readonly dashboard: GoogleAppsScript.Spreadsheet.Sheet | null;
}

/**
 * Every connected table of the spreadsheet, with its columns where they are now, the Objectives sheet
 * and the dashboard,
 * from one metadata search: a finder matches one key at most, and one search of all beats one per key
 * and per sheet. Each result carries its key, value and location, so nothing else is read.
 */
export function findAddonMetadata(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): AddonMetadata {
  const headers: { meta: GoogleAppsScript.Spreadsheet.DeveloperMetadata; row: Range }[] = [];
  const fields = new Map<number, { field: string; column: number }[]>();
  const objectiveMarks: GoogleAppsScript.Spreadsheet.DeveloperMetadata[] = [];
  let dashboard: GoogleAppsScript.Spreadsheet.Sheet | null = null;
  for (const meta of spreadsheet.createDeveloperMetadataFinder().find()) {
    const key = meta.getKey();
    if (key === TABLE_KEY) {
      const row = meta.getLocation().getRow();
      if (row) headers.push({ meta, row });
    } else if (key === FIELD_KEY) {
      const column = meta.getLocation().getColumn();
      if (!column) continue;
      const sheetId = column.getSheet().getSheetId();
      fields.set(sheetId, [
        ...(fields.get(sheetId) ?? []),
        { field: meta.getValue() ?? '', column: column.getColumn() },
      ]);
    } else if (key === OBJECTIVES_KEY) objectiveMarks.push(meta);
    else if (key === DASHBOARD_KEY) dashboard ??= meta.getLocation().getSheet();
  }
  const tables = headers.flatMap(({ meta, row }) => {
    const parsed = tableSchema().safeParse(safeJson(meta.getValue()));
    if (!parsed.success) return [];
    const { kind } = parsed.data;
    const sheet = row.getSheet();
    const map: ColumnMap = {};
    for (const { field, column } of fields.get(sheet.getSheetId()) ?? []) {
      if (isFieldOf(kind, field)) map[field] = column;
    }
    return [{ sheet, kind, headerRow: row.getRow(), map, defaults: definedOnly(parsed.data.defaults ?? {}) }];
  });
  return { tables, objectives: objectivesSheetOf(objectiveMarks), dashboard };
}

/** Every connected table of the spreadsheet (see findAddonMetadata). */
export function findTables(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): ConnectedTable[] {
  return findAddonMetadata(spreadsheet).tables;
}

export function findTable(sheet: GoogleAppsScript.Spreadsheet.Sheet): ConnectedTable | undefined {
  return findTables(sheet.getParent()).find((t) => t.sheet.getSheetId() === sheet.getSheetId());
}

function safeJson(text: string | null): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}
