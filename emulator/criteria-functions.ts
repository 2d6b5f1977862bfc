/**
 * COUNTIFS, SUMIFS, AVERAGEIFS, MAXIFS, MINIFS and COUNTBLANK as Sheets computes them (the formula
 * library lacks them). Arguments come resolved as for the array functions (array-functions.ts).
 * A criterion is a value (equality) or text such as ">=5", "<>Done", "=" (blank), "On*" (wildcards).
 */
import type { ArrayFunction, ArrayFunctionContext } from './array-functions';
import {
  compareValues,
  firstOf,
  type Grid,
  gridOf,
  isBlank,
  isDate,
  LibError,
  libError,
  numericOf,
} from './engine-values';

type Test = (value: unknown) => boolean;

const OPERATOR = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/;

/** The value a criterion's text compares with: a number, TRUE/FALSE, or the text itself. */
function criterionOperand(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
  return text;
}

/** `*` any run, `?` one character, `~` escapes them; case-insensitive, whole text. */
function wildcardPattern(text: string): RegExp {
  let source = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '~' && i + 1 < text.length)
      source += (text[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

/** Numbers (and dates) compare with numbers, text with text: `">5"` never counts a text cell. */
function sameKind(a: unknown, b: unknown): boolean {
  const kind = (v: unknown) => (isDate(v) ? 'number' : typeof v);
  return kind(a) === kind(b);
}

function criterionTest(criterion: unknown, timeZone: string): Test {
  const c = numericOf(firstOf(criterion), timeZone);
  if (typeof c !== 'string')
    return (v) => !isBlank(v) && sameKind(v, c) && compareValues(v, '=', c, timeZone);
  const [, op = '=', text = ''] = OPERATOR.exec(c) ?? [];
  if (text === '') return op === '<>' ? (v) => !isBlank(v) : op === '=' ? isBlank : () => false;
  const operand = criterionOperand(text);
  if (typeof operand === 'string' && (op === '=' || op === '<>') && /[*?~]/.test(operand)) {
    const pattern = wildcardPattern(operand);
    const matches = (v: unknown) => typeof v === 'string' && pattern.test(v);
    return op === '=' ? matches : (v) => !matches(v);
  }
  if (op === '<>')
    return (v) => isBlank(v) || !sameKind(v, operand) || compareValues(v, '<>', operand, timeZone);
  return (v) => !isBlank(v) && sameKind(v, operand) && compareValues(v, op, operand, timeZone);
}

/** The positions (row-major) where every (range, criterion) pair holds, or the size error. */
function matchingCells(
  fn: string,
  first: Grid,
  pairs: readonly unknown[],
  timeZone: string,
): boolean[] | LibError {
  if (pairs.length === 0 || pairs.length % 2 !== 0)
    return libError('#N/A', `Wrong number of arguments to ${fn}: ranges and criteria come in pairs.`);
  const height = first.length;
  const width = first[0]?.length ?? 0;
  const hits: boolean[] = new Array(height * width).fill(true);
  for (let i = 0; i < pairs.length; i += 2) {
    const range = gridOf(pairs[i]);
    if (range.length !== height || (range[0]?.length ?? 0) !== width)
      return libError('#VALUE!', `Array arguments to ${fn} are of different size.`);
    const test = criterionTest(pairs[i + 1], timeZone);
    range.forEach((row, r) => {
      row.forEach((v, c) => {
        if (hits[r * width + c] && (v instanceof LibError || !test(v))) hits[r * width + c] = false;
      });
    });
  }
  return hits;
}

/** The numbers of `values` at the matching cells; an error there propagates. */
function matchedNumbers(
  fn: string,
  context: ArrayFunctionContext,
  values: unknown,
  pairs: readonly unknown[],
): number[] | LibError {
  const grid = gridOf(values);
  const hits = matchingCells(fn, grid, pairs, context.timeZone);
  if (hits instanceof LibError) return hits;
  const numbers: number[] = [];
  const cells = grid.flat();
  for (const [i, v] of cells.entries()) {
    if (!hits[i]) continue;
    if (v instanceof LibError) return v;
    const n = numericOf(v, context.timeZone);
    if (typeof n === 'number') numbers.push(n);
  }
  return numbers;
}

const countIfs: ArrayFunction = ({ timeZone }, ...pairs) => {
  const hits = matchingCells('COUNTIFS', gridOf(pairs[0]), pairs, timeZone);
  return hits instanceof LibError ? hits : hits.filter(Boolean).length;
};

/** SUMIFS, AVERAGEIFS, MAXIFS, MINIFS: (values, range1, criterion1, ...) reduced over the matches. */
function aggregateIfs(fn: string, reduce: (numbers: number[]) => number | LibError): ArrayFunction {
  return (context, values, ...pairs) => {
    const numbers = matchedNumbers(fn, context, values, pairs);
    return numbers instanceof LibError ? numbers : reduce(numbers);
  };
}

const total = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);

const countBlank: ArrayFunction = (_context, range) => gridOf(range).flat().filter(isBlank).length;

export const CRITERIA_FUNCTIONS: Readonly<Record<string, ArrayFunction>> = {
  COUNTIFS: countIfs,
  SUMIFS: aggregateIfs('SUMIFS', total),
  AVERAGEIFS: aggregateIfs('AVERAGEIFS', (numbers) =>
    numbers.length === 0
      ? libError('#DIV/0!', 'Evaluation of function AVERAGEIFS caused a divide by zero error.')
      : total(numbers) / numbers.length,
  ),
  MAXIFS: aggregateIfs('MAXIFS', (numbers) =>
    numbers.length === 0 ? 0 : numbers.reduce((a, b) => Math.max(a, b)),
  ),
  MINIFS: aggregateIfs('MINIFS', (numbers) =>
    numbers.length === 0 ? 0 : numbers.reduce((a, b) => Math.min(a, b)),
  ),
  COUNTBLANK: countBlank,
};
