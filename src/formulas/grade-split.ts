/**
 * OKR_GRADE_SPLIT: scores spread over one column per grade band, so a stacked bar chart colours each
 * bar by its band (a Sheets chart colours series, not single bars).
 */
import { type CellValue, describe, gradeOf, InputError, isBlank, readNumber } from '../core';

const BANDS = ['red', 'yellow', 'green'] as const;

function rowsOf(value: unknown): CellValue[] {
  return Array.isArray(value) ? (value as CellValue[][]).map((row) => row[0]) : [value as CellValue];
}

/** One row per labelled row: [label, red, yellow, green], the score in its band's column. */
export function okrGradeSplit(labels: unknown, scores: unknown): CellValue[][] | '' {
  const names = rowsOf(labels);
  const values = rowsOf(scores);
  if (names.length !== values.length) {
    throw new Error(
      `labels has ${names.length} rows but scores has ${values.length}: give one score per label`,
    );
  }
  const out: CellValue[][] = [];
  names.forEach((name, i) => {
    if (isBlank(name)) return;
    const row: CellValue[] = [name, '', '', ''];
    let score: number | null;
    try {
      score = readNumber(values[i], `score #${i + 1}`);
    } catch (error) {
      if (error instanceof InputError) throw new Error(error.message);
      throw error;
    }
    if (score !== null) {
      if (!Number.isFinite(score) || score < 0)
        throw new Error(`score #${i + 1} must be a number of 0 or more, got ${describe(values[i])}`);
      row[1 + BANDS.indexOf(gradeOf(score))] = score;
    }
    out.push(row);
  });
  return out.length > 0 ? out : '';
}
