import { createWorkbook } from '../../emulator';
import { ROUND_TRIPS } from '../../emulator/call-kinds';

import SS = GoogleAppsScript.Spreadsheet;

function setup() {
  const wb = createWorkbook();
  const { SpreadsheetApp, Charts } = wb.globals;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0] as SS.Sheet;
  sheet.getRange('B2:C5').setValues([
    ['Objective', 'Score'],
    ['Grow', 0.7],
    ['Retain', 0.4],
    ['Launch', 0.9],
  ]);
  return { wb, ss, sheet, Charts };
}

/** A bar chart of B2:C5 anchored at F7, offset (10, 20). */
function barChart({ sheet, Charts }: ReturnType<typeof setup>): SS.EmbeddedChart {
  return sheet
    .newChart()
    .addRange(sheet.getRange('B2:C5'))
    .setPosition(7, 6, 10, 20)
    .setNumHeaders(1)
    .asBarChart()
    .setTitle('Objective scores')
    .setColors(['#34a853'])
    .setLegendPosition(Charts.Position.BOTTOM)
    .setStacked()
    .build();
}

const a1 = (chart: SS.EmbeddedChart | undefined) => chart?.getRanges().map((r) => r.getA1Notation());
const anchor = (chart: SS.EmbeddedChart | undefined) => {
  const info = chart?.getContainerInfo();
  return info && [info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()];
};

describe('building and inserting a chart', () => {
  test('the builder records type, ranges, anchor, options and headers; insertChart stores it', () => {
    const s = setup();
    const chart = barChart(s);
    expect(chart.getChartId()).toBeNull(); // not in a spreadsheet yet
    s.sheet.insertChart(chart);
    const [stored] = s.sheet.getCharts();
    expect(s.sheet.getCharts()).toHaveLength(1);
    expect(typeof stored?.getChartId()).toBe('number');
    expect(stored?.getChartId()).toBe(chart.getChartId());
    expect(a1(stored)).toEqual(['B2:C5']);
    expect(stored?.getRanges()[0]?.getSheet().getName()).toBe('Sheet1');
    expect(anchor(stored)).toEqual([7, 6, 10, 20]);
    const options = stored?.getOptions();
    expect(options?.get('title')).toBe('Objective scores');
    expect(options?.get('colors')).toEqual(['#34a853']);
    expect(options?.get('legend.position')).toBe('bottom');
    expect(options?.get('isStacked')).toBe(true);
    expect(options?.get('subtitle')).toBeNull();
    expect(stored?.getNumHeaders()).toBe(1);
    expect(stored?.getTransposeRowsAndColumns()).toBe(false);
    expect(stored?.getMergeStrategy()).toBe(s.Charts.ChartMergeStrategy.MERGE_COLUMNS);
    expect(stored?.getHiddenDimensionStrategy()).toBe(s.Charts.ChartHiddenDimensionStrategy.IGNORE_BOTH);
    expect(stored?.modify().getChartType()).toBe(s.Charts.ChartType.BAR);
  });

  test('each typed builder sets its type and its own options', () => {
    const { sheet, Charts } = setup();
    const range = sheet.getRange('B2:C5');
    const pie = sheet.newChart().addRange(range).asPieChart().set3D().setTitle('Status').build();
    const line = sheet
      .newChart()
      .addRange(range)
      .asLineChart()
      .setCurveStyle(Charts.CurveStyle.SMOOTH)
      .setRange(0, 1)
      .setXAxisTitle('Week')
      .setYAxisTitle('Score')
      .build();
    const column = sheet.newChart().setChartType(Charts.ChartType.COLUMN).addRange(range).build();
    const area = sheet.newChart().addRange(range).asAreaChart().setStacked().build();
    const bar = sheet.newChart().addRange(range).asBarChart().setRange(0, 2).build();
    for (const chart of [pie, line, column, area, bar]) sheet.insertChart(chart);
    const [p, l, c, a, b] = sheet.getCharts();
    expect(p?.modify().getChartType()).toBe(Charts.ChartType.PIE);
    expect(p?.getOptions().get('is3D')).toBe(true);
    expect(l?.modify().getChartType()).toBe(Charts.ChartType.LINE);
    expect(l?.getOptions().get('curveType')).toBe('function');
    expect(l?.getOptions().get('vAxis.viewWindow.max')).toBe(1);
    expect(l?.getOptions().get('hAxis.title')).toBe('Week');
    expect(l?.getOptions().get('vAxis.title')).toBe('Score');
    expect(c?.modify().getChartType()).toBe(Charts.ChartType.COLUMN);
    expect(a?.getOptions().get('isStacked')).toBe(true);
    expect(b?.getOptions().get('hAxis.viewWindow.max')).toBe(2); // a bar chart's values run across
    expect(new Set(sheet.getCharts().map((chart) => chart.getChartId())).size).toBe(5);
  });

  test('setOption takes flat or nested names; setTransposeRowsAndColumns and the strategies are kept', () => {
    const { sheet, Charts } = setup();
    sheet.insertChart(
      sheet
        .newChart()
        .addRange(sheet.getRange('B2:C5'))
        .setOption('legend', { position: 'right' })
        .setOption('animation.duration', 500)
        .setTransposeRowsAndColumns(true)
        .setMergeStrategy(Charts.ChartMergeStrategy.MERGE_ROWS)
        .setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH)
        .build(),
    );
    const [chart] = sheet.getCharts();
    expect(chart?.getOptions().get('legend.position')).toBe('right');
    expect(chart?.getOptions().get('animation.duration')).toBe(500);
    expect(chart?.getTransposeRowsAndColumns()).toBe(true);
    expect(chart?.getMergeStrategy()).toBe(Charts.ChartMergeStrategy.MERGE_ROWS);
    expect(chart?.getHiddenDimensionStrategy()).toBe(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH);
    expect(chart?.getNumHeaders()).toBe(-1);
  });

  test('removeRange and clearRanges take ranges out of the builder', () => {
    const { sheet } = setup();
    const builder = sheet.newChart().addRange(sheet.getRange('B2:B5')).addRange(sheet.getRange('C2:C5'));
    expect(builder.getRanges().map((r) => r.getA1Notation())).toEqual(['B2:B5', 'C2:C5']);
    builder.removeRange(sheet.getRange('B2:B5'));
    expect(builder.getRanges().map((r) => r.getA1Notation())).toEqual(['C2:C5']);
    expect(builder.clearRanges().getRanges()).toEqual([]);
  });

  test('bad positions and misplaced charts are refused with a clear message', () => {
    const s = setup();
    const builder = s.sheet.newChart().addRange(s.sheet.getRange('B2:C5'));
    expect(() => builder.setPosition(0, 1, 0, 0)).toThrow(
      'the anchor (0, 1) must be a row and a column from 1',
    );
    expect(() => builder.setPosition(1, 1, -5, 0)).toThrow('the offsets (-5, 0) must be whole pixels from 0');
    expect(() => s.sheet.insertChart(builder.setPosition(1001, 1, 0, 0).build())).toThrow(
      "The chart's anchor (row 1001, column 1) is outside the sheet Sheet1 (1000 rows, 26 columns).",
    );
    const line = s.sheet.newChart().asLineChart() as unknown as SS.EmbeddedBarChartBuilder;
    expect(() => line.setStacked()).toThrow('setStacked is not available for a LINE chart.');
    expect(s.sheet.getCharts()).toEqual([]);
  });
});

describe('changing and removing a chart', () => {
  test('modify() then updateChart keeps the id and changes the rest', () => {
    const s = setup();
    s.sheet.insertChart(barChart(s));
    const [chart] = s.sheet.getCharts();
    const id = chart?.getChartId();
    const changed = chart?.modify().asColumnChart().setTitle('Renamed').setPosition(2, 9, 0, 0).build();
    s.sheet.updateChart(changed as SS.EmbeddedChart);
    const [after] = s.sheet.getCharts();
    expect(after?.getChartId()).toBe(id);
    expect(after?.getOptions().get('title')).toBe('Renamed');
    expect(after?.getOptions().get('colors')).toEqual(['#34a853']);
    expect(after?.modify().getChartType()).toBe(s.Charts.ChartType.COLUMN);
    expect(anchor(after)).toEqual([2, 9, 0, 0]);
    // The chart read before the update is a snapshot.
    expect(chart?.getOptions().get('title')).toBe('Objective scores');
  });

  test('removeChart deletes it; updating or removing a chart not on the sheet fails', () => {
    const s = setup();
    s.sheet.insertChart(barChart(s));
    const [chart] = s.sheet.getCharts() as [SS.EmbeddedChart];
    s.sheet.removeChart(chart);
    expect(s.sheet.getCharts()).toEqual([]);
    expect(() => s.sheet.removeChart(chart)).toThrow(
      `Chart ${chart.getChartId()} is not on the sheet Sheet1.`,
    );
    expect(() => s.sheet.updateChart(barChart(s))).toThrow(
      'Cannot update a chart that was never inserted: use insertChart.',
    );
    const other = s.ss.insertSheet('Other');
    s.sheet.insertChart(barChart(s));
    expect(() => other.removeChart(s.sheet.getCharts()[0] as SS.EmbeddedChart)).toThrow(
      'is not on the sheet Other',
    );
  });
});

describe('charts move with their sheet', () => {
  test('inserted and deleted rows and columns move the anchor and the ranges', () => {
    const s = setup();
    s.sheet.insertChart(barChart(s)); // B2:C5 at row 7, column 6
    s.sheet.insertRowsBefore(1, 2);
    expect(a1(s.sheet.getCharts()[0])).toEqual(['B4:C7']);
    expect(anchor(s.sheet.getCharts()[0])).toEqual([9, 6, 10, 20]);
    s.sheet.insertRowsAfter(5, 1); // inside the range: it grows
    expect(a1(s.sheet.getCharts()[0])).toEqual(['B4:C8']);
    s.sheet.deleteColumns(1, 1);
    expect(a1(s.sheet.getCharts()[0])).toEqual(['A4:B8']);
    expect(anchor(s.sheet.getCharts()[0])).toEqual([10, 5, 10, 20]);
    s.sheet.deleteRows(9, 3); // the anchor row goes: the chart sits on the row after the cut
    expect(anchor(s.sheet.getCharts()[0])).toEqual([9, 5, 10, 20]);
    s.sheet.deleteRows(4, 5); // the whole range goes: the chart stays, without data
    expect(a1(s.sheet.getCharts()[0])).toEqual([]);
    expect(s.sheet.getCharts()).toHaveLength(1);
  });

  test("a chart's range on another sheet follows that sheet; the anchor stays", () => {
    const s = setup();
    const dashboard = s.ss.insertSheet('Dashboard');
    dashboard.insertChart(
      dashboard.newChart().asPieChart().addRange(s.sheet.getRange('B2:C5')).setPosition(3, 3, 0, 0).build(),
    );
    s.sheet.insertRowsBefore(1, 4);
    const [chart] = dashboard.getCharts();
    expect(a1(chart)).toEqual(['B6:C9']);
    expect(chart?.getRanges()[0]?.getSheet().getName()).toBe('Sheet1');
    expect(anchor(chart)).toEqual([3, 3, 0, 0]);
  });

  test('deleting a sheet deletes its charts and takes its data out of the others', () => {
    const s = setup();
    const dashboard = s.ss.insertSheet('Dashboard');
    dashboard.getRange('A1:B2').setValues([
      ['a', 1],
      ['b', 2],
    ]);
    dashboard.insertChart(
      dashboard
        .newChart()
        .addRange(s.sheet.getRange('B2:C5'))
        .addRange(dashboard.getRange('A1:B2'))
        .setPosition(5, 1, 0, 0)
        .build(),
    );
    s.sheet.insertChart(barChart(s));
    s.ss.deleteSheet(s.sheet);
    expect(a1(dashboard.getCharts()[0])).toEqual(['A1:B2']);
    const again = s.ss.insertSheet('Sheet1');
    expect(again.getCharts()).toEqual([]);
  });

  test('a sheet copied from a template copies its charts with new ids, reading the copy', () => {
    const s = setup();
    s.sheet.insertChart(barChart(s));
    const copy = s.ss.insertSheet('Copy', { template: s.sheet });
    const [original] = s.sheet.getCharts();
    const [copied] = copy.getCharts();
    expect(copied?.getChartId()).not.toBe(original?.getChartId());
    expect(copied?.getRanges()[0]?.getSheet().getName()).toBe('Copy');
    expect(a1(copied)).toEqual(['B2:C5']);
    expect(copied?.getOptions().get('title')).toBe('Objective scores');
    copy.insertRowsBefore(1, 1);
    expect(a1(s.sheet.getCharts()[0])).toEqual(['B2:C5']);
  });
});

describe('what chart calls cost', () => {
  test('the builder and the chart objects are local; insert, update and remove write; getCharts reads', () => {
    const s = setup();
    s.wb.calls.reset();
    s.sheet.insertChart(barChart(s));
    const [chart] = s.sheet.getCharts() as [SS.EmbeddedChart];
    chart.getOptions().get('title');
    chart.getContainerInfo().getAnchorRow();
    s.sheet.updateChart(chart.modify().setOption('title', 'x').build());
    s.sheet.removeChart(chart);
    const kinds = s.wb.calls.byKind;
    const roundTrips = ROUND_TRIPS.reduce((n, kind) => n + kinds[kind], 0);
    expect(kinds.write).toBe(3);
    expect(s.wb.calls.byMethod['Sheet.getCharts']).toBe(1);
    expect(roundTrips).toBe(4);
    expect(s.wb.calls.byMethod['EmbeddedChartBuilder.setTitle']).toBe(1);
    expect(kinds.local).toBeGreaterThanOrEqual(12);
  });

  test('a failed insertChart inserts nothing; one failing after taking effect leaves the chart in', () => {
    const s = setup();
    s.wb.faults.failCall(1, { method: 'Sheet.insertChart' });
    expect(() => s.sheet.insertChart(barChart(s))).toThrow('Service Spreadsheets failed');
    expect(s.sheet.getCharts()).toEqual([]);
    s.wb.faults.failCall(1, { method: 'Sheet.insertChart', when: 'after' });
    expect(() => s.sheet.insertChart(barChart(s))).toThrow('Service Spreadsheets failed');
    expect(s.sheet.getCharts()).toHaveLength(1);
  });

  test('a custom function may read charts but not insert one', () => {
    const s = setup();
    s.sheet.insertChart(barChart(s));
    s.wb.setFormulaEngine({
      evaluate: () => {
        const sheet = s.wb.globals.SpreadsheetApp.getActiveSheet();
        const count = sheet.getCharts().length;
        try {
          sheet.insertChart(barChart(s));
          return 'inserted';
        } catch (error) {
          return `${count}: ${(error as Error).message}`;
        }
      },
      shift: (formula) => formula,
    });
    s.sheet.getRange('A1').setFormula('=PROBE()');
    expect(s.sheet.getRange('A1').getValue()).toBe('1: You do not have permission to call Sheet.insertChart');
  });
});
