/**
 * What the preview draws of an embedded chart: its ranges' computed values read as Sheets reads a
 * chart's data (headers, labels, one series per column, merged and transposed ranges), and its options.
 */
import { createWorkbook } from '../../emulator';
import { createFormulaEngine } from '../../emulator/formula-engine';
import { chartView } from '../../preview/worker/chart-view';

import SS = GoogleAppsScript.Spreadsheet;

function setup() {
  const wb = createWorkbook({ formulaEngine: createFormulaEngine({}) });
  const { SpreadsheetApp, Charts } = wb.globals;
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0] as SS.Sheet;
  sheet.getRange('A1:C4').setValues([
    ['Week', 'Score', 'Expected'],
    ['W1', 0.1, 0.15],
    ['W2', 0.3, '=B3+0.02'],
    ['W3', '', 0.45],
  ]);
  const view = (builder: SS.EmbeddedChartBuilder) => {
    sheet.insertChart(builder.build());
    const charts = wb.snapshot('Sheet1').charts;
    return chartView(charts[charts.length - 1] as (typeof charts)[number]);
  };
  return { sheet, Charts, view };
}

describe('reading a chart as Sheets does', () => {
  test('first row names the series, first column labels the points, formulas computed, blanks null', () => {
    const { sheet, Charts, view } = setup();
    const chart = view(
      sheet
        .newChart()
        .addRange(sheet.getRange('A1:C4'))
        .setPosition(6, 2, 5, 7)
        .asLineChart()
        .setTitle('Progress')
        .setLegendPosition(Charts.Position.BOTTOM)
        .setCurveStyle(Charts.CurveStyle.SMOOTH),
    );
    expect(chart).toMatchObject({
      type: 'LINE',
      anchor: { row: 6, col: 2, offsetX: 5, offsetY: 7 },
      width: 600,
      height: 371,
      title: 'Progress',
      labels: ['W1', 'W2', 'W3'],
      series: [
        { name: 'Score', data: [0.1, 0.3, null] },
        { name: 'Expected', data: [0.15, 0.32, 0.45] },
      ],
      legend: 'bottom',
      smooth: true,
      stacked: false,
      problem: null,
    });
  });

  test('wholly blank rows, as in a range kept longer than its data, are no points', () => {
    const { sheet, view } = setup();
    const chart = view(sheet.newChart().addRange(sheet.getRange('A1:C9')).asColumnChart());
    expect(chart.labels).toEqual(['W1', 'W2', 'W3']);
    expect(chart.series.map((s) => s.data.length)).toEqual([3, 3]);
  });

  test('ranges side by side make one table; setNumHeaders(0) reads the first row as data', () => {
    const { sheet, view } = setup();
    const chart = view(
      sheet
        .newChart()
        .addRange(sheet.getRange('A2:A4'))
        .addRange(sheet.getRange('C2:C4'))
        .setNumHeaders(0)
        .asColumnChart()
        .setStacked()
        .setColors(['#ff0000']),
    );
    expect(chart.labels).toEqual(['W1', 'W2', 'W3']);
    expect(chart.series).toEqual([{ name: 'Series 1', data: [0.15, 0.32, 0.45] }]);
    expect(chart.stacked).toBe(true);
    expect(chart.colors).toEqual(['#ff0000']);
  });

  test('transposed, each row is a series; MERGE_ROWS stacks ranges; a pie shows its first series', () => {
    const { sheet, Charts, view } = setup();
    const rows = view(sheet.newChart().addRange(sheet.getRange('A1:C3')).setTransposeRowsAndColumns(true));
    expect(rows.labels).toEqual(['Score', 'Expected']);
    expect(rows.series.map((s) => s.name)).toEqual(['W1', 'W2']);
    expect(rows.series[1]?.data).toEqual([0.3, 0.32]);
    const merged = view(
      sheet
        .newChart()
        .addRange(sheet.getRange('A1:B2'))
        .addRange(sheet.getRange('A3:B4'))
        .setMergeStrategy(Charts.ChartMergeStrategy.MERGE_ROWS),
    );
    expect(merged.labels).toEqual(['W1', 'W2', 'W3']);
    const pie = view(sheet.newChart().addRange(sheet.getRange('A1:C4')).asPieChart().set3D());
    expect(pie.series).toEqual([{ name: 'Score', data: [0.1, 0.3, null] }]);
  });

  test("Google Charts' options as the add-on sets them: legend by name, the value axis, a pie's hole", () => {
    const { sheet, view } = setup();
    const bar = view(
      sheet
        .newChart()
        .addRange(sheet.getRange('A1:C4'))
        .setOption('legend', 'none')
        .setOption('hAxis.viewWindow.min', 0)
        .setOption('hAxis.viewWindow.max', 1)
        .setOption('hAxis.format', 'percent')
        .setOption('vAxis.viewWindow.max', 9)
        .asBarChart(),
    );
    expect(bar.legend).toBe('none');
    expect(bar.valueAxis).toEqual({ min: 0, max: 1, percent: true });
    const line = view(
      sheet
        .newChart()
        .addRange(sheet.getRange('A1:C4'))
        .setOption('vAxis', { viewWindow: { max: 0.5 } })
        .asLineChart(),
    );
    expect(line.valueAxis).toEqual({ min: null, max: 0.5, percent: false });
    expect(line.legend).toBe('right');
    const pie = view(
      sheet.newChart().addRange(sheet.getRange('A1:B4')).setOption('pieHole', 0.4).asPieChart(),
    );
    expect(pie.pieHole).toBe(0.4);
  });

  test('a type the preview cannot draw, or ranges without numbers, get a note instead', () => {
    const { sheet, Charts, view } = setup();
    const scatter = view(
      sheet.newChart().addRange(sheet.getRange('A1:C4')).setChartType(Charts.ChartType.SCATTER),
    );
    expect(scatter.problem).toBe(
      'The preview draws bar, column, line, area and pie charts; this is a SCATTER chart.',
    );
    const words = view(sheet.newChart().addRange(sheet.getRange('A1:A4')));
    expect(words.problem).toBe("No numbers in the chart's ranges (Sheet1!A1:A4).");
    expect(view(sheet.newChart()).problem).toBe('This chart has no data range.');
  });
});
