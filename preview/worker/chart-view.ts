/**
 * An embedded chart's snapshot (its ranges' computed values and its options) read the way Sheets reads
 * a chart's data: the ranges side by side (or one under another with MERGE_ROWS), transposed if asked,
 * header rows naming the series, the first column labelling the points, one series per other column.
 */
import type { ChartSnapshot } from '../../emulator';
import { chartOption } from '../../emulator/charts';
import type { EvalValue } from '../../emulator/formula-types';
import type { ChartSeriesView, ChartView, LegendPosition } from '../shared/view';

/** What the page draws with Chart.js; other types get a note saying so. */
const DRAWN_TYPES = new Set(['BAR', 'COLUMN', 'LINE', 'AREA', 'PIE']);
/** Sheets' default size of a new chart. */
const DEFAULT_WIDTH = 600;
const DEFAULT_HEIGHT = 371;
const LEGENDS = new Set<LegendPosition>(['top', 'bottom', 'left', 'right', 'none']);

interface Cell {
  readonly value: EvalValue;
  readonly text: string;
}

type Table = Cell[][];

const BLANK: Cell = { value: '', text: '' };

function transpose(table: Table): Table {
  const width = Math.max(0, ...table.map((row) => row.length));
  return Array.from({ length: width }, (_, c) => table.map((row) => row[c] ?? BLANK));
}

/** The chart's ranges as one table. */
function tableOf(chart: ChartSnapshot): Table {
  const blocks: Table[] = chart.ranges.map((range) =>
    range.values.map((line, r) => line.map((value, c) => ({ value, text: range.display[r]?.[c] ?? '' }))),
  );
  let table: Table;
  if (chart.mergeStrategy === 'MERGE_ROWS') table = blocks.flat();
  else {
    const height = Math.max(0, ...blocks.map((block) => block.length));
    table = Array.from({ length: height }, (_, r) =>
      blocks.flatMap((block) => block[r] ?? Array.from({ length: block[0]?.length ?? 0 }, () => BLANK)),
    );
  }
  return chart.transpose ? transpose(table) : table;
}

function numberOf(value: EvalValue): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** With numHeaders -1, Sheets takes the first row as headers when its data columns hold no number. */
function headerRows(table: Table, numHeaders: number, firstDataColumn: number): number {
  if (numHeaders >= 0) return Math.min(numHeaders, table.length);
  const first = table[0] ?? [];
  const data = first.slice(firstDataColumn);
  return table.length > 1 &&
    data.some((cell) => typeof cell.value === 'string' && cell.value !== '') &&
    data.every((cell) => numberOf(cell.value) === null)
    ? 1
    : 0;
}

function textOption(options: Record<string, unknown>, name: string): string | null {
  const value = chartOption(options, name);
  return value === null || value === undefined || value === '' ? null : String(value);
}

/** `colors`, then any `series.N.color` over it. */
function colorsOf(options: Record<string, unknown>, count: number): string[] {
  const base = chartOption(options, 'colors');
  const colors = Array.isArray(base) ? base.map(String) : [];
  for (let i = 0; i < count; i++) {
    const own = chartOption(options, `series.${i}.color`);
    if (typeof own === 'string') colors[i] = own;
  }
  return colors;
}

function sizeOption(options: Record<string, unknown>, name: string, fallback: number): number {
  const value = chartOption(options, name);
  return typeof value === 'number' && value > 0 ? value : fallback;
}

/** `legend.position`, or `legend` itself given as a position ('none', 'bottom'...). */
function legendOf(options: Record<string, unknown>): LegendPosition {
  const named = typeof options.legend === 'string' ? options.legend : chartOption(options, 'legend.position');
  const value = String(named ?? 'right').toLowerCase() as LegendPosition;
  return LEGENDS.has(value) ? value : 'right';
}

function numberOption(options: Record<string, unknown>, name: string): number | null {
  const value = chartOption(options, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A bar chart's values run along hAxis; the other charts' along vAxis. */
function valueAxisOf(type: string, options: Record<string, unknown>): ChartView['valueAxis'] {
  const axis = type === 'BAR' ? 'hAxis' : 'vAxis';
  return {
    min: numberOption(options, `${axis}.viewWindow.min`),
    max: numberOption(options, `${axis}.viewWindow.max`),
    percent: chartOption(options, `${axis}.format`) === 'percent',
  };
}

function problemOf(chart: ChartSnapshot, series: readonly ChartSeriesView[]): string | null {
  if (!DRAWN_TYPES.has(chart.type))
    return `The preview draws bar, column, line, area and pie charts; this is a ${chart.type} chart.`;
  if (chart.ranges.length === 0) return 'This chart has no data range.';
  if (!series.some((s) => s.data.some((v) => v !== null)))
    return `No numbers in the chart's ranges (${chart.ranges.map((r) => `${r.sheet}!${r.a1}`).join(', ')}).`;
  return null;
}

export function chartView(chart: ChartSnapshot): ChartView {
  const table = tableOf(chart);
  const width = Math.max(0, ...table.map((row) => row.length));
  // The first column labels the points when there is another to plot.
  const labelled = width > 1 ? 1 : 0;
  const headers = headerRows(table, chart.numHeaders, labelled);
  // Wholly blank rows (a range kept longer than its data) are no points, as in Sheets.
  const body = table.slice(headers).filter((row) => row.some((cell) => cell.value !== ''));
  const labels = body.map((row, i) => (labelled ? (row[0]?.text ?? '') : String(i + 1)));
  const allSeries: ChartSeriesView[] = [];
  for (let c = labelled; c < width; c++) {
    const name = table
      .slice(0, headers)
      .map((row) => row[c]?.text ?? '')
      .filter(Boolean)
      .join(' ');
    allSeries.push({
      name: name || `Series ${c - labelled + 1}`,
      data: body.map((row) => numberOf(row[c]?.value ?? '')),
    });
  }
  // A pie shows its first data column only, as in Sheets.
  const series = chart.type === 'PIE' ? allSeries.slice(0, 1) : allSeries;
  const { options } = chart;
  return {
    id: chart.id,
    type: chart.type,
    anchor: chart.anchor,
    width: sizeOption(options, 'width', DEFAULT_WIDTH),
    height: sizeOption(options, 'height', DEFAULT_HEIGHT),
    title: textOption(options, 'title'),
    labels,
    series,
    colors: colorsOf(options, chart.type === 'PIE' ? labels.length : series.length),
    stacked: chartOption(options, 'isStacked') === true || chartOption(options, 'isStacked') === 'true',
    legend: legendOf(options),
    xAxisTitle: textOption(options, 'hAxis.title'),
    yAxisTitle: textOption(options, 'vAxis.title'),
    valueAxis: valueAxisOf(chart.type, options),
    smooth: chartOption(options, 'curveType') === 'function',
    pieHole: Math.min(1, Math.max(0, numberOption(options, 'pieHole') ?? 0)),
    problem: problemOf(chart, series),
  };
}
