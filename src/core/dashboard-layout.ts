/**
 * The dashboard sheet: where each block sits and the formulas it holds. Everything on it is a formula
 * over the team's sheets (the add-on's own functions, COUNTIF, FILTER, SORT...), and every chart reads a
 * range of it, so the whole page stays right as values are typed, with no script run. Blocks that grow
 * with the data (the objective tree, KPI cards, the weeks of the cycle) each have columns of their own
 * with nothing below them, so a spill never runs into another block.
 */
import { groupBy } from './group-by';
import { type HighlightRule, marked } from './highlight-rules';
import { KPI_STATUSES, type KpiMode } from './kpi-rule';
import { GRADE_BANDS } from './objective';
import {
  type Formula,
  type OutputRun,
  type PlannedCell,
  SETTING_NAMES,
  STATUS_COLOURS,
} from './output-columns';
import { type ColumnMap, columnLetter, type Field } from './tables';

/** An OKR or KPI table as the dashboard reads it: its sheet, header row and columns. */
export interface SourceTable {
  readonly sheetName: string;
  readonly headerRow: number;
  readonly map: ColumnMap;
}

/** The objectives list (Objectives sheet): the columns the tree reads, 1-based. */
export interface ObjectivesSource {
  readonly sheetName: string;
  readonly headerRow: number;
  readonly objective: number;
  readonly parent: number;
  readonly keyResults: number;
  readonly score: number;
}

/** A log sheet's columns, by title, 1-based; its data starts on row 2. */
export interface LogSource {
  readonly sheetName: string;
  readonly columns: Readonly<Record<string, number>>;
}

export interface KpiSource extends SourceTable {
  readonly mode: KpiMode;
}

export interface DashboardSources {
  readonly okr?: SourceTable;
  /** Every KPI table: the dashboard counts, lists and shows cards for all of them. */
  readonly kpis: readonly KpiSource[];
  readonly objectives?: ObjectivesSource;
  readonly checkIns?: LogSource;
  readonly history?: LogSource;
}

export type ChartKind = 'bar' | 'pie' | 'line';

/** A chart the add-on keeps on the dashboard; `key` names it in the dashboard's metadata. */
export interface ChartSpec {
  readonly key: 'objectives' | 'status' | 'progress';
  readonly kind: ChartKind;
  /** A1 ranges of the dashboard sheet; the first column is the labels. */
  readonly ranges: readonly string[];
  readonly anchor: { readonly row: number; readonly column: number };
  readonly width: number;
  readonly height: number;
  readonly options: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

export interface DashboardPlan {
  readonly blocks: readonly OutputRun[];
  /** Number formats, each with every range that takes it (one call per format). */
  readonly formats: readonly { readonly format: string; readonly ranges: readonly string[] }[];
  /** Conditional-format rules on columns from row `rulesFrom` down. */
  readonly rules: readonly HighlightRule[];
  readonly rulesFrom: number;
  readonly charts: readonly ChartSpec[];
  readonly widths: readonly { readonly column: number; readonly width: number }[];
  /** Cells in bold (titles and headers). */
  readonly bold: readonly string[];
  /** Cells whose text wraps (the headline labels, longer than their columns). */
  readonly wrapped: readonly string[];
  /** The rectangle every block lies in: the sheet is made at least this wide. */
  readonly area: { readonly rows: number; readonly columns: number };
}

export const DASHBOARD_SHEET = 'Dashboard';

/** How many rows an exception list shows: the few that need attention, worst first. */
export const EXCEPTION_ROWS = 10;
/** Rows the charts read below their header: room for a big company's objectives and a year of weeks. */
const CHART_ROWS = 200;

const HEADLINE_ROW = 4;
const CHART_ROW = 7;
const SECTION_ROW = 25;
const TABLE_ROW = SECTION_ROW + 1;

/** Where each block starts (1-based columns). */
const AT = {
  tree: 1, // A:D
  cards: 6, // F:M
  exceptions: 15, // O:P, four lists one under another
  status: 18, // R:S
  progress: 21, // U:W
  grades: 25, // Y:AB, the objective chart's data
} as const;

const STATUSES = ['On track', 'At risk', 'Off track', 'Done', 'Not started'] as const;
const STATUS_CHART_COLOURS = ['#34a853', '#fbbc04', '#ea4335', '#1a73e8', '#9aa0a6'];
const GRADE_CHART_COLOURS = ['#ea4335', '#fbbc04', '#34a853'];

function f(text: string): Formula {
  return { formula: `=${text}` };
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A column of a table from its header row down (rows typed or inserted later are included). */
function tableColumn(table: SourceTable, field: Field): string | null {
  const column = table.map[field];
  if (column === undefined) return null;
  const letter = columnLetter(column);
  return `${quoteSheet(table.sheetName)}!${letter}${table.headerRow}:${letter}`;
}

function listColumn(source: { sheetName: string; headerRow: number }, column: number): string {
  const letter = columnLetter(column);
  return `${quoteSheet(source.sheetName)}!${letter}${source.headerRow}:${letter}`;
}

/** A log's column from its first data row down. */
function logColumn(log: LogSource, title: string): string | null {
  const column = log.columns[title];
  if (column === undefined) return null;
  const letter = columnLetter(column);
  return `${quoteSheet(log.sheetName)}!${letter}2:${letter}`;
}

/** A1 of a cell of the dashboard. */
function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

function rangeA1(row: number, column: number, rows: number, columns: number): string {
  return `${a1(row, column)}:${a1(row + rows - 1, column + columns - 1)}`;
}

/** The formula's text, or null when a source it reads is missing. */
function whenText(parts: readonly (string | null)[], build: (...refs: string[]) => string): string | null {
  return parts.every((p) => p !== null) ? build(...(parts as string[])) : null;
}

/** The formula, or a blank cell when a source it reads is missing. */
function when(parts: readonly (string | null)[], build: (...refs: string[]) => string): PlannedCell {
  const text = whenText(parts, build);
  return text === null ? '' : f(text);
}

/** A header-inclusive column's data rows (a row inserted under the header is still read). */
function dataOf(column: string | null): string | null {
  return column && `DROP(${column},1)`;
}

/** The ranges the dashboard's formulas read, or null where a source or column is missing. */
class Refs {
  constructor(private readonly s: DashboardSources) {}

  /** An OKR table column with its header, for COUNTIF and AVERAGE (which need a range, skip text). */
  okr(field: Field): string | null {
    return this.s.okr ? tableColumn(this.s.okr, field) : null;
  }

  /** An OKR table column's data rows, for the add-on's functions. */
  okrData(field: Field): string | null {
    return dataOf(this.okr(field));
  }

  /** COUNTIF of each KPI table's status column for its mode's word at `level` (0 bad, 1 warning), summed. */
  kpiStatusCount(level: 0 | 1): string | null {
    const counts = this.s.kpis.flatMap((table) => {
      const status = tableColumn(table, 'status');
      return status ? [`COUNTIF(${status},"${KPI_STATUSES[table.mode][level]}")`] : [];
    });
    return counts.length > 0 ? counts.join('+') : null;
  }

  /** A column's data rows of every KPI table, one under another; null when a table lacks it. */
  kpiData(field: Field): string | null {
    const columns = this.s.kpis.map((table) => dataOf(tableColumn(table, field)));
    if (columns.length === 0 || columns.some((c) => c === null)) return null;
    return columns.length === 1 ? (columns[0] as string) : `VSTACK(${columns.join(',')})`;
  }

  /** Whether a KPI row is in breach (or missed its target): a condition over kpiData rows. */
  kpiInBreach(): string | null {
    if (this.s.kpis.length === 0) return null;
    const status = this.kpiData('status');
    const words = [...new Set(this.s.kpis.map((table) => KPI_STATUSES[table.mode][0]))];
    return words.map((word) => `(${status}="${word}")`).join('+');
  }

  get kpiTables(): readonly KpiSource[] {
    return this.s.kpis;
  }

  objectives(column: keyof Omit<ObjectivesSource, 'sheetName' | 'headerRow'>): string | null {
    const o = this.s.objectives;
    return o ? listColumn(o, o[column]) : null;
  }

  objectivesData(column: keyof Omit<ObjectivesSource, 'sheetName' | 'headerRow'>): string | null {
    const range = this.objectives(column);
    return range && `DROP(${range},1)`;
  }

  checkIns(title: string): string | null {
    return this.s.checkIns ? logColumn(this.s.checkIns, title) : null;
  }

  history(title: string): string | null {
    return this.s.history ? logColumn(this.s.history, title) : null;
  }
}

const { asOf, cycleStart, cycleEnd, checkInInterval, cycleName } = SETTING_NAMES;

/** Each key result's days without a check-in when stale (the OKRs sheet's stale highlight's rule). */
function staleCall(refs: Refs): string | null {
  const [kr, last] = [refs.okrData('keyResult'), refs.okrData('lastCheckIn')];
  return kr && last && `OKR_STALE(${kr},${last},${cycleStart},${checkInInterval},${asOf})`;
}

function headlines(refs: Refs): OutputRun {
  const keyResults = refs.okr('keyResult');
  const share = (status: string) =>
    when(
      [refs.okr('status'), keyResults],
      (st, kr) => `IFERROR(COUNTIF(${st},"${status}")/(COUNTA(${kr})-1),"")`,
    );
  const confidenceOn = (day: string) => (ids: string, conf: string, times: string, krIds: string) =>
    `OKR_CONFIDENCE(${ids},${conf},${times},${day},${krIds})`;
  const figures: readonly (readonly [string, PlannedCell])[] = [
    ['Objectives', when([refs.objectives('objective')], (o) => `MAX(0,COUNTA(${o})-1)`)],
    ['Key results', when([keyResults], (kr) => `MAX(0,COUNTA(${kr})-1)`)],
    ['On track', share('On track')],
    ['At risk', share('At risk')],
    ['Off track', share('Off track')],
    ['Average score', when([refs.okr('score')], (sc) => `IFERROR(AVERAGE(${sc}),"")`)],
    ['Average confidence', when([refs.okr('confidence')], (c) => `IFERROR(AVERAGE(${c}),"")`)],
    [
      'Confidence change, 2 weeks',
      when(
        [refs.checkIns('KR ID'), refs.checkIns('Confidence'), refs.checkIns('Timestamp'), refs.okrData('id')],
        (ids, conf, times, krIds) =>
          `IFERROR(${confidenceOn(asOf)(ids, conf, times, krIds)}-${confidenceOn(`${asOf}-14`)(ids, conf, times, krIds)},"")`,
      ),
    ],
    // A KPI judged against a target alone counts as in breach when Missed, in warning when Near.
    ['KPIs in breach', when([refs.kpiStatusCount(0)], (sum) => sum)],
    ['KPIs in warning', when([refs.kpiStatusCount(1)], (sum) => sum)],
    ['Stale key results', when([staleCall(refs)], (days) => `COUNT(${days})`)],
  ];
  return {
    row: HEADLINE_ROW,
    column: 1,
    values: [figures.map(([label]) => label), figures.map(([, cell]) => cell)],
  };
}

/** Number formats of the headline values, in headline order. */
const HEADLINE_FORMATS = ['0', '0', '0%', '0%', '0%', '0%', '0.0', '+0.0;-0.0;0.0', '0', '0', '0'];

function title(): OutputRun {
  return {
    row: 1,
    column: 1,
    values: [
      ['OKR & KPI dashboard'],
      [f(`IF(LEN(${cycleName}),${cycleName}&" · ","")&"as of "&TEXT(${asOf},"yyyy-mm-dd")`)],
    ],
  };
}

/** A titled table whose body is one formula spilling under its header row. */
/**
 * A titled table whose body is one formula spilling under its header: three runs (heading, header
 * row, formula), so no blank planned cell ever writes over something the team put beside them.
 */
function table(
  column: number,
  heading: string,
  headers: readonly string[],
  body: PlannedCell,
  row: number = SECTION_ROW,
): OutputRun[] {
  return [
    { row, column, values: [[heading]] },
    { row: row + 1, column, values: [[...headers]] },
    { row: row + 2, column, values: [[body]] },
  ];
}

function tree(refs: Refs): OutputRun[] {
  const body = when(
    [refs.objectivesData('objective'), refs.objectivesData('parent'), refs.objectivesData('score')],
    (o, p, sc) => `OKR_TREE(${o},${p},${sc})`,
  );
  const scores = `${columnLetter(AT.tree + 1)}${TABLE_ROW + 1}:${columnLetter(AT.tree + 1)}`;
  return [
    ...table(AT.tree, 'Objectives', ['Objective', 'Score', 'Level'], body),
    { row: TABLE_ROW, column: AT.tree + 3, values: [['Grade'], [f(`OKR_GRADE(${scores})`)]] },
  ];
}

/** KPI cards: one row each, with a sparkline of the KPI's recorded history beside it. */
function cards(refs: Refs, kpiRows: number): OutputRun[] {
  // One KPI_CARDS per table, one under another; a table without targets or directions passes blanks.
  const history = [refs.history('Date'), refs.history('KPI'), refs.history('Value')];
  const calls = refs.kpiTables.map((table) => {
    const column = (field: Field) => dataOf(tableColumn(table, field));
    const [name, value] = [column('name'), column('value')];
    const optional = [column('target') ?? '""', column('direction') ?? '""'];
    return whenText(
      [name, value, ...history],
      (n, v, ...h) => `KPI_CARDS(${[n, v, ...optional, ...h].join(',')})`,
    );
  });
  const formulas = calls.filter((call) => call !== null);
  const body: PlannedCell =
    formulas.length === 0
      ? ''
      : f(formulas.length === 1 ? (formulas[0] as string) : `VSTACK(${formulas.join(',')})`);
  const headers = ['KPI', 'Latest', 'Date', 'Target', 'Met', 'Change', 'Change is', 'Trend'];
  const first = TABLE_ROW + 1;
  const name = columnLetter(AT.cards);
  const values = refs.history('Value');
  const names = refs.history('KPI');
  const trend = (row: number): PlannedCell =>
    values && names
      ? f(`IF(LEN(${name}${row}),IFERROR(SPARKLINE(FILTER(${values},${names}=${name}${row})),""),"")`)
      : '';
  return [
    ...table(AT.cards, 'KPIs', headers.slice(0, -1), body),
    {
      row: TABLE_ROW,
      column: AT.cards + headers.length - 1,
      values: [['Trend'], ...Array.from({ length: kpiRows }, (_, i) => [trend(first + i)])],
    },
  ];
}

const LIST_HEIGHT = EXCEPTION_ROWS + 3; // heading, header, rows, a blank row

/** The exception lists, one under another: each the worst few rows, or "None". */
function exceptions(refs: Refs): OutputRun[] {
  const top = (rows: string, sortColumn: number, ascending: boolean) =>
    `IFERROR(SORTN(${rows},${EXCEPTION_ROWS},0,${sortColumn},${ascending ? 'TRUE' : 'FALSE'}),"None")`;
  const kr = refs.okrData('keyResult');
  const stale = staleCall(refs);
  const lists: readonly (readonly [string, readonly string[], PlannedCell])[] = [
    [
      'Key results off track',
      ['Key result', 'Score'],
      when([kr, refs.okrData('score'), refs.okrData('status')], (k, sc, st) =>
        top(`FILTER(HSTACK(${k},${sc}),${st}="Off track")`, 2, true),
      ),
    ],
    [
      'No check-in for longer than the interval',
      ['Key result', 'Days'],
      when([kr, stale], (k, days) => top(`FILTER(HSTACK(${k},${days}),${days}<>"")`, 2, false)),
    ],
    [
      'KPIs in breach',
      ['KPI', 'Current'],
      when([refs.kpiData('name'), refs.kpiData('value'), refs.kpiInBreach()], (n, v, breach) =>
        top(`FILTER(HSTACK(${n},${v}),${breach})`, 1, true),
      ),
    ],
    [
      'Objectives without key results',
      ['Objective', 'Key results'],
      // No key results of its own and none of its children counting toward it: nothing scores it.
      when(
        [refs.objectivesData('objective'), refs.objectivesData('keyResults'), refs.objectivesData('score')],
        (o, n, sc) => top(`FILTER(HSTACK(${o},${n}),${n}=0,${sc}="",${o}<>"")`, 1, true),
      ),
    ],
  ];
  return lists.flatMap(([heading, headers, body], i) =>
    table(AT.exceptions, heading, headers, body, SECTION_ROW + i * LIST_HEIGHT),
  );
}

function statusTable(refs: Refs): OutputRun[] {
  const status = refs.okr('status');
  const first = TABLE_ROW + 1;
  const label = columnLetter(AT.status);
  return [
    { row: SECTION_ROW, column: AT.status, values: [['Key results by status']] },
    {
      row: TABLE_ROW,
      column: AT.status,
      values: [
        ['Status', 'Key results'],
        ...STATUSES.map((name, i) => [name, status ? f(`COUNTIF(${status},${label}${first + i})`) : '']),
      ],
    },
  ];
}

function progress(refs: Refs): OutputRun[] {
  // Start, kind, commit and stretch are optional columns of a team's table: blank arguments then.
  const optional = (field: Field) => refs.okrData(field) ?? '""';
  const log = ['KR ID', 'Value', 'Timestamp'].map((title) => refs.checkIns(title));
  const body = when([refs.okrData('id'), refs.okrData('target'), ...log], (ids, targets, ...logs) => {
    const scoring = [optional('start'), targets, optional('kind'), optional('commit'), optional('stretch')];
    const args = [ids, ...scoring, ...logs, cycleStart, cycleEnd, asOf, optional('current')];
    return `OKR_PROGRESS_BY_WEEK(${args.join(',')})`;
  });
  return table(AT.progress, 'Progress over the cycle', ['Week', 'Average score', 'Expected'], body);
}

/** The objective chart's data: each objective's score in the column of its grade band. */
function gradeSeries(): OutputRun[] {
  const column = (offset: number) => {
    const letter = columnLetter(AT.tree + offset);
    return `${letter}${TABLE_ROW + 1}:${letter}`;
  };
  return table(
    AT.grades,
    'Chart data: objective scores by grade band',
    ['Objective', `Below ${GRADE_BANDS.yellowFrom}`, 'Progress', `${GRADE_BANDS.greenFrom} and over`],
    f(`OKR_GRADE_SPLIT(${column(0)},${column(1)})`),
  );
}

function charts(): ChartSpec[] {
  const body = (column: number, columns: number) => rangeA1(TABLE_ROW, column, CHART_ROWS + 1, columns);
  const size = { width: 460, height: 340 };
  return [
    {
      key: 'objectives',
      kind: 'bar',
      ranges: [body(AT.grades, 4)],
      anchor: { row: CHART_ROW, column: 1 },
      ...size,
      options: {
        title: 'Objective scores',
        isStacked: true,
        colors: GRADE_CHART_COLOURS,
        legend: 'none',
        'hAxis.viewWindow.min': 0,
        'hAxis.viewWindow.max': 1,
        'hAxis.format': 'percent',
      },
    },
    {
      key: 'status',
      kind: 'pie',
      ranges: [rangeA1(TABLE_ROW, AT.status, STATUSES.length + 1, 2)],
      anchor: { row: CHART_ROW, column: AT.cards + 1 },
      ...size,
      options: {
        title: 'Key results by status',
        colors: STATUS_CHART_COLOURS,
        pieHole: 0.4,
        legend: 'right',
      },
    },
    {
      key: 'progress',
      kind: 'line',
      ranges: [body(AT.progress, 3)],
      anchor: { row: CHART_ROW, column: AT.exceptions },
      ...size,
      options: {
        title: 'Average score by week against the expected pace',
        colors: ['#1a73e8', '#9aa0a6'],
        legend: 'bottom',
        'vAxis.viewWindow.min': 0,
        'vAxis.format': 'percent',
      },
    },
  ];
}

function rules(): HighlightRule[] {
  const ref = (column: number, absolute = false) =>
    `${absolute ? '$' : ''}${columnLetter(column)}${TABLE_ROW + 1}`;
  const textRule = (column: number, refColumn: number, text: string, background: string) => ({
    column,
    formula: marked(`${ref(refColumn, column !== refColumn)}="${text}"`),
    background,
  });
  const grade = AT.tree + 3;
  const met = AT.cards + 4;
  const [change, changeIs] = [AT.cards + 5, AT.cards + 6];
  return [
    textRule(grade, grade, 'red', STATUS_COLOURS.bad),
    textRule(grade, grade, 'yellow', STATUS_COLOURS.warn),
    textRule(grade, grade, 'green', STATUS_COLOURS.good),
    textRule(met, met, 'met', STATUS_COLOURS.good),
    textRule(met, met, 'not met', STATUS_COLOURS.bad),
    ...[change, changeIs].flatMap((column) => [
      textRule(column, changeIs, 'good', STATUS_COLOURS.good),
      textRule(column, changeIs, 'bad', STATUS_COLOURS.bad),
    ]),
  ];
}

function formats(): DashboardPlan['formats'] {
  const first = TABLE_ROW + 1;
  const open = (column: number, columns = 1) =>
    `${columnLetter(column)}${first}:${columnLetter(column + columns - 1)}`;
  const each = [
    ...HEADLINE_FORMATS.map((format, i) => ({ range: a1(HEADLINE_ROW + 1, i + 1), format })),
    { range: open(AT.tree + 1), format: '0%' },
    { range: open(AT.cards + 2), format: 'yyyy-mm-dd' },
    { range: open(AT.cards + 5), format: '+0.0%;-0.0%;0.0%' },
    { range: rangeA1(first, AT.exceptions + 1, EXCEPTION_ROWS, 1), format: '0%' },
    { range: open(AT.progress), format: 'yyyy-mm-dd' },
    { range: open(AT.progress + 1, 2), format: '0%' },
    { range: open(AT.grades + 1, 3), format: '0%' },
  ];
  return groupBy(each, (entry) => entry.format).map((group) => ({
    format: group[0]?.format ?? '',
    ranges: group.map((entry) => entry.range),
  }));
}

/**
 * The whole dashboard for these sources; `kpiRows` is how many KPI rows get a trend sparkline (a
 * SPARKLINE cannot spill, so each card row holds one; Refresh adds rows as KPIs are added).
 */
export function planDashboard(sources: DashboardSources, kpiRows: number): DashboardPlan {
  const refs = new Refs(sources);
  const blocks = [
    title(),
    headlines(refs),
    ...tree(refs),
    ...cards(refs, kpiRows),
    ...exceptions(refs),
    ...statusTable(refs),
    ...progress(refs),
    ...gradeSeries(),
  ];
  const lastRow = Math.max(...blocks.map((b) => b.row + b.values.length - 1));
  const lastColumn = Math.max(...blocks.map((b) => b.column + (b.values[0]?.length ?? 1) - 1));
  return {
    blocks,
    formats: formats(),
    rules: rules(),
    rulesFrom: TABLE_ROW + 1,
    charts: charts(),
    widths: [
      { column: AT.tree, width: 280 },
      { column: AT.cards, width: 180 },
      { column: AT.exceptions, width: 280 },
      { column: AT.status, width: 110 },
      { column: AT.grades, width: 200 },
    ],
    wrapped: [rangeA1(HEADLINE_ROW, 1, 1, HEADLINE_FORMATS.length)],
    bold: [
      'A1',
      rangeA1(HEADLINE_ROW, 1, 1, HEADLINE_FORMATS.length),
      rangeA1(SECTION_ROW, 1, 2, lastColumn),
      ...[1, 2, 3].map((i) => rangeA1(SECTION_ROW + i * LIST_HEIGHT, AT.exceptions, 2, 2)),
    ],
    area: { rows: lastRow, columns: lastColumn },
  };
}
