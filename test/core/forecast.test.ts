import fc from 'fast-check';
import { forecastAt } from '../../src/core';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 9, 1);

describe('forecastAt', () => {
  it('is exact on a perfect line, whatever its slope and dates', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 0, max: 120 }),
        (intercept, perDay, days, end) => {
          const points = days.map((d) => ({ time: t0 + d * DAY, value: intercept + perDay * d }));
          const result = forecastAt(points, t0 + end * DAY) as number;
          return (
            Math.abs(result - (intercept + perDay * end)) <=
            1e-6 * (1 + Math.abs(intercept) + Math.abs(perDay) * 120)
          );
        },
      ),
    );
  });

  it('is blank (null) with fewer than two distinct dates', () => {
    expect(forecastAt([], t0)).toBeNull();
    expect(forecastAt([{ time: t0, value: 5 }], t0 + DAY)).toBeNull();
    expect(
      forecastAt(
        [
          { time: t0, value: 5 },
          { time: t0, value: 9 },
        ],
        t0 + DAY,
      ),
    ).toBeNull();
  });

  it('fits the least-squares line through scattered check-ins', () => {
    // Days 0, 7, 14 with values 10, 30, 26: slope 16/14 a day, mean 22 at day 7.
    const points = [0, 7, 14].map((d, i) => ({ time: t0 + d * DAY, value: [10, 30, 26][i] as number }));
    expect(forecastAt(points, t0 + 28 * DAY)).toBeCloseTo(22 + (16 / 14) * 21, 9);
  });

  it('never returns NaN or Infinity, even at the limits of a double', () => {
    const huge = [
      { time: t0, value: -1.7e308 },
      { time: t0 + 1, value: 1.7e308 },
    ];
    const result = forecastAt(huge, t0 + 365 * DAY);
    expect(result === null || Number.isFinite(result)).toBe(true);
  });
});
