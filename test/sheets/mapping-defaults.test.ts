import { createWorkbook } from '../../emulator';
import { parseTableMapping } from '../../src/sheets/mapping-schema';
import { findTables, saveTable } from '../../src/sheets/table-metadata';

const KPI_MAP = { name: 1, value: 2, warning: 3 };

describe('table mapping defaults', () => {
  it('accepts a default direction and tolerance, and no defaults at all', () => {
    expect(
      parseTableMapping({
        kind: 'kpi',
        headerRow: 1,
        map: KPI_MAP,
        defaults: { direction: 'lower', tolerance: 0.1 },
      }),
    ).toEqual({ kind: 'kpi', headerRow: 1, map: KPI_MAP, defaults: { direction: 'lower', tolerance: 0.1 } });
    expect(
      parseTableMapping({ kind: 'kpi', headerRow: 1, map: KPI_MAP, defaults: { tolerance: 0 } }),
    ).toEqual({
      kind: 'kpi',
      headerRow: 1,
      map: KPI_MAP,
      defaults: { tolerance: 0 },
    });
    expect(parseTableMapping({ kind: 'kpi', headerRow: 1, map: KPI_MAP })).not.toHaveProperty('defaults');
  });

  it.each([
    [{ direction: 'up' }, /default direction must be "higher" or "lower"/],
    [{ tolerance: -0.05 }, /"near target" tolerance must be 0 or more/],
    [{ tolerance: '5%' }, /"near target" tolerance must be a number/],
    [{ tolerance: Number.POSITIVE_INFINITY }, /"near target" tolerance must be a number/],
  ])('refuses defaults %p with a message naming the setting', (defaults, message) => {
    const parsed = parseTableMapping({ kind: 'kpi', headerRow: 1, map: KPI_MAP, defaults });
    expect(parsed).toEqual({ error: expect.stringMatching(message) });
  });

  it('stores the defaults with the table and reads them back', () => {
    const wb = createWorkbook();
    const sheet = wb.spreadsheet.insertSheet('Team KPIs');
    sheet.getRange('A1:C2').setValues([
      ['Metric', 'Actual', 'Min'],
      ['Leads', 10, 12],
    ]);
    saveTable(sheet, 'kpi', 1, KPI_MAP, { direction: 'higher', tolerance: 0.02 });
    const other = wb.spreadsheet.insertSheet('Other KPIs');
    other.getRange('A1:B1').setValues([['KPI', 'Current']]);
    saveTable(other, 'kpi', 1, { name: 1, value: 2 });
    const byName = new Map(findTables(wb.spreadsheet).map((t) => [t.sheet.getName(), t]));
    expect(byName.get('Team KPIs')?.defaults).toEqual({ direction: 'higher', tolerance: 0.02 });
    expect(byName.get('Other KPIs')?.defaults).toEqual({});
  });
});
