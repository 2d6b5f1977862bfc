/**
 * Writes a table's highlight rules: reads the sheet's rule list once, keeps every rule that is not the
 * add-on's, and writes the list back once with the add-on's rules first (Sheets applies the first
 * matching rule, and a status colour is what the add-on is for). When the list already starts with
 * exactly those rules, as after the last Refresh, nothing is written.
 */
import { columnLetter, type HighlightRule, isOwnRuleFormula } from '../core';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

function customFormula(rule: Rule): string | null {
  const condition = rule.getBooleanCondition();
  if (!condition || condition.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA)
    return null;
  const [formula] = condition.getCriteriaValues();
  return typeof formula === 'string' ? formula : null;
}

function isOwnRule(rule: Rule): boolean {
  const formula = customFormula(rule);
  return formula !== null && isOwnRuleFormula(formula);
}

const area = (range: Range) =>
  [range.getRow(), range.getColumn(), range.getLastRow(), range.getLastColumn()].join(',');

/** Whether `rule` is `planned` on `range`, as the sheet holds it (colours compared in any letter case). */
function isPlanned(rule: Rule, planned: HighlightRule, range: Range): boolean {
  const ranges = rule.getRanges();
  return (
    customFormula(rule) === planned.formula &&
    (rule.getBooleanCondition()?.getBackground() ?? '').toLowerCase() === planned.background.toLowerCase() &&
    ranges.length === 1 &&
    area(ranges[0] as Range) === area(range)
  );
}

export function applyHighlights(sheet: Sheet, firstRow: number, rules: readonly HighlightRule[]): void {
  const existing = sheet.getConditionalFormatRules();
  // Open-ended ("C2:C"): down to the sheet's last row without asking the sheet how many it has.
  const ranges = rules.map((rule) =>
    sheet.getRange(`${columnLetter(rule.column)}${firstRow}:${columnLetter(rule.column)}`),
  );
  const kept = existing.filter((rule) => !isOwnRule(rule));
  const current =
    existing.length === rules.length + kept.length &&
    rules.every((rule, i) => isPlanned(existing[i] as Rule, rule, ranges[i] as Range));
  if (current) return;
  const own = rules.map((rule, i) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(rule.formula)
      .setBackground(rule.background)
      .setRanges([ranges[i] as Range])
      .build(),
  );
  sheet.setConditionalFormatRules([...own, ...kept]);
}
