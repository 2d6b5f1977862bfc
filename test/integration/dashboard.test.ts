/**
 * The Dashboard sheet: made by Set up, live through formulas, kept by Refresh without making anything
 * twice or writing over a team's values, rules or charts.
 */
import type { Workbook } from '../../emulator';
import { ROUND_TRIPS } from '../../emulator/call-kinds';
import { type Addon, connectAsProposed, lastAlert, NOW, openAddon, values } from '../support/addon';

function setUp(withExamples = true): Addon {
  const addon = openAddon({ clock: () => NOW });
  addon.wb.ui.respond({ button: withExamples ? 'YES' : 'NO' });
  addon.run('menuSetUp');
  return addon;
}

const dash = (wb: Workbook) => wb.sheet('Dashboard');

/** The headline figures by label. */
function headlines(wb: Workbook): Record<string, unknown> {
  const [labels = [], figures = []] = values(wb, 'Dashboard', 'A4:K5');
  return Object.fromEntries(labels.map((label, i) => [String(label), figures[i]]));
}

/** The rows of a spilled table from `a1`, `width` wide, down to the first blank first cell. */
function rowsFrom(wb: Workbook, a1: string, width: number): unknown[][] {
  const start = dash(wb).getRange(a1);
  const rows = dash(wb).getRange(start.getRow(), start.getColumn(), 60, width).getValues();
  const end = rows.findIndex((row) => row[0] === '');
  return end === -1 ? rows : rows.slice(0, end);
}

function chartsOf(wb: Workbook) {
  return dash(wb)
    .getCharts()
    .map((chart) => ({
      ranges: chart.getRanges().map((r) => r.getA1Notation()),
      anchor: [chart.getContainerInfo().getAnchorRow(), chart.getContainerInfo().getAnchorColumn()],
    }));
}

/** Everything a Set up or Refresh may write on the dashboard. */
function dashboardState(wb: Workbook) {
  const range = dash(wb).getRange(1, 1, 80, 28);
  return {
    formulas: range.getFormulas(),
    values: range.getValues(),
    charts: chartsOf(wb),
    rules: dash(wb)
      .getConditionalFormatRules()
      .map((rule) => rule.getRanges().map((r) => r.getA1Notation())),
  };
}

/** A column of a sheet's data rows, as the sheet shows it. */
function column(wb: Workbook, sheet: string, letter: string, rows: number): unknown[] {
  return values(wb, sheet, `${letter}2:${letter}${rows + 1}`).flat();
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('Set up with examples makes the dashboard', () => {
  const { wb } = setUp();

  it('reports it, and places its three charts on its own ranges', () => {
    expect(wb.sheetNames()).toContain('Dashboard');
    expect(lastAlert(wb)).toMatch(/Created: .*Dashboard/);
    expect(chartsOf(wb)).toEqual([
      { ranges: ['Y26:AB226'], anchor: [7, 1] },
      { ranges: ['R26:S31'], anchor: [7, 7] },
      { ranges: ['U26:W226'], anchor: [7, 15] },
    ]);
  });

  it('shows the headline figures of the OKRs and KPIs sheets', () => {
    const statuses = column(wb, 'OKRs', 'O', 5);
    const share = (status: string) => statuses.filter((s) => s === status).length / 5;
    const kpiStatuses = column(wb, 'KPIs', 'L', 6);
    const figures = headlines(wb);
    expect(figures).toMatchObject({
      'Key results': 5,
      'On track': share('On track'),
      'At risk': share('At risk'),
      'Off track': share('Off track'),
      'Average confidence': mean(column(wb, 'OKRs', 'I', 5) as number[]),
      'KPIs in breach': kpiStatuses.filter((s) => s === 'Breach').length,
      'KPIs in warning': kpiStatuses.filter((s) => s === 'Warning').length,
      // Nobody has checked in since the cycle started on 1 October: every key result is stale.
      'Stale key results': 5,
    });
    expect(figures['Average score']).toBeCloseTo(mean(column(wb, 'OKRs', 'M', 5) as number[]), 12);
    // No check-ins yet, so no confidence two weeks ago to compare with.
    expect(figures['Confidence change, 2 weeks']).toBe('');
    expect(kpiStatuses.filter((s) => s === 'Breach').length).toBeGreaterThan(0);
  });

  it('shows a card per KPI: latest value, target, met or not, change coloured by its direction', () => {
    const cards = rowsFrom(wb, 'F27', 7);
    expect(cards.map((card) => card[0])).toEqual(column(wb, 'KPIs', 'A', 6));
    expect(cards.map((card) => card[1])).toEqual(column(wb, 'KPIs', 'I', 6));
    expect(cards.map((card) => card[3])).toEqual(column(wb, 'KPIs', 'H', 6));
    const response = cards.find((card) => card[0] === 'Median response time');
    // 430 ms last week, 340 now: down is good for a response time.
    expect(response?.slice(4)).toEqual(['not met', (340 - 430) / 430, 'good']);
    expect(wb.effectiveFormat('Dashboard', 27 + cards.indexOf(response as unknown[]), 11).background).toBe(
      '#b7e1cd',
    );
    expect(dash(wb).getRange('M27').getFormula()).toMatch(/^=IF\(LEN\(F27\),IFERROR\(SPARKLINE\(FILTER\(/);
  });

  it('lists the key results gone longer than the interval without a check-in, worst first', () => {
    expect(rowsFrom(wb, 'O40', 2)).toEqual(column(wb, 'OKRs', 'B', 5).map((name) => [name, 55]));
  });

  it('counts key results by status for the pie chart', () => {
    const counts = values(wb, 'Dashboard', 'R27:S31');
    expect(counts.map(([status]) => status)).toEqual([
      'On track',
      'At risk',
      'Off track',
      'Done',
      'Not started',
    ]);
    const statuses = column(wb, 'OKRs', 'O', 5);
    for (const [status, count] of counts) expect(count).toBe(statuses.filter((s) => s === status).length);
  });
});

describe('the dashboard is live', () => {
  it('follows a value typed into the OKRs sheet, with no script run', () => {
    const { wb } = setUp();
    const before = headlines(wb)['Average score'] as number;
    wb.sheet('OKRs').getRange('G5').setValue(1000); // Reach 1,000 active users: done
    const after = headlines(wb)['Average score'] as number;
    expect(after).toBeCloseTo(mean(column(wb, 'OKRs', 'M', 5) as number[]), 12);
    expect(after).toBeGreaterThan(before);
  });
});

describe('Set up and Refresh keep the dashboard', () => {
  it('make nothing twice: running them again writes nothing on it', () => {
    const addon = setUp();
    const before = dashboardState(addon.wb);
    addon.wb.ui.respond({ button: 'YES' });
    addon.run('menuSetUp');
    addon.wb.calls.reset();
    addon.run('menuRefresh');
    expect(addon.wb.calls.byMethod['Sheet.insertChart'] ?? 0).toBe(0);
    expect(addon.wb.sheetNames().filter((name) => name === 'Dashboard')).toHaveLength(1);
    expect(dashboardState(addon.wb)).toEqual(before);
  });

  it("keep the team's own cells, rules and charts, and a chart where the team moved it", () => {
    const addon = setUp();
    const sheet = dash(addon.wb);
    sheet.getRange('A25').setValue('Our goals'); // a heading renamed
    sheet.getRange('N3').setValue('note to self');
    sheet.insertChart(
      sheet.newChart().asColumnChart().addRange(sheet.getRange('R27:S31')).setPosition(50, 1, 0, 0).build(),
    );
    const ours = sheet.getCharts()[0];
    if (!ours) throw new Error('no chart');
    sheet.updateChart(ours.modify().setPosition(60, 3, 5, 5).build());
    const rule = teamRule(addon, sheet);
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule]);
    addon.run('menuRefresh');
    addon.wb.ui.respond({ button: 'YES' });
    addon.run('menuSetUp');
    expect(sheet.getRange('A25').getValue()).toBe('Our goals');
    expect(sheet.getRange('N3').getValue()).toBe('note to self');
    expect(chartsOf(addon.wb)).toEqual([
      { ranges: ['Y26:AB226'], anchor: [60, 3] },
      { ranges: ['R26:S31'], anchor: [7, 7] },
      { ranges: ['U26:W226'], anchor: [7, 15] },
      { ranges: ['R27:S31'], anchor: [50, 1] },
    ]);
    expect(sheet.getConditionalFormatRules().map((r) => r.getRanges()[0]?.getA1Notation())).toContain(
      'X1:X10',
    );
  });

  it('make again a chart of its own the team deleted, and nothing else', () => {
    const addon = setUp();
    const sheet = dash(addon.wb);
    sheet.removeChart(sheet.getCharts()[1] as GoogleAppsScript.Spreadsheet.EmbeddedChart);
    addon.wb.calls.reset();
    addon.run('menuRefresh');
    expect(addon.wb.calls.byMethod['Sheet.insertChart']).toBe(1);
    expect(
      chartsOf(addon.wb)
        .map((c) => c.ranges[0])
        .sort(),
    ).toEqual(['R26:S31', 'U26:W226', 'Y26:AB226']);
  });

  it("follow a team's KPI table once it is connected", () => {
    const addon = setUp();
    const team = addon.wb.spreadsheet.insertSheet('Team KPIs');
    team.getRange('A1:F3').setValues([
      ['Metric', 'Owner', 'Actual', 'Goal', 'Min', 'Critical'],
      ['Uptime %', 'Ops', 98, 99.9, 99.5, 99],
      ['NPS', 'CX', 35, 40, 30, 20],
    ]);
    team.activate();
    connectAsProposed(addon);
    addon.run('menuRefresh');
    const cards = rowsFrom(addon.wb, 'F27', 7).map((card) => card[0]);
    expect(cards).toEqual([...column(addon.wb, 'KPIs', 'A', 6), 'Uptime %', 'NPS']);
    expect(rowsFrom(addon.wb, 'O53', 2).map(([name]) => name)).toContain('Uptime %');
    expect(dash(addon.wb).getRange('M34').getFormula()).toContain('F34');
  });

  it("leave a team's own Dashboard sheet alone, and say so", () => {
    const addon = openAddon({ clock: () => NOW });
    const own = addon.wb.spreadsheet.insertSheet('Dashboard');
    own.getRange('A1:B2').setValues([
      ['Revenue', 100],
      ['Costs', 80],
    ]);
    addon.wb.ui.respond({ button: 'YES' });
    addon.run('menuSetUp');
    expect(lastAlert(addon.wb)).toContain('A sheet named "Dashboard" already exists with other content');
    expect(own.getDataRange().getValues()).toEqual([
      ['Revenue', 100],
      ['Costs', 80],
    ]);
    expect(own.getCharts()).toHaveLength(0);
  });
});

function teamRule(addon: Addon, sheet: GoogleAppsScript.Spreadsheet.Sheet) {
  return addon.wb.globals.SpreadsheetApp.newConditionalFormatRule()
    .whenTextEqualTo('x')
    .setBackground('#000000')
    .setRanges([sheet.getRange('X1:X10')])
    .build();
}

describe('the dashboard under failures', () => {
  /**
   * A dashboard with work to do: a chart deleted, a formula and a label cleared, then a team table
   * connected (the KPI cards and lists change). Refresh puts it all back. What it writes are formulas,
   * rules and charts, so the formula engine is left out: it would only make the many runs slower.
   */
  function needsWork(): Addon {
    const addon = openAddon({ clock: () => NOW });
    addon.wb.setFormulaEngine(undefined);
    addon.wb.ui.respond({ button: 'YES' });
    addon.run('menuSetUp');
    const sheet = dash(addon.wb);
    sheet.removeChart(sheet.getCharts()[2] as GoogleAppsScript.Spreadsheet.EmbeddedChart);
    sheet.getRange('B5').clearContent();
    sheet.getRange('A27').clearContent();
    const team = addon.wb.spreadsheet.insertSheet('Team KPIs');
    team.getRange('A1:F2').setValues([
      ['Metric', 'Owner', 'Actual', 'Goal', 'Min', 'Critical'],
      ['Uptime %', 'Ops', 98, 99.9, 99.5, 99],
    ]);
    team.activate();
    connectAsProposed(addon);
    return addon;
  }

  const reference = needsWork();
  reference.wb.calls.reset();
  reference.run('menuRefresh');
  const calls = ROUND_TRIPS.reduce((sum, kind) => sum + reference.wb.calls.byKind[kind], 0);
  const { values: _, ...expected } = dashboardState(reference.wb);

  it('the uninterrupted Refresh puts everything back', () => {
    expect(expected.charts).toHaveLength(3);
    expect(expected.formulas[4]?.[1]).toBe("=MAX(0,COUNTA('OKRs'!B1:B)-1)");
    expect(expected.formulas[26]?.[5]).toContain("KPI_CARDS(DROP('Team KPIs'!A1:A,1)");
  });

  it.each(Array.from({ length: calls }, (_, i) => i + 1))(
    'a Refresh whose round trip %i fails, then one more, ends as the uninterrupted one',
    (n) => {
      const addon = needsWork();
      addon.wb.faults.failCall(n, { kinds: ROUND_TRIPS });
      addon.run('menuRefresh');
      expect(addon.wb.faults.fired).toHaveLength(1);
      addon.run('menuRefresh');
      const { values: __, ...state } = dashboardState(addon.wb);
      expect(state).toEqual(expected);
    },
  );
});
