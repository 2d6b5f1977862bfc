/** The workbook as the page draws it: the emulator's snapshots made into small, Date-free JSON. */
import type { CellSnapshot, MenuEntry, MenuRecord, Workbook } from '../../emulator';
import type { EvalValue } from '../../emulator/formula-types';
import {
  type CellView,
  type ChartView,
  DEFAULT_COLUMN_WIDTH,
  type MenuEntryView,
  type MenuView,
  ROW_HEIGHT,
  type SheetView,
  type ViewState,
} from '../shared/view';
import { chartView } from './chart-view';

/** Blank rows and columns drawn past the content, so a sheet looks like a sheet. */
const MIN_ROWS = 30;
const MIN_COLS = 10;
const SPARE_ROWS = 5;
const SPARE_COLS = 2;
/** A page of this many rows stays quick to draw; the rest of a long sheet is counted, not drawn. */
const MAX_ROWS_SHOWN = 1000;

function literalText(value: EvalValue): string {
  if (typeof value === 'object') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export function cellView(cell: CellSnapshot): CellView {
  const view: CellView = {};
  const { value } = cell;
  if (cell.display !== '') view.t = cell.display;
  if (typeof value === 'number' || value instanceof Date) view.k = 'n';
  else if (typeof value === 'boolean') view.k = 'b';
  else if (typeof value === 'object' && value.kind === 'error') {
    view.k = 'e';
    view.t = value.code;
    view.err = value.message;
  } else if (typeof value === 'object' && value.kind === 'sparkline') {
    view.k = 'k';
    view.spark = { data: [...value.data], options: { ...value.options } };
  } else if (value !== '') view.k = 's';
  if (cell.formula) view.f = cell.formula;
  else if (value instanceof Date) view.f = cell.display;
  else if (value !== '' && typeof value !== 'object') view.f = literalText(value);
  if (cell.background.toLowerCase() !== '#ffffff') view.bg = cell.background;
  if (cell.fontColor.toLowerCase() !== '#000000') view.fc = cell.fontColor;
  if (cell.bold) view.b = true;
  if (cell.italic) view.i = true;
  if (cell.note) view.note = cell.note;
  return view;
}

/** The last row and column a chart covers, so the grid under it is drawn as in Sheets. */
function chartExtent(
  chart: ChartView,
  widths: Readonly<Record<number, number>>,
): { row: number; col: number } {
  const row = chart.anchor.row + Math.ceil((chart.anchor.offsetY + chart.height) / ROW_HEIGHT);
  let col = chart.anchor.col;
  for (let x = chart.anchor.offsetX + chart.width; x > 0; col++) x -= widths[col] ?? DEFAULT_COLUMN_WIDTH;
  return { row, col };
}

function sheetView(wb: Workbook, name: string): SheetView {
  const first = wb.snapshot(name, { rows: 1, cols: 1 });
  const charts = first.charts.map(chartView);
  const extents = charts.map((chart) => chartExtent(chart, first.columnWidths));
  const lastRow = Math.max(first.lastRow + SPARE_ROWS, ...extents.map((e) => e.row));
  const lastCol = Math.max(first.lastCol + SPARE_COLS, ...extents.map((e) => e.col));
  const rows = Math.min(first.maxRows, MAX_ROWS_SHOWN, Math.max(MIN_ROWS, lastRow));
  const cols = Math.min(first.maxCols, Math.max(MIN_COLS, lastCol));
  const snapshot = wb.snapshot(name, { rows, cols });
  return {
    name,
    rows,
    lastRow: first.lastRow,
    cols,
    frozenRows: snapshot.frozenRows,
    columnWidths: snapshot.columnWidths,
    hiddenColumns: snapshot.hiddenColumns,
    cells: snapshot.cells.map((line) => line.map(cellView)),
    charts,
  };
}

function entryView(entry: MenuEntry): MenuEntryView {
  if (entry.kind === 'submenu') {
    return { kind: 'submenu', caption: entry.menu.caption, items: entry.menu.items.map(entryView) };
  }
  return entry;
}

function menuView(menu: MenuRecord): MenuView {
  return { caption: menu.caption, addon: menu.addon, items: menu.items.map(entryView) };
}

/** Everything but `savePath`, which only the server knows. */
export function viewOf(wb: Workbook): Omit<ViewState, 'savePath'> {
  const spreadsheet = wb.spreadsheet;
  const active = spreadsheet.getActiveSheet().getName();
  const range = spreadsheet.getActiveRange();
  const sidebars = wb.ui.sidebars;
  const last = sidebars[sidebars.length - 1];
  return {
    title: spreadsheet.getName(),
    activeSheet: active,
    selection: range && {
      sheet: range.getSheet().getName(),
      row: range.getRow(),
      col: range.getColumn(),
      numRows: range.getNumRows(),
      numCols: range.getNumColumns(),
    },
    sheets: wb.sheetNames().map((name) => sheetView(wb, name)),
    menus: wb.ui.menus.map(menuView),
    toasts: wb.toasts.map((toast, seq) => ({ seq, ...toast })),
    sidebar: last ? { id: sidebars.length - 1, title: last.title, width: last.width ?? null } : null,
  };
}
