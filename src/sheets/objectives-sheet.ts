/**
 * The Objectives sheet: made by Set up (kept when it exists, never overwritten), kept by Refresh, which
 * appends the objectives typed in the key-results tables that the list lacks (one block under the
 * team's rows, which are never moved or rewritten) and rewrites the header formulas, progress bars and
 * colours. Its computed columns are formulas, so scores follow what is typed between refreshes.
 */
import {
  type CellValue,
  isBlank,
  type KeyResultSource,
  lastInputRow,
  matchObjectiveTitles,
  missingObjectives,
  OBJECTIVE_LAYOUT,
  OBJECTIVE_TITLES,
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

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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

const WIDTHS: Partial<Record<(typeof OBJECTIVE_LAYOUT)[number], number>> = {
  objective: 300,
  parent: 300,
  counts: 150,
};

/**
 * Creates the sheet, or finishes one a stopped Set up left empty: formats first, then the header (with
 * the examples) in one write, so until that write the sheet reads as empty and the next run takes over.
 * A sheet with anything on it is the team's: kept when it has the layout, reported otherwise.
 */
export function setUpObjectivesSheet(
  spreadsheet: Spreadsheet,
  withExamples: boolean,
  report: SetupReport,
): void {
  const name = SHEET_NAMES.objectives;
  const existing = sheetNamed(spreadsheet, name);
  if (existing && existing.getLastRow() > 0) {
    if (matchObjectiveTitles(headerTexts(existing))) report.kept.push(existing.getName());
    else
      report.conflicts.push(
        `A sheet named "${existing.getName()}" already exists with other columns, so it was left as it is. Rename it and run Set up again to get the Objectives sheet (${OBJECTIVE_LAYOUT.map((f) => OBJECTIVE_TITLES[f]).join(', ')}).`,
      );
    return;
  }
  const sheet = existing ?? spreadsheet.insertSheet(name);
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const column = (field: (typeof OBJECTIVE_LAYOUT)[number]) => OBJECTIVE_LAYOUT.indexOf(field) + 1;
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, OBJECTIVE_LAYOUT.length).setFontWeight('bold').setBackground('#f1f3f4');
  for (const [field, width] of Object.entries(WIDTHS)) sheet.setColumnWidth(column(field as never), width);
  sheet
    .getRange(2, column('counts'), rows, 1)
    .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  sheet.getRange(2, column('score'), rows, 1).setNumberFormat('0%');
  const header = OBJECTIVE_LAYOUT.map((field) => OBJECTIVE_TITLES[field] as CellValue);
  const examples = withExamples ? OBJECTIVE_EXAMPLES.map((row) => header.map((_, i) => row[i] ?? '')) : [];
  sheet.getRange(1, 1, 1 + examples.length, header.length).setValues([header, ...examples]);
  report.created.push(name);
}

/** An OKR table as Refresh read it: where it is, and its objective column's cells under the header. */
export interface ReadKeyResults extends KeyResultSource {
  readonly objectives: readonly CellValue[];
}

/**
 * Refreshes the Objectives sheet when there is one with the add-on's columns (another layout is the
 * team's own, and never written). Returns what stops a column from being written, if anything.
 */
export function refreshObjectivesSheet(
  spreadsheet: Spreadsheet,
  tables: readonly ReadKeyResults[],
): string | null {
  const sheet = sheetNamed(spreadsheet, SHEET_NAMES.objectives);
  if (!sheet) return null;
  const [header = [], ...rows] = sheet.getDataRange().getValues() as CellValue[][];
  const map = matchObjectiveTitles(header);
  if (!map) return null;
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
