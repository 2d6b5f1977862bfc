import fc from 'fast-check';
import {
  type CellValue,
  expectedProgress,
  type KeyResultRow,
  progressByWeek,
  type ValueLog,
  weekDays,
} from '../../src/core';

const day = (m: number, d: number, h = 0, min = 0) => new Date(2026, m - 1, d, h, min);
const cycle = { start: day(1, 1), end: day(3, 31) };

const kr = (id: CellValue, more: Partial<KeyResultRow> = {}): KeyResultRow => ({
  id,
  kind: '',
  start: 0,
  target: 100,
  commit: '',
  stretch: '',
  ...more,
});
const logOf = (rows: readonly (readonly CellValue[])[]): ValueLog => ({
  ids: rows.map((row) => row[0]),
  values: rows.map((row) => row[1]),
  times: rows.map((row) => row[2]),
});

describe('weekDays', () => {
  it('charts the first day, every seventh day after it, and the as-of day last', () => {
    expect(weekDays(cycle, day(1, 20, 15))).toEqual([day(1, 1), day(1, 8), day(1, 15), day(1, 20)]);
    expect(weekDays(cycle, day(1, 15))).toEqual([day(1, 1), day(1, 8), day(1, 15)]);
    expect(weekDays(cycle, day(1, 1, 9))).toEqual([day(1, 1)]);
  });
  it("stops at the cycle's end once past it", () => {
    const days = weekDays(cycle, day(6, 1));
    expect(days.slice(-2)).toEqual([day(3, 26), day(3, 31)]);
    expect(days).toHaveLength(14);
  });
  it('refuses an as-of day before the cycle starts', () => {
    expect(() => weekDays(cycle, day(12, 31) as Date)).not.toThrow(); // 2026-12-31 is past the end
    expect(() => weekDays(cycle, new Date(2025, 11, 31))).toThrow(
      'as_of (2025-12-31) is before cycle_start (2026-01-01): the cycle has no progress to show yet',
    );
  });
  it('keeps every week at midnight across a change of daylight-saving time', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      const spring = { start: new Date(2026, 2, 1), end: new Date(2026, 4, 31) };
      const days = weekDays(spring, new Date(2026, 3, 30));
      expect(days.every((d) => d.getHours() === 0 && d.getMinutes() === 0)).toBe(true);
      expect(days.map((d) => d.getDate())).toEqual([1, 8, 15, 22, 29, 5, 12, 19, 26, 30]);
    } finally {
      process.env.TZ = zone;
    }
  });
});

describe('progressByWeek', () => {
  const rows = [
    kr('KR-a'),
    kr('KR-m', { kind: 'milestone', target: '' }),
    kr('KR-z', { kind: 'zone', commit: 80, target: 100, stretch: 130 }),
    kr(''), // no key result
  ];
  const log = logOf([
    ['KR-a', 50, new Date(2025, 11, 20)], // an earlier cycle's check-in
    ['KR-a', 20, day(1, 8, 23, 59)], // the last minute of a charted day counts on it
    ['KR-m', true, day(1, 9)],
    ['KR-z', 90, day(1, 14)],
    ['KR-a', '', day(1, 14)], // a check-in without a value
    ['KR-a', 60, day(1, 20, 8)],
    ['KR-other', 5, day(1, 3)],
  ]);

  it("averages each key result's latest score by each day's end against the expected progress", () => {
    const weeks = progressByWeek(rows, log, cycle, day(1, 20));
    expect(weeks.map((w) => w.day)).toEqual([day(1, 1), day(1, 8), day(1, 15), day(1, 20)]);
    expect(weeks.map((w) => w.score)).toEqual([
      0,
      0.2 / 3,
      expect.closeTo((0.2 + 1 + 0.5) / 3, 12),
      expect.closeTo((0.6 + 1 + 0.5) / 3, 12),
    ]);
    expect(weeks.map((w) => w.expected)).toEqual(weeks.map((w) => expectedProgress(cycle, w.day)));
  });

  it('ends on the current values where the rows hold them, checked in or typed', () => {
    // KR-a was typed to 75 since its last check-in; KR-m holds no current value; KR-z never checked in
    // to 110 but holds it now.
    const now = [
      kr('KR-a', { current: 75 }),
      rows[1] as KeyResultRow,
      { ...(rows[2] as KeyResultRow), current: 110 },
    ];
    const weeks = progressByWeek(now, log, cycle, day(1, 20));
    const replayed = progressByWeek(rows, log, cycle, day(1, 20));
    expect(weeks.slice(0, -1)).toEqual(replayed.slice(0, -1));
    // zone: 100 to 130 scores 0.7 to 1.0, so 110 is 0.8.
    expect(weeks.at(-1)?.score).toBeCloseTo((0.75 + 1 + 0.8) / 3, 12);
  });

  it('leaves out a key result whose current value cannot be scored, naming it when it is the only one', () => {
    const weeks = progressByWeek(
      [kr('KR-a', { current: 'lots' }), kr('KR-b', { current: 40 })],
      logOf([]),
      cycle,
      day(1, 20),
    );
    expect(weeks.at(-1)?.score).toBe(0.4);
    expect(() => progressByWeek([kr('KR-a', { current: 'lots' })], logOf([]), cycle, day(1, 1))).toThrow(
      'key result "KR-a": current of KR-a must be a number, got "lots"',
    );
  });

  it('leaves a key result that cannot be scored out of the days it affects', () => {
    const weeks = progressByWeek(
      [kr('KR-a'), kr('KR-bad', { target: '' }), kr('KR-b')],
      logOf([
        ['KR-a', 40, day(1, 2)],
        ['KR-bad', 10, day(1, 2)],
        ['KR-b', 'lots', day(1, 3)],
        ['KR-b', 80, day(1, 10)],
      ]),
      cycle,
      day(1, 15),
    );
    // Day 8: KR-b's latest value is unreadable, so KR-a alone; day 15: both. KR-bad never counts.
    expect(weeks.map((w) => w.score)).toEqual([0, 0.4, expect.closeTo(0.6, 12)]);
  });

  it('leaves out a key result with a check-in it cannot place in time', () => {
    const weeks = progressByWeek(
      [kr('KR-a'), kr('KR-b')],
      logOf([
        ['KR-a', 40, day(1, 2)],
        ['KR-b', 90, ''],
      ]),
      cycle,
      day(1, 8),
    );
    expect(weeks.map((w) => w.score)).toEqual([0, 0.4]);
  });

  it('throws the first problem, naming the key result, when none can be scored on any day', () => {
    expect(() =>
      progressByWeek([kr('KR-x', { target: '' }), kr('KR-y', { kind: 'fast' })], logOf([]), cycle, day(1, 8)),
    ).toThrow('key result "KR-x": target is blank');
    expect(() =>
      progressByWeek([kr('KR-a')], logOf([['KR-a', 'lots', day(1, 1)]]), cycle, day(1, 1)),
    ).toThrow('key result "KR-a": log_values #1 must be a number, got "lots"');
  });

  it('has no score without key results, and scores each row holding an ID', () => {
    expect(progressByWeek([], logOf([]), cycle, day(1, 8)).map((w) => w.score)).toEqual([null, null]);
    const twice = progressByWeek(
      [kr('KR-a'), kr('KR-a', { target: 50 })],
      logOf([['KR-a', 25, day(1, 1)]]),
      cycle,
      day(1, 1),
    );
    expect(twice[0]?.score).toBeCloseTo((0.25 + 0.5) / 2, 12);
  });

  it('averages uncapped scores near the largest double without overflowing', () => {
    const weeks = progressByWeek(
      [kr('KR-a', { kind: 'uncapped', target: 1 }), kr('KR-b', { kind: 'uncapped', target: 1 })],
      logOf([
        ['KR-a', 1.5e308, day(1, 1)],
        ['KR-b', 1.7e308, day(1, 1)],
      ]),
      cycle,
      day(1, 1),
    );
    expect(weeks[0]?.score).toBeCloseTo(1.6e308, -300);
  });

  it('equals the score of each key result read on its own from the log, whatever its order', () => {
    const checkIn = fc.record({
      kr: fc.integer({ min: 0, max: 3 }),
      value: fc.oneof(fc.integer({ min: -20, max: 120 }), fc.constant('x')),
      minute: fc.integer({ min: -3 * 1440, max: 40 * 1440 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(checkIn, { selector: (c) => c.minute }),
        fc.integer({ min: 0, max: 40 }),
        fc.boolean(),
        (checkIns, asOfDay, reversed) => {
          const ids = ['KR-0', 'KR-1', 'KR-2', 'KR-3'];
          const ordered = reversed ? [...checkIns].reverse() : checkIns;
          const log = logOf(ordered.map((c) => [ids[c.kr], c.value, day(1, 1, 0, c.minute)]));
          let weeks: ReturnType<typeof progressByWeek>;
          try {
            weeks = progressByWeek(
              ids.map((id) => kr(id)),
              log,
              cycle,
              day(1, 1 + asOfDay),
            );
          } catch {
            // Only when no key result could be scored on any day: every one had a bad value from the start.
            return checkIns.some((c) => c.value === 'x');
          }
          return weeks.every((week) => {
            const end = day(week.day.getMonth() + 1, week.day.getDate() + 1).getTime();
            const scores = ids.flatMap((_, k) => {
              const mine = checkIns
                .filter((c) => c.kr === k && c.minute >= 0 && day(1, 1, 0, c.minute).getTime() < end)
                .sort((a, b) => a.minute - b.minute);
              const latest = mine[mine.length - 1];
              if (latest === undefined) return [0];
              if (latest.value === 'x') return [];
              return [Math.min(Math.max((latest.value as number) / 100, 0), 1)];
            });
            const mean = scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
            return mean === null ? week.score === null : Math.abs((week.score as number) - mean) < 1e-12;
          });
        },
      ),
    );
  });

  it('charts 2,000 key results from a 20,000-row log in one sort and one sweep', () => {
    // Key result k checks in 10(j+1) on day 7j+2 of the cycle: by week w it has reached 10w, score 0.1w.
    const rows = Array.from({ length: 2000 }, (_, k) => kr(`KR-${k}`));
    const entries: CellValue[][] = [];
    for (let j = 0; j < 10; j++)
      for (let k = 0; k < 2000; k++) entries.push([`KR-${k}`, 10 * (j + 1), day(1, 2 + 7 * j, k % 24)]);
    // A fixed shuffle, so the sort does the ordering.
    for (let i = entries.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [entries[i], entries[j]] = [entries[j] as CellValue[], entries[i] as CellValue[]];
    }
    const weeks = progressByWeek(rows, logOf(entries), cycle, day(3, 31));
    expect(weeks).toHaveLength(14);
    expect(weeks.map((week) => week.score)).toEqual(
      weeks.map((_, w) => expect.closeTo(Math.min(w, 10) / 10, 12)),
    );
  });
});
