/** Timing helpers shared by the benchmarks. */

/** Median wall time of `runs` calls, in ms, after `warmUp` untimed calls; the result is used so no work is optimised away. */
export function medianMs(fn: () => { length: number } | unknown, runs = 15, warmUp = 20): number {
  let sink = 0;
  for (let i = 0; i < warmUp; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const result = fn() as { length?: number };
    sink += result?.length ?? 1;
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  if (sink === 0) throw new Error('empty results');
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

/** Wall time of one call, in ms. */
export function onceMs<T>(fn: () => T): { ms: number; result: T } {
  const t0 = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
}

export function fixed(n: number, digits = 2): string {
  return n.toFixed(digits);
}
