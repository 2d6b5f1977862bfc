/** The words the add-on says after an action: short, with numbers and row numbers a user can act on. */
import type { RowProblem } from '../core';
import type { RefreshReport, TableReport } from '../sheets/refresh';
import type { SetupReport } from '../sheets/setup';

const MAX_LISTED = 10;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listProblems(sheetName: string, problems: readonly RowProblem[]): string[] {
  const lines = problems.slice(0, MAX_LISTED).map((p) => `  ${sheetName} row ${p.row}: ${p.message}`);
  if (problems.length > MAX_LISTED) lines.push(`  …and ${problems.length - MAX_LISTED} more rows`);
  return lines;
}

function statusParts({ kind, summary }: TableReport): string[] {
  const c = summary.counts;
  if (kind === 'okr')
    return [
      `${c['On track'] ?? 0} on track`,
      `${c['At risk'] ?? 0} at risk`,
      `${c['Off track'] ?? 0} off track`,
      `${c.Done ?? 0} done`,
    ];
  if (summary.judgedBy === 'target')
    return [`${c.Missed ?? 0} missed`, `${c.Near ?? 0} near`, `${c.Met ?? 0} met`];
  return [plural(c.Breach ?? 0, 'breach', 'breaches'), plural(c.Warning ?? 0, 'warning'), `${c.OK ?? 0} OK`];
}

/** One table's line; an OKR table whose cycle settings could not be read is scored without statuses. */
function tableLine(table: TableReport, statusesJudged: boolean): string {
  const { sheetName, summary } = table;
  const parts = statusesJudged ? statusParts(table) : ['no statuses: see below'];
  const errors = summary.problems.length > 0 ? `, ${plural(summary.problems.length, 'row')} with errors` : '';
  return `${sheetName}: ${plural(summary.scored, 'row')} scored (${parts.join(', ')})${errors}`;
}

export function refreshSummary(report: RefreshReport): string {
  if (report.tables.length === 0) {
    return 'No OKR or KPI table is connected yet. Use "Set up OKR & KPI sheets" or "Connect an existing table…" first.';
  }
  const lines = report.tables.map((t) => tableLine(t, t.kind === 'kpi' || report.settingsProblem === null));
  if (report.settingsProblem) lines.push('', `OKR statuses could not be judged: ${report.settingsProblem}`);
  if (report.objectivesProblem) lines.push('', report.objectivesProblem);
  const problems = report.tables.flatMap((t) => listProblems(t.sheetName, t.summary.problems));
  if (problems.length > 0) lines.push('', 'Rows that could not be read (the rest were scored):', ...problems);
  return lines.join('\n');
}

/** One line for a toast: toasts are small. */
export function refreshToast(report: RefreshReport): string {
  const total = report.tables.reduce((n, t) => n + t.summary.scored, 0);
  const breaches = report.tables.reduce((n, t) => n + (t.summary.counts.Breach ?? 0), 0);
  const missed = report.tables.reduce((n, t) => n + (t.summary.counts.Missed ?? 0), 0);
  const errors = report.tables.reduce((n, t) => n + t.summary.problems.length, 0);
  const misses = missed > 0 ? `, ${plural(missed, 'missed target')}` : '';
  return `${plural(total, 'row')} scored, ${plural(breaches, 'breach', 'breaches')}${misses}, ${plural(errors, 'row')} with errors.`;
}

export function setupSummary(report: SetupReport): string {
  const lines: string[] = [];
  if (report.created.length > 0) lines.push(`Created: ${report.created.join(', ')}.`);
  if (report.kept.length > 0) lines.push(`Already there, left as they are: ${report.kept.join(', ')}.`);
  lines.push(...report.conflicts);
  return lines.join('\n');
}
