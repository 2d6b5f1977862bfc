/**
 * How rows and columns inserted or deleted move the things anchored to them (ranges of rules and named
 * ranges, row and column metadata): after an insertion at or before a span the span moves; an insertion
 * inside it grows it; a deletion shrinks it, and one covering it removes it.
 */
import type { GridArea } from './a1';

export interface DimensionChange {
  readonly dim: 'rows' | 'cols';
  readonly kind: 'insert' | 'delete';
  /** First inserted or deleted position (1-based). */
  readonly at: number;
  readonly count: number;
}

export interface Span {
  start: number;
  length: number;
}

export function adjustSpan(start: number, length: number, change: DimensionChange): Span | undefined {
  const end = start + length - 1;
  if (change.kind === 'insert') {
    if (start >= change.at) return { start: start + change.count, length };
    if (end >= change.at) return { start, length: length + change.count };
    return { start, length };
  }
  const delEnd = change.at + change.count - 1;
  const removedBefore = Math.max(0, Math.min(delEnd, start - 1) - change.at + 1);
  const removedInside = Math.max(0, Math.min(end, delEnd) - Math.max(start, change.at) + 1);
  const newLength = length - removedInside;
  if (newLength <= 0) return undefined;
  return { start: start - removedBefore, length: newLength };
}

/** A single position (a row or column metadata, a frozen count's edge); undefined once deleted. */
export function adjustIndex(index: number, change: DimensionChange): number | undefined {
  return adjustSpan(index, 1, change)?.start;
}

export function adjustArea(area: GridArea, change: DimensionChange): GridArea | undefined {
  if (change.dim === 'rows') {
    const span = adjustSpan(area.row, area.numRows, change);
    return span && { ...area, row: span.start, numRows: span.length };
  }
  const span = adjustSpan(area.col, area.numCols, change);
  return span && { ...area, col: span.start, numCols: span.length };
}
