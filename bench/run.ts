/**
 * `npm run bench`: every benchmark, printed as tables. `formula-case NAME ROWS` runs one formula case
 * and prints its times as JSON: the formula benchmark runs each case in a process of its own.
 */
import { join } from 'node:path';
import { benchDailyJob } from './daily-job';
import { benchDashboard } from './dashboard';
import { benchFormulas, isFormulaName, runFormulaCase } from './formulas';
import { benchDemoRefresh, benchJudge, benchRefresh } from './refresh';

const dist = join(__dirname, '../../dist');
const [mode, name, rows] = process.argv.slice(2);

if (mode === 'formula-case' && isFormulaName(name)) {
  console.log(JSON.stringify(runFormulaCase(dist, name, Number(rows))));
} else {
  runAll();
}

function runAll(): void {
  console.log(
    '\nCustom formulas, one call over a whole column (processes of their own per case; medians of 51 alternated warm calls):',
  );
  console.table(benchFormulas(__filename));
  console.log('\nRefresh of a connected KPI table, against a naive cell-by-cell refresh (emulated Sheets):');
  console.table(benchRefresh());
  console.log(
    '\nRefresh on the demo workbook, the next day: round trips by kind, then by method (local calls left out):',
  );
  const demo = benchDemoRefresh();
  console.table(demo.kinds);
  console.table(demo.methods);
  console.table(benchJudge());
  const dashboard = benchDashboard();
  console.log('\nThe dashboard: Set up and Refresh with it and without it (round trips by kind):');
  console.table(dashboard.calls);
  console.log(
    "\nDashboard formulas over 2,000 key results and 500 KPIs, recomputed by the emulator's engine:",
  );
  console.table(dashboard.recompute);
  console.log('\nDaily alert job:');
  console.table(benchDailyJob());
}
