/**
 * Check-in reminders for the daily job: the key results' last check-ins from the OKR tables, the
 * optional Managers sheet, the plan (core/reminders), the sending within what the quota leaves, and the
 * rows that record it all in the alert log.
 */
import {
  type CellValue,
  cellOf,
  isBlank,
  isDate,
  type ManagerTable,
  OUTCOMES,
  planReminders,
  type ReminderKeyResult,
  readManagerTable,
  reminderLogRow,
  reminderState,
  remindersMayBeDue,
  withinQuota,
} from '../core';
import { sheetCalendar } from './calendar';
import { sendMails } from './mail';
import { readCheckInSettings, readCycleSettings, readSettingsBlock } from './settings';
import { sheetNamed } from './sheet-lookup';
import { readTableRows } from './table-io';
import { findTables } from './table-metadata';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The sheet a team may add to name each owner's manager (headers Owner and Manager). */
export const MANAGERS_SHEET = 'Managers';

export interface ReminderRun {
  readonly sent: number;
  readonly deferred: number;
  /** Rows for the alert log. */
  readonly rows: CellValue[][];
}

function readManagers(spreadsheet: Spreadsheet): ManagerTable {
  const sheet = sheetNamed(spreadsheet, MANAGERS_SHEET);
  if (!sheet) return { kind: 'none' };
  return readManagerTable(sheet.getDataRange().getValues(), sheet.getName());
}

/** Every key result (a row with a name) of every connected OKR table: one read each. */
function keyResultsOf(spreadsheet: Spreadsheet): ReminderKeyResult[] {
  const { local } = sheetCalendar(spreadsheet);
  const text = (value: CellValue) => (isBlank(value) ? '' : String(value).trim());
  return findTables(spreadsheet)
    .filter((table) => table.kind === 'okr')
    .flatMap(({ sheet, kind, headerRow, map }) =>
      readTableRows(sheet, kind, headerRow, map).rows.flatMap((cells) => {
        const name = text(cellOf(cells, map, 'keyResult'));
        const last = local(cellOf(cells, map, 'lastCheckIn'));
        const lastCheckIn = isDate(last) && !Number.isNaN(last.getTime()) ? last : null;
        return name ? [{ name, owner: text(cellOf(cells, map, 'owner')), lastCheckIn }] : [];
      }),
    );
}

/**
 * Plans and sends today's reminders with `quota` recipients left; `logged` is the alert log as read.
 * A failure (settings that cannot be read, say) becomes one log row: the alerts sent before it must
 * still be logged.
 */
export function runReminders(
  spreadsheet: Spreadsheet,
  logged: readonly (readonly CellValue[])[],
  now: Date,
  quota: number,
): ReminderRun {
  try {
    return remind(spreadsheet, logged, now, quota);
  } catch (error) {
    const outcome = `failed: ${(error as Error).message}`;
    return { sent: 0, deferred: 0, rows: [[now, '(check-in reminders)', 'Error', '', '', outcome]] };
  }
}

function remind(
  spreadsheet: Spreadsheet,
  logged: readonly (readonly CellValue[])[],
  now: Date,
  quota: number,
): ReminderRun {
  const calendar = sheetCalendar(spreadsheet);
  const settings = readSettingsBlock(spreadsheet);
  const schedule = readCheckInSettings(spreadsheet, settings);
  const today = calendar.dayOf(now);
  const state = reminderState(logged, calendar.dayOf);
  if (!remindersMayBeDue(today, schedule, state)) return { sent: 0, deferred: 0, rows: [] };
  const keyResults = keyResultsOf(spreadsheet);
  const plan = planReminders({
    keyResults,
    schedule,
    // A spreadsheet with KPI tables alone has no cycle to read, and nothing it would judge.
    cycleStart: keyResults.length > 0 ? readCycleSettings(spreadsheet, settings).cycle.start : today,
    today,
    state,
    managers: () => readManagers(spreadsheet),
    spreadsheet: { name: spreadsheet.getName(), url: spreadsheet.getUrl() },
  });
  const { send, deferred } = withinQuota(plan.reminders, quota);
  const { sent, failures } = sendMails(send);
  return {
    sent: sent.length,
    deferred: deferred.length,
    rows: [
      ...sent.map((r) => reminderLogRow(now, r, OUTCOMES.sent)),
      ...failures.map(({ mail, message }) => reminderLogRow(now, mail, `failed: ${message.trim()}`)),
      ...deferred.map((r) => reminderLogRow(now, r, OUTCOMES.quota)),
      ...plan.notes.map((note) => reminderLogRow(now, note, note.outcome)),
    ],
  };
}
