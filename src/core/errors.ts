import { isDate } from './is-date';

/**
 * An input the add-on cannot read or judge. Its message names the field and the value, so a formula
 * can show it as `#ERROR!` text or as an `Error: ...` row without more context.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** "2026-03-31" in the runtime's time zone (the script's, in Apps Script), as the sheet shows the day. */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** How a value is quoted in messages: text in quotes, everything else as the sheet would show it. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (isDate(value)) return Number.isNaN(value.getTime()) ? 'an invalid date' : localDay(value);
  return String(value);
}
