import fc from 'fast-check';
import { daysSince } from '../../src/core';
import { okrStale } from '../../src/formulas/custom-functions';

const col = (...values: unknown[]) => values.map((v) => [v]);
const day = (iso: string) => new Date(`${iso}T00:00:00`);
const at = (iso: string) => new Date(iso);

describe('OKR_STALE', () => {
  const start = day('2026-10-01');
  const asOf = day('2026-11-20');

  it('gives the days since the last check-in when more than the interval, blank otherwise', () => {
    const result = okrStale(
      col('Cut churn', 'Ship v2', 'Hire', 'Launch', ''),
      col(at('2026-11-12T23:30:00'), at('2026-11-13T08:00:00'), '', at('2026-11-19T10:00:00'), ''),
      start,
      7,
      asOf,
    );
    // 11-12 is 8 days before 11-20 (stale, whatever the time of day); 11-13 is exactly 7 (not stale);
    // never checked in counts from the cycle's start (50 days); a row without a key result is blank.
    expect(result).toEqual(col(8, '', 50, '', ''));
  });

  it('takes 7 days when the interval is blank, and judges on the given as-of day', () => {
    const names = col('A');
    expect(okrStale(names, col(day('2026-11-12')), start, '', asOf)).toBe(8);
    expect(okrStale(names, col(day('2026-11-12')), start, '', day('2026-11-19'))).toBe('');
  });

  it('names the field and the value of a bad input', () => {
    expect(okrStale(col('A', 'B'), col('last week', ''), start, 7, asOf)).toEqual([
      [expect.stringMatching(/^Error: last_check_in must be a date.*"last week"/)],
      [50],
    ]);
    expect(() => okrStale('A', '', '', 7, asOf)).toThrow('cycle_start is blank');
    expect(() => okrStale('A', '', start, 0, asOf)).toThrow(
      /interval must be a whole number of days from 1 to 366, got 0/,
    );
  });

  it('counts whole days from the check-in day, whatever its time of day', () => {
    // Instants only: a sheet whose days start at UTC midnight, so the runtime's zone plays no part.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 86_399 }), (days, seconds) => {
        const asOfDay = new Date(Date.UTC(2026, 5, 1));
        const moment = new Date(Date.UTC(2026, 5, 1 - days) + seconds * 1000);
        expect(daysSince(moment, asOfDay)).toBe(days);
      }),
    );
  });
});
