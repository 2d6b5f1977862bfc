/** Validating a form payload with its zod schema: the payload, or one message per field. */
import type * as z from 'zod/mini';

export type FormErrors<F> = Partial<Record<keyof F | 'form', string>>;

export type Validated<F> = { ok: true; form: F } | { ok: false; errors: FormErrors<F> };

export function validateWith<S extends z.ZodMiniType>(schema: S, input: unknown): Validated<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, form: result.data };
  const errors: FormErrors<z.infer<S>> = {};
  for (const issue of result.error.issues) {
    const field = (issue.path[0] as keyof z.infer<S> | undefined) ?? 'form';
    // A union reports each of its branches; a custom check's message is the one written for people.
    if (!errors[field] || issue.code === 'custom') errors[field] = issue.message;
  }
  return { ok: false, errors };
}
