import fc from 'fast-check';
import { averageConfidence, type CellValue, readConfidence } from '../../src/core';

const at = (d: number, h = 12, m = 0) => new Date(2026, 2, d, h, m);

/** A log from rows [KR ID, confidence, time]. */
const logOf = (rows: readonly (readonly CellValue[])[]) => ({
  ids: rows.map((row) => row[0]),
  confidences: rows.map((row) => row[1]),
  times: rows.map((row) => row[2]),
});

describe('readConfidence', () => {
  it.each([
    [7, 7],
    [0, 0],
    [10, 10],
    [7.5, 7.5],
    [' 6 ', 6],
    ['On Track', 8],
    ['at risk', 5],
    ['OFF TRACK ', 2],
    ['', null],
    [null, null],
  ])('reads %p as %p', (cell, level) => {
    expect(readConfidence(cell, 'confidence')).toBe(level);
  });

  it.each([
    [11, 'confidence must be a confidence from 0 to 10 (or on track, at risk, off track), got 11'],
    [-1, 'got -1'],
    ['high', 'got "high"'],
    [true, 'got true'],
    [Number.NaN, 'got NaN'],
    ['#N/A', 'confidence is #N/A (the cell holds an error)'],
  ])('refuses %p, naming the field and the value', (cell, message) => {
    expect(() => readConfidence(cell, 'confidence')).toThrow(message);
  });
});

describe('averageConfidence', () => {
  const log = logOf([
    ['KR-a', 8, at(2)],
    ['KR-b', 'at risk', at(3)],
    ['KR-a', 6, at(9)],
    ['KR-b', '', at(10)], // no confidence recorded: KR-b keeps 5
    ['KR-c', 2, at(16, 0, 0)], // the next day's first moment
    ['', 9, at(4)], // no key result
  ]);

  it("averages each key result's latest confidence by the end of the day", () => {
    expect(averageConfidence(log, at(15, 0))).toBe((6 + 5) / 2);
    expect(averageConfidence(log, at(16, 0))).toBe((6 + 5 + 2) / 3);
    expect(averageConfidence(log, at(8, 0))).toBe((8 + 5) / 2);
  });

  it('counts a check-in made at any time of the as-of day, whatever the time given', () => {
    const late = logOf([['KR-a', 4, at(9, 23, 59)]]);
    expect(averageConfidence(late, at(9, 0))).toBe(4);
    expect(averageConfidence(late, at(8, 23, 59))).toBeNull();
  });

  it('is null before any key result has a confidence', () => {
    expect(averageConfidence(log, at(1))).toBeNull();
    expect(averageConfidence(logOf([]), at(1))).toBeNull();
  });

  it('counts only the key results given, so a deleted one drops out', () => {
    expect(averageConfidence(log, at(20), new Set(['KR-a']))).toBe(6);
    expect(averageConfidence(log, at(20), new Set(['KR-gone']))).toBeNull();
  });

  it('takes the later row of two check-ins at the same time, and matches trimmed IDs', () => {
    const same = logOf([
      [' KR-a ', 3, at(5)],
      ['KR-a', 9, at(5)],
    ]);
    expect(averageConfidence(same, at(5), new Set(['KR-a']))).toBe(9);
  });

  it('names a bad confidence and a missing time by their log row', () => {
    expect(() => averageConfidence(logOf([['KR-a', 'high', at(2)]]), at(20))).toThrow(
      'log_confidences #1 must be a confidence from 0 to 10 (or on track, at risk, off track), got "high"',
    );
    expect(() =>
      averageConfidence(
        logOf([
          ['KR-a', 7, at(1)],
          ['KR-a', 7, ''],
        ]),
        at(20),
      ),
    ).toThrow('log_times #2 is blank but log_confidences #2 holds 7');
    expect(() => averageConfidence(logOf([['KR-a', 7, 'soon']]), at(20))).toThrow(
      'log_times #1 must be a date',
    );
  });

  it('reads no row it does not count: a bad confidence after the day or of another key result', () => {
    const rows = logOf([
      ['KR-a', 7, at(2)],
      ['KR-a', 'high', at(20)],
      ['KR-x', 'high', at(2)],
    ]);
    expect(averageConfidence(rows, at(10), new Set(['KR-a']))).toBe(7);
  });

  it('equals the mean of each key result’s latest level, whatever the order of the log', () => {
    const row = fc.record({
      id: fc.constantFrom('KR-1', 'KR-2', 'KR-3', 'KR-4'),
      level: fc.integer({ min: 0, max: 10 }),
      day: fc.integer({ min: 1, max: 28 }),
      minute: fc.integer({ min: 0, max: 1439 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { selector: (r) => r.day * 1440 + r.minute }),
        fc.integer({ min: 1, max: 28 }),
        fc.boolean(),
        (rows, day, reversed) => {
          const ordered = reversed ? [...rows].reverse() : rows;
          const log = logOf(ordered.map((r) => [r.id, r.level, at(r.day, 0, r.minute)]));
          const latest = new Map<string, { time: number; level: number }>();
          for (const r of rows) {
            const time = r.day * 1440 + r.minute;
            const seen = latest.get(r.id);
            if (r.day <= day && (!seen || time > seen.time)) latest.set(r.id, { time, level: r.level });
          }
          const levels = [...latest.values()].map((l) => l.level);
          const expected = levels.length === 0 ? null : levels.reduce((a, b) => a + b, 0) / levels.length;
          const result = averageConfidence(log, at(day, 9));
          return expected === null ? result === null : Math.abs((result as number) - expected) < 1e-12;
        },
      ),
    );
  });
});
