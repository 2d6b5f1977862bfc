/**
 * The server side of the check-in sidebar: the page's data (sent with the page, so it opens in one
 * round trip) and the submit handler. A submission is validated with the form's own schema, then
 * recorded under the document lock (src/sheets/record-check-in), and any refusal worded for the form.
 */
import { type CheckIn, cellOf, forecastAt, okrSignals, parseConfidence, parseNumericText } from '../core';
import { type LoggedCheckIn, readCheckIns } from '../sheets/check-in-log';
import {
  type KeyResultRow,
  type KeyResultSummary,
  readKeyResultRows,
  summarise,
} from '../sheets/key-results';
import { recordCheckIn, selectedKeyResult } from '../sheets/record-check-in';
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
  /** The projected value on the cycle's end, from this cycle's check-ins. */
  readonly forecast: { readonly time: string; readonly value: number } | null;
  /** "Confidence falling (8 to 5)", or ''. */
  readonly signal: string;
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

/** Where the check-ins of this cycle lead by its end (see OKR_FORECAST); null under two dates. */
function projection(
  history: readonly LoggedCheckIn[],
  settings: CycleSettings | null,
): SidebarKeyResult['forecast'] {
  if (!settings) return null;
  const { start, end } = settings.cycle;
  const points = history.flatMap((c) =>
    typeof c.value === 'number' && c.time.getTime() >= start.getTime()
      ? [{ time: c.time.getTime(), value: c.value }]
      : [],
  );
  const value = forecastAt(points, end.getTime());
  return value === null ? null : { time: end.toISOString(), value };
}

function view(
  row: KeyResultRow,
  settings: CycleSettings | null,
  now: Date,
  history: readonly LoggedCheckIn[] = [],
): SidebarKeyResult {
  const summary = summarise(row, settings, now);
  const [signal] = okrSignals([row.cells], row.table.map, new Map([[summary.id, history]]));
  return {
    ...summary,
    forecast: summary.kind === 'milestone' ? null : projection(history, settings),
    signal: signal ?? '',
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
  const selected = selectedKeyResult(spreadsheet, rows);
  const keyResults = rows.map((row) =>
    view(row, settings, today, history.get(String(cellOf(row.cells, row.table.map, 'id')).trim())),
  );
  return {
    cycleName: settings?.cycle.name ?? '',
    keyResults,
    selectedId: selected ? (keyResults[rows.indexOf(selected)]?.id ?? null) : null,
  };
}

export const submitCheckIn = sidebarHandler((input, { locked }): SubmitResult => {
  const validated = validateCheckInForm(input);
  if (!validated.ok) return validated;
  const { form } = validated;
  const checkIn: CheckIn = {
    krId: form.krId,
    value:
      form.value === null
        ? null
        : typeof form.value === 'boolean'
          ? { kind: 'done', done: form.value }
          : { kind: 'number', value: parseNumericText(form.value) as number },
    confidence: parseConfidence(form.confidence) as CheckIn['confidence'],
    comment: form.comment,
  };
  return locked(() => record(checkIn));
});

function record(checkIn: CheckIn): SubmitResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const now = new Date();
  const outcome = recordCheckIn(spreadsheet, checkIn, now);
  switch (outcome.kind) {
    case 'closing':
      return {
        ok: false,
        errors: {
          form: `Closing ${outcome.cycle} stopped before it finished. Choose Close cycle… in the add-on menu to finish it, then check in again. Nothing was recorded.`,
        },
      };
    case 'not-found':
      return {
        ok: false,
        errors: {
          krId: `Key result ${checkIn.krId} was not found; it may have been deleted. Reopen the sidebar.`,
        },
      };
    case 'linked':
      return {
        ok: false,
        errors: {
          value: `"${outcome.name}" follows the KPI "${outcome.kpi}": its value comes from that KPI, so record a confidence and a comment only`,
        },
      };
    case 'no-value':
      return {
        ok: false,
        errors: {
          value: outcome.keyResultKind === 'milestone' ? 'Choose done or not done' : 'Enter the new value',
        },
      };
    case 'wrong-value': {
      const wanted = outcome.keyResultKind === 'milestone' ? 'done or not done' : 'a number';
      return {
        ok: false,
        errors: {
          value: `"${outcome.name}" is a ${outcome.keyResultKind} key result: its value is ${wanted}`,
        },
      };
    }
    case 'recorded': {
      return {
        ok: true,
        keyResult: view(
          outcome.row,
          settingsOrNull(spreadsheet),
          now,
          readCheckIns(spreadsheet).get(checkIn.krId),
        ),
      };
    }
  }
}
