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
    expect(values(wb, 'OKRs', 'A1:U1')[0]).toEqual([
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
      'Commit',
      'Stretch',
      'Score',
      'Pace',
      'Status',
      'Forecast',
      'Projected score',
      'Progress',
      'Last check-in',
      'Signal',
      'KR ID',
    ]);
    // Each range formula stands in its header cell, its label over its results, out of any sort's way.
    expect(wb.sheet('OKRs').getRange('M1').getFormula()).toBe(
      '=VSTACK("Score", DROP(OKR_SCORE(G1:G, F1:F, E1:E, D1:D, K1:K, L1:L), 1))',
    );
    expect(wb.sheet('OKRs').getRange('N1').getFormula()).toBe(
      '=VSTACK("Pace", DROP(OKR_PACE(M1:M, CycleStart, CycleEnd, AsOfDate), 1))',
    );
    expect(wb.sheet('OKRs').getRange('O1').getFormula()).toBe(
      '=VSTACK("Status", DROP(OKR_STATUS(M1:M, CycleStart, CycleEnd, AsOfDate, AtRiskGap, OffTrackGap), 1))',
    );
    expect(wb.sheet('OKRs').getRange('P1').getFormula()).toBe(
      "=VSTACK(\"Forecast\", DROP(OKR_FORECASTS(U1:U, 'Check-ins'!B1:B, 'Check-ins'!D1:D, 'Check-ins'!A1:A, CycleEnd, CycleStart), 1))",
    );
    expect(wb.sheet('OKRs').getRange('Q1').getFormula()).toBe(
      '=VSTACK("Projected score", DROP(OKR_SCORE(P1:P, F1:F, E1:E, D1:D, K1:K, L1:L), 1))',
    );
    expect(wb.sheet('KPIs').getRange('L1').getFormula()).toBe(
      '=VSTACK("Status", DROP(KPI_STATUS(I1:I, E1:E, F1:F, D1:D), 1))',
    );
    expect(wb.sheet('OKRs').getRange('M2:Q3').getFormulas().flat()).toEqual(Array(10).fill(''));
    expect(lastAlert(wb)).toMatch(/Created: OKR Settings, OKRs, KPIs, Check-ins/);
  });

  it('scores the example rows with the custom formulas and colours them', () => {
    const { wb } = setUp(true);
    const okrs = values(wb, 'OKRs', 'B2:O6');
    // Response time 400 -> 280 ms, now 340: half way.
    expect(okrs[0]?.[0]).toMatch(/response time/);
    expect(okrs[0]?.[11]).toBeCloseTo(0.5);
    // On-time delivery at least 98%, now 97%: not met.
    expect(okrs[1]?.[11]).toBe(0);
    // 700 of 1,000 users.
    expect(okrs[3]?.[11]).toBeCloseTo(0.7);
    // Milestone not done.
    expect(okrs[4]?.[11]).toBe(0);
    // Nov 25 is 60% through Q4: 0.5 and 0.4 (conversion) are At risk, 0.7 On track, 0 Off track.
    expect(okrs.map((r) => r[13])).toEqual(['At risk', 'Off track', 'At risk', 'On track', 'Off track']);

    const kpis = values(wb, 'KPIs', 'A2:N7');
    expect(kpis.map((r) => r[11])).toEqual(['Warning', 'OK', 'Breach', 'OK', 'OK', 'Warning']);
    // Colours follow the status: the breached backlog is red, conversion green, on-time amber.
    expect(wb.effectiveFormat('KPIs', 4, 9).background).toBe('#f4c7c3');
    expect(wb.effectiveFormat('KPIs', 5, 9).background).toBe('#b7e1cd');
    expect(wb.effectiveFormat('KPIs', 2, 12).background).toBe('#fce8b2');
    expect(wb.effectiveFormat('OKRs', 3, 15).background).toBe('#f4c7c3');
  });

  it('keeps every score and status with its key result when the rows are sorted, before any Refresh', () => {
    const { wb } = setUp(true);
    const byKeyResult = () =>
      Object.fromEntries(values(wb, 'OKRs', 'B2:O6').map((r) => [r[0], [r[11], r[13]]]));
    const before = byKeyResult();
    // Data > Sort range on the data rows, by Key result, Z to A.
    wb.sheet('OKRs').getRange('A2:U6').sort({ column: 2, ascending: false });
    expect(values(wb, 'OKRs', 'B2:B6').flat()).not.toEqual(Object.keys(before));
    expect(byKeyResult()).toEqual(before);
  });

  it('scores a row inserted just under the header, and keeps the others with their rows, before any Refresh', () => {
    const { wb } = setUp(true);
    const byKeyResult = (a1: string) =>
      Object.fromEntries(values(wb, 'OKRs', a1).map((r) => [r[0], [r[11], r[13]]]));
    const before = byKeyResult('B2:O6');
    const okrs = wb.sheet('OKRs');
    okrs.insertRowBefore(2);
    okrs.getRange('B2:G2').setValues([['Ship the mobile app', 'me@example.com', 'linear', 0, 10, 4]]);
    const after = byKeyResult('B2:O7');
    expect(after['Ship the mobile app']).toEqual([0.4, expect.any(String)]);
    delete after['Ship the mobile app'];
    expect(after).toEqual(before);
  });

  it('draws a progress bar coloured by grade band on every key-result row', () => {
    const { wb } = setUp(true);
    const cells = wb.snapshot('OKRs', { rows: 6, cols: 18 }).cells;
    const bars = cells.slice(1, 6).map((row) => row[17]?.value);
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
    const ids = values(wb, 'OKRs', 'U2:U6').map((r) => r[0]);
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
    const ids = values(wb, 'OKRs', 'U2:U6');
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
    expect(values(wb, 'OKRs', 'U2:U6')).toEqual(ids);
    expect(values(wb, 'OKRs', 'M7')[0]?.[0]).toBe(1);
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

  it('adds the check-in rhythm and the status bands as named settings, with drop-down days', () => {
    const { wb } = setUp(false);
    const ss = wb.spreadsheet;
    expect(ss.getRangeByName('CheckInInterval')?.getValue()).toBe(7);
    expect(ss.getRangeByName('CheckInDay')?.getValue()).toBe('Monday');
    expect(ss.getRangeByName('AtRiskGap')?.getValue()).toBe(0.1);
    expect(ss.getRangeByName('OffTrackGap')?.getValue()).toBe(0.25);
    expect(values(wb, 'OKR Settings', 'A1:A9').flat()).toEqual([
      'Setting',
      'Cycle',
      'Cycle start',
      'Cycle end',
      'As of (kept current by Refresh)',
      'Check-in interval (days)',
      'Check-in day',
      'At risk when behind the pace by more than',
      'Off track when behind the pace by more than',
    ]);
    const rule = ss.getRangeByName('CheckInDay')?.getDataValidation();
    expect(rule?.getCriteriaValues()[0]).toEqual([
      'Sunday',
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
    ]);
  });

  it('gives an older settings block the new settings below it, keeping every value the team set', () => {
    const { wb, run } = setUp(true);
    const ss = wb.spreadsheet;
    const settings = wb.sheet('OKR Settings');
    // The block as an older version made it: four settings, a team's own cycle, a note under it.
    for (const name of ['CheckInInterval', 'CheckInDay', 'AtRiskGap', 'OffTrackGap'])
      ss.removeNamedRange(name);
    settings.getRange('A6:B9').clearContent();
    settings.getRange('B2').setValue('FY27 Q1');
    settings.getRange('A7').setValue('Ask Sam before changing these');
    wb.ui.respond({ button: 'NO' });
    run('menuSetUp');
    expect(ss.getRangeByName('CycleName')?.getValue()).toBe('FY27 Q1');
    expect(values(wb, 'OKR Settings', 'A7')[0]?.[0]).toBe('Ask Sam before changing these');
    expect(ss.getRangeByName('CheckInInterval')?.getA1Notation()).toBe('B8');
    expect(values(wb, 'OKR Settings', 'A8:B11')).toEqual([
      ['Check-in interval (days)', 7],
      ['Check-in day', 'Monday'],
      ['At risk when behind the pace by more than', 0.1],
      ['Off track when behind the pace by more than', 0.25],
    ]);
    expect(lastAlert(wb)).toMatch(/Created: OKR Settings rows \(Check-in interval \(days\), Check-in day/);
  });

  it('names a setting row left without its name by a stopped run, instead of adding it twice', () => {
    const { wb, run } = setUp(false);
    const ss = wb.spreadsheet;
    ss.removeNamedRange('AtRiskGap');
    wb.sheet('OKR Settings').getRange('B8').setValue(0.15);
    wb.ui.respond({ button: 'NO' });
    run('menuSetUp');
    expect(ss.getRangeByName('AtRiskGap')?.getA1Notation()).toBe('B8');
    expect(ss.getRangeByName('AtRiskGap')?.getValue()).toBe(0.15);
    expect(wb.sheet('OKR Settings').getLastRow()).toBe(9);
    run('menuSetUp');
    expect(wb.sheet('OKR Settings').getLastRow()).toBe(9);
  });

  it('judges statuses with the bands the team sets in one cell', () => {
    const { wb, run } = setUp(true);
    // Nov 25 is 60% through Q4: 0.5 (response time) is 0.1 behind, 0.4 (conversion) 0.2 behind.
    const statuses = () => values(wb, 'OKRs', 'O2:O6').map((r) => r[0]);
    expect(statuses()).toEqual(['At risk', 'Off track', 'At risk', 'On track', 'Off track']);
    wb.spreadsheet.getRangeByName('AtRiskGap')?.setValue(0.15);
    wb.spreadsheet.getRangeByName('OffTrackGap')?.setValue(0.3);
    expect(statuses()).toEqual(['On track', 'Off track', 'At risk', 'On track', 'Off track']);
    wb.spreadsheet.getRangeByName('AtRiskGap')?.setValue(0.5);
    expect(values(wb, 'OKRs', 'O2')[0]?.[0]).toMatch(
      /^Error: at_risk_gap \(0.5\) must not be more than off_track_gap \(0.3\)/,
    );
    run('menuRefresh');
    expect(lastAlert(wb)).toMatch(
      /At risk when behind the pace by more than \(AtRiskGap\) \(0.5\) must not be more than/,
    );
  });
});
