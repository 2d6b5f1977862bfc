/**
 * Check-in reminders, planned from the key results and the alert log alone. On the team's check-in day
 * each owner whose key results have gone longer than the check-in interval without a check-in gets one
 * email listing them; when one of them has gone two intervals, the manager named for the owner (the
 * optional Managers table) gets one too. Nobody gets more than one of each a check-in week (from one
 * check-in day to the day before the next), so a reminder that went out late keeps the team's rhythm.
 * A reminder the mail quota held back, or the service refused, is tried again by the next runs while
 * it is still due; one no longer due (the owner checked in meanwhile) is closed in the log instead.
 *
 * Days are the spreadsheet's days: callers pass `today` and every date as the wall-clock time the
 * sheet shows (script-local Dates), and `dayOf` turns a logged moment into its day the same way.
 */
import { isEmailAddress, OUTCOMES } from './alerts';
import { type CellValue, isBlank, readDate, readText } from './cell';
import { type CheckInSchedule, WEEKDAYS } from './check-in-schedule';
import { startOfDay } from './cycle-dates';
import { InputError } from './errors';
import { groupBy } from './group-by';
import type { Mail } from './mail';
import { type ManagerTable, ownerKey } from './manager-table';
import { singleLine } from './plain-text';

export const REMINDER_EVENTS = { owner: 'Check-in reminder', manager: 'Check-in escalation' } as const;
export type ReminderEvent = (typeof REMINDER_EVENTS)[keyof typeof REMINDER_EVENTS];

export const REMINDER_OUTCOMES = { checkedIn: 'no email: checked in since' } as const;

const DAY_MS = 86_400_000;
/** How much of a key result's or owner's name a line shows, and how many key results an email lists. */
const NAME_LIMIT = 100;
const LIST_LIMIT = 25;
/** The key results' names in a log cell. */
const LOG_TEXT_LIMIT = 200;

export interface ReminderKeyResult {
  readonly name: string;
  /** The Owner cell as typed. */
  readonly owner: string;
  /** The last check-in as the sheet shows it, or null when there was none. */
  readonly lastCheckIn: Date | null;
}

export interface StaleKeyResult extends ReminderKeyResult {
  /** Whole days since the last check-in (or since the cycle started, without one). */
  readonly days: number;
}

/** Whole days from `from`'s day to `to`'s day. */
function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / DAY_MS);
}

/**
 * Key results with no check-in for longer than the interval, as the OKRs sheet's stale highlight judges
 * them: from the last check-in, or from the cycle's start for one never checked in.
 */
export function staleKeyResults(
  keyResults: readonly ReminderKeyResult[],
  intervalDays: number,
  cycleStart: Date,
  today: Date,
): StaleKeyResult[] {
  return keyResults
    .map((kr) => ({ ...kr, days: daysBetween(kr.lastCheckIn ?? cycleStart, today) }))
    .filter((kr) => kr.days > intervalDays);
}

/** A Sunday: days are counted from it to number the weeks. */
const SUNDAY = new Date(2000, 0, 2);

/** Numbers the check-in weeks: the week holding `day`, weeks starting on `weekday` (0 is Sunday). */
function checkInWeek(day: Date, weekday: number): number {
  return Math.floor((daysBetween(SUNDAY, day) - weekday) / 7);
}

interface Recipient {
  readonly event: ReminderEvent;
  /** As logged: the address, or the Owner / Manager cell that is not one. */
  readonly to: string;
}

const recipientKey = ({ event, to }: Recipient) => `${event}\n${ownerKey(to)}`;

export interface ReminderState {
  /** By recipient: the day its last reminder was sent. */
  readonly lastSent: ReadonlyMap<string, Date>;
  /** By recipient: reminders whose last attempt was not sent (quota reached, send failed). */
  readonly pending: ReadonlyMap<string, Recipient>;
}

const EVENTS: ReadonlyMap<string, ReminderEvent> = new Map(
  Object.values(REMINDER_EVENTS).map((event) => [event.toLowerCase(), event]),
);

function readReminderRow(row: readonly CellValue[]): (Recipient & { time: Date; outcome: string }) | null {
  try {
    const time = readDate(row[0], 'time');
    const event = EVENTS.get((readText(row[2], 'status') ?? '').toLowerCase());
    const to = readText(row[4], 'recipient') ?? '';
    if (time === null || event === undefined) return null;
    return { time, event, to, outcome: isBlank(row[5]) ? '' : String(row[5]).trim().toLowerCase() };
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

/**
 * What the alert log says of reminders (rows of other events are skipped), taken in time order so a
 * log sorted by hand reads the same. `dayOf` gives the spreadsheet's day of a logged moment.
 */
export function reminderState(
  logRows: readonly (readonly CellValue[])[],
  dayOf: (moment: Date) => Date,
): ReminderState {
  const rows = logRows
    .map(readReminderRow)
    .filter((r) => r !== null)
    .sort((a, b) => a.time.getTime() - b.time.getTime());
  const lastSent = new Map<string, Date>();
  const pending = new Map<string, Recipient>();
  for (const row of rows) {
    const key = recipientKey(row);
    if (row.outcome === OUTCOMES.sent) lastSent.set(key, dayOf(row.time));
    if (row.outcome === OUTCOMES.quota || row.outcome.startsWith('failed:')) pending.set(key, row);
    else pending.delete(key);
  }
  return { lastSent, pending };
}

export interface Reminder extends Mail {
  readonly event: ReminderEvent;
  readonly keyResults: readonly StaleKeyResult[];
}

/** A reminder that is due but logged without an email, with why. */
export interface ReminderNote extends Recipient {
  readonly keyResults: readonly StaleKeyResult[];
  readonly outcome: string;
}

export interface ReminderPlan {
  /** To send today, owners' reminders first. */
  readonly reminders: Reminder[];
  readonly notes: ReminderNote[];
}

export interface ReminderInput {
  readonly keyResults: readonly ReminderKeyResult[];
  readonly schedule: CheckInSchedule;
  readonly cycleStart: Date;
  /** The spreadsheet's day today. */
  readonly today: Date;
  readonly state: ReminderState;
  /** The Managers table, asked for only when a key result has gone two intervals. */
  readonly managers: () => ManagerTable;
  /** The spreadsheet's name and link, for the email. */
  readonly spreadsheet: { readonly name: string; readonly url: string };
}

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

function line(kr: StaleKeyResult, withOwner: boolean): string {
  const since = kr.lastCheckIn
    ? `last check-in ${plural(kr.days, 'day', 'days')} ago`
    : `no check-in this cycle (it started ${plural(kr.days, 'day', 'days')} ago)`;
  const owner = withOwner ? ` (owner ${singleLine(kr.owner, NAME_LIMIT)})` : '';
  return `- ${singleLine(kr.name, NAME_LIMIT)}${owner}: ${since}`;
}

function list(krs: readonly StaleKeyResult[], withOwner: boolean): string[] {
  const shown = [...krs].sort((a, b) => b.days - a.days).slice(0, LIST_LIMIT);
  const more = krs.length - shown.length;
  return [...shown.map((kr) => line(kr, withOwner)), ...(more > 0 ? [`- and ${more} more`] : [])];
}

type Builder = (to: string, krs: readonly StaleKeyResult[], input: ReminderInput) => Reminder;

function ownerReminder(to: string, krs: readonly StaleKeyResult[], input: ReminderInput): Reminder {
  const { schedule, spreadsheet } = input;
  const where = singleLine(spreadsheet.name, NAME_LIMIT);
  return {
    event: REMINDER_EVENTS.owner,
    to,
    subject: `OKR & KPI Tracker: ${plural(krs.length, 'key result is', 'key results are')} waiting for your check-in`,
    body: [
      `${krs.length === 1 ? 'This key result' : 'These key results'} of yours in "${where}" had no check-in for more than ${plural(schedule.intervalDays, 'day', 'days')}:`,
      '',
      ...list(krs, false),
      '',
      `Your team checks in on ${WEEKDAYS[schedule.weekday]}s. Open the spreadsheet and choose Extensions > OKR & KPI Tracker > Check in: ${spreadsheet.url}`,
    ].join('\n'),
    keyResults: krs,
  };
}

function managerReminder(to: string, krs: readonly StaleKeyResult[], input: ReminderInput): Reminder {
  const { schedule, spreadsheet } = input;
  const days = plural(2 * schedule.intervalDays, 'day', 'days');
  return {
    event: REMINDER_EVENTS.manager,
    to,
    subject: `OKR & KPI Tracker: check-ins stopped on ${plural(krs.length, 'key result', 'key results')} of your team`,
    body: [
      `${krs.length === 1 ? 'This key result' : 'These key results'} in "${singleLine(spreadsheet.name, NAME_LIMIT)}" had no check-in for more than ${days}, two check-in intervals, and ${krs.length === 1 ? 'its owner was' : 'their owners were'} reminded:`,
      '',
      ...list(krs, true),
      '',
      `Open the spreadsheet: ${spreadsheet.url}`,
    ].join('\n'),
    keyResults: krs,
  };
}

function notAddress(role: 'owner' | 'manager', text: string, where = ''): string {
  return text === ''
    ? `not sent: no ${role}`
    : `not sent: ${role} "${singleLine(text, NAME_LIMIT)}"${where} is not one email address`;
}

/**
 * Whether any reminder can be due today: on the check-in day, or with one pending. On other days the
 * job reads nothing more.
 */
export function remindersMayBeDue(today: Date, schedule: CheckInSchedule, state: ReminderState): boolean {
  return today.getDay() === schedule.weekday || state.pending.size > 0;
}

/** Today's reminders, and the notes to log for those due that no email can carry. */
export function planReminders(input: ReminderInput): ReminderPlan {
  const { schedule, state, today } = input;
  const checkInDay = today.getDay() === schedule.weekday;
  const due = (recipient: Recipient) => {
    const key = recipientKey(recipient);
    const last = state.lastSent.get(key);
    const week = (day: Date) => checkInWeek(day, schedule.weekday);
    if (last !== undefined && week(last) >= week(today)) return false;
    return checkInDay || state.pending.has(key);
  };
  const reminders: Reminder[] = [];
  const notes: ReminderNote[] = [];
  /** Plans what is due for `recipient`: the email `build` makes, or a note when `outcome` says why not. */
  const add = (recipient: Recipient, krs: StaleKeyResult[], outcome: string | null, build: Builder) => {
    if (!due(recipient)) return;
    if (outcome === null) reminders.push(build(recipient.to, krs, input));
    else notes.push({ ...recipient, keyResults: krs, outcome });
  };

  const stale = staleKeyResults(input.keyResults, schedule.intervalDays, input.cycleStart, today);
  const byOwner = groupBy(stale, (kr) => ownerKey(kr.owner));
  for (const krs of byOwner) {
    const to = (krs[0] as StaleKeyResult).owner.trim();
    const outcome = isEmailAddress(to) ? null : notAddress('owner', to);
    add({ event: REMINDER_EVENTS.owner, to }, krs, outcome, ownerReminder);
  }

  const overdue = stale.filter((kr) => kr.days > 2 * schedule.intervalDays && kr.owner.trim() !== '');
  const managers: ManagerTable = overdue.length > 0 ? input.managers() : { kind: 'none' };
  if (managers.kind === 'unreadable') {
    add(
      { event: REMINDER_EVENTS.manager, to: '' },
      overdue,
      `not sent: ${managers.problem}`,
      managerReminder,
    );
  }
  if (managers.kind === 'table') {
    const named = overdue.flatMap((kr) => {
      const entry = managers.byOwner.get(ownerKey(kr.owner));
      return entry ? [{ kr, ...entry }] : [];
    });
    for (const group of groupBy(named, (e) => ownerKey(e.manager))) {
      const { manager: to, row } = group[0] as (typeof named)[number];
      const krs = group.map((e) => e.kr);
      const outcome = isEmailAddress(to) ? null : notAddress('manager', to, ` (Managers sheet, row ${row})`);
      add({ event: REMINDER_EVENTS.manager, to }, krs, outcome, managerReminder);
    }
  }

  const planned = new Set([...reminders, ...notes].map(recipientKey));
  for (const [key, recipient] of state.pending) {
    if (!planned.has(key)) notes.push({ ...recipient, keyResults: [], outcome: REMINDER_OUTCOMES.checkedIn });
  }
  return { reminders, notes };
}

/** A log row: the key results listed (one line, bounded), how many, to whom, and what happened. */
export function reminderLogRow(
  now: Date,
  entry: Recipient & { readonly keyResults: readonly ReminderKeyResult[] },
  outcome: string,
): CellValue[] {
  const names = singleLine(
    entry.keyResults.map((kr) => singleLine(kr.name, NAME_LIMIT)).join('; '),
    LOG_TEXT_LIMIT,
  );
  return [now, names, entry.event, entry.keyResults.length, entry.to, outcome];
}
