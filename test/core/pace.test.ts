import { expectedProgress, okrStatus, readCycle } from '../../src/core';

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
