import fc from 'fast-check';
import type { CellValue } from '../../src/core/cell';
import {
  type CellBlock,
  carriedCount,
  decodeClosePlan,
  encodeClosePlan,
  missingArchiveRows,
  planClose,
  type RowReset,
  resetWrites,
  sameCycle,
} from '../../src/core/close-plan';
import type { ClosingKeyResult } from '../../src/core/cycle-close';
import type { NamedCycle } from '../../src/core/cycle-dates';
import type { ColumnMap } from '../../src/core/tables';

const q4: NamedCycle = { name: '2026 Q4', start: new Date(2026, 9, 1), end: new Date(2026, 11, 31) };
const today = new Date(2026, 10, 25);

const kr = (id: string, score: number | null, over: Partial<ClosingKeyResult> = {}): ClosingKeyResult => ({
  id,
  objective: 'Grow',
  keyResult: `KR ${id}`,
  owner: 'ana@example.com',
  kind: '',
  start: 0,
  target: 10,
  current: score === null ? '' : score * 10,
  score,
  status: '',
  lastConfidence: 7,
  lastComment: '',
  ...over,
});

describe('planClose', () => {
  it('archives every key result, carries the unfinished ones on their rows and clears the others', () => {
    const plan = planClose([kr('a', 0.5), kr('b', 1), kr('c', null)], q4, 'unfinished', today);
    expect(plan.next.name).toBe('2027 Q1');
    expect(plan.archive.sheet).toBe('Archive 2026 Q4');
    expect(plan.archive.rows.map((r) => r[8])).toEqual(['a', 'b', 'c']);
    expect(plan.resets).toEqual([
      { kind: 'carry', id: 'a', cells: { start: 5, current: '', confidence: '', lastCheckIn: '' } },
      { kind: 'clear', id: 'b' },
      { kind: 'carry', id: 'c', cells: { start: 0, current: '', confidence: '', lastCheckIn: '' } },
    ]);
    expect(carriedCount(plan)).toBe(2);
  });

  it('writes the objective on a carried key result whose objective was written on an emptied row', () => {
    const krs = [
      kr('a', 1, { objective: 'Grow' }),
      kr('b', 0.5, { objective: 'Grow', inheritsObjectiveFrom: 'a' }),
      kr('c', 0.5, { objective: 'Grow', inheritsObjectiveFrom: 'a' }),
      kr('d', 0.5, { objective: 'Keep' }),
      kr('e', 0.5, { objective: 'Keep', inheritsObjectiveFrom: 'd' }),
    ];
    const cells = planClose(krs, q4, 'unfinished', today).resets.map((r) =>
      r.kind === 'carry' ? r.cells.objective : 'cleared',
    );
    expect(cells).toEqual(['cleared', 'Grow', 'Grow', undefined, undefined]);
  });
});

// Columns: 1 objective, 2 key result, 3 start, 4 target, 5 current, 6 confidence, 7 score (computed),
// 8 last check-in, 9 KR ID; 10 a team's own notes.
const map: ColumnMap = {
  objective: 1,
  keyResult: 2,
  start: 3,
  target: 4,
  current: 5,
  confidence: 6,
  score: 7,
  lastCheckIn: 8,
  id: 9,
};
const row = (id: string, name = `KR ${id}`): CellValue[] => [
  'Grow',
  name,
  0,
  10,
  4,
  7,
  0.4,
  'last week',
  id,
  `notes of ${id}`,
];

function apply(rows: CellValue[][], firstRow: number, blocks: readonly CellBlock[]): CellValue[][] {
  const out = rows.map((r) => [...r]);
  for (const b of blocks)
    b.values.forEach((values, i) => {
      values.forEach((v, j) => {
        (out[b.row - firstRow + i] as CellValue[])[b.column - 1 + j] = v;
      });
    });
  return out;
}

describe('resetWrites', () => {
  const carry = (id: string, start: CellValue): RowReset => ({
    kind: 'carry',
    id,
    cells: { start, current: '', confidence: '', lastCheckIn: '' },
  });
  const resets: RowReset[] = [carry('a', 4), { kind: 'clear', id: 'b' }, carry('c', 4), carry('d', 4)];
  const rows = [
    row('a'),
    row('b'),
    row('c'),
    row('d'),
    ['', 'a note of the team', '', '', '', '', '', '', ''],
  ];

  it('finds rows by ID, keeps IDs and the team cells, and batches adjacent rows and columns', () => {
    const blocks = resetWrites(rows, 2, map, resets);
    const after = apply(rows, 2, blocks);
    expect(after.map((r) => r[8])).toEqual(['a', '', 'c', 'd', '']);
    expect(after[0]).toEqual(['Grow', 'KR a', 4, 10, '', '', 0.4, '', 'a', 'notes of a']);
    expect(after[1]).toEqual(['', '', '', '', '', '', 0.4, '', '', 'notes of b']);
    expect(after[4]).toEqual(rows[4]);
    // a; c and d together: start, then current+confidence, then last check-in. b: inputs, then check-in+ID.
    expect(blocks.map((b) => [b.row, b.column, b.values.length, b.values[0]?.length])).toEqual([
      [2, 3, 1, 1],
      [2, 5, 1, 2],
      [2, 8, 1, 1],
      [3, 1, 1, 6],
      [4, 3, 2, 1],
      [4, 5, 2, 2],
      [4, 8, 2, 1],
      [3, 8, 1, 2],
    ]);
  });

  it('clears an ID only after the key result it names, so a stop between writes can be finished', () => {
    const blocks = resetWrites(rows, 2, map, resets);
    const idBlock = blocks.findIndex((b) => b.column <= 9 && b.column + (b.values[0]?.length ?? 0) > 9);
    expect(idBlock).toBe(blocks.length - 1);
  });

  it('applied after any prefix of its own writes, gives the same rows (idempotent)', () => {
    const blocks = resetWrites(rows, 2, map, resets);
    const once = apply(rows, 2, blocks);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: blocks.length }), (done) => {
        const partial = apply(rows, 2, blocks.slice(0, done));
        const again = apply(partial, 2, resetWrites(partial, 2, map, resets));
        return JSON.stringify(again) === JSON.stringify(once);
      }),
    );
  });

  it('writes nothing for a table without the planned IDs', () => {
    expect(resetWrites([row('x')], 2, map, resets)).toEqual([]);
  });
});

describe('recording a plan', () => {
  it('round-trips dates and any text, and encodes to ASCII (a chunk length is its size in bytes)', () => {
    const plan = planClose(
      [kr('a', 0.5, { lastComment: 'Ça avance 🚀 "vite"', start: new Date(2026, 9, 3) })],
      { ...q4, name: 'T4 2026 — équipe' },
      'all',
      today,
    );
    const text = encodeClosePlan(plan);
    expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
    const back = decodeClosePlan(text);
    expect(back).toEqual(plan);
    expect(sameCycle(back.cycle, plan.cycle)).toBe(true);
    expect(back.today).toBeInstanceOf(Date);
  });

  it('refuses a record that is not a plan', () => {
    expect(() => decodeClosePlan('{"cycle":')).toThrow('the recorded close of the cycle cannot be read');
    expect(() => decodeClosePlan('{}')).toThrow('cannot be read');
  });
});

describe('missingArchiveRows', () => {
  const plan = planClose([kr('a', 0.5), kr('b', 1)], q4, 'all', today);
  const columns = { id: 8, cycle: 9 };
  it('is every row before the archive is written, none after, and only this cycle counts', () => {
    expect(missingArchiveRows(plan, [], columns)).toHaveLength(2);
    expect(missingArchiveRows(plan, plan.archive.rows, columns)).toEqual([]);
    const otherCycle = plan.archive.rows.map((r) => [...r.slice(0, 9), '2026 Q3']);
    expect(missingArchiveRows(plan, otherCycle, columns)).toHaveLength(2);
  });
});
