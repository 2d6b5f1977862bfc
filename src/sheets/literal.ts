/**
 * The one way the add-on writes values it copied or composed from a user's text. Sheets reads a string
 * written with setValue/setValues as if a person had typed it: "=..." (and "+1+1") becomes a formula,
 * "0123" the number 123, "TRUE" a boolean, "2026-01-05" a date, "45%" 0.45, "#N/A" an error, unless the
 * cell is formatted as plain text ("@"). Elsewhere a leading apostrophe makes Sheets store the rest
 * exactly as text (shown without the apostrophe), so text that Sheets could read as anything else gets
 * one. In a plain-text cell the apostrophe would stay visible, so text goes there as it is.
 */
import { type CellValue, type Formula, isFormula } from '../core';

type Range = GoogleAppsScript.Spreadsheet.Range;

const PLAIN_TEXT = '@';

// Sheets reads a whole entry, never part of one: what it reads as other than text starts with one of
// these characters (formulas, signs, errors, an apostrophe it would eat, blanks, control characters), is
// a boolean, or holds a digit and no letters but those of dates, times and exponents ("2026-01-05",
// "Jan 5", "9:30 am", "1e5", "$1,000", "45%"). "KR-1a2b", "Q4" or "Leads dropped 35%" stay text.
const SPECIAL_START = /^[=+\-@'#\s\p{Cc}]|^(?:true|false)\s*$/iu;
const DATE_WORDS =
  /(?<!\p{L})(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a|p|e)(?!\p{L})/giu;

function needsApostrophe(value: CellValue | Formula): value is string {
  if (typeof value !== 'string') return false;
  if (SPECIAL_START.test(value)) return true;
  return /\d/.test(value) && !/\p{L}/u.test(value.replace(DATE_WORDS, ''));
}

/**
 * Writes `values` over `range` in one setValues: formulas as formulas, every other value stored exactly
 * as it is. `plainTextColumns` (1-based in the range) are the ones the caller has just formatted as plain
 * text; for other cells, the number formats are read (one more call) only when some text needs it.
 */
export function writeExactly(
  range: Range,
  values: readonly (readonly (CellValue | Formula)[])[],
  plainTextColumns: readonly number[] = [],
): void {
  const elsewhere = (row: readonly (CellValue | Formula)[]) =>
    row.some((value, c) => needsApostrophe(value) && !plainTextColumns.includes(c + 1));
  const formats = values.some(elsewhere) ? range.getNumberFormats() : [];
  const plain = (r: number, c: number) => plainTextColumns.includes(c + 1) || formats[r]?.[c] === PLAIN_TEXT;
  range.setValues(
    values.map((row, r) =>
      row.map((value, c) => {
        if (isFormula(value)) return value.formula;
        return needsApostrophe(value) && !plain(r, c) ? `'${value}` : value;
      }),
    ),
  );
}
