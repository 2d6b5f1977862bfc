import { connectAsProposed, lastAlert, NOW, openAddon, values } from '../support/addon';

const TEAM_TABLE = [
  ['Metric', 'Owner', 'Actual', 'Goal', 'Min', 'Critical', 'Notes'],
  ['On-time delivery', 'ops@example.com', 0.99, 0.99, 0.98, 0.95, 'weekly'],
  ['First response (h)', 'support@example.com', 30, 4, 8, 24, ''],
  ['NPS', 'cx@example.com', 'n/a', 50, 40, 30, 'survey late'],
  ['Uptime', 'infra@example.com', 0.9991, 0.999, 0.999, 0.995, ''],
];

/** A team's own KPI table on "Team KPIs", active, as a user would have it before the add-on. */
function teamWorkbook() {
  const addon = openAddon({ clock: () => NOW });
  const sheet = addon.wb.spreadsheet.insertSheet('Team KPIs');
  sheet.getRange(1, 1, TEAM_TABLE.length, TEAM_TABLE[0]?.length ?? 0).setValues(TEAM_TABLE);
  sheet.activate();
  return { ...addon, sheet };
}

describe('Connect an existing table', () => {
  it("keeps the mapping when a column is inserted before the table's columns", () => {
    const { wb, run, sheet } = teamWorkbook();
    connectAsProposed({ wb, run });
    sheet.insertColumnBefore(3);
    sheet.getRange('C1').setValue('Comment');
    sheet.getRange('D3').setValue(2);
    run('menuRefresh');
    // Actual is now column D; the status (now column K) follows it.
    expect(values(wb, 'Team KPIs', 'K2:K3').flat()).toEqual(['OK', 'OK']);
    expect(wb.sheet('Team KPIs').getRange('K1').getFormula()).toBe(
      '=VSTACK("Status", DROP(KPI_STATUS(D1:D, F1:F, G1:G), 1))',
    );
  });

  it('records every KPI table in the history with one read of it, however many tables there are', () => {
    const reads = (tables: number) => {
      const { wb, run } = teamWorkbook();
      connectAsProposed({ wb, run });
      for (let i = 2; i <= tables; i++) {
        const sheet = wb.spreadsheet.insertSheet(`Team KPIs ${i}`);
        sheet.getRange(1, 1, TEAM_TABLE.length, TEAM_TABLE[0]?.length ?? 0).setValues(TEAM_TABLE);
        sheet.activate();
        connectAsProposed({ wb, run });
      }
      wb.calls.reset();
      run('menuRefresh');
      expect(values(wb, 'KPI History', 'B2:B4').flat()).toEqual([
        'On-time delivery',
        'First response (h)',
        'Uptime',
      ]);
      return wb.calls.byMethod['Range.getValues'] ?? 0;
    };
    // A second and third table add their own read each, and nothing more.
    expect(reads(2) - reads(1)).toBe(1);
    expect(reads(3) - reads(2)).toBe(1);
  });

  it('moves a range formula left in the first data row by an earlier version into the header cell', () => {
    const { wb, run, sheet } = teamWorkbook();
    connectAsProposed({ wb, run });
    const statuses = values(wb, 'Team KPIs', 'J1:J3');
    sheet.getRange('J1').setValue('Status');
    sheet.getRange('J2').setFormula('=KPI_STATUS(C2:C, E2:E, F2:F)');
    run('menuRefresh');
    expect(sheet.getRange('J1:J2').getFormulas().flat()).toEqual([
      '=VSTACK("Status", DROP(KPI_STATUS(C1:C, E1:E, F1:F), 1))',
      '',
    ]);
    expect(values(wb, 'Team KPIs', 'J1:J3')).toEqual(statuses);
    expect(statuses.flat()).toEqual(['Status', 'OK', 'Breach']);
  });
});

describe('Connect an existing OKR table', () => {
  it('scores each key result, judges its pace and gives it a stable ID', () => {
    const { wb, run } = openAddon({ clock: () => NOW });
    wb.ui.respond({ button: 'NO' });
    run('menuSetUp');
    const sheet = wb.spreadsheet.insertSheet('Our OKRs');
    sheet.getRange('A1:F4').setValues([
      ['Goal', 'KR', 'Type', 'Baseline', 'Target', 'Actual'],
      ['Win enterprise', 'Sign 10 enterprise customers', 'linear', 0, 10, 7],
      ['Win enterprise', 'SOC 2 report', 'milestone', '', '', 'no'],
      ['Win enterprise', 'Churn at most 2%', 'at most', '', 0.02, 0.018],
    ]);
    sheet.activate();
    connectAsProposed({ wb, run });
    expect(values(wb, 'Our OKRs', 'G1:O1')[0]).toEqual([
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
    const out = values(wb, 'Our OKRs', 'G2:O4');
    expect(out.map((r) => r[0])).toEqual([0.7, 0, 1]);
    // Nov 25 is 60% through the quarter: 0.7 is 10 points ahead, 0 is 60 behind.
    expect(out.map((r) => Math.round(Number(r[1]) * 100) / 100)).toEqual([0.1, -0.6, 0.4]);
    expect(out.map((r) => r[2])).toEqual(['On track', 'Off track', 'Done']);
    expect(out.every((r) => /^KR-[0-9a-f]{8}$/.test(String(r[8])))).toBe(true);
    expect(values(wb, 'Our OKRs', 'A1:F4')[1]).toEqual([
      'Win enterprise',
      'Sign 10 enterprise customers',
      'linear',
      0,
      10,
      7,
    ]);
  });
});

describe('Refresh scores & highlights', () => {
  it("replaces only its own conditional-format rules and keeps the user's", () => {
    const { wb, run, sheet } = teamWorkbook();
    const userRule = wb.globals.SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo('survey late')
      .setBackground('#cfe2f3')
      .setRanges([sheet.getRange('G2:G5')])
      .build();
    sheet.setConditionalFormatRules([userRule]);
    connectAsProposed({ wb, run });
    const afterConnect = sheet.getConditionalFormatRules().length;
    run('menuRefresh');
    run('menuRefresh');
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(afterConnect);
    expect(
      rules.filter((r) => r.getBooleanCondition()?.getCriteriaValues()[0] === 'survey late'),
    ).toHaveLength(1);
    expect(wb.effectiveFormat('Team KPIs', 4, 7).background).toBe('#cfe2f3');
  });

  it('writes its rules only when they are not already the sheet’s, and puts back one a user changed', () => {
    const { wb, run, sheet } = teamWorkbook();
    connectAsProposed({ wb, run });
    const written = () => wb.calls.byMethod['Sheet.setConditionalFormatRules'] ?? 0;
    const rules = sheet.getConditionalFormatRules();
    wb.calls.reset();
    run('menuRefresh');
    expect(written()).toBe(0);
    // A colour changed by hand, then a rule deleted: each Refresh restores the list.
    const first = rules[0]?.copy().setBackground('#000000').build();
    sheet.setConditionalFormatRules([
      first as GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
      ...rules.slice(1),
    ]);
    run('menuRefresh');
    expect(written()).toBe(1);
    expect(sheet.getConditionalFormatRules()[0]?.getBooleanCondition()?.getBackground()).toBe(
      rules[0]?.getBooleanCondition()?.getBackground(),
    );
    sheet.setConditionalFormatRules(rules.slice(1));
    run('menuRefresh');
    expect(written()).toBe(2);
    expect(sheet.getConditionalFormatRules()).toHaveLength(rules.length);
    // Rows added below the sheet's end: the open-ended ranges are written again to reach them.
    sheet.insertRowsAfter(sheet.getMaxRows(), 10);
    run('menuRefresh');
    expect(written()).toBe(3);
  });

  it('colours stay live: typing a new value changes the colour with no script run', () => {
    const { wb, run, sheet } = teamWorkbook();
    connectAsProposed({ wb, run });
    sheet.getRange('C2').setValue(0.9);
    expect(wb.effectiveFormat('Team KPIs', 2, 3).background).toBe('#f4c7c3');
  });

  it('moves the as-of date to today and reports when nothing is connected', () => {
    const { wb, run } = openAddon({ clock: () => NOW });
    run('menuRefresh');
    expect(lastAlert(wb)).toMatch(/No OKR or KPI table is connected yet/);
  });

  it('costs the same few Sheets calls for 100 or 10,000 rows', () => {
    const counts = [100, 10_000].map((rows) => {
      const { wb, run } = openAddon({ clock: () => NOW });
      wb.ui.respond({ button: 'NO' });
      run('menuSetUp');
      const kpis = wb.sheet('KPIs');
      kpis.insertRowsAfter(kpis.getMaxRows(), rows);
      kpis
        .getRange(2, 1, rows, 9)
        .setValues(
          Array.from({ length: rows }, (_, i) => [
            `KPI ${i}`,
            'a@example.com',
            '',
            'higher',
            0.98,
            0.95,
            '',
            1,
            0.9 + (i % 10) / 100,
          ]),
        );
      run('menuRefresh');
      wb.calls.reset();
      run('menuRefresh');
      const { byMethod } = wb.calls;
      return {
        total: wb.calls.total,
        reads: byMethod['Range.getValues'],
        writes: byMethod['Range.setValues'],
      };
    });
    expect(counts[1]).toEqual(counts[0]);
    // Cell data moves in a handful of batches: the tables, the settings and the history are each read once
    // and written once, whatever their size; the rest are constant per column and per rule.
    expect(counts[0]?.reads).toBeLessThanOrEqual(5);
    expect(counts[0]?.writes).toBeLessThanOrEqual(4);
  });
});
