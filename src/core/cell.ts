/**
 * Cell-value coercion, in one place. Sheets hands a script numbers, strings, booleans, Dates and '' for
 * blanks; people type "45%", " 12 " or "1,000" into number columns, and error cells arrive as "#N/A".
 * Every reader returns `null` for a blank and throws an InputError naming the field for anything it
 * cannot read unambiguously.
 */
import { describe, InputError } from './errors';
import { isDate } from './is-date';
import { localFromWallClock, serialToWallClock, wallClockToSerial } from './sheets-dates';

/** A value as read from a cell (null/undefined are tolerated for values built in code). */
export type CellValue = string | number | boolean | Date | null | undefined;

const SHEETS_ERRORS = new Set([
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
  'LOADING...',
]);

// Plain decimals, or thousands grouped by commas with at least one group ("1,000.5"). "1,5" stays
// unreadable on purpose: in many locales it means one and a half.
const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+|\d{1,3}(?:,\d{3})+(?:\.\d*)?)(?:e[+-]?\d+)?$/i;

export function isBlank(value: CellValue): value is '' | null | undefined {
  return (
    value === '' ||
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '')
  );
}

/** True for the texts Sheets shows for a failed formula. */
export function isSheetsError(value: CellValue): value is string {
  return typeof value === 'string' && SHEETS_ERRORS.has(value.trim().toUpperCase());
}

function fail(field: string, value: CellValue, expected: string): never {
  if (isSheetsError(value)) throw new InputError(`${field} is ${value.trim()} (the cell holds an error)`);
  throw new InputError(`${field} must be ${expected}, got ${describe(value)}`);
}

/** Parses a numeric text: " 12 ", "45%", "-3.5", "1,000". Returns undefined when it is not one. */
export function parseNumericText(text: string): number | undefined {
  let body = text.trim();
  let scale = 1;
  if (body.endsWith('%')) {
    body = body.slice(0, -1).trimEnd();
    scale = 0.01;
  }
  if (!NUMERIC_TEXT.test(body)) return undefined;
  const parsed = Number(body.replace(/,/g, '')) * scale;
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** A finite number, or null for a blank. Booleans and dates are refused: in a number column they are typos. */
export function readNumber(value: CellValue, field: string): number | null {
  // The common case is small, so the compiler can inline it into loops over whole columns.
  return typeof value === 'number' && Number.isFinite(value) ? value : readOtherNumber(value, field);
}

function readOtherNumber(value: CellValue, field: string): number | null {
  if (typeof value === 'number') return fail(field, value, 'a finite number');
  if (isBlank(value)) return null;
  if (typeof value === 'string') return parseNumericText(value) ?? fail(field, value, 'a number');
  return fail(field, value, 'a number');
}

const DONE_WORDS = new Set(['true', 'done', 'yes', 'y', 'x', '1', 'complete', 'completed', '✓', '✔']);
const NOT_DONE_WORDS = new Set(['false', 'not done', 'no', 'n', '0', 'open', 'todo', 'to do', 'pending']);

/** A milestone's state: TRUE, 1, "done", "yes" mean done; FALSE, 0, "no", "not done" mean not yet. */
export function readDone(value: CellValue, field: string): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (value === 1) return true;
    if (value === 0) return false;
    return fail(field, value, 'done or not done (TRUE/FALSE, 1/0, "done"/"not done")');
  }
  if (isBlank(value)) return null;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (DONE_WORDS.has(word)) return true;
    if (NOT_DONE_WORDS.has(word)) return false;
  }
  return fail(field, value, 'done or not done (TRUE/FALSE, 1/0, "done"/"not done")');
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

// The dates a tracker can mean: Sheets counts days from 1899-12-30 and shows years up to 9999. Anything
// outside (a serial number like 1e300, a year typed as 0226) is a mistake, not a date.
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 9999;
const PLAUSIBLE = `a date from ${EARLIEST_YEAR}-01-01 to ${LATEST_YEAR}-12-31`;

function plausible(date: Date, field: string, value: CellValue): Date {
  const year = date.getFullYear();
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR ? date : fail(field, value, PLAUSIBLE);
}

/**
 * A point in time from 1900 to 9999: a Date, a Sheets serial number (days since 1899-12-30, as a date
 * cell formatted as a number shows; read in the script's zone), or an ISO text "2026-01-31". Locale
 * texts such as "01/02/2026" are refused: day and month order is ambiguous.
 */
export function readDate(value: CellValue, field: string): Date | null {
  if (isDate(value)) {
    return Number.isNaN(value.getTime())
      ? fail(field, value, 'a valid date')
      : plausible(value, field, value);
  }
  if (typeof value === 'number') {
    // Checked before converting: a serial beyond 9999 would not even make a valid Date.
    const latest = wallClockToSerial(new Date(Date.UTC(LATEST_YEAR + 1, 0, 1)));
    if (!(value >= 1 && value < latest)) return fail(field, value, PLAUSIBLE);
    return localFromWallClock(serialToWallClock(value));
  }
  if (isBlank(value)) return null;
  if (typeof value === 'string') {
    const match = ISO_DATE.exec(value.trim());
    if (match) {
      const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
      const date = new Date(2000, 0, 1, h || 0, mi || 0, s || 0);
      date.setFullYear(y as number, (mo as number) - 1, d); // the Date constructor reads 0-99 as 19xx
      if (date.getMonth() === (mo as number) - 1 && date.getDate() === d)
        return plausible(date, field, value);
    }
  }
  return fail(field, value, 'a date (a date cell or text like 2026-03-31)');
}

/** A trimmed, non-empty text or null for a blank; numbers and booleans are read as the text they show. */
export function readText(value: CellValue, field: string): string | null {
  if (isBlank(value)) return null;
  if (isSheetsError(value)) return fail(field, value, 'text');
  if (isDate(value)) return fail(field, value, 'text');
  return String(value).trim();
}

/** Looks a text up in a table of accepted spellings (case- and spacing-insensitive). */
export function readChoice<T>(
  value: CellValue,
  field: string,
  spellings: Readonly<Record<string, T>>,
  expected: string,
): T | null {
  const text = readText(value, field);
  if (text === null) return null;
  const key = text.toLowerCase().replace(/[\s_-]+/g, ' ');
  return spellings[key] ?? fail(field, value, expected);
}
