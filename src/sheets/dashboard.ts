/**
 * The Dashboard sheet: made by Set up, kept by Refresh. Its blocks are formulas and its charts read
 * ranges of it (see core/dashboard-layout.ts), so between runs it stays right by itself; a run only puts
 * back what is missing or out of date. It never moves anything and never writes over a value the team
 * typed: a cell is written only when it is blank or holds a formula, and only when it differs from the
 * plan. The team's own cells, rules and charts stay as they are.
 */
import {
  type CellValue,
  type ChartSpec,
  DASHBOARD_SHEET,
  type DashboardPlan,
  isFormula,
  type OutputRun,
  type PlannedCell,
} from '../core';
import { applyHighlights } from './highlights';
import { writeExactly } from './literal';
import { DASHBOARD_KEY } from './table-metadata';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type EmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

const TITLE = 'OKR & KPI dashboard';

export type DashboardOutcome = 'created' | 'kept' | { readonly conflict: string };

/**
 * A sheet named Dashboard that the add-on may take: empty, or its own dashboard from a Set up that
 * stopped before marking it (its title in A1). A team's own Dashboard is left alone.
 */
function adoptable(sheet: Sheet): boolean {
  if (sheet.getLastRow() === 0 && sheet.getCharts().length === 0) return true;
  return sheet.getRange(1, 1).getValue() === TITLE;
}

/** Set up: the dashboard made (or an unfinished one completed) and brought up to the plan. */
export function setUpDashboard(
  spreadsheet: Spreadsheet,
  found: Sheet | null,
  plan: DashboardPlan,
): DashboardOutcome {
  if (found) {
    reconcile(found, plan, false);
    return 'kept';
  }
  const existing = spreadsheet.getSheetByName(DASHBOARD_SHEET);
  if (existing && !adoptable(existing)) {
    return {
      conflict: `A sheet named "${DASHBOARD_SHEET}" already exists with other content, so it was left as it is and no dashboard was made. Rename it and run Set up again to get the add-on's dashboard.`,
    };
  }
  const sheet = existing ?? spreadsheet.insertSheet(DASHBOARD_SHEET);
  reconcile(sheet, plan, true);
  style(sheet, plan);
  // Marked last: a run stopped before this finds the sheet by name and title, and finishes the job.
  sheet.addDeveloperMetadata(DASHBOARD_KEY, 'v1');
  return 'created';
}

/** Refresh: the dashboard, when there is one, brought up to the plan (a few calls when nothing moved). */
export function refreshDashboard(sheet: Sheet, plan: DashboardPlan): void {
  reconcile(sheet, plan, false);
}

/** `labels`: also put back the plan's texts (a dashboard being made); else formulas alone are kept. */
function reconcile(sheet: Sheet, plan: DashboardPlan, labels: boolean): void {
  writeMissingCells(sheet, plan, labels);
  applyHighlights(sheet, plan.rulesFrom, plan.rules);
  keepCharts(sheet, plan.charts);
}

/** What a planned cell looks like in getFormulas (formulas) or getValues (text). */
function planned(cell: PlannedCell): { formula: string } | { text: CellValue } {
  return isFormula(cell) ? { formula: cell.formula } : { text: cell };
}

/**
 * Reads the dashboard's formulas once; where a planned formula differs (out of date, or cleared), reads
 * the values once more to tell a blank or the add-on's formula, which it writes, from a value the team
 * typed, which it keeps. While the dashboard is being made (`labels`), its texts are compared too (a
 * label is no formula, so the values are read at once); once made, a label the team changed or cleared
 * stays so, and a Refresh with nothing out of date reads the formulas alone. A block whose every
 * differing cell may be written goes back in one setValues; otherwise cell by cell around the team's.
 */
function writeMissingCells(sheet: Sheet, plan: DashboardPlan, labels: boolean): void {
  // What the sheet holds, from A1 to its last cell with content: planned cells past it are blank.
  const area = sheet.getDataRange();
  const formulas = area.getFormulas();
  let values: CellValue[][] | null = labels ? (area.getValues() as CellValue[][]) : null;
  const differs = (row: number, column: number, cell: PlannedCell): boolean => {
    const have = formulas[row - 1]?.[column - 1] ?? '';
    const want = planned(cell);
    if ('formula' in want) return have !== want.formula;
    return values !== null && (have !== '' || (values[row - 1]?.[column - 1] ?? '') !== want.text);
  };
  const stale = plan.blocks.filter((block) =>
    block.values.some((line, r) => line.some((cell, c) => differs(block.row + r, block.column + c, cell))),
  );
  if (stale.length === 0) return;
  values ??= area.getValues() as CellValue[][];
  ensureSize(sheet, plan);
  const empty =
    values.every((line) => line.every((v) => v === '')) && formulas.every((l) => l.every((f) => f === ''));
  if (empty) {
    // A new sheet: the whole plan in one write.
    writeExactly(sheet.getRange(1, 1, plan.area.rows, plan.area.columns), gridOf(plan));
    return;
  }
  // A differing cell the team typed a value into (not the plan's own label) stays.
  const teams = ({ row, column, cell }: PlacedCell) => {
    const want = planned(cell);
    const have = values[row - 1]?.[column - 1] ?? '';
    const formula = formulas[row - 1]?.[column - 1] ?? '';
    return formula === '' && have !== '' && !('text' in want && have === want.text);
  };
  for (const block of stale) {
    const changes = cellsOf(block).filter((placed) => differs(placed.row, placed.column, placed.cell));
    if (!changes.some(teams)) {
      const width = block.values[0]?.length ?? 1;
      writeExactly(sheet.getRange(block.row, block.column, block.values.length, width), block.values);
      continue;
    }
    for (const { row, column, cell } of changes.filter((placed) => !teams(placed)))
      writeExactly(sheet.getRange(row, column), [[cell]]);
  }
}

/** Every block in one grid the size of the plan's area, blank between them. */
function gridOf(plan: DashboardPlan): PlannedCell[][] {
  const grid: PlannedCell[][] = Array.from({ length: plan.area.rows }, () =>
    Array<PlannedCell>(plan.area.columns).fill(''),
  );
  for (const { row, column, cell } of plan.blocks.flatMap(cellsOf)) {
    (grid[row - 1] as PlannedCell[])[column - 1] = cell;
  }
  return grid;
}

interface PlacedCell {
  readonly row: number;
  readonly column: number;
  readonly cell: PlannedCell;
}

function cellsOf(block: OutputRun): PlacedCell[] {
  return block.values.flatMap((line, r) =>
    line.map((cell, c) => ({ row: block.row + r, column: block.column + c, cell })),
  );
}

/**
 * Room for every block: a new sheet has 1000 rows and 26 columns, the chart data lies a little beyond
 * Z, and a KPI trend per row needs as many rows as the KPI tables hold.
 */
function ensureSize(sheet: Sheet, plan: DashboardPlan): void {
  const columns = sheet.getMaxColumns();
  if (plan.area.columns > columns) sheet.insertColumnsAfter(columns, plan.area.columns - columns);
  const rows = sheet.getMaxRows();
  if (plan.area.rows > rows) sheet.insertRowsAfter(rows, plan.area.rows - rows);
}

/**
 * Formats, widths and bold headings: only when the dashboard is made, so the team's restyling stays.
 * One call per number format and per style, each over a RangeList of the ranges that take it.
 */
function style(sheet: Sheet, plan: DashboardPlan): void {
  for (const { format, ranges } of plan.formats) sheet.getRangeList([...ranges]).setNumberFormat(format);
  for (const { column, width } of plan.widths) sheet.setColumnWidth(column, width);
  sheet.getRangeList([...plan.bold]).setFontWeight('bold');
  sheet.getRangeList([...plan.wrapped]).setWrap(true);
  sheet.getRange('A1').setFontSize(16);
}

const A1 = (chart: EmbeddedChart) => chart.getRanges().map((range) => range.getA1Notation());

/**
 * The add-on's charts are the ones reading its ranges: one missing (never made, or deleted) is made
 * again; one found keeps the place and size the team gave it. Other charts are the team's.
 */
function keepCharts(sheet: Sheet, specs: readonly ChartSpec[]): void {
  const charts = sheet.getCharts();
  for (const spec of specs) {
    const ours = charts.find((chart) => A1(chart)[0] === spec.ranges[0]);
    if (!ours) sheet.insertChart(build(sheet, spec));
  }
}

function build(sheet: Sheet, spec: ChartSpec): EmbeddedChart {
  const start = sheet.newChart();
  const typed =
    spec.kind === 'bar' ? start.asBarChart() : spec.kind === 'pie' ? start.asPieChart() : start.asLineChart();
  let builder: EmbeddedChartBuilder = typed
    .setPosition(spec.anchor.row, spec.anchor.column, 0, 0)
    .setNumHeaders(1);
  for (const range of spec.ranges) builder = builder.addRange(sheet.getRange(range));
  const options = { ...spec.options, width: spec.width, height: spec.height };
  for (const [key, value] of Object.entries(options)) builder = builder.setOption(key, value);
  return builder.build();
}
