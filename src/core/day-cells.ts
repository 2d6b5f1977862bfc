/**
 * Day-valued cells in a formula. Core counts days in the script's local time; a spreadsheet in another
 * zone shows a script-local midnight as another day (a Date at the script's midnight is the evening
 * before in New York). A formula that cuts time into days converts its day cells at the edge, with the
 * spreadsheet's zone (the sheets layer's calendar); moments (check-in timestamps) stay instants.
 */
import { type CellValue, readDate } from './cell';
import { endOfDay, startOfDay } from './cycle-dates';

export interface DayCells {
  /** A cell value as read: a Date becomes the script-local Date showing the same wall-clock time. */
  local(value: CellValue): CellValue;
  /** The inverse, for a value to write: a Date is written so that the sheet shows its wall-clock time. */
  cell(value: CellValue): CellValue;
  /** The spreadsheet's day at `moment`, as a script-local midnight. */
  dayOf(moment: Date): Date;
}

/** A spreadsheet in the script's own zone: nothing to convert. */
export const SCRIPT_ZONE_DAYS: DayCells = {
  local: (value) => value,
  cell: (value) => value,
  dayOf: startOfDay,
};

/** A day argument (a date cell, a serial number, ISO text) as the script-local midnight of its day. */
export function readDay(value: CellValue, field: string, days: DayCells): Date | null {
  const date = readDate(days.local(value), field);
  return date === null ? null : startOfDay(date);
}

/** The instant a script-local midnight stands for in the spreadsheet, in milliseconds. */
export function momentOf(local: Date, days: DayCells): number {
  return (days.cell(local) as Date).getTime();
}

/** The instant the spreadsheet's day `day` (a script-local midnight) ends, in milliseconds. */
export function endMomentOf(day: Date, days: DayCells): number {
  return momentOf(endOfDay(day), days);
}
