/**
 * Validating a form payload with its zod schema: the payload, or one message per field. A value of the
 * wrong type (a number where text belongs, a field missing) is named by the field's label with what
 * was expected; the value is quoted, cut short, so a huge payload is never echoed back.
 */
import type * as z from 'zod/mini';

export type FormErrors<F> = Partial<Record<keyof F | 'form', string>>;

export type Validated<F> = { ok: true; form: F } | { ok: false; errors: FormErrors<F> };

/** For each field: its label as the form shows it, and what it takes ("text", "true or false"). */
export type FieldTypes<F> = Record<keyof F, { readonly label: string; readonly expected: string }>;

/** Longest stretch of a value quoted back in a message. */
export const QUOTED_MAX = 40;

/** A value as a message quotes it: short text in quotes, cut with "…" past QUOTED_MAX characters. */
export function quoteInput(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') {
    const cut = value.length > QUOTED_MAX ? `${value.slice(0, QUOTED_MAX)}…` : value;
    return JSON.stringify(cut);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return quoteInput(String(value)).slice(1, -1);
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  return typeof value === 'object' ? 'a set of fields' : `a ${typeof value}`;
}

// zod's own wording for a wrong type ("Invalid input", "Invalid option") is replaced by the field's;
// a message the schema gives is kept.
const TYPE_CODES = new Set(['invalid_type', 'invalid_union', 'invalid_value']);
const ZOD_WORDING = /^Invalid (input|option)/;

export function validateWith<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  fields: FieldTypes<z.infer<S>>,
): Validated<z.infer<S>> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      errors: {
        form: `The form sent ${quoteInput(input)} instead of its fields. Reopen the sidebar.`,
      } as FormErrors<z.infer<S>>,
    };
  }
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, form: result.data };
  const errors: FormErrors<z.infer<S>> = {};
  for (const issue of result.error.issues) {
    const name = issue.path[0] as keyof z.infer<S> | undefined;
    const field = name === undefined ? undefined : fields[name];
    const key = field ? (name as keyof z.infer<S>) : 'form';
    const message =
      field && TYPE_CODES.has(issue.code) && ZOD_WORDING.test(issue.message)
        ? `${field.label} must be ${field.expected}, got ${quoteInput((input as Record<PropertyKey, unknown>)[name as PropertyKey])}`
        : issue.message;
    // A union reports each of its branches; a custom check's message is the one written for people.
    if (!errors[key] || issue.code === 'custom') errors[key] = message;
  }
  return { ok: false, errors };
}
