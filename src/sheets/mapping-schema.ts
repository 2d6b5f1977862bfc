/** The one shape a table mapping may take, checked wherever a mapping enters: a dialog, a payload, metadata. */
import * as z from 'zod/mini';
import {
  type ColumnMap,
  columnsOf,
  type Field,
  inputsOf,
  lazy,
  missingRequired,
  outputsOf,
  type TableKind,
} from '../core';

const column = () => z.number().check(z.int(), z.positive());

const tableMappingSchema = lazy(() =>
  z
    .object({
      kind: z.enum(['kpi', 'okr']),
      headerRow: column(),
      map: z.record(z.string(), column()),
    })
    .check(
      z.superRefine((mapping, ctx) => {
        const known = new Set<string>([...inputsOf(mapping.kind), ...outputsOf(mapping.kind)]);
        const byColumn = new Map<number, string>();
        for (const [field, col] of Object.entries(mapping.map)) {
          if (!known.has(field))
            ctx.addIssue({
              code: 'custom',
              message: `"${field}" is not a column of a ${mapping.kind.toUpperCase()} table`,
              path: ['map', field],
            });
          const other = byColumn.get(col);
          if (other !== undefined)
            ctx.addIssue({
              code: 'custom',
              message: `${field} and ${other} are both mapped to column ${col}`,
              path: ['map', field],
            });
          byColumn.set(col, field);
        }
        const missing = missingRequired(mapping.kind, mapping.map as ColumnMap);
        if (missing.length > 0) {
          const titles = missing.map((f) => (columnsOf(mapping.kind)[f]?.title ?? f) as string);
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
}

/** The mapping if valid, else every problem in one message. */
export function parseTableMapping(input: unknown): TableMapping | { readonly error: string } {
  const result = tableMappingSchema().safeParse(input);
  if (result.success) return { ...result.data, map: result.data.map as Partial<Record<Field, number>> };
  return { error: result.error.issues.map((issue) => issue.message).join('; ') };
}
