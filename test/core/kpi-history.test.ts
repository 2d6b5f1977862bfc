import fc from 'fast-check';
import type { CellValue } from '../../src/core/cell';
import {
  kpiKey,
  planSnapshot,
  previousValue,
  recentAverage,
  seriesOf,
  trendValues,
} from '../../src/core/kpi-history';

const day = (m: number, d: number, h = 0) => new Date(2026, m - 1, d, h);

const history: CellValue[][] = [
  ['Date', 'KPI', 'Value'], // a header row is just another unreadable row
  [day(3, 1), 'Leads', 100],
  [day(3, 1), 'Churn', 0.05],
  [day(3, 2), 'Leads', 90],
  ['', 'Leads', 80], // no date
  [day(3, 3), 'Leads', 'lots'], // unreadable value
  ['not a date', 'Churn', 0.04],
  [day(3, 3, 9), ' leads ', 95], // same KPI, other spelling, a time of day
  ['2026-03-04', 'Churn', '6%'], // ISO text and a percent
];

describe('planSnapshot', () => {
  it('updates the row of a KPI already recorded that day and appends the others', () => {
    const plan = planSnapshot(
      history,
      [
        { kpi: 'LEADS', value: 97 },
        { kpi: 'Signups', value: 12 },
      ],
      day(3, 3, 18),
    );
    expect(plan.updates).toEqual([{ index: 7, value: 97 }]);
    expect(plan.appends).toEqual([[day(3, 3), 'Signups', 12]]);
  });

  it('appends every KPI on a new day, dated at midnight', () => {
    const plan = planSnapshot(history, [{ kpi: ' Leads ', value: 99 }], day(3, 5, 7));
    expect(plan).toEqual({ updates: [], appends: [[day(3, 5), 'Leads', 99]] });
  });

  it('matches a day written as ISO text', () => {
    const plan = planSnapshot(history, [{ kpi: 'churn', value: 0.07 }], day(3, 4, 12));
    expect(plan).toEqual({ updates: [{ index: 8, value: 0.07 }], appends: [] });
  });

  it('never plans to touch a malformed row', () => {
    const plan = planSnapshot(history, [{ kpi: 'Leads', value: 1 }], day(3, 2));
    expect(plan.updates).toEqual([{ index: 3, value: 1 }]);
    expect(plan.appends).toEqual([]);
  });

  it('updates the latest of two rows for the same KPI and day', () => {
    const copied: CellValue[][] = [
      [day(3, 1), 'Leads', 1],
      [day(3, 1), 'Leads', 2],
    ];
    expect(planSnapshot(copied, [{ kpi: 'Leads', value: 3 }], day(3, 1)).updates).toEqual([
      { index: 1, value: 3 },
    ]);
  });

  it('keeps the last reading of a KPI listed twice', () => {
    const plan = planSnapshot(
      [],
      [
        { kpi: 'Leads', value: 1 },
        { kpi: 'leads', value: 2 },
      ],
      day(3, 1),
    );
    expect(plan.appends).toEqual([[day(3, 1), 'leads', 2]]);
  });

  it.each([
    [{ kpi: ' ', value: 1 }, 'KPI name is blank'],
    [{ kpi: 'Leads', value: Number.NaN }, 'value of KPI "Leads" must be a finite number, got NaN'],
  ])('refuses %p', (reading, message) => {
    expect(() => planSnapshot([], [reading], day(3, 1))).toThrow(message);
  });

  it('is idempotent: applying a plan and snapshotting again only updates', () => {
    const name = fc.constantFrom('Leads', 'Churn', 'NPS', 'leads ');
    const reading = fc.record({ kpi: name, value: fc.integer({ min: -1000, max: 1000 }) });
    fc.assert(
      fc.property(fc.array(reading), fc.array(reading, { minLength: 1 }), (earlier, now) => {
        const rows: CellValue[][] = planSnapshot([], earlier, day(3, 1)).appends;
        const first = planSnapshot(rows, now, day(3, 2));
        for (const { index, value } of first.updates) (rows[index] as CellValue[])[2] = value;
        rows.push(...first.appends);
        const second = planSnapshot(rows, now, day(3, 2));
        const perDay = new Set(rows.map((r) => `${(r[0] as Date).getDate()}|${kpiKey(String(r[1]))}`));
        return second.appends.length === 0 && perDay.size === rows.length;
      }),
    );
  });
});

describe('seriesOf', () => {
  it('reads one KPI, skips malformed rows, sorts by day and keeps the later row of a day', () => {
    const shuffled: CellValue[][] = [
      [day(3, 5), 'Leads', 70],
      ...history,
      [day(3, 3), 'Leads', 96], // a second row on 3 March: the later one wins
    ];
    expect(seriesOf(shuffled, 'leads')).toEqual([
      { day: day(3, 1), value: 100 },
      { day: day(3, 2), value: 90 },
      { day: day(3, 3), value: 96 },
      { day: day(3, 5), value: 70 },
    ]);
    expect(seriesOf(history, 'Churn').map((p) => p.value)).toEqual([0.05, 0.06]);
    expect(seriesOf(history, 'Nothing')).toEqual([]);
  });
});

describe('previousValue and recentAverage', () => {
  const series = seriesOf(
    [1, 2, 3, 4, 5].map((d) => [day(3, d), 'Leads', d * 10]),
    'Leads',
  );

  it.each([
    [day(3, 1), null],
    [day(3, 2), 10],
    [day(3, 3, 23), 20], // today's own row is the current value, not the previous
    [day(3, 9), 50],
  ])('previous before %p is %p', (asOf, expected) => {
    expect(previousValue(series, asOf)).toBe(expected);
  });

  it.each([
    [day(3, 6), 4, (20 + 30 + 40 + 50) / 4],
    [day(3, 5), 4, (10 + 20 + 30 + 40) / 4],
    [day(3, 5), 1, 40],
    [day(3, 4), 4, null], // only three values before: no average of four
    [day(3, 1), 1, null],
  ])('average before %p of %p values is %p', (asOf, n, expected) => {
    expect(recentAverage(series, asOf, n)).toBe(expected);
  });

  it('refuses a window that is not a whole number of 1 or more', () => {
    expect(() => recentAverage(series, day(3, 6), 0)).toThrow(
      'number of values to average must be a whole number of 1 or more, got 0',
    );
  });
});

describe('trendValues', () => {
  const series = seriesOf(
    [1, 2, 3, 4, 5].map((d) => [day(3, d), 'Leads', d]),
    'Leads',
  );
  it.each([
    [3, [3, 4, 5]],
    [5, [1, 2, 3, 4, 5]],
    [10, [1, 2, 3, 4, 5]],
  ])('the last %p values, oldest first', (n, expected) => {
    expect(trendValues(series, n)).toEqual(expected);
  });
  it('refuses 0 points', () => {
    expect(() => trendValues(series, 0)).toThrow('number of trend points');
  });
});
