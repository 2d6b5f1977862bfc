/**
 * Conditional-format rules in .xlsx. Writing: one <conditionalFormatting> per rule over the rule's
 * ranges, its priority the rule's place in the sheet's list (Sheets and Excel both apply the first rule
 * that holds), its format a differential style (solid fill with the colour as both foreground and
 * background, as Excel and LibreOffice each read one of them; font colour, bold, italic, strikethrough,
 * underline). A custom formula becomes an expression rule: Excel reads it relative to the top-left cell
 * of the first range, as Sheets does. Number conditions become cellIs rules; "text is exactly" a cellIs
 * rule on a text literal; the other text and empty-cell conditions the expression that tests them,
 * recognised again on reading.
 *
 * Reading also takes the rules Excel writes with a formula (contains text, begins with, blanks, errors,
 * time periods) as the condition that formula tests. Colour scales, data bars, icon sets, top/bottom
 * and above-average rules have no boolean condition: they are left out and reported. Sheets' date
 * conditions and colour scales are not written (the emulator has neither).
 */
import type ExcelJS from 'exceljs';
import { cellA1, formatA1, parseA1 } from '../../emulator/a1';
import type { BooleanCriteriaName } from '../../emulator/enums';
import type { RuleFormat, RuleSpec } from '../../emulator/sheet-model';
import { argb, hexColor } from './xlsx-colors';

type XlsxRule = ExcelJS.ConditionalFormattingRule;

/** A rule read from .xlsx, as SpreadsheetApp's rule builder takes it. */
export interface ImportedRule {
  readonly criteria: BooleanCriteriaName;
  readonly values: readonly (string | number)[];
  readonly format: RuleFormat;
  /** The rule's ranges in A1 notation, the first one anchoring a custom formula. */
  readonly ranges: readonly string[];
}

/** OOXML's cellIs operators (exceljs types only four of them, and writes any). */
type Operator =
  | 'between'
  | 'notBetween'
  | 'equal'
  | 'notEqual'
  | 'greaterThan'
  | 'greaterThanOrEqual'
  | 'lessThan'
  | 'lessThanOrEqual';

const NUMBER_OPERATORS: readonly (readonly [BooleanCriteriaName, Operator])[] = [
  ['NUMBER_BETWEEN', 'between'],
  ['NUMBER_NOT_BETWEEN', 'notBetween'],
  ['NUMBER_EQUAL_TO', 'equal'],
  ['NUMBER_NOT_EQUAL_TO', 'notEqual'],
  ['NUMBER_GREATER_THAN', 'greaterThan'],
  ['NUMBER_GREATER_THAN_OR_EQUAL_TO', 'greaterThanOrEqual'],
  ['NUMBER_LESS_THAN', 'lessThan'],
  ['NUMBER_LESS_THAN_OR_EQUAL_TO', 'lessThanOrEqual'],
];

/** A cellIs rule as the custom formula it stands for, when its operands are not plain numbers. */
const OPERATOR_FORMULAS: Record<Operator, (cell: string, a: string, b: string) => string> = {
  between: (c, a, b) => `AND(${c}>=MIN(${a},${b}),${c}<=MAX(${a},${b}))`,
  notBetween: (c, a, b) => `OR(${c}<MIN(${a},${b}),${c}>MAX(${a},${b}))`,
  equal: (c, a) => `${c}=${a}`,
  notEqual: (c, a) => `${c}<>${a}`,
  greaterThan: (c, a) => `${c}>${a}`,
  greaterThanOrEqual: (c, a) => `${c}>=${a}`,
  lessThan: (c, a) => `${c}<${a}`,
  lessThanOrEqual: (c, a) => `${c}<=${a}`,
};

/** The expressions Excel uses for these conditions, with `text` a quoted literal. */
const TEXT_TESTS: readonly (readonly [BooleanCriteriaName, (cell: string, text: string) => string])[] = [
  ['TEXT_CONTAINS', (c, t) => `NOT(ISERROR(SEARCH(${t},${c})))`],
  ['TEXT_DOES_NOT_CONTAIN', (c, t) => `ISERROR(SEARCH(${t},${c}))`],
  ['TEXT_STARTS_WITH', (c, t) => `LEFT(${c},LEN(${t}))=${t}`],
  ['TEXT_ENDS_WITH', (c, t) => `RIGHT(${c},LEN(${t}))=${t}`],
];

const EMPTY_TESTS: readonly (readonly [BooleanCriteriaName, (cell: string) => string])[] = [
  ['CELL_EMPTY', (c) => `ISBLANK(${c})`],
  ['CELL_NOT_EMPTY', (c) => `NOT(ISBLANK(${c}))`],
];

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

const QUOTED = /^"((?:[^"]|"")*)"$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(E[-+]?\d+)?$/i;

function unquoted(literal: string): string | undefined {
  const match = QUOTED.exec(literal);
  return match ? (match[1] ?? '').replace(/""/g, '"') : undefined;
}

/** A condition's value as an xlsx formula: numbers as numbers, `=…` as its formula, text quoted. */
function operand(value: unknown): string {
  if (typeof value === 'number') return String(value);
  const text = String(value ?? '');
  return text.startsWith('=') ? text.slice(1) : quoted(text);
}

function styleOf(format: RuleFormat): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (format.background) {
    const color = { argb: argb(format.background) };
    style.fill = { type: 'pattern', pattern: 'solid', fgColor: color, bgColor: color };
  }
  const font: Partial<ExcelJS.Font> = {};
  if (format.fontColor) font.color = { argb: argb(format.fontColor) };
  if (typeof format.bold === 'boolean') font.bold = format.bold;
  if (typeof format.italic === 'boolean') font.italic = format.italic;
  if (typeof format.strikethrough === 'boolean') font.strike = format.strikethrough;
  if (typeof format.underline === 'boolean') font.underline = format.underline;
  if (Object.keys(font).length > 0) style.font = font;
  return style;
}

/** The condition part of the xlsx rules written. */
type XlsxCondition =
  | { readonly type: 'expression'; readonly formulae: string[] }
  | { readonly type: 'cellIs'; readonly operator: ExcelJS.CellIsOperators; readonly formulae: string[] };

/** The condition part of an xlsx rule, or null for a condition that cannot be written. */
function conditionToXlsx(spec: RuleSpec, cell: string): XlsxCondition | null {
  const [a, b] = spec.values;
  if (spec.criteria === 'CUSTOM_FORMULA') return { type: 'expression', formulae: [operand(a)] };
  const number = NUMBER_OPERATORS.find(([criteria]) => criteria === spec.criteria);
  if (number) {
    const formulae = (number[1] === 'between' || number[1] === 'notBetween' ? [a, b] : [a]).map(operand);
    return { type: 'cellIs', operator: number[1] as ExcelJS.CellIsOperators, formulae };
  }
  if (spec.criteria === 'TEXT_EQUAL_TO')
    return { type: 'cellIs', operator: 'equal', formulae: [quoted(String(a))] };
  const text = TEXT_TESTS.find(([criteria]) => criteria === spec.criteria);
  if (text) return { type: 'expression', formulae: [text[1](cell, quoted(String(a ?? '')))] };
  const empty = EMPTY_TESTS.find(([criteria]) => criteria === spec.criteria);
  if (empty) return { type: 'expression', formulae: [empty[1](cell)] };
  return null;
}

/** A sheet's rules as exceljs conditional formattings, in the sheet's order. */
export function rulesToXlsx(specs: readonly RuleSpec[]): ExcelJS.ConditionalFormattingOptions[] {
  return specs.flatMap((spec, index) => {
    const first = spec.ranges[0];
    const condition = first && conditionToXlsx(spec, cellA1(first.row, first.col));
    if (!condition) return [];
    const rule: XlsxRule = { ...condition, priority: index + 1, style: styleOf(spec.format) };
    return [{ ref: spec.ranges.map((area) => formatA1(area)).join(' '), rules: [rule] }];
  });
}

// -- reading --

function formatOf(style: Partial<ExcelJS.Style> | undefined): RuleFormat {
  const format: { -readonly [K in keyof RuleFormat]: RuleFormat[K] } = {};
  const fill = style?.fill;
  if (fill?.type === 'pattern') {
    const background = hexColor(fill.bgColor?.argb ?? fill.fgColor?.argb);
    if (background) format.background = background;
  }
  const font = style?.font;
  const fontColor = hexColor(font?.color?.argb);
  if (fontColor) format.fontColor = fontColor;
  if (typeof font?.bold === 'boolean') format.bold = font.bold;
  if (typeof font?.italic === 'boolean') format.italic = font.italic;
  if (typeof font?.strike === 'boolean') format.strikethrough = font.strike;
  if (font?.underline !== undefined) format.underline = font.underline !== false && font.underline !== 'none';
  return format;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text of a condition written by `make`, when `formula` is one; undefined otherwise. */
function textTested(
  formula: string,
  cell: string,
  make: (cell: string, text: string) => string,
): string | undefined {
  const [head = '', ...rest] = make(cell, '\u0000').split('\u0000').map(escapeRegExp);
  const match = new RegExp(`^${head}("(?:[^"]|"")*")${rest.join('\\1')}$`, 'i').exec(formula);
  return match ? unquoted(match[1] ?? '') : undefined;
}

type Condition = Pick<ImportedRule, 'criteria' | 'values'>;

function custom(formula: string): Condition {
  return { criteria: 'CUSTOM_FORMULA', values: [`=${formula}`] };
}

function expressionFromXlsx(formula: string, cell: string): Condition {
  for (const [criteria, make] of EMPTY_TESTS)
    if (make(cell).toUpperCase() === formula.toUpperCase()) return { criteria, values: [] };
  for (const [criteria, make] of TEXT_TESTS) {
    const text = textTested(formula, cell, make);
    if (text !== undefined) return { criteria, values: [text] };
  }
  return custom(formula);
}

function cellIsFromXlsx(operator: Operator, formulae: readonly string[], cell: string): Condition {
  const [a = '', b = ''] = formulae;
  const text = unquoted(a);
  if (operator === 'equal' && text !== undefined && formulae.length === 1)
    return { criteria: 'TEXT_EQUAL_TO', values: [text] };
  const number = NUMBER_OPERATORS.find(([, op]) => op === operator);
  const operands = operator === 'between' || operator === 'notBetween' ? [a, b] : [a];
  if (number && operands.every((value) => NUMBER.test(value)))
    return { criteria: number[0], values: operands.map(Number) };
  const formula = OPERATOR_FORMULAS[operator];
  return custom(formula ? formula(cell, a, b) : `${cell}=${a}`);
}

/** What an xlsx rule tests, or null for a rule with no boolean condition (colour scales and such). */
function conditionFromXlsx(rule: XlsxRule, cell: string): Condition | null {
  const formulae = ('formulae' in rule ? (rule.formulae ?? []) : []).map((f: unknown) => String(f));
  if (rule.type === 'cellIs' && formulae.length > 0)
    return cellIsFromXlsx((rule.operator ?? 'equal') as Operator, formulae, cell);
  // Expressions, and what Excel stores with the formula it tests: contains text, begins with, blanks,
  // errors, time periods.
  return formulae[0] ? expressionFromXlsx(formulae[0], cell) : null;
}

export interface ImportedRules {
  readonly rules: ImportedRule[];
  /** The kinds of rule left out (e.g. "colorScale"), one entry per rule. */
  readonly leftOut: string[];
}

/** A worksheet's conditional formattings as rules, in priority order. */
export function rulesFromXlsx(formattings: readonly ExcelJS.ConditionalFormattingOptions[]): ImportedRules {
  const found = formattings.flatMap((formatting) => formatting.rules.map((rule) => ({ formatting, rule })));
  found.sort((x, y) => (x.rule.priority ?? 0) - (y.rule.priority ?? 0));
  const rules: ImportedRule[] = [];
  const leftOut: string[] = [];
  for (const { formatting, rule } of found) {
    const ranges = formatting.ref.split(/\s+/).filter((ref) => ref !== '');
    const anchor = parseA1(ranges[0] ?? '');
    const condition =
      anchor?.startRow && anchor.startCol
        ? conditionFromXlsx(rule, cellA1(anchor.startRow, anchor.startCol))
        : null;
    if (condition) rules.push({ ...condition, format: formatOf(rule.style), ranges });
    else leftOut.push(rule.type);
  }
  return { rules, leftOut };
}
