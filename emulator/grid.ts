/**
 * A sparse 2-D store, 1-based, that keeps its cells through row and column insertions, deletions and row
 * reorderings. Rows are arrays (holes for empty cells), so a 50,000-row sheet costs one array per used
 * row and reading a row is an index.
 */
export class Grid<T> {
  private rows: (T[] | undefined)[] = [];

  get(row: number, col: number): T | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  set(row: number, col: number, value: T | undefined): void {
    let cells = this.rows[row - 1];
    if (value === undefined) {
      if (cells) delete cells[col - 1];
      return;
    }
    if (!cells) {
      cells = [];
      this.rows[row - 1] = cells;
    }
    cells[col - 1] = value;
  }

  /** The stored cells of one row (a sparse array, 0-based), or undefined when the row holds nothing. */
  row(row: number): readonly (T | undefined)[] | undefined {
    return this.rows[row - 1];
  }

  insertRows(before: number, count: number): void {
    if (before - 1 < this.rows.length) insertHoles(this.rows, before - 1, count);
  }

  deleteRows(first: number, count: number): void {
    this.rows.splice(first - 1, count);
  }

  insertColumns(before: number, count: number): void {
    for (const cells of this.rows) {
      if (cells && cells.length >= before) insertHoles(cells, before - 1, count);
    }
  }

  deleteColumns(first: number, count: number): void {
    for (const cells of this.rows) {
      if (cells && cells.length >= first) cells.splice(first - 1, count);
    }
  }

  /** Reorders rows `first..first+order.length-1`: new row i takes old row `order[i]` (both 1-based). */
  permuteRows(order: readonly number[], first: number): void {
    const moved = order.map((from) => this.rows[from - 1]);
    moved.forEach((cells, i) => {
      this.rows[first - 1 + i] = cells;
    });
  }

  /** Calls `visit` for every stored cell, in row-major order. */
  forEach(visit: (value: T, row: number, col: number) => void): void {
    this.rows.forEach((cells, r) => {
      cells?.forEach((value, c) => {
        if (value !== undefined) visit(value, r + 1, c + 1);
      });
    });
  }

  /** The last row holding a cell that satisfies `keep`, or 0. */
  lastRow(keep: (value: T) => boolean): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const cells = this.rows[r - 1];
      if (cells?.some((v) => v !== undefined && keep(v))) return r;
    }
    return 0;
  }

  /** The last column holding a cell that satisfies `keep`, or 0. */
  lastColumn(keep: (value: T) => boolean): number {
    let last = 0;
    for (const cells of this.rows) {
      if (!cells) continue;
      for (let c = cells.length; c > last; c--) {
        const v = cells[c - 1];
        if (v !== undefined && keep(v)) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  clear(): void {
    this.rows = [];
  }
}

/** Inserts `count` empty slots at `index` (splice with a spread would overflow the stack for large counts). */
function insertHoles<V>(array: V[], index: number, count: number): void {
  const tail = array.slice(index);
  array.length = index + count;
  for (let i = index; i < index + count; i++) delete array[i];
  tail.forEach((value, i) => {
    if (value !== undefined) array[index + count + i] = value;
  });
  array.length = index + count + tail.length;
}
