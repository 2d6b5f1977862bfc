/**
 * The Apps Script entry: every global function of the add-on, each one line into the layers below.
 * The build exposes each export here as a top-level `function` with this JSDoc, which is what gives
 * custom functions their autocomplete and argument help in Sheets.
 */
import {
  kpiChange,
  kpiStatusOf,
  kpiTargetStatusOf,
  okrForecast,
  okrForecasts,
  okrPace,
  okrRollup,
  okrScore,
  okrStale,
  okrStatusOf,
  okrZoneScore,
} from './formulas/custom-functions';
import { kpiCards, okrConfidence, okrProgressByWeek } from './formulas/dashboard-functions';
import { okrGradeSplit } from './formulas/grade-split';
import { okrGrade, okrObjectiveScores, okrObjectives, okrTree } from './formulas/objective-functions';
import { dailyCheckFromTrigger } from './sheets/alerts-job';
import { activeSheetCalendar } from './sheets/calendar';
import { connectActiveTable, refreshScores, setUpSheets, showHelp } from './ui/actions';
import { turnOffDailyAlerts, turnOnDailyAlerts } from './ui/alert-actions';
import { submitCheckIn } from './ui/check-in-handlers';
import type { CheckInForm } from './ui/check-in-schema';
import { submitConnect } from './ui/connect-handlers';
import type { ConnectForm } from './ui/connect-schema';
import { closeCycleFromMenu } from './ui/cycle-actions';
import { buildMenu } from './ui/menu';
import { openCheckInSidebar, openThresholdSidebar } from './ui/sidebars';
import { saveThresholds } from './ui/threshold-handlers';
import type { ThresholdForm } from './ui/threshold-schema';

/** Builds the add-on menu; in AuthMode.NONE it only adds items. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen) {
  buildMenu();
}

/** Runs when the add-on is installed from the Marketplace: the menu should appear at once. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall) {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu: Set up OKR & KPI sheets. */
export function menuSetUp() {
  setUpSheets();
}

/** Menu: Connect an existing table. */
export function menuConnectTable() {
  connectActiveTable();
}

/** Menu: Refresh scores & highlights. */
export function menuRefresh() {
  refreshScores();
}

/** Menu: Check in (opens the check-in sidebar). */
export function menuCheckIn() {
  openCheckInSidebar();
}

/** Menu: Edit KPI thresholds (opens the threshold sidebar). */
export function menuEditThresholds() {
  openThresholdSidebar();
}

/** Sidebar: records a check-in; validated again here with the form's schema. */
export function sidebarSubmitCheckIn(form: CheckInForm) {
  return submitCheckIn(form);
}

/** Sidebar: connects a table with the roles the user confirmed; validated again here with the form's schema. */
export function sidebarConnectTable(form: ConnectForm) {
  return submitConnect(form);
}

/** Sidebar: saves one KPI's warning, critical and direction. */
export function sidebarSaveThresholds(form: ThresholdForm) {
  return saveThresholds(form);
}

/** Menu: Turn on daily alerts. */
export function menuAlertsOn() {
  turnOnDailyAlerts();
}

/** Menu: Turn off daily alerts. */
export function menuAlertsOff() {
  turnOffDailyAlerts();
}

/** Menu: Close cycle (reflect and reset). */
export function menuCloseCycle() {
  closeCycleFromMenu();
}

/** Time-driven trigger: refresh, snapshot KPI history, email owners about breaches and sudden changes. */
export function dailyCheck(_e?: GoogleAppsScript.Events.TimeDriven) {
  dailyCheckFromTrigger();
}

/** Menu: Help. */
export function menuHelp() {
  showHelp();
}

/**
 * Scores a key result's progress from 0 to 1 (over-achievement 1, regression 0; uncapped shows 1.2).
 * Takes single cells or whole columns: =OKR_SCORE(G2:G, F2:F, E2:E, D2:D) scores every row in one call.
 *
 * @param {number|Array<Array<number>>} current The current value (for a milestone: TRUE/done or FALSE).
 * @param {number|Array<Array<number>>} target The value to reach.
 * @param {number|Array<Array<number>>} [start] Where the key result started; 0 if blank.
 * @param {string|Array<Array<string>>} [kind] linear (default), uncapped, at_least, at_most, milestone or zone.
 * @param {number|Array<Array<number>>} [commit] For zone: the committed value (scores 0.3).
 * @param {number|Array<Array<number>>} [stretch] For zone: the stretch value (scores 1.0).
 * @return The score from 0 to 1 (above 1 when uncapped), one per row for ranges.
 * @customfunction
 */
export function OKR_SCORE(
  current: unknown,
  target: unknown,
  start?: unknown,
  kind?: unknown,
  commit?: unknown,
  stretch?: unknown,
) {
  return okrScore(current, target, start, kind, commit, stretch);
}

/**
 * Grades a key result in zones: start to commit scores 0 to 0.3, commit to target 0.3 to 0.7, target
 * to stretch 0.7 to 1.0, linear inside each zone. Mirrored when the values decrease.
 *
 * @param {number|Array<Array<number>>} current The current value.
 * @param {number|Array<Array<number>>} commit The committed value (scores 0.3).
 * @param {number|Array<Array<number>>} target The target (scores 0.7).
 * @param {number|Array<Array<number>>} stretch The stretch value (scores 1.0).
 * @param {number|Array<Array<number>>} [start] Where the key result started (scores 0); 0 if blank.
 * @return The score from 0 to 1, one per row for ranges.
 * @customfunction
 */
export function OKR_ZONE_SCORE(
  current: unknown,
  commit: unknown,
  target: unknown,
  stretch: unknown,
  start?: unknown,
) {
  return okrZoneScore(current, commit, target, stretch, start);
}

/**
 * Projects a key result's value on the cycle's end: the least-squares line of its values against
 * their dates. Blank with fewer than two distinct dates.
 *
 * @param {Array<Array<number>>} values The check-in values (blanks skipped).
 * @param {Array<Array<Date>>} dates The date of each value.
 * @param {Date} cycle_end The day to project to.
 * @return The projected value.
 * @customfunction
 */
export function OKR_FORECAST(values: unknown, dates: unknown, cycle_end: unknown) {
  return okrForecast(values, dates, cycle_end);
}

/**
 * OKR_FORECAST for every key result in one call, from a check-in log: each KR ID gets the projection
 * of the log rows holding it.
 *
 * @param {Array<Array<string>>} kr_ids The key results' IDs, one per row.
 * @param {Array<Array<string>>} log_kr_ids The log's KR ID column.
 * @param {Array<Array<number>>} log_values The log's value column.
 * @param {Array<Array<Date>>} log_dates The log's date column.
 * @param {Date} cycle_end The day to project to.
 * @param {Date} [cycle_start] Check-ins before this day are left out.
 * @return The projected value, one per row.
 * @customfunction
 */
export function OKR_FORECASTS(
  kr_ids: unknown,
  log_kr_ids: unknown,
  log_values: unknown,
  log_dates: unknown,
  cycle_end: unknown,
  cycle_start?: unknown,
) {
  return okrForecasts(kr_ids, log_kr_ids, log_values, log_dates, cycle_end, cycle_start);
}

/**
 * Rolls key-result scores up to their objective: the weighted mean of the non-blank scores.
 *
 * @param {Array<Array<number>>} scores The key results' scores (0 to 1).
 * @param {Array<Array<number>>} [weights] One weight per score; 1 if blank.
 * @return The objective's score from 0 to 1.
 * @customfunction
 */
export function OKR_ROLLUP(scores: unknown, weights?: unknown) {
  return okrRollup(scores, weights);
}

/**
 * Groups a key-results table by objective, in first-seen order: one row per objective with its score
 * (the OKR_ROLLUP of its key results) and its number of key results. A blank objective cell under a key
 * result belongs to the objective above it.
 *
 * @param {Array<Array<string>>} kr_objectives The key results' objective column.
 * @param {Array<Array<number>>} kr_scores The key results' scores (0 to 1).
 * @param {Array<Array<number>>} [kr_weights] One weight per key result; 1 if blank.
 * @return One row per objective: objective, score, number of key results.
 * @customfunction
 */
export function OKR_OBJECTIVES(kr_objectives: unknown, kr_scores: unknown, kr_weights?: unknown) {
  return okrObjectives(kr_objectives, kr_scores, kr_weights);
}

/**
 * Scores every objective of a list through its alignment: the weighted mean of its own key results and
 * of each child objective whose link counts (the child's score as one key result of weight 1).
 *
 * @param {Array<Array<string>>} objectives The objectives, one per row.
 * @param {Array<Array<string>>} parents Each objective's parent objective; blank for a top objective.
 * @param {Array<Array<boolean>>} counts FALSE where the child is aligned only and does not count; TRUE if blank.
 * @param {Array<Array<string>>} kr_objectives The key results' objective column.
 * @param {Array<Array<number>>} kr_scores The key results' scores (0 to 1).
 * @param {Array<Array<number>>} [kr_weights] One weight per key result; 1 if blank.
 * @return One row per objective: its own key results, its score.
 * @customfunction
 */
export function OKR_OBJECTIVE_SCORES(
  objectives: unknown,
  parents: unknown,
  counts: unknown,
  kr_objectives: unknown,
  kr_scores: unknown,
  kr_weights?: unknown,
) {
  return okrObjectiveScores(objectives, parents, counts, kr_objectives, kr_scores, kr_weights);
}

/**
 * The objectives as a tree: each parent followed by its children, depth first, indented two spaces a
 * level.
 *
 * @param {Array<Array<string>>} objectives The objectives, one per row.
 * @param {Array<Array<string>>} parents Each objective's parent objective; blank for a top objective.
 * @param {Array<Array<number>>} scores Each objective's score.
 * @return One row per objective in tree order: indented objective, score, depth.
 * @customfunction
 */
export function OKR_TREE(objectives: unknown, parents: unknown, scores: unknown) {
  return okrTree(objectives, parents, scores);
}

/**
 * The grade band of a score: red below 0.35, yellow below 0.65, green from 0.65.
 *
 * @param {number|Array<Array<number>>} score The score from 0 to 1.
 * @return red, yellow or green, one per row for ranges.
 * @customfunction
 */
export function OKR_GRADE(score: unknown) {
  return okrGrade(score);
}

/**
 * Judges a score against the time elapsed in the cycle: Not started, On track, At risk, Off track or
 * Done. Point as_of at a date cell that Refresh keeps current: Sheets only recomputes a custom function
 * when its arguments change, so a status computed from "today" goes stale.
 *
 * @param {number|Array<Array<number>>} score The score from 0 to 1.
 * @param {Date} cycle_start The first day of the cycle.
 * @param {Date} cycle_end The last day of the cycle.
 * @param {Date} [as_of] The day to judge on; today if blank.
 * @param {number} [at_risk_gap] Further behind the pace than this is At risk; 0.10 if blank.
 * @param {number} [off_track_gap] Further behind the pace than this is Off track; 0.25 if blank.
 * @return The status, one per row for ranges.
 * @customfunction
 */
export function OKR_STATUS(
  score: unknown,
  cycle_start: unknown,
  cycle_end: unknown,
  as_of?: unknown,
  at_risk_gap?: unknown,
  off_track_gap?: unknown,
) {
  return okrStatusOf(score, cycle_start, cycle_end, as_of, at_risk_gap, off_track_gap);
}

/**
 * How far a score is ahead of (+) or behind (-) the pace: the score minus the elapsed fraction of the
 * cycle, so -0.12 is 12 points behind. Point as_of at a date cell that Refresh keeps current.
 *
 * @param {number|Array<Array<number>>} score The score from 0 to 1.
 * @param {Date} cycle_start The first day of the cycle.
 * @param {Date} cycle_end The last day of the cycle.
 * @param {Date} [as_of] The day to judge on; today if blank.
 * @return The pace from -1 to 1, one per row for ranges.
 * @customfunction
 */
export function OKR_PACE(score: unknown, cycle_start: unknown, cycle_end: unknown, as_of?: unknown) {
  return okrPace(score, cycle_start, cycle_end, as_of);
}

/**
 * Key results gone longer than the check-in interval without a check-in: for each row, the days since
 * its last check-in (or since the cycle's start, never checked in) when more than the interval, else
 * blank. The same rule as the OKRs sheet's stale highlight. =COUNT(OKR_STALE(...)) counts them.
 *
 * @param {Array<Array<string>>} key_results The key results' names; rows without one stay blank.
 * @param {Array<Array<Date>>} last_check_ins Each key result's last check-in (blank: never).
 * @param {Date} cycle_start The first day of the cycle.
 * @param {number} [interval] Days a key result may go without a check-in; 7 if blank.
 * @param {Date} [as_of] The day to judge on; today if blank.
 * @return Days without a check-in for the stale ones, one per row.
 * @customfunction
 */
export function OKR_STALE(
  key_results: unknown,
  last_check_ins: unknown,
  cycle_start: unknown,
  interval?: unknown,
  as_of?: unknown,
) {
  return okrStale(key_results, last_check_ins, cycle_start, interval, as_of);
}

/**
 * Spreads scores over one column per grade band (below 0.35, 0.35 to 0.65, 0.65 and over), one row per
 * labelled row, so a stacked bar chart of the result colours each bar by its band.
 *
 * @param {Array<Array<string>>} labels The bars' labels; rows without one are left out.
 * @param {Array<Array<number>>} scores One score per label.
 * @return [label, red, yellow, green] per row, the score in its band's column.
 * @customfunction
 */
export function OKR_GRADE_SPLIT(labels: unknown, scores: unknown) {
  return okrGradeSplit(labels, scores);
}

/**
 * Judges a KPI value against its limits: OK, Warning or Breach. A value exactly at a limit meets it.
 * =KPI_STATUS(H2:H500, 0.98, 0.95) judges a whole column.
 *
 * @param {number|Array<Array<number>>} value The KPI's current value.
 * @param {number|Array<Array<number>>} warning Past this limit the KPI is in Warning.
 * @param {number|Array<Array<number>>} critical Past this limit the KPI is in Breach.
 * @param {string|Array<Array<string>>} [direction] "higher" or "lower" is better; inferred from the limits if blank.
 * @return The status, one per row for ranges.
 * @customfunction
 */
export function KPI_STATUS(value: unknown, warning: unknown, critical: unknown, direction?: unknown) {
  return kpiStatusOf(value, warning, critical, direction);
}

/**
 * Judges a KPI value against its target: Met (at or past it), Near (short by at most the tolerance, 5%
 * of the target unless set) or Missed. =KPI_TARGET_STATUS(C2:C, D2:D, "lower") judges a whole column.
 *
 * @param {number|Array<Array<number>>} value The KPI's current value.
 * @param {number|Array<Array<number>>} target The value the KPI should reach.
 * @param {string|Array<Array<string>>} [direction] "higher" or "lower" is better; default_direction if blank.
 * @param {number|Array<Array<number>>} [tolerance] How far short is still Near, as a fraction of the target (5% or 0.05); default_tolerance if blank.
 * @param {string|Array<Array<string>>} [default_direction] Where direction is blank: "higher", "lower", or the KPI's name, whose words may tell ("time", "cost", "churn": lower; "revenue", "leads": higher).
 * @param {number|Array<Array<number>>} [default_tolerance] Where tolerance is blank; 5% if blank too.
 * @return The status, one per row for ranges.
 * @customfunction
 */
export function KPI_TARGET_STATUS(
  value: unknown,
  target: unknown,
  direction?: unknown,
  tolerance?: unknown,
  default_direction?: unknown,
  default_tolerance?: unknown,
) {
  return kpiTargetStatusOf(value, target, direction, tolerance, default_direction, default_tolerance);
}

/**
 * The relative change of a KPI versus its previous value: (current - previous) / |previous|.
 *
 * @param {number|Array<Array<number>>} current The current value.
 * @param {number|Array<Array<number>>} previous The previous value.
 * @return The change as a fraction (format the cell as a percentage), one per row for ranges.
 * @customfunction
 */
export function KPI_CHANGE(current: unknown, previous: unknown) {
  return kpiChange(current, previous);
}

/**
 * The average confidence of the key results on a day: each key result's latest confidence in the
 * check-in log by the end of that day, averaged. Words count at their level (on track 8, at risk 5,
 * off track 2). Blank when no key result has a confidence by then. Give the log without its header.
 *
 * @param {Array<Array<string>>} log_kr_ids The log's KR ID column.
 * @param {Array<Array<number>>} log_confidences The log's confidence column (0 to 10, or on track / at risk / off track).
 * @param {Array<Array<Date>>} log_times The log's timestamp column.
 * @param {Date} [as_of] The day to read the confidence on; today if blank.
 * @param {Array<Array<string>>} [kr_ids] Only these key results count (the OKR table's KR IDs); every one in the log if blank.
 * @return The average confidence from 0 to 10.
 * @customfunction
 */
export function OKR_CONFIDENCE(
  log_kr_ids: unknown,
  log_confidences: unknown,
  log_times: unknown,
  as_of?: unknown,
  kr_ids?: unknown,
) {
  return okrConfidence(log_kr_ids, log_confidences, log_times, as_of, kr_ids, activeSheetCalendar());
}

/**
 * One card per named KPI: name, latest value (the table's, else the latest in the history), the day
 * it was recorded, target, "met" or "not met", the change since the value it last moved from, and
 * "good" or "bad" for that change. Give the ranges without their headers.
 *
 * @param {Array<Array<string>>} names The KPIs' names.
 * @param {Array<Array<number>>} values The KPIs' current values.
 * @param {Array<Array<number>>} targets The KPIs' targets.
 * @param {Array<Array<string>>} directions "higher" or "lower" is better; from the name's words, else higher, if blank.
 * @param {Array<Array<Date>>} history_days The KPI history's date column.
 * @param {Array<Array<string>>} history_names The KPI history's KPI column.
 * @param {Array<Array<number>>} history_values The KPI history's value column.
 * @return One row per KPI: name, value, date, target, met, change, good.
 * @customfunction
 */
export function KPI_CARDS(
  names: unknown,
  values: unknown,
  targets: unknown,
  directions: unknown,
  history_days: unknown,
  history_names: unknown,
  history_values: unknown,
) {
  return kpiCards(
    names,
    values,
    targets,
    directions,
    history_days,
    history_names,
    history_values,
    activeSheetCalendar(),
  );
}

/**
 * The average key-result score week by week against the expected progress, for a progress chart: one
 * row per week from cycle_start (and the as-of day last), each key result scored by its latest
 * check-in value by that day's end (0 before its first). Give the ranges without their headers.
 *
 * @param {Array<Array<string>>} kr_ids The key results' IDs.
 * @param {Array<Array<number>>} starts The key results' start values.
 * @param {Array<Array<number>>} targets The key results' targets.
 * @param {Array<Array<string>>} kinds The key results' kinds (linear if blank).
 * @param {Array<Array<number>>} commits For zone key results: the committed values.
 * @param {Array<Array<number>>} stretches For zone key results: the stretch values.
 * @param {Array<Array<string>>} log_kr_ids The check-in log's KR ID column.
 * @param {Array<Array<number>>} log_values The check-in log's value column.
 * @param {Array<Array<Date>>} log_times The check-in log's timestamp column.
 * @param {Date} cycle_start The first day of the cycle.
 * @param {Date} cycle_end The last day of the cycle.
 * @param {Date} [as_of] The last day to chart; today if blank.
 * @param {Array<Array<number>>} [currents] The key results' current values: the last day scores them, so the line ends where they stand now.
 * @return One row per week: date, average score, expected progress.
 * @customfunction
 */
export function OKR_PROGRESS_BY_WEEK(
  kr_ids: unknown,
  starts: unknown,
  targets: unknown,
  kinds: unknown,
  commits: unknown,
  stretches: unknown,
  log_kr_ids: unknown,
  log_values: unknown,
  log_times: unknown,
  cycle_start: unknown,
  cycle_end: unknown,
  as_of?: unknown,
  currents?: unknown,
) {
  return okrProgressByWeek(
    kr_ids,
    starts,
    targets,
    kinds,
    commits,
    stretches,
    log_kr_ids,
    log_values,
    log_times,
    cycle_start,
    cycle_end,
    as_of,
    currents,
    activeSheetCalendar(),
  );
}
