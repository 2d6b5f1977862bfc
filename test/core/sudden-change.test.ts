import fc from 'fast-check';
import type { Direction } from '../../src/core/kpi';
import { seriesOf } from '../../src/core/kpi-history';
import {
  DEFAULT_SUDDEN_LIMIT,
  describeSuddenChange,
  detectSuddenChange,
  formatPercent,
  readSuddenLimit,
  referenceOf,
} from '../../src/core/sudden-change';

describe('detectSuddenChange', () => {
  it.each([
    // [value, reference, direction, limit, kind]
    [65, 100, 'higher', 0.2, 'sudden'], // leads dropped 35%
    [80, 100, 'higher', 0.2, 'steady'], // exactly the limit: tolerated
    [79, 100, 'higher', 0.2, 'sudden'],
    [150, 100, 'higher', 0.2, 'steady'], // a jump up is good news
    [130, 100, 'lower', 0.2, 'sudden'], // response time rose 30%
    [50, 100, 'lower', 0.2, 'steady'], // a drop is good news
    [-130, -100, 'higher', 0.2, 'sudden'], // a loss growing by 30% is a drop
    [100, 100, 'higher', 0, 'steady'],
    [99, 100, 'higher', 0, 'sudden'],
  ] as const)('%p vs %p, %p is better, limit %p: %p', (value, reference, direction, limit, kind) => {
    expect(detectSuddenChange({ value, reference, direction, limit }).kind).toBe(kind);
  });

  it('returns the signed change', () => {
    const result = detectSuddenChange({ value: 65, reference: 100, direction: 'higher', limit: 0.2 });
    expect(result.kind === 'sudden' && result.change).toBeCloseTo(-0.35);
  });

  it.each([
    [null, 'no earlier value to compare with'],
    [0, 'the earlier value is 0: a relative change is undefined'],
  ])('is unknown with reference %p', (reference, reason) => {
    expect(detectSuddenChange({ value: 5, reference, direction: 'higher', limit: 0.2 })).toEqual({
      kind: 'unknown',
      reason,
    });
  });

  it.each([-0.1, Number.NaN, Number.POSITIVE_INFINITY])('refuses limit %p', (limit) => {
    expect(() => detectSuddenChange({ value: 5, reference: 4, direction: 'higher', limit })).toThrow(
      'sudden-change limit must be a fraction of 0 or more (0.2 = 20%)',
    );
  });

  const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const reference = fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((r) => r !== 0);
  const limit = fc.double({ min: 0, max: 3, noNaN: true });
  const direction = fc.constantFrom<Direction>('higher', 'lower');

  it('is symmetric under a direction flip with negated values', () => {
    fc.assert(
      fc.property(value, reference, limit, direction, (v, r, l, d) => {
        const flipped: Direction = d === 'higher' ? 'lower' : 'higher';
        const a = detectSuddenChange({ value: v, reference: r, direction: d, limit: l });
        const b = detectSuddenChange({ value: -v, reference: -r, direction: flipped, limit: l });
        return a.kind === b.kind && a.kind !== 'unknown' && b.kind !== 'unknown' && a.change === -b.change;
      }),
    );
  });

  it('never flags a change in the good direction', () => {
    fc.assert(
      fc.property(value, reference, limit, direction, (v, r, l, d) => {
        const result = detectSuddenChange({ value: v, reference: r, direction: d, limit: l });
        if (result.kind === 'unknown') return false;
        const good = d === 'higher' ? result.change >= 0 : result.change <= 0;
        return !(good && result.kind === 'sudden');
      }),
    );
  });

  it('never flags a change within the limit', () => {
    fc.assert(
      fc.property(value, reference, limit, direction, (v, r, l, d) => {
        const result = detectSuddenChange({ value: v, reference: r, direction: d, limit: l });
        return result.kind !== 'sudden' || Math.abs(result.change) > l;
      }),
    );
  });
});

describe('referenceOf', () => {
  const series = seriesOf(
    [100, 110, 90, 100, 60].map((v, i) => [new Date(2026, 2, i + 1), 'Leads', v]),
    'Leads',
  );
  const today = new Date(2026, 2, 5, 12);
  it('is the previous value or the mean of the last values before today', () => {
    expect(referenceOf(series, today, { mode: 'previous' })).toBe(100);
    expect(referenceOf(series, today, { mode: 'average', window: 4 })).toBe(100);
    expect(referenceOf(series, today, { mode: 'average', window: 5 })).toBeNull();
  });
});

describe('readSuddenLimit', () => {
  it.each([
    ['', DEFAULT_SUDDEN_LIMIT],
    [null, DEFAULT_SUDDEN_LIMIT],
    ['20%', 0.2],
    [0.35, 0.35],
    [0, 0],
  ])('reads %p as %p', (cell, limit) => {
    expect(readSuddenLimit(cell)).toBeCloseTo(limit);
  });
  it.each([
    ['-5%', 'sudden-change limit must be a fraction of 0 or more (0.2 = 20%), got -0.05'],
    ['big', 'sudden-change limit must be a number, got "big"'],
  ])('refuses %p', (cell, message) => {
    expect(() => readSuddenLimit(cell)).toThrow(message);
  });
});

describe('describeSuddenChange', () => {
  it.each([
    ['Leads', -0.35, { mode: 'previous' } as const, 'Leads dropped 35% versus the previous value'],
    [
      ' Response time ',
      0.4012,
      { mode: 'average', window: 4 } as const,
      'Response time rose 40% versus the average of the last 4 values',
    ],
    ['Churn', 0.025, { mode: 'average', window: 1 } as const, 'Churn rose 2.5% versus the last value'],
    ['Churn', 0, { mode: 'previous' } as const, 'Churn was unchanged versus the previous value'],
  ])('%p changed by %p: %p', (kpi, change, versus, text) => {
    expect(describeSuddenChange(kpi, change, versus)).toBe(text);
  });

  it.each([
    [0.35, '35%'],
    [-0.1, '10%'],
    [0.0949, '9.5%'],
    [0.004, '0.4%'],
    [2, '200%'],
  ])('formats %p as %p', (fraction, text) => {
    expect(formatPercent(fraction)).toBe(text);
  });
});
