/**
 * A sheet's embedded charts drawn with Chart.js over the grid, each at its anchor cell plus its pixel
 * offsets, from the series the server read out of the chart's ranges (see worker/chart-view.ts).
 */
import { Chart, type ChartConfiguration, type ChartDataset, registerables } from 'chart.js';
import type { ChartView, SheetView } from '../shared/view';
import { h } from './dom';

Chart.register(...registerables);

/** Sheets' default series colours. */
const PALETTE = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#ab30c4', '#7baaf7'];

function colorAt(view: ChartView, index: number): string {
  return view.colors[index] ?? PALETTE[index % PALETTE.length] ?? '#4285f4';
}

function datasets(view: ChartView): ChartDataset[] {
  if (view.type === 'PIE') {
    return view.series.map((series) => ({
      label: series.name,
      data: [...series.data],
      backgroundColor: view.labels.map((_, i) => colorAt(view, i)),
    }));
  }
  return view.series.map((series, i) => ({
    label: series.name,
    data: [...series.data],
    backgroundColor: colorAt(view, i),
    borderColor: colorAt(view, i),
    fill: view.type === 'AREA',
    tension: view.smooth ? 0.4 : 0,
    spanGaps: true,
  }));
}

function axis(stacked: boolean, title: string | null) {
  return { stacked, title: { display: title !== null, text: title ?? '' } };
}

/** The value axis: its viewWindow as the scale's bounds, and percent ticks. */
function valueScale(view: ChartView, title: string | null) {
  const { min, max, percent } = view.valueAxis;
  return {
    ...axis(view.stacked, title),
    ...(min === null ? {} : { min }),
    ...(max === null ? {} : { max }),
    ticks: percent ? { callback: (value: number | string) => `${Math.round(Number(value) * 100)}%` } : {},
  };
}

/** Average pixels a label character takes, to shorten category labels as Sheets does ("Grow the…"). */
const CHAR_WIDTH = 7;

/** A bar chart's categories run down its left side: a long label is cut to a third of the chart. */
function categoryScale(view: ChartView) {
  const room = Math.max(4, Math.floor(view.width / 3 / CHAR_WIDTH));
  const label = (text: string) => (text.length > room ? `${text.slice(0, room - 1)}…` : text);
  return {
    ...axis(view.stacked, view.yAxisTitle),
    ticks: { callback: (_: number | string, index: number) => label(view.labels[index] ?? '') },
  };
}

function scales(view: ChartView) {
  if (view.type === 'BAR') return { x: valueScale(view, view.xAxisTitle), y: categoryScale(view) };
  return { x: axis(view.stacked, view.xAxisTitle), y: valueScale(view, view.yAxisTitle) };
}

export function chartConfig(view: ChartView): ChartConfiguration {
  const kind = view.type === 'PIE' ? 'pie' : view.type === 'LINE' || view.type === 'AREA' ? 'line' : 'bar';
  return {
    type: kind,
    data: { labels: [...view.labels], datasets: datasets(view) },
    options: {
      animation: false,
      responsive: false,
      indexAxis: view.type === 'BAR' ? 'y' : 'x',
      plugins: {
        title: { display: view.title !== null, text: view.title ?? '' },
        legend: { display: view.legend !== 'none', position: view.legend === 'none' ? 'right' : view.legend },
      },
      ...(kind === 'pie' ? { cutout: `${view.pieHole * 100}%` } : { scales: scales(view) }),
    },
  } as ChartConfiguration;
}

/**
 * The top-left corner of a cell in the scrolling wrapper's content; for a cell not drawn (a hidden
 * column, a row past the page's), the nearest one drawn before it.
 */
function cellCorner(wrap: HTMLElement, row: number, col: number): { left: number; top: number } {
  const nearest = () => {
    const cells = [...wrap.querySelectorAll<HTMLElement>('td[data-row]')];
    const fits = cells.filter((td) => Number(td.dataset.row) <= row && Number(td.dataset.col) <= col);
    return fits[fits.length - 1] ?? cells[0];
  };
  const td = wrap.querySelector<HTMLElement>(`td[data-row="${row}"][data-col="${col}"]`) ?? nearest();
  if (!td) return { left: 0, top: 0 };
  const box = td.getBoundingClientRect();
  const origin = wrap.getBoundingClientRect();
  return { left: box.left - origin.left + wrap.scrollLeft, top: box.top - origin.top + wrap.scrollTop };
}

/** The charts on the page, destroyed when the sheet is drawn again. */
let drawn: Chart[] = [];

/** Draws the sheet's charts into `wrap`, over the grid it holds. */
export function renderCharts(wrap: HTMLElement, sheet: SheetView): void {
  for (const chart of drawn) chart.destroy();
  drawn = [];
  for (const view of sheet.charts) {
    const { left, top } = cellCorner(wrap, view.anchor.row, view.anchor.col);
    const box = h('div', {
      class: 'chart',
      'data-chart-id': String(view.id),
      'data-chart-type': view.type,
      style:
        `left:${left + view.anchor.offsetX}px;top:${top + view.anchor.offsetY}px;` +
        `width:${view.width}px;height:${view.height}px`,
    });
    wrap.append(box);
    if (view.problem !== null) {
      box.append(h('p', { class: 'chart-problem' }, `${view.title ?? 'Chart'}: ${view.problem}`));
      continue;
    }
    const canvas = h('canvas', { width: String(view.width), height: String(view.height) });
    box.append(canvas);
    const chart = new Chart(canvas, chartConfig(view));
    const points = chart.data.datasets.reduce((n, set) => n + set.data.filter((v) => v !== null).length, 0);
    box.setAttribute('data-points', String(points));
    drawn.push(chart);
  }
}
