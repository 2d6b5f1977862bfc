/** The sheets Set up creates: their names, column order, formats and example rows. */
import {
  type CellValue,
  type Field,
  KPI_INPUTS,
  KPI_OUTPUTS,
  type KpiField,
  OKR_INPUTS,
  OKR_OUTPUTS,
  type OkrField,
  type TableKind,
} from '../core';

export const SHEET_NAMES = {
  okr: 'OKRs',
  kpi: 'KPIs',
  checkIns: 'Check-ins',
  settings: 'OKR Settings',
  history: 'KPI History',
  alerts: 'Alerts',
  objectives: 'Objectives',
} as const;

/**
 * The add-on's own sheets: the team's input columns, then the add-on's computed ones. Its KPIs sheet
 * is judged by limits, so it has no Tolerance column (that is for KPIs judged against a target alone).
 */
export const KPI_LAYOUT: readonly KpiField[] = [
  ...KPI_INPUTS.filter((f) => f !== 'tolerance'),
  ...KPI_OUTPUTS,
];
export const OKR_LAYOUT: readonly OkrField[] = [...OKR_INPUTS, ...OKR_OUTPUTS];

export const CHECK_IN_HEADERS = [
  'Timestamp',
  'KR ID',
  'Key result',
  'Value',
  'Confidence',
  'Comment',
  'User',
] as const;

export function layoutOf(kind: TableKind): readonly Field[] {
  return kind === 'kpi' ? KPI_LAYOUT : OKR_LAYOUT;
}

/** Column widths (pixels) for the columns whose text runs long; others keep Sheets' default. */
export const COLUMN_WIDTHS: Partial<Record<Field, number>> = {
  objective: 220,
  keyResult: 280,
  name: 180,
  owner: 170,
  linkedKpi: 160,
  signal: 240,
  lastCheckIn: 130,
};

/** Number formats of the columns whose values have a natural format. */
export const COLUMN_FORMATS: Partial<Record<Field, string>> = {
  suddenLimit: '0%',
  change: '+0.0%;-0.0%;0.0%',
  score: '0%',
  pace: '+0%;-0%;0%',
  projected: '0%',
  lastCheckIn: 'yyyy-mm-dd hh:mm',
};

/** Examples drawn from common practice; inputs only, in layout order up to the first output column. */
export const KPI_EXAMPLES: readonly CellValue[][] = [
  ['On-time delivery', 'ops@example.com', '%', 'higher', 0.98, 0.95, '', 0.99, 0.97],
  ['Median response time', 'support@example.com', 'ms', 'lower', 400, 500, 0.2, 280, 340],
  ['Ticket backlog', 'support@example.com', 'tickets', 'lower', 120, 150, '', 80, 164],
  ['Conversion rate', 'growth@example.com', '%', 'higher', 0.025, 0.02, '', 0.0275, 0.027],
  ['Active users', 'product@example.com', 'users', 'higher', 900, 800, '', 1000, 950],
  ['Weekly leads', 'sales@example.com', 'leads', 'higher', 180, 150, 0.25, 260, 166],
];

/** Number formats of the example rows' values (by row), so 0.98 reads 98%. */
export const EXAMPLE_VALUE_FORMATS: Readonly<
  Record<TableKind, { fields: readonly Field[]; byRow: readonly (string | null)[] }>
> = {
  kpi: {
    fields: ['warning', 'critical', 'target', 'value', 'previous'],
    byRow: ['0.0%', null, null, '0.00%', null, null],
  },
  okr: { fields: ['start', 'target', 'current'], byRow: [null, '0.0%', '0.00%', null, null] },
};

/** Five weekly values before today for each example KPI, oldest first, so trends and changes show. */
export const KPI_EXAMPLE_HISTORY: Readonly<Record<string, readonly number[]>> = {
  'On-time delivery': [0.985, 0.99, 0.986, 0.984, 0.985],
  'Median response time': [430, 420, 410, 415, 430],
  'Ticket backlog': [110, 115, 118, 125, 140],
  'Conversion rate': [0.024, 0.025, 0.026, 0.026, 0.026],
  'Active users': [820, 850, 880, 900, 910],
  'Weekly leads': [240, 250, 245, 260, 255],
};

export const OKR_EXAMPLES: readonly CellValue[][] = [
  [
    'Delight customers with fast, reliable service',
    'Cut median response time 30% (400 ms to 280 ms)',
    'support@example.com',
    'linear',
    400,
    280,
    340,
    1,
    7,
    'Median response time',
    '',
    '',
  ],
  [
    'Delight customers with fast, reliable service',
    'Keep on-time delivery at 98% or better',
    'ops@example.com',
    'at_least',
    '',
    0.98,
    0.97,
    1,
    6,
    'On-time delivery',
    '',
    '',
  ],
  [
    'Grow the business',
    'Lift conversion 10% (2.5% to 2.75%)',
    'growth@example.com',
    'linear',
    0.025,
    0.0275,
    0.026,
    2,
    5,
    '',
    '',
    '',
  ],
  [
    'Grow the business',
    'Reach 1,000 active users',
    'product@example.com',
    'linear',
    0,
    1000,
    700,
    1,
    8,
    '',
    '',
    '',
  ],
  [
    'Grow the business',
    'Launch the referral programme',
    'product@example.com',
    'milestone',
    '',
    '',
    false,
    1,
    6,
    '',
    '',
    '',
  ],
];
