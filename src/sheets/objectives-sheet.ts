/**
 * The Objectives sheet: made by Set up (kept when it exists, never overwritten), kept by Refresh, which
 * appends the objectives typed in the key-results tables that the list lacks (one block under the
 * team's rows, which are never moved or rewritten) and rewrites the header formulas, progress bars and
 * colours. Its computed columns are formulas, so scores follow what is typed between refreshes.
 */
import {
  type CellValue,
  columnLetter,
  isBlank,
  type KeyResultSource,
  lastInputRow,
  matchObjectiveTitles,
  missingObjectives,
  OBJECTIVE_LAYOUT,
  OBJECTIVE_TITLES,
  type ObjectiveField,
  type ObjectivesMap,
  objectiveOutputBlocks,
  objectiveOutputs,
  objectiveRow,
  planObjectiveHighlights,
} from '../core';
import { applyHighlights } from './highlights';
import { SHEET_NAMES } from './layouts';
import { appendRows } from './log-sheet';
import type { SetupReport } from './setup';
import { headerTexts, sheetNamed } from './sheet-lookup';
import { writeRuns } from './table-io';
import { OBJECTIVES_KEY } from './table-metadata';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The Objectives sheet and where each of its columns is now. */
export interface ObjectivesSheet {
  readonly sheet: Sheet;
  readonly map: Required<ObjectivesMap>;
}

function isObjectiveField(value: string | null): value is ObjectiveField {
  return (OBJECTIVE_LAYOUT as readonly (string | null)[]).includes(value);
}

/** The sheet and its columns from its column marks; null unless every column is marked. */
export function objectivesSheetOf(
  marks: readonly GoogleAppsScript.Spreadsheet.DeveloperMetadata[],
): ObjectivesSheet | null {
  let sheet: Sheet | undefined;
  const map: ObjectivesMap = {};
  for (const meta of marks) {
    const column = meta.getLocation().getColumn();
    const field = meta.getValue();
    if (!column || !isObjectiveField(field)) continue;
    sheet ??= column.getSheet();
    if (column.getSheet().getSheetId() === sheet.getSheetId()) map[field] = column.getColumn();
  }
  const complete = OBJECTIVE_LAYOUT.every((field) => map[field] !== undefined);
  return sheet && complete ? { sheet, map: map as Required<ObjectivesMap> } : null;
}

function findObjectivesSheet(spreadsheet: Spreadsheet): ObjectivesSheet | null {
  return objectivesSheetOf(spreadsheet.createDeveloperMetadataFinder().withKey(OBJECTIVES_KEY).find());
}

/** Marks each column with its field, keeping the marks already right (run again, it adds nothing). */
function markColumns(sheet: Sheet, map: Required<ObjectivesMap>): void {
  const wanted = new Map(OBJECTIVE_LAYOUT.map((field) => [`${field}@${map[field]}`, field]));
  for (const found of sheet.createDeveloperMetadataFinder().withKey(OBJECTIVES_KEY).find()) {
    const key = `${found.getValue()}@${found.getLocation().getColumn()?.getColumn()}`;
    if (wanted.has(key)) wanted.delete(key);
    else found.remove();
  }
  for (const field of wanted.values()) {
    const letter = columnLetter(map[field]);
    sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(OBJECTIVES_KEY, field);
  }
}

const COMPANY_OBJECTIVE = 'Become the company customers recommend';

/**
 * The demo's two objectives under a company objective: one counts toward it, one is aligned only
 * (it shows in the tree but leaves the company's score alone).
 */
export const OBJECTIVE_EXAMPLES: readonly CellValue[][] = [
  [COMPANY_OBJECTIVE, '', true, 'Leadership'],
  ['Delight customers with fast, reliable service', COMPANY_OBJECTIVE, true, 'Support'],
  ['Grow the business', COMPANY_OBJECTIVE, false, 'Growth'],
];

const WIDTHS: Partial<Record<ObjectiveField, number>> = {
  objective: 300,
  parent: 300,
  counts: 150,
};

/**
 * Creates the sheet, or finishes one a stopped Set up left behind: formats first, then the header (with
 * the examples) in one write, then the column marks. Until the header is written the sheet reads as
 * empty, and the next run fills it; once written, the next run finds the titles and marks the columns.
 * A sheet with anything else on it is the team's: reported, never written.
 */
export function setUpObjectivesSheet(
  spreadsheet: Spreadsheet,
  withExamples: boolean,
  report: SetupReport,
): void {
  const found = findObjectivesSheet(spreadsheet);
  if (found) {
    report.kept.push(found.sheet.getName());
    return;
  }
  const name = SHEET_NAMES.objectives;
  const existing = sheetNamed(spreadsheet, name);
  if (existing && existing.getLastRow() > 0) {
    const map = matchObjectiveTitles(headerTexts(existing));
    if (map) {
      markColumns(existing, map);
      report.kept.push(existing.getName());
    } else
      report.conflicts.push(
        `A sheet named "${existing.getName()}" already exists with other columns, so it was left as it is. Rename it and run Set up again to get the Objectives sheet (${OBJECTIVE_LAYOUT.map((f) => OBJECTIVE_TITLES[f]).join(', ')}).`,
      );
    return;
  }
  const sheet = existing ?? spreadsheet.insertSheet(name);
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const column = (field: ObjectiveField) => OBJECTIVE_LAYOUT.indexOf(field) + 1;
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, OBJECTIVE_LAYOUT.length).setFontWeight('bold').setBackground('#f1f3f4');
  for (const [field, width] of Object.entries(WIDTHS))
    sheet.setColumnWidth(column(field as ObjectiveField), width);
  sheet
    .getRange(2, column('counts'), rows, 1)
    .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  sheet.getRange(2, column('score'), rows, 1).setNumberFormat('0%');
  const header = OBJECTIVE_LAYOUT.map((field) => OBJECTIVE_TITLES[field] as CellValue);
  const examples = withExamples ? OBJECTIVE_EXAMPLES.map((row) => header.map((_, i) => row[i] ?? '')) : [];
  sheet.getRange(1, 1, 1 + examples.length, header.length).setValues([header, ...examples]);
  markColumns(
    sheet,
    Object.fromEntries(OBJECTIVE_LAYOUT.map((f) => [f, column(f)])) as Required<ObjectivesMap>,
  );
  report.created.push(name);
}

/** An OKR table as Refresh read it: where it is, and its objective column's cells under the header. */
export interface ReadKeyResults extends KeyResultSource {
  readonly objectives: readonly CellValue[];
}

/**
 * Refreshes the Objectives sheet Set up made (found by its column marks; a sheet of the team's, unmarked,
 * is never written). Returns what stops a column from being written, if anything.
 */
export function refreshObjectivesSheet(
  found: ObjectivesSheet | null,
  tables: readonly ReadKeyResults[],
): string | null {
  if (!found) return null;
  const { sheet, map } = found;
  const [, ...rows] = sheet.getDataRange().getValues() as CellValue[][];
  const missing = missingObjectives(
    rows.map((row) => row[map.objective - 1]),
    tables.map((t) => t.objectives),
  );
  const last = lastInputRow(map, rows);
  appendRows(
    sheet,
    missing.map((objective) => objectiveRow(map, objective)),
    [],
    last,
  );
  const lastRow = last + missing.length;
  const hasObjective = (row: number) =>
    row > 1 && (row > last ? row <= lastRow : !isBlank(rows[row - 2]?.[map.objective - 1]));
  const { plans, problem } = objectiveOutputs(map, tables);
  writeRuns(sheet, objectiveOutputBlocks(map, plans, hasObjective, lastRow));
  applyHighlights(sheet, 2, planObjectiveHighlights(map, 2));
  return problem;
}
