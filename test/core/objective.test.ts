import fc from 'fast-check';
import { GRADE_BANDS, gradeOf, rollUp } from '../../src/core';

describe('rollUp', () => {
  it('averages equally weighted scores', () => {
    expect(
      rollUp([
        { score: 0.5, weight: 1 },
        { score: 1, weight: 1 },
        { score: 0.3, weight: 1 },
      ]),
    ).toBeCloseTo(0.6);
  });
  it('weights scores', () => {
    expect(
      rollUp([
        { score: 1, weight: 3 },
        { score: 0, weight: 1 },
      ]),
    ).toBeCloseTo(0.75);
  });
  it('is null with nothing to average', () => {
    expect(rollUp([])).toBeNull();
    expect(rollUp([{ score: 0.5, weight: 0 }])).toBeNull();
  });
  it.each([
    [{ score: -0.2, weight: 1 }, 'score #1 must be a number of 0 or more, got -0.2'],
    [{ score: 0.5, weight: -1 }, 'weight #1 must be a number of 0 or more, got -1'],
  ])('refuses %p', (item, message) => {
    expect(() => rollUp([item])).toThrow(message);
  });
  it('stays within the scores it averages, for any finite weights', () => {
    const item = fc.record({
      score: fc.double({ min: 0, max: 1, noNaN: true }),
      weight: fc.oneof(
        fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(0, Number.MIN_VALUE, 1, Number.MAX_VALUE),
      ),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1 }), (items) => {
        const mean = rollUp(items);
        if (mean === null) return items.every((i) => i.weight === 0);
        const used = items.filter((i) => i.weight > 0).map((i) => i.score);
        return mean >= Math.min(...used) && mean <= Math.max(...used);
      }),
      { numRuns: 1000 },
    );
  });

  it('averages huge and tiny weights by their ratio', () => {
    const max = Number.MAX_VALUE;
    expect(
      rollUp([
        { score: 1, weight: max },
        { score: 0, weight: max },
      ]),
    ).toBe(0.5);
    expect(rollUp([{ score: 1e-12, weight: Number.MIN_VALUE }])).toBe(1e-12);
    expect(
      rollUp([
        { score: 0.2, weight: max },
        { score: 0.8, weight: max / 2 },
      ]),
    ).toBeCloseTo(0.4, 12);
  });
});

describe('gradeOf (Google bands on tenths)', () => {
  it.each([
    [0, 'red'],
    [0.3, 'red'],
    [0.34, 'red'],
    [GRADE_BANDS.yellowFrom, 'yellow'],
    [0.4, 'yellow'],
    [0.6, 'yellow'],
    [GRADE_BANDS.greenFrom, 'green'],
    [0.7, 'green'],
    [1, 'green'],
  ])('%p is %p', (score, grade) => expect(gradeOf(score)).toBe(grade));
});
