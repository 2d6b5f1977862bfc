import { DEFAULT_CHECK_IN_SCHEDULE, readCheckInSchedule } from '../../src/core';

const names = { interval: 'Check-in interval (days)', day: 'Check-in day' };

describe('readCheckInSchedule', () => {
  it('defaults blank cells to every 7 days, on Monday', () => {
    expect(readCheckInSchedule('', null, names)).toEqual(DEFAULT_CHECK_IN_SCHEDULE);
    expect(DEFAULT_CHECK_IN_SCHEDULE).toEqual({ intervalDays: 7, weekday: 1 });
  });
  it('reads a day by its name or its first three letters, in any case', () => {
    expect(readCheckInSchedule(14, 'friday', names)).toEqual({ intervalDays: 14, weekday: 5 });
    expect(readCheckInSchedule('10', ' Sun ', names)).toEqual({ intervalDays: 10, weekday: 0 });
  });
  it.each([
    [0, 'Monday', 'Check-in interval (days) must be a whole number of days from 1 to 366, got 0'],
    [2.5, 'Monday', 'Check-in interval (days) must be a whole number of days from 1 to 366, got 2.5'],
    ['weekly', 'Monday', 'Check-in interval (days) must be a number, got "weekly"'],
    [7, 'Mondays', 'Check-in day must be a day of the week (Sunday, Monday, Tuesday'],
  ])('refuses %p / %p, naming the setting', (interval, day, message) => {
    expect(() => readCheckInSchedule(interval, day, names)).toThrow(message);
  });
});
