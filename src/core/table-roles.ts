/**
 * The roles a column can play, in the words the confirm step shows, and what a missing role means
 * for the result, said plainly ("no start column: scores count from 0"), so that nothing is left out
 * without a word.
 */
import {
  type ColumnMap,
  columnLetter,
  type Field,
  inputsOf,
  missingRequired,
  type TableKind,
} from './tables';

/** Each input role of a kind of table, as the user reads it. */
export const ROLE_LABELS: Readonly<Record<TableKind, Readonly<Partial<Record<Field, string>>>>> = {
  kpi: {
    name: 'KPI name',
    value: 'Current value',
    target: 'Target',
    warning: 'Warning limit',
    critical: 'Critical limit',
    direction: 'Direction',
    owner: 'Owner',
    unit: 'Unit',
    suddenLimit: 'Sudden change limit',
    tolerance: 'Near-target tolerance',
  },
  okr: {
    objective: 'Objective',
    keyResult: 'Key result',
    owner: 'Owner',
    kind: 'Kind',
    start: 'Start',
    target: 'Target',
    current: 'Current value',
    weight: 'Weight',
    confidence: 'Confidence',
    linkedKpi: 'Linked KPI',
    commit: 'Commit (zone kind)',
    stretch: 'Stretch (zone kind)',
  },
};

/** A column as the user knows it: `column C ("Actual")`; `headers` is 1-based (index 0 unused). */
export function columnName(headers: readonly string[], column: number): string {
  const header = headers[column] ?? '';
  return header ? `column ${columnLetter(column)} ("${header}")` : `column ${columnLetter(column)}`;
}

export function roleLabel(kind: TableKind, field: Field): string {
  return ROLE_LABELS[kind][field] ?? field;
}

/** What the table cannot do without each role. */
const WITHOUT: Readonly<Record<TableKind, Readonly<Partial<Record<Field, string>>>>> = {
  kpi: {
    name: 'no KPI name column: the KPIs cannot be told apart',
    value: 'no current value column: there is nothing to judge',
    target: 'no target column: KPIs are judged on their warning and critical limits only',
    warning: 'no warning limit column: no KPI shows Warning',
    critical: 'no critical limit column: no KPI shows Breach',
    direction: 'no direction column: which way is better comes from the limits or the default below',
    owner: 'no owner column: alerts are emailed to no one',
    unit: 'no unit column: values are shown without a unit',
    suddenLimit: 'no sudden change limit column: a move of more than 25% is flagged',
    tolerance: 'no tolerance column: "near target" is the table\'s tolerance below',
  },
  okr: {
    objective: 'no objective column: key results are not grouped by objective',
    keyResult: 'no key result column: there is nothing to score',
    owner: 'no owner column: key results have no owner',
    kind: 'no kind column: every key result is scored linear, from start to target',
    start: 'no start column: scores count from 0',
    target: 'no target column: a key result has nothing to reach',
    current: 'no current value column: there is nothing to score',
    weight: 'no weight column: every key result counts the same in its objective',
    confidence: 'no confidence column: confidence is kept in the check-in log only',
    linkedKpi: 'no linked KPI column: no key result follows a KPI',
    commit: 'no commit column: no key result can be graded in zones',
    stretch: 'no stretch column: no key result can be graded in zones',
  },
};

/** A KPI table without a target and without limits has nothing to judge against. */
const NO_YARDSTICK =
  'no target and no warning or critical limit column: a KPI has nothing to be judged against';

export interface MissingRole {
  readonly field: Field;
  /** Whether the table cannot be connected without it. */
  readonly required: boolean;
  /** What it means, in plain words. */
  readonly note: string;
}

/** Every input role `map` leaves out, required ones first, each with what it means. */
export function missingRoles(kind: TableKind, map: ColumnMap): MissingRole[] {
  const required = new Set<Field>(missingRequired(kind, map));
  const noYardstick =
    kind === 'kpi' && map.target === undefined && map.warning === undefined && map.critical === undefined;
  const missing: MissingRole[] = [];
  for (const field of inputsOf(kind)) {
    if (map[field] !== undefined) continue;
    const yardstick = noYardstick && (field === 'target' || field === 'warning' || field === 'critical');
    const note = yardstick ? NO_YARDSTICK : (WITHOUT[kind][field] ?? field);
    // One note for the missing yardstick, not three; required if any of its roles is.
    const same = missing.findIndex((r) => r.note === note);
    if (same < 0) missing.push({ field, required: required.has(field), note });
    else if (required.has(field)) missing[same] = { ...(missing[same] as MissingRole), required: true };
  }
  return [...missing.filter((r) => r.required), ...missing.filter((r) => !r.required)];
}
