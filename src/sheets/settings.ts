/**
 * The settings block: cycle name, start, end and the as-of date, each a named range so formulas read
 * them by name (=OKR_STATUS(K2:K, CycleStart, CycleEnd, AsOfDate)) wherever the block sits.
 */
import {
  type CellValue,
  type NamedCycle,
  quarterOf,
  readCycle,
  readDate,
  SETTING_NAMES,
  startOfDay,
} from '../core';
import { sheetCalendar } from './calendar';
import { SHEET_NAMES } from './layouts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const ROWS: readonly (readonly [label: string, name: string])[] = [
  ['Cycle', SETTING_NAMES.cycleName],
  ['Cycle start', SETTING_NAMES.cycleStart],
  ['Cycle end', SETTING_NAMES.cycleEnd],
  ['As of (kept current by Refresh)', SETTING_NAMES.asOf],
];

export type SettingsOutcome = 'created' | 'exists' | { readonly conflict: string };

/**
 * Creates the settings sheet and its named ranges when missing; never touches an existing block.
 * `today` is the spreadsheet's day (see sheetCalendar).
 */
export function ensureSettings(spreadsheet: Spreadsheet, today: Date): SettingsOutcome {
  if (spreadsheet.getRangeByName(SETTING_NAMES.asOf)) return 'exists';
  if (spreadsheet.getSheetByName(SHEET_NAMES.settings)) {
    return {
      conflict: `A sheet named "${SHEET_NAMES.settings}" exists but has no ${SETTING_NAMES.asOf} named range. Rename or delete that sheet, then run Set up again.`,
    };
  }
  const sheet = spreadsheet.insertSheet(SHEET_NAMES.settings);
  const cycle = quarterOf(today);
  const { cell } = sheetCalendar(spreadsheet);
  const values: CellValue[] = [cycle.name, cell(cycle.start), cell(cycle.end), cell(startOfDay(today))];
  sheet
    .getRange(1, 1, ROWS.length + 1, 2)
    .setValues([['Setting', 'Value'], ...ROWS.map(([label], i) => [label, values[i]])]);
  sheet.getRange(3, 2, 3, 1).setNumberFormat('yyyy-mm-dd');
  sheet.getRange(1, 1, 1, 2).setFontWeight('bold');
  ROWS.forEach(([, name], i) => {
    spreadsheet.setNamedRange(name, sheet.getRange(i + 2, 2));
  });
  return 'created';
}

export interface CycleSettings {
  readonly cycle: NamedCycle;
  readonly asOf: Date | null;
}

function namedValue(spreadsheet: Spreadsheet, name: string): CellValue {
  const range = spreadsheet.getRangeByName(name);
  if (!range)
    throw new Error(
      `The named range ${name} is missing: run Set up OKR & KPI sheets to recreate the settings.`,
    );
  return sheetCalendar(spreadsheet).local(range.getValue() as CellValue);
}

/** The current cycle from the settings block; errors name the setting and the value. */
export function readCycleSettings(spreadsheet: Spreadsheet): CycleSettings {
  const cycle = readCycle(
    namedValue(spreadsheet, SETTING_NAMES.cycleStart),
    namedValue(spreadsheet, SETTING_NAMES.cycleEnd),
  );
  const name = String(namedValue(spreadsheet, SETTING_NAMES.cycleName) ?? '').trim();
  return {
    cycle: { ...cycle, name },
    asOf: readDate(namedValue(spreadsheet, SETTING_NAMES.asOf), SETTING_NAMES.asOf),
  };
}

/** Moves the as-of date to today (the spreadsheet's day), so every OKR_STATUS reading it is judged on today. */
export function updateAsOf(spreadsheet: Spreadsheet, today: Date): void {
  spreadsheet
    .getRangeByName(SETTING_NAMES.asOf)
    ?.setValue(sheetCalendar(spreadsheet).cell(startOfDay(today)));
}
