import { judgeKpiTable, judgeOkrTable, scoreRow } from '../../src/core';

describe('judgeKpiTable', () => {
  const map = { name: 1, value: 2, warning: 3, critical: 4 };

  it('counts statuses, skips blank rows and reports bad rows by sheet row', () => {
    const summary = judgeKpiTable({
      map,
      firstRow: 2,
      rows: [
        ['On-time', 0.99, 0.98, 0.95],
        ['Response', 'n/a', 400, 500],
        ['', '', '', ''],
        ['Conversion', 0.019, 0.025, 0.02],
        ['Users', 950, '', ''],
        ['Leads', '', 10, 5],
        ['Broken', '#REF!', 1, 0],
      ],
    });
    expect(summary.scored).toBe(2);
    expect(summary.counts).toEqual({ OK: 1, Breach: 1 });
    expect(summary.problems).toEqual([
      { row: 3, message: 'value must be a number, got "n/a"' },
      { row: 6, message: 'warning and critical are both blank: set at least one limit' },
      { row: 8, message: 'value is #REF! (the cell holds an error)' },
    ]);
    expect(summary.judgedBy).toBe('limits');
  });

  it('judges a table without limits against its targets, with the table defaults', () => {
    const summary = judgeKpiTable({
      map: { name: 1, value: 2, target: 3, direction: 4, tolerance: 5 },
      defaults: { tolerance: 0.1 },
      firstRow: 2,
      rows: [
        ['Weekly leads', 110, 120, '', ''], // 10% short: near by the table's tolerance
        ['Handle time', 4.3, 4, '', '5%'], // lower by its words, 7.5% over its own 5%
        ['Tickets', 50, 40, 'higher', ''],
        ['Headcount', 12, 12, '', ''],
        ['Revenue', 90, '', '', ''],
      ],
    });
    expect(summary.judgedBy).toBe('target');
    expect(summary.counts).toEqual({ Near: 1, Missed: 1, Met: 1 });
    expect(summary.problems).toEqual([
      {
        row: 5,
        message:
          'direction is blank and "Headcount" does not say which way is better: set direction to "higher" or "lower"',
      },
      { row: 6, message: 'target is blank: set the value the KPI should reach' },
    ]);
    const lower = judgeKpiTable({
      map: { name: 1, value: 2, target: 3 },
      defaults: { direction: 'lower' },
      firstRow: 2,
      rows: [['Headcount', 12, 12]],
    });
    expect(lower.counts).toEqual({ Met: 1 });
  });
});

describe('judgeOkrTable', () => {
  it('scores and judges each key result against the cycle', () => {
    const map = { keyResult: 1, kind: 2, start: 3, target: 4, current: 5 };
    const cycle = { start: new Date(2026, 0, 1), end: new Date(2026, 2, 31) };
    const summary = judgeOkrTable(
      {
        map,
        firstRow: 2,
        rows: [
          ['Users', 'linear', 0, 1000, 500],
          ['Launch', 'milestone', '', '', true],
          ['Latency', 'linear', 400, 280, 390],
          ['Not measured yet', 'linear', 0, 10, ''],
          ['Bad', 'linear', 5, 5, 5],
        ],
      },
      cycle,
      new Date(2026, 1, 15),
    );
    expect(summary.counts).toEqual({ 'On track': 1, Done: 1, 'Off track': 1 });
    expect(summary.problems).toEqual([
      { row: 6, message: expect.stringContaining('target (5) equals start (5)') },
    ]);
  });
});

describe('scoreRow', () => {
  it('scores a row by its own kind, from its mapped columns', () => {
    const map = { kind: 1, start: 2, target: 3, current: 4 };
    expect(scoreRow(['linear', 100, 50, 75], map)).toBe(0.5);
    expect(scoreRow(['at_most', '', 50, 40], map)).toBe(1);
    expect(scoreRow(['milestone', '', '', 'done'], map)).toBe(1);
  });
  it('is null while the current value is blank, and reads a missing start column as 0', () => {
    expect(scoreRow([10, ''], { target: 1, current: 2 })).toBeNull();
    expect(scoreRow([10, 4], { target: 1, current: 2 })).toBe(0.4);
  });
  it('names the field of a bad cell', () => {
    expect(() => scoreRow([10, 'lots'], { target: 1, current: 2 })).toThrow(
      'current must be a number, got "lots"',
    );
  });
});
