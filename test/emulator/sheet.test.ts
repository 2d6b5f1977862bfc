import { createWorkbook } from '../../emulator';

function setup() {
  const wb = createWorkbook();
  const app = wb.globals.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  return { wb, app, ss, sheet: ss.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet };
}

describe('sheets of a spreadsheet', () => {
  test('insertSheet refuses a name that differs only by case', () => {
    const { ss } = setup();
    ss.insertSheet('KPIs');
    expect(() => ss.insertSheet('kpis')).toThrow(
      'A sheet with the name "kpis" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('kpis')?.getName()).toBe('KPIs');
  });

  test('insertSheet places by 0-based index, activates the new sheet, and getIndex is 1-based', () => {
    const { ss } = setup();
    ss.insertSheet('Last');
    const first = ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Last']);
    expect(first.getIndex()).toBe(1);
    expect(ss.getActiveSheet().getName()).toBe('First');
    expect(ss.insertSheet().getName()).toBe('Sheet4');
  });

  test('setName refuses a clash; deleteSheet removes; the last sheet stays', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Other');
    expect(() => other.setName('SHEET1')).toThrow('already exists');
    other.setName('Renamed');
    ss.deleteSheet(other);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(() => ss.deleteSheet(sheet)).toThrow();
    expect(() => other.getRange('A1')).toThrow('deleted');
  });

  test('getRange with a sheet name, named ranges', () => {
    const { ss } = setup();
    const kpis = ss.insertSheet('Key results');
    kpis.getRange('B2').setValue(5);
    expect(ss.getRange("'Key results'!B2").getValue()).toBe(5);
    ss.setNamedRange('AsOfDate', kpis.getRange('B2'));
    expect(ss.getRangeByName('AsOfDate')?.getA1Notation()).toBe('B2');
    expect(ss.getRangeByName('Missing')).toBeNull();
    const [named] = ss.getNamedRanges();
    expect(named?.getName()).toBe('AsOfDate');
    named?.remove();
    expect(ss.getNamedRanges()).toEqual([]);
    expect(() => ss.setNamedRange('A1', kpis.getRange('B2'))).toThrow();
  });

  test('the selection', () => {
    const { app, ss, sheet } = setup();
    expect(app.getActiveRange().getA1Notation()).toBe('A1');
    ss.setActiveRange(sheet.getRange('B3:C4'));
    expect(app.getActiveRange().getA1Notation()).toBe('B3:C4');
    expect(sheet.getActiveRange()?.getA1Notation()).toBe('B3:C4');
  });

  test('toasts are recorded', () => {
    const { wb, ss } = setup();
    ss.toast('Done', 'OKR', 3);
    expect(wb.toasts).toEqual([{ message: 'Done', title: 'OKR', timeoutSeconds: 3 }]);
  });
});

describe('content extent', () => {
  test('getLastRow and getLastColumn follow content, getDataRange spans it', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C5').setValue('x');
    sheet.getRange('A2').setBackground('#ff0000'); // formatting is not content
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
  });

  test('appendRow writes after the last row and grows a full sheet', () => {
    const { sheet } = setup();
    sheet.appendRow(['a', '=B1', '12']);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '=B1', '']]);
    expect(sheet.getRange('C1').getValue()).toBe(12);
    sheet.getRange('A1000').setValue('bottom');
    sheet.appendRow(['after']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange('A1001').getValue()).toBe('after');
  });
});

describe('rows and columns', () => {
  test('insert and delete move contents and resize the grid', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[1], [''], [''], [2], [3]]);
    sheet.insertRowBefore(1);
    sheet.deleteRows(2, 1);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[''], [''], [''], [2], [3]]);
    sheet.deleteRow(1);
    expect(sheet.getMaxRows()).toBe(1001);
    sheet.getRange('B1').setValue('b');
    sheet.insertColumnBefore(2);
    expect(sheet.getRange('C1').getValue()).toBe('b');
    expect(sheet.getMaxColumns()).toBe(27);
    sheet.deleteColumns(1, 2);
    expect(sheet.getRange('A1').getValue()).toBe('b');
  });

  test('out-of-bounds structural changes throw', () => {
    const { sheet } = setup();
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.insertRowsAfter(1001, 1)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteColumn(27)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.deleteRows(1, 1000)).toThrow('not possible to delete all non-frozen rows');
  });

  test('frozen rows, widths, hidden columns', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 240);
    sheet.hideColumns(3);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getColumnWidth(2)).toBe(240);
    expect(sheet.getColumnWidth(1)).toBe(100);
    expect(sheet.isColumnHiddenByUser(3)).toBe(true);
    sheet.insertColumnBefore(1);
    expect(sheet.isColumnHiddenByUser(4)).toBe(true);
    expect(sheet.getColumnWidth(3)).toBe(240);
  });

  test('sort keeps the frozen header and puts blanks last', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.getRange('A1:B5').setValues([
      ['name', 'score'],
      ['b', 2],
      ['a', ''],
      ['c', 3],
      ['d', 1],
    ]);
    sheet.sort(2);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['name', 'd', 'b', 'c', 'a']);
    sheet.sort(2, false);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['name', 'c', 'b', 'd', 'a']);
  });
});

describe('protections', () => {
  test('sheet and range protections record their settings', () => {
    const { wb, ss, sheet } = setup();
    const app = wb.globals.SpreadsheetApp;
    sheet.protect().setDescription('OKR sheet').setWarningOnly(true);
    sheet.getRange('A1:C1').protect().setDescription('header');
    const [whole] = sheet.getProtections(app.ProtectionType.SHEET);
    expect([whole?.getDescription(), whole?.isWarningOnly()]).toEqual(['OKR sheet', true]);
    const [header] = ss.getProtections(app.ProtectionType.RANGE);
    expect(header?.getRange().getA1Notation()).toBe('A1:C1');
    header?.remove();
    expect(ss.getProtections(app.ProtectionType.RANGE)).toEqual([]);
  });
});
