/**
 * Rewrites the references inside formula text when the grid changes, as Sheets does: rows or columns
 * inserted or deleted move references to them (a reference to a deleted cell becomes #REF!), and a
 * renamed sheet is renamed in references. String literals are left alone.
 */
import { columnToLetters, lettersToColumn, quoteSheetName, splitSheetPrefix } from './a1';
import { adjustIndex, adjustSpan, type DimensionChange } from './structure';

const PART = String.raw`\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+`;
const SHEET = "(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!";
// Not inside an identifier or a number before, not a function name or identifier after.
const REFERENCE = new RegExp(
  `(?<![A-Za-z0-9_.$'!])(${SHEET})?(${PART})(?::(${PART}))?(?![A-Za-z0-9_(!])`,
  'g',
);

interface Part {
  colAbs: boolean;
  col?: number;
  rowAbs: boolean;
  row?: number;
}

function parsePart(text: string): Part | undefined {
  const m = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/.exec(text);
  if (!m) return undefined;
  const part: Part = { colAbs: m[1] === '$', rowAbs: m[3] === '$' };
  if (m[2]) part.col = lettersToColumn(m[2]);
  if (m[4]) part.row = Number(m[4]);
  if (!m[2] && m[1] === '$') part.rowAbs = true; // `$5`
  return part;
}

function formatPart(part: Part): string {
  const col = part.col === undefined ? '' : `${part.colAbs ? '$' : ''}${columnToLetters(part.col)}`;
  const row = part.row === undefined ? '' : `${part.rowAbs ? '$' : ''}${part.row}`;
  return col + row;
}

/** Applies `edit` to each reference outside string literals; `edit` returns the replacement text. */
function mapReferences(
  formula: string,
  edit: (sheet: string | undefined, start: Part, end: Part | undefined, text: string) => string,
): string {
  let out = '';
  let i = 0;
  // Split into string literals (kept) and code (rewritten).
  while (i < formula.length) {
    const quote = formula.indexOf('"', i);
    const codeEnd = quote < 0 ? formula.length : quote;
    out += formula
      .slice(i, codeEnd)
      .replace(REFERENCE, (text, sheetPart: string | undefined, a: string, b?: string) => {
        const start = parsePart(a);
        const end = b === undefined ? undefined : parsePart(b);
        if (!start || (b !== undefined && !end)) return text;
        // A lone part must be a cell: `A` or `5` alone are names or numbers.
        if (!end && (start.col === undefined || start.row === undefined)) return text;
        const sheet = sheetPart ? splitSheetPrefix(`${sheetPart}A1`).sheet : undefined;
        return edit(sheet, start, end, text);
      });
    if (quote < 0) break;
    let close = quote + 1;
    while (close < formula.length) {
      if (formula.charAt(close) === '"') {
        if (formula.charAt(close + 1) === '"') close += 2;
        else break;
      } else close += 1;
    }
    out += formula.slice(quote, close + 1);
    i = close + 1;
  }
  return out;
}

function prefixOf(text: string): string {
  const bang = text.lastIndexOf('!');
  return bang < 0 ? '' : text.slice(0, bang + 1);
}

/**
 * Moves references to `changedSheet` in a formula standing on `formulaSheet` after rows or columns were
 * inserted or deleted there.
 */
export function shiftReferences(
  formula: string,
  formulaSheet: string,
  changedSheet: string,
  change: DimensionChange,
): string {
  const target = changedSheet.toLowerCase();
  return mapReferences(formula, (sheet, start, end, text) => {
    const refSheet = (sheet ?? formulaSheet).toLowerCase();
    if (refSheet !== target) return text;
    const key = change.dim === 'rows' ? 'row' : 'col';
    const first = start[key];
    const last = end ? end[key] : first;
    if (first === undefined && last === undefined) return text; // `A:A` under a row change
    const newStart = { ...start };
    const newEnd = end && { ...end };
    if (first !== undefined && last !== undefined) {
      const lo = Math.min(first, last);
      const span = adjustSpan(lo, Math.abs(last - first) + 1, change);
      if (!span) return '#REF!';
      const [s, e] =
        first <= last
          ? [span.start, span.start + span.length - 1]
          : [span.start + span.length - 1, span.start];
      newStart[key] = s;
      if (newEnd) newEnd[key] = e;
    } else if (first !== undefined) {
      const moved = adjustIndex(first, change);
      if (moved === undefined) return '#REF!';
      newStart[key] = moved;
    }
    return `${prefixOf(text)}${formatPart(newStart)}${newEnd ? `:${formatPart(newEnd)}` : ''}`;
  });
}

/** Renames `oldName` to `newName` in sheet-qualified references. */
export function renameSheetInReferences(formula: string, oldName: string, newName: string): string {
  const old = oldName.toLowerCase();
  return mapReferences(formula, (sheet, _start, _end, text) => {
    if (sheet === undefined || sheet.toLowerCase() !== old) return text;
    return `${quoteSheetName(newName)}!${text.slice(prefixOf(text).length)}`;
  });
}
