/**
 * Reading a table's header row as a person does: which row is the header, which kind of table it
 * heads, and which column plays which role, chosen over the whole row at once.
 */
import { bestAssignment } from './assignment';
import { type CellValue, isBlank } from './cell';
import { type HeaderRole, ROLE_PHRASES, scoreHeader, wordsOf } from './header-roles';
import { type ColumnMap, type Field, inputsOf, type TableKind } from './tables';

function isHeaderRole(field: Field): field is HeaderRole {
  return field in ROLE_PHRASES;
}

/** The input columns of `kind` that a header can be read as. */
export function readableRoles(kind: TableKind): HeaderRole[] {
  return inputsOf(kind).filter(isHeaderRole);
}

/**
 * The best reading of a header row as a `kind` table: each role takes at most one column and each
 * column at most one role, with the largest total score, so "Goal" is the objective when the row
 * also has "Target", and the target when it does not.
 */
export function readHeaderRow(kind: TableKind, headers: readonly CellValue[]): ColumnMap {
  const roles = readableRoles(kind);
  const scores = headers.map((header) => scoreHeader(header, roles));
  const taken = bestAssignment(roles.map((role) => scores.map((s) => s.get(role) ?? 0)));
  const map: ColumnMap = {};
  roles.forEach((role, i) => {
    const column = taken[i] ?? -1;
    if (column >= 0) map[role] = column + 1;
  });
  return map;
}

export interface KindDecision {
  /** null: the headers do not say, and the user must choose. */
  readonly kind: TableKind | null;
  /** The header that decided it, in the user's words. */
  readonly because: string | null;
}

const OKR_WORDS = new Set(['objective', 'kr', 'okr']);
const KPI_WORDS = new Set(['kpi', 'metric', 'indicator', 'measure']);

function saysKeyResult(words: readonly string[]): boolean {
  return words.some((w, i) => w === 'kr' || (w === 'key' && words[i + 1] === 'result'));
}

function saysOkr(words: readonly string[]): boolean {
  return saysKeyResult(words) || words.some((w) => OKR_WORDS.has(w));
}

/**
 * KPI table or OKR table, from the evidence a person would use: an objective or key-result column
 * makes it OKR; KPI or metric words, or warning and critical limits, make it KPI. When the evidence
 * is missing or points both ways, the answer is null: ask, never guess.
 */
export function decideKind(headers: readonly CellValue[]): KindDecision {
  const texts = headers.map((h) => (typeof h === 'string' ? h.trim() : ''));
  const words = headers.map(wordsOf);
  const okr = words.findIndex(saysOkr);
  const kpiMap = readHeaderRow('kpi', headers);
  const limit = kpiMap.warning ?? kpiMap.critical;
  const kpi = words.findIndex((w) => w.some((word) => KPI_WORDS.has(word)));
  const kpiAt = kpi >= 0 ? kpi : limit !== undefined ? limit - 1 : -1;
  if (okr >= 0 && kpiAt < 0) return { kind: 'okr', because: texts[okr] ?? null };
  if (kpiAt >= 0 && okr < 0) return { kind: 'kpi', because: texts[kpiAt] ?? null };
  if (okr >= 0) {
    // A key-result column beside a KPI column: the KPI is what a key result follows.
    const keyResult = readHeaderRow('okr', headers).keyResult;
    if (keyResult !== undefined && saysKeyResult(words[keyResult - 1] ?? []))
      return { kind: 'okr', because: texts[keyResult - 1] ?? null };
  }
  return { kind: null, because: null };
}

function isText(cell: CellValue): boolean {
  return typeof cell === 'string' && cell.trim() !== '';
}

/**
 * A header row reads as one: two or more of its columns take a role of one kind of table, and it
 * holds at most one number, date or boolean (a data row holds values).
 */
export function isHeaderLike(row: readonly CellValue[]): boolean {
  const values = row.filter((c) => !isBlank(c) && !isText(c)).length;
  if (values > 1 || row.filter(isText).length < 2) return false;
  return (['kpi', 'okr'] as const).some((kind) => Object.keys(readHeaderRow(kind, row)).length >= 2);
}

/** Rows of a selection, 0-based within the rows read. */
export interface RowSpan {
  readonly first: number;
  readonly last: number;
}

/** How far below the selection a header is looked for (a title cell selected above its table). */
const LOOK_BELOW = 20;

/**
 * The header row for a selection: the first header-like row inside it (a selected table with its
 * title and blank rows), else the nearest one above it (a cell selected in the data), else the first
 * one below it (a title cell selected above the table), else the selected row itself when it is one
 * row of two or more texts (the user said it is the header). Null when there is none.
 */
export function findHeaderRow(rows: readonly (readonly CellValue[])[], selection: RowSpan): number | null {
  const last = Math.min(selection.last, rows.length - 1);
  const like = (i: number) => isHeaderLike(rows[i] ?? []);
  for (let i = selection.first; i <= last; i++) if (like(i)) return i;
  for (let i = selection.first - 1; i >= 0; i--) if (like(i)) return i;
  for (let i = last + 1; i < Math.min(rows.length, last + 1 + LOOK_BELOW); i++) if (like(i)) return i;
  const picked = rows[selection.first] ?? [];
  return selection.first === last && picked.filter(isText).length >= 2 ? selection.first : null;
}
