/** `npm run bench`: every benchmark, printed as tables. */
import { join } from 'node:path';
import { benchDailyJob } from './daily-job';
import { benchFormulas } from './formulas';
import { benchJudge, benchRefresh } from './refresh';

const dist = join(__dirname, '../../dist');

console.log('\nCustom formulas, one call over a whole column (medians of 51 alternated runs):');
console.table(benchFormulas(dist));
console.log('\nRefresh of a connected KPI table, against a naive cell-by-cell refresh (emulated Sheets):');
console.table(benchRefresh());
console.table(benchJudge());
console.log('\nDaily alert job:');
console.table(benchDailyJob());
