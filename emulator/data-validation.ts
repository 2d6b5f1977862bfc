/**
 * Data validation rules: the builder (checkbox, list of values, number limits, formula) and the built
 * rule. Rules are stored on cells as plain specs; scripts writing values are not checked against them
 * (Apps Script writes bypass validation too).
 */
import { asValidation, asValidationBuilder } from './boundary';
import { GUARD, instrument } from './calls';
import type { Execution } from './context';
import { DataValidationCriteria, type DataValidationCriteriaName, enumName } from './enums';
import { EmulatorUsageError, exception } from './errors';
import type { ValidationSpec } from './sheet-model';

import SS = GoogleAppsScript.Spreadsheet;

export type ValidationArg = SS.DataValidation | null;

type RuleMethods = 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText';

export class EmDataValidation implements Pick<SS.DataValidation, RuleMethods> {
  readonly [GUARD]: Execution;

  constructor(
    private readonly exec: Execution,
    readonly spec: ValidationSpec,
  ) {
    this[GUARD] = exec;
  }

  copy(): SS.DataValidationBuilder {
    return asValidationBuilder(new EmDataValidationBuilder(this.exec, this.spec));
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getCriteriaType(): SS.DataValidationCriteria {
    return DataValidationCriteria[this.spec.criteria as DataValidationCriteriaName];
  }
  getCriteriaValues(): unknown[] {
    return [...this.spec.values];
  }
  getHelpText(): string {
    return this.spec.helpText;
  }
}

/** A checkbox rule's criteria values: none, the checked value, or the checked and unchecked values. */
export function checkboxValues(checkedValue: unknown, uncheckedValue: unknown): unknown[] {
  if (checkedValue === undefined) return [];
  return uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
}

export function validationFacade(exec: Execution, spec: ValidationSpec): EmDataValidation {
  return new EmDataValidation(exec, spec);
}

export function validationSpecOf(rule: unknown): ValidationSpec {
  if (rule instanceof EmDataValidation) return rule.spec;
  throw new EmulatorUsageError('Expected a DataValidation built by SpreadsheetApp.newDataValidation().');
}

type BuilderMethods =
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireNumberEqualTo'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireTextEqualTo'
  | 'requireValueInList'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria';

export class EmDataValidationBuilder implements Pick<SS.DataValidationBuilder, BuilderMethods> {
  readonly [GUARD]: Execution;
  private criteria: string | undefined;
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText: string | null = null;

  constructor(
    private readonly exec: Execution,
    from?: ValidationSpec,
  ) {
    this[GUARD] = exec;
    if (from) {
      this.criteria = from.criteria;
      this.values = [...from.values];
      this.allowInvalid = from.allowInvalid;
      this.helpText = from.helpText || null;
    }
  }

  private _set(criteria: DataValidationCriteriaName, values: unknown[]): SS.DataValidationBuilder {
    this.criteria = criteria;
    this.values = values;
    return asValidationBuilder(this);
  }

  build(): SS.DataValidation {
    if (!this.criteria) throw exception('You must set a criteria before building a data validation rule.');
    const spec: ValidationSpec = {
      criteria: this.criteria,
      values: [...this.values],
      allowInvalid: this.allowInvalid,
      helpText: this.helpText ?? '',
    };
    return asValidation(new EmDataValidation(this.exec, spec));
  }
  copy(): SS.DataValidationBuilder {
    const copy = new EmDataValidationBuilder(this.exec);
    copy.criteria = this.criteria;
    copy.values = [...this.values];
    copy.allowInvalid = this.allowInvalid;
    copy.helpText = this.helpText;
    return asValidationBuilder(copy);
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getCriteriaType(): SS.DataValidationCriteria {
    return DataValidationCriteria[(this.criteria ?? 'CUSTOM_FORMULA') as DataValidationCriteriaName];
  }
  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
  getHelpText(): string | null {
    return this.helpText;
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): SS.DataValidationBuilder {
    return this._set('CHECKBOX', checkboxValues(checkedValue, uncheckedValue));
  }
  requireFormulaSatisfied(formula: string): SS.DataValidationBuilder {
    return this._set('CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(start: number, end: number): SS.DataValidationBuilder {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(number: number): SS.DataValidationBuilder {
    return this._set('NUMBER_EQUAL_TO', [number]);
  }
  requireNumberGreaterThan(number: number): SS.DataValidationBuilder {
    return this._set('NUMBER_GREATER_THAN', [number]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): SS.DataValidationBuilder {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberLessThan(number: number): SS.DataValidationBuilder {
    return this._set('NUMBER_LESS_THAN', [number]);
  }
  requireNumberLessThanOrEqualTo(number: number): SS.DataValidationBuilder {
    return this._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  requireTextEqualTo(text: string): SS.DataValidationBuilder {
    return this._set('TEXT_EQUAL_TO', [text]);
  }
  requireValueInList(values: string[], showDropdown = true): SS.DataValidationBuilder {
    if (!Array.isArray(values) || values.length === 0)
      throw exception('The list of values must not be empty.');
    return this._set('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  setAllowInvalid(allowInvalidData: boolean): SS.DataValidationBuilder {
    this.allowInvalid = allowInvalidData;
    return asValidationBuilder(this);
  }
  setHelpText(helpText: string): SS.DataValidationBuilder {
    this.helpText = helpText;
    return asValidationBuilder(this);
  }
  withCriteria(criteria: SS.DataValidationCriteria, args: unknown[]): SS.DataValidationBuilder {
    return this._set(enumName(criteria) as DataValidationCriteriaName, [...args]);
  }
}

instrument(EmDataValidation, 'DataValidation');
instrument(EmDataValidationBuilder, 'DataValidationBuilder');
