/**
 * The two kinds of table the add-on understands, their columns, and how a header row written by a
 * team maps onto them. The user owns the input columns; the add-on owns its output columns (scores,
 * statuses, IDs) and never writes anywhere else.
 */
import type { CellValue } from './cell';
import type { Direction } from './kpi';

export type TableKind = 'kpi' | 'okr';

export const KPI_INPUTS = [
  'name',
  'owner',
  'unit',
  'direction',
  'warning',
  'critical',
  'suddenLimit',
  'target',
  'tolerance',
  'value',
] as const;
/** Previous, change, the sudden-change signal and the trend come from the KPI History sheet. */
export const KPI_OUTPUTS = ['previous', 'change', 'status', 'signal', 'trend'] as const;
export const OKR_INPUTS = [
  'objective',
  'keyResult',
  'owner',
  'kind',
  'start',
  'target',
  'current',
  'weight',
  'confidence',
  'linkedKpi',
  'commit',
  'stretch',
] as const;
export const OKR_OUTPUTS = [
  'score',
  'pace',
  'status',
  'forecast',
  'projected',
  'progress',
  'lastCheckIn',
  'signal',
  'id',
] as const;

export type KpiField = (typeof KPI_INPUTS)[number] | (typeof KPI_OUTPUTS)[number];
export type OkrField = (typeof OKR_INPUTS)[number] | (typeof OKR_OUTPUTS)[number];
export type Field = KpiField | OkrField;

interface ColumnSpec {
  /** The header the add-on writes when it creates the column. */
  readonly title: string;
}

export const KPI_COLUMNS: Readonly<Record<KpiField, ColumnSpec>> = {
  name: { title: 'KPI' },
  owner: { title: 'Owner' },
  unit: { title: 'Unit' },
  direction: { title: 'Direction' },
  warning: { title: 'Warning' },
  critical: { title: 'Critical' },
  target: { title: 'Target' },
  tolerance: { title: 'Tolerance' },
  value: { title: 'Current' },
  suddenLimit: { title: 'Sudden change limit' },
  previous: { title: 'Previous' },
  change: { title: 'Change' },
  status: { title: 'Status' },
  signal: { title: 'Signal' },
  trend: { title: 'Trend' },
};

export const OKR_COLUMNS: Readonly<Record<OkrField, ColumnSpec>> = {
  objective: { title: 'Objective' },
  keyResult: { title: 'Key result' },
  owner: { title: 'Owner' },
  kind: { title: 'Kind' },
  start: { title: 'Start' },
  target: { title: 'Target' },
  current: { title: 'Current' },
  weight: { title: 'Weight' },
  confidence: { title: 'Confidence' },
  linkedKpi: { title: 'Linked KPI' },
  commit: { title: 'Commit' },
  stretch: { title: 'Stretch' },
  score: { title: 'Score' },
  pace: { title: 'Pace' },
  status: { title: 'Status' },
  forecast: { title: 'Forecast' },
  projected: { title: 'Projected score' },
  progress: { title: 'Progress' },
  lastCheckIn: { title: 'Last check-in' },
  signal: { title: 'Signal' },
  id: { title: 'KR ID' },
};

export const REQUIRED: Readonly<Record<TableKind, readonly Field[]>> = {
  kpi: ['name', 'value'],
  okr: ['keyResult', 'target', 'current'],
};

export function columnsOf(kind: TableKind): Readonly<Record<string, ColumnSpec>> {
  return kind === 'kpi' ? KPI_COLUMNS : OKR_COLUMNS;
}

export function inputsOf(kind: TableKind): readonly Field[] {
  return kind === 'kpi' ? KPI_INPUTS : OKR_INPUTS;
}

export function outputsOf(kind: TableKind): readonly Field[] {
  return kind === 'kpi' ? KPI_OUTPUTS : OKR_OUTPUTS;
}

/**
 * A KPI table's defaults for rows that leave them blank: which way is better, and how far from its
 * target a value is still "near" it (a fraction of the target: 0.05 = 5%).
 */
export interface TableDefaults {
  readonly direction?: Direction;
  readonly tolerance?: number;
}

/** Field -> 1-based column of the sheet. */
export type ColumnMap = Partial<Record<Field, number>>;

/** A header as titles are compared: case, spacing and punctuation folded. */
export function foldedTitle(header: CellValue): string {
  return String(header ?? '')
    .toLowerCase()
    .replace(/[\s_\-./()]+/g, ' ')
    .trim();
}

/**
 * The add-on's own layout, recognised by its titles (case and punctuation folded): how a sheet it
 * set up is found again when its metadata was lost. A team's table is read with readHeaderRow.
 */
export function matchTitles(kind: TableKind, headers: readonly CellValue[]): ColumnMap {
  const names = headers.map(foldedTitle);
  const map: ColumnMap = {};
  for (const field of [...inputsOf(kind), ...outputsOf(kind)]) {
    const at = names.indexOf(foldedTitle((columnsOf(kind)[field] as ColumnSpec).title));
    if (at >= 0) map[field] = at + 1;
  }
  return map;
}

/** The cell of `field` in a row, or undefined when the table has no such column. */
export function cellOf(row: readonly CellValue[], map: ColumnMap, field: Field): CellValue {
  const column = map[field];
  return column === undefined ? undefined : row[column - 1];
}

/**
 * The columns a table cannot do without. A KPI also needs something to be judged against: a target, or
 * a warning or critical limit.
 */
export function missingRequired(kind: TableKind, map: ColumnMap): Field[] {
  const missing = REQUIRED[kind].filter((f) => map[f] === undefined);
  const judgedAgainst = map.target ?? map.warning ?? map.critical;
  if (kind === 'kpi' && judgedAgainst === undefined) missing.push('target');
  return missing;
}

/** Column letters: 1 -> A, 27 -> AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
