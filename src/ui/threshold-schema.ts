/** The KPI threshold form, validated with this one schema in the sidebar and again on the server. */
import * as z from 'zod/mini';
import { type Direction, InputError, lazy, parseNumericText, resolveThresholds } from '../core';
import { type FieldTypes, type FormErrors, quoteInput, type Validated, validateWith } from './form-errors';

const numberOrBlank = () =>
  z.string().check(
    z.refine((text) => text.trim() === '' || parseNumericText(text) !== undefined, {
      error: (issue) =>
        `Enter a number such as 0.98, 98% or 400, or leave it blank (got ${quoteInput(issue.input)})`,
    }),
  );

function limit(text: string): number | null {
  return text.trim() === '' ? null : (parseNumericText(text) ?? null);
}

const thresholdFormSchema = lazy(() =>
  z
    .object({
      sheet: z.string().check(z.minLength(1, 'Choose a KPI')),
      kpi: z.string().check(z.minLength(1, 'Choose a KPI')),
      warning: numberOrBlank(),
      critical: numberOrBlank(),
      direction: z.enum(['', 'higher', 'lower']),
    })
    .check(
      z.superRefine((form, ctx) => {
        const warning = limit(form.warning);
        const critical = limit(form.critical);
        try {
          resolveThresholds(warning, critical, form.direction === '' ? null : (form.direction as Direction));
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          const field =
            warning === null && critical === null
              ? 'warning'
              : form.direction === ''
                ? 'direction'
                : 'warning';
          ctx.addIssue({ code: 'custom', message: error.message, path: [field], input: form });
        }
      }),
    ),
);

export type ThresholdForm = z.infer<ReturnType<typeof thresholdFormSchema>>;
export type ThresholdErrors = FormErrors<ThresholdForm>;

const FIELDS: FieldTypes<ThresholdForm> = {
  sheet: { label: 'Sheet', expected: "the name of the KPI's sheet, as text" },
  kpi: { label: 'KPI', expected: 'the name of a KPI, as text' },
  warning: { label: 'Warning', expected: 'a number typed as text, or blank' },
  critical: { label: 'Critical', expected: 'a number typed as text, or blank' },
  direction: { label: 'Direction', expected: 'higher, lower, or blank (from the limits)' },
};

export function validateThresholdForm(input: unknown): Validated<ThresholdForm> {
  return validateWith(thresholdFormSchema(), input, FIELDS);
}

export function parsedLimits(form: ThresholdForm): {
  warning: number | null;
  critical: number | null;
  direction: Direction | null;
} {
  return {
    warning: limit(form.warning),
    critical: limit(form.critical),
    direction: form.direction === '' ? null : form.direction,
  };
}
