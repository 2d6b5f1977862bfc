/**
 * Dates as the spreadsheet shows them. The script's clock runs in the add-on project's time zone
 * (appsscript.json: Etc/UTC), the spreadsheet's in its owner's: a Date at the script's midnight shows
 * in New York as the evening before, and a date typed in Tokyo reads as the day before. Core works in
 * the script's local time, so day-valued cells (cycle dates, the as-of date, KPI History days) are
 * converted here, at the edge: read as the wall-clock time the sheet shows, written so that the sheet
 * shows the script's wall-clock time. Moments (check-in timestamps) need nothing: they are instants.
 */
import { type DayCells, isDate, startOfDay } from '../core';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type SheetCalendar = DayCells;

// One calendar per spreadsheet object: an operation passes the same object around, and asks once.
const calendars = new WeakMap<Spreadsheet, SheetCalendar>();

export function sheetCalendar(spreadsheet: Spreadsheet): SheetCalendar {
  let calendar = calendars.get(spreadsheet);
  if (calendar === undefined) {
    calendar = calendarIn(spreadsheet.getSpreadsheetTimeZone());
    calendars.set(spreadsheet, calendar);
  }
  return calendar;
}

/** The calendar of the spreadsheet a custom function runs in (one read of its time zone). */
export function activeSheetCalendar(): SheetCalendar {
  return sheetCalendar(SpreadsheetApp.getActiveSpreadsheet());
}

function calendarIn(zone: string): SheetCalendar {
  // Formatting is a service call: a KPI History of 365,000 rows holds only a few hundred distinct days.
  const seen = new Map<number, Date>();
  const wallClock = (moment: Date): Date => {
    let local = seen.get(moment.getTime());
    if (local === undefined) {
      const [y, mo, d, h, mi, s] = Utilities.formatDate(moment, zone, 'yyyy M d H m s')
        .split(' ')
        .map(Number);
      local = new Date(y as number, (mo as number) - 1, d, h, mi, s, moment.getMilliseconds());
      seen.set(moment.getTime(), local);
    }
    return local;
  };
  const toCell = (local: Date): Date => {
    // The moment whose wall clock in the sheet's zone reads `local`: correct a guess by how far the
    // sheet's clock runs past `local` there, then once more in case that crossed a DST change.
    const skew = (moment: number) => wallClock(new Date(moment)).getTime() - local.getTime();
    const first = local.getTime() - skew(local.getTime());
    const second = first - skew(first);
    if (skew(second) === 0) return new Date(second);
    // A time the sheet's clock skips (a DST change at midnight): the moment just after the jump.
    return new Date(Math.max(first, second));
  };
  return {
    local: (value) => (isDate(value) ? wallClock(value) : value),
    cell: (value) => (isDate(value) ? toCell(value) : value),
    dayOf: (moment) => startOfDay(wallClock(moment)),
  };
}
