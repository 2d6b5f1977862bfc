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

/**
 * Medians of two functions timed in alternation, so garbage collection and CPU frequency changes fall
 * on both alike; `runs` timed pairs after `warmUp` untimed ones.
 */
export function compareMs(a: () => unknown, b: () => unknown, runs = 51, warmUp = 200): [number, number] {
  for (let i = 0; i < warmUp; i++) {
    a();
    b();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of [a, b].entries()) {
      const t0 = process.hrtime.bigint();
      fn();
      times[k as 0 | 1].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  return [median(times[0]), median(times[1])];
}
