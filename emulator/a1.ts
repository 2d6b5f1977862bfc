/**
 * A1 notation: column letters, parsing `A1`, `A1:B2`, `A:A`, `2:5`, `A2:C` (open to the last row),
 * optionally prefixed by a sheet (`Sheet1!A1`, `'My sheet'!A1`), and formatting a range back to text.
 * Rows and columns are 1-based everywhere.
 */

export function columnToLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** One side of a range; a missing row or column means "open" (the whole column or row). */
interface Corner {
  row?: number;
  col?: number;
}

/** A parsed reference: absent bounds are open and close on the sheet's edges. */
export interface A1Reference {
  sheet?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

const CORNER = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parseCorner(text: string): Corner | undefined {
  const m = CORNER.exec(text);
  if (!m || (!m[1] && !m[2])) return undefined;
  const corner: Corner = {};
  if (m[1]) corner.col = lettersToColumn(m[1]);
  if (m[2]) {
    corner.row = Number(m[2]);
    if (corner.row < 1) return undefined;
  }
  return corner;
}

/** Splits `'My sheet'!A1:B2` into the sheet name (quotes undone) and the cell part. */
export function splitSheetPrefix(text: string): { sheet?: string; cells: string } {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { cells: text };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, cells: text.slice(bang + 1) };
}

export function parseA1(text: string): A1Reference | undefined {
  const { sheet, cells } = splitSheetPrefix(text.trim());
  const parts = cells.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return undefined;
  const start = parseCorner(parts[0] ?? '');
  if (!start) return undefined;
  const ref: A1Reference = sheet === undefined ? {} : { sheet };
  if (parts.length === 1) {
    // A lone `A` or `5` is not a reference; a lone cell is.
    if (start.row === undefined || start.col === undefined) return undefined;
    return { ...ref, startRow: start.row, startCol: start.col, endRow: start.row, endCol: start.col };
  }
  const end = parseCorner(parts[1] ?? '');
  if (!end) return undefined;
  // `A:5` and `5:A` mix a column with a row: not a reference.
  if (start.col === undefined && end.col !== undefined && end.row === undefined) return undefined;
  if (start.row === undefined && end.row !== undefined && end.col === undefined) return undefined;
  const result: A1Reference = { ...ref };
  const rows = [start.row, end.row].filter((r): r is number => r !== undefined);
  const cols = [start.col, end.col].filter((c): c is number => c !== undefined);
  if (start.row !== undefined && end.row !== undefined) {
    result.startRow = Math.min(...rows);
    result.endRow = Math.max(...rows);
  } else if (rows.length === 1) {
    result.startRow = rows[0]; // `A2:C`: from row 2 to the last row
  }
  if (start.col !== undefined && end.col !== undefined) {
    result.startCol = Math.min(...cols);
    result.endCol = Math.max(...cols);
  } else if (cols.length === 1) {
    // `A:A` style has both columns; `2:2` none; `A2:2` is open to the right.
    result.startCol = cols[0];
  }
  return result;
}

export interface GridArea {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** An area plus whether it was written open-ended (`A:A`, `2:2`, `A2:C`), which getA1Notation keeps. */
export interface ResolvedArea extends GridArea {
  openRows: boolean;
  openCols: boolean;
}

/** Closes a parsed reference on a sheet of `maxRows` x `maxCols`. */
export function resolveA1(ref: A1Reference, maxRows: number, maxCols: number): ResolvedArea {
  const row = ref.startRow ?? 1;
  const col = ref.startCol ?? 1;
  const endRow = ref.endRow ?? maxRows;
  const endCol = ref.endCol ?? maxCols;
  return {
    row,
    col,
    numRows: endRow - row + 1,
    numCols: endCol - col + 1,
    openRows: ref.endRow === undefined,
    openCols: ref.endCol === undefined,
  };
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}

/** The A1 text of an area; open areas keep their open form (`A:A`, `2:2`, `A2:C`). */
export function formatA1(area: GridArea, openRows = false, openCols = false): string {
  const lastCol = columnToLetters(area.col + area.numCols - 1);
  const lastRow = area.row + area.numRows - 1;
  if (openRows && openCols) return `${columnToLetters(area.col)}${area.row}:${lastCol}${lastRow}`;
  if (openRows) {
    return area.row === 1
      ? `${columnToLetters(area.col)}:${lastCol}`
      : `${cellA1(area.row, area.col)}:${lastCol}`;
  }
  if (openCols) return area.col === 1 ? `${area.row}:${lastRow}` : `${cellA1(area.row, area.col)}:${lastRow}`;
  if (area.numRows === 1 && area.numCols === 1) return cellA1(area.row, area.col);
  return `${cellA1(area.row, area.col)}:${cellA1(lastRow, area.col + area.numCols - 1)}`;
}

/** Quotes a sheet name for use in a reference when it needs quoting. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
