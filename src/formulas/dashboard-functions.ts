/**
 * The custom functions behind the dashboard's headline figures and cards: aggregates over a whole
 * table or log in one call, returning one value or a block of rows (the dashboard adds the headers).
 */
import {
  averageConfidence,
  type CellValue,
  changeVerdict,
  type DayCells,
  type Direction,
  fallbackDirection,
  InputError,
  isBlank,
  kpiKey,
  krIdOf,
  latestValue,
  type Point,
  previousDifferent,
  progressByWeek,
  readCycle,
  readDay,
  readDirection,
  readNumber,
  SCRIPT_ZONE_DAYS,
  seriesByKpi,
  shownChange,
  targetStatus,
} from '../core';
import { cellsOf, readColumns, sideBySide, single } from './broadcast';

/** A cell of a block result: a number, a text, a date, or '' for a blank. */
type Shown = number | string | Date;

/**
 * The day a formula reads data on: as_of's day, or the spreadsheet's today. Without as_of it goes stale,
 * as Sheets only recomputes when arguments change.
 */
function readAsOf(asOf: unknown, days: DayCells): Date {
  return readDay(asOf as CellValue, 'as_of', days) ?? days.dayOf(new Date());
}

/**
 * The average confidence of the key results on `as_of` (today if blank); blank when none has one.
 * `days` (last, given by the entry point) reads days in the spreadsheet's zone.
 */
export function okrConfidence(
  logIds: unknown,
  logConfidences: unknown,
  logTimes: unknown,
  asOf?: unknown,
  krIds?: unknown,
  days: DayCells = SCRIPT_ZONE_DAYS,
): number | '' {
  const [ids, confidences, times] = sideBySide([
    ['log_kr_ids', logIds],
    ['log_confidences', logConfidences],
    ['log_times', logTimes],
  ]) as [CellValue[], CellValue[], CellValue[]];
  return single(() => {
    const day = readAsOf(asOf, days);
    const only = isBlank(krIds as CellValue)
      ? undefined
      : new Set(cellsOf(krIds).flatMap((cell) => krIdOf(cell) ?? []));
    return averageConfidence({ ids, confidences, times }, day, only, days) ?? '';
  });
}

/** A reading that may fail: its value, or the message its cell shows. */
type Attempt<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

function attempt<T>(compute: () => T): Attempt<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { ok: false, error: `Error: ${error.message}` };
  }
}

function shown<T>(reading: Attempt<T>, show: (value: T) => Shown): Shown {
  return reading.ok ? show(reading.value) : reading.error;
}

const CARD_WIDTH = 7;

/**
 * One KPI's card: name, latest value, its day, target, met, change, good. A cell whose input cannot be
 * read shows that input's error, and the cells derived from it are blank; the direction, which has no
 * cell of its own, shows its error where it is needed (met, good).
 */
function kpiCard(
  name: CellValue,
  valueCell: CellValue,
  targetCell: CellValue,
  directionCell: CellValue,
  series: readonly Point[],
  days: DayCells,
): Shown[] {
  const current = attempt(() => readNumber(valueCell, 'value'));
  const target = attempt(() => readNumber(targetCell, 'target'));
  const direction = attempt<Direction>(
    () => readDirection(directionCell) ?? fallbackDirection(name) ?? 'higher',
  );
  const latest = current.ok ? latestValue(current.value, series) : null;
  const goal = target.ok ? target.value : null;
  const met =
    latest === null || goal === null
      ? ''
      : shown(direction, (better) =>
          targetStatus(latest.value, { target: goal, direction: better, tolerance: 0 }) === 'Met'
            ? 'met'
            : 'not met',
        );
  const previous = latest === null ? null : previousDifferent(series, latest.value);
  const change =
    latest === null || previous === null ? null : attempt(() => shownChange(latest.value, previous));
  return [
    name as Shown,
    current.ok ? (latest?.value ?? '') : current.error,
    latest?.day ? (days.cell(latest.day) as Date) : '',
    shown(target, (value) => value ?? ''),
    met,
    change === null ? '' : shown(change, (value) => value),
    change?.ok ? shown(direction, (better) => changeVerdict(change.value, better) ?? '') : '',
  ];
}

/**
 * One card per named KPI of a KPI table, its history read from the KPI History sheet's columns:
 * [name, latest value, its day, target, met, change, good]. One pass over the history serves every KPI.
 */
export function kpiCards(
  names: unknown,
  values: unknown,
  targets: unknown,
  directions: unknown,
  historyDays: unknown,
  historyNames: unknown,
  historyValues: unknown,
  days: DayCells = SCRIPT_ZONE_DAYS,
): Shown[][] {
  const [dayCells, kpis, readings] = sideBySide([
    ['history_days', historyDays],
    ['history_names', historyNames],
    ['history_values', historyValues],
  ]) as [CellValue[], CellValue[], CellValue[]];
  const { columns, height } = readColumns([
    ['names', names],
    ['values', values],
    ['targets', targets],
    ['directions', directions],
  ] as const);
  const [nameColumn, valueColumn, targetColumn, directionColumn] = columns;
  const series = seriesByKpi(dayCells.map((day, i) => [days.local(day), kpis[i], readings[i]]));
  const cards: Shown[][] = [];
  for (let r = 0; r < Math.max(height, 1); r++) {
    const name = nameColumn.at(r);
    if (isBlank(name)) continue;
    const history = series.get(kpiKey(String(name))) ?? [];
    cards.push(kpiCard(name, valueColumn.at(r), targetColumn.at(r), directionColumn.at(r), history, days));
  }
  return cards.length > 0 ? cards : [new Array<Shown>(CARD_WIDTH).fill('')];
}

/**
 * The progress-over-time chart's rows, [day, average key-result score, expected progress], one per
 * week of the cycle up to as_of (today if blank) or the cycle's end.
 */
export function okrProgressByWeek(
  krIds: unknown,
  starts: unknown,
  targets: unknown,
  kinds: unknown,
  commits: unknown,
  stretches: unknown,
  logIds: unknown,
  logValues: unknown,
  logTimes: unknown,
  cycleStart: unknown,
  cycleEnd: unknown,
  asOf?: unknown,
  currents?: unknown,
  days: DayCells = SCRIPT_ZONE_DAYS,
): Shown[][] {
  const [ids, values, times] = sideBySide([
    ['log_kr_ids', logIds],
    ['log_values', logValues],
    ['log_times', logTimes],
  ]) as [CellValue[], CellValue[], CellValue[]];
  const { columns, height } = readColumns([
    ['kr_ids', krIds],
    ['starts', starts],
    ['targets', targets],
    ['kinds', kinds],
    ['commits', commits],
    ['stretches', stretches],
    ['currents', currents],
  ] as const);
  const [idColumn, startColumn, targetColumn, kindColumn, commitColumn, stretchColumn, currentColumn] =
    columns;
  return single(() => {
    const cycle = readCycle(days.local(cycleStart as CellValue), days.local(cycleEnd as CellValue));
    const day = readAsOf(asOf, days);
    const rows = Array.from({ length: Math.max(height, 1) }, (_, r) => ({
      id: idColumn.at(r),
      kind: kindColumn.at(r),
      start: startColumn.at(r),
      target: targetColumn.at(r),
      commit: commitColumn.at(r),
      stretch: stretchColumn.at(r),
      current: currentColumn.at(r),
    }));
    return progressByWeek(rows, { ids, values, times }, cycle, day, days).map((week) => [
      days.cell(week.day) as Date,
      week.score ?? '',
      week.expected,
    ]);
  });
}
