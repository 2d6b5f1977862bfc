/**
 * The team's check-in rhythm: how many days a key result may go without a check-in before it is
 * stale, and the weekday the team checks in (the day reminders go out).
 */
import { type CellValue, readChoice, readNumber } from './cell';
import { describe, InputError } from './errors';

/** Indexed as Date.getDay() counts: Sunday is 0. */
export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export interface CheckInSchedule {
  /** Days a key result may go without a check-in; one day more and it is stale. */
  readonly intervalDays: number;
  /** The check-in day, 0 (Sunday) to 6 (Saturday). */
  readonly weekday: number;
}

export const DEFAULT_CHECK_IN_SCHEDULE: CheckInSchedule = { intervalDays: 7, weekday: 1 };

const WEEKDAY_SPELLINGS: Readonly<Record<string, number>> = Object.fromEntries(
  WEEKDAYS.flatMap((name, i) => [
    [name.toLowerCase(), i],
    [name.slice(0, 3).toLowerCase(), i],
  ]),
);

/**
 * The schedule from the two settings cells (blank ones take the defaults); `names` are how the
 * settings are named to the user.
 */
export function readCheckInSchedule(
  interval: CellValue,
  day: CellValue,
  names: { readonly interval: string; readonly day: string },
): CheckInSchedule {
  const days = readNumber(interval, names.interval);
  if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 366)) {
    throw new InputError(
      `${names.interval} must be a whole number of days from 1 to 366, got ${describe(interval)}`,
    );
  }
  const weekday = readChoice(day, names.day, WEEKDAY_SPELLINGS, `a day of the week (${WEEKDAYS.join(', ')})`);
  return {
    intervalDays: days ?? DEFAULT_CHECK_IN_SCHEDULE.intervalDays,
    weekday: weekday ?? DEFAULT_CHECK_IN_SCHEDULE.weekday,
  };
}
