/**
 * The confirm step of Connect: the role the user gives each column, the kind of table and, for a KPI
 * table, its default direction and "near target" tolerance. One schema, run in the sidebar as the
 * user chooses and again on the server; every message names the user's own columns and headers.
 */
import * as z from 'zod/mini';
import {
  type ColumnMap,
  columnName,
  type Direction,
  type Field,
  inputsOf,
  lazy,
  missingRoles,
  parseNumericText,
  roleLabel,
  type TableDefaults,
  type TableKind,
} from '../core';
import { type FieldTypes, type FormErrors, type Validated, validateWith } from './form-errors';

export interface ConnectColumn {
  readonly column: number;
  readonly letter: string;
  readonly header: string;
}

export interface RoleOption {
  readonly field: Field;
  readonly label: string;
}

export interface ConnectPageData {
  readonly sheet: string;
  readonly headerRow: number;
  /** Header text of each column, 1-based (index 0 unused), as the form sends it back. */
  readonly headers: readonly string[];
  /** Every column with a header, left to right. */
  readonly columns: readonly ConnectColumn[];
  /** null: the headers do not say, and the page asks. */
  readonly kind: TableKind | null;
  readonly because: string | null;
  /** The role proposed for each column (by column number) under either kind. */
  readonly proposed: Readonly<Record<TableKind, Readonly<Record<string, Field>>>>;
  readonly roles: Readonly<Record<TableKind, readonly RoleOption[]>>;
  /** A KPI table's default direction, as proposed, and why. */
  readonly direction: { readonly proposed: Direction | ''; readonly because: string | null };
  /** The "near target" tolerance as the field shows it ("5%"). */
  readonly tolerance: string;
  /** Whether the sheet is connected already (connecting again replaces its mapping). */
  readonly connected: boolean;
}

export type ConnectResult =
  | { readonly ok: true; readonly summary: string }
  | { readonly ok: false; readonly errors: ConnectErrors };

/** "Near target" when within this fraction of the target, unless the user says otherwise. */
export const DEFAULT_TOLERANCE = 0.05;

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The tolerance typed ("5%", "0.05"), as a fraction; undefined when blank, null when unreadable. */
export function readTolerance(text: string): number | null | undefined {
  if (text.trim() === '') return undefined;
  const value = parseNumericText(text);
  return value === undefined || value < 0 || value > 1 ? null : value;
}

/** The column map the form's choices make (the first column wins a role chosen twice). */
export function chosenMap(form: Pick<ConnectForm, 'roles'>): ColumnMap {
  const map: ColumnMap = {};
  for (const [column, role] of Object.entries(form.roles)) {
    if (role !== '' && map[role as Field] === undefined) map[role as Field] = Number(column);
  }
  return map;
}

const connectFormSchema = lazy(() =>
  z
    .object({
      sheet: z.string().check(z.minLength(1, 'No sheet: reopen Connect an existing table')),
      headerRow: z.number().check(z.int(), z.positive()),
      /** The header of each column as the sidebar showed it, 1-based (index 0 unused). */
      headers: z.array(z.string()),
      kind: z.enum(['kpi', 'okr'], { error: 'Choose what the table holds: KPIs, or key results (OKRs)' }),
      /** Column number -> the role chosen for it ('' = left alone). */
      roles: z.record(z.string(), z.string()),
      direction: z.enum(['', 'higher', 'lower'], { error: 'Choose higher or lower is better' }),
      tolerance: z.string(),
    })
    .check(
      z.superRefine((form, ctx) => {
        const issue = (path: keyof ConnectForm, message: string) =>
          ctx.addIssue({ code: 'custom', message, path: [path], input: form });
        const kind = form.kind as TableKind;
        const allowed = new Set<string>(inputsOf(kind));
        const byRole = new Map<string, number>();
        for (const [key, role] of Object.entries(form.roles)) {
          const column = Number(key);
          if (!Number.isInteger(column) || column < 1 || column >= form.headers.length) {
            issue('roles', `Column ${key} is not a column of the table: reopen Connect an existing table`);
            continue;
          }
          if (role === '') continue;
          if (!allowed.has(role)) {
            issue(
              'roles',
              `${capitalised(columnName(form.headers, column))} cannot be "${role}" in ${kind === 'kpi' ? 'a KPI' : 'an OKR'} table`,
            );
            continue;
          }
          const other = byRole.get(role);
          if (other !== undefined)
            issue(
              'roles',
              `${capitalised(columnName(form.headers, other))} and ${columnName(form.headers, column)} are both "${roleLabel(kind, role as Field)}": leave one of them alone`,
            );
          else byRole.set(role, column);
        }
        const map = chosenMap(form);
        const required = missingRoles(kind, map).filter((r) => r.required);
        if (required.length > 0)
          issue('roles', `Choose a column for what is missing: ${required.map((r) => r.note).join('; ')}`);
        if (kind !== 'kpi') return;
        if (readTolerance(form.tolerance) === null)
          issue(
            'tolerance',
            `Write how near the target counts as near as a percentage, such as 5% (got "${form.tolerance.trim()}")`,
          );
      }),
    ),
);

export type ConnectForm = z.infer<ReturnType<typeof connectFormSchema>>;
export type ConnectErrors = FormErrors<ConnectForm>;

const FIELDS: FieldTypes<ConnectForm> = {
  sheet: { label: 'Sheet', expected: "the name of the table's sheet, as text" },
  headerRow: { label: 'Header row', expected: 'a row number' },
  headers: { label: 'Headers', expected: "the list of the table's headers, as text" },
  kind: { label: 'What the table holds', expected: 'KPIs or key results (OKRs)' },
  roles: { label: 'Roles', expected: 'a role (or none) for each column' },
  direction: { label: 'Direction', expected: 'higher or lower is better, or blank' },
  tolerance: { label: 'Near target', expected: 'a percentage typed as text, such as 5%' },
};

export function validateConnectForm(input: unknown): Validated<ConnectForm> {
  return validateWith(connectFormSchema(), input, FIELDS);
}

/** The table's defaults the form sets (a KPI table's only; the standard tolerance is not stored). */
export function chosenDefaults(form: ConnectForm): TableDefaults | undefined {
  if (form.kind !== 'kpi') return undefined;
  const tolerance = readTolerance(form.tolerance) ?? DEFAULT_TOLERANCE;
  const defaults: TableDefaults = {
    ...(form.direction === '' ? {} : { direction: form.direction }),
    ...(tolerance === DEFAULT_TOLERANCE ? {} : { tolerance }),
  };
  return Object.keys(defaults).length > 0 ? defaults : undefined;
}

/** The form the sidebar sends when the user confirms the proposal as it stands (under `kind`). */
export function proposalForm(data: ConnectPageData, kind: TableKind | null = data.kind): ConnectForm {
  const roles: Record<string, string> = {};
  for (const { column } of data.columns)
    roles[String(column)] = kind ? (data.proposed[kind][String(column)] ?? '') : '';
  return {
    sheet: data.sheet,
    headerRow: data.headerRow,
    headers: [...data.headers],
    kind: (kind ?? '') as ConnectForm['kind'],
    roles,
    direction: data.direction.proposed,
    tolerance: data.tolerance,
  };
}
