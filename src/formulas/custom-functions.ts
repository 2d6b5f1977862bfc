/**
 * The custom functions: thin, array-aware wrappers over core. Their Sheets-facing names, parameter
 * names and help text live in src/main.ts, which the build turns into the top-level JSDoc stubs.
 */
import {
  type CellValue,
  describe,
  forecastAt,
  InputError,
  isBlank,
  kpiStatus,
  okrStatus,
  pace,
  readCheckInSchedule,
  readCycle,
  readDate,
  readKeyResultOfKind,
  readKind,
  readNumber,
  readPaceBands,
  readScore,
  readTarget,
  readTargetDirection,
  readTargetTolerance,
  readThresholds,
  rollUp,
  scoreKeyResult,
  shownChange,
  staleDays,
  type TimedValue,
  targetStatus,
  type WeightedScore,
} from '../core';
import { broadcast, type Column, cellsOf, derived, type Output, sideBySide, single } from './broadcast';

export function okrScore(
  current: unknown,
  target: unknown,
  start?: unknown,
  kind?: unknown,
  commit?: unknown,
  stretch?: unknown,
): Output | Output[][] {
  const args = [
    ['current', current],
    ['target', target],
    ['start', start],
    ['kind', kind],
    ['commit', commit],
    ['stretch', stretch],
  ] as const;
  return broadcast(args, ([currents, targets, starts, kinds, commits, stretches]) => {
    const kindOf = derived([kinds], (k) => readKind(k));
    return (r) => {
      const kr = readKeyResultOfKind(
        kindOf(r),
        currents.at(r),
        targets.at(r),
        starts.at(r),
        commits.at(r),
        stretches.at(r),
      );
      return kr === null ? '' : scoreKeyResult(kr);
    };
  });
}

/** Graded zones: start..commit 0..0.3, commit..target 0.3..0.7, target..stretch 0.7..1. */
export function okrZoneScore(
  current: unknown,
  commit: unknown,
  target: unknown,
  stretch: unknown,
  start?: unknown,
): Output | Output[][] {
  return okrScore(current, target, start, 'zone', commit, stretch);
}

/** One check-in; `prefix` is how the caller's arguments are named (log_ for the grouping formula). */
function readPoint(value: CellValue, time: CellValue, row: number, prefix = ''): TimedValue | null {
  const reading = readNumber(value, `${prefix}values #${row}`);
  if (reading === null) return null;
  const at = readDate(time, `${prefix}dates #${row}`);
  if (at === null)
    throw new InputError(
      `${prefix}dates #${row} is blank but ${prefix}values #${row} holds ${describe(value)}`,
    );
  return { time: at.getTime(), value: reading };
}

function readCycleEnd(value: unknown): Date {
  const end = readDate(value as CellValue, 'cycle_end');
  if (end === null) throw new InputError('cycle_end is blank');
  return end;
}

/** The value on cycle_end of the least-squares line through (date, value); blank under two dates. */
export function okrForecast(values: unknown, dates: unknown, cycleEnd: unknown): number | '' {
  const valueCells = cellsOf(values);
  const dateCells = cellsOf(dates);
  if (valueCells.length !== dateCells.length) {
    throw new Error(
      `values has ${valueCells.length} cells but dates has ${dateCells.length}: give one date per value`,
    );
  }
  return single(() => {
    const end = readCycleEnd(cycleEnd);
    const points = valueCells.flatMap((cell, i) => readPoint(cell, dateCells[i], i + 1) ?? []);
    return forecastAt(points, end.getTime()) ?? '';
  });
}

/**
 * OKR_FORECAST for every key result at once: each row of `kr_ids` gets the forecast from the log rows
 * holding its ID (check-ins before `cycle_start`, when given, belong to earlier cycles and are left
 * out). Done / not done values (milestones) have no line to draw: that key result is blank.
 */
export function okrForecasts(
  krIds: unknown,
  logIds: unknown,
  logValues: unknown,
  logDates: unknown,
  cycleEnd: unknown,
  cycleStart?: unknown,
): Output | Output[][] {
  const [ids, valueCells, dateCells] = sideBySide([
    ['log_kr_ids', logIds],
    ['log_values', logValues],
    ['log_dates', logDates],
  ]) as [CellValue[], CellValue[], CellValue[]];
  const end = single(() => readCycleEnd(cycleEnd));
  const from = single(() => readDate(cycleStart as CellValue, 'cycle_start'));
  const rowsById = new Map<string, number[]>();
  ids.forEach((id, i) => {
    if (isBlank(id)) return;
    const key = String(id).trim();
    rowsById.set(key, [...(rowsById.get(key) ?? []), i]);
  });
  return broadcast([['kr_ids', krIds]], ([keys]) => (r) => {
    const key = keys.at(r);
    const rows = isBlank(key) ? undefined : rowsById.get(String(key).trim());
    if (!rows) return '';
    const points: TimedValue[] = [];
    for (const i of rows) {
      if (typeof valueCells[i] === 'boolean') return '';
      const point = readPoint(valueCells[i], dateCells[i], i + 1, 'log_');
      if (point && (from === null || point.time >= from.getTime())) points.push(point);
    }
    return forecastAt(points, end.getTime()) ?? '';
  });
}

/** One value for a whole objective: its key results' scores, weighted. */
export function okrRollup(scores: unknown, weights?: unknown): number | '' {
  const scoreCells = cellsOf(scores);
  const weightCells = isBlank(weights as CellValue) ? [] : cellsOf(weights);
  if (weightCells.length > 1 && weightCells.length !== scoreCells.length) {
    throw new Error(
      `weights has ${weightCells.length} cells but scores has ${scoreCells.length}: give one weight per score`,
    );
  }
  return single(() => {
    const items: WeightedScore[] = [];
    for (const [i, cell] of scoreCells.entries()) {
      const score = readScore(cell, `score #${i + 1}`);
      if (score === null) continue;
      const weightCell = weightCells.length === 1 ? weightCells[0] : weightCells[i];
      items.push({ score, weight: readNumber(weightCell, `weight #${i + 1}`) ?? 1 });
    }
    return rollUp(items) ?? '';
  });
}

export function okrStatusOf(
  score: unknown,
  cycleStart: unknown,
  cycleEnd: unknown,
  asOf?: unknown,
  atRiskGap?: unknown,
  offTrackGap?: unknown,
): Output | Output[][] {
  const args = [
    ['score', score],
    ['cycle_start', cycleStart],
    ['cycle_end', cycleEnd],
    ['as_of', asOf],
    ['at_risk_gap', atRiskGap],
    ['off_track_gap', offTrackGap],
  ] as const;
  const today = new Date();
  return broadcast(args, ([scores, starts, ends, asOfs, atRisks, offTracks]) => {
    const cycleOf = derived([starts, ends], (start, end) => readCycle(start, end));
    const asOfOf = asOfReader(asOfs, today);
    const bandsOf = derived([atRisks, offTracks], (a, b) => readPaceBands(a, b));
    return (r) => {
      const value = readScore(scores.at(r), 'score');
      return value === null ? '' : okrStatus(value, cycleOf(r), asOfOf(r), bandsOf(r));
    };
  });
}

/** Without as_of a row is judged today, and goes stale: Sheets only recomputes when arguments change. */
function asOfReader(asOfs: Column, today: Date): (r: number) => Date {
  return derived([asOfs], (at) => readDate(at, 'as_of') ?? today);
}

/** The score minus the expected progress: -0.12 reads "12 points behind the pace". */
export function okrPace(
  score: unknown,
  cycleStart: unknown,
  cycleEnd: unknown,
  asOf?: unknown,
): Output | Output[][] {
  const args = [
    ['score', score],
    ['cycle_start', cycleStart],
    ['cycle_end', cycleEnd],
    ['as_of', asOf],
  ] as const;
  const today = new Date();
  return broadcast(args, ([scores, starts, ends, asOfs]) => {
    const cycleOf = derived([starts, ends], (start, end) => readCycle(start, end));
    const asOfOf = asOfReader(asOfs, today);
    return (r) => {
      const value = readScore(scores.at(r), 'score');
      return value === null ? '' : pace(value, cycleOf(r), asOfOf(r));
    };
  });
}

/**
 * Days without a check-in for each key result gone longer than the interval (stale), blank for the
 * others and for rows with no key result.
 */
export function okrStale(
  keyResults: unknown,
  lastCheckIns: unknown,
  cycleStart: unknown,
  interval: unknown,
  asOf?: unknown,
): Output | Output[][] {
  const args = [
    ['key_results', keyResults],
    ['last_check_ins', lastCheckIns],
    ['cycle_start', cycleStart],
    ['interval', interval],
    ['as_of', asOf],
  ] as const;
  const today = new Date();
  return broadcast(args, ([names, lasts, starts, intervals, asOfs]) => {
    const startOf = derived([starts], (start) => readRequiredDate(start, 'cycle_start'));
    const intervalOf = derived([intervals], (days) => readCheckInSchedule(days, '', NAMES).intervalDays);
    const asOfOf = asOfReader(asOfs, today);
    return (r) => {
      if (isBlank(names.at(r))) return '';
      const last = readDate(lasts.at(r), 'last_check_in');
      return staleDays(last, startOf(r), asOfOf(r), intervalOf(r)) ?? '';
    };
  });
}

const NAMES = { interval: 'interval', day: 'check-in day' } as const;

function readRequiredDate(value: CellValue, field: string): Date {
  const date = readDate(value, field);
  if (date === null) throw new InputError(`${field} is blank`);
  return date;
}

export function kpiStatusOf(
  value: unknown,
  warning: unknown,
  critical: unknown,
  direction?: unknown,
): Output | Output[][] {
  const args = [
    ['value', value],
    ['warning', warning],
    ['critical', critical],
    ['direction', direction],
  ] as const;
  return broadcast(args, ([values, warnings, criticals, directions]) => {
    const thresholdsOf = derived([warnings, criticals, directions], readThresholds);
    return (r) => {
      const reading = readNumber(values.at(r), 'value');
      return reading === null ? '' : kpiStatus(reading, thresholdsOf(r));
    };
  });
}

/**
 * A KPI judged against its target alone: Met, Near or Missed. The rule is read per row from the target,
 * direction and tolerance; where the direction or tolerance is blank, the defaults apply.
 */
export function kpiTargetStatusOf(
  value: unknown,
  target: unknown,
  direction?: unknown,
  tolerance?: unknown,
  defaultDirection?: unknown,
  defaultTolerance?: unknown,
): Output | Output[][] {
  const args = [
    ['value', value],
    ['target', target],
    ['direction', direction],
    ['tolerance', tolerance],
    ['default_direction', defaultDirection],
    ['default_tolerance', defaultTolerance],
  ] as const;
  return broadcast(
    args,
    ([values, targets, directions, tolerances, defaultDirections, defaultTolerances]) => {
      // Directions and tolerances are mostly one per table, or repeat down a column: read once where they are.
      const directionOf = derived([directions, defaultDirections], readTargetDirection);
      const toleranceOf = derived([tolerances, defaultTolerances], readTargetTolerance);
      return (r) => {
        const reading = readNumber(values.at(r), 'value');
        if (reading === null) return '';
        const target = readTarget(targets.at(r));
        return targetStatus(reading, { target, direction: directionOf(r), tolerance: toleranceOf(r) });
      };
    },
  );
}

export function kpiChange(current: unknown, previous: unknown): Output | Output[][] {
  return broadcast(
    [
      ['current', current],
      ['previous', previous],
    ],
    ([currents, priors]) =>
      (r) => {
        // Without a previous value there is no change to show, whatever the current cell holds.
        const before = readNumber(priors.at(r), 'previous');
        if (before === null) return '';
        const now = readNumber(currents.at(r), 'current');
        return now === null ? '' : shownChange(now, before);
      },
  );
}
