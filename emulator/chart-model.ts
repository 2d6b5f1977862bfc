/**
 * Embedded charts as the document stores them: each belongs to its sheet (SheetModel.charts), sits at an
 * anchor cell that moves with row and column inserts and deletes, and reads ranges (of any sheet) that
 * follow structural changes as named ranges do. The service classes are in charts.ts.
 */
import type { GridArea } from './a1';
import type { SheetModel } from './sheet-model';
import { adjustArea, adjustIndex, type DimensionChange } from './structure';

export interface ChartRange {
  readonly sheet: SheetModel;
  readonly area: GridArea;
}

export interface ChartAnchor {
  readonly row: number;
  readonly col: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

/** Names of Charts enum members (see enums.ts): 'BAR', 'MERGE_COLUMNS', 'IGNORE_BOTH'... */
export interface ChartSpec {
  readonly type: string;
  readonly ranges: readonly ChartRange[];
  readonly anchor: ChartAnchor;
  readonly options: Readonly<Record<string, unknown>>;
  /** -1: Sheets decides whether the first row (or column) holds headers. */
  readonly numHeaders: number;
  readonly transpose: boolean;
  readonly mergeStrategy: string;
  readonly hiddenDimensionStrategy: string;
}

export interface StoredChart extends ChartSpec {
  readonly id: number;
}

export const DEFAULT_CHART: ChartSpec = {
  type: 'COLUMN',
  ranges: [],
  anchor: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
  options: {},
  numHeaders: -1,
  transpose: false,
  mergeStrategy: 'MERGE_COLUMNS',
  hiddenDimensionStrategy: 'IGNORE_BOTH',
};

/** An anchor row or column after a change: a deleted one falls to the first row (column) after the cut. */
function movedAnchor(index: number, change: DimensionChange): number {
  return adjustIndex(index, change) ?? Math.max(1, change.at);
}

/**
 * After rows or columns of `changed` are inserted or deleted: the anchors of its charts move, and every
 * chart's ranges on it move, grow or shrink (a range deleted whole leaves its chart).
 */
export function moveCharts(
  sheets: readonly SheetModel[],
  changed: SheetModel,
  change: DimensionChange,
): void {
  for (const sheet of sheets) {
    sheet.charts = sheet.charts.map((chart) => {
      const ranges = chart.ranges.flatMap((range) => {
        if (range.sheet !== changed) return [range];
        const area = adjustArea(range.area, change);
        return area ? [{ sheet: range.sheet, area }] : [];
      });
      if (sheet !== changed) return { ...chart, ranges };
      const { anchor } = chart;
      const moved =
        change.dim === 'rows'
          ? { ...anchor, row: Math.min(movedAnchor(anchor.row, change), sheet.maxRows) }
          : { ...anchor, col: Math.min(movedAnchor(anchor.col, change), sheet.maxCols) };
      return { ...chart, ranges, anchor: moved };
    });
  }
}

/** A deleted sheet's data leaves the charts of the other sheets. */
export function dropChartRangesOn(sheets: readonly SheetModel[], deleted: SheetModel): void {
  for (const sheet of sheets) {
    sheet.charts = sheet.charts.map((chart) => ({
      ...chart,
      ranges: chart.ranges.filter((range) => range.sheet !== deleted),
    }));
  }
}

/** The charts of a copied sheet: new ids, and ranges on the original read the copy instead. */
export function copyCharts(from: SheetModel, to: SheetModel, newId: () => number): void {
  to.charts = from.charts.map((chart) => ({
    ...chart,
    id: newId(),
    ranges: chart.ranges.map((range) => (range.sheet === from ? { sheet: to, area: range.area } : range)),
  }));
}
