/**
 * Writing cells: every content write goes through here so formula bookkeeping (the sheet's formula
 * index) and cache invalidation (the workbook version) stay right.
 */
import type { GridArea } from './a1';
import { type Content, FormulaCell, parseInput } from './cell-input';
import { exception } from './errors';
import { isGeneral } from './number-format';
import type { CellProps, SheetModel } from './sheet-model';
import type { WorkbookModel } from './workbook-model';

export function checkAlive(sheet: SheetModel): void {
  if (sheet.deleted) throw exception('The sheet has been deleted.');
}

/** Stores `content` (undefined = blank) without touching the version; callers touch once per batch. */
export function storeContent(
  sheet: SheetModel,
  row: number,
  col: number,
  content: Content | undefined,
): void {
  const old = sheet.content.get(row, col);
  if (old instanceof FormulaCell || content instanceof FormulaCell) sheet.formulaIndex = null;
  sheet.content.set(row, col, content);
}

/** Writes a value as setValue does (formulas, apostrophes, numeric text, plain-text cells). */
export function writeInput(
  wb: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  value: unknown,
): void {
  const props = sheet.props.get(row, col);
  const parsed = parseInput(value, props?.numberFormat, wb.timeZone);
  storeContent(sheet, row, col, parsed.content);
  if (parsed.format && isGeneral(props?.numberFormat))
    sheet.updateProps(row, col, { numberFormat: parsed.format });
}

export interface ClearWhat {
  contents?: boolean;
  formats?: boolean;
  validations?: boolean;
  notes?: boolean;
}

const FORMAT_KEYS: readonly (keyof CellProps)[] = [
  'numberFormat',
  'background',
  'fontColor',
  'fontWeight',
  'fontStyle',
  'fontSize',
  'fontFamily',
  'horizontalAlignment',
  'verticalAlignment',
  'wrap',
];

export function clearArea(wb: WorkbookModel, sheet: SheetModel, area: GridArea, what: ClearWhat): void {
  const change: Partial<Record<keyof CellProps, undefined>> = {};
  if (what.formats) for (const key of FORMAT_KEYS) change[key] = undefined;
  if (what.validations) change.validation = undefined;
  if (what.notes) change.note = undefined;
  const touchesProps = Object.keys(change).length > 0;
  const lastRow = Math.min(area.row + area.numRows - 1, sheet.maxRows);
  for (let r = area.row; r <= lastRow; r++) {
    const hasContent = sheet.content.row(r) !== undefined;
    const hasProps = sheet.props.row(r) !== undefined;
    if (!hasContent && !hasProps) continue;
    for (let c = area.col; c < area.col + area.numCols; c++) {
      if (what.contents && hasContent) storeContent(sheet, r, c, undefined);
      if (touchesProps && hasProps && sheet.props.get(r, c)) sheet.updateProps(r, c, change);
    }
  }
  if (what.contents) wb.touch();
}
