/**
 * A small progress chart as inline SVG (no external script): values over time, the target line, and
 * the projection to the cycle's end as a dashed line from the last check-in.
 */
import { svg } from './dom';

export interface Point {
  readonly time: number;
  readonly value: number;
}

export function progressChart(
  points: readonly Point[],
  target: number | null,
  start: number | null,
  projection: Point | null = null,
): SVGSVGElement {
  const width = 260;
  const height = 90;
  const pad = 8;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', class: 'chart' });
  const sorted = [...points].sort((a, b) => a.time - b.time);
  const values = [
    ...sorted.map((p) => p.value),
    ...(target === null ? [] : [target]),
    ...(start === null ? [] : [start]),
    ...(projection === null ? [] : [projection.value]),
  ];
  if (sorted.length === 0 || values.length === 0) return chart;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const first = sorted[0]?.time ?? 0;
  const lastPoint = sorted[sorted.length - 1] as Point;
  const last = Math.max(lastPoint.time, projection?.time ?? lastPoint.time);
  const x = (t: number) => pad + ((t - first) / (last - first || 1)) * (width - 2 * pad);
  const y = (v: number) => height - pad - ((v - lo) / span) * (height - 2 * pad);
  chart.append(svg('title', {}));
  (chart.firstChild as SVGTitleElement).textContent = `Progress over ${sorted.length} check-ins`;
  if (target !== null) {
    chart.append(svg('line', { x1: pad, x2: width - pad, y1: y(target), y2: y(target), class: 'target' }));
  }
  if (projection !== null && projection.time > lastPoint.time) {
    const ends = {
      x1: x(lastPoint.time),
      y1: y(lastPoint.value),
      x2: x(projection.time),
      y2: y(projection.value),
    };
    const line = svg('line', { ...ends, class: 'projection', 'stroke-dasharray': '6 4' });
    line.append(svg('title', {}));
    (line.firstChild as SVGTitleElement).textContent =
      `Projected ${Number(projection.value.toPrecision(4))} by the cycle's end`;
    chart.append(line);
  }
  const line = sorted.map((p) => `${x(p.time).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  chart.append(svg('polyline', { points: line, class: 'series' }));
  for (const p of sorted)
    chart.append(svg('circle', { cx: x(p.time).toFixed(1), cy: y(p.value).toFixed(1), r: 3, class: 'dot' }));
  return chart;
}
