/**
 * The Check-ins sheet: an append-only log (timestamp, KR ID, key result, value, confidence, comment,
 * user). Read whole with one getValues; each check-in appends one row.
 */
import { type CellValue, type CheckIn, type CheckInLogRanges, columnLetter, isDate } from '../core';
import { CHECK_IN_HEADERS, SHEET_NAMES } from './layouts';
import { appendRows } from './log-sheet';
import { setUpCheckInLog } from './setup';
import { headerTexts, sheetNamed } from './sheet-lookup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface LoggedCheckIn {
  readonly time: Date;
  readonly krId: string;
  readonly value: CellValue;
  readonly confidence: CellValue;
  readonly comment: string;
  readonly user: string;
}

/** The log sheet, created when missing; an unrelated sheet of the same name is refused, not reused. */
export function checkInLog(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  let sheet = sheetNamed(spreadsheet, SHEET_NAMES.checkIns);
  if (!sheet) {
    setUpCheckInLog(spreadsheet, { created: [], kept: [], conflicts: [] });
    sheet = sheetNamed(spreadsheet, SHEET_NAMES.checkIns);
  }
  const headers = sheet ? headerTexts(sheet) : [];
  if (!sheet || !CHECK_IN_HEADERS.every((title, i) => headers[i] === title)) {
    throw new Error(
      `The "${SHEET_NAMES.checkIns}" sheet does not have the check-in columns (${CHECK_IN_HEADERS.join(', ')}). Rename that sheet so the add-on can create its log.`,
    );
  }
  return sheet;
}

/**
 * The log's KR ID, value and time columns as formula ranges. A sheet reference in a formula ignores
 * letter case, as the lookup of the sheet does, so the log's own name serves without asking the sheet.
 */
function logRanges(): CheckInLogRanges {
  const name = `'${SHEET_NAMES.checkIns}'`;
  const column = (title: (typeof CHECK_IN_HEADERS)[number]) => {
    const letter = columnLetter(CHECK_IN_HEADERS.indexOf(title) + 1);
    return `${name}!${letter}1:${letter}`;
  };
  return { ids: column('KR ID'), values: column('Value'), times: column('Timestamp') };
}

/** Every check-in of the log sheet, grouped by KR ID, newest first. */
function checkInsOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): Map<string, LoggedCheckIn[]> {
  const byId = new Map<string, LoggedCheckIn[]>();
  if (sheet.getLastRow() < 2) return byId;
  const rows = sheet
    .getRange(2, 1, sheet.getLastRow() - 1, CHECK_IN_HEADERS.length)
    .getValues() as CellValue[][];
  for (const [time, krId, , value, confidence, comment, user] of rows) {
    if (!isDate(time) || !krId) continue;
    const id = String(krId).trim();
    const list = byId.get(id) ?? [];
    list.push({
      time,
      krId: id,
      value,
      confidence,
      comment: String(comment ?? ''),
      user: String(user ?? ''),
    });
    byId.set(id, list);
  }
  for (const list of byId.values()) list.sort((a, b) => b.time.getTime() - a.time.getTime());
  return byId;
}

/** Every check-in, grouped by KR ID, newest first (none when there is no log). */
export function readCheckIns(spreadsheet: Spreadsheet): Map<string, LoggedCheckIn[]> {
  const sheet = sheetNamed(spreadsheet, SHEET_NAMES.checkIns);
  return sheet ? checkInsOf(sheet) : new Map();
}

/** What an OKR table's outputs read from the check-in log. */
export interface CheckInContext {
  readonly ranges: CheckInLogRanges | undefined;
  readonly history: ReadonlyMap<string, readonly LoggedCheckIn[]>;
}

/** What Refresh reads of the log, from one lookup of the sheet. */
export function readCheckInLog(spreadsheet: Spreadsheet): CheckInContext {
  const sheet = sheetNamed(spreadsheet, SHEET_NAMES.checkIns);
  return sheet
    ? { ranges: logRanges(), history: checkInsOf(sheet) }
    : { ranges: undefined, history: new Map() };
}

/** Columns holding text a user typed: stored as plain text, never as a formula (CWE-1236). */
const TEXT_COLUMNS = ['KR ID', 'Key result', 'Comment', 'User'].map(
  (title) => CHECK_IN_HEADERS.indexOf(title as never) + 1,
);

/** Appends one check-in; typed text is stored literally, never as a formula. */
export function appendCheckIn(
  log: GoogleAppsScript.Spreadsheet.Sheet,
  checkIn: CheckIn,
  keyResultName: string,
  user: string,
  time: Date,
): void {
  const { value: checked } = checkIn;
  const value = checked === null ? '' : checked.kind === 'done' ? checked.done : checked.value;
  appendRows(
    log,
    [[time, checkIn.krId, keyResultName, value, checkIn.confidence, checkIn.comment, user]],
    TEXT_COLUMNS,
  );
}
