/**
 * SPARKLINE results drawn as small inline SVG, following Sheets' options: charttype line (default), bar
 * (a horizontal bar per value, stacked), column and winloss; max, min (ymin/ymax for lines), color,
 * color1, color2, negcolor, linewidth.
 */
import { svg } from '../../src/ui/sidebar/dom';
import type { SparklineView } from '../shared/view';

type Options = Record<string, string | number | boolean>;

function option(options: Options, name: string): string | number | boolean | undefined {
  const key = Object.keys(options).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : options[key];
}

function numberOption(options: Options, name: string): number | undefined {
  const value = Number(option(options, name));
  return option(options, name) === undefined || !Number.isFinite(value) ? undefined : value;
}

/** A colour name or hex code; anything else falls back (the value came from a formula). */
function colorOption(options: Options, name: string, fallback: string): string {
  const value = String(option(options, name) ?? '');
  return /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i.test(value) ? value : fallback;
}

function bar(
  data: readonly number[],
  options: Options,
  width: number,
  height: number,
  chart: SVGSVGElement,
): void {
  const total = data.reduce((sum, v) => sum + Math.max(0, v), 0);
  const max = numberOption(options, 'max') ?? total;
  const colors = [colorOption(options, 'color1', '#4285f4'), colorOption(options, 'color2', '#a1c2fa')];
  let x = 0;
  data.forEach((value, i) => {
    const w = max > 0 ? (Math.max(0, Math.min(value, max)) / max) * width : 0;
    const clipped = Math.min(w, width - x);
    if (clipped > 0)
      chart.append(
        svg('rect', {
          x,
          y: 0,
          width: clipped,
          height,
          fill: colors[i % 2] ?? colors[0] ?? '#4285f4',
          class: 'bar',
        }),
      );
    x += clipped;
  });
}

function columns(
  data: readonly number[],
  options: Options,
  width: number,
  height: number,
  chart: SVGSVGElement,
  winLoss: boolean,
): void {
  const values = winLoss ? data.map((v) => Math.sign(v)) : data;
  const max = numberOption(options, 'max') ?? Math.max(0, ...values);
  const min = numberOption(options, 'min') ?? Math.min(0, ...values);
  const span = max - min || 1;
  const zero = height - ((0 - min) / span) * height;
  const step = width / Math.max(1, values.length);
  const color = colorOption(options, 'color', '#4285f4');
  const negative = colorOption(options, 'negcolor', color);
  values.forEach((value, i) => {
    const y = height - ((value - min) / span) * height;
    chart.append(
      svg('rect', {
        x: i * step + step * 0.1,
        y: Math.min(y, zero),
        width: step * 0.8,
        height: Math.max(1, Math.abs(zero - y)),
        fill: value < 0 ? negative : color,
      }),
    );
  });
}

function line(
  data: readonly number[],
  options: Options,
  width: number,
  height: number,
  chart: SVGSVGElement,
): void {
  if (data.length === 0) return;
  const lo = numberOption(options, 'ymin') ?? Math.min(...data);
  const hi = numberOption(options, 'ymax') ?? Math.max(...data);
  const span = hi - lo || 1;
  const pad = 2;
  const x = (i: number) => (data.length === 1 ? width / 2 : (i / (data.length - 1)) * width);
  const y = (v: number) => pad + (1 - (v - lo) / span) * (height - 2 * pad);
  chart.append(
    svg('polyline', {
      points: data.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' '),
      fill: 'none',
      stroke: colorOption(options, 'color', '#4285f4'),
      'stroke-width': numberOption(options, 'linewidth') ?? 1.5,
      class: 'line',
    }),
  );
}

export function sparkline(spark: SparklineView, width: number, height: number): SVGSVGElement {
  const chart = svg('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    class: 'sparkline',
    role: 'img',
  });
  const type = String(option(spark.options, 'charttype') ?? 'line').toLowerCase();
  chart.setAttribute('data-charttype', type);
  const data = spark.data.filter((v) => Number.isFinite(v));
  if (type === 'bar') bar(data, spark.options, width, height, chart);
  else if (type === 'column' || type === 'winloss')
    columns(data, spark.options, width, height, chart, type === 'winloss');
  else line(data, spark.options, width, height, chart);
  return chart;
}
