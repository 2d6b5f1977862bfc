import fc from 'fast-check';
import {
  checkPaceBands,
  DEFAULT_PACE_BANDS,
  expectedProgress,
  okrStatus,
  pace,
  readCycle,
  readPaceBands,
} from '../../src/core';

const q1 = { start: new Date(2026, 0, 1), end: new Date(2026, 2, 31) };
const day = (m: number, d: number) => new Date(2026, m - 1, d);

describe('expectedProgress', () => {
  it('is 0 on the first day, 1 on the last, clamped outside', () => {
    expect(expectedProgress(q1, day(1, 1))).toBe(0);
    expect(expectedProgress(q1, day(3, 31))).toBe(1);
    expect(expectedProgress(q1, day(12, 1))).toBe(1);
    expect(expectedProgress(q1, new Date(2025, 11, 1))).toBe(0);
  });
  it('is the elapsed fraction', () => {
    expect(expectedProgress(q1, day(2, 15))).toBeCloseTo(45 / 89, 3);
  });
});

describe('okrStatus', () => {
  it.each([
    // [score, as of, status]
    [0.2, new Date(2025, 11, 20), 'Not started'],
    [1, new Date(2025, 11, 20), 'Done'],
    [1, day(2, 1), 'Done'],
    [0, day(1, 1), 'On track'],
    [0.5, day(2, 15), 'On track'], // expected ~0.51
    [0.41, day(2, 15), 'On track'], // 0.1 behind
    [0.3, day(2, 15), 'At risk'], // ~0.21 behind
    [0.2, day(2, 15), 'Off track'], // ~0.31 behind
    [0.9, day(3, 31), 'On track'],
    [0.7, day(3, 31), 'Off track'],
  ])('score %p on %p is %p', (score, asOf, status) => {
    expect(okrStatus(score, q1, asOf)).toBe(status);
  });
});

describe('readCycle', () => {
  it('refuses an end before the start, naming both', () => {
    expect(() => readCycle('2026-03-31', '2026-01-01')).toThrow(
      'cycle_end (2026-01-01) must be after cycle_start (2026-03-31)',
    );
  });
  it('refuses a blank start', () =>
    expect(() => readCycle('', '2026-01-01')).toThrow('cycle_start is blank'));
});

describe('pace', () => {
  it('is the score minus the expected progress', () => {
    // Feb 15 is 45 of 89 days into Q1: 0.51 expected.
    expect(pace(0.39, q1, day(2, 15))).toBeCloseTo(0.39 - 45 / 89, 9);
    expect(pace(0.2, q1, new Date(2025, 11, 1))).toBeCloseTo(0.2, 9);
    expect(pace(0.7, q1, day(6, 1))).toBeCloseTo(-0.3, 9);
  });
  it('is monotone in the score, whatever the day', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: -30, max: 120 }),
        (a, b, offset) => {
          const asOf = new Date(2026, 0, 1 + offset);
          const [low, high] = a <= b ? [a, b] : [b, a];
          return pace(low, q1, asOf) <= pace(high, q1, asOf);
        },
      ),
    );
  });
});

describe("okrStatus with a team's bands", () => {
  const asOf = day(2, 15); // 0.51 expected
  it('reads the pace against the given gaps', () => {
    const strict = { atRiskGap: 0.05, offTrackGap: 0.1 };
    expect(okrStatus(0.47, q1, asOf, strict)).toBe('On track');
    expect(okrStatus(0.43, q1, asOf, strict)).toBe('At risk');
    expect(okrStatus(0.38, q1, asOf, strict)).toBe('Off track');
    expect(okrStatus(0.38, q1, asOf)).toBe('At risk');
  });
  it('with equal gaps, has no At risk band', () => {
    const same = { atRiskGap: 0.2, offTrackGap: 0.2 };
    expect(okrStatus(0.32, q1, asOf, same)).toBe('On track');
    expect(okrStatus(0.3, q1, asOf, same)).toBe('Off track');
  });
});

describe('checkPaceBands and readPaceBands', () => {
  it('default blank cells to 0.10 and 0.25', () => {
    expect(readPaceBands('', undefined)).toEqual(DEFAULT_PACE_BANDS);
    expect(readPaceBands('5%', '')).toEqual({ atRiskGap: 0.05, offTrackGap: 0.25 });
  });
  it.each([
    [0.3, 0.2, 'at_risk_gap (0.3) must not be more than off_track_gap (0.2)'],
    [-0.1, 0.2, 'at_risk_gap must be between 0 and 1 (0% to 100%), got -0.1'],
    [0.1, 1.5, 'off_track_gap must be between 0 and 1 (0% to 100%), got 1.5'],
    [0.1, 'lots', 'off_track_gap must be a number, got "lots"'],
  ])('refuse %p and %p', (a, b, message) => {
    expect(() => readPaceBands(a, b)).toThrow(message);
  });
  it('name the fields as the caller calls them', () => {
    expect(() =>
      checkPaceBands({ atRiskGap: 2, offTrackGap: 3 }, { atRiskGap: 'At risk', offTrackGap: 'Off' }),
    ).toThrow('At risk must be between 0 and 1');
  });
});
