/**
 * Sheets' date numbers, in one place for the add-on and the emulator: a serial number counts days since
 * 1899-12-30 (serial 0), its fraction the time of day. It is a wall-clock time with no zone; which zone
 * reads it is the caller's choice (the script's for values a script reads, the spreadsheet's in a cell).
 */

const SHEETS_EPOCH_MS = Date.UTC(1899, 11, 30);
export const DAY_MS = 86_400_000;

/** The wall-clock time a serial number means, held in a Date's UTC fields (to the millisecond). */
export function serialToWallClock(serial: number): Date {
  return new Date(SHEETS_EPOCH_MS + Math.round(serial * DAY_MS));
}

/** A wall-clock time held in a Date's UTC fields, as a serial number. */
export function wallClockToSerial(wall: Date): number {
  return (wall.getTime() - SHEETS_EPOCH_MS) / DAY_MS;
}

/** The wall-clock time of a Date's UTC fields, as that time in the runtime's zone (the script's). */
export function localFromWallClock(wall: Date): Date {
  return new Date(
    wall.getUTCFullYear(),
    wall.getUTCMonth(),
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    wall.getUTCMilliseconds(),
  );
}
