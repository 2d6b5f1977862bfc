import fc from 'fast-check';
import {
  InputError,
  kpiStatus,
  readNumber,
  readThresholds,
  relativeChange,
  resolveThresholds,
  shownChange,
} from '../../src/core';

describe('kpiStatus', () => {
  it.each([
    // on-time delivery: higher is better, warning 98%, critical 95%
    [0.99, 0.98, 0.95, '', 'OK'],
    [0.98, 0.98, 0.95, '', 'OK'], // at the warning limit: still acceptable
    [0.97, 0.98, 0.95, '', 'Warning'],
    [0.95, 0.98, 0.95, '', 'Warning'], // at the critical limit: not a breach
    [0.94, 0.98, 0.95, '', 'Breach'],
    // response time (ms): lower is better
    [300, 400, 500, '', 'OK'],
    [400, 400, 500, '', 'OK'],
    [450, 400, 500, 'lower', 'Warning'],
    [501, 400, 500, 'Lower is better', 'Breach'],
    // one limit only, direction given
    [10, '', 5, 'higher', 'OK'],
    [4, '', 5, 'higher', 'Breach'],
    [6, 5, '', 'lower', 'Warning'],
    // equal limits with a direction: no warning band
    [5, 5, 5, 'higher', 'OK'],
    [4.9, 5, 5, 'higher', 'Breach'],
    // text cells
    ['97%', '98%', '95%', '', 'Warning'],
  ])(
    'value %p, warning %p, critical %p, direction %p -> %p',
    (value, warning, critical, direction, status) => {
      expect(
        kpiStatus(readNumber(value, 'value') as number, readThresholds(warning, critical, direction)),
      ).toBe(status);
    },
  );

  it.each([
    [5, 5, '', 'warning and critical are equal (5): set direction to "higher" or "lower"'],
    ['', '', 'higher', 'warning and critical are both blank'],
    ['', 5, '', 'direction is blank and only one limit is set'],
    [0.95, 0.98, 'higher', 'warning (0.95) is below critical (0.98) although higher is better'],
    [0.98, 0.95, 'sideways', 'direction must be "higher" or "lower" (which way is better), got "sideways"'],
    ['lots', 0.95, '', 'warning must be a number, got "lots"'],
  ])('refuses warning %p, critical %p, direction %p', (warning, critical, direction, message) => {
    expect(() => readThresholds(warning, critical, direction)).toThrow(message);
  });

  it('is the mirror image for lower-is-better', () => {
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(n, n, n, (value, a, b) => {
        const [warning, critical] = a >= b ? [a, b] : [b, a];
        const higher = kpiStatus(value, resolveThresholds(warning, critical, 'higher'));
        const lower = kpiStatus(-value, resolveThresholds(-warning, -critical, 'lower'));
        return higher === lower;
      }),
    );
  });

  it('only gets worse as the value gets worse', () => {
    const rank = { OK: 0, Warning: 1, Breach: 2 };
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(n, n, n, fc.double({ min: 0, max: 1e6, noNaN: true }), (value, a, b, drop) => {
        const t = resolveThresholds(Math.max(a, b), Math.min(a, b), 'higher');
        return rank[kpiStatus(value - drop, t)] >= rank[kpiStatus(value, t)];
      }),
    );
  });
});

describe('relativeChange', () => {
  it.each([
    [110, 100, 0.1],
    [65, 100, -0.35],
    [-50, -100, 0.5],
  ])('%p vs %p is %p', (current, previous, change) =>
    expect(relativeChange(current, previous)).toBeCloseTo(change),
  );
  it('refuses a previous value of zero', () => {
    expect(() => relativeChange(5, 0)).toThrow('previous is 0: a relative change from zero is undefined');
  });
  it('takes differences beyond the largest double without overflowing', () => {
    expect(relativeChange(1.7e308, -1.7e308)).toBe(2);
    expect(relativeChange(-Number.MAX_VALUE, Number.MAX_VALUE)).toBe(-2);
    expect(relativeChange(Number.MIN_VALUE, -Number.MIN_VALUE)).toBe(2);
  });
  it('refuses to show a change too large for any number, naming both values', () => {
    expect(relativeChange(1e308, 1e-300)).toBe(Number.POSITIVE_INFINITY);
    expect(() => shownChange(1e308, 1e-300)).toThrow(
      'current (1e+308) is too far from previous (1e-300): the relative change is too large for a number',
    );
  });
  it('is finite for any two finite doubles, or refused', () => {
    const any = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(any, any, (current, previous) => {
        try {
          return Number.isFinite(shownChange(current, previous));
        } catch (error) {
          return error instanceof InputError;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
