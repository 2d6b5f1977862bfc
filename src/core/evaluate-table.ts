/**
 * Judges every row of a connected table with the same rules as the custom formulas, for Refresh's
 * summary: how many rows were scored, how many breach or lag, and which rows could not be read.
 */
import { type CellValue, isBlank, readNumber } from './cell';
import { InputError } from './errors';
import { scoreKeyResult } from './key-result';
import { type AnyKpiStatus, type KpiMode, kpiMode, readKpiRule } from './kpi-rule';
import { type Cycle, DEFAULT_PACE_BANDS, type OkrStatus, okrStatus, type PaceBands } from './pace';
import { readKeyResult } from './read-cells';
import { readSuddenLimit } from './sudden-change';
import { type ColumnMap, cellOf, type TableDefaults, type TableKind } from './tables';
import { inUserWords } from './user-words';

export interface RowProblem {
  /** 1-based sheet row. */
  readonly row: number;
  readonly message: string;
}

export interface TableSummary {
  readonly kind: TableKind;
  /** Rows with a value that were judged. */
  readonly scored: number;
  readonly counts: Readonly<Partial<Record<AnyKpiStatus | OkrStatus, number>>>;
  readonly problems: readonly RowProblem[];
  /** For a KPI table: whether it was judged by its limits or against its targets. */
  readonly judgedBy?: KpiMode;
}

export interface TableRows {
  readonly map: ColumnMap;
  /** Sheet row of rows[0]. */
  readonly firstRow: number;
  /** Whole sheet rows, from column 1. */
  readonly rows: readonly (readonly CellValue[])[];
  /** A KPI table's default direction and tolerance. */
  readonly defaults?: TableDefaults;
  /** The header row, whole width from column 1: a row's problem is told in its headers' words. */
  readonly header?: readonly CellValue[];
}

/** The score of an OKR table's key-result row, or null while its current value is blank. */
export function scoreRow(
  row: readonly CellValue[],
  map: ColumnMap,
  current: CellValue = cellOf(row, map, 'current'),
): number | null {
  const kr = readKeyResult({
    current,
    target: cellOf(row, map, 'target'),
    start: cellOf(row, map, 'start'),
    kind: cellOf(row, map, 'kind'),
    commit: cellOf(row, map, 'commit'),
    stretch: cellOf(row, map, 'stretch'),
  });
  return kr === null ? null : scoreKeyResult(kr);
}

function judgeRows<S extends string>(
  kind: TableKind,
  table: TableRows,
  isEmpty: (row: readonly CellValue[]) => boolean,
  /** A row's status; '' when it is scored without one, null when there is nothing to score yet. */
  judge: (row: readonly CellValue[]) => S | '' | null,
): TableSummary {
  const counts: Partial<Record<string, number>> = {};
  const problems: RowProblem[] = [];
  let scored = 0;
  table.rows.forEach((row, i) => {
    if (isEmpty(row)) return;
    try {
      const status = judge(row);
      if (status === null) return;
      scored++;
      if (status !== '') counts[status] = (counts[status] ?? 0) + 1;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const message = table.header ? inUserWords(error.message, table.map, table.header) : error.message;
      problems.push({ row: table.firstRow + i, message });
    }
  });
  return { kind, scored, counts, problems };
}

export function judgeKpiTable(table: TableRows): TableSummary {
  const { map, defaults } = table;
  const summary = judgeRows(
    'kpi',
    table,
    (row) => isBlank(cellOf(row, map, 'name')) && isBlank(cellOf(row, map, 'value')),
    (row) => {
      readSuddenLimit(cellOf(row, map, 'suddenLimit'));
      const value = readNumber(cellOf(row, map, 'value'), 'value');
      if (value === null) return null;
      return readKpiRule(row, map, defaults).judge(value);
    },
  );
  return { ...summary, judgedBy: kpiMode(map) };
}

function isBlankKeyResult(map: ColumnMap): (row: readonly CellValue[]) => boolean {
  return (row) => isBlank(cellOf(row, map, 'keyResult')) && isBlank(cellOf(row, map, 'current'));
}

export function judgeOkrTable(
  table: TableRows,
  cycle: Cycle,
  asOf: Date,
  bands: PaceBands = DEFAULT_PACE_BANDS,
): TableSummary {
  const { map } = table;
  return judgeRows('okr', table, isBlankKeyResult(map), (row) => {
    const score = scoreRow(row, map);
    return score === null ? null : okrStatus(score, cycle, asOf, bands);
  });
}

/** An OKR table while its cycle cannot be read: the rows are scored, none is given a status. */
export function scoreOkrTable(table: TableRows): TableSummary {
  const { map } = table;
  return judgeRows('okr', table, isBlankKeyResult(map), (row) => (scoreRow(row, map) === null ? null : ''));
}
