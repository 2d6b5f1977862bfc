/**
 * OKR templates often write an objective once, on its first key result's row, and leave the cells
 * below it blank. Reading the table as a person does, every blank objective cell belongs to the
 * objective above it. Only the add-on's reading changes: the user's cells are never written.
 */
import { type CellValue, isBlank } from './cell';

/** The objective column with each blank cell taking the last objective above it. */
export function carryObjectivesDown(column: readonly CellValue[]): CellValue[] {
  let above: CellValue = '';
  return column.map((cell) => {
    if (isBlank(cell)) return above;
    above = cell;
    return cell;
  });
}
