/**
 * The settings block: cycle name, start, end, the as-of date, the check-in rhythm and the status
 * bands, each a named range so formulas read them by name (=OKR_STATUS(K2:K, CycleStart, CycleEnd,
 * AsOfDate, AtRiskGap, OffTrackGap)) wherever the block sits.
 */
import {
  type CellValue,
  type CheckInSchedule,
  DEFAULT_CHECK_IN_SCHEDULE,
  DEFAULT_PACE_BANDS,
  type NamedCycle,
  type PaceBands,
  quarterOf,
  readCheckInSchedule,
  readCycle,
  readDate,
  readPaceBands,
  SETTING_NAMES,
  startOfDay,
  WEEKDAYS,
} from '../core';
import { sheetCalendar } from './calendar';
import { SHEET_NAMES } from './layouts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

interface SettingRow {
  readonly label: string;
  readonly name: string;
  /** The value a new row starts with; `cycle` is the quarter of today, dates as the sheet's days. */
  readonly initial: (cycle: NamedCycle, today: Date) => CellValue;
  readonly format?: string;
  /** A drop-down of the accepted values. */
  readonly choices?: readonly string[];
}

const HEADER = ['Setting', 'Value'] as const;

/** In sheet order. Rows added by a later version go last, so an existing block only grows downwards. */
const ROWS: readonly SettingRow[] = [
  { label: 'Cycle', name: SETTING_NAMES.cycleName, initial: (cycle) => cycle.name },
  { label: 'Cycle start', name: SETTING_NAMES.cycleStart, initial: (c) => c.start, format: 'yyyy-mm-dd' },
  { label: 'Cycle end', name: SETTING_NAMES.cycleEnd, initial: (c) => c.end, format: 'yyyy-mm-dd' },
  {
    label: 'As of (kept current by Refresh)',
    name: SETTING_NAMES.asOf,
    initial: (_, today) => startOfDay(today),
    format: 'yyyy-mm-dd',
  },
  {
    label: 'Check-in interval (days)',
    name: SETTING_NAMES.checkInInterval,
    initial: () => DEFAULT_CHECK_IN_SCHEDULE.intervalDays,
    format: '0',
  },
  {
    label: 'Check-in day',
    name: SETTING_NAMES.checkInDay,
    initial: () => WEEKDAYS[DEFAULT_CHECK_IN_SCHEDULE.weekday] as string,
    choices: WEEKDAYS,
  },
  {
    label: 'At risk when behind the pace by more than',
    name: SETTING_NAMES.atRiskGap,
    initial: () => DEFAULT_PACE_BANDS.atRiskGap,
    format: '0.00',
  },
  {
    label: 'Off track when behind the pace by more than',
    name: SETTING_NAMES.offTrackGap,
    initial: () => DEFAULT_PACE_BANDS.offTrackGap,
    format: '0.00',
  },
];

const LABEL_OF: Readonly<Record<string, string>> = Object.fromEntries(ROWS.map((r) => [r.name, r.label]));

/**
 * The settings as one read: every named setting's range from one list of the spreadsheet's named
 * ranges, and their values from one getValues over the block they span (a sheet each, usually one).
 * Values are as read; a write through the block keeps it current for the reads that follow.
 */
export interface SettingsBlock {
  /** The setting's range, or null when the spreadsheet has no range of that name. */
  range(name: string): Range | null;
  value(name: string): CellValue;
  write(name: string, value: CellValue): void;
}

export function readSettingsBlock(spreadsheet: Spreadsheet): SettingsBlock {
  const wanted = new Map(ROWS.map((row) => [row.name.toLowerCase(), row.name]));
  const ranges = new Map<string, Range>();
  for (const named of spreadsheet.getNamedRanges()) {
    const name = wanted.get(named.getName().toLowerCase());
    if (name) ranges.set(name, named.getRange());
  }
  const values = new Map<string, CellValue>();
  const bySheet = new Map<number, [string, Range][]>();
  for (const entry of ranges) {
    const id = entry[1].getSheet().getSheetId();
    bySheet.set(id, [...(bySheet.get(id) ?? []), entry]);
  }
  for (const group of bySheet.values()) {
    const rows = group.map(([, r]) => r.getRow());
    const columns = group.map(([, r]) => r.getColumn());
    const [top, left] = [Math.min(...rows), Math.min(...columns)];
    const sheet = (group[0] as [string, Range])[1].getSheet();
    const block = sheet
      .getRange(top, left, Math.max(...rows) - top + 1, Math.max(...columns) - left + 1)
      .getValues() as CellValue[][];
    for (const [name, range] of group) {
      values.set(name, block[range.getRow() - top]?.[range.getColumn() - left] ?? '');
    }
  }
  return {
    range: (name) => ranges.get(name) ?? null,
    value: (name) => values.get(name),
    write(name, value) {
      ranges.get(name)?.setValue(value);
      values.set(name, value);
    },
  };
}

export type SettingsOutcome =
  | 'created'
  | 'exists'
  | { readonly added: readonly string[] }
  | { readonly conflict: string };

function labelKey(value: CellValue): string {
  return String(value ?? '')
    .trim()
    .toLowerCase();
}

/** Where the block's labels and values sit: beside an existing named setting, else columns A and B. */
function blockColumns(anchor: Range | null): { label: number; value: number } {
  const value = anchor?.getColumn() ?? 2;
  return { label: value > 1 ? value - 1 : value + 1, value };
}

/**
 * Creates the settings sheet and the named ranges that are missing, never changing a value already
 * there: a block made by an older version gains the new rows below its last row. A row whose label is
 * there without its named range (a run stopped half-way) is named where it stands, so running it
 * again adds nothing twice. `today` is the spreadsheet's day (see sheetCalendar).
 */
export function ensureSettings(
  spreadsheet: Spreadsheet,
  today: Date,
  settings: SettingsBlock = readSettingsBlock(spreadsheet),
): SettingsOutcome {
  const named = new Map(ROWS.map((row) => [row.name, settings.range(row.name)]));
  const missing = ROWS.filter((row) => !named.get(row.name));
  if (missing.length === 0) return 'exists';
  const anchor = ROWS.map((row) => named.get(row.name)).find((range) => range) ?? null;
  let sheet: Sheet | null = anchor?.getSheet() ?? spreadsheet.getSheetByName(SHEET_NAMES.settings);
  const created = sheet === null;
  if (sheet === null) {
    // Inserting a sheet makes it the active one: the user stays on the sheet they were working in.
    const active = spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(SHEET_NAMES.settings);
    active.activate();
  }
  const columns = blockColumns(anchor);
  const lastRow = sheet.getLastRow();
  const labels =
    lastRow === 0
      ? []
      : sheet
          .getRange(1, columns.label, lastRow, 1)
          .getValues()
          .map((r) => labelKey(r[0]));
  // An empty sheet of that name is one a stopped run inserted: the block goes there.
  if (!anchor && !created && lastRow > 0 && labelKey(labels[0]) !== labelKey(HEADER[0])) {
    return {
      conflict: `A sheet named "${SHEET_NAMES.settings}" exists but has no ${SETTING_NAMES.asOf} named range. Rename or delete that sheet, then run Set up again.`,
    };
  }
  const { cell } = sheetCalendar(spreadsheet);
  const cycle = quarterOf(today);
  const placed: { row: SettingRow; at: number }[] = [];
  const appended: SettingRow[] = [];
  for (const row of missing) {
    const found = labels.indexOf(labelKey(row.label));
    if (found >= 0) placed.push({ row, at: found + 1 });
    else appended.push(row);
  }
  const header = lastRow === 0 ? [[...HEADER] as CellValue[]] : [];
  const first = lastRow + 1 + header.length;
  if (appended.length > 0 || header.length > 0) {
    const values = appended.map((row) => {
      const initial = row.initial(cycle, today);
      return [row.label, initial instanceof Date ? cell(initial) : initial];
    });
    const block = [...header, ...values].map((pair) =>
      columns.label < columns.value ? pair : [pair[1], pair[0]],
    );
    sheet.getRange(lastRow + 1, Math.min(columns.label, columns.value), block.length, 2).setValues(block);
    if (header.length > 0) sheet.getRange(1, 1, 1, 2).setFontWeight('bold');
    appended.forEach((row, i) => {
      placed.push({ row, at: first + i });
      const target = sheet.getRange(first + i, columns.value);
      if (row.format) target.setNumberFormat(row.format);
      if (row.choices) {
        target.setDataValidation(
          SpreadsheetApp.newDataValidation()
            .requireValueInList([...row.choices], true)
            .setAllowInvalid(false)
            .build(),
        );
      }
    });
  }
  // Named last: a row without its name is found by its label on the next run.
  for (const { row, at } of placed) spreadsheet.setNamedRange(row.name, sheet.getRange(at, columns.value));
  if (created) return 'created';
  return { added: missing.map((row) => row.label) };
}

export interface CycleSettings {
  readonly cycle: NamedCycle;
  readonly asOf: Date | null;
  readonly bands: PaceBands;
}

/** How a setting is named in messages: its label on the settings sheet and its named range. */
function settingField(name: string): string {
  return `${LABEL_OF[name] ?? name} (${name})`;
}

function namedValue(spreadsheet: Spreadsheet, settings: SettingsBlock, name: string): CellValue {
  if (!settings.range(name))
    throw new Error(
      `The named range ${name} is missing: run Set up OKR & KPI sheets to recreate the settings.`,
    );
  return sheetCalendar(spreadsheet).local(settings.value(name));
}

/** The current cycle from the settings block; errors name the setting and the value. */
export function readCycleSettings(
  spreadsheet: Spreadsheet,
  settings: SettingsBlock = readSettingsBlock(spreadsheet),
): CycleSettings {
  const named = (name: string) => namedValue(spreadsheet, settings, name);
  const cycle = readCycle(named(SETTING_NAMES.cycleStart), named(SETTING_NAMES.cycleEnd), {
    start: settingField(SETTING_NAMES.cycleStart),
    end: settingField(SETTING_NAMES.cycleEnd),
  });
  const name = String(named(SETTING_NAMES.cycleName) ?? '').trim();
  // Settings added by a later version are blank (their default) until Set up or Refresh adds their row.
  const bands = readPaceBands(
    settings.value(SETTING_NAMES.atRiskGap),
    settings.value(SETTING_NAMES.offTrackGap),
    {
      atRiskGap: settingField(SETTING_NAMES.atRiskGap),
      offTrackGap: settingField(SETTING_NAMES.offTrackGap),
    },
  );
  return {
    cycle: { ...cycle, name },
    asOf: readDate(named(SETTING_NAMES.asOf), SETTING_NAMES.asOf),
    bands,
  };
}

/** The team's check-in interval and day; errors name the setting and the value. */
export function readCheckInSettings(
  spreadsheet: Spreadsheet,
  settings: SettingsBlock = readSettingsBlock(spreadsheet),
): CheckInSchedule {
  return readCheckInSchedule(
    settings.value(SETTING_NAMES.checkInInterval),
    settings.value(SETTING_NAMES.checkInDay),
    { interval: settingField(SETTING_NAMES.checkInInterval), day: settingField(SETTING_NAMES.checkInDay) },
  );
}

/** Moves the as-of date to today (the spreadsheet's day), so every OKR_STATUS reading it is judged on today. */
export function updateAsOf(spreadsheet: Spreadsheet, today: Date, settings: SettingsBlock): void {
  settings.write(SETTING_NAMES.asOf, sheetCalendar(spreadsheet).cell(startOfDay(today)));
}
