/**
 * The server side of the check-in sidebar: the page's data (sent with the page, so it opens in one
 * round trip) and the submit handler. A submission is validated with the form's own schema, then
 * written under the document lock: one row appended to the log, and the key result's current value,
 * confidence and last check-in updated on the row that holds its ID.
 */
import { type CheckIn, parseConfidence, parseNumericText, valueFitsKind } from '../core';
import { appendCheckIn, checkInLog, type LoggedCheckIn, readCheckIns } from '../sheets/check-in-log';
import { findKeyResult, type KeyResultSummary, readKeyResultRows, summarise } from '../sheets/key-results';
import { type CycleSettings, readCycleSettings } from '../sheets/settings';
import { type FieldErrors, validateCheckInForm } from './check-in-schema';
import { sidebarHandler } from './entry';
import { type Plain, plain } from './plain';

export interface CheckInView {
  readonly time: string;
  readonly value: Plain;
  readonly confidence: Plain;
  readonly comment: string;
  readonly user: string;
}

export interface SidebarKeyResult extends Omit<KeyResultSummary, 'start' | 'target' | 'current'> {
  readonly start: Plain;
  readonly target: Plain;
  readonly current: Plain;
  readonly history: readonly CheckInView[];
}

export interface CheckInPageData {
  readonly cycleName: string;
  readonly keyResults: readonly SidebarKeyResult[];
  readonly selectedId: string | null;
}

export type SubmitResult =
  | { readonly ok: true; readonly keyResult: SidebarKeyResult }
  | { readonly ok: false; readonly errors: FieldErrors };

const HISTORY_SHOWN = 12;

function settingsOrNull(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): CycleSettings | null {
  try {
    return readCycleSettings(spreadsheet);
  } catch {
    return null;
  }
}

function view(summary: KeyResultSummary, history: readonly LoggedCheckIn[] = []): SidebarKeyResult {
  return {
    ...summary,
    start: plain(summary.start),
    target: plain(summary.target),
    current: plain(summary.current),
    history: history.slice(0, HISTORY_SHOWN).map((c) => ({
      time: c.time.toISOString(),
      value: plain(c.value),
      confidence: plain(c.confidence),
      comment: c.comment,
      user: c.user,
    })),
  };
}

/** Everything the sidebar shows; the key result on the selected row of an OKR sheet is preselected. */
export function checkInPageData(): CheckInPageData {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const today = new Date();
  const settings = settingsOrNull(spreadsheet);
  const rows = readKeyResultRows(spreadsheet);
  const history = readCheckIns(spreadsheet);
  const active = spreadsheet.getActiveRange();
  const activeSheet = active?.getSheet().getSheetId();
  const selected = active
    ? rows.find((r) => r.table.sheet.getSheetId() === activeSheet && r.row === active.getRow())
    : undefined;
  const keyResults = rows.map((row) => {
    const summary = summarise(row, settings, today);
    return view(summary, history.get(summary.id));
  });
  return {
    cycleName: settings?.cycle.name ?? '',
    keyResults,
    selectedId: selected ? (keyResults[rows.indexOf(selected)]?.id ?? null) : null,
  };
}

function currentUser(): string {
  // Empty for consumer accounts when the user's address is not shared with the add-on.
  return Session.getActiveUser().getEmail() || 'unknown user';
}

export const submitCheckIn = sidebarHandler((input, { locked }): SubmitResult => {
  const validated = validateCheckInForm(input);
  if (!validated.ok) return validated;
  const { form } = validated;
  const checkIn: CheckIn = {
    krId: form.krId,
    value:
      typeof form.value === 'boolean'
        ? { kind: 'done', done: form.value }
        : { kind: 'number', value: parseNumericText(form.value) as number },
    confidence: parseConfidence(form.confidence) as CheckIn['confidence'],
    comment: form.comment,
  };
  return locked(() => record(checkIn));
});

function record(checkIn: CheckIn): SubmitResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const row = findKeyResult(readKeyResultRows(spreadsheet), checkIn.krId);
  if (!row) {
    return {
      ok: false,
      errors: {
        krId: `Key result ${checkIn.krId} was not found; it may have been deleted. Reopen the sidebar.`,
      },
    };
  }
  const today = new Date();
  const before = summarise(row, null, today);
  if (before.linkedKpi) {
    return {
      ok: false,
      errors: {
        krId: `"${before.name}" follows the KPI "${before.linkedKpi}": Refresh takes its value from that KPI, so it can't be checked in by hand.`,
      },
    };
  }
  const kind = before.kind ?? 'linear';
  if (!valueFitsKind(checkIn.value, kind)) {
    const wanted = kind === 'milestone' ? 'done or not done' : 'a number';
    return {
      ok: false,
      errors: { value: `"${before.name}" is a ${kind} key result: its value is ${wanted}` },
    };
  }
  const log = checkInLog(spreadsheet);
  const user = currentUser();
  appendCheckIn(log, checkIn, before.name, user, today);
  const { sheet, map } = row.table;
  const newValue = checkIn.value.kind === 'done' ? checkIn.value.done : checkIn.value.value;
  if (map.current) sheet.getRange(row.row, map.current).setValue(newValue);
  if (map.confidence) sheet.getRange(row.row, map.confidence).setValue(checkIn.confidence);
  if (map.lastCheckIn) sheet.getRange(row.row, map.lastCheckIn).setValue(today);
  SpreadsheetApp.flush();
  const after = findKeyResult(readKeyResultRows(spreadsheet), checkIn.krId);
  const summary = summarise(after ?? row, settingsOrNull(spreadsheet), today);
  return { ok: true, keyResult: view(summary, readCheckIns(spreadsheet).get(checkIn.krId)) };
}
