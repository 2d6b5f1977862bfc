/**
 * A column header as the words a person reads in it: "Revenue ($)", "currentTargetValue",
 * "kpi_target", "Critical\nthreshold" and "KR Progress %" become plain lower-case words, with units
 * in brackets dropped, camelCase and snake_case split, plurals folded and words glued together in
 * lower case ("currentvalue") split when both halves are words the add-on knows.
 */
import type { CellValue } from './cell';

/** Units written in brackets after a header: they say how the column is measured, not what it is. */
const UNITS = new Set([
  '$',
  '€',
  '£',
  '¥',
  '%',
  '#',
  'usd',
  'eur',
  'gbp',
  'k',
  'm',
  'bn',
  'h',
  'hr',
  'hrs',
  'hour',
  'hours',
  'min',
  'mins',
  'minutes',
  'd',
  'day',
  'days',
  's',
  'sec',
  'ms',
  'pct',
  'percent',
  'count',
  'no',
  'qty',
  'x',
]);

/** Words whose trailing "s" is not a plural. */
const NOT_PLURAL = /(ss|us|is|ys)$/;

function singular(word: string): string {
  if (word.length <= 3 || NOT_PLURAL.test(word) || !word.endsWith('s')) return word;
  return word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1);
}

function isUnit(text: string): boolean {
  const folded = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return folded === '' || UNITS.has(folded) || /^[^\p{L}\p{N}]+$/u.test(folded);
}

/** Splits "currentvalue" into "current value" when both halves are known words. */
function unglue(word: string, known: ReadonlySet<string>): string[] {
  if (known.has(word) || word.length < 6) return [word];
  for (let cut = 2; cut <= word.length - 2; cut++) {
    const head = word.slice(0, cut);
    const tail = singular(word.slice(cut));
    if (known.has(head) && known.has(tail)) return [head, tail];
  }
  return [word];
}

/**
 * The words of a header, lower-case, in order. `known` is the vocabulary used to split glued
 * lower-case words; without it nothing glued is split.
 */
export function headerWords(header: CellValue, known: ReadonlySet<string> = new Set()): string[] {
  const text = String(header ?? '')
    // "UoM" (unit of measure) is one word, not camelCase.
    .replace(/\bUoM\b/g, 'uom')
    // A bracket holding a unit is dropped; one holding words ("(Actual)") is read like the rest.
    .replace(/[([{]([^)\]}]*)[)\]}]/g, (_, inside: string) => (isUnit(inside) ? ' ' : ` ${inside} `))
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/%/g, ' percent ')
    .replace(/&/g, ' and ')
    .toLowerCase();
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .flatMap((word) => unglue(singular(word), known));
}
