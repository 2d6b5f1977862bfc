/**
 * Recording a check-in, under the document lock the caller holds: the key result is found by its ID
 * (never by row number, which a sort changes), one row is appended to the log, and the key result's
 * current value, confidence, last check-in and signal are set on the row holding the ID.
 */
import {
  type CellValue,
  type CheckIn,
  type CheckInValue,
  cellOf,
  type KeyResultKind,
  okrSignals,
  valueFitsKind,
} from '../core';
import { appendCheckIn, checkInLog, readCheckIns } from './check-in-log';
import { readRecordedClose } from './close-record';
import { findKeyResult, type KeyResultRow, readKeyResultRows, summarise } from './key-results';

export type RecordOutcome =
  | { readonly kind: 'recorded'; readonly row: KeyResultRow }
  | { readonly kind: 'not-found' }
  /** A close of the cycle stopped midway: its next click resets these rows, so nothing is written now. */
  | { readonly kind: 'closing'; readonly cycle: string }
  /** A value was typed for a key result that follows a KPI: its value comes from Refresh. */
  | { readonly kind: 'linked'; readonly name: string; readonly kpi: string }
  /** No value for a key result of its own. */
  | { readonly kind: 'no-value'; readonly name: string; readonly keyResultKind: KeyResultKind }
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
  const { sheet, map } = row.table;
  let value: CheckInValue | null;
  if (before.linkedKpi) {
    // Confidence and comment only: the log records the KPI's latest value, so the key result's
    // history and forecast follow the KPI.
    if (checkIn.value !== null) return { kind: 'linked', name: before.name, kpi: before.linkedKpi };
    value = kpiValueOf(cellOf(row.cells, map, 'current'));
  } else {
    const keyResultKind = before.kind ?? 'linear';
    if (checkIn.value === null) return { kind: 'no-value', name: before.name, keyResultKind };
    if (!valueFitsKind(checkIn.value, keyResultKind))
      return { kind: 'wrong-value', name: before.name, keyResultKind };
    value = checkIn.value;
  }
  const history = readCheckIns(spreadsheet).get(checkIn.krId) ?? [];
  appendCheckIn(checkInLog(spreadsheet), { ...checkIn, value }, before.name, currentUser(), now);
  const newValue = value === null ? null : value.kind === 'done' ? value.done : value.value;
  if (map.current && !before.linkedKpi && newValue !== null)
    sheet.getRange(row.row, map.current).setValue(newValue);
  if (map.confidence) sheet.getRange(row.row, map.confidence).setValue(checkIn.confidence);
  if (map.lastCheckIn) sheet.getRange(row.row, map.lastCheckIn).setValue(now);
  if (map.signal) {
    const latest = { value: newValue, confidence: checkIn.confidence };
    const [signal] = okrSignals([row.cells], map, new Map([[checkIn.krId, [latest, ...history]]]));
    sheet.getRange(row.row, map.signal).setValue(signal ?? '');
  }
  SpreadsheetApp.flush();
  return { kind: 'recorded', row: findKeyResult(readKeyResultRows(spreadsheet), checkIn.krId) ?? row };
}

function kpiValueOf(current: CellValue): CheckInValue | null {
  return typeof current === 'number' && Number.isFinite(current) ? { kind: 'number', value: current } : null;
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
