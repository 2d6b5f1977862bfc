import { lastAlert, NOW, openAddon, values } from '../support/addon';

function setUp(withExamples: boolean) {
  const addon = openAddon({ clock: () => NOW });
  addon.wb.ui.respond({ button: withExamples ? 'YES' : 'NO' });
  addon.run('menuSetUp');
  return addon;
}

describe('Set up OKR & KPI sheets', () => {
  it('creates the sheets, the settings block as named ranges, and the range formulas', () => {
    const { wb } = setUp(false);
    expect(wb.sheetNames()).toEqual(expect.arrayContaining(['OKRs', 'KPIs', 'Check-ins', 'OKR Settings']));
    const ss = wb.spreadsheet;
    expect(ss.getRangeByName('CycleName')?.getValue()).toBe('2026 Q4');
    expect(ss.getRangeByName('CycleStart')?.getValue()).toEqual(new Date(2026, 9, 1));
    expect(ss.getRangeByName('CycleEnd')?.getValue()).toEqual(new Date(2026, 11, 31));
    expect(ss.getRangeByName('AsOfDate')?.getValue()).toEqual(new Date(2026, 10, 25));
    expect(values(wb, 'OKRs', 'A1:O1')[0]).toEqual([
      'Objective',
      'Key result',
      'Owner',
      'Kind',
      'Start',
      'Target',
      'Current',
      'Weight',
      'Confidence',
      'Linked KPI',
      'Score',
      'Status',
      'Progress',
      'Last check-in',
      'KR ID',
    ]);
    // Each range formula stands in its header cell, its label over its results, out of any sort's way.
    expect(wb.sheet('OKRs').getRange('K1').getFormula()).toBe(
      '=VSTACK("Score", DROP(OKR_SCORE(G1:G, F1:F, E1:E, D1:D), 1))',
    );
    expect(wb.sheet('OKRs').getRange('L1').getFormula()).toBe(
      '=VSTACK("Status", DROP(OKR_STATUS(K1:K, CycleStart, CycleEnd, AsOfDate), 1))',
    );
    expect(wb.sheet('KPIs').getRange('L1').getFormula()).toBe(
      '=VSTACK("Status", DROP(KPI_STATUS(I1:I, E1:E, F1:F, D1:D), 1))',
    );
    expect(wb.sheet('OKRs').getRange('K2:L3').getFormulas().flat()).toEqual(['', '', '', '']);
    expect(lastAlert(wb)).toMatch(/Created: OKR Settings, OKRs, KPIs, Check-ins/);
  });

  it('scores the example rows with the custom formulas and colours them', () => {
    const { wb } = setUp(true);
    const okrs = values(wb, 'OKRs', 'B2:L6');
    // Response time 400 -> 280 ms, now 340: half way.
    expect(okrs[0]?.[0]).toMatch(/response time/);
    expect(okrs[0]?.[9]).toBeCloseTo(0.5);
    // On-time delivery at least 98%, now 97%: not met.
    expect(okrs[1]?.[9]).toBe(0);
    // 700 of 1,000 users.
    expect(okrs[3]?.[9]).toBeCloseTo(0.7);
    // Milestone not done.
    expect(okrs[4]?.[9]).toBe(0);
    // Nov 25 is 60% through Q4: 0.5 and 0.4 (conversion) are At risk, 0.7 On track, 0 Off track.
    expect(okrs.map((r) => r[10])).toEqual(['At risk', 'Off track', 'At risk', 'On track', 'Off track']);

    const kpis = values(wb, 'KPIs', 'A2:N7');
    expect(kpis.map((r) => r[11])).toEqual(['Warning', 'OK', 'Breach', 'OK', 'OK', 'Warning']);
    // Colours follow the status: the breached backlog is red, conversion green, on-time amber.
    expect(wb.effectiveFormat('KPIs', 4, 9).background).toBe('#f4c7c3');
    expect(wb.effectiveFormat('KPIs', 5, 9).background).toBe('#b7e1cd');
    expect(wb.effectiveFormat('KPIs', 2, 12).background).toBe('#fce8b2');
    expect(wb.effectiveFormat('OKRs', 3, 12).background).toBe('#f4c7c3');
  });

  it('keeps every score and status with its key result when the rows are sorted, before any Refresh', () => {
    const { wb } = setUp(true);
    const byKeyResult = () =>
      Object.fromEntries(values(wb, 'OKRs', 'B2:L6').map((r) => [r[0], [r[9], r[10]]]));
    const before = byKeyResult();
    // Data > Sort range on the data rows, by Key result, Z to A.
    wb.sheet('OKRs').getRange('A2:O6').sort({ column: 2, ascending: false });
    expect(values(wb, 'OKRs', 'B2:B6').flat()).not.toEqual(Object.keys(before));
    expect(byKeyResult()).toEqual(before);
  });

  it('scores a row inserted just under the header, and keeps the others with their rows, before any Refresh', () => {
    const { wb } = setUp(true);
    const byKeyResult = (a1: string) =>
      Object.fromEntries(values(wb, 'OKRs', a1).map((r) => [r[0], [r[9], r[10]]]));
    const before = byKeyResult('B2:L6');
    const okrs = wb.sheet('OKRs');
    okrs.insertRowBefore(2);
    okrs.getRange('B2:G2').setValues([['Ship the mobile app', 'me@example.com', 'linear', 0, 10, 4]]);
    const after = byKeyResult('B2:L7');
    expect(after['Ship the mobile app']).toEqual([0.4, expect.any(String)]);
    delete after['Ship the mobile app'];
    expect(after).toEqual(before);
  });

  it('draws a progress bar coloured by grade band on every key-result row', () => {
    const { wb } = setUp(true);
    const cells = wb.snapshot('OKRs', { rows: 6, cols: 13 }).cells;
    const bars = cells.slice(1, 6).map((row) => row[12]?.value);
    expect(
      bars.every(
        (bar) => typeof bar === 'object' && bar !== null && 'kind' in bar && bar.kind === 'sparkline',
      ),
    ).toBe(true);
    // 0.7 of 1,000 users is green, 0.5 yellow, 0 red.
    const colour = (i: number) => (bars[i] as { options: Record<string, unknown> }).options.color1;
    expect([colour(3), colour(0), colour(1)]).toEqual(['#34a853', '#fbbc04', '#ea4335']);
  });

  it('gives every key result a stable ID', () => {
    const { wb } = setUp(true);
    const ids = values(wb, 'OKRs', 'O2:O6').map((r) => r[0]);
    expect(ids.every((id) => /^KR-[0-9a-f]{8}$/.test(String(id)))).toBe(true);
    expect(new Set(ids).size).toBe(5);
  });

  it('is idempotent: running it twice creates nothing twice and keeps the rows a user typed', () => {
    const addon = setUp(true);
    const { wb, run } = addon;
    wb.sheet('KPIs').getRange('I2').setValue(0.99);
    wb.sheet('OKRs')
      .getRange('A7:G7')
      .setValues([['New objective', 'Ship v2', 'me', 'milestone', '', '', 'done']]);
    const sheets = wb.sheetNames();
    const ids = values(wb, 'OKRs', 'O2:O6');
    const rules = wb.sheet('KPIs').getConditionalFormatRules().length;
    wb.ui.respond({ button: 'YES' });
    run('menuSetUp');
    expect(wb.sheetNames()).toEqual(sheets);
    expect(values(wb, 'KPIs', 'I2')[0]?.[0]).toBe(0.99);
    expect(values(wb, 'OKRs', 'A7:G7')[0]).toEqual([
      'New objective',
      'Ship v2',
      'me',
      'milestone',
      '',
      '',
      'done',
    ]);
    expect(values(wb, 'OKRs', 'O2:O6')).toEqual(ids);
    expect(values(wb, 'OKRs', 'K7')[0]?.[0]).toBe(1);
    expect(
      values(wb, 'KPIs', 'A2:A8')
        .flat()
        .filter((v) => v !== ''),
    ).toHaveLength(6);
    expect(lastAlert(wb)).toMatch(/Already there, left as they are: OKR Settings, OKRs, KPIs, Check-ins/);
    expect(wb.sheet('KPIs').getConditionalFormatRules()).toHaveLength(rules);
  });

  it('leaves a sheet of the same name but another layout alone and says what to do', () => {
    const addon = openAddon({ clock: () => NOW });
    const { wb, run } = addon;
    const mine = wb.spreadsheet.insertSheet('kpis');
    mine.getRange('A1:C2').setValues([
      ['Quarter', 'Revenue', 'Notes'],
      ['Q3', 120, 'good'],
    ]);
    wb.ui.respond({ button: 'NO' });
    run('menuSetUp');
    expect(values(wb, 'kpis', 'A1:C2')).toEqual([
      ['Quarter', 'Revenue', 'Notes'],
      ['Q3', 120, 'good'],
    ]);
    expect(wb.sheetNames().filter((n) => n.toLowerCase() === 'kpis')).toEqual(['kpis']);
    expect(lastAlert(wb)).toMatch(
      /A sheet named "kpis" already exists with another layout, so it was left as it is/,
    );
    expect(wb.sheetNames()).toContain('OKRs');
  });

  it('does nothing when cancelled', () => {
    const { wb, run } = openAddon({ clock: () => NOW });
    const before = wb.sheetNames();
    wb.ui.respond({ button: 'CANCEL' });
    run('menuSetUp');
    expect(wb.sheetNames()).toEqual(before);
  });
});
