/**
 * Non-API views of a sheet for the local preview and for tests: per cell the display text, the computed
 * value (to draw sparklines and show error messages), the formula, and the format as painted (explicit
 * formatting overlaid by conditional format rules); and the sheet's embedded charts with the values of
 * their ranges, as the preview draws them.
 */
import { formatA1 } from './a1';
import { FormulaCell } from './cell-input';
import type { ChartAnchor, StoredChart } from './chart-model';
import { effectiveFormatsOf } from './conditional-format';
import type { Execution } from './context';
import type { EvalValue } from './formula-types';
import { formatDisplay } from './number-format';
import type { SheetModel } from './sheet-model';

export interface CellSnapshot {
  display: string;
  value: EvalValue;
  formula?: string;
  note?: string;
  background: string;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  /** Index of the conditional format rule that painted the cell, if any. */
  ruleIndex?: number;
}

/** One range of a chart: the cells' computed values and their display text, row by row. */
export interface ChartRangeSnapshot {
  sheet: string;
  a1: string;
  values: EvalValue[][];
  display: string[][];
}

export interface ChartSnapshot {
  id: number;
  /** A Charts.ChartType name: 'BAR', 'COLUMN', 'LINE', 'PIE', 'AREA'... */
  type: string;
  anchor: ChartAnchor;
  options: Record<string, unknown>;
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: string;
  ranges: ChartRangeSnapshot[];
}

export interface SheetSnapshot {
  name: string;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  lastRow: number;
  lastCol: number;
  columnWidths: Record<number, number>;
  hiddenColumns: number[];
  /** rows x cols cells starting at A1 (bounded by the options). */
  cells: CellSnapshot[][];
  charts: ChartSnapshot[];
}

export interface SnapshotOptions {
  /** How many rows to include (default: up to the last row with content, at least 1). */
  rows?: number;
  cols?: number;
}

export function snapshotSheet(
  exec: Execution,
  sheet: SheetModel,
  options: SnapshotOptions = {},
): SheetSnapshot {
  const evaluation = exec.doc.evaluation;
  const { lastRow, lastCol } = evaluation.extent(sheet);
  const rows = Math.min(sheet.maxRows, Math.max(1, options.rows ?? lastRow));
  const cols = Math.min(sheet.maxCols, Math.max(1, options.cols ?? lastCol));
  const painted = effectiveFormatsOf(exec, sheet, { row: 1, col: 1, numRows: rows, numCols: cols });
  const cells: CellSnapshot[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: CellSnapshot[] = [];
    for (let c = 1; c <= cols; c++) {
      const value = evaluation.valueAt(sheet, r, c);
      const props = sheet.props.get(r, c);
      const content = sheet.content.get(r, c);
      const rule = painted[r - 1]?.[c - 1] ?? {};
      const cell: CellSnapshot = {
        display: formatDisplay(value, props?.numberFormat, exec.wb.timeZone),
        value,
        background: rule.background ?? props?.background ?? '#ffffff',
        fontColor: rule.fontColor ?? props?.fontColor ?? '#000000',
        bold: rule.bold ?? props?.fontWeight === 'bold',
        italic: rule.italic ?? props?.fontStyle === 'italic',
      };
      if (content instanceof FormulaCell) cell.formula = content.text;
      if (props?.note) cell.note = props.note;
      if (rule.ruleIndex !== undefined) cell.ruleIndex = rule.ruleIndex;
      line.push(cell);
    }
    cells.push(line);
  }
  return {
    name: sheet.name,
    maxRows: sheet.maxRows,
    maxCols: sheet.maxCols,
    frozenRows: sheet.frozenRows,
    lastRow,
    lastCol,
    columnWidths: Object.fromEntries(sheet.columnWidths),
    hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
    cells,
    charts: sheet.charts.map((chart) => snapshotChart(exec, chart)),
  };
}

function snapshotChart(exec: Execution, chart: StoredChart): ChartSnapshot {
  const evaluation = exec.doc.evaluation;
  const ranges = chart.ranges.map(({ sheet, area }) => {
    const values: EvalValue[][] = [];
    const display: string[][] = [];
    for (let r = area.row; r < area.row + area.numRows; r++) {
      const line: EvalValue[] = [];
      for (let c = area.col; c < area.col + area.numCols; c++) line.push(evaluation.valueAt(sheet, r, c));
      values.push(line);
      display.push(
        line.map((value, i) =>
          formatDisplay(value, sheet.props.get(r, area.col + i)?.numberFormat, exec.wb.timeZone),
        ),
      );
    }
    return { sheet: sheet.name, a1: formatA1(area), values, display };
  });
  return {
    id: chart.id,
    type: chart.type,
    anchor: { ...chart.anchor },
    options: { ...chart.options },
    numHeaders: chart.numHeaders,
    transpose: chart.transpose,
    mergeStrategy: chart.mergeStrategy,
    ranges,
  };
}
