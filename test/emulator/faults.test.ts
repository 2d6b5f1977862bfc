import { createWorkbook } from '../../emulator';
import { ROUND_TRIPS } from '../../emulator/call-kinds';

function sheetOf(wb: ReturnType<typeof createWorkbook>) {
  return wb.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
}

/** Runs `step` and returns the error it threw (or null). */
function caught(step: () => unknown): Error | null {
  try {
    step();
    return null;
  } catch (error) {
    return error as Error;
  }
}

describe('fault injection', () => {
  test('the n-th call fails like a transient Spreadsheets error, without effect, and counts', () => {
    const wb = createWorkbook({ id: 'doc-1' });
    const sheet = sheetOf(wb);
    wb.calls.reset();
    wb.faults.failCall(2);
    const range = sheet.getRange('A1'); // 1st
    const error = caught(() => range.setValue('lost')); // 2nd: fails
    expect(error?.name).toBe('Exception');
    expect(error?.message).toBe('Service Spreadsheets failed while accessing document with id doc-1.');
    expect(String(error)).toBe(
      'Exception: Service Spreadsheets failed while accessing document with id doc-1.',
    );
    expect(wb.sheet('Sheet1').getRange('A1').getValue()).toBe('');
    expect(wb.calls.total).toBe(2);
    // Fired once: the next call goes through.
    range.setValue('kept');
    expect(wb.sheet('Sheet1').getRange('A1').getValue()).toBe('kept');
    expect(wb.faults.fired).toEqual([
      {
        method: 'Range.setValue',
        nth: 2,
        when: 'before',
        message: 'Service Spreadsheets failed while accessing document with id doc-1.',
      },
    ]);
    expect(wb.faults.armed()).toBe(0);
  });

  test('counts only the calls of one kind, by exact Class.method or by pattern', () => {
    const wb = createWorkbook();
    const sheet = sheetOf(wb);
    wb.faults.failCall(2, { method: 'Range.setValues' });
    wb.faults.failCall(1, { method: /^Properties\./ });
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    sheet.getRange('A1').getValues();
    expect(caught(() => sheet.getRange('B1').setValues([[3]]))?.message).toMatch(/^Service Spreadsheets/);
    const props = wb.globals.PropertiesService.getDocumentProperties(); // PropertiesService.*: not matched
    expect(caught(() => props.setProperty('k', 'v'))?.message).toBe(
      "We're sorry, a server error occurred. Please wait a bit and try again.",
    );
    expect(wb.properties.document.has('k')).toBe(false);
    expect(wb.sheet('Sheet1').getRange('A1:B2').getValues()).toEqual([
      [1, ''],
      [2, ''],
    ]);
  });

  test('"after": the call takes effect, then throws; a custom message is used as given', () => {
    const wb = createWorkbook();
    const sheet = sheetOf(wb);
    wb.faults.failCall(1, {
      method: 'Range.setValue',
      when: 'after',
      message: 'Exceeded maximum execution time',
    });
    const error = caught(() => sheet.getRange('C3').setValue('landed'));
    expect(error?.message).toBe('Exceeded maximum execution time');
    expect(wb.sheet('Sheet1').getRange('C3').getValue()).toBe('landed');
  });

  test('fires in another execution of the document, never in the harness; clear disarms', () => {
    const wb = createWorkbook();
    wb.faults.failCall(1);
    wb.sheet('Sheet1').getRange('A1').setValue('harness'); // not a script call: not counted
    const other = wb.newExecution();
    expect(caught(() => other.globals.SpreadsheetApp.getActiveSpreadsheet())).not.toBeNull();
    wb.faults.failCall(1);
    wb.faults.clear();
    expect(caught(() => wb.globals.SpreadsheetApp.getActiveSpreadsheet())).toBeNull();
  });

  test('two faults due on the same call: the second fails the next matching call', () => {
    const wb = createWorkbook();
    const sheet = sheetOf(wb);
    wb.faults.failCall(1, { method: 'Sheet.getRange' });
    wb.faults.failCall(1, { method: /^Sheet\./ });
    expect(caught(() => sheet.getRange('A1'))).not.toBeNull();
    expect(caught(() => sheet.getName())).not.toBeNull();
    expect(caught(() => sheet.getName())).toBeNull();
    expect(wb.faults.fired.map((f) => f.method)).toEqual(['Sheet.getRange', 'Sheet.getName']);
  });

  test('counts only round trips when asked: calls answered in the script never fail', () => {
    const wb = createWorkbook();
    wb.faults.failCall(2, { kinds: ROUND_TRIPS });
    const ss = wb.globals.SpreadsheetApp.getActiveSpreadsheet(); // local
    const sheet = ss.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet; // round trip 1
    const range = sheet.getRange('A1:B2'); // local
    range.getRow(); // local
    expect(caught(() => range.getValues())?.message).toMatch(/^Service Spreadsheets failed/); // round trip 2
    expect(wb.faults.fired[0]?.method).toBe('Range.getValues');
  });

  test('refuses a position that is not a positive whole number', () => {
    const wb = createWorkbook();
    expect(() => wb.faults.failCall(0)).toThrow('failCall: nth must be 1 or more, got 0');
  });
});
