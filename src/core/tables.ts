/**
 * The two kinds of table the add-on understands, their columns, and how a header row written by a
 * team maps onto them. The user owns the input columns; the add-on owns its output columns (scores,
 * statuses, IDs) and never writes anywhere else.
 */
import { type CellValue, isBlank } from './cell';
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
] as const;
export const OKR_OUTPUTS = ['score', 'status', 'progress', 'lastCheckIn', 'id'] as const;

export type KpiField = (typeof KPI_INPUTS)[number] | (typeof KPI_OUTPUTS)[number];
export type OkrField = (typeof OKR_INPUTS)[number] | (typeof OKR_OUTPUTS)[number];
export type Field = KpiField | OkrField;

interface ColumnSpec {
  /** The header the add-on writes when it creates the column. */
  readonly title: string;
  /** Headers teams already use for it, compared lower-case with punctuation folded. */
  readonly synonyms: readonly string[];
}

export const KPI_COLUMNS: Readonly<Record<KpiField, ColumnSpec>> = {
  name: {
    title: 'KPI',
    synonyms: ['kpi', 'metric', 'name', 'indicator', 'kpi name', 'metric name', 'measure'],
  },
  owner: { title: 'Owner', synonyms: ['owner', 'responsible', 'owner email', 'accountable'] },
  unit: { title: 'Unit', synonyms: ['unit', 'units', 'uom'] },
  direction: { title: 'Direction', synonyms: ['direction', 'better', 'good direction', 'polarity'] },
  warning: {
    title: 'Warning',
    synonyms: [
      'warning',
      'warn',
      'min',
      'minimum',
      'threshold',
      'warning threshold',
      'warning limit',
      'warning level',
    ],
  },
  critical: {
    title: 'Critical',
    synonyms: [
      'critical',
      'crit',
      'critical threshold',
      'critical limit',
      'critical level',
      'alarm',
      'red line',
    ],
  },
  target: { title: 'Target', synonyms: ['target', 'goal', 'objective value'] },
  value: {
    title: 'Current',
    synonyms: ['current', 'actual', 'value', 'latest', 'current value', 'actual value', 'now'],
  },
  suddenLimit: {
    title: 'Sudden change limit',
    synonyms: ['sudden change limit', 'change limit', 'max change', 'sudden change', 'alert on change'],
  },
  previous: { title: 'Previous', synonyms: ['previous', 'prior', 'previous value', 'prev'] },
  change: { title: 'Change', synonyms: ['change', 'delta', 'change %'] },
  status: { title: 'Status', synonyms: ['status', 'kpi status', 'health'] },
  signal: { title: 'Signal', synonyms: ['signal', 'alert', 'sudden'] },
  trend: { title: 'Trend', synonyms: ['trend', 'sparkline', 'history'] },
};

export const OKR_COLUMNS: Readonly<Record<OkrField, ColumnSpec>> = {
  objective: { title: 'Objective', synonyms: ['objective', 'goal', 'objectives', 'o'] },
  keyResult: { title: 'Key result', synonyms: ['key result', 'kr', 'key results', 'result', 'description'] },
  owner: { title: 'Owner', synonyms: ['owner', 'responsible', 'assignee', 'owner email'] },
  kind: { title: 'Kind', synonyms: ['kind', 'type', 'kr type', 'measure type'] },
  start: { title: 'Start', synonyms: ['start', 'baseline', 'initial', 'start value', 'from'] },
  target: { title: 'Target', synonyms: ['target', 'target value', 'to', 'goal value'] },
  current: { title: 'Current', synonyms: ['current', 'actual', 'current value', 'value', 'latest'] },
  weight: { title: 'Weight', synonyms: ['weight', 'weighting', 'importance'] },
  confidence: { title: 'Confidence', synonyms: ['confidence', 'confidence level'] },
  linkedKpi: { title: 'Linked KPI', synonyms: ['linked kpi', 'kpi', 'tracks kpi', 'metric'] },
  score: { title: 'Score', synonyms: ['score', 'progress %', 'kr score'] },
  status: { title: 'Status', synonyms: ['status', 'health'] },
  progress: { title: 'Progress', synonyms: ['progress', 'progress bar', 'bar'] },
  lastCheckIn: {
    title: 'Last check-in',
    synonyms: ['last check in', 'last checkin', 'last update', 'updated'],
  },
  id: { title: 'KR ID', synonyms: ['kr id', 'id', 'key result id'] },
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

function normalise(header: CellValue): string {
  return String(header ?? '')
    .toLowerCase()
    .replace(/[\s_\-./()]+/g, ' ')
    .trim();
}

/**
 * Maps a header row onto a table kind's columns: each field takes the first header among its
 * synonyms, and each header serves one field. Only the add-on's own sheets map output columns too: in
 * a team's table a "Status" column is the team's, and the add-on must never write over it.
 */
export function matchHeaders(kind: TableKind, headers: readonly CellValue[], withOutputs = false): ColumnMap {
  const specs = columnsOf(kind);
  const fields = withOutputs ? [...inputsOf(kind), ...outputsOf(kind)] : [...inputsOf(kind)];
  const taken = new Set<number>();
  const map: ColumnMap = {};
  const names = headers.map(normalise);
  // A field's main title wins over a looser synonym ("KPI" is the name in a KPI table, not a link).
  for (const pass of ['title', 'synonym'] as const) {
    for (const field of fields) {
      if (map[field] !== undefined) continue;
      const spec = specs[field] as ColumnSpec;
      const wanted = pass === 'title' ? [normalise(spec.title)] : spec.synonyms;
      const at = names.findIndex((name, i) => !taken.has(i) && name !== '' && wanted.includes(name));
      if (at >= 0) {
        map[field] = at + 1;
        taken.add(at);
      }
    }
  }
  return map;
}

export function missingRequired(kind: TableKind, map: ColumnMap): Field[] {
  const missing = REQUIRED[kind].filter((f) => map[f] === undefined);
  if (kind === 'kpi' && map.warning === undefined && map.critical === undefined) missing.push('warning');
  return missing;
}

export interface DetectedTable {
  readonly kind: TableKind;
  /** Index of the header row within the scanned values (0-based). */
  readonly headerIndex: number;
  readonly map: ColumnMap;
  readonly missing: readonly Field[];
}

/**
 * Finds the header row among the first rows of a sheet: the row that maps the most columns of either
 * kind. A row with fewer than two recognised headers is not a header row.
 */
export function detectTable(
  rows: readonly (readonly CellValue[])[],
  only?: TableKind,
  scan = 20,
): DetectedTable | null {
  let best: DetectedTable | null = null;
  let bestScore = 1;
  for (let i = 0; i < Math.min(rows.length, scan); i++) {
    const row = rows[i] as readonly CellValue[];
    if (row.every((c) => isBlank(c))) continue;
    for (const kind of only ? [only] : (['kpi', 'okr'] as const)) {
      const map = matchHeaders(kind, row);
      const missing = missingRequired(kind, map);
      // Complete tables beat incomplete ones; then the most recognised columns wins.
      const score = Object.keys(map).length + (missing.length === 0 ? 100 : 0);
      if (score > bestScore) {
        best = { kind, headerIndex: i, map, missing };
        bestScore = score;
      }
    }
  }
  return best;
}

/** Column letters: 1 -> A, 27 -> AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
