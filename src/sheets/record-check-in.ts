/**
 * Recording a check-in, under the document lock the caller holds: the key result is found by its ID
 * (never by row number, which a sort changes), one row is appended to the log, and the key result's
 * current value, confidence and last check-in are set on the row holding the ID.
 */
import { type CheckIn, type KeyResultKind, valueFitsKind } from '../core';
import { appendCheckIn, checkInLog } from './check-in-log';
import { readRecordedClose } from './close-record';
import { findKeyResult, type KeyResultRow, readKeyResultRows, summarise } from './key-results';

export type RecordOutcome =
  | { readonly kind: 'recorded'; readonly row: KeyResultRow }
  | { readonly kind: 'not-found' }
  /** A close of the cycle stopped midway: its next click resets these rows, so nothing is written now. */
  | { readonly kind: 'closing'; readonly cycle: string }
  /** A key result that follows a KPI takes its value from Refresh, not from check-ins. */
  | { readonly kind: 'linked'; readonly name: string; readonly kpi: string }
  /** A milestone takes done / not done, any other kind a number. */
  | { readonly kind: 'wrong-value'; readonly name: string; readonly keyResultKind: KeyResultKind };

/** The signed-in user's address; empty for consumer accounts that don't share it with the add-on. */
function currentUser(): string {
  return Session.getActiveUser().getEmail() || 'unknown user';
}

export function recordCheckIn(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  checkIn: CheckIn,
  now: Date,
): RecordOutcome {
  const closing = readRecordedClose().plan;
  if (closing) return { kind: 'closing', cycle: closing.cycle.name };
  const row = findKeyResult(readKeyResultRows(spreadsheet), checkIn.krId);
  if (!row) return { kind: 'not-found' };
  const before = summarise(row, null, now);
  if (before.linkedKpi) return { kind: 'linked', name: before.name, kpi: before.linkedKpi };
  const keyResultKind = before.kind ?? 'linear';
  if (!valueFitsKind(checkIn.value, keyResultKind))
    return { kind: 'wrong-value', name: before.name, keyResultKind };
  appendCheckIn(checkInLog(spreadsheet), checkIn, before.name, currentUser(), now);
  const { sheet, map } = row.table;
  const newValue = checkIn.value.kind === 'done' ? checkIn.value.done : checkIn.value.value;
  if (map.current) sheet.getRange(row.row, map.current).setValue(newValue);
  if (map.confidence) sheet.getRange(row.row, map.confidence).setValue(checkIn.confidence);
  if (map.lastCheckIn) sheet.getRange(row.row, map.lastCheckIn).setValue(now);
  SpreadsheetApp.flush();
  return { kind: 'recorded', row: findKeyResult(readKeyResultRows(spreadsheet), checkIn.krId) ?? row };
}

/** The key-result row the user has selected on its sheet, if any. */
export function selectedKeyResult(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rows: readonly KeyResultRow[],
): KeyResultRow | undefined {
  const active = spreadsheet.getActiveRange();
  if (!active) return undefined;
  const sheetId = active.getSheet().getSheetId();
  const row = active.getRow();
  return rows.find((r) => r.table.sheet.getSheetId() === sheetId && r.row === row);
}
