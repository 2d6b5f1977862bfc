import type {
  AreaAddress,
  CellAddress,
  CellSource,
  EvalResult,
  EvalValue,
} from '../../emulator/formula-types';

// ---------------------------------------------------------------------------------------------------
// A tiny workbook: cells in a Map, formula cells ('=...') evaluated on read through the same engine
// ---------------------------------------------------------------------------------------------------

export type Cells = Record<string, EvalValue>; // 'A1' -> value
export interface Book {
  sheets: Record<string, { cells: Cells; maxRows: number; maxCols: number }>;
  names?: Record<string, AreaAddress>;
}

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function key(sheet: string, row: number, col: number): string {
  return `${sheet}!${row}!${col}`;
}

/** The book's dates are this process's midnights unless a test gives the spreadsheet another zone. */
export function sourceOf(
  book: Book,
  evaluate: (formula: string, at: CellAddress) => EvalResult,
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
) {
  const cells = new Map<string, EvalValue>();
  for (const [sheet, { cells: values }] of Object.entries(book.sheets)) {
    for (const [a1, value] of Object.entries(values)) {
      const [, letters = '', digits = ''] = /^([A-Z]+)(\d+)$/.exec(a1) ?? [];
      cells.set(key(sheet, Number(digits), colNumber(letters)), value);
    }
  }
  const reads = { count: 0 };
  const source: CellSource = {
    value(at) {
      reads.count++;
      const value = cells.get(key(at.sheet, at.row, at.col)) ?? '';
      if (typeof value !== 'string' || !value.startsWith('=')) return value;
      const result = evaluate(value, at);
      return Array.isArray(result) ? (result[0]?.[0] ?? '') : result;
    },
    size: (sheet) => book.sheets[sheet],
    namedRange: (name) => book.names?.[name],
    timeZone,
  };
  return { source, reads, cells };
}
