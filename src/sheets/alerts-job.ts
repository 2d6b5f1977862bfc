/**
 * The daily job (an installable time-driven trigger): refreshes every table (which snapshots the KPI
 * History and moves the as-of date), then alerts each owner once, in one digest, about KPIs that
 * entered breach or moved suddenly, and reminds owners of key results waiting for a check-in. The
 * Alerts sheet logs every email, and is what de-duplicates them.
 * A trigger has no UI and its errors are emailed to no one, so failures are logged there too.
 */
import {
  ALERT_LOG_HEADERS,
  type CellValue,
  groupDigests,
  lastAlertState,
  logRows,
  planAlerts,
  planSending,
} from '../core';
import { SHEET_NAMES } from './layouts';
import { withDocumentLock } from './lock';
import { appendRows, canHoldLog, type OpenLog, openLog } from './log-sheet';
import { sendMails } from './mail';
import { refreshAll } from './refresh';
import { runReminders } from './reminders';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DAILY_HANDLER = 'dailyCheck';

export interface DailyReport {
  readonly kpis: number;
  readonly sent: number;
  readonly deferred: number;
  readonly failed: number;
  readonly unaddressed: number;
  readonly recovered: number;
  /** Check-in reminders sent, and held back by the quota. */
  readonly reminders: { readonly sent: number; readonly deferred: number };
}

/**
 * Where alerts are logged: the "Alerts" sheet, unless a sheet of the team's already holds that name
 * (another layout), which the add-on leaves alone and logs beside, in a sheet of its own. The first of
 * these names that holds the log is used, so the log (which de-duplicates alerts) is found again even
 * after the team renames their sheet.
 */
const ALERT_LOG_NAMES = [
  SHEET_NAMES.alerts,
  ...['', ' 2', ' 3', ' 4'].map((n) => `${SHEET_NAMES.alerts} (OKR & KPI Tracker)${n}`),
];

/** KPI, recipient and outcome are text from the sheets or the mail service: stored as plain text. */
const ALERT_TEXT_COLUMNS = [2, 5, 6];

export interface AlertLog extends OpenLog {
  /** The team's own sheet named "Alerts", left alone (the log is elsewhere); null when there is none. */
  readonly teamSheet: string | null;
}

/** The alert log and its rows, created (under the first free name) when there is none yet. */
export function alertLog(spreadsheet: Spreadsheet): AlertLog {
  const byName = new Map(spreadsheet.getSheets().map((sheet) => [sheet.getName().toLowerCase(), sheet]));
  const named = ALERT_LOG_NAMES.map((name) => ({ name, sheet: byName.get(name.toLowerCase()) }));
  const target =
    named.find(({ sheet }) => sheet !== undefined && canHoldLog(sheet, ALERT_LOG_HEADERS)) ??
    named.find(({ sheet }) => sheet === undefined);
  if (!target) {
    throw new Error(
      `Sheets of yours hold every name the add-on could log alerts to (${ALERT_LOG_NAMES.join(', ')}): rename one so the add-on can create its log.`,
    );
  }
  const log = openLog(spreadsheet, target.name, ALERT_LOG_HEADERS, { 1: 'yyyy-mm-dd hh:mm' });
  const alerts = named[0];
  return { ...log, teamSheet: alerts?.sheet && alerts !== target ? alerts.sheet.getName() : null };
}

export function runDailyCheck(spreadsheet: Spreadsheet, now: Date): DailyReport {
  return withDocumentLock(() => {
    const { evaluations } = refreshAll(spreadsheet, now);
    const log = alertLog(spreadsheet);
    const plan = planAlerts(evaluations, lastAlertState(log.rows), now);
    const { digests, unaddressed } = groupDigests(plan.toSend, spreadsheet.getUrl());
    // One quota for both: alerts first, reminders get what is left.
    const quota = MailApp.getRemainingDailyQuota();
    const { send: toSend, deferred } = planSending(digests, quota);
    const { sent, failures } = sendMails(toSend);
    const reminders = runReminders(spreadsheet, log.rows, now, quota - toSend.length);
    appendRows(
      log.sheet,
      [...plan.recoveries, ...logRows(sent, deferred, failures, now, unaddressed), ...reminders.rows],
      ALERT_TEXT_COLUMNS,
      log.rows.length + 1,
    );
    return {
      kpis: evaluations.length,
      sent: sent.length,
      deferred: deferred.length,
      failed: failures.length,
      unaddressed: unaddressed.length,
      recovered: plan.recoveries.length,
      reminders: { sent: reminders.sent, deferred: reminders.deferred },
    };
  }, 30_000);
}

/** The trigger's entry: never throws (no one would see it), logs the failure where the team looks. */
export function dailyCheckFromTrigger(): void {
  // An editor add-on's time-driven trigger belongs to the document it was created in, which is the
  // active spreadsheet here; without one there is nowhere to work or to log.
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) {
    console.error('OKR & KPI Tracker daily check: no active spreadsheet for this trigger.');
    return;
  }
  const now = new Date();
  try {
    runDailyCheck(spreadsheet, now);
  } catch (error) {
    const row: CellValue[] = [now, '(daily check)', 'Error', '', '', `failed: ${(error as Error).message}`];
    try {
      appendRows(alertLog(spreadsheet).sheet, [row], ALERT_TEXT_COLUMNS);
    } catch {
      console.error(`OKR & KPI Tracker daily check failed: ${(error as Error).message}`);
    }
  }
}
