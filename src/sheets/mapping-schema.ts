/** The one shape a table mapping may take, checked wherever a mapping enters: a dialog, a payload, metadata. */
import * as z from 'zod/mini';
import {
  type ColumnMap,
  columnLetter,
  columnsOf,
  type Field,
  inputsOf,
  lazy,
  missingRequired,
  outputsOf,
  type TableDefaults,
  type TableKind,
} from '../core';

function titleOf(kind: TableKind, field: string): string {
  return columnsOf(kind)[field]?.title ?? field;
}

const column = () => z.number().check(z.int(), z.positive());

/** A table's default direction and "near target" tolerance (a fraction of the target, 0.05 = 5%). */
export const tableDefaultsSchema = lazy(() =>
  z.object({
    direction: z.optional(
      z.enum(['higher', 'lower'], 'the default direction must be "higher" or "lower" (which way is better)'),
    ),
    tolerance: z.optional(
      z
        .number('the "near target" tolerance must be a number (0.05 = 5%)')
        .check(z.gte(0, 'the "near target" tolerance must be 0 or more (0.05 = 5%)')),
    ),
  }),
);

const tableMappingSchema = lazy(() =>
  z
    .object({
      kind: z.enum(['kpi', 'okr']),
      headerRow: column(),
      map: z.record(z.string(), column()),
      defaults: z.optional(tableDefaultsSchema()),
    })
    .check(
      z.superRefine((mapping, ctx) => {
        const known = new Set<string>([...inputsOf(mapping.kind), ...outputsOf(mapping.kind)]);
        const byColumn = new Map<number, string>();
        for (const [field, col] of Object.entries(mapping.map)) {
          if (!known.has(field))
            ctx.addIssue({
              code: 'custom',
              message: `"${field}" is not a column of ${mapping.kind === 'kpi' ? 'a KPI' : 'an OKR'} table`,
              path: ['map', field],
            });
          const other = byColumn.get(col);
          if (other !== undefined)
            ctx.addIssue({
              code: 'custom',
              message: `${titleOf(mapping.kind, field)} and ${titleOf(mapping.kind, other)} are both given column ${columnLetter(col)}`,
              path: ['map', field],
            });
          byColumn.set(col, field);
        }
        const missing = missingRequired(mapping.kind, mapping.map as ColumnMap);
        if (missing.length > 0) {
          const titles = missing.map((f) => titleOf(mapping.kind, f));
          ctx.addIssue({
            code: 'custom',
            message: `missing required column${missing.length > 1 ? 's' : ''}: ${titles.join(', ')}`,
            path: ['map'],
          });
        }
      }),
    ),
);

export interface TableMapping {
  readonly kind: TableKind;
  readonly headerRow: number;
  readonly map: ColumnMap;
  readonly defaults?: TableDefaults;
}

/** The mapping if valid, else every problem in one message. */
export function parseTableMapping(input: unknown): TableMapping | { readonly error: string } {
  const result = tableMappingSchema().safeParse(input);
  if (!result.success) return { error: result.error.issues.map((issue) => issue.message).join('; ') };
  const { kind, headerRow, map, defaults } = result.data;
  const mapping = { kind, headerRow, map: map as Partial<Record<Field, number>> };
  return defaults ? { ...mapping, defaults: definedOnly(defaults) } : mapping;
}

/** The defaults without keys set to undefined, so what is stored reads back the same. */
export function definedOnly(defaults: TableDefaults): TableDefaults {
  return Object.fromEntries(Object.entries(defaults).filter(([, v]) => v !== undefined));
}
