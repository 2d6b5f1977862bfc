/**
 * Writes a table's highlight rules: reads the sheet's rule list once, keeps every rule that is not the
 * add-on's, and writes the list back once with the add-on's rules first (Sheets applies the first
 * matching rule, and a status colour is what the add-on is for).
 */
import { columnLetter, type HighlightRule, isOwnRuleFormula } from '../core';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

function isOwnRule(rule: Rule): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition) return false;
  if (condition.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA) return false;
  const [formula] = condition.getCriteriaValues();
  return typeof formula === 'string' && isOwnRuleFormula(formula);
}

export function applyHighlights(sheet: Sheet, firstRow: number, rules: readonly HighlightRule[]): void {
  const kept = sheet.getConditionalFormatRules().filter((rule) => !isOwnRule(rule));
  const own = rules.map((rule) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(rule.formula)
      .setBackground(rule.background)
      // Open-ended ("C2:C"): down to the sheet's last row without asking the sheet how many it has.
      .setRanges([sheet.getRange(`${columnLetter(rule.column)}${firstRow}:${columnLetter(rule.column)}`)])
      .build(),
  );
  sheet.setConditionalFormatRules([...own, ...kept]);
}
