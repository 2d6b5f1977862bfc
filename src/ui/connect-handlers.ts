/**
 * The server side of the confirm step of Connect: the page's data (every header of the table with
 * the role proposed for it under either kind, and a KPI table's proposed defaults), and the handler
 * that connects the table once the user confirms. Nothing is written before that; the header row is
 * read again under the lock, so a header changed while the sidebar was open is never mapped blind.
 */
import {
  type CellValue,
  type ColumnMap,
  columnLetter,
  columnName,
  directionFromWords,
  type Field,
  inputsOf,
  isBlank,
  ROLE_LABELS,
  type TableKind,
} from '../core';
import { connectTable, type Proposal } from '../sheets/connect';
import { refreshAll } from '../sheets/refresh';
import { findTable } from '../sheets/table-metadata';
import {
  type ConnectPageData,
  type ConnectResult,
  chosenDefaults,
  chosenMap,
  DEFAULT_TOLERANCE,
  validateConnectForm,
} from './connect-schema';
import { sidebarHandler } from './entry';
import { refreshSummary } from './summary-text';

function byColumn(map: ColumnMap): Record<string, Field> {
  return Object.fromEntries(Object.entries(map).map(([field, column]) => [String(column), field as Field]));
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}

/**
 * The default direction to propose from the KPIs' names: the one they all say ("Response time",
 * "Churn": lower), else none, with why in words. The default applies to every row without its own
 * direction, before the name's words, so it is proposed only when the names agree.
 */
function directionOfNames(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  headerRow: number,
  nameColumn?: number,
): ConnectPageData['direction'] {
  const rows = sheet.getLastRow() - headerRow;
  if (nameColumn === undefined || rows < 1) return { proposed: '', because: null };
  const names = sheet
    .getRange(headerRow + 1, nameColumn, rows, 1)
    .getValues()
    .flat()
    .filter((name: CellValue) => !isBlank(name))
    .map(String);
  const read = names.map((name) => ({ name, direction: directionFromWords(name) }));
  const silent = read.find((r) => r.direction === null);
  const first = read.find((r) => r.direction !== null);
  if (silent)
    return {
      proposed: '',
      because: `"${silent.name}" does not say which way is better: give the table a Direction column, or choose a default for every row without one`,
    };
  if (!first) return { proposed: '', because: null };
  const other = read.find((r) => r.direction !== first.direction);
  if (other)
    return {
      proposed: '',
      because: `the KPI names point both ways ("${first.name}": ${first.direction}, "${other.name}": ${other.direction}), so each row goes by its name`,
    };
  const others = read.length - 1;
  return {
    proposed: first.direction ?? '',
    because: `"${first.name}"${others > 0 ? ` and ${others} other KPI name${others > 1 ? 's' : ''}` : ''} say ${first.direction} is better`,
  };
}

export function connectPageData(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  proposal: Proposal,
): ConnectPageData {
  const stored = proposal.connected ? findTable(sheet)?.defaults : undefined;
  const direction = stored?.direction
    ? { proposed: stored.direction, because: 'as set when the table was connected' }
    : directionOfNames(sheet, proposal.headerRow, proposal.maps.kpi.name);
  const roles = (kind: TableKind) =>
    inputsOf(kind).map((field) => ({ field, label: ROLE_LABELS[kind][field] ?? field }));
  return {
    sheet: proposal.sheetName,
    headerRow: proposal.headerRow,
    headers: proposal.headers,
    columns: proposal.headers.flatMap((header, column) =>
      column > 0 && header !== '' && !proposal.addOnColumns.includes(column)
        ? [{ column, letter: columnLetter(column), header }]
        : [],
    ),
    kind: proposal.kind,
    because: proposal.because,
    proposed: { kpi: byColumn(proposal.maps.kpi), okr: byColumn(proposal.maps.okr) },
    roles: { kpi: roles('kpi'), okr: roles('okr') },
    direction,
    tolerance: percent(stored?.tolerance ?? DEFAULT_TOLERANCE),
    connected: proposal.connected,
  };
}

/** The first column whose header now reads differently from what the sidebar showed. */
function changedHeader(shown: readonly string[], now: readonly CellValue[]): string | null {
  for (let column = 1; column < Math.max(shown.length, now.length + 1); column++) {
    const current = String(now[column - 1] ?? '').trim();
    if ((shown[column] ?? '') !== current)
      return `${columnName(shown, column).replace(/^c/, 'C')} now reads "${current}"`;
  }
  return null;
}

export const submitConnect = sidebarHandler((input, { locked }): ConnectResult => {
  const validated = validateConnectForm(input);
  if (!validated.ok) return validated;
  const { form } = validated;
  return locked((): ConnectResult => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = spreadsheet.getSheetByName(form.sheet);
    if (!sheet) return { ok: false, errors: { form: `There is no sheet "${form.sheet}" any more.` } };
    const width = Math.max(sheet.getLastColumn(), 1);
    const now = sheet.getRange(form.headerRow, 1, 1, width).getValues()[0] ?? [];
    const changed = changedHeader(form.headers, now);
    if (changed)
      return {
        ok: false,
        errors: {
          form: `The header row changed while this was open (${changed}). Close this and connect again.`,
        },
      };
    const at = new Date();
    const saved = connectTable(
      sheet,
      { kind: form.kind, headerRow: form.headerRow, map: chosenMap(form), defaults: chosenDefaults(form) },
      at,
    );
    if ('error' in saved) return { ok: false, errors: { form: `Not connected: ${saved.error}` } };
    return { ok: true, summary: refreshSummary(refreshAll(spreadsheet, at)) };
  });
});
