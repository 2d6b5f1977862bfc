/**
 * Where a key result will land: an ordinary least-squares line of value against time through its
 * check-ins, read on the cycle's end. Times are taken in days from their mean, so the sums stay small
 * and exact enough whatever the dates.
 */

export interface TimedValue {
  /** Milliseconds since the epoch. */
  readonly time: number;
  readonly value: number;
}

const DAY_MS = 86_400_000;

/**
 * The line's value at `at`, or null with fewer than two distinct times (no line to draw) or when the
 * arithmetic would leave finite numbers (values near the limits of a double).
 */
export function forecastAt(points: readonly TimedValue[], at: number): number | null {
  const n = points.length;
  if (n < 2) return null;
  let meanTime = 0;
  let meanValue = 0;
  for (const p of points) {
    meanTime += p.time / n;
    meanValue += p.value / n;
  }
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    const dx = (p.time - meanTime) / DAY_MS;
    sxx += dx * dx;
    sxy += dx * (p.value - meanValue);
  }
  if (!(sxx > 0)) return null;
  const result = meanValue + (sxy / sxx) * ((at - meanTime) / DAY_MS);
  return Number.isFinite(result) ? result : null;
}
