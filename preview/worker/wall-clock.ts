/**
 * .xlsx dates have no time zone: a serial day number read as wall-clock time. exceljs hands them out as
 * Dates whose UTC fields are that wall-clock time; a spreadsheet's Date is an instant in its time zone.
 */
import { zonedFromUtcFields, zonedParts } from '../../emulator/time';

/** An exceljs Date (wall-clock time in UTC fields) as the instant it names in `timeZone`. */
export function fromWallClock(date: Date, timeZone: string): Date {
  return zonedFromUtcFields(timeZone, date);
}

/** An instant as the wall-clock time it shows in `timeZone`, in UTC fields for exceljs. */
export function toWallClock(date: Date, timeZone: string): Date {
  const p = zonedParts(date, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond));
}
