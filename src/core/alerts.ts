/**
 * KPI alerts, de-duplicated by the `Alerts` log sheet. An alert fires when a KPI enters breach, not on
 * every run it stays there; it fires again only after the KPI has recovered and breached anew. The log
 * alone tells where each KPI stands, so a run needs no other saved state. A KPI judged against its
 * target alone is in breach when it has Missed it (Near is its warning and does not alert):
 *
 * - a `Breach` row with outcome `sent` means the KPI is alerted;
 * - a `Recovered` row (written, without an email, when an alerted KPI leaves breach) clears it;
 * - a `Breach` row whose email was not sent (quota reached, send failed, no owner address) leaves it
 *   clear, so the next run plans the alert again for as long as the breach lasts: that is the retry;
 * - any alert row with outcome `sent` marks the KPI as alerted on that day, which limits sudden-change
 *   alerts to one per KPI per day (a breach alert carries the sudden change along when both happen).
 */
import { type CellValue, isBlank, readDate, readText } from './cell';
import { InputError } from './errors';
import { kpiKey, sameDay } from './kpi-history';
import { type AnyKpiStatus, isBreach } from './kpi-rule';
import { type Mail, type QuotaSplit, type SendFailure, withinQuota } from './mail';
import { hasControlCharacters, singleLine } from './plain-text';

/** The header of the Alerts sheet; rows follow in this column order. */
export const ALERT_LOG_HEADERS = ['Time', 'KPI', 'Status', 'Value', 'Recipient', 'Outcome'] as const;

/** What a log row records, in its Status column. */
export const LOG_EVENTS = { breach: 'Breach', sudden: 'Sudden change', recovered: 'Recovered' } as const;

export const OUTCOMES = {
  sent: 'sent',
  quota: 'not sent: daily email quota reached',
  recovered: 'no email: recovered',
} as const;

export type BreachState = 'alerted' | 'clear';

export interface KpiAlertState {
  readonly breach: BreachState;
  /** When the KPI's last alert (breach or sudden change) was sent; null when none was. */
  readonly lastSent: Date | null;
}

/** Keyed by kpiKey(name): trimmed, lower-case. */
export type AlertState = ReadonlyMap<string, KpiAlertState>;

export interface KpiEvaluation {
  readonly kpi: string;
  /** The owner's email address as typed in the KPI table. */
  readonly owner: string;
  readonly status: AnyKpiStatus;
  readonly value: number;
  /** Present only when detectSuddenChange found a sudden change; `text` from describeSuddenChange. */
  readonly sudden?: { readonly change: number; readonly text: string };
}

export interface Alert extends KpiEvaluation {
  /** `breach`: the KPI entered breach (any sudden change rides along); `sudden`: the change alone. */
  readonly reason: 'breach' | 'sudden';
}

export interface AlertPlan {
  readonly toSend: Alert[];
  /** `Recovered` rows to append to the log. */
  readonly recoveries: CellValue[][];
}

interface LogEvent {
  readonly time: Date;
  readonly key: string;
  readonly event: 'breach' | 'sudden' | 'recovered';
  readonly sent: boolean;
}

const EVENT_OF: Readonly<Record<string, LogEvent['event']>> = {
  breach: 'breach',
  'sudden change': 'sudden',
  recovered: 'recovered',
};

function readLogRow(row: readonly CellValue[]): LogEvent | null {
  try {
    const time = readDate(row[0], 'time');
    const kpi = readText(row[1], 'KPI');
    const status = readText(row[2], 'status');
    const event = status === null ? undefined : EVENT_OF[status.toLowerCase()];
    if (time === null || kpi === null || event === undefined) return null;
    const outcome = isBlank(row[5]) ? '' : String(row[5]).trim().toLowerCase();
    return { time, key: kpiKey(kpi), event, sent: outcome === OUTCOMES.sent };
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

/**
 * Each KPI's state from the log. Rows are taken in time order (the sheet's order breaks ties), so a
 * log a person sorted newest-first reads the same; rows with no readable time, KPI or event are skipped.
 */
export function lastAlertState(logRows: readonly (readonly CellValue[])[]): Map<string, KpiAlertState> {
  const events = logRows
    .map(readLogRow)
    .filter((e): e is LogEvent => e !== null)
    .sort((a, b) => a.time.getTime() - b.time.getTime());
  const state = new Map<string, KpiAlertState>();
  for (const { time, key, event, sent } of events) {
    const before = state.get(key) ?? { breach: 'clear', lastSent: null };
    const breach: BreachState =
      event === 'recovered' ? 'clear' : event === 'breach' ? (sent ? 'alerted' : 'clear') : before.breach;
    state.set(key, { breach, lastSent: sent ? time : before.lastSent });
  }
  return state;
}

const CLEAR: KpiAlertState = { breach: 'clear', lastSent: null };

/**
 * What this run sends and logs. A KPI entering breach (state clear) gets an alert; one still in breach
 * and alerted gets none; an alerted KPI out of breach gets a `Recovered` row and no email. A sudden
 * change alerts unless the KPI was already alerted today. KPIs missing from `evaluations` (no value
 * this run) keep their state. A KPI listed twice is judged once, by its first evaluation.
 */
export function planAlerts(evaluations: readonly KpiEvaluation[], state: AlertState, now: Date): AlertPlan {
  const toSend: Alert[] = [];
  const recoveries: CellValue[][] = [];
  const seen = new Set<string>();
  for (const evaluation of evaluations) {
    const key = kpiKey(evaluation.kpi);
    if (seen.has(key)) continue;
    seen.add(key);
    const { breach, lastSent } = state.get(key) ?? CLEAR;
    if (isBreach(evaluation.status) && breach === 'clear') {
      toSend.push({ ...evaluation, reason: 'breach' });
      continue;
    }
    if (!isBreach(evaluation.status) && breach === 'alerted') {
      recoveries.push(logRow(now, evaluation, LOG_EVENTS.recovered, OUTCOMES.recovered));
    }
    if (evaluation.sudden && !(lastSent !== null && sameDay(lastSent, now))) {
      toSend.push({ ...evaluation, reason: 'sudden' });
    }
  }
  return { toSend, recoveries };
}

export interface Digest extends Mail {
  /** The alerts it carries, in body order: logRows logs each. */
  readonly alerts: readonly Alert[];
}

export interface DigestGroups {
  readonly digests: Digest[];
  /** Alerts whose owner is blank or not one email address: the job reports them (and logs them). */
  readonly unaddressed: Alert[];
}

// One address, no display name: what the KPI table's Owner column is documented to hold.
const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+$/;

/**
 * One email address (blanks around it aside); a control or invisible character in it (a line break,
 * NUL, a direction override) makes it none.
 */
export function isEmailAddress(text: string): boolean {
  return !hasControlCharacters(text) && EMAIL.test(text.trim());
}

/** How much of a KPI name an email line shows, and of its sudden-change sentence (which holds the name). */
const NAME_LIMIT = 100;
const SIGNAL_LIMIT = 200;

/** Values as a person would type them: no floating-point tails (0.30000000000000004 shows as 0.3). */
export function formatValue(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** One line per alert: the names come from the sheet, so each is one line of bounded length. */
function alertLine(alert: Alert): string {
  const line = `- ${singleLine(alert.kpi, NAME_LIMIT)}: ${alert.status}, value ${formatValue(alert.value)}`;
  return alert.sudden ? `${line}. ${singleLine(alert.sudden.text, SIGNAL_LIMIT)}.` : `${line}.`;
}

function subjectOf(count: number): string {
  return count === 1
    ? 'OKR & KPI Tracker: 1 KPI needs attention'
    : `OKR & KPI Tracker: ${count} KPIs need attention`;
}

/**
 * One plain-text digest per owner (addresses compared case-insensitively), in the order owners first
 * appear; `link`, when given, ends the body so the reader can open the spreadsheet.
 */
export function groupDigests(alerts: readonly Alert[], link?: string): DigestGroups {
  const byOwner = new Map<string, { to: string; alerts: Alert[] }>();
  const unaddressed: Alert[] = [];
  for (const alert of alerts) {
    const to = alert.owner.trim();
    if (!isEmailAddress(to)) {
      unaddressed.push(alert);
      continue;
    }
    const group = byOwner.get(to.toLowerCase());
    if (group) group.alerts.push(alert);
    else byOwner.set(to.toLowerCase(), { to, alerts: [alert] });
  }
  const digests = [...byOwner.values()].map(({ to, alerts: own }) => {
    const lines = [
      own.length === 1 ? 'This KPI needs attention:' : 'These KPIs need attention:',
      '',
      ...own.map(alertLine),
    ];
    if (link) lines.push('', `Open the tracker: ${link}`);
    return { to, subject: subjectOf(own.length), body: lines.join('\n'), alerts: own };
  });
  return { digests, unaddressed };
}

/**
 * Splits the digests by the remaining daily quota, which counts recipients (one per digest). Digests
 * with a breach go first: entering breach matters more than a sudden move. Deferred digests are logged
 * `not sent`, which leaves their KPIs clear, so the next run plans them again.
 */
export function planSending(digests: readonly Digest[], remainingQuota: number): QuotaSplit<Digest> {
  const hasBreach = (d: Digest) => d.alerts.some((a) => a.reason === 'breach');
  return withinQuota([...digests.filter(hasBreach), ...digests.filter((d) => !hasBreach(d))], remainingQuota);
}

export type DigestFailure = SendFailure<Digest>;

function logRow(now: Date, alert: KpiEvaluation, event: string, outcome: string): CellValue[] {
  return [now, alert.kpi.trim(), event, alert.value, alert.owner.trim(), outcome];
}

function alertRows(now: Date, alerts: readonly Alert[], outcome: string): CellValue[][] {
  return alerts.map((a) => logRow(now, a, LOG_EVENTS[a.reason], outcome));
}

function unaddressedOutcome(owner: string): string {
  const text = singleLine(owner, NAME_LIMIT);
  return text === '' ? 'not sent: no owner' : `not sent: owner "${text}" is not one email address`;
}

/** The rows to append to the Alerts sheet for this run's alerts: one per alert, one Outcome each. */
export function logRows(
  sent: readonly Digest[],
  deferred: readonly Digest[],
  failures: readonly DigestFailure[],
  now: Date,
  unaddressed: readonly Alert[] = [],
): CellValue[][] {
  return [
    ...sent.flatMap((d) => alertRows(now, d.alerts, OUTCOMES.sent)),
    ...failures.flatMap((f) => alertRows(now, f.mail.alerts, `failed: ${f.message.trim()}`)),
    ...deferred.flatMap((d) => alertRows(now, d.alerts, OUTCOMES.quota)),
    ...unaddressed.flatMap((a) => alertRows(now, [a], unaddressedOutcome(a.owner))),
  ];
}
