/** The preview's pieces that need no browser: formula workarounds, the .xlsx convention, real dialogs. */
import { createWorkbook } from '../../emulator';
import { createFormulaEngine } from '../../emulator/formula-engine';
import type { DialogRequest } from '../../preview/shared/view';
import {
  ARRAY_FUNCTION,
  previewArray,
  rewriteArrayLiterals,
  withArrayLiterals,
} from '../../preview/worker/array-literals';
import { askUserForDialogs } from '../../preview/worker/dialogs';
import { callsAny, formulaFromXlsx, formulaToXlsx, spilledToXlsx } from '../../preview/worker/xlsx-formulas';

describe('array literals with expressions', () => {
  test('are rewritten only when an item is not a constant', () => {
    expect(rewriteArrayLiterals('=SPARKLINE({1,2,3})')).toBeNull();
    expect(rewriteArrayLiterals('=SPARKLINE({0.9,0.95,I2})')).toBe(
      `=SPARKLINE(${ARRAY_FUNCTION}(1,3,0.9,0.95,I2))`,
    );
    expect(rewriteArrayLiterals('=SPARKLINE(K2,{"charttype","bar";"color1",IF(K2>0.5,"green","red")})')).toBe(
      `=SPARKLINE(K2,${ARRAY_FUNCTION}(2,2,"charttype","bar","color1",IF(K2>0.5,"green","red")))`,
    );
  });

  test('leave braces inside strings alone', () => {
    expect(rewriteArrayLiterals('=CONCAT("{", A1, "}")')).toBeNull();
    expect(rewriteArrayLiterals('=IF(A1, "say ""{x}""", {1,B1})')).toBe(
      `=IF(A1, "say ""{x}""", ${ARRAY_FUNCTION}(1,2,1,B1))`,
    );
  });

  test('evaluate in the emulator as Sheets would', () => {
    const wb = createWorkbook();
    wb.setFormulaEngine(withArrayLiterals(createFormulaEngine({ [ARRAY_FUNCTION]: previewArray })));
    const sheet = wb.sheet('Sheet1');
    sheet.getRange('A1').setValue(0.4);
    sheet
      .getRange('B1')
      .setFormula('=SPARKLINE(A1,{"charttype","bar";"color1",IF(A1>=0.35,"#fbbc04","#ea4335")})');
    sheet.getRange('C1').setFormula('=SPARKLINE({1,2,A1})');
    const [, bar, line] = wb.snapshot('Sheet1').cells[0] ?? [];
    expect(bar?.value).toEqual({
      kind: 'sparkline',
      data: [0.4],
      options: { charttype: 'bar', color1: '#fbbc04' },
    });
    expect(line?.value).toEqual({ kind: 'sparkline', data: [1, 2, 0.4], options: {} });
  });
});

describe("Sheets' .xlsx convention for functions Excel lacks", () => {
  test('reading restores the original formula and leaves spilled cells blank', () => {
    expect(formulaFromXlsx('SUM(A1:A3)')).toEqual({ kind: 'formula', text: '=SUM(A1:A3)' });
    expect(formulaFromXlsx('IFERROR(__xludf.DUMMYFUNCTION("KPI_STATUS(B2:B3, ""higher"")"),"OK")')).toEqual({
      kind: 'formula',
      text: '=KPI_STATUS(B2:B3, "higher")',
    });
    expect(formulaFromXlsx('IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),12)')).toEqual({
      kind: 'spilled',
    });
  });

  test('writing wraps what Excel cannot compute, and reads back the same', () => {
    const written = formulaToXlsx('=KPI_STATUS(B2, "higher")', true, 'OK');
    expect(written).toBe('IFERROR(__xludf.DUMMYFUNCTION("KPI_STATUS(B2, ""higher"")"),"OK")');
    expect(formulaFromXlsx(written)).toEqual({ kind: 'formula', text: '=KPI_STATUS(B2, "higher")' });
    expect(formulaToXlsx('=SUM(A1:A3)', false, 6)).toBe('SUM(A1:A3)');
    expect(formulaFromXlsx(spilledToXlsx(0.5))).toEqual({ kind: 'spilled' });
  });

  test('custom functions are found by name, not inside other names', () => {
    expect(callsAny('=okr_score(A2:A, B2:B)', ['OKR_SCORE'])).toBe(true);
    expect(callsAny('=MY_OKR_SCORE(A2)', ['OKR_SCORE'])).toBe(false);
    expect(callsAny('=SUM(A1:A3)', ['OKR_SCORE'])).toBe(false);
  });
});

describe('alerts and prompts', () => {
  test('are asked of the user, with their text, once no scripted answer is queued', () => {
    const wb = createWorkbook();
    const asked: Omit<DialogRequest, 'id'>[] = [];
    askUserForDialogs(wb.ui, (request) => {
      asked.push(request);
      return request.kind === 'prompt' ? { button: 'OK', text: 'Ada' } : { button: 'NO', text: '' };
    });
    const ui = wb.globals.SpreadsheetApp.getUi();
    wb.ui.respond({ button: 'YES' });
    expect(ui.alert('Scripted', 'first', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(ui.alert('Connect?', 'Columns: …', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const response = ui.prompt('Your name', ui.ButtonSet.OK_CANCEL);
    expect(response.getResponseText()).toBe('Ada');
    expect(response.getSelectedButton()).toBe(ui.Button.OK);
    expect(asked).toEqual([
      { kind: 'alert', title: 'Connect?', message: 'Columns: …', buttons: 'YES_NO' },
      { kind: 'prompt', title: '', message: 'Your name', buttons: 'OK_CANCEL' },
    ]);
    expect(wb.ui.alerts.map((a) => a.button)).toEqual(['YES', 'NO']);
  });

  test('an answer that is not one of the buttons counts as closing the dialog', () => {
    const wb = createWorkbook();
    askUserForDialogs(wb.ui, () => ({ button: 'CANCEL', text: '' }));
    const ui = wb.globals.SpreadsheetApp.getUi();
    expect(ui.alert('Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.CLOSE);
  });
});
