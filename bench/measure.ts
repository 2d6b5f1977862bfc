/** Timing helpers shared by the benchmarks. */

/** Wall time of one call, in ms. */
export function onceMs<T>(fn: () => T): { ms: number; result: T } {
  const t0 = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
}

export function fixed(n: number, digits = 2): string {
  return n.toFixed(digits);
}

export interface CompareOptions {
  /** Timed pairs, after the warm-up. */
  readonly runs?: number;
  /** Untimed pairs first, so both are compiled as they will stay. */
  readonly warmUp?: number;
  /** Called untimed before every timed call (a garbage collection, say). */
  readonly before?: (() => void) | undefined;
}

/**
 * Medians of two functions timed in alternation, so CPU frequency changes and whatever else the
 * machine does fall on both alike.
 */
export function compareMs(
  a: () => unknown,
  b: () => unknown,
  { runs = 51, warmUp = 200, before }: CompareOptions = {},
): [number, number] {
  for (let i = 0; i < warmUp; i++) {
    a();
    b();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of [a, b].entries()) {
      before?.();
      times[k as 0 | 1].push(onceMs(fn).ms);
    }
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  return [median(times[0]), median(times[1])];
}
