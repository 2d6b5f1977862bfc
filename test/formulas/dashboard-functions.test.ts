import fc from 'fast-check';
import { kpiCards, okrConfidence, okrProgressByWeek } from '../../src/formulas/dashboard-functions';

const col = (...values: unknown[]) => values.map((v) => [v]);
const at = (d: number, h = 12) => new Date(2026, 2, d, h);

describe('OKR_CONFIDENCE', () => {
  const ids = col('KR-a', 'KR-b', 'KR-a', 'KR-old', '');
  const confidences = col(8, 'at risk', 6, 1, '');
  const times = col(at(2), at(3), at(16), at(4), '');

  it('averages the latest confidences on as_of, and on as_of - 14 as the dashboard asks', () => {
    expect(okrConfidence(ids, confidences, times, new Date(2026, 2, 16))).toBe((6 + 5 + 1) / 3);
    // AsOfDate - 14 is a serial number in Sheets (46097 is 2026-03-16), read as that day.
    expect(okrConfidence(ids, confidences, times, 46097)).toBe((6 + 5 + 1) / 3);
    expect(okrConfidence(ids, confidences, times, 46097 - 14)).toBe(8);
    expect(okrConfidence(ids, confidences, times, 46097 - 13)).toBe((8 + 5) / 2);
  });

  it('counts only the key results of the table when kr_ids is given', () => {
    expect(okrConfidence(ids, confidences, times, at(20), col('KR-a', 'KR-b', ''))).toBe((6 + 5) / 2);
  });

  it('is blank when no key result has a confidence by then, or none is listed', () => {
    expect(okrConfidence(ids, confidences, times, at(1))).toBe('');
    expect(okrConfidence(ids, confidences, times, at(20), col('', ''))).toBe('');
  });

  it('reads today when as_of is blank', () => {
    expect(okrConfidence(col('KR-a'), col(7), col(new Date(Date.now() - 3_600_000)))).toBe(7);
    expect(okrConfidence(col('KR-a'), col(7), col(new Date(Date.now() + 3 * 86_400_000)))).toBe('');
  });

  it('throws a plain Error naming the argument and the value', () => {
    const call = (f: () => unknown) => expect(f).toThrow(Error);
    call(() => okrConfidence(ids, confidences, times, 'soon'));
    expect(() => okrConfidence(ids, confidences, times, 'soon')).toThrow('as_of must be a date');
    expect(() => okrConfidence(col('KR-a'), col('sure'), col(at(2)), at(3))).toThrow(
      'log_confidences #1 must be a confidence from 0 to 10 (or on track, at risk, off track), got "sure"',
    );
    expect(() => okrConfidence(col('KR-a', 'KR-b'), col(1), col(at(2), at(3)))).toThrow(
      'log_kr_ids, log_confidences and log_times must be the same height, got 2, 1 and 2',
    );
  });
});

describe('KPI_CARDS', () => {
  const history = {
    days: col(at(1, 0), at(1, 0), at(2, 0), at(2, 0), at(3, 0), 'not a date'),
    names: col('Leads', 'Churn rate', 'Leads', ' churn RATE ', 'Leads', 'Leads'),
    values: col(100, 0.05, 120, 0.04, 120, 5),
  };
  const cards = (
    names: unknown,
    values: unknown,
    targets: unknown,
    directions: unknown,
    h: { days: unknown; names: unknown; values: unknown } = history,
  ) => kpiCards(names, values, targets, directions, h.days, h.names, h.values);

  it('gives each named KPI its latest value and day, target, met, change and its verdict', () => {
    const result = cards(
      col('Leads', '', 'Churn rate ', 'NPS'),
      col(120, '', '', 40),
      col(150, '', 0.03, ''),
      col('', '', '', 'higher'),
    );
    expect(result).toEqual([
      ['Leads', 120, at(3, 0), 150, 'not met', 0.2, 'good'],
      // The name kept exactly as typed; the value from the history; lower is better from its words.
      ['Churn rate ', 0.04, at(2, 0), 0.03, 'not met', expect.closeTo(-0.2, 12), 'good'],
      ['NPS', 40, '', '', '', '', ''],
    ]);
  });

  it('judges met with the direction: lower is better meets at or under the target', () => {
    const result = cards(
      col('Churn rate', 'Leads', 'Leads'),
      col(0.03, 150, 149),
      col(0.03, 150, 150),
      col('lower', '', ''),
    );
    expect(result.map((row) => row[4])).toEqual(['met', 'met', 'not met']);
    expect(result[0]?.[6]).toBe('good'); // 0.03 after 0.04: a fall, good for churn
  });

  it('falls back on higher when neither the direction nor the name says', () => {
    const result = cards(col('Headcount'), col(90), col(100), col(''), {
      days: col(at(1)),
      names: col('Headcount'),
      values: col(80),
    });
    expect(result).toEqual([['Headcount', 90, at(1, 0), 100, 'not met', 0.125, 'good']]);
  });

  it('shows a bad cell’s error in its own column and leaves what it feeds blank', () => {
    const result = cards(
      col('Leads', 'Churn rate', 'Signups'),
      col('n/a', 0.04, 10),
      col(150, 'soon', 12),
      col('', 'sideways', 'higher'),
    );
    expect(result).toEqual([
      ['Leads', 'Error: value must be a number, got "n/a"', '', 150, '', '', ''],
      [
        'Churn rate',
        0.04,
        at(2, 0),
        'Error: target must be a number, got "soon"',
        '',
        expect.closeTo(-0.2, 12),
        'Error: direction must be "higher" or "lower" (which way is better), got "sideways"',
      ],
      ['Signups', 10, '', 12, 'not met', '', ''],
    ]);
  });

  it('names a change from zero as KPI_CHANGE does', () => {
    const result = cards('Bugs', 3, '', 'lower', { days: col(at(1)), names: col('Bugs'), values: col(0) });
    expect(result).toEqual([
      ['Bugs', 3, at(1, 0), '', '', 'Error: previous is 0: a relative change from zero is undefined', ''],
    ]);
  });

  it('is one blank row when no KPI is named, and refuses ranges of different heights', () => {
    expect(cards(col('', ''), col('', ''), col('', ''), col('', ''))).toEqual([['', '', '', '', '', '', '']]);
    expect(() => cards(col('A', 'B'), col(1, 2, 3), '', '')).toThrow(
      'values has 3 rows but names has 2: ranges must be the same height',
    );
    expect(() =>
      cards(col('A'), col(1), '', '', { days: col(at(1)), names: col('A', 'B'), values: col(1) }),
    ).toThrow('history_days, history_names and history_values must be the same height, got 1, 2 and 1');
  });
});

describe('KPI_CARDS over any cells', () => {
  it('gives each KPI the card its row alone gives, never NaN or Infinity', () => {
    const cell = fc.oneof(
      fc.double({ noNaN: false }),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom('', 'x', '5%', 'higher', 'lower', 'Churn', 'Leads', '#N/A', true),
    );
    const name = fc.constantFrom('', 'Leads', 'Churn', ' leads', 'NPS');
    const historyRow = fc.tuple(
      fc.integer({ min: 1, max: 5 }).map((d) => at(d, 0)),
      name,
      cell,
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, cell, cell, cell), { minLength: 1, maxLength: 6 }),
        fc.array(historyRow, { maxLength: 8 }),
        (rows, historyRows) => {
          const h = {
            days: col(...historyRows.map((r) => r[0])),
            names: col(...historyRows.map((r) => r[1])),
            values: col(...historyRows.map((r) => r[2])),
          };
          const column = (k: number) => col(...rows.map((r) => r[k]));
          const all = kpiCards(column(0), column(1), column(2), column(3), h.days, h.names, h.values);
          const alone = rows
            .filter((r) => r[0] !== '')
            .map((r) => kpiCards(r[0], r[1], r[2], r[3], h.days, h.names, h.values)[0]);
          expect(all).toEqual(alone.length > 0 ? alone : [['', '', '', '', '', '', '']]);
          for (const card of all)
            for (const value of card)
              if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
        },
      ),
    );
  });
});

describe('OKR_PROGRESS_BY_WEEK', () => {
  const start = new Date(2026, 0, 1);
  const end = new Date(2026, 2, 31);
  const jan = (d: number, h = 0) => new Date(2026, 0, d, h);
  const table = {
    ids: col('KR-a', 'KR-m', 'KR-z', ''),
    starts: col(0, '', 0, ''),
    targets: col(100, '', 100, ''),
    kinds: col('', 'milestone', 'zone', ''),
    commits: col('', '', 80, ''),
    stretches: col('', '', 130, ''),
  };
  const log = {
    ids: col('KR-a', 'KR-m', 'KR-z', 'KR-a', ''),
    values: col(20, true, 90, 60, ''),
    times: col(jan(8, 18), jan(9), jan(14), jan(20, 8), ''),
  };
  const chart = (asOf: unknown, t = table, l = log) =>
    okrProgressByWeek(
      t.ids,
      t.starts,
      t.targets,
      t.kinds,
      t.commits,
      t.stretches,
      l.ids,
      l.values,
      l.times,
      start,
      end,
      asOf,
    );

  it('gives one row per week: the day, the average score and the expected progress', () => {
    const expected = (d: number) => (d - 1) / 89;
    expect(chart(jan(20))).toEqual([
      [jan(1), 0, 0],
      [jan(8), expect.closeTo(0.2 / 3, 12), expect.closeTo(expected(8), 12)],
      [jan(15), expect.closeTo(1.7 / 3, 12), expect.closeTo(expected(15), 12)],
      [jan(20), expect.closeTo(2.1 / 3, 12), expect.closeTo(expected(20), 12)],
    ]);
  });

  it("stops at the cycle's end, and takes a serial number for as_of", () => {
    const rows = chart(46200); // 2026-06-26
    expect(rows).toHaveLength(14);
    expect(rows.at(-1)).toEqual([end, expect.closeTo(2.1 / 3, 12), 1]);
  });

  it('leaves out a row that cannot be scored, such as a header passed with the ranges', () => {
    const withHeader = {
      ids: col('KR ID', 'KR-a'),
      starts: col('Start', 0),
      targets: col('Target', 100),
      kinds: col('Kind', ''),
      commits: col('Commit', ''),
      stretches: col('Stretch', ''),
    };
    const rows = chart(jan(8), withHeader, { ids: col('KR-a'), values: col(20), times: col(jan(2)) });
    expect(rows).toEqual([
      [jan(1), 0, 0],
      [jan(8), 0.2, expect.closeTo(7 / 89, 12)],
    ]);
  });

  it('is blank where no key result is listed', () => {
    expect(chart(jan(8), { ...table, ids: col('', '', '', '') })).toEqual([
      [jan(1), '', 0],
      [jan(8), '', expect.closeTo(7 / 89, 12)],
    ]);
  });

  it('throws a plain Error naming the argument and the value', () => {
    expect(() => chart('soon')).toThrow(Error);
    expect(() => chart('soon')).toThrow('as_of must be a date');
    expect(() => chart(new Date(2025, 11, 1))).toThrow(
      'as_of (2025-12-01) is before cycle_start (2026-01-01)',
    );
    expect(() =>
      chart(jan(8), { ...table, ids: col('KR-a', '', 'KR-z', ''), targets: col('', '', '', '') }),
    ).toThrow('key result "KR-a": target is blank');
    expect(() => chart(jan(8), { ...table, kinds: col('', '') })).toThrow(
      'kinds has 2 rows but kr_ids has 4: ranges must be the same height',
    );
    expect(() =>
      okrProgressByWeek('KR-a', 0, 100, '', '', '', col('KR-a'), col(1), col(jan(2)), end, start, jan(8)),
    ).toThrow('cycle_end (2026-01-01) must be after cycle_start (2026-03-31)');
  });
});
