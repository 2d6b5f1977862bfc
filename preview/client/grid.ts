/**
 * One sheet drawn as Sheets draws it: column letters and row numbers, display text aligned by type,
 * painted backgrounds and bold, SPARKLINE cells as SVG and errors with their message on hover.
 */
import {
  type CellView,
  DEFAULT_COLUMN_WIDTH,
  ROW_HEIGHT,
  type SelectionView,
  type SheetView,
} from '../shared/view';
import { columnLetters, h } from './dom';
import { sparkline } from './sparkline';

const ROW_HEADER_WIDTH = 46;
const MAX_OVERFLOW_COLUMNS = 6;

export interface GridHandlers {
  /** `extend`: shift-click, from the current selection's anchor to this cell. */
  onSelect(row: number, col: number, extend: boolean): void;
}

function alignment(cell: CellView): string {
  if (cell.k === 'n') return 'right';
  if (cell.k === 'b' || cell.k === 'e') return 'center';
  return 'left';
}

function cellElement(cell: CellView, row: number, col: number, width: number): HTMLTableCellElement {
  const td = h('td', {
    'data-a1': `${columnLetters(col)}${row}`,
    'data-row': String(row),
    'data-col': String(col),
  });
  td.style.textAlign = alignment(cell);
  if (cell.bg) td.style.backgroundColor = cell.bg;
  if (cell.fc) td.style.color = cell.fc;
  if (cell.b) td.style.fontWeight = 'bold';
  if (cell.i) td.style.fontStyle = 'italic';
  if (cell.spark) {
    td.classList.add('spark');
    td.append(sparkline(cell.spark, Math.max(10, width - 8), ROW_HEIGHT - 6));
  } else if (cell.t) td.append(h('span', { class: 'text' }, cell.t));
  if (cell.k === 'e') {
    td.classList.add('error');
    td.title = `Error\n${cell.err ?? ''}`;
    td.setAttribute('data-error', cell.err ?? '');
  } else if (cell.note) {
    td.classList.add('has-note');
    td.title = cell.note;
  }
  return td;
}

/** Cells with nothing to show, which text from the left may run into. */
function isEmpty(cell: CellView | undefined): boolean {
  return !cell || (!cell.t && !cell.spark);
}

/**
 * Text runs on over empty cells to its right, as in Sheets; `columns` starts at the cell's own column.
 * Numbers, and text with a filled neighbour, are cut at the cell's edge.
 */
function overflowText(
  td: HTMLTableCellElement,
  sheet: SheetView,
  line: readonly CellView[],
  columns: readonly number[],
): void {
  const [own, ...rest] = columns;
  if (own === undefined || line[own - 1]?.k !== 's') return;
  let width = widthOf(sheet, own);
  for (const c of rest.slice(0, MAX_OVERFLOW_COLUMNS)) {
    if (!isEmpty(line[c - 1])) break;
    width += widthOf(sheet, c);
  }
  const text = td.querySelector<HTMLElement>('.text');
  if (!text || width === widthOf(sheet, own)) return;
  td.classList.add('overflow');
  text.style.maxWidth = `${width - 8}px`;
}

function widthOf(sheet: SheetView, col: number): number {
  return sheet.columnWidths[col] ?? DEFAULT_COLUMN_WIDTH;
}

export function renderGrid(
  sheet: SheetView,
  selection: SelectionView | null,
  handlers: GridHandlers,
): HTMLTableElement {
  const hidden = new Set(sheet.hiddenColumns);
  const columns = Array.from({ length: sheet.cols }, (_, i) => i + 1).filter((c) => !hidden.has(c));
  const colgroup = h('colgroup', {}, h('col', { style: `width:${ROW_HEADER_WIDTH}px` }));
  for (const c of columns) colgroup.append(h('col', { style: `width:${widthOf(sheet, c)}px` }));
  const head = h('tr', {}, h('th', { class: 'corner' }));
  for (const c of columns) head.append(h('th', { class: 'col-head', scope: 'col' }, columnLetters(c)));
  const body = h('tbody');
  sheet.cells.forEach((line, r) => {
    const row = r + 1;
    const tr = h('tr', {}, h('th', { class: 'row-head', scope: 'row' }, String(row)));
    if (row <= sheet.frozenRows) {
      tr.classList.add('frozen');
      tr.style.setProperty('--frozen-top', `${ROW_HEIGHT * row}px`);
      if (row === sheet.frozenRows) tr.classList.add('frozen-last');
    }
    columns.forEach((c, i) => {
      const td = cellElement(line[c - 1] ?? {}, row, c, widthOf(sheet, c));
      overflowText(td, sheet, line, columns.slice(i));
      tr.append(td);
    });
    body.append(tr);
  });
  if (sheet.lastRow > sheet.rows) {
    const more = h('td', { class: 'more-rows', colspan: String(columns.length) });
    more.textContent = `${sheet.lastRow - sheet.rows} more rows are not drawn in the preview.`;
    body.append(h('tr', {}, h('th', { class: 'row-head' }), more));
  }
  const table = h('table', { class: 'grid', 'data-sheet': sheet.name }, colgroup, h('thead', {}, head), body);
  // A fixed layout takes the <col> widths only when the table's own width is set.
  table.style.width = `${columns.reduce((sum, c) => sum + widthOf(sheet, c), ROW_HEADER_WIDTH)}px`;
  table.addEventListener('click', (event) => {
    const td = (event.target as Element).closest<HTMLElement>('td[data-a1]');
    if (!td) return;
    handlers.onSelect(Number(td.dataset.row), Number(td.dataset.col), (event as MouseEvent).shiftKey);
  });
  markSelection(table, selection);
  return table;
}

const EDGES = ['--sel-top', '--sel-right', '--sel-bottom', '--sel-left'] as const;

/** Tints the selected cells and draws one border around them, as Sheets does. */
export function markSelection(table: HTMLTableElement, selection: SelectionView | null): void {
  for (const element of table.querySelectorAll<HTMLElement>('td.selected')) {
    element.classList.remove('selected');
    for (const edge of EDGES) element.style.removeProperty(edge);
  }
  if (!selection || selection.sheet !== table.dataset.sheet) return;
  const bottom = selection.row + selection.numRows - 1;
  const right = selection.col + selection.numCols - 1;
  for (let r = selection.row; r <= bottom; r++) {
    for (let c = selection.col; c <= right; c++) {
      const td = table.querySelector<HTMLElement>(`td[data-a1="${columnLetters(c)}${r}"]`);
      if (!td) continue;
      td.classList.add('selected');
      const onEdge = [r === selection.row, c === right, r === bottom, c === selection.col];
      EDGES.forEach((edge, i) => {
        td.style.setProperty(edge, onEdge[i] ? '2px' : '0px');
      });
    }
  }
}
