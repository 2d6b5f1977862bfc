/**
 * Refresh: for each connected table, one read, a judgement by core (the summary), one write of the
 * add-on's columns and one write of its highlight rules. KPI tables go first: their values are
 * snapshotted into the KPI History (which gives Previous, the signal and the trend) and feed the key
 * results that track a KPI. The number of Sheets calls does not grow with the number of rows.
 */
import {
  type CellValue,
  cellOf,
  isBlank,
  judgeKpiTable,
  judgeOkrTable,
  type KpiEvaluation,
  type KpiReading,
  kpiEvaluationsOf,
  kpiFacts,
  kpiKey,
  kpiReadingsOf,
  type OutputContext,
  okrSignals,
  planDashboard,
  planHighlights,
  planLinkedValues,
  planOutputs,
  type RowProblem,
  SETTING_NAMES,
  scoreOkrTable,
  seriesByKpi,
  type TableKind,
  type TableSummary,
  valuesByKpi,
} from '../core';
import { sheetCalendar } from './calendar';
import { type CheckInContext, readCheckInLog } from './check-in-log';
import { refreshDashboard } from './dashboard';
import { dashboardSources } from './dashboard-sources';
import { applyHighlights } from './highlights';
import { snapshotKpis } from './kpi-history-sheet';
import { type ReadKeyResults, refreshObjectivesSheet } from './objectives-sheet';
import {
  type CycleSettings,
  ensureSettings,
  readCycleSettings,
  readSettingsBlock,
  updateAsOf,
} from './settings';
import { readTableRows, type TableSnapshot, writeRuns } from './table-io';
import { type ConnectedTable, findAddonMetadata } from './table-metadata';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TableReport {
  readonly sheetName: string;
  readonly kind: TableKind;
  readonly summary: TableSummary;
}

export interface RefreshReport {
  readonly tables: readonly TableReport[];
  /** Every KPI as judged now, for the alert job. */
  readonly evaluations: readonly KpiEvaluation[];
  /** Why OKR statuses could not be judged (settings missing or invalid), if so. */
  readonly settingsProblem: string | null;
  /** What kept a column of the Objectives sheet from being written, if anything. */
  readonly objectivesProblem: string | null;
}

/** A short, stable key-result ID ("KR-1a2b3c4d"). */
export function newKeyResultId(): string {
  return `KR-${Utilities.getUuid().replace(/-/g, '').slice(0, 8)}`;
}

/**
 * The cycle settings, or why they cannot be read. When an OKR table needs them they are created if
 * missing (the current quarter), so its status formulas never read a named range that does not exist;
 * a block made by an older version gains the settings the formulas now read.
 */
function readSettings(spreadsheet: Spreadsheet, today: Date, needed: boolean): CycleSettings | string {
  try {
    let settings = readSettingsBlock(spreadsheet);
    if (needed || settings.range(SETTING_NAMES.asOf)) {
      const outcome = ensureSettings(spreadsheet, today, settings);
      if (typeof outcome === 'object' && 'conflict' in outcome) return outcome.conflict;
      if (outcome !== 'exists') settings = readSettingsBlock(spreadsheet);
    }
    updateAsOf(spreadsheet, today, settings);
    return readCycleSettings(spreadsheet, settings);
  } catch (error) {
    return (error as Error).message;
  }
}

function withProblems(summary: TableSummary, extra: readonly RowProblem[]): TableSummary {
  if (extra.length === 0) return summary;
  return { ...summary, problems: [...summary.problems, ...extra].sort((a, b) => a.row - b.row) };
}

function finish(
  table: ConnectedTable,
  snapshot: TableSnapshot,
  summary: TableSummary,
  extra: Pick<OutputContext, 'kpiFacts' | 'checkInLog' | 'signals'> = {},
): TableReport {
  const { sheet, kind, map, defaults } = table;
  const { header, firstRow, rows } = snapshot;
  writeRuns(
    sheet,
    planOutputs({ kind, map, firstRow, header, rows, newId: newKeyResultId, defaults, ...extra }),
  );
  applyHighlights(sheet, firstRow, planHighlights(kind, map, firstRow));
  return { sheetName: sheet.getName(), kind, summary };
}

/**
 * The KPI tables: each read once, all their values recorded in the history in one snapshot (one read
 * of the history however many tables there are), then Previous, Change, Signal and Trend written.
 */
export function refreshKpiTables(
  spreadsheet: Spreadsheet,
  tables: readonly ConnectedTable[],
  today: Date,
): { reports: TableReport[]; readings: KpiReading[]; evaluations: KpiEvaluation[]; kpiRows: number } {
  const read = tables.map((table) => {
    const snapshot = readTableRows(table.sheet, table.kind, table.headerRow, table.map);
    return { table, snapshot, readings: kpiReadingsOf(snapshot.rows, table.map) };
  });
  const readings = read.flatMap((t) => t.readings);
  const series = seriesByKpi(snapshotKpis(spreadsheet, readings, today));
  const reports: TableReport[] = [];
  const evaluations: KpiEvaluation[] = [];
  for (const { table, snapshot } of read) {
    const { map, defaults } = table;
    const facts = snapshot.rows.map((row) =>
      kpiFacts(row, map, series.get(kpiKey(String(cellOf(row, map, 'name') ?? ''))) ?? [], today, defaults),
    );
    reports.push(finish(table, snapshot, judgeKpiTable({ map, defaults, ...snapshot }), { kpiFacts: facts }));
    evaluations.push(...kpiEvaluationsOf(snapshot.rows, map, facts, defaults));
  }
  // The KPIs with a name, whose cards the dashboard gives a trend each.
  const named = (t: (typeof read)[number]) =>
    t.snapshot.rows.filter((row) => !isBlank(cellOf(row, t.table.map, 'name'))).length;
  const kpiRows = read.reduce((sum, t) => sum + named(t), 0);
  return { reports, readings, evaluations, kpiRows };
}

/** An OKR table: linked key results take their KPI's value first, then everything is scored. */
export function refreshOkrTable(
  table: ConnectedTable,
  settings: CycleSettings | string,
  kpis: ReadonlyMap<string, number>,
  today: Date,
  checkIns: CheckInContext,
): { report: TableReport; keyResults: ReadKeyResults } {
  const { sheet, map, headerRow } = table;
  const snapshot = readTableRows(sheet, table.kind, headerRow, map);
  const linked = planLinkedValues(snapshot.rows, map, snapshot.firstRow, kpis);
  for (const { index, value } of linked.updates) {
    // Only the linked rows' current cells: a handful, and never the user's other values.
    sheet.getRange(snapshot.firstRow + index, map.current as number).setValue(value);
    (snapshot.rows[index] as CellValue[])[(map.current as number) - 1] = value;
  }
  // Without readable settings the rows are still scored; the summary says once what is missing.
  const summary =
    typeof settings === 'string'
      ? scoreOkrTable({ map, ...snapshot })
      : judgeOkrTable({ map, ...snapshot }, settings.cycle, settings.asOf ?? today, settings.bands);
  const report = finish(table, snapshot, withProblems(summary, linked.problems), {
    checkInLog: checkIns.ranges,
    signals: okrSignals(snapshot.rows, map, checkIns.history),
  });
  const objectives = snapshot.rows.map((row) => cellOf(row, map, 'objective'));
  return { report, keyResults: { sheetName: report.sheetName, headerRow, map, objectives } };
}

export function refreshAll(spreadsheet: Spreadsheet, now: Date): RefreshReport {
  const today = sheetCalendar(spreadsheet).dayOf(now);
  const { tables, objectives, dashboard } = findAddonMetadata(spreadsheet);
  const settings = readSettings(
    spreadsheet,
    today,
    tables.some((t) => t.kind === 'okr'),
  );
  const kpiTables = tables.filter((t) => t.kind === 'kpi');
  // Without a KPI table there is nothing to record: the KPI History sheet is not even created.
  const kpi =
    kpiTables.length > 0
      ? refreshKpiTables(spreadsheet, kpiTables, today)
      : { reports: [], readings: [], evaluations: [], kpiRows: 0 };
  const kpiValues = valuesByKpi(kpi.readings);
  const okrTables = tables.filter((t) => t.kind === 'okr');
  const checkIns: CheckInContext =
    okrTables.length > 0 ? readCheckInLog(spreadsheet) : { ranges: undefined, history: new Map() };
  const okr = okrTables.map((table) => refreshOkrTable(table, settings, kpiValues, today, checkIns));
  const objectivesProblem = refreshObjectivesSheet(
    objectives,
    okr.map((t) => t.keyResults),
  );
  const reports = [...kpi.reports, ...okr.map((t) => t.report)];
  if (dashboard) {
    // The names read for the reports, in the order the tables were refreshed.
    const names = new Map([...kpiTables, ...okrTables].map((t, i) => [t, reports[i]?.sheetName ?? '']));
    const sources = dashboardSources(tables, objectives, (t) => names.get(t) ?? t.sheet.getName());
    refreshDashboard(dashboard, planDashboard(sources, kpi.kpiRows));
  }
  return {
    tables: reports,
    objectivesProblem,
    evaluations: kpi.evaluations,
    settingsProblem: typeof settings === 'string' && okrTables.length > 0 ? settings : null,
  };
}
