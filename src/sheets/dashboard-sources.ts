/** What the dashboard reads: the first OKR table, every KPI table, the Objectives sheet and the two logs. */
import { type DashboardSources, HISTORY_HEADERS, kpiMode, type LogSource } from '../core';
import { CHECK_IN_HEADERS, SHEET_NAMES } from './layouts';
import type { ObjectivesSheet } from './objectives-sheet';
import type { ConnectedTable } from './table-metadata';

function log(sheetName: string, headers: readonly string[]): LogSource {
  return { sheetName, columns: Object.fromEntries(headers.map((title, i) => [title, i + 1])) };
}

/**
 * The sources for these tables. With several OKR tables, the first one (in the spreadsheet's metadata
 * order) is the one shown; the logs are the add-on's own sheets, named as Set up names them.
 */
export function dashboardSources(
  tables: readonly ConnectedTable[],
  objectives: ObjectivesSheet | null,
  nameOf: (table: ConnectedTable) => string = (table) => table.sheet.getName(),
): DashboardSources {
  const okr = tables.find((t) => t.kind === 'okr');
  const kpis = tables.filter((t) => t.kind === 'kpi');
  const source = (table: ConnectedTable) => ({
    sheetName: nameOf(table),
    headerRow: table.headerRow,
    map: table.map,
  });
  return {
    ...(objectives && {
      objectives: {
        sheetName: objectives.sheet.getName(),
        headerRow: 1,
        objective: objectives.map.objective,
        parent: objectives.map.parent,
        keyResults: objectives.map.keyResults,
        score: objectives.map.score,
      },
    }),
    ...(okr && { okr: source(okr), checkIns: log(SHEET_NAMES.checkIns, CHECK_IN_HEADERS) }),
    kpis: kpis.map((table) => ({ ...source(table), mode: kpiMode(table.map) })),
    ...(kpis.length > 0 && { history: log(SHEET_NAMES.history, HISTORY_HEADERS) }),
  };
}
