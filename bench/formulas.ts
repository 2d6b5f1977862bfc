/**
 * The custom formulas over whole columns in one call, beside a bare hand-written loop doing the same
 * arithmetic in the same run. Target: the formula within 3x of the loop; 100,000 rows well under 1 s.
 *
 * Each case runs in Node processes of its own, as Apps Script loads the script anew for every custom-function
 * execution: one case's garbage and JIT state never reach another's. Inside it, the formula and the loop
 * are timed in alternation, each call after a full garbage collection, so a call starts with an empty
 * young generation rather than paying for the garbage of the calls before it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { compareMs, fixed, onceMs } from './measure';

type Column = unknown[][];
type Formula = (...args: unknown[]) => Column;

const SIZES = [10_000, 100_000];
const PROCESSES = 3;
const FORMULAS = ['OKR_SCORE', 'KPI_STATUS'] as const;
type FormulaName = (typeof FORMULAS)[number];

/** What one case measured, in ms. */
export interface CaseTimes {
  readonly firstFormula: number;
  readonly firstLoop: number;
  readonly formula: number;
  readonly loop: number;
}

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

/** The formula's call and the bare loop's, over the same `n` rows. */
function callsOf(name: FormulaName, formula: Formula, n: number): [() => Column, () => Column] {
  if (name === 'OKR_SCORE') {
    const current = column(n, (i) => (i * 37) % 1200);
    const target = column(n, () => 1000);
    const start = column(n, (i) => i % 50);
    return [() => formula(current, target, start), () => bareScore(current, target, start)];
  }
  const kpi = column(n, (i) => 0.9 + ((i * 7) % 100) / 1000);
  return [() => formula(kpi, 0.98, 0.95), () => bareStatus(kpi, 0.98, 0.95)];
}

/**
 * One case, in this process: the first (cold) call of each, then medians of alternated warm calls.
 * The bundle runs in the main context, not a vm sandbox, whose global lookups (Math, Number, ...) go
 * through interceptors that Apps Script's plain V8 global scope does not have.
 */
export function runFormulaCase(dist: string, name: FormulaName, n: number): CaseTimes {
  runInThisContext(readFileSync(join(dist, 'Code.js'), 'utf8'), { filename: 'Code.js' });
  const formula = (globalThis as unknown as Record<string, Formula>)[name] as Formula;
  const [callFormula, callLoop] = callsOf(name, formula, n);
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  const firstFormula = onceMs(callFormula).ms;
  collect?.();
  const firstLoop = onceMs(callLoop).ms;
  const [warmFormula, warmLoop] = compareMs(callFormula, callLoop, { before: collect });
  return { firstFormula, firstLoop, formula: warmFormula, loop: warmLoop };
}

/** One case in a child process running this bench with `formula-case NAME ROWS`. */
function caseInChild(script: string, name: FormulaName, n: number): CaseTimes {
  const args = ['--expose-gc', script, 'formula-case', name, String(n)];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as CaseTimes;
}

/**
 * Every case, each in PROCESSES child processes; the table shows the process with the median ratio,
 * since now and then a process settles its JIT or heap into a slower state for one side.
 */
export function benchFormulas(script: string): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  for (const n of SIZES) {
    for (const name of FORMULAS) {
      const runs = Array.from({ length: PROCESSES }, () => caseInChild(script, name, n));
      const ratio = (t: CaseTimes) => t.formula / t.loop;
      const t = runs.sort((x, y) => ratio(x) - ratio(y))[Math.floor(PROCESSES / 2)] as CaseTimes;
      rows.push({
        case: `${name}, ${n} rows`,
        'formula ms': fixed(t.formula),
        'bare loop ms': fixed(t.loop),
        ratio: fixed(ratio(t)),
        'first call ms (formula / loop)': `${fixed(t.firstFormula)} / ${fixed(t.firstLoop)}`,
      });
    }
  }
  return rows;
}

export function isFormulaName(name: string | undefined): name is FormulaName {
  return FORMULAS.includes(name as FormulaName);
}
