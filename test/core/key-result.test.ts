import fc from 'fast-check';
import { type KeyResult, readKeyResult, scoreKeyResult } from '../../src/core';

const score = (current: unknown, target: unknown, start?: unknown, kind?: unknown) => {
  const kr = readKeyResult({ current, target, start, kind } as Parameters<typeof readKeyResult>[0]);
  return kr === null ? null : scoreKeyResult(kr);
};

describe('scoring examples of common OKR practice', () => {
  it.each([
    // [description, current, target, start, kind, expected]
    ['conversion up from 2% to 3%, now 2.5%', 0.025, 0.03, 0.02, 'linear', 0.5],
    ['1,000 active users, 700 so far', 700, 1000, undefined, undefined, 0.7],
    ['response time down 30% (400 -> 280 ms), now 340 ms', 340, 280, 400, 'linear', 0.5],
    ['response time overshoots to 250 ms', 250, 280, 400, 'linear', 1],
    ['response time regresses to 420 ms', 420, 280, 400, 'linear', 0],
    ['users over-achieved', 1500, 1000, 0, 'linear', 1],
    ['on-time delivery held at least 98%', 0.985, 0.98, undefined, 'at_least', 1],
    ['on-time delivery below 98%', 0.97, 0.98, undefined, 'at least', 0],
    ['churn held at most 2%, exactly at the limit', 0.02, 0.02, undefined, 'at_most', 1],
    ['churn above 2%', 0.021, 0.02, undefined, 'at_most', 0],
    ['launch milestone done', 'done', '', undefined, 'milestone', 1],
    ['launch milestone TRUE', true, '', undefined, 'Milestone', 1],
    ['launch milestone not done', false, '', undefined, 'milestone', 0],
    ['text numbers', '45%', '90%', '0', 'linear', 0.5],
  ])('%s', (_, current, target, start, kind, expected) => {
    expect(score(current, target, start, kind)).toBeCloseTo(expected as number, 12);
  });

  it('is blank while the current value is blank', () => {
    expect(score('', 1000)).toBeNull();
    expect(score('', '', undefined, 'milestone')).toBeNull();
  });

  it.each([
    [5, 5, 5, 'linear', 'target (5) equals start (5)'],
    [5, '', 0, 'linear', 'target is blank'],
    [
      5,
      10,
      0,
      'stretch',
      'kind must be one of linear, uncapped, at_least, at_most, milestone, zone, got "stretch"',
    ],
    ['lots', 10, 0, 'linear', 'current must be a number, got "lots"'],
    [5, '#REF!', 0, 'linear', 'target is #REF! (the cell holds an error)'],
    ['maybe', '', 0, 'milestone', 'current must be done or not done'],
  ])('refuses current=%p target=%p start=%p kind=%p', (current, target, start, kind, message) => {
    expect(() => score(current, target, start, kind)).toThrow(message);
  });
});

/** Any finite double, the extremes (±1.7976931348623157e308, ±5e-324) more often than by chance. */
const finite = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    0,
    -0,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    1.7e308,
    -1.7e308,
  ),
);
const linear = fc
  .record({ start: finite, target: finite, current: finite })
  .filter(({ start, target }) => start !== target)
  .map((r): KeyResult => ({ kind: 'linear', ...r }));

describe('scores at the edges of the doubles', () => {
  it.each<[number, number, number, number]>([
    [0, 1.7e308, -1.7e308, 0.5],
    [Number.MAX_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 1],
    [-Number.MAX_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 0],
    [1.7e308, 0, -1.7e308, 1],
    [Number.MIN_VALUE, 2 * Number.MIN_VALUE, 0, 0.5],
    [1, 1e-300, 0, 1],
  ])('current %p, target %p, start %p scores %p', (current, target, start, expected) => {
    expect(scoreKeyResult({ kind: 'linear', current, target, start })).toBe(expected);
  });
});

describe('score properties', () => {
  it('is always within 0..1 and never NaN', () => {
    fc.assert(
      fc.property(linear, (kr) => {
        const s = scoreKeyResult(kr);
        return s >= 0 && s <= 1 && !Number.isNaN(s);
      }),
    );
  });

  it('does not fall as current moves toward the target', () => {
    fc.assert(
      fc.property(linear, finite, (kr, step) => {
        if (kr.kind !== 'linear') return true;
        const moved = kr.current + Math.sign(kr.target - kr.start) * Math.abs(step);
        // A cell holds no infinity: a step past the largest double is no value a key result can have.
        if (!Number.isFinite(moved)) return true;
        return scoreKeyResult({ ...kr, current: moved }) >= scoreKeyResult(kr);
      }),
    );
  });

  it('is symmetric in direction: "decrease to" mirrors "increase to"', () => {
    fc.assert(
      fc.property(linear, (kr) => {
        if (kr.kind !== 'linear') return true;
        const mirrored = { ...kr, start: -kr.start, target: -kr.target, current: -kr.current };
        return Math.abs(scoreKeyResult(mirrored) - scoreKeyResult(kr)) < 1e-9;
      }),
    );
  });

  it('levels score only 0 or 1, with the limit itself met', () => {
    fc.assert(
      fc.property(
        finite,
        finite,
        fc.constantFrom('at_least' as const, 'at_most' as const),
        (target, current, kind) => {
          const s = scoreKeyResult({ kind, target, current });
          const met = kind === 'at_least' ? current >= target : current <= target;
          return s === (met ? 1 : 0);
        },
      ),
    );
  });

  it('never yields a number outside 0..1 from any cell content', () => {
    const cell = fc.oneof(
      finite,
      fc.string(),
      fc.boolean(),
      fc.constant(''),
      fc.constantFrom('#N/A', '45%', 'done'),
    );
    fc.assert(
      fc.property(
        cell,
        cell,
        cell,
        fc.constantFrom('linear', 'at_least', 'at_most', 'milestone', ''),
        (c, t, s, k) => {
          try {
            const result = score(c, t, s, k);
            return result === null || (result >= 0 && result <= 1);
          } catch (error) {
            return error instanceof Error && error.name === 'InputError';
          }
        },
      ),
    );
  });
});
