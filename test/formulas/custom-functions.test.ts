import fc from 'fast-check';
import {
  kpiChange,
  kpiStatusOf,
  kpiTargetStatusOf,
  okrForecast,
  okrForecasts,
  okrPace,
  okrRollup,
  okrScore,
  okrStatusOf,
  okrZoneScore,
} from '../../src/formulas/custom-functions';

const col = (...values: unknown[]) => values.map((v) => [v]);

describe('single-cell calls', () => {
  it('return one value', () => {
    expect(okrScore(700, 1000)).toBeCloseTo(0.7);
    expect(kpiStatusOf(0.97, 0.98, 0.95)).toBe('Warning');
    expect(kpiChange(65, 100)).toBeCloseTo(-0.35);
  });

  it('treat a 1x1 range like a single cell', () => {
    expect(okrScore([[700]], [[1000]])).toBeCloseTo(0.7);
  });

  it('return a blank for a blank main input', () => {
    expect(okrScore('', 1000)).toBe('');
    expect(kpiStatusOf('', 0.98, 0.95)).toBe('');
    expect(kpiChange(5, '')).toBe('');
    expect(okrStatusOf('', '2026-01-01', '2026-03-31')).toBe('');
  });

  it.each([
    [() => okrScore('lots', 1000), 'current must be a number, got "lots"'],
    [
      () => okrScore(5, 1000, 0, 'fast'),
      'kind must be one of linear, uncapped, at_least, at_most, milestone, zone, got "fast"',
    ],
    [() => kpiStatusOf(1, 5, 5), 'warning and critical are equal (5)'],
    [() => kpiChange(5, 0), 'previous is 0'],
    [() => okrStatusOf(0.5, 'soon', '2026-03-31'), 'cycle_start must be a date'],
    [() => okrStatusOf(-0.5, '2026-01-01', '2026-03-31'), 'score must be 0 or more (a score), got -0.5'],
  ])('throw an Error naming the argument and the value (%#)', (call, message) => {
    expect(call).toThrow(Error);
    expect(call).toThrow(message);
  });
});

describe('range calls', () => {
  it('score row by row, applying single cells to every row', () => {
    expect(kpiStatusOf(col(0.99, 0.97, 0.9, ''), 0.98, 0.95)).toEqual(col('OK', 'Warning', 'Breach', ''));
  });

  it('take ranges of the same height together', () => {
    const result = okrScore(
      col(5, 340, 'done'),
      col(10, 280, ''),
      col(0, 400, ''),
      col('linear', '', 'milestone'),
    );
    expect(result).toEqual(col(0.5, 0.5, 1));
  });

  it('write Error: into a bad row and compute every other row', () => {
    const result = okrScore(col(5, 'abc', '#N/A', 8), 10);
    expect(result).toEqual(
      col(
        0.5,
        'Error: current must be a number, got "abc"',
        'Error: current is #N/A (the cell holds an error)',
        0.8,
      ),
    );
  });

  it('refuse ranges of different heights', () => {
    expect(() => okrScore(col(1, 2, 3), col(4, 5))).toThrow(
      'target has 2 rows but current has 3: ranges must be the same height',
    );
  });

  it('refuse a range wider than one column', () => {
    expect(() =>
      okrScore(
        [
          [1, 2],
          [3, 4],
        ],
        10,
      ),
    ).toThrow('current must be a single column, got a range 2 columns wide');
  });

  it('never return NaN or Infinity', () => {
    const result = kpiChange(col(1, 2, 3), col(0, 1, 1e-320)) as unknown[][];
    for (const [v] of result)
      expect(typeof v === 'number' ? Number.isFinite(v) : String(v).startsWith('Error:')).toBe(true);
  });

  it('judge statuses per row against a cycle', () => {
    const asOf = new Date(2026, 1, 15);
    expect(okrStatusOf(col(0.5, 0.3, 0.2, 1, ''), new Date(2026, 0, 1), new Date(2026, 2, 31), asOf)).toEqual(
      col('On track', 'At risk', 'Off track', 'Done', ''),
    );
  });
});

describe('OKR_ROLLUP', () => {
  it('averages the non-blank scores', () => {
    expect(okrRollup(col(0.5, '', 1))).toBeCloseTo(0.75);
  });
  it('weights them, a blank weight counting 1', () => {
    expect(okrRollup(col(1, 0, 0.5), col(3, 1, ''))).toBeCloseTo(3.5 / 5);
  });
  it('is blank with no scores', () => expect(okrRollup(col('', ''))).toBe(''));
  it('refuses an errored score, naming it', () => {
    expect(() => okrRollup(col(0.5, 'Error: current must be a number, got "x"'))).toThrow(
      'score #2 is an error',
    );
  });
  it('refuses mismatched weights', () => {
    expect(() => okrRollup(col(0.5, 1), col(1, 2, 3))).toThrow('weights has 3 cells but scores has 2');
  });
});

describe('KPI_CHANGE', () => {
  it('is blank without a previous value, even when the current cell is unreadable', () => {
    expect(kpiChange(col('n/a', 110), col('', 100))).toEqual(col('', 0.1));
  });
  it('still names a bad current value when there is a previous one', () => {
    expect(kpiChange(col('n/a', 50), col(100, 100))).toEqual(
      col('Error: current must be a number, got "n/a"', -0.5),
    );
  });
});

describe('KPI_TARGET_STATUS', () => {
  it.each([
    [[130, 120, 'higher'], 'Met'],
    [[114, 120, 'higher'], 'Near'],
    [[113, 120, 'higher'], 'Missed'],
    [['95%', '100%', 'up'], 'Near'],
    [[4.4, 4, 'lower', '10%'], 'Near'],
    [[4.4, 4, 'lower'], 'Missed'],
    [[4.4, 4, '', '', 'lower', 0.1], 'Near'],
    [[4.4, 4, '', '', 'First response time'], 'Missed'],
    [[116, 120, '', '', 'Weekly leads', '2%'], 'Missed'],
    [['', 120, 'higher'], ''],
    [[' ', 120], ''], // a blank value is blank even when nothing else is set
  ])('single cells %p -> %p', (args, status) => {
    expect(kpiTargetStatusOf(...(args as [unknown, unknown]))).toBe(status);
  });

  it.each([
    [['lots', 120, 'higher'], 'value must be a number, got "lots"'],
    [[100, '', 'higher'], 'target is blank: set the value the KPI should reach'],
    [[100, 120], 'direction is blank: set it to "higher" or "lower" (which way is better)'],
    [[100, 120, '', '', 'Headcount'], 'direction is blank and "Headcount" does not say which way is better'],
    [
      [100, 120, 'higher', 5],
      'tolerance must be a fraction of the target from 0% to 100% (5% or 0.05), got 5',
    ],
    [[100, '#N/A', 'higher'], 'target is #N/A (the cell holds an error)'],
  ])('single cells %p throw an Error naming the argument and the value', (args, message) => {
    const call = () => kpiTargetStatusOf(...(args as [unknown, unknown]));
    expect(call).toThrow(Error);
    expect(call).toThrow(message);
  });

  it('judges whole columns row by row: the direction from its column, else the name, the tolerance likewise', () => {
    const result = kpiTargetStatusOf(
      col(118, 4.3, 4.3, 'n/a', '', 30, 9),
      col(120, 4, 4, 50, 10, 20, 10),
      col('', 'lower', '', '', '', '', 'higher'),
      col('', '', '10%', '', '', '', ''),
      col('Weekly leads', 'Handle time', 'Handle time', 'NPS', 'Blank row', 'Headcount', 'Deploys'),
      '1%',
    );
    expect(result).toEqual(
      col(
        'Missed', // 118 is more than 1% short of 120
        'Missed',
        'Near', // its own 10%
        'Error: value must be a number, got "n/a"',
        '',
        'Error: direction is blank and "Headcount" does not say which way is better: set direction to "higher" or "lower"',
        'Missed',
      ),
    );
  });

  it('refuses ranges of different heights and ranges wider than one column', () => {
    expect(() => kpiTargetStatusOf(col(1, 2), col(1, 2, 3), 'higher')).toThrow(
      'target has 3 rows but value has 2: ranges must be the same height',
    );
    expect(() => kpiTargetStatusOf([[1, 2]], 3, 'higher')).toThrow('value must be a single column');
  });

  it('gives each row of a range what the row alone gives, and never NaN or Infinity', () => {
    const cell = fc.oneof(
      fc.double({ noNaN: false }),
      fc.constantFrom('', 'x', '5%', '1,000', 'higher', 'lower', 'Response time', '#N/A', true),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell, cell, cell, cell), { minLength: 2, maxLength: 8 }),
        (rows) => {
          const column = (k: number) => rows.map((r) => [r[k]]);
          const result = kpiTargetStatusOf(
            column(0),
            column(1),
            column(2),
            column(3),
            column(4),
          ) as unknown[][];
          rows.forEach((r, i) => {
            let alone: unknown;
            try {
              alone = kpiTargetStatusOf(r[0], r[1], r[2], r[3], r[4]);
            } catch (error) {
              alone = `Error: ${(error as Error).message}`;
            }
            expect(result[i]?.[0]).toEqual(alone);
            expect(
              ['', 'Met', 'Near', 'Missed'].includes(String(alone)) || String(alone).startsWith('Error: '),
            ).toBe(true);
          });
        },
      ),
    );
  });
});

describe('arguments shared by every row', () => {
  it('are read once; a bad one is the error of every row that needs it', () => {
    expect(kpiStatusOf(col(0.99, '', 0.9), 'high', 0.95)).toEqual(
      col('Error: warning must be a number, got "high"', '', 'Error: warning must be a number, got "high"'),
    );
  });
  it('may also vary by row', () => {
    expect(kpiStatusOf(col(0.99, 0.99, 300), col(0.98, 0.995, 400), col(0.95, 0.99, 500))).toEqual(
      col('OK', 'Warning', 'OK'),
    );
  });
  it('may change kind from row to row, each row scored by its own kind', () => {
    expect(
      okrScore(
        col(5, 'done', 3, 4),
        col(10, '', 3, 3),
        col(0, '', '', ''),
        col('linear', 'milestone', 'at_least', ''),
      ),
    ).toEqual(col(0.5, 1, 1, 1));
  });
  it('take a one-cell range as a single cell', () => {
    expect(kpiStatusOf(col(0.99, 0.96), [[0.98]], [[0.95]])).toEqual(col('OK', 'Warning'));
  });
  it('include a cycle given once for a whole column of scores', () => {
    const start = new Date(2026, 0, 1);
    const end = new Date(2026, 2, 31);
    expect(okrStatusOf(col(0.5, 0.1), start, end, new Date(2026, 1, 15))).toEqual(
      col('On track', 'Off track'),
    );
    expect(() => okrStatusOf(0.5, end, start)).toThrow(
      'cycle_end (2026-01-01) must be after cycle_start (2026-03-31)',
    );
  });
});

describe('OKR_STATUS bands', () => {
  const start = new Date(2026, 0, 1);
  const end = new Date(2026, 2, 31);
  const asOf = new Date(2026, 1, 15); // 0.51 expected

  it("take a team's gaps, and default to 0.10 and 0.25", () => {
    expect(okrStatusOf(col(0.47, 0.43, 0.38), start, end, asOf, 0.05, 0.1)).toEqual(
      col('On track', 'At risk', 'Off track'),
    );
    expect(okrStatusOf(col(0.47, 0.43, 0.38), start, end, asOf)).toEqual(
      col('On track', 'On track', 'At risk'),
    );
  });
  it.each([
    [0.3, 0.2, 'at_risk_gap (0.3) must not be more than off_track_gap (0.2)'],
    [0.1, 2, 'off_track_gap must be between 0 and 1 (0% to 100%), got 2'],
    ['x', 0.2, 'at_risk_gap must be a number, got "x"'],
  ])('refuse gaps %p and %p with a clear error', (a, b, message) => {
    expect(() => okrStatusOf(0.5, start, end, asOf, a, b)).toThrow(message);
  });
});

describe('OKR_PACE', () => {
  const start = new Date(2026, 0, 1);
  const end = new Date(2026, 2, 31);

  it('is the score minus the elapsed fraction of the cycle', () => {
    expect(okrPace(0.39, start, end, new Date(2026, 1, 15))).toBeCloseTo(0.39 - 45 / 89, 9);
  });
  it('counts nothing expected before the start and everything from the end on', () => {
    expect(okrPace(0.2, start, end, new Date(2025, 11, 1))).toBeCloseTo(0.2, 9);
    expect(okrPace(0.7, start, end, end)).toBeCloseTo(-0.3, 9);
    expect(okrPace(0.7, start, end, new Date(2026, 5, 1))).toBeCloseTo(-0.3, 9);
  });
  it('broadcasts like the other formulas: blank rows blank, bad rows an error', () => {
    const result = okrPace(col(1, '', 'lots'), start, end, end) as unknown[][];
    expect(result[0]?.[0]).toBeCloseTo(0, 9);
    expect(result.slice(1)).toEqual(col('', 'Error: score must be a number, got "lots"'));
  });
  it('refuses a cycle end before its start, and a bad as_of, naming them', () => {
    expect(() => okrPace(0.5, end, start)).toThrow(
      'cycle_end (2026-01-01) must be after cycle_start (2026-03-31)',
    );
    expect(() => okrPace(0.5, start, end, 'someday')).toThrow('as_of must be a date');
  });
});

describe('the edges of the doubles', () => {
  const MAX = Number.MAX_VALUE;
  const any = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, Number.MIN_VALUE, -Number.MIN_VALUE, MAX, -MAX),
  );
  /** What a cell may show: a blank, an expected value, or a clear error. Never NaN or Infinity. */
  const shows = (call: () => unknown, expected: (value: unknown) => boolean) => {
    try {
      const value = call();
      return value === '' || expected(value);
    } catch (error) {
      return error instanceof Error && !/NaN|Infinity/.test(error.message);
    }
  };
  const within = (low: number, high: number) => (v: unknown) =>
    typeof v === 'number' && v >= low && v <= high;
  const oneOf =
    (...texts: string[]) =>
    (v: unknown) =>
      texts.includes(v as string);

  it('score, change and roll-up stay right where a difference or a sum would overflow', () => {
    expect(okrScore(0, 1.7e308, -1.7e308)).toBe(0.5);
    expect(kpiChange(1.7e308, -1.7e308)).toBe(2);
    expect(okrRollup(col(1, 0), col(1e308, 1e308))).toBe(0.5);
    expect(okrRollup(col(0.2, 0.8), col(MAX, MAX / 2))).toBeCloseTo(0.4, 12);
  });

  it('refuse an as_of that is no plausible date', () => {
    for (const asOf of [1e300, -1, MAX])
      expect(() => okrStatusOf(0.5, '2026-01-01', '2026-03-31', asOf)).toThrow(
        'as_of must be a date from 1900-01-01 to 9999-12-31',
      );
  });

  it('never show NaN or Infinity for any finite inputs', () => {
    fc.assert(
      fc.property(any, any, any, (a, b, c) => {
        return (
          shows(() => okrScore(a, b, c), within(0, 1)) &&
          shows(() => kpiChange(a, b), within(-MAX, MAX)) &&
          shows(() => okrRollup(col(0.5, 1), col(Math.abs(a), Math.abs(b))), within(0.5, 1)) &&
          shows(() => kpiStatusOf(a, b, c, 'higher'), oneOf('OK', 'Warning', 'Breach'))
        );
      }),
      { numRuns: 500 },
    );
  });

  it('the new formulas (uncapped and zone scores, pace, forecast) never show NaN or Infinity either', () => {
    const day = (n: number) => new Date(2026, 0, 1 + n);
    fc.assert(
      fc.property(any, any, any, any, (a, b, c, d) => {
        return (
          shows(() => okrScore(a, b, c, 'uncapped'), within(0, MAX)) &&
          shows(() => okrZoneScore(a, b, c, d), within(0, 1)) &&
          shows(() => okrZoneScore(a, b, c, d, 0), within(0, 1)) &&
          shows(() => okrPace(a, '2026-01-01', '2026-03-31', '2026-02-01'), within(-MAX, MAX)) &&
          shows(() => okrForecast(col(a, b, c), col(day(0), day(7), day(9)), day(90)), within(-MAX, MAX)) &&
          shows(() => okrForecast(col(a, b), col(day(0), day(1)), new Date(9999, 11, 31)), within(-MAX, MAX))
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('scoring conventions', () => {
  it('OKR_SCORE uncapped shows over-achievement; the roll-up and status take it', () => {
    expect(okrScore(120, 100, 0, 'uncapped')).toBeCloseTo(1.2, 12);
    expect(okrRollup(col(1.2, 0.6))).toBeCloseTo(0.9, 12);
    expect(okrStatusOf(1.2, '2026-01-01', '2026-03-31', '2026-02-01')).toBe('Done');
    expect(okrPace(1.2, '2026-01-01', '2026-03-31', '2026-03-31')).toBeCloseTo(0.2, 12);
  });
  it('OKR_ZONE_SCORE grades zones, broadcasting over ranges', () => {
    expect(okrZoneScore(col(40, 90, 115, ''), 80, 100, 130)).toEqual(
      col(expect.closeTo(0.15, 12), expect.closeTo(0.5, 12), expect.closeTo(0.85, 12), ''),
    );
    expect(okrZoneScore(450, 400, 300, 250, 500)).toBeCloseTo(0.15, 12);
  });
  it('OKR_ZONE_SCORE names values out of order and a start on the wrong side', () => {
    expect(() => okrZoneScore(90, 110, 100, 130)).toThrow(
      'start, commit, target and stretch must all increase or all decrease, got start 0, commit 110, target 100, stretch 130 (commit to target does not)',
    );
    expect(() => okrZoneScore(350, 400, 300, 250)).toThrow('start to commit does not');
    expect(() => okrZoneScore(90, '', 100, 130)).toThrow(
      'commit is blank: a zone key result needs commit, target and stretch',
    );
  });
  it('OKR_SCORE scores a zone row with its commit and stretch columns, beside other kinds', () => {
    expect(
      okrScore(col(90, 50), col(100, 100), col(0, 0), col('zone', 'linear'), col(80, ''), col(130, '')),
    ).toEqual(col(expect.closeTo(0.5, 12), 0.5));
  });
});

describe('OKR_FORECAST', () => {
  const end = new Date(2026, 11, 31);
  const days = (...d: number[]) => d.map((n) => [new Date(2026, 9, 1 + n)]);

  it('projects the least-squares line to cycle_end; exact on a perfect line', () => {
    // 100 on Oct 1, +2 a day: 91 days later, on Dec 31, 282.
    expect(okrForecast(col(100, 114, 128), days(0, 7, 14), end)).toBeCloseTo(282, 6);
  });
  it('skips blank values and is blank under two dates', () => {
    expect(okrForecast(col(100, '', 128), days(0, 7, 14), end)).toBeCloseTo(282, 6);
    expect(okrForecast(col(100, '', ''), days(0, 7, 14), end)).toBe('');
    expect(okrForecast(col(100, 120), days(3, 3), end)).toBe('');
  });
  it('names a value that is not a number, a missing date, and mismatched ranges', () => {
    expect(() => okrForecast(col(100, 'lots'), days(0, 7), end)).toThrow(
      'values #2 must be a number, got "lots"',
    );
    expect(() => okrForecast(col(100, 120), [[new Date(2026, 9, 1)], ['']], end)).toThrow(
      'dates #2 is blank but values #2 holds 120',
    );
    expect(() => okrForecast(col(1, 2, 3), days(0, 7), end)).toThrow(
      'values has 3 cells but dates has 2: give one date per value',
    );
    expect(() => okrForecast(col(1, 2), days(0, 7), '')).toThrow('cycle_end is blank');
  });
});

describe('OKR_FORECASTS', () => {
  const end = new Date(2026, 11, 31);
  const at = (n: number) => new Date(2026, 9, 1 + n);
  const log = {
    ids: col('KR ID', 'KR-a', 'KR-b', 'KR-a', 'KR-m', 'KR-m', 'KR-a', 'KR-old', 'KR-old'),
    values: col('Value', 100, 5, 114, false, true, 128, 1, 2),
    times: col(
      'Timestamp',
      at(0),
      at(0),
      at(7),
      at(0),
      at(7),
      at(14),
      new Date(2026, 5, 1),
      new Date(2026, 5, 8),
    ),
  };

  it('forecasts every key result in one call, from its own log rows', () => {
    const result = okrForecasts(
      col('KR ID', 'KR-a', 'KR-b', 'KR-m', '', 'KR-none', 'KR-old'),
      log.ids,
      log.values,
      log.times,
      end,
      new Date(2026, 9, 1),
    ) as unknown[][];
    expect(result[1]?.[0]).toBeCloseTo(282, 6);
    // One check-in, a milestone, a blank ID, no check-ins, only check-ins from an earlier cycle: blank.
    expect(result.slice(2)).toEqual(col('', '', '', '', ''));
  });
  it("writes a bad log value into its key result's row only", () => {
    const result = okrForecasts(
      col('KR-a', 'KR-b'),
      col('KR-a', 'KR-a', 'KR-b', 'KR-b'),
      col(1, 'x', 1, 3),
      col(at(0), at(1), at(0), at(1)),
      end,
    );
    expect(result).toEqual(col('Error: log_values #2 must be a number, got "x"', expect.any(Number)));
  });
});
