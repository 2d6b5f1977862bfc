/**
 * The server side of the KPI threshold sidebar: every KPI of the connected KPI tables with its limits,
 * and a save handler: the form validated, the limits saved under the document lock (src/sheets/
 * kpi-limits), and any refusal worded for the form.
 */
import { cellOf, isBlank, readKpiRule, readNumber } from '../core';
import { type KpiRow, kpiNameOf, readKpiRows, saveKpiLimits } from '../sheets/kpi-limits';
import { sidebarHandler } from './entry';
import { type Plain, plain } from './plain';
import { parsedLimits, type ThresholdErrors, validateThresholdForm } from './threshold-schema';

export interface KpiView {
  readonly sheet: string;
  readonly name: string;
  readonly unit: string;
  readonly value: Plain;
  readonly warning: Plain;
  readonly critical: Plain;
  readonly direction: string;
  readonly status: string | null;
  readonly problem: string | null;
  /** Whether the table has a Direction column to save a direction into. */
  readonly hasDirection: boolean;
  /** Value and limits as the sheet shows them ("97.0%"). */
  readonly shown: { readonly value: string; readonly warning: string; readonly critical: string };
}

export interface ThresholdPageData {
  readonly kpis: readonly KpiView[];
}

export type SaveThresholdResult =
  | { readonly ok: true; readonly kpi: KpiView }
  | { readonly ok: false; readonly errors: ThresholdErrors };

function shownOf(row: KpiRow, field: 'value' | 'warning' | 'critical'): string {
  const column = row.table.map[field];
  return column === undefined ? '' : (row.shown[column - 1] ?? '');
}

function view(row: KpiRow): KpiView {
  const { map } = row.table;
  const cell = (field: Parameters<typeof cellOf>[2]) => cellOf(row.cells, map, field);
  let status: string | null = null;
  let problem: string | null = null;
  try {
    const value = readNumber(cell('value'), 'value');
    if (value !== null) status = readKpiRule(row.cells, map, row.table.defaults).judge(value);
  } catch (error) {
    problem = (error as Error).message;
  }
  return {
    sheet: row.table.sheet.getName(),
    name: kpiNameOf(row),
    unit: isBlank(cell('unit')) ? '' : String(cell('unit')),
    value: plain(cell('value')),
    warning: plain(cell('warning')),
    critical: plain(cell('critical')),
    direction: isBlank(cell('direction')) ? '' : String(cell('direction')).trim().toLowerCase(),
    status,
    problem,
    hasDirection: map.direction !== undefined,
    shown: {
      value: shownOf(row, 'value'),
      warning: shownOf(row, 'warning'),
      critical: shownOf(row, 'critical'),
    },
  };
}

export function thresholdPageData(): ThresholdPageData {
  return { kpis: readKpiRows(SpreadsheetApp.getActiveSpreadsheet()).map(view) };
}

const NO_COLUMN = {
  direction:
    'This table has no Direction column: add one, or leave direction to be inferred from the limits.',
  warning: 'This table has no Warning column.',
  critical: 'This table has no Critical column.',
} as const;

export const saveThresholds = sidebarHandler((input, { locked }): SaveThresholdResult => {
  const validated = validateThresholdForm(input);
  if (!validated.ok) return validated;
  const { form } = validated;
  const { sheet, kpi } = form;
  const outcome = locked(() =>
    saveKpiLimits(SpreadsheetApp.getActiveSpreadsheet(), { sheet, name: kpi }, parsedLimits(form)),
  );
  switch (outcome.kind) {
    case 'saved':
      return { ok: true, kpi: view(outcome.row) };
    case 'not-found':
      return {
        ok: false,
        errors: { kpi: `No KPI named "${kpi}" on "${sheet}" any more. Reopen the sidebar.` },
      };
    case 'duplicate':
      return {
        ok: false,
        errors: {
          kpi: `"${kpi}" appears on rows ${outcome.rows.join(', ')} of "${sheet}": give each KPI its own name first.`,
        },
      };
    case 'no-column':
      return { ok: false, errors: { [outcome.field]: NO_COLUMN[outcome.field] } };
  }
});
