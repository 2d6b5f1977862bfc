/**
 * The Objectives sheet: one row per objective, typed by the team (objective, parent, whether it counts
 * toward that parent, team), and the add-on's columns computed by formulas in their header cells
 * (key results, score, grade, status) plus a progress bar per row. The formulas read the key-results
 * tables where they are (any sheet, any columns), so scores follow what is typed with no script run.
 */
import { type CellValue, isBlank } from './cell';
import { objectiveKey } from './objective-groups';
import {
  type Formula,
  type OutputRun,
  type PlannedCell,
  progressBar,
  quoted,
  SETTING_NAMES,
} from './output-columns';
import { type ColumnMap, columnLetter, foldedTitle } from './tables';

export const OBJECTIVE_INPUTS = ['objective', 'parent', 'counts', 'team'] as const;
export const OBJECTIVE_OUTPUTS = ['keyResults', 'score', 'grade', 'status', 'progress'] as const;
export type ObjectiveField = (typeof OBJECTIVE_INPUTS)[number] | (typeof OBJECTIVE_OUTPUTS)[number];
export const OBJECTIVE_LAYOUT: readonly ObjectiveField[] = [...OBJECTIVE_INPUTS, ...OBJECTIVE_OUTPUTS];

export const OBJECTIVE_TITLES: Readonly<Record<ObjectiveField, string>> = {
  objective: 'Objective',
  parent: 'Parent objective',
  counts: 'Counts toward parent',
  team: 'Team',
  keyResults: 'Key results',
  score: 'Score',
  grade: 'Grade',
  status: 'Status',
  progress: 'Progress',
};

/** Field -> 1-based column of the Objectives sheet. */
export type ObjectivesMap = Partial<Record<ObjectiveField, number>>;

/** The columns found by their titles (case and punctuation folded); null unless every one is there. */
export function matchObjectiveTitles(header: readonly CellValue[]): Required<ObjectivesMap> | null {
  const names = header.map(foldedTitle);
  const map: ObjectivesMap = {};
  for (const field of OBJECTIVE_LAYOUT) {
    const at = names.indexOf(foldedTitle(OBJECTIVE_TITLES[field]));
    if (at < 0) return null;
    map[field] = at + 1;
  }
  return map as Required<ObjectivesMap>;
}

/** A key-results table as another sheet's formulas reach it. */
export interface KeyResultSource {
  readonly sheetName: string;
  /** 1-based sheet row of its header. */
  readonly headerRow: number;
  readonly map: ColumnMap;
}

/** `'Team OKRs'!C3:C`: the column from the header row down, so rows typed later are included. */
function sourceRange(source: KeyResultSource, column: number): string {
  const letter = columnLetter(column);
  return `'${source.sheetName.replace(/'/g, "''")}'!${letter}${source.headerRow}:${letter}`;
}

/** One range, or the tables' ranges one under another. */
function stacked(ranges: readonly string[]): string {
  return ranges.length === 1 ? (ranges[0] as string) : `VSTACK(${ranges.join(', ')})`;
}

/**
 * The key results' objective, score and weight columns of every table that has an objective and a
 * score, stacked. Each table's header row comes along and reads as one more objective (named by the
 * header), which matches no row of the Objectives sheet but its own header, dropped there. Weights go
 * in only when every table has them: a stack of columns must be of one width.
 */
export function keyResultArguments(sources: readonly KeyResultSource[]): string[] {
  const usable = sources.filter((s) => s.map.objective !== undefined && s.map.score !== undefined);
  if (usable.length === 0) return ['""', '""'];
  const column = (field: 'objective' | 'score' | 'weight') =>
    stacked(usable.map((s) => sourceRange(s, s.map[field] as number)));
  const weighted = usable.every((s) => s.map.weight !== undefined);
  return [column('objective'), column('score'), ...(weighted ? [column('weight')] : [])];
}

/** A range of this sheet from the header row down. */
function own(map: Required<ObjectivesMap>, field: ObjectiveField): string {
  const letter = columnLetter(map[field]);
  return `${letter}1:${letter}`;
}

/** Label(s) over a call's results, its first row (the header row's own) dropped. */
function spilled(labels: readonly string[], call: string): Formula {
  const label = labels.length === 1 ? quoted(labels[0] as string) : `{${labels.map(quoted).join(', ')}}`;
  return { formula: `=VSTACK(${label}, DROP(${call}, 1))` };
}

/** A computed column's cell in one row of the plan. */
type OutputPlan = (row: number, hasObjective: boolean) => PlannedCell;

/**
 * What the add-on writes into its columns: the header formulas and, under Progress, a bar for each row
 * that holds an objective (the others blank). Key results and Score come from one call spilling two
 * columns; Score must stay right after Key results, else the message says so and neither is written.
 */
export function objectiveOutputs(
  map: Required<ObjectivesMap>,
  sources: readonly KeyResultSource[],
): { plans: Partial<Record<ObjectiveField, OutputPlan>>; problem: string | null } {
  const { cycleStart, cycleEnd, asOf, atRiskGap, offTrackGap } = SETTING_NAMES;
  const scores = own(map, 'score');
  const header =
    (formula: Formula): OutputPlan =>
    (row) =>
      row === 1 ? formula : '';
  const plans: Partial<Record<ObjectiveField, OutputPlan>> = {
    grade: header(spilled([OBJECTIVE_TITLES.grade], `OKR_GRADE(${scores})`)),
    status: header(
      spilled(
        [OBJECTIVE_TITLES.status],
        `OKR_STATUS(${scores}, ${cycleStart}, ${cycleEnd}, ${asOf}, ${atRiskGap}, ${offTrackGap})`,
      ),
    ),
    progress: (row, hasObjective) =>
      row === 1
        ? OBJECTIVE_TITLES.progress
        : hasObjective
          ? progressBar(`${columnLetter(map.score)}${row}`)
          : '',
  };
  if (map.score !== map.keyResults + 1) {
    return {
      plans,
      problem: `Objectives: the "${OBJECTIVE_TITLES.score}" column must stay right after "${OBJECTIVE_TITLES.keyResults}" (one formula fills both); move it back and refresh.`,
    };
  }
  const args = [
    own(map, 'objective'),
    own(map, 'parent'),
    own(map, 'counts'),
    ...keyResultArguments(sources),
  ];
  plans.keyResults = header(
    spilled(
      [OBJECTIVE_TITLES.keyResults, OBJECTIVE_TITLES.score],
      `OKR_OBJECTIVE_SCORES(${args.join(', ')})`,
    ),
  );
  plans.score = () => '';
  return { plans, problem: null };
}

/**
 * The computed columns from the header row to `lastRow`, as runs of adjacent columns (one write each).
 * Cells under a header formula are blank: its results spill there.
 */
export function objectiveOutputBlocks(
  map: Required<ObjectivesMap>,
  plans: Partial<Record<ObjectiveField, OutputPlan>>,
  hasObjective: (row: number) => boolean,
  lastRow: number,
): OutputRun[] {
  const columns = OBJECTIVE_OUTPUTS.flatMap((field) => {
    const plan = plans[field];
    return plan ? [{ column: map[field], plan }] : [];
  }).sort((a, b) => a.column - b.column);
  const runs: (typeof columns)[] = [];
  for (const entry of columns) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last.column + 1 === entry.column) run.push(entry);
    else runs.push([entry]);
  }
  return runs.map((run) => ({
    row: 1,
    column: (run[0] as (typeof columns)[number]).column,
    values: Array.from({ length: lastRow }, (_, i) =>
      run.map(({ plan }) => plan(i + 1, hasObjective(i + 1))),
    ),
  }));
}

/**
 * The objectives of the key-results tables missing from the list, in first-seen order, each as first
 * typed: what Refresh appends. Names are compared trimmed and case-sensitive, as the formulas do.
 */
export function missingObjectives(
  listed: readonly CellValue[],
  keyResultObjectives: readonly (readonly CellValue[])[],
): CellValue[] {
  const known = new Set(listed.flatMap((cell) => objectiveKey(cell) ?? []));
  const missing: CellValue[] = [];
  for (const column of keyResultObjectives) {
    for (const cell of column) {
      const key = objectiveKey(cell);
      if (key === null || known.has(key)) continue;
      known.add(key);
      missing.push(cell);
    }
  }
  return missing;
}

/** A new row of the Objectives sheet: the objective, counting toward a parent once one is named. */
export function objectiveRow(map: Required<ObjectivesMap>, objective: CellValue): CellValue[] {
  const row: CellValue[] = Array(Math.max(...OBJECTIVE_INPUTS.map((f) => map[f]))).fill('');
  row[map.objective - 1] = objective;
  row[map.counts - 1] = true;
  return row;
}

/** The sheet row of the last row whose input cells hold anything (the header's, 1, when none). */
export function lastInputRow(map: Required<ObjectivesMap>, rows: readonly (readonly CellValue[])[]): number {
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] as readonly CellValue[];
    if (OBJECTIVE_INPUTS.some((field) => !isBlank(row[map[field] - 1]))) return i + 2;
  }
  return 1;
}
