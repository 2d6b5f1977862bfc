/**
 * The check-in form's payload, validated with this one schema in the sidebar (before sending) and on
 * the server (before writing). Messages are shown next to their field and quote the value.
 */
import * as z from 'zod/mini';
import { lazy, parseConfidence, parseNumericText } from '../core';
import { type FieldTypes, type FormErrors, quoteInput, type Validated, validateWith } from './form-errors';

const MAX_COMMENT = 1000;

const checkInFormSchema = lazy(() =>
  z.object({
    krId: z.string().check(z.minLength(1, 'Choose a key result')),
    /**
     * Numeric key results send the typed text; milestones send done (true) or not done (false); a key
     * result that follows a KPI sends null (its value comes from the KPI).
     */
    value: z.union([
      z.null(),
      z.boolean(),
      z.string().check(
        z.refine((text) => parseNumericText(text) !== undefined, {
          error: (issue) => `Enter a number such as 42, 3.5 or 45% (got ${quoteInput(issue.input)})`,
        }),
      ),
    ]),
    confidence: z.string().check(
      z.refine((text) => parseConfidence(text) !== undefined, {
        error: (issue) =>
          `Choose 1 to 10, or on track / at risk / off track (got ${quoteInput(issue.input)})`,
      }),
    ),
    comment: z.string().check(z.maxLength(MAX_COMMENT, `Keep the comment under ${MAX_COMMENT} characters`)),
  }),
);

export type CheckInForm = z.infer<ReturnType<typeof checkInFormSchema>>;

/** Field name -> message, for errors shown beside each field. */
export type FieldErrors = FormErrors<CheckInForm>;

const FIELDS: FieldTypes<CheckInForm> = {
  krId: { label: 'Key result', expected: 'the ID of a key result, as text' },
  value: {
    label: 'Value',
    expected:
      'a number typed as text, done / not done (true or false), or null for a key result that follows a KPI',
  },
  confidence: { label: 'Confidence', expected: 'text: 1 to 10, or on track / at risk / off track' },
  comment: { label: 'Comment', expected: 'text' },
};

export function validateCheckInForm(input: unknown): Validated<CheckInForm> {
  return validateWith(checkInFormSchema(), input, FIELDS);
}
