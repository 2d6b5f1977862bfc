import fc from 'fast-check';
import { changeVerdict, latestValue, type Point, previousDifferent } from '../../src/core';

const day = (d: number) => new Date(2026, 2, d);
const series = (...values: number[]): Point[] => values.map((value, i) => ({ day: day(i + 1), value }));

describe('latestValue', () => {
  it("takes the table's value, dated by the latest day recorded with it", () => {
    expect(latestValue(120, series(100, 120, 120))).toEqual({ value: 120, day: day(3) });
    expect(latestValue(100, series(100, 120, 110))).toEqual({ value: 100, day: day(1) });
  });
  it('dates a value typed since the last snapshot by the latest day recorded', () => {
    expect(latestValue(130, series(100, 120))).toEqual({ value: 130, day: day(2) });
  });
  it('falls back on the latest recorded value when the table has none', () => {
    expect(latestValue(null, series(100, 90))).toEqual({ value: 90, day: day(2) });
  });
  it('has no day without history, and nothing without any value', () => {
    expect(latestValue(5, [])).toEqual({ value: 5, day: null });
    expect(latestValue(null, [])).toBeNull();
  });
});

describe('previousDifferent', () => {
  it('is the newest recorded value other than the latest one', () => {
    expect(previousDifferent(series(100, 120, 120), 120)).toBe(100);
    expect(previousDifferent(series(100, 110), 120)).toBe(110);
    expect(previousDifferent(series(120, 120), 120)).toBeNull();
    expect(previousDifferent([], 120)).toBeNull();
  });
  it('is never the value itself, and is always a value recorded after every other different one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 })),
        fc.integer({ min: 0, max: 3 }),
        (values, value) => {
          const previous = previousDifferent(series(...values), value);
          const differing = values.filter((v) => v !== value);
          return previous === (differing.length === 0 ? null : differing[differing.length - 1]);
        },
      ),
    );
  });
});

describe('changeVerdict', () => {
  it('calls a rise good when higher is better and bad when lower is', () => {
    expect(changeVerdict(0.1, 'higher')).toBe('good');
    expect(changeVerdict(0.1, 'lower')).toBe('bad');
    expect(changeVerdict(-0.1, 'lower')).toBe('good');
    expect(changeVerdict(0, 'higher')).toBeNull();
  });
  it('turns over when the change or the direction turns over', () => {
    const flip = { good: 'bad', bad: 'good' } as const;
    fc.assert(
      fc.property(
        fc.double({ noNaN: true }).filter((c) => c !== 0),
        (change) => {
          const verdict = changeVerdict(change, 'higher');
          return (
            verdict !== null &&
            changeVerdict(change, 'lower') === flip[verdict] &&
            changeVerdict(-change, 'higher') === flip[verdict]
          );
        },
      ),
    );
  });
});
