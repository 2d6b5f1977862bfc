/**
 * The custom formulas over whole columns in one call, beside a bare hand-written loop doing the same
 * arithmetic in the same run. Target: the formula within 3x of the loop; 100,000 rows well under 1 s.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { compareMs, fixed } from './measure';

type Column = unknown[][];
type Formula = (...args: unknown[]) => Column;

function column(n: number, f: (i: number) => unknown): Column {
  return Array.from({ length: n }, (_, i) => [f(i)]);
}

function bareScore(current: Column, target: Column, start: Column): Column {
  const out = new Array(current.length);
  for (let i = 0; i < current.length; i++) {
    const c = (current[i] as number[])[0] as number;
    const t = (target[i] as number[])[0] as number;
    const s = (start[i] as number[])[0] as number;
    out[i] = [Math.min(Math.max((c - s) / (t - s), 0), 1)];
  }
  return out;
}

function bareStatus(values: Column, warning: number, critical: number): Column {
  const out = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = (values[i] as number[])[0] as number;
    out[i] = [v < critical ? 'Breach' : v < warning ? 'Warning' : 'OK'];
  }
  return out;
}

/**
 * A fresh load of the bundle and one of its formulas. Apps Script loads the script anew for every
 * custom-function call, so each case gets its own copy rather than sharing the JIT's feedback with the
 * other formulas. It runs in the main context, not a vm sandbox, whose global lookups (Math, Number,
 * ...) go through interceptors that Apps Script's plain V8 global scope does not have.
 */
function freshFormula(code: string, name: string): Formula {
  runInThisContext(code, { filename: 'Code.js' });
  return (globalThis as unknown as Record<string, Formula>)[name] as Formula;
}

export function benchFormulas(dist: string): Record<string, string>[] {
  const code = readFileSync(join(dist, 'Code.js'), 'utf8');
  const rows: Record<string, string>[] = [];
  for (const n of [10_000, 100_000]) {
    const current = column(n, (i) => (i * 37) % 1200);
    const target = column(n, () => 1000);
    const start = column(n, (i) => i % 50);
    const kpi = column(n, (i) => 0.9 + ((i * 7) % 100) / 1000);
    const score = freshFormula(code, 'OKR_SCORE');
    const status = freshFormula(code, 'KPI_STATUS');
    const cases: [string, () => Column, () => Column][] = [
      [`OKR_SCORE, ${n} rows`, () => score(current, target, start), () => bareScore(current, target, start)],
      [`KPI_STATUS, ${n} rows`, () => status(kpi, 0.98, 0.95), () => bareStatus(kpi, 0.98, 0.95)],
    ];
    for (const [name, formula, loop] of cases) {
      const [f, b] = compareMs(formula, loop);
      rows.push({ case: name, 'formula ms': fixed(f), 'bare loop ms': fixed(b), ratio: fixed(f / b) });
    }
  }
  return rows;
}
