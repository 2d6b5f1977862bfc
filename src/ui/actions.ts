/**
 * What each menu item does, as a user sees it: a toast while working, a short summary at the end, and
 * a clear message when something is wrong. Sheets work is delegated to src/sheets.
 */
import { proposeMapping } from '../sheets/connect';
import { refreshAll } from '../sheets/refresh';
import { setUp } from '../sheets/setup';
import { menuAction } from './entry';
import { showConnectSidebar } from './sidebars';
import { refreshSummary, refreshToast, setupSummary } from './summary-text';

const TITLE = 'OKR & KPI Tracker';

function ui() {
  return SpreadsheetApp.getUi();
}

export const setUpSheets = menuAction(TITLE, ({ locked }) => {
  const answer = ui().alert(
    'Set up OKR & KPI sheets',
    'Add example rows to the new sheets (KPIs such as on-time delivery, response time and weekly leads, with a few weeks of history, and OKRs that track them)?',
    ui().ButtonSet.YES_NO_CANCEL,
  );
  if (answer === ui().Button.CANCEL || answer === ui().Button.CLOSE) return;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  spreadsheet.toast('Setting up sheets…', TITLE);
  const now = new Date();
  const text = locked(() => {
    const report = setUp(spreadsheet, { withExamples: answer === ui().Button.YES, now });
    const refreshed = refreshAll(spreadsheet, now);
    return `${setupSummary(report)}\n\n${refreshSummary(refreshed)}`;
  });
  ui().alert(TITLE, text, ui().ButtonSet.OK);
});

export const refreshScores = menuAction(TITLE, ({ locked }) => {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  spreadsheet.toast('Refreshing scores & highlights…', TITLE);
  const report = locked(() => refreshAll(spreadsheet, new Date()));
  const hasProblems =
    report.settingsProblem !== null ||
    report.objectivesProblem !== null ||
    report.tables.some((t) => t.summary.problems.length > 0);
  if (hasProblems || report.tables.length === 0) ui().alert(TITLE, refreshSummary(report), ui().ButtonSet.OK);
  else spreadsheet.toast(refreshToast(report), TITLE, 8);
});

/** Finds the table's header and opens the confirm step; nothing is written until the user confirms there. */
export const connectActiveTable = menuAction(TITLE, () => {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getActiveSheet();
  const proposal = proposeMapping(sheet, spreadsheet.getActiveRange());
  if (!proposal) {
    ui().alert(
      TITLE,
      `No table header found on "${sheet.getName()}": no row there has two or more headers such as KPI, Target, Actual, Objective or Key result. Select the table's header row, then try again.`,
      ui().ButtonSet.OK,
    );
    return;
  }
  showConnectSidebar(sheet, proposal);
});

export const showHelp = menuAction(TITLE, () => {
  ui().alert(
    'OKR & KPI Tracker: help',
    [
      'Set up OKR & KPI sheets: creates OKRs, KPIs, Check-ins and OKR Settings sheets (never overwrites yours).',
      'Connect an existing table: select a cell of your table (or its header row); the add-on reads its headers, shows what each column becomes so you can correct it, and only when you press Connect adds its score and status columns after it.',
      'Refresh scores & highlights: rescores every connected table, moves the as-of date to today, and re-applies the colours.',
      '',
      'Check in: records a key result\'s value, confidence and comment; the sidebar shows its pace in words and where its trend leads by the cycle\'s end. A key result with no check-in for longer than the check-in interval (OKR Settings) turns amber; with daily alerts on, its owner is reminded on the check-in day, and after two missed intervals the manager named in a "Managers" sheet (columns Owner and Manager).',
      '',
      'Formulas: =OKR_SCORE(current, target, [start], [kind], [commit], [stretch]), =OKR_ZONE_SCORE(current, commit, target, stretch, [start]), =OKR_PACE(score, cycle_start, cycle_end, [as_of]), =OKR_FORECAST(values, dates, cycle_end), =OKR_FORECASTS(kr_ids, log_kr_ids, log_values, log_dates, cycle_end, [cycle_start]) (every key result from the Check-ins log in one call), =OKR_ROLLUP(scores, [weights]), =OKR_OBJECTIVES(kr_objectives, kr_scores, [kr_weights]) (every objective of a key-results table), =OKR_OBJECTIVE_SCORES(objectives, parents, counts, kr_objectives, kr_scores, [kr_weights]) (objective scores through their counting links), =OKR_TREE(objectives, parents, scores), =OKR_GRADE(score), =OKR_STATUS(score, cycle_start, cycle_end, [as_of], [at_risk_gap], [off_track_gap]), =KPI_STATUS(value, warning, critical, [direction]), =KPI_TARGET_STATUS(value, target, [direction], [tolerance], [default_direction], [default_tolerance]), =KPI_CHANGE(current, previous). Each takes whole columns, e.g. =KPI_STATUS(H2:H, E2:E, F2:F).',
      "Dashboard formulas (give ranges without their headers): =OKR_CONFIDENCE(log_kr_ids, log_confidences, log_times, [as_of], [kr_ids]) (the average of each key result's latest confidence on a day), =KPI_CARDS(names, values, targets, directions, history_days, history_names, history_values) (one row per KPI: value, its date, target, met, change, good or bad), =OKR_PROGRESS_BY_WEEK(kr_ids, starts, targets, kinds, commits, stretches, log_kr_ids, log_values, log_times, cycle_start, cycle_end, [as_of], [currents]) (the average key-result score week by week against the expected progress), =OKR_STALE(key_results, last_check_ins, cycle_start, [interval], [as_of]) (days without a check-in, for the stale), =OKR_GRADE_SPLIT(labels, scores) (one column per grade band, for a chart).",
    ].join('\n'),
    ui().ButtonSet.OK,
  );
});
