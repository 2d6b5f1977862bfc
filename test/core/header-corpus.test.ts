import { type ColumnMap, decideKind, readHeaderRow } from '../../src/core';
import { HEADER_CORPUS } from '../fixtures/header-corpus';

/** What the matcher did with each header, in words, so a failure names the column. */
function reading(map: ColumnMap, headers: readonly string[]): string[] {
  const byColumn = new Map(Object.entries(map).map(([role, column]) => [column, role]));
  return headers.map((header, i) => `${JSON.stringify(header)} -> ${byColumn.get(i + 1) ?? 'left alone'}`);
}

describe('the header corpus (real layouts, read as a person reads them)', () => {
  it('holds at least 20 public layouts of both kinds', () => {
    const publicLayouts = HEADER_CORPUS.filter((l) => !l.source.startsWith('hand-written'));
    expect(publicLayouts.length).toBeGreaterThanOrEqual(20);
    expect(new Set(publicLayouts.map((l) => l.kind ?? l.readAs))).toEqual(new Set(['kpi', 'okr']));
  });

  it.each(HEADER_CORPUS.map((layout) => [layout.source, layout] as const))(
    '%s: every column placed as a person reads it, none misplaced or dropped',
    (_source, layout) => {
      const headers = layout.columns.map(([header]) => header);
      const kind = layout.kind ?? layout.readAs;
      if (!kind) throw new Error('a layout without a kind needs readAs');
      const expected: ColumnMap = {};
      layout.columns.forEach(([, role], i) => {
        if (role) expected[role] = i + 1;
      });
      expect(reading(readHeaderRow(kind, headers), headers)).toEqual(reading(expected, headers));
      expect(decideKind(headers).kind).toBe(layout.kind);
    },
  );
});
