/**
 * The daily job (an installable time-driven trigger): refreshes every table (which snapshots the KPI
 * History and moves the as-of date), then alerts each owner once, in one digest, about KPIs that
 * entered breach or moved suddenly. The Alerts sheet logs every alert, and is what de-duplicates them.
 * A trigger has no UI and its errors are emailed to no one, so failures are logged there too.
 */
import {
  ALERT_LOG_HEADERS,
  type CellValue,
  type Digest,
  type DigestFailure,
  groupDigests,
  lastAlertState,
  logRows,
  planAlerts,
  planSending,
} from '../core';
import { SHEET_NAMES } from './layouts';
import { withDocumentLock } from './lock';
import { appendRows, logSheet, readLog } from './log-sheet';
import { refreshAll } from './refresh';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DAILY_HANDLER = 'dailyCheck';

export interface DailyReport {
  readonly kpis: number;
  readonly sent: number;
  readonly deferred: number;
  readonly failed: number;
  readonly unaddressed: number;
  readonly recovered: number;
}

function alertsSheet(spreadsheet: Spreadsheet) {
  return logSheet(spreadsheet, SHEET_NAMES.alerts, ALERT_LOG_HEADERS, { 1: 'yyyy-mm-dd hh:mm' });
}

function send(digests: readonly Digest[]): { sent: Digest[]; failures: DigestFailure[] } {
  const sent: Digest[] = [];
  const failures: DigestFailure[] = [];
  for (const digest of digests) {
    try {
      MailApp.sendEmail({
        to: digest.to,
        subject: digest.subject,
        body: digest.body,
        name: 'OKR & KPI Tracker',
      });
      sent.push(digest);
    } catch (error) {
      failures.push({ digest, message: (error as Error).message });
    }
  }
  return { sent, failures };
}

export function runDailyCheck(spreadsheet: Spreadsheet, now: Date): DailyReport {
  return withDocumentLock(() => {
    const { evaluations } = refreshAll(spreadsheet, now);
    const log = alertsSheet(spreadsheet);
    const plan = planAlerts(evaluations, lastAlertState(readLog(log, ALERT_LOG_HEADERS.length)), now);
    const { digests, unaddressed } = groupDigests(plan.toSend, spreadsheet.getUrl());
    const { send: toSend, deferred } = planSending(digests, MailApp.getRemainingDailyQuota());
    const { sent, failures } = send(toSend);
    appendRows(log, [...plan.recoveries, ...logRows(sent, deferred, failures, now, unaddressed)]);
    return {
      kpis: evaluations.length,
      sent: sent.length,
      deferred: deferred.length,
      failed: failures.length,
      unaddressed: unaddressed.length,
      recovered: plan.recoveries.length,
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
      appendRows(alertsSheet(spreadsheet), [row]);
    } catch {
      console.error(`OKR & KPI Tracker daily check failed: ${(error as Error).message}`);
    }
  }
}
