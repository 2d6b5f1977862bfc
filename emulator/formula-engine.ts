/**
 * The emulator's formula engine: fast-formula-parser does the lexing, parsing and built-in functions;
 * this file adapts it to Google Sheets' and Apps Script's conventions (see formula-types.ts).
 *
 * The library lives in "engine space": blanks are null, dates are serial numbers, errors are its
 * FormulaError. Cells and custom functions live in "sheet space": blanks are '', dates are Date objects,
 * errors are `{ kind: 'error' }`. The converters below are the only crossing points.
 */

import FormulaParser, {
  type CellRef,
  type FunctionArg,
  FormulaHelpers as H,
  type RangeRef,
  type RefValue,
  Types,
} from 'fast-formula-parser';
import { lex, type Token } from 'fast-formula-parser/grammar/lexing';
import Collection from 'fast-formula-parser/grammar/type/collection';
import { parseA1 } from './a1';
import { arrayContextFlags, broadcast, CELLWISE_FUNCTIONS } from './array-context';
import { ARRAY_FUNCTIONS, type ArrayFunction } from './array-functions';
import { ARRAY_FUNCTION, arrayLiteral, withArrayLiterals } from './array-literals';
import { CRITERIA_FUNCTIONS } from './criteria-functions';
import { compareValues, firstOf, gridOf, isDate, LibError, libError, truthOf } from './engine-values';
import type {
  AreaAddress,
  CellAddress,
  CellScalar,
  CellSource,
  CustomFunction,
  EvalResult,
  EvalValue,
  FormulaError,
  FormulaEvaluator,
  Sparkline,
} from './formula-types';
import { toSerial } from './time';

// The library's grid limits: an open range (A:A, 2:3, and J2:J once rewritten) reaches them.
const OPEN_END_ROW = FormulaParser.MAX_ROW;
const OPEN_END_COL = FormulaParser.MAX_COLUMN;
const CACHE_LIMIT = 2_000; // per cache; kept small: cached tokens of one-off formulas only feed the GC

// ---------------------------------------------------------------------------------------------------
// Values: sheet space <-> engine space
// ---------------------------------------------------------------------------------------------------

function isSheetError(value: unknown): value is FormulaError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'error';
}

function isSparkline(value: unknown): value is Sparkline {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'sparkline';
}

function sheetError(code: string, message = ''): FormulaError {
  return { kind: 'error', code, message };
}

function fromLibError(error: LibError): FormulaError {
  return sheetError(error.error, error.message);
}

/** A cell's value as the library's built-ins expect it (dates as serial numbers in the sheet's zone). */
function toEngine(value: EvalValue, timeZone: string): unknown {
  if (value === '') return null;
  if (isDate(value)) return toSerial(value, timeZone);
  if (isSheetError(value)) return libError(value.code, value.message);
  if (isSparkline(value)) return null; // getValues shows '' for a sparkline cell
  return value;
}

/** A cell's value as Apps Script hands it to a custom function inside a range. */
function toCustomCell(value: EvalValue): CellScalar {
  if (isSheetError(value)) return value.code; // what getValues shows for an error cell
  if (isSparkline(value)) return '';
  return value;
}

/** Any engine-space value as one cell of a formula's result. */
function toSheetValue(value: unknown): EvalValue {
  if (value === null || value === undefined) return '';
  if (value instanceof LibError) return fromLibError(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return sheetError('#VALUE!', 'The result is not a number.');
    if (!Number.isFinite(value)) return sheetError('#NUM!', 'The result is not a finite number.');
    return value + 0; // -0 -> 0
  }
  if (typeof value === 'string' || typeof value === 'boolean' || isDate(value) || isSparkline(value)) {
    return value;
  }
  return sheetError('#VALUE!', 'The result is not a value.');
}

/** Apps Script treats a 1x1 array as its one value. */
function singleOrGrid<T>(grid: T[][]): T | T[][] {
  const row = grid[0];
  return grid.length === 1 && row !== undefined && row.length === 1 ? (row[0] as T) : grid;
}

// ---------------------------------------------------------------------------------------------------
// Reading cells and ranges
// ---------------------------------------------------------------------------------------------------

/** What one evaluation reads from: a frame per nesting level, since a cell read may evaluate a formula. */
interface Frame {
  source: CellSource;
  at: CellAddress;
  /** Per token of the formula being evaluated: 1 inside an array-context function (array-context.ts). */
  arrayContext: Uint8Array;
}

/** A reference as an area of its sheet, open ends closed at the grid's size; or why it cannot be read. */
function areaOf(frame: Frame, ref: RefValue['ref']): AreaAddress | LibError {
  const sheet = ref.sheet ?? frame.at.sheet;
  const size = frame.source.size(sheet);
  if (!size) return libError('#REF!', `Unresolved sheet name '${sheet}'.`);
  if (ref.from && ref.to) {
    const { from, to } = ref;
    // Only open ends stop at the grid's size; H2:H500 is read as written.
    const lastRow = to.row >= OPEN_END_ROW ? Math.max(from.row, size.maxRows) : to.row;
    const lastCol = to.col >= OPEN_END_COL ? Math.max(from.col, size.maxCols) : to.col;
    return {
      sheet,
      row: from.row,
      col: from.col,
      numRows: lastRow - from.row + 1,
      numCols: lastCol - from.col + 1,
    };
  }
  // The lexer reads a short unknown name such as `Foo` as a column: no row, so no cell.
  if (ref.row === undefined || ref.col === undefined) return libError('#NAME?', 'Unknown range name.');
  return { sheet, row: ref.row, col: ref.col, numRows: 1, numCols: 1 };
}

function readArea<T>(source: CellSource, area: AreaAddress, convert: (value: EvalValue) => T): T[][] {
  const rows: T[][] = new Array(area.numRows);
  for (let r = 0; r < area.numRows; r++) {
    const row: T[] = new Array(area.numCols);
    for (let c = 0; c < area.numCols; c++) {
      row[c] = convert(source.value({ sheet: area.sheet, row: area.row + r, col: area.col + c }));
    }
    rows[r] = row;
  }
  return rows;
}

function isRef(value: unknown): value is RefValue {
  return typeof value === 'object' && value !== null && 'ref' in value && !(value instanceof LibError);
}

/**
 * INDIRECT(text): the reference a text names, a named range or an A1 reference (`B2`,
 * `'Sheet'!B2:C9`, open ends allowed). Conditional-format rules use it to read another sheet's cells,
 * which their formulas cannot name directly.
 */
function indirect(frame: Frame, _parser: FormulaParser, text: FunctionArg): RefValue | LibError {
  const name = String(text.value ?? '').trim();
  const named = namedRangeRef(frame, name);
  if (named) return { ref: named };
  const a1 = parseA1(name);
  if (!a1 || a1.startRow === undefined || a1.startCol === undefined)
    return libError('#REF!', `Unresolved reference "${name}" in INDIRECT.`);
  const sheet = a1.sheet === undefined ? {} : { sheet: a1.sheet };
  const from = { row: a1.startRow, col: a1.startCol };
  const to = { row: a1.endRow ?? OPEN_END_ROW, col: a1.endCol ?? OPEN_END_COL };
  if (from.row === to.row && from.col === to.col) return { ref: { ...sheet, ...from } };
  return { ref: { ...sheet, from, to } };
}

function namedRangeRef(frame: Frame, name: string): CellRef | RangeRef | null {
  const area = frame.source.namedRange(name);
  if (!area) return null;
  const { sheet, row, col } = area;
  if (area.numRows === 1 && area.numCols === 1) return { sheet, row, col };
  return { sheet, from: { row, col }, to: { row: row + area.numRows - 1, col: col + area.numCols - 1 } };
}

// ---------------------------------------------------------------------------------------------------
// Custom functions: Apps Script's calling convention
// ---------------------------------------------------------------------------------------------------

/** One argument as Apps Script passes it, or the error that stops the call. */
function toCustomArg(frame: Frame, arg: unknown): unknown {
  if (arg === null) return undefined; // an empty argument, as in F(1,,3)
  if (arg instanceof LibError) return arg;
  if (arg instanceof Collection) return libError('#VALUE!', 'A union of ranges is not a valid argument.');
  if (isRef(arg)) {
    const area = areaOf(frame, arg.ref);
    if (area instanceof LibError) return area;
    if (area.numRows === 1 && area.numCols === 1) {
      const value = frame.source.value(area);
      return isSheetError(value) ? libError(value.code, value.message) : toCustomCell(value);
    }
    return readArea(frame.source, area, toCustomCell);
  }
  if (Array.isArray(arg)) {
    const grid = arg as unknown[][];
    const only = grid.length === 1 && grid[0]?.length === 1 ? grid[0][0] : undefined;
    if (only instanceof LibError) return only;
    return singleOrGrid(grid.map((row) => row.map((v) => toCustomCell(toSheetValue(v)))));
  }
  return arg;
}

function messageOf(error: unknown): string {
  // Cross-realm safe: an Error thrown inside a vm context is not `instanceof Error` here.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** A custom function's return value in engine space; a 1-D array is a column, as in Apps Script. */
function fromCustomResult(result: unknown): unknown {
  if (result === undefined || result === null) return '';
  if (!Array.isArray(result)) return result;
  const grid = result.map((row: unknown) => (Array.isArray(row) ? row : [row]));
  const cells = grid.map((row) => row.map((v: unknown) => (v === undefined || v === null ? '' : v)));
  return singleOrGrid(cells);
}

function customFunction(frame: Frame, fn: CustomFunction) {
  // Registered as "needs context, no data retrieval": the first argument is the parser, the others are
  // raw references, so ranges are read once here, with Dates and '' intact.
  return (_parser: unknown, ...rawArgs: unknown[]): unknown => {
    const args: unknown[] = [];
    for (const raw of rawArgs) {
      const arg = toCustomArg(frame, raw);
      if (arg instanceof LibError) return arg;
      args.push(arg);
    }
    try {
      return fromCustomResult(fn(...args));
    } catch (error) {
      return libError('#ERROR!', messageOf(error));
    }
  };
}

// ---------------------------------------------------------------------------------------------------
// Built-ins the library lacks or gets wrong for Sheets
// ---------------------------------------------------------------------------------------------------

type ItemHook = (item: unknown, literal: boolean) => void;

function forEachDeep(value: unknown, hook: ItemHook): void {
  if (Array.isArray(value)) for (const item of value) forEachDeep(item, hook);
  else hook(value, false);
}

/**
 * Every value of the arguments, as the library's flattenParams gives them but in linear time (its
 * flattening concatenates in a loop: seconds for a 50,000-row range). A literal is read as `literalType`.
 */
function forEachItem(
  args: readonly (FunctionArg | null)[],
  literalType: number | null,
  hook: ItemHook,
): void {
  for (const arg of args) {
    if (!arg || arg.omitted) continue;
    const { value } = arg;
    if (value instanceof Collection) forEachDeep(value.data, hook);
    else if (Array.isArray(value) || arg.isCellRef || arg.isRangeRef) forEachDeep(value, hook);
    else hook(literalType === null ? value : H.accept(arg, literalType), true);
  }
}

/** The numbers of the arguments; an error anywhere propagates (thrown: the library returns it). */
function numbersOf(args: FunctionArg[]): number[] {
  const numbers: number[] = [];
  forEachItem(args, Types.NUMBER, (item) => {
    if (item instanceof LibError) throw item;
    if (typeof item === 'number') numbers.push(item);
  });
  return numbers;
}

function count(...args: FunctionArg[]): number {
  let n = 0;
  forEachItem(args, null, (item) => {
    if (typeof item === 'number') n++;
  });
  return n;
}

function countA(...args: FunctionArg[]): number {
  let n = 0;
  forEachItem(args, null, (item) => {
    if (item !== null && item !== undefined && item !== '') n++;
  });
  return n;
}

/** The logical values of AND/OR's arguments: numbers and TRUE/FALSE text count, errors propagate. */
function logicalValues(name: string, args: FunctionArg[]): boolean[] {
  const values: boolean[] = [];
  forEachItem(args, null, (item) => {
    if (item instanceof LibError) throw item;
    if (typeof item === 'boolean') values.push(item);
    else if (typeof item === 'number') values.push(item !== 0);
    else if (typeof item === 'string' && /^(true|false)$/i.test(item))
      values.push(item.toUpperCase() === 'TRUE');
  });
  if (values.length === 0) throw libError('#VALUE!', `${name} has no logical values.`);
  return values;
}

/** IF gets raw (unread) arguments; the library's own IF never reads a reference condition. */
function ifFunction(frame: Frame) {
  return (parser: FormulaParser, test: unknown, ifTrue?: unknown, ifFalse?: unknown): unknown => {
    const value = (raw: unknown) =>
      raw === null || raw === undefined ? raw : parser.utils.extractRefValue(raw).val;
    const condition = test === null ? null : value(test);
    const pick = (truth: unknown, yes: unknown, no: unknown, hasNo: boolean): unknown => {
      const holds = truthOf(truth, 'IF');
      if (holds instanceof LibError) return holds;
      if (holds) return yes ?? 0;
      return hasNo ? (no ?? 0) : false;
    };
    if (Array.isArray(condition) && inArrayContext(frame, parser)) {
      return broadcast(
        [condition, value(ifTrue) ?? null, value(ifFalse) ?? null],
        (c, yes, no) => pick(c, yes, no, ifFalse !== undefined),
        arraySizeError,
      );
    }
    return pick(condition, ifTrue, ifFalse, ifFalse !== undefined);
  };
}

function sparklineOptions(options: FunctionArg | undefined): Sparkline['options'] | LibError {
  const result: Record<string, string | number | boolean> = {};
  if (!options || options.omitted) return result;
  if (!Array.isArray(options.value))
    return libError('#VALUE!', 'SPARKLINE options must be a 2-column range.');
  for (const row of options.value as unknown[][]) {
    const [key, value] = row;
    if (key === null || key === undefined || key === '' || value === null || value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      result[String(key).toLowerCase()] = value;
    }
  }
  return result;
}

function sparkline(data: FunctionArg, options?: FunctionArg): Sparkline | LibError {
  const values = Array.isArray(data.value) ? (data.value as unknown[][]).flat() : [data.value];
  const opts = sparklineOptions(options);
  if (opts instanceof LibError) return opts;
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return { kind: 'sparkline', data: numbers, options: opts };
}

const sum = (...args: FunctionArg[]) => numbersOf(args).reduce((a, b) => a + b, 0);

function average(...args: FunctionArg[]): number | LibError {
  const numbers = numbersOf(args);
  if (numbers.length === 0) return libError('#DIV/0!', 'AVERAGE has no numbers to average.');
  return numbers.reduce((a, b) => a + b, 0) / numbers.length;
}

function extreme(pick: (a: number, b: number) => number) {
  return (...args: FunctionArg[]): number => {
    const numbers = numbersOf(args);
    return numbers.length === 0 ? 0 : numbers.reduce((a, b) => pick(a, b));
  };
}

/** Functions whose blank arguments must stay blank (they skip blanks rather than reading them as 0). */
const KEEPS_BLANKS = new Set(['SUM', 'AVERAGE', 'MIN', 'MAX', 'COUNT', 'COUNTA', 'AND', 'OR', 'SPARKLINE']);

/**
 * The library passes a blank cell to a function as null, which its scalar functions (ROUND, ABS, ...)
 * cannot read; Sheets reads it as 0 or ''. Dates from custom functions become serial numbers here too.
 */
function normalizingArgs(frame: Frame, fn: BuiltIn, blank: 0 | ''): BuiltIn {
  const normalize = (arg: FunctionArg | null): FunctionArg | null => {
    if (arg?.value === null && !arg.omitted) return { ...arg, value: blank };
    if (arg && isDate(arg.value)) return { ...arg, value: toSerial(arg.value, frame.source.timeZone) };
    return arg;
  };
  return (...args: (FunctionArg | null)[]): unknown => fn(...args.map(normalize));
}

type BuiltIn = (...args: (FunctionArg | null)[]) => unknown;

/**
 * An array computed by FILTER, SORT and the like keeps its Dates (so they spill as dates); the
 * library's built-ins read serial numbers, as they do from ranges.
 */
function withSerialDatesInArrays(frame: Frame, fn: BuiltIn): BuiltIn {
  const serial = (v: unknown) => (isDate(v) ? toSerial(v, frame.source.timeZone) : v);
  const convert = (arg: FunctionArg | null): FunctionArg | null => {
    if (!arg || arg.isRangeRef || !Array.isArray(arg.value)) return arg;
    const grid = arg.value as unknown[][];
    if (!grid.some((row) => Array.isArray(row) && row.some(isDate))) return arg;
    return { ...arg, value: grid.map((row) => row.map(serial)) };
  };
  return (...args) => fn(...args.map(convert));
}

/** A scalar built-in inside an array context maps over its array arguments (array-context.ts). */
function cellwise(frame: Frame, parser: FormulaParser, fn: BuiltIn): BuiltIn {
  const isGrid = (arg: FunctionArg | null) => Array.isArray(arg?.value);
  return (...args) => {
    if (!args.some(isGrid) || !inArrayContext(frame, parser)) return fn(...args);
    // Scalar arguments ride along as themselves: a 1x1 grid holding the whole FunctionArg.
    const values = args.map((arg) => (isGrid(arg) ? arg?.value : [[arg]]));
    const cellArg = (cell: unknown, i: number) => {
      const arg = args[i] as FunctionArg | null;
      return arg && isGrid(arg) ? { ...arg, value: cell, isArray: false } : (cell as FunctionArg | null);
    };
    return broadcast(values, (...cells) => fn(...cells.map(cellArg)), arraySizeError);
  };
}

/**
 * A Sheets function of array-functions.ts or criteria-functions.ts: each argument resolved, a range
 * read with its Dates and blanks as the cells hold them; an error argument is the result.
 */
function resolvingArgs(frame: Frame, fn: ArrayFunction) {
  return (_parser: FormulaParser, ...rawArgs: unknown[]): unknown => {
    const args: unknown[] = [];
    for (const raw of rawArgs) {
      const arg = resolveArg(frame, raw);
      if (arg instanceof LibError) return arg;
      args.push(arg);
    }
    return fn({ timeZone: frame.source.timeZone }, ...args);
  };
}

/** ROWS and COLUMNS: of a reference without reading it (open ends closed at the grid), or of an array. */
function dimension(frame: Frame, which: 'numRows' | 'numCols') {
  return (_parser: FormulaParser, raw: unknown): number | LibError => {
    if (raw instanceof LibError) return raw;
    if (isRef(raw)) {
      const area = areaOf(frame, raw.ref);
      return area instanceof LibError ? area : area[which];
    }
    const grid = gridOf(raw);
    return which === 'numRows' ? grid.length : (grid[0]?.length ?? 0);
  };
}

function toArrayCell(value: EvalValue): unknown {
  if (value === '' || isSparkline(value)) return null;
  return isSheetError(value) ? libError(value.code, value.message) : value;
}

function resolveArg(frame: Frame, raw: unknown): unknown {
  if (raw === null) return undefined; // an omitted argument, as in TAKE(A1:C4,,2)
  if (raw instanceof Collection) return libError('#VALUE!', 'A union of ranges is not a valid argument.');
  if (!isRef(raw)) return raw;
  const area = areaOf(frame, raw.ref);
  return area instanceof LibError ? area : readArea(frame.source, area, toArrayCell);
}

// ---------------------------------------------------------------------------------------------------
// Operators: Sheets compares text case-insensitively and a blank equals 0, '' and FALSE
// ---------------------------------------------------------------------------------------------------

const COMPARE_OPS = new Set(['=', '<>', '<', '>', '<=', '>=']);

function withSerialDates(operand: { val: unknown; isArray: boolean }, timeZone: string) {
  return isDate(operand.val) ? { val: toSerial(operand.val, timeZone), isArray: false } : operand;
}

/** Whether the parser is inside an array-context function of the formula (array-context.ts). */
function inArrayContext(frame: Frame, parser: FormulaParser): boolean {
  return frame.arrayContext[parser.parser.currIdx] === 1;
}

const arraySizeError = () => libError('#N/A', 'Array arguments are of different size.');

type Operand = { val: unknown; isArray: boolean };
type Infix = (left: Operand, op: string, right: Operand) => unknown;

/** One operator on two single values: comparisons Sheets' way, the rest the library's. */
function scalarInfix(original: Infix, timeZone: string): Infix {
  return (left, op, right) => {
    const l = withSerialDates(left, timeZone);
    const r = withSerialDates(right, timeZone);
    if (!COMPARE_OPS.has(op) || l.val instanceof LibError || r.val instanceof LibError) {
      return original(l, op, r);
    }
    const a = firstOf(l.val);
    const b = firstOf(r.val);
    if (a instanceof LibError) return a;
    if (b instanceof LibError) return b;
    return compareValues(a, op, b, timeZone);
  };
}

/**
 * Overrides the operators on one parser's utils (an instance, so the library's module stays
 * untouched): comparison compares as Sheets does, and inside an array context an array operand is
 * taken cell by cell.
 */
function patchOperators(frame: Frame, parser: FormulaParser): void {
  const utils = parser.utils;
  const original: Infix = utils._applyInfix.bind(utils);
  utils._applyInfix = (left, op, right) => {
    const infix = scalarInfix(original, frame.source.timeZone);
    const arrays = Array.isArray(left.val) || Array.isArray(right.val);
    if (!arrays || !inArrayContext(frame, parser)) return infix(left, op, right);
    const cell = (val: unknown): Operand => ({ val, isArray: false });
    return broadcast([left.val, right.val], (a, b) => infix(cell(a), op, cell(b)), arraySizeError);
  };
}

// ---------------------------------------------------------------------------------------------------
// The parser of one frame
// ---------------------------------------------------------------------------------------------------

function readCell(frame: Frame, ref: CellRef): unknown {
  const area = areaOf(frame, ref);
  return area instanceof LibError ? area : toEngine(frame.source.value(area), frame.source.timeZone);
}

function readRange(frame: Frame, ref: RangeRef): unknown[][] {
  const area = areaOf(frame, ref);
  const { timeZone } = frame.source;
  return area instanceof LibError ? [[area]] : readArea(frame.source, area, (v) => toEngine(v, timeZone));
}

function createParser(frame: Frame, customFunctions: Record<string, CustomFunction>): FormulaParser {
  const custom = Object.entries(customFunctions).map(([name, fn]) => [name.toUpperCase(), fn] as const);
  const sheetFunctions = Object.entries({ ...ARRAY_FUNCTIONS, ...CRITERIA_FUNCTIONS });
  const parser = new FormulaParser({
    onCell: (ref) => readCell(frame, ref),
    onRange: (ref) => readRange(frame, ref),
    onVariable: (name) => namedRangeRef(frame, name),
    functions: {
      SUM: sum,
      AVERAGE: average,
      MIN: extreme(Math.min),
      MAX: extreme(Math.max),
      COUNT: count,
      COUNTA: countA,
      AND: (...args: FunctionArg[]) => logicalValues('AND', args).every(Boolean),
      OR: (...args: FunctionArg[]) => logicalValues('OR', args).some(Boolean),
      SPARKLINE: sparkline,
    },
    functionsNeedContext: {
      IF: ifFunction(frame),
      ROWS: dimension(frame, 'numRows'),
      COLUMNS: dimension(frame, 'numCols'),
      ...Object.fromEntries(sheetFunctions.map(([name, fn]) => [name, resolvingArgs(frame, fn)])),
      INDIRECT: (parser: FormulaParser, text: FunctionArg) => indirect(frame, parser, text),
      ...Object.fromEntries(custom.map(([name, fn]) => [name, customFunction(frame, fn)])),
    },
  });
  for (const [name] of [...custom, ...sheetFunctions]) {
    if (!parser.funsNeedContextAndNoDataRetrieve.includes(name))
      parser.funsNeedContextAndNoDataRetrieve.push(name);
  }
  wrapBuiltIns(frame, parser, new Set([...custom, ...sheetFunctions].map(([name]) => name)));
  patchOperators(frame, parser);
  return parser;
}

function wrapBuiltIns(frame: Frame, parser: FormulaParser, customNames: ReadonlySet<string>): void {
  for (const [name, fn] of Object.entries(parser.functions)) {
    const takesRawArgs =
      customNames.has(name) ||
      parser.funsNeedContext.includes(name) ||
      parser.funsNeedContextAndNoDataRetrieve.includes(name);
    if (takesRawArgs) continue;
    let builtIn = fn as BuiltIn;
    if (!KEEPS_BLANKS.has(name) && !parser.funsPreserveRef.includes(name))
      builtIn = normalizingArgs(frame, builtIn, parser.funsNullAs0.includes(name) ? 0 : '');
    if (CELLWISE_FUNCTIONS.has(name)) builtIn = cellwise(frame, parser, builtIn);
    parser.functions[name] = withSerialDatesInArrays(frame, builtIn);
  }
}

// ---------------------------------------------------------------------------------------------------
// Tokens: the library's lexer finds the references; rewriting touches only those tokens' text
// ---------------------------------------------------------------------------------------------------

const REF_ERROR = '#REF!';
const CELL_IMAGE = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COLUMN_IMAGE = /^(\$?)([A-Za-z]{1,3})$/;
const LAST_COLUMN = 26 + 26 ** 2 + 26 ** 3; // ZZZ: the lexer reads at most three column letters

function kindOf(token: Token | undefined): string | undefined {
  return token?.tokenType.name;
}

/** `text` with some tokens' images replaced; whitespace and every other character stay as they were. */
function replaceTokens(
  text: string,
  tokens: readonly Token[],
  images: readonly (string | undefined)[],
): string {
  let out = '';
  let pos = 0;
  tokens.forEach((token, i) => {
    const image = images[i];
    if (image === undefined) return;
    out += text.slice(pos, token.startOffset) + image;
    pos = token.startOffset + token.image.length;
  });
  return out + text.slice(pos);
}

function columnNumber(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnName(n: number): string {
  let name = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  }
  return name;
}

function shiftColumn(anchor: string, name: string, offset: number): string | undefined {
  if (anchor || offset === 0) return anchor + name;
  const col = columnNumber(name) + offset;
  return col >= 1 && col <= LAST_COLUMN ? columnName(col) : undefined;
}

function shiftRow(anchor: string, row: string, offset: number): string | undefined {
  if (anchor || offset === 0) return anchor + row;
  const moved = Number(row) + offset;
  return moved >= 1 ? String(moved) : undefined;
}

function shiftCell(image: string, rowOffset: number, colOffset: number): string {
  const [, colAnchor = '', col = '', rowAnchor = '', row = ''] = CELL_IMAGE.exec(image) ?? [];
  const movedCol = shiftColumn(colAnchor, col, colOffset);
  const movedRow = shiftRow(rowAnchor, row, rowOffset);
  return movedCol === undefined || movedRow === undefined ? REF_ERROR : movedCol + movedRow;
}

/** The shifted image of token `i`, or undefined when it is not a relative reference. */
function shiftedImage(
  tokens: readonly Token[],
  i: number,
  rowOffset: number,
  colOffset: number,
): string | undefined {
  const token = tokens[i];
  if (!token) return undefined;
  const kind = kindOf(token);
  if (kind === 'Cell') return shiftCell(token.image, rowOffset, colOffset);
  // A column (A:C) or row (2:5) stands alone only as part of a range; a lone short word is a name.
  const inRange = kindOf(tokens[i - 1]) === 'Colon' || kindOf(tokens[i + 1]) === 'Colon';
  if (!inRange) return undefined;
  if (kind === 'Column') {
    const [, anchor = '', name = ''] = COLUMN_IMAGE.exec(token.image) ?? [];
    return shiftColumn(anchor, name, colOffset) ?? REF_ERROR;
  }
  if (kind === 'Number' && /^\d+$/.test(token.image))
    return shiftRow('', token.image, rowOffset) ?? REF_ERROR;
  return undefined;
}

function shiftTokens(text: string, tokens: readonly Token[], rowOffset: number, colOffset: number): string {
  const images = tokens.map((_, i) => shiftedImage(tokens, i, rowOffset, colOffset));
  // A range with one end pushed off the sheet is #REF! as a whole, as in Sheets.
  tokens.forEach((token, i) => {
    if (kindOf(token) === 'Colon' && (images[i - 1] === REF_ERROR || images[i + 1] === REF_ERROR)) {
      images[i - 1] = REF_ERROR;
      images[i] = '';
      images[i + 1] = '';
    }
  });
  return replaceTokens(text, tokens, images);
}

/**
 * `J2:J` means "J2 down to the last row" in Sheets, but the library reads it as the whole column J.
 * Writing the end row out (J2:J1048576) fixes that; reads are clamped to the sheet's size anyway.
 */
function closeOpenRanges(text: string, tokens: readonly Token[]): string {
  const images = tokens.map((token, i) =>
    kindOf(token) === 'Column' && kindOf(tokens[i - 1]) === 'Colon' && kindOf(tokens[i - 2]) === 'Cell'
      ? `${token.image}${OPEN_END_ROW}`
      : undefined,
  );
  return images.some((image) => image !== undefined) ? replaceTokens(text, tokens, images) : text;
}

/** Lexes a formula body once per distinct text; a lexing error is cached as the error it is. */
class TokenCache {
  private readonly entries = new Map<string, readonly Token[] | LibError>();

  constructor(private readonly prepare: (text: string) => readonly Token[]) {}

  get(text: string): readonly Token[] {
    let entry = this.entries.get(text);
    if (entry === undefined) {
      entry = this.lexOrError(text);
      // Crude bound: formulas shifted over 50,000 rows are all distinct, so an LRU would not help.
      if (this.entries.size >= CACHE_LIMIT) this.entries.clear();
      this.entries.set(text, entry);
    }
    if (entry instanceof LibError) throw entry;
    return entry;
  }

  private lexOrError(text: string): readonly Token[] | LibError {
    try {
      return this.prepare(text);
    } catch (error) {
      return error instanceof LibError ? error : libError('#ERROR!', messageOf(error));
    }
  }
}

function lexForEvaluation(body: string): readonly Token[] {
  const tokens = lex(body).tokens;
  const closed = closeOpenRanges(body, tokens);
  return closed === body ? tokens : lex(closed).tokens;
}

// ---------------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------------

/** A frame and its own parser: the chevrotain parser is stateful, so nested evaluations need their own. */
interface Level {
  readonly frame: Frame;
  readonly parser: FormulaParser;
}

function formulaBody(formula: string): string {
  return formula.startsWith('=') ? formula.slice(1) : formula;
}

/** The parse() of the library, minus its lexing (tokens come cached) and its result coercion. */
function runTokens(parser: FormulaParser, tokens: readonly Token[], at: CellAddress): unknown {
  parser.position = { sheet: at.sheet, row: at.row, col: at.col };
  parser.async = false;
  parser.parser.input = tokens as Token[];
  const raw = parser.parser.formulaWithBinaryOp();
  const [syntaxError] = parser.parser.errors;
  if (syntaxError) throw libError('#ERROR!', `Formula parse error: ${syntaxError.message}`);
  return raw;
}

function toResult(frame: Frame, raw: unknown): EvalResult {
  if (isRef(raw)) {
    // Read directly rather than through the library, so Dates and '' come back as the cells hold them.
    const area = areaOf(frame, raw.ref);
    if (area instanceof LibError) return fromLibError(area);
    return singleOrGrid(readArea(frame.source, area, (value) => value));
  }
  if (raw instanceof Collection) return sheetError('#VALUE!', 'A union of ranges is not a value.');
  if (Array.isArray(raw)) {
    const grid = raw.map((row: unknown) => (Array.isArray(row) ? row : [row]).map(toSheetValue));
    return singleOrGrid(grid);
  }
  return toSheetValue(raw);
}

function thrownToResult(error: unknown): FormulaError {
  // Unknown functions arrive here: the library throws #NAME? for them rather than returning it.
  return error instanceof LibError ? fromLibError(error) : sheetError('#ERROR!', messageOf(error));
}

const NO_TOKENS = new Uint8Array(0);

class Engine implements FormulaEvaluator {
  private readonly levels: Level[] = [];
  private depth = 0;
  private readonly evaluationTokens = new TokenCache(lexForEvaluation);
  private readonly shiftingTokens = new TokenCache((text) => lex(text).tokens);

  constructor(private readonly customFunctions: Record<string, CustomFunction>) {}

  evaluate(formula: string, at: CellAddress, source: CellSource): EvalResult {
    const { frame, parser } = this.enter(source, at);
    try {
      const tokens = this.evaluationTokens.get(formulaBody(formula));
      frame.arrayContext = arrayContextFlags(tokens);
      return toResult(frame, runTokens(parser, tokens, at));
    } catch (error) {
      return thrownToResult(error);
    } finally {
      this.depth--;
    }
  }

  shift(formula: string, rowOffset: number, colOffset: number): string {
    if (rowOffset === 0 && colOffset === 0) return formula;
    let tokens: readonly Token[];
    try {
      tokens = this.shiftingTokens.get(formula);
    } catch {
      return formula; // not a formula the lexer understands: nothing to move
    }
    return shiftTokens(formula, tokens, rowOffset, colOffset);
  }

  private enter(source: CellSource, at: CellAddress): Level {
    let level = this.levels[this.depth];
    if (!level) {
      const frame: Frame = { source, at, arrayContext: NO_TOKENS };
      level = { frame, parser: createParser(frame, this.customFunctions) };
      this.levels[this.depth] = level;
    }
    level.frame.source = source;
    level.frame.at = at;
    this.depth++;
    return level;
  }
}

/**
 * A formula engine with the add-on's custom functions (names are case-insensitive), reading array
 * literals that hold expressions as Sheets does.
 */
export function createFormulaEngine(customFunctions: Record<string, CustomFunction>): FormulaEvaluator {
  return withArrayLiterals(new Engine({ ...customFunctions, [ARRAY_FUNCTION]: arrayLiteral }));
}
