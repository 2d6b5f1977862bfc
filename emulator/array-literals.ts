/**
 * Sheets lets an array literal hold any expression (`{A1, B1}`, `{"color1", IF(...)}`); the formula
 * library parses constants only. The engine retries such a formula with each non-constant literal
 * rewritten as a call of ARRAY_LITERAL(rows, cols, items…), a function that builds the same 2-D array.
 * Formulas the library parses are never touched.
 */
import type { CustomFunction, EvalResult, FormulaEvaluator } from './formula-types';

export const ARRAY_FUNCTION = 'ARRAY_LITERAL';

const CONSTANT = /^\s*(-?\d+(\.\d+)?([eE][+-]?\d+)?|"([^"]|"")*"|TRUE|FALSE)\s*$/i;

/** Splits `text` at top-level `,` and `;` (outside strings, parentheses and braces). */
function splitItems(text: string): { items: string[]; rows: number[] } | null {
  const items: string[] = [];
  const rows: number[] = [0];
  let depth = 0;
  let start = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (depth === 0 && (ch === ',' || ch === ';')) {
      items.push(text.slice(start, i));
      rows[rows.length - 1] = (rows[rows.length - 1] ?? 0) + 1;
      if (ch === ';') rows.push(0);
      start = i + 1;
    }
  }
  items.push(text.slice(start));
  rows[rows.length - 1] = (rows[rows.length - 1] ?? 0) + 1;
  return inString || depth !== 0 ? null : { items, rows };
}

/** The formula with every array literal that holds an expression rewritten; null when none does. */
export function rewriteArrayLiterals(formula: string): string | null {
  let out = '';
  let changed = false;
  let inString = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i] ?? '';
    if (inString || ch === '"') {
      if (inString && ch === '"' && formula[i + 1] === '"') {
        out += '""';
        i++;
        continue;
      }
      if (ch === '"') inString = !inString;
      out += ch;
      continue;
    }
    if (ch !== '{') {
      out += ch;
      continue;
    }
    const end = closingBrace(formula, i);
    if (end < 0) return null;
    const inner = formula.slice(i + 1, end);
    const split = splitItems(inner);
    const cols = split?.rows[0] ?? 0;
    if (!split || split.rows.some((n) => n !== cols) || split.items.every((item) => CONSTANT.test(item))) {
      out += formula.slice(i, end + 1);
    } else {
      const items = split.items.map((item) => rewriteArrayLiterals(item) ?? item);
      out += `${ARRAY_FUNCTION}(${split.rows.length},${cols},${items.join(',')})`;
      changed = true;
    }
    i = end;
  }
  return changed ? out : null;
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

/** ARRAY_LITERAL(rows, cols, items…): the items, one value each, as a rows × cols array. */
export const arrayLiteral: CustomFunction = (rows, cols, ...items) => {
  const r = Number(rows);
  const c = Number(cols);
  if (items.some((item) => Array.isArray(item)))
    throw new Error('A range inside {…} is not supported by the emulator.');
  return Array.from({ length: r }, (_, i) => items.slice(i * c, (i + 1) * c));
};

function isParseError(result: EvalResult): boolean {
  return (
    !Array.isArray(result) &&
    typeof result === 'object' &&
    !(result instanceof Date) &&
    result.kind === 'error' &&
    /parse error/i.test(result.message)
  );
}

/** The engine, retrying formulas whose array literals it could not parse. */
export function withArrayLiterals(engine: FormulaEvaluator): FormulaEvaluator {
  return {
    evaluate(formula, at, source) {
      let result: EvalResult;
      try {
        result = engine.evaluate(formula, at, source);
      } catch (error) {
        const rewritten =
          formula.includes('{') && /parse error/i.test(String(error)) ? rewriteArrayLiterals(formula) : null;
        if (!rewritten) throw error;
        return engine.evaluate(rewritten, at, source);
      }
      if (!isParseError(result) || !formula.includes('{')) return result;
      const rewritten = rewriteArrayLiterals(formula);
      return rewritten ? engine.evaluate(rewritten, at, source) : result;
    },
    shift: (formula, rowOffset, colOffset) => engine.shift(formula, rowOffset, colOffset),
  };
}
