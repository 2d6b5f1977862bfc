/**
 * What Refresh writes into the add-on's own columns of a table: one range formula in the header cell of
 * each computed column (its label stacked over the column's results, spilling down, so a new row is
 * scored as soon as it is typed, and sorting the data rows cannot move it), a progress bar or trend per
 * row, and stable key-result IDs. Everything else in the table belongs to the user.
 */
import { type CellValue, isBlank, isSheetsError } from './cell';
import { isDate } from './is-date';
import { type KpiFacts, NO_FACTS } from './kpi-facts';
import { kpiMode } from './kpi-rule';
import { GRADE_BANDS } from './objective';
import {
  type ColumnMap,
  cellOf,
  columnLetter,
  columnsOf,
  type Field,
  outputsOf,
  type TableDefaults,
  type TableKind,
} from './tables';

/** The named ranges of the settings block, which the sheets' formulas and the add-on read by name. */
export const SETTING_NAMES = {
  cycleName: 'CycleName',
  cycleStart: 'CycleStart',
  cycleEnd: 'CycleEnd',
  asOf: 'AsOfDate',
  checkInInterval: 'CheckInInterval',
  checkInDay: 'CheckInDay',
  atRiskGap: 'AtRiskGap',
  offTrackGap: 'OffTrackGap',
} as const;

export const STATUS_COLOURS = { bad: '#f4c7c3', warn: '#fce8b2', good: '#b7e1cd', idle: '#e8eaed' } as const;
const BAR_COLOURS = { red: '#ea4335', yellow: '#fbbc04', green: '#34a853' } as const;

export interface OutputContext {
  readonly kind: TableKind;
  readonly map: ColumnMap;
  /** Sheet row of the first data row (just under the header). */
  readonly firstRow: number;
  /** The header row as read, whole width from column 1. */
  readonly header: readonly CellValue[];
  /** The data rows as read, whole width from column 1; the plan covers exactly these rows. */
  readonly rows: readonly (readonly CellValue[])[];
  /** A fresh key-result ID. */
  readonly newId: () => string;
  /** For KPI tables: what the KPI History says of each row (same order as `rows`). */
  readonly kpiFacts?: readonly KpiFacts[];
  /** For KPI tables: the default direction and tolerance confirmed when the table was connected. */
  readonly defaults?: TableDefaults;
  /** For OKR tables: the check-in log's columns as formula ranges (`'Check-ins'!B1:B`), when it exists. */
  readonly checkInLog?: CheckInLogRanges;
  /** For OKR tables: each row's signal from its check-ins (same order as `rows`). */
  readonly signals?: readonly string[];
}

export interface CheckInLogRanges {
  readonly ids: string;
  readonly values: string;
  readonly times: string;
}

/** A formula the add-on writes; every other string in a plan is text, to be stored exactly as it is. */
export interface Formula {
  readonly formula: string;
}

export type PlannedCell = CellValue | Formula;

export function isFormula(cell: PlannedCell): cell is Formula {
  return typeof cell === 'object' && cell !== null && 'formula' in cell;
}

/** A block of add-on columns, from sheet row `row` down: one setValues each. */
export interface OutputRun {
  readonly row: number;
  readonly column: number;
  readonly values: PlannedCell[][];
}

/** A column filled row by row. */
type CellPlan = (row: readonly CellValue[], index: number) => PlannedCell;
/** A column computed by one call over whole columns, e.g. `OKR_SCORE(G1:G, H1:H)`, without the '='. */
interface RangeFormula {
  readonly rangeFormula: string;
}
type ColumnPlan = CellPlan | RangeFormula;

/**
 * `H1:H`: from the header row to the end of the sheet, so rows typed later are included. It starts at
 * the header, which the formula drops again, because a row inserted just under the header would shift
 * a range starting at the first data row (H2:H to H3:H) and leave the new row out.
 */
function openRange(map: ColumnMap, field: Field, headerRow: number): string {
  const column = map[field];
  if (column === undefined) return '""';
  const letter = columnLetter(column);
  return `${letter}${headerRow}:${letter}`;
}

/** A call over whole columns from the header row; trailing blank optional arguments are left out. */
function call(name: string, args: string[]): RangeFormula {
  while (args.length > 0 && args[args.length - 1] === '""') args.pop();
  return { rangeFormula: `${name}(${args.join(', ')})` };
}

/** A text as a formula string literal. */
export function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function cellRef(map: ColumnMap, field: Field, row: number): string {
  return `${columnLetter(map[field] as number)}${row}`;
}

function kpiPlans(ctx: OutputContext): Partial<Record<Field, ColumnPlan>> {
  const { map, firstRow } = ctx;
  const range = (field: Field) => openRange(map, field, firstRow - 1);
  const hasName = (row: readonly CellValue[]) => !isBlank(cellOf(row, map, 'name'));
  const facts = (i: number) => ctx.kpiFacts?.[i] ?? NO_FACTS;
  return {
    previous: (row, i) => (hasName(row) ? (facts(i).previous ?? '') : ''),
    change: map.previous === undefined ? () => '' : call('KPI_CHANGE', [range('value'), range('previous')]),
    status: kpiStatusCall(ctx, range),
    signal: (row, i) => (hasName(row) ? facts(i).signal : ''),
    trend: (row, i) => {
      const { trend } = facts(i);
      if (!hasName(row) || trend.length === 0 || map.value === undefined) return '';
      // Recorded values, then the live current cell: the line moves as soon as a new value is typed.
      return { formula: `=SPARKLINE({${[...trend, cellRef(map, 'value', firstRow + i)].join(',')}})` };
    },
  };
}

/**
 * A table with limits is judged by KPI_STATUS; one without, against its targets by KPI_TARGET_STATUS,
 * where a blank direction falls back on the table's default, else on the KPI name's words, and a blank
 * tolerance on the table's default (passed as text, which reads the same in every locale).
 */
function kpiStatusCall(ctx: OutputContext, range: (field: Field) => string): RangeFormula {
  if (kpiMode(ctx.map) === 'limits')
    return call('KPI_STATUS', [range('value'), range('warning'), range('critical'), range('direction')]);
  const { direction, tolerance } = ctx.defaults ?? {};
  return call('KPI_TARGET_STATUS', [
    range('value'),
    range('target'),
    range('direction'),
    range('tolerance'),
    direction === undefined ? range('name') : quoted(direction),
    tolerance === undefined ? '""' : quoted(String(tolerance)),
  ]);
}

function okrPlans(ctx: OutputContext): Partial<Record<Field, ColumnPlan>> {
  const { map, firstRow } = ctx;
  const range = (field: Field) => openRange(map, field, firstRow - 1);
  const hasKeyResult = (row: readonly CellValue[]) => !isBlank(cellOf(row, map, 'keyResult'));
  const ids = assignIds(
    ctx.rows.map((row) => (hasKeyResult(row) ? cellOf(row, map, 'id') : null)),
    ctx.newId,
  );
  const { cycleStart, cycleEnd, asOf, atRiskGap, offTrackGap } = SETTING_NAMES;
  const log = ctx.checkInLog;
  const scoreOf = (value: string) =>
    call('OKR_SCORE', [
      value,
      range('target'),
      range('start'),
      range('kind'),
      range('commit'),
      range('stretch'),
    ]);
  const ifScored = (plan: RangeFormula): ColumnPlan => (map.score === undefined ? () => '' : plan);
  return {
    score: scoreOf(range('current')),
    pace: ifScored(call('OKR_PACE', [range('score'), cycleStart, cycleEnd, asOf])),
    status: ifScored(
      call('OKR_STATUS', [range('score'), cycleStart, cycleEnd, asOf, atRiskGap, offTrackGap]),
    ),
    forecast:
      log && map.id !== undefined
        ? call('OKR_FORECASTS', [range('id'), log.ids, log.values, log.times, cycleEnd, cycleStart])
        : () => '',
    projected: map.forecast === undefined ? () => '' : scoreOf(range('forecast')),
    signal: (row, i) => (hasKeyResult(row) ? (ctx.signals?.[i] ?? '') : ''),
    progress: (row, i) =>
      hasKeyResult(row) && map.score !== undefined ? progressBar(cellRef(map, 'score', firstRow + i)) : '',
    lastCheckIn: (row) => cellOf(row, map, 'lastCheckIn') ?? '',
    id: (_, i) => ids[i] ?? '',
  };
}

/**
 * A bar from 0 to 1 coloured by grade band, drawn by Sheets' own SPARKLINE. The colour is chosen
 * outside the options array: one plain SPARKLINE per band keeps each array literal constant.
 */
export function progressBar(score: string): Formula {
  const bar = (colour: string) => `SPARKLINE(${score},{"charttype","bar";"max",1;"color1","${colour}"})`;
  const formula = `=IF(ISNUMBER(${score}),IF(${score}>=${GRADE_BANDS.greenFrom},${bar(BAR_COLOURS.green)},IF(${score}>=${GRADE_BANDS.yellowFrom},${bar(BAR_COLOURS.yellow)},${bar(BAR_COLOURS.red)})),"")`;
  return { formula };
}

/**
 * Keeps every existing ID and gives rows without one (null = no key result on that row) a new one.
 * A duplicated ID (a row copied with its ID) stays with its first row; the copy gets a new one, so a
 * check-in can never land on two rows.
 */
export function assignIds(
  existing: readonly CellValue[] | readonly (CellValue | null)[],
  newId: () => string,
): string[] {
  const text = (cell: CellValue | null) => (cell === null || isBlank(cell) ? '' : String(cell).trim());
  // A fresh ID avoids every ID in the table, also those on rows further down.
  const taken = new Set(existing.map(text).filter((id) => id !== ''));
  const seen = new Set<string>();
  return existing.map((cell) => {
    if (cell === null) return '';
    const kept = text(cell);
    const id = kept !== '' && !seen.has(kept) ? kept : freshId(newId, taken);
    seen.add(id);
    taken.add(id);
    return id;
  });
}

/** Tries for a fresh ID: a generator that keeps repeating itself is a fault, not bad luck. */
export const ID_TRIES = 20;

function freshId(newId: () => string, taken: ReadonlySet<string>): string {
  let last = '';
  for (let i = 0; i < ID_TRIES; i++) {
    last = String(newId() ?? '').trim();
    if (last !== '' && !taken.has(last)) return last;
  }
  throw new Error(
    `No new key-result ID after ${ID_TRIES} tries (the last one, ${JSON.stringify(last.slice(0, 40))}, is blank or already used). Nothing was written; try again.`,
  );
}

/**
 * The header cell of an add-on column: a range formula stacks the column's label (the header as it
 * reads, or the add-on's title when it reads as nothing or an error) over its results for the rows
 * below.
 */
function headerCell(ctx: OutputContext, field: Field, plan: ColumnPlan): PlannedCell {
  const label = cellOf(ctx.header, ctx.map, field);
  if (typeof plan === 'function') return label ?? '';
  const text =
    isBlank(label) || isSheetsError(label) ? (columnsOf(ctx.kind)[field]?.title ?? field) : String(label);
  // The call's first row is the header row's own (an error on the header texts): dropped.
  return { formula: `=VSTACK(${quoted(text)}, DROP(${plan.rangeFormula}, 1))` };
}

/** Whether writing `planned` over `read` would store what the cell already holds (formulas always differ). */
function unchanged(planned: PlannedCell, read: CellValue): boolean {
  if (isFormula(planned)) return false;
  if (isBlank(planned)) return isBlank(read);
  if (isDate(planned)) return isDate(read) && read.getTime() === planned.getTime();
  return planned === read;
}

/**
 * The run cut to the rows from its first to its last changed cell (none when nothing changed), so a
 * Refresh that changes nothing writes nothing over the team's copies of their own values.
 */
function changedRows(ctx: OutputContext, column: number, values: PlannedCell[][]): OutputRun[] {
  const headerRow = ctx.firstRow - 1;
  const readRow = (i: number) => (i === 0 ? ctx.header : (ctx.rows[i - 1] ?? []));
  const changed = values.flatMap((cells, i) =>
    cells.some((cell, j) => !unchanged(cell, readRow(i)[column - 1 + j])) ? [i] : [],
  );
  if (changed.length === 0) return [];
  const first = changed[0] as number;
  const last = changed[changed.length - 1] as number;
  return [{ row: headerRow + first, column, values: values.slice(first, last + 1) }];
}

/** The add-on's columns of the table, grouped into contiguous runs, with their new contents. */
export function planOutputs(ctx: OutputContext): OutputRun[] {
  const plans = ctx.kind === 'kpi' ? kpiPlans(ctx) : okrPlans(ctx);
  const columns = outputsOf(ctx.kind)
    .flatMap((field) => {
      const column = ctx.map[field];
      const plan = plans[field];
      return column === undefined || plan === undefined ? [] : [{ field, column, plan }];
    })
    .sort((a, b) => a.column - b.column);
  const runs: { column: number; columns: typeof columns }[] = [];
  for (const entry of columns) {
    const last = runs[runs.length - 1];
    if (last && last.column + last.columns.length === entry.column) last.columns.push(entry);
    else runs.push({ column: entry.column, columns: [entry] });
  }
  return runs.flatMap((run) =>
    changedRows(ctx, run.column, [
      run.columns.map(({ field, plan }) => headerCell(ctx, field, plan)),
      // Under a range formula the cells stay blank: its results spill there.
      ...ctx.rows.map((row, i) =>
        run.columns.map(({ plan }) => (typeof plan === 'function' ? plan(row, i) : '')),
      ),
    ]),
  );
}
