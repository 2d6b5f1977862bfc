import fc from 'fast-check';
import type { CellValue } from '../../src/core/cell';
import {
  alreadyArchived,
  archiveRows,
  archiveSheetName,
  type CarryChoice,
  type ClosingKeyResult,
  carryOver,
  isFinished,
  nextCycle,
} from '../../src/core/cycle-close';
import type { NamedCycle } from '../../src/core/cycle-dates';

const date = (y: number, m: number, d: number) => new Date(y, m - 1, d);
const q4: NamedCycle = { name: '2026 Q4', start: date(2026, 10, 1), end: date(2026, 12, 31) };

const kr = (id: string, over: Partial<ClosingKeyResult> = {}): ClosingKeyResult => ({
  id,
  objective: 'Grow the funnel',
  keyResult: `KR ${id}`,
  owner: 'ana@example.com',
  kind: 'Increase to',
  start: 100,
  target: 200,
  current: 150,
  weight: 2,
  linkedKpi: 'Leads',
  score: 0.5,
  status: 'At risk',
  lastConfidence: 0.6,
  lastComment: 'Campaign slipped',
  ...over,
});

describe('archiveRows', () => {
  it('writes final score, grade band and last words per key result', () => {
    const rows = archiveRows(
      [
        kr('kr-1'),
        kr('kr-2', { score: 0.7, status: 'On track', lastComment: null }),
        kr('kr-3', { score: 0.2, status: 'Off track' }),
        kr('kr-4', { score: null, current: '', status: '', lastConfidence: undefined }),
      ],
      q4,
    );
    expect(rows).toEqual([
      [
        'Grow the funnel',
        'KR kr-1',
        'ana@example.com',
        0.5,
        'yellow',
        'At risk',
        0.6,
        'Campaign slipped',
        'kr-1',
        '2026 Q4',
      ],
      ['Grow the funnel', 'KR kr-2', 'ana@example.com', 0.7, 'green', 'On track', 0.6, '', 'kr-2', '2026 Q4'],
      [
        'Grow the funnel',
        'KR kr-3',
        'ana@example.com',
        0.2,
        'red',
        'Off track',
        0.6,
        'Campaign slipped',
        'kr-3',
        '2026 Q4',
      ],
      [
        'Grow the funnel',
        'KR kr-4',
        'ana@example.com',
        '',
        'not scored',
        '',
        '',
        'Campaign slipped',
        'kr-4',
        '2026 Q4',
      ],
    ]);
  });

  it.each([-0.1, Number.NaN])('refuses a score of %p, naming the key result', (score) => {
    expect(() => archiveRows([kr('kr-9', { score })], q4)).toThrow(
      'score of key result kr-9 must be a number of 0 or more',
    );
  });

  it("archives an uncapped key result's over-achievement as scored", () => {
    expect(archiveRows([kr('kr-9', { score: 1.5 })], q4)[0]?.[3]).toBe(1.5);
  });
});

describe('archive sheet', () => {
  it('is named after the cycle and found whatever its case', () => {
    expect(archiveSheetName(q4)).toBe('Archive 2026 Q4');
    expect(alreadyArchived(['OKRs', 'Archive 2026 Q3'], q4)).toBe(false);
    expect(alreadyArchived(['OKRs', ' archive 2026 q4 '], q4)).toBe(true);
  });
  it('needs a cycle name', () => {
    expect(() => archiveSheetName({ ...q4, name: ' ' })).toThrow('cycle name is blank');
  });
});

describe('nextCycle', () => {
  it.each([
    // [name, start, end, next name, next start, next end]
    ['2026 Q4', date(2026, 10, 1), date(2026, 12, 31), '2027 Q1', date(2027, 1, 1), date(2027, 3, 31)],
    ['Q1', date(2026, 1, 1), date(2026, 3, 31), '2026 Q2', date(2026, 4, 1), date(2026, 6, 30)],
    ['H1', date(2026, 1, 1), date(2026, 6, 30), 'H1 (next)', date(2026, 7, 1), date(2026, 12, 31)],
    ['Feb', date(2026, 2, 1), date(2026, 2, 28), 'Feb (next)', date(2026, 3, 1), date(2026, 3, 31)],
    // a quarter offset by a month is whole months, not a calendar quarter
    ['FY Q1', date(2026, 2, 1), date(2026, 4, 30), 'FY Q1 (next)', date(2026, 5, 1), date(2026, 7, 31)],
    // any other span: as many days, from the day after (crosses the March DST change in many zones)
    ['Sprint', date(2026, 3, 2), date(2026, 3, 15), 'Sprint (next)', date(2026, 3, 16), date(2026, 3, 29)],
    ['T', date(2026, 1, 15), date(2026, 4, 14), 'T (next)', date(2026, 4, 15), date(2026, 7, 13)],
  ])('%p %p..%p -> %p', (name, start, end, nextName, nextStart, nextEnd) => {
    expect(nextCycle({ name, start, end })).toEqual({ name: nextName, start: nextStart, end: nextEnd });
  });

  it('accepts an end with a time of day', () => {
    expect(nextCycle({ ...q4, end: new Date(2026, 11, 31, 23, 59) }).name).toBe('2027 Q1');
  });

  it('refuses an end before the start', () => {
    expect(() => nextCycle({ ...q4, end: date(2026, 9, 1) })).toThrow('must be after cycle_start');
  });

  it('starts the day after the end and never overlaps', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => date(2024, 1, 1 + n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 400 }), (start, length) => {
        const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + length);
        const next = nextCycle({ name: 'C', start, end });
        const dayAfter = new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1);
        return next.start.getTime() === dayAfter.getTime() && next.end.getTime() > next.start.getTime();
      }),
    );
  });
});

describe('carryOver', () => {
  const krs = [
    kr('kr-1'),
    kr('kr-2', { score: 1, current: 200, status: 'Done' }),
    kr('kr-3', { kind: 'milestone', start: '', target: '', current: true, score: 1 }),
    kr('kr-4', { kind: 'Milestone', start: '', target: '', current: false, score: 0 }),
    kr('kr-5', { current: '', score: null }),
  ];

  it.each([
    ['all', ['kr-1', 'kr-2', 'kr-3', 'kr-4', 'kr-5']],
    ['unfinished', ['kr-1', 'kr-4', 'kr-5']],
    ['none', []],
  ] as [CarryChoice, string[]][])('%p carries %j', (choice, ids) => {
    expect(carryOver(krs, choice).map((c) => c.id)).toEqual(ids);
  });

  it('keeps the ID and plan, starts from the current value, and clears current and confidence', () => {
    const [linear, , milestone, , unmeasured] = carryOver(krs, 'all');
    expect(linear).toEqual({
      id: 'kr-1',
      objective: 'Grow the funnel',
      keyResult: 'KR kr-1',
      owner: 'ana@example.com',
      kind: 'Increase to',
      start: 150,
      target: 200,
      current: '',
      weight: 2,
      confidence: '',
      linkedKpi: 'Leads',
    });
    expect(milestone).toMatchObject({ id: 'kr-3', kind: 'milestone', start: '', current: '' });
    expect(unmeasured).toMatchObject({ id: 'kr-5', start: 100, current: '' }); // never measured: old start
  });

  it('leaves an unreadable kind as typed and carries it like a number', () => {
    expect(carryOver([kr('kr-6', { kind: 'sideways', score: null })], 'all')[0]).toMatchObject({
      kind: 'sideways',
      start: 150,
    });
  });

  it('finished means a score of 1', () => {
    const cases: [number | null, boolean][] = [
      [1, true],
      [0.99, false],
      [null, false],
    ];
    for (const [score, finished] of cases) expect(isFinished(kr('k', { score }))).toBe(finished);
  });

  it('carries a subset of the key results, in order, each once', () => {
    const score = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(
        fc.array(score),
        fc.constantFrom<CarryChoice>('all', 'unfinished', 'none'),
        (scores, choice) => {
          const all = scores.map((s, i) => kr(`kr-${i}`, { score: s }));
          const ids = carryOver(all, choice).map((c) => c.id);
          const expected = all
            .filter(() => choice !== 'none')
            .filter((k) => choice === 'all' || !(k.score !== null && k.score >= 1))
            .map((k) => k.id);
          return JSON.stringify(ids) === JSON.stringify(expected);
        },
      ),
    );
  });

  it('writes no cell as undefined or null', () => {
    const row = carryOver([kr('kr-7', { weight: undefined, linkedKpi: null, owner: null })], 'all')[0];
    expect(Object.values(row as object).every((v: CellValue) => v !== undefined && v !== null)).toBe(true);
  });
});
