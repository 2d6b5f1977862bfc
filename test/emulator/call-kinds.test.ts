import { createWorkbook } from '../../emulator';
import { callKind } from '../../emulator/call-kinds';

describe('call kinds', () => {
  it.each([
    ['Range.getValues', 'read'],
    ['Sheet.getDataRange', 'read'],
    ['DeveloperMetadataFinder.find', 'read'],
    ['Sheet.getName', 'read'],
    ['Range.setValues', 'write'],
    ['Sheet.setConditionalFormatRules', 'write'],
    ['Sheet.insertRowsAfter', 'write'],
    ['SpreadsheetApp.flush', 'write'],
    ['Spreadsheet.toast', 'ui'],
    ['Ui.alert', 'ui'],
    ['Menu.addToUi', 'ui'],
    ['Lock.tryLock', 'service'],
    ['MailApp.sendEmail', 'service'],
    ['ClockTriggerBuilder.create', 'service'],
    ['Sheet.getRange', 'local'],
    ['RangeList.setNumberFormat', 'write'],
    ['RangeList.getRanges', 'local'],
    ['Range.getColumn', 'local'],
    ['DeveloperMetadata.getValue', 'local'],
    ['DeveloperMetadataLocation.getColumn', 'local'],
    ['DeveloperMetadataFinder.withKey', 'local'],
    ['Spreadsheet.createDeveloperMetadataFinder', 'local'],
    ['ConditionalFormatRuleBuilder.build', 'local'],
    ['SpreadsheetApp.newConditionalFormatRule', 'local'],
    ['Utilities.formatDate', 'local'],
    ['Ui.createAddonMenu', 'local'],
  ])('%s is %s', (method, kind) => {
    expect(callKind(method)).toBe(kind);
  });

  it('are counted with every call', () => {
    const wb = createWorkbook();
    const sheet = wb.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
    sheet?.getRange('A1:B2').getValues();
    sheet?.getRange('A1').setValue(1);
    expect(wb.calls.byKind).toEqual({ read: 2, write: 1, ui: 0, service: 0, local: 3 });
    wb.calls.reset();
    expect(wb.calls.byKind).toEqual({ read: 0, write: 0, ui: 0, service: 0, local: 0 });
  });
});
