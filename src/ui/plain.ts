/**
 * Values for google.script.run and for JSON in a page. The bridge refuses Dates (and anything that is
 * not plain data), so cells travel as numbers, text, booleans or ISO date text.
 */
import { type CellValue, isDate } from '../core';

export type Plain = string | number | boolean | null;

export function plain(value: CellValue): Plain {
  if (value === undefined || value === null) return null;
  if (isDate(value)) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return value;
}

/**
 * JSON that can sit inside a <script> element: `<`, `>`, `&` and the JavaScript line separators are
 * escaped, so text a user typed (say `</script><script>…`) can't end the element or run.
 */
export function scriptSafeJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Puts the page's initial data where its HTML holds the placeholder. */
export const INITIAL_DATA_PLACEHOLDER = '"__INITIAL_DATA__"';

export function withInitialData(html: string, data: unknown): string {
  return html.replace(INITIAL_DATA_PLACEHOLDER, () => scriptSafeJson(data));
}

/** A page's initial data back out of its HTML (what the page itself reads; for tests and the demo). */
export function readInitialData<T>(html: string): T {
  const json = /<script id="initial-data" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error('the page has no initial data');
  return JSON.parse(json) as T;
}
