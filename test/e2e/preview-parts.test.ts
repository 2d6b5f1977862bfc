/** The preview's pieces that need no browser: the .xlsx convention, real dialogs. */
import { createWorkbook } from '../../emulator';
import { UnansweredDialogs } from '../../preview/server/unanswered-dialogs';
import type { DialogRequest } from '../../preview/shared/view';
import { askUserForDialogs } from '../../preview/worker/dialogs';
import { callsAny, formulaFromXlsx, formulaToXlsx, spilledToXlsx } from '../../preview/worker/xlsx-formulas';

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

describe('a dialog with no page open', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('is closed once no page has been open for the timeout, and not before', () => {
    const close = jest.fn();
    const watch = new UnansweredDialogs(60_000, close);
    watch.update(0, true);
    jest.advanceTimersByTime(59_999);
    expect(close).not.toHaveBeenCalled();
    // Another dialog or page change meanwhile does not restart the wait.
    watch.update(0, true);
    jest.advanceTimersByTime(1);
    expect(close).toHaveBeenCalledTimes(1);
  });

  test('waits on while a page is open: a reload only closes the page for a moment', () => {
    const close = jest.fn();
    const watch = new UnansweredDialogs(1_000, close);
    watch.update(1, true);
    jest.advanceTimersByTime(5_000);
    watch.update(0, true);
    jest.advanceTimersByTime(900);
    watch.update(1, true);
    jest.advanceTimersByTime(5_000);
    expect(close).not.toHaveBeenCalled();
  });

  test('nothing is closed when no dialog is open', () => {
    const close = jest.fn();
    const watch = new UnansweredDialogs(1_000, close);
    watch.update(0, true);
    watch.update(0, false);
    jest.advanceTimersByTime(5_000);
    expect(close).not.toHaveBeenCalled();
  });
});
