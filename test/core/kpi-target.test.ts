import fc from 'fast-check';
import {
  DEFAULT_TOLERANCE,
  isBreach,
  kpiMode,
  readKpiRule,
  readTargetRule,
  type TargetCells,
  targetStatus,
} from '../../src/core';

const cells = (over: Partial<TargetCells>): TargetCells => ({
  target: '',
  direction: '',
  tolerance: '',
  defaultDirection: '',
  defaultTolerance: '',
  ...over,
});

describe('targetStatus', () => {
  it.each([
    // weekly leads, target 120, higher is better, 5% tolerance: near down to 114
    [130, 120, 'higher', 0.05, 'Met'],
    [120, 120, 'higher', 0.05, 'Met'], // the target itself meets it
    [114, 120, 'higher', 0.05, 'Near'], // the edge of the band is near
    [113.99, 120, 'higher', 0.05, 'Missed'],
    [0.95, 1, 'higher', 0.05, 'Near'], // 1 - 0.95 is 0.05000000000000004 in binary
    [0.949, 1, 'higher', 0.05, 'Missed'],
    // response time, target 4 h, lower is better, 10% tolerance: near up to 4.4
    [3, 4, 'lower', 0.1, 'Met'],
    [4, 4, 'lower', 0.1, 'Met'],
    [4.4, 4, 'lower', 0.1, 'Near'],
    [4.41, 4, 'lower', 0.1, 'Missed'],
    // a target of 0 leaves no near band
    [0, 0, 'lower', 0.05, 'Met'],
    [1, 0, 'lower', 0.05, 'Missed'],
    // a negative target (a loss to keep above -100): the band is 5% of its size
    [-104, -100, 'higher', 0.05, 'Near'],
    [-106, -100, 'higher', 0.05, 'Missed'],
    // tolerance 0: near is impossible
    [119.9, 120, 'higher', 0, 'Missed'],
  ] as const)(
    'value %p, target %p, %p is better, tolerance %p -> %p',
    (value, target, direction, tolerance, status) => {
      expect(targetStatus(value, { target, direction, tolerance })).toBe(status);
    },
  );

  it('is Met exactly when the value is at or past the target, whatever the tolerance', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom('higher' as const, 'lower' as const),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (value, target, direction, tolerance) => {
          const met = direction === 'higher' ? value >= target : value <= target;
          expect(targetStatus(value, { target, direction, tolerance }) === 'Met').toBe(met);
        },
      ),
    );
  });

  it('never gets better as the value moves the wrong way, and a larger tolerance never makes it worse', () => {
    const rank = { Missed: 0, Near: 1, Met: 2 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (value, worse, target, a, b) => {
          const rule = { target, direction: 'higher' as const, tolerance: Math.min(a, b) };
          const wider = { ...rule, tolerance: Math.max(a, b) };
          expect(rank[targetStatus(value - worse, rule)]).toBeLessThanOrEqual(
            rank[targetStatus(value, rule)],
          );
          expect(rank[targetStatus(value, wider)]).toBeGreaterThanOrEqual(rank[targetStatus(value, rule)]);
        },
      ),
    );
  });

  it('mirrors: lower is better is higher is better on negated values', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (value, target, tolerance) => {
          expect(targetStatus(value, { target, direction: 'lower', tolerance })).toBe(
            targetStatus(-value, { target: -target, direction: 'higher', tolerance }),
          );
        },
      ),
    );
  });
});

describe('readTargetRule', () => {
  it('takes the row direction first, then the default, then the words of the KPI name', () => {
    const rule = (over: Partial<TargetCells>) => readTargetRule(cells({ target: 10, ...over })).direction;
    expect(rule({ direction: 'lower', defaultDirection: 'higher' })).toBe('lower');
    expect(rule({ defaultDirection: 'Lower is better' })).toBe('lower');
    expect(rule({ defaultDirection: 'Average response time' })).toBe('lower');
    expect(rule({ defaultDirection: 'Weekly leads' })).toBe('higher');
  });

  it('takes the row tolerance first, then the default, then 5%', () => {
    const tolerance = (over: Partial<TargetCells>) =>
      readTargetRule(cells({ target: 10, direction: 'up', ...over })).tolerance;
    expect(tolerance({ tolerance: '10%', defaultTolerance: 0.2 })).toBeCloseTo(0.1);
    expect(tolerance({ defaultTolerance: '2%' })).toBeCloseTo(0.02);
    expect(tolerance({})).toBe(DEFAULT_TOLERANCE);
    expect(tolerance({ tolerance: 0 })).toBe(0);
  });

  it.each([
    [{ target: '' }, 'target is blank: set the value the KPI should reach'],
    [{ target: 'lots', direction: 'up' }, 'target must be a number, got "lots"'],
    [{ target: 10 }, 'direction is blank: set it to "higher" or "lower" (which way is better)'],
    [
      { target: 10, defaultDirection: 'Headcount' },
      'direction is blank and "Headcount" does not say which way is better: set direction to "higher" or "lower"',
    ],
    [{ target: 10, direction: 'sideways' }, 'direction must be "higher" or "lower"'],
    [
      { target: 10, direction: 'up', tolerance: 5 },
      'tolerance must be a fraction of the target from 0% to 100% (5% or 0.05), got 5',
    ],
    [{ target: 10, direction: 'up', tolerance: '-1%' }, 'tolerance must be a fraction of the target'],
    [
      { target: 10, direction: 'up', defaultTolerance: 'some' },
      'default_tolerance must be a number, got "some"',
    ],
  ])('refuses %p with a message naming the field', (over, message) => {
    expect(() => readTargetRule(cells(over))).toThrow(message);
  });
});

describe('readKpiRule', () => {
  const map = { name: 1, value: 2, target: 3, direction: 4 };

  it('judges a table without limits against its target, with the table defaults before the name', () => {
    expect(kpiMode(map)).toBe('target');
    const row = ['Tickets', 95, 100, ''];
    expect(readKpiRule(row, map, { direction: 'higher' }).judge(95)).toBe('Near');
    expect(readKpiRule(row, map, { direction: 'higher', tolerance: 0.01 }).judge(95)).toBe('Missed');
    expect(readKpiRule(['Support cost', 95, 100, ''], map).direction).toBe('lower');
    expect(readKpiRule(['Support cost', 95, 100, 'higher'], map, { direction: 'lower' }).direction).toBe(
      'higher',
    );
  });

  it('judges a table with a warning or critical column by its limits, as before', () => {
    const limits = { ...map, warning: 5, critical: 6 };
    expect(kpiMode(limits)).toBe('limits');
    expect(readKpiRule(['Uptime', 0.97, 1, '', 0.98, 0.95], limits).judge(0.97)).toBe('Warning');
    expect(kpiMode({ name: 1, value: 2, critical: 3 })).toBe('limits');
  });

  it('calls Breach and Missed a breach, and nothing else', () => {
    expect(['Breach', 'Missed', 'Warning', 'Near', 'OK', 'Met'].filter((s) => isBreach(s as never))).toEqual([
      'Breach',
      'Missed',
    ]);
  });
});
