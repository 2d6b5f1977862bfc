// Benchmarks: the custom formulas over whole columns in one call, beside a bare hand-written loop doing
// the same arithmetic in the same run. Prints a table; targets are in README.md (Development).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInThisContext } from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The main context, not a vm sandbox: a sandbox's global lookups (Math, Number, ...) go through
// interceptors that make every call slower than Apps Script's plain V8 global scope.
runInThisContext(readFileSync(join(root, 'dist/Code.js'), 'utf8'), { filename: 'Code.js' });
const g = globalThis;

/** Median wall time of `runs` calls, in ms, after one warm-up call. */
function time(fn, runs = 15) {
  let sink = 0;
  for (let i = 0; i < 20; i++) fn(); // lets the JIT optimise both sides before timing
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    sink += fn().length; // uses the result, so no work can be optimised away
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  if (sink === 0) throw new Error('empty results');
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const column = (n, f) => Array.from({ length: n }, (_, i) => [f(i)]);

function bareScore(current, target, start) {
  const out = new Array(current.length);
  for (let i = 0; i < current.length; i++) {
    const c = current[i][0];
    const t = target[i][0];
    const s = start[i][0];
    const v = (c - s) / (t - s);
    out[i] = [Math.min(Math.max(v, 0), 1)];
  }
  return out;
}

function bareStatus(values, warning, critical) {
  const out = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i][0];
    out[i] = [v < critical ? 'Breach' : v < warning ? 'Warning' : 'OK'];
  }
  return out;
}

const rows = [];
for (const n of [10_000, 100_000]) {
  const current = column(n, (i) => (i * 37) % 1200);
  const target = column(n, () => 1000);
  const start = column(n, (i) => i % 50);
  const kpi = column(n, (i) => 0.9 + ((i * 7) % 100) / 1000);
  const formulaScore = time(() => g.OKR_SCORE(current, target, start));
  const loopScore = time(() => bareScore(current, target, start));
  const formulaStatus = time(() => g.KPI_STATUS(kpi, 0.98, 0.95));
  const loopStatus = time(() => bareStatus(kpi, 0.98, 0.95));
  rows.push({ case: `OKR_SCORE ${n} rows`, formula_ms: formulaScore, bare_loop_ms: loopScore });
  rows.push({ case: `KPI_STATUS ${n} rows`, formula_ms: formulaStatus, bare_loop_ms: loopStatus });
}

console.log('Custom formulas, one call over a whole column (median of 15 runs):');
console.table(
  rows.map((r) => ({
    case: r.case,
    'formula ms': r.formula_ms.toFixed(2),
    'bare loop ms': r.bare_loop_ms.toFixed(2),
    ratio: (r.formula_ms / r.bare_loop_ms).toFixed(2),
  })),
);
