/**
 * Conditional format rules: the builder, the built rule and its boolean condition, and the non-API
 * `effectiveFormat(s)` that applies a sheet's rules to cells as Sheets paints them: rules in order, the
 * first rule whose condition holds decides the cell's format. A custom formula is written for the top-left
 * cell of the rule's first range and moves with the cell (relative references only).
 */
import type { GridArea } from './a1';
import { asBooleanCondition, asRange, asRule, asRuleBuilder, rangeImpl, sheetImpl } from './boundary';
import { GUARD, instrument } from './calls';
import { normalizeColor } from './colors';
import type { Execution } from './context';
import { BooleanCriteria, type BooleanCriteriaName, enumName } from './enums';
import { exception } from './errors';
import type { EvalValue } from './formula-types';
import { EmRange } from './range';
import type { RuleFormat, RuleSpec, SheetModel } from './sheet-model';

import SS = GoogleAppsScript.Spreadsheet;

type ConditionMethods =
  | 'getBackground'
  | 'getBold'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getFontColor'
  | 'getItalic'
  | 'getStrikethrough'
  | 'getUnderline';

export class EmBooleanCondition implements Pick<SS.BooleanCondition, ConditionMethods> {
  readonly [GUARD]: Execution;

  constructor(
    exec: Execution,
    private readonly criteria: string,
    private readonly values: readonly unknown[],
    private readonly format: RuleFormat,
  ) {
    this[GUARD] = exec;
  }

  getBackground(): string | null {
    return this.format.background ?? null;
  }
  getBold(): boolean | null {
    return this.format.bold ?? null;
  }
  getCriteriaType(): SS.BooleanCriteria {
    return BooleanCriteria[this.criteria as BooleanCriteriaName];
  }
  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
  getFontColor(): string | null {
    return this.format.fontColor ?? null;
  }
  getItalic(): boolean | null {
    return this.format.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    return this.format.strikethrough ?? null;
  }
  getUnderline(): boolean | null {
    return this.format.underline ?? null;
  }
}

function condition(
  exec: Execution,
  spec: Pick<RuleSpec, 'criteria' | 'values' | 'format'>,
): SS.BooleanCondition | null {
  if (!spec.criteria) return null;
  return asBooleanCondition(new EmBooleanCondition(exec, spec.criteria, spec.values, spec.format));
}

type RuleMethods = 'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges';

export class EmConditionalFormatRule implements Pick<SS.ConditionalFormatRule, RuleMethods> {
  readonly [GUARD]: Execution;

  constructor(
    private readonly exec: Execution,
    readonly spec: RuleSpec,
    /** The sheet the rule's ranges are on. */
    readonly sheet: SheetModel | undefined,
  ) {
    this[GUARD] = exec;
  }

  copy(): SS.ConditionalFormatRuleBuilder {
    return asRuleBuilder(EmConditionalFormatRuleBuilder.from(this.exec, this.spec, this.sheet));
  }
  getBooleanCondition(): SS.BooleanCondition | null {
    return condition(this.exec, this.spec);
  }
  /** Gradient rules are not emulated: always null. */
  getGradientCondition(): SS.GradientCondition | null {
    return null;
  }
  getRanges(): SS.Range[] {
    const sheet = this.sheet;
    return sheet ? this.spec.ranges.map((area) => asRange(new EmRange(this.exec, sheet, { ...area }))) : [];
  }
}

type BuilderMethods =
  | 'build'
  | 'copy'
  | 'getBooleanCondition'
  | 'getGradientCondition'
  | 'getRanges'
  | 'setBackground'
  | 'setBold'
  | 'setFontColor'
  | 'setItalic'
  | 'setRanges'
  | 'setStrikethrough'
  | 'setUnderline'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenFormulaSatisfied'
  | 'whenNumberBetween'
  | 'whenNumberEqualTo'
  | 'whenNumberGreaterThan'
  | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberLessThan'
  | 'whenNumberLessThanOrEqualTo'
  | 'whenNumberNotBetween'
  | 'whenNumberNotEqualTo'
  | 'whenTextContains'
  | 'whenTextDoesNotContain'
  | 'whenTextEndsWith'
  | 'whenTextEqualTo'
  | 'whenTextStartsWith'
  | 'withCriteria';

export class EmConditionalFormatRuleBuilder implements Pick<SS.ConditionalFormatRuleBuilder, BuilderMethods> {
  readonly [GUARD]: Execution;
  private criteria = '';
  private values: unknown[] = [];
  private format: RuleFormat = {};
  private ranges: { sheet: SheetModel; area: GridArea }[] = [];

  constructor(private readonly exec: Execution) {
    this[GUARD] = exec;
  }

  static from(
    exec: Execution,
    spec: RuleSpec,
    sheet: SheetModel | undefined,
  ): EmConditionalFormatRuleBuilder {
    const builder = new EmConditionalFormatRuleBuilder(exec);
    builder.criteria = spec.criteria;
    builder.values = [...spec.values];
    builder.format = { ...spec.format };
    builder.ranges = sheet ? spec.ranges.map((area) => ({ sheet, area: { ...area } })) : [];
    return builder;
  }

  private _when(criteria: BooleanCriteriaName, values: unknown[]): SS.ConditionalFormatRuleBuilder {
    this.criteria = criteria;
    this.values = values;
    return asRuleBuilder(this);
  }

  private _format(change: RuleFormat): SS.ConditionalFormatRuleBuilder {
    this.format = { ...this.format, ...change };
    return asRuleBuilder(this);
  }

  build(): SS.ConditionalFormatRule {
    if (!this.criteria) throw exception('Invalid argument: a conditional format rule needs a condition.');
    const sheet = this.ranges[0]?.sheet;
    if (this.ranges.some((r) => r.sheet !== sheet)) {
      throw exception('The ranges of a conditional format rule must all be on the same sheet.');
    }
    const spec: RuleSpec = {
      criteria: this.criteria,
      values: [...this.values],
      format: { ...this.format },
      ranges: this.ranges.map((r) => ({ ...r.area })),
    };
    return asRule(new EmConditionalFormatRule(this.exec, spec, sheet));
  }
  copy(): SS.ConditionalFormatRuleBuilder {
    const copy = new EmConditionalFormatRuleBuilder(this.exec);
    copy.criteria = this.criteria;
    copy.values = [...this.values];
    copy.format = { ...this.format };
    copy.ranges = this.ranges.map((r) => ({ sheet: r.sheet, area: { ...r.area } }));
    return asRuleBuilder(copy);
  }
  getBooleanCondition(): SS.BooleanCondition | null {
    return condition(this.exec, { criteria: this.criteria, values: this.values, format: this.format });
  }
  getGradientCondition(): SS.GradientCondition | null {
    return null;
  }
  getRanges(): SS.Range[] {
    return this.ranges.map((r) => asRange(new EmRange(this.exec, r.sheet, { ...r.area })));
  }
  setRanges(ranges: SS.Range[]): SS.ConditionalFormatRuleBuilder {
    this.ranges = ranges.map((range) => {
      const impl = rangeImpl(range);
      return { sheet: impl.sheet, area: { ...impl.area } };
    });
    return asRuleBuilder(this);
  }
  setBackground(color: string | null): SS.ConditionalFormatRuleBuilder {
    return this._format({ background: color ? normalizeColor(color) : null });
  }
  setFontColor(color: string | null): SS.ConditionalFormatRuleBuilder {
    return this._format({ fontColor: color ? normalizeColor(color) : null });
  }
  setBold(bold: boolean | null): SS.ConditionalFormatRuleBuilder {
    return this._format({ bold });
  }
  setItalic(italic: boolean | null): SS.ConditionalFormatRuleBuilder {
    return this._format({ italic });
  }
  setStrikethrough(strikethrough: boolean | null): SS.ConditionalFormatRuleBuilder {
    return this._format({ strikethrough });
  }
  setUnderline(underline: boolean | null): SS.ConditionalFormatRuleBuilder {
    return this._format({ underline });
  }
  whenCellEmpty(): SS.ConditionalFormatRuleBuilder {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): SS.ConditionalFormatRuleBuilder {
    return this._when('CELL_NOT_EMPTY', []);
  }
  whenFormulaSatisfied(formula: string): SS.ConditionalFormatRuleBuilder {
    return this._when('CUSTOM_FORMULA', [formula]);
  }
  whenNumberBetween(start: number, end: number): SS.ConditionalFormatRuleBuilder {
    return this._when('NUMBER_BETWEEN', [start, end]);
  }
  whenNumberNotBetween(start: number, end: number): SS.ConditionalFormatRuleBuilder {
    return this._when('NUMBER_NOT_BETWEEN', [start, end]);
  }
  whenNumberEqualTo(number: number): SS.ConditionalFormatRuleBuilder {
    return this._when('NUMBER_EQUAL_TO', [number]);
  }
  whenNumberNotEqualTo(number: number): SS.ConditionalFormatRuleBuilder {
    return this._when('NUMBER_NOT_EQUAL_TO', [number]);
  }
  whenNumberGreaterThan(number: number): SS.ConditionalFormatRuleBuilder {
    return this._when('NUMBER_GREATER_THAN', [number]);
  }
  whenNumberGreaterThanOrEqualTo(number: number): SS.ConditionalFormatRuleBuilder {
    return this._when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  whenNumberLessThan(number: number): SS.ConditionalFormatRuleBuilder {
    return this._when('NUMBER_LESS_THAN', [number]);
  }
  whenNumberLessThanOrEqualTo(number: number): SS.ConditionalFormatRuleBuilder {
    return this._when('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  whenTextContains(text: string): SS.ConditionalFormatRuleBuilder {
    return this._when('TEXT_CONTAINS', [text]);
  }
  whenTextDoesNotContain(text: string): SS.ConditionalFormatRuleBuilder {
    return this._when('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  whenTextEndsWith(text: string): SS.ConditionalFormatRuleBuilder {
    return this._when('TEXT_ENDS_WITH', [text]);
  }
  whenTextEqualTo(text: string): SS.ConditionalFormatRuleBuilder {
    return this._when('TEXT_EQUAL_TO', [text]);
  }
  whenTextStartsWith(text: string): SS.ConditionalFormatRuleBuilder {
    return this._when('TEXT_STARTS_WITH', [text]);
  }
  withCriteria(criteria: SS.BooleanCriteria, args: unknown[]): SS.ConditionalFormatRuleBuilder {
    return this._when(enumName(criteria) as BooleanCriteriaName, [...args]);
  }
}

/** Replaces a sheet's rules (Sheet.setConditionalFormatRules). */
export function rulesToSpecs(sheet: SheetModel, rules: readonly SS.ConditionalFormatRule[]): RuleSpec[] {
  return rules.map((rule) => {
    if (!(rule instanceof EmConditionalFormatRule)) {
      throw exception('Invalid argument: expected ConditionalFormatRule objects.');
    }
    if (rule.sheet && rule.sheet !== sheet) {
      throw exception("A conditional format rule's ranges must be on the sheet it is set on.");
    }
    return rule.spec;
  });
}

export function rulesOf(exec: Execution, sheet: SheetModel): SS.ConditionalFormatRule[] {
  return sheet.rules.map((spec) => asRule(new EmConditionalFormatRule(exec, spec, sheet)));
}

// -- painting (not Apps Script API) --

/** The format conditional rules give a cell; empty when no rule applies. */
export interface EffectiveFormat {
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
  /** Index of the rule that applied, in the sheet's rule list. */
  ruleIndex?: number;
}

function truthy(value: EvalValue): boolean {
  if (value === true) return true;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.toUpperCase() === 'TRUE';
  return false;
}

function asNumber(value: EvalValue): number | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  return undefined;
}

function textOf(value: EvalValue): string | undefined {
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).toLowerCase();
  return undefined;
}

function holds(exec: Execution, sheet: SheetModel, rule: RuleSpec, row: number, col: number): boolean {
  const evaluation = exec.doc.evaluation;
  const [a, b] = rule.values;
  if (rule.criteria === 'CUSTOM_FORMULA') {
    const anchor = rule.ranges[0];
    if (typeof a !== 'string' || !anchor) return false;
    const result = evaluation.evaluateText(sheet, row, col, a, row - anchor.row, col - anchor.col);
    return truthy(result);
  }
  const value = evaluation.valueAt(sheet, row, col);
  const n = asNumber(value);
  const text = textOf(value);
  const x = Number(a);
  const y = Number(b);
  switch (rule.criteria) {
    case 'CELL_EMPTY':
      return value === '';
    case 'CELL_NOT_EMPTY':
      return value !== '';
    case 'NUMBER_BETWEEN':
      return n !== undefined && n >= Math.min(x, y) && n <= Math.max(x, y);
    case 'NUMBER_NOT_BETWEEN':
      return n !== undefined && (n < Math.min(x, y) || n > Math.max(x, y));
    case 'NUMBER_EQUAL_TO':
      return n === x;
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== undefined && n !== x;
    case 'NUMBER_GREATER_THAN':
      return n !== undefined && n > x;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== undefined && n >= x;
    case 'NUMBER_LESS_THAN':
      return n !== undefined && n < x;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== undefined && n <= x;
    case 'TEXT_EQUAL_TO':
      return text !== undefined && text === String(a).toLowerCase();
    case 'TEXT_CONTAINS':
      return text?.includes(String(a).toLowerCase()) === true;
    case 'TEXT_DOES_NOT_CONTAIN':
      return text === undefined || !text.includes(String(a).toLowerCase());
    case 'TEXT_STARTS_WITH':
      return text?.startsWith(String(a).toLowerCase()) === true;
    case 'TEXT_ENDS_WITH':
      return text?.endsWith(String(a).toLowerCase()) === true;
    default:
      return false; // date criteria are not emulated
  }
}

function toEffective(rule: RuleSpec, ruleIndex: number): EffectiveFormat {
  const f = rule.format;
  const out: EffectiveFormat = { ruleIndex };
  if (f.background) out.background = f.background;
  if (f.fontColor) out.fontColor = f.fontColor;
  if (typeof f.bold === 'boolean') out.bold = f.bold;
  if (typeof f.italic === 'boolean') out.italic = f.italic;
  if (typeof f.strikethrough === 'boolean') out.strikethrough = f.strikethrough;
  if (typeof f.underline === 'boolean') out.underline = f.underline;
  return out;
}

function contains(area: GridArea, row: number, col: number): boolean {
  return row >= area.row && row < area.row + area.numRows && col >= area.col && col < area.col + area.numCols;
}

export function effectiveFormatOf(
  exec: Execution,
  sheet: SheetModel,
  row: number,
  col: number,
): EffectiveFormat {
  const index = sheet.rules.findIndex(
    (rule) => rule.ranges.some((area) => contains(area, row, col)) && holds(exec, sheet, rule, row, col),
  );
  const rule = sheet.rules[index];
  return rule ? toEffective(rule, index) : {};
}

/** Effective formats of an area (the whole sheet by default), row-major. */
export function effectiveFormatsOf(exec: Execution, sheet: SheetModel, area?: GridArea): EffectiveFormat[][] {
  const box = area ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
  const out: EffectiveFormat[][] = Array.from({ length: box.numRows }, () =>
    Array.from({ length: box.numCols }, () => ({})),
  );
  const decided = new Set<number>();
  sheet.rules.forEach((rule, ruleIndex) => {
    for (const range of rule.ranges) {
      const top = Math.max(range.row, box.row);
      const bottom = Math.min(range.row + range.numRows, box.row + box.numRows) - 1;
      const left = Math.max(range.col, box.col);
      const right = Math.min(range.col + range.numCols, box.col + box.numCols) - 1;
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) {
          const key = sheet.key(r, c);
          if (decided.has(key)) continue;
          if (holds(exec, sheet, rule, r, c)) {
            decided.add(key);
            const line = out[r - box.row];
            if (line) line[c - box.col] = toEffective(rule, ruleIndex);
          }
        }
      }
    }
  });
  return out;
}

/** effectiveFormat(sheet, row, col): what the sheet's conditional rules paint on one cell. */
export function effectiveFormat(sheet: SS.Sheet, row: number, col: number): EffectiveFormat {
  const impl = sheetImpl(sheet);
  return effectiveFormatOf(impl.exec, impl.model, row, col);
}

/** effectiveFormats(range): the same for every cell of a range, row-major. */
export function effectiveFormats(range: SS.Range): EffectiveFormat[][] {
  const impl = rangeImpl(range);
  return effectiveFormatsOf(impl.exec, impl.sheet, impl.area);
}

instrument(EmBooleanCondition, 'BooleanCondition');
instrument(EmConditionalFormatRule, 'ConditionalFormatRule');
instrument(EmConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder');
