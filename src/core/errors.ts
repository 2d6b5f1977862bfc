import { isDate } from './is-date';

/**
 * An input the add-on cannot read or judge. Its message names the field and the value, so a formula
 * can show it as `#ERROR!` text or as an `Error: ...` row without more context.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** How a value is quoted in messages: text in quotes, everything else as the sheet would show it. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (isDate(value))
    return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  return String(value);
}
