/** The emulator as the add-on meets it: a script loaded in a vm context, and the real formula engine. */
import { createContext, runInContext } from 'node:vm';
import { createWorkbook, effectiveFormat } from '../../emulator';
import { createFormulaEngine } from '../../emulator/formula-engine';

function loadScript(globals: object, source: string): Record<string, (...args: unknown[]) => unknown> {
  const context = createContext({ ...globals });
  runInContext(source, context);
  return context as Record<string, (...args: unknown[]) => unknown>;
}

describe('a script in a vm context', () => {
  test('dates read from cells are instances of the script Date, and new Date() follows the clock', () => {
    const wb = createWorkbook({ clock: () => new Date('2025-06-30T12:00:00Z') });
    wb.spreadsheet.getSheets()[0]?.getRange('A1').setValue(new Date('2025-01-01T00:00:00Z'));
    const script = loadScript(
      wb.globals,
      `function check() {
         const v = SpreadsheetApp.getActiveSheet().getRange('A1').getValue();
         return [v instanceof Date, new Date().toISOString(), Date.now()];
       }`,
    );
    expect(script.check?.()).toEqual([true, '2025-06-30T12:00:00.000Z', Date.parse('2025-06-30T12:00:00Z')]);
  });

  test('menu handlers run against the shared document and the recorded UI', () => {
    const wb = createWorkbook();
    const script = loadScript(
      wb.globals,
      `function onOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem('Refresh', 'refresh').addToUi(); }
       function refresh() {
         const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('KPIs');
         sheet.getRange(1, 1, 1, 2).setValues([['KPI', 'Status']]);
         SpreadsheetApp.getActiveSpreadsheet().toast('Refreshed');
       }`,
    );
    script.onOpen?.();
    const [item] = wb.ui.items();
    script[item?.functionName ?? '']?.();
    expect(wb.sheet('KPIs').getRange('A1:B1').getValues()).toEqual([['KPI', 'Status']]);
    expect(wb.toasts.map((t) => t.message)).toEqual(['Refreshed']);
  });
});

describe('with the real formula engine', () => {
  test('a custom function column spills and a =$B2="Breach" rule colors the breaching rows', () => {
    const kpiStatus = (value: unknown, warning: unknown, critical: unknown): unknown => {
      const judge = (v: unknown) =>
        v === ''
          ? ''
          : Number(v) >= Number(critical)
            ? 'Breach'
            : Number(v) >= Number(warning)
              ? 'Warning'
              : 'OK';
      return Array.isArray(value) ? value.map((row: unknown[]) => [judge(row[0])]) : judge(value);
    };
    const wb = createWorkbook({ formulaEngine: createFormulaEngine({ KPI_STATUS: kpiStatus }) });
    const { SpreadsheetApp } = wb.globals;
    const sheet = SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:C5').setValues([
      ['KPI', 'Status', 'Value'],
      ['Latency', '', 450],
      ['Errors', '', 0.2],
      ['Queue', '', 120],
      ['Backlog', '', 80],
    ]);
    sheet.getRange('B2').setFormula('=KPI_STATUS(C2:C5, 100, 300)');
    expect(sheet.getRange('B2:B5').getValues().flat()).toEqual(['Breach', 'OK', 'Warning', 'OK']);
    sheet.setConditionalFormatRules([
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied('=$B2="Breach"')
        .setBackground('#f4c7c3')
        .setRanges([sheet.getRange('A2:C5')])
        .build(),
    ]);
    const painted = [2, 3, 4, 5].map((row) => effectiveFormat(sheet, row, 1).background ?? '');
    expect(painted).toEqual(['#f4c7c3', '', '', '']);
    expect(effectiveFormat(sheet, 2, 3).background).toBe('#f4c7c3');

    sheet.getRange('C5').setValue(999); // values recompute after a write
    expect(sheet.getRange('B5').getValue()).toBe('Breach');
    expect(effectiveFormat(sheet, 5, 2).background).toBe('#f4c7c3');
  });

  test('custom functions run read-only and without UI', () => {
    const wb = createWorkbook();
    const write = () => {
      wb.globals.SpreadsheetApp.getActiveSheet().getRange('Z1').setValue(1);
      return 'wrote';
    };
    const ui = () => {
      wb.globals.SpreadsheetApp.getUi();
      return 'ui';
    };
    const read = () => wb.globals.SpreadsheetApp.getActiveSheet().getRange('A2').getValue();
    wb.setFormulaEngine(createFormulaEngine({ WRITE: write, UI: ui, READ: read }));
    const sheet = wb.globals.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:C1').setValues([['=WRITE()', '=UI()', '=READ()']]);
    sheet.getRange('A2').setValue('read me');
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['#ERROR!', '#ERROR!', 'read me']]);
    const messages = wb
      .snapshot('Sheet1')
      .cells[0]?.map((c) => (typeof c.value === 'object' && 'message' in c.value ? c.value.message : ''));
    expect(messages?.[0]).toContain('You do not have permission to call Range.setValue');
    expect(messages?.[1]).toContain('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(sheet.getRange('Z1').getValue()).toBe('');
  });

  test('calls a custom function makes are its own execution: no round trips of the run that read its cell', () => {
    const wb = createWorkbook();
    const zone = () => wb.globals.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
    wb.setFormulaEngine(createFormulaEngine({ ZONE: zone }));
    const sheet = wb.globals.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1').setValue('=ZONE()');
    wb.calls.reset();
    expect(sheet.getRange('A1').getValue()).toBe(wb.spreadsheet.getSpreadsheetTimeZone());
    expect(wb.calls.byMethod['Spreadsheet.getSpreadsheetTimeZone']).toBeUndefined();
    expect(wb.calls.byMethod['Range.getValue']).toBe(1);
  });

  test("a custom function's active sheet and range are its own cell", () => {
    const wb = createWorkbook();
    const where = () => {
      const range = wb.globals.SpreadsheetApp.getActiveRange();
      return `${range.getSheet().getName()}!${range.getA1Notation()}`;
    };
    wb.setFormulaEngine(createFormulaEngine({ WHERE: where }));
    const other = wb.spreadsheet.insertSheet('Other');
    other.getRange('C4').setFormula('=WHERE()');
    wb.spreadsheet.setActiveSheet(wb.sheet('Sheet1'));
    expect(wb.globals.SpreadsheetApp.getActiveSheet().getRange('A1').getValue()).toBe('');
    expect(wb.sheet('Other').getRange('C4').getValue()).toBe('Other!C4');
    expect(wb.globals.SpreadsheetApp.getActiveSheet().getName()).toBe('Sheet1');
  });
});
