import { createWorkbook, effectiveFormat } from '../../emulator';
import { fakeEvaluator } from './fake-evaluator';

function setup() {
  const wb = createWorkbook({ formulaEngine: fakeEvaluator() });
  const app = wb.globals.SpreadsheetApp;
  const sheet = app.getActiveSheet();
  return { wb, app, sheet };
}

describe('conditional format rules', () => {
  test('the builder records condition, format and ranges', () => {
    const { app, sheet } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenNumberBetween(0.7, 1)
      .setBackground('#B7E1CD')
      .setFontColor('#000000')
      .setBold(true)
      .setRanges([sheet.getRange('D2:D100')])
      .build();
    const condition = rule.getBooleanCondition();
    expect(condition?.getCriteriaType()).toBe(app.BooleanCriteria.NUMBER_BETWEEN);
    expect(condition?.getCriteriaValues()).toEqual([0.7, 1]);
    expect([condition?.getBackground(), condition?.getFontColor(), condition?.getBold()]).toEqual([
      '#b7e1cd',
      '#000000',
      true,
    ]);
    expect(condition?.getItalic()).toBeNull();
    expect(rule.getGradientCondition()).toBeNull();
    expect(rule.getRanges().map((r) => r.getA1Notation())).toEqual(['D2:D100']);
  });

  test('setConditionalFormatRules replaces the whole list; reads are copies', () => {
    const { app, sheet } = setup();
    const mine = app.newConditionalFormatRule().whenTextEqualTo('Breach').setBackground('#f4c7c3');
    const users = app.newConditionalFormatRule().whenCellEmpty().setBackground('#eeeeee');
    sheet.setConditionalFormatRules([users.setRanges([sheet.getRange('A1:A9')]).build()]);
    const rules = sheet.getConditionalFormatRules();
    rules.push(mine.setRanges([sheet.getRange('B2:B9')]).build());
    expect(sheet.getConditionalFormatRules()).toHaveLength(1); // the array read is not live
    sheet.setConditionalFormatRules(rules);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    sheet.setConditionalFormatRules([rules[1] as GoogleAppsScript.Spreadsheet.ConditionalFormatRule]);
    const [only] = sheet.getConditionalFormatRules();
    expect(only?.getBooleanCondition()?.getCriteriaValues()).toEqual(['Breach']);
    // A copy edited through its builder does not change the stored rule.
    only?.copy().setBackground('#000000').build();
    expect(sheet.getConditionalFormatRules()[0]?.getBooleanCondition()?.getBackground()).toBe('#f4c7c3');
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  test('a rule must be built on ranges of the sheet it is set on', () => {
    const { app, sheet } = setup();
    const other = app.getActiveSpreadsheet().insertSheet('Other');
    const rule = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([other.getRange('A1')])
      .build();
    expect(() => sheet.setConditionalFormatRules([rule])).toThrow();
  });

  test('rule ranges move with inserted rows', () => {
    const { app, sheet } = setup();
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground('#eeeeee')
        .setRanges([sheet.getRange('A2:C10')])
        .build(),
    ]);
    sheet.insertRowsBefore(1, 2);
    sheet.insertRowsAfter(5, 1);
    expect(sheet.getConditionalFormatRules()[0]?.getRanges()[0]?.getA1Notation()).toBe('A4:C13');
  });
});

describe('effective formats', () => {
  test('a custom formula written for the top-left cell colors the matching rows', () => {
    const { wb, app, sheet } = setup();
    sheet.getRange('A1:B4').setValues([
      ['KPI', 'Status'],
      ['Uptime', 'OK'],
      ['Latency', 'Breach'],
      ['Errors', 'Warning'],
    ]);
    const breach = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$B2="Breach"')
      .setBackground('#f4c7c3')
      .setRanges([sheet.getRange('A2:B4')])
      .build();
    sheet.setConditionalFormatRules([breach]);
    expect(effectiveFormat(sheet, 3, 1)).toEqual({ background: '#f4c7c3', ruleIndex: 0 });
    expect(effectiveFormat(sheet, 3, 2).background).toBe('#f4c7c3');
    expect(effectiveFormat(sheet, 2, 1)).toEqual({});
    expect(effectiveFormat(sheet, 1, 2)).toEqual({}); // outside the rule's range
    expect(wb.effectiveFormat('Sheet1', 3, 1).background).toBe('#f4c7c3');
  });

  test('the first matching rule wins', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1:A3').setValues([[5], [50], ['']]);
    const range = [sheet.getRange('A1:A3')];
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule().whenNumberGreaterThan(10).setBackground('red').setRanges(range).build(),
      app
        .newConditionalFormatRule()
        .whenNumberGreaterThan(1)
        .setBackground('yellow')
        .setBold(true)
        .setRanges(range)
        .build(),
      app.newConditionalFormatRule().whenCellEmpty().setFontColor('#999999').setRanges(range).build(),
    ]);
    expect(effectiveFormat(sheet, 1, 1)).toEqual({ background: '#ffff00', bold: true, ruleIndex: 1 });
    expect(effectiveFormat(sheet, 2, 1)).toEqual({ background: '#ff0000', ruleIndex: 0 });
    expect(effectiveFormat(sheet, 3, 1)).toEqual({ fontColor: '#999999', ruleIndex: 2 });
  });

  test('the preview snapshot overlays rule formats on cell formats', () => {
    const { wb, app, sheet } = setup();
    sheet.getRange('A1:A2').setValues([[0.5], [0.9]]);
    sheet.getRange('A1:A2').setNumberFormat('0%').setFontWeight('bold');
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenNumberGreaterThanOrEqualTo(0.7)
        .setBackground('#b7e1cd')
        .setRanges([sheet.getRange('A1:A2')])
        .build(),
    ]);
    const snap = wb.snapshot('Sheet1');
    expect(snap.cells.map((row) => row.map((c) => [c.display, c.background, c.bold]))).toEqual([
      [['50%', '#ffffff', true]],
      [['90%', '#b7e1cd', true]],
    ]);
  });
});
