/**
 * The conditional-format rules that colour a table. They are native Sheets rules whose formulas are
 * relative to the row, so colours follow a value as soon as it is typed, with no script run.
 *
 * Sheets keeps no owner or ID on a rule, and rewrites a rule's references when columns move, so the
 * add-on marks its own rules with a text literal inside the formula: it survives every edit, and lets
 * Refresh replace its rules while keeping the user's.
 */
import { KPI_STATUSES, type KpiMode, kpiMode } from './kpi-rule';
import { GRADE_BANDS } from './objective';
import type { ObjectivesMap } from './objectives-sheet';
import { SETTING_NAMES, STATUS_COLOURS } from './output-columns';
import { type ColumnMap, columnLetter, type TableKind } from './tables';

export const RULE_MARKER = '"OKR & KPI Tracker"';

export interface HighlightRule {
  /** The column coloured, from the first data row down. */
  readonly column: number;
  /** Written for the first data row; Sheets applies it relative to each row. */
  readonly formula: string;
  readonly background: string;
}

export function isOwnRuleFormula(formula: string): boolean {
  return formula.includes(`ISTEXT(${RULE_MARKER})`);
}

/** A rule's formula marked as the add-on's. */
export function marked(condition: string): string {
  return `=AND(ISTEXT(${RULE_MARKER}),${condition})`;
}

type Band = readonly [condition: (ref: string) => string, background: string];

function textIs(text: string): (ref: string) => string {
  return (ref) => `${ref}="${text}"`;
}

/** Breach or Missed red, Warning or Near amber, OK or Met green. */
function kpiStatusBands(mode: KpiMode): readonly Band[] {
  const [bad, warn, good] = KPI_STATUSES[mode];
  return [
    [textIs(bad), STATUS_COLOURS.bad],
    [textIs(warn), STATUS_COLOURS.warn],
    [textIs(good), STATUS_COLOURS.good],
  ];
}

const OKR_STATUS_BANDS: readonly Band[] = [
  [textIs('Off track'), STATUS_COLOURS.bad],
  [textIs('At risk'), STATUS_COLOURS.warn],
  [textIs('On track'), STATUS_COLOURS.good],
  [textIs('Done'), STATUS_COLOURS.good],
  [textIs('Not started'), STATUS_COLOURS.idle],
];

const SCORE_BANDS: readonly Band[] = [
  [(ref) => `ISNUMBER(${ref}),${ref}<${GRADE_BANDS.yellowFrom}`, STATUS_COLOURS.bad],
  [
    (ref) => `ISNUMBER(${ref}),${ref}>=${GRADE_BANDS.yellowFrom},${ref}<${GRADE_BANDS.greenFrom}`,
    STATUS_COLOURS.warn,
  ],
  [(ref) => `ISNUMBER(${ref}),${ref}>=${GRADE_BANDS.greenFrom}`, STATUS_COLOURS.good],
];

/** One rule per band and coloured column, each reading the judging column of its own row. */
function rulesFor<F extends string>(
  map: Readonly<Partial<Record<F, number>>>,
  firstRow: number,
  judge: F,
  bands: readonly Band[],
  coloured: readonly F[],
): HighlightRule[] {
  const judgeColumn = map[judge];
  if (judgeColumn === undefined) return [];
  const ref = `$${columnLetter(judgeColumn)}${firstRow}`;
  return coloured.flatMap((field) => {
    const column = map[field];
    if (column === undefined) return [];
    return bands.map(([condition, background]) => ({ column, formula: marked(condition(ref)), background }));
  });
}

const SIGNAL_BANDS: readonly Band[] = [[(ref) => `LEN(${ref})>0`, STATUS_COLOURS.warn]];

export function planHighlights(kind: TableKind, map: ColumnMap, firstRow: number): HighlightRule[] {
  if (kind === 'kpi') {
    return [
      ...rulesFor(map, firstRow, 'status', kpiStatusBands(kpiMode(map)), ['value', 'status']),
      ...rulesFor(map, firstRow, 'signal', SIGNAL_BANDS, ['signal']),
    ];
  }
  return [
    ...rulesFor(map, firstRow, 'status', OKR_STATUS_BANDS, ['status']),
    ...rulesFor(map, firstRow, 'score', SCORE_BANDS, ['score']),
    ...rulesFor(map, firstRow, 'signal', SIGNAL_BANDS, ['signal']),
    ...staleRule(map, firstRow),
  ];
}

/**
 * A key result with no check-in for longer than the check-in interval: its last check-in (or, never
 * checked in, the cycle's start) more than CheckInInterval days before the as-of date. A rule's formula
 * cannot name another sheet's cells, so the settings are read through INDIRECT.
 */
function staleRule(map: ColumnMap, firstRow: number): HighlightRule[] {
  const last = map.lastCheckIn;
  const keyResult = map.keyResult;
  if (last === undefined || keyResult === undefined) return [];
  const ref = `$${columnLetter(last)}${firstRow}`;
  const setting = (name: string) => `INDIRECT("${name}")`;
  const since = (day: string) =>
    `${setting(SETTING_NAMES.asOf)}-${day}>${setting(SETTING_NAMES.checkInInterval)}`;
  const condition = `LEN($${columnLetter(keyResult)}${firstRow})>0,OR(AND(ISBLANK(${ref}),${since(setting(SETTING_NAMES.cycleStart))}),AND(ISNUMBER(${ref}),${since(`INT(${ref})`)}))`;
  return [{ column: last, formula: marked(condition), background: STATUS_COLOURS.warn }];
}

const GRADE_TEXT_BANDS: readonly Band[] = [
  [textIs('red'), STATUS_COLOURS.bad],
  [textIs('yellow'), STATUS_COLOURS.warn],
  [textIs('green'), STATUS_COLOURS.good],
];

/** The Objectives sheet: its grade and status coloured as the key results' are. */
export function planObjectiveHighlights(map: ObjectivesMap, firstRow: number): HighlightRule[] {
  return [
    ...rulesFor(map, firstRow, 'grade', GRADE_TEXT_BANDS, ['grade']),
    ...rulesFor(map, firstRow, 'status', OKR_STATUS_BANDS, ['status']),
  ];
}
